"""The build from a clean tree: provenance of every claim, the tables' shape, and
frictionless validation."""

from __future__ import annotations

import hashlib
import json
import shutil

import pytest

from repatriations import schemas, vocabulary
from repatriations.errors import BuildError
from repatriations.numbers import values_written
from repatriations.pipeline import build
from repatriations.support.checkout import ROOT, SEEDS, copy_project
from repatriations.support.database import rows
from repatriations.validate import validate_package


def test_raw_articles_are_the_seeds_byte_for_byte():
    raw = sorted(p.name for p in (ROOT / "raw").glob("*.txt"))
    assert len(raw) == 5
    if SEEDS.is_dir():
        assert raw == sorted(p.name for p in SEEDS.glob("*.txt"))
        for name in raw:
            assert (ROOT / "raw" / name).read_bytes() == (SEEDS / name).read_bytes(), name


def test_sources_record_the_sha256_of_their_raw_bytes(db):
    for src in rows(db, "select raw_path, sha256 from sources"):
        assert hashlib.sha256((ROOT / src["raw_path"]).read_bytes()).hexdigest() == src["sha256"]


def test_every_quote_sits_at_its_offsets_and_contains_its_value(db):
    claims = rows(db, "select c.*, s.raw_path from claims c join sources s using (source_id)")
    assert len(claims) >= 40
    for c in claims:
        raw = (ROOT / c["raw_path"]).read_bytes().decode("utf-8")
        assert raw[c["quote_start"] : c["quote_end"]] == c["quote"], c["claim_id"]
        assert raw.count("\n", 0, c["quote_start"]) + 1 == c["quote_line"]
        for key in ("value", "value_high"):
            if c[key] is not None:
                assert c[key] in values_written(c["quote"]), (c["claim_id"], key)


def test_table_counts(db):
    counts = {t: db.execute(f"select count(*) from [{t}]").fetchone()[0] for t in schemas.TABLES}
    assert counts["sources"] == 5
    assert counts["exchanges"] == 6
    assert counts["officials"] == 4
    assert counts["agreements"] == 1
    assert counts["metrics"] == len(vocabulary.metrics())
    assert counts["claims"] == 48


def test_columns_and_types_come_from_the_schemas(db):
    sqlite_type = {"string": "TEXT", "integer": "INTEGER", "date": "TEXT", "boolean": "INTEGER", "number": "REAL"}
    for table in schemas.TABLES:
        columns = {r["name"]: r for r in rows(db, f"pragma table_info([{table}])")}
        assert list(columns) == schemas.field_names(table)
        for name, field in schemas.fields(table).items():
            assert columns[name]["type"] == sqlite_type[field["type"]], (table, name)
            if field.get("constraints", {}).get("required"):
                assert columns[name]["notnull"], (table, name)


def test_every_foreign_key_is_declared_and_indexed(db):
    for table in schemas.TABLES:
        declared = {(r["from"], r["table"], r["to"]) for r in rows(db, f"pragma foreign_key_list([{table}])")}
        assert declared == set(schemas.foreign_keys(table)), table
        indexed = {
            rows(db, f"pragma index_info([{ix['name']}])")[0]["name"]
            for ix in rows(db, f"pragma index_list([{table}])")
        }
        for column, _, _ in schemas.foreign_keys(table):
            assert column in indexed, (table, column)
    assert db.execute("pragma foreign_key_check").fetchall() == []


def test_full_text_search_on_article_text_and_quotes(db):
    hits = rows(
        db,
        "select source_id from sources where rowid in (select rowid from sources_fts where sources_fts match 'refrigerated')",
    )
    assert {h["source_id"] for h in hits} == {"s002-1000-bodies-38-in-return", "s003-1029-combatants"}
    quotes = rows(
        db,
        "select claim_id from claims where rowid in (select rowid from claims_fts where claims_fts match 'captivity')",
    )
    assert [q["claim_id"] for q in quotes] == ["s000-hq-5-died-in-captivity"]


def test_published_package_validates_and_a_broken_one_is_reported_readably(built, tmp_path):
    package = built / "dist" / "static" / "package"
    assert json.loads((package / "datapackage.json").read_text())["resources"][0]["schema"]["fields"]
    broken = tmp_path / "package"
    shutil.copytree(package, broken)
    claims_csv = broken / "claims.csv"
    text = claims_csv.read_text()
    assert ",bodies_to_ukraine," in text
    claims_csv.write_text(text.replace(",bodies_to_ukraine,", ",bodies_to_mars,", 1))
    validate_package(package / "datapackage.json", {})  # the real one passes
    with pytest.raises(BuildError) as exc:
        validate_package(broken / "datapackage.json", {})
    message = str(exc.value)
    assert "claims row" in message and "field metric" in message and "bodies_to_mars" in message


def test_failed_build_leaves_dist_byte_for_byte(tmp_path):
    root = copy_project(tmp_path)
    build(root, quiet=True)
    before = {p.relative_to(root): p.read_bytes() for p in (root / "dist").rglob("*") if p.is_file()}
    curation = root / "curation" / "sources" / "003_a33e81c085f97841.yml"
    curation.write_text(curation.read_text().replace("1,003 Ukrainian soldiers", "1,004 Ukrainian soldiers"))
    with pytest.raises(BuildError, match="not in the article"):
        build(root, quiet=True)
    after = {p.relative_to(root): p.read_bytes() for p in (root / "dist").rglob("*") if p.is_file()}
    assert after == before
    assert not list(root.glob(".build-*"))


def test_frictionless_cli_validates_the_published_package(built):
    """As an outside user would check it: `frictionless validate dist/datapackage.json`."""
    import subprocess
    import sys
    from pathlib import Path

    frictionless = Path(sys.executable).parent / "frictionless"
    result = subprocess.run([str(frictionless), "validate", "dist/datapackage.json"], cwd=built, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:]
    descriptor = json.loads((built / "dist" / "datapackage.json").read_text())
    assert {r["path"] for r in descriptor["resources"]} == {f"static/package/{t}.csv" for t in schemas.TABLES}
    assert descriptor["version"] and descriptor["citation"] and descriptor["licenses"] and descriptor["sources"]
    served = json.loads((built / "dist" / "static" / "package" / "datapackage.json").read_text())
    assert {r["path"] for r in served["resources"]} == {f"{t}.csv" for t in schemas.TABLES}
