"""Time every canned query and every table page through a real `datasette serve`
against the same SQL run directly with Python's sqlite3.

    .venv/bin/python benchmarks/query_bench.py                  # 10,000 synthetic articles
    .venv/bin/python benchmarks/query_bench.py --articles 1000 --reps 10

The tree is benchmarks/out/<N>/ (git-ignored): reused when it already holds a build
of N articles, else written by repatriations/support/synth.py and built by `build.py --root`.
Datasette is started as `make serve` starts it (`datasette serve dist/`, dist/
pointing at the tree's build) on a free port of 127.0.0.1; `--setting NAME VALUE`
overrides one of its settings for a trial.

Direct SQL: every statement the same request runs on the database, as a second
server (the same arguments plus `trace_debug`) reports them through `?_trace=1`: the
rows, the count (none, with the inspect file), the configured facets, the labels of
foreign keys. They run with Python's sqlite3 on the file opened immutable, as
Datasette opens it, fetching at most max_returned_rows + 1 rows each. (Datasette's
tracer cannot annotate an answer over 256 KB: a table page is then traced with
_size=1 and its rows statement given back its limit; a canned query falls back to
its own SQL.)

Datasette: each request carries `Cache-Control: no-cache`, so the response cache
(plugins/response_cache.py) answers it afresh and the time is Datasette's own work;
the `cached` column times the same request as a repeat visitor gets it, for
information. Both ask for uncompressed answers (`Accept-Encoding: identity`), as
the direct SQL has none to make. JSON is what the target applies to (the HTTP interface for data); each
table's HTML page is timed too and reported, for information, as Jinja rendering
of a 100-row page is most of its time.

Each timing is the median of --reps runs after --warmup runs, the direct and served
runs interleaved. Target: Datasette's median ≤ 1.5 × direct + 5 ms; reported
PASS/FAIL, never asserted.
"""

from __future__ import annotations

import html
import itertools
import json
import os
import re
import shlex
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import click
import httpx

from repatriations.project import DB_NAME
from repatriations.support.checkout import ROOT
from repatriations.support.database import busiest_exchange, connect
from repatriations.support.server import Settings, running_datasette
from repatriations.support.synth import built_tree

OUT = ROOT / "benchmarks" / "out"
Params = dict[str, Any] | list[Any]
# Values for the canned queries' named parameters; exchange_id is read from the data.
PARAM_VALUES: dict[str, list[str]] = {
    "q": ["bodies"],
    "direction": ["to_ukraine"],
    "kind": ["", "figure_conflict"],
    "after": [""],
}


# ---------------------------------------------------------------- what to time


@dataclass
class Case:
    name: str
    path: str  # path and query string on the server
    sql: list[tuple[str, Params]]  # the statements run directly
    html: bool = False  # reported for information: the target is for JSON
    all_sql_ms: float | None = None  # every statement of the traced request, as the server timed them
    direct_ms: float = 0.0
    datasette_ms: float = 0.0
    cached_ms: float = 0.0
    notes: list[str] = field(default_factory=list)
    errors: dict[int, int] = field(default_factory=dict)  # HTTP status other than 200 -> how many times
    first_error: str = ""

    @property
    def target_ms(self) -> float:
        return 1.5 * self.direct_ms + 5

    @property
    def ok(self) -> bool:
        return not self.errors and self.datasette_ms <= self.target_ms


def named_parameters(sql: str) -> list[str]:
    """The :names in sql outside quoted strings, in order, once each."""
    bare = re.sub(r"'[^']*'|\"[^\"]*\"", "", sql)
    return list(dict.fromkeys(re.findall(r"(?<![:\w]):(\w+)", bare)))



def query_cases(
    trace_client: httpx.Client, canned: dict[str, dict[str, Any]], values: dict[str, list[str]]
) -> list[Case]:
    """One case per canned query and combination of its parameters' values."""
    cases = []
    for name, query in canned.items():
        sql = query["sql"]
        params = named_parameters(sql)
        missing = [p for p in params if p not in values]
        if missing:
            sys.exit(f"canned query {name} takes {missing}: add a value to PARAM_VALUES in {Path(__file__).name}")
        for combo in itertools.product(*(values[p] for p in params)):
            bound = dict(zip(params, combo, strict=True))
            label = name + "".join(f" {k}={v!r}" for k, v in bound.items())
            path = f"/{DB_NAME}/{name}.json?{urlencode(bound)}"
            try:
                traces, notes = traced(trace_client, path, None), []
            except (httpx.RemoteProtocolError, IndexError, KeyError, ValueError):
                traces, notes = [{"sql": sql, "params": bound, "duration_ms": None}], ["answer > 256 KB: its own SQL"]
            cases.append(case_from_traces(label, path, traces, notes))
    return cases


def case_from_traces(name: str, path: str, traces: list[dict[str, Any]], notes: list[str], html: bool = False) -> Case:
    statements = [(t["sql"], t["params"] or {}) for t in traces]
    durations = [t["duration_ms"] for t in traces if t["duration_ms"] is not None]
    return Case(name, path, statements, html, sum(durations) if durations else None, notes=notes)


