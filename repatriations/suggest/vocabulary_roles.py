"""The metric roles suggest works with, from the one vocabulary (schema/claims.json)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import vocabulary
from .guess import Guess

if TYPE_CHECKING:
    from .draft import DraftClaim

LINKED = vocabulary.with_role("exchange_figure", "exchange_part")
AGREED = vocabulary.with_role("agreement_term")
RUNNING = vocabulary.with_role("running_total")


def totals_of_parts(claims: list[DraftClaim]) -> None:
    """'132 in all, 55 to Russia and 77 to Ukraine': a figure its sentence splits into
    one per direction is both directions together, not a running total."""
    for claim in claims:
        if claim.metric.value not in RUNNING | {"bodies_to_ukraine", "bodies_to_russia"}:
            continue
        same = [c for c in claims if c.figure.sentence is claim.figure.sentence and c is not claim]
        ups = [c.value for c in same if c.direction == "to_ukraine"]
        downs = [c.value for c in same if c.direction == "to_russia"]
        if any(u + d == claim.value for u in ups for d in downs):
            claim.metric = Guess("bodies_total", "the sum of the sentence's figures in each direction")
