"""How dates are read: each source's dating of an exchange (and of itself) is a window
of days resting on its own words, and an exchange's window is what all its sources'
windows allow together. The build, the drafts (suggest) and the derived tables all
read dates here, so a phrase means the same thing everywhere.

A window is [earliest, latest], both ends inclusive, either end open (None)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .calendar_words import MONTH_ABBREVIATIONS
from .calendar_words import MONTHS as MONTH_NAMES
from .calendar_words import WEEKDAYS as WEEKDAY_NAMES

# month name or abbreviation ("sept" too) -> month number; weekday name -> date.weekday()
MONTHS = {name: i for names in (MONTH_NAMES, MONTH_ABBREVIATIONS) for i, name in enumerate(names, start=1)} | {"sept": 9}
WEEKDAYS = {name: i for i, name in enumerate(WEEKDAY_NAMES)}
PASSAGE_BREAK = " … "  # a dating quote may join verbatim passages, in the article's order, with " … "

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_MONTH2 = _MONTH.replace("?P<month>", "?P<month2>")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY2 = _DAY.replace("?P<day>", "?P<day2>")
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?:(?P<weekday>" + "|".join(WEEKDAYS) + r"),?\s+(?:the\s+)?)?"
_SP = r"(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)"  # spaces, or one line break: a date never crosses a blank line
DATE = re.compile(
    rf"(?<![\w]){_WEEKDAY}(?:{_MONTH}{_SP}{_DAY}(?![\d:])(?!\s+for\s+\d)(?:,?{_SP}{_YEAR})?"
    # "16-Jun-2025" too, hyphens only with the year
    rf"|{_DAY2}(?:(?:{_SP}of)?{_SP}|-(?=[a-z]+\.?-(?:19|20)\d\d)){_MONTH2}(?:(?:,?{_SP}|-){_YEAR.replace('year', 'year2')})?"
    r"|(?P<d3>[0-3]?\d)[./](?P<m3>[01]?\d)[./](?P<y3>(?:19|20)\d\d)|(?P<y4>(?:19|20)\d\d)-(?P<m4>[01]\d)-(?P<d4>[0-3]\d))(?![\w])",
    re.IGNORECASE,
)
MONTH_YEAR = re.compile(rf"(?<![\w]){_MONTH}(?:{_SP}of)?{_SP}{_YEAR}(?![\w])", re.IGNORECASE)
WEEKDAY_WORD = re.compile(r"(?<![\w])(?P<weekday>" + "|".join(WEEKDAYS) + r")(?![\w])", re.IGNORECASE)
LONG_MONTH = "|".join(MONTH_NAMES)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    year: int | None
    month: int
    day: int
    weekday: int | None

    def date(self, year: int | None = None) -> dt.date | None:
        year = self.year or year
        try:
            return dt.date(year, self.month, self.day) if year else None
        except ValueError:
            return None


def date_mentions(text: str) -> list[DateMention]:
    """Every written day ("19 August 2025", "Aug. 19", "19.08.2025", "2025-08-19", "16-Jun-2025")."""
    found = []
    for m in DATE.finditer(text):
        g = m.groupdict()
        month_word = g["month"] or g["month2"]
        month = MONTHS[month_word.lower()] if month_word else int(g["m3"] or g["m4"])
        day = int(g["day"] or g["day2"] or g["d3"] or g["d4"])
        year_text = g["year"] or g["year2"] or g["y3"] or g["y4"]
        if not 1 <= month <= 12 or not 1 <= day <= 31:
            continue
        weekday = WEEKDAYS[g["weekday"].lower()] if g["weekday"] else None
        found.append(DateMention(m.start(), m.end(), int(year_text) if year_text else None, month, day, weekday))
    return found


# -- windows ------------------------------------------------------------------


@dataclass(frozen=True)
class Window:
    earliest: dt.date | None = None
    latest: dt.date | None = None

    @classmethod
    def of(cls, earliest: str | None, latest: str | None) -> Window:
        return cls(dt.date.fromisoformat(earliest) if earliest else None, dt.date.fromisoformat(latest) if latest else None)

    @property
    def empty(self) -> bool:
        return self.earliest is not None and self.latest is not None and self.earliest > self.latest

    @property
    def bounded(self) -> bool:
        return self.earliest is not None or self.latest is not None

    def __and__(self, other: Window) -> Window:
        starts = [d for d in (self.earliest, other.earliest) if d]
        ends = [d for d in (self.latest, other.latest) if d]
        return Window(max(starts, default=None), min(ends, default=None))

    def shift(self, days: int, days_latest: int | None = None) -> Window:
        later = days if days_latest is None else days_latest
        return Window(
            self.earliest + dt.timedelta(days=days) if self.earliest else None,
            self.latest + dt.timedelta(days=later) if self.latest else None,
        )

    def on_weekday(self, weekday: int) -> Window:
        """The window narrowed to its first and last day falling on the weekday (empty when none does)."""
        first = self.earliest + dt.timedelta(days=(weekday - self.earliest.weekday()) % 7) if self.earliest else None
        last = self.latest - dt.timedelta(days=(self.latest.weekday() - weekday) % 7) if self.latest else None
        return Window(first, last)

    def iso(self) -> tuple[str | None, str | None]:
        return (self.earliest.isoformat() if self.earliest else None, self.latest.isoformat() if self.latest else None)

    def words(self) -> str:
        """ "between February 2024 and February 2025", "on 19 August 2025", "in June 2025"."""
        first, last = self.earliest, self.latest
        if first and last:
            if first == last:
                return f"on {first.day} {first:%B %Y}"
            if (first.day, first.month) == (1, 1) and (last.day, last.month) == (31, 12) and first.year == last.year:
                return f"in {first.year}"
            if first.day == 1 and last == month_end(last) and (first.year, first.month) == (last.year, last.month):
                return f"in {first:%B %Y}"
            if first.day == 1 and last == month_end(last):
                return f"between {first:%B %Y} and {last:%B %Y}"
            return f"between {first.day} {first:%B %Y} and {last.day} {last:%B %Y}"
        if first:
            return f"on or after {first.day} {first:%B %Y}"
        if last:
            return f"on or before {last.day} {last:%B %Y}"
        return "at no stated time"


def hull(windows: Iterable[Window]) -> Window:
    """The widest window the given ones span (open on a side where any of them is)."""
    windows = list(windows)
    starts = [w.earliest for w in windows]
    ends = [w.latest for w in windows]
    return Window(
        None if not starts or None in starts else min(d for d in starts if d),
        None if not ends or None in ends else max(d for d in ends if d),
    )


def month_end(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1) - dt.timedelta(days=1)


def month_window(year: int, month: int) -> Window:
    first = dt.date(year, month, 1)
    return Window(first, month_end(first))


def precision(earliest: str | None, latest: str | None) -> str | None:
    """The smallest unit a date window fits in (after UCDP's date_prec); None if open-ended."""
    if not earliest or not latest:
        return None
    days = (dt.date.fromisoformat(latest) - dt.date.fromisoformat(earliest)).days + 1
    if days <= 1:
        return "day"
    if days <= 7:
        return "week"
    if days <= 31:
        return "month"
    return "year"


# -- reading a source's words -------------------------------------------------


_DAY_LIST = r"(?P<days>[0-3]?\d(?:(?:,\s*|\s+(?:and|to|or)\s+|\s*[-–]\s*)[0-3]?\d)+)"  # 11-16, "13, 14 and 15"
_DAY_SPAN = r"(?P<day3>[0-3]?\d)\s*[-–]\s*(?P<day4>[0-3]?\d)"
DAY_RANGE = re.compile(
    rf"(?<![\w,.]){_DAY_LIST}(?:\s+of)?\s+{_MONTH}(?:,?\s+{_YEAR})?(?![\w])"  # 11-16 June 2025
    rf"|(?<![\w]){_MONTH2}\s+{_DAY_SPAN}(?:,?\s+(?P<year2>(?:19|20)\d\d))?(?![\w])",  # June 19-20, 2025
    re.IGNORECASE,
)
MONTH_RANGE = re.compile(
    rf"(?<![\w])(?P<month>{LONG_MONTH})\s+(?:to|and|-|–)\s+(?P<month2>{LONG_MONTH})(?:\s+of)?\s+{_YEAR}(?![\w])",
    re.IGNORECASE,
)  # June to August 2025


def day_ranges(words: str) -> list[tuple[tuple[int, int], Window | None]]:
    """Each written range of days, with its window (None when it gives no year)."""
    found: list[tuple[tuple[int, int], Window | None]] = []
    for m in DAY_RANGE.finditer(words):
        g = m.groupdict()
        month = MONTHS[(g["month"] or g["month2"]).lower()]
        days = [int(d) for d in re.findall(r"\d+", g["days"])] if g["days"] else [int(g["day3"]), int(g["day4"])]
        first, last = min(days), max(days)
        year = g["year"] or g["year2"]
        try:
            window = Window(dt.date(int(year), month, first), dt.date(int(year), month, last)) if year else None
        except ValueError:
            window = None
        found.append((m.span(), window))
    for m in MONTH_RANGE.finditer(words):
        year = int(m.group("year"))
        start = month_window(year, MONTHS[m.group("month").lower()]).earliest
        found.append((m.span(), Window(start, month_window(year, MONTHS[m.group("month2").lower()]).latest)))
    return found


def stated_window(words: str) -> Window | None:
    """The window words give outright, with their year: every written day, range of days
    or months, "month year" and "in year" in them, spanned ("between 11 and 16 June 2025"
    reads 11 to 16 June). None when they give none, or write a day or range without its year
    (read it as relative or inferred instead)."""
    ranges = day_ranges(words)
    if any(window is None for _, window in ranges):
        return None
    inside = [span for span, _ in ranges]

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in inside)

    mentions = [m for m in date_mentions(words) if free(m.start, m.end)]
    if any(m.year is None for m in mentions):
        return None  # "on 14 June" beside "in 2025": which year the day is in is a reading, not a statement
    days = [m for m in mentions if m.date()]
    windows = [window for _, window in ranges if window]
    windows += [Window(m.date(), m.date()) for m in days]
    windows += [
        month_window(int(m.group("year")), MONTHS[m.group("month").lower()])
        for m in MONTH_YEAR.finditer(words)
        if free(*m.span()) and not any(d.start < m.end() and m.start() < d.end for d in days)  # the month of a written day
    ]
    windows += [
        Window(dt.date(int(y.group(1)), 1, 1), dt.date(int(y.group(1)), 12, 31))
        for y in re.finditer(r"(?<![\w-])in\s+((?:19|20)\d\d)(?![\w-])", words, re.IGNORECASE)
        if free(*y.span())
    ]
    if not windows:
        return None
    return hull(windows)


