"""Time `build.py suggest` on new articles in a large project tree.

    .venv/bin/python benchmarks/suggest_bench.py [--articles 2000] [--new 50] [--build-py PATH]

benchmarks/synth.py writes a tree of N curated articles into benchmarks/out/suggest-N/
(git-ignored); the curation files of the last K articles are removed, so those K are
new articles, and one `build.py --root TREE suggest raw/...` call drafts all K. It
prints the wall time of that call and the time per draft. --build-py times another
checkout's command on the same tree (to compare before and after a change).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import click

from repatriations.support.checkout import ROOT


def tree_with_new_articles(articles: int, new: int, seed: int) -> tuple[Path, list[str]]:
    tree = ROOT / "benchmarks" / "out" / f"suggest-{articles}"
    shutil.rmtree(tree, ignore_errors=True)
    synth = [sys.executable, str(ROOT / "benchmarks" / "synth.py"), "--articles", str(articles), "--out", str(tree)]
    subprocess.run([*synth, "--seed", str(seed)], check=True)
    raws = sorted((tree / "raw").glob("*.txt"))[-new:]
    for raw in raws:
        (tree / "curation" / "sources" / f"{raw.stem}.yml").unlink()
    return tree, [f"raw/{raw.name}" for raw in raws]


@click.command()
@click.option("--articles", type=click.IntRange(min=1), default=2000, show_default=True, help="Articles in the tree.")
@click.option("--new", type=click.IntRange(min=1), default=50, show_default=True, help="Articles drafted in one call.")
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--build-py", type=click.Path(dir_okay=False, path_type=Path), default=ROOT / "build.py", show_default=True)
def main(articles: int, new: int, seed: int, build_py: Path) -> None:
    """Print how long one suggest call takes for NEW articles in a tree of ARTICLES."""
    tree, raws = tree_with_new_articles(articles, new, seed)
    started = time.perf_counter()
    command = [sys.executable, str(build_py), "--root", str(tree), "--quiet", "suggest", *raws]
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    click.echo(f"{build_py}: {new} drafts in a tree of {articles:,}: {seconds:.2f} s, {seconds / new * 1000:.0f} ms a draft")


if __name__ == "__main__":
    main()
