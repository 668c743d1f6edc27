"""Draft a curation file for a new article: `python build.py suggest raw/NEW.txt`.

The draft is a starting point for a person, never data. It is written with
`reviewed: false`, which the build refuses, and every guess in it says so
("DRAFT: ..."). What it guesses, and from what:

- one claim per figure `numbers.numbers_in` finds in the normalised text, quoted
  by the sentence around it (verbatim, with `occurrence` when it repeats);
- the metric from words near the figure ("in return", "died in captivity",
  "each" with a deal...), the qualifier from the words just before it ("more than",
  "between X and Y"), the unit from the noun after it;
- who says it: officials already curated (by any recorded name or title, fuzzily
  with RapidFuzz), else a group ("officials in Kyiv", "Russian authorities");
- the exchange: one whose claims in other sources give the same or a close
  figure in the same direction, without contradicting the article's other figures;
- numbers it cannot place (years, ordinals, ages, "one of") go under
  `not_claims` marked UNPLACED.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz

from .curation import SourceCuration, load_curation, load_source
from .errors import BuildError
from .normalise import Normalised, decode_raw, normalise
from .numbers import Number, numbers_in
from .project import Project
from .provenance import check_claim_values, check_source
from .yamlfile import Mapping

# ---------------------------------------------------------------------------
# Vocabulary. Only words about bodies, deals and casualties: number words are
# read by repatriations.numbers (text2num), never listed here.

BODY_NOUN = re.compile(r"\b(?:bodies|body|remains|deceased|fallen|corpses)\b")
TRANSFER_VERB = re.compile(
    r"\b(?:return\w*|handed over|hand over|handover|repatriat\w*|receiv\w*|reclaim\w*|taken back|took back)\b"
)
CAPTIVITY = re.compile(r"#[^.]*\bdied in captivity\b|\bdied in captivity\b[^.]*#")
HANDOVER_COUNT = re.compile(r"#\s+(?:[\w-]+\s+)?(?:repatriations|exchanges|swaps|handovers|rounds)\b")
EACH = re.compile(r"#(?:\s+[\w'-]+){0,3}\s+each\b")
AGREEMENT_WORD = re.compile(r"\b(?:deal|agreed|agreement|plans?|planned|stipulat\w*|goal|pledged?)\b")
AGREED_FIGURE = re.compile(
    r"\b(?:deal|agreed|agreement|plans?|planned|stipulat\w*|goal|pledged?)\b(?:\W+[\w'-]+){0,10}?\W+#|#[^.]*\bfuture\b"
)
CUMULATIVE = re.compile(
    r"\btotal of\b[^.]*\b(?:this|last|past) (?:week|month|year)\b|\bsince the (?:[\w'-]+ )?(?:invasion|war|conflict)\b"
    r"|\bso far\b|\bto date\b|\bcumulative\b"
)
TOTAL_CUE = re.compile(
    r"\b(?:russia and ukraine|ukraine and russia|kyiv and moscow|moscow and kyiv|both sides|both countries|in all"
    r"|combined|altogether|ukrainian and russian|russian and ukrainian)\b"
)
AUX = r"(?:\s+(?:has|have|had|also|then|reportedly|managed|to|will|would|is|was|later))*"  # "Russia has managed to receive"
TO_UKRAINE = [
    re.compile(r"#(?:\s+[\w'-]+){0,2}?\s+ukrainian\b"),
    re.compile(r"\bto (?:ukraine|kyiv)\b"),
    re.compile(r"\bfrom russia\w*"),
    re.compile(r"\bby russia\b"),
    re.compile(rf"\b(?:ukraine|kyiv){AUX}\s+(?:receiv|reclaim|recover|got\b|gets\b)\w*"),
    re.compile(rf"\b(?:russia|moscow){AUX}\s+(?:return|hand|repatriat|sent\b|transferr)\w*"),
]
TO_RUSSIA = [
    re.compile(r"#(?:\s+[\w'-]+){0,2}?\s+russian\b"),
    re.compile(r"\bin return\b"),
    re.compile(r"\bto (?:russia|moscow)\b"),
    re.compile(r"\b(?:from|by) ukraine\b"),
    re.compile(rf"\b(?:russia|moscow){AUX}\s+(?:receiv|taken back|took back|got\b|gets\b)\w*"),
    re.compile(rf"\b(?:ukraine|kyiv){AUX}\s+(?:return|hand|repatriat|sent\b|transferr)\w*"),
]
CASUALTY_CUES = [
    ("military_wounded", re.compile(r"\b(?:wounded|hurt|injured)\b")),
    ("deaths", re.compile(r"\b(?:killed|died|dead|perished|fatalit\w*|deaths?)\b")),
    ("military_losses", re.compile(r"\b(?:losses|casualties)\b")),
]
CIVILIANS = re.compile(r"\b(?:people|civilians?|residents|children|passengers)\b")
SOLDIERS = re.compile(r"\b(?:soldiers|troops|servicemen|service members|combatants|military)\b")
QUALIFIERS = [
    ("more_than", re.compile(r"\b(?:more than|over|above|in excess of|upwards of)\s*$")),
    ("at_least", re.compile(r"\bat least\s*$")),
    ("up_to", re.compile(r"\b(?:up to|as many as)\s*$")),
    ("fewer_than", re.compile(r"\b(?:fewer than|less than)\s*$")),
    ("approximately", re.compile(r"\b(?:some|about|around|approximately|roughly|nearly|almost|close to|estimated)\s*$")),
]
PHRASAL_OVER = re.compile(r"\b(?:hand|hands|handed|handing|turn|turns|turned|turning|take|takes|took|taken)\s+over\s*$")
UNIT_WORDS = re.compile(
    r"\b(bodies|remains|soldiers|people|repatriations|losses|combatants|service members|individuals|prisoners|civilians)\b"
)
COUNTED_AFTER = re.compile(rf"\s+(?:[\w'-]+\s+){{0,2}}?{UNIT_WORDS.pattern}")  # "2000 Ukrainian soldiers": no year
YEAR = re.compile(r"(?:19|20)\d\d")
AGE_BEFORE = re.compile(r"\b(?:aged|age of|ages of)\s+(?:under\s+|over\s+|between\s+)?$")
AGE_AFTER = re.compile(r"^[\s-]+years?[\s-]+old\b")
DURATION_AFTER = re.compile(r"^-(?:year|month|week|day|hour)\b")
THE_TWO = re.compile(r"\b(?:the|both)\s+$")
PARTIES_AFTER = re.compile(r"^\s+(?:countries|nations|sides|states|parties|governments)\b")

# Who says it: groups that are not curated officials.
WHO = (
    r"(?:officials|authorities|sources) in [A-Z][\w’'-]+"
    r"|(?:(?:Ukrainian|Russian|Ukraine[’']s|Russia[’']s|Kyiv[’']s|Moscow[’']s|Kremlin)\s+)?"
    r"(?:officials|authorities|spokesperson|spokesman|spokeswoman)"
    r"|the Kremlin|Kyiv|Moscow|Ukraine|Russia"
)
SPEECH = (
    r"(?i:said|says|stated|states|confirmed|confirms|announced|announces|revealed|reveals|reported|claimed|claims"
    r"|told|described|noted)"
)
GROUP_ATTRIBUTION = [
    re.compile(rf"\baccording to (?P<who>{WHO})\b"),
    re.compile(rf"\b(?P<who>{WHO})\s+(?:has\s+|have\s+|had\s+)?(?:also\s+|initially\s+)?{SPEECH}\b"),
    re.compile(rf"\b{SPEECH}\s+(?:by\s+)?(?P<who>{WHO})\b"),
    re.compile(r"\b(?P<who>(?:[Ii]ndependent |[Pp]ublic |[Ww]estern |[Mm]edia )?(?:reports|estimates|records))\s+"
               r"(?:suggest|indicate|place|put|show|say)\w*"),
]
ANAPHORA = [
    ("person", re.compile(r"^(?:He|She)\b")),
    ("body", re.compile(r"^(?:It|They|The (?:[\w’'-]+ )?(?:agency|body|ministry|headquarters|centre|center|office))\b")),
]
ACCORDING_TO = re.compile(r"^According to\b")
TITLE_STOP = {"the", "a", "an", "in", "on", "at", "according", "to", "by", "as", "while", "and", "that", "but",
              "said", "says", "however", "meanwhile", "also", "with"}
FUZZY_MIN_CHARS = 25  # shorter names and titles must match exactly: fuzzy matching short strings finds anything
FUZZY_CUTOFF = 82.0
LONG_SENTENCE = 160  # characters; a longer sentence is quoted by the clause holding the figure
SHORT_CLAUSE = 30  # ... unless that clause is shorter than this
CLOSE = 0.005  # two figures within 0.5% of each other are "close" (1,000 and 1,003; not 1,200 and 1,212)
SENTENCE_END = re.compile(r"[.!?][\"”’)]*(?=\s+[\"“‘(\[A-Z0-9-])")
CLAUSE_BREAK = re.compile(r",\s+|;\s+|:\s+|\s*[—–]\s*|\s+-\s+")
BULLET = re.compile(r"[-•*]\s+")  # use with .match: a list bullet at the start of a line
WORD = re.compile(r"[\w’'-]+")
HEADLINE_SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"}
CREDIT_PUBLISHER = re.compile(r"written by the (?:team|staff|editors|editorial team|newsroom) (?:of|at) (?P<pub>.+?)\.?\s*$")
DATE_CUE = re.compile(
    r"\b(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)(?: \d{4})?"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(?:this|last|next|previous) (?:week|month|year)"
    r"|earlier this (?:week|month|year)|(?:19|20)\d\d|\w+[- ]year|\w+ anniversary)\b"
)
REVIEW_STEPS = """\
# DRAFT curation of raw/{raw}, written by `python build.py suggest`.
# Nothing in it has been checked by a person, and the build refuses it until it
# says `reviewed: true`. To review it, open the article beside this file and:
#   1. For every claim: is the number a figure the article claims? Shorten the
#      quote to the words that make the claim (verbatim; `occurrence: N` when the
#      words appear more than once). Check metric, qualifier, value (and
#      value_high), unit, side, attributed_to / official_id (as written),
#      exchange_id and agreement_id; add as_of / period_* for running totals.
#      Delete claims that are not claims, or move them to not_claims with a reason.
#   2. Check every not_claims entry marked UNPLACED: make a claim of any real
#      figure, and replace "UNPLACED: ..." with your reason for the others.
#   3. Add the statements the article makes without a figure (metric: statement).
#   4. Title, publisher, byline and the publication window come only from the
#      article's own words; fill published_earliest/latest and published_basis.
#   5. Check `names:` (one entry per way the article names a curated official);
#      add any new official to curation/officials.yml, any new handover to
#      curation/exchanges.yml.
#   6. Replace every "DRAFT: ..." note with your own note, or delete it.
#   7. Set `reviewed: true` and run `python build.py`.
"""


# ---------------------------------------------------------------------------
# What the project already knows


@dataclass(frozen=True)
class Variant:
    """One way an official has been named: a name, an as-written form or a title."""

    official_id: str
    text: str

    @property
    def fuzzy(self) -> bool:
        return len(self.text) >= FUZZY_MIN_CHARS


@dataclass
class Known:
    officials: dict[str, Mapping]
    variants: list[Variant]
    title_words: dict[str, set[str]]
    exchange_values: dict[str, dict[str, set[int]]]
    exchange_claims: dict[tuple[str, str], set[str]]
    agreements: list[Mapping]
    source_ids: set[str]
    claim_ids: set[str]


EXCHANGE_DIRECTIONS = {"bodies_to_ukraine": "to_ukraine", "bodies_to_russia": "to_russia", "bodies_total": "total"}


def fold(text: str) -> str:
    """Lower case with straight apostrophes and quotes, keeping every offset where it was."""
    folded = text.lower().translate(str.maketrans("’‘“”", "''\"\""))
    return folded if len(folded) == len(text) else text


def is_distinctive(text: str) -> bool:
    """A name worth looking for: a capitalised word beyond the first ("The agency" is not)."""
    words = text.split()
    return (len(words) == 1 and text[:1].isupper()) or any(w[:1].isupper() for w in words[1:])


def official_variants(officials: list[Mapping], sources: list[SourceCuration]) -> list[Variant]:
    variants = set()
    for official in officials:
        variants.add(Variant(official["official_id"], official["name"]))
        if official.get("kind") == "person":
            variants.add(Variant(official["official_id"], official["name"].split()[-1]))
    for source in sources:
        for name in source.names:
            for text in (name["as_written"], name.get("title")):
                if text and is_distinctive(text):
                    variants.add(Variant(name["official_id"], text))
    return sorted(variants, key=lambda v: (-len(v.text), v.official_id, v.text))


def title_vocabulary(sources: list[SourceCuration]) -> dict[str, set[str]]:
    words: dict[str, set[str]] = {}
    for source in sources:
        for name in source.names:
            if name.get("title"):
                words.setdefault(name["official_id"], set()).update(fold(name["title"]).split())
    return words


def recorded_exchange_figures(
    sources: list[SourceCuration],
) -> tuple[dict[str, dict[str, set[int]]], dict[tuple[str, str], set[str]]]:
    """exchange -> direction -> figures other sources give, and (exchange, direction) -> the claims giving them."""
    values: dict[str, dict[str, set[int]]] = {}
    claims: dict[tuple[str, str], set[str]] = {}
    for source in sources:
        for claim in source.claims:
            direction = EXCHANGE_DIRECTIONS.get(claim["metric"])
            if claim.get("exchange_id") and direction and claim.get("value") is not None:
                values.setdefault(claim["exchange_id"], {}).setdefault(direction, set()).add(claim["value"])
                claims.setdefault((claim["exchange_id"], direction), set()).add(claim["claim_id"])
    return values, claims


def load_known(project: Project, raw_name: str) -> Known:
    """Everything curated so far, leaving out any curation of this very article."""
    curation = load_curation(project)
    others = [s for s in curation.sources if s.data["raw"] != raw_name]
    values, exchange_claims = recorded_exchange_figures(others)
    return Known(
        officials={o["official_id"]: o for o in curation.officials},
        variants=official_variants(curation.officials, others),
        title_words=title_vocabulary(others),
        exchange_values=values,
        exchange_claims=exchange_claims,
        agreements=curation.agreements,
        source_ids={s.source_id for s in others},
        claim_ids={c["claim_id"] for s in others for c in s.claims},
    )


# ---------------------------------------------------------------------------
# Sentences, clauses and the words around a figure


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int  # offsets in the normalised text
    end: int


def sentence_spans_in_line(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    piece_start = start
    for boundary in SENTENCE_END.finditer(text, start, end):
        yield piece_start, boundary.end()
        piece_start = boundary.end()
    yield piece_start, end


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without surrounding blanks or a list bullet."""
    while start < end and text[start].isspace():
        start += 1
    if bullet := BULLET.match(text, start, end):
        start = bullet.end()
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    for line in re.finditer(r"[^\n]+", text):
        for a, b in sentence_spans_in_line(text, line.start(), line.end()):
            start, end = trimmed(text, a, b)
            if start < end:
                sentences.append(Sentence(len(sentences), start, end))
    return sentences


