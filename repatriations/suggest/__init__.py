"""Draft a curation file for a new article: `python build.py suggest raw/NEW.txt ...`.

The draft is a starting point for a person, never data. It is written with
`reviewed: false`, which the build refuses, and every guess in it says so
("DRAFT: ..."). The package reads each figure's meaning from the words of its
sentence, using the cue phrases of `lexicon.yml` and the build's own rules for
finding numbers, quoting and coverage:

- `text`: sentences, clauses and the words around a figure;
- `dates`: the article's own date and the days its sentences name;
- `guess`: metric, qualifier and unit, and the numbers that are no figure;
- `people`, `attribution`: curated officials, new people and bodies, who says what;
- `link`: the exchange a figure is about (figures *and* date), or a new one;
- `draft`: the draft and its YAML.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import pairwise
from pathlib import Path

from .. import vocabulary
from ..curation import Curation, load_curation, load_source
from ..errors import BuildError
from ..normalise import Normalised, decode_raw, normalise
from ..numbers import numbers_in
from ..project import Project
from ..provenance import check_claim_values, check_source
from ..yamlfile import Mapping
from . import lexicon as lx
from .attribution import Attribution, Voice, attribute, credit_backward, credit_headlines, own_voice, remember, source_line
from .credit import guess_credit, guess_title
from .dates import Dated, date_spans, publication_date
from .datings import draft_dating
from .draft import Draft, DraftClaim, Unplaced, not_claim_entries, one_line, quote_span
from .guess import (
    OWN_VERB,
    STATED,
    UNSTATED,
    Guess,
    captivity_dead_are_the_handover,
    captivity_handover,
    elided_bodies,
    guess_metric,
    guess_qualifier,
    guess_unit,
    handover_nouns_after,
    is_done,
    supposition,
    table_cell_metric,
    unplaced_reason,
)
from .known import Known, known_from
from .link import LINKED, Linkable, assign_exchanges, named_agreement
from .people import (
    Mention,
    NewOfficial,
    author_line,
    known_mentions,
    labelled_people,
    masthead,
    namesakes_take_side,
    new_mentions,
    signature_line,
    silent_bodies,
    spoken_of_only,
)
from .refuted import refuted_spans
from .repeats import Occasion, repeated_occasions, respective_occasions
from .text import (
    Context,
    Figure,
    Sentence,
    fold,
    is_whole_line,
    line_bounds,
    opens_its_line,
    sentence_at,
    slug_words,
    split_sentences,
    unique,
    verbatim_quote,
)

__all__ = ["Draft", "write_draft", "write_drafts"]

RANGE_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
RANGE_JOIN = re.compile(r"\s*(?:to|and|-|–|—)\s*$")
# "909 for 43", "757 / 45", "1 000 : 24", "1,000 bodies for 30": two figures of one swap
PAIR_JOIN = re.compile(
    r"(?:\s+(?:bodies|remains|dead))?(?:\s+back)?\s+(?:for|in exchange for|against|/|:)\s+(?:the\s+|an?\s+)?(?:bodies\s+of\s+)?$"
)  # "… got 19 bodies back for 1,000"
AGREED = vocabulary.with_role("agreement_term")
RUNNING = vocabulary.with_role("running_total")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
LETTER = re.compile(r"[^\W\d_]")


def totals_of_parts(text: str, claims: list[DraftClaim]) -> None:
    """'132 in all, 55 to Russia and 77 to Ukraine': a figure its sentence splits into
    one per direction is both directions together, not a running total. A table's cell
    keeps its column's meaning: a row "1,200 | 1,200 | 0" is two counts of one handover."""
    for claim in claims:
        if claim.metric.value not in RUNNING | {"bodies_to_ukraine", "bodies_to_russia"}:
            continue
        if table_cell_metric(text, claim.figure):
            continue
        same = [c for c in claims if c.figure.sentence is claim.figure.sentence and c is not claim]
        ups = [c.value for c in same if c.direction == "to_ukraine"]
        downs = [c.value for c in same if c.direction == "to_russia"]
        if any(u + d == claim.value for u in ups for d in downs):
            claim.metric = Guess("bodies_total", "the sum of the sentence's figures in each direction")


