"""The metric vocabulary, read from the one place it is defined: the `enumTerms` of
`claims.metric` in schema/claims.json (after PUDL's code tables). Every stage that
needs to know what a metric means (tables, derive, suggest, the benchmarks) asks
here instead of keeping its own list."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from . import schemas

ROLES = (
    "exchange_figure",  # bodies handed over in one exchange, in one direction or both
    "exchange_part",  # a part of an exchange's figure (died in captivity)
    "running_total",  # bodies over a period
    "plan",  # bodies ready, offered or planned, not yet handed over
    "agreement_term",  # what an agreement says
    "count",  # repatriations, prisoners
    "casualty",  # deaths, wounded, losses, missing
    "statement",  # no figure
)


@dataclass(frozen=True, slots=True)
class Metric:
    name: str
    description: str
    role: str
    direction: str | None  # to_ukraine, to_russia or total, for figures of bodies


@cache
def metrics() -> dict[str, Metric]:
    field = schemas.fields("claims")["metric"]
    terms = field["enumTerms"]
    return {
        name: Metric(name, terms[name]["description"], terms[name]["role"], terms[name].get("direction"))
        for name in field["constraints"]["enum"]
    }


def with_role(*roles: str) -> set[str]:
    """The metrics playing any of these roles."""
    return {m.name for m in metrics().values() if m.role in roles}


def direction(metric: str) -> str | None:
    found = metrics().get(metric)
    return found.direction if found else None


def direction_of(metric: str) -> str:
    """The direction of a metric that has one (every exchange figure does); KeyError for one without."""
    found = direction(metric)
    if found is None:
        raise KeyError(f"metric {metric!r} has no direction")
    return found


def named(role: str, direction_: str) -> str:
    """The one metric of a role and direction ("running_total", "to_russia" -> cumulative_bodies_to_russia)."""
    found = [m.name for m in metrics().values() if m.role == role and m.direction == direction_]
    if len(found) != 1:
        raise KeyError(f"{len(found)} metrics have role {role!r} and direction {direction_!r}")
    return found[0]
