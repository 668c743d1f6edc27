"""Who says what: the curated officials an article names (by any recorded name or
title, fuzzily), the new people and bodies it cites, and each figure's attribution."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache

from rapidfuzz import fuzz

from ..calendar_words import MONTHS, WEEKDAYS
from . import lexicon as lx
from .credit import looks_like_headline
from .known import Known
from .text import HEADLINE_LINES, WORD, Sentence, fold, is_whole_line, line_bounds, sentence_at, slug_words

FUZZY_MIN_CHARS = 25  # shorter names and titles must match exactly: fuzzy matching short strings finds anything
FUZZY_CUTOFF = 82.0
WORD_CUTOFF = 70.0  # each long word of a fuzzily matched name must be spelled like a word of the hit
SURNAME_CUTOFF = 80.0  # "Medynsky", "Madinsky" for Medinsky; "Umierov" for Umerov
TITLE_STOP = {
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "according",
    "to",
    "by",
    "as",
    "while",
    "and",
    "that",
    "but",
    "said",
    "says",
    "however",
    "meanwhile",
    "also",
    "with",
    "when",
    "after",
    "before",
    "for",
    "from",
    "among",
    "of",
    "during",
    "since",
}
NOT_NAMES = set(lx.phrases("not_names"))
CAPITALISED = re.compile(r"[A-Z][a-zа-яё'’-]+(?:-[A-Z][a-z'’-]+)?")


@dataclass(frozen=True)
class Mention:
    official_id: str  # a curated id, or a proposed one ("new" is True)
    start: int  # as written, title included
    name_start: int  # where the name begins
    end: int
    sentence: int
    kind: str  # person | body
    side: str
    new: bool = False


def exact_hits(folded: str, text: str, offset: int) -> Iterator[tuple[int, int]]:
    # "Vladimir Medinsky's post" names him too: a possessive may follow the name
    pattern = re.compile(rf"(?<![\w’']){re.escape(fold(text))}(?=['’]s\b|(?![\w’']))")
    for match in pattern.finditer(folded):
        yield offset + match.start(), offset + match.end()


def best_word_span(text: str, sentence: Sentence, name: str, start: int, end: int) -> tuple[int, int, float]:
    """Move each end of an approximate match by up to a word, keeping the span most like the name."""
    words = [(m.start(), m.end()) for m in WORD.finditer(text, sentence.start, sentence.end)]
    inside = [i for i, (a, b) in enumerate(words) if a < end and start < b]
    if not inside:
        return start, end, 0.0
    first, last = inside[0], inside[-1]
    best = (start, end, 0.0)
    for i in range(max(0, first - 1), min(len(words), first + 2)):
        for j in range(max(i, last - 1), min(len(words), last + 2)):
            a, b = words[i][0], words[j][1]
            score = fuzz.ratio(name, fold(text[a:b]))
            if score > best[2]:
                best = (a, b, score)
    return best


def fuzzy_hit(text: str, folded: str, variant: str, sentence: Sentence) -> tuple[int, int, float] | None:
    name = fold(variant)
    if len(folded) < len(name):  # partial_ratio would look for the sentence inside the name
        return None
    found = fuzz.partial_ratio_alignment(name, folded, score_cutoff=FUZZY_CUTOFF)
    if not found:
        return None
    start, end, score = best_word_span(text, sentence, name, sentence.start + found.dest_start, sentence.start + found.dest_end)
    if start >= end or score < FUZZY_CUTOFF - 10 or swaps_a_word(name, fold(text[start:end])):
        return None
    return start, end, score


def swaps_a_word(name: str, hit: str) -> bool:
    """Whether the hit puts another word where the name has one: a spelling may differ and a word may be
    left out, but not replaced ("Ukrainian Foreign Minister" is no way of writing "Ukrainian Defence Minister")."""
    name_words, hit_words = re.findall(r"[\w'-]{4,}", name), re.findall(r"[\w'-]{4,}", hit)

    def unmatched(words: list[str], others: list[str]) -> bool:
        return any(all(fuzz.ratio(word, other) < WORD_CUTOFF for other in others) for word in words)

    return unmatched(name_words, hit_words) and unmatched(hit_words, name_words)


def surname_hits(text: str, sentence: Sentence, known: Known) -> Iterator[tuple[int, int, float, str]]:
    """A capitalised word spelled like a curated person's surname ("Medynsky")."""
    for word in CAPITALISED.finditer(text, sentence.start, sentence.end):
        for official_id, surname in known.surnames.items():
            if fold(word.group()).rstrip("'’s") != surname and spelled_like(word.group(), surname):
                yield word.start(), word.end(), 90.0, official_id


POSSESSIVE = re.compile(r"['’]s?$")


def spelled_like(word: str, surname: str) -> bool:
    """A capitalised word that is the surname in another spelling ("Saraliev" for "Saraliyev")."""
    w, name = POSSESSIVE.sub("", fold(word)), fold(surname)
    # the same first and last letter: "Forces" is no spelling of "Force"
    same_ends = w[:1] == name[:1] and w[-1:] == name[-1:]
    return len(w) >= 5 and w not in NOT_NAMES and same_ends and fuzz.ratio(w, name) >= SURNAME_CUTOFF