# between two figures of one list: a few words ("in June", "bodies"), then ",", ":", "and" or "then",
# and the next item's own time before its figure ("we received 49, in February 45")
LIST_ITEM_JOIN = re.compile(
    r"(?:\s+[\w'’-]+){0,4}?\s*(?:[,:]|,?\s+(?:and|then))(?:\s+(?:again|then))?(?:\s+(?:in|on)(?:\s+[\w'’-]+){1,3})?\s*",
    re.IGNORECASE,
)


def listed_go_the_same_way(text: str, claims: list[DraftClaim]) -> None:
    """"the Russian side received 19, 19, 24, 31 and 30", "… 227 bodies since June: 78 in June, 19
    in July and again in August, 24 in September": a list's figures whose own words say no way go
    the way the figure before them in the list goes, one handover each; not a figure that one
    dwarfs ("Russia transferred 1,000 bodies, and 19 were returned to it" are a handover's two ways)."""
    ratio = float(lx.data()["other_way_size"]["factor"])
    for before, claim in pairwise(claims):
        # a list item's way is its own only where its words name it ("by Russian officials" after it says whose list)
        if claim.figure.sentence is not before.figure.sentence or claim.metric.basis not in (UNSTATED, OWN_VERB):
            continue
        if max(claim.value, before.value) >= ratio * max(1, min(claim.value, before.value)):
            continue
        way = before.direction
        if way not in ("to_ukraine", "to_russia") or before.metric.basis == UNSTATED:
            continue
        if claim.metric.basis == OWN_VERB and before.metric.basis != STATED:
            continue
        if LIST_ITEM_JOIN.fullmatch(text, before.figure.end, claim.figure.start):
            why = f'no way of its own; in a list after "{before.figure.number.as_written}", which goes {way.replace("_", " ")}'
            claim.metric = Guess(vocabulary.named("exchange_figure", way), why, before.metric.basis)


def smaller_goes_the_other_way(text: str, claims: list[DraftClaim], largest: int) -> None:
    """"… 1,000 bodies to Ukraine. The Russian side got 19 …" with nothing saying which way the
    19 went: a figure far smaller than a handover to Ukraine in its paragraph went to Russia,
    as in every handover on record where one side's figure dwarfs the other's."""
    ratio = float(lx.data()["other_way_size"]["factor"])
    to_ukraine = [c for c in claims if c.metric.value in ("bodies_to_ukraine", "cumulative_bodies_to_ukraine")]
    for claim in claims:
        if claim.metric.basis != UNSTATED or claim.value * ratio > largest:
            continue  # "which Kyiv put at 1,245": a figure as large as a handover to Ukraine is one
        paragraph = line_bounds(text, claim.figure.start)
        larger = [
            c
            for c in to_ukraine  # read before any is turned: the larger figures, guessed or stated to Ukraine
            if line_bounds(text, c.figure.start) == paragraph and c.value >= ratio * claim.value
        ]
        # a running total's pair is a running total too, if it shares the sentence ("more than 11,000 … and 201")
        total = [c for c in larger if c.metric.value.startswith("cumulative") and c.figure.sentence is claim.figure.sentence]
        handover = [c for c in larger if c.metric.value == "bodies_to_ukraine"]
        if total or handover:
            metric = "cumulative_bodies_to_russia" if total else "bodies_to_russia"
            why = f"no direction stated; a fraction of the paragraph's {(total or handover)[0].value:,} to Ukraine: the other way"
            claim.metric = Guess(metric, why)


def named_pair_goes_the_other_way(claims: list[DraftClaim]) -> None:
    """"1,212 bodies came back, and Russia received 27 of its own dead, according to Medinsky": a
    figure whose way only the speaker's own verb gives goes the other way from a figure of its
    sentence whose words name where it went."""
    other = {"bodies_to_ukraine": "bodies_to_russia", "bodies_to_russia": "bodies_to_ukraine"}
    ratio = float(lx.data()["other_way_size"]["factor"])  # one handover's two figures: one dwarfs the other
    for claim in claims:
        if claim.metric.basis != OWN_VERB or claim.metric.value not in other:
            continue
        named = [
            c
            for c in claims
            if c.figure.sentence is claim.figure.sentence
            and max(c.value, claim.value) >= ratio * min(c.value, claim.value)
            and c.metric.value == claim.metric.value
            and c.metric.basis == STATED
        ]
        if named:
            why = f'the sentence\'s {named[0].value:,} went that way ({named[0].metric.why}): this one the other way'
            claim.metric = Guess(other[claim.metric.value], why)


