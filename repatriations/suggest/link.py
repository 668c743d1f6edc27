"""Which exchange a figure is about: a curated one only when its figures *and* its
date fit, else a new exchange proposed for curation/exchanges.yml; and which
agreement an agreed figure describes."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from .. import vocabulary
from ..dating import MONTH_NAMES
from . import lexicon as lx
from .dates import Dated, EventDate, event_date, month_window
from .guess import Guess
from .known import Known
from .people import SPEECH
from .text import SEGMENT_BREAK, SEMICOLON, Sentence, fold, line_bounds, segment_bounds, unique

CLOSE = 0.005  # two figures within 0.5 % of each other are "close" (1,000 and 1,003; not 1,200 and 1,212)
LINKED = vocabulary.with_role("exchange_figure", "exchange_part")


def is_close(a: int, b: int) -> bool:
    return a == b or abs(a - b) <= CLOSE * max(a, b)


@dataclass
class Linkable:
    """What link needs of a draft claim."""

    value: int
    direction: str
    sentence: Sentence
    exchange: Guess | None = None
    at: int | None = None  # where the figure stands in the text
    when: EventDate | None = None  # its own day or month, when it counts one of several handovers


DATELINE_MAX = 40  # "MOSCOW, June 14. /TASS/.": a short dated sentence opening the paragraph


CLAUSE_BREAK = re.compile(r",\s+|;\s+|\s+and\s+", re.IGNORECASE)


def own_segment(text: str, claim: Linkable, breaks: re.Pattern[str] = SEGMENT_BREAK) -> Sentence:
    """The part of the sentence a figure stands in, between ", and" or ";" ("In September
    the ratio was 24 for 1000, and in August 19 for 1000": two handovers, two dates), or
    with CLAUSE_BREAK between any commas ("gave 757 for 45 in February, 909 for 43 in March")."""
    s = claim.sentence
    if claim.at is None:
        return s
    start, end = segment_bounds(text, s, claim.at, breaks)
    return Sentence(s.index, start, end, s.line)


CLAUSE_BREAK = re.compile(r",\s+|;\s+|\s+and\s+", re.IGNORECASE)


def dateline_before(text: str, sentence: Sentence) -> Sentence | None:
    """A short dated sentence that opens the sentence's paragraph ("MOSCOW, June 14. /TASS/.")."""
    line_start = line_bounds(text, sentence.start)[0]
    lead = text[line_start : sentence.start]
    if 0 < len(lead.strip()) <= DATELINE_MAX:
        return Sentence(sentence.index, line_start, sentence.start, sentence.line)
    return None


DATE_HEADING_MAX = 30  # "12 July 2023", "Early October 2023": a timeline entry's date on a line of its own


def date_heading_above(text: str, sentence: Sentence) -> Sentence | None:
    """A timeline entry's date, alone on the line above the sentence's paragraph ("12 July 2023" over "The
    bodies of 19 defenders … are brought back"), which dates every sentence of the entry."""
    line_start = line_bounds(text, sentence.start)[0]
    above = text[:line_start].rstrip("\n")
    if not above or text[len(above) : line_start].count("\n") > 2:
        return None
    start = above.rfind("\n") + 1
    heading = above[start:].strip()
    if not 0 < len(heading) <= DATE_HEADING_MAX or heading.endswith((".", ":")):
        return None
    return Sentence(sentence.index, start, len(above), sentence.line - 1)


def timeline_date(text: str, sentence: Sentence, published: Dated | None) -> EventDate | None:
    """The date heading the sentence's timeline entry, but not the article's own date line over its first paragraph."""
    heading = date_heading_above(text, sentence)
    when = event_date(text, heading, published) if heading else None
    if when is None or not when.words or (published and when.earliest == published.date):
        return None
    return when


def same_window(a: EventDate, b: EventDate) -> bool:
    return (a.earliest, a.latest) == (b.earliest, b.latest)


@dataclass
class Event:
    """One handover the article reports: its date and the figures given for it."""

    key: str
    date: EventDate
    claims: list[Linkable] = field(default_factory=list)
    dated_by: Sentence | None = None  # the sentence whose words give the date

    @property
    def date_sentence(self) -> Sentence:
        return self.dated_by or self.claims[0].sentence

    def figures(self, direction: str) -> list[int]:
        return [c.value for c in self.claims if c.direction == direction]


@dataclass(frozen=True)
class NewExchange:
    exchange_id: str
    label: str


@dataclass(frozen=True)
class EventDating:
    """When the article says a handover it reports happened, for its exchange_dates."""

    exchange_id: str
    date: EventDate
    sentence: Sentence
    news: bool  # the article's own news, not an earlier handover it recalls


MONTH_OPENING = re.compile(
    rf"\s*(?:In\s+)?(?:early\s+|late\s+|mid-)?(?:{'|'.join(MONTH_NAMES)})\b", re.IGNORECASE
)


def paragraph_opening(text: str, sentence: Sentence) -> str | None:
    """The month a paragraph opens with ("August brought …", "In October, …"), which
    dates its sentences that name no date of their own."""
    opening = MONTH_OPENING.match(text, line_bounds(text, sentence.start)[0])
    return re.sub(r"^\s*in\s+", "", opening.group(), flags=re.IGNORECASE).strip() if opening else None


def dated_words(text: str, claim: Linkable, published: Dated | None) -> EventDate:
    """The date a figure's own words give: its clause's, its segment's, its sentence's, its paragraph's dateline,
    or the date heading its timeline entry."""
    whole = event_date(text, claim.sentence, published)
    clause, segment = own_segment(text, claim, CLAUSE_BREAK), own_segment(text, claim)
    half = own_segment(text, claim, SEMICOLON)  # "…, where Kyiv counted 1,245; on 19 December … where Kyiv counted 1,003"
    for part in (clause, segment, half, claim.sentence, dateline_before(text, claim.sentence)):
        if part is not None and (when := event_date(text, part, published)).words:
            return whole if same_window(when, whole) else when  # the sentence's words may say it with the year
    if heading_date := timeline_date(text, claim.sentence, published):  # read only where the figure's own words give none
        return whole if same_window(heading_date, whole) else heading_date
    if (opening := paragraph_opening(text, claim.sentence)) and (month := month_window(f"in {opening}", published)):
        return day_of_month(text, claim.sentence, month) or EventDate(month.earliest, month.latest, None, opening)
    return whole


ORDINAL_DAY = re.compile(r"\bthe\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b", re.IGNORECASE)


def day_of_month(text: str, sentence: Sentence, month: EventDate) -> EventDate | None:
    """"On the 19th" in a paragraph about August: that day of the paragraph's month, for
    every sentence of the paragraph (it names the day once)."""
    found = ORDINAL_DAY.search(text, *line_bounds(text, sentence.start, sentence.end))
    if not found or month.earliest is None:
        return None
    try:
        day = month.earliest.replace(day=int(found.group("day")))
    except ValueError:
        return None
    return EventDate(day, day, day.strftime("%A"), found.group())


def without_comparison(text: str, claim: Linkable) -> Linkable:
    """The figure's sentence up to a comparison after it ("19 bodies, the same as a month
    ago", "19, as many as it got in July"): the words compared with are another handover's."""
    s = claim.sentence
    comparison = lx.pattern("date_words", "comparison")
    if claim.at is None or not (found := comparison.search(fold(text[s.start : s.end]), claim.at - s.start)):
        return claim
    return replace(claim, sentence=Sentence(s.index, s.start, s.start + found.start(), s.line))


def sentence_event(text: str, claim: Linkable, published: Dated | None) -> tuple[str, EventDate]:
    """The handover a figure is about: the article's own ("main") or an earlier one it recalls."""
    claim = without_comparison(text, claim)
    sentence = claim.sentence
    words = fold(text[sentence.start : sentence.end])
    # "…, Medinsky wrote, noting the numbers were the same as a month ago": words after the speaker are not the handover's
    if claim.at is not None and (said := SPEECH.search(words, claim.at - sentence.start)):
        words = words[: said.start()]
    when = dated_words(text, claim, published)
    same_day = lx.pattern("date_words", "same_day").search(words)
    earlier = None if same_day else lx.pattern("date_words", "past_handover").search(words)
    if earlier and re.match(rf"\s+(?:{lx.alternation('date_words', 'series_part')})", words[earlier.end() :]):
        earlier = None  # "the last batch": the end of this series
    if earlier or (when.words and published and when.latest and when.latest < published.date - dt.timedelta(days=7)):
        if month := month_window(text[sentence.start : sentence.end], published):
            when = month if not when.words else when
        if when.words or earlier:
            return f"earlier:{when.earliest}:{when.latest}:{when.words}", when
    return "main", when


def date_fits(exchange: dict, when: EventDate) -> bool:
    lo, hi = exchange.get("date_earliest"), exchange.get("date_latest")
    if when.earliest and hi and when.earliest.isoformat() > hi:
        return False
    if when.latest and lo and when.latest.isoformat() < lo:
        return False
    weekday = exchange.get("weekday")
    return not (weekday and when.weekday and when.earliest == when.latest and weekday.lower() != when.weekday.lower())


def figure_score(event: Event, recorded: dict[str, set[int]]) -> float:
    """2 for each direction the exchange records with the same figure, 1 for a close one; 0 on any contradiction."""
    score, contradicted = 0.0, []
    for direction, values in recorded.items():
        mine = event.figures(direction)
        if not mine:
            continue
        if any(v in values for v in mine):
            score += 2
        elif any(is_close(v, r) for v in mine for r in values):
            score += 1
        else:
            contradicted.append(direction)
    # a total is the figure most often guessed wrong ("exchange war dead; … 1,003"): both directions
    # the same to the body outweigh it, any other contradiction rules the exchange out
    if contradicted and (contradicted != ["total"] or score < 4):
        return 0.0
    return score


def support(event: Event, recorded: dict[str, set[int]]) -> int:
    """How many of the event's claims give a figure the exchange records, the same way."""
    return sum(1 for c in event.claims if c.value in recorded.get(c.direction, set()))


def choose_exchange(event: Event, known: Known) -> tuple[str | None, str]:
    scored = []
    for exchange_id, recorded in known.exchange_values.items():
        score = figure_score(event, recorded)
        if score > 0:
            scored.append((score, exchange_id))
    if not scored:
        return None, "no curated exchange has these figures"
    fitting = [(s, e) for s, e in scored if date_fits(known.exchanges.get(e, {}), event.date)]
    if not fitting:
        names = ", ".join(e for _, e in sorted(scored, reverse=True)[:2])
        return None, f"the figures match {names}, but its date window or weekday does not fit {describe(event.date)}"
    # a tie goes to the exchange more of the article's claims give figures of ("38" said three
    # times, a stray "30" once), else it is left for a person
    ranked = sorted(((s, support(event, known.exchange_values[e]), e) for s, e in fitting), key=lambda r: r[:2], reverse=True)
    if len(ranked) > 1 and ranked[0][:2] == ranked[1][:2]:
        tied = [e for s, _, e in ranked if s == ranked[0][0]]
        return None, f"as likely {', '.join(tied)}: left for a person to decide"
    best = ranked[0][2]
    if event.date.earliest is None and event.date.latest is None:
        return best, f"exchange {best}: the same or close figures; the article gives no date to check its window against"
    return best, f"exchange {best}: the same or close figures, and its window fits {describe(event.date)}"


def describe(when: EventDate) -> str:
    if when.earliest and when.latest:
        span = when.earliest.isoformat() if when.earliest == when.latest else f"{when.earliest} to {when.latest}"
        return f"the article's date ({span}{', ' + when.weekday if when.weekday else ''})"
    return "an undated article" + (f" ({when.weekday})" if when.weekday else "")


def new_exchange(event: Event, taken: set[str]) -> NewExchange:
    up, down = event.figures("to_ukraine"), event.figures("to_russia")
    parts = []
    if up:
        parts.append(f"{max(up):,} bodies to Ukraine")
    if down:
        parts.append(f"{max(down):,} to Russia")
    total = event.figures("total")
    if not parts and total:
        parts.append(f"{max(total):,} bodies in all")
    label = ", ".join(parts) or "a handover of bodies"
    when = event.date
    day = when.earliest.isoformat() if when.earliest and when.earliest == when.latest else None
    stem = "-".join(
        p
        for p in [
            "ex",
            day or (when.earliest.strftime("%Y-%m") if when.earliest else ""),
            f"{max(up) if up else ''}",
            f"for-{max(down)}" if down else "",
        ]
        if p
    )
    exchange_id = unique(stem, taken)
    return NewExchange(exchange_id, label + (f" ({day})" if day else ""))


def news_event(published: Dated | None) -> EventDate:
    """The handover an article reports without saying when: its own day or the days before."""
    if published is None:
        return EventDate(None, None, None, None)
    return EventDate(published.date - dt.timedelta(days=3), published.date, None, None)


def latest_first(event: Event) -> tuple[dt.date, int]:
    return (event.date.latest or dt.date.min, -len(event.claims))


def occasion_event(claim: Linkable, published: Dated | None) -> tuple[str, EventDate]:
    """The handover of one occasion of a repeated figure: the article's own when recent, else an earlier one."""
    when = claim.when or EventDate(None, None, None, None)
    if published and when.latest and when.latest < published.date - dt.timedelta(days=7):
        return f"earlier:{when.earliest}:{when.latest}:{when.words}", when
    return "main", when


def group_events(text: str, claims: list[Linkable], published: Dated | None) -> list[Event]:
    """One event per handover: sentences dated alike share one ("on June 11" and "on June
    13" are two); a figure whose sentence gives no date joins the dated handover with the
    same figure, else the latest one in the article's own week, else the article's news."""
    events: dict[str, Event] = {}
    undated: list[Linkable] = []
    for claim in claims:
        key, when = occasion_event(claim, published) if claim.when else sentence_event(text, claim, published)
        if key == "main" and not when.words:
            undated.append(claim)
            continue
        if key == "main":
            key = f"day:{when.earliest}:{when.latest}"
        events.setdefault(key, Event(key, when, dated_by=claim.sentence)).claims.append(claim)
    current = [e for e in events.values() if not e.key.startswith("earlier:")]
    week = [e for e in current if published is None or (e.date.latest and e.date.latest >= published.date - dt.timedelta(days=7))]
    for claim in undated:
        # the same figure, or one as close as 1,000 and 1,003: the two sides' counts of one handover
        same = [e for e in current if any(is_close(claim.value, v) for v in e.figures(claim.direction))]
        home = max(same or week, key=latest_first, default=None)
        if home is None:
            home = events.setdefault("main", Event("main", news_event(published)))
            current.append(home)
        home.claims.append(claim)
    return list(events.values())


def assign_exchanges(
    text: str, claims: list[Linkable], known: Known, published: Dated | None
) -> tuple[list[NewExchange], list[EventDating]]:
    """Group the article's figures by the handover they describe and link each group;
    each group's date words become the article's dating of its exchange."""
    proposals: list[NewExchange] = []
    datings: dict[str, EventDating] = {}
    taken = set(known.exchanges)  # a proposed id never repeats a curated one
    for event in group_events(text, claims, published):
        exchange_id, why = choose_exchange(event, known)
        if exchange_id is None:
            proposal = new_exchange(event, taken)
            proposals.append(proposal)
            exchange_id, why = proposal.exchange_id, f"new exchange {proposal.exchange_id} proposed: {why}"
        for claim in event.claims:
            claim.exchange = Guess(exchange_id, why)
        news = not event.key.startswith("earlier:")
        datings.setdefault(exchange_id, EventDating(exchange_id, event.date, event.date_sentence, news))
    return proposals, list(datings.values())


def named_agreement(text: str, known: Known) -> str | None:
    """The one curated agreement whose place the article names."""
    named = [
        a["agreement_id"]
        for a in known.agreements
        if any(re.search(rf"\b{re.escape(place)}\b", text) for place in re.split(r",\s*", a.get("place") or "") if place)
    ]
    return named[0] if len(named) == 1 else None
