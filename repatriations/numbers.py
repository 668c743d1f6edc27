"""Find every number written in a text: digits ("1,003", "2022", "21st") and
number words ("five", "twelve thousand", "ninth"), the words read by the
maintained text2num library rather than a hand-made list."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from text_to_num import alpha2digit, find_numbers

DIGITS = re.compile(r"(?<![\d,.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(st|nd|rd|th)?(?![\d])", re.IGNORECASE)
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
        digits = m.group(0).rstrip("stndrhSTNDRH").replace(",", "")
        value: int | float = float(digits) if "." in digits else int(digits)
        found.append(Number(m.start(), m.end(), m.group(0), value, "digits", bool(m.group(2))))
    return found


def word_numbers(text: str, threshold: float = WORD_THRESHOLD) -> list[Number]:
    found = []
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