def alias_hits(folded: str, offset: int, known: Known) -> Iterator[tuple[int, int, float, str]]:
    for official_id, phrases in lx.data()["bodies_of_officials"].items():
        if official_id not in known.officials:
            continue
        for phrase in phrases:
            for m in re.finditer(lx.phrase_regex(phrase), folded):
                if not other_side_before(folded, m.start(), known.officials[official_id].get("side")):
                    yield offset + m.start(), offset + m.end(), 95.0, official_id


def other_side_before(folded: str, start: int, side: str | None) -> bool:
    """ "the Russian agency responsible for prisoners of war" describes no Ukrainian body: the word just
    before a body's other name gives the other side (lexicon side_words; "… against Russia, its" does not)."""
    before = folded[max(0, start - 40) : start]
    others = [s for s in ("ukraine", "russia") if side in ("ukraine", "russia") and s != side]
    return any(re.search(rf"(?:{lx.alternation('side_words', other)})\s+$", before) for other in others)


def hits_in_sentence(text: str, sentence: Sentence, known: Known) -> list[tuple[int, int, float, str]]:
    folded = fold(text[sentence.start : sentence.end])
    hits = []
    for official_id, variant in known.variants:
        exact = [(a, b, 100.0) for a, b in exact_hits(folded, variant, sentence.start)]
        if not exact and len(variant) >= FUZZY_MIN_CHARS and (fuzzy := fuzzy_hit(text, folded, variant, sentence)):
            exact = [fuzzy]
        hits += [(start, end, score, official_id) for start, end, score in exact]
    hits += list(alias_hits(folded, sentence.start, known))
    hits += list(surname_hits(text, sentence, known))
    return hits


def non_overlapping(hits: list[tuple[int, int, float, str]]) -> list[tuple[int, int, float, str]]:
    """The best hits (longest, then exact), without two claiming the same words."""
    chosen: list[tuple[int, int, float, str]] = []
    for hit in sorted(hits, key=lambda h: (h[0] - h[1], -h[2], h[0])):
        if all(hit[1] <= c[0] or c[1] <= hit[0] for c in chosen):
            chosen.append(hit)
    return sorted(chosen)


NAME_JOINT = re.compile(r"\s+(?:for|of)\s+(?:the\s+)?")
LEADING_OF = re.compile(r"(?:of|for)\s+(?:the\s+)?(?=[A-Z])")


def joined(text: str, hits: list[tuple[int, int, float, str]]) -> list[tuple[int, int, float, str]]:
    """One hit for one name: "Coordination Center" and "Prisoner of War Treatment" of the same body, joined
    by "for" ("the Coordination Center for Prisoner of War Treatment"), are one; a hit's leading "of the"
    ("that of the Coordination Headquarters") is no part of the name."""
    out: list[tuple[int, int, float, str]] = []
    for start, end, score, official_id in hits:
        if lead := LEADING_OF.match(text, start, end):
            start = lead.end()
        if out and out[-1][3] == official_id and NAME_JOINT.fullmatch(text, out[-1][1], start):
            out[-1] = (out[-1][0], end, min(out[-1][2], score), official_id)
            continue
        out.append((start, end, score, official_id))
    return out


JOINING_WORDS = frozenset({"and", "or", "but", "while", "whereas", "than"})


def title_start(text: str, sentence: Sentence, name_start: int, words: set[str]) -> int:
    """Extend a person's name leftwards over a title ("Moscow's chief negotiator Vladimir Medinsky")."""
    start = name_start
    title_words = set(lx.phrases("person_titles"))
    for word in reversed(list(WORD.finditer(text, sentence.start, name_start))):
        if text[word.end() : start].strip():
            break
        folded = fold(word.group())
        if folded in JOINING_WORDS:
            break  # "… and Medinsky 6,060": the "and" of a curated title ("negotiator and Kremlin aide") joins no title here
        if folded in MONTHS or folded in WEEKDAYS:
            break  # "In December Foreign Minister Sergei Lavrov": a date before the title, no part of it
        if folded in words or folded in title_words or (word.group()[:1].isupper() and folded not in TITLE_STOP):
            start = word.start()
        else:
            break
    return start


def inside_title_of_other(text: str, sentence: Sentence, start: int) -> bool:
    """'an aide to Putin', 'adviser to the president': the name is part of someone else's title."""
    before = fold(text[max(sentence.start, start - 30) : start])
    return bool(
        re.search(
            rf"(?:{lx.alternation('attribution', 'title_of_other')})\s+"
            r"(?:(?:the|russian|ukrainian|president|presidents?|russia's|ukraine's)\s+)*$",
            before,
        )
    )


def owns_a_title(text: str, end: int) -> bool:
    """ "Zelensky's chief of staff, Andriy Yermak": a possessive name before another's title (lexicon
    titles_after_possessive) is part of that title, and no mention of its own."""
    titles = lx.alternation("attribution", "titles_after_possessive")
    return bool(re.match(rf"['’]s\s+(?:[\w-]+\s+){{0,2}}?(?:{titles})\b", fold(text[end : end + 50])))


def known_mentions(text: str, sentences: list[Sentence], known: Known) -> list[Mention]:
    mentions = []
    for sentence in sentences:
        for start, end, _, official_id in joined(text, non_overlapping(hits_in_sentence(text, sentence, known))):
            if inside_title_of_other(text, sentence, start) or owns_a_title(text, end):
                continue
            official = known.officials[official_id]
            kind = official.get("kind") or "body"
            words = known.title_words.get(official_id, set())
            begin = title_start(text, sentence, start, words) if kind == "person" else start
            mentions.append(Mention(official_id, begin, start, end, sentence.index, kind, official.get("side") or "media"))
    return mentions


