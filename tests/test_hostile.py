"""A real `datasette serve`, started with exactly the arguments `make serve` uses
(`datasette serve dist/`), under hostile requests: endless and explosive queries,
writes, ATTACH, PRAGMA, extensions, a very long query string, malformed parameters,
and markup inside an article. Each is refused (4xx) or cut off by the time limit;
afterwards the server still answers and the database file is byte-for-byte unchanged."""

from __future__ import annotations

import hashlib
import http.client
import re
import subprocess
import sys
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from repatriations.support.checkout import ROOT, copy_project
from repatriations.support.server import free_port, serve_args, stop, wait_until_up
from repatriations.support.synth import synthesise, write_tree

BIN = Path(sys.executable).parent
TIMEOUT = 10.0  # seconds, for every request and every wait
PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(2)>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;"
TIME_LIMIT = ("took too long", "interrupted")


def production_serve_args(dist: Path) -> list[str]:
    """What `make serve` serves, `datasette serve dist/`, for the build in dist."""
    args = serve_args(dist)
    assert args == [str(dist)] and (dist / "inspect-data.json").is_file() and (dist / "settings.json").is_file()
    return args


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass
class Server:
    process: subprocess.Popen
    port: int
    db: Path
    db_sha256: str
    log: Path
    client: httpx.Client

    def get(self, path: str, **params: str) -> httpx.Response:
        return self.client.get(path, params=params or None)  # httpx replaces a query string with params={}

    def sql(self, sql: str, **params: str) -> httpx.Response:
        return self.get("/repatriations.json", sql=sql, **params)

    def log_tail(self) -> str:
        return self.log.read_text(errors="replace")[-3000:]


def build_tree(root: Path) -> Path:
    result = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--root", str(root), "--quiet"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return root / "dist"


def serve(dist: Path, finalizer: Callable[[Callable[[], None]], None]) -> Server:
    port = free_port()
    log = dist.parent / "datasette.log"
    cmd = [str(BIN / "datasette"), "serve", *production_serve_args(dist), "-h", "127.0.0.1", "-p", str(port)]
    with log.open("wb") as out:  # a file, not a pipe: tracebacks must never block the server
        process = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=TIMEOUT)
    finalizer(client.close)
    finalizer(lambda: stop(process, TIMEOUT))
    db = dist / "repatriations.db"
    server = Server(process, port, db, sha256(db), log, client)
    wait_until_up(process, f"http://127.0.0.1:{port}", log, 3 * TIMEOUT)
    return server


@pytest.fixture(scope="module")
def server(tmp_path_factory, request) -> Server:
    """The project itself, freshly built from a copy of raw/ and curation/."""
    root = copy_project(tmp_path_factory.mktemp("hostile"))
    return serve(build_tree(root), request.addfinalizer)


def assert_unharmed(server: Server) -> None:
    assert server.process.poll() is None, server.log_tail()
    assert server.get("/-/versions.json").status_code == 200
    assert sha256(server.db) == server.db_sha256


# ---------------------------------------------------------------- SQL over HTTP

REFUSED_SQL = {
    "endless recursive CTE": (
        "with recursive c(x) as (select 1 union all select x+1 from c) select count(*) from c",
        TIME_LIMIT,
    ),
    "claims cross-joined six times": (
        "select count(*) from claims a, claims b, claims c, claims d, claims e, claims f",
        TIME_LIMIT,
    ),
    "pragma journal_mode=wal": ("pragma journal_mode=wal", ("must be a SELECT",)),
    "pragma writable_schema": ("pragma writable_schema=1", ("must be a SELECT",)),
    "pragma table-valued function": ("select * from pragma_journal_mode('wal')", ("disallowed PRAGMA",)),
    "load_extension": ("select load_extension('x')", ("not authorized",)),
    "insert": ("insert into metrics (metric, description) values ('evil', 'x')", ("must be a SELECT",)),
    "update": ("update claims set value = 0", ("must be a SELECT",)),
    "delete": ("delete from claims", ("must be a SELECT",)),
    "drop": ("drop table claims", ("must be a SELECT",)),
    "create": ("create table evil (x)", ("must be a SELECT",)),
    "delete behind a CTE": ("with c as (select 1) delete from claims", ("readonly",)),
    "insert behind a CTE": ("with c as (select 1) insert into metrics select * from metrics", ("readonly",)),
    "second statement": ("select 1; drop table claims", ("one statement at a time",)),
    "vacuum into": ("vacuum into 'copy.db'", ("must be a SELECT",)),
}


