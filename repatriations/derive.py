"""Stage: derive, from the claims alone, where the sources disagree.

Produces exchange_figures (low / best / high per exchange and direction, with a
grade), discrepancies + discrepancy_claims (one row per disagreement and every
claim it rests on) and near_duplicates (passages that restate one another)."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from . import dating, schemas, vocabulary
from .provenance import CheckedSource
from .similarity import NearDuplicate, independent_groups, make_passages, near_duplicates
from .tables import Row, agreement_of

EXCHANGE_METRICS = vocabulary.with_role("exchange_figure")
FIGURE_METRICS = vocabulary.with_role("exchange_figure", "exchange_part")
RUNNING_TOTALS = vocabulary.with_role("running_total")
RECEIVER = {"to_ukraine": "ukraine", "to_russia": "russia"}
RETURNED_TO = {direction: side.capitalize() for direction, side in RECEIVER.items()}  # "returned to Ukraine"
OTHER_SIDE = {"ukraine": "russia", "russia": "ukraine"}
CLOSE_BODIES, CLOSE_SHARE = 5, 0.02


@dataclass
class Discrepancy:
    kind: str
    key: str
    summary: str
    claims: dict[str, str]  # claim_id -> role
    exchange_id: str | None = None
    other_exchange_id: str | None = None
    agreement_id: str | None = None
    official_id: str | None = None
    values: list[int] = field(default_factory=list)
    spread: int | None = None
    datings: dict[str, str] = field(default_factory=dict)  # source_id -> role, for date_conflict

    def row(self) -> Row:
        low = min(self.values) if self.values else None
        high = max(self.values) if self.values else None
        spread = self.spread
        if spread is None and self.values:
            spread = max(self.values) - min(self.values)
        return {
            "discrepancy_id": f"{self.kind.replace('_', '-')}-{self.key}",
            "kind": self.kind,
            "exchange_id": self.exchange_id,
            "other_exchange_id": self.other_exchange_id,
            "agreement_id": self.agreement_id,
            "official_id": self.official_id,
            "summary": self.summary,
            "low": low,
            "high": high,
            "spread": spread,
            "claims": len(self.claims),
        }


def fmt(n: int) -> str:
    return f"{n:,}"


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def who(claim: Row) -> str:
    return f"{claim['attributed_to'] or 'the outlet'} in {claim['source_id']}"


# -- figures per exchange -----------------------------------------------------


def rank(claim: Row, direction: str) -> int:
    """Lower is more authoritative (see the exchange_figures Table Schema)."""
    named = claim["official_id"] is not None
    side = claim["side"]
    if side not in OTHER_SIDE:
        return 5
    receiver = RECEIVER.get(direction)
    if receiver is None or side == receiver:
        return 1 if named else 2
    return 3 if named else 4


RANK_WORDS = {
    1: "the receiving side, citing a named official or body",
    2: "the receiving side, unnamed",
    3: "the other side, citing a named official",
    4: "the other side, unnamed",
    5: "media or independent voices only",
}


def choose_best(claims: list[Row], direction: str) -> tuple[Row, str]:
    top = min(rank(c, direction) for c in claims)
    candidates = [c for c in claims if rank(c, direction) == top]
    common = Counter(c["value"] for c in candidates).most_common()
    best_value = min(v for v, n in common if n == common[0][1])
    best = min((c for c in candidates if c["value"] == best_value), key=lambda c: c["claim_id"])
    words = "the receiving side" if direction in RECEIVER else "a side"
    basis = RANK_WORDS[top].replace("the receiving side", words)
    return best, f"{basis}: {who(best)}"


def grade(claims: list[Row]) -> str:
    by_side = {s: {c["value"] for c in claims if c["side"] == s} for s in ("ukraine", "russia")}
    present = [s for s, values in by_side.items() if values]
    if len(present) == 2:
        return (
            "both_sides_agree"
            if by_side["ukraine"] == by_side["russia"] and len(by_side["ukraine"]) == 1
            else "both_sides_differ"
        )
    return "one_side_only" if present else "media_only"


def exchange_figure_rows(claims: list[Row], groups: dict[str, str]) -> Iterator[Row]:
    grouped: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for c in claims:
        if c["exchange_id"] and c["metric"] in EXCHANGE_METRICS:
            grouped[(c["exchange_id"], vocabulary.direction_of(c["metric"]))].append(c)
    for (exchange_id, direction), group in sorted(grouped.items()):
        best, basis = choose_best(group, direction)
        values = [c["value"] for c in group]
        sources = {c["source_id"] for c in group}
        yield {
            "exchange_id": exchange_id,
            "direction": direction,
            "low": min(values),
            "best": best["value"],
            "high": max(values),
            "spread": max(values) - min(values),
            "best_claim_id": best["claim_id"],
            "best_basis": basis,
            "claims": len(group),
            "sources": len(sources),
            "independent_sources": len({groups.get(s, s) for s in sources}),
            "sides": ", ".join(sorted({c["side"] for c in group})),
            "grade": grade(group),
        }


# -- discrepancies ------------------------------------------------------------


def figure_conflicts(claims: list[Row], labels: dict[str, str]) -> Iterator[Discrepancy]:
    grouped: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for c in claims:
        if c["exchange_id"] and c["metric"] in FIGURE_METRICS:
            grouped[(c["exchange_id"], c["metric"])].append(c)
    for (exchange_id, metric), group in sorted(grouped.items()):
        values = sorted({c["value"] for c in group})
        if len(values) < 2:
            continue
        parts = "; ".join(f"{fmt(v)} ({', '.join(who(c) for c in group if c['value'] == v)})" for v in values)
        yield Discrepancy(
            "figure_conflict",
            f"{exchange_id}-{metric}",
            f"{labels[exchange_id]}: {metric.replace('_', ' ')} given as {parts}, a spread of {fmt(values[-1] - values[0])}.",
            {c["claim_id"]: "figure" for c in group},
            exchange_id=exchange_id,
            values=values,
        )


def implied_per_side(claim: Row) -> int:
    """Bodies per side a claim about an agreement's terms (a metric of TERM_WORDS) implies."""
    if claim["metric"] == "agreed_bodies_total":
        return claim["value"] // 2
    if claim["metric"] in ("agreed_bodies_per_side", "agreed_bodies_to_ukraine"):
        return claim["value"]
    raise ValueError(f"metric {claim['metric']} states no agreement's terms")


