"""Stage 5: write the tables as a Frictionless data package and validate it with
frictionless: types, constraints, primary and foreign keys, exactly as an outside
user running `frictionless validate datapackage.json` would."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from . import schemas
from .errors import BuildError
from .tables import Row

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


def write_package(out_dir: Path, tables: dict[str, list[Row]], version: str, folder: str = "package") -> Path:
    """One CSV per table in out_dir/folder/, described twice: out_dir/datapackage.json
    (the package a user validates: `frictionless validate dist/datapackage.json`) and
    out_dir/folder/datapackage.json (the same, beside its CSVs, as the site serves it)."""
    (out_dir / folder).mkdir(exist_ok=True)
    for table, rows in tables.items():
        write_csv(out_dir / folder / f"{table}.csv", table, rows)
    for descriptor_dir, prefix in ((out_dir / folder, ""), (out_dir, f"{folder}/")):
        descriptor = package_descriptor(list(tables), version, prefix)
        (descriptor_dir / "datapackage.json").write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n")
    return out_dir / "datapackage.json"


def _describe(task_name: str, error: Any, tables: dict[str, list[Row]]) -> str:
    row_number = getattr(error, "row_number", None)
    where = task_name
    if row_number:
        where += f" row {row_number - 1}"  # row_number counts the header line
        rows = tables.get(task_name, [])
        if 0 < row_number - 1 <= len(rows):
            pk = schemas.primary_key(task_name)
            where += " (" + ", ".join(f"{k}={rows[row_number - 2].get(k)!r}" for k in pk) + ")"
    field = getattr(error, "field_name", None)
    if field:
        where += f", field {field}"
    return f"  - {where}: {error.note or error.message}"


def validate_package(descriptor_path: Path, tables: dict[str, list[Row]]) -> None:
    """Validate with frictionless; raise one readable BuildError listing what is wrong."""
    # imported here: frictionless takes a third of a second to import, and a build
    # that fails on bad curation should say so at once
    from frictionless import validate

    report = validate(str(descriptor_path))
    if report.valid:
        return
    lines = []
    for task in report.tasks:
        for error in task.errors:
            lines.append(_describe(task.name, error, tables))
    for error in report.errors:
        lines.append(f"  - package: {error.message}")
    shown = lines[:MAX_REPORTED]
    more = f"\n  … and {len(lines) - MAX_REPORTED} more" if len(lines) > MAX_REPORTED else ""
    raise BuildError(
        "schema/", "the tables do not validate against their Table Schemas (frictionless):\n" + "\n".join(shown) + more
    )