EXCHANGE_FIGURES = vocabulary.with_role("exchange_figure")
BODIES = vocabulary.with_role("exchange_figure", "exchange_part", "running_total")
PAIRED_AFTER = re.compile(r"^[^.;]{0,80}?\b(?:and|while|whereas|against)\s+", re.IGNORECASE)


def too_large_metric(text: str, claim: DraftClaim, largest: int) -> Guess:
    """A running total; or, when nothing was handed over yet and its paragraph is about
    the talks ("spoke of Russia handing over roughly 6,000 bodies on its own"), a deal's term."""
    s = claim.figure.sentence
    line_start, line_end = line_bounds(text, s.start, s.end)
    paragraph = fold(text[line_start:line_end])
    sentence = fold(text[s.start : s.end])
    undone = re.search(r"\b(?:handing|returning|transferring|repatriating|sending|giving)\b", sentence) or lx.pattern(
        "promise_words"
    ).search(sentence)
    if undone and not is_done(sentence) and lx.pattern("talks_words").search(paragraph):
        metric = "agreed_bodies_to_ukraine" if claim.direction == "to_ukraine" else "agreed_bodies_total"
        why = f"a deal's term: {claim.value:,} is more than one handover, promised ('{undone.group()}') in talks"
        return Guess(metric, why)
    return Guess(
        vocabulary.named("running_total", claim.direction or "to_ukraine"),
        f"running total: {claim.value:,} is more than any one handover on record ({largest:,}) could be",
    )


def too_large_for_one_handover(text: str, claims: list[DraftClaim], largest: int) -> None:
    """A figure no single handover on record comes near is a total over a period, and so
    is the other direction's figure paired with it ("had returned more than 11,000
    bodies and had received 201")."""
    if not largest:
        return
    limit = largest * float(lx.data()["running_total_size"]["factor"])
    for claim in claims:
        if claim.metric.value in EXCHANGE_FIGURES and claim.direction in ("to_ukraine", "to_russia") and claim.value > limit:
            claim.metric = too_large_metric(text, claim, largest)
    for total, other in pairwise(claims):
        paired = (
            total.metric.value in RUNNING
            and other.metric.value in EXCHANGE_FIGURES
            and other.figure.sentence is total.figure.sentence
            and other.direction in ("to_ukraine", "to_russia")
            and other.direction != total.direction
        )
        if paired and PAIRED_AFTER.match(text[total.figure.end : other.figure.start]):
            other.metric = Guess(
                vocabulary.named("running_total", other.direction or ""),
                f"running total: the other direction of the total {total.value:,} it is paired with",
            )


def unreadable_language(text: str) -> str | None:
    letters = len(LETTER.findall(text))
    if letters and len(CYRILLIC.findall(text)) / letters > 0.3:
        return "The article is not in English (Cyrillic script): the draft cannot read it, so every number is left UNPLACED."
    return None


def figures_in(text: str, sentences: list[Sentence], dates: list[tuple[int, int]]) -> tuple[list[Figure], list[Unplaced]]:
    """Every number either becomes a candidate figure or is set aside with the reason."""
    numbers = numbers_in(text)
    refuted = refuted_spans(text, sentences)  # once per article, like the dates
    figures: list[Figure] = []
    unplaced: list[Unplaced] = []
    i = 0
    while i < len(numbers):
        number = numbers[i]
        following = numbers[i + 1] if i + 1 < len(numbers) else None
        between = text[number.end : following.start] if following else ""
        is_range = (
            following is not None
            and (following.value or 0) > (number.value or 0)  # not "KYIV, 19 August 2025 - Five of the …"
            and RANGE_JOIN.fullmatch(between)
            and (
                RANGE_BETWEEN.search(text[max(0, number.start - 20) : number.start]) or re.fullmatch(r"\s*(?:to|-|–)\s*", between)
            )
        )
        reason = unplaced_reason(text, number, dates, refuted) or (
            unplaced_reason(text, following, dates, refuted) if is_range and following else None
        )
        if reason:
            unplaced.append(Unplaced(number, reason))
            if is_range and following:
                unplaced.append(Unplaced(following, reason))
                i += 1
            i += 1
            continue
        figure = Figure(number, sentence_at(sentences, number.start), following if is_range else None)
        if following and not is_range and PAIR_JOIN.fullmatch(" " + between.strip() + " "):
            figure.partner = following
        if figures and figures[-1].partner is number:
            figure.partner = figures[-1].number
        figures.append(figure)
        i += 2 if is_range else 1
    return figures, unplaced


