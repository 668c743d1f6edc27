"""Whose claim a figure is: the speaker of its sentence, one carried from the sentence
before ("He said", "The agency added"), the body whose own statement the article is,
or the outlet itself."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from ..numbers import Number
from . import lexicon as lx
from .guess import table_cell
from .people import BODY, LISTED_AFTER, POST_HEADER, SPEAKER_LABEL, Mention, appositive_role, first_question, side_of_words
from .text import (
    HEADLINE_LINES,
    SEMICOLON,
    Figure,
    Sentence,
    fold,
    is_whole_line,
    line_bounds,
    lines_before,
    lines_from,
    segment_bounds,
    sentence_at,
)

if TYPE_CHECKING:  # draft.py imports this module
    from ..normalise import Normalised
    from .draft import DraftClaim


@dataclass(frozen=True)
class Attribution:
    attributed_to: str | None
    official_id: str | None
    side: str
    why: str


MEDIA = Attribution(None, None, "media", "no attribution found: the outlet's own voice")
GROUP_SIDES = (("ukraine", "ukraine_groups"), ("russia", "russia_groups"), ("media", "media_groups"))


def _speech() -> str:
    return rf"(?:{lx.alternation('attribution', 'speech_verbs')}|{lx.alternation('attribution', 'channels')})"


def _distance(a: int, b: int, figure: Figure) -> int:
    return span_distance(a, b, figure.start, figure.end)


def span_distance(a: int, b: int, start: int, end: int) -> int:
    """How far the words a..b stand from the words start..end, before or after them."""
    return min(abs(a - end), abs(start - b))


LATER_FIGURE = re.compile(r"\d")
PRONOUN_REACH = 3
BODY_ROLE_REACH = 40  # "the headquarters" is the last body so named, however far back in one article
def speaks_for_a_later_figure(text: str, figure: Figure, mention: Mention, s: Sentence) -> bool:
    """A speaker named after the figure, past an "and", whose speech verb comes before
    another figure of the sentence."""
    if mention.start < figure.end:
        return False
    between = text[figure.end : mention.start]
    rest = fold(text[mention.end : s.end])
    # "which Kyiv put at 1,245 and Russia's Defence Ministry at 1,248", "Kyiv logged 1,245, the Russian
    # Defence Ministry 1,248": the verb left out, the speaker named just before its own figure
    if (gapped := re.match(r"\s+(?:(?:at|as)\s+)?", rest)) and LATER_FIGURE.match(rest, gapped.end()):
        # "Kyiv logged 1,245, the Russian Defence Ministry 1,248", "Kyiv counted 1,245 bodies on 16 June, the … 1,248"
        gap = r"\s*(?:bodies\s*)?(?:(?:on|in)\s+[^,;\d]{0,12}\d{0,2}[^,;\d]{0,12})?,\s*(?:the\s+)?"
        if re.search(r"\band\b", between) or re.fullmatch(gap, between, re.IGNORECASE):
            return True
    if not re.search(r"\band\b", between):
        return False
    verb = re.search(_speech(), rest)
    later = LATER_FIGURE.search(rest)
    return bool(verb and later and verb.start() < later.start())


def speaks_in_its_own_part(text: str, mention: Mention, s: Sentence) -> bool:
    """Whether the part of the sentence (between ";") that names the speaker has a speech verb of its own."""
    c, d = segment_bounds(text, s, mention.start, SEMICOLON)
    return re.search(_speech(), fold(text[c:d])) is not None


# "our sums of", "a Reuters tally of": the outlet's own arithmetic ("by the count of X" is X's count)
@cache
def recipient_before() -> re.Pattern[str]:
    """The words before a name that make it the one given the bodies or the words ("told" a listener),
    or the go-between ("through the Red Cross"); a listener or a go-between never speaks."""
    listener, recipient = lx.alternation("attribution", "listener_before"), lx.alternation("attribution", "recipient_before")
    between = lx.alternation("attribution", "intermediary_before")
    return re.compile(rf"\b(?:(?P<listener>{listener}|{between})|{recipient})\s+(?:the\s+)?$")


@cache
def summed_of() -> re.Pattern[str]:
    """"our sums of", "a Reuters tally of": the outlet's own arithmetic ("by the count of X" is X's count)."""
    determiners, nouns = lx.alternation("attribution", "sum_determiners"), lx.alternation("attribution", "sum_nouns")
    return re.compile(rf"\b(?:{determiners})\s+(?:[\w']+\s+){{0,2}}?(?:{nouns})\s+of\s+(?:the\s+)?$")


def counts_of(text: str, mention: Mention) -> bool:
    """Whether the name is followed by its count or account ("Saraliev's count", "Medinsky's own figures")."""
    nouns = lx.alternation("attribution", "count_nouns")
    # a mention may end with its own possessive ("Saraliev's"): read the count noun from the "'s"
    at = mention.end - 2 if re.search(r"['’]s$", text[mention.start : mention.end]) else mention.end
    return re.match(rf"['’]s\s+(?:own\s+)?(?:{nouns}|account)\b", text[at : at + 30], re.I) is not None


def opens_a_list(text: str, mention: Mention, s: Sentence, part_start: int) -> bool:
    """"Saraliev also recalled the previous exchanges: in January, …; in February, …": a speaker whose
    part ends in a colon speaks for every part of the list it opens, up to the figure's."""
    _, own_end = segment_bounds(text, s, mention.start, SEMICOLON)
    return mention.end <= part_start and ":" in text[mention.end : own_end]


def speaker_mention(text: str, figure: Figure, mentions: list[Mention]) -> Mention | None:
    """The official of the figure's sentence closest to a speech verb, else closest to the figure."""
    s = figure.sentence
    here = [m for m in mentions if m.sentence == s.index]
    if not here:
        return None
    verbs = [(s.start + v.start(), s.start + v.end()) for v in re.finditer(_speech(), fold(text[s.start : s.end]))]
    a, b = segment_bounds(text, s, figure.start)
    own = [m for m in here if a <= m.start < b]
    own_verbs = [v for v in verbs if a <= v[0] < b]
    if own and own_verbs:  # "…, while the Russian Defence Ministry said …" speaks for its own part only
        here, verbs = own, own_verbs
    elif ";" in text[s.start : s.end]:  # "Kyiv counts 1,245; Russia's Defence Ministry says …": not across the ";"
        c, d = segment_bounds(text, s, figure.start, SEMICOLON)
        # a name in another part without a verb of its own speaks for this one only if the sentence has a verb at all
        # ("Zelensky arrives in New York; bodies of 51 soldiers returned" is nobody's)
        elsewhere_silent = [m for m in here if not speaks_in_its_own_part(text, m, s)] if verbs else []
        here = [m for m in here if c <= m.start < d or m in elsewhere_silent or opens_a_list(text, m, s, c)]
    # "… Kyiv counted 1,245 bodies and Russia's Defence Ministry said it had handed over 1,248": it speaks for the later one
    here = [m for m in here if not speaks_for_a_later_figure(text, figure, m, s)]
    if not here:
        return None
    # "State Duma deputy Shamsail Saraliev, a member of the … group on the operation, said": the verb follows the appositive
    ends = {id(m): appositive_end(text, m, s.end) for m in here}
    speaking = [m for m in here if any(abs(v0 - ends[id(m)]) <= 60 or abs(m.start - v1) <= 60 for v0, v1 in verbs)]
    # "… handed to Moscow", "told Desna Post": the one given the bodies or the words, not the speaker
    recipients, told = [], []
    for m in here:
        if counts_of(text, m):
            continue  # "by Medinsky's account", "by Saraliev's count": whose figures they are
        if given := recipient_before().search(fold(text[max(s.start, m.start - 40) : m.start])):
            recipients.append(m)
            told += [m] if given.group("listener") else []
        elif told and LISTED_AFTER.fullmatch(text[told[-1].end : m.start]):
            recipients.append(m)  # "informed the Red Cross and the UN mission": both listen
            told.append(m)
    # "on our sums of the Coordination Headquarters' figures": the outlet adds them up, the body does not speak
    summed = [m for m in here if summed_of().search(fold(text[max(s.start, m.start - 40) : m.start]))]
    speaking = [m for m in speaking if m not in summed and m not in told]  # "told Desna Post": the listener
    pool = speaking or [m for m in here if m not in recipients and m not in summed]
    if not pool:
        return None
    if speaking and verbs:
        return min(pool, key=lambda m: min(min(abs(v0 - ends[id(m)]), abs(m.start - v1)) for v0, v1 in verbs))
    return min(pool, key=lambda m: _distance(m.start, m.end, figure))


def appositive_end(text: str, mention: Mention, limit: int) -> int:
    """Where a person's appositive (", a member of the parliamentary coordination group,") ends, else the name's end."""
    if mention.kind != "person" or not (role := appositive_role(text, mention.end, limit)):
        return mention.end
    if re.search(_speech(), fold(role)):
        return mention.end  # ", who told RBC that …": the verb is inside it
    role_end = mention.end + text[mention.end : limit].find(role) + len(role)
    close = re.match(r",\s*", text[role_end:limit])
    return role_end + (close.end() if close else 0)


IDENTITY_ASIDE_BEFORE = re.compile(r"\b(?:which|that|who|whom)\s*,?\s*$")
IDENTITY_ASIDE_AFTER = re.compile(
    r"^\s*,?\s*(?:may\s+|might\s+|could\s+)?(?:belong|are\s+(?:the\s+bodies\s+|those\s+)?of|were\s+those\s+of)"
)

IDENTITY_CLAIMED = re.compile(r"^\s*(?:were|are|was|is|had\s+been|have\s+been|belong(?:ed)?\s+to)\b")


def identity_aside(folded: str, m: re.Match[str]) -> bool:
    """"1,000 bodies which, according to the Russian side, belong to Ukrainian soldiers":
    the aside says whose the bodies are said to be, not who gives the figure; so does "1,000
    people that Moscow says were Ukrainian soldiers"."""
    if not m.group().startswith("according to"):
        return bool(IDENTITY_ASIDE_BEFORE.search(folded[: m.start()]) and IDENTITY_CLAIMED.match(folded[m.end() :]))
    return bool(IDENTITY_ASIDE_BEFORE.search(folded[: m.start()]) or IDENTITY_ASIDE_AFTER.match(folded[m.end() :]))


