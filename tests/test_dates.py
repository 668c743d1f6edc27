"""Dates are claims too: each source's dating of an exchange (exchange_dates), the
window an exchange derives from all of them, and the date_conflict discrepancy.

Pinned on the seeds; then small corpora where a second dated source narrows a
window, contradicts it, or settles that two rows are two events; and a test
article (tests/data/dates/, never in raw/) that dates the 1,000-for-19 handover to
19 August 2025, linked to the seeds' exchange only when its curation says so."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import yaml

from repatriations import dating
from repatriations.pipeline import build
from repatriations.support.checkout import ROOT, copy_project
from repatriations.support.database import rows

DATA = ROOT / "tests" / "data" / "dates"
S000 = "s000-defense-news-1000-bodies"

SEED_WINDOWS = {
    # exchange_id: (date_earliest, date_latest, date_precision, weekday, dated_by, date_conflict)
    "ex-1000-for-19": ("2024-02-01", "2025-02-28", "year", None, 1, 1),
    "ex-2025-06-1212": ("2025-06-01", "2025-07-07", "year", None, 1, 0),
    "ex-2025-06-sunday-1200": ("2025-06-01", "2025-06-29", "month", "Sunday", 1, 0),
    "ex-2025-11-1000-for-30": ("2025-11-01", "2025-11-30", "month", None, 1, 0),
    "ex-2025-late-1003-for-26": ("2025-10-31", "2025-12-26", "year", "Friday", 1, 0),
    "ex-2026-early-1000-for-38": ("2026-01-01", "2026-02-28", "year", None, 1, 0),
}


def windows(conn: sqlite3.Connection) -> dict[str, tuple]:
    sql = (
        "select exchange_id, date_earliest, date_latest, date_precision, weekday, dated_by, date_conflict "
        "from exchanges order by exchange_id"
    )
    return {r[0]: tuple(r[1:]) for r in conn.execute(sql)}


# -- the seeds -----------------------------------------------------------------


def test_seed_exchange_windows_are_derived_from_the_sources_datings(db):
    assert windows(db) == SEED_WINDOWS


def test_each_seed_dating_quotes_the_article_at_its_offsets(db):
    found = rows(
        db,
        "select d.*, s.raw_text from exchange_dates d join sources s using (source_id) order by exchange_id",
    )
    assert len(found) == 6
    for row in found:
        passages = row["quote"].split(dating.PASSAGE_BREAK)
        span = row["raw_text"][row["quote_start"] : row["quote_end"]]
        assert span.startswith(passages[0]) and span.endswith(passages[-1]), row["exchange_id"]
        assert row["quote_line"] == row["raw_text"].count("\n", 0, row["quote_start"]) + 1


def test_relative_seed_datings_are_read_against_the_articles_own_date(db):
    relative = {
        r["exchange_id"]: (r["date_earliest"], r["date_latest"], r["weekday"])
        for r in rows(db, "select * from exchange_dates where reading = 'relative'")
    }
    # 002, of January-February 2026: "in November of the previous year"
    assert relative["ex-2025-11-1000-for-30"] == ("2025-11-01", "2025-11-30", None)
    # 003, of November-December 2025: "confirmed on Friday", the Fridays from 31 Oct to 26 Dec
    assert relative["ex-2025-late-1003-for-26"] == ("2025-10-31", "2025-12-26", "Friday")


def test_the_seeds_date_conflict_is_000_against_its_agreement(db):
    (conflict,) = rows(db, "select * from discrepancies where kind = 'date_conflict'")
    assert conflict["exchange_id"] == "ex-1000-for-19" and conflict["agreement_id"] == "istanbul-2025-06"
    assert conflict["summary"] == (
        "1,000 bodies to Ukraine, 19 to Russia: s000-defense-news-1000-bodies dates it between February 2024 and "
        "February 2025; it is said to fall under the Istanbul agreement on the return of bodies and prisoners "
        "(June 2025), which begins 1 June 2025."
    )
    dated = rows(db, "select source_id, date_earliest, date_latest, role from discrepancy_dates")
    assert dated == [{"source_id": S000, "date_earliest": "2024-02-01", "date_latest": "2025-02-28", "role": "conflicting"}]
    roles = dict(db.execute("select claim_id, role from discrepancy_claims where discrepancy_id = ?", (conflict["discrepancy_id"],)))
    assert roles["s000-medinsky-under-istanbul"] == "under_agreement" and roles["s000-hq-1000"] == "dated_source"


def test_publication_quotes_are_found_in_the_articles(db):
    for row in rows(db, "select * from sources where published_quote is not null"):
        first = row["published_quote"].split(dating.PASSAGE_BREAK)[0]
        assert row["raw_text"][row["published_quote_start"] :].startswith(first), row["source_id"]


# -- reading words against a publication window ------------------------------------


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


@pytest.mark.parametrize(
    ("words", "published", "expected"),
    [
        ("confirmed on Friday", ("2025-12-19", "2025-12-19"), ("2025-12-19", "2025-12-19")),
        ("on Sunday", ("2025-06-16", "2025-06-16"), ("2025-06-15", "2025-06-15")),
        ("on Tuesday", ("2025-08-01", "2025-08-31"), ("2025-07-29", "2025-08-26")),
        ("yesterday", ("2025-07-18", "2025-07-18"), ("2025-07-17", "2025-07-17")),
        ("last week", ("2025-06-16", "2025-06-16"), ("2025-06-03", "2025-06-15")),
        ("earlier this month", ("2025-06-16", "2025-06-20"), ("2025-06-01", "2025-06-20")),
        ("last month", ("2026-01-29", "2026-01-29"), ("2025-12-01", "2025-12-31")),
        ("in November of the previous year", ("2026-01-01", "2026-02-28"), ("2025-11-01", "2025-11-30")),
        ("last November", ("2026-01-29", "2026-01-29"), ("2025-11-01", "2025-11-30")),
        ("in June", ("2025-11-01", "2025-12-31"), ("2025-06-01", "2025-06-30")),
        ("in December", ("2026-01-29", "2026-01-29"), ("2025-12-01", "2025-12-31")),
        ("earlier this year", ("2025-11-01", "2025-12-31"), ("2025-01-01", "2025-12-31")),
    ],
)
def test_relative_words_are_read_against_the_publication_window(words, published, expected):
    read = dating.relative_window(words, dating.Window(day(published[0]), day(published[1])))
    assert read is not None and read.iso() == expected


@pytest.mark.parametrize("words", ["on 14 June", "between 11 and 16 June", "June 19-20", "the exchange was confirmed"])
def test_words_without_their_year_state_nothing(words):
    assert dating.stated_window(words) is None


def test_words_without_a_time_phrase_are_not_read():
    assert dating.relative_window("the exchange was confirmed", dating.Window(day("2025-01-01"), None)) is None


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("on Tuesday, August 19, 2025", ("2025-08-19", "2025-08-19")),
        ("on 19 August 2025", ("2025-08-19", "2025-08-19")),
        ("in November 2025", ("2025-11-01", "2025-11-30")),
        ("between 11 June 2025 and 16 June 2025", ("2025-06-11", "2025-06-16")),
        ("between 11 and 16 June 2025", ("2025-06-11", "2025-06-16")),
        ("on 13, 14 and 15 June 2025", ("2025-06-13", "2025-06-15")),
        ("June 19-20, 2025", ("2025-06-19", "2025-06-20")),
        ("from June to August 2025", ("2025-06-01", "2025-08-31")),
        ("in 2025", ("2025-01-01", "2025-12-31")),
    ],
)
def test_stated_words_give_their_window(words, expected):
    stated = dating.stated_window(words)
    assert stated is not None and stated.iso() == expected


def test_judging_datings():
    june = dating.Dating("a", dating.Window(day("2025-06-01"), day("2025-06-30")), None)
    mid = dating.Dating("b", dating.Window(day("2025-06-10"), day("2025-06-20")), None)
    august = dating.Dating("c", dating.Window(day("2025-08-19"), day("2025-08-19")), None)
    sunday = dating.Dating("d", dating.Window(day("2025-06-01"), day("2025-06-30")), "Sunday")
    friday = dating.Dating("e", dating.Window(day("2025-06-01"), day("2025-06-30")), "Friday")
    assert dating.judge([june, mid]).window.iso() == ("2025-06-10", "2025-06-20")
    assert dating.judge([june, sunday, mid]).window.iso() == ("2025-06-15", "2025-06-15")
    apart = dating.judge([june, august])
    assert apart.problems == ["their windows do not overlap"] and apart.window.iso() == ("2025-06-01", "2025-08-19")
    assert dating.judge([sunday, friday]).problems == ["they name different weekdays"]
    tuesday_only = dating.Dating("f", dating.Window(day("2025-08-19"), day("2025-08-19")), None)
    assert dating.judge([tuesday_only, dating.Dating("g", dating.Window(), "Sunday")]).problems == [
        "no Sunday falls in the window they allow together"
    ]
    later = dating.Agreement("ag", "a later agreement", dating.Window(day("2025-07-01"), day("2025-07-31")))
    assert dating.judge([june], later).conflicting == {"a"}


# -- small corpora ---------------------------------------------------------------


def write_source(root: Path, name: str, text: str, curation: dict) -> None:
    raw = root / "raw" / f"{name}.txt"
    raw.write_text(text, encoding="utf-8")
    curation = {"raw": raw.name, "sha256": hashlib.sha256(raw.read_bytes()).hexdigest(), "reviewed": True} | curation
    (root / "curation" / "sources" / f"{name}.yml").write_text(yaml.safe_dump(curation, allow_unicode=True, sort_keys=False))


def corpus(root: Path, datings: dict[str, dict], exchanges: tuple[str, ...] = ("ex-x",)) -> Path:
    """One article per entry of datings, each reporting 900 bodies for exchange ex-x (or
    the entry's own exchange) and dating it by the entry's words."""
    (root / "raw").mkdir(parents=True)
    (root / "curation" / "sources").mkdir(parents=True)
    (root / "curation" / "officials.yml").write_text("officials: []\n")
    listing = "".join(f"  - {{exchange_id: {e}, label: 900 bodies ({e})}}\n" for e in exchanges)
    (root / "curation" / "exchanges.yml").write_text("exchanges:\n" + listing)
    for name, spec in datings.items():
        exchange = spec.get("exchange_id", "ex-x")
        text = f"Russia handed over 900 bodies, officials said {spec['words']}.\n"
        dated = {k: v for k, v in spec.items() if k not in ("words", "published", "exchange_id", "value", "date_numbers")}
        write_source(
            root,
            name,
            text.replace("900", str(spec.get("value", 900))),
            {
                "source_id": f"src-{name}",
                "publisher_basis": "test",
                "published_basis": "test",
                **spec.get("published", {}),
                "exchange_dates": [{"exchange_id": exchange, "quote": spec["words"], "basis": "test"} | dated],
                "claims": [
                    {
                        "claim_id": f"{name}-900",
                        "exchange_id": exchange,
                        "metric": "bodies_to_ukraine",
                        "value": spec.get("value", 900),
                        "qualifier": "exact",
                        "side": "media",
                        "quote": f"Russia handed over {spec.get('value', 900)} bodies",
                    }
                ],
                "not_claims": [{"number": n, "reason": "a date"} for n in spec.get("date_numbers", [])],
            },
        )
    return root


def built_db(root: Path) -> sqlite3.Connection:
    build(root, quiet=True)
    conn = sqlite3.connect(root / "dist" / "repatriations.db")
    conn.row_factory = sqlite3.Row
    return conn


def test_a_second_dated_source_narrows_the_window_without_conflict(tmp_path):
    conn = built_db(
        corpus(
            tmp_path,
            {
                "a": {"words": "in June 2025", "reading": "stated", "date_numbers": ["2025"]},
                "b": {
                    "words": "on Sunday",
                    "reading": "relative",
                    "published": {"published_date": "2025-06-16"},
                },
            },
        )
    )
    assert windows(conn)["ex-x"] == ("2025-06-15", "2025-06-15", "day", "Sunday", 2, 0)
    assert conn.execute("select date from exchanges").fetchone()[0] == "2025-06-15"
    assert conn.execute("select count(*) from discrepancies where kind = 'date_conflict'").fetchone()[0] == 0


def test_disjoint_windows_raise_exactly_one_conflict_and_keep_the_widest_window(tmp_path):
    conn = built_db(
        corpus(
            tmp_path,
            {
                "a": {"words": "in June 2025", "reading": "stated", "date_numbers": ["2025"]},
                "b": {"words": "in August 2025", "reading": "stated", "date_numbers": ["2025"]},
            },
        )
    )
    conflicts = rows(conn, "select * from discrepancies where kind = 'date_conflict'")
    assert len(conflicts) == 1
    assert conflicts[0]["summary"] == (
        "900 bodies (ex-x): src-a dates it in June 2025; src-b dates it in August 2025; their windows do not overlap."
    )
    assert windows(conn)["ex-x"] == ("2025-06-01", "2025-08-31", "year", None, 2, 1)
    roles = rows(conn, "select source_id, role from discrepancy_dates order by source_id")
    assert roles == [{"source_id": "src-a", "role": "conflicting"}, {"source_id": "src-b", "role": "conflicting"}]


def test_a_dated_second_source_settles_that_two_rows_are_two_events(tmp_path):
    """ex-x and ex-y have close figures. Dated only to 2025 they may be one event; once a
    second source dates ex-y to August, their windows no longer overlap."""
    base: dict[str, dict[str, Any]] = {
        "a": {"words": "in June 2025", "reading": "stated", "date_numbers": ["2025"]},
        "y1": {"words": "in 2025", "reading": "stated", "exchange_id": "ex-y", "value": 903, "date_numbers": ["2025"]},
    }
    first = built_db(corpus(tmp_path / "one", base, ("ex-x", "ex-y")))
    assert first.execute("select count(*) from discrepancies where kind = 'possible_duplicate'").fetchone()[0] == 1
    second_source: dict[str, dict[str, Any]] = {"y2": {"words": "in August 2025", "reading": "stated", "exchange_id": "ex-y", "value": 903, "date_numbers": ["2025"]}}
    settled = built_db(corpus(tmp_path / "two", base | second_source, ("ex-x", "ex-y")))
    assert windows(settled)["ex-y"][:2] == ("2025-08-01", "2025-08-31")
    assert settled.execute("select count(*) from discrepancies where kind = 'possible_duplicate'").fetchone()[0] == 0


# -- a new article on the 1,000-for-19 handover ---------------------------------------


def add_test_article(root: Path, exchange_id: str) -> None:
    raw = (DATA / "hq-2025-08-19.txt").read_bytes()
    (root / "raw" / "hq-2025-08-19.txt").write_bytes(raw)
    curation = (DATA / "hq-2025-08-19.yml").read_text(encoding="utf-8")
    curation = curation.replace("EXCHANGE", exchange_id).replace("SHA256", hashlib.sha256(raw).hexdigest())
    (root / "curation" / "sources" / "hq-2025-08-19.yml").write_text(curation, encoding="utf-8")


def test_the_new_article_stays_its_own_exchange_unless_a_person_links_it(tmp_path):
    root = copy_project(tmp_path)
    exchanges = root / "curation" / "exchanges.yml"
    exchanges.write_text(
        exchanges.read_text(encoding="utf-8")
        + "\n  - exchange_id: ex-2025-08-19-1000-for-19\n    label: 1,000 bodies to Ukraine, 19 to Russia (19 August 2025)\n",
        encoding="utf-8",
    )
    add_test_article(root, "ex-2025-08-19-1000-for-19")
    conn = built_db(root)
    found = windows(conn)
    assert found["ex-2025-08-19-1000-for-19"] == ("2025-08-19", "2025-08-19", "day", "Tuesday", 1, 0)
    assert found["ex-1000-for-19"] == SEED_WINDOWS["ex-1000-for-19"]
    conflicts = [r[0] for r in conn.execute("select exchange_id from discrepancies where kind = 'date_conflict'")]
    assert conflicts == ["ex-1000-for-19"]  # 000 against its agreement, as on the seeds alone


def test_linked_by_its_curator_the_new_article_conflicts_with_000s_dating(tmp_path):
    root = copy_project(tmp_path)
    add_test_article(root, "ex-1000-for-19")
    conn = built_db(root)
    (conflict,) = rows(conn, "select * from discrepancies where kind = 'date_conflict'")
    assert conflict["summary"] == (
        "1,000 bodies to Ukraine, 19 to Russia: s000-defense-news-1000-bodies dates it between February 2024 and "
        "February 2025; stest-hq-2025-08-19 dates it on 19 August 2025 (a Tuesday); their windows do not overlap; "
        "and it is said to fall under the Istanbul agreement on the return of bodies and prisoners (June 2025), "
        "which begins 1 June 2025."
    )
    assert windows(conn)["ex-1000-for-19"] == ("2024-02-01", "2025-08-19", "year", None, 2, 1)  # no weekday fits a span
    dated = rows(conn, "select source_id, date_earliest, date_latest, role from discrepancy_dates order by source_id")
    assert dated == [
        {"source_id": S000, "date_earliest": "2024-02-01", "date_latest": "2025-02-28", "role": "conflicting"},
        {"source_id": "stest-hq-2025-08-19", "date_earliest": "2025-08-19", "date_latest": "2025-08-19", "role": "conflicting"},
    ]
    # the five captivity deaths agree with 000's: no figure conflict on them
    assert conn.execute("select count(*) from discrepancies where kind = 'figure_conflict'").fetchone()[0] == 0


def test_suggest_does_not_link_the_new_article_to_the_seeds_exchange(tmp_path):
    """Its figures (1,000 and 19) match ex-1000-for-19, but 19 August 2025 falls outside the
    window 000 gives it: the draft proposes a new exchange, and linking stays a person's call."""
    from repatriations.project import Project
    from repatriations.suggest import write_draft

    root = copy_project(tmp_path)
    article = root / "raw" / "hq-2025-08-19.txt"
    article.write_bytes((DATA / "hq-2025-08-19.txt").read_bytes())
    _, draft = write_draft(Project(root), article)
    linked = {c.exchange.value for c in draft.claims if c.exchange}
    assert linked and "ex-1000-for-19" not in linked
    assert [e.exchange_id for e in draft.new_exchanges] == sorted(linked)
    (dated,) = draft.datings
    assert (dated["exchange_id"], dated["reading"]) == (draft.new_exchanges[0].exchange_id, "stated")


def test_a_written_date_may_wrap_one_line_but_never_crosses_a_blank_line():
    wrapped = dating.date_mentions("The handover took place on 19\nAugust 2025, the headquarters said.")
    assert [(m.day, m.month, m.year) for m in wrapped] == [(19, 8, 2025)]
    # a headline's last figure is not the day of the dateline under it
    headline = "Ukraine gets back bodies of 121 soldiers; Russia says it received 29\n\nMarch 29, 2024 7:18 PM GMT+1"
    found = dating.date_mentions(headline)
    assert [(m.day, m.month, m.year) for m in found] == [(29, 3, 2024)]
    assert found[0].start == headline.index("March")


def test_a_day_month_year_joined_by_hyphens_is_a_date_only_with_its_year():
    found = dating.date_mentions("Updated 22:47, 16-Jun-2025")
    assert [(m.day, m.month, m.year) for m in found] == [(16, 6, 2025)]
    assert dating.date_mentions("a 5-may-be figure, the 24-for-1000 swap") == []