def _previous_month(day: dt.date) -> dt.date:
    return (day.replace(day=1) - dt.timedelta(days=1)).replace(day=1)


def _month_before(month: int, published: Window, previous_year: bool) -> Window:
    """A named month read against the publication window: in the year before it when the
    words say so, else the latest such month on or before publication."""

    def year_for(day: dt.date) -> int:
        if previous_year:
            return day.year - 1
        return day.year if month <= day.month else day.year - 1

    first = month_window(year_for(published.earliest), month).earliest if published.earliest else None
    last = month_window(year_for(published.latest), month).latest if published.latest else None
    return Window(first, last)


def _this_month(p: Window) -> Window:
    return Window(p.earliest.replace(day=1) if p.earliest else None, p.latest)


def _last_month(p: Window) -> Window:
    return Window(
        _previous_month(p.earliest) if p.earliest else None,
        p.latest.replace(day=1) - dt.timedelta(days=1) if p.latest else None,
    )


def _this_year(p: Window) -> Window:
    return Window(p.earliest.replace(month=1, day=1) if p.earliest else None, p.latest)


def _last_year(p: Window) -> Window:
    return Window(
        dt.date(p.earliest.year - 1, 1, 1) if p.earliest else None,
        dt.date(p.latest.year - 1, 12, 31) if p.latest else None,
    )


