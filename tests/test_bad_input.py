"""A catalogue of bad input, each case thrown at the real command line on a copy
of the project that has already been built once.

Every case must end the same way: exit code 1, one readable message on stderr
naming the file (and `:LINE` when the problem sits on a line) and what is wrong,
no traceback, and dist/ byte-for-byte as the last good build left it.

The README's "Bad input: what the build refuses" table lists the same kinds.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from repatriations.errors import BuildError
from repatriations.pipeline import build
from repatriations.support.checkout import ROOT, copy_project

S000 = "curation/sources/000_df27459407517333.yml"
S001 = "curation/sources/001_e1900f69a6e5a511.yml"
S002 = "curation/sources/002_59c09f1d85d83db6.yml"
S003 = "curation/sources/003_a33e81c085f97841.yml"
S004 = "curation/sources/004_250a6f8b08ef7629.yml"
R003 = "raw/003_a33e81c085f97841.txt"
EXCHANGES = "curation/exchanges.yml"
OFFICIALS = "curation/officials.yml"


@dataclass(frozen=True)
class Expect:
    """Where the message must point (`file` or `file:LINE`) and words it must contain."""

    where: str
    says: str


# ---------------------------------------------------------------- editing helpers


def line_of(root: Path, rel: str, text: str) -> int:
    """The 1-based line on which `text` first starts in a file."""
    content = (root / rel).read_text(encoding="utf-8")
    return content.count("\n", 0, content.index(text)) + 1


def replace(root: Path, rel: str, old: str, new: str) -> int:
    """Replace the first `old` in a file by `new`; the line where `old` started."""
    path = root / rel
    content = path.read_text(encoding="utf-8")
    i = content.index(old)  # a ValueError here means the case no longer fits the data
    path.write_bytes((content[:i] + new + content[i + len(old) :]).encode("utf-8"))
    return content.count("\n", 0, i) + 1


def rewrite_raw(root: Path, rel: str, data: bytes) -> None:
    """Write new bytes to a raw article and record their sha256 in its curation, so
    the check under test is reached rather than the sha256 check."""
    path = root / rel
    old = hashlib.sha256(path.read_bytes()).hexdigest()
    path.write_bytes(data)
    curation = root / "curation" / "sources" / f"{path.stem}.yml"
    curation.write_text(curation.read_text(encoding="utf-8").replace(old, hashlib.sha256(data).hexdigest()), encoding="utf-8")


def claim_line(root: Path, rel: str, claim_id: str) -> int:
    return line_of(root, rel, f"- claim_id: {claim_id}\n")


# ---------------------------------------------------------------- the catalogue
# Each function breaks a copy of the project and says what the build must answer.


def malformed_yaml(root: Path) -> Expect:
    line = replace(root, S003, "    value: 1029\n", "    value: [1029\n")
    return Expect(f"{S003}:{line + 1}", "is not valid YAML")


def tab_indentation(root: Path) -> Expect:
    line = replace(root, S003, "    value: 1029\n", "\tvalue: 1029\n")
    return Expect(f"{S003}:{line}", "is not valid YAML")


def two_yaml_documents(root: Path) -> Expect:
    path = root / OFFICIALS
    path.write_text(path.read_text(encoding="utf-8") + "---\nofficials: []\n", encoding="utf-8")
    return Expect(
        f"{OFFICIALS}:{line_of(root, OFFICIALS, chr(10) + '---') + 1}",
        "is not valid YAML: expected a single document in the stream, but found another document",
    )


def unreadable_tagged_value(root: Path) -> Expect:
    line = replace(root, S003, "    value: 26\n", "    value: !!int twenty-six\n")
    return Expect(f"{S003}:{line}", "is not valid YAML: cannot read this int value")


def number_of_thousands_of_digits_in_yaml(root: Path) -> Expect:
    line = replace(root, S003, "    value: 26\n", "    value: " + "9" * 5000 + "\n")
    return Expect(f"{S003}:{line}", "is not valid YAML: cannot read this int value (Exceeds the limit (4300 digits)")


def top_level_list(root: Path) -> Expect:
    (root / OFFICIALS).write_text("- official_id: medinsky\n  name: Vladimir Medinsky\n", encoding="utf-8")
    return Expect(OFFICIALS, "must be a YAML mapping of keys to values at the top level")


def empty_curation_file(root: Path) -> Expect:
    (root / S004).write_text("# nothing here yet\n", encoding="utf-8")
    return Expect(S004, "must be a YAML mapping of keys to values at the top level")


def curation_not_utf8(root: Path) -> Expect:
    path = root / OFFICIALS
    line = line_of(root, OFFICIALS, "official_id: medinsky")
    path.write_bytes(path.read_bytes().replace(b"medinsky", "medinsk\xff".encode("latin-1"), 1))
    return Expect(f"{OFFICIALS}:{line}", "is not UTF-8 text")


def duplicated_key(root: Path) -> Expect:
    line = replace(root, S003, "    value: 1029\n", "    value: 1029\n    value: 1030\n")
    return Expect(f"{S003}:{line + 1}", "key 'value' appears twice in one mapping")


def unhashable_key(root: Path) -> Expect:
    line = replace(root, S003, "    value: 1029\n", "    ? [value]\n    : 1029\n")
    return Expect(f"{S003}:{line}", "a key must be a plain word, not a list or mapping")


def nested_too_deep(root: Path) -> Expect:
    replace(root, S003, "    notes: The outlet's", "    notes: " + "[" * 5000 + "]" * 5000 + "\n    x: The outlet's")
    return Expect(S003, "is nested too deeply")


def unknown_top_level_key(root: Path) -> Expect:
    line = replace(root, EXCHANGES, "agreements:\n", "agreement:\n")
    return Expect(f"{EXCHANGES}:{line}", "unknown top-level key 'agreement'")


def missing_officials_file(root: Path) -> Expect:
    (root / OFFICIALS).unlink()
    return Expect(OFFICIALS, "is missing")


def claims_not_a_list(root: Path) -> Expect:
    path = root / S004
    content = path.read_text(encoding="utf-8")
    path.write_text(content[: content.index("claims:")] + "claims: none yet\n", encoding="utf-8")
    return Expect(f"{S004}:{line_of(root, S004, 'claims:')}", "'claims' must be a list")


def claim_not_a_mapping(root: Path) -> Expect:
    line = replace(root, S003, "claims:\n", "claims:\n  - just a sentence\n")
    return Expect(f"{S003}:{line}", "each claim must be a mapping of keys to values")


def missing_required_field(root: Path) -> Expect:
    replace(root, S003, "    side: russia\n    metric: bodies_to_russia\n", "    metric: bodies_to_russia\n")
    return Expect(f"{S003}:{claim_line(root, S003, 's003-medinsky-26')}", "claim is missing the required field 'side'")


def missing_source_field(root: Path) -> Expect:
    replace(root, S003, "sha256: 79f263f5476e8dda9027a017c869fd761ed1b059307d2297af87842f1ff26cfb\n", "")
    return Expect(f"{S003}:{line_of(root, S003, 'source_id:')}", "source is missing the required field 'sha256'")


def unknown_field(root: Path) -> Expect:
    line = replace(root, S003, "    value: 26\n", "    value: 26\n    valeu: 26\n")
    return Expect(f"{S003}:{line + 1}", "claim has an unknown field 'valeu'")


def computed_field_written(root: Path) -> Expect:
    line = replace(root, S003, "    value: 26\n", "    value: 26\n    quote_start: 120\n")
    return Expect(f"{S003}:{line + 1}", "'quote_start', which the build computes")


def unknown_metric(root: Path) -> Expect:
    line = replace(root, S003, "metric: bodies_to_russia", "metric: bodies_to_mars")
    return Expect(f"{S003}:{line}", "claim field 'metric' is 'bodies_to_mars', which is not one of")


def unknown_qualifier(root: Path) -> Expect:
    line = replace(root, S001, "qualifier: up_to", "qualifier: as_many_as")
    return Expect(f"{S001}:{line}", "claim field 'qualifier' is 'as_many_as', which is not one of")


def unknown_side(root: Path) -> Expect:
    line = replace(root, S003, "side: russia", "side: moscow")
    return Expect(f"{S003}:{line}", "claim field 'side' is 'moscow', which is not one of: ukraine, russia")


def unknown_official_side(root: Path) -> Expect:
    line = replace(root, OFFICIALS, "side: russia", "side: kremlin")
    return Expect(f"{OFFICIALS}:{line}", "official field 'side' is 'kremlin'")


def bad_id_pattern(root: Path) -> Expect:
    line = replace(root, S003, "claim_id: s003-medinsky-26", "claim_id: S003 Medinsky 26")
    return Expect(f"{S003}:{line}", "claim field 'claim_id' is 'S003 Medinsky 26', which does not match the pattern")


def duplicate_claim_id(root: Path) -> Expect:
    line = replace(root, S003, "claim_id: s003-medinsky-26", "claim_id: s003-medinsky-1003")
    return Expect(f"{S003}:{line}", "claim_id 's003-medinsky-1003' is used twice")


def duplicate_claim_id_across_files(root: Path) -> Expect:
    line = replace(root, S003, "claim_id: s003-medinsky-26", "claim_id: s001-kyiv-1200")
    return Expect(f"{S003}:{line}", "claim_id 's001-kyiv-1200' is used twice (also in")


def duplicate_exchange_id(root: Path) -> Expect:
    line = replace(root, EXCHANGES, "exchange_id: ex-2025-06-1212", "exchange_id: ex-2025-06-sunday-1200")
    return Expect(f"{EXCHANGES}:{line}", "exchange_id 'ex-2025-06-sunday-1200' is used twice")


def duplicate_official_id(root: Path) -> Expect:
    line = replace(root, OFFICIALS, "official_id: umerov", "official_id: medinsky")
    return Expect(f"{OFFICIALS}:{line}", "official_id 'medinsky' is used twice")


def duplicate_source_id(root: Path) -> Expect:
    line = replace(root, S004, "source_id: s004-", "source_id: s003-1029-combatants\nold_id: s004-")
    replace(root, S004, "old_id: ", "# was: ")
    return Expect(f"{S004}:{line}", "source_id 's003-1029-combatants' is used twice")


def duplicate_name(root: Path) -> Expect:
    line = replace(root, S003, "    title: agency\n", "    title: agency\n  - official_id: medinsky\n    as_written: Medinsky\n")
    return Expect(f"{S003}:{line + 1}", "name 'Medinsky' is listed twice for official medinsky (also at line")


def two_files_curate_one_article(root: Path) -> Expect:
    shutil.copy(root / S003, root / "curation" / "sources" / "003_copy.yml")
    rel = "curation/sources/003_copy.yml"
    return Expect(f"{rel}:{line_of(root, rel, 'raw: ')}", f"which {S003} already curates")


def missing_exchange(root: Path) -> Expect:
    line = replace(root, S003, "exchange_id: ex-2025-late-1003-for-26", "exchange_id: ex-2025-late-1003")
    return Expect(f"{S003}:{line}", "points at exchange_id 'ex-2025-late-1003', which is not in curation/exchanges.yml")


def missing_official(root: Path) -> Expect:
    line = replace(root, S003, "    official_id: medinsky\n    attributed_to", "    official_id: medinskiy\n    attributed_to")
    return Expect(f"{S003}:{line}", "points at official_id 'medinskiy', which is not in curation/officials.yml")


def missing_agreement(root: Path) -> Expect:
    line = replace(root, S003, "    agreement_id: istanbul-2025-06\n", "    agreement_id: istanbul-2025\n")
    return Expect(f"{S003}:{line}", "points at agreement_id 'istanbul-2025', which is not in the agreements")


def exchange_missing_agreement(root: Path) -> Expect:
    line = replace(root, EXCHANGES, "    agreement_id: istanbul-2025-06\n", "    agreement_id: ankara-2025\n")
    return Expect(f"{EXCHANGES}:{line}", "points at agreement_id 'ankara-2025', which is not in the agreements list")


def name_missing_official(root: Path) -> Expect:
    line = replace(root, S003, "  - official_id: ukraine-coordination-hq\n", "  - official_id: ukraine-hq\n")
    return Expect(f"{S003}:{line}", "name points at official_id 'ukraine-hq', which is not in curation/officials.yml")


def claim_names_its_source(root: Path) -> Expect:
    line = replace(root, S003, "    value: 26\n", "    value: 26\n    source_id: s009-no-such-source\n")
    return Expect(f"{S003}:{line + 1}", "'source_id', which the build computes")


def quote_not_in_article(root: Path) -> Expect:
    line = replace(root, S003, "1,003 Ukrainian soldiers", "1,004 Ukrainian soldiers")
    return Expect(f"{S003}:{line}", "quote of claim s003-medinsky-1003 is not in the article, character for character")


def quote_with_straight_apostrophe(root: Path) -> Expect:
    line = replace(root, S003, 'quote: "Ukraine’s headquarters', "quote: \"Ukraine's headquarters")
    return Expect(f"{S003}:{line}", "quote of claim s003-hq-1003 is not in the article")


def quote_twice_without_occurrence(root: Path) -> Expect:
    line = replace(
        root,
        S003,
        'quote: "Ukraine’s headquarters for the treatment of prisoners of war confirmed the receipt of the 1,003 bodies."',
        'quote: "1,003"',
    )
    return Expect(f"{S003}:{line}", "quote of claim s003-hq-1003 appears 2 times in the article; say which with `occurrence: N`")


def occurrence_out_of_range(root: Path) -> Expect:
    line = replace(root, S003, '    quote: "while receiving', '    occurrence: 2\n    quote: "while receiving')
    return Expect(f"{S003}:{line + 1}", "appears 1 time(s), so `occurrence: 2` does not exist")


def quote_in_boilerplate(root: Path) -> Expect:
    old = 'quote: "As of Sunday, Ukrainian authorities had not confirmed whether any Russian remains had been returned in kind."'
    line = replace(root, S001, old, 'quote: "Russia ready for next round of Ukraine peace negotiations"')
    return Expect(f"{S001}:{line}", "falls in text removed as boilerplate (also_read)")


def value_not_in_quote(root: Path) -> Expect:
    line = replace(root, S003, "    value: 26\n", "    value: 28\n")
    return Expect(f"{S003}:{line}", "claim s003-medinsky-26: value 28 is not written in its quote (numbers there: 26)")


def negative_count(root: Path) -> Expect:
    line = replace(root, S003, "    value: 26\n", "    value: -26\n")
    return Expect(f"{S003}:{line}", "claim field 'value' is -26, below the minimum of 0")


def fractional_count(root: Path) -> Expect:
    line = replace(root, S003, "    value: 26\n", "    value: 12.5\n")
    return Expect(f"{S003}:{line}", "claim field 'value' must be a whole number")


def count_as_text_with_comma(root: Path) -> Expect:
    line = replace(root, S003, "    value: 1003\n", '    value: "1,003"\n')
    return Expect(f"{S003}:{line}", "claim field 'value' must be a whole number (write digits only")


def count_too_large(root: Path) -> Expect:
    line = replace(root, S003, "    value: 26\n", "    value: 26000000000000000000000\n")
    return Expect(f"{S003}:{line}", "claim field 'value' is too large: the most the database can hold is")


def value_high_below_value(root: Path) -> Expect:
    line = replace(root, S001, "    value_high: 300000\n", "    value_high: 150\n")
    return Expect(f"{S001}:{line}", "value_high 150 is below value 150,000")


def value_high_without_range(root: Path) -> Expect:
    line = replace(root, S003, "    value: 26\n", "    value: 26\n    value_high: 30\n")
    return Expect(f"{S003}:{line + 1}", "value_high goes with qualifier range, and only with it")


def figure_without_value(root: Path) -> Expect:
    replace(root, S003, "    value: 26\n", "")
    return Expect(f"{S003}:{claim_line(root, S003, 's003-medinsky-26')}", "has metric bodies_to_russia but no value")


def statement_with_value(root: Path) -> Expect:
    replace(root, S003, "    metric: statement\n", "    metric: statement\n    value: 6\n")
    return Expect(f"{S003}:{claim_line(root, S003, 's003-istanbul-june')}", "is a statement: it takes no value")


def date_month_thirteen(root: Path) -> Expect:
    line = replace(root, S000, "    date_earliest: 2024-02-01", "    date_earliest: 2024-13-01")
    return Expect(f"{S000}:{line}", "exchange_dates entry field 'date_earliest' is not a real calendar date")


def date_as_a_word(root: Path) -> Expect:
    line = replace(root, S003, "published_earliest: 2025-11-01", "published_earliest: November")
    return Expect(f"{S003}:{line}", "source field 'published_earliest' must be a date written YYYY-MM-DD")


def date_without_zero_padding(root: Path) -> Expect:
    line = replace(root, S003, "period_start: 2022-02-01", "period_start: 2022-2-1")
    return Expect(f"{S003}:{line}", "claim field 'period_start' must be a date written YYYY-MM-DD")


def window_start_after_end(root: Path) -> Expect:
    line = replace(root, S002, "    date_earliest: 2026-01-01", "    date_earliest: 2026-03-01")
    return Expect(f"{S002}:{line}", "date_earliest 2026-03-01 is after date_latest 2026-02-28")


def publication_window_reversed(root: Path) -> Expect:
    line = replace(root, S003, "published_earliest: 2025-11-01", "published_earliest: 2026-01-01")
    return Expect(f"{S003}:{line}", "published_earliest 2026-01-01 is after published_latest 2025-12-31")


def claim_period_reversed(root: Path) -> Expect:
    line = replace(root, S003, "period_start: 2022-02-01", "period_start: 2025-12-01")
    return Expect(f"{S003}:{line}", "period_start 2025-12-01 is after period_end 2025-11-30")


def date_outside_window(root: Path) -> Expect:
    line = replace(root, S003, "published_earliest: 2025-11-01\n", "published_date: 2025-06-01\npublished_earliest: 2025-11-01\n")
    return Expect(f"{S003}:{line}", "published_date 2025-06-01 is outside its window")


def date_and_window_in_one_dating(root: Path) -> Expect:
    line = replace(root, S002, "    date_earliest: 2026-01-01\n", "    date: 2026-01-15\n    date_earliest: 2026-01-01\n")
    return Expect(f"{S002}:{line}", "write date for one day, or date_earliest/date_latest, not both")


def exchange_dated_in_exchanges_file(root: Path) -> Expect:
    line = replace(root, EXCHANGES, "    label: 1,000 bodies to Ukraine, 19 to Russia\n",
                   "    label: 1,000 bodies to Ukraine, 19 to Russia\n    date_earliest: 2025-08-19\n")
    return Expect(f"{EXCHANGES}:{line + 1}", "exchange has the field 'date_earliest', which the build computes; an exchange's dates are derived")


def dating_quote_not_in_article(root: Path) -> Expect:
    replace(root, S003, 'quote: "The exchange was confirmed on Friday"', 'quote: "The exchange was confirmed on Thursday"')
    line = line_of(root, S003, 'quote: "The exchange was confirmed on Thursday"')
    return Expect(f"{S003}:{line}", "the quote of the exchange_dates entry for ex-2025-late-1003-for-26 is not in the article")


def dating_passages_out_of_order(root: Path) -> Expect:
    old = 'quote: "the full-scale invasion began in February 2022 … now well into its third year"\n    basis'
    line = replace(root, S000, old, 'quote: "now well into its third year … the full-scale invasion began in February 2022"\n    basis')
    return Expect(f"{S000}:{line}", "must come in the article's order")


def relative_dating_without_time_words(root: Path) -> Expect:
    replace(root, S003, 'quote: "The exchange was confirmed on Friday"', 'quote: "The exchange was confirmed"')
    line = line_of(root, S003, 'quote: "The exchange was confirmed"')
    return Expect(f"{S003}:{line}", "has reading relative, but its quote holds no time phrase the build reads")


def relative_dating_disagrees_with_window(root: Path) -> Expect:
    replace(root, S002, "    reading: relative\n", "    reading: relative\n    date_earliest: 2025-10-01\n    date_latest: 2025-10-31\n")
    line = line_of(root, S002, 'quote: "The last swap took place in November')
    return Expect(f"{S002}:{line}", "the quote gives in November 2025 (2025-11-01 to 2025-11-30), but the window written is in October 2025")


def stated_dating_without_a_date(root: Path) -> Expect:
    replace(root, S004, "    reading: event\n", "    reading: stated\n")
    line = line_of(root, S004, 'quote: "recent peace talks held in Turkey last week')
    return Expect(f"{S004}:{line}", "has reading stated, but its quote writes no date with its year")


def dating_weekday_not_in_quote(root: Path) -> Expect:
    line = replace(root, S001, "    weekday: Sunday\n", "    weekday: Saturday\n")
    return Expect(f"{S001}:{line}", "weekday Saturday must be written in its quote")


def dating_an_exchange_the_source_does_not_report(root: Path) -> Expect:
    line = replace(root, S003, "  - exchange_id: ex-2025-late-1003-for-26\n    reading: relative",
                   "  - exchange_id: ex-2025-11-1000-for-30\n    reading: relative")
    return Expect(f"{S003}:{line}", "this source has no claim about that exchange")


def dating_an_unknown_exchange(root: Path) -> Expect:
    line = replace(root, S003, "  - exchange_id: ex-2025-late-1003-for-26\n    reading: relative",
                   "  - exchange_id: ex-2025-late-1003-for-62\n    reading: relative")
    return Expect(f"{S003}:{line}", "exchange_dates entry points at exchange_id 'ex-2025-late-1003-for-62', which is not in curation/exchanges.yml")


def dating_with_draft_note(root: Path) -> Expect:
    line = replace(root, S003, "    basis: >-\n      A Friday on or before", "    basis: >-\n      DRAFT: A Friday on or before")
    return Expect(f"{S003}:{line}", "exchange_dates entry for ex-2025-late-1003-for-26 still has suggest's DRAFT note")


def dating_without_a_window(root: Path) -> Expect:
    replace(root, S004, "    date_earliest: 2025-06-01\n    date_latest: 2025-07-07\n", "")
    line = line_of(root, S004, "  - exchange_id: ex-2025-06-1212\n    reading: event")
    return Expect(f"{S004}:{line}", "has reading event: write the window it gives")


def unreviewed_draft(root: Path) -> Expect:
    line = replace(root, S003, "reviewed: true", "reviewed: false")
    return Expect(f"{S003}:{line}", "is an unreviewed draft")


def reviewed_not_boolean(root: Path) -> Expect:
    line = replace(root, S003, "reviewed: true", "reviewed: not yet")
    return Expect(f"{S003}:{line}", "source field 'reviewed' must be true or false")


def title_not_in_article(root: Path) -> Expect:
    line = replace(root, S000, 'title: "Russia Returns 1,000', 'title: "Russia returns 1,000')
    return Expect(f"{S000}:{line}", "title 'Russia returns 1,000")


def name_not_in_article(root: Path) -> Expect:
    line = replace(root, S003, "    as_written: Medinsky\n", "    as_written: Medinski\n")
    return Expect(f"{S003}:{line - 1}", "name 'Medinski' is not in the article")


def name_only_in_boilerplate(root: Path) -> Expect:
    line = replace(root, S001, "names:\n", "names:\n  - official_id: medinsky\n    as_written: Putin\n")
    return Expect(f"{S001}:{line + 1}", "name 'Putin' only appears in text removed as boilerplate")


def raw_empty(root: Path) -> Expect:
    rewrite_raw(root, R003, b"")
    return Expect(R003, "is empty")


def raw_not_utf8(root: Path) -> Expect:
    data = (root / R003).read_bytes()
    rewrite_raw(root, R003, data.replace("Kremlin’s".encode(), "Kremlin\x92s".encode("latin-1"), 1))
    return Expect(f"{R003}:1", "is not UTF-8 (byte 0x92")


def raw_with_bom(root: Path) -> Expect:
    rewrite_raw(root, R003, b"\xef\xbb\xbf" + (root / R003).read_bytes())
    return Expect(R003, "starts with a UTF-8 byte-order mark")


def raw_with_crlf(root: Path) -> Expect:
    rewrite_raw(root, R003, (root / R003).read_bytes().replace(b"\n", b"\r\n"))
    return Expect(f"{R003}:1", "has Windows (CRLF) or old Mac (CR) line ends")


def raw_with_nul(root: Path) -> Expect:
    data = (root / R003).read_bytes()
    rewrite_raw(root, R003, data.replace(b"\nThe operation", b"\n\x00The operation", 1))
    return Expect(f"{R003}:2", "contains a NUL character")


def raw_too_large(root: Path) -> Expect:
    data = (root / R003).read_bytes()
    rewrite_raw(root, R003, data + b"padding line\n" * (2_000_001 // 13 + 1))
    return Expect(R003, "articles over 2,000,000 bytes are refused")


def raw_with_absurdly_long_number(root: Path) -> Expect:
    data = (root / R003).read_bytes()
    line = data.count(b"\n") + 1
    rewrite_raw(root, R003, data + b"Serial number " + b"9" * 5000 + b".\n")
    return Expect(f"{R003}:{line}", "has a number 5,000 digits long; numbers over 100 digits are refused")


def number_not_accounted_for(root: Path) -> Expect:
    data = (root / R003).read_bytes()
    line = data.count(b"\n") + 1
    rewrite_raw(root, R003, data + b"Another 77 bodies were found.\n")
    return Expect(
        f"{R003}:{line}",
        f"the number '77' is not accounted for: add a claim whose quote contains it and whose value it is, or list it under not_claims in {S003}",
    )


def raw_changed_after_curation(root: Path) -> Expect:
    path = root / R003
    path.write_bytes(path.read_bytes().replace(b"1,029 combatants", b"1,030 combatants"))
    return Expect(R003, f"has changed since it was curated (sha256 {hashlib.sha256(path.read_bytes()).hexdigest()[:12]}")


def raw_without_curation(root: Path) -> Expect:
    (root / "raw" / "005_new_article.txt").write_text("Ukraine received 500 bodies on Monday.\n", encoding="utf-8")
    return Expect("raw/005_new_article.txt", "has no curation yet. Run `python build.py suggest raw/005_new_article.txt`")


def curation_without_raw(root: Path) -> Expect:
    (root / R003).unlink()
    return Expect(f"{S003}:{line_of(root, S003, 'raw: ')}", "curates raw/003_a33e81c085f97841.txt, which does not exist")


def raw_path_with_folder(root: Path) -> Expect:
    line = replace(root, S003, "raw: 003_", "raw: raw/003_")
    return Expect(f"{S003}:{line}", "raw: 'raw/003_a33e81c085f97841.txt' must be the article's file name alone")


def non_txt_in_raw(root: Path) -> Expect:
    (root / "raw" / "notes.md").write_text("to do\n", encoding="utf-8")
    return Expect("raw/notes.md", "raw/ holds only .txt article files")


def raw_folder_missing(root: Path) -> Expect:
    shutil.rmtree(root / "raw")
    return Expect("raw", "is missing: articles go in raw/ as .txt files")


CASES: dict[str, Callable[[Path], Expect]] = {
    f.__name__.replace("_", "-"): f
    for f in [
        malformed_yaml,
        tab_indentation,
        two_yaml_documents,
        unreadable_tagged_value,
        number_of_thousands_of_digits_in_yaml,
        top_level_list,
        empty_curation_file,
        curation_not_utf8,
        duplicated_key,
        unhashable_key,
        nested_too_deep,
        unknown_top_level_key,
        missing_officials_file,
        claims_not_a_list,
        claim_not_a_mapping,
        missing_required_field,
        missing_source_field,
        unknown_field,
        computed_field_written,
        unknown_metric,
        unknown_qualifier,
        unknown_side,
        unknown_official_side,
        bad_id_pattern,
        duplicate_claim_id,
        duplicate_claim_id_across_files,
        duplicate_exchange_id,
        duplicate_official_id,
        duplicate_source_id,
        duplicate_name,
        two_files_curate_one_article,
        missing_exchange,
        missing_official,
        missing_agreement,
        exchange_missing_agreement,
        name_missing_official,
        claim_names_its_source,
        quote_not_in_article,
        quote_with_straight_apostrophe,
        quote_twice_without_occurrence,
        occurrence_out_of_range,
        quote_in_boilerplate,
        value_not_in_quote,
        negative_count,
        fractional_count,
        count_as_text_with_comma,
        count_too_large,
        value_high_below_value,
        value_high_without_range,
        figure_without_value,
        statement_with_value,
        date_month_thirteen,
        date_as_a_word,
        date_without_zero_padding,
        window_start_after_end,
        publication_window_reversed,
        claim_period_reversed,
        date_outside_window,
        date_and_window_in_one_dating,
        exchange_dated_in_exchanges_file,
        dating_quote_not_in_article,
        dating_passages_out_of_order,
        relative_dating_without_time_words,
        relative_dating_disagrees_with_window,
        stated_dating_without_a_date,
        dating_weekday_not_in_quote,
        dating_an_exchange_the_source_does_not_report,
        dating_an_unknown_exchange,
        dating_with_draft_note,
        dating_without_a_window,
        unreviewed_draft,
        reviewed_not_boolean,
        title_not_in_article,
        name_not_in_article,
        name_only_in_boilerplate,
        raw_empty,
        raw_not_utf8,
        raw_with_bom,
        raw_with_crlf,
        raw_with_nul,
        raw_too_large,
        raw_with_absurdly_long_number,
        number_not_accounted_for,
        raw_changed_after_curation,
        raw_without_curation,
        curation_without_raw,
        raw_path_with_folder,
        non_txt_in_raw,
        raw_folder_missing,
    ]
}


# ---------------------------------------------------------------- running the cases


def snapshot(dist: Path) -> dict[str, bytes]:
    """Every file under dist/, by relative path."""
    return {p.relative_to(dist).as_posix(): p.read_bytes() for p in sorted(dist.rglob("*")) if p.is_file()}


def run_cli(root: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "build.py", "--root", str(root), *options],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=os.environ | {"PYTHONIOENCODING": "utf-8"},
        timeout=120,
    )


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    """A copy of the project built once, successfully, through the command line."""
    root = copy_project(tmp_path_factory.mktemp("baseline"))
    result = run_cli(root)
    assert result.returncode == 0, result.stderr
    dist = snapshot(root / "dist")
    assert "repatriations.db" in dist and "package/claims.csv" in dist
    return root, dist


@dataclass
class Run:
    root: Path
    expect: Expect
    result: subprocess.CompletedProcess[str]


def break_and_run(kind: str, built_root: Path, root: Path) -> Run:
    shutil.copytree(built_root, root)
    expect = CASES[kind](root)
    return Run(root, expect, run_cli(root))


@pytest.fixture(scope="module")
def runs(baseline: tuple[Path, dict[str, bytes]], tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest):
    """The command-line run of every selected case, started together on all CPUs; each test waits for its own."""
    built_root, _ = baseline
    selected = [
        item.callspec.params["kind"]
        for item in request.session.items
        if item.path == request.path and "kind" in getattr(getattr(item, "callspec", None), "params", {})
    ]
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 1)) as pool:
        futures: dict[str, Future[Run]] = {
            kind: pool.submit(break_and_run, kind, built_root, tmp_path_factory.mktemp(kind) / "project") for kind in selected
        }
        yield futures


@pytest.mark.parametrize("kind", list(CASES))
def test_bad_input_is_refused_readably_and_dist_is_untouched(
    kind: str, baseline: tuple[Path, dict[str, bytes]], runs: dict[str, Future[Run]]
) -> None:
    _, dist_before = baseline
    run = runs[kind].result()
    root, expect, result = run.root, run.expect, run.result

    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    header, _, message = result.stderr.partition("\n")
    assert header == "Build failed, dist/ left as it was."
    message = message.rstrip("\n")
    assert "\n" not in message, f"one line expected:\n{message}"
    assert message.startswith(f"{expect.where}: "), message
    assert expect.says in message, message
    assert snapshot(root / "dist") == dist_before
    assert not list(root.glob(".build-*")), "the staging folder was left behind"

    # The same input through the Python API raises the same BuildError (not any other exception).
    with pytest.raises(BuildError) as raised:
        build(root, quiet=True)
    assert str(raised.value) == message
    assert snapshot(root / "dist") == dist_before


def test_the_catalogue_has_at_least_25_kinds_with_readable_ids() -> None:
    assert len(CASES) >= 25
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", kind) for kind in CASES)


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
    kind: str, baseline: tuple[Path, dict[str, bytes]], runs: dict[str, Future[Run]]
) -> None:
    """`--jobs 2` reads and checks the files in two worker processes: the message is the
    one-process build's, byte for byte, and dist/ is still untouched."""
    _, dist_before = baseline
    run = runs[kind].result()
    assert run.result.returncode == 1
    parallel = run_cli(run.root, "--jobs", "2")
    assert parallel.returncode == 1
    assert parallel.stderr == run.result.stderr
    assert snapshot(run.root / "dist") == dist_before


def test_the_first_problem_is_the_same_with_workers_when_there_are_several(tmp_path: Path) -> None:
    """Several files wrong at once, at different stages: a worker may meet a later one
    first, yet the build reports the problem a one-process build meets first."""
    root = copy_project(tmp_path / "project")
    raw = root / "raw" / "000_df27459407517333.txt"
    raw.write_bytes(raw.read_bytes() + b"\n")  # an article check (its sha256), in the first file
    line = replace(root, S003, "    value: 1029\n", "    value: [1029\n")  # a YAML error, in a later file
    replace(root, S004, "quote: \"", "quote: \"not in the article ")  # an article check, in the last file
    one, two = run_cli(root, "--jobs", "1"), run_cli(root, "--jobs", "2")
    assert one.returncode == two.returncode == 1
    assert f"{S003}:{line + 1}: is not valid YAML" in one.stderr
    assert two.stderr == one.stderr
