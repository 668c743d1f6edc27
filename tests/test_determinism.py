"""Two builds of the same inputs give the same data: every table row for row, and
the published CSVs byte for byte. The two builds run as separate processes with
different hash seeds (so no set or dict order can leak into the output), from
trees at different paths whose files were written in opposite orders."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from repatriations.support.checkout import ROOT


def copy_tree(dest: Path, reverse: bool) -> Path:
    """raw/ and curation/ copied file by file, in sorted or reverse order."""
    files = sorted(p for folder in ("raw", "curation") for p in (ROOT / folder).rglob("*") if p.is_file())
    for path in reversed(files) if reverse else files:
        target = dest / path.relative_to(ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    return dest


def run_build(root: Path, hash_seed: str, *options: str) -> None:
    result = subprocess.run(
        [sys.executable, "build.py", "--root", str(root), "--quiet", *options],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=os.environ | {"PYTHONHASHSEED": hash_seed},
        timeout=300,
    )
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    first = copy_tree(tmp_path_factory.mktemp("first"), reverse=False)
    second = copy_tree(tmp_path_factory.mktemp("second-tree"), reverse=True)
    run_build(first, "1")
    run_build(second, "2")
    return first / "dist", second / "dist"


def dist_files(dist: Path) -> dict[str, bytes]:
    return {p.relative_to(dist).as_posix(): p.read_bytes() for p in sorted(dist.rglob("*")) if p.is_file()}


def table_dump(db_path: Path) -> dict[str, list[tuple]]:
    """Every table in sqlite_master (full-text indexes included), every row, in a fixed order."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute("select name from sqlite_master where type = 'table' order by name")]
        dump = {}
        for table in tables:
            width = len(conn.execute(f"select * from [{table}] limit 0").description)
            order = ", ".join(str(i) for i in range(1, width + 1))
            dump[table] = conn.execute(f"select * from [{table}] order by {order}").fetchall()
        return dump
    finally:
        conn.close()


def sql_dump(db_path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_every_table_is_identical_row_for_row(two_builds: tuple[Path, Path]) -> None:
    first, second = two_builds
    a, b = table_dump(first / "repatriations.db"), table_dump(second / "repatriations.db")
    assert {"sources", "claims", "exchanges", "officials"} <= set(a)
    assert sum(len(rows) for rows in a.values()) > 100
    assert list(a) == list(b)
    for table in a:
        assert a[table] == b[table], table


def test_sql_dumps_are_identical(two_builds: tuple[Path, Path]) -> None:
    first, second = two_builds
    a, b = sql_dump(first / "repatriations.db"), sql_dump(second / "repatriations.db")
    assert any(line.startswith('INSERT INTO "claims"') for line in a)
    assert a == b


def test_package_files_are_byte_identical(two_builds: tuple[Path, Path]) -> None:
    first, second = two_builds
    names = sorted(p.name for p in (first / "static" / "package").iterdir())
    assert "claims.csv" in names and "datapackage.json" in names
    assert names == sorted(p.name for p in (second / "static" / "package").iterdir())
    for name in names:
        assert (first / "static" / "package" / name).read_bytes() == (second / "static" / "package" / name).read_bytes(), name


def test_whole_dist_is_byte_identical(two_builds: tuple[Path, Path]) -> None:
    """The database file too, so Datasette's inspect hash (and any download checksum) is stable."""
    first, second = two_builds
    a, b = dist_files(first), dist_files(second)
    assert "repatriations.db" in a
    assert sorted(a) == sorted(b)
    for name in a:
        assert a[name] == b[name], name


def test_a_build_in_worker_processes_is_byte_identical(
    two_builds: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
) -> None:
    """`--jobs 3` reads, checks and validates in worker processes (two more than the
    machine may have cores): the same bytes as the one-process build."""
    parallel = copy_tree(tmp_path_factory.mktemp("parallel"), reverse=True)
    run_build(parallel, "3", "--jobs", "3")
    a, b = dist_files(two_builds[0]), dist_files(parallel / "dist")
    assert "repatriations.db" in b and "static/package/claims.csv" in b
    assert sorted(a) == sorted(b)
    for name in a:
        assert a[name] == b[name], name
