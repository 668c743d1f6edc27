"""Stage 2: load what people decided about the articles (curation/*.yml) and check
each record's fields against the Table Schemas, pointing at the line to fix."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import schemas
from .errors import BuildError
from .project import Project
from .yamlfile import Mapping, load_yaml

# Columns the build computes; a curator never writes them.
COMPUTED = {
    "sources": {
        "raw_path", "text", "raw_text", "raw_chars", "removals", "label", "published_quote_start", "published_quote_end",
        "curation_path",
    },
    "claims": {"source_id", "quote_start", "quote_end", "quote_line", "curation_line"},
    "exchange_dates": {"source_id", "quote_start", "quote_end", "quote_line", "date_precision"},
    # an exchange's dates are derived from its sources' datings (exchange_dates)
    "exchanges": {"date", "date_earliest", "date_latest", "date_precision", "weekday", "date_basis", "dated_by", "date_conflict"},
    "agreements": {"date_precision"},
}
ALL_COMPUTED = set().union(*COMPUTED.values())
COMPUTED_HINTS = {
    "exchanges": "an exchange's dates are derived from its sources' words: date it under exchange_dates in the "
    "curation file of each source that dates it",
}
# Keys that exist only in curation files, with their types.
EXTRA_KEYS: dict[str, dict[str, dict[str, Any]]] = {
    "sources": {
        "raw": {"type": "string", "constraints": {"required": True}},
        "names": {"type": "list"},
        "claims": {"type": "list"},
        "not_claims": {"type": "list"},
        "exchange_dates": {"type": "list"},
        # what a draft proposes for officials.yml and exchanges.yml; a reviewed file may not keep them
        "proposed_officials": {"type": "list"},
        "proposed_exchanges": {"type": "list"},
    },
    "claims": {"occurrence": {"type": "integer", "constraints": {"minimum": 1}}},
    "exchange_dates": {
        "occurrence": {"type": "integer", "constraints": {"minimum": 1}},
        "date": {"type": "date"},  # shorthand for date_earliest = date_latest
    },
}
NAME_KEYS = {
    "official_id": {"type": "string", "constraints": {"required": True}},
    "as_written": {"type": "string", "constraints": {"required": True}},
    "title": {"type": "string"},
}
NOT_CLAIM_KEYS = {
    "number": {"type": "string", "constraints": {"required": True}},
    "near": {"type": "string"},
    "reason": {"type": "string", "constraints": {"required": True}},
}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_INTEGER = 2**63 - 1  # the largest INTEGER SQLite stores


@dataclass
class SourceCuration:
    path: Path
    display: str
    data: Mapping
    names: list[Mapping] = field(default_factory=list)
    claims: list[Mapping] = field(default_factory=list)
    not_claims: list[Mapping] = field(default_factory=list)
    datings: list[Mapping] = field(default_factory=list)  # exchange_dates

    @property
    def source_id(self) -> str:
        return self.data["source_id"]


@dataclass
class Curation:
    officials: list[Mapping]
    officials_file: str
    agreements: list[Mapping]
    exchanges: list[Mapping]
    exchanges_file: str
    sources: list[SourceCuration]


@functools.cache
def curated_spec(table: str) -> dict[str, dict[str, Any]]:
    """The keys a curator may write for a table, with the schema's type and constraints
    (read once per table: every one of thousands of records is checked against it)."""
    spec = {k: v for k, v in schemas.fields(table).items() if k not in COMPUTED.get(table, set())}
    return spec | EXTRA_KEYS.get(table, {})


def _type_error(value: Any, ftype: str) -> str | None:
    if ftype == "string":
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            return "must be text"
    elif ftype == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            hint = " (write digits only, no separators or words)" if isinstance(value, str) else ""
            return f"must be a whole number{hint}"
        if abs(value) > MAX_INTEGER:
            return f"is too large: the most the database can hold is {MAX_INTEGER:,}"
    elif ftype == "date":
        if not isinstance(value, str) or not DATE.match(value):
            return "must be a date written YYYY-MM-DD"
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return "is not a real calendar date"
    elif ftype == "boolean":
        if not isinstance(value, bool):
            return "must be true or false"
    elif ftype == "list":
        if not isinstance(value, list):
            return "must be a list (lines starting with '- ')"
    return None


def _constraint_error(value: Any, constraints: dict[str, Any]) -> str | None:
    if "enum" in constraints and value not in constraints["enum"]:
        return f"is {value!r}, which is not one of: {', '.join(map(str, constraints['enum']))}"
    if "pattern" in constraints and not re.fullmatch(constraints["pattern"], str(value)):
        return f"is {value!r}, which does not match the pattern {constraints['pattern']}"
    if "minimum" in constraints and isinstance(value, int) and value < constraints["minimum"]:
        return f"is {value}, below the minimum of {constraints['minimum']}"
    return None


def check_record(
    record: Any, spec: dict[str, dict[str, Any]], display: str, what: str, line: int, table: str = ""
) -> Mapping:
    """Check one curated record's keys, types and constraints; normalise numbers-as-text."""
    if not isinstance(record, Mapping):
        raise BuildError(display, f"each {what} must be a mapping of keys to values", line)
    for key in record:
        if key not in spec and key in ALL_COMPUTED:
            hint = COMPUTED_HINTS.get(table, "remove it")
            raise BuildError(display, f"{what} has the field {key!r}, which the build computes; {hint}", record.line_of(key))
        if key not in spec:
            raise BuildError(
                display, f"{what} has an unknown field {key!r}; allowed: {', '.join(spec)}", record.line_of(key)
            )
    for key, fspec in spec.items():
        value = record.get(key)
        constraints = fspec.get("constraints", {})
        if value is None or value == "":
            if constraints.get("required"):
                raise BuildError(display, f"{what} is missing the required field {key!r}", record.line)
            if key in record:  # written empty: store None; a field left out reads as None (Mapping.__missing__)
                record[key] = None
            continue
        problem = _type_error(value, fspec["type"]) or _constraint_error(value, constraints)
        if problem:
            raise BuildError(display, f"{what} field {key!r} {problem}", record.line_of(key))
        if fspec["type"] == "string" and not isinstance(value, str):
            record[key] = str(value)
    return record