# ---------------------------------------------------------------------------
# New people and bodies


@dataclass
class NewOfficial:
    official_id: str
    name: str
    kind: str
    side: str
    role: str | None
    words: str  # as first written in the article
    surname: str | None


def side_of_words(words: str, places_last: bool = False) -> str | None:
    """The side the words name (lexicon side_words, in its order, with Ukraine's places
    before Russia's names, or last when the words are a title), or None."""
    folded = fold(words)
    names = [(side, lx.pattern("side_words", side)) for side in lx.labels("side_words")]
    places = ("ukraine", lx.pattern("ukraine_places"))
    # a title: Ukraine's places, then Russia's regions ("Bryansk Region Governor"), after every name of a side
    order = [*names, places, ("russia", lx.pattern("russia_places"))] if places_last else [*names[:-1], places, names[-1]]
    return next((side for side, words_of_side in order if words_of_side.search(folded)), None)


def known_voice_side(surname: str | None) -> str | None:
    """The side of a public figure the record names ("lavrov": russia), from the lexicon's known_voices."""
    if not surname:
        return None
    return next((side for side in lx.labels("known_voices") if lx.pattern("known_voices", side).fullmatch(surname)), None)


def side_note(official: NewOfficial) -> str:
    """A proposal's word on a side the article's own words do not give, but the record's known voices do."""
    if official.kind != "person" or known_voice_side(official.surname) != official.side:
        return ""
    if side_of_words(f"{official.role or ''} {official.words}", places_last=True):
        return ""
    return "; the side is the record's (lexicon known_voices), not the article's words: check it"


def new_side(title: str, sentence: str, surname: str | None = None) -> str:
    """A new person's or body's side: from their title and name, else the record's known voices
    (a person's surname), else their sentence, else media."""
    return side_of_words(title, places_last=True) or known_voice_side(surname) or side_of_words(sentence) or "media"


def body_side(text: str, name: str, words: str, sentence: str) -> str:
    """A new body's side: from the words that name it, else from the side the article gives the same
    body elsewhere ("the Defence Ministry said" under a headline's "Russian Defence Ministry: …"), or
    the country "its" refers to, or its minister ("Foreign Minister Sergei Lavrov"), else from its sentence."""
    return (
        side_of_words(words, places_last=True)
        or side_named_elsewhere(text, name)
        or side_of_its_country(text, words, name)
        or side_of_its_minister(text, name)
        or new_side("", sentence)
    )


def side_of_its_minister(text: str, name: str) -> str | None:
    """"the Foreign Ministry said" in an article that names "Foreign Minister Sergei Lavrov": the
    ministry of the minister the article names, the one side its ministers of that name are of."""
    kind = re.fullmatch(r"(?:the\s+)?([A-Z][a-z]+)\s+Ministry", name.strip(), re.IGNORECASE)
    if not kind:
        return None
    person = r"(?P<name>(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)"
    minister = re.compile(rf"(?P<title>(?:\S+\s+){{0,2}})(?i:{kind.group(1)}\s+minister)\s+{person}")
    sides = set()
    for found in minister.finditer(text):
        surname = fold(found.group("name").split()[-1])
        if side := side_of_words(found.group("title"), places_last=True) or known_voice_side(surname):
            sides.add(side)
    return sides.pop() if len(sides) == 1 else None


def side_of_its_country(text: str, words: str, name: str) -> str | None:
    """"its defence ministry" after "Russia says …": the body of the country "its" refers to, the
    last one named in the text before it."""
    if not re.search(rf"\bits\s+{re.escape(name)}\s*$", words.strip()):
        return None
    at = text.find(f"its {name}")
    if at < 0:
        return None
    before = fold(text[max(0, at - 400) : at])
    named = [(m.start(), side) for side in lx.labels("country_names") for m in lx.pattern("country_names", side).finditer(before)]
    return max(named)[1] if named else None


def side_named_elsewhere(text: str, name: str) -> str | None:
    """The one side whose adjective the article puts before the body's bare name anywhere, or None."""
    bare = re.escape(fold(re.sub(r"^(?:the|a)\s+", "", name, flags=re.I)))
    folded = fold(text)
    sides = {
        side
        for side in ("ukraine", "russia")
        if re.search(rf"\b(?:{lx.alternation('attribution', f'{side}_adjectives')})\s+(?:own\s+)?{bare}\b", folded)
    }
    return sides.pop() if len(sides) == 1 else None


CAPITALISED_RUN = re.compile(r"(?<![\w’'])[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)+(?![\w’'])")
PERSON_NAME = re.compile(r"(?<![\w’'])([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2})(?![\w’'])")
SPEECH = re.compile(rf"(?:{lx.alternation('attribution', 'speech_verbs')}|{lx.alternation('attribution', 'channels')})")


@cache
def _not_name_words() -> frozenset[str]:
    """Words no person's name is made of: places and bodies, titles, months, weekdays."""
    titles = set(lx.phrases("person_titles"))
    outlets = {w for key in ("russian_outlets", "ukrainian_outlets") for w in lx.phrases("attribution", key) if " " not in w}
    return frozenset(NOT_NAMES | titles | set(WEEKDAYS) | set(MONTHS) | TITLE_STOP | outlets)  # "Sputnik's Hindi" is no one


