"""repatriations/support/synth.py (the command benchmarks/synth.py runs) writes project
trees the real build accepts unchanged, with every number of every article either
claimed or listed as not a claim."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from repatriations.normalise import normalise
from repatriations.numbers import Number, numbers_in
from repatriations.pipeline import build
from repatriations.support.checkout import ROOT
from repatriations.support.synth import synthesise, write_tree

ARTICLES = 30
SEED = 7


@pytest.fixture(scope="module")
def synth_root(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("synth")
    write_tree(synthesise(ARTICLES, SEED), root)
    return root


@pytest.fixture(scope="module")
def built_synth(synth_root: Path):
    return build(synth_root, quiet=True)


def curated_sources(root: Path) -> list[dict]:
    return [yaml.safe_load(p.read_text()) for p in sorted((root / "curation" / "sources").glob("*.yml"))]


def test_the_build_keeps_every_claim_synth_wrote(synth_root, built_synth):
    written = sum(len(s["claims"]) for s in curated_sources(synth_root))
    assert written == synthesise(ARTICLES, SEED).claims
    assert written >= 8 * ARTICLES
    assert built_synth.counts["claims"] == written
    assert built_synth.counts["sources"] == ARTICLES
    assert built_synth.counts["exchanges"] == ARTICLES // 3
    with sqlite3.connect(built_synth.db_path) as conn:
        assert conn.execute("select count(*) from claims").fetchone()[0] == written


def test_frictionless_cli_validates_the_package(synth_root, built_synth):
    frictionless = Path(sys.executable).parent / "frictionless"
    descriptor = synth_root / "dist" / "datapackage.json"
    result = subprocess.run([str(frictionless), "validate", str(descriptor)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def test_sources_disagree_about_the_same_exchange(built_synth):
    sql = """select exchange_id from claims where metric = 'bodies_to_ukraine' and exchange_id is not null
             group by exchange_id having count(distinct source_id) > 1 and count(distinct value) > 1"""
    with sqlite3.connect(built_synth.db_path) as conn:
        assert conn.execute(sql).fetchall()


def _located(raw: str, needle: str, occurrence: int = 1) -> int:
    start = -1
    for _ in range(occurrence):
        start = raw.find(needle, start + 1)
    return start


def _claimed(number: Number, start: int, raw: str, claims: list[dict]) -> bool:
    for claim in claims:
        q = _located(raw, claim["quote"], claim.get("occurrence", 1))
        inside = q <= start and start + len(number.as_written) <= q + len(claim["quote"])
        if inside and number.integer in (claim.get("value"), claim.get("value_high")):
            return True
    return False


def _listed(number: Number, start: int, raw: str, not_claims: list[dict]) -> bool:
    for entry in not_claims:
        near = raw.find(entry["near"])
        inside = near != -1 and near <= start and start + len(number.as_written) <= near + len(entry["near"])
        if inside and entry["number"] in (number.as_written, str(number.integer)):
            return True
    return False


def test_every_number_is_a_claim_value_or_listed_in_not_claims(synth_root):
    """The number-coverage rule the build is about to enforce."""
    listed = 0
    for source in curated_sources(synth_root):
        raw = (synth_root / "raw" / source["raw"]).read_text(encoding="utf-8")
        norm = normalise(raw)
        not_claims = source.get("not_claims", [])
        listed += len(not_claims)
        for number in numbers_in(norm.text):
            start = norm.raw_offset(number.start)
            assert _claimed(number, start, raw, source["claims"]) or _listed(number, start, raw, not_claims), (
                source["raw"],
                number,
            )
    assert listed >= 2 * ARTICLES  # every article dates its exchange: at least a year, mostly a day too


def test_the_command_line_writes_the_same_bytes_for_the_same_seed(tmp_path):
    cli = [sys.executable, str(ROOT / "benchmarks" / "synth.py"), "--articles", "4", "--seed", "3"]
    for name in ("a", "b"):
        subprocess.run([*cli, "--out", str(tmp_path / name)], check=True, capture_output=True)
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    assert len(files) == 4 + 4 + 2  # raw articles, their curation, officials.yml and exchanges.yml
    for rel in files:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes(), rel
    other = tmp_path / "c"
    write_tree(synthesise(4, seed=4), other)
    assert (other / "curation" / "officials.yml").read_bytes() != (tmp_path / "a" / "curation" / "officials.yml").read_bytes()


def test_the_discrepancies_query_pages_through_every_discrepancy_once(built_synth):
    """discrepancies_with_claims gives 50 discrepancies at a time; following `after`
    from page to page reaches every discrepancy and every claim link exactly once."""
    queries = yaml.safe_load((ROOT / "metadata.yml").read_text())["databases"]["repatriations"]["queries"]
    sql = queries["discrepancies_with_claims"]["sql"]
    with sqlite3.connect(built_synth.db_path) as conn:
        links = conn.execute("select discrepancy_id, claim_id from discrepancy_claims").fetchall()
        assert len({d for d, _ in links}) > 50, "too few discrepancies to need a second page"
        seen, after, pages = [], "", 0
        while rows := conn.execute(sql, {"kind": "", "after": after}).fetchall():
            ids = list(dict.fromkeys(r[0] for r in rows))
            assert len(ids) <= 50 and ids == sorted(ids)
            seen += [(r[0], r[5]) for r in rows]
            after, pages = ids[-1], pages + 1
    assert pages >= 2
    assert sorted(seen) == sorted(links)