# Phrases read against the source's publication window P (each end of P moves the same
# end of the result). Ordered: a phrase is read by the first rule that matches it.
Reader = Callable[[re.Match, Window], Window]
RELATIVE: list[tuple[re.Pattern, Reader]] = [
    (
        re.compile(rf"\b(?:in\s+)?(?P<month>{LONG_MONTH})\s+(?:of\s+)?(?:the\s+previous|last)\s+year\b", re.I),
        lambda m, p: _month_before(MONTHS[m.group("month").lower()], p, previous_year=True),
    ),
    (
        re.compile(rf"\blast\s+(?P<month>{LONG_MONTH})\b", re.I),
        lambda m, p: _month_before(MONTHS[m.group("month").lower()], p, previous_year=False),
    ),
    (re.compile(r"\btoday\b", re.I), lambda m, p: p),
    (re.compile(r"\byesterday\b", re.I), lambda m, p: p.shift(-1)),
    (re.compile(r"\b(?:earlier\s+)?this\s+week\b", re.I), lambda m, p: p.shift(-6, 0)),
    (re.compile(r"\blast\s+week\b", re.I), lambda m, p: p.shift(-13, -1)),
    (re.compile(r"\b(?:earlier\s+)?this\s+month\b", re.I), lambda m, p: _this_month(p)),
    (re.compile(r"\blast\s+month\b", re.I), lambda m, p: _last_month(p)),
    (re.compile(r"\b(?:earlier\s+)?this\s+year\b", re.I), lambda m, p: _this_year(p)),
    (re.compile(r"\b(?:last|the\s+previous)\s+year\b", re.I), lambda m, p: _last_year(p)),
    (
        WEEKDAY_WORD,  # "on Sunday": the latest such day on or before publication
        lambda m, p: p.shift(-6, 0).on_weekday(WEEKDAYS[m.group("weekday").lower()]),
    ),
    (
        re.compile(rf"\bin\s+(?:early\s+|mid-|late\s+)?(?P<month>{LONG_MONTH})\b(?!\s+(?:of\s+)?(?:19|20)\d\d)", re.I),
        lambda m, p: _month_before(MONTHS[m.group("month").lower()], p, previous_year=False),
    ),
]


