"""Near-duplicate passages, within and across articles.

A passage is a section of an article's normalised text: the whole text, cut again
wherever a headline-like line (short, no closing punctuation) starts a new report
after a substantial one, as in a page that prints a second, shorter version of
its story. Two passages are near-duplicates when

* the shorter one restates the same figures: at least two numbers in digits, every one of
  which recurs in the longer passage (syndicated copies and rewrites keep their
  figures even when they reword everything else), and
* their wording overlaps: the IDF-weighted containment of the shorter passage's
  words in the longer one (Broder's containment, weighted so that shared rare
  words count more than shared common ones) is at least WORD_CONTAINMENT.

Candidates are found through an index of figures, so the comparison stays close
to linear in the number of articles.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import combinations

from .numbers import numbers_in

WORD_CONTAINMENT = 0.25
MIN_SHARED_FIGURES = 2
MIN_SECTION_CHARS = 300
MAX_BUCKET = 500  # a figure shared by more passages than this is too common to index
WORD = re.compile(r"[^\W\d_]+|\d[\d,]*")
STOPWORDS = frozenset(
    "a an and are as at be been both but by for from had has have he her his in is it its of on or said "
    "she that the their them they this to was were which while who will with".split()
)


@dataclass(frozen=True)
class Passage:
    source_id: str
    start: int  # offsets into the source's normalised text
    end: int
    figures: frozenset[int]
    words: frozenset[str]


@dataclass(frozen=True)
class NearDuplicate:
    shorter: Passage
    longer: Passage
    containment: float

    @property
    def within_one_source(self) -> bool:
        return self.shorter.source_id == self.longer.source_id


def _is_headline(line: str) -> bool:
    stripped = line.strip()
    return 0 < len(stripped) < 120 and not stripped.endswith((".", "!", "?", '"', "”", ":", ";"))


def section_bounds(text: str) -> list[tuple[int, int]]:
    bounds, start, pos = [], 0, 0
    for line in text.splitlines(keepends=True):
        if _is_headline(line) and pos - start >= MIN_SECTION_CHARS:
            bounds.append((start, pos))
            start = pos
        pos += len(line)
    bounds.append((start, len(text)))
    return bounds


def make_passages(source_id: str, text: str) -> list[Passage]:
    passages = []
    for start, end in section_bounds(text):
        chunk = text[start:end]
        # figures written in digits: number words are mostly "two sides", "one of"
        figures = frozenset(n.integer for n in numbers_in(chunk) if n.kind == "digits" and n.integer is not None)
        words = frozenset(w.lower().replace(",", "") for w in WORD.findall(chunk)) - STOPWORDS
        passages.append(Passage(source_id, start, end, figures, words))
    return passages


def _idf(passages: list[Passage]) -> dict[str, float]:
    df = Counter(w for p in passages for w in p.words)
    n = len(passages)
    return {w: math.log((n + 1) / c) + 1.0 for w, c in df.items()}


def containment(shorter: Passage, longer: Passage, idf: dict[str, float]) -> float:
    total = sum(idf[w] for w in shorter.words)
    return sum(idf[w] for w in shorter.words & longer.words) / total if total else 0.0


def _candidate_pairs(passages: list[Passage]) -> set[tuple[int, int]]:
    by_figure: dict[int, list[int]] = defaultdict(list)
    for i, p in enumerate(passages):
        for figure in p.figures:
            by_figure[figure].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in by_figure.values():
        if len(members) <= MAX_BUCKET:
            pairs.update(combinations(members, 2))
    return pairs


def near_duplicates(passages: list[Passage]) -> list[NearDuplicate]:
    idf = _idf(passages)
    found = []
    for i, j in sorted(_candidate_pairs(passages)):
        a, b = sorted((passages[i], passages[j]), key=lambda p: (len(p.words), p.source_id, p.start))
        if len(a.figures) < MIN_SHARED_FIGURES or not a.figures <= b.figures:
            continue
        score = containment(a, b, idf)
        if score >= WORD_CONTAINMENT:
            found.append(NearDuplicate(a, b, round(score, 3)))
    return found


def independent_groups(source_ids: list[str], duplicates: list[NearDuplicate]) -> dict[str, str]:
    """Each source's group: sources linked by a near-duplicate passage share one (union-find)."""
    parent = {s: s for s in source_ids}

    def find(s: str) -> str:
        while parent[s] != s:
            parent[s] = parent[parent[s]]
            s = parent[s]
        return s

    for d in duplicates:
        if not d.within_one_source:
            a, b = find(d.shorter.source_id), find(d.longer.source_id)
            parent[max(a, b)] = min(a, b)
    return {s: find(s) for s in source_ids}
