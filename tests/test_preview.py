"""The preview: drafts admitted, problems listed instead of stopping, dist/ untouched,
and an incremental update identical to a full preview build of the same tree."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from repatriations import schemas
from repatriations.errors import BuildError
from repatriations.pipeline import build
from repatriations.preview import Preview
from repatriations.project import Project
from repatriations.suggest import write_draft
from repatriations.support.checkout import ROOT, copy_project

ARTICLE = ROOT / "tests" / "data" / "dates" / "hq-2025-08-19.txt"
DRAFT = "curation/sources/hq-2025-08-19.yml"


def dump(db: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db)
    tables = [*schemas.TABLES, "problems", "proposals"]
    found = {t: sorted(conn.execute(f"select * from [{t}]").fetchall(), key=repr) for t in tables}
    conn.close()
    return found


@pytest.fixture
def drafted(tmp_path: Path) -> Path:
    root = copy_project(tmp_path / "project")
    shutil.copy(ARTICLE, root / "raw" / ARTICLE.name)
    write_draft(Project(root), root / "raw" / ARTICLE.name)
    return root


def test_the_preview_admits_a_draft_that_the_build_refuses(drafted: Path):
    with pytest.raises(BuildError, match="unreviewed draft"):
        build(drafted, quiet=True)
    db = Preview(Project(drafted)).update()
    assert db.parent.parent == drafted / "preview" and not (drafted / "dist" / "repatriations.db").exists()
    conn = sqlite3.connect(db)
    assert conn.execute("select count(*) from sources where not reviewed").fetchone()[0] == 1
    assert conn.execute("select count(*) from problems").fetchone()[0] == 0
    assert conn.execute("select kind, proposed_id from proposals").fetchall() == [("exchange", "ex-2025-08-19-1000-for-19")]
    # every number of the draft's article is marked: a draft claim or a not_claims entry
    marks = conn.execute(
        "select as_written, claim_id is not null, reason from numbers n join sources s using (source_id) where not s.reviewed"
    ).fetchall()
    assert len(marks) == 5 and all(claimed or reason for _, claimed, reason in marks)


def test_a_wrong_quote_is_a_problem_and_the_rest_is_kept(drafted: Path):
    path = drafted / DRAFT
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("bodies of 1,000 fallen soldiers", "bodies of 1,001 fallen soldiers", 1), encoding="utf-8")
    conn = sqlite3.connect(Preview(Project(drafted)).update())
    problems = conn.execute("select file, line, message, set_aside from problems order by problem_id").fetchall()
    assert problems[0][0] == DRAFT and "is not in the article, character for character" in problems[0][2]
    assert problems[0][1] == text.count("\n", 0, text.index("bodies of 1,000 fallen soldiers")) + 1
    assert problems[0][3].startswith("claim ")
    assert problems[1][0] == "raw/hq-2025-08-19.txt" and "'1,000' is not accounted for" in problems[1][2]
    assert conn.execute("select count(*) from claims where source_id like 'hq-%'").fetchone()[0] == 2  # the other claims
    assert conn.execute("select count(*) from sources").fetchone()[0] == 6


def test_the_preview_leaves_dist_byte_for_byte_as_it_was(drafted: Path):
    (drafted / "raw" / ARTICLE.name).rename(drafted / "hold.txt")
    (drafted / DRAFT).rename(drafted / "hold.yml")
    build(drafted, quiet=True)
    before = hashlib.sha256((drafted / "dist" / "repatriations.db").read_bytes()).hexdigest()
    (drafted / "hold.txt").rename(drafted / "raw" / ARTICLE.name)
    (drafted / "hold.yml").rename(drafted / DRAFT)
    Preview(Project(drafted)).update()
    assert hashlib.sha256((drafted / "dist" / "repatriations.db").read_bytes()).hexdigest() == before


def test_an_incremental_update_equals_a_full_preview_build(drafted: Path, tmp_path: Path):
    preview = Preview(Project(drafted))
    preview.update()
    path = drafted / DRAFT
    edited = path.read_text(encoding="utf-8").replace("bodies of 1,000 fallen soldiers", "bodies of 1,001 fallen soldiers", 1)
    path.write_text(edited, encoding="utf-8")
    incremental = preview.update()
    fresh_tree = shutil.copytree(drafted, tmp_path / "fresh", ignore=shutil.ignore_patterns("preview", "dist"))
    full = Preview(Project(fresh_tree)).update()
    assert dump(incremental) == dump(full)
    # and back: the cache gives the same as before the edit
    path.write_text(edited.replace("bodies of 1,001", "bodies of 1,000", 1), encoding="utf-8")
    assert dump(preview.update())["problems"] == []


def test_an_unreadable_draft_is_one_problem_naming_its_line(drafted: Path):
    path = drafted / DRAFT
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("claims:"))
    lines[at + 3] = lines[at + 3].replace("claim_id: ", "claim_id: [")  # a stray bracket, as a slip of the keyboard leaves it
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    conn = sqlite3.connect(Preview(Project(drafted)).update())
    (problem,) = conn.execute("select file, line, message, set_aside from problems").fetchall()
    assert problem[0] == DRAFT and problem[1] is not None and "is not valid YAML" in problem[2]
    assert problem[3] == "the whole file (it cannot be read)"
    assert conn.execute("select count(*) from sources").fetchone()[0] == 5  # the reviewed seeds are all still there


def test_a_dating_set_aside_dates_nothing(drafted: Path):
    """A dating of an exchange its source does not report, and one of an unknown exchange:
    each a problem, and neither narrows any exchange's window nor breaks the database."""
    path = drafted / DRAFT
    text = path.read_text(encoding="utf-8")
    dating = text.index("exchange_dates:\n") + len("exchange_dates:\n")
    extra = (
        "  - exchange_id: ex-2025-11-1000-for-30\n    reading: stated\n    quote: August 19, 2025\n    basis: wrong\n"
        "  - exchange_id: ex-no-such-exchange\n    reading: stated\n    quote: August 19, 2025\n    basis: wrong\n"
    )
    path.write_text(text[:dating] + extra + text[dating:], encoding="utf-8")
    conn = sqlite3.connect(Preview(Project(drafted)).update())
    messages = [m for (m,) in conn.execute("select message from problems")]
    assert any("has no claim about that exchange" in m for m in messages)
    assert any("'ex-no-such-exchange', which is not in curation/exchanges.yml" in m for m in messages)
    window = conn.execute("select date_earliest, date_latest from exchanges where exchange_id = 'ex-2025-11-1000-for-30'")
    assert window.fetchone() == ("2025-11-01", "2025-11-30")  # 002's dating alone, as before
    assert conn.execute("select count(*) from exchange_dates where exchange_id = 'ex-no-such-exchange'").fetchone()[0] == 0


def test_a_reviewed_file_with_draft_notes_is_a_problem_in_the_preview_too(drafted: Path):
    (drafted / "raw" / ARTICLE.name).unlink()
    (drafted / DRAFT).unlink()
    seed = drafted / "curation" / "sources" / "003_a33e81c085f97841.yml"
    seed.write_text(seed.read_text(encoding="utf-8").replace("    basis: >-\n      A Friday", "    basis: >-\n      DRAFT: A Friday"), encoding="utf-8")
    with pytest.raises(BuildError, match="DRAFT note"):
        build(drafted, quiet=True)
    conn = sqlite3.connect(Preview(Project(drafted)).update())
    assert [m for (m,) in conn.execute("select message from problems")] == [
        "exchange_dates entry for ex-2025-late-1003-for-26 still has suggest's DRAFT note: "
        "check the window against the article and replace the note"
    ]


def test_a_second_preview_in_the_same_tree_starts_afresh(drafted: Path):
    first = Preview(Project(drafted))
    for _ in range(3):
        first.update()
    db = Preview(Project(drafted)).update()  # as a second `make preview` does
    assert db.is_file() and sorted(p.name for p in (drafted / "preview").iterdir()) == ["gen-0001"]
