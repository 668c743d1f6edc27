"""Write a synthetic project tree (raw/ + curation/) in the project's own formats,
for benchmarks and tests: `python build.py --root DIR` builds it unchanged.

    python benchmarks/synth.py --articles 1000 --out benchmarks/out/1000 [--seed 0]

(benchmarks/synth.py runs this module's command; `python -m repatriations.support.synth` does too.)

Every article is plain UTF-8 with LF line ends: a headline, some page furniture
that normalisation removes, and a few paragraphs. Its curation has about ten
claims whose quotes are verbatim, unique sentences of the text with the value
written in them ("1,003", "five", "14th"); several articles report each exchange,
and some disagree on the figures. The only numbers outside claim quotes are dates
and the idiom "one of", each listed under `not_claims`. Everything is drawn from
one seeded random.Random, so a seed always gives the same bytes.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import random
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterable
from contextlib import closing
from dataclasses import dataclass, field
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any

import click

from repatriations.support.checkout import ROOT

Record = dict[str, Any]

FIRST_NAMES = (
    "Oksana Olena Iryna Natalia Tetiana Yulia Halyna Mariia Andriy Dmytro Oleksandr Serhiy Mykola Taras Bohdan Yurii "
    "Vasyl Roman Ivan Petro Anna Sofia Pavel Nikolai Sergei Yelena Svetlana Alexei Mikhail Viktor Ayse Mehmet Elif "
    "Leyla Karim Ingrid Lars Astrid Pieter Margot"
).split()
LAST_NAMES = (
    "Hrytsenko Kovalenko Bondarenko Tkachenko Melnyk Shevchuk Kravets Oliinyk Lysenko Savchenko Rudenko Marchenko "
    "Polishchuk Moroz Zakharchenko Ivanova Sokolov Volkov Lebedev Kuznetsova Orlov Belova Morozov Smirnova Yilmaz "
    "Demir Kaya Aksoy Lindqvist Janssen Dupont Moreau Berger Novak Horvat"
).split()
PUBLISHERS = (
    "The Kyiv Ledger",
    "Eastern Europe Monitor",
    "Black Sea Herald",
    "Dnipro Daily",
    "Continental Wire",
    "The Frontline Observer",
    "Danube Post",
    "The Steppe Courier",
    "Harbour Times",
    "Northern Gazette",
    "Carpathian Chronicle",
    "Baltic Review",
)
# (official_id, name, kind, side, role)
BODIES = (
    (
        "ua-coordination-hq",
        "Coordination Headquarters for the Treatment of Prisoners of War",
        "body",
        "ukraine",
        "Ukrainian state body that receives repatriated bodies",
    ),
    ("ua-defence-ministry", "Ministry of Defence of Ukraine", "body", "ukraine", "Ukraine's defence ministry"),
    ("ru-defence-ministry", "Russian Defence Ministry", "body", "russia", "Russia's defence ministry"),
    ("icrc", "International Committee of the Red Cross", "body", "international", "Neutral intermediary at handovers"),
)
# side -> (title as written, role) for people
TITLES = {
    "ukraine": (
        ("Ukrainian ombudsman", "Parliament's human rights commissioner of Ukraine"),
        ("Ukrainian Defence Minister", "Defence Minister of Ukraine"),
        ("Kyiv's chief negotiator", "Head of Ukraine's negotiating team"),
        ("Ukrainian lawmaker", "Member of the Ukrainian parliament"),
    ),
    "russia": (
        ("Russian negotiator", "Head of Russia's negotiating team"),
        ("Kremlin aide", "Adviser to the Russian president"),
        ("Russian rights commissioner", "Human rights commissioner of Russia"),
        ("Russian lawmaker", "Member of the State Duma"),
    ),
    "international": (
        ("Turkish mediator", "Mediator at the Istanbul talks"),
        ("UN envoy", "United Nations envoy on humanitarian issues"),
    ),
}
PEOPLE_PER_SIDE = {"ukraine": 14, "russia": 12, "international": 6}
# (agreement_id, city, place, first day, last day, bodies per side)
AGREEMENTS = (
    ("istanbul-2022-09", "Istanbul", "Istanbul, Turkey", "2022-09-01", "2022-09-30", 1000),
    ("abu-dhabi-2023-08", "Abu Dhabi", "Abu Dhabi, United Arab Emirates", "2023-08-01", "2023-08-31", 2000),
    ("riyadh-2024-05", "Riyadh", "Riyadh, Saudi Arabia", "2024-05-01", "2024-05-31", 3000),
    ("istanbul-2025-06", "Istanbul", "Istanbul, Turkey", "2025-06-01", "2025-06-30", 6000),
)
FIRST_EXCHANGE, LAST_EXCHANGE = dt.date(2022, 10, 1), dt.date(2026, 2, 28)
SMALL = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen".split()
ORDINALS = "ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split()
FILLERS = (
    "Forensic experts will now work to identify the remains before they are handed over to families for burial",
    "The handover took place at a crossing on the border with Belarus",
    "Refrigerated railway wagons carried the bodies to a morgue in the Kyiv region",
    "Families of missing soldiers have waited months for news of their relatives",
    "Identification can take weeks because many of the remains were badly damaged",
    "Both sides accuse each other of slowing down the process",
    "Humanitarian groups have urged the parties to speed up such exchanges",
    "Neither side gave details of where the soldiers had been killed",
    "DNA samples collected from relatives will be compared with the remains",
    "Exchanges of bodies have continued even as fighting rages along the front line",
    "Mediators from several countries have helped to arrange such handovers",
    "The Kremlin did not immediately comment on the figures",
    "Ukrainian police investigators will take part in the examinations",
    "Relatives are asked to contact the authorities if they recognise personal belongings",
    "Analysts say the exchanges are a rare channel of communication between the warring sides",
    "Prisoner exchanges have also resumed after a pause of several months",
    "The bodies were transported in sealed containers under the supervision of observers",
    "Human rights groups have called for independent investigations into deaths in custody",
    "Negotiations on a broader ceasefire remain stalled",
    "Ukrainian officials thanked the mediators for their help",
    "Russian state media broadcast footage of the handover",
    "The return of the dead is governed by the Geneva Conventions",
    "Many families say they still have no information about their relatives",
    "Volunteers helped to unload the containers at the morgue",
    "Some of the dead had been listed as missing since the early months of the invasion",
    "Investigators said personal documents found with the remains would speed up identification",
    "The coordination of such handovers usually takes several weeks of quiet negotiation",
    "Officials declined to say when the next exchange might take place",
    "Religious leaders on both sides have appealed for the dead to be treated with dignity",
    "Observers from international organisations were present at the crossing",
    "Relatives gathered outside the morgue as the convoy arrived",
    "The authorities promised to inform families as soon as the examinations are complete",
)
ALSO_READ = (
    "Also read: Families wait for news of missing soldiers",
    "Also read: How the dead are identified after an exchange",
    "Also read: Talks on prisoners stall again",
)
DELTAS = (1, 2, 3, 4, 12, 26, -1, -2, -3)


@dataclass
class Official:
    official_id: str
    name: str
    kind: str
    side: str
    role: str
    title: str | None = None

    @property
    def as_written(self) -> str:
        return f"{self.title} {self.name}" if self.title else self.name

    def record(self) -> Record:
        return {"official_id": self.official_id, "name": self.name, "kind": self.kind, "side": self.side, "role": self.role}


@dataclass
class Exchange:
    exchange_id: str
    day: dt.date
    precision: str
    to_ukraine: int
    to_russia: int
    died: int
    agreement: tuple | None
    reported: set[tuple[str, int]] = field(default_factory=set)
    stems: list[str] = field(default_factory=list)

    @property
    def window(self) -> tuple[dt.date, dt.date]:
        if self.precision == "day":
            return self.day, self.day
        if self.precision == "week":
            return self.day - dt.timedelta(days=6), self.day
        last = calendar.monthrange(self.day.year, self.day.month)[1]
        return self.day.replace(day=1), self.day.replace(day=last)

    @property
    def phrase(self) -> str:
        """How the articles date the handover (with the numbers each lists in not_claims)."""
        d = self.day
        if self.precision == "day":
            return f"on {d:%A} {d.day} {d:%B} {d.year}"
        if self.precision == "week":
            return f"in the week to {d:%A} {d.day} {d:%B} {d.year}"
        return f"in {d:%B} {d.year}"

    def dating(self) -> Record:
        """How each article dates the handover: its sentence states the day or the month,
        or the week up to a day (which the build reads as that day, so it is inferred)."""
        earliest, latest = self.window
        stated = self.precision != "week"
        return {
            "exchange_id": self.exchange_id,
            "reading": "stated" if stated else "inferred",
            "date_earliest": earliest.isoformat(),
            "date_latest": latest.isoformat(),
            "weekday": f"{self.day:%A}" if self.precision == "day" else None,
            "quote": f"The handover took place {self.phrase}",
            "basis": "The sentence states it." if stated else "The seven days up to the day the sentence names.",
        }

    def record(self) -> Record:
        label = f"{self.to_ukraine:,} bodies to Ukraine, {self.to_russia:,} to Russia"
        rec = {
            "exchange_id": self.exchange_id,
            "label": f"{label} ({self.day:%B %Y})",
            "agreement_id": self.agreement[0] if self.agreement else None,
        }
        disputed = sorted(v for m, v in self.reported if m == "bodies_to_ukraine")
        if len(disputed) > 1:
            rec["notes"] = "Sources disagree on the bodies returned to Ukraine: " + ", ".join(f"{v:,}" for v in disputed)
        return rec


@dataclass
class Article:
    stem: str
    source: Record
    lines: list[str] = field(default_factory=list)
    names: list[Record] = field(default_factory=list)
    claims: list[Record] = field(default_factory=list)
    not_claims: list[Record] = field(default_factory=list)
    datings: list[Record] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines) + "\n"

    def curation(self, sha256: str) -> Record:
        return {
            **self.source,
            "sha256": sha256,
            "names": self.names,
            "exchange_dates": self.datings,
            "claims": self.claims,
            "not_claims": self.not_claims,
        }


@dataclass
class Tree:
    officials: list[Official]
    exchanges: list[Exchange]
    articles: list[Article]

    @property
    def claims(self) -> int:
        return sum(len(a.claims) for a in self.articles)


# ---------------------------------------------------------------- YAML (hand-written: yaml.dump is too slow)


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return encode_basestring(value)  # a JSON string is a YAML double-quoted scalar


def _mapping(record: Record, indent: str, first: str) -> Iterable[str]:
    prefix = first
    for key, value in record.items():
        if value is None or value == []:
            continue
        if isinstance(value, list):
            yield f"{prefix}{key}:"
            for item in value:
                yield from _mapping(item, indent + "    ", indent + "  - ")
        else:
            yield f"{prefix}{key}: {_scalar(value)}"
        prefix = indent


def to_yaml(record: Record, header: str = "") -> str:
    return header + "\n".join(_mapping(record, "", "")) + "\n"


# ---------------------------------------------------------------- the world: officials, agreements, exchanges


def make_officials(rng: random.Random) -> list[Official]:
    officials = [Official(*body) for body in BODIES]
    seen: set[str] = set()
    for side, count in PEOPLE_PER_SIDE.items():
        for _ in range(count):
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            while name in seen:
                name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            seen.add(name)
            title, role = rng.choice(TITLES[side])
            officials.append(Official(name.lower().replace(" ", "-"), name, "person", side, role, title))
    return officials


def agreement_records() -> list[Record]:
    return [
        {
            "agreement_id": aid,
            "label": f"{city} agreement on the return of bodies ({dt.date.fromisoformat(first):%B %Y})",
            "place": place,
            "date_earliest": first,
            "date_latest": last,
            "date_basis": f"Synthetic: talks held in {city} in {dt.date.fromisoformat(first):%B %Y}.",
            "notes": f"Each side is to hand over up to {per_side:,} bodies.",
        }
        for aid, city, place, first, last, per_side in AGREEMENTS
    ]


def agreement_for(day: dt.date) -> tuple | None:
    """The latest agreement concluded before the exchange."""
    before = [a for a in AGREEMENTS if dt.date.fromisoformat(a[4]) < day]
    return before[-1] if before else None


def make_exchanges(rng: random.Random, count: int) -> list[Exchange]:
    span = (LAST_EXCHANGE - FIRST_EXCHANGE).days
    days = sorted(FIRST_EXCHANGE + dt.timedelta(days=rng.randrange(span)) for _ in range(count))
    exchanges = []
    for k, day in enumerate(days, 1):
        to_ukraine = rng.choice((rng.randrange(40, 1300), rng.randrange(1, 13) * 100, 1000))
        exchanges.append(
            Exchange(
                exchange_id=f"ex-{k:05d}",
                day=day,
                precision=rng.choice(("day", "day", "week", "month")),
                to_ukraine=to_ukraine,
                to_russia=rng.randrange(10, 90),
                died=rng.randrange(1, len(SMALL) + 1),
                agreement=agreement_for(day),
            )
        )
    return exchanges


# ---------------------------------------------------------------- one article


@dataclass
class Draft:
    """What an article is being written from, and what it has written so far."""

    rng: random.Random
    article: Article
    exchange: Exchange
    officials: dict[str, list[Official]]
    named: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        # the figures this article gives throughout: usually the exchange's, sometimes off a little
        self.to_ukraine = self.varied(self.exchange.to_ukraine)
        self.to_russia = self.varied(self.exchange.to_russia)

    def varied(self, value: int, chance: float = 0.3) -> int:
        if self.rng.random() < chance:
            return max(1, value + self.rng.choice(DELTAS))
        return value

    def claim(self, quote: str, side: str, metric: str, value: int | None = None, **extra: Any) -> Record:
        n = len(self.article.claims) + 1
        claim: Record = {"claim_id": f"{self.article.source['source_id']}-c{n:02d}"}
        if metric not in ("agreed_bodies_per_side", "agreed_bodies_total", "cumulative_bodies_to_ukraine", "repatriation_count"):
            claim["exchange_id"] = self.exchange.exchange_id
        claim |= {"side": side, "metric": metric}
        if value is not None:
            claim |= {"value": value, "qualifier": "exact"}
            self.exchange.reported.add((metric, value))
        claim |= extra
        claim["quote"] = quote
        self.article.claims.append(claim)
        return claim

    def official(self, side: str, kind: str | None = None) -> Official:
        pool = [o for o in self.officials[side] if kind is None or o.kind == kind]
        official = self.rng.choice(pool)
        if official.official_id not in self.named:
            self.named.add(official.official_id)
            name: Record = {"official_id": official.official_id, "as_written": official.as_written}
            if official.title:
                name["title"] = official.title
            self.article.names.append(name)
        return official

    def attributed(self, official: Official) -> Record:
        return {"official_id": official.official_id, "attributed_to": official.as_written}

    def not_claim(self, number: str, near: str, reason: str) -> None:
        self.article.not_claims.append({"number": number, "near": near, "reason": reason})


def subject(o: Official) -> str:
    """An official opening a sentence: a person with their title, a body with its article."""
    return o.as_written if o.title else f"The {o.as_written}"


def headline(d: Draft) -> str:
    u, r = d.to_ukraine, d.to_russia
    pattern = d.rng.randrange(3)
    if pattern == 0:
        text = f"Russia returns {u:,} bodies of fallen Ukrainian soldiers"
    elif pattern == 1:
        text = f"Ukraine receives {u:,} bodies in latest repatriation"
    else:
        text = f"Ukraine gets back {u:,} fallen soldiers, hands {r:,} to Russia"
        d.claim(text, "media", "bodies_to_russia", r, unit="soldiers", notes="Headline.")
    d.claim(text, "media", "bodies_to_ukraine", u, unit="bodies", notes="Headline.")
    return text


def lead(d: Draft) -> str:
    u = d.to_ukraine
    if d.rng.random() < 0.5:
        o = d.official("ukraine", "person")
        text = f"{o.as_written} said that the bodies of {u:,} fallen defenders had been returned to Ukraine"
    else:
        o = d.official("ukraine", "body")
        text = f"Ukraine has received the bodies of {u:,} soldiers, according to the {o.as_written}"
    d.claim(text, "ukraine", "bodies_to_ukraine", u, unit="bodies", **d.attributed(o))
    return text


def to_russia(d: Draft) -> str:
    r = d.to_russia
    text = f"In return, Ukraine handed over the remains of {r:,} Russian servicemen"
    d.claim(text, "media", "bodies_to_russia", r, unit="remains")
    return text


def russian_account(d: Draft) -> str:
    o = d.official("russia")
    u, r = d.varied(d.exchange.to_ukraine, 0.5), d.varied(d.exchange.to_russia, 0.5)
    text = f"{subject(o)} said Moscow had handed over {u:,} bodies and received {r:,} in exchange"
    d.claim(text, "russia", "bodies_to_ukraine", u, unit="bodies", **d.attributed(o))
    d.claim(text, "russia", "bodies_to_russia", r, unit="bodies", **d.attributed(o))
    return text


def died_in_captivity(d: Draft) -> str:
    o = d.official("ukraine", "body")
    died = d.exchange.died
    text = f"According to the {o.as_written}, {SMALL[died - 1]} of the dead had died in captivity"
    d.claim(text, "ukraine", "died_in_captivity", died, unit="soldiers", **d.attributed(o))
    return text


def range_estimate(d: Draft) -> str:
    u = d.exchange.to_ukraine
    low, high = max(1, u - d.rng.randrange(5, 60)), u + d.rng.randrange(5, 60)
    text = f"Local officials put the number of bodies at between {low:,} and {high:,}"
    d.claim(text, "media", "bodies_to_ukraine", low, unit="bodies", value_high=high)["qualifier"] = "range"
    return text


def approximate(d: Draft) -> str:
    approx = max(10, round(d.exchange.to_ukraine, -1))
    text = f"Some {approx:,} bodies arrived on refrigerated trains, a railway official said"
    d.claim(text, "media", "bodies_to_ukraine", approx, unit="bodies")["qualifier"] = "approximately"
    return text


def total(d: Draft) -> str:
    both = d.exchange.to_ukraine + d.exchange.to_russia
    text = f"In all, {both:,} bodies changed hands"
    d.claim(text, "media", "bodies_total", both, unit="bodies")
    return text


def agreement(d: Draft) -> str | None:
    if not d.exchange.agreement:
        return None
    aid, city, *_, per_side = d.exchange.agreement
    if d.rng.random() < 0.5:
        o = d.official("international", "person")
        text = f"{o.as_written} recalled that in {city} both sides had agreed to hand over up to {per_side:,} bodies each"
        claim = d.claim(text, "international", "agreed_bodies_per_side", per_side, unit="bodies", **d.attributed(o))
        claim["qualifier"] = "up_to"
    else:
        text = f"The deal reached in {city} provides for the return of {2 * per_side:,} bodies in all"
        claim = d.claim(text, "media", "agreed_bodies_total", 2 * per_side, unit="bodies")
    claim["agreement_id"] = aid
    return text


def cumulative(d: Draft) -> str:
    so_far = d.exchange.to_ukraine * d.rng.randrange(3, 9) + d.rng.randrange(1000)
    text = f"Since the start of the year, more than {so_far:,} bodies have been returned to Ukraine"
    claim = d.claim(text, "media", "cumulative_bodies_to_ukraine", so_far, unit="bodies", as_of="this year")
    # "the year" is the year of the handover the article dates
    claim |= {"qualifier": "more_than", "period_start": f"{d.exchange.day.year}-01-01"}
    claim["period_end"] = d.exchange.window[1].isoformat()
    return text


def repatriation_count(d: Draft) -> str:
    n = d.rng.randrange(9, 9 + len(ORDINALS))
    if d.rng.random() < 0.5:
        written = ORDINALS[n - 9]
    else:
        written = f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"
    text = f"It was the {written} repatriation of the year"
    d.claim(text, "media", "repatriation_count", n, unit="repatriations", as_of="this year")
    return text


def framing(d: Draft, side: str) -> str:
    if side == "ukraine":
        o = d.official("ukraine", "person")
        text = f"{o.as_written} called the handover a humanitarian obligation that Russia had long delayed"
        frame = "overdue_obligation"
    elif side == "russia":
        o = d.official("russia", "person")
        text = f"{o.as_written} described the transfer as a goodwill gesture by Moscow"
        frame = "goodwill_gesture"
    else:
        o = d.official("international", "body")
        text = f"{subject(o)} said it had facilitated the handover as a neutral intermediary"
        frame = "neutral_intermediary"
    d.claim(text, side, "statement", framing=frame, **d.attributed(o))
    return text


def dated(d: Draft) -> str:
    """The one sentence with a date: its day and year are numbers but not claims."""
    phrase = d.exchange.phrase
    text = f"The handover took place {phrase}, officials said"
    day = d.exchange.day
    if d.exchange.precision != "month":
        d.not_claim(str(day.day), phrase, "day of the month of the handover date")
    d.not_claim(str(day.year), phrase, "year of the handover date")
    return text


def idiom(d: Draft) -> str:
    near = "one of the largest handovers"
    d.not_claim("one", near, "idiom 'one of', not a count")
    return f"It was {near} of the war so far"


ClaimWriter = Callable[[Draft], str | None]
OPTIONAL: tuple[tuple[float, ClaimWriter], ...] = (
    (0.6, russian_account),
    (0.8, died_in_captivity),
    (0.4, range_estimate),
    (0.4, approximate),
    (0.4, total),
    (0.6, agreement),
    (0.5, cumulative),
    (0.5, repatriation_count),
    (0.6, lambda d: framing(d, "ukraine")),
    (0.6, lambda d: framing(d, "russia")),
    (0.4, lambda d: framing(d, "international")),
)


def paragraphs_of(sentences: list[str], rng: random.Random) -> list[str]:
    """Group sentences into paragraphs of two to four."""
    out, i = [], 0
    while i < len(sentences):
        size = rng.randrange(2, 5)
        out.append(". ".join(sentences[i : i + size]) + ".")
        i += size
    return out


def furniture(d: Draft, title: str) -> list[str]:
    """Lines normalisation removes: a repeated headline, a byline, a relative time, a view count."""
    rng, lines = d.rng, []
    if rng.random() < 0.1:
        lines.append(title)
        for claim in d.article.claims:  # the headline claims: their quote is now written twice
            claim["occurrence"] = 1
    if rng.random() < 0.5:
        author = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        lines.append(f"- by {author}")
        d.article.source["byline"] = f"by {author}"
    if rng.random() < 0.2:
        lines += [f"- about {rng.randrange(2, 23)} hours ago", f"- {rng.randrange(10, 5000):,} views"]
    return lines


def write_article(d: Draft) -> None:
    rng = d.rng
    title = headline(d)
    top = furniture(d, title)
    opening = [lead(d), to_russia(d), dated(d)]
    sentences = []
    for chance, writer in OPTIONAL:
        if rng.random() < chance:
            sentence = writer(d)
            if sentence:
                sentences.append(sentence)
    if rng.random() < 0.3:
        sentences.append(idiom(d))
    sentences += rng.sample(FILLERS, rng.randrange(12, 17))
    rng.shuffle(sentences)
    body = [". ".join(opening) + ".", *paragraphs_of(sentences, rng)]
    also = [rng.choice(ALSO_READ)] if rng.random() < 0.3 else []
    d.article.source["title"] = title
    credit = f"This article is written by the team of {d.article.source['publisher']}."
    d.article.lines = [title, *top, "", *[x for p in body for x in (p, "")], *also, credit]


def make_article(rng: random.Random, index: int, width: int, exchange: Exchange, officials: dict[str, list[Official]]) -> Article:
    publisher = rng.choice(PUBLISHERS)
    stem = f"{index:0{width}d}_{rng.getrandbits(64):016x}"
    earliest, latest = exchange.window
    source = {
        "source_id": f"s{index:0{width}d}-" + publisher.lower().removeprefix("the ").replace(" ", "-"),
        "raw": f"{stem}.txt",
        "reviewed": True,
        "publisher": publisher,
        "publisher_basis": f'Credit line: "This article is written by the team of {publisher}."',
        "published_earliest": earliest.isoformat(),
        "published_latest": (latest + dt.timedelta(days=rng.randrange(1, 10))).isoformat(),
        "published_basis": f'Reports the handover "{exchange.phrase}" as news; no publication date is printed.',
    }
    article = Article(stem, source)
    write_article(Draft(rng, article, exchange, officials))
    article.datings.append(exchange.dating())
    exchange.stems.append(stem)
    return article


def synthesise(articles: int, seed: int = 0) -> Tree:
    rng = random.Random(seed)
    officials = make_officials(rng)
    by_side: dict[str, list[Official]] = {}
    for o in officials:
        by_side.setdefault(o.side, []).append(o)
    exchanges = make_exchanges(rng, max(1, -(-articles // 3)))
    width = max(5, len(str(articles)))
    made = [make_article(rng, i, width, exchanges[i // 3], by_side) for i in range(articles)]
    return Tree(officials, exchanges, made)


# ---------------------------------------------------------------- writing the tree


def check_quotes(article: Article, text: str) -> None:
    """A synth bug, not a curation choice, if a quote is missing or ambiguous."""
    for claim in article.claims:
        count = text.count(claim["quote"])
        if count != 1 and not (count == 2 and claim.get("occurrence") == 1):
            raise RuntimeError(f"{article.stem}: quote written {count} times: {claim['quote']!r}")


def write_tree(tree: Tree, out: Path) -> None:
    """Write raw/ and curation/ under out, replacing any earlier synthetic ones."""
    for sub in ("raw", "curation"):
        shutil.rmtree(out / sub, ignore_errors=True)
    raw_dir, sources_dir = out / "raw", out / "curation" / "sources"
    raw_dir.mkdir(parents=True)
    sources_dir.mkdir(parents=True)
    for article in tree.articles:
        text = article.text
        check_quotes(article, text)
        data = text.encode("utf-8")
        (raw_dir / f"{article.stem}.txt").write_bytes(data)
        header = f"# Synthetic curation of raw/{article.stem}.txt (benchmarks/synth.py).\n"
        yml = to_yaml(article.curation(hashlib.sha256(data).hexdigest()), header)
        (sources_dir / f"{article.stem}.yml").write_text(yml, encoding="utf-8")
    officials = {"officials": [o.record() for o in tree.officials]}
    (out / "curation" / "officials.yml").write_text(to_yaml(officials), encoding="utf-8")
    exchanges = {"agreements": agreement_records(), "exchanges": [e.record() for e in tree.exchanges]}
    (out / "curation" / "exchanges.yml").write_text(to_yaml(exchanges), encoding="utf-8")


# ---------------------------------------------------------------- a built tree, for the benchmarks


def tree_articles(dist: Path) -> int | None:
    """How many articles the build in dist/ holds, or None when there is no complete build."""
    db = dist / "repatriations.db"
    if not (db.exists() and (dist / "inspect-data.json").exists() and (dist / "metadata.json").exists()):
        return None
    with closing(sqlite3.connect(f"file:{db}?immutable=1", uri=True)) as conn:
        count: int = conn.execute("select count(*) from sources").fetchone()[0]
        return count


def run_logged(cmd: list[str], log: Path) -> None:
    """Run cmd to completion with its output in log; exit with the log's tail on failure."""
    with log.open("wb") as out:
        result = subprocess.run(cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, check=False)
    if result.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({result.returncode}):\n{log.read_text(errors='replace')[-3000:]}")


