"""Time the build on synthetic project trees against `frictionless validate`.

    .venv/bin/python benchmarks/build_bench.py                      # 1,000 and 10,000 articles
    .venv/bin/python benchmarks/build_bench.py --articles 2000 --articles 20000 --profile

For each size, benchmarks/synth.py writes a tree into benchmarks/out/<N>/ (git-ignored),
`build.py --root DIR --quiet` builds it in its own process, and the frictionless
command line validates the data package the build wrote. Wall times are measured
around each process, CPU time (user + system, the build's workers included) from
os.wait4. A large build runs worker processes beside the main one, so peak memory is
the whole process tree's: the sum of every process's proportional set size (PSS:
shared pages split between the processes sharing them), sampled every 50 ms; the
largest single process (ru_maxrss) is shown too. The build's own stage timings
(`build.py --timings`) are printed for the largest size. Targets are reported
PASS/FAIL, never asserted. --profile also runs the largest build under cProfile and
prints where its time goes.
"""

from __future__ import annotations

import os
import pstats
import re
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import click

from repatriations.support.checkout import ROOT

OUT = ROOT / "benchmarks" / "out"
PYTHON = sys.executable
FRICTIONLESS = str(Path(sys.executable).parent / "frictionless")
GIB = 1024**3
STAGE_LINE = re.compile(r"^\s*\d+\.\d+ s  ")  # what build.py --timings prints


@dataclass
class Measured:
    seconds: float
    peak_bytes: int  # the process tree's summed PSS at its largest
    main_at_peak_bytes: int  # of which the main process
    largest_process_bytes: int  # ru_maxrss: the largest single process
    cpu_seconds: float


@dataclass
class Run:
    articles: int
    synth: Measured
    build: Measured
    validate: Measured

    @property
    def ratio(self) -> float:
        return self.build.seconds / self.validate.seconds


def _cmdline(pid: int) -> bytes:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read()
    except OSError:
        return b""


def _descendants(pid: int) -> list[int]:
    """pid and its descendants, less any child that has not yet exec'd: Python starts
    subprocesses with vfork, and until exec such a child reports its parent's memory as
    its own. (The build never forks without exec.)"""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            children: list[int] = []
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as f:
                    children.extend(int(c) for c in f.read().split())
        except OSError:  # it has just ended
            continue
        own = _cmdline(current)
        todo.extend(c for c in children if _cmdline(c) != own)
    return found


def _pss_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


class TreeMemory(threading.Thread):
    """Samples the summed PSS of a process and all its descendants until stopped."""

    def __init__(self, pid: int, every: float = 0.05):
        super().__init__(daemon=True)
        self.pid, self.every, self.peak = pid, every, 0
        self.main_at_peak = 0  # the main process's share of the peak
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.is_set():
            sizes = {p: _pss_bytes(p) for p in _descendants(self.pid)}
            if sum(sizes.values()) > self.peak:
                self.peak, self.main_at_peak = sum(sizes.values()), sizes.get(self.pid, 0)
            self._stop_event.wait(self.every)

    def stop(self) -> int:
        self._stop_event.set()
        self.join()
        return self.peak


