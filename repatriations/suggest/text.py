"""Sentences, clauses and the words around a figure."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from ..errors import BuildError
from ..normalise import Normalised
from ..numbers import Number
from ..provenance import all_starts
from . import lexicon as lx

# a full stop, its closing quotes or footnote mark ("… said.[2] Saraliev …"), then a new sentence's first letter
SENTENCE_END = re.compile(r"[.!?][\"”’)]*(?:\[\d{1,3}\])*(?=\s+[\"“‘(\[A-Z0-9-])")
CLAUSE_BREAK = re.compile(r",\s+|;\s+|:\s+|\s*[—–]\s*|\s+-\s+|\(|\)")
BULLET = re.compile(r"[-•*]\s+")  # use with .match: a list bullet at the start of a line
JOIN = re.compile(r"\s(?:and|while|whereas|but|with)\s")
WORD = re.compile(r"[\w’'-]+")
# Abbreviations whose full stop ends no sentence ("Lt. Gen.", "Jan. 29")
NO_END = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|St|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.N)\.)$"
)


def fold(text: str) -> str:
    """Lower case with straight apostrophes and quotes, keeping every offset where it was."""
    folded = text.lower().translate(str.maketrans("’‘“”\u00a0\u202f", "''\"\"  "))
    return folded if len(folded) == len(text) else text


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int  # offsets in the normalised text
    end: int
    line: int  # index of the text line it sits on


def sentence_spans_in_line(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    piece_start = start
    for boundary in SENTENCE_END.finditer(text, start, end):
        if NO_END.search(text, max(start, boundary.start() - 6), boundary.start() + 1):
            continue
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
    for line_no, line in enumerate(re.finditer(r"[^\n]*", text)):
        for a, b in sentence_spans_in_line(text, line.start(), line.end()):
            start, end = trimmed(text, a, b)
            if start < end:
                sentences.append(Sentence(len(sentences), start, end, line_no))
    return sentences


def sentence_at(sentences: list[Sentence], offset: int) -> Sentence:
    return next(s for s in sentences if s.start <= offset < s.end)


def line_bounds(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """Where the line (paragraph) holding [start, end) begins and ends."""
    stop = text.find("\n", start if end is None else end)
    return text.rfind("\n", 0, start) + 1, len(text) if stop < 0 else stop


HEADLINE_LINES = 6  # a headline is among an article's first lines, under a masthead at most


def is_whole_line(text: str, sentence: Sentence) -> bool:
    """Whether the sentence is its line, all of it (a headline, a heading, a list item)."""
    return line_bounds(text, sentence.start) == line_bounds(text, sentence.end - 1)


def lines_before(text: str, start: int, count: int) -> Iterator[tuple[int, str]]:
    """(offset, line) for up to `count` lines above the line that begins at `start`, nearest first."""
    end = start - 1  # the line break that ends the line above
    while count > 0 and end >= 0:
        begin = text.rfind("\n", 0, end) + 1
        yield begin, text[begin:end]
        end, count = begin - 1, count - 1


def lines_from(text: str, start: int, count: int) -> Iterator[tuple[int, str]]:
    """(offset, line) for up to `count` lines from the line that begins at `start`, downwards."""
    while count > 0 and start <= len(text):
        stop = text.find("\n", start)
        stop = len(text) if stop < 0 else stop
        yield start, text[start:stop]
        start, count = stop + 1, count - 1


def opens_its_line(text: str, start: int) -> bool:
    """Whether only blanks or a list bullet come before the offset on its line."""
    return re.fullmatch(r"[\s•*-]*", text[line_bounds(text, start)[0] : start]) is not None


def between_breaks(
    text: str, sentence: Sentence, start: int, end: int, breaks: re.Pattern[str], skip: tuple[int, int] | None = None
) -> tuple[int, int]:
    """The part of the sentence around [start, end) between the nearest breaks (a break
    starting inside `skip` does not count)."""
    left, right = sentence.start, sentence.end
    for brk in breaks.finditer(text, sentence.start, sentence.end):
        if skip and skip[0] <= brk.start() < skip[1]:
            continue
        if brk.end() <= start:
            left = brk.end()
        elif brk.start() >= end:
            right = brk.start()
            break
    return left, right


LABEL_MARK = re.compile(r":|\s+[—–]\s+|\s+-\s+")  # what sets a list's figure apart from the words it labels


def clause_bounds(text: str, sentence: Sentence, start: int, end: int) -> tuple[int, int]:
    """The part of the sentence between the commas, colons or dashes around [start, end);
    a figure that opens its line before a colon ("• 6,000: bodies each side agreed to
    return") has the words after the colon as its clause."""
    if opens_its_line(text, start) and (label := LABEL_MARK.match(text, end)):
        # "• 6,000: bodies each side agreed", "16 — handovers of bodies in 2025" (a "By the numbers" list)
        bullet_end = CLAUSE_BREAK.search(text, label.end(), sentence.end)
        return sentence.start, bullet_end.start() if bullet_end else sentence.end
    aside = re.match(r"\s*\([^()]{1,40}\)", text[end : sentence.end])  # "1,212 (to Ukraine) / 27 (to Russia)"
    if aside:
        return between_breaks(text, sentence, start, end, CLAUSE_BREAK, (end, end + aside.end()))
    spoken = speech_aside().match(text, end, sentence.end)  # "five of whom, the headquarters said, had died"
    return between_breaks(text, sentence, start, end, CLAUSE_BREAK, spoken.span("aside") if spoken else None)


@cache
def speech_aside() -> re.Pattern[str]:
    """A speaker set off by commas just after a figure's first words ("five of whom, the
    headquarters said, had died in captivity"): the clause goes on past it."""
    verbs = lx.alternation("attribution", "speech_verbs")
    return re.compile(rf"[^,;:.]{{0,25}}?(?P<aside>,\s+(?:[\w'’.-]+\s+){{1,5}}?(?i:{verbs}),)\s")


SEGMENT_BREAK = re.compile(
    r",\s+(?:and|while|but|whereas)\s+|;\s+|\s+and\s+(?=(?:in|on|by)\s)|\s+(?:while|whereas)\s+(?!(?:in|on|at|still|being)\s)"
    r"|\s+(?:and|but),\s+"  # "… on 15 June and, on 16 June, 1,245 by the count of the headquarters"
    r"|,\s+where\s+",  # "Moscow's Defence Ministry counted 1,248 on 16 June, where Kyiv counted 1,245"
    re.IGNORECASE,
)  # "Kyiv counted 1,003 while Medinsky put it at 1,000"; not "died while in captivity"


SEMICOLON = re.compile(r";\s+")  # the one break between a sentence's halves


def segment_bounds(text: str, sentence: Sentence, at: int, breaks: re.Pattern[str] = SEGMENT_BREAK) -> tuple[int, int]:
    """The part of the sentence around an offset, between ", and", ", while" or ";" (the
    places where a sentence goes on to another speaker or another handover)."""
    return between_breaks(text, sentence, at, at, breaks)


@dataclass
class Figure:
    number: Number
    sentence: Sentence
    high: Number | None = None  # the upper end of "between X and Y"
    partner: Number | None = None  # the other figure of "1,000 for 31"

    @property
    def start(self) -> int:
        return self.number.start

    @property
    def end(self) -> int:
        return (self.high or self.number).end


@dataclass(frozen=True)
class Context:
    """The words around a figure, folded, with the figure itself written '#'."""

    clause: str  # the clause, cut at neighbouring figures
    at: int  # where '#' stands in clause
    sentence: str  # the whole sentence, same convention
    sentence_at: int
    paragraph: str = ""  # the figure's whole line, folded

    @classmethod
    def around(cls, text: str, figure: Figure, neighbours: list[Figure]) -> Context:
        left, right = clause_bounds(text, figure.sentence, figure.start, figure.end)
        for other in neighbours:
            if other.sentence is not figure.sentence:
                continue
            if left <= other.end <= figure.start:
                # "1,000 went to Kyiv and 24 came back to Russia": the figure's own words start after "and"
                joins = list(JOIN.finditer(text, other.end, figure.start))
                left = joins[-1].end() if joins else other.end
            if figure.end <= other.start < right:
                join = JOIN.search(text, figure.end, other.start)
                right = join.start() if join else other.start
        before, after = fold(text[left : figure.start]), fold(text[figure.end : right])
        if (label := LABEL_MARK.match(after)) and opens_its_line(text, figure.start):
            after = " " + after[label.end() :].lstrip()  # "• 6,000: bodies each side agreed": the mark only sets it apart
        s = figure.sentence
        head = fold(text[s.start : figure.start])
        line_start, line_end = line_bounds(text, s.start, s.end)
        paragraph = fold(text[line_start:line_end])
        return cls(before + "#" + after, len(before), head + "#" + fold(text[figure.end : s.end]), len(head), paragraph)

    @property
    def before(self) -> str:
        return self.clause[: self.at]

    @property
    def after(self) -> str:
        return self.clause[self.at + 1 :]


def near_words(text: str, start: int, end: int, width: int = 40) -> str:
    """The words around [start, end), verbatim and within its line, cut at spaces."""
    line_start, line_end = line_bounds(text, start, end)
    cut = text.rfind(" ", line_start, max(line_start, start - width))
    left = cut + 1 if cut != -1 else line_start
    cut = text.find(" ", min(line_end, end + width), line_end)
    right = cut if cut != -1 else line_end
    return text[left:right].strip()


# ---------------------------------------------------------------------------
# Ids


def slug_words(text: str) -> list[str]:
    """The ASCII words of a text, lower case, "1,003" as one word: the parts of an id."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.findall(r"[a-z0-9]+", re.sub(r"(?<=\d),(?=\d)", "", ascii_text.lower()))


def unique(candidate: str, taken: set[str]) -> str:
    """candidate, or candidate-2, -3 … : the first not yet taken, which it then takes."""
    name, n = candidate, 2
    while name in taken:
        name, n = f"{candidate}-{n}", n + 1
    taken.add(name)
    return name


def verbatim_quote(norm: Normalised, start: int, end: int) -> tuple[int, str, int | None]:
    """Where the quote starts in the raw article, its words there, and which occurrence it is."""
    raw_start = norm.raw_offset(start)
    quote = norm.raw_text[raw_start : raw_start + end - start]
    if quote != norm.text[start:end]:
        raise BuildError("raw text", "normalisation changed words inside a line; the draft cannot quote it")
    starts = all_starts(norm.raw_text, quote)
    occurrence = starts.index(raw_start) + 1 if len(starts) > 1 else None
    return raw_start, quote, occurrence