def is_page_sql(sql: str, page_size: int) -> bool:
    """The statement that fetches a table page's rows, or the one that counts them."""
    if re.match(r"select count\(\*\) from ", sql, re.I):
        return True
    return sql.startswith("select ") and not sql.startswith("select * from (") and sql.endswith(f" limit {page_size + 1}")


def trace_of(response: httpx.Response) -> dict[str, Any]:
    """The ?_trace=1 report: a key of a JSON response, a <pre> at the end of an HTML one."""
    if response.headers["content-type"].startswith("text/html"):
        return json.loads(html.unescape(response.text.rsplit("<pre>", 1)[1].split("</pre>", 1)[0]))
    return response.json()["_trace"]


def traced(client: httpx.Client, path: str, size: int | None) -> list[dict[str, Any]]:
    """The statements a request for path ran on the database, as ?_trace=1 reports them."""
    extra = {"_trace": "1"} | ({"_size": str(size)} if size else {})
    # appended to the path's own query string (httpx's params= would replace it)
    url = f"{path}{'&' if '?' in path else '?'}{urlencode(extra)}"
    for _ in range(2):  # the first request of a server also fills Datasette's internal schema tables
        response = client.get(url).raise_for_status()
    return [t for t in trace_of(response)["traces"] if t["database"] == DB_NAME]


def page_traces(client: httpx.Client, path: str, page_size: int) -> tuple[list[dict[str, Any]], list[str]]:
    """The traced statements of a table's default page, and a note on how they were found.

    Datasette's tracer leaves out (or, for JSON, breaks) responses over 256 KB, so such a
    page is traced with _size=1 and its rows statement given back its default limit."""
    try:
        return traced(client, path, None), []
    except (httpx.RemoteProtocolError, IndexError, KeyError):
        traces = traced(client, path, 1)
        for t in traces:
            if t["sql"].endswith(" limit 2") and not t["sql"].startswith("select * from ("):
                t["sql"] = t["sql"].removesuffix(" limit 2") + f" limit {page_size + 1}"
        return traces, ["traced with _size=1 (page > 256 KB)"]


def table_cases(trace_client: httpx.Client, tables: list[str], page_size: int) -> list[Case]:
    """A JSON and an HTML case per table, with every statement a traced request for its page ran."""
    cases = []
    for table, suffix in itertools.product(tables, (".json", "")):
        path = f"/{DB_NAME}/{table}{suffix}"
        traces, notes = page_traces(trace_client, path, page_size)
        if not any(is_page_sql(t["sql"], page_size) for t in traces):
            sys.exit(f"no statement fetching the rows of {path} in its trace: see is_page_sql()")
        if not any("count(*) from" in t["sql"] for t in traces if is_page_sql(t["sql"], page_size)):
            notes.append("no count (inspect file)")
        cases.append(case_from_traces(f"table {table}{suffix or ' (html)'}", path, traces, notes, html=not suffix))
    return cases


# ---------------------------------------------------------------- timing


def median_ms(runs: list[float]) -> float:
    return 1000 * statistics.median(runs)


