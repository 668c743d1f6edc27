"""How good are the drafts `python build.py suggest` writes? Measured on three sets, reported apart:

- seeds: leave-one-out over the project's own articles (raw/ + curation/). The cue
  phrases were first written while reading these, so this measures fit, not skill;
- tuning: benchmarks/eval/tuning/, articles written for evaluation and studied while
  improving the drafts;
- held-out: benchmarks/eval/heldout/, written by another hand and never read while
  tuning: the figure that says how the drafts do on reporting nobody tuned them to.

Each evaluation article is drafted against the project's own curation (what was known
before it arrived) and compared with its gold curation:

- found: gold figures (claims with a value) for which the draft has a claim with the
  same value whose quote overlaps the gold quote in the raw text;
- of the found figures, the share whose metric (direction included), qualifier, side,
  official and exchange are right. An official or exchange the project does not know
  is right when the draft proposes a new one for it (the same person or body by its
  gold name or any way the article names it in the gold's `names:`; one
  new exchange per gold exchange);
- dated: articles whose publication window (published_earliest, published_latest) is
  the gold one, both empty included;
- dates: the gold's datings of exchanges (exchange_dates, each read as the build reads
  it) whose window the draft also gives for that article;
- false figures: draft claims with a value matched to no gold claim (none at that place, or
  a number drafted more often than the gold gives it there);
- false officials: officials the draft links or proposes that the gold never names.

The measuring lives here, for tests/test_suggest*.py and the command that prints it:

    .venv/bin/python benchmarks/suggest_quality.py [--set seeds|tuning|heldout ...] [--details] [--json PATH]
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from repatriations import dating
from repatriations.curation import SourceCuration, load_curation, load_source
from repatriations.normalise import decode_raw
from repatriations.project import Project
from repatriations.provenance import locate
from repatriations.suggest import Draft, write_draft
from repatriations.suggest.datings import publication

SETS = ("seeds", "tuning", "heldout")
ASPECTS = ("metric", "qualifier", "side", "official", "exchange")
TARGETS = {"found": 0.95, "metric": 0.9, "qualifier": 0.9, "side": 0.9, "official": 0.9, "exchange": 0.8, "dated": 0.8}


@dataclass
class Score:
    article: str
    gold: int = 0  # gold figures
    found: int = 0
    metric: int = 0
    qualifier: int = 0
    side: int = 0
    official: int = 0
    exchange: int = 0
    articles: int = 0
    dated: int = 0
    datings: int = 0  # gold exchange_dates entries
    dates: int = 0  # of those, windows the draft also gives
    false: int = 0  # draft figures matching no gold claim
    drafted: int = 0
    false_officials: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("gold", "found", *ASPECTS, "articles", "dated", "datings", "dates", "false", "drafted", "false_officials"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses

    def share(self, aspect: str) -> float:
        whole = {"found": self.gold, "dated": self.articles, "dates": self.datings}.get(aspect, self.found)
        return getattr(self, aspect) / whole if whole else 0.0

    def summary(self) -> dict[str, float | int]:
        shares = {f"{a}_share": round(self.share(a), 4) for a in ("found", *ASPECTS, "dated", "dates")}
        return {k: v for k, v in asdict(self).items() if k not in ("article", "misses")} | shares


@dataclass
class Gold:
    """What the gold curation of an evaluation set says, beside the project's own curation."""

    source: SourceCuration
    official_names: dict[str, str]  # official_id -> name, in the gold tree
    project_officials: set[str]
    project_exchanges: set[str]


def span(raw_text: str, claim: dict) -> tuple[int, int]:
    return locate(raw_text, claim["quote"], claim.get("occurrence"), "", "quote", 0)


def same_figure(gold: dict, drafted: dict, raw_text: str) -> bool:
    if gold["value"] != drafted["value"]:
        return False
    (a, b), (c, d) = span(raw_text, gold), span(raw_text, drafted)
    return a < d and c < b