TERM_WORDS = {
    "agreed_bodies_per_side": "{q}{v} each",
    "agreed_bodies_total": "{q}{v} in all",
    "agreed_bodies_to_ukraine": "{q}{v} to Ukraine",
}
QUALIFIER_WORDS = {
    "up_to": "up to ",
    "at_least": "at least ",
    "approximately": "about ",
    "more_than": "more than ",
    "fewer_than": "fewer than ",
}


def term_words(claim: Row) -> str:
    return TERM_WORDS[claim["metric"]].format(q=QUALIFIER_WORDS.get(claim["qualifier"], ""), v=fmt(claim["value"]))


def describe_terms(group: list[Row]) -> str:
    """Each wording once: with who said it when one claim does, with counts when many do
    (so that a summary stays one sentence however many articles repeat a wording)."""
    by_words: dict[str, list[Row]] = defaultdict(list)
    for c in sorted(group, key=lambda c: c["claim_id"]):
        by_words[term_words(c)].append(c)
    parts = []
    for words, claims in by_words.items():
        if len(claims) == 1:
            parts.append(f"{words} ({who(claims[0])})")
        else:
            parts.append(f"{words} ({len(claims)} claims in {len({c['source_id'] for c in claims})} sources)")
    return "; ".join(parts)


def agreement_terms(claims: list[Row], labels: dict[str, str]) -> Iterator[Discrepancy]:
    grouped: dict[str, list[Row]] = defaultdict(list)
    for c in claims:
        if c["agreement_id"] and c["metric"] in TERM_WORDS:
            grouped[c["agreement_id"]].append(c)
    for agreement_id, group in sorted(grouped.items()):
        descriptions = {term_words(c) for c in group}
        per_side = sorted({implied_per_side(c) for c in group})
        if len(descriptions) < 2 and len(per_side) < 2:
            continue
        yield Discrepancy(
            "agreement_terms",
            agreement_id,
            f"{labels[agreement_id]} is described {len(descriptions)} ways: {describe_terms(group)}; "
            f"read per side, from {fmt(per_side[0])} to {fmt(per_side[-1])} bodies.",
            {c["claim_id"]: "term" for c in group},
            agreement_id=agreement_id,
            values=per_side,
        )