def unnamed_speaker(side: str) -> str:
    """"a Russian lawmaker", "a senior Ukrainian official", "one Kremlin source": a speaker
    of one side the article does not name."""
    adjective = lx.alternation("attribution", f"{side}_adjectives")
    noun = f"{lx.alternation('person_titles')}|{lx.alternation('attribution', 'unnamed_nouns')}"
    return rf"(?:an?|one|the|two|three)\s+(?:[\w-]+\s+){{0,2}}?(?:{adjective})\s+(?:[\w-]+\s+){{0,2}}?(?:{noun})s?\b"


def side_count(side: str) -> str:
    """"Russian accounts", "Kyiv's count", "Moscow's own figures": one side's figures (read
    after "by", "according to")."""
    adjective = lx.alternation("attribution", f"{side}_adjectives")
    # "Moscow's published count", "Kyiv's own tally"
    # "according to a Russian recap": one side's document, with its article
    return rf"(?:the\s+|an?\s+)?(?:{adjective})\s+(?:[\w-]+\s+)?(?:{lx.alternation('attribution', 'count_nouns')})\b"


def side_count_patterns(side: str) -> tuple[str, ...]:
    count = side_count(side)
    nouns = lx.alternation("attribution", "count_nouns")
    adjective = lx.alternation("attribution", f"{side}_adjectives")
    who = f"{lx.alternation('attribution', f'{side}_groups')}|{adjective}"
    return (
        # "by Kyiv's count", "on Moscow's figures"
        rf"(?:according to|cited by|citing|by|going by|judging by|on)\s+(?P<who>{count})",
        # "Moscow's June figure of 6 060", "that puts Kyiv's June total at 6,057 and Moscow's at 6,060";
        # not "AFP put Kyiv's total at 15,000", the words of whoever puts it
        rf"(?<!of )(?P<who>{count})\s+of\s+(?=\d)",
        rf"\b(?:that|this|which|it)\s+(?:puts?|brings?|takes?)\s+(?P<who>{count})\s+(?:at|to)\s+(?=\d)",
        rf"\d(?:\s+[a-z]+){{0,2}}\s+and\s+(?P<who>{adjective})\s+(?:at|as)\s+(?=\d)",
        # "Moscow's figure was 6,060", "Moscow's total for the same stages was 6,060"; not "our sum of Moscow's figures stood at"
        rf"(?<!of )(?P<who>{count})(?:\s+(?:for|of|over|in)(?:\s+[\w']+){{1,4}}?)?"
        rf"\s+(?:was|is|were|are|stood|stands|came to|comes to|reached)\b",
        rf"(?:^|\n)(?P<who>{count})\s*:",  # "Kyiv's count: 1,245 today, 6,057 in all"
        # "Moscow gives its count as 1,000", "the Russian side gives a different total, 6,060"
        rf"(?P<who>{who})\s+(?:gives|gave|puts|put|sets|set)\s+its\s+(?:own\s+)?(?:{nouns})\s+(?:as|at)\b",
        rf"(?P<who>{who})\s+(?:gives|gave)\s+an?\s+(?:different|higher|lower|other)\s+(?:{nouns})\b",
        # "Russia, by its own account, received 78", "Russia, by its own officials' figures, received 439"
        rf"(?P<who>{who}),\s+(?:by|on|according\s+to)\s+its\s+own\s+(?:[\w']+\s+)?(?:{nouns}),",
    )


@cache  # built once: rebuilding these long alternations for every figure was the drafts' slowest step
def group_patterns() -> tuple[tuple[str, tuple[re.Pattern[str], ...], re.Pattern[str]], ...]:
    """Per side: the patterns of its unnamed speakers, groups and counts, and its headline "…, says it"."""
    speech = _speech()
    built = []
    for side, key in GROUP_SIDES:
        who = lx.alternation("attribution", key)
        if side != "media":
            who = f"{unnamed_speaker(side)}|{side_count(side)}|{who}"
        # "1,248 by the Russian defence ministry's" (its count, the noun left out)
        counts = (*side_count_patterns(side), rf"\bby\s+(?:the\s+)?(?P<who>{who})'s(?=[\s.,;]|$)") if side != "media" else ()
        patterns = (
            *counts,
            rf"(?:according to|cited by|citing)\s+(?P<who>{who})",
            # "according to figures published by Russian officials"
            rf"(?:according to|citing|by)\s+(?:the\s+)?(?:[\w'-]+\s+)?(?:{lx.alternation('attribution', 'count_nouns')})\s+"
            rf"(?:{lx.alternation('attribution', 'published_by')})\s+(?P<who>{who})",
            # "Ukraine take back 1,003 bodies, by its own count"
            rf"(?P<who>{who})\b(?:[^,;.]|[,.](?=\d)){{0,60}}?,?\s+by\s+its\s+own\s+(?:count|tally|figures|reckoning)",
            rf"(?P<who>{who})(?:['’]s)?(?:\s+[\w'-]+){{0,4}}?\s+{speech}",  # "Ukraine's General Staff said"
            # "Ukraine's agency in charge of prisoners of war said": a side's body, however long its description
            rf"(?P<who>{who})['’]s(?:\s+[a-z][\w'-]*){{5,8}}?\s+{speech}",
            # "Kiev, for its part, claimed", "Russian media, citing members of Moscow's negotiating group, report"
            rf"(?P<who>{who}),(?:\s+[\w'-]+){{1,7}},\s+{speech}",
            # "A Ukrainian official involved in the repatriations, who asked not to be named …, said"
            rf"(?P<who>{who})(?:\s+[\w'-]+){{0,5}},\s+(?:who|which|whose)\b[^;]{{1,150}}?,\s+{speech}",
            # "…, said Kyiv." (not "said Russia lost …")
            rf"{speech}\s+(?:by\s+)?(?P<who>{who})(?=\s*[.,;:]|\s*$|\s+(?:on|in|at|said|says|told)\b)",
            # "Kyiv counts 1,003 bodies" (as a speech verb anywhere, "the two counts" would be one)
            rf"(?P<who>{who})\s+(?:counts|counted|puts|put|tallies|tallied)\s",
            # "… exchange of war dead with Ukraine, which said it had been handed 1,000 bodies"
            rf"(?P<who>{who}),\s+(?:which|who)\s+(?:also\s+)?{speech}",
        )
        said = re.compile(rf"(?P<who>{who})\b[^.;:]*?,\s+(?:says|said|claims|claimed)\s+(?:it|they)\b")
        built.append((side, tuple(re.compile(p) for p in patterns), said))
    return tuple(built)


@cache
def russian_outlet_pattern() -> re.Pattern[str]:
    """"told TASS", "RIA Novosti reported", "TASS, quoting an official, said": a Russian outlet speaking."""
    outlets = lx.alternation("attribution", "russian_outlets")
    return re.compile(
        rf"(?:told|to|cited by|citing|according to|said to|quoted by)\s+(?:the\s+(?:[\w'-]+\s+){{0,3}}?)?(?P<who>{outlets})\b"
        rf"|(?P<who2>{outlets})(?:'s)?(?:\s+[\w'-]+){{0,4}}?\s+(?:reported|reports|said|says|quoted|cited|put|puts|wrote|writes"
        rf"|claimed|claims|estimated)"
        rf"|(?P<who3>{outlets}),(?:\s+[\w'-]+){{1,5}},\s+(?:reported|said|wrote|claimed)",  # "TASS, quoting an official, said"
    )


def opens_a_later_part(text: str, s: Sentence, found: re.Match[str], own_end: int) -> bool:
    """Whether the match is the subject opening a part of the sentence after the figure's own."""
    at = s.start + found.start()
    if at < own_end:
        return False
    start, _ = segment_bounds(text, s, at)
    return at - start <= 4  # "and Moscow says …" right at the part's start (an article at most)


def is_headline(text: str, s: Sentence) -> bool:
    """A line of its own among the first, without a full stop."""
    return s.line < HEADLINE_LINES and is_whole_line(text, s) and not text[s.start : s.end].rstrip().endswith(".")


def speaks_across_headline(line: str, found: re.Match[str], at: int) -> bool:
    """In a headline's comma parts, a speaker speaks on into later parts until one opens with a subject of
    its own ("Ukraine says 1,000 returned, Russia gets 30"), not back into earlier ones ("Ukraine recovers
    121 bodies, Russia says 29 sent back"), save as a trailing credit ("…, Kyiv says on Telegram")."""
    breaks = [m.end() for m in HEADLINE_COMMA.finditer(line)]
    def part(offset: int) -> int:
        return sum(b <= offset for b in breaks)
    speaker, figure = part(found.end() - 1), part(at)
    if speaker < figure:
        return not any(line[b : b + 1].isupper() for b in breaks[speaker:figure])
    after = line[found.end() :]
    return speaker == figure or (speaker == len(breaks) and not re.search(r"\d", after) and len(after.split()) <= 3)


HEADLINE_COMMA = re.compile(r",\s+")


QUOTED_HIM = re.compile(r"\b(?:quoted|quote|quotes|cited|cite|cites)\s+(?:him|her|them)\b")


def group_attribution(text: str, figure: Figure, own_part_only: bool = False) -> Attribution | None:
    """An unnamed speaker, a group or an outlet of one side ("according to Russian media",
    "a source in the Russian negotiating group told TASS"); with own_part_only, only one
    in the figure's own part of the sentence (", while …")."""
    return group_speaker(text, figure.sentence, (figure.start, figure.end), own_part_only)


