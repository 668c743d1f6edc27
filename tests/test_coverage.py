"""Every number in every article is accounted for: a claim's figure, or a curated reason."""

from __future__ import annotations

import pytest

from repatriations.errors import BuildError
from repatriations.numbers import numbers_in
from repatriations.pipeline import build
from repatriations.support.checkout import copy_project
from repatriations.support.database import rows


def test_every_number_in_every_article_is_in_the_numbers_table(db):
    for source in rows(db, "select source_id, text from sources"):
        found = numbers_in(source["text"])
        recorded = rows(db, "select * from numbers where source_id = ? order by raw_start", source["source_id"])
        assert [n.as_written for n in found] == [r["as_written"] for r in recorded]
        for r in recorded:
            assert (r["claim_id"] is None) != (r["reason"] is None)


def test_numbers_sit_at_their_offsets_and_claims_own_their_figures(db):
    for r in rows(db, "select n.*, s.raw_text from numbers n join sources s using (source_id)"):
        assert r["raw_text"][r["raw_start"] : r["raw_end"]] == r["as_written"]
        if r["claim_id"]:
            c = rows(db, "select * from claims where claim_id = ?", r["claim_id"])[0]
            assert c["quote_start"] <= r["raw_start"] and r["raw_end"] <= c["quote_end"]
            assert r["value"] in (c["value"], c["value_high"])


def test_words_ordinals_and_boilerplate(db):
    by_text = {(r["source_id"], r["as_written"]): r for r in rows(db, "select * from numbers")}
    five = by_text[("s000-defense-news-1000-bodies", "five")]
    assert five["written_as"] == "words" and five["claim_id"] == "s000-hq-5-died-in-captivity"
    assert by_text[("s000-defense-news-1000-bodies", "third")]["ordinal"] == 1
    # "21 views" and "2 days ago" were removed as page furniture: not numbers of the text
    assert ("s004-rng247-1212", "21") not in by_text and ("s004-rng247-1212", "2") not in by_text


def _break(root, name: str, old: str, new: str) -> None:
    path = root / "curation" / "sources" / name
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_an_unaccounted_number_fails_naming_file_line_and_number(tmp_path):
    root = copy_project(tmp_path)
    _break(root, "004_250a6f8b08ef7629.yml", '  - {number: "25", reason', '  - {number: "026", reason')
    with pytest.raises(BuildError) as exc:
        build(root, quiet=True)
    assert str(exc.value).startswith("raw/004_250a6f8b08ef7629.txt:10: the number '25' is not accounted for")


def test_a_stale_not_claims_entry_fails(tmp_path):
    root = copy_project(tmp_path)
    path = root / "curation" / "sources" / "003_a33e81c085f97841.yml"
    path.write_text(path.read_text() + '  - {number: "1999", reason: a year the article does not mention}\n')
    with pytest.raises(BuildError, match="not_claims entry '1999' matches no unclaimed number"):
        build(root, quiet=True)
