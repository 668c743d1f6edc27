"""Start `datasette serve` as `make serve` does, on 127.0.0.1 and a free port, for
tests that need a real server (a browser, hostile requests)."""

from __future__ import annotations

import shlex
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
DATASETTE = Path(sys.executable).parent / "datasette"


def serve_args(dist: Path) -> list[str]:
    """The Makefile's SERVE_ARGS, with dist/ pointing at another build."""
    out = subprocess.run(
        ["make", "-s", "print-serve-args"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    return [
        a.replace("dist/", f"{dist}/", 1) if a.startswith("dist/") or ":dist/" in a else a
        for a in shlex.split(out.replace(":dist/", f":{dist}/"))
    ]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_datasette(dist: Path, timeout: float = 30.0):
    port = free_port()
    cmd = [str(DATASETTE), "serve", *serve_args(dist), "-h", "127.0.0.1", "-p", str(port)]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                if httpx.get(f"{base}/-/versions.json", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"datasette did not start: {proc.stderr.read() if proc.stderr else ''}")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
