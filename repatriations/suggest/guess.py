"""What a figure measures, how it is hedged and what it counts, read from the words
of its clause and sentence; and the numbers that are no figure at all."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from itertools import pairwise

from .. import vocabulary
from ..dating import LONG_MONTH, WEEKDAY_WORD, date_mentions
from ..numbers import Number, numbers_in
from . import lexicon as lx
from .refuted import Refuted, refuted_reason
from .text import Context, Figure, Sentence, fold, line_bounds, opens_its_line

THEN = r"[^.;]*?(?:\band|,)\s+(?:has\s+|had\s+)?"  # "... and (has) received": the same subject goes on
NOT_A_RECIPIENT = r"(?<!according\s)(?<!belong\s)(?<!belongs\s)(?<!belonged\s)"
YEAR = re.compile(r"(?:1[89]|20)\d\d")  # from 1800: "Solferino in 1859"
YEAR_SPAN_OPENING = re.compile(r"\b(?:19|20)\d\d[-\u2013/]$")  # "the winter of 2024-25": the 25 closes a span of years


@dataclass(frozen=True)
class Guess:
    value: str
    why: str
    # what a handover figure's direction rests on, for the rules that weigh the figures of a
    # sentence against each other: STATED (words name the way), OWN_VERB (only the speaker's
    # own verb), UNSTATED (nothing: guessed to Ukraine); empty for any other guess
    basis: str = ""


STATED, OWN_VERB, UNSTATED = "stated", "own verb", "unstated"


@dataclass(frozen=True)
class Cue:
    label: str
    words: str
    distance: int


def shown(text: str) -> str:
    return " ".join(text.replace("#", "N").split())


def _nearest(pattern: re.Pattern[str], text: str, at: int) -> re.Match[str] | None:
    best: tuple[int, re.Match[str]] | None = None
    for m in pattern.finditer(text):
        d = 0 if m.start() <= at < m.end() else min(abs(m.start() - at), abs(m.end() - at))
        if best is None or d < best[0]:
            best = (d, m)
    return best[1] if best else None


def cue(label: str, pattern: re.Pattern[str], text: str, at: int) -> Cue | None:
    m = _nearest(pattern, text, at)
    if m is None:
        return None
    d = 0 if m.start() <= at < m.end() else min(abs(m.start() - at), abs(m.end() - at))
    return Cue(label, shown(m.group()), d)


# ---------------------------------------------------------------------------
# Direction: who gets the bodies


def _party(side: str) -> str:
    return lx.alternation("ukraine_names" if side == "ukraine" else "russia_names")


def bare_verb(verbs: str, to: str, frm: str, aux: str) -> re.Pattern[str]:
    """A verb right before or after the figure, with no party after it: "received 51", "35 received"."""
    before = rf"(?<![\w'])(?<!been )(?<!was )(?<!were )(?:{verbs})\s+(?:the\s+)?(?:bodies\s+of\s+)?#"  # not "was handed 1,000"
    after = rf"#(?:\s+[\w'-]+){{0,5}}?{aux}\s+(?:{verbs})(?!\s+(?:{to}|{frm})\s)"
    return re.compile(f"{before}|{after}")


SUBJECT_AUX = r"(?:\s+(?:has|have|had|also|now|already|then|just))*"
NOT_A_COUNT_GIVEN = r"(?!\s+(?:a|the|its|their)\s+(?:total|figure|count|number|tally)\b)"  # "gave a total of"


@cache
def not_a_speaker_by() -> str:
    """Lookbehinds that keep "by" after a verb of publishing ("figures published by Russian officials",
    "reported by Kyiv") from reading as the giver ("handed over by Russia")."""
    verbs = {p.split()[0] for p in lx.phrases("attribution", "published_by")} | set(lx.phrases("attribution", "by_speaker_verbs"))
    return "".join(rf"(?<!{re.escape(v)} )" for v in sorted(verbs))


ASIDE = r"(?:,[^,#.;]{1,60},)?"  # "Russia, by the count of Kremlin aide Vladimir Medinsky, received": between subject and verb
# "Russia said it had received 78": the party speaks of itself, and the verb after "it" is still its own
SAYS_IT = r"(?:\s+(?:said|says|say|reported|reports|announced|confirmed|claimed|claims)(?:\s+that)?\s+(?:it|they))?"


@cache  # the same dozen patterns serve every figure of every article; only the speaker's side varies
def _direction_patterns(speaker_side: str | None) -> list[tuple[str, re.Pattern[str]]]:
    to, frm = lx.alternation("to_word"), lx.alternation("from_word")
    give, get = lx.alternation("give_verbs"), lx.alternation("receive_verbs")
    aux = r"(?:\s+(?:has|have|had|also|then|reportedly|managed|to|will|would|is|was|later|already|finally|now|again))*"
    both = lx.alternation("both_parties")
    patterns = [
        (
            "total",
            re.compile(rf"(?<![\w'])(?:{both}){aux}\s+(?:{give}|{get}|exchang\w*|swapp\w*|repatriat\w*)"),
        )
    ]
    for side, direction, other in (("ukraine", "to_ukraine", "to_russia"), ("russia", "to_russia", "to_ukraine")):
        party = _party(side)
        patterns += [
            # "Russia handed over 1,000 ... and received 26", "Moscow hands Kyiv 1,200, gets none back"
            # the figure after the second verb: one between the two verbs goes the way the first says
            (direction, re.compile(rf"(?<![\w'])(?:{party}){aux}\s+(?:{give})\b[^#]*?{THEN}(?:{get})\b[^#.;]{{0,40}}#")),
            (other, re.compile(rf"(?<![\w'])(?:{party}){aux}\s+(?:{get})\b[^#]*?{THEN}(?:{give})\b[^#.;]{{0,40}}#")),
            # "to Ukraine", "went to the Ukrainian side"; not "according to the Russian side", "belong to Ukrainian citizens"
            (direction, re.compile(rf"{NOT_A_RECIPIENT}(?:{to})\s+(?:{party})(?![\w-])")),
            # "bodies received by Ukraine": the receiver, after a verb of getting
            (direction, re.compile(rf"(?:{get})\s+by\s+(?:{party})(?![\w-])")),
            # "from Russia", "by Moscow"; not "by Kyiv's count", which says whose figure it is
            (other, re.compile(rf"(?<!received )(?<!recovered ){not_a_speaker_by()}(?:{frm})\s+(?:{party})(?![\w-])(?!'s\b)")),
            # "Russia's own counts of what it received were 19 in July …": "it" is the party named just before
            (direction, re.compile(rf"(?<![\w'])(?:{party})['’]s\b[^#.;]{{0,40}}?\b(?:it|they)(?:\s+had)?\s+(?:{get})")),
            (other, re.compile(rf"(?<![\w'])(?:{party})['’]s\b[^#.;]{{0,40}}?\b(?:it|they)(?:\s+had)?\s+(?:{give})")),
            # "Kyiv received", "Russia, by its own account, received"
            (direction, re.compile(rf"(?<![\w'])(?:{party}){ASIDE}{SAYS_IT}{aux}\s+(?:{get})")),
            (other, re.compile(rf"(?<![\w'])(?:{party}){ASIDE}{SAYS_IT}{aux}\s+(?:{give})")),  # "Russia handed over"
        ]
    # "Ukraine has returned the bodies of 1,000 fallen soldiers" (Ukrinform's "returns", its own dead brought
    # home): no recipient after it, no Russian dead and no "in return", unlike "Ukraine returned 30 bodies to Russia"
    russian = lx.alternation("russian_dead")
    # "Ukraine has managed to return more than 6,000 bodies of the fallen": its own fallen, brought home
    returned_the_bodies = (
        rf"(?:returned|repatriated)\s+(?:home\s+)?the\s+(?:bodies|remains)\s+of\s+(?:[\w-]+\s+){{0,2}}?#"
        rf"(?!\s+(?:{russian})\b)(?![^.;]*\b(?:to|back\s+to)\s+(?:{_party('russia')}))"
    )
    returned_its_fallen = (
        r"(?:return|repatriate|returned|repatriated)\s+(?:[\w-]+\s+){0,2}?#\s+(?:bodies|remains)\s+of\s+"
        r"(?:the|our|its)\s+(?:fallen|defenders|heroes)\b"
    )
    ukraine_subject = rf"(?<![\w'])(?<!and )(?:{_party('ukraine')}){aux}\s+"  # not "… and Ukraine"
    patterns.append(("to_ukraine" + HOME, re.compile(rf"{ukraine_subject}(?:{returned_the_bodies}|{returned_its_fallen})")))
    if speaker_side in ("ukraine", "russia"):
        own = "to_ukraine" if speaker_side == "ukraine" else "to_russia"
        other = "to_russia" if own == "to_ukraine" else "to_ukraine"
        bare = r"(?:\s+(?:were|was|had been|have been|has been|are|had|have|has))?"
        give_verbs = lx.alternation("bare_give_verbs")
        patterns += [
            (own, re.compile(rf"(?:{to})\s+(?:us|our side)\b|\bwe{aux}\s+(?:{get})")),  # "24 came back to us"
            (own, re.compile(rf"\b(?:{give})\s+us\b")),  # "They gave us 19" (Medinsky): the other side gave, to the speaker's
            (other, re.compile(rf"(?:{to})\s+(?:them|the other side)\b")),  # "A thousand went to them" (said by Moscow)
            (other, re.compile(rf"\bwe{aux}\s+(?:{give})")),
            # "Russia says it has returned 1,000 bodies": the speaker as the subject gave them (not "it was returned")
            # (not "it gave a total of 1,832", which reports a figure)
            (other, re.compile(rf"\b(?:it|they){SUBJECT_AUX}\s+(?:{give})\b{NOT_A_COUNT_GIVEN}")),
            # the speaker's own verbs with no party named: "1,000 handed over, 35 received", "transferred 1,248 and received 51"
            # "1,000 bodies had been repatriated" said by Kyiv came home to Kyiv: returning home is the speaker's own side
            (own + BARE, bare_verb(f"{get}|repatriated|returned", to, frm, bare)),
            # "Ukraine, which said it had been handed 1,000 bodies": the one handed them got them
            (own + BARE, re.compile(rf"\b(?:been|was|were)\s+(?:{give_verbs})\s+(?:the\s+)?(?:bodies\s+of\s+)?#")),
            (other + BARE, bare_verb(lx.alternation("bare_give_verbs"), to, frm, bare)),
        ]
    return patterns


BARE = ":bare"  # a cue read from the speaker's own verb, weaker than any naming a party
HOME = ":home"  # a homecoming read from the verb alone, which an "in return" overrules
BARE_PENALTY = 500


SENTENCE_PENALTY = 1000  # a cue found only in the sentence, outside the figure's clause


def verb_distance(found: Cue) -> int:
    """How far a clause's cue is from the figure, without the penalty of a bare verb."""
    return found.distance - BARE_PENALTY if BARE_PENALTY <= found.distance < SENTENCE_PENALTY else found.distance