ANSWER_LINE = re.compile(r"\s*(?:A|Answer|ANSWER)\s*:")


def sentence_before(text: str, sentences: list[Sentence], sentence: Sentence) -> str:
    """The sentence before, when it is in the same paragraph, or the question an answer
    line ("A: Since June, more than 12,000.") replies to; else nothing."""
    if sentence.index == 0:
        return ""
    answering = ANSWER_LINE.match(text, line_bounds(text, sentence.start)[0]) is not None
    earlier = sentences[sentence.index - 1]
    # "… the bodies came back in five stages:" over "11 June – 1,212": the line a list's items answer
    introduces = text[earlier.start : earlier.end].rstrip().endswith(":") and earlier.line < sentence.line
    if earlier.line != sentence.line and not answering and not introduces:
        return ""
    return text[earlier.start : earlier.end]


RESTATED_REACH = 3  # sentences back in which a restated figure's first giving is looked for
LISTED_REACH = 5  # sentences back in which the captivity deaths a sentence about the exchange lists names are looked for


def same_number_before(figure: Figure, claims: list[DraftClaim], reach: int, metric: str | None = None) -> DraftClaim | None:
    """The latest claim of the figure's number in the `reach` sentences before its own (of that metric, if given)."""
    for earlier in reversed(claims):
        gap = figure.sentence.index - earlier.figure.sentence.index
        if gap > reach:
            return None
        if gap > 0 and earlier.value == figure.number.integer and metric in (None, earlier.metric.value):
            return earlier
    return None


def restated_figure(context: Context, figure: Figure, claims: list[DraftClaim]) -> Guess | None:
    """"… gave RBC the same figures, 1,000 and 38": the metric the same number had just before."""
    if not lx.pattern("restating_words").search(context.sentence):
        return None
    earlier = same_number_before(figure, claims, RESTATED_REACH)
    return Guess(earlier.metric.value, f'the same figure given again: "{one_line(earlier.quote, 60)}"') if earlier else None


def listed_for_exchange(context: Context, figure: Figure, claims: list[DraftClaim]) -> Guess | None:
    """"All five had been on the lists for the exchange of the seriously wounded and seriously ill": the
    captivity deaths given just before, named again by how they were listed, not wounded soldiers."""
    if not lx.pattern("exchange_lists").search(context.sentence):
        return None
    earlier = same_number_before(figure, claims, LISTED_REACH, "died_in_captivity")
    return Guess("died_in_captivity", f'the captivity deaths named again: "{one_line(earlier.quote, 60)}"') if earlier else None


def follows_a_body_count(claims: list[DraftClaim], sentence: Sentence) -> bool:
    """Whether the last claim so far counts bodies, in this sentence or the one before."""
    return bool(claims) and sentence.index - claims[-1].figure.sentence.index <= 1 and claims[-1].metric.value in BODIES


@dataclass
class Reading:
    claims: list[DraftClaim]
    unplaced: list[Unplaced]
    mentions: list[Mention]
    proposals: list[NewOfficial]


NO_METRIC = "UNPLACED: no metric recognised near it; make it a claim if it is a figure"
TERMS_TWICE = 'UNPLACED: the second half of "N for N", terms per side that the claim of its first half already gives'


def other_half_of_terms(figure: Figure, metric: Guess, claims: list[DraftClaim]) -> bool:
    """Whether the figure is the second 6,000 of "6,000 for 6,000", whose first is already a claim of the deal per side."""
    partner = figure.partner
    return (
        metric.value == "agreed_bodies_per_side"
        and partner is not None
        and partner.start < figure.start
        and bool(claims)
        and claims[-1].figure.number is partner
        and claims[-1].metric.value == metric.value
    )


