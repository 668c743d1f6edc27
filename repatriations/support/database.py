"""A built database, read as Datasette reads it."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from datasette.utils import escape_fts


def connect(db: Path) -> sqlite3.Connection:
    """A connection as Datasette opens an immutable database, with its escape_fts function."""
    conn = sqlite3.connect(f"file:{db}?immutable=1", uri=True, check_same_thread=False)
    conn.create_function("escape_fts", 1, escape_fts)
    return conn


def rows(conn: sqlite3.Connection, sql: str, *params: Any) -> list[dict[str, Any]]:
    """Every row of a query as a dict (conn must have row_factory = sqlite3.Row)."""
    return [dict(r) for r in conn.execute(sql, params)]


def busiest_exchange(conn: sqlite3.Connection) -> str:
    """The exchange with the most claims."""
    row = conn.execute(
        "select exchange_id from claims where exchange_id is not null group by exchange_id order by count(*) desc limit 1"
    ).fetchone()
    exchange_id: str = row[0]
    return exchange_id
