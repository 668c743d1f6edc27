"""The canned queries in metadata.yml, through Datasette's own client, and their
query plans: a parameterised query must never scan the whole claims table."""

from __future__ import annotations

import re
import sqlite3

import pytest
import yaml

from repatriations.support.checkout import ROOT

QUERIES = yaml.safe_load((ROOT / "metadata.yml").read_text())["databases"]["repatriations"]["queries"]
PARAMETERS = {
    "exchange_claims": {"exchange_id": "ex-2025-late-1003-for-26"},
    "search_text": {"q": "refrigerated"},
    "figure_spread": {"direction": "to_ukraine"},
    "discrepancies_with_claims": {"kind": "", "after": ""},
    "exchange_datings": {"exchange_id": "ex-1000-for-19"},
}


async def query(datasette, name: str, **params) -> list[dict]:
    response = await datasette.client.get(f"/repatriations/{name}.json", params=params | {"_shape": "array"})
    assert response.status_code == 200, response.text
    return response.json()


def test_every_query_has_a_title_and_readable_sql():
    for name, q in QUERIES.items():
        assert q.get("title"), name
        assert '"' not in re.sub(r"'[^']*'", "", q["sql"]), f"{name}: use single-quoted string literals"
        assert "\n" in q["sql"], name


@pytest.mark.parametrize("name", sorted(QUERIES))
async def test_every_query_answers_with_rows(datasette, name):
    assert len(await query(datasette, name, **PARAMETERS.get(name, {}))) >= 1
    html = await datasette.client.get(f"/repatriations/{name}", params=PARAMETERS.get(name, {}))
    assert html.status_code == 200 and QUERIES[name]["title"] in html.text


async def test_discrepancies_with_claims_filters_by_kind(datasette):
    everything = await query(datasette, "discrepancies_with_claims", kind="", after="")
    framing = await query(datasette, "discrepancies_with_claims", kind="framing", after="")
    assert {r["kind"] for r in framing} == {"framing"}
    assert len(framing) == 5 and len(everything) == 38
    assert all(r["quote"] and r["source"] for r in everything)


async def test_discrepancies_with_claims_continues_after_a_discrepancy(datasette):
    everything = await query(datasette, "discrepancies_with_claims", kind="", after="")
    ids = list(dict.fromkeys(r["discrepancy_id"] for r in everything))
    assert ids == sorted(ids) and len(ids) == 9
    rest = await query(datasette, "discrepancies_with_claims", kind="", after=ids[2])
    assert list(dict.fromkeys(r["discrepancy_id"] for r in rest)) == ids[3:]
    assert rest == [r for r in everything if r["discrepancy_id"] > ids[2]]


async def test_exchange_claims_side_by_side(datasette):
    result = await query(datasette, "exchange_claims", exchange_id="ex-2025-late-1003-for-26")
    assert {(r["claim_id"], r["value"]) for r in result} >= {
        ("s003-medinsky-1003", 1003),
        ("s003-hq-1003", 1003),
        ("s003-medinsky-26", 26),
    }
    assert {r["source_id"] for r in result} == {"s003-1029-combatants"}


async def test_search_is_safe_when_empty_or_malformed(datasette):
    assert await query(datasette, "search_text", q="") == []
    assert await query(datasette, "search_text", q='"un(balanced*') == []
    hits = await query(datasette, "search_text", q="captivity")
    assert {(h["found_in"], h["id"]) for h in hits} == {
        ("quote", "s000-hq-5-died-in-captivity"),
        ("article", "s000-defense-news-1000-bodies"),
    }


async def test_running_totals_against_the_record(datasette):
    result = {r["claim_id"]: r for r in await query(datasette, "running_totals")}
    assert result["s001-umerov-4812-this-week"]["on_record"] == 2412
    assert result["s001-umerov-4812-this-week"]["not_accounted_for"] == 2400


async def test_query_results_link_claims_to_their_context(datasette):
    html = (await datasette.client.get("/repatriations/unattributed_figures")).text
    assert '<a href="/repatriations/claims/s000-headline-1000">s000-headline-1000</a>' in html


@pytest.mark.parametrize("name", sorted(n for n, q in QUERIES.items() if re.search(r":\w+", q["sql"])))
def test_parameterised_queries_never_scan_claims(db_path, name):
    conn = sqlite3.connect(db_path)
    conn.create_function("escape_fts", 1, lambda q: q)
    sql = QUERIES[name]["sql"]
    params = {p: "x" for p in re.findall(r":(\w+)", sql)}
    plan = [row[3] for row in conn.execute("explain query plan " + sql, params)]
    assert not any(re.fullmatch(r"SCAN (c|claims)", step) for step in plan), plan


async def test_date_disagreements_lists_each_conflicting_sources_dating(datasette):
    found = await query(datasette, "date_disagreements")
    assert [(r["exchange_id"], r["source_id"], r["role"]) for r in found] == [
        ("ex-1000-for-19", "s000-defense-news-1000-bodies", "conflicting")
    ]
    (row,) = found
    assert (row["date_earliest"], row["date_latest"], row["reading"]) == ("2024-02-01", "2025-02-28", "inferred")
    assert row["quote"].startswith("the full-scale invasion began in February 2022")
    assert "falls under" in row["summary"] or "fall under" in row["summary"]


async def test_the_timeline_spans_each_window_on_a_time_axis(datasette):
    found = await query(datasette, "timeline")
    by_series: dict[str, list[str]] = {}
    for r in found:
        by_series.setdefault(r["series"], []).append(r["day"])
    # every exchange and direction: two points, the window's first day and the day after its last
    sunday = by_series["ex-2025-06-sunday-1200 to Ukraine"]
    assert sunday == ["2025-06-01", "2025-06-30"]
    assert all(len(days) == 2 and days[0] < days[1] for days in by_series.values())
    assert len(by_series) == 11  # 6 exchanges in both directions, but no figure to Russia for the Sunday 1,200
