"""plugins/immutable_schemas.py: with only immutable files served, Datasette reads the
schemas once at startup instead of checking them on every request."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from repatriations import vocabulary
from repatriations.support.checkout import ROOT


def traced_sql(response) -> list[str]:
    return [t["sql"] for t in response.json()["_trace"]["traces"]]


def make_datasette(files: list[Path], immutables: list[Path]):
    from datasette.app import Datasette

    return Datasette(
        [str(f) for f in files],
        immutables=[str(f) for f in immutables],
        plugins_dir=str(ROOT / "plugins"),
        settings={"trace_debug": True},
    )


async def test_an_immutable_instance_checks_no_schema_version_per_request(built: Path):
    db = built / "dist" / "repatriations.db"
    ds = make_datasette([], [db])
    await ds.invoke_startup()
    first = await ds.client.get("/repatriations/metrics.json?_trace=1")
    again = await ds.client.get("/repatriations/metrics.json?_trace=1")
    assert first.status_code == again.status_code == 200
    assert not any("schema_version" in sql for sql in traced_sql(again))
    # the catalogue was read at startup: Datasette still knows every table and its columns
    tables = (await ds.client.get("/repatriations.json")).json()["tables"]
    assert {"claims", "sources", "discrepancies"} <= {t["name"] for t in tables}
    assert len(again.json()["rows"]) == len(vocabulary.metrics())  # the metrics vocabulary


async def test_a_mutable_database_keeps_datasette_s_own_check(tmp_path: Path):
    path = tmp_path / "scratch.db"
    with sqlite3.connect(path) as conn:
        conn.execute("create table notes (id integer primary key)")
    ds = make_datasette([path], [])
    await ds.invoke_startup()
    await ds.client.get("/scratch/notes.json?_trace=1")
    again = await ds.client.get("/scratch/notes.json?_trace=1")
    assert any("schema_version" in sql for sql in traced_sql(again))
