"""Stage: account for every number in every normalised article.

Each number found (digits or number words, see numbers.py) must be either the
figure of a claim whose quote contains it, or listed under `not_claims:` in the
source's curation with a reason. A number nobody accounts for fails the build,
and so does a `not_claims` entry that matches no number (it has gone stale)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from .errors import BuildError
from .numbers import Number
from .provenance import CheckedSource, all_starts
from .schemas import Row
from .yamlfile import Mapping


def claim_covers(
    span: tuple[int, int], values: tuple[int | None, int | None], number: Number, raw_start: int, raw_end: int
) -> bool:
    """A number is a claim's figure when it lies inside the claim's quote and is its value or value_high."""
    return span[0] <= raw_start and raw_end <= span[1] and number.integer in values


def _claim_for(number: Number, raw_start: int, raw_end: int, checked: CheckedSource) -> Mapping | None:
    for claim in checked.curation.claims:
        if claim_covers(checked.spans[claim["claim_id"]], (claim["value"], claim["value_high"]), number, raw_start, raw_end):
            return claim
    return None


def entry_covers(entry: Mapping | dict, number: Number, raw_start: int, raw_text: str) -> bool:
    if entry["number"] != number.as_written:
        return False
    near = entry["near"]
    if near is None:
        return True
    return any(
        s <= raw_start and raw_start + len(number.as_written) <= s + len(near) for s in all_starts(raw_text, near)
    )


def check_not_claims_entries(checked: CheckedSource) -> None:
    raw = checked.normalised.raw_text
    for entry in checked.curation.not_claims:
        if entry["near"] is not None:
            if entry["near"] not in raw:
                raise BuildError(
                    checked.curation.display,
                    f"not_claims entry: near {entry['near']!r} is not in the article",
                    entry.line_of("near"),
                )
            if entry["number"] not in entry["near"]:
                raise BuildError(
                    checked.curation.display,
                    f"not_claims entry: {entry['number']!r} is not in its near text",
                    entry.line_of("number"),
                )


def number_rows(checked: CheckedSource, on_problem: Callable[[BuildError], None] | None = None) -> Iterator[Row]:
    """Every number of the article with what accounts for it. A problem stops the build,
    unless on_problem takes it (the preview: the number is then shown unaccounted for)."""

    def problem(exc: BuildError) -> None:
        if on_problem is None:
            raise exc
        on_problem(exc)

    norm = checked.normalised
    try:
        check_not_claims_entries(checked)
    except BuildError as exc:
        problem(exc)
    used: set[int] = set()
    for raw_start, number in checked.numbers:
        raw_end = raw_start + (number.end - number.start)
        line = norm.raw_text.count("\n", 0, raw_start) + 1
        claim = _claim_for(number, raw_start, raw_end, checked)
        claim_id = claim["claim_id"] if claim else None
        reason, curation_line = None, claim.line if claim else None
        if claim is None:
            entry = next(
                (e for e in checked.curation.not_claims if entry_covers(e, number, raw_start, norm.raw_text)), None
            )
            if entry is None:
                problem(
                    BuildError(
                        f"{checked.raw_path}",
                        f"the number {number.as_written!r} is not accounted for: add a claim whose quote contains it "
                        f"and whose value it is, or list it under not_claims in {checked.curation.display} with a reason",
                        line,
                    )
                )
            else:
                used.add(id(entry))
                reason, curation_line = entry["reason"], entry.line
        yield {
            "number_id": f"{checked.source_id}-{raw_start}",
            "source_id": checked.source_id,
            "raw_start": raw_start,
            "raw_end": raw_end,
            "line": line,
            "as_written": number.as_written,
            "value": _as_real(number.value),
            "written_as": number.kind,
            "ordinal": number.ordinal,
            "claim_id": claim_id,
            "reason": reason,
            "curation_line": curation_line,
        }
    for entry in checked.curation.not_claims:
        if id(entry) not in used:
            problem(
                BuildError(
                    checked.curation.display,
                    f"not_claims entry {entry['number']!r} matches no unclaimed number in the article; remove it or fix it",
                    entry.line,
                )
            )


def _as_real(value: int | float) -> float:
    """numbers.value is REAL: an integer too long for a float is stored as infinity, never crashing the load."""
    try:
        return float(value)
    except OverflowError:
        return float("inf")


def coverage_rows(checked: list[CheckedSource]) -> list[Row]:
    return [row for c in checked for row in number_rows(c)]
