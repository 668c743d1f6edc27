"""The in-memory cache of JSON responses: repeated JSON answers come from memory and
are identical; HTML, errors and anything that sets a cookie are never cached."""

from __future__ import annotations

import importlib.util

from conftest import ROOT

spec = importlib.util.spec_from_file_location("response_cache", ROOT / "plugins" / "response_cache.py")
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
    json_ok = {"status": 200, "headers": [(b"content-type", b"application/json; charset=utf-8")]}
    assert response_cache.cacheable(json_ok)
    assert not response_cache.cacheable(json_ok | {"status": 400})
    assert not response_cache.cacheable({"status": 200, "headers": [(b"content-type", b"text/html")]})
    assert not response_cache.cacheable(json_ok | {"headers": [*json_ok["headers"], (b"set-cookie", b"x=1")]})