def unplace(figure: Figure, reason: str) -> list[Unplaced]:
    """The figure's number (and a range's upper end) left as not-claims, with the reason."""
    return [Unplaced(n, reason) for n in (figure.number, figure.high) if n]


def new_claim(norm: Normalised, figure: Figure, metric: Guess, attribution: Attribution, context: Context) -> DraftClaim:
    quote_start, quote, occurrence = verbatim_quote(norm, *quote_span(norm.text, figure))
    return DraftClaim(
        figure=figure,
        metric=metric,
        qualifier=guess_qualifier(norm.text, figure),
        attribution=attribution,
        unit=guess_unit(context),
        quote=quote,
        quote_start=quote_start,
        occurrence=occurrence,
        line=norm.raw_text.count("\n", 0, quote_start) + 1,
    )


HEADING_CHARS = 90
SECTION_NUMBER = re.compile(r"[.)]\s")
ECHO_REACH = 600  # characters after a heading in which its text below may repeat its figure


def is_heading(text: str, sentence: Sentence) -> bool:
    """A short line of its own without a full stop: a headline, a sub-heading, a live entry's title."""
    start, end = line_bounds(text, sentence.start)
    line = text[start:end].strip()
    return is_whole_line(text, sentence) and len(line) <= HEADING_CHARS and not line.endswith(".")


def echoed_headings(
    norm: Normalised, headings: list[tuple[Figure, Attribution, Context]], claims: list[DraftClaim], unplaced: list[Unplaced]
) -> list[DraftClaim]:
    """A heading's bare figure ("Kyiv's count: 1,245 today, 6,057 in all") that the text just below
    gives again with its words ("says 1,245 bodies were repatriated today") means what it means there."""
    echoed = []
    for figure, attribution, context in headings:
        below = [
            c for c in claims
            if c.value == (figure.number.integer or 0) and 0 < c.figure.start - figure.start <= ECHO_REACH
        ]
        numbered = SECTION_NUMBER.match(norm.text, figure.end) and opens_its_line(norm.text, figure.start)
        if not below or numbered:  # "2. FRONT LINE": a section's number
            unplaced += unplace(figure, NO_METRIC)
            continue
        why = f'the heading\'s figure, given again just below: "{one_line(below[0].quote, 60)}"'
        echoed.append(new_claim(norm, figure, Guess(below[0].metric.value, why), attribution, context))
    return echoed


def adopt(found: tuple[Mention, NewOfficial | None] | None, extra: list[Mention], proposals: list[NewOfficial]) -> None:
    """Keep a masthead's or signature's person or body when it is new: its mention, and its proposal."""
    if found and found[1] is not None:
        extra.append(found[0])
        proposals.append(found[1])


