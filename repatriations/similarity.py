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

from .numbers import Number

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


def make_passages(source_id: str, text: str, numbers: list[Number]) -> list[Passage]:
    """The text's sections, given the numbers read in it (positions in text)."""
    passages = []
    for start, end in section_bounds(text):
        chunk = text[start:end]
        # figures written in digits: number words are mostly "two sides", "one of"
        figures = frozenset(
            n.integer for n in numbers if start <= n.start < end and n.kind == "digits" and n.integer is not None
        )
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


def _figure_index(passages: list[Passage]) -> dict[int, list[int]]:
    by_figure: dict[int, list[int]] = defaultdict(list)
    for i, p in enumerate(passages):
        for figure in p.figures:
            by_figure[figure].append(i)
    return {f: members for f, members in by_figure.items() if len(members) <= MAX_BUCKET}


def _partners(i: int, passage: Passage, passages: list[Passage], index: dict[int, list[int]]) -> list[int]:
    """Later passages that could restate this one or be restated by it: they share at
    least MIN_SHARED_FIGURES figures, and all the figures of whichever has fewer.
    Pairs are made one passage at a time, never all at once, to bound memory."""
    shared: Counter[int] = Counter(j for f in passage.figures for j in index.get(f, ()) if j > i)
    return sorted(
        j
        for j, n in shared.items()
        if n >= MIN_SHARED_FIGURES and n >= min(len(passage.figures), len(passages[j].figures))
    )


def near_duplicates(passages: list[Passage]) -> list[NearDuplicate]:
    idf = _idf(passages)
    index = _figure_index(passages)
    found = []
    for i, passage in enumerate(passages):
        if len(passage.figures) < MIN_SHARED_FIGURES:
            continue
        for j in _partners(i, passage, passages, index):
            other = passages[j]
            a, b = (
                (passage, other)
                if (len(passage.words), passage.source_id, passage.start)
                <= (len(other.words), other.source_id, other.start)
                else (other, passage)
            )
            if not a.figures <= b.figures:
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