def _is_name(words: str) -> bool:
    parts = [fold(w) for w in words.split()]
    return not any(p in _not_name_words() or re.sub(r"['’]s$", "", p) in _not_name_words() for p in parts) and not any(
        re.search(r"ukrain|russia|ministr|headquart|committee|centre|center|council", p) for p in parts
    )


CLAUSE_BREAK = re.compile(r"[,;:(]|\s(?:and|while|but|as|whereas)\s")
CLAUSE_REACH = 60
TITLE_LAST = re.compile(rf"(?<![\w'])(?:{lx.alternation('person_titles')})\s*$")


def clause_before(text: str, sentence: Sentence, start: int) -> str:
    """The words before a name back to the last comma or "and" ("the Russian-installed
    governor of" in "…, the Russian-installed governor of Zaporizhzhia Yevgeny Balitsky"), no
    word cut in two: whatever else describes the person or body ("The U.N. Human Rights …")."""
    cut = max(sentence.start, start - CLAUSE_REACH)
    prefix = text[cut:start]
    if cut > sentence.start and not text[cut - 1].isspace():
        prefix = prefix.split(" ", 1)[1] if " " in prefix else ""
    clauses = CLAUSE_BREAK.split(prefix)
    # "Russia's human rights commissioner, Tatyana Moskalkova": a title set off by a comma before the name
    if len(clauses) > 1 and not clauses[-1].strip() and TITLE_LAST.search(fold(clauses[-2])):
        return clauses[-2] + clauses[-1]
    return clauses[-1]


def is_top_headline(text: str, sentence: Sentence) -> bool:
    """A line among the first that reads like a headline (most words capitalised)."""
    start, end = line_bounds(text, sentence.start)
    return sentence.line < HEADLINE_LINES and looks_like_headline(text[start:end])


def is_title_line(text: str, sentence: Sentence) -> bool:
    """A line of its own in title case anywhere ("Wounded and Under 25: Who Is Coming Home"):
    a headline, a sub-heading or a link's title, whose capitalised words are no person's name."""
    start, end = line_bounds(text, sentence.start)
    return is_whole_line(text, sentence) and looks_like_headline(text[start:end])


def proposed_id(name: str) -> str:
    """The id proposed for a new person or body: the first five words of its name, no article."""
    return "-".join(slug_words(re.sub(r"^(?:the|a)\s+", "", name, flags=re.I))[:5])


def body_key(name: str) -> str:
    """A body's name with its side written one way ("Russia's", "Russian", "Moscow's" are Russia) and no article."""
    words = [w for w in slug_words(re.sub(r"['’]s\b", "", name)) if w not in ("the", "a")]
    return " ".join(side_adjectives().get(w, w) for w in words)


@cache
def side_adjectives() -> dict[str, str]:
    """"russian", "moscow", "kremlin" -> russia; "ukrainian", "kyiv" -> ukraine (the lexicon's one-word adjectives)."""
    found = {}
    for side in ("ukraine", "russia"):
        for phrase in lx.phrases("attribution", f"{side}_adjectives"):
            word = re.sub(r"['’]s$", "", phrase)
            if " " not in word and "-" not in word:
                found[word] = side
    return found


def new_mentions(
    text: str, sentences: list[Sentence], known: Known, taken: list[Mention]
) -> tuple[list[Mention], list[NewOfficial]]:
    """People and bodies the article cites that curation does not know yet, proposed for officials.yml."""
    proposals: dict[str, NewOfficial] = {}
    mentions: list[Mention] = []
    same_body: dict[str, str] = {}
    busy = [(m.start, m.end) for m in taken]
    for sentence in sentences:
        body = text[sentence.start : sentence.end]
        if is_top_headline(text, sentence):
            continue  # a headline's capitalised words are no names
        header = POST_HEADER.search(body)  # "Shamsail Saraliyev, State Duma deputy · 14:20" names the poster of what follows
        speaks = SPEECH.search(fold(body)) or re.search(r"\b(?:according to|told)\b", fold(body)) or header
        # "Russia's defence ministry put Monday's handover at 1,248": for a body, a verb that gives a count speaks too
        counts = re.search(r"\b(?:puts?|counts?|counted|gave|gives)\b", fold(body))
        title_line = is_title_line(text, sentence) and not header
        bodies = list(_body_candidates(text, sentence))
        for found in [*_person_candidates(text, sentence), *bodies]:
            start, name_start, end, name, kind = found
            if kind == "person" and title_line:
                continue
            if kind == "person" and any(b[0] <= start and end <= b[2] for b in bodies):
                continue  # "… of the Temporarily Occupied Territories": words of a body's name, no person
            # without a speech verb, only a person with a title ("Commissioner … Dmytro Lubinets has called …",
            # "Shamsail Saraliev, a State Duma deputy who …"), whom a later "he said" or "Lubinets wrote" may quote
            appositive = appositive_role(text, end, sentence.end)
            speaking = speaks or (counts and kind == "body")
            if not speaking and (kind != "person" or (start == name_start and not titled(appositive))):
                continue
            if kind == "person" and (outlet_staff(text, name_start) or names_the_outlet(text, name)):
                continue  # "our correspondent Taras Vovk" reports, "told Kuryer Delovoy" under its masthead: the outlet
            if kind == "person" and start == name_start and not titled(appositive) and told_bare(text, start):
                continue  # "his sister told Vezha Poltava": a listener with no title is an outlet or a reporter, no official
            if any(a < end and start < b for a, b in busy) or inside_title_of_other(text, sentence, start):
                continue
            title = text[start:name_start].strip() or appositive
            oid = proposed_id(name)
            if kind == "body":  # "Russia's defence ministry" and "the Russian Defence Ministry" are one body
                oid = same_body.setdefault(body_key(name), oid)
            if not oid or oid in known.officials:
                continue
            named = clause_before(text, sentence, start) + text[start:end]
            surname = fold(name.split()[-1]) if kind == "person" else None
            if oid not in proposals:
                words = f"{title or ''} {appositive or ''} {named}"
                side = new_side(words, body, surname) if kind == "person" else body_side(text, name, words, body)
                proposals[oid] = NewOfficial(oid, name, kind, side, title or None, text[start:end], surname)
            elif proposals[oid].role is None and title:
                # named bare first (a headline's "…: Artur Dobroserdov on …"), with a title later: the title says who
                proposals[oid].role = title
                proposals[oid].side = new_side(f"{title} {appositive or ''} {named}", body, surname)
            mentions.append(Mention(oid, start, name_start, end, sentence.index, kind, proposals[oid].side, new=True))
            busy.append((start, end))
    mentions = [replace(m, side=proposals[m.official_id].side) for m in mentions]  # a side read later holds throughout
    mentions += _later_surnames(text, sentences, proposals, busy)
    return mentions, list(proposals.values())


