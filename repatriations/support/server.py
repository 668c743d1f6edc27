"""`datasette serve` started as `make serve` starts it, on a free port of 127.0.0.1,
for a build in another dist/: what the tests and the benchmarks serve."""

from __future__ import annotations

import shlex
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from repatriations.support.checkout import ROOT

DATASETTE = str(Path(sys.executable).parent / "datasette")
Settings = tuple[tuple[str, str], ...]  # (name, value) of `--setting NAME VALUE`s


def production_args() -> list[str]:
    """The Makefile's SERVE_ARGS as a list."""
    out = subprocess.run(["make", "-s", "print-serve-args"], cwd=ROOT, capture_output=True, text=True, check=True)
    return shlex.split(out.stdout)


def with_dist(arg: str, dist: Path) -> str:
    """An argument with dist/ (alone or after `name:`) pointing at another build."""
    prefix, sep, rest = arg.rpartition(":")
    path = rest if sep else arg
    if not path.startswith("dist/"):
        return arg
    return f"{prefix}{sep}{dist / path.removeprefix('dist/')}"


def with_settings(args: list[str], settings: Settings) -> list[str]:
    """args with each `--setting NAME VALUE` of settings replacing the production one or added."""
    wanted = dict(settings)
    out: list[str] = []
    i = 0
    while i < len(args):
        if args[i] == "--setting" and i + 2 < len(args) and args[i + 1] in wanted:
            out += ["--setting", args[i + 1], wanted.pop(args[i + 1])]
            i += 3
        else:
            out.append(args[i])
            i += 1
    for name, value in wanted.items():
        out += ["--setting", name, value]
    return out


def serve_args(dist: Path, settings: Settings = ()) -> list[str]:
    """`datasette serve` arguments as `make serve` has them, for the build in dist/."""
    return with_settings([with_dist(a, dist) for a in production_args()], settings)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def wait_until_up(proc: subprocess.Popen[bytes], base: str, log: Path, timeout: float) -> None:
    """Return once base answers /-/versions.json; raise with the log's tail if the server died or timeout passed."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            if httpx.get(f"{base}/-/versions.json", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"datasette did not start:\n{log.read_text(errors='replace')[-3000:]}")
        time.sleep(0.2)


@contextmanager
def running_datasette(dist: Path, log: Path, settings: Settings = (), timeout: float = 60.0) -> Iterator[str]:
    """A `datasette serve` with the production arguments on 127.0.0.1, its stderr in log;
    yields its base URL, stops it at the end."""
    port = free_port()
    cmd = [DATASETTE, "serve", *serve_args(dist, settings), "-h", "127.0.0.1", "-p", str(port)]
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as err:
        # stdout is uvicorn's access log: one line a request, thrown away
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(proc, base, log, timeout)
        yield base
    finally:
        stop(proc)


def stop(proc: subprocess.Popen[bytes], timeout: float = 10.0) -> None:
    """Terminate the server; kill it if it is still finishing requests after timeout seconds."""
    proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=timeout)
