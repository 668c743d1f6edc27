"""Load-test `datasette serve`, started with the production arguments, with wrk.

    .venv/bin/python benchmarks/serve_bench.py                          # 10,000 articles, 64 connections, 30 s each
    .venv/bin/python benchmarks/serve_bench.py --duration 5 --connections 16
    .venv/bin/python benchmarks/serve_bench.py --setting num_sql_threads 0   # try a setting

The tree is benchmarks/out/<N>/, reused or written and built as benchmarks/query_bench.py
does, and Datasette runs as `make serve` runs it (`datasette serve dist/`, dist/
pointing at the tree's build) on a free port of 127.0.0.1; `--setting NAME VALUE`
overrides one production setting for a trial; --gzip sends `Accept-Encoding: gzip`
as browsers and HTTP libraries do (wrk sends none); --fresh sends `Cache-Control: no-cache`
with every request, so the response cache answers nothing and the figures are
Datasette's own. wrk (Debian's package) loads, one after
the other, the framework's floor (/-/versions.json, no SQL), the exchanges table's JSON,
the discrepancies query's JSON and one exchange's row JSON. Targets, reported PASS/FAIL
and never asserted: each endpoint ≥ 0.7 × the requests/second of /-/versions.json, and
no socket errors, timeouts or non-2xx/3xx responses.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import click
import httpx

from repatriations.project import DB_NAME
from repatriations.publishing import release_settings
from repatriations.support.checkout import ROOT
from repatriations.support.database import busiest_exchange, connect
from repatriations.support.server import Settings, running_datasette
from repatriations.support.synth import built_tree

OUT = ROOT / "benchmarks" / "out"

MIN_RATIO = 0.7
FLOOR = "/-/versions.json"


@dataclass
class Load:
    threads: int
    connections: int
    seconds: int
    timeout: int

    fresh: bool = False  # ask for answers not taken from the response cache
    gzip: bool = False  # accept compressed answers, as browsers and HTTP libraries do

    def command(self, url: str) -> list[str]:
        headers = ["-H", "Cache-Control: no-cache"] if self.fresh else []
        headers += ["-H", "Accept-Encoding: gzip"] if self.gzip else []
        return [
            "wrk",
            f"-t{self.threads}",
            f"-c{self.connections}",
            f"-d{self.seconds}s",
            f"--timeout={self.timeout}s",
            "--latency",
            *headers,
            url,
        ]


@dataclass
class Result:
    name: str
    path: str
    requests: int = 0
    rps: float = 0.0
    p50: str = ""
    p99: str = ""
    socket_errors: int = 0
    timeouts: int = 0
    bad_status: int = 0
    ratio: float = 0.0
    backlog: float = 0.0  # seconds after wrk stopped before the server answered a row page again

    @property
    def errors(self) -> int:
        return self.socket_errors + self.timeouts + self.bad_status

    @property
    def ok(self) -> bool:
        return self.requests > 0 and self.errors == 0 and (self.path == FLOOR or self.ratio >= MIN_RATIO)


def endpoints(exchange_id: str) -> list[tuple[str, str]]:
    return [
        ("versions (floor)", FLOOR),
        ("exchanges table", f"/{DB_NAME}/exchanges.json"),
        ("discrepancies query", f"/{DB_NAME}/discrepancies_with_claims.json?kind=&after="),
        ("exchange row", f"/{DB_NAME}/exchanges/{exchange_id}.json"),
    ]


def matched(pattern: str, text: str, default: str) -> str:
    found = re.search(pattern, text, re.M)
    return found.group(1) if found else default


def parse_wrk(result: Result, out: str) -> None:
    """Fill result from wrk's report."""
    result.requests = int(matched(r"(\d+) requests in", out, "0"))
    result.rps = float(matched(r"Requests/sec:\s+([\d.]+)", out, "0"))
    result.p50 = matched(r"^\s+50%\s+(\S+)", out, "?")
    result.p99 = matched(r"^\s+99%\s+(\S+)", out, "?")
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if errors:
        result.socket_errors = sum(int(errors.group(i)) for i in (1, 2, 3))
        result.timeouts = int(errors.group(4))
    result.bad_status = int(matched(r"Non-2xx or 3xx responses: (\d+)", out, "0"))


def check_endpoint(base: str, path: str) -> None:
    """One request first, so the server's first-request work is done; say so if it is not answered 200."""
    response = httpx.get(base + path, timeout=120)
    if response.status_code != 200:
        click.echo(f"  warning: {path} answered {response.status_code} before the load: {response.text[:200]}", err=True)


def drain(base: str, probe: str, limit: float = 600.0) -> float:
    """Seconds until the server answers probe (a page that runs SQL) again: requests wrk gave up on may still be queued."""
    start = time.monotonic()
    while time.monotonic() - start < limit:
        try:
            httpx.get(base + probe, timeout=5).raise_for_status()
            return time.monotonic() - start
        except httpx.TimeoutException:
            continue
    sys.exit(f"the server did not answer {probe} within {limit:.0f} s of the end of the load")


def run_wrk(base: str, name: str, path: str, load: Load, probe: str) -> Result:
    check_endpoint(base, path)
    cmd = load.command(base + path)
    click.echo(f"  {shlex.join(cmd)}", err=True)
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=load.seconds + 4 * load.timeout + 60, check=False)
    if done.returncode != 0:
        sys.exit(f"wrk failed ({done.returncode}): {done.stderr}")
    result = Result(name, path)
    parse_wrk(result, done.stdout)
    result.backlog = drain(base, probe)
    return result


