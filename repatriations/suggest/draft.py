"""A draft curation: one claim per figure, the numbers it could not place, the
officials and exchanges it proposes, and the YAML a reviewer edits."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .. import vocabulary
from ..coverage import claim_covers, entry_covers
from ..normalise import Normalised
from ..numbers import Number
from .attribution import Attribution
from .credit import Credit
from .dates import Dated
from .datings import published_words
from .guess import Guess
from .link import NewExchange
from .people import Mention, NewOfficial, side_note
from .repeats import Occasion
from .text import Figure, Sentence, clause_bounds, near_words

REVIEW_STEPS = Path(__file__).with_name("review_steps.txt").read_text(encoding="utf-8")
LONG_SENTENCE = 160  # characters; a longer sentence is quoted by the clause holding the figure
SHORT_CLAUSE = 30  # ... unless that clause is shorter than this


@dataclass
class DraftClaim:
    figure: Figure
    metric: Guess
    qualifier: Guess
    attribution: Attribution
    unit: str | None
    quote: str
    quote_start: int  # in the raw article
    occurrence: int | None
    line: int
    claim_id: str = ""
    exchange: Guess | None = None
    agreement_id: str | None = None
    occasion: Occasion | None = None  # one of several handovers the figure counts ("on each of 13, 14 and 15 June")

    @property
    def value(self) -> int:
        return self.figure.number.integer or 0  # figures are whole numbers: see unplaced_reason

    @property
    def value_high(self) -> int | None:
        return self.figure.high.integer if self.figure.high else None

    @property
    def direction(self) -> str | None:
        return vocabulary.direction(self.metric.value)

    def record(self) -> dict[str, Any]:
        """The claim as curation/sources/*.yml writes it, keys in the usual order."""
        notes = [f"metric {self.metric.why}", f"qualifier {self.qualifier.why}", self.attribution.why]
        if self.exchange:
            notes.append(self.exchange.why)
        return {
            "claim_id": self.claim_id,
            "exchange_id": self.exchange.value if self.exchange and self.exchange.value else None,
            "agreement_id": self.agreement_id,
            "official_id": self.attribution.official_id,
            "attributed_to": self.attribution.attributed_to,
            "side": self.attribution.side,
            "metric": self.metric.value,
            "value": self.value,
            "value_high": self.value_high,
            "qualifier": self.qualifier.value,
            "unit": self.unit,
            "quote": self.quote,
            "occurrence": self.occurrence,
            "notes": "DRAFT: " + "; ".join(notes) + ". Check it against the article.",
        }

    def span(self) -> tuple[int, int]:
        return self.quote_start, self.quote_start + len(self.quote)


def quote_span(text: str, figure: Figure) -> tuple[int, int]:
    """The sentence around a figure; only its clause when the sentence is long and the clause is not tiny."""
    s = figure.sentence
    if s.end - s.start <= LONG_SENTENCE:
        return s.start, s.end
    start, end = clause_bounds(text, s, figure.start, figure.end)
    return (start, end) if end - start >= SHORT_CLAUSE else (s.start, s.end)


@dataclass(frozen=True)
class Unplaced:
    number: Number  # offsets in the normalised text
    reason: str


@dataclass(frozen=True)
class NotClaim:
    """A not_claims entry as the draft writes it."""

    number: str
    near: str
    reason: str
    line: int  # in the raw article

    def mapping(self) -> dict[str, Any]:
        return {"number": self.number, "near": self.near, "reason": self.reason}


def not_claim_entries(norm: Normalised, claims: list[DraftClaim], unplaced: list[Unplaced]) -> list[NotClaim]:
    """One entry per number no claim accounts for, unless an earlier entry's near words already cover it
    (the build's own coverage rules decide both)."""
    entries: list[NotClaim] = []
    for item in sorted(unplaced, key=lambda u: u.number.start):
        number, raw_start = item.number, norm.raw_offset(item.number.start)
        raw_end = raw_start + (number.end - number.start)
        if any(claim_covers(c.span(), (c.value, c.value_high), number, raw_start, raw_end) for c in claims):
            continue
        if any(entry_covers(e.mapping(), number, raw_start, norm.raw_text) for e in entries):
            continue
        near = near_words(norm.text, number.start, number.end)
        entries.append(NotClaim(number.as_written, near, item.reason, norm.raw_text.count("\n", 0, raw_start) + 1))
    return entries


# ---------------------------------------------------------------------------
# Writing the YAML


def scalar(value: Any) -> str:
    """One YAML value on one line, quoted only when YAML needs it."""
    if value is None:
        return ""
    dumped = yaml.safe_dump(value, allow_unicode=True, width=1_000_000).removesuffix("\n").removesuffix("\n...")
    if "\n" in dumped:  # a value YAML would fold over lines: force one double-quoted line
        dumped = yaml.safe_dump(str(value), default_style='"', allow_unicode=True, width=1_000_000).strip()
    return dumped


def field_lines(record: dict[str, Any], indent: str, first: str = "") -> list[str]:
    lines = []
    for i, (key, value) in enumerate(record.items()):
        lead = first if i == 0 and first else indent
        lines.append(f"{lead}{key}: {scalar(value)}".rstrip())
    return lines


def listing(key: str, records: list[dict[str, Any]], comment: list[str] | None = None) -> list[str]:
    if not records:
        return [f"{key}: []"]
    lines = [*(comment or []), f"{key}:"]
    for record in records:
        lines += field_lines({k: v for k, v in record.items() if v is not None}, "    ", "  - ")
    return lines


def one_line(text: str, limit: int = 100) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def removal_comments(norm: Normalised) -> list[str]:
    if not norm.removals:
        return ["# Normalisation removed nothing from the raw text."]
    lines = [f"# Normalisation removed {len(norm.removals)} piece(s) of page furniture; no quote may come from them:"]
    for removal in norm.removals:
        line = norm.raw_text.count("\n", 0, removal.raw_start) + 1
        shown = f"{removal.text.count(chr(10))} line break(s)" if not removal.text.strip() else one_line(removal.text, 70)
        lines.append(f"#   line {line}, {removal.rule}: {shown}")
    return lines


@dataclass
class Draft:
    raw_name: str
    sha256: str
    source_id: str
    title: Guess | None
    credit: Credit
    published: Dated | None
    norm: Normalised
    sentences: list[Sentence]
    claims: list[DraftClaim]
    unplaced: list[NotClaim]
    mentions: list[Mention] = field(default_factory=list)
    new_officials: list[NewOfficial] = field(default_factory=list)
    new_exchanges: list[NewExchange] = field(default_factory=list)
    datings: list[dict[str, Any]] = field(default_factory=list)  # exchange_dates entries
    language_note: str | None = None

    def names(self) -> list[dict[str, Any]]:
        seen, records = set(), []
        for mention in self.mentions:
            if mention.new:
                continue
            as_written = self.norm.text[mention.start : mention.end]
            if (mention.official_id, as_written) in seen:
                continue
            seen.add((mention.official_id, as_written))
            title = self.norm.text[mention.start : mention.name_start].strip() or None
            records.append({"official_id": mention.official_id, "as_written": as_written, "title": title})
        return records

    def date_lines(self) -> list[str]:
        if self.published is None:
            basis = "DRAFT: the article gives no date of its own (no dateline, no dated line), so none is set."
            return [f"published_basis: {scalar(basis)}"]
        day = self.published.date.isoformat()
        basis = f"DRAFT: dated by {self.published.basis}."
        lines = [f"published_earliest: {day}", f"published_latest: {day}", f"published_basis: {scalar(basis)}"]
        return lines + [f"{k}: {scalar(v)}" for k, v in published_words(self.norm, self.published).items()]

    def yaml(self) -> str:
        lines = REVIEW_STEPS.format(raw=self.raw_name).splitlines()
        lines += ["#", *removal_comments(self.norm)]
        if self.language_note:
            lines += ["#", f"# {self.language_note}"]
        lines += ["", f"source_id: {scalar(self.source_id)}", f"raw: {scalar(self.raw_name)}"]
        lines += [f"sha256: {self.sha256}", "reviewed: false"]
        if self.title:
            lines += [f"# DRAFT: {self.title.why}", f"title: {scalar(self.title.value)}"]
        lines += [f"# {self.credit.comment}"]
        if self.credit.publisher:
            lines.append(f"publisher: {scalar(self.credit.publisher)}")
        lines.append(f"publisher_basis: {scalar(self.credit.basis)}")
        if self.credit.byline:
            lines.append(f"byline: {scalar(self.credit.byline)}")
        lines += [*self.date_lines(), ""]
        lines += [*listing("names", self.names()), ""]
        lines += [*self.proposal_lines(), ""]
        note = ["# DRAFT: when the article says each handover happened, read as the build reads dates."]
        lines += [*listing("exchange_dates", self.datings, note), ""]
        lines += [*self.claims_lines(), ""]
        lines += self.not_claims_lines()
        return "\n".join(lines) + "\n"

    def proposal_lines(self) -> list[str]:
        officials = [
            {
                "official_id": o.official_id,
                "name": o.name,
                "kind": o.kind,
                "side": o.side,
                "role": o.role,
                "notes": f'DRAFT: new; the article writes "{o.words}"{side_note(o)}',
            }
            for o in self.new_officials
        ]
        exchanges = [{"exchange_id": e.exchange_id, "label": e.label} for e in self.new_exchanges]
        note_officials = ["# DRAFT: people and bodies curation/officials.yml does not know yet."]
        note_exchanges = ["# DRAFT: handovers curation/exchanges.yml does not have yet."]
        lines = listing("proposed_officials", officials, note_officials)
        return [*lines, "", *listing("proposed_exchanges", exchanges, note_exchanges)]

    def claims_lines(self) -> list[str]:
        if not self.claims:
            return ["claims: []"]
        lines = ["claims:"]
        for n, claim in enumerate(self.claims, 1):
            record = {k: v for k, v in claim.record().items() if v is not None or k in ("exchange_id", "official_id")}
            lines += ["", f"  # DRAFT {n} of {len(self.claims)}, raw line {claim.line}: {claim.figure.number.as_written}"]
            lines += field_lines(record, "    ", "  - ")
        return lines

    def not_claims_lines(self) -> list[str]:
        if not self.unplaced:
            return ["not_claims: []"]
        lines = [
            "# UNPLACED: numbers the draft could not place. Make a claim of any that is a figure;",
            "# for the others, replace UNPLACED with your reason.",
            "not_claims:",
        ]
        for entry in self.unplaced:
            lines.append(f"  # UNPLACED, raw line {entry.line}: check it")
            lines += field_lines(entry.mapping(), "    ", "  - ")
        return lines
