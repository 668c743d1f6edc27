"""Read curation YAML keeping line numbers, so errors can point at the line to fix."""

from __future__ import annotations

import sys
from array import array
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from .errors import BuildError


class Mapping(dict[str, Any]):
    """A YAML mapping that remembers the line it starts on and the line of each key it
    was read with (1-based)."""

    line: int = 0
    # the lines of the keys as read, in the mapping's order (keys added later have none);
    # an array of ints, not a dict: a 10,000-article build holds 170,000 of these
    key_lines: array = array("I")

    def __missing__(self, key: Any) -> None:
        # an optional field the curator left out reads as empty, as it would in the table
        return None

    def line_of(self, key: Any) -> int:
        """The line a key stands on, or the mapping's own line if the key is absent."""
        for k, line in zip(self, self.key_lines, strict=False):  # later keys have no line
            if k == key:
                return line
        return self.line


# libyaml's parser when PyYAML was built with it: ten times faster on large trees,
# with the same marks (line numbers) as the pure-Python one.
if TYPE_CHECKING:  # one base for the type checker: CSafeLoader has SafeLoader's interface
    _SafeLoaderBase = yaml.SafeLoader
else:
    _SafeLoaderBase = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeLoaderBase):
    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        # PyYAML's own constructors raise bare ValueError, IndexError, TypeError... for a value
        # they cannot read ("!!int foo", "!!bool maybe", a number of 5,000 digits): name the line.
        try:
            return super().construct_object(node, deep)
        except (ArithmeticError, AttributeError, LookupError, TypeError, ValueError) as exc:
            kind = node.tag.rsplit(":", 1)[-1]
            reason = str(exc).split(";")[0]
            line = node.start_mark.line + 1
            raise BuildError("", f"is not valid YAML: cannot read this {kind} value ({reason})", line) from None


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> Mapping:
    """Build the mapping in one pass, refusing keys YAML allows but curation cannot use.
    (A merge key, <<, stays an ordinary key, which the field checks then refuse.)"""
    mapping = Mapping()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = array("I")
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node)
        if isinstance(key, str):
            key = sys.intern(key)  # one "claim_id" for every claim, not one each
        line = key_node.start_mark.line + 1
        try:
            hash(key)
        except TypeError:  # a list, set or mapping used as a key ("? [a, b]")
            raise BuildError("", "a key must be a plain word, not a list or mapping", line) from None
        if key in mapping:
            raise BuildError("", f"key {key!r} appears twice in one mapping", line)
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines.append(line)
    return mapping


SHARED_STR_MAX = 48  # values up to this long are kept once (sys.intern)


def _construct_str(loader: _LineLoader, node: yaml.ScalarNode) -> str:
    value = loader.construct_scalar(node)
    # Short values recur across thousands of records (sides, metrics, units, ids of
    # exchanges and officials): keep one copy of each. Quotes and notes stay as read.
    return sys.intern(value) if len(value) <= SHARED_STR_MAX else value



_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:str", _construct_str)

# Dates stay strings: the Table Schemas check their form, and a YAML date object
# would hide a typo such as 2025-13-01 behind a parser error with no field name.
_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(path: Path, display: str) -> Mapping:
    """Load one curation file; any problem becomes a BuildError naming the file and line."""
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BuildError(
            display,
            f"is not UTF-8 text ({exc.reason} at byte {exc.start}); re-save it as UTF-8",
            raw[: exc.start].count(b"\n") + 1,
        ) from None
    try:
        data = yaml.load(text, Loader=_LineLoader)
    except BuildError as exc:
        raise BuildError(display, exc.message, exc.line) from None
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        what = ", ".join(part for part in (exc.context, exc.problem) if part)
        raise BuildError(display, f"is not valid YAML: {what}", line) from None
    except yaml.YAMLError as exc:
        raise BuildError(display, f"is not valid YAML: {exc}") from None
    except RecursionError:  # PyYAML composes nested collections recursively
        raise BuildError(
            display, "is nested too deeply (lists or mappings inside each other) to be curation YAML"
        ) from None
    if not isinstance(data, Mapping):
        raise BuildError(display, "must be a YAML mapping of keys to values at the top level")
    return data
