"""The preview as a reviewer uses it, in Debian's chromium: an article no test has
seen is dropped into a copy of the project, `build.py preview` drafts it and serves
the preview, and the review page is checked number by number, through an edit that
breaks a quote and one that mends it. The production database must not change.
Screenshots go to test-artifacts/."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from repatriations.pipeline import build
from repatriations.support.checkout import ARTIFACTS, ROOT, copy_project
from repatriations.support.server import free_port, stop, wait_until_up

pytestmark = pytest.mark.browser
ARTICLE = ROOT / "tests" / "data" / "preview" / "icrc-2025-09-18.txt"
DRAFT = "curation/sources/icrc-2025-09-18.yml"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("preview") / "project")
    build(root, quiet=True)
    (root / "raw" / ARTICLE.name).write_bytes(ARTICLE.read_bytes())
    return root


@pytest.fixture(scope="module")
def preview(tree: Path):
    production = sha256(tree / "dist" / "repatriations.db")
    port = free_port()
    log = tree / "preview.log"
    with log.open("wb") as err:
        proc = subprocess.Popen(
            [sys.executable, "build.py", "--root", str(tree), "preview", "--port", str(port)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(proc, base, log, 90)
        yield base
    finally:
        stop(proc)
    assert sha256(tree / "dist" / "repatriations.db") == production, "the preview changed the production database"


def draft_source_id(tree: Path) -> str:
    text = (tree / DRAFT).read_text(encoding="utf-8")
    found = re.search(r"^source_id: (\S+)$", text, re.M)
    assert found, text
    return found.group(1)


def review_url(base: str, tree: Path) -> str:
    return f"{base}/-/review/{draft_source_id(tree)}"


def wait_for(tab, check, timeout: float = 20.0) -> None:
    """Reload until check(tab) holds: the watcher redoes the preview within a second or two."""
    deadline = time.monotonic() + timeout
    while True:
        tab.reload()
        if check(tab):
            return
        if time.monotonic() > deadline:
            raise AssertionError("the preview did not move to the new state")
        time.sleep(0.5)


def test_the_banner_says_preview_with_its_counts(page, preview, tree):
    page.goto(f"{preview}/")
    banner = page.locator("#preview-banner")
    assert "PREVIEW" in banner.inner_text()
    assert banner.locator(".drafts").inner_text() == "1" and banner.locator(".problems").inner_text() == "0"
    assert banner.locator("a[href='/-/review']").count() == 1
    page.screenshot(path=ARTIFACTS / "preview-home.png", full_page=True)
    page.goto(f"{preview}/repatriations/claims")
    assert page.locator("#preview-banner").count() == 1  # on every page, not only the home page


def test_the_review_page_marks_every_number_with_the_drafts_reading(page, preview, tree):
    source_id = draft_source_id(tree)
    numbers = httpx.get(
        f"{preview}/repatriations/numbers.json", params={"source_id": source_id, "_shape": "array"}, timeout=10
    ).json()
    assert {n["as_written"] for n in numbers} == {"1,000", "18", "2025", "24"}
    page.goto(review_url(preview, tree))
    article = page.locator(".article")
    assert article.locator(".num").count() == len(numbers)
    claims = article.locator("a.num.claim")
    metrics = {claims.nth(i).inner_text(): claims.nth(i).get_attribute("data-metric") for i in range(claims.count())}
    assert metrics == {"1,000": "bodies_to_ukraine", "24": "bodies_to_russia"}
    assert article.locator(".num.unplaced, .num.not-claim").count() == 2  # the day and the year of the dateline
    page.screenshot(path=ARTIFACTS / "preview-review.png", full_page=True)


def test_a_claims_mark_leads_to_its_file_and_line(page, preview, tree):
    page.goto(review_url(preview, tree))
    page.locator("a.num.claim", has_text="24").click()
    claim_id = page.url.split("#claim-")[1]
    card = page.locator(f"[id='claim-{claim_id}']")
    where = card.locator(".where").inner_text()
    path, line = where.rsplit(":", 1)
    assert path == DRAFT
    assert (tree / path).read_text(encoding="utf-8").splitlines()[int(line) - 1] == f"  - claim_id: {claim_id}"
    assert "bodies_to_russia" in card.inner_text() and "DRAFT:" in card.inner_text()
    # an UNPLACED number leads to its not_claims entry, with its reason
    href = page.locator("a.num.unplaced", has_text="2025").get_attribute("href")
    assert href and href.startswith("#number-")
    number_card = page.locator(f"[id='{href[1:]}']")
    path, line = number_card.locator(".where").inner_text().rsplit(":", 1)
    assert path == DRAFT and "UNPLACED" in number_card.inner_text()
    entry = (tree / path).read_text(encoding="utf-8").splitlines()[int(line) - 1]
    assert entry.startswith("  - number:") and "2025" in entry


def test_a_broken_quote_is_a_problem_on_the_page_and_mending_it_clears_it(page, preview, tree):
    draft = tree / DRAFT
    text = draft.read_text(encoding="utf-8")
    quote = next(line for line in text.splitlines() if line.strip().startswith("quote:") and "24 bodies" in line)
    draft.write_text(text.replace(quote, quote.replace("24 bodies", "42 bodies")), encoding="utf-8")
    page.goto(review_url(preview, tree))
    wait_for(page, lambda p: p.locator(".problems li.problem").count() >= 1)
    problems = page.locator("section.problems").inner_text()
    assert "is not in the article, character for character" in problems and DRAFT in problems
    assert page.locator(".num.problem", has_text="24").count() == 1  # its number is now unaccounted for
    assert page.locator("#preview-banner .problems").inner_text() != "0"
    page.screenshot(path=ARTIFACTS / "preview-problem.png", full_page=True)
    draft.write_text(text, encoding="utf-8")
    wait_for(page, lambda p: p.locator("section.problems").count() == 0)
    assert page.locator("a.num.claim", has_text="24").count() == 1
    assert page.errors == []
