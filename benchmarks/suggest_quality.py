"""How good are the drafts `python build.py suggest` writes? Leave-one-out over the seed articles.

For each article in raw/ that has a curation file: copy the project (raw/ and
curation/) to a temporary folder, delete that article's curation file there, run
suggest on the article, and compare the draft's claims with the curated ones.

- found: curated figures (claims with a value) for which the draft has a claim with
  the same value whose quote overlaps the curated quote in the raw text (one draft
  claim per curated figure);
- of the found figures, the share whose metric, direction (to_ukraine / to_russia /
  total, from the metric), official_id and exchange_id the draft got right (an empty
  official_id or exchange_id is right when the curated one is empty too);
- false: draft claims with a value that no curated claim gives at that place.

    .venv/bin/python benchmarks/suggest_quality.py [--root DIR] [--json PATH] [--details]
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

import click

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from repatriations.curation import SourceCuration, load_source  # noqa: E402
from repatriations.normalise import decode_raw  # noqa: E402
from repatriations.project import Project  # noqa: E402
from repatriations.provenance import locate  # noqa: E402
from repatriations.suggest import write_draft  # noqa: E402
from repatriations.vocabulary import directions  # noqa: E402

ASPECTS = ("metric", "direction", "official", "exchange")


@dataclass
class ArticleScore:
    article: str
    curated: int = 0  # curated figures
    found: int = 0
    metric: int = 0
    direction: int = 0
    official: int = 0
    exchange: int = 0
    false: int = 0  # draft figures matching no curated claim
    drafted: int = 0  # draft figures
    misses: list[str] = field(default_factory=list)

    def add(self, other: ArticleScore) -> None:
        for name in ("curated", "found", *ASPECTS, "false", "drafted"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses

    def share(self, aspect: str) -> float:
        """found / curated, or an aspect's right guesses / found."""
        whole = self.curated if aspect == "found" else self.found
        return getattr(self, aspect) / whole if whole else 0.0

    def summary(self) -> dict[str, float | int]:
        shares = {f"{aspect}_share": round(self.share(aspect), 4) for aspect in ("found", *ASPECTS)}
        counts = {k: v for k, v in asdict(self).items() if k not in ("article", "misses")}
        return counts | shares


def span(raw_text: str, claim: dict) -> tuple[int, int]:
    return locate(raw_text, claim["quote"], claim.get("occurrence"), "", "quote", 0)


def same_figure(curated: dict, drafted: dict, raw_text: str) -> bool:
    """Same value, and the draft's quote overlaps the curated quote in the raw article."""
    if curated["value"] != drafted["value"]:
        return False
    (a, b), (c, d) = span(raw_text, curated), span(raw_text, drafted)
    return a < d and c < b


def figures(source: SourceCuration) -> list[dict]:
    return [c for c in source.claims if c.get("value") is not None]


def judge(score: ArticleScore, curated: dict, drafted: dict) -> None:
    right = {
        "metric": curated["metric"] == drafted["metric"],
        "direction": directions().get(curated["metric"]) == directions().get(drafted["metric"]),
        "official": curated.get("official_id") == drafted.get("official_id"),
        "exchange": curated.get("exchange_id") == drafted.get("exchange_id"),
    }
    for aspect, ok in right.items():
        setattr(score, aspect, getattr(score, aspect) + ok)
        if not ok:
            key = {"official": "official_id", "exchange": "exchange_id", "direction": "metric"}.get(aspect, aspect)
            score.misses.append(
                f"{score.article} {curated['claim_id']}: {aspect} {drafted.get(key)!r}, curated {curated.get(key)!r}"
            )


def compare(article: str, curated: SourceCuration, draft: SourceCuration, raw_text: str) -> ArticleScore:
    score = ArticleScore(article)
    drafted = figures(draft)
    unused = list(drafted)
    for claim in figures(curated):
        score.curated += 1
        match = next((d for d in unused if same_figure(claim, d, raw_text)), None)
        if match is None:
            score.misses.append(f"{article} {claim['claim_id']}: not found ({claim['value']:,})")
            continue
        unused.remove(match)
        score.found += 1
        judge(score, claim, match)
    score.drafted = len(drafted)
    for d in drafted:
        if not any(same_figure(c, d, raw_text) for c in figures(curated)):
            score.false += 1
            score.misses.append(f"{article} {d['claim_id']}: false figure {d['value']:,} ({d['metric']})")
    return score


def draft_without_curation(root: Path, raw_path: Path, curation_path: Path) -> SourceCuration:
    """Run suggest on a copy of the project in which the article's curation is deleted."""
    with tempfile.TemporaryDirectory(prefix="suggest-quality-") as tmp:
        copy = Path(tmp)
        shutil.copytree(root / "raw", copy / "raw")
        shutil.copytree(root / "curation", copy / "curation")
        (copy / "curation" / "sources" / curation_path.name).unlink()
        project = Project(copy)
        path, _ = write_draft(project, copy / "raw" / raw_path.name)
        return load_source(path, project)


def measure(root: Path = ROOT) -> tuple[list[ArticleScore], ArticleScore]:
    """Per-article scores and their sum, for every curated article under root/raw/."""
    project = Project(root.resolve())
    scores = []
    for curation_path in sorted(project.sources_dir.glob("*.yml")):
        curated = load_source(curation_path, project)
        raw_path = project.raw_dir / curated.data["raw"]
        raw_text = decode_raw(raw_path.read_bytes(), str(raw_path))
        draft = draft_without_curation(project.root, raw_path, curation_path)
        scores.append(compare(raw_path.stem, curated, draft, raw_text))
    overall = ArticleScore("overall")
    for score in scores:
        overall.add(score)
    return scores, overall


def percent(part: int, whole: int) -> str:
    return f"{part}/{whole} {part / whole:4.0%}" if whole else f"{part}/0    -"


def table(scores: list[ArticleScore], overall: ArticleScore) -> str:
    head = ("article", "curated figures", "found", "metric", "direction", "official", "exchange", "false figures")
    rows = [head]
    for s in [*scores, overall]:
        aspects = [percent(getattr(s, a), s.found) for a in ASPECTS]
        rows.append((s.article, str(s.curated), percent(s.found, s.curated), *aspects, f"{s.false} of {s.drafted}"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.insert(-1, lines[1])
    return "\n".join(lines)


@click.command()
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=ROOT, show_default=True)
@click.option("--json", "json_path", type=click.Path(dir_okay=False, path_type=Path), help="Also write the overall figures here.")
@click.option("--details", is_flag=True, help="List every figure missed, guessed wrong or proposed falsely.")
def main(root: Path, json_path: Path | None, details: bool) -> None:
    """Print draft quality per seed article and overall."""
    scores, overall = measure(root)
    click.echo(table(scores, overall))
    click.echo("metric, direction, official and exchange are shares of the found figures.")
    if details:
        click.echo("\n".join(["", *overall.misses]))
    if json_path:
        json_path.write_text(json.dumps(overall.summary(), indent=2) + "\n")


if __name__ == "__main__":
    main()
