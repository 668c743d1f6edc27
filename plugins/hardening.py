"""Hardening for a public, read-only instance.

* Each SQLite connection refuses to build a string or blob over 10 MB: a single
  function call (zeroblob, randomblob, replace) cannot be interrupted by
  sql_time_limit_ms, but it cannot allocate hundreds of megabytes either. The
  largest value in the database, an article's raw text, is a few KB.
* fts3_tokenizer() is denied: in its two-argument form it registers a tokenizer
  at any memory address, and Debian's SQLite enables it.
* A failed request does not print a rich traceback with local variables: Datasette
  does that on the main thread when `rich` is installed (frictionless installs
  it), and 20 bad queries held up every other request by five seconds.
* Asking to sort by a column that does not exist, or by _sort and _sort_desc at
  once, is the client's mistake: answer 400, not Datasette 0.65's default 500.
"""

from __future__ import annotations

import sqlite3

import datasette.handle_exception
from datasette import hookimpl
from datasette.views.base import DatasetteError

datasette.handle_exception.rich = None  # see the module docstring

MAX_VALUE_BYTES = 10_000_000
DENIED_FUNCTIONS = frozenset({"fts3_tokenizer", "load_extension"})
CLIENT_SORT_ERRORS = ("Cannot sort table by", "Cannot use _sort and _sort_desc")


def deny_dangerous_functions(action: int, arg1: str | None, arg2: str | None, db_name: str | None, source: str | None) -> int:
    if action == sqlite3.SQLITE_FUNCTION and arg2 and arg2.lower() in DENIED_FUNCTIONS:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


@hookimpl
def prepare_connection(conn: sqlite3.Connection) -> None:
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    conn.set_authorizer(deny_dangerous_functions)


@hookimpl(tryfirst=True)
def handle_exception(exception: Exception) -> None:
    # runs before Datasette's own handler, which then renders the error with this status
    if isinstance(exception, DatasetteError) and str(exception.message).startswith(CLIENT_SORT_ERRORS):
        exception.status = 400
