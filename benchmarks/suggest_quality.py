"""How good are the drafts `python build.py suggest` writes? Prints what
repatriations/suggest/quality.py measures on the seeds, the tuning set and the
held-out set, each apart (see that module for what each figure counts).

    .venv/bin/python benchmarks/suggest_quality.py [--set seeds|tuning|heldout ...] [--details] [--json PATH]
    .venv/bin/python benchmarks/suggest_quality.py --set tuning --articles t49-t60   # one batch's totals
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import click

from repatriations.suggest.quality import ASPECTS, SETS, TARGETS, Score, measure
from repatriations.support.checkout import ROOT


def percent(part: int, whole: int) -> str:
    return f"{part}/{whole} {part / whole:4.0%}" if whole else f"{part}/0    -"


def table(rows: list[Score]) -> str:
    head = ("set", "gold figures", "found", *ASPECTS, "dated", "dates", "false figures", "false officials")
    lines: list[tuple[str, ...]] = [head]
    for s in rows:
        aspects = [percent(getattr(s, a), s.found) for a in ASPECTS]
        lines.append(
            (
                s.article,
                str(s.gold),
                percent(s.found, s.gold),
                *aspects,
                percent(s.dated, s.articles),
                percent(s.dates, s.datings),
                f"{s.false} of {s.drafted}",
                str(s.false_officials),
            )
        )
    widths = [max(len(r[i]) for r in lines) for i in range(len(head))]
    out = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in lines]
    out.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(out)


def in_range(article: str, first: str, last: str) -> bool:
    """Whether an article id (t49, h13) lies between two ids of the same letter, by number."""
    def number(name: str) -> tuple[str, int]:
        digits = re.search(r"\d+", name)
        return name[:1], int(digits.group()) if digits else -1

    (letter, n), (a_letter, a), (_, b) = number(article), number(first), number(last)
    return letter == a_letter and a <= n <= b


def batch(per_article: list[Score], articles: str) -> Score:
    """The sum of the articles FIRST-LAST ("t49-t60"): one batch's totals, misses left out."""
    first, _, last = articles.partition("-")
    total = Score(articles)
    for score in per_article:
        if in_range(score.article, first, last or first):
            total.add(score)
    total.misses = []
    return total


@click.command()
@click.option("--set", "sets", multiple=True, type=click.Choice(SETS), help="Sets to measure (default: all three).")
@click.option("--details", is_flag=True, help="Per-article rows, and every figure missed, guessed wrong or proposed falsely.")
@click.option("--json", "json_path", type=click.Path(dir_okay=False, path_type=Path), help="Also write each set's figures here.")
@click.option("--articles", help="Only the totals of these articles of each set, e.g. t49-t60 (a batch's first score).")
def main(sets: tuple[str, ...], details: bool, json_path: Path | None, articles: str | None) -> None:
    """Print draft quality for the seeds, the tuning set and the held-out set, apart."""
    results = {name: measure(name, ROOT) for name in sets or SETS}
    if articles:
        click.echo(table([batch(per_article, articles) for per_article, _ in results.values()]))
        return
    click.echo(table([overall for _, overall in results.values()]))
    click.echo(
        "metric, qualifier, side, official and exchange are shares of the found figures; dated is per article; "
        "dates: the gold's exchange datings whose window the draft gives."
    )
    click.echo(
        "targets on heldout: " + ", ".join(f"{k} >= {v:.0%}" for k, v in TARGETS.items()) + ", no false figures or officials"
    )
    if details:
        for name, (per_article, overall) in results.items():
            click.echo(f"\n## {name}\n" + table(per_article) + "\n" + "\n".join(overall.misses))
    if json_path:
        json_path.write_text(json.dumps({n: o.summary() for n, (_, o) in results.items()}, indent=2) + "\n")


if __name__ == "__main__":
    main()