def built_tree(tree: Path, articles: int, seed: int) -> Path:
    """tree/dist: a synthetic tree of `articles` written and built by `build.py --root`
    unless a build of that size is there already. The build's log goes beside tree."""
    if tree_articles(tree / "dist") == articles:
        click.echo(f"Reusing {tree} ({articles:,} articles).", err=True)
        return tree / "dist"
    click.echo(f"Writing and building {tree} ({articles:,} articles) …", err=True)
    tree.mkdir(parents=True, exist_ok=True)
    write_tree(synthesise(articles, seed), tree)
    build = [sys.executable, str(ROOT / "build.py"), "--root", str(tree), "--quiet"]
    run_logged(build, tree.parent / f"build-{articles}.log")
    return tree / "dist"


@click.command()
@click.option("--articles", "-n", type=click.IntRange(min=1), required=True, help="How many articles to write.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True, help="Project tree to write.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the random generator.")
def main(articles: int, out: Path, seed: int) -> None:
    """Write a synthetic project tree (OUT/raw, OUT/curation) that `build.py --root OUT` builds."""
    tree = synthesise(articles, seed)
    write_tree(tree, out)
    click.echo(
        f"Wrote {out}: {len(tree.articles):,} articles, {tree.claims:,} claims, "
        f"{len(tree.exchanges):,} exchanges, {len(AGREEMENTS)} agreements, {len(tree.officials)} officials"
    )


if __name__ == "__main__":
    main()