@pytest.mark.parametrize("name", REFUSED_SQL)
def test_hostile_sql_is_refused_or_cut_off(server, name):
    sql, reasons = REFUSED_SQL[name]
    response = server.sql(sql)
    assert response.status_code == 400, response.text[:500]
    error = response.json()["error"]
    assert any(reason in error for reason in reasons), error
    assert_unharmed(server)


def test_attach_database_is_refused_and_creates_nothing(server, tmp_path):
    target = tmp_path / "attached.db"
    response = server.sql(f"attach database '{target}' as evil")
    assert response.status_code == 400
    assert "must be a SELECT" in response.json()["error"]
    assert not target.exists()
    assert_unharmed(server)


def raw_get(port: int, target: str) -> int | None:
    """GET without httpx, which refuses URLs over 64 KB: the status, or None if the server hung up."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
    try:
        conn.request("GET", target)
        response = conn.getresponse()
        response.read()
        return response.status
    except (ConnectionError, http.client.RemoteDisconnected, http.client.BadStatusLine):
        return None  # uvicorn drops a request line it will not parse
    finally:
        conn.close()


def test_a_100_kb_query_string_is_refused(server):
    nested = "select " + "(" * 16_000 + "1" + ")" * 16_000  # ~96 KB once URL-encoded
    target = "/repatriations.json?" + urllib.parse.urlencode({"sql": nested})
    assert len(target) > 90_000
    status = raw_get(server.port, target)
    assert status is None or 400 <= status < 500, status  # SQLite: "parser stack overflow"
    assert_unharmed(server)


# ---------------------------------------------------------------- malformed parameters

MALFORMED = [
    f"{page}?{query}"
    for query in ("_size=abc", "_size=-1", "_size=100000000", "_col=nonexistent")
    for page in ("claims", "claims.json")
] + ["claims.json?_shape=bogus", "claims.csv?_stream=on&_size=abc"]


@pytest.mark.parametrize("target", MALFORMED)
def test_malformed_table_parameters_are_refused(server, target):
    response = server.get(f"/repatriations/{target}")
    assert 400 <= response.status_code < 500, response.status_code
    assert_unharmed(server)


@pytest.mark.parametrize("query", ["_sort=nonexistent", "_sort_desc=nonexistent", "_sort=value&_sort_desc=value"])
def test_a_bad_sort_column_is_a_client_error(server, query):
    """Datasette 0.65 answers these with 500; plugins/hardening.py makes them 400."""
    response = server.get(f"/repatriations/claims?{query}")
    assert_unharmed(server)
    assert 400 <= response.status_code < 500, response.status_code


@pytest.mark.parametrize("cursor", ["garbage", "x' or '1'='1", "zzz); drop table claims; --"])
def test_next_is_a_bound_cursor_value_never_sql(server, cursor):
    """`_next` is a keyset cursor, not SQL: in the form of Datasette's own next links
    (`_sort=claim_id&_next=<sort value>,<key>`) it is bound as a parameter and the rows
    after it come back; without a sort value (`_next=garbage`) it is ignored."""
    everything = [r["claim_id"] for r in server.get("/repatriations/claims.json", _shape="array", _size="max").json()]
    paged = server.get("/repatriations/claims.json", _sort="claim_id", _next=f"{cursor},{cursor}", _shape="array", _size="max")
    assert paged.status_code == 200
    assert [r["claim_id"] for r in paged.json()] == sorted(cid for cid in everything if cid > cursor)
    bare = server.get("/repatriations/claims.json", _next=cursor, _shape="array", _size="max")
    assert bare.status_code == 200
    assert [r["claim_id"] for r in bare.json()] == everything
    assert_unharmed(server)


def test_a_missing_named_parameter_is_bound_as_empty_text(server):
    """Datasette shows a form for a named parameter and binds a missing one as ''."""
    response = server.sql("select claim_id from claims where claim_id = :claim", _shape="array")
    assert response.status_code == 200
    assert response.json() == []
    echoed = server.sql("select :claim as claim, :other as other", claim="x", _shape="array")
    assert echoed.json() == [{"claim": "x", "other": ""}]
    assert_unharmed(server)


# ---------------------------------------------------------------- weaknesses of the defaults, closed by plugins/hardening.py


def peak_rss(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    found = re.search(r"VmHWM:\s+(\d+) kB", status)
    assert found, status
    return int(found.group(1)) * 1024


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the server's peak memory from /proc")
def test_one_query_cannot_allocate_hundreds_of_megabytes(server):
    """sql_time_limit_ms cannot interrupt one function call; plugins/hardening.py caps any value at 10 MB."""
    before = peak_rss(server.process.pid)
    response = server.sql("select length(randomblob(300000000)) as n")
    grown = peak_rss(server.process.pid) - before
    assert_unharmed(server)
    assert 400 <= response.status_code < 500 or grown < 100 * 2**20, f"{grown / 2**20:.0f} MiB"


def test_fts3_tokenizer_cannot_register_a_pointer(server):
    """Debian's SQLite enables the two-argument fts3_tokenizer(); plugins/hardening.py denies it."""
    response = server.sql("select fts3_tokenizer('hostile_test', x'4141414141414141')")
    assert_unharmed(server)
    assert response.status_code == 400, response.text[:300]


