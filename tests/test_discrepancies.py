"""Where the sources disagree: every discrepancy the seed articles produce, pinned;
a deliberately consistent corpus that must produce none; and each rule on its own."""

from __future__ import annotations

import hashlib
import sqlite3
import textwrap
from pathlib import Path

import yaml

from repatriations.derive import arithmetic, figure_conflicts, framings, possible_duplicates
from repatriations.pipeline import build
from repatriations.support.database import rows

SEED_DISCREPANCIES = {
    # discrepancy_id: (kind, spread, claims it rests on)
    "agreement-terms-istanbul-2025-06": (
        "agreement_terms",
        3000,
        {"s000-kyiv-6000-plan", "s001-reports-6000-to-ukraine", "s002-deal-12000", "s003-6000-each", "s004-up-to-6000-each"},
    ),
    "date-conflict-ex-1000-for-19": (
        "date_conflict",
        None,
        {
            "s000-headline-1000",
            "s000-hq-1000",
            "s000-19-to-russia",
            "s000-scale-1000",
            "s000-medinsky-under-istanbul",
            "s000-kyiv-framing",
        },
    ),
    "framing-ex-1000-for-19": ("framing", None, {"s000-kyiv-framing", "s000-moscow-framing", "s000-medinsky-under-istanbul"}),
    "framing-ex-2025-06-1212": ("framing", None, {"s004-kyiv-dirty-tricks", "s004-medinsky-ukraine-postponed"}),
    "official-title-medinsky": (
        "official_title",
        None,
        {
            "s000-medinsky-under-istanbul",
            "s002-medinsky-38",
            "s003-medinsky-1003",
            "s003-medinsky-26",
            "s004-medinsky-27",
            "s004-medinsky-wounded-transfer",
            "s004-medinsky-ukraine-postponed",
        },
    ),
    "possible-duplicate-ex-2025-06-1212-ex-2025-06-sunday-1200": (
        "possible_duplicate",
        12,
        {"s004-kyiv-1212", "s001-kyiv-1200"},
    ),
    "possible-duplicate-ex-2025-11-1000-for-30-ex-2025-late-1003-for-26": (
        "possible_duplicate",
        4,
        {"s002-nov-1000-to-ukraine", "s002-nov-30-to-russia", "s003-hq-1003", "s003-medinsky-26"},
    ),
    "running-total-gap-s001-umerov-4812-this-week": (
        "running_total_gap",
        2400,
        {"s001-umerov-4812-this-week", "s001-kyiv-1200", "s004-kyiv-1212"},
    ),
    "running-total-gap-s003-records-15000-since-invasion": (
        "running_total_gap",
        9585,
        {"s003-records-15000-since-invasion", "s000-hq-1000", "s001-kyiv-1200", "s004-kyiv-1212", "s002-nov-1000-to-ukraine", "s003-hq-1003"},
    ),
}


def test_seed_discrepancies_are_exactly_these(db):
    found = {r["discrepancy_id"]: r for r in rows(db, "select * from discrepancies")}
    assert set(found) == set(SEED_DISCREPANCIES)
    for did, (kind, spread, claims) in SEED_DISCREPANCIES.items():
        assert found[did]["kind"] == kind
        assert found[did]["spread"] == spread, did
        cited = {r["claim_id"] for r in rows(db, "select claim_id from discrepancy_claims where discrepancy_id = ?", did)}
        assert cited == claims, did
        assert found[did]["claims"] == len(claims)


def test_summaries_say_what_disagrees_and_by_how_much(db):
    summary = dict(db.execute("select discrepancy_id, summary from discrepancies").fetchall())
    assert "4,812" in summary["running-total-gap-s001-umerov-4812-this-week"]
    assert "2,412" in summary["running-total-gap-s001-umerov-4812-this-week"]
    assert "2,400 are not accounted for" in summary["running-total-gap-s001-umerov-4812-this-week"]
    terms = summary["agreement-terms-istanbul-2025-06"]
    for words in ("6,000 each", "12,000 in all", "up to 6,000 to Ukraine", "6,000 in all", "from 3,000 to 6,000"):
        assert words in terms
    assert "30 vs 26" in summary["possible-duplicate-ex-2025-11-1000-for-30-ex-2025-late-1003-for-26"]
    assert "unilateral humanitarian step" in summary["framing-ex-1000-for-19"]


