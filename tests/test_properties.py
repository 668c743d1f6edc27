"""Property-based tests: whatever a curator or an outlet hands the build, the loader,
the decoder, the normaliser and the number finder either work or raise BuildError
with a message, never another exception; and normalisation never rewrites text."""

from __future__ import annotations

import hashlib
import itertools
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from repatriations.curation import check_record, curated_spec, load_source
from repatriations.errors import BuildError
from repatriations.normalise import LONG_NUMBER, Normalised, decode_raw, normalise
from repatriations.numbers import numbers_in, values_written
from repatriations.project import Project
from repatriations.yamlfile import Mapping, load_yaml

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
_counter = itertools.count()

# ---------------------------------------------------------------- strategies

CLAIM_KEYS = list(curated_spec("claims"))
SOURCE_KEYS = list(curated_spec("sources"))
VOCABULARY = ["exact", "range", "ukraine", "russia", "media", "statement", "bodies_to_ukraine", "2025-06-01", "2025-13-01"]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.sampled_from(VOCABULARY),
)
keys = st.one_of(st.sampled_from(CLAIM_KEYS + SOURCE_KEYS), st.text(min_size=1, max_size=12))
nested = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=5)),
    max_leaves=20,
)
claim_like = st.dictionaries(keys, nested, max_size=12)

# Lines a news page is made of, furniture included, so that every rule gets exercised.
LINES = [
    "Also read: Russia ready for talks: Putin\n",
    "By Jane Smith\n",
    "about 2 hours ago\n",
    "1,234 views\n",
    "5 comments\n",
    "✍️ This article is written by the team of The News.\n",
    "Ukraine got 1,000 bodies\n",
    "Ukraine got 1,000 bodies\n",
    "\n",
    "  \n",
]
# Pieces of YAML syntax, so that random documents reach the parser's corners: complex
# keys, anchors, tags, flow collections, several documents.
YAML_TOKENS = [
    "? ",
    "[",
    "]",
    "{",
    "}",
    ": ",
    "- ",
    ", ",
    "\n",
    "  ",
    "\t",
    "a",
    "b",
    "&x ",
    "*x",
    "!!set ",
    "!!binary ",
    "!!int ",
    "!!bool ",
    "!!float ",
    "!!timestamp ",
    "!!map ",
    "!!omap ",
    "<<",
    "'",
    '"',
    "# c",
    "---",
    "...",
    "1",
    "-2",
    ".nan",
    "2025-13-01",
    "~",
    "|",
    ">",
]
yaml_texts = st.lists(st.sampled_from(YAML_TOKENS), max_size=30).map("".join)
article_texts = st.lists(st.one_of(st.sampled_from(LINES), st.text(max_size=40)), max_size=15).map("".join)


def dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    root = tmp_path_factory.mktemp("properties")
    (root / "curation" / "sources").mkdir(parents=True)
    return Project(root)


def write(project: Project, content: str | bytes) -> Path:
    path = project.sources_dir / f"case-{next(_counter)}.yml"
    path.write_bytes(content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content)
    return path


def assert_readable(exc: BuildError) -> None:
    assert exc.message.strip(), "a BuildError needs a message"
    assert exc.path


# ---------------------------------------------------------------- the loader


@SETTINGS
@given(data=nested)
def test_load_yaml_of_any_structure_is_a_mapping_or_a_build_error(project: Project, data: Any) -> None:
    path = write(project, dump(data))
    try:
        loaded = load_yaml(path, "x.yml")
    except BuildError as exc:
        assert_readable(exc)
    else:
        assert isinstance(loaded, Mapping) and isinstance(data, dict)


@SETTINGS
@given(content=st.one_of(yaml_texts, st.text(max_size=200), st.binary(max_size=200)))
def test_load_yaml_of_any_text_or_bytes_is_a_mapping_or_a_build_error(project: Project, content: str | bytes) -> None:
    path = write(project, content)
    try:
        loaded = load_yaml(path, "x.yml")
    except BuildError as exc:
        assert_readable(exc)
    else:
        assert isinstance(loaded, Mapping)


@SETTINGS
@given(claim=claim_like)
def test_check_record_of_any_claim_mapping_passes_or_raises_build_error(project: Project, claim: dict) -> None:
    path = write(project, dump({"claims": [claim]}))
    try:
        record = load_yaml(path, "x.yml")["claims"][0]
        checked = check_record(record, curated_spec("claims"), "x.yml", "claim", 1)
    except BuildError as exc:
        assert_readable(exc)
        assert exc.line is None or exc.line >= 1
    else:
        assert set(checked) >= {k for k, f in curated_spec("claims").items() if f.get("constraints", {}).get("required")}