def overlaps(a_start: str | None, a_end: str | None, b_start: str | None, b_end: str | None) -> bool:
    """Do two date windows (open ends allowed) overlap?"""
    if not (a_start or a_end) or not (b_start or b_end):
        return False
    return (a_start or "0000") <= (b_end or "9999") and (b_start or "0000") <= (a_end or "9999")


class WindowIndex:
    """Exchanges by date window, so that finding those overlapping a period costs a
    binary search, not a pass over every exchange."""

    def __init__(self, exchanges: list[Row]):
        bounded = [e for e in exchanges if e["date_earliest"] and e["date_latest"]]
        self.open_ended = [e for e in exchanges if not (e["date_earliest"] and e["date_latest"])]
        self.bounded = sorted(bounded, key=lambda e: (e["date_earliest"], e["exchange_id"]))
        self.starts = [e["date_earliest"] for e in self.bounded]
        lengths = [(dt.date.fromisoformat(e["date_latest"]) - dt.date.fromisoformat(e["date_earliest"])).days for e in bounded]
        self.longest = dt.timedelta(days=max(lengths, default=0))

    def overlapping(self, start: str | None, end: str | None) -> list[Row]:
        if not start and not end:
            return []
        # a bounded window overlapping [start, end] starts no earlier than start - longest
        lo = bisect_left(self.starts, (dt.date.fromisoformat(start) - self.longest).isoformat()) if start else 0
        hi = bisect_right(self.starts, end) if end else len(self.starts)
        found = [e for e in self.bounded[lo:hi] if overlaps(start, end, e["date_earliest"], e["date_latest"])]
        return found + [e for e in self.open_ended if overlaps(start, end, e["date_earliest"], e["date_latest"])]


def running_total_gaps(
    claims: list[Row], exchanges: list[Row], figures: list[Row], labels: dict[str, str]
) -> Iterator[Discrepancy]:
    best = {direction: {f["exchange_id"]: f for f in figures if f["direction"] == direction} for direction in RETURNED_TO}
    by_id = {e["exchange_id"]: e for e in exchanges}
    index = WindowIndex(exchanges)
    for total in sorted((c for c in claims if c["metric"] in RUNNING_TOTALS), key=lambda c: c["claim_id"]):
        direction = vocabulary.direction(total["metric"]) or "to_ukraine"
        best_in_direction = best[direction]
        in_period = {e["exchange_id"]: e for e in index.overlapping(total["period_start"], total["period_end"])}
        if total["exchange_id"] in by_id:
            in_period.setdefault(total["exchange_id"], by_id[total["exchange_id"]])
        counted = [
            e
            for e in sorted(in_period.values(), key=lambda e: (e["date_earliest"] or "", e["exchange_id"]))
            if e["exchange_id"] in best_in_direction
        ]
        on_record = sum(best_in_direction[e["exchange_id"]]["best"] for e in counted)
        gap = total["value"] - on_record
        if gap <= 0:
            continue
        at_least = "at least " if total["qualifier"] in ("at_least", "more_than") else ""
        listing = (
            ", ".join(f"{labels[e['exchange_id']]} ({fmt(best_in_direction[e['exchange_id']]['best'])})" for e in counted)
            or "none"
        )
        period = f"{total['period_start'] or '…'} to {total['period_end'] or '…'}"
        yield Discrepancy(
            "running_total_gap",
            total["claim_id"],
            f"{upper_first(who(total))} gives {at_least}{fmt(total['value'])} bodies returned to "
            f"{RETURNED_TO[direction]} ({total['as_of']}); "
            f"the {len(counted)} exchange(s) on record that may fall in {period} account for {fmt(on_record)}: "
            f"{listing}. {at_least.capitalize()}{fmt(gap)} are not accounted for.",
            {total["claim_id"]: "total"} | {best_in_direction[e["exchange_id"]]["best_claim_id"]: "counted" for e in counted},
            exchange_id=total["exchange_id"],
            values=[on_record, total["value"]],
            spread=gap,
        )


