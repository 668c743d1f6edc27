"""Read the database schemas once, at startup, instead of on every request.

Datasette checks every attached database's `PRAGMA schema_version` on each request
(four SQL statements, each a hand-off to a SQL thread) in case a table has changed.
This instance serves only files opened immutable (`-i`), which cannot change while
it runs, and its own in-memory databases are never written: the schemas read at
startup stay true. If any database is mutable, the check is left as Datasette has it.
"""

from __future__ import annotations

from datasette import hookimpl

OWN_DATABASES = {"_internal", "_memory"}  # Datasette's catalogue and its empty scratch database


def only_immutable_files(datasette) -> bool:
    served = [db for name, db in datasette.databases.items() if name not in OWN_DATABASES]
    return bool(served) and all(not db.is_mutable for db in served)


@hookimpl
def startup(datasette):
    async def read_schemas_once() -> None:
        if not only_immutable_files(datasette):
            return
        await datasette.refresh_schemas()

        async def schemas_are_current() -> None:
            return None

        datasette.refresh_schemas = schemas_are_current

    return read_schemas_once