def sentence_at(sentences: list[Sentence], offset: int) -> Sentence:
    return next(s for s in sentences if s.start <= offset < s.end)


def clause_bounds(text: str, sentence: Sentence, start: int, end: int) -> tuple[int, int]:
    """The part of the sentence between the commas, colons or dashes around [start, end)."""
    left, right = sentence.start, sentence.end
    for brk in CLAUSE_BREAK.finditer(text, sentence.start, sentence.end):
        if brk.end() <= start:
            left = brk.end()
        elif brk.start() >= end:
            right = brk.start()
            break
    return left, right


@dataclass
class Figure:
    number: Number
    sentence: Sentence
    high: Number | None = None  # the upper end of "between X and Y"

    @property
    def start(self) -> int:
        return self.number.start

    @property
    def end(self) -> int:
        return (self.high or self.number).end


@dataclass(frozen=True)
class Context:
    """The words around a figure, folded, with the figure itself written '#'."""

    text: str  # the clause, cut at neighbouring figures
    at: int  # where '#' stands in text
    sentence: str  # the whole sentence, same convention

    @classmethod
    def around(cls, text: str, figure: Figure, neighbours: list[Figure]) -> Context:
        left, right = clause_bounds(text, figure.sentence, figure.start, figure.end)
        for other in neighbours:
            if left <= other.end <= figure.start:
                left = other.end
            if figure.end <= other.start < right:
                right = other.start
        before, after = fold(text[left : figure.start]), fold(text[figure.end : right])
        s = figure.sentence
        sentence = fold(text[s.start : figure.start]) + "#" + fold(text[figure.end : s.end])
        return cls(before + "#" + after, len(before), sentence)