def arithmetic(claims: list[Row], labels: dict[str, str]) -> Iterator[Discrepancy]:
    grouped: dict[tuple[str, str], dict[str, list[Row]]] = defaultdict(lambda: defaultdict(list))
    for c in claims:
        if c["exchange_id"] and c["metric"] in FIGURE_METRICS and c["qualifier"] == "exact":
            grouped[(c["source_id"], c["exchange_id"])][c["metric"]].append(c)
    for (source_id, exchange_id), by_metric in sorted(grouped.items()):
        totals, ups, downs = by_metric["bodies_total"], by_metric["bodies_to_ukraine"], by_metric["bodies_to_russia"]
        for total in totals:
            for up in ups:
                for down in downs:
                    parts = up["value"] + down["value"]
                    if parts != total["value"]:
                        yield Discrepancy(
                            "arithmetic",
                            f"{total['claim_id']}-{up['claim_id']}-{down['claim_id']}",
                            f"{source_id} gives {fmt(total['value'])} bodies in all for {labels[exchange_id]}, but its parts, "
                            f"{fmt(up['value'])} to Ukraine and {fmt(down['value'])} to Russia, add up to {fmt(parts)}: "
                            f"off by {fmt(abs(parts - total['value']))}.",
                            {total["claim_id"]: "total", up["claim_id"]: "part", down["claim_id"]: "part"},
                            exchange_id=exchange_id,
                            values=[parts, total["value"]],
                        )
        for part in by_metric["died_in_captivity"]:
            for whole in ups:
                if part["value"] > whole["value"]:
                    yield Discrepancy(
                        "arithmetic",
                        f"{part['claim_id']}-{whole['claim_id']}",
                        f"{source_id} says {fmt(part['value'])} of the bodies died in captivity, more than the "
                        f"{fmt(whole['value'])} bodies it says were returned: off by {fmt(part['value'] - whole['value'])}.",
                        {part["claim_id"]: "part", whole["claim_id"]: "total"},
                        exchange_id=exchange_id,
                        values=[whole["value"], part["value"]],
                    )


def framings(claims: list[Row], labels: dict[str, str]) -> Iterator[Discrepancy]:
    grouped: dict[str, list[Row]] = defaultdict(list)
    for c in claims:
        if c["exchange_id"] and c["framing"] and c["side"] in OTHER_SIDE:
            grouped[c["exchange_id"]].append(c)
    for exchange_id, group in sorted(grouped.items()):
        frames = {side: sorted({c["framing"] for c in group if c["side"] == side}) for side in ("ukraine", "russia")}
        if not frames["ukraine"] or not frames["russia"] or frames["ukraine"] == frames["russia"]:
            continue
        words = {side: ", ".join(f.replace("_", " ") for f in fs) for side, fs in frames.items()}
        yield Discrepancy(
            "framing",
            exchange_id,
            f"{labels[exchange_id]}: the Ukrainian side frames it as {words['ukraine']}; the Russian side as {words['russia']}.",
            {c["claim_id"]: "frame" for c in group},
            exchange_id=exchange_id,
        )


def close(a: int, b: int) -> bool:
    return abs(a - b) <= max(CLOSE_BODIES, CLOSE_SHARE * max(a, b))


def possible_duplicates(exchanges: list[Row], figures: list[Row], labels: dict[str, str]) -> Iterator[Discrepancy]:
    best: dict[str, dict[str, Row]] = defaultdict(dict)
    for f in figures:
        best[f["exchange_id"]][f["direction"]] = f
    index = WindowIndex(exchanges)
    for a in exchanges:
        if not a["date_earliest"] and not a["date_latest"]:
            continue
        for b in index.overlapping(a["date_earliest"], a["date_latest"]):
            if b["exchange_id"] <= a["exchange_id"]:
                continue
            shared = sorted(set(best[a["exchange_id"]]) & set(best[b["exchange_id"]]))
            if not shared or not all(close(best[a["exchange_id"]][d]["best"], best[b["exchange_id"]][d]["best"]) for d in shared):
                continue
            pairs = [(best[a["exchange_id"]][d], best[b["exchange_id"]][d]) for d in shared]
            listing = "; ".join(
                f"{d.replace('_', ' ')} {fmt(x['best'])} vs {fmt(y['best'])}" for d, (x, y) in zip(shared, pairs, strict=True)
            )
            values = [v for x, y in pairs for v in (x["best"], y["best"])]
            yield Discrepancy(
                "possible_duplicate",
                f"{a['exchange_id']}-{b['exchange_id']}",
                f"{labels[a['exchange_id']]} and {labels[b['exchange_id']]} overlap in date and have close figures ({listing}): "
                "they may be one event, for a person to decide.",
                {x["best_claim_id"]: "this_exchange" for x, _ in pairs}
                | {y["best_claim_id"]: "other_exchange" for _, y in pairs},
                exchange_id=a["exchange_id"],
                other_exchange_id=b["exchange_id"],
                spread=max(abs(x["best"] - y["best"]) for x, y in pairs),
                values=values,
            )