def relative_window(words: str, published: Window) -> Window | None:
    """What the time phrases in words allow, read against the publication window (all of
    them together); None when the words hold no phrase this module can read."""
    found: Window | None = None
    taken: list[tuple[int, int]] = []
    for pattern, read in RELATIVE:
        for m in pattern.finditer(words):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue  # part of a phrase already read ("last year" inside "November of last year")
            taken.append(m.span())
            window = read(m, published)
            found = window if found is None else found & window
    return found


class DatingError(ValueError):
    """Words that do not give the window a dating says they give; the message follows
    the name of what is dated ("exchange_dates entry for ex-…" + message)."""

    def __init__(self, message: str, key: str | None = "quote"):
        super().__init__(message)
        self.key = key  # the curation key the problem sits on


def window_text(window: Window) -> str:
    first, last = window.iso()
    return f"{window.words()} ({first or '…'} to {last or '…'})"


def read_window(reading: str, quote: str, given: Window, published: Window) -> Window:
    """The window a dating gives: read from its words when they state it or are relative
    to the article's date (a window written beside them must agree), else as written."""
    if reading == "stated":
        read = stated_window(quote)
        if read is None:
            raise DatingError(
                " has reading stated, but its quote writes no date with its year; "
                "use reading relative, event or inferred and say why in basis"
            )
        if given.bounded and given != read:
            raise DatingError(f": the quote states {window_text(read)}, but the window written is {window_text(given)}")
        return read
    if reading == "relative":
        if not published.bounded:
            raise DatingError(
                " is read relative to the article's date, but the source has no publication window "
                "(published_date or published_earliest/published_latest)"
            )
        read = relative_window(quote, published)
        if read is None:
            raise DatingError(
                " has reading relative, but its quote holds no time phrase the build reads (a weekday, today, "
                "yesterday, this/last week, month or year, a month 'of the previous year'); give the window with "
                "reading event or inferred"
            )
        if given.bounded and given != read:
            raise DatingError(
                f": read against the publication window, the quote gives {window_text(read)}, "
                f"but the window written is {window_text(given)}"
            )
        return read
    if not given.bounded:
        raise DatingError(
            f" has reading {reading}: write the window it gives (date, or date_earliest and/or date_latest)", key=None
        )
    return given


def time_phrases(words: str) -> list[tuple[int, int]]:
    """Where words hold a phrase this module reads (a written date or month with its
    year, or a phrase read against the article's date), in the order they come."""
    spans = [(m.start, m.end) for m in date_mentions(words) if m.year]
    spans += [m.span() for m in MONTH_YEAR.finditer(words)]
    spans += [m.span() for pattern, _ in RELATIVE for m in pattern.finditer(words)]
    return sorted(spans)


def weekday_named(words: str) -> str | None:
    """The one weekday the words name, capitalised; None when they name none or several."""
    names = {m.group("weekday").capitalize() for m in WEEKDAY_WORD.finditer(words)}
    return names.pop() if len(names) == 1 else None


def weekday_of(entry: Mapping[str, Any]) -> str | None:
    """The weekday a dating names: as curated, or, for words read against the article's
    date, the one weekday the quote writes ("on Friday")."""
    return entry.get("weekday") or (weekday_named(entry["quote"]) if entry["reading"] == "relative" else None)


def on_weekday(window: Window, weekday: str | None) -> Window:
    return window.on_weekday(WEEKDAYS[weekday.lower()]) if weekday and window.bounded else window


def publication_window(source: Mapping[str, Any]) -> Window:
    """A source's own date: published_date, or its published_earliest/published_latest window."""
    day = source.get("published_date")
    return Window.of(source.get("published_earliest") or day, source.get("published_latest") or day)