def unbare(found: Cue) -> Cue:
    if found.label.endswith(BARE):
        return Cue(found.label.removesuffix(BARE), found.words, found.distance + BARE_PENALTY)
    if found.label.endswith(HOME):
        return Cue(found.label.removesuffix(HOME), found.words, found.distance)
    return found


def nationality(context: Context) -> Cue | None:
    """'1,000 Ukrainian soldiers', 'the bodies of 19 Russian servicemen'."""
    after = context.after[:40]
    for label, key in (("to_ukraine", "ukrainian_dead"), ("to_russia", "russian_dead")):
        if re.match(rf"(?:\s+[\w'-]+){{0,2}}?\s+(?:{lx.alternation(key)})", after):
            return Cue(label, shown("#" + after.split(",")[0][:30]), 0)
    return None


OTHER_FIGURE = re.compile(r"(?<![\w#])\d[\d,.\u00a0 ]*\d(?![\w])|(?<![\w#])\d(?![\w])")


def nearer_another_figure(context: Context, found: Cue) -> bool:
    """A verb whose own object is another figure is that figure's, after this one ("1,212
    bodies, was transferred on June 11, and we received 27") or before it ("the Kiev regime
    received one thousand bodies …, and nineteen of our soldiers"): it says nothing of this one."""
    words = found.words.replace("N", "#")
    at = context.sentence.find(words, context.sentence_at) if words else -1
    if at < 0 and words:
        at = context.sentence.find(words)
    if at < 0:
        return False
    after = context.sentence[at + len(words) : at + len(words) + 25]
    # a figure in words ("one thousand") is another figure too
    before_this = after.split("#")[0]
    return bool(OTHER_FIGURE.search(before_this) or numbers_in(before_this)) and not after.lstrip().startswith("#")


def gapped_verb(context: Context) -> Cue | None:
    """"it also took back 909 bodies, and Russia 43": a party and a figure with the verb
    left out, which is the verb before it."""
    for side, toward, away in (("ukraine", "to_ukraine", "to_russia"), ("russia", "to_russia", "to_ukraine")):
        party = re.search(rf"(?:^|\band\s+|,\s+)(?:{_party(side)})\s+#\s*[.;,]?\s*$", context.clause[: context.at + 1] + " ")
        if not party:
            continue
        head = context.sentence[: context.sentence_at]
        pairs = ((toward, "receive_verbs"), (away, "give_verbs"))
        verbs = [(m.end(), label) for label, key in pairs for m in lx.pattern(key).finditer(head)]
        if verbs:
            label = max(verbs)[1]
            return Cue(label, shown(party.group()), 0)
    return None


def in_return_just_before(context: Context) -> Cue | None:
    """"the bodies that went the other way, this time 35": the words of the other direction
    just before the figure, past a comma, with no other figure between."""
    head = context.sentence[: context.sentence_at]
    found = [m for m in lx.pattern("in_return").finditer(head) if len(head) - m.end() <= 25]
    if found and not re.search(r"\d|#", head[found[-1].end() :]):
        return Cue("other", shown(found[-1].group()), len(head) - found[-1].end())
    return None


def semicolon_part(context: Context) -> tuple[str, int]:
    """The figure's part of its sentence between semicolons, and where '#' stands in it:
    "Russia and Ukraine exchange war dead; Kyiv counts 1,003 bodies" gives "kyiv counts # bodies"."""
    sentence, at = context.sentence, context.sentence_at
    start = sentence.rfind(";", 0, at) + 1
    end = sentence.find(";", at)
    return sentence[start : end if end != -1 else len(sentence)], at - start


DIRECTION_REACH = 120  # characters: how far in its clause a named recipient still governs the figure


def clause_cues(context: Context, speaker_side: str | None) -> list[Cue]:
    """The direction cues of the figure's clause; a homecoming read from the verb alone not where the
    sentence says "in return" ("In return, Ukraine returned the bodies of 26 soldiers" went to Russia)."""
    found = [c for label, p in _direction_patterns(speaker_side) if (c := cue(label, p, context.clause, context.at))]
    if lx.pattern("in_return").search(context.sentence[: context.sentence_at]):
        found = [c for c in found if not c.label.endswith(HOME)]
    return found


def direction_of(context: Context, speaker_side: str | None, main: str | None) -> Cue | None:
    """to_ukraine, to_russia or total, from the words nearest the figure."""
    if found := cue("other", lx.pattern("in_return"), context.clause, context.at) or in_return_just_before(context):
        label = "to_russia" if main != "to_russia" else "to_ukraine"
        patterns = [(side, p) for side, p in _direction_patterns(None) if side in ("to_ukraine", "to_russia")]
        named = [c for side, p in patterns if (c := cue(side, p, context.clause, context.at))]
        nearer = [c for c in named if c.distance < found.distance]
        # "In return, the deputy said, 909 bodies … were transferred to Kiev": the clause's own recipient
        to = lx.pattern("to_word")
        recipients = [c for c in named if to.match(c.words) and c.distance < DIRECTION_REACH]
        nearer = nearer or recipients
        # "Russia had handed over 909 bodies in exchange": the party named with its verb says which way
        return min(nearer, key=lambda c: c.distance) if nearer else Cue(label, found.words, found.distance)
    if found := nationality(context):
        return found
    if found := gapped_verb(context):
        return found
    candidates = [unbare(c) for c in clause_cues(context, speaker_side)]
    if not candidates:  # the sentence's main verb may sit outside the figure's clause, but not across a ";"
        part, at = semicolon_part(context)
        candidates = [
            Cue(u.label, u.words, u.distance + SENTENCE_PENALTY)
            for label, p in _direction_patterns(speaker_side)
            if (c := cue(label, p, part, at)) and (u := unbare(c))
            and not nearer_another_figure(context, c)
        ]
    both = cue("total", lx.pattern("both_directions"), context.clause, context.at)
    # "recovered the bodies of 30 … in its latest exchange of war dead": a verb that governs the
    # figure outweighs the name of the event, however weak a cue the verb is otherwise
    if both and (not candidates or both.distance < min(verb_distance(c) for c in candidates)):
        return both
    return min(candidates, key=lambda c: c.distance, default=None)


# ---------------------------------------------------------------------------
# Metric


def _has(key: str, text: str) -> re.Match[str] | None:
    return lx.pattern(key).search(text)


def casualty_metric(context: Context) -> Guess | None:
    found = [
        c
        for label in lx.labels("casualty_words")
        if (c := cue(label, lx.pattern("casualty_words", label), context.clause, context.at))
    ]
    if not found:
        return None
    best = min(found, key=lambda c: (c.distance, -len(c.words)))  # "killed and wounded" over "killed"
    if best.label == "military_wounded" and _has("exchange_lists", context.sentence):
        return None  # "All five had been on the lists for the seriously wounded and seriously ill": who is swapped
    if best.label != "deaths":
        return Guess(best.label, f'from "{best.words}"')
    # "One killed in Russian drone attack on Kharkiv": the dead of a strike on a town, unless soldiers are named
    attack = lx.pattern("not_figures", "drones").search(context.sentence) or re.search(
        r"\b(?:attacks?|strikes?|shelling)\b", context.sentence
    )
    if (_has("civilian_words", context.clause) or attack) and not _has("soldier_words", context.clause):
        return Guess("civilian_deaths", f'from "{best.words}" about people, not soldiers')
    return Guess("military_deaths", f'from "{best.words}"')


def is_done(clause: str) -> bool:
    """A handover already made ("had been returned"), not one "to be handed over"."""
    return any(
        not re.search(r"\b(?:to\s+)?be\s+$", clause[: m.start()]) for m in lx.pattern("past_transfer").finditer(clause)
    )


PERIOD_BOUND = re.compile(r"\b(?:since|from|after|until|till|between)\s+(?:the\s+)?$", re.IGNORECASE)


def one_day(sentence: str) -> bool:
    """Whether the sentence names the one day it is about (a weekday, a day of a month, today);
    not a day that bounds a period ("since February 24")."""
    days = [m for m in date_mentions(sentence) if not PERIOD_BOUND.search(sentence[: m.start])]
    return bool(WEEKDAY_WORD.search(sentence) or days or re.search(r"\btoday\b", sentence))


def opening_period(context: Context) -> Cue | None:
    """A period that opens the sentence in a clause of its own ("Over the same days, Moscow
    says, 78 bodies came back"; "Since June, …"), when no other figure comes between."""
    opening = context.sentence[: context.sentence_at].split(",", 1)[0]
    if "," not in context.sentence[: context.sentence_at] or re.search(r"\d", opening):
        return None
    found = lx.pattern("running_total_words").match(opening.strip())
    return Cue("running", shown(found.group()), 100) if found else None


NO_DIRECTION = "no direction stated near the figure: guessed to Ukraine"


