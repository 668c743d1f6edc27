"""Find every number written in a text: digits ("1,003", "2022", "21st") and
number words ("five", "twelve thousand", "ninth"), the words read by the
maintained text2num library rather than a hand-made list."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from text_to_num import alpha2digit, find_numbers

from .calendar_words import MONTH_ABBREVIATIONS

# Thousands are grouped by commas ("1,245") or, in European style, by a space, a no-break
# space or a thin space ("1 000"); a space-grouped number is read whole, but not the day
# of a date before a figure ("June 14 100 bodies").
GROUP_SPACES = " \u00a0\u202f\u2009"
DIGITS = re.compile(
    rf"(?<![\d,.])(\d{{1,3}}(?:,\d{{3}})+|\d{{1,3}}(?:[{GROUP_SPACES}]\d{{3}})+(?![\d,.]\d)|\d+)(?:\.\d+)?(st|nd|rd|th)?(?![\d])",
    re.IGNORECASE,
)
SPACE_GROUPED = re.compile(rf"\d[{GROUP_SPACES}]\d")
MONTH_BEFORE = re.compile(rf"\b(?:{'|'.join(MONTH_ABBREVIATIONS)})[a-z]*\.?\s+$", re.IGNORECASE)
SENTENCE = re.compile(r"[^\n.!?]+[.!?]*")  # numbers never run across a sentence or line end
TOKEN = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")
# text2num skips isolated small numbers below its threshold ("one of the few");
# coverage wants every number a reader could take for a figure, so nothing is
# skipped and curators list the "one of" cases as not claims.
WORD_THRESHOLD = 0.0


@dataclass(frozen=True, slots=True)
class Number:
    start: int
    end: int
    as_written: str
    value: int | float  # exact int for whole numbers, however long
    kind: str  # "digits" | "words"
    ordinal: bool

    @property
    def integer(self) -> int | None:
        if isinstance(self.value, int):
            return self.value
        return int(self.value) if self.value.is_integer() else None


class _Token:
    """The token protocol text2num's find_numbers reads."""

    __slots__ = ("end", "start", "word")

    def __init__(self, word: str, start: int, end: int):
        self.word, self.start, self.end = word, start, end

    def text(self) -> str:
        return self.word

    def nt_separated(self, previous: _Token) -> bool:
        # a line break between two words separates them as a full stop would
        return False

    def not_a_number_part(self) -> bool:
        return self.word.isdigit()


def digit_numbers(text: str) -> list[Number]:
    found = []
    for m in DIGITS.finditer(text):
        if SPACE_GROUPED.search(m.group(0)) and MONTH_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            found += _ungrouped(text, m.start(), m.end())
            continue
        found.append(_digit_number(m.group(0), m.start(), bool(m.group(2))))
    return found


def _digit_number(written: str, start: int, ordinal: bool) -> Number:
    digits = written.rstrip("stndrhSTNDRH").replace(",", "")
    for space in GROUP_SPACES:
        digits = digits.replace(space, "")
    value: int | float = float(digits) if "." in digits else int(digits)
    return Number(start, start + len(written), written, value, "digits", ordinal)


def _ungrouped(text: str, start: int, end: int) -> list[Number]:
    """The separate numbers of a span read as one space-grouped number by mistake."""
    return [_digit_number(m.group(), start + m.start(), False) for m in re.finditer(r"\d+", text[start:end])]


def word_numbers(text: str, threshold: float = WORD_THRESHOLD) -> list[Number]:
    found: list[Number] = []
    for piece in SENTENCE.finditer(text):
        # alpha2digit (fast, same parser) says whether the sentence holds any number
        # word; only then is it tokenised for find_numbers, which gives positions
        if alpha2digit(piece.group(), "en", threshold=threshold) != piece.group():
            found.extend(_sentence_word_numbers(text, piece.start(), piece.end(), threshold))
    return found


def _sentence_word_numbers(text: str, start: int, end: int, threshold: float) -> Iterator[Number]:
    tokens = [_Token(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text, start, end)]
    for occ in find_numbers(tokens, "en", threshold):
        first, last = tokens[occ.start].start, tokens[occ.end - 1].end
        value = occ.value if isinstance(occ.value, int) or not float(occ.value).is_integer() else int(occ.value)
        yield Number(first, last, text[first:last], value, "words", bool(occ.is_ordinal))


def numbers_in(text: str, threshold: float = WORD_THRESHOLD) -> list[Number]:
    """Every number in text, in order of position."""
    return sorted(digit_numbers(text) + word_numbers(text, threshold), key=lambda n: n.start)


def values_written(text: str) -> set[int]:
    """Integer values written in text, in digits or in words."""
    return {n.integer for n in numbers_in(text) if n.integer is not None}
