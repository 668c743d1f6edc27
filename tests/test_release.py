"""One release at a time: a build killed (SIGKILL) at any moment, publishing included,
leaves dist/ as the old release or the new one, whole; the next build clears what the
killed one left; and two builds started at once do not interleave."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from repatriations.release import PAUSE_ENV, RELEASES
from repatriations.support.checkout import ROOT, copy_project

CHANGED = "curation/sources/003_a33e81c085f97841.yml"
NAMED_POINTS = ["publish:staged", "publish:renamed", "publish:swapped"]
TIMED_POINTS = [0.2, 0.5, 0.9, 1.4, 2.0, 2.7, 3.5]  # seconds after the start, spread over a build


def checksums(dist: Path) -> dict[str, str]:
    return {
        p.relative_to(dist).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(dist.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def start_build(root: Path, pause_at: str | None = None) -> subprocess.Popen[bytes]:
    env = os.environ | ({PAUSE_ENV: pause_at} if pause_at else {})
    return subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "--root", str(root), "--quiet"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def build_ok(root: Path) -> None:
    proc = start_build(root)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err.decode()


def change(root: Path) -> None:
    path = root / CHANGED
    path.write_text(path.read_text(encoding="utf-8").replace("notes: ", "notes: Changed. ", 1), encoding="utf-8")


def wait_paused(root: Path, proc: subprocess.Popen[bytes], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not (root / ".paused").exists():
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else "the build ended"
        assert time.monotonic() < deadline, "the build never reached the pause point"
        time.sleep(0.05)


@pytest.fixture(scope="module")
def releases(tmp_path_factory) -> tuple[Path, dict[str, str], dict[str, str]]:
    """A tree built once (the old release), and the checksums of the old and the new release."""
    old_tree = copy_project(tmp_path_factory.mktemp("old"))
    build_ok(old_tree)
    new_tree = copy_project(tmp_path_factory.mktemp("new"))
    change(new_tree)
    build_ok(new_tree)
    old, new = checksums(old_tree / "dist"), checksums(new_tree / "dist")
    assert old != new
    return old_tree, old, new


def killed_copy(releases, tmp_path: Path) -> Path:
    old_tree, _, _ = releases
    root = tmp_path / "tree"
    shutil.copytree(old_tree, root, symlinks=True)
    change(root)
    return root


def assert_whole(root: Path, old: dict[str, str], new: dict[str, str]) -> None:
    found = checksums(root / "dist")
    assert found in (old, new), "dist/ is neither the old release nor the new one"


def assert_recovers(root: Path, new: dict[str, str]) -> None:
    build_ok(root)
    assert checksums(root / "dist") == new
    left = sorted(p.name for p in (root / RELEASES).iterdir())
    assert len(left) == 1 and (root / "dist").resolve() == (root / RELEASES / left[0]).resolve()
    assert not list(root.glob(".dist-*")) and not list(root.glob(".build-*"))


@pytest.mark.parametrize("point", NAMED_POINTS)
def test_killed_while_publishing_leaves_one_whole_release(releases, tmp_path, point):
    _, old, new = releases
    root = killed_copy(releases, tmp_path)
    proc = start_build(root, pause_at=point)
    wait_paused(root, proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert_whole(root, old, new)
    # before the swap the old release is still the one served; after it, the new one
    assert checksums(root / "dist") == (new if point == "publish:swapped" else old)
    (root / ".paused").unlink()
    assert_recovers(root, new)


@pytest.mark.parametrize("after", TIMED_POINTS)
def test_killed_at_any_moment_leaves_one_whole_release(releases, tmp_path, after):
    _, old, new = releases
    root = killed_copy(releases, tmp_path)
    proc = start_build(root)
    time.sleep(after)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert_whole(root, old, new)
    assert_recovers(root, new)


def test_a_second_build_refuses_while_the_first_runs(releases, tmp_path):
    _, _, new = releases
    root = killed_copy(releases, tmp_path)
    first = start_build(root, pause_at="publish:staged")
    wait_paused(root, first)
    second = start_build(root)
    _, err = second.communicate(timeout=120)
    assert second.returncode == 1
    message = err.decode()
    assert f"another build is running in this tree (process {first.pid})" in message and "Traceback" not in message
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=30)
    (root / ".paused").unlink()
    assert_recovers(root, new)  # the lock went with the killed build