@cache  # asked for every figure that counts bodies
def series_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A count of handovers after the figure ("# … in those five swaps"), or opening its sentence
    before it ("Together, the two handovers brought home #")."""
    nouns = lx.alternation("running_total_series")
    return (
        re.compile(
            rf"#[^,;.#]{{0,60}}?\b(?:in|over|across|during)\s+(?:the\s+|those\s+|these\s+|its\s+|all\s+)?"
            rf"(?:first\s+|last\s+|past\s+|previous\s+)?(?P<n>[\w-]+)\s+(?:{nouns})\b"
        ),
        re.compile(rf"(?:^\s*|\btogether,?\s+)(?:the\s+|those\s+|these\s+)?(?P<n>[\w-]+)\s+(?:{nouns})\b[^,;.#]{{0,40}}$"),
        # "In the four exchanges … this year, Russia received 214": a clause of its own opening the sentence
        re.compile(
            rf"^\s*(?:in|over|across|during)\s+(?:the\s+|those\s+|these\s+|all\s+)?(?:first\s+|last\s+|past\s+|previous\s+)?"
            rf"(?P<n>[\w-]+)\s+(?:{nouns})\b[^;.#]*,[^;.#]*$"
        ),
    )


def over_a_series(context: Context) -> Cue | None:
    """"212 bodies in those five swaps", "Together, the two handovers brought home 1,064": a figure
    summed over a count of handovers its sentence gives, two or more (the count is a figure of its own)."""
    after_pattern, before_pattern, opening_pattern = series_patterns()
    after = after_pattern.match(context.sentence[context.sentence_at :])
    before = before_pattern.search(context.sentence[: context.sentence_at])  # "Added together, the four swaps brought #"
    opening = opening_pattern.match(context.sentence[: context.sentence_at])
    for found in (after, before, opening):
        counted = numbers_in(found.group("n")) if found else []
        if found and counted and (counted[0].integer or 0) >= 2:
            return Cue("running", shown(found.group().replace("#", "N").strip()), 0)
    return None


def month_of_the_year(clause: str, words: str) -> bool:
    """Whether the period words are a year a month just before them falls in ("in January last year")."""
    if not re.fullmatch(r"(?:last|this|next|that)\s+year", words.lower()):
        return False
    return re.search(rf"\b(?:{LONG_MONTH})\s+(?:of\s+)?{words.lower()}\b", clause) is not None


def ranks_a_handover(clause: str, words: str) -> bool:
    """Whether the period words place a ranked handover ("in the first exchange of war dead this year")."""
    ranks, nouns = lx.alternation("ranked_handover"), lx.alternation("ranked_handover", "nouns")
    ranked = rf"\b(?:{ranks})\s+(?:such\s+)?(?:{nouns})(?:\s+[\w'-]+){{0,4}}?\s+{re.escape(words.lower())}\b"
    return re.search(ranked, clause) is not None


def bodies_metric(context: Context, figure: Figure, direction: Cue | None) -> Guess:
    sentence, clause = context.sentence, context.clause
    where = direction.label if direction else None
    running = (
        cue("running", lx.pattern("running_total_words"), clause, context.at) or opening_period(context) or over_a_series(context)
    )
    sums_only = running is not None and lx.pattern("sum_words").fullmatch(running.words.lower()) is not None
    if sums_only and one_day(sentence):
        running = None  # "another repatriation on Thursday, 20 November, 1,000 bodies in all": that day's handover in all
    elif running is not None and running.words.lower().startswith("in ") and one_day(clause):
        running = None  # "In 2024 Ukraine also received 563 bodies on 8 November": one day of the period
    elif running is not None and month_of_the_year(clause, running.words):
        running = None  # "In January last year we received 49": "last year" dates the month, it sums nothing
    elif running is not None and ranks_a_handover(clause, running.words):
        running = None  # "returns 1,000 bodies in the first exchange of war dead this year"
    agreed = _has("agreement_words", sentence)
    each = _has("each_side", clause)
    same_pair = figure.partner is not None and figure.partner.integer == figure.number.integer
    if same_pair:  # "6,000 for 6,000": no handover on record was even, it is how a deal is put
        return Guess("agreed_bodies_per_side", '"N for N": the terms of a deal, per side')
    # "agreed … in June to return 6,000 bodies each": a month dates the deal, it makes no running total of it
    dated_deal = running is not None and re.fullmatch(r"in\s+\w+", running.words.lower()) is not None
    if agreed and each and (not running or sums_only or dated_deal):
        return Guess("agreed_bodies_per_side", f'"{shown(each.group())}" under a deal')
    # "Under the agreements reached in Istanbul, Russia is to transfer 6,000": the deal may be named in another clause
    # the deal's words must govern the figure: before it, or just after ("1,000, as agreed"), not in a later relative clause
    near = clause[: context.at + 30]
    terms = _has("agreement_words", near) or (_has("agreed_transfer", clause) and _has("agreement_words", sentence))
    done = is_done(clause)  # "6,057 had been returned under the agreements" is done, not a term
    if terms and (not running or sums_only) and (_has("agreed_transfer", clause) or not done):
        metric = "agreed_bodies_to_ukraine" if where == "to_ukraine" else "agreed_bodies_total"
        return Guess(metric, f'the terms of a deal ("{shown(terms.group())}")')
    plan = cue("plan", lx.pattern("plan_words"), clause, context.at)
    # "In June the ministry said another 2,239 were waiting to be handed over": the plan's words are the figure's own
    nearer_plan = plan is not None and running is not None and plan.distance < running.distance
    if plan and (not running or sums_only or nearer_plan) and not done:
        if _has("promise_words", clause) and _has("talks_words", context.paragraph or sentence):
            return Guess("agreed_bodies_to_ukraine", f'promised at talks or under a deal: "{plan.words}"')
        return Guess("planned_bodies_to_ukraine", f'not yet handed over: "{plan.words}"')
    if running and where != "total":
        metric = vocabulary.named("running_total", where or "to_ukraine")
        return Guess(metric, f'running total from "{running.words}"')
    if direction is None:
        return Guess("bodies_to_ukraine", NO_DIRECTION, UNSTATED)
    metric = vocabulary.named("exchange_figure", direction.label)
    if direction.distance >= BARE_PENALTY:  # "came back" said by Moscow: to Russia, unless the sentence says otherwise
        return Guess(metric, f'direction from the speaker\'s own verb "{direction.words}"', OWN_VERB)
    return Guess(metric, f'direction from "{direction.words}"', STATED)


PART_OF = re.compile(
    r"\s+of\s+(?:them|those|these|whom|the\s+(?:dead|bodies|fallen|remains|soldiers))\s+(?:were|was|are|had|came|come)\b"
)


def is_breakdown(context: Context) -> bool:
    """"Of them, 451 were brought back from the Donetsk front", "428 of them were from
    Mariupol": a part of another figure (captivity deaths are read before this)."""
    opens = re.match(rf"\s*(?:{lx.alternation('subset_words')})\b", context.sentence)
    if opens and re.fullmatch(r"\s*", context.sentence[opens.end() : context.sentence_at]):
        opens = None  # the 563 of "Of the 563, 320 were returned …" is the whole, not a part
    # "107 of the dead had fallen in Donetsk, 12 in Luhansk and 2 in Zaporizhzhia": the list goes on from the first part
    head = context.sentence[: context.sentence_at]
    earlier_part = any(PART_OF.match(context.sentence, m.end()) for m in re.finditer(r"\d", head))
    own_part = PART_OF.match(context.sentence[context.sentence_at + 1 :])
    # "51 of them came back on the last day": the part one day brought is that day's handover
    rest = context.sentence[context.sentence_at :]
    on_a_day = one_day(rest) or re.search(r"\bon\s+the\s+(?:last|final|first)\s+(?:day|stage)\b", rest)
    return bool(opens or (own_part and not on_a_day) or earlier_part)


TABLE_CELL = "|"
ALIGNED_GAP = re.compile(r"\t|  +")  # columns set apart by a tab or two spaces or more
ALIGNED_CELL = 40  # longer than this, a stretch between wide gaps is prose, not a cell


def table_cells(line: str) -> list[tuple[int, int]]:
    """The spans of a table row's cells, split at "|" or, in a table aligned with spaces, at wide
    gaps; [] for a line that is no row (fewer than three cells, or a stretch too long for a cell)."""
    if TABLE_CELL in line:
        cut = [-1, *(i for i, ch in enumerate(line) if ch == TABLE_CELL), len(line)]
        return [(a + 1, b) for a, b in pairwise(cut)]
    cells, at = [], 0
    for gap in [*ALIGNED_GAP.finditer(line.rstrip()), None]:
        stop = gap.start() if gap else len(line.rstrip())
        if stop > at:
            cells.append((at, stop))
        at = gap.end() if gap else at
    if len(cells) < 3 or any(b - a > ALIGNED_CELL for a, b in cells):
        return []
    return cells


def table_header(text: str, start: int, width: int) -> str | None:
    """The nearest line above a row, in the same block of rows with as many cells, that has no digit."""
    header = None
    for line in lines_upwards(text, len(text[:start].rstrip("\n"))):
        if len(table_cells(line)) != width:
            break
        if not re.search(r"\d", line):
            header = line
    return header


def lines_upwards(text: str, end: int) -> Iterator[str]:
    """The lines of text[:end], last first, read back from `end` rather than by splitting all before it."""
    while True:
        start = text.rfind("\n", 0, end) + 1
        yield text[start:end]
        if start == 0:
            return
        end = start - 1


def column_direction(label: str) -> str | None:
    """Which way a column's figures go: "To Ukraine", "Kyiv: received" (to Ukraine), "Moscow: handed
    over" (to Ukraine: the giver is named), "Total"."""
    for side, other in (("ukraine", "to_russia"), ("russia", "to_ukraine")):
        if re.search(rf"(?:{_party(side)})", label):
            gives = re.search(rf"(?:{lx.alternation('give_verbs')})", label) and not re.search(rf"(?:{_party_to()})", label)
            return other if gives else f"to_{side}"
    if re.search(rf"(?:{lx.alternation('sum_words')}|\btotal\b|\bboth\b)", label):
        return "total"
    return None


