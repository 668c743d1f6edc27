"""The dataset as Datasette serves it: every table page, SQL over HTTP, metadata
generated from the schemas."""

from __future__ import annotations

import pytest

from repatriations import schemas


@pytest.mark.parametrize("table", schemas.TABLES)
async def test_every_table_page_answers(datasette, table):
    html = await datasette.client.get(f"/repatriations/{table}")
    assert html.status_code == 200
    data = await datasette.client.get(f"/repatriations/{table}.json?_shape=array&_size=max")
    assert data.status_code == 200
    assert len(data.json()) >= 1


async def test_column_descriptions_come_from_the_table_schemas(datasette):
    metadata = (await datasette.client.get("/-/metadata.json")).json()
    tables = metadata["databases"]["repatriations"]["tables"]
    for table in schemas.TABLES:
        assert tables[table]["columns"] == {n: f["description"] for n, f in schemas.fields(table).items()}
    html = (await datasette.client.get("/repatriations/claims")).text
    assert schemas.fields("claims")["quote_start"]["description"] in html


async def test_sql_over_http_returns_claims_as_json(datasette):
    sql = "select claim_id, value from claims where metric = 'bodies_to_russia' and exchange_id = :ex order by claim_id"
    response = await datasette.client.get(
        "/repatriations.json", params={"sql": sql, "ex": "ex-2026-early-1000-for-38", "_shape": "array"}
    )
    assert response.status_code == 200
    assert response.json() == [
        {"claim_id": "s002-medinsky-38", "value": 38},
        {"claim_id": "s002-rewrite-38", "value": 38},
        {"claim_id": "s002-rewrite2-38", "value": 38},
    ]


async def test_csv_download_of_a_filtered_table(datasette):
    response = await datasette.client.get("/repatriations/claims.csv?metric=died_in_captivity&_stream=on")
    assert response.status_code == 200
    lines = response.text.strip().splitlines()
    assert lines[0].startswith("claim_id,")
    assert len(lines) == 2 and "s000-hq-5-died-in-captivity" in lines[1]


async def test_foreign_keys_show_labels(datasette):
    row = (
        await datasette.client.get("/repatriations/claims.json?claim_id=s004-medinsky-27&_labels=on&_shape=array")
    ).json()[0]
    assert row["official_id"] == {"value": "medinsky", "label": "Vladimir Medinsky"}
    assert row["exchange_id"]["label"].startswith("1,212 bodies to Ukraine")


async def test_writes_through_sql_are_refused(datasette):
    response = await datasette.client.get("/repatriations.json", params={"sql": "delete from claims"})
    assert response.status_code == 400


async def test_home_page_shows_the_package_version_and_citation(datasette, built):
    import json

    descriptor = json.loads((built / "dist" / "static" / "package" / "datapackage.json").read_text())
    html = (await datasette.client.get("/")).text
    assert f"version {descriptor['version']}" in html
    assert descriptor["citation"] in html
    assert descriptor["version"] in descriptor["citation"]
    served = await datasette.client.get("/static/package/datapackage.json")
    assert served.status_code == 200 and served.json()["version"] == descriptor["version"]
    moved = await datasette.client.get("/package/datapackage.json")  # the old address redirects
    assert moved.status_code == 301 and moved.headers["location"] == "/static/package/datapackage.json"


async def test_an_exchange_page_lists_each_sources_dating_and_its_conflict(datasette):
    page = (await datasette.client.get("/repatriations/exchanges/ex-1000-for-19")).text
    assert "When it happened, source by source" in page
    assert page.count('<tr class="dating"') == 1
    assert 'data-source="s000-defense-news-1000-bodies"' in page
    assert "now well into its third year" in page and "2024-02-01 to 2025-02-28" in page
    assert 'class="conflict"' in page and "/repatriations/discrepancies/date-conflict-ex-1000-for-19" in page


async def test_an_exchange_without_conflict_shows_its_derived_window(datasette):
    page = (await datasette.client.get("/repatriations/exchanges/ex-2025-late-1003-for-26")).text
    assert "2025-10-31 to 2025-12-26" in page and "a Friday" in page
    assert 'class="conflict"' not in page and "The exchange was confirmed on Friday" in page


async def test_the_review_page_marks_every_number_of_a_reviewed_source(datasette, db):
    source_id = "s003-1029-combatants"
    page = (await datasette.client.get(f"/-/review/{source_id}")).text
    numbers = db.execute("select count(*), sum(claim_id is not null) from numbers where source_id = ?", (source_id,)).fetchone()
    assert page.count('class="num claim"') == numbers[1]
    assert page.count('class="num ') == numbers[0]
    assert 'class="num problem"' not in page and "Nothing left to do" in page
    line = db.execute("select curation_line from claims where claim_id = 's003-medinsky-26'").fetchone()[0]
    assert f"curation/sources/003_a33e81c085f97841.yml:{line}" in page
    assert (await datasette.client.get("/-/review")).status_code == 200
    assert (await datasette.client.get("/-/review/no-such-source")).status_code == 404
