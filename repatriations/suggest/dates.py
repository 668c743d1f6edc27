"""Dates an article gives in its own words: the day it was written (a dateline,
"Today, 29 January 2026", a date alone on a line near the top, the page's own
timestamp line) and the days its sentences name ("on Thursday", "June 14")."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from .. import dating
from ..calendar_words import WEEKDAY_ABBREVIATIONS
from ..dating import MONTH_NAMES, MONTH_YEAR, MONTHS, WEEKDAY_WORD, WEEKDAYS, DateMention, date_mentions
from ..normalise import Normalised
from . import lexicon
from .text import Sentence

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
# "KYIV, ", "KYIV, Ukraine, ", "MOSCOW/KYIV, "
DATELINE_LEAD = re.compile(r"^[A-ZА-Я][A-ZА-Я .'’/-]{1,40}(?:,\s*[A-Z][\w .'’-]{1,30})?,\s+$")
# the fields of a page's meta line: "Kyiv · 18.10.2024 16:52 · War", "THE GAZETTE | Saturday, July 26, 2025 | World"
META_FIELD_BREAK = re.compile(r"\s+[·|•]\s+")
META_FIELD = 40  # characters a field of such a line may have, the date's own field apart
WEEKDAY_SHORT = "|".join(WEEKDAY_ABBREVIATIONS)  # "Wed", "Fri"


@cache
def published_lead() -> re.Pattern[str]:
    """"Released 24 October 2025 | 38 min", "Published: 3 April 2025", "Last updated on 19 Dec 2025":
    the words a publication date follows."""
    prefix = lexicon.alternation("date_words", "published_lead_prefix")
    verbs = lexicon.alternation("date_words", "published_lead")
    return re.compile(rf"^\W*(?:(?:{prefix})\s+)?(?:{verbs})\s*(?:on\s*)?[:\-–—]?\s*$", re.IGNORECASE)


TODAY_LEAD = re.compile(r"(?:^|\b)(?:today|on)\s*,?\s*$", re.IGNORECASE)


DAY_LIST = re.compile(
    rf"(?<![\w,.])[0-3]?\d(?:(?:,\s*|\s+(?:and|to|or)\s+|\s*[-–]\s*)[0-3]?\d)+\s+{_MONTH}(?![\w])", re.IGNORECASE
)  # "13, 14 and 15 June", "11-16 June"


_DAY = r"[0-3]?\d(?!\d|[,.]\d)"  # a day, not the start of "1,200" or "2025"
MONTH_DAY_LIST = re.compile(
    rf"(?<![\w]){_MONTH}\s+{_DAY}(?:,\s*{_DAY})*(?:,?\s+(?:and|or|to)\s+|\s*[-–]\s*){_DAY}", re.IGNORECASE
)  # "June 13, 14 and 15", "June 13-15" (the month first, as American style writes it)


# "compiled 1650 gmt 16 Jun 25": a day, a month's name and a two-digit year, closed by a bracket or the line's end
SHORT_YEAR_DATE = re.compile(rf"(?<![\w,.])[0-3]?\d\s+{_MONTH}\s+\d\d(?=\s*[)\]]|\s*$)", re.IGNORECASE | re.MULTILINE)


# "01/27/2024", "27.01.2024": a date in figures, whichever comes first, the day or the month
NUMERIC_DATE = re.compile(r"(?<![\w./])[0-3]?\d([./-])[0-3]?\d\1(?:19|20)\d\d(?![\w])")
LIST_DATE = re.compile(rf"(?<![\w,.]){_MONTH}\s+(?P<day>[0-3]?\d):(?!\d)", re.IGNORECASE)  # "June 23: …", "Feb. 14: 757 / 45"


def listed_day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:  # "Feb. 30:", or 29 February of a year without it
        return None


def date_spans(text: str) -> list[tuple[int, int]]:
    """Where the article writes dates (days and years of them), lists of days and months with years."""
    spans = [(d.start, d.end) for d in date_mentions(text)]
    spans += [(m.start(), m.end() - 1) for m in LIST_DATE.finditer(text)]
    spans += [(m.start(), m.end()) for m in DAY_LIST.finditer(text)]
    spans += [(m.start(), m.end()) for m in MONTH_DAY_LIST.finditer(text)]
    spans += [(m.start(), m.end()) for m in SHORT_YEAR_DATE.finditer(text)]
    spans += [(m.start(), m.end()) for m in NUMERIC_DATE.finditer(text)]
    return spans + [(m.start(), m.end()) for m in MONTH_YEAR.finditer(text)]


@dataclass(frozen=True)
class Dated:
    date: dt.date
    words: str  # verbatim, from the raw article
    basis: str


def _year_from_text(text: str) -> int | None:
    years = {int(y) for y in re.findall(r"(?<!\d)(20[12]\d)(?!\d)", text)}
    return max(years) if len(years) == 1 else None


SINCE_MONTH = re.compile(
    rf"\b(?:since|after|from|starting in|beginning in)\s+(?:[0-3]?\d\s+)?{_MONTH}(?:\s+[0-3]?\d)?,?\s+(?P<year>20[12]\d)\b",
    re.IGNORECASE,
)


def year_of_yearless(text: str, mention: DateMention) -> tuple[int | None, str]:
    """The year of a dateline with none ("MOSCOW, February 26. /TASS/."): the only year the
    text names, or the year after it when the text counts since a later month of that
    year ("since June 2025": the article is written after June 2025)."""
    year = _year_from_text(text)
    if year is None:
        return None, ""
    for since in SINCE_MONTH.finditer(text):
        if int(since.group("year")) == year and MONTHS[since.group("month").lower()] > mention.month:
            return year + 1, f'; the year {year + 1}, as the text counts "{since.group().strip()}" to this day'
    return year, f"; the year {year} is the only year the text names"


def _only_furniture_after(line: str, mention: DateMention) -> bool:
    """Whether nothing but a time and reading-time furniture follows the date on its line
    ("24 July 2025 · 18 min read", "19.08.2025 21:40")."""
    furniture = "|".join(re.escape(w) for w in [*lexicon.phrases("not_figures", "page_words"), "reading time", "minutes"])
    rest = re.sub(rf"\b(?:{furniture})\b", "", line[mention.end :], flags=re.I)
    zones = r"am|pm|gmt|utc|bst|eet|eest|cet|cest|msk|est|edt|pst|pdt"
    # "Fri, December 19, 2025 at 2:31 PM UTC": the "at" of the time
    return not re.sub(rf"[\W\d_]|\b(?:{zones}|updated|published|posted|at)\b", "", rest, flags=re.I).strip()


def _date_alone(line: str, mention: DateMention) -> bool:
    """Whether the date stands alone on its line, but for furniture after it and a weekday's
    short name before it ("Wed 28 Dec 2022 11.42 GMT")."""
    lead = re.sub(rf"(?i)\b(?:{WEEKDAY_SHORT})\b\.?", "", line[: mention.start])
    return _only_furniture_after(line, mention) and not re.sub(r"[\W\d_]", "", lead).strip()


def _meta_line(line: str, mention: DateMention) -> bool:
    """Whether the date is one field of a page's meta line, its others short ("Kyiv · 18.10.2024
    16:52 · War", "Posted by NewsPulse Staff | January 29, 2026 at 8:14 pm")."""
    fields = [(m.end(), m.start()) for m in META_FIELD_BREAK.finditer(line)]
    if not fields:
        return False
    starts = [0, *(end for end, _ in fields)]
    ends = [*(start for _, start in fields), len(line)]
    own = [(a, b) for a, b in zip(starts, ends, strict=True) if a <= mention.start < b]
    others = [line[a:b] for a, b in zip(starts, ends, strict=True) if (a, b) not in own]
    return bool(own) and all(len(f.strip()) <= META_FIELD for f in others)


