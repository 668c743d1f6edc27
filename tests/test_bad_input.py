"""The catalogue of bad input (tests/bad_input_cases.yml), each case thrown at the
command line on a copy of the project that has already been built once.

Every case must end the same way: exit code 1, one readable message on stderr
naming the file (and `:LINE` when the problem sits on a line) and what is wrong,
no traceback, and dist/ byte-for-byte as the last good build left it.

The cases run build.py's command in this process (click's CliRunner): the same
code a shell runs, less the interpreter's start-up. A few also run through a real
`python build.py` process, which must print the same bytes.

docs/bad-input.md lists the same kinds, generated from the catalogue (cog).
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click
import pytest
import yaml
from click.testing import CliRunner

from repatriations.errors import BuildError
from repatriations.pipeline import build
from repatriations.support.checkout import ROOT, copy_project

CATALOGUE = yaml.safe_load((Path(__file__).parent / "bad_input_cases.yml").read_text(encoding="utf-8"))
FILES: dict[str, str] = CATALOGUE["files"]
S003, S004 = FILES["S003"], FILES["S004"]

# ---------------------------------------------------------------- the catalogue, read

ACTIONS = ("replace", "replace_from", "append", "prepend", "write", "remove", "copy_to")
STEP_KEYS = {*ACTIONS, "file", "with", "all", "encoding", "rehash"}
CASE_KEYS = {*STEP_KEYS, "kind", "where", "line", "line_of", "says"}


def text(value: Any) -> str:
    """A text of the catalogue: a string, or a list of strings and {repeat: TEXT, times: N}."""
    if isinstance(value, str):
        return value
    return "".join(piece if isinstance(piece, str) else piece["repeat"] * piece["times"] for piece in value)


@dataclass(frozen=True)
class Step:
    """The change to one file or folder of the tree that makes it bad (see the catalogue's header)."""

    file: str
    action: str
    argument: Any
    new: str = ""
    every: bool = False
    encoding: str = "utf-8"
    rehash: bool = False

    @classmethod
    def read(cls, row: dict[str, Any]) -> Step:
        actions = [a for a in ACTIONS if a in row]
        assert len(actions) == 1, f"a step takes one of {ACTIONS}: {row}"
        action = actions[0]
        assert ("with" in row) == action.startswith("replace"), f"`with` goes with replace and replace_from only: {row}"
        argument = text(row[action]) if action != "remove" else row[action]
        new = text(row.get("with", ""))
        path = FILES.get(row["file"], row["file"])
        return cls(path, action, argument, new, row.get("all", False), row.get("encoding", "utf-8"), row.get("rehash", False))

    def apply(self, root: Path) -> int:
        """Make the change; the 1-based line of the file where it begins."""
        path = root / self.file
        if self.action == "remove":
            shutil.rmtree(path) if path.is_dir() else path.unlink()
            return 1
        if self.action == "copy_to":
            shutil.copy(path, root / self.argument)
            return 1
        before = path.read_bytes() if path.exists() else b""
        new = self.new.encode(self.encoding)
        if self.action == "write":
            after, at = self.argument.encode(self.encoding), 0
        elif self.action == "append":
            after, at = before + self.argument.encode(self.encoding), len(before)
        elif self.action == "prepend":
            after, at = self.argument.encode(self.encoding) + before, 0
        else:
            old = self.argument.encode("utf-8")
            at = before.index(old)  # a ValueError here means the case no longer fits the data
            if self.action == "replace_from":
                after = before[:at] + new
            else:
                after = before.replace(old, new) if self.every else before[:at] + new + before[at + len(old) :]
        path.write_bytes(after)
        if self.rehash:
            record_sha256(root, path, before, after)
        return before.count(b"\n", 0, at) + 1


def record_sha256(root: Path, raw: Path, before: bytes, after: bytes) -> None:
    """Record a raw article's new sha256 in its curation, so the check under test is
    reached rather than the sha256 check."""
    curation = root / "curation" / "sources" / f"{raw.stem}.yml"
    old, new = hashlib.sha256(before).hexdigest(), hashlib.sha256(after).hexdigest()
    curation.write_text(curation.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


@dataclass(frozen=True)
class Case:
    """How to break a tree, and where the message must point (`file` or `file:LINE`) and words it must contain."""

    kind: str
    step: Step
    where: str | None
    line: str | int | None
    line_of: str | None
    says: str

    @classmethod
    def read(cls, row: dict[str, Any]) -> Case:
        assert not set(row) - CASE_KEYS, f"{row['kind']}: unknown keys {set(row) - CASE_KEYS}"
        assert not (row.get("line") is not None and row.get("line_of") is not None), f"{row['kind']}: line or line_of, not both"
        where = row.get("where")
        return cls(
            row["kind"],
            Step.read({k: v for k, v in row.items() if k in STEP_KEYS}),
            FILES.get(where, where) if where else None,
            row.get("line"),
            row.get("line_of"),
            row["says"],
        )

    def break_tree(self, root: Path) -> str:
        """Break the tree at root as the row says; the place the message must start with."""
        edit = self.step.apply(root)
        where = self.where or self.step.file
        if isinstance(self.line, int):
            return f"{where}:{self.line}"
        if self.line is not None:
            offset = re.fullmatch(r"edit([+-]\d+)?", self.line)
            assert offset, f"{self.kind}: line is edit, edit+N, edit-N or a number, not {self.line!r}"
            return f"{where}:{edit + int(offset.group(1) or 0)}"
        if self.line_of is not None:
            content = (root / where).read_text(encoding="utf-8")
            return f"{where}:{content.count(chr(10), 0, content.index(self.line_of)) + 1}"
        return where


CASES: dict[str, Case] = {row["kind"]: Case.read(row) for row in CATALOGUE["cases"]}

# ---------------------------------------------------------------- running the command line


def load_command() -> click.Command:
    """build.py's click command, loaded from the file a shell runs."""
    spec = importlib.util.spec_from_file_location("build_command", ROOT / "build.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    command: click.Command = module.cli
    return command


COMMAND = load_command()


@dataclass
class Outcome:
    exit_code: int
    stderr: str
    traceback: str  # of an exception the command did not handle, if any


def run_in_process(root: Path, *options: str) -> Outcome:
    result = CliRunner().invoke(COMMAND, ["--root", str(root), *options])
    unhandled = "" if result.exc_info is None or isinstance(result.exception, SystemExit) else result.exc_info
    return Outcome(result.exit_code, result.stderr, "".join(traceback.format_exception(*unhandled)) if unhandled else "")


def run_process(root: Path, *options: str) -> Outcome:
    done = subprocess.run(
        [sys.executable, "build.py", "--root", str(root), *options],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=os.environ | {"PYTHONIOENCODING": "utf-8"},
        timeout=120,
    )
    return Outcome(done.returncode, done.stderr, done.stderr if "Traceback" in done.stderr else "")


def snapshot(dist: Path) -> dict[str, bytes]:
    """Every file under dist/, by relative path."""
    return {p.relative_to(dist).as_posix(): p.read_bytes() for p in sorted(dist.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    """A copy of the project built once, successfully, through the command line."""
    root = copy_project(tmp_path_factory.mktemp("baseline"))
    outcome = run_in_process(root)
    assert outcome.exit_code == 0, outcome.stderr + outcome.traceback
    dist = snapshot(root / "dist")
    assert "repatriations.db" in dist and "static/package/claims.csv" in dist
    return root, dist


def broken(kind: str, baseline: tuple[Path, dict[str, bytes]], tmp_path: Path) -> tuple[Path, str]:
    """A copy of the built baseline broken as the catalogue says; and where the message must point."""
    root = shutil.copytree(baseline[0], tmp_path / "project", symlinks=True)  # dist is a link to the release
    return root, CASES[kind].break_tree(root)


def assert_refused(outcome: Outcome, where: str, says: str, root: Path, dist_before: dict[str, bytes]) -> str:
    """Exit code 1, the header and one line starting with where and containing says, no
    traceback, dist/ untouched and no staging folder left; the message."""
    assert not outcome.traceback, outcome.traceback
    assert outcome.exit_code == 1, outcome.stderr
    assert "Traceback" not in outcome.stderr
    header, _, message = outcome.stderr.partition("\n")
    assert header == "Build failed, dist/ left as it was."
    message = message.rstrip("\n")
    assert "\n" not in message, f"one line expected:\n{message}"
    assert message.startswith(f"{where}: "), message
    assert says in message, message
    assert snapshot(root / "dist") == dist_before
    assert not list(root.glob(".releases/.staging-*")), "the staging folder was left behind"
    assert len(list(root.glob(".releases/*"))) == 1, "a failed build must leave the one release it found"
    return message


@pytest.mark.parametrize("kind", list(CASES))
def test_bad_input_is_refused_readably_and_dist_is_untouched(
    kind: str, baseline: tuple[Path, dict[str, bytes]], tmp_path: Path
) -> None:
    root, where = broken(kind, baseline, tmp_path)
    message = assert_refused(run_in_process(root), where, CASES[kind].says, root, baseline[1])

    # The same input through the Python API raises the same BuildError (not any other exception).
    with pytest.raises(BuildError) as raised:
        build(root, quiet=True)
    assert str(raised.value) == message
    assert snapshot(root / "dist") == baseline[1]


def test_the_catalogue_has_at_least_25_kinds_with_readable_ids() -> None:
    kinds = [row["kind"] for row in CATALOGUE["cases"]]
    assert len(kinds) == len(set(kinds)), "a kind is listed twice"
    assert len(CASES) >= 25
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", kind) for kind in CASES)


# A few kinds through a real `python build.py` process, as a shell runs it: the same bytes on stderr.
IN_A_PROCESS = ["malformed-yaml", "unknown-metric", "raw-not-utf8", "number-not-accounted-for"]


@pytest.mark.parametrize("kind", IN_A_PROCESS)
def test_the_command_run_as_a_process_refuses_it_with_the_same_message(
    kind: str, baseline: tuple[Path, dict[str, bytes]], tmp_path: Path
) -> None:
    root, where = broken(kind, baseline, tmp_path)
    in_process = run_in_process(root)
    process = run_process(root)
    assert_refused(process, where, CASES[kind].says, root, baseline[1])
    assert process.stderr == in_process.stderr


# One case per stage a build worker takes part in: reading a source file, pairing it with
# its article, checking the article, the references between files, number coverage, and
# the files the main process reads itself.
IN_WORKERS = [
    "malformed-yaml",
    "curation-not-utf8",
    "unknown-metric",
    "missing-officials-file",
    "two-files-curate-one-article",
    "raw-without-curation",
    "curation-without-raw",
    "unreviewed-draft",
    "raw-changed-after-curation",
    "raw-not-utf8",
    "quote-not-in-article",
    "value-not-in-quote",
    "duplicate-claim-id-across-files",
    "missing-official",
    "number-not-accounted-for",
]


@pytest.mark.parametrize("kind", IN_WORKERS)
def test_worker_processes_refuse_bad_input_with_the_same_message(
    kind: str, baseline: tuple[Path, dict[str, bytes]], tmp_path: Path
) -> None:
    """`--jobs 2` reads and checks the files in two worker processes: the message is the
    one-process build's, byte for byte, and dist/ is still untouched."""
    root, where = broken(kind, baseline, tmp_path)
    one = run_in_process(root)
    parallel = run_in_process(root, "--jobs", "2")
    assert_refused(parallel, where, CASES[kind].says, root, baseline[1])
    assert parallel.stderr == one.stderr


def replace(root: Path, rel: str, old: str, new: str) -> int:
    """Replace the first `old` in a file by `new`; the line where `old` started."""
    return Step(rel, "replace", old, new).apply(root)


def test_the_first_problem_is_the_same_with_workers_when_there_are_several(tmp_path: Path) -> None:
    """Several files wrong at once, at different stages: a worker may meet a later one
    first, yet the build reports the problem a one-process build meets first."""
    root = copy_project(tmp_path / "project")
    raw = root / "raw" / "000_df27459407517333.txt"
    raw.write_bytes(raw.read_bytes() + b"\n")  # an article check (its sha256), in the first file
    line = replace(root, S003, "    value: 1029\n", "    value: [1029\n")  # a YAML error, in a later file
    replace(root, S004, "quote: \"", "quote: \"not in the article ")  # an article check, in the last file
    one, two = run_process(root, "--jobs", "1"), run_process(root, "--jobs", "2")
    assert one.exit_code == two.exit_code == 1
    assert f"{S003}:{line + 1}: is not valid YAML" in one.stderr
    assert two.stderr == one.stderr