def _party_to() -> str:
    return rf"\bto\s+(?:{_party('ukraine')}|{_party('russia')})"


@dataclass(frozen=True)
class TableCell:
    """Where a figure sits in a table written as text: its row's start, the row's cells, its column and the header."""

    row_start: int
    cells: tuple[tuple[int, int], ...]
    column: int
    header: str

    def heads(self) -> list[str]:
        return [self.header[a:b].strip() for a, b in table_cells(self.header)]


@lru_cache(maxsize=512)  # asked per figure by its metric, its speaker and the sum of parts; about one article
def table_cell(text: str, at: int) -> TableCell | None:
    """The table cell at an offset, or None where the line is no row of a table with a header."""
    start, end = line_bounds(text, at)
    cells = table_cells(text[start:end])
    column = next((i for i, (a, b) in enumerate(cells) if a <= at - start < b), None)
    header = table_header(text, start, len(cells)) if cells else None
    if header is None or column is None:
        return None
    return TableCell(start, tuple(cells), column, header)


def table_cell_metric(text: str, figure: Figure) -> Guess | None:
    """A number in a table written as text ("Date | To Ukraine | To Russia" over rows "26 Jan 2024 |
    77 | 55", or the same columns aligned with spaces): its column's header says which way; a
    "Total" row sums."""
    cell = table_cell(text, figure.start)
    if cell is None:
        return None
    label = fold(cell.heads()[cell.column])
    direction = column_direction(label)
    if direction is None:
        return None
    first_start, first_end = cell.cells[0]
    first = fold(text[cell.row_start + first_start : cell.row_start + first_end]).strip()
    if re.fullmatch(r"(?:total|sum|all|in all|overall)\b.*", first) and direction != "total":
        return Guess(vocabulary.named("running_total", direction), f'the "{first}" row of a table, column "{label.strip()}"')
    return Guess(vocabulary.named("exchange_figure", direction), f'a table\'s column "{label.strip()}"')


def captivity_dead_are_the_handover(context: Context) -> bool:
    """Whether captivity deaths are a handover's whole count, not a part of a larger one: "Ukraine
    received the bodies of 19 defenders who had died in captivity", "Kotenko: 19 who died in captivity
    returned on Wednesday"; not "Five of them died in captivity", "among those returned are five …"."""
    sentence = context.sentence
    if _has("subset_words", sentence) or re.search(r"\bamong\b", sentence):
        return False
    counts_bodies = re.search(r"\b(?:bodies|remains)\s+of\s+(?:the\s+)?$", context.before) or re.match(
        r"\s+(?:more\s+)?(?:bodies|remains)\b", context.after
    )
    opens_clause = re.fullmatch(r"[\W]*", sentence[: context.sentence_at].rsplit(":", 1)[-1]) is not None
    moved = _has("receive_verbs", sentence) or _has("give_verbs", sentence)
    return bool((counts_bodies or opens_clause) and moved)


def captivity_handover(context: Context, speaker_side: str | None) -> Guess:
    """The bodies of a handover that was all captivity deaths, sent the way whose captivity it was says, else its verbs."""
    held = [(d, found) for d in ("to_ukraine", "to_russia") if (found := lx.pattern("held_by", d).search(context.sentence))]
    whole = "all of the handover died in captivity"
    if held:
        direction, found = held[0]
        return Guess(vocabulary.named("exchange_figure", direction), f'{whole}; "{shown(found.group())}" says which way')
    cue_found = direction_of(context, speaker_side, "to_ukraine")
    if cue_found is None or cue_found.label == "total":
        return Guess("bodies_to_ukraine", f"{whole}; no direction stated: guessed to Ukraine", UNSTATED)
    return Guess(vocabulary.named("exchange_figure", cue_found.label), f'{whole}; direction from "{cue_found.words}"')


def freed_or_prisoners(context: Context) -> Guess | None:
    """Living people, in a sentence with no word for bodies: set free ("brought home 146
    servicemen and eight civilians from Russian captivity"; the words shared by a list
    of counts reach each of them), or soldiers counted beside prisoners of war ("146
    Russian servicemen had been returned …, and 146 Ukrainian prisoners of war …")."""
    reach = context.before + "#" + re.split(r"[,;:]\s|\s[—–-]\s", context.sentence[context.sentence_at + 1 :], maxsplit=1)[0]
    if found := _has("freed_words", reach):
        return Guess("prisoners_exchanged", f'living people set free: "{shown(found.group())}"')
    soldiers = re.match(rf"(?:\s+[\w'-]+){{0,2}}?\s+(?:{lx.alternation('soldier_words')})\b", context.after)
    if soldiers and (found := _has("prisoner_nouns", context.sentence)):
        return Guess("prisoners_exchanged", f'soldiers counted beside "{shown(found.group())}": living prisoners')
    return None


def guess_metric(context: Context, figure: Figure, speaker_side: str | None, main: str | None) -> Guess | None:
    clause = context.clause
    # the 1,000 of "Five of the 1,000 …", the 43 of "eight of the 43 were civilians who had died in captivity"
    of_the = re.search(r"(?:^|\s)(\S+)\s+of\s+(?:the\s+)?$", context.before)
    among = re.search(r"\bamong\s+(?:the\s+)?$", context.before)  # "civilians among the 43 Russians returned …"
    counted_part = bool(of_the and numbers_in(of_the.group(1)))
    whole = re.fullmatch(r"\s*of\s+(?:the\s+)?", context.before) is not None or counted_part or among is not None
    if (found := _has("captivity_words", clause)) and not whole:
        return Guess("died_in_captivity", f'from "{shown(found.group())}"')
    part = re.fullmatch(r"\s+of\s+(?:the\s+)?", context.after)  # "Five" of "Five of the 1,000 bodies … died as prisoners"
    if part and (found := _has("captivity_words", context.sentence[context.sentence_at :])):
        return Guess("died_in_captivity", f'a part of the figure after it, from "{shown(found.group())}"')
    # "eight civilians from the Kursk region who, it said, had died in Ukrainian captivity": an aside cuts the clause
    interrupted = re.search(r"\bwho\s*$", context.after) and not whole
    if interrupted and (found := _has("captivity_words", context.sentence[context.sentence_at :])):
        return Guess("died_in_captivity", f'from "{shown(found.group())}", past an aside')
    if is_breakdown(context):
        return None
    if found := _has("count_of_handovers", clause[context.at :]):
        if found.start() == 0 and not (found.group().endswith("rounds") and _has("talks_words", context.sentence)):
            return Guess("repatriation_count", f'from "{shown(found.group())}"')
    after = context.after[:45]
    if re.match(rf"(?:\s+[\w'-]+){{0,3}}?\s+(?:{lx.alternation('prisoner_nouns')})", after) and not re.match(
        rf"(?:\s+[\w'-]+){{0,3}}?\s+(?:{lx.alternation('body_nouns')})", after
    ):
        return Guess("prisoners_exchanged", f'counts prisoners: "{shown("#" + after[:30])}"')
    if not _has("body_nouns", context.sentence) and (freed := freed_or_prisoners(context)):
        return freed
    bodies = _has("body_nouns", clause) or _has("give_verbs", clause) or _has("receive_verbs", clause)
    casualty = casualty_metric(context)
    if casualty and not bodies:
        return casualty
    if not bodies and not casualty and _has("body_nouns", context.sentence):
        # "1,000 bodies go to Ukraine and 31 to Russia": a figure of a list shares its sentence's noun
        parties = f"{_party('ukraine')}|{_party('russia')}"
        bodies = re.search(rf"(?:{lx.alternation('to_word')}|{lx.alternation('from_word')})\s+(?:{parties})", clause)
    if bodies or figure.partner is not None:
        if (
            figure.partner is not None
            and figure.partner.integer != figure.number.integer
            and not _has("agreement_words", context.clause)
        ):
            larger = (figure.number.integer or 0) > (figure.partner.integer or 0)
            label = "to_ukraine" if larger else "to_russia"
            return bodies_metric(context, figure, Cue(label, "N for M: the larger figure went to Ukraine", 0))
        return bodies_metric(context, figure, direction_of(context, speaker_side, main))
    return casualty


def dated_list_line(context: Context) -> bool:
    """A line that is only a date and the figure ("18 October 2024: 501", "- 17 July – 1,000"),
    in a list of handovers whose noun its heading gives."""
    head, tail = context.sentence[: context.sentence_at], context.sentence[context.sentence_at + 1 :]
    dates = date_mentions(head)
    if not dates or tail.strip(" .;") or not re.fullmatch(r"[\s•*-]*", head[: dates[0].start]):
        return False
    return re.fullmatch(r"\s*[:–—-]\s*", head[dates[-1].end :]) is not None


def elided_bodies(
    context: Context, figure: Figure, before: str, speaker_side: str | None, after_body_figure: bool = False
) -> Guess | None:
    """A figure with no noun of its own, in a sentence about bodies or just after one (or
    just after a count of bodies), counts bodies too: "… and 1,200 on each of 13, 14 and
    15 June", "- 17 July: 1,000 to Ukraine, 19 to Russia.", "With the ministry's 51, that makes 78."."""
    after = re.sub(r"^\s*\(", " ", context.after)  # "1,212 (to Ukraine)"
    parties = f"{_party('ukraine')}|{_party('russia')}"
    if dated_list_line(context):
        after_body_figure = True  # "18 October 2024: 501" under "The list of returns … reads:"
    if (figure.number.integer or 0) >= 10 and re.match(rf"\s+(?:to|from)\s+(?:{parties})(?![\w-])", after):
        after_body_figure = True  # "1,000 to Ukraine": only bodies go to a side in these articles
    noun_left_out = not after.strip() or re.match(r"\s*[,.;:)\]\[\"'!?]", after) or re.match(
        rf"\s+(?:{lx.alternation('elided_noun')})", after
    )
    if (figure.number.integer or 0) < 10 or not noun_left_out or is_breakdown(context):
        return None
    # "The headquarters counted 1,200.", "On 31 May, 212.": a bare figure in a paragraph about bodies
    if not (after_body_figure or _has("body_nouns", context.sentence) or _has("body_nouns", fold(before))
            or _has("body_nouns", context.paragraph) or handed_or_counted(context)):
        return None
    guess = bodies_metric(context, figure, direction_of(context, speaker_side, "to_ukraine"))
    return replace(guess, why=f"{guess.why}; counts bodies, the noun its words leave out")


