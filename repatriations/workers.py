"""Worker processes for the build's two heaviest stages.

Reading and checking thousands of curation files, and validating the package with
Frictionless, are pure Python, and Python runs one thread of Python at a time: only
processes use a second core. Workers are spawned (fresh interpreters importing this
package), not forked, so they share nothing with the build but what they are sent,
and each holds only its own share of the work. Small builds (the seeds, the tests)
stay in one process, where starting a worker would cost more than it saves.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from functools import partial
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Below this many articles a build runs in one process: spawning a worker and
# importing the package in it takes about a third of a second.
PARALLEL_FROM = 200


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may use (a container's share)
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def choose_jobs(requested: int | None, items: int) -> int:
    """The number of processes: as asked, else one per core for a large build, else one."""
    if requested is not None:
        return max(1, requested)
    return available_cores() if items >= PARALLEL_FROM else 1


@contextmanager
def no_cyclic_gc() -> Iterator[None]:
    # A build creates millions of objects that all live until it ends, and almost no
    # reference cycles; CPython's cycle collector would re-scan them all each time the
    # heap grows by a quarter (about 4 s of a 10,000-article build). Reference counting
    # still frees everything else at once.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _call_without_cyclic_gc(fn: Callable[[T], R], item: T) -> R:
    with no_cyclic_gc():
        return fn(item)


def _run_now(fn: Callable[..., R], *args: Any) -> Future:
    future: Future = Future()
    try:
        future.set_result(fn(*args))
    except Exception as exc:  # kept for .result(), as a worker's would be
        future.set_exception(exc)
    return future


class Workers:
    """`map` and `submit` over worker processes, or in this process when jobs == 1."""

    def __init__(self, jobs: int):
        self.jobs = jobs
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Workers:
        if self.jobs > 1:
            self._pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=multiprocessing.get_context("spawn"))
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    @property
    def parallel(self) -> bool:
        return self._pool is not None

    def map(self, fn: Callable[[T], R], items: list[T]) -> Iterator[R]:
        """fn over items, results in the items' order."""
        if self._pool is None:
            return map(fn, items)
        # a few chunks per worker: little pickling overhead, yet even shares and a moving progress bar
        chunksize = max(1, len(items) // (self.jobs * 8))
        return self._pool.map(partial(_call_without_cyclic_gc, fn), items, chunksize=chunksize)

    def submit(self, fn: Callable[..., R], *args: Any) -> Future:
        """Start fn(*args) in a worker; in one process it runs now."""
        if self._pool is None:
            return _run_now(fn, *args)
        return self._pool.submit(fn, *args)