def group_speaker(text: str, s: Sentence, words: tuple[int, int], own_part_only: bool = False) -> Attribution | None:
    """The unnamed speaker, group or outlet that speaks for the words at text[words[0]:words[1]] of sentence s."""
    start, end = words
    folded = fold(text[s.start : s.end])
    found = []
    for side, patterns, said_pattern in group_patterns():
        for pattern in patterns:
            for m in pattern.finditer(folded):
                if not identity_aside(folded, m):
                    found.append((side, m))
        # "Russia sends back 1,000 Ukrainian dead, says it received 30": the subject speaks for what it says
        said = said_pattern.match(folded)
        if said and s.start + said.end() <= start:
            found.append((side, said))
    found += [("russia", m) for m in russian_outlet_pattern().finditer(folded)]
    # "1,003 soldiers …, three more than Moscow's top negotiator said he had handed over": a speaker in a
    # comparison after the figure gives the other count, not this one
    at = start - s.start
    found = [f for f in found if not (f[1].start() >= at and re.search(r"\bthan\b", folded[at : f[1].end()]))]
    # "some Russian outlets quoted him as saying 1,003": the outlets carry the words of the one they quote
    found = [f for f in found if not QUOTED_HIM.search(folded[f[1].start() : f[1].end() + 20])]
    if not found:
        return None
    a, b = segment_bounds(text, s, start)
    own = [f for f in found if a <= s.start + f[1].start() < b]
    # "…; Kyiv counted 6,057" is Kyiv's part; across a ";" nobody speaks for another part
    found = own or ([] if ";" in text[s.start : s.end] or own_part_only else found)
    # "… 6,000 soldiers each, and Moscow says it has since gone beyond that": a later part's own subject
    # speaks for that part ("…, and 26 went to Russia, the headquarters said" still speaks for all)
    found = [f for f in found if not opens_a_later_part(text, s, f[1], b)]
    # "Ukraine said it received 1,003 bodies and Russia said it received 26": "and Russia said" speaks for the later figure
    found = [f for f in found if not (f[1].start() >= at and re.search(r"\band\s+$", folded[: f[1].start()])
                                      and re.search(r"\d", folded[f[1].end() :]))]
    if is_headline(text, s):
        found = [f for f in found if speaks_across_headline(text[s.start : s.end], f[1], start - s.start)]
    if not found:
        return None
    # "Moscow" of "The Moscow Times put the total at 132": a group named inside a longer name speaks not
    found = [f for f in found if not any(inside_longer_name(f[1], g[1]) for g in found)] or found
    side, best = min(found, key=lambda f: span_distance(s.start + f[1].start(), s.start + f[1].end(), start, end))
    group = next(g for g in ("who", "who2", "who3") if best.groupdict().get(g))
    who = text[s.start + best.start(group) : s.start + best.end(group)]
    return Attribution(who, None, side, f'attributed from "{best.group().strip()}"')


def who_span(m: re.Match[str]) -> tuple[int, int]:
    group = next((g for g in ("who", "who2", "who3") if m.groupdict().get(g)), 0)
    return m.start(group), m.end(group)


def inside_longer_name(m: re.Match[str], other: re.Match[str]) -> bool:
    (a, b), (c, d) = who_span(m), who_span(other)
    return c <= a and b <= d and (d - c) > (b - a)


@cache  # asked for every figure no earlier rule attributes
def unnamed_role() -> str:
    """"the regional governor", "the city military administration": a role or a body the
    article does not name (not the outlet's own "correspondent")."""
    staff = set(lx.phrases("attribution", "own_staff"))
    roles = [p for p in (*lx.phrases("institution_heads"), *lx.phrases("person_titles")) if p not in staff]
    heads = "|".join(lx.phrase_regex(p) for p in sorted(roles, key=len, reverse=True))
    # at least one word before the head: a bare "the ministry" refers back to a body named before
    return rf"the\s+(?:[\w'-]+\s+){{1,3}}?(?:{heads})"


def place_side(words: str) -> str | None:
    """Ukraine, when the words name a region or city Kyiv governs: where a local role speaks from."""
    return "ukraine" if lx.pattern("ukraine_places").search(words) else None


def unnamed_role_attribution(text: str, figure: Figure) -> Attribution | None:
    """"…, the regional governor said" in a sentence about Kherson: the role's side, read from
    its own words, else from the places of its sentence; none when nothing gives it."""
    s = figure.sentence
    folded = fold(text[s.start : s.end])
    role, speech = unnamed_role(), _speech()
    a, b = segment_bounds(text, s, figure.start)
    for pattern in (
        rf"(?P<who>{role})\s+{speech}",
        rf"(?:{lx.alternation('attribution', 'according_words')})\s+(?P<who>{role})\b",
        rf"{speech}\s+(?P<who>{role})(?=\s*[.,;:]|\s*$)",
    ):
        for m in re.finditer(pattern, folded):
            if not a <= s.start + m.start("who") < b or recipient_before().search(folded[: m.start("who")]):
                continue
            side = side_of_words(m.group("who"), places_last=True) or place_side(folded)
            if side is not None:
                who = text[s.start + m.start("who") : s.start + m.end("who")]
                return Attribution(who, None, side, f'attributed to "{who}", whose side its sentence gives')
    return None


def official_attribution(text: str, mention: Mention, why: str) -> Attribution:
    # "Medinsky and other Russian officials": a group the official is one of speaks, on the official's side
    group = AND_OTHERS.match(text, mention.end)
    if group:
        return Attribution(text[mention.start : group.end()], None, mention.side, f"{why}, one of a group")
    return Attribution(text[mention.start : mention.end], mention.official_id, mention.side, why)


AND_OTHERS = re.compile(r"\s+and\s+other\s+(?:[\w-]+\s+){0,2}?(?:officials|ministers|lawmakers|deputies|negotiators|sources)\b")


@dataclass
class Voice:
    """What earlier sentences make of a sentence without a speaker of its own."""

    last: dict[str, tuple[int, Mention]]  # kind -> (sentence index, mention)
    last_attribution: tuple[int, Attribution] | None
    own_voice: Attribution | None
    silent: list[Mention] = field(default_factory=list)  # bodies named where they do not speak
    source_line: tuple[int, int, Attribution] | None = None  # "Source: …" and the paragraph above it that it sources


def opening_time() -> str:
    """"On Monday", "For 16 June", "Later,": a time that may come before an opening pronoun."""
    return rf"(?:(?:{lx.alternation('attribution', 'opening_time_words')})\b[^,.]{{0,25}}?,?\s+)"


def pronoun_at(opening: str, pronoun: str) -> re.Match[str] | None:
    """Where a sentence names its speaker by a pronoun or a role noun: "He said …", "…, he
    recalled", "…, the lawmaker told RBC" (the match's group "p" is the pronoun)."""
    speech = _speech()
    later = (
        rf"(?:[,:;][\"']?\s*|\b{speech}\s+|\band\s+)(?P<p>{pronoun})\b(?=\s+{speech}|\s+as\s+saying\b|[\s.,;]*$|[,:;])",
        rf",[\"']?\s+(?P<p>{pronoun})\s+{speech}",
        # "except in December, when the headquarters counted 1,003", "which the headquarters counted as 1,245"
        rf"\b(?:when|which|as|after|where|while|until|before)\s+(?P<p>{pronoun})\s+{speech}",
    )
    # "… which, according to the Russian side, belong to …," the Staff said": the aside names nobody's figure
    asides = (m for p in later for m in re.finditer(p, opening) if not identity_aside(opening, m))
    nouns = lx.alternation("attribution", "count_nouns")
    return (
        # "It is the second repatriation this week, after 1,212 …": an "it" that points at nothing
        re.match(rf"(?P<p>{pronoun})\b(?!\s+(?:is|was|'s|’s)\s+(?:the|a|an|its|not|also|now|only|still)\b)", opening)
        # "By his count Russia handed over 6,060", "By her own figures, …": whose count it is
        or re.match(rf"{opening_time()}?(?:by|on|in|according\s+to)\s+(?P<p>{pronoun})\s+(?:own\s+)?(?:{nouns})\b", opening)
        # "By September 2023, the ministry's total was 1,832", "The agency's running tally stood at …"
        or re.match(rf"{opening_time()}?(?P<p>{pronoun})['’]s\s+(?:[\w-]+\s+)?(?:{nouns})\b", opening)
        # "On Monday the headquarters announced …", "That evening the ministry said …"
        or re.match(rf"{opening_time()}(?P<p>{pronoun})\b(?=\s+{speech})", opening)
        or next(asides, None)
    )


def speaks_for_its_own_figure(opening: str, found: re.Match[str], at: int) -> bool:
    """A role noun or pronoun after the figure, past an "and", whose speech verb comes before a figure of its own."""
    if found.start("p") < at or not re.search(r"\band\s+$", opening[at : found.start("p")]):
        return False
    verb = re.match(rf"\s+{_speech()}", opening[found.end("p") :])
    return bool(verb and LATER_FIGURE.search(opening, found.end("p") + verb.end()))


def pronoun_carried(
    text: str,
    figure: Figure,
    sentences: list[Sentence],
    voice: Voice,
    since: int | None = None,
    mentions: list[Mention] | None = None,
) -> Attribution | None:
    """The speaker a pronoun or role noun refers back to, from the three sentences before
    (before `since`, the sentence a quotation opens in, when the pronoun closes one)."""
    s = figure.sentence
    opening = fold(text[s.start : s.end])
    for kind, key in (("person", "pronoun_person"), ("body", "pronoun_body")):
        found = pronoun_at(opening, lx.alternation("attribution", key))
        if found and speaks_for_its_own_figure(opening, found, figure.start - s.start):
            found = None  # "…, and finally 1,245, and the headquarters counted 6,057 in all": its own figure only
        earlier = voice.last.get(kind)
        if since is None and (quotation := enclosing_quotation(text, s.start + 1)):
            since = sentence_at(sentences, quotation[0] + 1).index  # count from where the quotation opens
        reach = PRONOUN_REACH
        if found and kind == "person" and " " in found.group("p"):
            # "according to the deputy": the last person whose title names the role, further back than "he" reaches
            head = found.group("p").split()[-1]
            people = [m for m in mentions or [] if m.kind == "person" and m.start < figure.start]
            titled = [m for m in people if head in fold(text[m.start : m.name_start])]
            if titled:
                earlier, reach = (titled[-1].sentence, titled[-1]), BODY_ROLE_REACH
        # "The Center for Strategic and International Studies … estimated": a name, no role noun
        role = (s.start + found.start("p"), s.start + found.end("p")) if found else (0, 0)
        if found and kind == "body" and " " in found.group("p") and opens_a_name(text, *role):
            found = None
        if found and kind == "body" and " " in found.group("p"):
            # "the headquarters", "the ministry": the last body so named, further back than a pronoun reaches
            head = {"hq": "headquarters"}.get(found.group("p").split()[-1], found.group("p").split()[-1])  # "The HQ said"
            bodies = [m for m in mentions or [] if m.kind == "body" and m.start < figure.start]
            # named so, or a curated body one of whose names has the word ("Koordshtab" … "the headquarters said")
            named = [m for m in bodies if head in fold(text[m.start : m.end]) or head in alias_words(m.official_id)]
            if named:
                earlier, reach = (named[-1].sentence, named[-1]), BODY_ROLE_REACH
            elif head not in lx.phrases("attribution", "generic_body_nouns"):
                # "Russia's defence ministry put it at 1,248. The ministry said …": the speaker so called before
                return role_carried(text, s, found, voice) or body_named_before(text, s, found, voice)
            # else "The agency said": whichever body was named last, however it is named
        if found and earlier and (s.index if since is None else since) - earlier[0] <= reach:
            words = text[s.start + found.start("p") : s.start + found.end("p")]
            why = f'"{words}" refers back to "{text[earlier[1].name_start : earlier[1].end]}"'
            att = official_attribution(text, earlier[1], why)
            return Attribution(words, att.official_id, att.side, att.why)
    return document_carried(text, s, opening, voice) or unnamed_person_carried(text, s, opening, voice)


