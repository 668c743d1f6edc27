"""Checked as a person would: Debian's chromium, driven by Playwright, against a
Datasette started as `make serve` starts it. Screenshots go to test-artifacts/
(the browser and page fixtures are in conftest.py)."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest

from repatriations.support.checkout import ARTIFACTS
from repatriations.support.server import running_datasette

pytestmark = pytest.mark.browser
# how many of the chart's pixels are coloured (bars, points), not white, grey or black:
# an empty frame, drawn when a column name is wrong, has only grey axes
COLOURED = """(canvas) => {
  const ctx = canvas.getContext('2d');
  const {data} = ctx.getImageData(0, 0, canvas.width, canvas.height);
  let coloured = 0;
  for (let i = 0; i < data.length; i += 4) {
    const [r, g, b, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
    if (a > 0 && Math.max(r, g, b) - Math.min(r, g, b) > 30) coloured++;
  }
  return coloured;
}"""


@pytest.fixture(scope="module")
def server(built, tmp_path_factory):
    with running_datasette(built / "dist", tmp_path_factory.mktemp("browser") / "datasette.log") as base:
        yield base


def chart_links(server: str) -> list[str]:
    html = httpx.get(f"{server}/", timeout=10).text
    return [h.replace("&amp;", "&") for h in re.findall(r'href="(/repatriations/[^"]*#g\.[^"]*)"', html)]


def test_home_page_lists_the_dataset_and_its_charts(page, server):
    page.goto(f"{server}/")
    assert "war-dead repatriations" in page.title() or "repatriations" in page.content()
    assert len(chart_links(server)) == 2
    assert page.locator("a[href='/static/package/datapackage.json']").count() == 1
    page.screenshot(path=ARTIFACTS / "home.png", full_page=True)
    assert page.errors == []


def test_discrepancies_query_shows_rows_with_quotes(page, server):
    page.goto(f"{server}/repatriations/discrepancies_with_claims")
    rows = page.locator("table.rows-and-columns tbody tr")
    assert rows.count() == 38
    assert page.locator("td.col-kind", has_text="running_total_gap").count() >= 1
    assert page.locator("td.col-claim_id a[href^='/repatriations/claims/']").count() == 38
    page.screenshot(path=ARTIFACTS / "discrepancies.png", full_page=True)
    assert page.errors == []


def test_a_claim_in_context_highlights_its_quote(page, server):
    page.goto(f"{server}/repatriations/claims/s003-medinsky-26")
    mark = page.locator(".claim-context mark#quote")
    assert mark.inner_text() == "while receiving the bodies of 26 Russian service members"
    article = page.locator(".claim-context .article-text").inner_text()
    assert article.startswith("KYIV, Ukraine") and "refrigerated transport trucks" in article
    assert page.locator(".claim-context", has_text="the quote matches the article there").count() == 1
    assert page.locator(".claim-context a[href='/repatriations/officials/medinsky']").count() == 1
    mark.scroll_into_view_if_needed()
    page.screenshot(path=ARTIFACTS / "claim-in-context.png", full_page=True)
    assert page.errors == []


@pytest.mark.parametrize("index", [0, 1])
def test_each_chart_draws_the_columns_it_names(page, server, index):
    link = chart_links(server)[index]
    fragment = dict(parse_qsl(urlsplit(link).fragment))
    path, _, query = link.split("#")[0].partition("?")
    data = httpx.get(f"{server}{path}.json?{query}&_shape=array", timeout=10).json()
    assert len(data) >= 2  # datasette-vega needs two rows
    for key in ("g.x_column", "g.y_column", "g.color_column"):
        assert fragment[key] in data[0], f"{key}={fragment[key]} is not a column of {path}"
    page.goto(f"{server}{link}")
    canvas = page.locator("canvas.marks")
    canvas.wait_for(state="visible", timeout=20000)
    page.wait_for_timeout(500)
    page.screenshot(path=ARTIFACTS / f"chart-{index}.png", full_page=True)
    coloured = page.evaluate(COLOURED, canvas.element_handle())
    assert coloured > 50, f"the chart frame is empty ({coloured} coloured pixels)"
    assert page.errors == []


def test_an_exchange_page_shows_each_sources_dating_side_by_side(page, server):
    page.goto(f"{server}/repatriations/exchanges/ex-1000-for-19")
    section = page.locator("section.exchange-datings")
    assert section.locator("tr.dating").count() == 1
    assert "now well into its third year" in section.inner_text()
    assert section.locator(".conflict a[href='/repatriations/discrepancies/date-conflict-ex-1000-for-19']").count() == 1
    page.screenshot(path=ARTIFACTS / "exchange-datings.png", full_page=True)
    assert page.errors == []


def test_the_timeline_draws_each_window_on_a_time_axis(page, server):
    link = chart_links(server)[0]
    assert "g.x_type=temporal" in link and "g.mark=line" in link
    page.goto(f"{server}{link}")
    canvas = page.locator("canvas.marks")
    canvas.wait_for(state="visible", timeout=20000)
    page.wait_for_timeout(500)
    canvas.screenshot(path=ARTIFACTS / "timeline-chart.png")
    assert page.evaluate(COLOURED, canvas.element_handle()) > 50
    assert page.errors == []
