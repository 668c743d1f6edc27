"""Compressed answers, and an in-memory cache of JSON responses, for an immutable database.

The database never changes while the server runs (it is opened immutable, and a
new release means a new server), so the same JSON request always gets the same
answer. Repeated requests for the same table page or canned query are answered
from memory instead of being recomputed, which is what keeps a public instance
responsive when a page is crawled or shared widely. Only successful GET responses
of JSON that set no cookie are kept, up to MAX_ENTRY_BYTES each and MAX_TOTAL_BYTES
in all (least recently used first out). `X-Response-Cache: hit` marks an answer
from the cache. A request with `Cache-Control: no-cache` (as a browser's hard reload
sends) is answered afresh, and its answer replaces the kept one."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from asgi_gzip import GZipMiddleware
from datasette import hookimpl

MAX_ENTRY_BYTES = 2_000_000
MAX_TOTAL_BYTES = 64_000_000
ENTRY_OVERHEAD = 512  # headers and bookkeeping, roughly
GZIP_LEVEL = 6  # zlib's default: level 9 costs about twice the time for a few per cent
GZIP_MIN_BYTES = 500  # smaller answers are sent as they are


def entry_size(key: bytes, body: bytes) -> int:
    # the key counts too: many distinct long URLs with small answers must not grow memory without bound
    return len(key) + len(body) + ENTRY_OVERHEAD


class ResponseCache:
    def __init__(self, max_total: int = MAX_TOTAL_BYTES):
        self.entries: OrderedDict[bytes, tuple[dict[str, Any], bytes]] = OrderedDict()
        self.total = 0
        self.max_total = max_total

    def get(self, key: bytes) -> tuple[dict[str, Any], bytes] | None:
        entry = self.entries.get(key)
        if entry is not None:
            self.entries.move_to_end(key)
        return entry

    def put(self, key: bytes, start: dict[str, Any], body: bytes) -> None:
        if len(body) > MAX_ENTRY_BYTES:
            return
        if key in self.entries:  # a fresh answer for a key already kept: replace it
            _, old_body = self.entries.pop(key)
            self.total -= entry_size(key, old_body)
        self.entries[key] = (start, body)
        self.total += entry_size(key, body)
        while self.total > self.max_total:
            old_key, (_, old_body) = self.entries.popitem(last=False)
            self.total -= entry_size(old_key, old_body)


def cacheable(start: dict[str, Any]) -> bool:
    headers = dict((k.lower(), v) for k, v in start.get("headers", []))
    return (
        start.get("status") == 200
        and headers.get(b"content-type", b"").startswith(b"application/json")
        and b"set-cookie" not in headers
    )


def wants_fresh(scope: dict[str, Any]) -> bool:
    """The client asks for an answer not taken from a cache (RFC 9111: no-cache)."""
    for name, value in scope.get("headers", []):
        name, value = name.lower(), value.lower()
        if (name == b"cache-control" and (b"no-cache" in value or b"no-store" in value)) or (
            name == b"pragma" and b"no-cache" in value
        ):
            return True
    return False


def accepts_gzip(scope: dict[str, Any]) -> bool:
    # the test asgi-gzip makes, so the key says which form the answer took
    return any(k.lower() == b"accept-encoding" and b"gzip" in v for k, v in scope.get("headers", []))


def cache_middleware(datasette_app, cache: ResponseCache):
    app = GZipMiddleware(datasette_app, minimum_size=GZIP_MIN_BYTES, compresslevel=GZIP_LEVEL)

    async def wrapped(scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "GET":
            return await app(scope, receive, send)
        # the host is part of the key: Datasette writes absolute next_url links with it
        host = dict(scope.get("headers", [])).get(b"host", b"")
        encoding = b"gzip" if accepts_gzip(scope) else b"identity"
        key = b" ".join(
            (scope.get("scheme", "http").encode(), host, scope["path"].encode(), scope.get("query_string", b""), encoding)
        )
        hit = None if wants_fresh(scope) else cache.get(key)
        if hit is not None:
            start, body = hit
            await send(start | {"headers": [*start["headers"], (b"x-response-cache", b"hit")]})
            await send({"type": "http.response.body", "body": body})
            return
        captured: dict[str, Any] = {"chunks": []}

        async def capture(message):
            if message["type"] == "http.response.start":
                captured["start"] = message
            elif message["type"] == "http.response.body":
                captured["chunks"].append(message.get("body", b""))
                if not message.get("more_body") and "start" in captured and cacheable(captured["start"]):
                    cache.put(key, captured["start"], b"".join(captured["chunks"]))
            await send(message)

        await app(scope, receive, capture)

    return wrapped


@hookimpl
def asgi_wrapper(datasette):
    if (datasette.plugin_config("response_cache") or {}).get("off"):  # the preview: its database changes
        return lambda app: GZipMiddleware(app, minimum_size=GZIP_MIN_BYTES, compresslevel=GZIP_LEVEL)
    cache = ResponseCache()

    def wrap(app):
        return cache_middleware(app, cache)

    return wrap
