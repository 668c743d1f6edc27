"""The command line: a clean build, and bad input ending in one readable line."""

from __future__ import annotations

import subprocess
import sys

from repatriations.support.checkout import ROOT, copy_project


def run_build(root, *args):
    return subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(root), *args], capture_output=True, text=True)


def test_build_prints_counts(tmp_path):
    result = run_build(copy_project(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "5 sources" in result.stdout and "48 claims" in result.stdout
    assert (tmp_path / "dist" / "repatriations.db").exists()


def test_bad_input_is_one_message_naming_file_and_line(tmp_path):
    root = copy_project(tmp_path)
    path = root / "curation" / "sources" / "004_250a6f8b08ef7629.yml"
    lines = path.read_text().splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines, 1) if "metric: repatriation_count" in line)
    lines[number - 1] = lines[number - 1].replace("repatriation_count", "repatriations_count")
    path.write_text("".join(lines))
    result = run_build(root)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"curation/sources/004_250a6f8b08ef7629.yml:{number}: claim field 'metric' is 'repatriations_count'" in result.stderr
    assert not (root / "dist").exists()


def test_a_reviewed_file_with_leftover_draft_markers_is_refused(tmp_path):
    root = copy_project(tmp_path)
    path = root / "curation" / "sources" / "004_250a6f8b08ef7629.yml"
    text = path.read_text()
    path.write_text(text.replace("    notes: Headline.\n", "    notes: 'DRAFT: guessed from keywords'\n", 1))
    result = run_build(root)
    assert result.returncode == 1
    assert "claim s004-headline-1212 still has suggest's DRAFT note" in result.stderr
    path.write_text(text.replace('reason: "ordinal: \\"the first round of exchanges\\""', 'reason: "UNPLACED: an ordinal"'))
    result = run_build(root)
    assert "not_claims entry 'first' is still UNPLACED" in result.stderr