def test_no_arithmetic_row_where_the_figures_add_up(db):
    # 003 gives 1,029 in all, 1,003 to Ukraine and 26 to Russia: they add up
    assert db.execute("select count(*) from discrepancies where kind = 'arithmetic'").fetchone()[0] == 0
    assert db.execute("select value from claims where claim_id = 's003-1029-total'").fetchone()[0] == 1003 + 26


def test_figure_conflicts_only_ever_cite_one_exchange(db):
    for d in rows(db, "select discrepancy_id from discrepancies where kind = 'figure_conflict'"):
        exchanges = db.execute(
            "select count(distinct c.exchange_id) from discrepancy_claims dc join claims c using (claim_id) where dc.discrepancy_id = ?",
            (d["discrepancy_id"],),
        ).fetchone()[0]
        assert exchanges == 1


def test_exchange_figures_and_grades(db):
    figures = {(r["exchange_id"], r["direction"]): r for r in rows(db, "select * from exchange_figures")}
    late = figures[("ex-2025-late-1003-for-26", "to_ukraine")]
    assert (late["low"], late["best"], late["high"], late["grade"]) == (1003, 1003, 1003, "both_sides_agree")
    assert late["best_claim_id"] == "s003-hq-1003"  # the receiving side's body beats Moscow's negotiator
    assert figures[("ex-2025-06-sunday-1200", "to_ukraine")]["grade"] == "both_sides_agree"
    assert figures[("ex-2025-11-1000-for-30", "to_russia")]["grade"] == "media_only"
    assert figures[("ex-2026-early-1000-for-38", "to_russia")]["grade"] == "one_side_only"
    # 002 repeats its report in a shorter rewrite: 4 claims, one source
    repeated = figures[("ex-2026-early-1000-for-38", "to_ukraine")]
    assert (repeated["claims"], repeated["sources"], repeated["independent_sources"]) == (4, 1, 1)


def test_the_repeated_report_in_002_is_found_as_a_near_duplicate(db):
    dups = rows(db, "select * from near_duplicates")
    assert len(dups) == 1
    d = dups[0]
    assert d["source_id"] == d["other_source_id"] == "s002-1000-bodies-38-in-return"
    assert d["within_one_source"] == 1
    raw = db.execute("select raw_text from sources where source_id = ?", (d["source_id"],)).fetchone()[0]
    assert raw[d["raw_start"] :].startswith("Mass Soldier Exchange")
    assert d["shared_figures"] == "38, 1000, 2025"


# -- each rule on its own, on rows ---------------------------------------------


def claim(claim_id, exchange_id, metric, value, side="ukraine", source_id="s1", **extra):
    base = {
        "claim_id": claim_id, "source_id": source_id, "exchange_id": exchange_id, "agreement_id": None,
        "official_id": None, "attributed_to": None, "side": side, "metric": metric, "value": value,
        "value_high": None, "qualifier": "exact", "framing": None,
    }
    return base | extra


LABELS = {"ex-a": "exchange A", "ex-b": "exchange B"}


def test_figure_conflict_within_one_exchange_but_not_across_exchanges():
    claims = [
        claim("c1", "ex-a", "bodies_to_russia", 19, side="russia", source_id="s1"),
        claim("c2", "ex-a", "bodies_to_russia", 26, side="ukraine", source_id="s2"),
        claim("c3", "ex-b", "bodies_to_russia", 38, source_id="s3"),
    ]
    found = list(figure_conflicts(claims, LABELS))
    assert len(found) == 1
    assert set(found[0].claims) == {"c1", "c2"} and found[0].row()["spread"] == 7
    assert list(figure_conflicts(claims[:1] + claims[2:], LABELS)) == []


def test_arithmetic_flags_parts_that_do_not_add_up():
    claims = [
        claim("t", "ex-a", "bodies_total", 1030),
        claim("u", "ex-a", "bodies_to_ukraine", 1003),
        claim("r", "ex-a", "bodies_to_russia", 26),
    ]
    found = list(arithmetic(claims, LABELS))
    assert len(found) == 1 and found[0].row()["spread"] == 1 and "off by 1" in found[0].summary
    claims[0]["value"] = 1029
    assert list(arithmetic(claims, LABELS)) == []