def opens_a_name(text: str, start: int, end: int) -> bool:
    """Whether a role noun as written ("The Center") begins a capitalised name ("… for Strategic …")."""
    written = text[start:end].split()
    return written[-1][:1].isupper() and re.match(r"\s+(?:(?:for|of|on)\s+(?:the\s+)?)?[A-Z]", text[end : end + 30]) is not None


@cache
def alias_words(official_id: str) -> frozenset[str]:
    """The head nouns of a curated body's other names (lexicon bodies_of_officials: "coordination
    headquarters"), save the generic ones ("agency"), which name any body."""
    phrases = lx.data()["bodies_of_officials"].get(official_id, [])
    generic = set(lx.phrases("attribution", "generic_body_nouns"))
    return frozenset(p.split()[-1] for p in phrases if isinstance(p, str) and " " in p and p.split()[-1] not in generic)


def unnamed_person_carried(text: str, s: Sentence, opening: str, voice: Voice) -> Attribution | None:
    """"…, the source noted. So far Kiev has returned only 27 bodies, he added.": "he" or "she" for an
    unnamed speaker of a sentence shortly before, whom no name records."""
    found = pronoun_at(opening, "he|she")
    if not found or not voice.last_attribution or s.index - voice.last_attribution[0] > PRONOUN_REACH:
        return None
    att = voice.last_attribution[1]
    singular = {noun.removesuffix("s") for noun in lx.phrases("attribution", "unnamed_nouns")}
    if att.official_id or att.side == "media" or not singular & set(fold(att.attributed_to or "").split()):
        return None
    words = text[s.start + found.start("p") : s.start + found.end("p")]
    return Attribution(words, None, att.side, f'"{words}" refers back to "{att.attributed_to}"')


def last_named(voice: Voice, s: Sentence) -> Mention | None:
    """The person or body named last, a sentence or two before s (PRONOUN_REACH)."""
    named = [last for last in voice.last.values() if s.index - last[0] <= PRONOUN_REACH]
    return max(named, key=lambda last: (last[0], last[1].start))[1] if named else None


def document_carried(text: str, s: Sentence, opening: str, voice: Voice) -> Attribution | None:
    """"Russia's Ministry of Defence reported … According to the statement, 1,248 bodies were handed
    over": the statement is the words of whoever was named last, a sentence or two before."""
    documents = lx.alternation("attribution", "statement_nouns")
    found = re.match(rf"{opening_time()}?according\s+to\s+(?P<p>(?:the|this|that|its|his|her)\s+(?:{documents}))\b", opening)
    mention = last_named(voice, s)
    if not found or mention is None:
        return None
    words = text[s.start + found.start("p") : s.start + found.end("p")]
    why = f'"{words}" is that of "{text[mention.name_start : mention.end]}", named just before'
    att = official_attribution(text, mention, why)
    return Attribution(words, att.official_id, att.side, att.why)


def statement_of_last_named(text: str, s: Sentence, voice: Voice, heading: str) -> Attribution | None:
    """"The Russian Defence Ministry said on 16 June … / Main points of the statement:": a list under a
    heading that names only a statement is the words of whoever was named just before it."""
    mention = last_named(voice, s)
    if mention is None:
        return None
    why = f'the list under "{heading[:40]}" is the statement of "{text[mention.name_start : mention.end]}", named just before'
    return official_attribution(text, mention, why)


def body_named_before(text: str, s: Sentence, found: re.Match[str], voice: Voice) -> Attribution | None:
    """"The repatriation was carried out by the Ministry for Reintegration … The ministry added that
    …": a role noun for a body the article named earlier where it did not speak; that body, proposed
    for curation, else the side its name gives and no official."""
    head = found.group("p").split()[-1]
    words = text[s.start + found.start("p") : s.start + found.end("p")]
    silent = [m for m in voice.silent if m.start < s.start and head in fold(text[m.start : m.end]).split()]
    if silent:
        return official_attribution(text, silent[-1], f'"{words}" refers back to "{text[silent[-1].start : silent[-1].end]}"')
    named = [m for m in BODY.finditer(text, 0, s.start) if head in fold(m.group()).split()]
    side = side_of_words(named[-1].group(), places_last=True) if named else None
    if side is None:
        return None
    return Attribution(words, None, side, f'"{words}" refers back to "{named[-1].group().strip()}", named earlier')


def role_carried(text: str, s: Sentence, found: re.Match[str], voice: Voice) -> Attribution | None:
    """A role noun ("the ministry") that names the speaker of a sentence shortly before, who is
    no curated or proposed body ("Russia's defence ministry put Monday's handover at 1,248")."""
    head = found.group("p").split()[-1]
    if not voice.last_attribution or s.index - voice.last_attribution[0] > PRONOUN_REACH:
        return None
    att = voice.last_attribution[1]
    if not att.attributed_to or head not in fold(att.attributed_to).split():
        return None
    words = text[s.start + found.start("p") : s.start + found.end("p")]
    return Attribution(words, att.official_id, att.side, f'"{words}" refers back to "{att.attributed_to}"')


def carried(text: str, figure: Figure, sentences: list[Sentence], voice: Voice) -> Attribution | None:
    """A speaker carried from the sentences before: "the source", or the sentence goes on
    from "According to …" or with a quotation."""
    s = figure.sentence
    opening = fold(text[s.start : s.end])
    if voice.last_attribution and s.index - voice.last_attribution[0] <= 3:
        pronoun = rf"(?:{lx.alternation('attribution', 'pronoun_group')})"
        if re.search(rf"(?:^|,\s*|\b{_speech()}\s+){pronoun}|{pronoun}\s+{_speech()}", opening):
            return carried_on(voice.last_attribution[1], 'carried to "the source"')
    if voice.last_attribution and s.index - voice.last_attribution[0] == 1:
        before = sentences[s.index - 1]
        previous = fold(text[before.start : before.end])
        lead = opening[: figure.start - s.start]
        # a quotation goes on into this sentence; not one that closed in the sentence before ('…," the source said.')
        continues_quote = opening[:1] in "\"'" or enclosing_quotation(text, s.start) is not None
        # "According to …" speaks on to the end of its paragraph, not into the next one
        same_paragraph = not re.search(r"\n[ \t]*\n", text[before.end : s.start])
        if (previous.startswith("according to") and same_paragraph) or continues_quote:
            return carried_on(voice.last_attribution[1], "carried from the sentence before")
        if same_paragraph and goes_on_reporting(previous, lead):
            return carried_on(voice.last_attribution[1], "whose reported speech goes on")
        if same_paragraph and goes_on_counting(previous, lead):
            return carried_on(voice.last_attribution[1], "whose count goes on")
        # "Russia received 43 bodies, according to Saraliev. Eight of them were civilians …": a part of the figure just given
        if same_paragraph and not lead.strip() and PART_OF_THE_LAST.match(opening, figure.end - s.start):
            return carried_on(voice.last_attribution[1], "whose figure it breaks down")
    return None


PART_OF_THE_LAST = re.compile(r"\s+of\s+(?:them|those|these|whom)\b")


def carried_on(att: Attribution, how: str) -> Attribution:
    """The speaker of a sentence before, speaking on into this one; the reason says how."""
    return Attribution(att.attributed_to, att.official_id, att.side, f"{att.why}, {how}")


def goes_on_counting(previous: str, lead: str) -> bool:
    """"The ministry counted 869 … By September 2023 the total had reached 1,832": a sentence whose subject is
    the count itself, straight after one in which a speaker counted, goes on with the counter's series."""
    verbs = lx.alternation("attribution", "counted_verbs")
    nouns = lx.alternation("attribution", "count_subjects")
    return bool(re.search(rf"\b(?:{verbs})\b", previous) and re.search(rf"\b(?:{nouns})\b", lead))


BACKSHIFTED = re.compile(r"\b(?:had|would)\s+(?:been\s+|not\s+|also\s+|already\s+)?[a-z]+")


def goes_on_reporting(previous: str, lead: str) -> bool:
    """"Medinsky said the exchange had been carried out … In return, Russia had received 26": a sentence
    whose verb keeps the tense of the speech reported just before (had, would) goes on reporting it."""
    return bool(REPORTED.search(previous) and BACKSHIFTED.search(lead))


REPORTED = re.compile(rf"\b{_speech()}\s+(?:that\s+)?(?:[\w'-]+\s+){{1,4}}?(?:had|would)\b")


QUOTE_FROM = re.compile(r"(?:Quote|Quoting|In (?:the|its|his|her) words of)\s+(?:from\s+)?(?P<who>[^:\n]{2,80}):\s")


def quote_from(text: str, figure: Figure, mentions: list[Mention]) -> Attribution | None:
    """"Quote from the Coordination HQ: "Today … 1,000 …"": the line's quotation is the words of whom it names."""
    found = QUOTE_FROM.match(text, line_bounds(text, figure.start)[0])
    if not found or found.end() > figure.start:
        return None
    return speaker_named_as(text, found.start("who"), found.end("who"), mentions, f'"{found.group().strip()}" opens the line')


def labelled_speaker(text: str, figure: Figure, mentions: list[Mention]) -> Attribution | None:
    """A transcript's or live blog's speaker label opening the figure's line ("ZAKHAROVA: …",
    "17:35 — Medinsky: …"): a question's label is the outlet asking; a name is that person."""
    if quoted := quote_from(text, figure, mentions):
        return quoted
    found = SPEAKER_LABEL.match(text, line_bounds(text, figure.start)[0])
    if not found and is_heading_line(text, figure.start):
        return headline_label(text, figure, mentions)
    if not found or found.end() > figure.start:
        return None
    label = fold(found.group("label"))
    if label in lx.phrases("attribution", "question_labels"):
        return Attribution(None, None, "media", f'a question ("{found.group("label")}:"), the outlet asking')
    if label in ("a", "answer") and (limit := first_question(text)) is not None:
        guests = [m for m in mentions if m.kind == "person" and m.start < limit]
        if guests:
            why = f'an answer ("{found.group("label")}:") of the person the interview introduces'
            return official_attribution(text, guests[-1], why)
        return None
    surname = label.split()[-1]
    same = [m for m in mentions if fold(text[m.name_start : m.end]).split()[-1:] == [surname]]
    named = [m for m in same if m.start < figure.start]
    if not named and figure.sentence.index == 0 and same:
        named = same[:1]  # a headline "Saraliyev: bodies of 29 … returned home" names its speaker before the text does
    if not named and is_heading_line(text, figure.start):
        # a sub-heading "General Staff: Russia has lost about 998,000 troops" over "…, Ukraine's General Staff said."
        named = [m for m in mentions_below(figure, mentions) if m in same or label in fold(text[m.name_start : m.end])][:1]
    if not named:
        return group_label(found.group("label"))
    mention = named[-1]
    return official_attribution(text, mention, f'the line\'s speaker label "{found.group("label")}:"')