@dataclass(frozen=True)
class Cue:
    label: str
    words: str


def shown(match: re.Match[str]) -> str:
    """Matched words for a note, the figure written N."""
    return match.group().strip().replace("#", "N")


def distance(match: re.Match[str], at: int) -> int:
    if match.start() <= at < match.end():
        return 0
    return min(abs(match.start() - at), abs(match.end() - at))


def nearest(patterns: Iterable[tuple[str, re.Pattern[str]]], context: Context) -> Cue | None:
    """The labelled pattern matching closest to the figure."""
    best: tuple[int, Cue] | None = None
    for label, pattern in patterns:
        for match in pattern.finditer(context.text):
            d = distance(match, context.at)
            if best is None or d < best[0]:
                best = (d, Cue(label, shown(match)))
    return best[1] if best else None


# ---------------------------------------------------------------------------
# Guessing what a figure measures


@dataclass(frozen=True)
class Guess:
    value: str
    why: str


def direction_of(context: Context) -> Cue | None:
    """to_ukraine, to_russia or total, from the words nearest the figure."""
    if total := TOTAL_CUE.search(context.text):
        return Cue("total", total.group())
    patterns = [("to_ukraine", p) for p in TO_UKRAINE] + [("to_russia", p) for p in TO_RUSSIA]
    return nearest(patterns, context)


def agreed_metric(context: Context, cue: str) -> Guess:
    direction = direction_of(context)
    if direction and direction.label == "to_ukraine":
        return Guess("agreed_bodies_to_ukraine", f'agreed from "{cue}", to Ukraine from "{direction.words}"')
    return Guess("agreed_bodies_total", f'agreed from "{cue}", both directions together (no single direction stated)')


def bodies_metric(context: Context) -> Guess:
    if (each := EACH.search(context.text)) and AGREEMENT_WORD.search(context.sentence):
        return Guess("agreed_bodies_per_side", f'"{shown(each)}" under a deal')
    if agreed := AGREED_FIGURE.search(context.text):
        return agreed_metric(context, shown(agreed))
    direction = direction_of(context)
    if (running := CUMULATIVE.search(context.text)) and not (direction and direction.label == "to_russia"):
        return Guess("cumulative_bodies_to_ukraine", f'running total from "{shown(running)}"')
    if direction is None:
        return Guess("bodies_to_ukraine", "no direction stated near the figure: guessed to Ukraine")
    metric = {"to_ukraine": "bodies_to_ukraine", "to_russia": "bodies_to_russia", "total": "bodies_total"}
    return Guess(metric[direction.label], f'direction from "{direction.words}"')


def casualty_metric(context: Context, cue: Cue) -> Guess:
    if cue.label != "deaths":
        return Guess(cue.label, f'from "{cue.words}"')
    if CIVILIANS.search(context.text) and not SOLDIERS.search(context.text):
        return Guess("civilian_deaths", f'from "{cue.words}" about people, not soldiers')
    return Guess("military_deaths", f'from "{cue.words}"')