def date_conflicts(tables: dict[str, list[Row]], labels: dict[str, str]) -> Iterator[Discrepancy]:
    """Exchanges whose sources' datings cannot all hold (dating.judge), citing the claims
    that tie the exchange to its agreement and those of each source whose dating conflicts."""
    by_exchange: dict[str, list[Row]] = defaultdict(list)
    for row in tables["exchange_dates"]:
        by_exchange[row["exchange_id"]].append(row)
    agreements = {a["agreement_id"]: a for a in tables["agreements"]}
    claims_by_exchange: dict[str, list[Row]] = defaultdict(list)
    for c in tables["claims"]:
        if c["exchange_id"]:
            claims_by_exchange[c["exchange_id"]].append(c)
    for exchange in tables["exchanges"]:
        if not exchange["date_conflict"]:  # judged once already, when the exchanges table was made
            continue
        rows = by_exchange.get(exchange["exchange_id"], [])
        datings = [dating.Dating.of_row(r) for r in rows]
        agreement = agreements.get(exchange["agreement_id"] or "")
        judgement = dating.judge(datings, agreement_of(exchange, agreements))
        if not judgement.conflict:
            continue
        exchange_claims = claims_by_exchange[exchange["exchange_id"]]
        cited = {  # the figures by which each conflicting source identifies the exchange
            c["claim_id"]: "dated_source"
            for c in exchange_claims
            if c["source_id"] in judgement.conflicting and c["metric"] in EXCHANGE_METRICS
        }
        if not cited:  # a source that dates the exchange has at least one claim about it (provenance)
            cited = {c["claim_id"]: "dated_source" for c in exchange_claims if c["source_id"] in judgement.conflicting}
        if agreement:
            cited |= {c["claim_id"]: "under_agreement" for c in exchange_claims if c["agreement_id"] == agreement["agreement_id"]}
        yield Discrepancy(
            "date_conflict",
            exchange["exchange_id"],
            dating.conflict_sentence(labels[exchange["exchange_id"]], datings, judgement),
            cited,
            exchange_id=exchange["exchange_id"],
            agreement_id=agreement["agreement_id"] if agreement else None,
            datings={d.source_id: "conflicting" if d.source_id in judgement.conflicting else "agreeing" for d in datings},
        )


def fold_title(title: str) -> str:
    folded = title.replace("’", "'").lower().strip()
    return folded.removeprefix("the ")


def official_titles(official_names: list[Row], officials: list[Row], claims: list[Row]) -> Iterator[Discrepancy]:
    people = {o["official_id"]: o for o in officials if o["kind"] == "person"}
    titles: dict[str, dict[str, list[Row]]] = defaultdict(lambda: defaultdict(list))
    for n in official_names:
        if n["official_id"] in people and n["title_as_written"]:
            titles[n["official_id"]][fold_title(n["title_as_written"])].append(n)
    for official_id, by_title in sorted(titles.items()):
        if len(by_title) < 2:
            continue
        sources = {n["source_id"] for names in by_title.values() for n in names}
        cited = {c["claim_id"]: "titled" for c in claims if c["official_id"] == official_id and c["source_id"] in sources}
        if not cited:
            continue
        listing = "; ".join(
            f'"{names[0]["title_as_written"]}" ({", ".join(sorted({n["source_id"] for n in names}))})'
            for names in by_title.values()
        )
        yield Discrepancy(
            "official_title",
            official_id,
            f"{people[official_id]['name']} is given {len(by_title)} different titles across {len(sources)} sources: {listing}.",
            cited,
            official_id=official_id,
        )