# a headline or sub-heading may open with a speaker in lower case or in quotation marks: "Ukraine's military
# intelligence: Russia has handed over …", "'I Want to Live': 38 Russian bodies went back"
HEADLINE_LABEL = re.compile(r"[\"'“‘]?(?P<label>[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,3}?)[\"'”’]?:\s")


def headline_label(text: str, figure: Figure, mentions: list[Mention]) -> Attribution | None:
    """A heading opening with a speaker in lower case or quotation marks ("Ukraine's military intelligence:
    Russia has handed over …"): the one it names, in its own words or as the text below names it in full."""
    found = HEADLINE_LABEL.match(text, line_bounds(text, figure.start)[0])
    if not found or found.end() > figure.start:
        return None
    why = f'the heading\'s speaker label "{found.group("label")}:"'
    if inside := speaker_named_as(text, found.start("label"), found.end("label"), mentions, why):
        return inside
    label = fold(found.group("label"))
    below = [m for m in mentions_below(figure, mentions) if label in fold(text[m.name_start : m.end])]
    return official_attribution(text, below[0], why) if below else None


HEADING_REACH = 400  # how far below a sub-heading the paragraph it heads names its speaker


def mentions_below(figure: Figure, mentions: list[Mention]) -> list[Mention]:
    """The mentions in the paragraph a heading heads: those within HEADING_REACH below its figure."""
    return [m for m in mentions if 0 < m.start - figure.start <= HEADING_REACH]


def is_heading_line(text: str, at: int) -> bool:
    """A short line without a full stop at its end: a headline or sub-heading, not a paragraph."""
    start, end = line_bounds(text, at)
    line = text[start:end].rstrip()
    return len(line) <= 140 and not line.endswith((".", '"', "”", "?", "!"))


def group_label(label: str) -> Attribution | None:
    """A label that names one side's group or body ("Russian Defence Ministry: 1,248 handed over")."""
    side = group_side(label)
    return Attribution(label, None, side, f'the line\'s label "{label}:" names one side') if side else None


def enclosing_quotation(text: str, at: int) -> tuple[int, int] | None:
    """The quotation marks around an offset within its paragraph (straight or curly), or None."""
    line_start, line_end = line_bounds(text, at)
    opened: int | None = None
    for i in range(line_start, line_end):
        ch = text[i]
        if opened is None and ch in '“"':
            opened = i
        elif ch in '”"' and opened is not None:
            if opened < at < i:
                return opened, i
            opened = None
    return None


def quotation_of_paragraphs(text: str, at: int) -> tuple[int, int] | None:
    """A quotation of several paragraphs around an offset: opened at the start of a paragraph
    above and left open there, closed at the end of this paragraph or one below, with every
    paragraph between left open too (a quoted post of several lines and a list)."""
    start = line_bounds(text, at)[0]
    opened = None
    for offset, line in lines_before(text, start, BLOCK_REACH):
        if quote_marks(line) % 2 == 1 and line.lstrip()[:1] in "\"“":
            opened = offset + len(line) - len(line.lstrip())
            break
        if quote_marks(line):
            return None  # a paragraph of its own quotations: the quotation, if any, closed there
    if opened is None:
        return None
    for line_start, line in lines_from(text, start, BLOCK_REACH):
        if quote_marks(line) % 2 == 1 and line.rstrip()[-1:] in "\"”":
            return opened, line_start + len(line.rstrip()) - 1
        if quote_marks(line):
            return None
    return None


def quote_marks(line: str) -> int:
    return sum(line.count(mark) for mark in '"“”')


def at_point(sentences: list[Sentence], offset: int) -> Figure:
    """A stand-in figure at an offset, to ask who speaks at that point of the text."""
    return Figure(Number(offset, offset, "", 0, "digits", False), sentence_at(sentences, offset))


def quoted_speaker(
    text: str, figure: Figure, sentences: list[Sentence], mentions: list[Mention], voice: Voice
) -> Attribution | None:
    """A figure inside a quotation of several sentences is the words of whoever the
    quotation is attributed to: '"… The second, of 1,200, followed," the source said.'
    or 'Medinsky said: "… 1,000 …"'."""
    quotation = enclosing_quotation(text, figure.start)
    if quotation is None:
        return None
    opened, closed = quotation
    points = [closed + 1] if closed + 1 < len(text) and text[closed + 1] not in "\n" else []
    points.append(max(0, opened - 1))
    for point in points:
        try:
            here = at_point(sentences, point)
        except StopIteration:
            continue
        if here.sentence is figure.sentence and point > closed:
            continue  # the figure's own sentence was asked already
        if mention := speaker_mention(text, here, mentions):
            return official_attribution(text, mention, f'quoted from "{text[mention.name_start : mention.end]}"')
        if group := group_attribution(text, here):
            return Attribution(group.attributed_to, None, group.side, f"quoted: {group.why}")
        if found := pronoun_carried(text, here, sentences, voice, figure.sentence.index, mentions) or carried(
            text, here, sentences, voice
        ):
            return found
    return None


FIRST_PERSON = re.compile(r"(?<![\w])(?:We|we|Our|our|Us|us)\b(?!\s+\w+\s+(?:said|says))")
OWN_VOICE_MIN = 2  # without a masthead, one "our" is as likely the outlet's ("on our arithmetic")


# a list item: a bullet, a quote, "1." or "1)", or a date and a dash ("11 June – 1,212")
# a list line: a bullet (a dash, a dot, a symbol or emoji such as "🔹" or "▪"), a number, a date
BLOCK_LINE = re.compile(
    r"\s*(?:[-•*\"“\u25a0-\u25ff\u2600-\u27bf\U0001f300-\U0001faff]|\d{1,2}[.)]\s|\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?\s*[–—:-]\s)"
)
BLOCK_REACH = 12  # lines a quoted post or list may run under the line that introduces it


def introduced_block_speaker(
    text: str, figure: Figure, sentences: list[Sentence], mentions: list[Mention], voice: Voice
) -> Attribution | None:
    """A line of a quoted post or list under a line ending "the headquarters wrote:" is
    the words of whoever that line introduces."""
    start, stop = line_bounds(text, figure.start)
    first = text[start:stop]
    paragraphs = quotation_of_paragraphs(text, figure.start)  # a quoted post of several paragraphs, a list in it
    if not BLOCK_LINE.match(first) and enclosing_quotation(text, figure.start) is None and paragraphs is None:
        return None
    lines = text[:start].rstrip("\n").split("\n")
    offset = start
    for line in reversed(lines[-BLOCK_REACH:]):
        offset -= len(line) + 1
        stripped = line.strip()
        if paragraphs and offset >= paragraphs[0] - 1:
            continue  # a paragraph of the same quotation
        documents = lx.alternation("attribution", "statement_nouns")
        statement = re.search(rf"\b(?:{documents})\b", fold(stripped))  # "Main points of the statement:"
        header = POST_HEADER.search(stripped)  # "Alexander Kots, war correspondent of Komsomolskaya Pravda · 13:36"
        if (stripped.endswith(":") and (re.search(_speech(), fold(stripped)) or statement)) or header:
            colon = offset + (line.rstrip().rfind(":") if not header else len(line.rstrip()) - len(header.group()))
            try:
                here = at_point(sentences, colon - 1)
            except StopIteration:
                return None
            # the line's last sentence, else its first ("The ministry … published a statement … Its main points:")
            opening = at_point(sentences, offset + len(line) - len(line.lstrip()))
            # a post header names its poster first ("Alexander Kots, war correspondent of Komsomolskaya Pravda · 13:36")
            posters = [m for m in mentions if offset <= m.start < offset + len(line)] if header else []
            if mention := (posters[0] if posters else None) or speaker_mention(text, here, mentions) or speaker_mention(
                text, opening, mentions
            ):
                named = text[mention.name_start : mention.end]
                return official_attribution(text, mention, f'the post or list "{named}" introduces')
            found = group_attribution(text, here) or pronoun_carried(text, here, sentences, voice, mentions=mentions)
            return found or (statement_of_last_named(text, here.sentence, voice, stripped) if statement else None)
        if stripped and not BLOCK_LINE.match(line) and not stripped.endswith(('"', "”")):
            return None  # a paragraph of prose: the block, if any, ended here
    return None


FIRST_PERSON_ANY = re.compile(r"(?<![\w])(?:I|my|My|me|We|we|Our|our|us|Us)\b")


def statement_heading(text: str, unquoted: str, mentions: list[Mention]) -> Attribution | None:
    """"Statement by the High Commissioner for Human Rights in the Russian Federation on …" as the first
    line, over a text in the first person (`unquoted`: the text below it, quotations left out): the one
    the heading names speaks throughout."""
    first, below, _ = text.partition("\n")
    if not below:
        return None  # a heading needs a text under it
    heading = lx.alternation("attribution", "statement_heading")
    found = re.match(rf"\s*(?i:{heading})\s+(?:the\s+)?(?P<who>.+?)(?:\s+(?:on|about|regarding)\s+.*)?\s*$", first)
    if not found or len(FIRST_PERSON_ANY.findall(unquoted)) < OWN_VOICE_MIN:
        return None
    who = found.group("who")
    named = [m for m in mentions if m.start < len(first) and m.start >= found.start("who")]
    why = f'the heading "{first.strip()[:60]}" names who speaks, in the first person'
    if named:
        return official_attribution(text, named[0], why)
    side = side_of_words(who, places_last=True)
    return Attribution(who, None, side, why) if side else None


FIRST_PERSON_SINGULAR = re.compile(r"(?<![\w])(?:I|my|My|me)\b")