def _records(data: Mapping, key: str, display: str, required: bool = True) -> list[Any]:
    value = data.get(key)
    if value is None:
        if required:
            raise BuildError(display, f"needs a top-level list {key!r}", data.line)
        return []
    if not isinstance(value, list):
        raise BuildError(display, f"{key!r} must be a list (lines starting with '- ')", data.line_of(key))
    return value


def _check_list(
    data: Mapping, key: str, spec: dict[str, Any], display: str, what: str, required: bool = True, table: str = ""
) -> list[Mapping]:
    return [
        check_record(r, spec, display, what, data.line_of(key), table) for r in _records(data, key, display, required)
    ]


def _only_keys(data: Mapping, allowed: set[str], display: str) -> None:
    for key in data:
        if key not in allowed:
            raise BuildError(
                display, f"unknown top-level key {key!r}; expected: {', '.join(sorted(allowed))}", data.line_of(key)
            )


def load_officials(project: Project) -> tuple[list[Mapping], str]:
    path = project.curation_dir / "officials.yml"
    display = project.display(path)
    if not path.exists():
        raise BuildError(display, "is missing: the officials the articles cite are curated here")
    data = load_yaml(path, display)
    _only_keys(data, {"officials"}, display)
    return _check_list(data, "officials", curated_spec("officials"), display, "official"), display


def load_exchanges(project: Project) -> tuple[list[Mapping], list[Mapping], str]:
    path = project.curation_dir / "exchanges.yml"
    display = project.display(path)
    if not path.exists():
        raise BuildError(display, "is missing: the exchanges and agreements are curated here")
    data = load_yaml(path, display)
    _only_keys(data, {"agreements", "exchanges"}, display)
    agreements = _check_list(data, "agreements", curated_spec("agreements"), display, "agreement", required=False)
    exchanges = _check_list(data, "exchanges", curated_spec("exchanges"), display, "exchange", table="exchanges")
    return agreements, exchanges, display


def load_source(path: Path, project: Project) -> SourceCuration:
    display = project.display(path)
    data = check_record(load_yaml(path, display), curated_spec("sources"), display, "source", 1)
    return SourceCuration(
        path=path,
        display=display,
        data=data,
        names=_check_list(data, "names", NAME_KEYS, display, "name", required=False),
        claims=_check_list(data, "claims", curated_spec("claims"), display, "claim", required=False),
        not_claims=_check_list(data, "not_claims", NOT_CLAIM_KEYS, display, "not_claims entry", required=False),
        datings=_check_list(
            data, "exchange_dates", curated_spec("exchange_dates"), display, "exchange_dates entry", required=False
        ),
    )


def source_files(project: Project) -> list[Path]:
    return sorted(project.sources_dir.glob("*.yml"))


def load_curation(project: Project, sources: list[SourceCuration] | None = None) -> Curation:
    """All curation; `sources` when the source files are already loaded (by the build's workers)."""
    officials, officials_file = load_officials(project)
    agreements, exchanges, exchanges_file = load_exchanges(project)
    if sources is None:
        sources = [load_source(p, project) for p in source_files(project)]
    return Curation(officials, officials_file, agreements, exchanges, exchanges_file, sources)
