"""Title, byline and publisher, only as the article prints them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..normalise import Normalised
from .guess import Guess
from .text import BULLET

HEADLINE_SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"}
CREDIT_PUBLISHER = re.compile(r"written by the (?:team|staff|editors|editorial team|newsroom) (?:of|at) (?P<pub>.+?)\.?\s*$")


def looks_like_headline(line: str) -> bool:
    """Short, no full stop at the end, and most longer words capitalised."""
    line = line.strip()
    if not 10 <= len(line) <= 200 or line.endswith((".", ",", ";", ":")):
        return False
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", line) if w.lower() not in HEADLINE_SMALL_WORDS]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def guess_title(norm: Normalised) -> Guess | None:
    first = norm.text.split("\n", 1)[0]
    if looks_like_headline(first):
        return Guess(first.strip(), "the first line reads like a headline")
    for removal in norm.removals:
        if removal.rule == "repeated_headline" and looks_like_headline(removal.text):
            return Guess(removal.text.strip(), "the line printed twice reads like a headline")
    return None


@dataclass(frozen=True)
class Credit:
    byline: str | None
    publisher: str | None
    basis: str
    comment: str


def credit_from_line(line: str) -> Credit:
    byline = re.sub(r"^[^\w]+", "", line.strip())
    if publisher := CREDIT_PUBLISHER.search(byline):
        pub = publisher.group("pub").strip()
        return Credit(byline, pub, f'Credit line: "{byline}"', "DRAFT: publisher taken from the credit line")
    basis = f'Credit line: "{byline}", which names no publisher, so the publisher is left empty.'
    return Credit(byline, None, basis, "DRAFT: the credit line names no publisher; check it")


def credit_from_byline(line: str) -> Credit:
    byline = line.strip()
    if bullet := BULLET.match(byline):
        byline = byline[bullet.end() :]
    parts = [p.strip() for p in re.split(r",|\|", byline)]
    if len(parts) >= 2 and parts[-1] and not re.search(r"\d|ago\b", parts[-1]):
        comment = "DRAFT: publisher guessed as the byline's last part; check that it is the outlet"
        return Credit(byline, parts[-1], f'Byline: "{byline}".', comment)
    basis = f'Byline: "{byline}", which names an author only, so the publisher is left empty.'
    return Credit(byline, None, basis, "DRAFT: the byline names no outlet; check the article")


def guess_credit(norm: Normalised) -> Credit:
    for rule, reader in (("credit_line", credit_from_line), ("byline", credit_from_byline)):
        for removal in norm.removals:
            if removal.rule == rule:
                return reader(removal.text.split("\n")[0])
    basis = "The article carries no credit line, masthead or byline, so the publisher is left empty."
    return Credit(None, None, basis, "DRAFT: no credit line or byline found; never invent a publisher")