def read_claims(norm: Normalised, sentences: list[Sentence], known: Known) -> Reading:
    text = norm.text
    figures, unplaced = figures_in(text, sentences, date_spans(text))
    mentions = known_mentions(text, sentences, known)
    extra, proposals = new_mentions(text, sentences, known, mentions)
    labelled, labelled_proposals = labelled_people(text, sentences, known, mentions + extra)
    extra += labelled
    proposals += labelled_proposals
    head = masthead(text, sentences, known, mentions + extra) or author_line(text, sentences, known, mentions + extra)
    adopt(head, extra, proposals)
    foot = signature_line(text, sentences, known, mentions + extra)
    adopt(foot, extra, proposals)
    mentions = sorted(mentions + extra, key=lambda m: m.start)
    silent, silent_proposals = silent_bodies(text, sentences, known, mentions, proposals)
    proposals += silent_proposals  # kept below only if a claim cites one
    mentions, proposals = namesakes_take_side(mentions, proposals)
    speaker = own_voice(text, head[0] if head else None, mentions, foot[0] if foot else None)
    voice = Voice({}, None, speaker, silent, source_line(text, mentions))
    claims: list[DraftClaim] = []
    headings: list[tuple[Figure, Attribution, Context]] = []  # figures of a heading no word near gives a metric
    by_sentence: dict[int, list[Figure]] = {}
    for figure in figures:
        by_sentence.setdefault(figure.sentence.index, []).append(figure)
    for sentence in sentences:
        attribution = None
        for figure in by_sentence.get(sentence.index, []):
            attribution = attribute(text, figure, sentences, mentions, voice)
            if attribution.side == "media" and (reason := supposition(text, sentences, figure)):
                unplaced += unplace(figure, reason)
                continue
            context = Context.around(text, figure, figures)
            follows = follows_a_body_count(claims, sentence)
            metric = (
                listed_for_exchange(context, figure, claims)
                or table_cell_metric(text, figure)
                or guess_metric(context, figure, attribution.side, "to_ukraine")
                or elided_bodies(context, figure, sentence_before(text, sentences, sentence), attribution.side, follows)
                or restated_figure(context, figure, claims)
            )
            if metric is not None and other_half_of_terms(figure, metric, claims):
                unplaced += unplace(figure, TERMS_TWICE)
            elif metric is None and is_heading(text, sentence):
                headings.append((figure, attribution, context))
            elif metric is None:
                unplaced += unplace(figure, NO_METRIC)
            else:
                claims.append(new_claim(norm, figure, metric, attribution, context))
                if metric.value == "died_in_captivity" and captivity_dead_are_the_handover(context):
                    whole = captivity_handover(context, attribution.side)
                    claims.append(new_claim(norm, figure, whole, attribution, context))
        remember(voice, sentence, mentions, attribution, text)
    claims = sorted(claims + echoed_headings(norm, headings, claims, unplaced), key=lambda c: c.figure.start)
    credit_headlines(text, claims)
    credit_backward(norm, claims, sentences, mentions)
    totals_of_parts(text, claims)
    listed_go_the_same_way(text, claims)
    too_large_for_one_handover(text, claims, known.largest_handover)
    smaller_goes_the_other_way(text, claims, known.largest_handover)
    named_pair_goes_the_other_way(claims)
    claims = one_claim_per_occasion(text, claims, by_sentence, sentences)
    cited = {c.attribution.official_id for c in claims}
    topics = spoken_of_only(text, mentions, cited)
    named = [m for m in mentions if m.official_id not in topics]
    return Reading(claims, unplaced, named, [p for p in proposals if p.official_id in cited])


LIST_JOIN = re.compile(r"\s*(?:,|,?\s+and)\s*$")


def respectively_dated(text: str, claims: list[DraftClaim]) -> dict[int, Occasion]:
    """The handover figures of each "43 and 41 … respectively" list, by claim, with the date each takes."""
    dated: dict[int, Occasion] = {}
    run: list[DraftClaim] = []
    for claim in [*claims, None]:
        joined = (
            claim is not None
            and run
            and claim.figure.sentence is run[-1].figure.sentence
            and LIST_JOIN.fullmatch(text[run[-1].figure.end : claim.figure.start])
        )
        if joined and claim is not None:
            run.append(claim)
            continue
        handovers = bool(run) and all(c.metric.value in LINKED for c in run)
        occasions = respective_occasions(text, [c.figure for c in run]) if handovers else []
        dated.update({id(c): o for c, o in zip(run, occasions, strict=False)})
        run = [claim] if claim is not None else []
    return dated


def counts_handovers(text: str, figure: Figure) -> bool:
    """Whether the figure counts handovers ("three handovers", "five stages"), by the noun after it."""
    return handover_nouns_after().match(text, figure.end, figure.end + 40) is not None


def one_claim_per_occasion(
    text: str, claims: list[DraftClaim], by_sentence: dict[int, list[Figure]], sentences: list[Sentence]
) -> list[DraftClaim]:
    """A handover figure that counts several handovers ("1,200 on each of 13, 14 and 15
    June") becomes one claim per handover, each dated by its own day or month."""
    out: list[DraftClaim] = []
    respective = respectively_dated(text, claims)
    for claim in claims:
        figure = claim.figure
        if id(claim) in respective:
            out.append(replace(claim, occasion=respective[id(claim)]))
            continue
        same = by_sentence.get(figure.sentence.index, [])  # placed or not: "… 1,212 on 11 June and 1,200 …"
        # but not a count of the handovers themselves: "1,200 on each of the following three handovers, on June 13, …"
        same = [f for f in same if f is figure or not counts_handovers(text, f)]
        previous_end = max((f.end for f in same if f.end <= figure.start), default=figure.sentence.start)
        # a later figure set off by dashes ends no stretch: "on 17 July, on 19 August - when five … - and on 18 September"
        asides = [a.span() for a in DASH_ASIDE.finditer(text, figure.end, figure.sentence.end)]
        later = [f for f in same if f.start >= figure.end and not any(a <= f.start < b for a, b in asides)]
        next_start = min((f.start for f in later), default=figure.sentence.end)
        per_handover = per_handover_metric(claim.metric)
        previous = sentence_before(text, sentences, figure.sentence)
        occasions = repeated_occasions(text, figure, previous_end, next_start, previous) if per_handover else []
        metric = claim.metric if per_handover == claim.metric.value else Guess(per_handover or "", REPEATED_WHY)
        out += [replace(claim, occasion=o, metric=metric) for o in occasions] or [claim]
    return out


