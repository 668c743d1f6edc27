"""Page furniture of many outlets is removed as whole lines, each with its rule; a
sentence that only starts like furniture is kept; "1 000" is one number."""

from __future__ import annotations

import pytest

from repatriations.normalise import normalise
from repatriations.numbers import numbers_in


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Read also: Zelensky thanks 3 partners", "also_read"),
        ("Related: Putin says 5 things", "also_read"),
        ("Also Read: Russia hands over 1,000", "also_read"),
        ("Photo: Coordination Headquarters", "photo_credit"),
        ("4 min read", "reading_time"),
        ("Updated 5 hours ago", "relative_time"),
        ("Published: 20 November 2025, 14:05 EET", "timestamp"),
        ("Also Read | Zelenskyy calls for tougher sanctions on 2 oil firms", "also_read"),
        ("Zelenskiy says Ukraine needs 10 more air defence systems · Reuters · 3h ago", "also_read"),
        ("12 comments", "comment_count"),
        ("View comments (214)", "comment_count"),
        ("By Jane Doe | Updated 5 hours ago", "byline"),
        ("Tags: Zelensky, Medinsky", "tags_line"),
        ("Reporting by Tom Example; Editing by Ann Example", "credit_line"),
    ],
)
def test_furniture_lines_are_removed_with_their_rule(line: str, rule: str):
    norm = normalise(f"Russia returned 1,000 bodies.\n{line}\nMore text.\n")
    assert [r.rule for r in norm.removals] == [rule]
    assert line not in norm.text


@pytest.mark.parametrize(
    "line",
    [
        "By June, Russia had handed over 6,000 bodies.",
        "Published figures show 6,000 bodies came back.",
        "Photographs show 1,000 bodies.",
        "More than 1,000 bodies came back | Reuters",
    ],
)
def test_sentences_that_start_like_furniture_are_kept(line: str):
    assert normalise(f"{line}\n").removals == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("returned 1 000 bodies", [1000]),
        ("returned 1\u00a0000 bodies and 24", [1000, 24]),
        ("between 150 000 and 300 000", [150000, 300000]),
        ("On June 14 100 bodies", [14, 100]),
        ("1,245 and 1000", [1245, 1000]),
    ],
)
def test_space_grouped_thousands_are_one_number(text: str, values: list[int]):
    assert [n.value for n in numbers_in(text)] == values