def guess_metric(context: Context) -> Guess | None:
    if captivity := CAPTIVITY.search(context.text):
        return Guess("died_in_captivity", f'from "{shown(captivity)}"')
    if count := HANDOVER_COUNT.search(context.text):
        return Guess("repatriation_count", f'from "{shown(count)}"')
    if BODY_NOUN.search(context.text):
        return bodies_metric(context)
    if casualty := nearest(CASUALTY_CUES, context):
        return casualty_metric(context, casualty)
    if TRANSFER_VERB.search(context.text):
        return bodies_metric(context)
    return None


def guess_qualifier(text: str, figure: Figure) -> Guess:
    if figure.high:
        return Guess("range", f'"between {figure.number.as_written} and {figure.high.as_written}"')
    before = fold(text[max(figure.sentence.start, figure.start - 40) : figure.start]).replace('"', "")
    for qualifier, pattern in QUALIFIERS:
        if (found := pattern.search(before)) and not PHRASAL_OVER.search(before):
            return Guess(qualifier, f'"{found.group().strip()}"')
    return Guess("exact", "no hedge word before it")


def guess_unit(context: Context) -> str | None:
    """What is counted: "bodies of N soldiers" and "N soldiers' bodies" count bodies, else the noun after N."""
    if of := re.search(r"\b(bodies|remains) of (?:the )?#|#(?:\s+[\w'-]+){0,2}?\s+(bodies|remains)\b", context.text):
        return of.group(1) or of.group(2)
    if after := UNIT_WORDS.search(context.text, context.at, context.at + 40):
        return after.group(1)
    return None


# ---------------------------------------------------------------------------
# Numbers that are not figures


def unplaced_reason(text: str, number: Number) -> str | None:
    before, after = fold(text[max(0, number.start - 40) : number.start]), fold(text[number.end : number.end + 40])
    if number.integer is None:
        return f"UNPLACED: {number.as_written!r} is not a whole number; a claim's value must be one"
    if number.ordinal:
        return f"UNPLACED: an ordinal ({number.as_written!r}) ranks something, it counts nothing"
    if number.kind == "digits" and YEAR.fullmatch(number.as_written) and not COUNTED_AFTER.match(after):
        return "UNPLACED: a year"
    if number.value == 1 and re.match(r"\s+of\b", after):
        return "UNPLACED: \"one of ...\" is not a figure"
    if number.kind == "words" and number.as_written.lower().endswith("s"):
        return f"UNPLACED: {number.as_written!r} is a vague quantity or a plural word, not a figure"
    if DURATION_AFTER.match(after):
        return "UNPLACED: a duration (\"four-year\"), not a count"
    if AGE_BEFORE.search(before) or AGE_AFTER.match(after):
        return "UNPLACED: an age"
    if number.value == 2 and THE_TWO.search(before) and PARTIES_AFTER.match(after):
        return "UNPLACED: \"the two ...\" names the two sides, it is not a figure"
    return None


@dataclass(frozen=True)
class Unplaced:
    number: Number  # offsets in the normalised text
    reason: str


@dataclass(frozen=True)
class NotClaim:
    """A not_claims entry as the draft writes it."""

    number: str
    near: str
    reason: str
    line: int  # in the raw article


def near_words(text: str, start: int, end: int, width: int = 40) -> str:
    """The words around [start, end), verbatim and within its line, cut at spaces."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_end == -1:
        line_end = len(text)
    cut = text.rfind(" ", line_start, max(line_start, start - width))
    left = cut + 1 if cut != -1 else line_start
    cut = text.find(" ", min(line_end, end + width), line_end)
    right = cut if cut != -1 else line_end
    return text[left:right].strip()


# ---------------------------------------------------------------------------
# Officials and who says what


@dataclass(frozen=True)
class Mention:
    official_id: str
    start: int  # as written, title included
    name_start: int  # where the matched name begins
    end: int
    sentence: int
    kind: str


def exact_hits(folded: str, variant: Variant, offset: int) -> Iterator[tuple[int, int, float]]:
    pattern = re.compile(rf"(?<![\w’']){re.escape(fold(variant.text))}(?![\w’'])")
    for match in pattern.finditer(folded):
        yield offset + match.start(), offset + match.end(), 100.0


def best_word_span(text: str, sentence: Sentence, name: str, start: int, end: int) -> tuple[int, int, float]:
    """Move each end of an approximate match by up to a word, keeping the span most like the name."""
    words = [(m.start(), m.end()) for m in WORD.finditer(text, sentence.start, sentence.end)]
    inside = [i for i, (a, b) in enumerate(words) if a < end and start < b]
    if not inside:
        return start, end, 0.0
    first, last = inside[0], inside[-1]
    best = (start, end, 0.0)
    for i in range(max(0, first - 1), min(len(words), first + 2)):
        for j in range(max(i, last - 1), min(len(words), last + 2)):
            a, b = words[i][0], words[j][1]
            score = fuzz.ratio(name, fold(text[a:b]))
            if score > best[2]:
                best = (a, b, score)
    return best


def fuzzy_hit(text: str, folded: str, variant: Variant, sentence: Sentence) -> tuple[int, int, float] | None:
    name = fold(variant.text)
    if len(folded) < len(name):  # partial_ratio would look for the sentence inside the name
        return None
    found = fuzz.partial_ratio_alignment(name, folded, score_cutoff=FUZZY_CUTOFF)
    if not found:
        return None
    start, end, _ = best_word_span(text, sentence, name, sentence.start + found.dest_start, sentence.start + found.dest_end)
    return (start, end, found.score) if start < end else None


def hits_in_sentence(text: str, sentence: Sentence, known: Known) -> list[tuple[int, int, float, str]]:
    folded = fold(text[sentence.start : sentence.end])
    hits = []
    for variant in known.variants:
        exact = list(exact_hits(folded, variant, sentence.start))
        if not exact and variant.fuzzy and (fuzzy := fuzzy_hit(text, folded, variant, sentence)):
            exact = [fuzzy]
        hits += [(start, end, score, variant.official_id) for start, end, score in exact]
    return hits


def non_overlapping(hits: list[tuple[int, int, float, str]]) -> list[tuple[int, int, float, str]]:
    """The best hits (exact first, then longest), without two claiming the same words."""
    chosen: list[tuple[int, int, float, str]] = []
    for hit in sorted(hits, key=lambda h: (-h[2], h[0] - h[1], h[0])):
        if all(hit[1] <= c[0] or c[1] <= hit[0] for c in chosen):
            chosen.append(hit)
    return sorted(chosen)


def title_start(text: str, sentence: Sentence, name_start: int, words: set[str]) -> int:
    """Extend a person's name leftwards over a title ("Moscow's chief negotiator Vladimir Medinsky")."""
    start = name_start
    for word in reversed(list(WORD.finditer(text, sentence.start, name_start))):
        if text[word.end() : start].strip():
            break
        folded = fold(word.group())
        if folded in words or (word.group()[:1].isupper() and folded not in TITLE_STOP):
            start = word.start()
        else:
            break
    return start