def measure(cmd: list[str], log: Path) -> Measured:
    """Run cmd to completion: its wall time, CPU time and memory (see the module's doc). Exit on failure."""
    with log.open("wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
        sampler = TreeMemory(proc.pid)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        peak = sampler.stop()
        main_at_peak = sampler.main_at_peak
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        tail = log.read_text(errors="replace")[-3000:]
        sys.exit(f"{' '.join(cmd)} failed with exit code {proc.returncode}:\n{tail}")
    largest = usage.ru_maxrss * 1024  # ru_maxrss is in KiB on Linux
    return Measured(seconds, max(peak, 1), main_at_peak, largest, usage.ru_utime + usage.ru_stime)


def run_size(articles: int, seed: int) -> Run:
    tree = OUT / str(articles)
    tree.mkdir(parents=True, exist_ok=True)
    synth = [PYTHON, str(ROOT / "benchmarks" / "synth.py"), "--articles", str(articles), "--out", str(tree), "--seed", str(seed)]
    build = [PYTHON, str(ROOT / "build.py"), "--root", str(tree), "--quiet", "--timings"]
    validate = [FRICTIONLESS, "validate", str(tree / "dist" / "datapackage.json")]
    click.echo(f"  {articles:,} articles: synth, build, frictionless validate …", err=True)
    synth_measured = measure(synth, OUT / f"synth-{articles}.log")
    os.sync()  # synth's writes go to disk now, not while the build is timed
    return Run(
        articles,
        synth_measured,
        measure(build, OUT / f"build-{articles}.log"),
        measure(validate, OUT / f"validate-{articles}.log"),
    )


def print_table(runs: list[Run]) -> None:
    click.echo(
        f"{'articles':>9} {'synth s':>8} {'build s':>8} {'build CPU s':>12} {'tree MiB':>9} {'main MiB':>9} "
        f"{'largest MiB':>12} {'validate s':>11} {'build/validate':>15}"
    )
    for r in runs:
        click.echo(
            f"{r.articles:>9,} {r.synth.seconds:>8.2f} {r.build.seconds:>8.2f} {r.build.cpu_seconds:>12.2f} "
            f"{r.build.peak_bytes / 2**20:>9.1f} {r.build.main_at_peak_bytes / 2**20:>9.1f} "
            f"{r.build.largest_process_bytes / 2**20:>12.1f} {r.validate.seconds:>11.2f} {r.ratio:>15.2f}"
        )
    click.echo("(tree MiB: the whole process tree's PSS at its peak; main MiB: the main process's part of it)")


def print_stage_timings(articles: int) -> None:
    """The build's own `--timings` lines, from its log."""
    lines = [ln for ln in (OUT / f"build-{articles}.log").read_text().splitlines() if STAGE_LINE.match(ln)]
    click.echo(f"\nStages of the build at {articles:,} articles (build.py --timings, wall seconds):")
    for line in lines:
        click.echo(f"  {line.strip()}")


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def print_targets(runs: list[Run]) -> None:
    small, large = runs[0], runs[-1]
    lines = []
    if large.articles > small.articles:
        scale = large.build.seconds / small.build.seconds
        limit = 1.1 * large.articles / small.articles  # ≤ 11 for 1,000 → 10,000: near-linear
        name = f"t({large.articles:,})/t({small.articles:,})"
        click.echo(f"{name} = {scale:.2f}")
        lines.append((scale <= limit, f"{name} ≤ {limit:g}", f"{scale:.2f}"))
    lines += [
        (large.ratio <= 2, f"build at {large.articles:,} ≤ 2 × frictionless validate", f"{large.ratio:.2f} ×"),
        (
            max(r.build.peak_bytes for r in runs) < GIB,
            "peak memory (whole process tree) < 1 GiB",
            f"{max(r.build.peak_bytes for r in runs) / 2**20:.0f} MiB",
        ),
        (large.build.seconds < 60, f"build at {large.articles:,} < 60 s", f"{large.build.seconds:.1f} s"),
    ]
    click.echo("\nTargets:")
    for ok, name, value in lines:
        click.echo(f"  {verdict(ok)}  {name:<45} {value}")


def profile(articles: int, top: int) -> None:
    """Run the build of one tree under cProfile and print its heaviest functions."""
    tree = OUT / str(articles)
    stats_file = OUT / f"build-{articles}.prof"
    cmd = [PYTHON, "-m", "cProfile", "-o", str(stats_file), str(ROOT / "build.py"), "--root", str(tree), "--quiet"]
    measure(cmd, OUT / f"profile-{articles}.log")
    stats = pstats.Stats(str(stats_file))
    click.echo(f"\ncProfile of the build at {articles:,} articles (full stats: {stats_file})")
    click.echo("The build's own functions, by cumulative time (its stages):")
    stats.sort_stats("cumulative").print_stats(r"repatriations[/\\]", top)
    click.echo("Every function, by time spent in the function itself (the hot spots):")
    stats.strip_dirs().sort_stats("tottime").print_stats(top)


@click.command()
@click.option(
    "--articles",
    "-n",
    "sizes",
    type=click.IntRange(min=1),
    multiple=True,
    default=(1000, 10000),
    show_default=True,
    help="Tree sizes to benchmark; repeat the option for several.",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Seed for benchmarks/synth.py.")
@click.option("--profile", "with_profile", is_flag=True, help="Also profile the largest build with cProfile.")
@click.option("--top", type=int, default=30, show_default=True, help="Functions to show per profile listing.")
def main(sizes: tuple[int, ...], seed: int, with_profile: bool, top: int) -> None:
    """Benchmark build.py on synthetic trees against frictionless validate."""
    OUT.mkdir(parents=True, exist_ok=True)
    runs = [run_size(n, seed) for n in sorted(set(sizes))]
    click.echo(f"\nbuild.py --root benchmarks/out/N --quiet vs frictionless validate (seed {seed}, {os.cpu_count()} CPUs)")
    print_table(runs)
    print_stage_timings(runs[-1].articles)
    print_targets(runs)
    if with_profile:
        profile(runs[-1].articles, top)


if __name__ == "__main__":
    main()
