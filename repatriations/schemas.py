"""The Table Schemas in schema/ are the single source of truth: types, constraints,
descriptions and vocabularies are read from them, never typed twice."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from .project import SCHEMA_DIR

Row = dict[str, Any]  # one table row, keyed by column name

# Order matters: a table comes after the tables its foreign keys point at.
TABLES = [
    "metrics",
    "sources",
    "removals",
    "agreements",
    "exchanges",
    "exchange_dates",
    "officials",
    "official_names",
    "claims",
    "numbers",
    # derived from the claims at build time
    "exchange_figures",
    "discrepancy_kinds",
    "discrepancies",
    "discrepancy_claims",
    "discrepancy_dates",
    "near_duplicates",
]


@cache
def schema(table: str) -> dict[str, Any]:
    return json.loads((SCHEMA_DIR / f"{table}.json").read_text())


@cache
def package_descriptor() -> dict[str, Any]:
    return json.loads((SCHEMA_DIR / "datapackage.json").read_text())


def fields(table: str) -> dict[str, dict[str, Any]]:
    return {f["name"]: f for f in schema(table)["fields"]}


def field_names(table: str) -> list[str]:
    return [f["name"] for f in schema(table)["fields"]]


def enum(table: str, field: str) -> list[str]:
    return fields(table)[field]["constraints"]["enum"]


def primary_key(table: str) -> list[str]:
    return schema(table)["primaryKey"]


def foreign_keys(table: str) -> list[tuple[str, str, str]]:
    """(column, other table, other column) for each single-column foreign key."""
    return [
        (fk["fields"][0], fk["reference"]["resource"], fk["reference"]["fields"][0])
        for fk in schema(table).get("foreignKeys", [])
    ]


def description(table: str) -> str:
    return schema(table)["description"]