def find_mentions(text: str, sentences: list[Sentence], known: Known) -> list[Mention]:
    mentions = []
    for sentence in sentences:
        for start, end, _, official_id in non_overlapping(hits_in_sentence(text, sentence, known)):
            kind = known.officials[official_id].get("kind") or "body"
            words = known.title_words.get(official_id, set())
            begin = title_start(text, sentence, start, words) if kind == "person" else start
            mentions.append(Mention(official_id, begin, start, end, sentence.index, kind))
    return mentions


@dataclass(frozen=True)
class Attribution:
    attributed_to: str | None
    official_id: str | None
    side: str
    why: str


MEDIA = Attribution(None, None, "media", "no attribution found: the outlet's own voice")


def side_of_group(who: str) -> str:
    folded = fold(who)
    if re.search(r"ukrain|kyiv", folded):
        return "ukraine"
    if re.search(r"russia|moscow|kremlin", folded):
        return "russia"
    return "media"


def official_attribution(text: str, mention: Mention, known: Known, why: str) -> Attribution:
    as_written = text[mention.start : mention.end]
    side = known.officials[mention.official_id].get("side") or "media"
    return Attribution(as_written, mention.official_id, side, why)


def nearest_mention(mentions: list[Mention], figure: Figure) -> Mention | None:
    here = [m for m in mentions if m.sentence == figure.sentence.index]
    return min(here, key=lambda m: min(abs(m.start - figure.end), abs(figure.start - m.end)), default=None)


def group_attribution(text: str, figure: Figure) -> Attribution | None:
    s = figure.sentence
    found = [m for pattern in GROUP_ATTRIBUTION for m in pattern.finditer(text, s.start, s.end)]
    if not found:
        return None
    best = min(found, key=lambda m: min(abs(m.start() - figure.end), abs(figure.start - m.end())))
    who = best.group("who")
    return Attribution(who, None, side_of_group(who), f'attributed from "{best.group().strip()}"')


@dataclass(frozen=True)
class Antecedent:
    mention: Mention
    phrase: str | None  # "The Ukrainian agency", the words standing for it; None for "He", "She"


def antecedent(text: str, figure: Figure, sentences: list[Sentence], mentions: list[Mention]) -> Antecedent | None:
    """The official a sentence opening "He ..." or "The agency ..." refers back to, or one that
    "According to X, ..." in the previous sentence introduces."""
    s = figure.sentence
    opening = text[s.start : s.end]
    for kind, pattern in ANAPHORA:
        if found := pattern.match(opening):
            earlier = [m for m in mentions if s.index - 3 <= m.sentence < s.index and m.kind == kind]
            phrase = found.group() if " " in found.group() else None
            return Antecedent(earlier[-1], phrase) if earlier else None
    if s.index > 0 and ACCORDING_TO.match(text[sentences[s.index - 1].start : sentences[s.index - 1].end]):
        earlier = [m for m in mentions if m.sentence == s.index - 1]
        return Antecedent(earlier[0], None) if earlier else None
    return None


def attribute(text: str, figure: Figure, sentences: list[Sentence], mentions: list[Mention], known: Known) -> Attribution:
    if mention := nearest_mention(mentions, figure):
        return official_attribution(text, mention, known, f'attributed to "{text[mention.name_start : mention.end]}"')
    if group := group_attribution(text, figure):
        return group
    if earlier := antecedent(text, figure, sentences, mentions):
        name = text[earlier.mention.start : earlier.mention.end]
        found = official_attribution(text, earlier.mention, known, f'attributed to "{name}" named in an earlier sentence')
        return Attribution(earlier.phrase or found.attributed_to, found.official_id, found.side, found.why)
    return MEDIA


# ---------------------------------------------------------------------------
# Draft claims


@dataclass
class DraftClaim:
    figure: Figure
    metric: Guess
    qualifier: Guess
    attribution: Attribution
    unit: str | None
    quote: str
    quote_start: int  # in the raw article
    occurrence: int | None
    line: int
    claim_id: str = ""
    exchange: Guess | None = None
    agreement_id: str | None = None

    @property
    def value(self) -> int:
        return self.figure.number.integer or 0  # figures are whole numbers: see unplaced_reason

    @property
    def value_high(self) -> int | None:
        return self.figure.high.integer if self.figure.high else None

    @property
    def direction(self) -> str | None:
        return EXCHANGE_DIRECTIONS.get(self.metric.value)

    def claims_number(self, number: Number, raw_start: int) -> bool:
        """Whether the build counts this number as this claim's figure (in its quote, of its value)."""
        inside = self.quote_start <= raw_start and raw_start + len(number.as_written) <= self.quote_start + len(self.quote)
        return inside and number.integer in (self.value, self.value_high)

    def record(self) -> dict[str, Any]:
        """The claim as curation/sources/*.yml writes it, keys in the usual order."""
        notes = [f"metric {self.metric.why}", f"qualifier {self.qualifier.why}", self.attribution.why]
        if self.exchange:
            notes.append(self.exchange.why)
        return {
            "claim_id": self.claim_id,
            "exchange_id": self.exchange.value if self.exchange and self.exchange.value else None,
            "agreement_id": self.agreement_id,
            "official_id": self.attribution.official_id,
            "attributed_to": self.attribution.attributed_to,
            "side": self.attribution.side,
            "metric": self.metric.value,
            "value": self.value,
            "value_high": self.value_high,
            "qualifier": self.qualifier.value,
            "unit": self.unit,
            "quote": self.quote,
            "occurrence": self.occurrence,
            "notes": "DRAFT: " + "; ".join(notes) + ". Check it against the article.",
        }


def quote_span(text: str, figure: Figure) -> tuple[int, int]:
    """The sentence around a figure; only its clause when the sentence is long and the clause is not tiny."""
    s = figure.sentence
    if s.end - s.start <= LONG_SENTENCE:
        return s.start, s.end
    start, end = clause_bounds(text, s, figure.start, figure.end)
    return (start, end) if end - start >= SHORT_CLAUSE else (s.start, s.end)


