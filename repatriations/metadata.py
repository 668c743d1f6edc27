"""Stage 7: Datasette's metadata. metadata.yml holds what people write (titles,
licences, canned queries); the column descriptions are generated here from the
Table Schemas, so they are never typed twice."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from . import schemas
from .errors import BuildError
from .project import DB_NAME, METADATA_YML


def load_metadata_yml(path: Path = METADATA_YML) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise BuildError(
            path.name, f"is not valid YAML: {getattr(exc, 'problem', exc)}", mark.line + 1 if mark else None
        ) from None
    if not isinstance(data, dict):
        raise BuildError(path.name, "must be a YAML mapping")
    return data


def datasette_metadata(tables: list[str], version: str) -> dict[str, Any]:
    """metadata.yml, with the package's version and citation filled in and every column described."""
    metadata = load_metadata_yml()
    citation = schemas.package_descriptor()["citation"].format(version=version)
    metadata["description_html"] = (
        metadata.get("description_html", "").replace("{version}", version).replace("{citation}", citation)
    )
    db = metadata.setdefault("databases", {}).setdefault(DB_NAME, {})
    db_tables = db.setdefault("tables", {})
    for table in tables:
        entry = db_tables.setdefault(table, {})
        entry.setdefault("description", schemas.description(table))
        entry["columns"] = {name: f.get("description", "") for name, f in schemas.fields(table).items()}
    return metadata


def write_metadata(path: Path, tables: list[str], version: str) -> None:
    path.write_text(json.dumps(datasette_metadata(tables, version), indent=2, ensure_ascii=False) + "\n")