@cache
def _governing_verb() -> re.Pattern[str]:
    give, get = lx.alternation("give_verbs"), lx.alternation("receive_verbs")
    hedges = "|".join(lx.alternation("qualifiers", q) for q in lx.labels("qualifiers"))
    # "the Headquarters recorded 1,003"
    counted = r"\bcount(?:ed|s)?|\brecord(?:ed|s)|\bregister(?:ed|s)|\blogg(?:ed|s)|\btall(?:ied|ies)"
    return re.compile(rf"(?:{give}|{get}|{counted}|\bbrought|\btook\s+back)\s+(?:(?:another|a\s+further|{hedges})\s+)?$")


def handed_or_counted(context: Context) -> bool:
    """"Russia has received 290", "The headquarters counted 1,200.": a bare figure a verb of handing
    over, getting or counting governs counts bodies, whatever the paragraph's words."""
    return _governing_verb().search(context.clause[: context.at]) is not None


def guess_qualifier(text: str, figure: Figure) -> Guess:
    if figure.high:
        return Guess("range", f'"{figure.number.as_written} … {figure.high.as_written}"')
    before = fold(text[max(figure.sentence.start, figure.start - 40) : figure.start]).replace('"', "")
    # "handed over a thousand bodies": the "a" is the number's own ("a thousand"), not "over a thousand"
    if re.search(rf"(?:{lx.alternation('phrasal_over')})\s+over\s+(?:the\s+|an?\s+)?(?:bodies\s+of\s+)?$", before):
        return Guess("exact", 'no hedge word before it ("over" belongs to the verb)')
    if re.search(rf"(?:{lx.alternation('phrasal_up_to')})\s+up\s+to\s+$", before):
        return Guess("exact", 'no hedge word before it ("adds up to" gives the sum)')
    best: tuple[int, str, str] | None = None
    for qualifier in lx.labels("qualifiers"):
        found = re.search(rf"(?:{lx.alternation('qualifiers', qualifier)})\s*$", before)
        if found and (best is None or len(found.group()) > best[0]):
            best = (len(found.group()), qualifier, found.group().strip())
    if best:
        return Guess(best[1], f'"{best[2]}"')
    return Guess("exact", "no hedge word before it")


def guess_unit(context: Context) -> str | None:
    """What is counted: "bodies of N soldiers" and "N soldiers' bodies" count bodies, else the noun after N."""
    if of := re.search(
        r"\b(bodies|remains) of (?:the )?(?:[\w'-]+ )?#|#(?:\s+[\w'-]+){0,2}?\s+(bodies|remains)\b", context.clause
    ):
        return of.group(1) or of.group(2)
    if after := re.search(rf"(?:{lx.alternation('units')})", context.clause[context.at : context.at + 40]):
        return after.group()
    return None


# ---------------------------------------------------------------------------
# Numbers that are not figures


def _starts(key: str, text: str) -> bool:
    return any(text.startswith(p) for p in lx.phrases("not_figures", key))


def _ends(key: str, text: str) -> bool:
    return bool(re.search(rf"(?:{lx.alternation('not_figures', key)})\s*$", text))


def _opening(sentence: str) -> str:
    """A sentence's words from its first that is not "And", "Now", "So" or a quotation mark."""
    fillers = lx.alternation("not_figures", "opening_fillers")
    return re.sub(rf"^(?:(?:{fillers})\b[\s,]*)+", "", fold(sentence).lstrip(" \"'"))


def supposes(sentence: str) -> bool:
    """"Suppose Russia transfers …", "What if Moscow sends …?": a sentence that supposes."""
    return re.match(rf"(?:{lx.alternation('not_figures', 'supposition_openings')})\b", _opening(sentence)) is not None


def supposition(text: str, sentences: list[Sentence], figure: Figure) -> str | None:
    """Why a figure in the outlet's own voice is a supposition, not a figure of the record:
    its sentence supposes, the figure sits in an "if" clause, or the sentence says what
    "would" be, after a sentence that supposes or in a counterfactual ("Had the deal …")."""
    s = figure.sentence
    body = text[s.start : s.end]
    conditions = lx.alternation("not_figures", "condition_words")
    would = re.search(rf"\b(?:{lx.alternation('not_figures', 'supposition_verbs')})\b", fold(body))
    counterfactual = re.match(rf"(?:{lx.alternation('not_figures', 'counterfactual_openings')})\s", _opening(body))
    before_figure = _opening(text[s.start : figure.start])
    in_condition = re.search(rf"(?:^|[,;:—–]\s*)(?:{conditions})\s[^,;:]*$", before_figure)
    after_supposing = s.index > 0 and supposes(text[sentences[s.index - 1].start : sentences[s.index - 1].end])
    if supposes(body) or in_condition or (would and (counterfactual or after_supposing)):
        return "UNPLACED: the outlet's own supposition ('Suppose …', 'What if …', '… would …'), not a figure of the record"
    return None


def covers(spans: Iterable[tuple[int, int]], number: Number) -> bool:
    """Whether one of the spans holds the whole number."""
    return any(a <= number.start and number.end <= b for a, b in spans)


PHONE_CODE = re.compile(r"0\d")  # "(04633)": a count never opens with a nought
PHONE_GROUPS = re.compile(r"\d{1,4}(?:-\d{1,4}){2,}")  # "2-14-56"


def in_phone_groups(text: str, number: Number) -> bool:
    """Whether the number is one group of a number written in three groups or more ("2-14-56"), or an
    area code in brackets before its groups ("8 (4712) 55-21-09")."""
    window = max(0, number.start - 10), number.end + 10
    spans = [m.span() for pattern in (PHONE_GROUPS, PHONE_AREA) for m in pattern.finditer(text, *window)]
    return covers(spans, number)


PHONE_AREA = re.compile(r"\(\d{2,5}\)\s*\d{1,4}(?:-\d{1,4})+")


AMONG_A_COUNT = re.compile(r"[^.;:\d]{0,100}?\bamong\s+(?:the\s+|those\s+)?(?:(?:more|fewer)\s+than\s+|over\s+|some\s+)?\d")
PLACE_LIST_MIN = 2  # places named in one paragraph that make its figures a breakdown by place


PLACE_LIST_REACH = 8  # words between a part's figure and its place ("397 of the bodies returned on 29 November came from")


def dates_as_words(text: str, start: int, end: int, date_spans: list[tuple[int, int]]) -> str:
    """text[start:end] with the digits of its dates as letters: a date is words, not another figure."""
    chars = list(text[start:end])
    for a, b in date_spans:
        for i in range(max(a, start), min(b, end)):
            chars[i - start] = "x" if chars[i - start].isdigit() else chars[i - start]
    return "".join(chars)


def told_captivity(text: str, number: Number) -> bool:
    """Whether the number's sentence, however long, tells of deaths in captivity (read only for "N of the M")."""
    return lx.pattern("captivity_words").search(fold(own_sentence_window(text, number.start, number.end, 400))) is not None


def in_sources_list(text: str, number: Number) -> bool:
    """Whether the number's line is one of a block of lines under a "Sources" or "References" heading
    (no blank line between): a citation ("Ministry for Reintegration, 'Bodies of 62 more …', July 14")."""
    start = line_bounds(text, number.start)[0]
    headings = set(lx.phrases("not_figures", "sources_headings"))
    while start > 0:
        above_start, above_end = line_bounds(text, start - 1)
        above = fold(text[above_start:above_end]).strip()
        if not above:
            return False
        if above in headings:
            return True
        start = above_start
    return False


def in_a_list_of_places(text: str, number: Number, place: str, date_spans: list[tuple[int, int]]) -> bool:
    """"Most of them, 221, fell in the Donetsk sector. Another 25 came from the Zaporizhzhia
    sector and 4 from the Luhansk sector": a figure a few words before a place, in a paragraph
    that names several, is one part of a breakdown."""
    regions = lx.alternation("not_figures", "region_names")
    named_place = rf"(?:from|in|on)\s+(?:the\s+)?(?:[\w'-]+\s+(?:{place})\b|(?:{regions})(?![\w-]))"
    line_start, line_end = line_bounds(text, number.start)
    rest = fold(dates_as_words(text, number.end, line_end, date_spans))
    # words, no other figure, between ("Of the 563, 320 were returned from …": the place is the 320's)
    found = re.match(rf"(?:,?\s+[^\W\d][\w'-]*){{0,{PLACE_LIST_REACH}}}?\s+{named_place}", rest)
    if not found or re.search(r"\b(?:most|many|all|some|several|half|nearly\s+all)\s+of\s+(?:them|whom)\b", found.group()):
        return False  # "41 bodies …, most of them found in the Pokrovsk …": the whole, its parts told after it
    return len(set(re.findall(named_place, fold(text[line_start:line_end])))) >= PLACE_LIST_MIN


def in_an_address(text: str, number: Number) -> bool:
    """"at 12 Vokzalna Street": a number before one or two capitalised names and a street word."""
    street = lx.alternation("not_figures", "street_words")
    return re.match(rf"\s+(?:[A-Z][\w'’-]+\s+){{1,2}}(?i:{street})", text[number.end : number.end + 50]) is not None


FURNITURE_REACH = 20  # characters either side of a number that a furniture phrase may span


def inside_phrase(text: str, number: Number, key: str) -> bool:
    """Whether the number lies inside one of a not_figures list's phrases ("24/7")."""
    start = max(0, number.start - FURNITURE_REACH)
    window = fold(text[start : number.end + FURNITURE_REACH])
    return covers(((start + m.start(), start + m.end()) for m in lx.pattern("not_figures", key).finditer(window)), number)