LISTED_AFTER = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)(?:the\s+)?")  # "X and the Y", "X, Y"


def spoken_of_only(text: str, mentions: list[Mention], cited: set[str | None]) -> set[str]:
    """Officials named only as what others speak of ("a meeting between Zelensky and Putin"), and
    cited by no claim: no names of the source's, so the draft does not link them."""
    before = re.compile(rf"\b(?:{lx.alternation('attribution', 'topic_before')})\s+(?:the\s+)?$")
    topic: list[Mention] = []
    for m in mentions:
        line_start = line_bounds(text, m.start)[0]
        listed = bool(topic) and LISTED_AFTER.fullmatch(text[topic[-1].end : m.start]) is not None
        if listed or before.search(fold(text[max(line_start, m.start - 30) : m.start])):
            topic.append(m)
    spoken = {m.official_id for m in topic} - cited
    return {oid for oid in spoken if all(m in topic for m in mentions if m.official_id == oid)}


def silent_bodies(
    text: str, sentences: list[Sentence], known: Known, taken: list[Mention], proposals: list[NewOfficial]
) -> tuple[list[Mention], list[NewOfficial]]:
    """Bodies the article names where they do not speak ("The repatriation was carried out by the
    Ministry for Reintegration …"): no speaker there, but the one a later "the ministry said"
    refers back to, proposed for officials.yml only if it is cited so."""
    found: list[Mention] = []
    new: dict[str, NewOfficial] = {}
    have = {p.official_id for p in proposals}
    busy = [(m.start, m.end) for m in taken]
    for sentence in sentences:
        if is_top_headline(text, sentence) or is_title_line(text, sentence):
            continue
        for start, _, end, name, _ in _body_candidates(text, sentence):
            oid = proposed_id(name)
            if not oid or oid in known.officials or oid in have or any(a < end and start < b for a, b in busy):
                continue
            side = side_of_words(text[start:end], places_last=True)
            if side is None:
                continue  # a body of no side the words give ("the Red Cross" is curated, or named by its side)
            new.setdefault(oid, NewOfficial(oid, name, "body", side, None, text[start:end], None))
            found.append(Mention(oid, start, start, end, sentence.index, "body", side, new=True))
    return found, list(new.values())


def namesakes_take_side(mentions: list[Mention], proposals: list[NewOfficial]) -> tuple[list[Mention], list[NewOfficial]]:
    """"the Russian Defence Ministry 1,248 … On 16 June the Defence Ministry said": a new body named
    without its side is the one of the same name the article named with a side, when only one side's fits."""
    # bare: no side in the words that name it (whatever side its sentence or the rest of the article gave it)
    bares = [p for p in proposals if p.kind == "body" and (p.side == "media" or not side_of_words(p.words, places_last=True))]
    sided = [p for p in proposals if p.kind == "body" and p.side != "media" and p not in bares]
    merged: dict[str, NewOfficial] = {}
    for bare in bares:
        fits = [q for q in sided if body_key(q.name).endswith(" " + body_key(bare.name))]
        if fits and len({q.side for q in fits}) == 1:
            merged[bare.official_id] = fits[0]
    mentions = [
        replace(m, official_id=merged[m.official_id].official_id, side=merged[m.official_id].side)
        if m.new and m.official_id in merged else m
        for m in mentions
    ]
    return mentions, [p for p in proposals if p.official_id not in merged]


def _person_candidates(text: str, sentence: Sentence) -> Iterator[tuple[int, int, int, str, str]]:
    """Runs of capitalised words whose last two or three, past any title ("Foreign Minister"), read as a name."""
    for run in CAPITALISED_RUN.finditer(text, sentence.start, sentence.end):
        words = list(re.finditer(r"\S+", run.group()))
        for first in range(len(words) - 1):
            tail = words[first:][-3:] if len(words) - first > 3 else words[first:]
            name = " ".join(w.group() for w in tail)
            if _is_name(name):
                start, end = run.start() + tail[0].start(), run.start() + tail[-1].end()
                if possessive := re.search(r"['’]s$", name):  # "Ivan Petrov's post": the name is Ivan Petrov
                    name, end = name[: possessive.start()], end - len(possessive.group())
                yield title_start(text, sentence, start, set()), start, end, name, "person"
                break