def _dated_line(line: str, mention: DateMention) -> bool:
    """Whether a date on a line near the top dates the article: a dateline, "Today, …",
    "On Tuesday, …" opening the text, or the date alone on its line."""
    lead = line[: mention.start]
    alone = _only_furniture_after(line, mention)  # "· 6 min read" beside the date
    if DATELINE_LEAD.match(lead) or not lead.strip() or (alone and len(lead) < 40) or published_lead().search(lead):
        return True
    if mention.year and (_meta_line(line, mention) or (alone and lead.rstrip().endswith(","))):
        return True  # "Live · Wednesday, June 11, 2025 · Kyiv time", "Briefing by …, Moscow, December 17, 2025"
    return bool(mention.year and TODAY_LEAD.search(lead))  # "… on Thursday, November 20, 2025"


TOP_LINES = 4  # headline, standfirst, date line, byline: where an article dates itself
ALONE_LINES = 7  # a date alone on its line may come a little lower, under a section heading and a byline


def publication_date(norm: Normalised) -> Dated | None:
    """The article's own date, from its timestamp or byline lines, or from a dated line
    among its first four lines with words; None when it gives none."""
    for removal in norm.removals:
        if removal.rule in ("timestamp", "byline"):
            for mention in date_mentions(removal.text):
                if day := mention.date():
                    words = removal.text.strip()
                    return Dated(day, words, f'the page\'s own {removal.rule} line "{words}"')
    for n, line in enumerate([line for line in norm.text.split("\n") if line.strip()][:ALONE_LINES]):
        for mention in date_mentions(line):
            if _dated_line(line, mention) if n < TOP_LINES else _date_alone(line, mention):
                year, guess = (None, "") if mention.year else year_of_yearless(norm.text, mention)
                if day := mention.date(year):
                    words = line[mention.start : mention.end]
                    how = "its dateline" if DATELINE_LEAD.match(line[: mention.start]) else "a dated line near the top"
                    return Dated(day, words, f'{how}: "{line[: mention.end].strip()[-80:]}"{guess}')
    return None


