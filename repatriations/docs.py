"""Tables for the docs, generated from the one place each vocabulary is defined (the
Table Schemas), so the docs cannot drift from the data. docs/vocabulary.md calls these
through cog; `make test` runs `cog --check` and fails when a generated table is stale."""

from __future__ import annotations

from collections.abc import Sequence

from . import schemas, vocabulary


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
