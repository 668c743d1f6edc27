"""An in-memory cache of JSON responses, for an immutable database.

The database never changes while the server runs (it is opened immutable, and a
new release means a new server), so the same JSON request always gets the same
answer. Repeated requests for the same table page or canned query are answered
from memory instead of being recomputed, which is what keeps a public instance
responsive when a page is crawled or shared widely. Only successful GET responses
of JSON that set no cookie are kept, up to MAX_ENTRY_BYTES each and MAX_TOTAL_BYTES
in all (least recently used first out). `X-Response-Cache: hit` marks an answer
from the cache."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from datasette import hookimpl

MAX_ENTRY_BYTES = 2_000_000
MAX_TOTAL_BYTES = 64_000_000
ENTRY_OVERHEAD = 512  # headers and bookkeeping, roughly


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
        if key in self.entries or len(body) > MAX_ENTRY_BYTES:
            return
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


def cache_middleware(app, cache: ResponseCache):
    async def wrapped(scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "GET":
            return await app(scope, receive, send)
        # the host is part of the key: Datasette writes absolute next_url links with it
        host = dict(scope.get("headers", [])).get(b"host", b"")
        key = b" ".join((scope.get("scheme", "http").encode(), host, scope["path"].encode(), scope.get("query_string", b"")))
        hit = cache.get(key)
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
    cache = ResponseCache()

    def wrap(app):
        return cache_middleware(app, cache)

    return wrap