def verbatim_quote(norm: Normalised, start: int, end: int) -> tuple[int, str, int | None]:
    """Where the quote starts in the raw article, its words there, and which occurrence it is."""
    raw_start = norm.raw_offset(start)
    quote = norm.raw_text[raw_start : raw_start + end - start]
    if quote != norm.text[start:end]:
        raise BuildError("raw text", "normalisation changed words inside a line; the draft cannot quote it")
    starts = [m.start() for m in re.finditer(re.escape(quote), norm.raw_text)]
    occurrence = starts.index(raw_start) + 1 if len(starts) > 1 else None
    return raw_start, quote, occurrence


def range_end(text: str, number: Number, following: Number | None) -> Number | None:
    """The Y of "between X and Y", when number is the X."""
    if following is None or not re.search(r"\bbetween\s+$", text[max(0, number.start - 20) : number.start]):
        return None
    return following if re.fullmatch(r"\s+(?:and|to)\s+", text[number.end : following.start]) else None


def figures_in(text: str, sentences: list[Sentence]) -> tuple[list[Figure], list[Unplaced]]:
    """Every number either becomes a candidate figure or is set aside with the reason."""
    numbers = numbers_in(text)
    figures: list[Figure] = []
    unplaced: list[Unplaced] = []
    skip: set[int] = set()
    for i, number in enumerate(numbers):
        if i in skip:
            continue
        if reason := unplaced_reason(text, number):
            unplaced.append(Unplaced(number, reason))
            continue
        following = numbers[i + 1] if i + 1 < len(numbers) else None
        high = range_end(text, number, following)
        if high:
            skip.add(i + 1)
        figures.append(Figure(number, sentence_at(sentences, number.start), high))
    return figures, unplaced


def draft_claims(norm: Normalised, known: Known) -> tuple[list[DraftClaim], list[Unplaced], list[Mention]]:
    text = norm.text
    sentences = split_sentences(text)
    figures, unplaced = figures_in(text, sentences)
    mentions = find_mentions(text, sentences, known)
    claims = []
    for figure in figures:
        context = Context.around(text, figure, [f for f in figures if f is not figure])
        metric = guess_metric(context)
        if metric is None:
            reason = "UNPLACED: no metric recognised near it; make it a claim if it is a figure"
            unplaced += [Unplaced(n, reason) for n in (figure.number, figure.high) if n]
            continue
        quote_start, quote, occurrence = verbatim_quote(norm, *quote_span(text, figure))
        claims.append(
            DraftClaim(
                figure=figure,
                metric=metric,
                qualifier=guess_qualifier(text, figure),
                attribution=attribute(text, figure, sentences, mentions, known),
                unit=guess_unit(context),
                quote=quote,
                quote_start=quote_start,
                occurrence=occurrence,
                line=norm.raw_text.count("\n", 0, quote_start) + 1,
            )
        )
    return claims, unplaced, mentions


# ---------------------------------------------------------------------------
# Exchanges and agreements


def is_close(a: int, b: int) -> bool:
    return a == b or abs(a - b) <= CLOSE * max(a, b)


def contradicted(figures: dict[str, list[DraftClaim]], recorded: dict[str, set[int]], own: str) -> bool:
    """The article gives a figure in another direction and none matches what the exchange records."""
    for direction, claims in figures.items():
        if direction != own and direction in recorded:
            if not any(is_close(c.value, v) for c in claims for v in recorded[direction]):
                return True
    return False


def support(claim: DraftClaim, figures: dict[str, list[DraftClaim]], recorded: dict[str, set[int]]) -> float:
    """How strongly the article's other-direction figures back an exchange: nearer sentences count more."""
    best = 0.0
    for direction, claims in figures.items():
        if direction == claim.direction or direction not in recorded:
            continue
        for other in claims:
            if any(is_close(other.value, v) for v in recorded[direction]):
                gap = abs(other.figure.sentence.index - claim.figure.sentence.index)
                best = max(best, 1 / (1 + gap))
    return best


def exchange_score(claim: DraftClaim, recorded: dict[str, set[int]], figures: dict[str, list[DraftClaim]]) -> float:
    own = recorded.get(claim.direction or "", set())
    if claim.value in own:
        score = 2.0
    elif any(is_close(claim.value, v) for v in own):
        score = 1.0
    else:
        return 0.0
    if contradicted(figures, recorded, claim.direction or ""):
        return 0.0
    return score + support(claim, figures, recorded)


def guess_exchange(claim: DraftClaim, figures: dict[str, list[DraftClaim]], known: Known) -> Guess:
    scores = {ex: exchange_score(claim, rec, figures) for ex, rec in known.exchange_values.items()}
    ranked = sorted(((s, ex) for ex, s in scores.items() if s > 0), reverse=True)
    if not ranked:
        return Guess("", "exchange left empty: no curated exchange has this figure (add one to exchanges.yml?)")
    if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
        tied = ", ".join(ex for s, ex in ranked if s == ranked[0][0])
        return Guess("", f"exchange left empty: as likely {tied}")
    best = ranked[0][1]
    backers = ", ".join(sorted(known.exchange_claims.get((best, claim.direction or ""), set()))[:3])
    return Guess(best, f"exchange {best}: the same or a close figure in {backers}")


def assign_exchanges(claims: list[DraftClaim], known: Known) -> None:
    figures: dict[str, list[DraftClaim]] = {}
    for claim in claims:
        if claim.direction:
            figures.setdefault(claim.direction, []).append(claim)
    for claim in claims:
        if claim.direction:
            claim.exchange = guess_exchange(claim, figures, known)
    main = Counter(c.exchange.value for c in claims if c.exchange and c.exchange.value).most_common(2)
    for claim in claims:
        if claim.metric.value == "died_in_captivity" and main and (len(main) == 1 or main[0][1] > main[1][1]):
            claim.exchange = Guess(main[0][0], f"exchange {main[0][0]}: the one most of the article's figures match")


def assign_agreements(claims: list[DraftClaim], text: str, known: Known) -> None:
    """An agreed_* figure gets the one curated agreement whose place the article names."""
    named = [
        a["agreement_id"]
        for a in known.agreements
        if any(re.search(rf"\b{re.escape(place)}\b", text) for place in re.split(r",\s*", a.get("place") or "") if place)
    ]
    if len(named) == 1:
        for claim in claims:
            if claim.metric.value.startswith("agreed_"):
                claim.agreement_id = named[0]


# ---------------------------------------------------------------------------
# Ids


def slug(text: str, words: int = 5) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"(?<=\d),(?=\d)", "", ascii_text.lower())
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text)[:words])


def unique(candidate: str, taken: set[str]) -> str:
    name, n = candidate, 2
    while name in taken:
        name, n = f"{candidate}-{n}", n + 1
    taken.add(name)
    return name


