"""One figure for several handovers: "1,200 on each of 13, 14 and 15 June", "1,000 bodies in
July and again in August, receiving 19 each time", "In March, April and May it was 909,
three times over". Such a figure is one claim per handover, each dated by its own day or
month, all quoting the same words."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass

from ..calendar_words import WEEKDAYS
from ..dating import MONTH_NAMES, MONTHS, date_mentions
from . import lexicon as lx
from .dates import Dated, EventDate, month_window
from .text import Figure, fold

_MONTH = "|".join(MONTH_NAMES)
# "13, 14 and 15 June", "June 13, 14 and 15", "the 13th, 14th and 15th" (the month from the sentence)
DAYS = re.compile(
    rf"(?<![\w,.])(?:(?P<month_before>{_MONTH})\s+)?(?:the\s+)?"
    r"(?P<days>[0-3]?\d(?:st|nd|rd|th)?(?:(?:,\s*|,?\s+and\s+)(?:the\s+)?[0-3]?\d(?:st|nd|rd|th)?)+)"
    rf"(?:\s+(?:of\s+)?(?P<month>{_MONTH}))?(?![\w])",
    re.IGNORECASE,
)
_WEEKDAY = "|".join(WEEKDAYS)
# "on Friday, Saturday and Sunday", "each of the Friday, Saturday and Sunday that followed" (not "Friday 13 June")
WEEKDAY_LIST = re.compile(
    rf"(?<![\w])(?:{_WEEKDAY})(?:\s*,\s*(?:the\s+)?(?:{_WEEKDAY}))*\s*,?\s+and\s+(?:the\s+)?(?:{_WEEKDAY})(?![\w])(?!,?\s+[0-3]?\d\b)",
    re.IGNORECASE,
)
MONTH_WORD = re.compile(rf"(?<![\w])(?P<month>{_MONTH})(?!\s+[0-3]?\d\b)(?![\w])", re.IGNORECASE)


@dataclass(frozen=True)
class Occasion:
    """One of the handovers a repeated figure counts: a day or a whole month, and the words."""

    month: int | None
    day: int | None
    year: int | None
    words: str  # verbatim: the words that name it (a list of days is shared by its days)
    # a day of a list of weekdays ("on Friday, Saturday and Sunday"): its weekday, and how many days
    # before the list's last day it falls, that day being the latest such weekday up to the article's date
    weekday: int | None = None
    days_before_last: int = 0

    def event(self, published: Dated | None) -> EventDate:
        if self.weekday is not None:
            return self.weekday_event(published)
        if self.month is None:
            return EventDate(None, None, None, self.words)
        if self.day is None:
            named = f"in {MONTH_NAMES[self.month - 1]}" + (f" {self.year}" if self.year else "")
            month = month_window(named, published)
            return EventDate(month.earliest, month.latest, None, self.words) if month else EventDate(None, None, None, self.words)
        year = self.year or (published.date.year if published else None)
        if year is None:
            return EventDate(None, None, None, self.words)
        try:
            day = dt.date(year, self.month, self.day)
        except ValueError:
            return EventDate(None, None, None, self.words)
        if published and day > published.date and not self.year:
            day = day.replace(year=year - 1)  # "in January and again in February" written in March of the next year
        return EventDate(day, day, day.strftime("%A"), self.words)


    def weekday_event(self, published: Dated | None) -> EventDate:
        if published is None or self.weekday is None:
            return EventDate(None, None, None, self.words)
        last_weekday = (self.weekday + self.days_before_last) % 7
        last = published.date - dt.timedelta(days=(published.date.weekday() - last_weekday) % 7)
        day = last - dt.timedelta(days=self.days_before_last)
        return EventDate(day, day, day.strftime("%A"), self.words)


def weekday_occasions(listed: re.Match[str]) -> list[Occasion]:
    """The days of a list of weekdays, each placed by how far before the list's last day it falls."""
    names = [WEEKDAYS.index(w.lower()) for w in re.findall(rf"(?i:{_WEEKDAY})", listed.group())]
    gaps = [0]  # from the last day back: Friday, Saturday and Sunday are 2, 1 and 0 days before Sunday
    for earlier, later in reversed(list(itertools.pairwise(names))):
        gaps.append(gaps[-1] + ((later - earlier) % 7 or 7))
    words = listed.group().strip()
    return [Occasion(None, None, None, words, name, gap) for name, gap in zip(names, reversed(gaps), strict=True)]


def after_an_anchor(occasions: list[Occasion], lead: str) -> list[Occasion]:
    """Weekdays placed after the last day the words before them name whose weekday is known
    ("1,212 on Wednesday 11 June, 1,200 on each of the Friday, Saturday and Sunday that followed"):
    13, 14 and 15 June, whatever the article's own date."""
    days = [m for m in date_mentions(lead) if m.weekday is not None or m.year is not None]
    listed = [o for o in occasions if o.weekday is not None]
    if not days or not listed:
        return occasions
    anchor = days[-1]
    try:
        # a year only to add days to when the anchor gives none (the day and month are what is kept)
        base = dt.date(anchor.year or 2001, anchor.month, anchor.day)
    except ValueError:
        return occasions
    anchor_weekday = anchor.weekday if anchor.weekday is not None else base.weekday()
    first = listed[0]
    to_first = ((first.weekday or 0) - anchor_weekday) % 7 or 7
    last = base + dt.timedelta(days=to_first + first.days_before_last)
    placed = {id(o): last - dt.timedelta(days=o.days_before_last) for o in listed}
    return [
        Occasion(placed[id(o)].month, placed[id(o)].day, anchor.year, o.words) if id(o) in placed else o for o in occasions
    ]