def seconds(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start



def run_direct(conn: sqlite3.Connection, case: Case, max_rows: int) -> None:
    for sql, params in case.sql:
        conn.execute(sql, params).fetchmany(max_rows + 1)


FRESH = {"Cache-Control": "no-cache"}  # answered afresh, not from plugins/response_cache.py
# uncompressed, as the direct SQL is: the time measured is Datasette's, not zlib's
PLAIN = {"Accept-Encoding": "identity"}


def fetch(client: httpx.Client, case: Case, headers: dict[str, str] | None = None) -> None:
    """Request the case's path; an answer other than 200 is counted against it, not raised."""
    response = client.get(case.path, headers=headers)
    if response.status_code != 200:
        case.errors[response.status_code] = case.errors.get(response.status_code, 0) + 1
        case.first_error = case.first_error or error_message(response)


def error_message(response: httpx.Response) -> str:
    """Datasette's error message, without markup, on one line."""
    try:
        text = str(response.json().get("error"))
    except ValueError:
        text = response.text
    return " ".join(re.sub(r"<[^>]+>", " ", text).split())[:60]


def time_case(
    case: Case, direct: Callable[[], object], served: Callable[[], object], cached: Callable[[], object], reps: int, warmup: int
) -> None:
    """Median times of the three ways, interleaved so that a change in the machine's load hits all alike."""
    for _ in range(warmup):
        direct()
        served()
        cached()
    runs = [(seconds(direct), seconds(served), seconds(cached)) for _ in range(reps)]
    case.direct_ms = median_ms([d for d, _, _ in runs])
    case.datasette_ms = median_ms([s for _, s, _ in runs])
    case.cached_ms = median_ms([c for _, _, c in runs])


def time_cases(cases: list[Case], conn: sqlite3.Connection, base: str, max_rows: int, reps: int, warmup: int) -> None:
    with httpx.Client(base_url=base, timeout=60, headers=PLAIN) as client:
        for case in cases:
            click.echo(f"  {case.name} …", err=True)
            time_case(
                case,
                partial(run_direct, conn, case, max_rows),
                partial(fetch, client, case, FRESH),
                partial(fetch, client, case),
                reps,
                warmup,
            )
            if case.errors:
                answers = ", ".join(f"{n} × HTTP {status}" for status, n in sorted(case.errors.items()))
                case.notes.append(f"{answers} of {reps + warmup} requests: {case.first_error}")


# ---------------------------------------------------------------- report


def print_table(cases: list[Case]) -> None:
    width = max(len(c.name) for c in cases)
    header = (
        f"{'direct ms':>10} {'datasette ms':>13} {'target ms':>10} {'result':>6} {'cached ms':>10} {'traced SQL ms':>14}"
        "  notes"
    )
    click.echo(f"{'name':<{width}} {header}")
    for c in cases:
        traced_ms = "" if c.all_sql_ms is None else f"{c.all_sql_ms:.1f}"
        result = ("pass" if c.ok else "over") if c.html else ("PASS" if c.ok else "FAIL")
        click.echo(
            f"{c.name:<{width}} {c.direct_ms:>10.2f} {c.datasette_ms:>13.2f} {c.target_ms:>10.2f} "
            f"{result:>6} {c.cached_ms:>10.2f} {traced_ms:>14}  {'; '.join(c.notes)}"
        )
    data = [c for c in cases if not c.html]
    pages = [c for c in cases if c.html]
    click.echo(f"\n{sum(c.ok for c in data)} of {len(data)} JSON answers within 1.5 × direct + 5 ms (the target).")
    if pages:
        click.echo(f"For information, HTML table pages: {sum(c.ok for c in pages)} of {len(pages)} within it (pass/over).")


def reproduce_line(articles: int, seed: int, reps: int, warmup: int, settings: Settings) -> str:
    cmd = [".venv/bin/python", "benchmarks/query_bench.py", "--articles", str(articles)]
    if seed:
        cmd += ["--seed", str(seed)]
    if (reps, warmup) != (20, 3):
        cmd += ["--reps", str(reps), "--warmup", str(warmup)]
    for name, value in settings:
        cmd += ["--setting", name, value]
    return shlex.join(cmd)


def server_settings(base: str) -> dict[str, Any]:
    return httpx.get(f"{base}/-/settings.json", timeout=10).raise_for_status().json()


def visible_tables(base: str) -> list[str]:
    data = httpx.get(f"{base}/{DB_NAME}.json", timeout=30).raise_for_status().json()
    return [t["name"] for t in data["tables"] if not t["hidden"]]


def canned_queries(base: str) -> dict[str, dict[str, Any]]:
    return httpx.get(f"{base}/-/metadata.json", timeout=10).raise_for_status().json()["databases"][DB_NAME]["queries"]


@click.command()
@click.option("--articles", "-n", type=click.IntRange(min=1), default=10000, show_default=True, help="Synthetic articles.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed for benchmarks/synth.py (a new tree only).")
@click.option("--reps", type=click.IntRange(min=1), default=20, show_default=True, help="Timed runs per measurement.")
@click.option("--warmup", type=click.IntRange(min=0), default=3, show_default=True, help="Untimed runs before them.")
@click.option(
    "--setting", "settings", type=(str, str), multiple=True, metavar="NAME VALUE",
    help="Override one of the production `--setting`s for this run (repeatable).",
)
def main(articles: int, seed: int, reps: int, warmup: int, settings: Settings) -> None:
    """Time canned queries and table pages through `datasette serve` against direct sqlite3."""
    dist = built_tree(OUT / str(articles), articles, seed)
    conn = connect(dist / "repatriations.db")
    try:
        values = PARAM_VALUES | {"exchange_id": [busiest_exchange(conn)]}
        trace_settings = (*settings, ("trace_debug", "1"))
        with running_datasette(dist, OUT / "query-bench-trace.log", trace_settings) as trace_base:
            with httpx.Client(base_url=trace_base, timeout=60, headers=FRESH) as trace_client:
                page_size = server_settings(trace_base)["default_page_size"]
                cases = query_cases(trace_client, canned_queries(trace_base), values)
                cases += table_cases(trace_client, visible_tables(trace_base), page_size)
        with running_datasette(dist, OUT / "query-bench.log", settings) as base:
            max_rows = server_settings(base)["max_returned_rows"]
            time_cases(cases, conn, base, max_rows, reps, warmup)
    finally:
        conn.close()
    click.echo(
        f"\nCanned queries and table pages at {articles:,} articles: median of {reps} after {warmup} warm-up "
        f"(ms; {os.cpu_count()} CPUs; exchange_id={values['exchange_id'][0]}, max_returned_rows={max_rows})"
    )
    print_table(cases)
    click.echo(f"Reproduce: {reproduce_line(articles, seed, reps, warmup, settings)}")


if __name__ == "__main__":
    main()