DASH_ASIDE = re.compile(r"\s[-–—]\s[^-–—]{1,120}?\s[-–—]\s")
REPEATED_WHY = "counts one handover of several its sentence dates one by one ('twice …, on 29 January and on 26 February')"


def per_handover_metric(metric: Guess) -> str | None:
    """The metric of one handover a figure may count: its own, or a running total's one-handover
    twin, since "This year, Russia has twice handed over 1,000" reads as a total until its dates are read."""
    if metric.value in LINKED:
        return metric.value
    single = metric.value.removeprefix("cumulative_")
    return single if single != metric.value and single in LINKED else None


def suggest_source_id(stem: str, label: str, taken: set[str]) -> str:
    """s<number of the raw file>-<first words of the headline>, e.g. s005-russia-returns-1000-bodies."""
    digits = re.match(r"\d+", stem)
    prefix = f"s{digits.group()}" if digits else "-".join(slug_words(stem)[:4]) or "source"
    words = "-".join(slug_words(label)[:5])
    return unique(f"{prefix}-{words}" if words else prefix, set(taken))


def assign_claim_ids(claims: list[DraftClaim], source_id: str, taken: set[str]) -> None:
    head = source_id.split("-")[0]
    prefix = head if re.fullmatch(r"s\d+", head) else source_id
    used = set(taken)
    for claim in claims:
        claim.claim_id = unique(f"{prefix}-{claim.value}", used)


def link_claims(
    norm: Normalised, claims: list[DraftClaim], known: Known, published: Dated | None
) -> tuple[list, list[dict]]:
    linkable = [
        (claim, Linkable(claim.value, claim.direction or "", claim.figure.sentence, at=claim.figure.start, when=when))
        for claim in claims
        if claim.metric.value in LINKED
        for when in [claim.occasion.event(published) if claim.occasion else None]
    ]
    proposals, datings = assign_exchanges(norm.text, [item for _, item in linkable], known, published)
    for claim, item in linkable:
        claim.exchange = item.exchange
    agreement = named_agreement(norm.text, known)
    for claim in claims:
        if claim.metric.value in AGREED and agreement:
            claim.agreement_id = agreement
    return proposals, [d for d in (draft_dating(norm, published, event) for event in datings) if d]


def checked_claims(claims: list[DraftClaim]) -> tuple[list[DraftClaim], list[Unplaced]]:
    """Keep the claims the build's own value check accepts; set the others aside."""
    kept: list[DraftClaim] = []
    failed: list[Unplaced] = []
    for claim in claims:
        try:
            check_claim_values(Mapping(claim.record()), "draft")
        except BuildError as exc:
            reason = f"UNPLACED: the draft could not make a valid claim of it ({exc.message})"
            failed += unplace(claim.figure, reason)
            continue
        kept.append(claim)
    return kept, failed


def unreadable(norm: Normalised) -> Reading:
    """What a draft makes of an article it cannot read: every number, unplaced."""
    reason = "UNPLACED: the draft cannot read the article's language"
    return Reading([], [Unplaced(n, reason) for n in numbers_in(norm.text)], [], [])