def own_voice(
    text: str, head: Mention | None, mentions: list[Mention] | None = None, signer: Mention | None = None
) -> Attribution | None:
    """An article in a body's own voice ("We remind relatives…"): that body speaks
    throughout. The body is the one its first line names; failing that, the first body
    it names that nobody reports ("the headquarters said" is an outlet reporting it),
    when "we" or "our" comes twice outside quotations and the headline."""
    unquoted = re.sub(r"[\"“][^\"”]*[\"”]", "", text.split("\n", 1)[-1])
    if signer is not None and len(FIRST_PERSON_SINGULAR.findall(unquoted)) >= OWN_VOICE_MIN:
        # "Dmytro Lubinets,\nUkrainian Parliament Commissioner …" at the foot of a text in the first person:
        # the signer speaks, not the office the masthead names
        why = f'the article is a statement in its author’s own voice ("I"), signed "{text[signer.start : signer.end]}"'
        return official_attribution(text, signer, why)
    if head is None and (heading := statement_heading(text, unquoted, mentions or [])):
        return heading
    voices = len(FIRST_PERSON.findall(unquoted))
    if head is not None and head.kind == "person" and voices < OWN_VOICE_MIN:
        head = None  # a person's name over the text speaks only where the text speaks as "we"
    if head is not None and (voices or head.side != "media"):  # an institute's masthead over its own analysis
        why = 'the article is the statement of the body its first line names, in its own voice ("we", "our")'
        return official_attribution(text, head, why)
    if voices < OWN_VOICE_MIN or not lx.pattern("attribution", "own_voice").search(fold(unquoted)):
        return None
    speech = _speech()
    bodies = sorted((m for m in mentions or [] if m.kind == "body"), key=lambda m: m.start)
    # a body that signs the statement on a line of its own ("Coordination Headquarters for …" at its foot)
    signed = [m for m in bodies if text[slice(*line_bounds(text, m.start))].strip() == text[m.start : m.end].strip()]
    if signed:  # a signature outweighs a line that reports the body ("…, the 'I Want to Live' project reported")
        return official_attribution(text, signed[0], 'the article is a statement in its own voice ("we", "our"), signed')
    for body in bodies:
        named = [m for m in mentions or [] if m.official_id == body.official_id]
        # "the headquarters said" reports it, in the name's own line
        near = [(m, *line_bounds(text, m.start)) for m in named]
        reported = any(re.search(speech, fold(text[max(a, m.start - 60) : min(b, m.end + 60)])) for m, a, b in near)
        if not reported:
            return official_attribution(text, body, 'the article is a statement in its own voice ("we", "our")')
        return None
    return None


def outlet_tally(text: str, a: int, b: int, mentions: list[Mention]) -> re.Match[str] | None:
    """"by the FT's count", "according to a Reuters tally": an outlet's own sum, named by a
    capitalised name that is no side's and no speaker the article cites."""
    nouns = lx.alternation("attribution", "sum_nouns")
    name = r"(?P<who>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})(?:['’]s?)?"
    pattern = rf"\b(?i:by|according\s+to)\s+(?i:an?\s+|the\s+)?{name}\s+(?i:own\s+)?(?P<noun>(?i:{nouns}))\b"
    for m in re.finditer(pattern, text[a:b]):
        at = a + m.start("who")
        cited = any(x.start <= at < x.end or at <= x.start < a + m.end("who") for x in mentions)
        surname = fold(m.group("who")).split()[-1]  # "by Saraliev's count": the deputy cited before
        named = any(x.end > x.name_start and fold(text[x.name_start : x.end]).split()[-1] == surname for x in mentions)
        # "according to TASS calculations": even a side's outlet adds up for itself ("by Kyiv's count" is Kyiv's)
        adds_up = fold(m.group("noun")) in lx.phrases("attribution", "arithmetic_nouns")
        if not cited and not named and (side_of_words(m.group("who")) is None or adds_up):
            return m
    return None


@cache
def outlet_reading() -> re.Pattern[str]:
    """"going by the figures of Medinsky and Saraliev", "going by the headquarters' announcements": the
    outlet reads the figure off what others published; not "going by Kyiv's count", which is Kyiv's."""
    sides = f"{lx.alternation('attribution', 'ukraine_adjectives')}|{lx.alternation('attribution', 'russia_adjectives')}"
    nouns = lx.alternation("attribution", "reading_of")
    return re.compile(rf"\bgoing\s+by\s+(?!(?:{sides})\s)(?:[\w'’-]+\s+){{0,10}}?(?:{nouns})\b")


def own_arithmetic(text: str, figure: Figure, mentions: list[Mention]) -> Attribution | None:
    """"By our count of the headquarters' statements, Ukraine has received 12,060", "by the FT's
    count": the outlet adds the figures up itself, in the figure's own part of the sentence."""
    a, b = segment_bounds(text, figure.sentence, figure.start)
    found = (
        lx.pattern("attribution", "own_arithmetic").search(fold(text[a:b]))
        or outlet_reading().search(fold(text[figure.sentence.start : figure.sentence.end]))
        or outlet_tally(text, a, b, mentions)
        or sum_opening_the_sentence(text, figure, mentions, (a, b))
    )
    if not found or enclosing_quotation(text, figure.start) or SPEAKER_LABEL.match(text, line_bounds(text, figure.start)[0]):
        return None  # a speaker's own "by our count" ("A: By our count Ukraine has received 14,060")
    return Attribution(None, None, "media", f'the outlet\'s own sum ("{found.group()}")')


def sum_opening_the_sentence(text: str, figure: Figure, mentions: list[Mention], part: tuple[int, int]) -> re.Match[str] | None:
    """"By our tally of the figures Russian officials gave, Moscow has received 512 …, while Ukraine has received
    more than 18,000": a sum opening the sentence speaks for its later parts too, save one with a speaker of its own."""
    s = figure.sentence
    opening = re.match(r"[\s\"'“‘]*", text[s.start : s.end])
    found = lx.pattern("attribution", "own_arithmetic").match(fold(text[s.start : s.end]), opening.end() if opening else 0)
    a, b = part
    if not found or any(a <= m.start < b for m in mentions) or group_attribution(text, figure, own_part_only=True):
        return None
    return found


def group_side(words: str) -> str | None:
    """The side a group's name gives ("Kyiv", "the Russian side", "Moscow's negotiators"), or None."""
    folded = fold(words).strip()
    for side, key in GROUP_SIDES:
        if side != "media" and re.fullmatch(f"(?:{lx.alternation('attribution', key)})", folded):
            return side
    return None


def speaker_named_as(text: str, start: int, end: int, mentions: list[Mention], why: str) -> Attribution | None:
    """The speaker the words text[start:end] name: a curated or proposed official, else a side's group."""
    named = [m for m in mentions if start <= m.name_start and m.end <= end]
    if named:
        return official_attribution(text, named[-1], why)
    side = group_side(text[start:end])
    return Attribution(text[start:end], None, side, why) if side else None


WHOSE_COUNT = re.compile(
    # "1,245 by Kyiv's count", "1,003 to Ukraine by Kyiv's count"
    r"(?:\s+bodies)?(?:\s+(?:to|from)\s+[A-Z][\w'’-]+)?,?\s+(?:by|on|according\s+to)\s+"
    r"(?:the\s+)?(?P<who>[A-Z][\w’' -]{1,60}?)['’]s?\s+"
    r"(?:own\s+)?(?:count|figures?|tally|numbers|account)\b"
)
# "the Russian Defence Ministry counted 1,248 against Ukraine's 1,245": a side's count, named just before its figure
@cache
def sides_own() -> re.Pattern[str]:
    countries = "|".join(lx.alternation("country_names", side) for side in lx.labels("country_names"))
    return re.compile(rf"\b(?:against|versus|vs\.?|to|and|with)\s+(?P<who>(?:{countries})['’]s)\s+$")


def whose_count_precedes(text: str, figure: Figure) -> Attribution | None:
    """"the Russian Defence Ministry counted 1,248 against Ukraine's 1,245": a side's count named right
    before its figure, beside another's count; "Russia received 45 against Ukraine's 757" says whose
    bodies they are, not whose count."""
    before = fold(text[figure.sentence.start : figure.start])
    own = sides_own().search(before)
    if not own or not re.search(rf"\b(?:{_speech()})\s", before[: own.start()]):
        return None
    start = figure.sentence.start
    who, words = text[start + own.start("who") : start + own.end("who")], text[start + own.start() : start + own.end()]
    side = side_of_words(who)
    return Attribution(who, None, side, f'"{words.strip()}" names whose count it is') if side else None


def whose_count_follows(text: str, figure: Figure, mentions: list[Mention]) -> Attribution | None:
    """"a final batch, 1,245 by Kyiv's count, 1,248 according to the Russian Defence Ministry": whose count
    comes right after the figure, that figure is theirs, whoever else the sentence names."""
    found = WHOSE_COUNT.match(text, figure.end, figure.sentence.end)
    if not found:
        return None
    return speaker_named_as(text, found.start("who"), found.end("who"), mentions, f'"{found.group().strip()}" follows the figure')


def gapped_speaker(text: str, figure: Figure, mentions: list[Mention]) -> Attribution | None:
    """"the Coordination Headquarters counted 6,057 bodies, Medinsky 6,060", "Kyiv counts 1,003 bodies, Moscow
    1,000": a name right before the figure after a comma, the verb of the part before left out, speaks for it."""
    s = figure.sentence
    found = re.search(r",\s+(?:and\s+)?(?P<who>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})\s+$", text[s.start : figure.start])
    if not found:
        return None
    # the verb left out is the one that gave the figure before: "counted 6,057", not "received 8,057, and Russia 116"
    before = fold(text[s.start : s.start + found.start()])
    if not re.search(rf"\b(?:{_speech()}|count(?:s|ed)?)\s+(?:[\w-]+\s+)?[\d,. ]*\d[\d,. ]*(?:\s+bodies)?$", before):
        return None
    who = (s.start + found.start("who"), s.start + found.end("who"))
    return speaker_named_as(text, *who, mentions, f'"{found.group("who")}" before the figure, the verb left out')