def given_window(entry: Mapping[str, Any]) -> Window:
    day = entry.get("date")
    return Window.of(day or entry.get("date_earliest"), day or entry.get("date_latest"))


def curated_dating(entry: Mapping[str, Any], source_id: str, published: Window) -> Dating | None:
    """A dating read from curation alone (no article): what suggest knows of the exchanges
    curated so far. None when its words do not give the window it claims (the build says why)."""
    try:
        window = read_window(entry["reading"], entry["quote"], given_window(entry), published)
    except DatingError:
        return None
    weekday = weekday_of(entry)
    return Dating(source_id, on_weekday(window, weekday), weekday)


# -- an exchange's window, from all its sources' datings ------------------------


@dataclass(frozen=True)
class Dating:
    """One source's dating of one exchange, as in a row of exchange_dates."""

    source_id: str
    window: Window
    weekday: str | None

    @classmethod
    def of_row(cls, row: dict) -> Dating:
        return cls(row["source_id"], Window.of(row["date_earliest"], row["date_latest"]), row["weekday"])


@dataclass(frozen=True)
class Agreement:
    agreement_id: str
    label: str
    window: Window


@dataclass
class Judgement:
    """What an exchange's datings allow together, and what cannot hold."""

    window: Window
    weekday: str | None
    problems: list[str]  # one clause per reason the datings cannot all hold
    conflicting: set[str]  # sources whose dating is part of a conflict

    @property
    def conflict(self) -> bool:
        return bool(self.problems)


def _named(d: Dating) -> str:
    return f"{d.source_id} dates it {d.window.words()}" + (f" (a {d.weekday})" if d.weekday else "")


def judge(datings: list[Dating], agreement: Agreement | None = None) -> Judgement:
    """The intersection of the sources' windows (narrowed to the weekday they name);
    when they cannot all hold, the span of them all, with the reasons."""
    problems: list[str] = []
    conflicting: set[str] = set()
    weekdays = {d.weekday for d in datings if d.weekday}
    if len(weekdays) > 1:
        problems.append("they name different weekdays")
        conflicting |= {d.source_id for d in datings if d.weekday}
    together = Window()
    for d in datings:
        together = together & d.window
    disjoint = [(a, b) for i, a in enumerate(datings) for b in datings[i + 1 :] if (a.window & b.window).empty]
    if disjoint or together.empty:
        problems.append("their windows do not overlap")
        conflicting |= {d.source_id for pair in disjoint for d in pair}
    elif len(weekdays) == 1 and together.bounded and together.on_weekday(WEEKDAYS[next(iter(weekdays)).lower()]).empty:
        problems.append(f"no {next(iter(weekdays))} falls in the window they allow together")
        conflicting |= {d.source_id for d in datings}
    if agreement and agreement.window.earliest:
        early = [d for d in datings if d.window.latest and d.window.latest < agreement.window.earliest]
        if early:
            problems.append(
                f"it is said to fall under the {agreement.label}, which begins {agreement.window.earliest:%-d %B %Y}"
            )
            conflicting |= {d.source_id for d in early}
    weekday = next(iter(weekdays)) if len(weekdays) == 1 else None
    if problems:  # the widest window, which no one weekday describes
        return Judgement(hull(d.window for d in datings), None, problems, conflicting)
    if weekday and together.bounded:
        together = together.on_weekday(WEEKDAYS[weekday.lower()])
    return Judgement(together, weekday, [], set())


def conflict_sentence(label: str, datings: list[Dating], judgement: Judgement) -> str:
    """ "<exchange>: 000 dates it between February 2024 and February 2025; it falls under … ." """
    named = "; ".join(_named(d) for d in sorted(datings, key=lambda d: d.source_id))
    return f"{label}: {named}; " + "; and ".join(judgement.problems) + "."


def basis_sentence(datings: list[Dating], judgement: Judgement) -> str:
    """The exchanges table's date_basis: how its window was derived."""
    if not datings:
        return "No source dates it."
    named = "; ".join(_named(d) for d in sorted(datings, key=lambda d: d.source_id))
    if judgement.conflict:
        which = "This dating cannot hold" if len(datings) == 1 else "These datings cannot all hold"
        return f"{named}. {which} ({'; '.join(judgement.problems)}), so the window is the widest they give."
    how = "the one source's window" if len(datings) == 1 else f"what all {len(datings)} sources' windows allow together"
    return f"{named}. The window is {how}" + (f", on a {judgement.weekday}." if judgement.weekday else ".")