# ---------------------------------------------------------------- markup inside an article


def article_with_markup(root: Path) -> str:
    """A small synthetic project whose article text and quote carry PAYLOAD; the claim's id."""
    tree = synthesise(3, seed=11)
    article = tree.articles[0]
    old = next(c["quote"] for c in article.claims if c["quote"] != article.source["title"])
    new = f"{old} {PAYLOAD}"
    article.lines = [line.replace(old, new) for line in article.lines]
    for claim in article.claims:
        if claim["quote"] == old:
            claim["quote"] = new
    article.not_claims += [
        {"number": "1", "near": "alert(1)", "reason": "markup test payload"},
        {"number": "2", "near": "alert(2)", "reason": "markup test payload"},
    ]
    write_tree(tree, root)
    assert PAYLOAD in (root / "raw" / f"{article.stem}.txt").read_text()
    return next(c["claim_id"] for c in article.claims if c["quote"] == new)


@pytest.fixture(scope="module")
def markup_server(tmp_path_factory, request) -> tuple[Server, str]:
    root = tmp_path_factory.mktemp("markup")
    claim_id = article_with_markup(root)
    return serve(build_tree(root), request.addfinalizer), claim_id


def test_markup_in_a_quote_is_escaped_on_the_claims_table_page(markup_server):
    server, claim_id = markup_server
    html = server.get("/repatriations/claims", claim_id=claim_id).text
    assert claim_id in html
    assert ESCAPED in html
    assert "<script>alert" not in html and "<img src=x" not in html


def test_markup_in_a_quote_is_escaped_on_the_claim_row_page(markup_server):
    server, claim_id = markup_server
    response = server.get(f"/repatriations/claims/{claim_id}")
    assert response.status_code == 200
    assert ESCAPED in response.text
    assert "<script>alert" not in response.text and "<img src=x" not in response.text


def test_markup_in_an_article_is_never_served_raw(markup_server):
    server, _ = markup_server
    sources = server.get("/repatriations/sources.json", _shape="array").json()
    source = next(s for s in sources if PAYLOAD in s["text"])
    for path in ("/repatriations/sources", f"/repatriations/sources/{source['source_id']}"):
        response = server.get(path)
        assert response.status_code == 200
        assert "<script>alert" not in response.text and "<img src=x" not in response.text, path
    assert_unharmed(server)
