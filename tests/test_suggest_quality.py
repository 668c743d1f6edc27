"""The drafts' measured quality on the evaluation sets (benchmarks/eval/), kept from
falling. The floors are what benchmarks/suggest_quality.py measured when they were set,
rounded down: floors, not targets. The held-out set (108 articles: h13–h24, h25–h36, h37–h48,
h49–h60, h61–h72, h73–h84, h85–h96 and h97–h108 were each added by a hand that never saw the rules)
is measured here and never tuned on; of its targets (found >= 95 %, metric, qualifier, side and
official >= 90 %, exchange and dated >= 80 %, no false figures or officials) the false figures
and officials are not met: see docs/drafting.md."""

from __future__ import annotations

import shutil

import pytest

from repatriations.pipeline import build
from repatriations.suggest.quality import measure
from repatriations.support.checkout import ROOT

FLOORS = {
    # set: (shares, most false figures, most false officials)
    "tuning": ({"found": 0.966, "metric": 0.933, "qualifier": 0.997, "side": 0.946, "official": 0.954, "exchange": 0.874, "dated": 0.983, "dates": 0.773}, 96, 3),
    "heldout": ({"found": 0.951, "metric": 0.947, "qualifier": 0.999, "side": 0.906, "official": 0.924, "exchange": 0.888, "dated": 0.953, "dates": 0.708}, 18, 7),
}


@pytest.mark.parametrize("set_name", list(FLOORS))
def test_draft_quality_does_not_fall(set_name: str):
    _, overall = measure(set_name, ROOT)
    floors, false_figures, false_officials = FLOORS[set_name]
    shares = {aspect: round(overall.share(aspect), 4) for aspect in floors}
    # the held-out set's misses are never printed: whoever tunes the drafts must not read them.
    # Only plain numbers reach the asserts, so that pytest's report cannot show the Score (and its misses).
    misses = overall.misses if set_name != "heldout" else "(held-out misses are not shown)"
    false, false_named = overall.false, overall.false_officials
    del overall
    assert all(shares[a] >= floor for a, floor in floors.items()), (shares, misses)
    assert false <= false_figures and false_named <= false_officials, (false, false_named, misses)


@pytest.mark.parametrize("set_name", list(FLOORS))
def test_the_gold_curation_builds(set_name: str, tmp_path):
    """Every gold quote is in its article and every number is accounted for, as for any curation."""
    tree = shutil.copytree(ROOT / "benchmarks" / "eval" / set_name, tmp_path / set_name, ignore=shutil.ignore_patterns("dist"))
    result = build(tree, quiet=True)
    assert result.counts["sources"] >= 12 and result.counts["claims"] > 0


def test_a_batch_sums_only_its_own_articles():
    """benchmarks/suggest_quality.py --articles t49-t60: the batch's totals, no other article's, no misses."""
    import importlib.util

    from repatriations.suggest.quality import Score

    spec = importlib.util.spec_from_file_location("suggest_quality", ROOT / "benchmarks" / "suggest_quality.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    scores = [Score("t48", gold=5), Score("t49", gold=7, misses=["x"]), Score("t60", gold=11), Score("h50", gold=13)]
    total = module.batch(scores, "t49-t60")
    assert (total.gold, total.misses) == (18, [])
    assert module.batch(scores, "t48").gold == 5


def test_a_gold_figure_is_matched_to_the_drafted_claim_of_its_own_metric():
    from repatriations.suggest.quality import best_match

    text = "The bodies of 19 soldiers who died in captivity were returned."
    quote = {"quote": text}
    bodies = {**quote, "value": 19, "metric": "bodies_to_ukraine"}
    died = {**quote, "value": 19, "metric": "died_in_captivity"}
    # the gold's second claim of the number finds the draft's claim of its metric, whichever the draft lists first
    assert best_match(died, [bodies, died], text) is died
    assert best_match(bodies, [died, bodies], text) is bodies
    assert best_match(bodies, [died], text) is died  # the number is found; its metric is judged wrong
    assert best_match({**bodies, "value": 20}, [bodies, died], text) is None