def suggest_source_id(stem: str, label: str, taken: set[str]) -> str:
    """s<number of the raw file>-<first words of the headline>, e.g. s005-russia-returns-1000-bodies."""
    digits = re.match(r"\d+", stem)
    prefix = f"s{digits.group()}" if digits else slug(stem, 4) or "source"
    words = slug(label)
    return unique(f"{prefix}-{words}" if words else prefix, set(taken))


def assign_claim_ids(claims: list[DraftClaim], source_id: str, taken: set[str]) -> None:
    prefix = source_id.split("-")[0] if re.fullmatch(r"s\d+", source_id.split("-")[0]) else source_id
    used = set(taken)
    for claim in claims:
        claim.claim_id = unique(f"{prefix}-{claim.value}", used)


# ---------------------------------------------------------------------------
# Title, byline, publisher


def looks_like_headline(line: str) -> bool:
    """Short, no full stop at the end, and most longer words capitalised."""
    line = line.strip()
    if not 10 <= len(line) <= 200 or line.endswith((".", ",", ";", ":")):
        return False
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", line) if w.lower() not in HEADLINE_SMALL_WORDS]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def guess_title(norm: Normalised) -> Guess | None:
    first = norm.text.split("\n", 1)[0]
    if looks_like_headline(first):
        return Guess(first.strip(), "the first line reads like a headline")
    for removal in norm.removals:
        if removal.rule == "repeated_headline" and looks_like_headline(removal.text):
            return Guess(removal.text.strip(), "the line printed twice reads like a headline")
    return None


@dataclass(frozen=True)
class Credit:
    byline: str | None
    publisher: str | None
    basis: str
    comment: str


def credit_from_line(line: str) -> Credit:
    byline = re.sub(r"^[^\w]+", "", line.strip())
    if publisher := CREDIT_PUBLISHER.search(byline):
        pub = publisher.group("pub").strip()
        return Credit(byline, pub, f'Credit line: "{byline}"', "DRAFT: publisher taken from the credit line")
    basis = f'Credit line: "{byline}", which names no publisher, so the publisher is left empty.'
    return Credit(byline, None, basis, "DRAFT: the credit line names no publisher; check it")


def credit_from_byline(line: str) -> Credit:
    byline = line.strip()
    if bullet := BULLET.match(byline):
        byline = byline[bullet.end() :]
    parts = [p.strip() for p in byline.split(",")]
    if len(parts) >= 2 and parts[-1]:
        comment = "DRAFT: publisher guessed as the byline's last part; check that it is the outlet"
        return Credit(byline, parts[-1], f'Byline: "{byline}".', comment)
    basis = f'Byline: "{byline}", which names an author only, so the publisher is left empty.'
    return Credit(byline, None, basis, "DRAFT: the byline names no outlet; check the article")


def guess_credit(norm: Normalised) -> Credit:
    for rule, reader in (("credit_line", credit_from_line), ("byline", credit_from_byline)):
        for removal in norm.removals:
            if removal.rule == rule:
                return reader(removal.text.split("\n")[0])
    basis = "The article carries no credit line, masthead or byline, so the publisher is left empty."
    return Credit(None, None, basis, "DRAFT: no credit line or byline found; never invent a publisher")


# ---------------------------------------------------------------------------
# Writing the YAML


def scalar(value: Any) -> str:
    """One YAML value on one line, quoted only when YAML needs it."""
    if value is None:
        return ""
    dumped = yaml.safe_dump(value, allow_unicode=True, width=1_000_000).removesuffix("\n").removesuffix("\n...")
    if "\n" in dumped:  # a value YAML would fold over lines: force one double-quoted line
        dumped = yaml.safe_dump(str(value), default_style='"', allow_unicode=True, width=1_000_000).strip()
    return dumped


def field_lines(record: dict[str, Any], indent: str, first: str = "") -> list[str]:
    lines = []
    for i, (key, value) in enumerate(record.items()):
        lead = first if i == 0 and first else indent
        lines.append(f"{lead}{key}: {scalar(value)}".rstrip())
    return lines


def one_line(text: str, limit: int = 100) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def removal_comments(norm: Normalised) -> list[str]:
    if not norm.removals:
        return ["# Normalisation removed nothing from the raw text."]
    lines = [f"# Normalisation removed {len(norm.removals)} piece(s) of page furniture; no quote may come from them:"]
    for removal in norm.removals:
        line = norm.raw_text.count("\n", 0, removal.raw_start) + 1
        shown = f"{removal.text.count(chr(10))} line break(s)" if not removal.text.strip() else one_line(removal.text, 70)
        lines.append(f"#   line {line}, {removal.rule}: {shown}")
    return lines


def date_cue_comments(text: str, sentences: list[Sentence]) -> list[str]:
    cues = []
    for sentence in sentences:
        for cue in DATE_CUE.finditer(text, sentence.start, sentence.end):
            cues.append(f'#   "{near_words(text, cue.start(), cue.end(), 25)}"')
    if not cues:
        return ["# No date words found: say so in published_basis."]
    return ["# Words that may date the article (for published_earliest/latest; none is applied):", *dict.fromkeys(cues)]


def names_lines(text: str, mentions: list[Mention]) -> list[str]:
    lines, seen = ["names:"], set()
    for mention in mentions:
        as_written = text[mention.start : mention.end]
        if (mention.official_id, as_written) in seen:
            continue
        seen.add((mention.official_id, as_written))
        title = text[mention.start : mention.name_start].strip() or None
        record = {"official_id": mention.official_id, "as_written": as_written} | ({"title": title} if title else {})
        lines += field_lines(record, "    ", "  - ")
    return lines if len(lines) > 1 else ["names: []"]


def claims_lines(claims: list[DraftClaim]) -> list[str]:
    if not claims:
        return ["claims: []"]
    lines = ["claims:"]
    for n, claim in enumerate(claims, 1):
        record = {k: v for k, v in claim.record().items() if v is not None or k in ("exchange_id", "official_id")}
        lines += ["", f"  # DRAFT {n} of {len(claims)}, raw line {claim.line}: {claim.figure.number.as_written}"]
        lines += field_lines(record, "    ", "  - ")
    return lines


def not_claims_lines(unplaced: list[NotClaim]) -> list[str]:
    if not unplaced:
        return ["not_claims: []"]
    lines = [
        "# UNPLACED: numbers the draft could not place. Make a claim of any that is a figure;",
        "# for the others, replace UNPLACED with your reason.",
        "not_claims:",
    ]
    for entry in unplaced:
        lines.append(f"  # UNPLACED, raw line {entry.line}: check it")
        lines += field_lines({"number": entry.number, "near": entry.near, "reason": entry.reason}, "    ", "  - ")
    return lines


