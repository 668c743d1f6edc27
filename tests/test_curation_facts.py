"""What the curation says about the five seed articles, pinned: a change to any of
these is a change in what the dataset claims and should be reviewed as such."""

from __future__ import annotations

from repatriations.support.database import rows


def test_counts_per_metric(db):
    counts = {r["metric"]: r["n"] for r in rows(db, "select metric, count(*) n from claims group by metric")}
    assert counts == {
        "bodies_to_ukraine": 14,
        "bodies_to_russia": 7,
        "bodies_total": 1,
        "died_in_captivity": 1,
        "cumulative_bodies_to_ukraine": 2,
        "agreed_bodies_per_side": 2,
        "agreed_bodies_total": 2,
        "agreed_bodies_to_ukraine": 1,
        "repatriation_count": 1,
        "military_deaths": 2,
        "military_wounded": 1,
        "military_losses": 1,
        "civilian_deaths": 1,
        "statement": 12,
    }


def test_one_headquarters_three_spellings(db):
    names = rows(
        db,
        "select source_id, name_as_written from official_names"
        " where official_id = 'ukraine-coordination-hq' order by source_id, name_as_written",
    )
    written = {n["name_as_written"] for n in names}
    assert {
        "Ukraine’s Coordination Headquarters for the Treatment of Prisoners of War",
        "Ukraine’s headquarters for the treatment of prisoners of war",
        "The Ukrainian Coordination Centre for the Treatment of Prisoners of War",
    } <= written
    assert db.execute("select count(*) from officials where name like '%Coordination%'").fetchone()[0] == 1


def test_medinsky_titles_as_written(db):
    titles = {
        r["title_as_written"]
        for r in rows(
            db,
            "select title_as_written from official_names where official_id = 'medinsky' and title_as_written is not null",
        )
    }
    assert titles == {
        "Russian negotiator",
        "Moscow's chief negotiator",
        "Moscow’s chief negotiator",
        "the Kremlin’s chief peace negotiator and adviser",
    }


def test_a_name_in_an_also_read_line_is_not_an_official(db):
    assert db.execute("select count(*) from officials where name like '%Putin%'").fetchone()[0] == 0
    assert db.execute("select count(*) from claims where quote like '%Putin%'").fetchone()[0] == 0


def test_the_repeated_report_in_002_is_one_exchange(db):
    exchanges = {
        r["exchange_id"]
        for r in rows(
            db,
            "select exchange_id from claims where source_id = 's002-1000-bodies-38-in-return'"
            " and metric in ('bodies_to_ukraine', 'bodies_to_russia')",
        )
    }
    assert exchanges == {"ex-2026-early-1000-for-38", "ex-2025-11-1000-for-30"}


def test_nothing_invented_about_publishers_and_dates(db):
    sources = {r["source_id"]: r for r in rows(db, "select * from sources")}
    assert all(s["url"] is None and s["published_date"] is None for s in sources.values())
    assert sources["s000-defense-news-1000-bodies"]["publisher"] == "The Defense News"
    assert sources["s004-rng247-1212"]["publisher"] == "RNG247"
    for sid in ("s001-1200-bodies-sunday", "s002-1000-bodies-38-in-return", "s003-1029-combatants"):
        assert sources[sid]["publisher"] is None
        assert "left empty" in sources[sid]["publisher_basis"]
    assert sources["s004-rng247-1212"]["published_earliest"] is None
    assert "nearly four-year conflict" in sources["s002-1000-bodies-38-in-return"]["published_basis"]


def test_normalisation_removals(db):
    removed = {(r["source_id"], r["rule"]) for r in rows(db, "select source_id, rule from removals")}
    assert removed == {
        ("s000-defense-news-1000-bodies", "credit_line"),
        ("s001-1200-bodies-sunday", "also_read"),
        ("s002-1000-bodies-38-in-return", "repeated_headline"),
        ("s002-1000-bodies-38-in-return", "blank_run"),
        ("s003-1029-combatants", "also_read"),
        ("s003-1029-combatants", "blank_run"),
        ("s004-rng247-1212", "byline"),
        ("s004-rng247-1212", "relative_time"),
        ("s004-rng247-1212", "view_count"),
        ("s004-rng247-1212", "comment_count"),
    }
    texts = {r["source_id"]: r["text"] for r in rows(db, "select source_id, text from sources")}
    assert texts["s002-1000-bodies-38-in-return"].count("Mass Soldier Exchange") == 1
    assert "views" not in texts["s004-rng247-1212"] and "Comment(s)" not in texts["s004-rng247-1212"]
    assert "Also read" not in texts["s001-1200-bodies-sunday"]


def test_date_precision_is_computed_from_the_window(db):
    ex = {r["exchange_id"]: r for r in rows(db, "select * from exchanges")}
    assert ex["ex-2025-06-sunday-1200"]["date_precision"] == "month"
    assert ex["ex-1000-for-19"]["date_precision"] == "year"
