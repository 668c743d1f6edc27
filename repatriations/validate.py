"""Stage 5: write the tables as a Frictionless data package and validate it with
frictionless: types, constraints, primary and foreign keys, exactly as an outside
user running `frictionless validate datapackage.json` would."""

from __future__ import annotations

import csv
import json
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import schemas
from .errors import BuildError
from .tables import Row
from .workers import Workers

MAX_REPORTED = 20


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def write_csv(path: Path, table: str, rows: list[Row]) -> None:
    names = schemas.field_names(table)
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(names)
        for row in rows:
            writer.writerow([_cell(row.get(n)) for n in names])


def package_descriptor(tables: list[str], version: str, folder: str = "") -> dict[str, Any]:
    """The data package, its CSVs found under `folder` (relative to the descriptor)."""
    descriptor = json.loads(json.dumps(schemas.package_descriptor()))  # a deep copy
    descriptor["version"] = version
    descriptor["citation"] = descriptor["citation"].format(version=version)
    descriptor["resources"] = [
        {
            "name": t,
            "path": f"{folder}{t}.csv",
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "description": schemas.description(t),
            "schema": schemas.schema(t),
        }
        for t in tables
    ]
    return descriptor


def write_descriptors(out_dir: Path, tables: list[str], version: str, folder: str = "package") -> Path:
    """Describe the package twice: out_dir/datapackage.json (the package a user validates:
    `frictionless validate dist/datapackage.json`) and out_dir/folder/datapackage.json (the
    same, beside its CSVs, as the site serves it). Returns the first."""
    (out_dir / folder).mkdir(parents=True, exist_ok=True)
    for descriptor_dir, prefix in ((out_dir / folder, ""), (out_dir, f"{folder}/")):
        descriptor = package_descriptor(tables, version, prefix)
        (descriptor_dir / "datapackage.json").write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n")
    return out_dir / "datapackage.json"


@dataclass(frozen=True)
class Problem:
    """One error in Frictionless's report, in plain values a worker can send back."""

    resource: str | None  # None: the package descriptor itself
    row_number: int | None  # as Frictionless counts: the header is row 1
    field: str | None
    message: str


def package_problems(descriptor_path: str, resource: str | None = None) -> list[Problem]:
    """Validate the package, or one resource of it (its foreign keys still checked
    against the others), as `frictionless validate` would."""
    # imported here: frictionless takes a third of a second to import, and a build
    # that fails on bad curation should say so at once
    from frictionless import FrictionlessException, Package, validate

    try:
        report = validate(descriptor_path) if resource is None else Package(descriptor_path).validate(name=resource)
    except FrictionlessException as exc:
        return [Problem(None, None, None, exc.error.message)]
    problems = [
        Problem(task.name, getattr(e, "row_number", None), getattr(e, "field_name", None), e.note or e.message)
        for task in report.tasks
        for e in task.errors
    ]
    return problems + [Problem(None, None, None, e.message) for e in report.errors]


class PackageWriter:
    """Writes the package one CSV at a time and starts each resource's validation (in the
    workers) as soon as its CSV and the CSVs its foreign keys point to are written."""

    def __init__(self, out_dir: Path, version: str, workers: Workers, folder: str = "package"):
        self.out_dir, self.folder, self.workers = out_dir, folder, workers
        self.descriptor = write_descriptors(out_dir, schemas.TABLES, version, folder)
        self.written: set[str] = set()
        self.waiting: list[str] = []
        self.validation: list[Future] = []

    def add(self, table: str, rows: list[Row]) -> None:
        write_csv(self.out_dir / self.folder / f"{table}.csv", table, rows)
        self.written.add(table)
        self.waiting.append(table)
        for name in list(self.waiting):
            if {name, *(other for _, other, _ in schemas.foreign_keys(name))} <= self.written:
                self.waiting.remove(name)
                self.validation.append(self.workers.submit(package_problems, str(self.descriptor), name))

    def raise_if_invalid(self, tables: dict[str, list[Row]]) -> None:
        if self.waiting:  # a table was never written, or one it refers to
            raise BuildError("schema/", f"the package is incomplete: {', '.join(self.waiting)} cannot be validated")
        raise_if_invalid(self.validation, tables)


def _describe(problem: Problem, tables: dict[str, list[Row]]) -> str:
    if problem.resource is None:
        return f"  - package: {problem.message}"
    where = problem.resource
    if problem.row_number:
        where += f" row {problem.row_number - 1}"  # row_number counts the header line
        rows = tables.get(problem.resource, [])
        if 0 < problem.row_number - 1 <= len(rows):
            pk = schemas.primary_key(problem.resource)
            where += " (" + ", ".join(f"{k}={rows[problem.row_number - 2].get(k)!r}" for k in pk) + ")"
    if problem.field:
        where += f", field {problem.field}"
    return f"  - {where}: {problem.message}"


def raise_if_invalid(validation: list[Future], tables: dict[str, list[Row]]) -> None:
    """Wait for the validation; raise one readable BuildError listing what is wrong, in the
    order of Frictionless's own report: resources as the package lists them, then the
    package's own errors (each resource's report repeats those: they are listed once)."""
    order = {name: i for i, name in enumerate(tables)}
    problems = list(dict.fromkeys(p for future in validation for p in future.result()))
    problems.sort(key=lambda p: order.get(p.resource, len(order)) if p.resource else len(order) + 1)
    if not problems:
        return
    lines = [_describe(p, tables) for p in problems]
    shown = lines[:MAX_REPORTED]
    more = f"\n  … and {len(lines) - MAX_REPORTED} more" if len(lines) > MAX_REPORTED else ""
    raise BuildError(
        "schema/", "the tables do not validate against their Table Schemas (frictionless):\n" + "\n".join(shown) + more
    )


def validate_package(descriptor_path: Path, tables: dict[str, list[Row]]) -> None:
    """Validate the whole package in this process; raise as raise_if_invalid does."""
    raise_if_invalid([Workers(1).submit(package_problems, str(descriptor_path))], tables)
