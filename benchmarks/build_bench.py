"""Time the build on synthetic project trees against `frictionless validate`.

    .venv/bin/python benchmarks/build_bench.py                      # 1,000 and 10,000 articles
    .venv/bin/python benchmarks/build_bench.py --articles 2000 --articles 20000 --profile

For each size, benchmarks/synth.py writes a tree into benchmarks/out/<N>/ (git-ignored),
`build.py --root DIR --quiet` builds it in its own process, and the frictionless
command line validates the data package the build wrote. Wall times are measured
around each process; peak memory is the largest resident set of the build's process
tree (the build or the `datasette inspect` it runs), read from os.wait4. Targets are
reported PASS/FAIL, never asserted. --profile also runs the largest build under
cProfile and prints where its time goes.
"""

from __future__ import annotations

import os
import pstats
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import click

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
PYTHON = sys.executable
FRICTIONLESS = str(Path(sys.executable).parent / "frictionless")
GIB = 1024**3


@dataclass
class Measured:
    seconds: float
    peak_bytes: int


@dataclass
class Run:
    articles: int
    synth: Measured
    build: Measured
    validate: Measured

    @property
    def ratio(self) -> float:
        return self.build.seconds / self.validate.seconds


def measure(cmd: list[str], log: Path) -> Measured:
    """Run cmd to completion; its wall time and the peak RSS of its process tree. Exit on failure."""
    with log.open("wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        tail = log.read_text(errors="replace")[-3000:]
        sys.exit(f"{' '.join(cmd)} failed with exit code {proc.returncode}:\n{tail}")
    return Measured(seconds, usage.ru_maxrss * 1024)  # ru_maxrss is in KiB on Linux


def run_size(articles: int, seed: int) -> Run:
    tree = OUT / str(articles)
    tree.mkdir(parents=True, exist_ok=True)
    synth = [PYTHON, str(ROOT / "benchmarks" / "synth.py"), "--articles", str(articles), "--out", str(tree), "--seed", str(seed)]
    build = [PYTHON, str(ROOT / "build.py"), "--root", str(tree), "--quiet"]
    validate = [FRICTIONLESS, "validate", str(tree / "dist" / "datapackage.json")]
    click.echo(f"  {articles:,} articles: synth, build, frictionless validate …", err=True)
    return Run(
        articles,
        measure(synth, OUT / f"synth-{articles}.log"),
        measure(build, OUT / f"build-{articles}.log"),
        measure(validate, OUT / f"validate-{articles}.log"),
    )


def print_table(runs: list[Run]) -> None:
    click.echo(f"{'articles':>9} {'synth s':>8} {'build s':>8} {'peak MiB':>9} {'validate s':>11} {'build/validate':>15}")
    for r in runs:
        click.echo(
            f"{r.articles:>9,} {r.synth.seconds:>8.2f} {r.build.seconds:>8.2f} {r.build.peak_bytes / 2**20:>9.1f} "
            f"{r.validate.seconds:>11.2f} {r.ratio:>15.2f}"
        )


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
            "peak memory < 1 GiB",
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
    print_targets(runs)
    if with_profile:
        profile(runs[-1].articles, top)


if __name__ == "__main__":
    main()
