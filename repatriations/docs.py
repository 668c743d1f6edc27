"""Tables for the docs, generated from the one place each vocabulary is defined (the
Table Schemas), so the docs cannot drift from the data. docs/vocabulary.md calls these
through cog; `make test` runs `cog --check` and fails when a generated table is stale."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import yaml

from . import schemas, vocabulary
from .project import CODE_ROOT


def cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def markdown_table(head: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "| " + " | ".join("---" for _ in head) + " |"]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def enum_table(table: str, field: str, head: tuple[str, str]) -> str:
    """A column's vocabulary: each term (in code type) and the sentence that defines it."""
    terms = schemas.fields(table)[field]["enumDescriptions"]
    return markdown_table(head, [(f"`{term}`", sentence) for term, sentence in terms.items()])


def metrics_table() -> str:
    rows = [
        (f"`{m.name}`", m.role, m.direction or "", m.description)
        for m in vocabulary.metrics().values()
    ]
    return markdown_table(("metric", "role", "direction", "what it counts"), rows)


def tables_table() -> str:
    return markdown_table(("table", "what one row is"), [(f"`{t}`", schemas.description(t)) for t in schemas.TABLES])


BAD_INPUT = CODE_ROOT / "tests" / "bad_input_cases.yml"
SECTION = re.compile(r"^\s*# -+ (?P<name>.+)$")
KIND = re.compile(r"^\s*- kind: (?P<kind>\S+)")


def bad_input_table(path: Path = BAD_INPUT) -> str:
    """The bad-input catalogue (tests/bad_input_cases.yml, which the tests run) as a table:
    each kind under its section, the file it breaks and words the message must contain."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    files = data["files"]
    sections: dict[str, str] = {}
    section = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if m := SECTION.match(line):
            section = m.group("name")
        elif m := KIND.match(line):
            sections[m.group("kind")] = section
    rows: list[tuple[str, ...]] = []
    shown = None
    for case in data["cases"]:
        if sections[case["kind"]] != shown:
            shown = sections[case["kind"]]
            rows.append((f"**{shown[:1].upper()}{shown[1:]}**", "", ""))
        where = case.get("where") or files.get(case.get("file"), case.get("file") or "")
        rows.append((f"`{case['kind']}`", f"`{where}`", f"`{case['says']}`"))
    return markdown_table(("kind", "the message names", "and says"), rows)
