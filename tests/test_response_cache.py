"""The in-memory cache of JSON responses: repeated JSON answers come from memory and
are identical; HTML, errors and anything that sets a cookie are never cached."""

from __future__ import annotations

import importlib.util
from typing import Any

from repatriations.support.checkout import ROOT

spec = importlib.util.spec_from_file_location("response_cache", ROOT / "plugins" / "response_cache.py")
assert spec is not None and spec.loader is not None
response_cache = importlib.util.module_from_spec(spec)
spec.loader.exec_module(response_cache)


async def test_repeated_json_comes_from_the_cache_unchanged(datasette):
    url = "/repatriations/exchanges.json?_shape=array&_cache_test=1"
    first = await datasette.client.get(url)
    second = await datasette.client.get(url)
    assert first.status_code == second.status_code == 200
    assert "x-response-cache" not in first.headers
    assert second.headers["x-response-cache"] == "hit"
    assert second.json() == first.json()


async def test_html_and_errors_are_not_cached(datasette):
    for url in ("/repatriations/exchanges?_cache_test=2", "/repatriations.json?sql=select+nonsense&_cache_test=3"):
        await datasette.client.get(url)
        again = await datasette.client.get(url)
        assert "x-response-cache" not in again.headers, url


def test_the_cache_keeps_within_its_size_and_drops_the_oldest():
    size = response_cache.entry_size(b"a", b"12345")
    cache = response_cache.ResponseCache(max_total=2 * size)
    start = {"type": "http.response.start", "status": 200, "headers": []}
    cache.put(b"a", start, b"12345")
    cache.put(b"b", start, b"12345")
    cache.get(b"a")  # a is now the most recently used
    cache.put(b"c", start, b"12345")
    assert cache.get(b"b") is None and cache.get(b"a") is not None and cache.get(b"c") is not None
    assert cache.total == 2 * size
    cache.put(b"huge", start, b"x" * (response_cache.MAX_ENTRY_BYTES + 1))
    assert cache.get(b"huge") is None


def test_only_plain_successful_json_is_cacheable():
    json_ok: dict[str, Any] = {"status": 200, "headers": [(b"content-type", b"application/json; charset=utf-8")]}
    assert response_cache.cacheable(json_ok)
    assert not response_cache.cacheable(json_ok | {"status": 400})
    assert not response_cache.cacheable({"status": 200, "headers": [(b"content-type", b"text/html")]})
    assert not response_cache.cacheable(json_ok | {"headers": [*json_ok["headers"], (b"set-cookie", b"x=1")]})


async def test_cache_control_no_cache_is_answered_afresh_and_refreshes_the_entry(datasette):
    url = "/repatriations/exchanges.json?_shape=array&_cache_test=4"
    await datasette.client.get(url)
    assert (await datasette.client.get(url)).headers.get("x-response-cache") == "hit"
    for header in ({"Cache-Control": "no-cache"}, {"cache-control": "max-age=0, no-store"}, {"Pragma": "no-cache"}):
        fresh = await datasette.client.get(url, headers=header)
        assert fresh.status_code == 200
        assert "x-response-cache" not in fresh.headers, header
    again = await datasette.client.get(url)
    assert again.headers.get("x-response-cache") == "hit"
    assert again.json() == fresh.json()


def test_a_fresh_answer_replaces_the_kept_one_without_counting_it_twice():
    start = {"type": "http.response.start", "status": 200, "headers": []}
    cache = response_cache.ResponseCache()
    cache.put(b"a", start, b"old")
    cache.put(b"a", start, b"newer")
    assert cache.get(b"a")[1] == b"newer"
    assert cache.total == response_cache.entry_size(b"a", b"newer")


GZIP_MAGIC = b"\x1f\x8b"


async def test_answers_are_compressed_for_clients_that_accept_gzip_and_kept_apart(datasette):
    url = "/repatriations/claims.json?_shape=array&_cache_test=5"
    plain_headers = {"Accept-Encoding": "identity"}
    plain = await datasette.client.get(url, headers=plain_headers)
    assert "content-encoding" not in plain.headers
    for _ in range(2):
        raw = await datasette.client.get(url, headers={"Accept-Encoding": "gzip"})
        assert raw.status_code == 200 and raw.headers["content-encoding"] == "gzip"
        assert "Accept-Encoding" in raw.headers["vary"]
    assert raw.headers["x-response-cache"] == "hit"  # the second: the compressed answer was kept
    # httpx decodes gzip itself: the decoded answer is the plain one, byte for byte
    assert raw.content == plain.content and len(plain.content) > response_cache.GZIP_MIN_BYTES
    again = await datasette.client.get(url, headers=plain_headers)
    assert again.headers["x-response-cache"] == "hit" and "content-encoding" not in again.headers
    assert again.content == plain.content and not again.content.startswith(GZIP_MAGIC)


async def test_html_is_compressed_too(datasette):
    page = await datasette.client.get("/repatriations/claims?_cache_test=6", headers={"Accept-Encoding": "gzip"})
    assert page.status_code == 200 and page.headers["content-encoding"] == "gzip"
    assert "x-response-cache" not in page.headers
    assert "<html" in page.text
