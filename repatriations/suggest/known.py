"""What the project already knows when a new article arrives: its officials and how
sources have named them, its exchanges with their figures and date windows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .. import dating, vocabulary
from ..curation import Curation, SourceCuration
from ..tables import judged_exchanges
from ..yamlfile import Mapping
from .text import fold


@dataclass
class Known:
    officials: dict[str, Mapping]
    variants: list[tuple[str, str]]  # (official_id, a name, an as-written form or a title), longest first
    title_words: dict[str, set[str]]
    surnames: dict[str, str]  # official_id -> folded surname, for people
    exchanges: dict[str, dict[str, Any]]  # each curated exchange, with the date window its sources give
    exchange_values: dict[str, dict[str, set[int]]]  # exchange -> direction -> figures other sources give
    exchange_claims: dict[tuple[str, str], set[str]]
    agreements: list[Mapping]
    source_ids: set[str]
    claim_ids: set[str]

    @property
    def largest_handover(self) -> int:
        """The most bodies one curated handover moved in one direction (0 before any is curated)."""
        return max((v for directions in self.exchange_values.values() for vs in directions.values() for v in vs), default=0)


def is_distinctive(text: str) -> bool:
    """A name worth looking for: a capitalised word beyond the first ("The agency" is not)."""
    words = text.split()
    return (len(words) == 1 and text[:1].isupper()) or any(w[:1].isupper() for w in words[1:])


def official_variants(officials: list[Mapping], sources: list[SourceCuration]) -> list[tuple[str, str]]:
    variants = set()
    for official in officials:
        variants.add((official["official_id"], official["name"]))
        if official.get("kind") == "person":
            variants.add((official["official_id"], official["name"].split()[-1]))
    for source in sources:
        for name in source.names:
            for text in (name["as_written"], name.get("title")):
                if text and is_distinctive(text):
                    variants.add((name["official_id"], text))
    return sorted(variants, key=lambda v: (-len(v[1]), v[0], v[1]))


def title_vocabulary(sources: list[SourceCuration]) -> dict[str, set[str]]:
    words: dict[str, set[str]] = {}
    for source in sources:
        for name in source.names:
            if name.get("title"):
                words.setdefault(name["official_id"], set()).update(fold(name["title"]).split())
    return words


def recorded_exchange_figures(
    sources: list[SourceCuration],
) -> tuple[dict[str, dict[str, set[int]]], dict[tuple[str, str], set[str]]]:
    values: dict[str, dict[str, set[int]]] = {}
    claims: dict[tuple[str, str], set[str]] = {}
    figures = vocabulary.with_role("exchange_figure")
    for source in sources:
        for claim in source.claims:
            direction = vocabulary.direction(claim["metric"])
            if claim.get("exchange_id") and claim["metric"] in figures and direction and claim.get("value") is not None:
                values.setdefault(claim["exchange_id"], {}).setdefault(direction, set()).add(claim["value"])
                claims.setdefault((claim["exchange_id"], direction), set()).add(claim["claim_id"])
    return values, claims


def dated_exchanges(curation: Curation, sources: list[SourceCuration]) -> dict[str, dict[str, Any]]:
    """Each curated exchange with the window the given sources' datings allow together."""
    found: dict[str, list[dating.Dating]] = {}
    for source in sources:
        published = dating.publication_window(source.data)
        for entry in source.datings:
            if d := dating.curated_dating(entry, source.source_id, published):
                found.setdefault(entry["exchange_id"], []).append(d)
    exchanges: dict[str, dict[str, Any]] = {}
    for record, _, judgement in judged_exchanges(curation, found):
        earliest, latest = judgement.window.iso()
        exchanges[record["exchange_id"]] = dict(record) | {
            "date_earliest": earliest,
            "date_latest": latest,
            "weekday": judgement.weekday,
        }
    return exchanges


def known_from(curation: Curation, raw_name: str) -> Known:
    """Everything curated so far, leaving out any curation of this very article."""
    others = [s for s in curation.sources if s.data["raw"] != raw_name]
    values, exchange_claims = recorded_exchange_figures(others)
    return Known(
        officials={o["official_id"]: o for o in curation.officials},
        variants=official_variants(curation.officials, others),
        title_words=title_vocabulary(others),
        surnames={o["official_id"]: fold(o["name"].split()[-1]) for o in curation.officials if o.get("kind") == "person"},
        exchanges=dated_exchanges(curation, others),
        exchange_values=values,
        exchange_claims=exchange_claims,
        agreements=curation.agreements,
        source_ids={s.source_id for s in others},
        claim_ids={c["claim_id"] for s in others for c in s.claims},
    )