BODY = re.compile(
    r"(?:(?:the|Russia[’']s|Ukraine[’']s|Kyiv[’']s|Moscow[’']s)\s+)?(?:[A-Z][\w’'-]*\s+){0,5}?"
    r"(?:Ministry|Committee|Service|Office|Agency|Council|Commission|Directorate|Administration|Red Cross|ICRC|Command|Mission"
    r"|Association|Foundation|Bureau|Institute|General Staff)(?![\w’'-])"  # not the "Commission" of "Commissioner"
    # "of Internal Affairs of Ukraine", "for Reintegration of the Temporarily Occupied Territories of Ukraine"
    r"(?:\s*\b(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s*){1,4}){0,3}(?:\s*\([A-Z]{2,6}\))?"
)


# "Russia's defence ministry", "the Ukrainian interior ministry": a ministry as wire copy writes it, in lower case
LOWER_MINISTRY = re.compile(
    # "its defence ministry", "the foreign ministry": bare, whose side the article gives elsewhere (body_side)
    r"(?:Russia['’]s|Ukraine['’]s|Moscow['’]s|Kyiv['’]s|Kiev['’]s|[Tt]he\s+Russian|[Tt]he\s+Ukrainian|[Ii]ts|[Tt]he)\s+"
    r"(?:(?:defen[cs]e|foreign|interior|health|justice|emergencies|emergency\s+situations)\s+ministry"
    r"|military\s+intelligence|defen[cs]e\s+intelligence|security\s+service|general\s+staff|national\s+police)\b"
    r"(?:\s+\([A-Z]{2,6}\))?"  # "Ukraine's military intelligence (HUR)"
)


def _body_candidates(text: str, sentence: Sentence) -> Iterator[tuple[int, int, int, str, str]]:
    for m in LOWER_MINISTRY.finditer(text, sentence.start, sentence.end):
        yield m.start(), m.start(), m.end(), re.sub(r"^(?:its|the)\s+(?!Russian|Ukrainian)", "", m.group(), flags=re.I), "body"
    for m in BODY.finditer(text, sentence.start, sentence.end):
        words = m.group().strip()
        name = re.sub(r"^(?:the|Russia[’']s|Ukraine[’']s|Kyiv[’']s|Moscow[’']s)\s+", "", words)
        if len(name.split()) < 2 and "ICRC" not in name:
            continue
        if re.match(r"(?:State Duma|Duma)\b", name) and PERSON_NAME.match(text, m.end() + 1 + len("deputy ")):
            continue
        yield m.start(), m.start(), m.start() + len(words), name.strip(), "body"


# a roundup's post header: who posted, then a dot and the time ("Shamsail Saraliyev, State Duma deputy · 14:20")
POST_HEADER = re.compile(r"\s+[·•|]\s+\d{1,2}:\d\d$", re.MULTILINE)

# "ZAKHAROVA: …", "17:35 — Medinsky: …", "[00:12:30] HOST (NINA ADLER): …" (a podcast's timestamp and the host's name)
SPEAKER_LABEL = re.compile(
    r"(?:\[?\d{1,2}(?:[:.]\d\d){1,2}\]?\s*(?:[—–-]\s*)?)?"
    r"(?P<label>[A-Z][A-Za-z'’.-]*(?:\s+[A-Z][A-Za-z'’.-]*){0,2})(?:\s+\([^()]{1,40}\))?:\s"
)


ANSWER_LABEL = re.compile(r"^(?:A|Answer|ANSWER)\s*:\s", re.MULTILINE)
QUESTION_LABEL = re.compile(r"^(?:Q|Question|QUESTION)\s*:\s", re.MULTILINE)


def first_question(text: str) -> int | None:
    """Where an interview's first "Q:" line starts, when it also has "A:" lines."""
    question = QUESTION_LABEL.search(text)
    return question.start() if question and ANSWER_LABEL.search(text) else None


def interviewee(
    text: str, sentences: list[Sentence], known: Known, taken: list[Mention]
) -> tuple[Mention, NewOfficial] | None:
    """The person an interview introduces before its first question, proposed when new
    (a curated or already found one needs nothing added)."""
    limit = first_question(text)
    if limit is None or any(m.kind == "person" and m.start < limit for m in taken):
        return None
    for sentence in (x for x in sentences if x.end <= limit and x.line > 0):
        for start, name_start, end, name, _kind in _person_candidates(text, sentence):
            oid = "-".join(slug_words(name)[:5])
            if oid in known.officials:
                continue
            title = text[start:name_start].strip() or appositive_role(text, end, sentence.end)
            side = side_of_words(f"{title or ''} {text[sentence.start : sentence.end]}") or "media"
            proposal = NewOfficial(oid, name, "person", side, title, text[start:end], fold(name.split()[-1]))
            return Mention(oid, start, name_start, end, sentence.index, "person", side, new=True), proposal
    return None


def names_the_outlet(text: str, name: str) -> bool:
    """Whether the name is the outlet's own, as its masthead in capitals on the first line gives it
    ("KURYER DELOVOY | English edition")."""
    first = text.split("\n", 1)[0].split("|", 1)[0]
    return first.isupper() and fold(name) in fold(first)


