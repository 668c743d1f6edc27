"""The draft's exchange_dates and publication words: each handover's date words as a
quote the build will find, read the way the build reads them (repatriations.dating),
so that what the draft proposes is what the build will derive."""

from __future__ import annotations

import re
from typing import Any

from .. import dating
from ..errors import BuildError
from ..normalise import Normalised
from ..provenance import all_starts
from .dates import Dated
from .link import EventDating
from .text import Sentence, verbatim_quote

OPENING = 100  # characters of a sentence quoted when it carries no date words
TODAY = re.compile(r"\btoday\b[\s,]*$", re.IGNORECASE)


def verbatim(norm: Normalised, sentence: Sentence, words: str) -> tuple[str, int | None] | None:
    """The words as the article writes them in this sentence, and which occurrence of
    them in the raw text that is (None when they appear once); None when they are not there."""
    i = norm.text[sentence.start : sentence.end].lower().find(words.lower())
    if i < 0 or not words:
        return None
    try:
        _, quote, occurrence = verbatim_quote(norm, sentence.start + i, sentence.start + i + len(words))
    except BuildError:
        return None
    return quote, occurrence


def opening(norm: Normalised, sentence: Sentence) -> str:
    text = norm.text[sentence.start : sentence.end].strip()
    return text if len(text) <= OPENING else text[:OPENING].rsplit(" ", 1)[0]


def publication(published: Dated | None) -> dating.Window:
    return dating.Window(published.date, published.date) if published else dating.Window()


def reading_of(quote: str, published: dating.Window) -> str | None:
    """stated when the words give the date with its year, relative when the build reads
    them against the article's date, else None (the draft's own window is inferred)."""
    if dating.stated_window(quote) is not None:
        return "stated"
    if published.bounded and dating.relative_window(quote, published) is not None:
        return "relative"
    return None


def entry(exchange_id: str, quote: str, occurrence: int | None, reading: str, basis: str, **window: Any) -> dict:
    return {
        "exchange_id": exchange_id,
        "reading": reading,
        **window,
        "quote": quote,
        "occurrence": occurrence,
        "basis": f"DRAFT: {basis} Check it against the article.",
    }


def candidates(norm: Normalised, event: EventDating) -> list[tuple[str, int | None]]:
    """Words that may date the handover, verbatim: those the draft read its date from,
    then every time phrase of the sentence the build can read."""
    text = norm.text[event.sentence.start : event.sentence.end]
    words = [event.date.words] if event.date.words else []
    phrases = [text[start:end] for start, end in dating.time_phrases(text)]
    # "in March" before the sentence's first "in January" when the draft read "March": the
    # sentence names several handovers ("757 in January …, then 909 in March, in April")
    holding = [p for p in phrases if event.date.words and event.date.words.lower() in p.lower()]
    words += holding + [p for p in phrases if p not in holding]
    return [found for w in words if (found := verbatim(norm, event.sentence, w))]


def today_words(norm: Normalised, published: Dated | None) -> tuple[str, int | None] | None:
    """The article's own date when a kept sentence of its text says the news is of that
    day ("Today, 29 January 2026, another repatriation took place")."""
    if published is None:
        return None
    for start in all_starts(norm.text, published.words):
        line_start = norm.text.rfind("\n", 0, start) + 1
        if TODAY.search(norm.text[line_start:start]):
            try:
                _, quote, occurrence = verbatim_quote(norm, start, start + len(published.words))
            except BuildError:
                continue
            return quote, occurrence
    return None


def draft_dating(norm: Normalised, published: Dated | None, event: EventDating) -> dict[str, Any] | None:
    """One exchange_dates entry, or None when the article dates the handover not at all."""
    when, pub = event.date, publication(published)
    today = today_words(norm, published) if event.news and not when.words else None
    # "on Friday, Saturday and Sunday" names three days: the build reads such words as one window, so
    # each day's window is the draft's own, inferred
    several_days = bool(when.words) and len(dating.WEEKDAY_WORD.findall(when.words or "")) > 1
    for quote, occurrence in [] if several_days else [*candidates(norm, event), *([today] if today else [])]:
        if reading := reading_of(quote, pub):
            against = " against the article's date" if reading == "relative" else ""
            return entry(event.exchange_id, quote, occurrence, reading, f'"{quote}" read{against}.')
    found = verbatim(norm, event.sentence, when.words) if when.words else None
    if found is None:
        found = verbatim(norm, event.sentence, opening(norm, event.sentence))
    if found is None or not (when.earliest or when.latest):
        return None
    quote, occurrence = found
    earliest = when.earliest.isoformat() if when.earliest else None
    latest = when.latest.isoformat() if when.latest else None
    weekday = when.weekday if when.weekday and dating.weekday_named(quote) == when.weekday else None
    why = (
        f'"{quote}" read in the year of the article\'s date.'
        if when.words
        else "reported as the article's news, so in the days up to its date."
    )
    window = {"date_earliest": earliest, "date_latest": latest, "weekday": weekday}
    return entry(event.exchange_id, quote, occurrence, "inferred", why, **window)


def published_words(norm: Normalised, published: Dated | None) -> dict[str, Any]:
    """published_reading and published_quote for the draft's publication date."""
    if published is None or not all_starts(norm.raw_text, published.words):
        return {}
    stated = dating.stated_window(published.words) == publication(published)
    return {"published_reading": "stated" if stated else "inferred", "published_quote": published.words}
