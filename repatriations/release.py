"""One release at a time, published in one step.

A build writes the whole new release into .releases/.staging-*/, renames it to
.releases/<id>/ once everything has passed, and then points dist at it by replacing
the dist symlink in one rename. A build killed at any moment leaves dist/ as the old
release or the new one, whole, never a mix; the next build removes what a killed one
left (staging folders, releases nothing points at, half-made links). Two builds in one
tree do not interleave: the second refuses at once, naming the process of the first.

dist/ is a Datasette configuration directory, served with `datasette serve dist/`."""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import BuildError
from .project import Project

RELEASES = ".releases"
LOCK = ".build.lock"
STAGING_PREFIX = ".staging-"
LINK_PREFIX = ".dist-"
PAUSE_ENV = "REPATRIATIONS_PAUSE_AT"  # tests/test_release.py: stop at a named point, to be killed there


@contextmanager
def build_lock(project: Project) -> Iterator[None]:
    """Hold the tree's build lock (an flock, released by the kernel however the build ends)."""
    path = project.root / LOCK
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "unknown"
        os.close(fd)
        raise BuildError(
            project.display(path),
            f"another build is running in this tree (process {holder}); wait for it to finish, then build again",
        ) from None
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)


def releases_dir(project: Project) -> Path:
    return project.root / RELEASES


def current_release(project: Project) -> Path | None:
    dist = project.dist_dir
    return dist.resolve() if dist.is_symlink() else None


def clear_leftovers(project: Project) -> None:
    """Remove what killed builds left: staging folders, releases dist does not point at,
    half-made dist links (and the staging folders of builds from before releases)."""
    current = current_release(project)
    releases = releases_dir(project)
    if releases.is_dir():
        for path in releases.iterdir():
            if path.resolve() != current:
                shutil.rmtree(path, ignore_errors=True)
    for path in project.root.glob(f"{LINK_PREFIX}*"):
        if path.is_symlink():
            path.unlink()
    for path in project.root.glob(".build-*"):
        shutil.rmtree(path, ignore_errors=True)


def new_staging(project: Project) -> Path:
    releases_dir(project).mkdir(exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=releases_dir(project)))
    staging.chmod(0o755)  # mkdtemp's 0700 would keep a server running as another user out
    return staging


def pause_point(project: Project, name: str) -> None:
    """For the kill tests only: stop here (for good) when the environment names this point."""
    if os.environ.get(PAUSE_ENV) == name:
        (project.root / ".paused").write_text(name)
        time.sleep(3600)


def publish_release(staging: Path, project: Project) -> Path:
    """Make staging the release dist/ points at, in two renames; return the release."""
    release = releases_dir(project) / f"{time.time_ns():020d}-{os.getpid()}"
    pause_point(project, "publish:staged")
    os.rename(staging, release)
    pause_point(project, "publish:renamed")
    link = project.root / f"{LINK_PREFIX}{release.name}"
    os.symlink(os.path.join(RELEASES, release.name), link)
    dist = project.dist_dir
    if dist.is_dir() and not dist.is_symlink():  # a dist/ folder from before releases: set aside, once
        os.rename(dist, releases_dir(project) / f"{release.name}-previous")
    os.replace(link, dist)  # the one step that publishes
    pause_point(project, "publish:swapped")
    clear_leftovers(project)
    return release
