"""Stage 1: decode a raw article and derive its normalised text.

Normalisation only ever removes whole lines (page furniture) or surplus blank
lines; it never rewrites words. Every removal is recorded with its rule, so a
reader can audit it, and a `Segments` map turns offsets in the normalised text
back into offsets in the raw text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from . import schemas
from .calendar_words import MONTH_ABBREVIATIONS, MONTHS, WEEKDAY_ABBREVIATIONS, WEEKDAYS
from .errors import BuildError

MAX_RAW_BYTES = 2_000_000  # a news article is a few KB; anything this big is a mistake
MAX_DIGITS = 100  # no figure in a news article is this long; numbers are read as exact integers
LONG_NUMBER = re.compile(rf"\d{{{MAX_DIGITS + 1},}}|\d{{1,3}}(?:,\d{{3}}){{{MAX_DIGITS // 3 + 1},}}")

# Words a timestamp line is made of ("Updated 5 hours ago", "Published: 20 November
# 2025, 14:05 EET"): a line of these after "Updated"/"Published"/"Posted" dates the page,
# not the report. Anything else on the line (a verb, a figure of bodies) keeps it.
_MONTHS = "|".join(MONTHS)
_WEEKDAYS = "|".join(WEEKDAYS)
_TIME_WORDS = (
    rf"{_MONTHS}|(?:{'|'.join(MONTH_ABBREVIATIONS)}|sept)\.?|{_WEEKDAYS}|(?:{'|'.join(WEEKDAY_ABBREVIATIONS)})\.?"
    r"|ago|about|at|on|am|pm|a\.m\.|p\.m\.|gmt|utc|cet|eet|eest|msk|kyiv|moscow|time"
    r"|(?:second|minute|min|hour|hr|day|week|month|year)s?"
)
_TIME_TOKEN = rf"(?:\d{{1,4}}(?:[:./-]\d{{1,4}}){{0,2}}(?:st|nd|rd|th)?|(?:{_TIME_WORDS}))"
_COUNTER = r"^\s*[-•|]?\s*"

# rule -> the pattern of a whole line it removes. Each rule's name and the reason such
# text is removed are defined once, in the removals Table Schema (rule's enumDescriptions).
LINE_RULES: dict[str, re.Pattern[str]] = {
    "also_read": re.compile(
        r"^\s*[-•]?\s*(?:also\s+read|read\s+also|read\s+more|more\s+to\s+read|related(?:\s+(?:articles?|stories|news|coverage))?"
        r"|see\s+also|more\s+on\s+(?:this|the\s+topic)|recommended|you\s+may\s+also\s+like|more)\s*[:|»›]"
        # a recommended story: "Zelenskiy says Ukraine needs air defence · Reuters · 3h ago"
        r"|^[^·\n]{5,200}\s·\s[^·\n]{2,40}\s·\s\d+\s*(?:m|h|d|mins?|minutes?|hours?|days?)\s+ago\s*$",
        re.IGNORECASE,
    ),
    # "By", a name, then only names, places, outlets and times ("- by Dmitry, Russia,
    # RNG247", "By Jane Doe | Updated 5 hours ago"); "By June, Russia had ..." is a sentence
    "byline": re.compile(
        rf"^\s*[-•]?\s*[Bb][Yy]\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,3}}"
        rf"(?:[\s,|&—–/:-]+(?:[A-Z0-9][\w'’.@-]*|and|of|the|in|for|at|staff|correspondents?|reporters?|editors?|team|newsroom|desk|{_TIME_TOKEN}))*[\s.]*$"
    ),
    "relative_time": re.compile(
        r"^\s*[-•|]?\s*(?:(?:last\s+)?(?:updated|published|posted)\s*:?\s*)?(?:about\s+)?\d+\s+"
        r"(?:second|minute|min|hour|hr|day|week|month|year)s?\s+ago\s*$",
        re.IGNORECASE,
    ),
    "timestamp": re.compile(
        rf"^\s*[-•|]?\s*(?:last\s+)?(?:updated|published|posted)(?:\s+(?:on|at))?\s*:?"
        rf"(?:[\s,|•/-]+{_TIME_TOKEN})+[\s.,|]*$",
        re.IGNORECASE,
    ),
    "reading_time": re.compile(rf"{_COUNTER}\d+\s*(?:-\s*)?(?:min(?:ute)?s?\.?)\s+read\s*$", re.IGNORECASE),
    "view_count": re.compile(rf"{_COUNTER}[\d,]+\s+views?\s*$", re.IGNORECASE),
    "comment_count": re.compile(
        r"^\s*[-•|]?\s*(?:[\d,]+\s+comments?(\(s\))?|(?:view\s+)?comments?\s*[(:]\s*[\d,]+\)?)\s*$", re.IGNORECASE
    ),
    "photo_credit": re.compile(
        r"^\s*[-•]?\s*(?:(?:main\s+|cover\s+|illustrative\s+)?(?:photos?|photograph|image|picture|video)(?:\s+credit)?s?"
        r"(?:\s+(?:by|courtesy\s+of))?\s*:|(?:photos?|images?)\s+(?:by|courtesy\s+of)\s)",
        re.IGNORECASE,
    ),
    "tags_line": re.compile(r"^\s*(?:tags|topics|keywords)\s*:", re.IGNORECASE),
    "credit_line": re.compile(
        r"^\s*(?:©|\(c\)\s+\d{4}|(\W+\s*)?this article is written by\b"
        r"|\(?(?:additional\s+)?(?:reporting|writing|editing)\s+by\b)",
        re.IGNORECASE,
    ),
}
RULE_REASONS: dict[str, str] = schemas.fields("removals")["rule"]["enumDescriptions"]
if set(RULE_REASONS) != {*LINE_RULES, "repeated_headline", "blank_run"}:  # caught by any test run, before any build
    raise RuntimeError("normalise.LINE_RULES and the removals Table Schema's rules differ: define each rule in both")


@dataclass(frozen=True, slots=True)
class Removal:
    rule: str
    raw_start: int
    raw_end: int
    text: str

    @property
    def reason(self) -> str:
        return RULE_REASONS[self.rule]


@dataclass
class Normalised:
    raw_text: str
    text: str
    removals: list[Removal]
    # (text_start, raw_start, length) for each kept piece, in order
    segments: list[tuple[int, int, int]] = field(default_factory=list)

    def raw_offset(self, text_offset: int) -> int:
        """Map an offset in the normalised text to the same character in the raw text."""
        # bisect on the segments' text starts (segments are in text order)
        i = max(bisect_right(self.segments, text_offset, key=lambda seg: seg[0]) - 1, 0)
        text_start, raw_start, _ = self.segments[i]
        return raw_start + (text_offset - text_start)

    def removed_at(self, raw_start: int, raw_end: int) -> Removal | None:
        """The removal overlapping raw[raw_start:raw_end], if any."""
        for removal in self.removals:
            if removal.raw_start < raw_end and raw_start < removal.raw_end:
                return removal
        return None


def decode_raw(data: bytes, display: str) -> str:
    """Decode a raw article, refusing what would make offsets ambiguous."""
    if not data.strip():
        raise BuildError(display, "is empty: a raw article must contain the article's text")
    if len(data) > MAX_RAW_BYTES:
        raise BuildError(
            display, f"is {len(data):,} bytes; articles over {MAX_RAW_BYTES:,} bytes are refused as a likely mistake"
        )
    if data.startswith(b"\xef\xbb\xbf"):
        raise BuildError(display, "starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise BuildError(
            display, f"is not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); re-save it as UTF-8", line
        ) from None
    if "\r" in text:
        line = text[: text.index("\r")].count("\n") + 1
        raise BuildError(
            display, "has Windows (CRLF) or old Mac (CR) line ends; convert it to Unix line ends (LF)", line
        )
    if "\x00" in text:
        raise BuildError(
            display, "contains a NUL character: it is not a text file", text[: text.index("\x00")].count("\n") + 1
        )
    long_number = LONG_NUMBER.search(text)
    if long_number:
        digits = sum(c.isdigit() for c in long_number.group())
        raise BuildError(
            display,
            f"has a number {digits:,} digits long; numbers over {MAX_DIGITS} digits are refused as a likely mistake",
            text.count("\n", 0, long_number.start()) + 1,
        )
    return text


def _lines(text: str) -> list[tuple[int, str]]:
    """(offset, line including its newline) for every line of text."""
    return [(m.start(), m.group()) for m in re.finditer(r"[^\n]*\n|[^\n]+$", text)]


def _line_rule(line: str) -> str | None:
    body = line.rstrip("\n")
    for rule, pattern in LINE_RULES.items():
        if pattern.search(body):
            return rule
    return None


def _is_blank(line: str) -> bool:
    return not line.strip()


def _mark_rules(lines: list[tuple[int, str]]) -> list[str | None]:
    """The rule removing each line, or None to keep it."""
    rules: list[str | None] = [_line_rule(line) for _, line in lines]
    previous_kept: str | None = None
    for i, (_, line) in enumerate(lines):
        if rules[i] or _is_blank(line):
            continue
        if previous_kept is not None and line.rstrip("\n") == previous_kept:
            rules[i] = "repeated_headline"
            continue
        previous_kept = line.rstrip("\n")
    kept_blank_before = True  # blank lines at the very start are dropped too
    for i, (_, line) in enumerate(lines):
        if rules[i]:
            continue
        if _is_blank(line):
            if kept_blank_before:
                rules[i] = "blank_run"
            kept_blank_before = True
        else:
            kept_blank_before = False
    for i in range(len(lines) - 1, -1, -1):  # and blank lines at the very end
        if rules[i] is None and not _is_blank(lines[i][1]):
            break
        if rules[i] is None:
            rules[i] = "blank_run"
    return rules


def normalise(raw_text: str) -> Normalised:
    lines = _lines(raw_text)
    rules = _mark_rules(lines)
    pieces: list[str] = []
    removals: list[Removal] = []
    segments: list[tuple[int, int, int]] = []
    text_len = 0
    for (offset, line), rule in zip(lines, rules, strict=True):
        if rule:
            last = removals[-1] if removals else None
            if last and last.rule == rule and last.raw_end == offset:
                removals[-1] = Removal(rule, last.raw_start, offset + len(line), last.text + line)
            else:
                removals.append(Removal(rule, offset, offset + len(line), line))
            continue
        if segments and segments[-1][1] + segments[-1][2] == offset:
            t, r, n = segments[-1]
            segments[-1] = (t, r, n + len(line))
        else:
            segments.append((text_len, offset, len(line)))
        pieces.append(line)
        text_len += len(line)
    return Normalised(raw_text, "".join(pieces), removals, segments or [(0, 0, 0)])