def last_weekday(weekday: int, on_or_before: dt.date) -> dt.date:
    return on_or_before - dt.timedelta(days=(on_or_before.weekday() - weekday) % 7)


@dataclass(frozen=True)
class EventDate:
    earliest: dt.date | None
    latest: dt.date | None
    weekday: str | None
    words: str | None  # the words it rests on


MONTH_ONLY = re.compile(
    rf"\bin\s+(?:early\s+|mid-|late\s+)?(?P<month>{'|'.join(MONTH_NAMES)})"
    r"(?:\s+(?:of\s+)?(?:(?P<previous>the previous year|last year)|(?P<year>(?:19|20)\d\d)))?\b",
    re.IGNORECASE,
)


def month_window(words: str, published: Dated | None) -> EventDate | None:
    """"in November (of the previous year)", "last month": the whole month (or week), read the way
    the build reads it (dating.stated_window with its year, else dating.relative_window against the
    article's date)."""
    m = MONTH_ONLY.search(words) or LAST_PERIOD.search(words)
    if not m:
        return None
    window = dating.stated_window(m.group())
    if window is None and published is not None:
        window = dating.relative_window(m.group(), dating.Window(published.date, published.date))
    if window is None or window.earliest is None or window.latest is None:
        return None
    return EventDate(window.earliest, window.latest, None, m.group())


LAST_PERIOD = re.compile(r"\blast\s+(?:month|week)\b", re.IGNORECASE)  # "Last month, Kyiv said it received 1,000"


def event_date(text: str, sentence: Sentence, published: Dated | None) -> EventDate:
    """When the handover a sentence reports happened, from the sentence's own date words
    read against the article's date; the article's date itself when it names none."""
    words = text[sentence.start : sentence.end]
    for mention in date_mentions(words):
        year = mention.year or (published.date.year if published else None)
        day = mention.date(year)
        if day and published and day > published.date and not mention.year:
            day = mention.date(published.date.year - 1)  # "on 20 December" in a January article
        if day:
            return EventDate(day, day, day.strftime("%A"), words[mention.start : mention.end])
    if listed := LIST_DATE.search(words):  # a factbox line "Feb. 14: 757 / 45"
        year = published.date.year if published else None
        day = listed_day(year, MONTHS[listed.group("month").lower()], int(listed.group("day"))) if year else None
        if day and published and day > published.date:
            day = listed_day(day.year - 1, day.month, day.day)  # "Dec. 19:" in a January factbox
        if day:
            return EventDate(day, day, day.strftime("%A"), words[listed.start() : listed.end() - 1])
    weekday = WEEKDAY_WORD.search(words)
    folded = words.lower()
    if published is None:
        name = weekday.group("weekday").capitalize() if weekday else None
        return EventDate(None, None, name, weekday.group() if weekday else None)
    if weekday:
        day = last_weekday(WEEKDAYS[weekday.group("weekday").lower()], published.date)
        return EventDate(day, day, day.strftime("%A"), weekday.group())
    if lexicon.pattern("date_words", "yesterday").search(folded):
        day = published.date - dt.timedelta(days=1)
        return EventDate(day, day, day.strftime("%A"), "yesterday")
    if today := re.search(r"\btoday\b", words, re.IGNORECASE):  # "Today, in the course of a repatriation, 1000 bodies …"
        day = published.date
        return EventDate(day, day, day.strftime("%A"), today.group())
    if month := month_window(words, published):  # "In September the ratio was 24 for 1000"
        latest = min(month.latest, published.date) if month.latest else published.date
        return EventDate(month.earliest, latest, None, month.words)
    # no date words: the report is of the article's own day or the days before it
    return EventDate(published.date - dt.timedelta(days=3), published.date, None, None)