VALID_SOURCE = {
    "source_id": "s009-test",
    "raw": "009_test.txt",
    "sha256": hashlib.sha256(b"x").hexdigest(),
    "reviewed": True,
    "publisher_basis": "none",
    "published_basis": "none",
}


@SETTINGS
@given(claims=st.lists(claim_like, max_size=3), extra=st.dictionaries(keys, nested, max_size=3))
def test_load_source_with_random_claims_and_fields_passes_or_raises_build_error(
    project: Project, claims: list[dict], extra: dict
) -> None:
    path = write(project, dump(VALID_SOURCE | extra | {"claims": claims}))
    try:
        source = load_source(path, project)
    except BuildError as exc:
        assert_readable(exc)
        assert exc.path == project.display(path)
    else:
        assert len(source.claims) == len(claims)


# ---------------------------------------------------------------- decoding and normalising


def assert_normalisation_keeps_text(raw: str, norm: Normalised) -> None:
    kept = 0
    expected_start = 0
    for text_start, raw_start, length in norm.segments:
        assert text_start == expected_start
        assert norm.text[text_start : text_start + length] == raw[raw_start : raw_start + length]
        expected_start += length
        kept += length
    assert kept == len(norm.text)
    for removal in norm.removals:
        assert raw[removal.raw_start : removal.raw_end] == removal.text
    assert kept + sum(len(r.text) for r in norm.removals) == len(raw)  # every character kept or removed, once
    for i, char in enumerate(norm.text):
        assert raw[norm.raw_offset(i)] == char


@SETTINGS
@given(data=st.binary(max_size=300))
def test_decode_raw_of_any_bytes_is_text_or_a_build_error(data: bytes) -> None:
    try:
        text = decode_raw(data, "raw/x.txt")
    except BuildError as exc:
        assert_readable(exc)
        assert exc.path == "raw/x.txt"
    else:
        assert text.encode("utf-8") == data
        assert_normalisation_keeps_text(text, normalise(text))


@SETTINGS
@given(text=article_texts)
def test_decode_raw_of_any_article_text_then_normalise(text: str) -> None:
    try:
        decoded = decode_raw(text.encode("utf-8", "surrogatepass"), "raw/x.txt")
    except BuildError as exc:
        assert_readable(exc)
    else:
        assert decoded == text
        assert_normalisation_keeps_text(decoded, normalise(decoded))


@SETTINGS
@given(text=article_texts)
def test_normalise_never_changes_kept_text_and_maps_every_character_back(text: str) -> None:
    assert_normalisation_keeps_text(text, normalise(text))


@SETTINGS
@given(text=article_texts)
def test_normalise_is_idempotent_on_its_own_output(text: str) -> None:
    once = normalise(text).text
    assert normalise(once).text == once


# ---------------------------------------------------------------- numbers

number_texts = st.lists(
    st.one_of(
        st.text(max_size=20),
        st.sampled_from(["1,003", "twelve thousand", "five", "21st", "ninth", "3.5", "1,2,3", "one of the", " ", "\n"]),
        st.sampled_from(["a", "and", "hundred", "thousand", "million", "billion", "zero", "first", "half", "-", ",", "."]),
        st.integers(min_value=0, max_value=10**12).map(str),
    ),
    max_size=10,
).map(" ".join)


@SETTINGS
@given(text=number_texts)
@example(text="9" * 5000)
@example(text="1" + ",000" * 1500)
def test_numbers_in_any_text_lie_within_it(text: str) -> None:
    if LONG_NUMBER.search(text):  # the build refuses such an article before it reads any number
        with pytest.raises(BuildError, match="digits long"):
            decode_raw(text.encode("utf-8", "surrogatepass"), "raw/x.txt")
        return
    found = numbers_in(text)
    assert [n.start for n in found] == sorted(n.start for n in found)
    for n in found:
        assert 0 <= n.start < n.end <= len(text)
        assert text[n.start : n.end] == n.as_written
        assert n.kind in {"digits", "words"}


@SETTINGS
@given(n=st.integers(min_value=0, max_value=10**400))
@example(n=10**400)
@example(n=12_345_678_901_234_567)
def test_values_written_reads_any_digit_run_exactly(n: int) -> None:
    assert values_written(str(n)) == {n}
