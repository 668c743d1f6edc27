"""Stage 6: load the validated tables into SQLite with sqlite-utils, taking column
types, primary keys, NOT NULL and foreign keys from the Table Schemas (never
guessed from the data), with an index on every foreign key and full-text search."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from . import schemas
from .tables import Row

SQLITE_TYPES = {"string": str, "integer": int, "number": float, "date": str, "boolean": int}
FULL_TEXT = {"sources": ["title", "text"], "claims": ["quote", "attributed_to", "notes"]}


def create_table(db: sqlite_utils.Database, table: str) -> None:
    fields = schemas.fields(table)
    pk = schemas.primary_key(table)
    db[table].create(
        {name: SQLITE_TYPES[f["type"]] for name, f in fields.items()},
        pk=pk[0] if len(pk) == 1 else tuple(pk),
        not_null={n for n, f in fields.items() if f.get("constraints", {}).get("required")},
        foreign_keys=schemas.foreign_keys(table),
        strict=True,
    )


def index_foreign_keys(db: sqlite_utils.Database, table: str) -> None:
    for column, _, _ in schemas.foreign_keys(table):
        db[table].create_index([column], find_unique_name=True)


def load_database(path: Path, tables: dict[str, list[Row]]) -> None:
    db = sqlite_utils.Database(path)
    db.conn.execute("PRAGMA foreign_keys = ON")
    # a staging file, moved into dist/ only once complete: no journal, no waiting on the disk
    db.conn.execute("PRAGMA journal_mode = OFF")
    db.conn.execute("PRAGMA synchronous = OFF")
    with db.conn:
        for table, rows in tables.items():
            create_table(db, table)
            db[table].insert_all(rows, batch_size=1000)
            index_foreign_keys(db, table)
    for table, columns in FULL_TEXT.items():
        db[table].enable_fts(columns, create_triggers=False, tokenize="porter")
    db.vacuum()
    db.close()
