"""Figures an article says are wrong or that nobody gave: a fact-check's refuted claim, as it
restates it, and "No … source gave 26". The phrases are the lexicon's `fact_checks` lists."""

from __future__ import annotations

import re

from ..numbers import Number
from . import lexicon as lx
from .text import HEADLINE_LINES, Sentence, fold

Span = tuple[int, int]
QUOTED = re.compile(r"[\"“]([^\"“”\n]{3,300})[\"”]")
NEGATION = re.compile(r"\b(?:not|never|no)\b|n't\b")


def _words(key: str) -> str:
    return lx.alternation("fact_checks", key)


def rates_false(folded: str) -> bool:
    """Whether the article's verdict on the claim it checks is false or misleading: a verdict
    label ("VERDICT: FALSE") or a headline that is its own verdict ("… is false", "No, … did not")."""
    labelled = rf"(?:^|[·|]\s*)(?:{_words('verdict_labels')})\s*:\s*(?:{_words('negative_verdicts')})\b"
    if re.search(labelled, folded, re.MULTILINE):
        return True
    head = "\n".join(folded.split("\n")[:HEADLINE_LINES])
    return bool(re.search(rf"(?:{_words('verdict_phrases')})\b", head) or denial_headline(head))


def denial_headline(sentence: str) -> bool:
    """ "No, Russia did not return 81 prisoners …" (not "No, the 26 went the other way")."""
    opening = re.match(r"(?:^|\n)no,\s+([^.?!\n]*)", sentence)
    return bool(opening and NEGATION.search(opening.group(1)))


def restates_the_claim(folded: str, sentence: Sentence) -> bool:
    """A sentence that gives the checked claim: its CLAIM line, a yes-or-no question about it,
    a "No, … did not" denial, or what the posts say ("A screenshot … says that …")."""
    words = folded[sentence.start : sentence.end]
    line_start = folded.rfind("\n", 0, sentence.start) + 1
    if re.match(rf"\s*(?:{_words('claim_labels')})\s*:", folded[line_start : sentence.end]):
        return True
    # past a desk's label before it ("FACT CHECK | Has Ukraine really …?", "Fact check: Did Russia …?")
    asked = re.sub(r"^(?:[\w'-]+\s+){0,2}[\w'-]+\s*[|:]\s*", "", words)
    if re.match(rf"(?:{_words('question_openings')})\s", asked) and words.rstrip("\"'”’ ").endswith("?"):
        return True
    if denial_headline(words):
        return True
    # the shared item is the subject (within the first four words), and no pronoun speaks between it and
    # the verb: "In the same post he claimed that …" is his claim
    told = re.match(
        rf"(?:[\w'-]+\s+){{0,3}}?(?:{_words('shared_items')})\b([^.;:]{{0,140}}?)\b(?:{_words('report_verbs')})\b", words
    )
    return bool(told and not re.search(r"\b(?:he|she|they|we|i|it)\s*$", told.group(1)))


def quoted_again(text: str, folded: str, restating: list[Span]) -> list[Span]:
    """The claim's own words quoted again elsewhere (Russia "took back 501 of its fallen"): the
    quoted fragments, holding a digit, that are part of a quotation in a restating sentence."""
    # a quotation may run over several of the claim's sentences: take every one that overlaps them
    claimed = [fold(m.group(1)) for m in QUOTED.finditer(text) if any(a < m.end() and m.start() < b for a, b in restating)]
    return [
        (m.start(), m.end())
        for m in QUOTED.finditer(text)
        if re.search(r"\d", m.group(1)) and len(m.group(1).split()) >= 2
        and any(folded[m.start(1) : m.end(1)] in words for words in claimed)
    ]


def nobody_gave(folded: str, sentence: Sentence) -> Span | None:
    """ "No Russian official source we found gave 26 as …", "We found no … source that speaks of 501
    bodies": the span after the source, to the clause's end, holds figures nobody gave."""
    words = folded[sentence.start : sentence.end]
    source = _words("source_nouns")
    found = re.match(rf"no\s+(?:[\w'-]+\s+){{0,4}}?(?:{source})\b", words) or re.search(
        rf"\b(?:{_words('none_found')})\s+(?:[\w'-]+\s+){{0,4}}?(?:{source})\b", words
    )
    if not found:
        return None
    clause_end = re.search(r"[,;:]\s|\s(?:but|while|whereas)\s", words[found.end() :])
    end = found.end() + clause_end.start() if clause_end else len(words)
    return sentence.start + found.end(), sentence.start + end


Refuted = tuple[list[Span], list[Span]]  # the refuted claim as restated; figures nobody gave


def refuted_spans(text: str, sentences: list[Sentence]) -> Refuted:
    """Where an article's refuted claim is restated, and where it gives figures nobody gave."""
    folded = fold(text)
    restating: list[Span] = []
    if rates_false(folded):
        restating = [(s.start, s.end) for s in sentences if restates_the_claim(folded, s)]
        restating += quoted_again(text, folded, restating)
    none = [span for s in sentences if (span := nobody_gave(folded, s))]
    return restating, none


def refuted_reason(refuted: Refuted, number: Number) -> str | None:
    restating, none = refuted
    if any(a <= number.start < b for a, b in restating):
        return "UNPLACED: the claim a fact-check rates false, as it restates it (its CLAIM line, question or the posts' words)"
    if any(a <= number.start < b for a, b in none):
        return "UNPLACED: a figure the article says no source gave"
    return None
