"""The suggest lexicon (lexicon.yml) compiled into patterns. The YAML holds phrases,
never regular expressions; this module is the only place they become patterns."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import BuildError
from ..yamlfile import load_yaml

LEXICON = Path(__file__).with_name("lexicon.yml")
REFERENCE = re.compile(r"\\\{(\w+)\\\}")


@cache
def data() -> dict[str, Any]:
    # the curation's own reader: a key written twice is refused, not silently won by the later list
    try:
        loaded = load_yaml(LEXICON, str(LEXICON))
    except BuildError as exc:
        raise ValueError(str(exc)) from None
    for path, item in _items(loaded, ()):
        if not isinstance(item, str):  # YAML reads a bare on, off, yes or no as a boolean
            raise ValueError(f"{LEXICON}: {'.'.join(path)}: {item!r} is not a phrase; quote it")
    return loaded


def _items(node: Any, path: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], Any]]:
    """Every phrase of every list, with the keys that lead to it."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _items(value, (*path, str(key)))
    elif isinstance(node, list):
        yield from ((path, item) for item in node)


def phrases(*path: str) -> list[str]:
    """The phrases of one list: data()[a]["phrases"], or data()[a][b] for a sub-list."""
    node: Any = data()[path[0]]
    for key in path[1:]:
        node = node[key]
    if isinstance(node, dict):
        node = node["phrases"]
    return [str(p) for p in node]


@cache
def phrase_regex(phrase: str) -> str:
    """One phrase as a regular expression: `*` a word stem, `#` the figure, ` … ` up to three words, blanks any blanks."""
    body = re.escape(phrase.lower())
    body = REFERENCE.sub(lambda m: f"(?:{alternation(m.group(1))})", body)
    body = body.replace(r"\ …\ ", r"(?:\s+[\w'-]+){0,3}\s+")  # "# … each": up to three words between
    body = body.replace(r"\*", r"[\w'-]*").replace(r"\ ", r"\s+").replace(r"\#", "#")
    lead = r"(?<![\w'])" if re.match(r"\w", phrase) else ""
    tail = r"(?![\w])" if re.search(r"\w$", phrase) else ""
    return lead + body + tail


@cache
def alternation(*path: str) -> str:
    """Any phrase of a list (or a labelled sub-list: alternation("qualifiers", "up_to")), longest
    first so that "in return" wins over "in". Cached: suggest asks for the same lists per figure."""
    return "|".join(phrase_regex(p) for p in sorted(phrases(*path), key=len, reverse=True))


@cache
def pattern(*path: str) -> re.Pattern[str]:
    return re.compile(f"(?:{alternation(*path)})")


def labels(key: str) -> list[str]:
    """The labels of a list of labelled sub-lists (qualifiers, casualty words), without its note."""
    return [label for label in data()[key] if label != "note"]