def test_framing_needs_both_sides_with_different_frames():
    same = [
        claim("a", "ex-a", "statement", None, side="ukraine", framing="humanitarian_mission"),
        claim("b", "ex-a", "statement", None, side="russia", framing="humanitarian_mission"),
    ]
    assert list(framings(same, LABELS)) == []
    same[1]["framing"] = "unilateral_humanitarian_step"
    assert len(list(framings(same, LABELS))) == 1


def test_possible_duplicate_needs_overlapping_dates_and_close_figures():
    exchanges = [
        {"exchange_id": "ex-a", "date_earliest": "2025-11-01", "date_latest": "2025-11-30"},
        {"exchange_id": "ex-b", "date_earliest": "2025-12-01", "date_latest": "2025-12-31"},
    ]
    figures = [
        {"exchange_id": "ex-a", "direction": "to_ukraine", "best": 1000, "best_claim_id": "a"},
        {"exchange_id": "ex-b", "direction": "to_ukraine", "best": 1003, "best_claim_id": "b"},
    ]
    assert list(possible_duplicates(exchanges, figures, LABELS)) == []  # windows do not overlap
    exchanges[1]["date_earliest"] = "2025-11-20"
    assert len(list(possible_duplicates(exchanges, figures, LABELS))) == 1
    figures[1]["best"] = 1100  # no longer close
    assert list(possible_duplicates(exchanges, figures, LABELS)) == []


# -- a consistent corpus raises nothing ----------------------------------------

CONSISTENT = {
    "a": "Russia returns bodies\nRussia handed 900 bodies to Ukraine, the Kyiv headquarters said. Ukraine returned 40 bodies in return, the Kyiv headquarters said.\n",
    "b": "Ukraine receives bodies\nMoscow's negotiator Ivan Petrov said Russia handed over 900 bodies and received 40 bodies.\n",
}


def write_consistent_project(root: Path) -> Path:
    (root / "raw").mkdir()
    (root / "curation" / "sources").mkdir(parents=True)
    (root / "curation" / "officials.yml").write_text(textwrap.dedent("""\
        officials:
          - {official_id: petrov, name: Ivan Petrov, kind: person, side: russia, role: negotiator}
        """))
    (root / "curation" / "exchanges.yml").write_text(textwrap.dedent("""\
        exchanges:
          - {exchange_id: ex-x, label: 900 for 40}
        """))
    claims: dict[str, list[tuple[str, str, int, str, str, str | None]]] = {
        "a": [("a-900", "bodies_to_ukraine", 900, "ukraine", "Russia handed 900 bodies to Ukraine", None),
              ("a-40", "bodies_to_russia", 40, "ukraine", "Ukraine returned 40 bodies in return", None)],
        "b": [("b-900", "bodies_to_ukraine", 900, "russia", "Russia handed over 900 bodies", "petrov"),
              ("b-40", "bodies_to_russia", 40, "russia", "received 40 bodies", "petrov")],
    }
    for name, text in CONSISTENT.items():
        raw = root / "raw" / f"{name}.txt"
        raw.write_text(text)
        curation = {
            "source_id": f"src-{name}", "raw": raw.name, "sha256": hashlib.sha256(raw.read_bytes()).hexdigest(),
            "reviewed": True, "publisher_basis": "test", "published_basis": "test",
            "names": [{"official_id": "petrov", "as_written": "Moscow's negotiator Ivan Petrov", "title": "Moscow's negotiator"}] if name == "b" else [],
            "claims": [
                {"claim_id": cid, "exchange_id": "ex-x", "metric": metric, "value": value, "qualifier": "exact",
                 "side": side, "quote": quote, "unit": "bodies"} | ({"official_id": off} if off else {})
                for cid, metric, value, side, quote, off in claims[name]
            ],
        }
        (root / "curation" / "sources" / f"{name}.yml").write_text(yaml.safe_dump(curation, allow_unicode=True, sort_keys=False))
    return root


def test_a_consistent_corpus_raises_no_discrepancy(tmp_path):
    root = write_consistent_project(tmp_path)
    build(root, quiet=True)
    conn = sqlite3.connect(root / "dist" / "repatriations.db")
    assert conn.execute("select count(*) from discrepancies").fetchone()[0] == 0
    grades = dict(conn.execute("select direction, grade from exchange_figures").fetchall())
    assert grades == {"to_ukraine": "both_sides_agree", "to_russia": "both_sides_agree"}