@cache
def words_after(key: str, words: int = 5) -> re.Pattern[str]:
    """A not_figures phrase up to `words` words after a figure ("1,000 … of them have now been identified")."""
    return re.compile(rf"(?:\s+[\w'-]+){{0,{words}}}?\s+(?:{lx.alternation('not_figures', key)})")


def disagree_by(text: str, number: Number, before: str) -> bool:
    """"Kyiv and Moscow disagree by three bodies": "by" after a verb of disagreeing gives a gap."""
    verbs = lx.pattern("not_figures", "difference_verbs")
    return before.endswith(" by ") and verbs.search(fold(lead_before(text, number.start))) is not None


def beside_a_vague_size(text: str, number: Number) -> bool:
    """"A thousand for a few dozen", "returning about 1,000 bodies and receiving a few dozen"
    (in a sentence of habits), "from dozens to nearly a thousand"."""
    vague = lx.alternation("not_figures", "vague_partners")
    rest = fold(own_sentence_window(text, number.start, number.end, 80)[len(lead_before(text, number.start, 80)) :])
    partner = rf"[^\d.;:]{{0,50}}?\b(?:for|and|against|to)\s+(?:[a-z'-]+\s+){{0,2}}?(?:{vague})\b"
    paired = re.match(partner, rest[len(number.as_written) :])
    lead = fold(lead_before(text, number.start, 60))
    from_vague = re.search(rf"\bfrom\s+(?:{vague})\s+to\s+(?:[a-z'-]+\s+){{0,2}}$", lead)
    if not (paired or from_vague):
        return False
    sentence = lead + rest
    return number.kind == "words" or lx.pattern("not_figures", "habit_words").search(sentence) is not None


@cache  # asked for every figure of a sentence with a repeated figure
def handover_nouns_after() -> re.Pattern[str]:
    """The nouns of count_of_handovers ("# handovers", "# stages"), right after a figure."""
    nouns = "|".join(re.escape(p.removeprefix("# ")) for p in lx.phrases("count_of_handovers"))
    return re.compile(rf"\s+(?:following\s+|more\s+|further\s+)?(?:{nouns})\b")


def picks_out_handovers(text: str, number: Number, before: str) -> bool:
    """"the first four stages", "the previous two exchanges": some handovers picked out of a series,
    which counts none of them over a period."""
    selector = re.search(rf"\b(?:{lx.alternation('not_figures', 'selector_before')})\s+$", before)
    return bool(selector and handover_nouns_after().match(text, number.end, number.end + 40))


@cache
def money_pattern() -> re.Pattern[str]:
    """ "UAH 4,000 to 6,000", "UAH 30 million", "1 million rubles": an amount, its scale and a second amount."""
    scale = rf"(?:\s*(?:{lx.alternation('not_figures', 'money_scales')}))?"
    amount = rf"\d[\d,. ]*{scale}(?:\s*(?:-|–|to|and)\s*\d[\d,. ]*{scale})?"
    before, after = lx.alternation("not_figures", "currency_before"), lx.alternation("not_figures", "currency_after")
    return re.compile(rf"(?:{before})\s?{amount}|{amount}\s*(?:{after})")


def in_an_amount_of_money(text: str, number: Number) -> bool:
    start = max(0, number.start - 40)
    window = fold(text[start : number.end + 40])
    return any(m.start() <= number.start - start < m.end() for m in money_pattern().finditer(window))


RATING = re.compile(r"\(?(?P<score>\d{1,2})\s*/\s*(?P<scale>5|10)\)?(?!\s*[\d,])")


def is_a_rating(text: str, number: Number) -> bool:
    """Either number of a fact-check's or a review's score ("Verdict: MISLEADING (2/5)"), on a line that rates."""
    line_start, line_end = line_bounds(text, number.start)
    line = text[line_start:line_end]
    if not lx.pattern("not_figures", "rating_words").search(fold(line)):
        return False
    at = number.start - line_start
    return any(
        m.start("score") <= at < m.end("scale") and int(m.group("score")) <= int(m.group("scale")) for m in RATING.finditer(line)
    )


def furniture_number(text: str, number: Number, before: str, after: str) -> str | None:
    """Numbers of the page and its lists rather than of the record: money, a counter, a day of the war,
    the number of an item in a numbered list."""
    if in_an_amount_of_money(text, number):
        return "UNPLACED: an amount of money ('UAH 30 million'), not a count"
    if _ends("page_labels", before):
        return "UNPLACED: page furniture (a counter under its label, 'Views: 1 388')"
    # "LIVE Russia-Ukraine war, day 1,395:", "day 1,395 of the full-scale invasion"
    if re.search(r"\bday\s+$", before) and re.match(r"\s*(?:[:,;)|—–-]|of\s+the\s+(?:war|invasion|full-scale))", after):
        return "UNPLACED: the number of a day of the war, not a count"
    # "2/7" under a photograph: its place in a gallery
    if re.fullmatch(r"\s*\(?\d{1,2}\s*/\s*\d{1,2}\)?\s*", text[slice(*line_bounds(text, number.start))]):
        return "UNPLACED: a photograph's place in a gallery ('2/7'), not a count"
    if is_a_rating(text, number):
        return "UNPLACED: a rating ('Verdict: MISLEADING (2/5)'), not a count"
    # "2. the Office of the Commissioner …" at the start of a line
    item = number.kind == "digits" and (number.value or 0) < 100 and re.match(r"[.)]\s+\D", after)
    if item and opens_its_line(text, number.start):
        return "UNPLACED: the number of an item in a numbered list, not a count"
    return None


