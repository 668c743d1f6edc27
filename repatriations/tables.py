"""Stage 4: turn checked curation into rows for every table, in primary-key order
so that two builds of the same inputs give identical tables."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from . import dating, schemas, vocabulary
from .coverage import coverage_rows
from .curation import Curation
from .provenance import CheckedSource
from .schemas import Row


def _project(record: dict[str, Any], table: str) -> Row:
    """Keep only the table's columns, in schema order."""
    return {name: record.get(name) for name in schemas.field_names(table)}


def metric_rows() -> Iterator[Row]:
    for metric in vocabulary.metrics().values():
        yield {"metric": metric.name, "description": metric.description, "role": metric.role, "direction": metric.direction}


def source_label(c: CheckedSource, limit: int = 90) -> str:
    """The headline, or the text's opening words cut at a word boundary."""
    if c.curation.data.get("title"):
        return c.curation.data["title"]
    first_line = c.normalised.text.strip().split("\n", 1)[0]
    if len(first_line) <= limit:
        return first_line
    return first_line[:limit].rsplit(" ", 1)[0] + "…"


def source_rows(checked: list[CheckedSource]) -> Iterator[Row]:
    for c in checked:
        yield _project(
            c.curation.data
            | {
                "raw_path": c.raw_path,
                "curation_path": c.curation.display,
                "sha256": c.sha256,
                "text": c.normalised.text,
                "raw_text": c.normalised.raw_text,
                "raw_chars": len(c.normalised.raw_text),
                "removals": len(c.normalised.removals),
                "label": source_label(c),
                "published_quote_start": c.published_span[0] if c.published_span else None,
                "published_quote_end": c.published_span[1] if c.published_span else None,
            },
            "sources",
        )


def removal_rows(checked: list[CheckedSource]) -> Iterator[Row]:
    for c in checked:
        for i, r in enumerate(c.normalised.removals, 1):
            yield {
                "removal_id": f"{c.source_id}-r{i}",
                "source_id": c.source_id,
                "rule": r.rule,
                "reason": r.reason,
                "raw_start": r.raw_start,
                "raw_end": r.raw_end,
                "removed_text": r.text,
            }


def dated_rows(records: Iterable[dict[str, Any]], table: str) -> Iterator[Row]:
    for record in records:
        earliest = record.get("date_earliest") or record.get("date")
        latest = record.get("date_latest") or record.get("date")
        yield _project(
            record
            | {"date_earliest": earliest, "date_latest": latest, "date_precision": dating.precision(earliest, latest)},
            table,
        )


def exchange_date_rows(checked: list[CheckedSource]) -> list[Row]:
    return [row for c in checked for row in c.datings]


def agreement_of(record: dict[str, Any], agreements: Mapping[str, dict[str, Any]]) -> dating.Agreement | None:
    agreement = agreements.get(record.get("agreement_id") or "")
    if agreement is None:
        return None
    day = agreement.get("date")
    window = dating.Window.of(agreement.get("date_earliest") or day, agreement.get("date_latest") or day)
    return dating.Agreement(agreement["agreement_id"], agreement["label"], window)


def judged_exchanges(
    curation: Curation, by_exchange: Mapping[str, list[dating.Dating]]
) -> Iterator[tuple[dict[str, Any], list[dating.Dating], dating.Judgement]]:
    """Each curated exchange, its sources' datings, and what they allow together under its
    agreement (dating.judge): for the exchanges table and for suggest's known exchanges."""
    agreements = {a["agreement_id"]: a for a in curation.agreements}
    for record in curation.exchanges:
        found = by_exchange.get(record["exchange_id"], [])
        yield record, found, dating.judge(found, agreement_of(record, agreements))


def exchange_rows(curation: Curation, datings: list[Row]) -> Iterator[Row]:
    """Each exchange with the window its sources' datings allow together (see dating.judge)."""
    by_exchange: dict[str, list[dating.Dating]] = {}
    for row in datings:
        by_exchange.setdefault(row["exchange_id"], []).append(dating.Dating.of_row(row))
    for record, found, judgement in judged_exchanges(curation, by_exchange):
        earliest, latest = judgement.window.iso()
        yield _project(
            record
            | {
                "date": earliest if earliest and earliest == latest else None,
                "date_earliest": earliest,
                "date_latest": latest,
                "date_precision": dating.precision(earliest, latest),
                "weekday": judgement.weekday,
                "date_basis": dating.basis_sentence(found, judgement),
                "dated_by": len(found),
                "date_conflict": judgement.conflict,
            },
            "exchanges",
        )


def official_rows(curation: Curation) -> Iterator[Row]:
    for record in curation.officials:
        yield _project(record, "officials")


def official_name_rows(checked: list[CheckedSource]) -> Iterator[Row]:
    for c in checked:
        raw = c.normalised.raw_text
        for name in c.curation.names:
            text = name["as_written"]
            yield {
                "official_id": name["official_id"],
                "source_id": c.source_id,
                "name_as_written": text,
                "title_as_written": name["title"],
                "occurrences": raw.count(text),
                "first_start": raw.index(text),
            }


def claim_rows(checked: list[CheckedSource]) -> Iterator[Row]:
    for c in checked:
        raw = c.normalised.raw_text
        for claim in c.curation.claims:
            start, end = c.spans[claim["claim_id"]]
            yield _project(
                claim
                | {
                    "source_id": c.source_id,
                    "quote_start": start,
                    "quote_end": end,
                    "quote_line": raw.count("\n", 0, start) + 1,
                    "curation_line": claim.line,
                },
                "claims",
            )


# The tables made from each source alone, with what makes them: the preview keeps a
# source's rows between updates while neither its curation nor its article changes.
PER_SOURCE: dict[str, Callable[[list[CheckedSource]], Iterable[Row]]] = {
    "sources": source_rows,
    "removals": removal_rows,
    "exchange_dates": exchange_date_rows,
    "official_names": official_name_rows,
    "claims": claim_rows,
    "numbers": coverage_rows,
}


def iter_tables(
    curation: Curation, checked: list[CheckedSource], made: dict[str, list[Row]] | None = None
) -> Iterator[tuple[str, list[Row]]]:
    """The curated tables one at a time, in schemas.TABLES order (each after the tables
    it refers to), so the build can write and validate each while it makes the next.
    made: per-source tables already made (the preview's), used as they are."""
    made = made or {}
    datings = made["exchange_dates"] if "exchange_dates" in made else exchange_date_rows(checked)
    makers: dict[str, Callable[[], Iterable[Row]]] = {
        "metrics": metric_rows,
        "sources": lambda: source_rows(checked),
        "removals": lambda: removal_rows(checked),
        "agreements": lambda: dated_rows(curation.agreements, "agreements"),
        "exchanges": lambda: exchange_rows(curation, datings),
        "exchange_dates": lambda: datings,
        "officials": lambda: official_rows(curation),
        "official_names": lambda: official_name_rows(checked),
        "claims": lambda: claim_rows(checked),
        "numbers": lambda: coverage_rows(checked),
    }
    for name, make in makers.items():
        yield name, sort_by_key(name, made[name] if name in made else list(make()))


def sort_by_key(table: str, rows: list[Row]) -> list[Row]:
    """Rows in primary-key order, each key compared as text (a one-column key, the common
    case, without building a tuple per row: the preview sorts every table at every update)."""
    pk = schemas.primary_key(table)
    if len(pk) == 1:
        (column,) = pk
        return sorted(rows, key=lambda r: str(r[column]))
    return sorted(rows, key=lambda r: tuple(str(r[k]) for k in pk))