def told_bare(text: str, start: int) -> bool:
    """Whether the words just before a name are a verb of telling ("told", "informed"), perhaps with the
    listener's role ("told host Iryna Sheremeta", "told TV presenter …"): the name is the listener."""
    listener = lx.alternation("attribution", "listener_before")
    return re.search(rf"(?:{listener})\s+(?:[a-z][\w'-]*\s+){{0,2}}$", fold(text[max(0, start - 40) : start])) is not None


def outlet_staff(text: str, name_start: int) -> bool:
    """"our correspondent Taras Vovk": the outlet's own journalist, whose lines are the outlet's voice."""
    staff = lx.alternation("attribution", "own_staff")
    before = fold(text[max(0, name_start - 50) : name_start])
    return re.search(rf"\bour\s+(?:[\w-]+\s+){{0,2}}(?:{staff})\s*,?\s*$", before) is not None


def _name_tails(found: re.Match[str]) -> list[re.Match[str]]:
    """"Spokeswoman Maria Zakharova" → itself, then "Maria Zakharova": the run and its shorter tails."""
    tails = [found]
    for space in re.finditer(r"\s+", found.group()):
        tail = re.compile(r".+").search(found.string, found.start() + space.end(), found.end())
        if tail:
            tails.append(tail)
    return tails


def labelled_people(
    text: str, sentences: list[Sentence], known: Known, taken: list[Mention]
) -> tuple[list[Mention], list[NewOfficial]]:
    """People a transcript names only in its speaker labels ("ZAKHAROVA: …"), found where
    the text writes their full name ("Foreign Ministry spokeswoman Maria Zakharova")."""
    mentions: list[Mention] = []
    proposals: dict[str, NewOfficial] = {}
    questions = set(lx.phrases("attribution", "question_labels"))
    if (guest := interviewee(text, sentences, known, taken)) is not None:
        mentions.append(guest[0])
        proposals[guest[1].official_id] = guest[1]
    for line in re.finditer(r"^.*$", text, re.MULTILINE):
        found = SPEAKER_LABEL.match(line.group())
        if not found or fold(found.group("label")) in questions:
            continue
        surname = found.group("label").split()[-1].capitalize()
        if len(surname) < 3 or any(fold(text[m.name_start : m.end]).endswith(fold(surname)) for m in taken + mentions):
            continue
        # "Spokeswoman Maria Zakharova": the name is the words before the surname that read as one, past a title
        found_names = re.finditer(rf"(?<![\w’'])(?:[A-Z][a-z'’-]+\s+){{1,2}}{re.escape(surname)}(?![\w’'])", text)
        name = next((n for m in found_names for n in _name_tails(m) if _is_name(n.group())), None)
        if not name or outlet_staff(text, name.start()):
            continue
        sentence = next((x for x in sentences if x.start <= name.start() < x.end), None)
        if sentence is None:
            continue
        start = title_start(text, sentence, name.start(), set())
        oid = "-".join(slug_words(name.group())[:5])
        if oid in known.officials:
            continue
        title = text[start : name.start()].strip() or None
        after = re.match(r",\s+([^,.;]{3,90})", text[name.end() : sentence.end])  # ", spokesman of the …"
        if not (title or titled(after.group(1) if after else None) or known_voice_side(fold(surname))):
            continue  # "I'm Maria Halych", "Ben Okafor, who tracks the exchanges": a show's host or guest, no official
        side = new_side(f"{title or ''} {name.group()}", text[sentence.start : sentence.end], fold(surname))
        proposals[oid] = NewOfficial(oid, name.group(), "person", side, title, text[start : name.end()], fold(surname))
        mentions.append(Mention(oid, start, name.start(), name.end(), sentence.index, "person", side, new=True))
    return mentions, list(proposals.values())


MASTHEAD_SHARE = 0.6  # a body's name that fills most of the first line heads its own statement


def own_dead_side(text: str) -> str | None:
    """The side whose dead a statement calls its own ("Our defenders have come home"): the side
    of a body heading its own statement when its name says none."""
    for side, key in (("ukraine", "ukrainian_dead"), ("russia", "russian_dead")):
        if re.search(rf"\bour\s+(?:[\w'-]+\s+){{0,2}}?(?:{lx.alternation(key)})", fold(text)):
            return side
    return None


SMALL_WORDS = frozenset({"of", "the", "for", "and", "on", "in", "at", "to"})


def name_case(line: str) -> str:
    """"MINISTRY FOR REINTEGRATION OF THE …" as a name is written ("Ministry for Reintegration of
    the …"), so that a masthead set in capitals reads as the body it names; same length."""
    return re.sub(r"[^\W\d_]+", lambda m: m.group().lower() if m.group().lower() in SMALL_WORDS else m.group().capitalize(), line)