def unplaced_reason(text: str, number: Number, date_spans: list[tuple[int, int]], refuted: Refuted) -> str | None:
    before, after = fold(text[max(0, number.start - 40) : number.start]), fold(text[number.end : number.end + 40])
    if number.integer is None:
        return f"UNPLACED: {number.as_written!r} is not a whole number; a claim's value must be one"
    if on_furniture_line(text, number.start):
        return "UNPLACED: on a line pointing to other pages (a link line or a 'Most read' list): page furniture"
    if reason := furniture_number(text, number, before, after):
        return reason
    if reason := refuted_reason(refuted, number):
        return reason
    if number.ordinal:
        return f"UNPLACED: an ordinal ({number.as_written!r}) ranks something, it counts nothing"
    if in_an_address(text, number):
        return "UNPLACED: a house number in an address ('12 Vokzalna Street'), not a figure"
    if inside_phrase(text, number, "furniture_phrases"):
        return "UNPLACED: part of a phrase of page furniture ('open 24/7'), not a figure"
    if covers(date_spans, number):
        return "UNPLACED: part of a date (a day or a year)"
    if picks_out_handovers(text, number, before):
        return "UNPLACED: picks some handovers out of a series ('the first four stages'), it counts none over a period"
    if (re.match(r"[:.]\d\d\b", after) and number.kind == "digits") or (
        re.search(r"\d[:.]$", before) and len(number.as_written) <= 2
    ):
        return "UNPLACED: a time of day"
    if _starts("time_after", after):
        return "UNPLACED: a time of day"
    if re.match(r"\s?(?:h|hrs?|hours?|m|mins?|minutes?|d|days?)\s+ago\b", after):
        return "UNPLACED: a time relative to the page view ('3h ago'), not a count"
    if (
        number.kind == "digits"
        and YEAR.fullmatch(number.as_written)
        and (
            re.search(r"\b(?:in|of|since|by|from|until|till|during|before|after|through|early|late|mid)\s+$", before)
            # "Summer 2022" over a line "Commissioner for persons missing …": the noun must be on the year's own line
            or not re.match(
                rf"[^\S\n]+(?:[a-z'-]+[^\S\n]+){{0,2}}?(?:{lx.alternation('units')}|{lx.alternation('body_nouns')})", after
            )
        )
    ):
        return "UNPLACED: a year"
    if number.kind == "digits" and len(number.as_written) == 2 and YEAR_SPAN_OPENING.search(text[: number.start][-5:]):
        return "UNPLACED: the end of a span of years ('2024-25')"
    if _starts("percent_after", after):
        return "UNPLACED: a percentage, not a count"
    if _ends("age_before", before) or _starts("age_after", after) or is_persons_age(text, number, before, after):
        return "UNPLACED: an age"
    if _starts("duration_after", after) or re.match(
        r"\s+(?:to|or|and|-)\s+\S+\s+(?:years?|months?|weeks?|days?|hours?)\b|\s+and\s+a\s+half\s+(?:years?|months?|weeks?|days?|hours?)\b",
        after,
    ):
        return "UNPLACED: a duration, not a count"
    one_of = number.value == 1 and _starts("partitive_after", after)
    if (number.value or 0) < 10 and (_ends("vague_before", before) or _starts("vague_after", after) or one_of):
        return f'UNPLACED: {number.as_written!r} is part of a vague phrase ("one of", "two or three"), not a figure'
    # "not one body had come back", "not a single one": none, which no figure of the record says as a count
    if number.value == 1 and number.kind == "words" and re.search(r"\b(?:not|nor|never)\s+(?:a\s+single\s+)?$", before):
        return "UNPLACED: 'not one' says none came, not a count of one"
    # "one person's remains can arrive spread over several packages": a case told, not a count
    if number.value == 1 and re.match(r"\s+[a-z]+['’]s\s", after):
        return "UNPLACED: 'one person's …' tells of a case, it counts nothing"
    # "one person was killed", "One killed in a drone attack", "killing one person": one death, a figure
    if number.kind == "words" and number.value == 1 and not counts_the_dead(before, after) and not re.match(
        rf"\s+(?:[\w'-]+\s+)?(?:{lx.alternation('units')}|{lx.alternation('body_nouns')})", after
    ):
        return "UNPLACED: 'one' used as a pronoun or article (\"the previous one\", \"one bag\"), not a figure"
    if number.kind == "words" and number.as_written.lower().endswith("s"):
        return f"UNPLACED: {number.as_written!r} is a vague quantity or a plural word, not a figure"
    if number.value == 2 and re.search(r"\b(?:the|both|all)\s+$", before) and _starts_word("parties_after", after):
        return 'UNPLACED: "the two ..." names the two sides, it is not a figure'
    place = lx.alternation("not_figures", "place_parts")
    raw_after = text[number.end : number.end + 70]  # as written: a place is a capitalised name
    near_place = re.match(
        r"(?:,?\s+[\w'-]+){0,3}?\s+(?:from\s+(?:near|around)|(?:recovered|found|collected)\s+(?:around|near|in))\s+[A-Z]"
        # "541 …, 428 of them from Mariupol", "300 of those from Azovstal", "300 from the Azovstal steelworks"
        r"|\s+of\s+(?:them|those|these)\s+(?:from|in)\s+[A-Z]"
        r"|\s+from\s+the\s+[A-Z][\w'-]+\s+(?:steelworks|steel\s+plant|plant|works|factory)\b",
        raw_after,
    )
    held = words_after("held_in_morgues").match(after)  # "Another 17 had been held in morgues on the territory of …"
    came = r"(?:\s+(?:had|have|has)\s+been|\s+were|\s+was)?\s+(?:brought(?:\s+back)?|returned|came|come|recovered|repatriated)"
    by_place = bool(
        re.match(rf",?(?:\s+[\w'-]+){{0,2}}?\s+(?:from|in|on)\s+(?:the\s+)?[\w'-]+\s+(?:{place})\b", fold(raw_after))
        # "107, had been brought back from the Donetsk region", "12 came from the neighbouring Luhansk region"
        or re.match(rf",?(?:\s+bodies)?{came}\s+from\s+(?:the\s+)?(?:[^\W\d][\w'-]*\s+){{1,2}}(?:{place})\b", fold(raw_after))
    ) or in_a_list_of_places(text, number, place, date_spans)
    captivity = lx.pattern("captivity_words").search(fold(own_sentence_window(text, number.start, number.end, 120)))
    # "two soldiers from Korostyshiv … were among the 51 fallen returned": a part of a handover's count
    among = AMONG_A_COUNT.match(fold(text[number.end : number.end + 160]))
    # "eight civilians from the Kursk region who … died in captivity": a part the record counts
    # "▪️ Avdiivka direction: 382;": a place's label before its part of the count
    labelled_place = re.search(rf"\b[\w'-]+\s+(?:{place})\s*:\s*$", before)
    if (near_place or held or by_place or among or labelled_place) and not captivity:
        return "UNPLACED: a breakdown by place ('403 from the Donetsk direction'), not a figure of the record"
    if re.search(r"\b(?:of|than)\s+$", before) and re.match(r"\s+or\s+(?:more|fewer|less)\b", after):
        return "UNPLACED: a threshold ('returns of 500 or more'), not a count"
    # "four returns of more than 500 bodies each": the size several handovers passed, no count of one
    if re.search(r"\b(?:returns|handovers|exchanges|repatriations|swaps)\s+of\s+(?:more\s+than|over|at\s+least)\s+$", before):
        return "UNPLACED: a threshold ('returns of more than 500 each'), not a count"
    recurrence = lx.alternation("not_figures", "recurrence_clause")
    if re.search(rf"\b(?:{recurrence})\b[^.;:]*\bthat\b[^,;:]*$", fold(lead_before(text, number.start, 160))):
        return "UNPLACED: says how often a size recurred ('the fourth time that more than 500 …'), not a count"
    if re.search(r"\b(?:a\s+)?(?:list|register|registry|database|roster)\s+of\s+$", before):
        return "UNPLACED: counts the entries of a list, not bodies handed over"
    # "the difference of three", "the whole difference, again three bodies"
    if (
        _ends("difference_before", before)
        or re.search(r"\b(?:difference|gap|discrepancy)\b[^.;:\d]{0,20}$", before)
        or _starts("difference_after", after)
        or disagree_by(text, number, before)
    ):
        return "UNPLACED: the difference between two counts, not a figure"
    # "Il-76", "the broadcaster M24", "the code DISPATCH20": letters joined to the digits
    joined = number.start > 0 and text[number.start - 1].isalpha()
    if (re.search(r"[a-z]-$", before) or joined) and number.kind == "digits":
        return "UNPLACED: part of a name, model or code ('Il-76', 'M24'), not a count"
    # "+380 44 256 18 43": the "+" of an international number, and the groups that follow it
    if number.kind == "digits" and re.search(r"\+(?:\d[\d ]*)?$", text[max(0, number.start - 20) : number.start]):
        return "UNPLACED: a phone number ('+380 44 …')"
    if in_sources_list(text, number):
        return "UNPLACED: a line of the list of sources the article cites, not a figure"
    if before.endswith("[") and after.startswith("]"):
        return "UNPLACED: a footnote mark ('[2]'), not a figure"
    labels = lx.alternation("not_figures", "label_before")
    listed_label = re.search(rf"\b(?:{labels})\s+\d+(?:\s*,\s*\d+)*\s*(?:,|and|or|&)\s+$", before)  # "Articles 109 and 110"
    if _ends("label_before", before) or listed_label or re.search(r"\bNo\.?\s*$", text[max(0, number.start - 4) : number.start]):
        return "UNPLACED: a label or serial number (an issue, a number in a series, 'resolution No 257')"
    phone = lx.alternation("not_figures", "phone_before")
    if (
        re.search(rf"\b(?:{phone})\b[^.\d]{{0,40}}?(?:\b(?:on|at)|:)\s*$|\b(?:call|dial|ring)\s+$", before)
        # "the hotline for relatives of missing and captured servicemen is 1648"
        or re.search(rf"\b(?:{phone})\b[^.\d]{{0,70}}?\bis\s*$", fold(text[max(0, number.start - 90) : number.start]))
        or re.search(rf"\b(?:{phone})\.?\s*\(?$", before)  # "the hotline 1648", "tel. (04633)"
        or number.as_written.startswith("0 ")
        or PHONE_CODE.match(number.as_written)
        or in_phone_groups(text, number)
    ):
        return "UNPLACED: a phone number"
    capacity_before = rf"(?:{lx.alternation('not_figures', 'capacity_before')})\s+(?:(?:up\s+to|as\s+many\s+as)\s+|\w+\s+to\s+)?$"
    if re.match(rf"(?:\s+[\w'-]+){{0,3}}?\s+(?:{lx.alternation('not_figures', 'capacity_after')})\b", after) or re.search(
        capacity_before, before
    ):
        return "UNPLACED: what a place can hold at a time, not a count of bodies handed over"
    qualifier = lx.alternation("qualifiers", "more_than") + "|" + lx.alternation("qualifiers", "approximately")
    identified_after = words_after("identified_after").match(after) or words_after("identified_among_after").match(
        fold(text[number.end : number.end + 80])  # "Two soldiers from Khmilnyk community identified among …"
    )
    identified_before = lx.alternation("not_figures", "identified_before")
    if identified_after or re.search(rf"\b(?:{identified_before})\s+(?:(?:{qualifier})\s+)?$", before):
        return "UNPLACED: counts identifications, which the record does not measure"
    if re.search(rf"\b(?:{lx.alternation('not_figures', 'burial_before')})(?:\s+[\w'-]+){{0,3}}?\s+$", before):
        return "UNPLACED: counts a community's funerals ('Kremenchuk buries four defenders'), not a handover"
    if re.match(r"-bod(?:y|ies)\s", after):
        return "UNPLACED: names a kind of handover by its size ('thousand-body handovers'), it counts none"
    if re.match(r"\.(?:ua|ru|by|com|net|org)\b", after):
        return "UNPLACED: part of a site's name ('62.ua'), not a figure"
    if number.value == 2 and re.search(r"\bthe\s+$", before) and re.match(r"\s*[:;,.]", after):
        return "UNPLACED: 'the two' refers back to figures already given, it counts nothing"
    if _starts("cases_after", after) or words_after("found_among_after").match(after) or _ends("found_among_before", before):
        return "UNPLACED: counts the other side's dead found among those received ('at least 20 such cases'), not a handover"
    sentence_rest = fold(text[number.end : number.end + 150]).split(". ")[0]
    if lx.pattern("not_figures", "correct_after").search(sentence_rest):
        return "UNPLACED: the figure a correction replaces ('We said 91; the correct figure is 19'), not a figure of the record"
    # "An earlier version of this story said 42", "Correction, 18.10.2024 19:30: An earlier version … as 65"
    lead = fold(lead_before(text, number.start, 200))
    corrected = lx.pattern("not_figures", "corrected_sentence").search(lead)
    if corrected and not lx.pattern("not_figures", "corrected_to").search(lead, corrected.end()):
        return "UNPLACED: a figure an earlier version gave, which a correction replaced"
    correcting = re.search(r"\bcorrect", fold(text[max(0, number.start - 120) : number.start]))
    if correcting and re.search(r"\bto\s+[\d,. ]+\s+from\s+$", before):
        return "UNPLACED: the figure a correction replaces ('corrects … to 24 from 42'), not a figure of the record"
    hedge = lx.alternation("qualifiers", "approximately")
    ratio_clause = rf"\b(?:{lx.alternation('not_figures', 'ratio_clause')})\s+[^,;:\d]{{1,60}},\s+(?:(?:{hedge})\s+)?$"
    if (
        re.match(rf"(?:\s+(?:and|or|to)\s+[\d,]+)?(?:{lx.alternation('not_figures', 'ratio_after')})", after)
        or _ends("ratio_before", before)
        or re.search(ratio_clause, fold(lead_before(text, number.start, 120)))
    ):
        return "UNPLACED: part of a ratio, not a count"
    # "Five of the 1,000 … died in captivity" counts, however far on in its sentence the captivity is told
    if (number.value or 0) < 10 and numbers_follow(after) and not captivity and not told_captivity(text, number):
        return 'UNPLACED: part of a ratio ("nine of the ten"), not a count'
    # "50 bodies going to Ukraine for every one going to Russia", but not past a "for" of the figure's own
    # ("A thousand for 19 means that for every …"); "in every" only close by ("19 in every exchange")
    if re.match(r"(?:\s+(?!for\b)[\w'-]+){0,5}\s+(?:for|out of)\s+every\s|(?:\s+[\w'-]+){0,3}\s+in\s+every\s", after):
        return "UNPLACED: part of a ratio ('one Russian body for every 55'), not a count"
    if re.search(r"\b(?:median|average|mean)\b(?:(?!,\s)[^;])*$", fold(lead_before(text, number.start))):
        return "UNPLACED: a statistic (a median or an average), not a figure of the record"
    if _starts("rate_after", after):
        return "UNPLACED: a rate, not a count"
    if _ends("corrected_before", before):
        return "UNPLACED: the figure a correction replaces, not a figure of the record"
    if beside_a_vague_size(text, number):
        return "UNPLACED: a size set beside a vague one ('a thousand for a few dozen'): the usual shape of the handovers, not one"
    if number.kind == "words" and _ends("vague_words_before", before):
        return f'UNPLACED: {number.as_written!r} is part of a vague quantity ("several hundred"), not a figure'
    # "a round thousand to Ukraine, a few dozen to Russia": the usual shape of a handover, told in words
    if number.kind == "words" and re.match(rf"[^.;]{{0,60}}?\b(?:{lx.alternation('not_figures', 'vague_pair')})\b", after):
        return f'UNPLACED: {number.as_written!r} is set against a vague count ("a few dozen"): a pattern, not a figure'
    if (number.value or 0) < 10 and _starts_word("sources_after", after):
        return "UNPLACED: counts the people a report rests on, not a figure"
    exchanged = lx.pattern("count_of_handovers", "verbs").search(fold(lead_before(text, number.start)))
    handovers = re.match(r"\s+times\b", after) and exchanged  # "have exchanged the bodies … four times"
    if counts_other_nouns(after) and not handovers:
        return "UNPLACED: counts something other than people or bodies (the noun after it)"
    if _starts_word("page_words", after):
        return "UNPLACED: page furniture (a reading time or a counter)"
    repeated = re.match(rf"\s+(?:{lx.alternation('repeat_words', 'anywhere')})", after)  # "19 each time" counts bodies
    if _starts_word("counting_words", after) and not repeated and not handovers:
        return "UNPLACED: counts something other than people or bodies"
    clause = fold(own_sentence_window(text, number.start, number.end, 60))
    killed = counts_the_dead(before, after)  # "one killed in a drone attack", "killing one person"
    if lx.pattern("not_figures", "drones").search(clause) and not lx.pattern("body_nouns").search(clause) and not killed:
        return "UNPLACED: drones or missiles, not a figure of the record"
    # soldiers named before the figure ("46,000 soldiers have died and 380,000 were hurt") or the words
    # it counts ("20 servicemen"), not a "military administration" that reports it after
    counted = fold(lead_before(text, number.start, 60) + text[number.start : number.end + 30])
    soldiers = lx.pattern("soldier_words").search(counted)
    injured_after = re.match(r"\s+(?:(?:people|others|civilians|residents)\s+)?(?:were\s+)?(?:injured|hurt)\b", after)
    # "killing one civilian and injuring four others": the one is dead, however near the injuring
    nearer_injured = injured_nearer_than_killed(text, number) and not killed
    if not soldiers and (  # "one dead, four injured": right after the figure, whatever body words the sentence has
        injured_after or (nearer_injured and not lx.pattern("body_nouns").search(clause))
    ):
        return "UNPLACED: people injured in an attack, not a figure of the record"
    return None