def compose(project: Project, raw_path: Path, data: bytes, known: Known) -> Draft:
    norm = normalise(decode_raw(data, project.display(raw_path)))
    sentences = split_sentences(norm.text)
    title = guess_title(norm)
    label = title.value if title else norm.text[sentences[0].start : sentences[0].end] if sentences else raw_path.stem
    source_id = suggest_source_id(raw_path.stem, label, known.source_ids)
    published = publication_date(norm)
    note = unreadable_language(norm.text)
    reading = unreadable(norm) if note else read_claims(norm, sentences, known)
    assign_claim_ids(reading.claims, source_id, known.claim_ids)
    exchanges, datings = link_claims(norm, reading.claims, known, published)
    claims, failed = checked_claims(reading.claims)
    entries = not_claim_entries(norm, claims, reading.unplaced + failed)
    digest = hashlib.sha256(data).hexdigest()
    return Draft(
        raw_path.name, digest, source_id, title, guess_credit(norm), published, norm, sentences, claims, entries,
        reading.mentions, reading.proposals, exchanges, datings, language_note=note,
    )


# ---------------------------------------------------------------------------
# The command


def article_path(project: Project, given: Path) -> Path:
    """The article file inside the project's raw/, or a BuildError saying why not."""
    candidates = [given] if given.is_absolute() else [Path.cwd() / given, project.root / given]
    raw_dir = project.raw_dir.resolve()
    for candidate in candidates:
        if candidate.resolve().parent == raw_dir:
            path = candidate.resolve()
            if not path.is_file():
                raise BuildError(project.display(path), "does not exist: put the article in raw/ first")
            if path.suffix != ".txt" or path.name.startswith("."):
                raise BuildError(project.display(path), "is not an article: raw/ holds .txt files only")
            return path
    raise BuildError(str(given), f"is not a file directly in {project.display(raw_dir)}/: put the article in raw/ first")


def refuse_existing(project: Project, raw_path: Path, draft_path: Path, force: bool, curation: Curation) -> None:
    if draft_path.exists() and not force:
        raise BuildError(
            project.display(draft_path),
            "already exists: review or edit it, or pass --force to overwrite it with a new draft",
        )
    for other in sorted(curation.sources, key=lambda source: source.path):
        if other.path.resolve() != draft_path.resolve() and other.data["raw"] == raw_path.name:
            raise BuildError(other.display, f"already curates raw/{raw_path.name}; edit it instead")


def verify(project: Project, path: Path, raw_path: Path) -> None:
    """The draft must load, and pass the checks a reviewed file passes (bar the review)."""
    source = load_source(path, project)
    check_source(raw_path, source, project)


def write_draft(project: Project, given: Path, force: bool = False, curation: Curation | None = None) -> tuple[Path, Draft]:
    """Write curation/sources/<stem>.yml for raw/<stem>.txt; return its path and the draft.
    `curation`: the project's curation when the caller has read it already (write_drafts)."""
    if not project.root.is_dir():
        raise BuildError(str(project.root), "is not a folder: --root names a project tree holding raw/ and curation/")
    raw_path = article_path(project, given)
    draft_path = project.sources_dir / f"{raw_path.stem}.yml"
    curation = curation or load_curation(project)
    refuse_existing(project, raw_path, draft_path, force, curation)
    data = raw_path.read_bytes()
    draft = compose(project, raw_path, data, known_from(curation, raw_path.name))
    project.sources_dir.mkdir(parents=True, exist_ok=True)
    staging = draft_path.with_name(f".{draft_path.name}.tmp")
    staging.write_text(draft.yaml(), encoding="utf-8")
    try:
        verify(project, staging, raw_path)
    except BuildError:
        staging.unlink()
        raise
    os.replace(staging, draft_path)
    return draft_path, draft


def write_drafts(project: Project, articles: list[Path], force: bool = False) -> Iterator[tuple[Path, Draft | BuildError]]:
    """Draft each article in turn; a refused article is reported and the others go on.
    The curation files are read once; each new draft joins them, as it would on disk."""
    try:
        curation = load_curation(project) if project.root.is_dir() else None
    except BuildError:  # each article is then refused by write_draft, with the check it meets first
        curation = None
    for article in articles:
        try:
            path, draft = write_draft(project, article, force, curation)
        except BuildError as exc:
            yield article, exc
            continue
        except OSError as exc:  # unreadable file, full disk, missing permission
            yield article, BuildError(str(exc.filename or article), exc.strerror or str(exc))
            continue
        if curation is not None:
            curation.sources = [s for s in curation.sources if s.path != path] + [load_source(path, project)]
        yield path, draft