@dataclass
class Draft:
    raw_name: str
    sha256: str
    source_id: str
    title: Guess | None
    credit: Credit
    norm: Normalised
    sentences: list[Sentence]
    claims: list[DraftClaim]
    unplaced: list[NotClaim]
    mentions: list[Mention] = field(default_factory=list)

    def yaml(self) -> str:
        lines = REVIEW_STEPS.format(raw=self.raw_name).splitlines()
        lines += ["#", *removal_comments(self.norm), "#", *date_cue_comments(self.norm.text, self.sentences), ""]
        lines += [f"source_id: {scalar(self.source_id)}", f"raw: {scalar(self.raw_name)}"]
        lines += [f"sha256: {self.sha256}", "reviewed: false"]
        if self.title:
            lines += [f"# DRAFT: {self.title.why}", f"title: {scalar(self.title.value)}"]
        lines += [f"# {self.credit.comment}"]
        if self.credit.publisher:
            lines.append(f"publisher: {scalar(self.credit.publisher)}")
        lines.append(f"publisher_basis: {scalar(self.credit.basis)}")
        if self.credit.byline:
            lines.append(f"byline: {scalar(self.credit.byline)}")
        basis = "DRAFT: not dated yet. Date the article from its own words (see the date words above), or say why it cannot be."
        lines += [f"published_basis: {scalar(basis)}", ""]
        lines += [*names_lines(self.norm.text, self.mentions), ""]
        lines += [*claims_lines(self.claims), ""]
        lines += not_claims_lines(self.unplaced)
        return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------
# The command


def article_path(project: Project, given: Path) -> Path:
    """The article file inside the project's raw/, or a BuildError saying why not."""
    candidates = [given] if given.is_absolute() else [Path.cwd() / given, project.root / given]
    raw_dir = project.raw_dir.resolve()
    for candidate in candidates:
        if candidate.resolve().parent == raw_dir:
            path = candidate.resolve()
            if not path.is_file():
                raise BuildError(project.display(path), "does not exist: put the article in raw/ first")
            if path.suffix != ".txt" or path.name.startswith("."):
                raise BuildError(project.display(path), "is not an article: raw/ holds .txt files only")
            return path
    raise BuildError(str(given), f"is not a file directly in {project.display(raw_dir)}/: put the article in raw/ first")


def refuse_existing(project: Project, raw_path: Path, draft_path: Path, force: bool) -> None:
    if draft_path.exists() and not force:
        raise BuildError(
            project.display(draft_path),
            "already exists: review or edit it, or pass --force to overwrite it with a new draft",
        )
    for other in sorted(project.sources_dir.glob("*.yml")):
        if other.resolve() != draft_path.resolve() and load_source(other, project).data["raw"] == raw_path.name:
            raise BuildError(project.display(other), f"already curates raw/{raw_path.name}; edit it instead")


def compose(project: Project, raw_path: Path, data: bytes, known: Known) -> Draft:
    norm = normalise(decode_raw(data, project.display(raw_path)))
    sentences = split_sentences(norm.text)
    claims, unplaced, mentions = draft_claims(norm, known)
    title = guess_title(norm)
    label = title.value if title else norm.text[sentences[0].start : sentences[0].end] if sentences else raw_path.stem
    source_id = suggest_source_id(raw_path.stem, label, known.source_ids)
    assign_claim_ids(claims, source_id, known.claim_ids)
    assign_exchanges(claims, known)
    assign_agreements(claims, norm.text, known)
    claims, failed = checked_claims(claims)
    entries = not_claim_entries(norm, claims, unplaced + failed)
    digest = hashlib.sha256(data).hexdigest()
    return Draft(raw_path.name, digest, source_id, title, guess_credit(norm), norm, sentences, claims, entries, mentions)


def checked_claims(claims: list[DraftClaim]) -> tuple[list[DraftClaim], list[Unplaced]]:
    """Keep the claims the build's own value check accepts; set the others aside."""
    kept: list[DraftClaim] = []
    failed: list[Unplaced] = []
    for claim in claims:
        try:
            check_claim_values(Mapping(claim.record()), "draft")
        except BuildError as exc:
            reason = f"UNPLACED: the draft could not make a valid claim of it ({exc.message})"
            failed += [Unplaced(n, reason) for n in (claim.figure.number, claim.figure.high) if n]
            continue
        kept.append(claim)
    return kept, failed


def covers(entry: NotClaim, number: Number, raw_start: int, raw_text: str) -> bool:
    """Whether a not_claims entry accounts for the number at raw_start (its number, inside its near words)."""
    if entry.number != number.as_written:
        return False
    starts = [m.start() for m in re.finditer(re.escape(entry.near), raw_text)]
    return any(s <= raw_start and raw_start + len(number.as_written) <= s + len(entry.near) for s in starts)


def not_claim_entries(norm: Normalised, claims: list[DraftClaim], unplaced: list[Unplaced]) -> list[NotClaim]:
    """One entry per number no claim accounts for, unless an earlier entry's near words already cover it."""
    entries: list[NotClaim] = []
    for item in sorted(unplaced, key=lambda u: u.number.start):
        number, raw_start = item.number, norm.raw_offset(item.number.start)
        if any(c.claims_number(number, raw_start) for c in claims):
            continue
        if any(covers(e, number, raw_start, norm.raw_text) for e in entries):
            continue
        near = near_words(norm.text, number.start, number.end)
        entries.append(NotClaim(number.as_written, near, item.reason, norm.raw_text.count("\n", 0, raw_start) + 1))
    return entries


def verify(project: Project, path: Path, raw_path: Path) -> None:
    """The draft must load, and pass the checks a reviewed file passes (bar the review)."""
    source = load_source(path, project)
    check_source(raw_path, source, project)


def write_draft(project: Project, given: Path, force: bool = False) -> tuple[Path, Draft]:
    """Write curation/sources/<stem>.yml for raw/<stem>.txt; return its path and the draft."""
    if not project.root.is_dir():
        raise BuildError(str(project.root), "is not a folder: --root names a project tree holding raw/ and curation/")
    raw_path = article_path(project, given)
    draft_path = project.sources_dir / f"{raw_path.stem}.yml"
    refuse_existing(project, raw_path, draft_path, force)
    data = raw_path.read_bytes()
    draft = compose(project, raw_path, data, load_known(project, raw_path.name))
    project.sources_dir.mkdir(parents=True, exist_ok=True)
    staging = draft_path.with_name(f".{draft_path.name}.tmp")
    staging.write_text(draft.yaml(), encoding="utf-8")
    try:
        verify(project, staging, raw_path)
    except BuildError:
        staging.unlink()
        raise
    os.replace(staging, draft_path)
    return draft_path, draft