def same_person(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    return fuzz.token_set_ratio(a, b) >= 85 or a.split()[-1] == b.split()[-1]


def written_names(gold: Gold, official_id: str) -> list[str]:
    """The gold official's name, and every way the article names it (its `names:` entries)."""
    written = [n["as_written"] for n in gold.source.names if n["official_id"] == official_id]
    return [gold.official_names.get(official_id, official_id), *(re.sub(r"^(?:the|a)\s+", "", w, flags=re.I) for w in written)]


def names_match(name: str, names: list[str]) -> bool:
    return any(same_person(name, n) for n in names)


class Judge:
    """Right or wrong, one aspect of one found figure at a time; new exchanges are matched one to one."""

    def __init__(self, gold: Gold, draft: Draft):
        self.gold, self.draft = gold, draft
        self.proposed_officials = {o.official_id: o.name for o in draft.new_officials}
        self.proposed_exchanges = {e.exchange_id for e in draft.new_exchanges}
        self.exchange_pairs: dict[str, str] = {}

    def official(self, want: str | None, got: str | None) -> bool:
        if not want or want in self.gold.project_officials:
            return want == got
        return got in self.proposed_officials and names_match(self.proposed_officials[got], written_names(self.gold, want))

    def exchange(self, want: str | None, got: str | None) -> bool:
        if not want or want in self.gold.project_exchanges:
            return want == got
        if got not in self.proposed_exchanges:
            return False
        paired = self.exchange_pairs.setdefault(want, got)
        return paired == got and list(self.exchange_pairs.values()).count(got) == 1

    def aspects(self, gold: dict, drafted: dict) -> dict[str, bool]:
        return {
            "metric": gold["metric"] == drafted["metric"],
            "qualifier": gold["qualifier"] == drafted["qualifier"],
            "side": gold["side"] == drafted["side"],
            "official": self.official(gold.get("official_id"), drafted.get("official_id")),
            "exchange": self.exchange(gold.get("exchange_id"), drafted.get("exchange_id")),
        }


def figures(claims: list) -> list[dict]:
    return [dict(c) for c in claims if c.get("value") is not None]


def false_officials(gold: Gold, draft: Draft) -> list[str]:
    named = {n["official_id"] for n in gold.source.names} | {c["official_id"] for c in gold.source.claims if c.get("official_id")}
    wrong = [m["official_id"] for m in draft.names() if m["official_id"] not in named]
    new_names = [n for o in named if o not in gold.project_officials for n in written_names(gold, o)]
    wrong += [o.name for o in draft.new_officials if not names_match(o.name, new_names)]
    return wrong


def best_match(gold: dict, unused: list[dict], raw_text: str) -> dict | None:
    """The first drafted claim of the gold figure at its place, one of the gold's metric if there is one:
    the order in which a draft lists two claims of one number must not decide which is judged right."""
    same = [d for d in unused if same_figure(gold, d, raw_text)]
    return next((d for d in same if d["metric"] == gold["metric"]), same[0] if same else None)


def compare(name: str, gold: Gold, draft: Draft, raw_text: str) -> Score:
    score = Score(name, articles=1)
    judge = Judge(gold, draft)
    drafted = figures([c.record() for c in draft.claims])
    unused = list(drafted)
    for claim in figures(gold.source.claims):
        score.gold += 1
        match = best_match(claim, unused, raw_text)
        if match is None:
            score.misses.append(f"{name} {claim['claim_id']}: not found ({claim['value']:,})")
            continue
        unused.remove(match)
        score.found += 1
        for aspect, ok in judge.aspects(claim, match).items():
            setattr(score, aspect, getattr(score, aspect) + ok)
            if not ok:
                key = {"official": "official_id", "exchange": "exchange_id"}.get(aspect, aspect)
                score.misses.append(f"{name} {claim['claim_id']}: {aspect} {match.get(key)!r}, gold {claim.get(key)!r}")
    score.drafted = len(drafted)
    for d in unused:  # a figure drafted twice where the gold has it once is false the second time
        score.false += 1
        score.misses.append(f"{name} {d['claim_id']}: false figure {d['value']:,} ({d['metric']})")
    want = (gold.source.data.get("published_earliest"), gold.source.data.get("published_latest"))
    got = (draft.published.date.isoformat(),) * 2 if draft.published else (None, None)
    score.dated = int(want == got)
    if want != got:
        score.misses.append(f"{name}: dated {got}, gold {want}")
    score.datings, score.dates = dating_matches(gold, draft, name, score.misses)
    wrong = false_officials(gold, draft)
    score.false_officials = len(wrong)
    score.misses += [f"{name}: false official {w!r}" for w in wrong]
    return score


def windows(entries: list, published: dating.Window) -> list[tuple[str | None, str | None]]:
    return [d.window.iso() for e in entries if (d := dating.curated_dating(e, "", published))]


def dating_matches(gold: Gold, draft: Draft, name: str, misses: list[str]) -> tuple[int, int]:
    """How many gold datings there are, and how many of their windows the draft gives too."""
    want = windows(gold.source.datings, dating.publication_window(gold.source.data))
    got = windows(draft.datings, publication(draft.published))
    matched = 0
    for window in want:
        if window in got:
            got.remove(window)
            matched += 1
        else:
            misses.append(f"{name}: exchange dated {window[0]} to {window[1]} in the gold, not in the draft")
    return len(want), matched


def drafted(project_root: Path, article: Path, leave_out: str | None = None) -> Draft:
    """Draft an article against a copy of the project (without the article's own curation)."""
    with tempfile.TemporaryDirectory(prefix="suggest-quality-") as tmp:
        copy = Path(tmp)
        shutil.copytree(project_root / "raw", copy / "raw")
        shutil.copytree(project_root / "curation", copy / "curation")
        if leave_out:
            (copy / "curation" / "sources" / leave_out).unlink()
        shutil.copy(article, copy / "raw" / article.name)
        _, draft = write_draft(Project(copy), copy / "raw" / article.name)
        return draft


def set_root(set_name: str, root: Path) -> Path:
    """Where a set's articles and gold curation are in the checkout at root: the seeds are its own."""
    return root if set_name == "seeds" else root / "benchmarks" / "eval" / set_name


def scores(set_name: str, root: Path) -> Iterator[Score]:
    """One score per curated article of a set, drafted against the curation of the checkout at root."""
    project = Project(root.resolve())
    tree = Project(set_root(set_name, project.root))
    own = load_curation(project)
    gold_tree = load_curation(tree)
    names = {o["official_id"]: o["name"] for o in gold_tree.officials}
    known_officials = {o["official_id"] for o in own.officials}
    known_exchanges = {e["exchange_id"] for e in own.exchanges}
    for path in sorted(tree.sources_dir.glob("*.yml")):
        source = load_source(path, tree)
        raw_path = tree.raw_dir / source.data["raw"]
        raw_text = decode_raw(raw_path.read_bytes(), str(raw_path))
        draft = drafted(project.root, raw_path, path.name if set_name == "seeds" else None)
        yield compare(raw_path.stem, Gold(source, names, known_officials, known_exchanges), draft, raw_text)


def measure(set_name: str, root: Path) -> tuple[list[Score], Score]:
    """Each article's score and the set's, drafted against the curation of the checkout at root."""
    per_article = list(scores(set_name, root))
    overall = Score(set_name)
    for score in per_article:
        overall.add(score)
    return per_article, overall