NEXT_WORDS = re.compile(r"\s+([a-z][\w-]*)(?:\s+([a-z][\w-]*))?")
PLURAL = re.compile(r"[a-z][a-z-]+[^s\W]s")
CLAUSE_WORDS = ("and", "or", "but", "while", "whereas")


def counts_other_nouns(after: str) -> bool:
    """"6 morgues", "12 regional labs", "612 of these families": a plural noun after the
    figure (or after "of these") that is no one's body."""
    line = after.split("\n", 1)[0]  # the words after it on its own line ("16 June – 1,245")
    if re.match(r"\s+of\s+(?:ours|theirs|our\s+own|its\s+own|their\s+own)\b", line):
        return False  # "returned 38 of ours": the speaker's own dead
    line = re.sub(r"^\s+of\s+(?:these|those|the)(?=\s)", "", line)
    line = re.sub(r"^\s+(?:more|further|additional|extra|new)(?=\s+[a-z])", "", line)  # "60,000 more test kits"
    found = NEXT_WORDS.match(line)
    if not found:
        return False
    known = ("units", "body_nouns", "soldier_words", "prisoner_nouns", "other_counted", "civilian_words")

    def is_known(word: str) -> bool:
        return any(lx.pattern(key).fullmatch(word) for key in known)

    for word in (w for w in found.groups() if w):
        if is_known(word) or word in lx.phrases("other_counted", "not_plurals"):
            return False
        if word in CLAUSE_WORDS:
            return False  # "1,000 and says Russia received 26": the next word is a verb of another clause
        if PLURAL.fullmatch(word):
            return True
    return False


def own_sentence_window(text: str, start: int, end: int, width: int) -> str:
    """Up to `width` characters either side of [start, end), not past its sentence."""
    stop = re.search(r"[.!?](?=\s)|\n", text[end : end + width])
    right = end + stop.start() if stop else min(len(text), end + width)
    return lead_before(text, start, width) + text[start:right]


LIST_ITEM = re.compile(r"\s*(?:\d{1,2}[.)]|[-•*])\s+")


def on_furniture_line(text: str, at: int) -> bool:
    """Whether the offset is on a link line ("Watch: …") or an item of a list under a
    heading such as "Most read"."""
    start, stop = line_bounds(text, at)
    line = fold(text[start:stop]).strip()
    starts = lx.phrases("not_figures", "link_line_starts")
    if any(line.startswith(p) for p in starts):
        return True
    # the lines under a heading "Watch more:", up to the next blank line, are links too
    for previous in reversed(text[:start].rstrip("\n").split("\n") if text[:start].endswith("\n") else []):
        heading = fold(previous).strip()
        if not heading:
            break
        if heading in starts:
            return True
    if not LIST_ITEM.match(line):
        return False
    for previous in reversed(text[:start].rstrip("\n").split("\n")):
        heading = fold(previous).strip().rstrip(":")
        if LIST_ITEM.match(previous) or not heading:
            continue
        return heading in lx.phrases("not_figures", "list_headings")
    return False


def lead_before(text: str, at: int, width: int = 100) -> str:
    """The words of the offset's sentence before it (up to `width` characters)."""
    window = text[max(0, at - width, line_bounds(text, at)[0]) : at]
    cut = max(window.rfind(". "), window.rfind("! "), window.rfind("? "))
    return window[cut + 2 :] if cut >= 0 else window


def numbers_follow(after: str) -> bool:
    """Whether " of the ten …" goes on with a number (of any kind)."""
    word = re.match(r"\s+of\s+the\s+(\S+)", after)
    return bool(word and numbers_in(word.group(1)))


PEOPLE = r"(?:people|persons?|civilians?|wom[ae]n|m[ae]n|child(?:ren)?|residents?)"
DEAD_AFTER = re.compile(rf"\s+(?:{PEOPLE}\s+)?(?:were\s+|was\s+)?(?:killed|dead|died)\b")


def counts_the_dead(before: str, after: str) -> bool:
    """"one person was killed", "two dead", "killing one person", "attacks kill four civilians": people killed."""
    killing = re.search(r"\b(?:killing|killed|kills?)\s+$", before) and re.match(rf"\s+{PEOPLE}\b", after)
    return bool(DEAD_AFTER.match(after) or killing)


def injured_nearer_than_killed(text: str, number: Number) -> bool:
    """"killed 4 people and injured 20": the 4 are dead (a figure), the 20 injured (none)."""
    window = own_sentence_window(text, number.start, number.end, 60)
    at = window.find(text[number.start : number.end])
    folded = fold(window)
    injured = [abs(m.start() - at) for m in lx.pattern("not_figures", "injured").finditer(folded)]
    killed = [abs(m.start() - at) for m in lx.pattern("casualty_words", "deaths").finditer(folded)]
    return bool(injured) and (not killed or min(injured) < min(killed))


def is_persons_age(text: str, number: Number, before: str, after: str) -> bool:
    """"Her son was 23.", "Olha's husband, 54, keeps…": a person's age, not a count."""
    if not 0 < (number.value or 0) < 120:
        return False
    person = lx.alternation("person_nouns")
    if re.search(rf"(?:{person})\s+(?:(?:was|is|were|turned|had\s+turned)\s+)?(?:just\s+|only\s+)?$", before) and re.search(
        r"\b(?:was|is|were|turned|youngest|oldest|eldest)\s+(?:just\s+|only\s+)?$", before
    ):
        return True
    if re.search(r"\bwho\s+(?:was|is)\s+(?:just\s+|only\s+)?$", before) and re.match(r"\s*(?:when|[.,;])", after):
        return True  # "a soldier who was 19 when he went missing"
    was_when = re.search(r"\b(?:was|were)\s+(?:just\s+|only\s+)?$", before) and re.match(r"\s+when\b", after)
    if was_when and re.search(rf"(?:{person})", before[-60:]):
        return True  # "Her son Dmytro, a mortar gunner, was 29 when his unit lost contact with him"
    comma_aside = re.search(r",\s*$", before) and re.match(r"\s*,", after)
    named = re.search(rf"(?:(?:{person})|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?),\s*$", text[max(0, number.start - 40) : number.start])
    return bool(comma_aside and named)


def _starts_word(key: str, after: str) -> bool:
    return bool(re.match(rf"\s+(?:[\w'-]+\s+)?(?:{lx.alternation('not_figures', key)})", after))