def print_table(results: list[Result]) -> None:
    width = max(len(r.name) for r in results)
    click.echo(
        f"{'endpoint':<{width}} {'req/s':>9} {'ratio':>6} {'p50':>9} {'p99':>9} {'requests':>9} "
        f"{'sock err':>8} {'timeouts':>8} {'non-2xx':>8} {'backlog s':>9} {'result':>6}  path"
    )
    for r in results:
        click.echo(
            f"{r.name:<{width}} {r.rps:>9.1f} {r.ratio:>6.2f} {r.p50:>9} {r.p99:>9} {r.requests:>9} "
            f"{r.socket_errors:>8} {r.timeouts:>8} {r.bad_status:>8} {r.backlog:>9.1f} {'PASS' if r.ok else 'FAIL':>6}  {r.path}"
        )
        if r.requests == 0:
            click.echo(f"{'':<{width}} (no request was answered within the run: wrk counts no timeouts then)")
    click.echo(
        f"\n{sum(r.ok for r in results)} of {len(results)} PASS (ratio ≥ {MIN_RATIO} of {FLOOR}; "
        "no socket errors, timeouts or non-2xx/3xx responses)."
    )


def settings_in_effect(dist: Path, settings: Settings) -> str:
    """The release's settings.json, with the trial's --setting overrides."""
    return " ".join(f"{k}={v}" for k, v in (release_settings(dist) | dict(settings)).items())


def reproduce_line(articles: int, seed: int, load: Load, settings: Settings) -> str:
    cmd = [".venv/bin/python", "benchmarks/serve_bench.py", "--articles", str(articles)]
    if seed:
        cmd += ["--seed", str(seed)]
    cmd += ["--duration", str(load.seconds), "--connections", str(load.connections), "--threads", str(load.threads)]
    if load.timeout != 5:
        cmd += ["--timeout", str(load.timeout)]
    if load.gzip:
        cmd += ["--gzip"]
    if load.fresh:
        cmd += ["--fresh"]
    for name, value in settings:
        cmd += ["--setting", name, value]
    return shlex.join(cmd)


def exchange_for_row(dist: Path) -> str:
    conn: sqlite3.Connection = connect(dist / "repatriations.db")
    try:
        return busiest_exchange(conn)
    finally:
        conn.close()


@click.command()
@click.option("--articles", "-n", type=click.IntRange(min=1), default=10000, show_default=True, help="Synthetic articles.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed for benchmarks/synth.py (a new tree only).")
@click.option("--duration", type=click.IntRange(min=1), default=30, show_default=True, help="Seconds of load per endpoint.")
@click.option("--connections", type=click.IntRange(min=1), default=64, show_default=True, help="Open connections.")
@click.option("--threads", type=click.IntRange(min=1), default=2, show_default=True, help="wrk threads.")
@click.option("--timeout", type=click.IntRange(min=1), default=5, show_default=True, help="wrk's per-request timeout, s.")
@click.option(
    "--gzip",
    "accept_gzip",
    is_flag=True,
    help="Send Accept-Encoding: gzip, as browsers, curl --compressed and HTTP libraries do (wrk does not by default).",
)
@click.option(
    "--fresh",
    is_flag=True,
    help="Send Cache-Control: no-cache, so plugins/response_cache.py answers nothing from memory: Datasette's own work.",
)
@click.option(
    "--setting",
    "settings",
    type=(str, str),
    multiple=True,
    metavar="NAME VALUE",
    help="Override one of the production `--setting`s for this run (repeatable).",
)
def main(
    articles: int,
    seed: int,
    duration: int,
    connections: int,
    threads: int,
    timeout: int,
    accept_gzip: bool,
    fresh: bool,
    settings: Settings,
) -> None:
    """Requests/second of four endpoints of `datasette serve` under wrk, against /-/versions.json."""
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: `make system-test-deps` (Debian: apt-get install wrk)")
    dist = built_tree(OUT / str(articles), articles, seed)
    load = Load(min(threads, connections), connections, duration, timeout, fresh, accept_gzip)
    targets = endpoints(exchange_for_row(dist))
    probe = targets[-1][1]
    with running_datasette(dist, OUT / "serve-bench.log", settings) as base:
        results = [run_wrk(base, name, path, load, probe) for name, path in targets]
    for r in results:
        r.ratio = r.rps / results[0].rps if results[0].rps else 0.0
    click.echo(
        f"\nwrk -t{load.threads} -c{load.connections} -d{load.seconds}s --timeout {load.timeout}s against datasette serve "
        f"at {articles:,} articles ({os.cpu_count()} CPUs; wrk shares them)"
        f"{'; Cache-Control: no-cache on every request (no response cache)' if fresh else ''}"
        f"{'; Accept-Encoding: gzip' if accept_gzip else '; no Accept-Encoding (uncompressed answers)'}\n"
        f"settings: {settings_in_effect(dist, settings)}"
    )
    print_table(results)
    click.echo(f"Reproduce: {reproduce_line(articles, seed, load, settings)}")


if __name__ == "__main__":
    main()