def masthead(
    text: str, sentences: list[Sentence], known: Known, mentions: list[Mention]
) -> tuple[Mention, NewOfficial | None] | None:
    """The body whose name alone makes the article's first line ("Ministry of Internal
    Affairs of Ukraine" over its own statement): a curated body, or one proposed for curation."""
    if not sentences or sentences[0].line != 0:
        return None
    first = sentences[0]
    line = text[slice(*line_bounds(text, first.start))].strip()  # the whole line, not its first sentence
    for m in mentions:
        if m.kind == "body" and m.sentence == first.index and m.end - m.start >= MASTHEAD_SHARE * len(line):
            return m, None
    # a masthead in capitals is a body's only where its name gives a side ("… OF UKRAINE"), not an outlet's
    capitals = line.isupper()
    if capitals and side_of_words(line) is None:
        return None
    cased = text if not capitals else text[: first.start] + name_case(text[first.start : first.end]) + text[first.end :]
    found = BODY.match(cased, first.start, first.end)
    if found is None or found.end() - found.start() < MASTHEAD_SHARE * len(line):
        return None
    oid = "-".join(slug_words(line)[:6])
    if not oid or oid in known.officials:
        return None
    side = side_of_words(line) or own_dead_side(text) or "media"
    name = cased[first.start : first.end].strip()
    proposal = NewOfficial(oid, name, "body", side, None, line, None)
    return Mention(oid, first.start, first.start, first.end, first.index, "body", side, new=True), proposal


def author_line(
    text: str, sentences: list[Sentence], known: Known, mentions: list[Mention]
) -> tuple[Mention, NewOfficial | None] | None:
    """The person whose name alone opens the article's first line, over their own post or statement
    ("Vladimir Medinsky" / "Alexander Khinshtein | Acting Governor of the Kursk Region | Telegram"):
    a curated person, or one proposed with the line's title. Whether they speak throughout is for
    own_voice to say, from the first person of the text below."""
    if not sentences or sentences[0].line != 0:
        return None
    first = sentences[0]
    line_start, line_end = line_bounds(text, first.start)
    parts = [p.strip() for p in text[line_start:line_end].split("|")]
    name = parts[0]
    at = text.find(name, line_start)
    if filling := person_filling(mentions, name, at):
        return filling, None
    return titled_person(text, name, at, parts[1] if len(parts) > 1 else None, first, known)


def person_filling(mentions: list[Mention], name: str, at: int) -> Mention | None:
    """The person mentioned in most of the words of a line's name written at `at`."""
    for m in mentions:
        fills = m.end - m.name_start >= MASTHEAD_SHARE * len(name)
        if m.kind == "person" and at <= m.name_start and m.end <= at + len(name) and fills:
            return m
    return None


def titled_person(
    text: str, name: str, at: int, title: str | None, sentence: Sentence, known: Known
) -> tuple[Mention, NewOfficial] | None:
    """A new person named alone on a line, proposed only under a title that names one ("| Acting Governor
    of the Kursk Region |"), so that an outlet's or a desk's name ("FACT CHECK", "Rossiyskaya Gazeta") is
    never read as a person's."""
    titles = set(lx.phrases("person_titles"))
    if name.isupper() or not _is_name(name) or not 2 <= len(name.split()) <= 3:
        return None
    if not title or not titles & set(fold(title).split()):
        return None
    oid = proposed_id(name)
    if not oid or oid in known.officials:
        return None
    surname = fold(name.split()[-1])
    side = new_side(title, text[sentence.start : sentence.end], surname)
    proposal = NewOfficial(oid, name, "person", side, title, name, surname)
    return Mention(oid, at, at, at + len(name), sentence.index, "person", side, new=True), proposal


SIGNATURE_REACH = 4  # a signature is among a text's last non-empty lines, over a title and a contact line at most


def signature_line(
    text: str, sentences: list[Sentence], known: Known, mentions: list[Mention]
) -> tuple[Mention, NewOfficial | None] | None:
    """The person who signs a statement at its foot: a name alone on one of its last lines, a comma after
    it at most, over their title ("Dmytro Lubinets,\nUkrainian Parliament Commissioner for Human Rights").
    Whether they speak throughout is for own_voice to say, from the first person of the text."""
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)][-SIGNATURE_REACH:]
    for i, (at, line) in enumerate(lines[:-1]):
        name = line.strip().rstrip(",")
        at += line.index(name)
        if filling := person_filling(mentions, name, at):
            return filling, None
        try:
            sentence = sentence_at(sentences, at)
        except StopIteration:
            continue  # a line no sentence covers (punctuation alone) names nobody
        if found := titled_person(text, name, at, lines[i + 1][1].strip(), sentence, known):
            return found
    return None


def appositive_role(text: str, end: int, limit: int) -> str | None:
    """', an aide to Putin who serves as chief negotiator,' after a name: the role in the article's words."""
    m = re.match(r",\s+((?:a|an|the|who|head of|Russia's|Ukraine's)\b[^,.;]{3,90})", text[end:limit])  # ", who speaks for …"
    return m.group(1).strip() if m else None


def titled(appositive: str | None) -> bool:
    """Whether an appositive after a name gives a person's title (", a State Duma deputy who …")."""
    return bool(appositive and re.search(rf"(?<![\w'])(?:{lx.alternation('person_titles')})(?![\w])", fold(appositive)))


def _later_surnames(
    text: str, sentences: list[Sentence], proposals: dict[str, NewOfficial], busy: list[tuple[int, int]]
) -> list[Mention]:
    found = []
    for proposal in proposals.values():
        if not proposal.surname:
            continue
        surname = proposal.name.split()[-1]
        for sentence in sentences:
            for m in CAPITALISED.finditer(text, sentence.start, sentence.end):
                a, b = m.span()
                if m.group() != surname and not spelled_like(m.group(), surname):
                    continue  # the surname as the proposal spells it, or in another spelling ("Saraliev", "Saraliyev")
                if not any(x < b and a < y for x, y in busy):
                    found.append(Mention(proposal.official_id, a, a, b, sentence.index, "person", proposal.side, new=True))
                    busy.append((a, b))
    return found