# -- near duplicates -----------------------------------------------------------


def find_near_duplicates(checked: list[CheckedSource]) -> tuple[list[NearDuplicate], dict[str, CheckedSource]]:
    by_id = {c.source_id: c for c in checked}
    passages = [p for c in checked for p in source_passages(c)]
    return near_duplicates(passages), by_id


def source_passages(c: CheckedSource) -> list:
    """The source's passages, made once per checked source (the preview keeps them between updates)."""
    if c.passages is None:
        c.passages = make_passages(c.source_id, c.normalised.text, [n for _, n in c.numbers])
    return c.passages


def near_duplicate_rows(duplicates: list[NearDuplicate], by_id: dict[str, CheckedSource]) -> Iterator[Row]:
    for d in duplicates:
        a, b = by_id[d.shorter.source_id].normalised, by_id[d.longer.source_id].normalised
        a_start, a_end = a.raw_offset(d.shorter.start), a.raw_offset(max(d.shorter.end - 1, d.shorter.start)) + 1
        b_start, b_end = b.raw_offset(d.longer.start), b.raw_offset(max(d.longer.end - 1, d.longer.start)) + 1
        yield {
            "near_duplicate_id": f"{d.shorter.source_id}-{a_start}-{d.longer.source_id}-{b_start}",
            "source_id": d.shorter.source_id,
            "raw_start": a_start,
            "raw_end": a_end,
            "other_source_id": d.longer.source_id,
            "other_raw_start": b_start,
            "other_raw_end": b_end,
            "shared_figures": ", ".join(str(f) for f in sorted(d.shorter.figures & d.longer.figures)),
            "containment": d.containment,
            "within_one_source": d.within_one_source,
        }


# -- all together --------------------------------------------------------------


def discrepancy_kind_rows() -> Iterator[Row]:
    kinds = schemas.fields("discrepancies")["kind"]["enumDescriptions"]
    for kind, rule in kinds.items():
        yield {"kind": kind, "rule": rule}


def all_discrepancies(tables: dict[str, list[Row]], figures: list[Row]) -> Iterable[Discrepancy]:
    claims = tables["claims"]
    labels = {e["exchange_id"]: e["label"] for e in tables["exchanges"]} | {
        a["agreement_id"]: a["label"] for a in tables["agreements"]
    }
    exchanges = tables["exchanges"]
    yield from figure_conflicts(claims, labels)
    yield from agreement_terms(claims, labels)
    yield from running_total_gaps(claims, exchanges, figures, labels)
    yield from arithmetic(claims, labels)
    yield from framings(claims, labels)
    yield from possible_duplicates(exchanges, figures, labels)
    yield from official_titles(tables["official_names"], tables["officials"], claims)
    yield from date_conflicts(tables, labels)


def derive_tables(tables: dict[str, list[Row]], checked: list[CheckedSource]) -> dict[str, list[Row]]:
    duplicates, by_id = find_near_duplicates(checked)
    groups = independent_groups([c.source_id for c in checked], duplicates)
    figures = list(exchange_figure_rows(tables["claims"], groups))
    found = list(all_discrepancies(tables, figures))
    rows = [d.row() for d in found]
    links = [
        {"discrepancy_id": row["discrepancy_id"], "claim_id": claim_id, "role": role}
        for d, row in zip(found, rows, strict=True)
        for claim_id, role in sorted(d.claims.items())
    ]
    windows = {(r["exchange_id"], r["source_id"]): r for r in tables["exchange_dates"]}
    dated = [
        {
            "discrepancy_id": row["discrepancy_id"],
            "exchange_id": d.exchange_id,
            "source_id": source_id,
            "date_earliest": windows[(d.exchange_id, source_id)]["date_earliest"],
            "date_latest": windows[(d.exchange_id, source_id)]["date_latest"],
            "role": role,
        }
        for d, row in zip(found, rows, strict=True)
        for source_id, role in sorted(d.datings.items())
    ]
    return {
        "exchange_figures": figures,
        "discrepancy_kinds": list(discrepancy_kind_rows()),
        "discrepancies": rows,
        "discrepancy_claims": links,
        "discrepancy_dates": dated,
        "near_duplicates": list(near_duplicate_rows(duplicates, by_id)),
    }
