"""Stage 6: load the validated tables into SQLite with sqlite-utils, taking column
types, primary keys, NOT NULL and foreign keys from the Table Schemas (never
guessed from the data), with an index on every foreign key and full-text search."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlite_utils

from . import schemas
from .project import DB_NAME
from .tables import Row

SQLITE_TYPES = {"string": str, "integer": int, "number": float, "date": str, "boolean": int}
FULL_TEXT = {"sources": ["title", "text"], "claims": ["quote", "attributed_to", "notes"]}


def create_table(db: sqlite_utils.Database, table: str) -> None:
    fields = schemas.fields(table)
    pk = schemas.primary_key(table)
    db.table(table).create(
        {name: SQLITE_TYPES[f["type"]] for name, f in fields.items()},
        pk=pk[0] if len(pk) == 1 else tuple(pk),
        not_null={n for n, f in fields.items() if f.get("constraints", {}).get("required")},
        foreign_keys=schemas.foreign_keys(table),
        strict=True,
    )


def index_foreign_keys(db: sqlite_utils.Database, table: str) -> None:
    for column, _, _ in schemas.foreign_keys(table):
        db.table(table).create_index([column], find_unique_name=True)


def served_columns(metadata: dict[str, Any]) -> dict[str, set[str]]:
    """Columns the site facets or sorts each table by (metadata.yml): each gets an index."""
    tables = metadata.get("databases", {}).get(DB_NAME, {}).get("tables", {})
    return {
        table: set(entry.get("facets", [])) | {entry[k] for k in ("sort", "sort_desc") if k in entry}
        for table, entry in tables.items()
    }


def index_served_columns(db: sqlite_utils.Database, table: str, columns: set[str]) -> None:
    pk = set(schemas.primary_key(table))
    for column in sorted(columns - pk):
        db.table(table).create_index([column], find_unique_name=True, if_not_exists=True)


def index_lookups(db: sqlite_utils.Database) -> None:
    """Composite indexes for the discrepancy queries' joins and filters."""
    db.table("discrepancies").create_index(["kind", "discrepancy_id"], find_unique_name=True)
    db.table("discrepancy_claims").create_index(["discrepancy_id", "role", "claim_id"], find_unique_name=True)


def load_database(
    path: Path, tables: dict[str, list[Row]], metadata: dict[str, Any] | None = None, preview: bool = False
) -> None:
    """preview=True (redone at every edit) skips the planner statistics and VACUUM, and keeps
    the full-text indexes current with triggers, so that an update can change rows in place."""
    db = sqlite_utils.Database(path)
    db.conn.execute("PRAGMA foreign_keys = ON")
    # a staging file, moved into dist/ only once complete: no journal, no waiting on the disk
    db.conn.execute("PRAGMA journal_mode = OFF")
    db.conn.execute("PRAGMA synchronous = OFF")
    with db.conn:
        for table, rows in tables.items():
            create_table(db, table)
            db.table(table).insert_all(rows, batch_size=1000)
            index_foreign_keys(db, table)
            index_served_columns(db, table, served_columns(metadata or {}).get(table, set()))
        if "discrepancies" in tables:
            index_lookups(db)
    for table, columns in FULL_TEXT.items():
        db.table(table).enable_fts(columns, create_triggers=preview, tokenize="porter")
    if not preview:
        # statistics for the query planner: without them it ignores the composite indexes
        db.analyze()
        db.vacuum()
    db.close()
