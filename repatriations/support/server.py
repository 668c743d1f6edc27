"""`datasette serve` started as `make serve` starts it, on a free port of 127.0.0.1,
for a build in another dist/: what the tests and the benchmarks serve."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from repatriations.publishing import release_settings
from repatriations.support.checkout import ROOT

DATASETTE = str(Path(sys.executable).parent / "datasette")
Settings = tuple[tuple[str, str], ...]  # (name, value) of `--setting NAME VALUE`s


def serve_args(dist: Path, settings: Settings = ()) -> list[str]:
    """`datasette serve` arguments as `make serve` has them (the release folder, a Datasette
    configuration directory), for the build in dist/, with any settings overridden. Datasette
    ignores settings.json once a --setting is given, so then every setting is passed."""
    if not settings:
        return [str(dist)]
    merged = release_settings(dist) | dict(settings)
    return [str(dist), *(arg for name, value in merged.items() for arg in ("--setting", name, value))]


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