def named_in_statement(
    text: str, figure: Figure, sentences: list[Sentence], mentions: list[Mention], voice: Voice
) -> Attribution | None:
    """"…, said Minister Ihor Klymenko", "according to the Coordination Headquarters" inside a
    body's own statement: the figure is the speaker's the statement names, in its own clause.
    Only a named speaker: "1,000 bodies, which the Russian side says are …" stays the body's."""
    mention = speaker_mention(text, figure, mentions)
    a, b = segment_bounds(text, figure.sentence, figure.start)
    if mention and a <= mention.start < b:
        return official_attribution(text, mention, f'attributed to "{text[mention.name_start : mention.end]}"')
    found = pronoun_carried(text, figure, sentences, voice, mentions=mentions)  # "On 12 July, he said, …"
    own = voice.own_voice.official_id if voice.own_voice else None
    if found and found.official_id != own:
        return found
    return other_side_speaking(text, figure, voice)


def other_side_speaking(text: str, figure: Figure, voice: Voice) -> Attribution | None:
    """"The Russian side states that it handed over 6,060 bodies" in the headquarters' own statement:
    the other side, the subject of the verb that gives the figure, speaks for it. Not "1,000 bodies,
    which the Russian side says are …", which the body still says."""
    group = group_attribution(text, figure, own_part_only=True)
    if not group or not group.attributed_to or not voice.own_voice or group.side in (voice.own_voice.side, "media"):
        return None
    before = fold(text[figure.sentence.start : figure.start])
    who = re.escape(fold(group.attributed_to))
    subject = re.search(rf"(?<!which ){who}(?:\s+[\w'-]+){{0,2}}?\s+(?:{_speech()}|gives|gave)\b", before)
    return group if subject else None


def group_in_own_part(text: str, figure: Figure, carried: Attribution) -> Attribution | None:
    """A group of the other side speaking in the figure's own part of the sentence, where the speaker carried
    from elsewhere is not named."""
    s = figure.sentence
    a, b = segment_bounds(text, s, figure.start)
    at = text.find(carried.attributed_to or "\0", s.start, s.end)
    if at < 0 or a <= at < b:
        return None
    group = group_attribution(text, figure, own_part_only=True)
    return group if group and group.side != carried.side else None


BARE_PRONOUN = re.compile(r"(?i)it|they|he|she|we")


def opened_before_its_sentence(text: str, figure: Figure) -> bool:
    """Whether the figure's sentence is inside a quotation opened in a sentence before it."""
    quotation = enclosing_quotation(text, figure.start)
    return quotation is not None and quotation[0] < figure.sentence.start


def whom_the_pronoun_means(
    text: str, figure: Figure, sentences: list[Sentence], mentions: list[Mention], voice: Voice
) -> Attribution | None:
    """Whom a bare pronoun in the figure's sentence means, where it is not the last speaker named before:
    inside a quotation, the quoted speaker ('Medinsky wrote: "We handed over 1,000 bodies. They gave us 19."');
    in an aside, the group that speaks the sentence before it ("Russian state television said that 43 …,
    among them eight … who, it said, had died"), not one that is told something ("told RBC")."""
    if opened_before_its_sentence(text, figure) and (quoted := quoted_speaker(text, figure, sentences, mentions, voice)):
        return quoted
    group = group_attribution(text, figure)
    if group is None or not group.attributed_to:
        return None
    at = text.find(group.attributed_to, figure.sentence.start, figure.start)
    says = re.match(rf"\s+(?:{_speech()})", fold(text[at + len(group.attributed_to) : figure.start])) if at >= 0 else None
    return group if says else None


def attribute(text: str, figure: Figure, sentences: list[Sentence], mentions: list[Mention], voice: Voice) -> Attribution:
    if voice.own_voice:  # a body's own statement is its claim, but where it names another speaker
        return named_in_statement(text, figure, sentences, mentions, voice) or voice.own_voice
    if sums := own_arithmetic(text, figure, mentions):
        return sums
    if found := table_speaker(text, figure, mentions):
        return found
    whose = whose_count_precedes(text, figure) or whose_count_follows(text, figure, mentions)
    if found := whose or gapped_speaker(text, figure, mentions):
        return found
    if mention := speaker_mention(text, figure, mentions):
        a, b = segment_bounds(text, figure.sentence, figure.start)
        if not a <= mention.start < b:
            if group := group_attribution(text, figure, own_part_only=True):
                return group  # "…, the headquarters said, while Moscow got 30, according to a Russian lawmaker"
            # "the headquarters counted 1,245 bodies on 16 June, while the Russian Defence Ministry said …"
            # a role noun, not a bare "it" or "he", which would be the sentence's own speaker
            role = pronoun_carried(text, figure, sentences, voice, mentions=mentions)
            if role and role.attributed_to and " " in role.attributed_to and fold(role.attributed_to) in fold(text[a:b]):
                return role
        return official_attribution(text, mention, f'attributed to "{text[mention.name_start : mention.end]}"')
    if found := pronoun_carried(text, figure, sentences, voice, mentions=mentions):
        bare = BARE_PRONOUN.fullmatch(found.attributed_to or "")
        if bare and (meant := whom_the_pronoun_means(text, figure, sentences, mentions, voice)):
            return meant
        # "The headquarters reported another 1,200, and Russian state television put the day's transfer at 1,200":
        # a group speaking in the figure's own part, where the pronoun is not, speaks for it
        return group_in_own_part(text, figure, found) or found
    if group := group_attribution(text, figure):
        return group
    if found := unnamed_role_attribution(text, figure):
        return found
    if found := labelled_speaker(text, figure, mentions):
        return found
    if found := carried(text, figure, sentences, voice):
        return found
    if found := quoted_speaker(text, figure, sentences, mentions, voice):
        return found
    if found := introduced_block_speaker(text, figure, sentences, mentions, voice):
        return found
    if voice.source_line and voice.source_line[0] <= figure.start < voice.source_line[1]:
        return voice.source_line[2]
    return voice.own_voice or MEDIA


def table_speaker(text: str, figure: Figure, mentions: list[Mention]) -> Attribution | None:
    """Whose a table cell's figure is: the side its column's header names ("Kyiv: received"), else
    the speaker a "Reported by" column names for the row, or one per figure column in their order
    ("Ministry for Reintegration / Saraliev" over "94 | 80")."""
    if (cell := table_cell(text, figure.start)) is None:
        return None
    start, cells, column, heads = cell.row_start, cell.cells, cell.column, cell.heads()
    party = re.match(r"([^:]+):", heads[column])
    if party and (side := group_side(party.group(1))):
        return Attribution(party.group(1), None, side, f'the table\'s column "{heads[column]}" names its side')
    sources = lx.phrases("attribution", "table_source_headers")
    said_by = next((i for i, head in enumerate(heads) if fold(head) in sources), None)
    if said_by is None or said_by == column:
        return None
    a, b = cells[said_by]
    names = [(a + m.start(), a + m.end()) for m in re.finditer(r"[^/;]+", text[start + a : start + b]) if m.group().strip()]
    counts = [i for i, (x, y) in enumerate(cells) if i and re.fullmatch(r"[\d,.\s]+|[-–—]", text[start + x : start + y].strip())]
    if len(names) != 1 and (len(names) != len(counts) or column not in counts):
        return None
    x, y = names[0] if len(names) == 1 else names[counts.index(column)]
    why = f'the table\'s "{heads[said_by]}" column'
    named = speaker_named_as(text, start + x, start + y, mentions, why)
    return named or named_as_before(text, text[start + x : start + y], mentions, why)


FOOTNOTE_MARK = re.compile(r"\[\d{1,3}\]")  # "Saraliev[6]": a note's number is no part of the name


def named_as_before(text: str, words: str, mentions: list[Mention], why: str) -> Attribution | None:
    """The speaker a short name stands for ("Kotenko", "HUR", "Ministry for Reintegration" in a table's
    cell) among those the text names in full: every word of the short name is a word of the full one."""
    short = set(re.findall(r"\w+", fold(FOOTNOTE_MARK.sub("", words))))
    same = [m for m in mentions if short and short <= set(re.findall(r"\w+", fold(text[m.name_start : m.end])))]
    return official_attribution(text, same[0], f"{why}, {words.strip()!r} as the text names it") if same else None


def source_line(text: str, mentions: list[Mention]) -> tuple[int, int, Attribution] | None:
    """A "Source: Coordination Headquarters for the Treatment of Prisoners of War" line under a
    paragraph (as Ukrainian outlets write under their lead): the one body or person it names speaks
    in that paragraph where no sentence names a speaker. A line of several sources ("…; Russian
    Defence Ministry; our calculations") names no one speaker."""
    labels = lx.alternation("attribution", "source_labels")
    for line in re.finditer(rf"^[ \t]*(?i:{labels})[ \t]*[:\u2013\u2014-][ \t]*(?P<who>[^\n]+)$", text, re.M):
        if re.search(r";|\band\b|&", line.group("who")):
            continue
        # a name among the line's words (a fuzzy match may take in the label: "Source: Coordination Headquarters")
        named = {m.official_id: m for m in mentions if line.start("who") < m.end and m.start < line.end()}
        if len(named) == 1:
            why = f'the line "{line.group().strip()[:60]}" under the paragraph names its source'
            end = len(text[: line.start()].rstrip())  # past any blank line: the paragraph above ends here
            return line_bounds(text, end)[0], line.start(), official_attribution(text, next(iter(named.values())), why)
    return None


# "… gets none back - source", "… receives 31 — Medinsky", "…, Ombudsman Says": a headline's credit
CREDIT_WORDS = r"[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,2}"  # up to three words, no figure


@cache
def headline_credit_pattern() -> re.Pattern[str]:
    says = lx.alternation("attribution", "headline_says")
    # "… - source", "… — Medinsky", "…: Reintegration Ministry"; "…, Ombudsman Says"; "…, says Duma deputy"
    return re.compile(
        rf"\S(?:\s+[-–—]|:)\s+(?P<who>{CREDIT_WORDS})\s*$|,\s+(?P<says>{CREDIT_WORDS})\s+(?i:{says})\s*$"
        rf"|,\s+(?i:{says})\s+(?P<after>{CREDIT_WORDS})\s*$"
    )


def headline_credit(text: str, sentence: Sentence, at: int) -> str | None:
    """The credit a headline (a whole line among the first, without a full stop) ends with, if it
    covers the figure at `at`: "Ukraine gets back 100; Russia receives 69, says Duma deputy" credits the 69."""
    start, end = line_bounds(text, sentence.start)
    if sentence.line >= HEADLINE_LINES or text[start:end].rstrip().endswith("."):
        return None
    found = headline_credit_pattern().search(text, sentence.start, end)
    if found and ";" in text[at : found.start()]:
        return None
    return (found.group("who") or found.group("says") or found.group("after")) if found else None