def occasions_in(words: str, offset_month: int | None = None) -> list[Occasion]:
    """The handovers a stretch of text names, in order: days (single or listed) and months."""
    found: list[tuple[int, int, Occasion]] = []
    for listed in DAYS.finditer(words):  # before single days: "15 June" is the last of "13, 14 and 15 June"
        month_word = listed.group("month") or listed.group("month_before")
        month = MONTHS[month_word.lower()] if month_word else offset_month
        if month is None:
            continue
        for day in re.findall(r"[0-3]?\d", listed.group("days")):
            found.append((listed.start(), listed.end(), Occasion(month, int(day), None, listed.group().strip())))
    for mention in date_mentions(words):
        if not any(a < mention.end and mention.start < b for a, b, _ in found):
            named = Occasion(mention.month, mention.day, mention.year, words[mention.start : mention.end])
            found.append((mention.start, mention.end, named))
    for month_name in MONTH_WORD.finditer(words):
        if not any(a <= month_name.start() < b for a, b, _ in found):
            whole = Occasion(MONTHS[month_name.group("month").lower()], None, None, month_name.group())
            found.append((month_name.start(), month_name.end(), whole))
    for listed in WEEKDAY_LIST.finditer(words):
        if not any(a < listed.end() and listed.start() < b for a, b, _ in found):
            found += [(listed.start(), listed.end(), o) for o in weekday_occasions(listed)]
    found.sort(key=lambda f: f[0])
    return [o for _, _, o in found]


# "909 in March, in April and in May", "on 28 March, on 18 April and on 16 May": a preposition said again
# before each date right after the figure names one handover per date
_DATE_ITEM = rf"(?:(?:{_MONTH})(?:\s+[0-3]?\d\b)?|[0-3]?\d\s+(?:{_MONTH}))"
REPEATED_PREPOSITION = re.compile(
    rf"(?:\s+bodies)?,?\s+(?P<p>in|on)\s+{_DATE_ITEM}(?:\s*,\s*(?P=p)\s+{_DATE_ITEM})*\s*,?\s+and\s+(?:again\s+)?(?P=p)\s+{_DATE_ITEM}",
    re.IGNORECASE,
)


def repeated_occasions(text: str, figure: Figure, previous_end: int, next_start: int, previous: str = "") -> list[Occasion]:
    """The handovers a figure counts when its words say it counts several (two or more), else [].
    `previous` is the sentence before, whose dates an opening "Each time" refers to."""
    s = figure.sentence
    after = text[figure.end : next_start]
    before = text[previous_end : figure.start]
    month_of_sentence = next(iter(MONTH_WORD.finditer(text, s.start, s.end)), None)
    month = MONTHS[month_of_sentence.group("month").lower()] if month_of_sentence else None
    if lx.pattern("repeat_words").search(fold(after)) or REPEATED_PREPOSITION.match(after):
        here = occasions_in(after, month)
        if len(here) >= 2:
            return after_an_anchor(here, text[s.start : figure.start])
    # "In January and again in February, 757 came back each time", "…, receiving 19 each time",
    # "the handovers of July 17 and Aug. 19, each of which brought 1,000 bodies"
    anywhere = lx.pattern("repeat_words", "anywhere")
    lead = fold(text[s.start : figure.start]).lstrip()
    opening = lx.pattern("repeat_words", "opening").match(lead)
    before_verb = lx.pattern("repeat_words", "before_verb").search(fold(before[-40:]))  # "Russia has twice handed over"
    # "(757 bodies each)", "1,200 apiece"
    unit_dropped = re.sub(rf"^(?:{lx.alternation('body_nouns')})\s+", "", fold(after).lstrip())
    right_after = lx.pattern("repeat_words", "right_after").match(unit_dropped)
    # "were both a thousand for nineteen": the second of a pair repeats as the first does
    partner = figure.partner if figure.partner is not None and figure.partner.start < figure.start else None
    pair_lead = fold(text[max(s.start, partner.start - 30) : partner.start]) if partner else ""
    repeated = anywhere.search(fold(after[:40])) or anywhere.search(fold(before[-30:])) or anywhere.search(pair_lead)
    if repeated or opening or before_verb or right_after:
        here = occasions_in(before, month) or occasions_in(text[s.start : figure.start], month)
        if not here and (right_after or before_verb or opening):
            # "Three more stages of 1,200 each followed on 13, 14 and 15 June", "has twice handed over 1,000, on …"
            here = occasions_in(after, month)
        if not here and anywhere.match(lead) and not occasions_in(text[s.start : s.end]):
            here = occasions_in(previous)  # "Two more exchanges followed, on July 17 and August 19. Each time …"
        if len(here) >= 2:
            return after_an_anchor(here, text[s.start : figure.start])
    return []


RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)


def respective_occasions(text: str, listed: list[Figure]) -> list[Occasion]:
    """"after those of March 28 and April 18, when Russia got back 43 and 41 bodies
    respectively": the figures of a list closed by "respectively" take, in order, the
    dates its sentence names before them; [] unless there are as many dates as figures."""
    if len(listed) < 2:
        return []
    s = listed[0].sentence
    if not RESPECTIVELY.search(text, listed[-1].end, s.end):
        return []
    dates = occasions_in(text[s.start : listed[0].start])
    return dates[-len(listed) :] if len(dates) >= len(listed) else []
