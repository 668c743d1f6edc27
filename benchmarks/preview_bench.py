"""Time the preview's live update against a full build, on synthetic trees.

    .venv/bin/python benchmarks/preview_bench.py                  # 1,000 and 10,000 articles
    .venv/bin/python benchmarks/preview_bench.py --articles 2000

For each size, benchmarks/synth.py writes a tree into benchmarks/out/preview-<N>/
(git-ignored). Then, in one run: the full production build (`build.py --root DIR`, in
its own process, workers and all), a full preview build (repatriations.preview, from
nothing), and the update after one curation file is edited (a claim's quote changed to
words the article does not have, as a reviewer's slip would: the update must find the
problem). Each update is timed three times, on a different file each time, and the
median kept. Target: the update takes at most a fifth of the full build at 10,000
articles. Reported PASS/FAIL, never asserted.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

import click

from repatriations.preview import Preview
from repatriations.project import Project

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
TARGET = 0.2  # the update, as a share of the full build
EDITS = 3


def timed(run) -> tuple[float, object]:
    started = time.perf_counter()
    result = run()
    return time.perf_counter() - started, result


def write_tree(articles: int) -> Path:
    tree = OUT / f"preview-{articles}"
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "synth.py"), "--articles", str(articles), "--out", str(tree)], check=True
    )
    return tree


def full_build(tree: Path) -> float:
    seconds, _ = timed(
        lambda: subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(tree), "--quiet"], check=True)
    )
    return seconds


def break_a_quote(path: Path) -> str:
    """Change the first quote's first word: the words are then not in the article."""
    text = path.read_text(encoding="utf-8")
    start = text.index("quote: ") + len("quote: ")
    if text[start] in "'\"":
        start += 1
    path.write_text(text[:start] + "Reportedly, " + text[start:], encoding="utf-8")
    return text


def measure(articles: int) -> dict[str, float]:
    tree = write_tree(articles)
    build_seconds = full_build(tree)
    preview = Preview(Project(tree))
    full_seconds, _ = timed(preview.update)
    files = sorted((tree / "curation" / "sources").glob("*.yml"))
    updates = []
    for i in range(EDITS):
        path = files[(i + 1) * len(files) // (EDITS + 1)]
        before = break_a_quote(path)
        seconds, _ = timed(preview.update)
        updates.append(seconds)
        path.write_text(before, encoding="utf-8")
    update = statistics.median(updates)
    timings = dict(preview.timings)
    preview.update()  # back to the tree as written
    return {"build": build_seconds, "preview": full_seconds, "update": update} | {f"  {k}": v for k, v in timings.items()}


@click.command()
@click.option("--articles", "-n", multiple=True, type=click.IntRange(min=10), help="Tree sizes (default: 1,000 and 10,000).")
def main(articles: tuple[int, ...]) -> None:
    """Print the full build, the full preview build and the update after one edit, per size."""
    for n in articles or (1000, 10000):
        m = measure(n)
        ratio = m["update"] / m["build"]
        verdict = "PASS" if ratio <= TARGET else "FAIL"
        click.echo(f"\n{n:,} articles")
        click.echo(f"  full build (build.py)        {m['build']:8.2f} s")
        click.echo(f"  full preview build           {m['preview']:8.2f} s")
        click.echo(f"  update after one edited file {m['update']:8.2f} s  (median of {EDITS})")
        click.echo(f"  update / full build          {ratio:8.2f}    target <= {TARGET:.2f}: {verdict}" if n >= 10000 else
                   f"  update / full build          {ratio:8.2f}")
        click.echo("  the last update, by stage:")
        for stage, seconds in m.items():
            if stage.startswith("  "):
                click.echo(f"  {stage:30s}{seconds:6.2f} s")


if __name__ == "__main__":
    main()