@cache  # asked per word of a credit for every later speaker
def equivalents(word: str) -> frozenset[str]:
    """A credit's word and those the body may name the same speaker with ("lawmaker": "MP", "deputy")."""
    groups = [{key, *same} for key, same in lx.data()["attribution"]["headline_credits"].items()]
    return frozenset({word}.union(*(group for group in groups if word in group)))


def credit_words(who: str) -> set[str]:
    """The credit's words, and those its key word may be written as in the body ("MP": "deputy").
    One way only, unlike `equivalents`: "- HQ" must wait for a sentence that writes "HQ" to name the
    headquarters, not take the first that says "headquarters" with no official linked."""
    words = words_of_credit(who)
    return words.union(*(set(same) for key, same in lx.data()["attribution"]["headline_credits"].items() if key in words))


def credited_in(who: str, words: set[str]) -> bool:
    """Whether a sentence's words name the credit's speaker, each word of it or an equivalent:
    "lawmaker says" over "…, State Duma deputy Shamsail Saraliyev said"."""
    return all(equivalents(word) & words for word in words_of_credit(who))


def words_of_credit(words: str) -> set[str]:
    """The folded words of a headline credit or a speaker's description."""
    return set(re.findall(r"[\w'-]+", fold(words)))


def credit_headlines(text: str, claims: list[DraftClaim]) -> None:
    """A headline figure credited "- source" is the claim of the source the body names first
    ("a source in the Russian negotiating group told TASS"): the credit names no side itself."""
    for claim in claims:
        if claim.attribution.side != "media" or claim.attribution.official_id:
            continue
        if not (who := headline_credit(text, claim.figure.sentence, claim.figure.start)):
            continue
        speakers = [c for c in claims if c.figure.sentence.line > claim.figure.sentence.line and c.attribution.side != "media"]
        speakers = [c for c in speakers if c.attribution.attributed_to]
        # a speaker the credit names or titles, else one whose sentence names its role in other words
        # ("lawmaker says" over "…, State Duma deputy Shamsail Saraliyev said")
        named = next(((c, titled) for c in speakers if (titled := credit_names(text, who, c)) is not None), None)
        found = named or next(((c, False) for c in speakers if credited_in(who, sentence_words(text, c))), None)
        if found:
            said, titled = found[0].attribution, found[1]
            why = f'the headline credit "{who}" is the speaker the article names as "{said.attributed_to}"'
            # the side of the speaker the credit stands for; a bare role ("source", "MP") names no official
            claim.attribution = Attribution(who, said.official_id if titled else None, said.side, why)


def sentence_words(text: str, claim: DraftClaim) -> set[str]:
    sentence = claim.figure.sentence
    return words_of_credit(text[sentence.start : sentence.end])


def credit_names(text: str, who: str, later: DraftClaim) -> bool | None:
    """True when the credit titles the later claim's named official, whose sentence gives every word of
    it ("– Presidential Aide" over "…, Russian presidential aide … Vladimir Medinsky said"); False when
    it shares a word with the speaker's description ("- source": "a source in …"); None otherwise."""
    if later.attribution.official_id and words_of_credit(who) <= sentence_words(text, later):
        return True
    return False if credit_words(who) & words_of_credit(later.attribution.attributed_to or "") else None


def according_to_opening(text: str, sentence: Sentence, mentions: list[Mention]) -> Attribution | None:
    """"According to Medinsky, the exchange was heavily weighted …": a sentence without a figure
    that names whom the next one goes on quoting."""
    if not fold(text[sentence.start : sentence.end]).lstrip(" \"'").startswith("according to"):
        return None
    named = [m for m in mentions if m.sentence == sentence.index]
    return official_attribution(text, named[0], f'attributed to "{text[named[0].name_start : named[0].end]}"') if named else None


def credit_backward(norm: Normalised, claims: list[DraftClaim], sentences: list[Sentence], mentions: list[Mention]) -> None:
    """"… have been returned to Russia. This was stated by State Duma member Shamsail Saraliev.":
    the outlet's figures of the sentence before are the words of whoever the credit names."""
    text = norm.text
    credit = lx.pattern("attribution", "backward_credit")
    has_figures = {c.figure.sentence.index for c in claims}
    for sentence in sentences[1:]:
        here = at_point(sentences, sentence.start)
        if credit.match(fold(text[sentence.start : sentence.end]).lstrip(" \"'")):
            mention = speaker_mention(text, here, mentions)
        elif sentence.index not in has_figures and (
            reporter := reports_the_event(text, sentence, mentions) or closing_credit(text, sentence, mentions)
        ):
            mention = reporter
        else:
            continue
        found = official_attribution(text, mention, "") if mention else group_attribution(text, here)
        if found is None:
            continue
        words = " ".join(text[sentence.start : sentence.end].split())[:60]
        why = f'"{words}" names the speaker of the sentences before it in its paragraph'
        credited = credited_before(norm, sentences, sentence, claims)
        for claim in claims:
            if claim.figure.sentence.index in credited:
                claim.attribution = Attribution(found.attributed_to, found.official_id, found.side, why)


def credited_before(norm: Normalised, sentences: list[Sentence], credit: Sentence, claims: list[DraftClaim]) -> set[int]:
    """The sentences a backward credit speaks for: those before it in its paragraph ("Russia has handed over
    1 000 bodies … Among them are five … This was reported by the headquarters"), back to one with a speaker.
    A credit that opens a paragraph of its own speaks for the paragraph before it (an agency's lead, then
    "This was reported on Telegram by …"), unless a line was removed between them (a byline under a standfirst)."""
    spoken = {c.figure.sentence.index for c in claims if c.attribution.side != "media"}
    outlet = {c.figure.sentence.index for c in claims if c.attribution.side == "media"}
    credited: set[int] = set()
    for n, before in enumerate(reversed(sentences[: credit.index])):
        after = sentences[before.index + 1]
        if before.index in spoken or (n > 0 and NEW_PARAGRAPH.search(norm.text[before.end : after.start])):
            break  # back across the break just before the credit, if any, but not across another
        if is_headline(norm.text, before) or (is_whole_line(norm.text, before) and is_heading_line(norm.text, before.start)):
            break  # a headline or a sub-heading is the outlet's, whatever credit follows it
        credited |= {before.index} & outlet
        if n == 0 and norm.removed_at(norm.raw_offset(before.end), norm.raw_offset(credit.start)):
            break
    return credited


NEW_PARAGRAPH = re.compile(r"\n[ \t]*\n")


def closing_credit(text: str, sentence: Sentence, mentions: list[Mention]) -> Mention | None:
    """"… belong to Ukrainian defenders. It is the first repatriation of 2026, the Coordination
    Headquarters … reported on Thursday.": a sentence without a figure that ends by naming its speaker."""
    here = [m for m in mentions if m.sentence == sentence.index]
    if not here:
        return None
    last = max(here, key=lambda m: m.start)
    if not re.search(r",\s*(?:the\s+)?$", text[sentence.start : last.start]):
        return None
    tail = fold(text[last.end : sentence.end])
    return last if re.fullmatch(rf"\s+{_speech()}(?:\s+[\w'-]+){{0,4}}\s*[.!]?[\"”']?\s*", tail) else None


def reports_the_event(text: str, sentence: Sentence, mentions: list[Mention]) -> Mention | None:
    """"The Coordination Headquarters … reported the repatriation on Thursday afternoon.": the
    speaker that opens a sentence reporting the event just told."""
    here = sorted((m for m in mentions if m.sentence == sentence.index), key=lambda m: m.start)
    if not here or fold(text[sentence.start : here[0].start]).strip(" \"'") not in ("", "the"):
        return None
    objects = lx.alternation("attribution", "backward_credit_objects")
    # "reported it on Telegram", not "said it had nothing to do with them": a pronoun object ends its clause
    clause_goes_on = r"(?!\s+(?:had|has|have|was|were|is|are|would|will|did|could|may|might)\b)"
    reporting = re.match(rf"\s+{_speech()}\s+(?:{objects})\b{clause_goes_on}", fold(text[here[0].end : sentence.end]))
    return here[0] if reporting else None


def reported_speech(text: str, sentence: Sentence, mentions: list[Mention]) -> Attribution | None:
    """"Medinsky said the exchange had been carried out …": a sentence without a figure reporting a
    speaker's words in the past of the past, which the next sentence may go on with."""
    named = [m for m in mentions if m.sentence == sentence.index]
    folded = fold(text[sentence.start : sentence.end])
    if not named or not REPORTED.search(folded):
        return None
    return official_attribution(text, named[0], f'attributed to "{text[named[0].name_start : named[0].end]}"')


def group_speaking(text: str, sentence: Sentence, mentions: list[Mention]) -> Attribution | None:
    """"A source in the Russian negotiating group told TASS that Kyiv had returned none.": a sentence
    without a figure whose unnamed speaker "the source" or a quotation in the next sentence goes on with."""
    if any(m.sentence == sentence.index for m in mentions):
        return None  # a named speaker is remembered as a mention
    return group_speaker(text, sentence, (sentence.end, sentence.end))


def remember(voice: Voice, sentence: Sentence, mentions: list[Mention], attribution: Attribution | None, text: str) -> None:
    if attribution is None:  # a sentence without figures
        attribution = (
            according_to_opening(text, sentence, mentions)
            or reported_speech(text, sentence, mentions)
            or group_speaking(text, sentence, mentions)
        )
    for m in mentions:
        if m.sentence == sentence.index:
            voice.last[m.kind] = (sentence.index, m)
    # "The Red Cross has tried to stay out of the arithmetic. It says …": a body the sentence opens with,
    # speaking or not, is the one the next "it" refers to
    opening = [m for m in voice.silent if m.sentence == sentence.index and not text[sentence.start : m.start].strip(" \"“")]
    if opening and not any(m.sentence == sentence.index and m.kind == "body" for m in mentions):
        voice.last["body"] = (sentence.index, opening[0])
    # "The headquarters reported 1,212 … It then counted 1,200 …": a speaker carried by a role noun
    # is the one the next "it" refers to, as if named again here
    if attribution is not None and attribution.official_id:
        named = [m for m in mentions if m.official_id == attribution.official_id and m.sentence < sentence.index]
        if named and not any(m.sentence == sentence.index and m.kind == named[-1].kind for m in mentions):
            voice.last[named[-1].kind] = (sentence.index, named[-1])
    if attribution is not None and attribution is not MEDIA:
        voice.last_attribution = (sentence.index, attribution)
