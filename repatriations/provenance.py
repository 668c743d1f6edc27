"""Stage 3: prove the curation against the raw bytes.

Every raw article has reviewed curation and vice versa; the bytes still match
the recorded sha256; every quote, name, title and byline is in the article; each
quote sits in text that normalisation kept, and each claimed figure is written
in its quote. References between curated records must resolve."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import dating
from .curation import Curation, SourceCuration, load_source
from .errors import BuildError
from .normalise import Normalised, decode_raw, normalise
from .numbers import Number, numbers_in, values_written
from .project import Project
from .yamlfile import Mapping


@dataclass
class CheckedSource:
    curation: SourceCuration
    raw_path: str
    sha256: str
    normalised: Normalised
    # claim_id -> (start, end) in the decoded raw text
    spans: dict[str, tuple[int, int]]
    # every number of the normalised text, read once, with its start in the raw text
    numbers: list[tuple[int, Number]]
    # the source's datings of exchanges, as rows of exchange_dates
    datings: list[dict] = field(default_factory=list)
    # where published_quote sits in the raw text
    published_span: tuple[int, int] | None = None
    # the article's passages for finding near duplicates (derive.source_passages), made when first needed
    passages: list | None = None

    @property
    def source_id(self) -> str:
        return self.curation.source_id


def raw_files(project: Project) -> list:
    if not project.raw_dir.is_dir():
        raise BuildError(project.display(project.raw_dir), "is missing: articles go in raw/ as .txt files")
    files = []
    for path in sorted(project.raw_dir.iterdir()):
        if path.name.startswith("."):
            continue
        if path.suffix != ".txt" or not path.is_file():
            raise BuildError(project.display(path), "raw/ holds only .txt article files")
        files.append(path)
    return files


def pair_sources(project: Project, curation: Curation) -> list[tuple]:
    """Match each raw article with its curation file, refusing strays and drafts."""
    by_raw: dict[str, SourceCuration] = {}
    for sc in curation.sources:
        raw_name = sc.data["raw"]
        if "/" in raw_name or "\\" in raw_name:
            raise BuildError(
                sc.display,
                f"raw: {raw_name!r} must be the article's file name alone (as in raw/), without a folder",
                sc.data.line_of("raw"),
            )
        if raw_name in by_raw:
            raise BuildError(
                sc.display,
                f"curates raw/{raw_name}, which {by_raw[raw_name].display} already curates",
                sc.data.line_of("raw"),
            )
        by_raw[raw_name] = sc
    pairs = []
    for path in raw_files(project):
        if path.name not in by_raw:
            raise BuildError(
                project.display(path),
                f"has no curation yet. Run `python build.py suggest {project.display(path)}`, review the draft it "
                "writes under curation/sources/, set `reviewed: true`, then build again",
            )
        sc = by_raw.pop(path.name)
        if not sc.data["reviewed"]:
            raise BuildError(
                sc.display,
                "is an unreviewed draft: check every claim, quote and number against the article, "
                "fix what is wrong, then set `reviewed: true`",
                sc.data.line_of("reviewed"),
            )
        refuse_leftover_draft_markers(sc)
        pairs.append((path, sc))
    for raw_name, sc in by_raw.items():
        raise BuildError(sc.display, f"curates raw/{raw_name}, which does not exist", sc.data.line_of("raw"))
    return pairs


def refuse_leftover_draft_markers(sc: SourceCuration) -> None:
    """A file marked reviewed must not still carry suggest's DRAFT notes, UNPLACED reasons or proposals."""
    for key, home in (("proposed_officials", "curation/officials.yml"), ("proposed_exchanges", "curation/exchanges.yml")):
        if sc.data.get(key):
            raise BuildError(
                sc.display,
                f"still has suggest's {key}: move the entries you accept to {home}, then delete the list",
                sc.data.line_of(key),
            )
    for entry in sc.datings:
        if (entry["basis"] or "").startswith("DRAFT:"):
            raise BuildError(
                sc.display,
                f"exchange_dates entry for {entry['exchange_id']} still has suggest's DRAFT note: "
                "check the window against the article and replace the note",
                entry.line_of("basis"),
            )
    if (sc.data.get("published_basis") or "").startswith("DRAFT:"):
        raise BuildError(
            sc.display,
            "published_basis still has suggest's DRAFT note: check the date and replace the note",
            sc.data.line_of("published_basis"),
        )
    for claim in sc.claims:
        if (claim["notes"] or "").startswith("DRAFT:"):
            raise BuildError(
                sc.display,
                f"claim {claim['claim_id']} still has suggest's DRAFT note: review it and replace the note",
                claim.line_of("notes"),
            )
    for entry in sc.not_claims:
        if entry["reason"].startswith("UNPLACED:"):
            raise BuildError(
                sc.display,
                f"not_claims entry {entry['number']!r} is still UNPLACED: make it a claim, or give your reason",
                entry.line_of("reason"),
            )


def locate(raw_text: str, needle: str, occurrence: int | None, display: str, what: str, line: int) -> tuple[int, int]:
    starts = []
    i = raw_text.find(needle)
    while i != -1:
        starts.append(i)
        i = raw_text.find(needle, i + 1)
    if not starts:
        raise BuildError(display, f"{what} is not in the article, character for character: {needle[:80]!r}", line)
    if occurrence is None:
        if len(starts) > 1:
            raise BuildError(
                display,
                f"{what} appears {len(starts)} times in the article; say which with `occurrence: N` (1 to {len(starts)})",
                line,
            )
        occurrence = 1
    if occurrence > len(starts):
        raise BuildError(display, f"{what} appears {len(starts)} time(s), so `occurrence: {occurrence}` does not exist", line)
    start = starts[occurrence - 1]
    return start, start + len(needle)


def locate_passages(
    raw_text: str, quote: str, occurrence: int | None, display: str, what: str, line: int
) -> list[tuple[int, int]]:
    """Where each passage of a quote joined by " … " sits, each found after the one before."""
    first, *rest = quote.split(dating.PASSAGE_BREAK)
    spans = [locate(raw_text, first, occurrence, display, what, line)]
    for passage in rest:
        found = raw_text.find(passage, spans[-1][1]) if passage else -1
        if found == -1:
            raise BuildError(
                display,
                f"{what}: the passage {passage[:80]!r} is not in the article after {first[:40]!r}, character for "
                "character (passages joined by ' … ' must come in the article's order)",
                line,
            )
        spans.append((found, found + len(passage)))
    return spans


def check_published_quote(sc: SourceCuration, norm: Normalised) -> tuple[int, int] | None:
    """The words the publication window rests on; they may sit in removed page furniture
    (a timestamp line is where a page prints its date)."""
    data = sc.data
    quote = data.get("published_quote")
    if not quote:
        if data.get("published_reading"):
            raise BuildError(
                sc.display,
                "published_reading needs published_quote: the words the date rests on",
                data.line_of("published_reading"),
            )
        return None
    spans = locate_passages(norm.raw_text, quote, 1, sc.display, "published_quote", data.line_of("published_quote"))
    if data.get("published_reading") == "stated":
        if not dating.publication_window(data).bounded:
            raise BuildError(
                sc.display,
                "published_reading is stated: write the published_date (or window) the quote states",
                data.line_of("published_reading"),
            )
        try:
            dating.read_window("stated", quote, dating.publication_window(data), dating.Window())
        except dating.DatingError as exc:
            raise BuildError(sc.display, f"published_quote{exc}", data.line_of("published_quote")) from None
    return spans[0][0], spans[-1][1]


def dating_window(entry: Mapping, published: dating.Window, display: str, what: str) -> dating.Window:
    """The window a dating gives (dating.read_window), or a readable error on its line."""
    if entry["date"] and (entry["date_earliest"] or entry["date_latest"]):
        raise BuildError(
            display, f"{what}: write date for one day, or date_earliest/date_latest, not both", entry.line_of("date")
        )
    check_window(entry, "date_earliest", "date_latest", display, what)
    try:
        return dating.read_window(entry["reading"], entry["quote"], dating.given_window(entry), published)
    except dating.DatingError as exc:
        raise BuildError(display, f"{what}{exc}", entry.line_of(exc.key) if exc.key else entry.line) from None


def dating_row(entry: Mapping, sc: SourceCuration, norm: Normalised, published: dating.Window) -> dict:
    what = f"exchange_dates entry for {entry['exchange_id']}"
    spans = locate_passages(
        norm.raw_text, entry["quote"], entry["occurrence"], sc.display, f"the quote of the {what}", entry.line_of("quote")
    )
    for start, end in spans:
        if removal := norm.removed_at(start, end):
            raise BuildError(
                sc.display,
                f"the quote of the {what} falls in text removed as boilerplate "
                f"({removal.rule}): such words do not date a handover",
                entry.line_of("quote"),
            )
    weekday = dating.weekday_of(entry)
    if weekday and dating.weekday_named(entry["quote"]) != weekday:
        raise BuildError(
            sc.display, f"{what}: weekday {weekday} must be written in its quote", entry.line_of("weekday") or entry.line
        )
    window = dating.on_weekday(dating_window(entry, published, sc.display, what), weekday)
    if window.empty:
        raise BuildError(
            sc.display,
            f"{what}: the window is empty (it ends before it starts" + (f", or holds no {weekday}" if weekday else "") + ")",
            entry.line,
        )
    earliest, latest = window.iso()
    start, end = spans[0][0], spans[-1][1]
    return {
        "exchange_id": entry["exchange_id"],
        "source_id": sc.source_id,
        "date_earliest": earliest,
        "date_latest": latest,
        "date_precision": dating.precision(earliest, latest),
        "weekday": weekday,
        "reading": entry["reading"],
        "basis": entry["basis"],
        "quote": entry["quote"],
        "quote_start": start,
        "quote_end": end,
        "quote_line": norm.raw_text.count("\n", 0, start) + 1,
    }


def check_datings(sc: SourceCuration, norm: Normalised) -> list[dict]:
    published = dating.publication_window(sc.data)
    seen: dict[str, int] = {}
    rows = []
    for entry in sc.datings:
        if entry["exchange_id"] in seen:
            raise BuildError(
                sc.display,
                f"exchange {entry['exchange_id']} is dated twice by this source (also at "
                f"line {seen[entry['exchange_id']]}): one entry per exchange, its passages joined by ' … '",
                entry.line,
            )
        seen[entry["exchange_id"]] = entry.line
        rows.append(dating_row(entry, sc, norm, published))
    return rows


def values_in_span(numbers: list[tuple[int, Number]], start: int, end: int) -> set[int]:
    """Whole numbers written entirely inside raw[start:end], as read in the whole article."""
    return {
        n.integer
        for raw_start, n in numbers
        if start <= raw_start and raw_start + len(n.as_written) <= end and n.integer is not None
    }


def check_claim_values(claim: Mapping, display: str, written: set[int] | None = None) -> None:
    """A claim's figure must be consistent with its metric and written in its quote
    (`written`: the values read there in the whole article; by default, read in the quote alone)."""
    if written is None:
        written = values_written(claim["quote"])
    cid, metric, value, high, qualifier = (claim[k] for k in ("claim_id", "metric", "value", "value_high", "qualifier"))
    if metric == "statement":
        if value is not None or high is not None or qualifier is not None:
            raise BuildError(display, f"claim {cid} is a statement: it takes no value, value_high or qualifier", claim.line)
        return
    if value is None:
        raise BuildError(
            display,
            f"claim {cid} has metric {metric} but no value; use metric: statement for a claim without a figure",
            claim.line,
        )
    if qualifier is None:
        raise BuildError(
            display,
            f"claim {cid} needs a qualifier (exact, approximately, at_least, more_than, up_to, fewer_than, range)",
            claim.line,
        )
    if (qualifier == "range") != (high is not None):
        raise BuildError(
            display, f"claim {cid}: value_high goes with qualifier range, and only with it", claim.line_of("value_high")
        )
    if high is not None and high < value:
        raise BuildError(display, f"claim {cid}: value_high {high:,} is below value {value:,}", claim.line_of("value_high"))
    for key, number in (("value", value), ("value_high", high)):
        if number is not None and number not in written:
            raise BuildError(
                display,
                f"claim {cid}: {key} {number:,} is not written in its quote (numbers there: {_listing(written)})",
                claim.line_of(key),
            )


def _listing(values: set[int]) -> str:
    return ", ".join(f"{n:,}" for n in sorted(values)) or "none"


def check_window(record: Mapping, start_key: str, end_key: str, display: str, what: str) -> None:
    start, end = record.get(start_key), record.get(end_key)
    if start and end and start > end:
        raise BuildError(display, f"{what}: {start_key} {start} is after {end_key} {end}", record.line_of(start_key))


def check_date_in_window(record: Mapping, date_key: str, start_key: str, end_key: str, display: str, what: str) -> None:
    """A single date, when written beside a window, must fall inside it."""
    date, start, end = record.get(date_key), record.get(start_key), record.get(end_key)
    if date and ((start and date < start) or (end and date > end)):
        raise BuildError(
            display,
            f"{what}: {date_key} {date} is outside its window ({start_key} {start or '…'} to {end_key} {end or '…'})",
            record.line_of(date_key),
        )


def check_unique(records: Iterable[tuple[str, Mapping, str]], what: str) -> None:
    seen: dict[str, str] = {}
    for key, record, display in records:
        if key in seen:
            raise BuildError(display, f"{what} {key!r} is used twice (also in {seen[key]})", record.line)
        seen[key] = f"{display}:{record.line}"


def check_reference(record: Mapping, key: str, known: set[str], display: str, what: str, where: str) -> None:
    value = record.get(key)
    if value is not None and value not in known:
        raise BuildError(display, f"{what} points at {key} {value!r}, which is not in {where}", record.line_of(key))


def check_source_text(sc: SourceCuration, norm: Normalised) -> None:
    """Title, byline, publisher and every name as written must come from the article itself."""
    data = sc.data
    for key in ("title", "byline", "publisher"):
        if data.get(key) and data[key] not in norm.raw_text:
            raise BuildError(sc.display, f"{key} {data[key]!r} is not written in the article; never invent it", data.line_of(key))
    check_window(data, "published_earliest", "published_latest", sc.display, "source")
    check_date_in_window(data, "published_date", "published_earliest", "published_latest", sc.display, "source")
    names_seen: dict[tuple[str, str], int] = {}
    for name in sc.names:
        named = (name["official_id"], name["as_written"])
        if named in names_seen:
            raise BuildError(
                sc.display,
                f"name {named[1]!r} is listed twice for official {named[0]} (also at line {names_seen[named]})",
                name.line,
            )
        names_seen[named] = name.line
        locate(norm.raw_text, name["as_written"], 1, sc.display, f"name {name['as_written']!r}", name.line)
        if all(norm.removed_at(s, s + len(name["as_written"])) for s in all_starts(norm.raw_text, name["as_written"])):
            raise BuildError(sc.display, f"name {name['as_written']!r} only appears in text removed as boilerplate", name.line)
        if name["title"] and name["title"] not in name["as_written"]:
            raise BuildError(sc.display, f"title {name['title']!r} is not part of {name['as_written']!r}", name.line_of("title"))


def all_starts(text: str, needle: str) -> list[int]:
    starts, i = [], text.find(needle)
    while i != -1:
        starts.append(i)
        i = text.find(needle, i + 1)
    return starts


def check_source(path: Path, sc: SourceCuration, project: Project) -> CheckedSource:
    display = project.display(path)
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != sc.data["sha256"]:
        raise BuildError(
            display,
            f"has changed since it was curated (sha256 {digest[:12]}…, {sc.display} records {sc.data['sha256'][:12]}…). "
            "Raw articles are never edited: restore the original, or re-curate a new version and update sha256",
        )
    norm = normalise(decode_raw(data, display))
    check_source_text(sc, norm)
    numbers = [(norm.raw_offset(n.start), n) for n in numbers_in(norm.text)]
    spans = {}
    for claim in sc.claims:
        cid = claim["claim_id"]
        start, end = locate(
            norm.raw_text,
            claim["quote"],
            claim["occurrence"],
            sc.display,
            f"quote of claim {cid}",
            claim.line_of("quote"),
        )
        removal = norm.removed_at(start, end)
        if removal:
            raise BuildError(
                sc.display,
                f"quote of claim {cid} falls in text removed as boilerplate ({removal.rule}): such figures are not claims",
                claim.line_of("quote"),
            )
        check_claim_values(claim, sc.display, values_in_span(numbers, start, end))
        check_window(claim, "period_start", "period_end", sc.display, f"claim {cid}")
        spans[cid] = (start, end)
    published_span = check_published_quote(sc, norm)
    return CheckedSource(sc, project.display(path), digest, norm, spans, numbers, check_datings(sc, norm), published_span)


def curated_raw_path(sc: SourceCuration, project: Project) -> Path | None:
    """The raw article a curation file names, when the name is a plain file name of raw/."""
    name = sc.data["raw"]
    if "/" in name or "\\" in name or name.startswith("."):
        return None
    path = project.raw_dir / name
    return path if path.is_file() else None


def load_and_check_source(project: Project, curation_path: Path) -> tuple:
    """One curation file, read and checked against its article: the unit of work a build
    worker does. Problems come back as values, so the build reports the same first problem,
    in the same order of files and stages, however many workers there are."""
    try:
        sc = load_source(curation_path, project)
    except BuildError as exc:
        return exc, None
    raw_path = curated_raw_path(sc, project)
    if raw_path is None:  # pairing will say what is wrong
        return sc, None
    try:
        return sc, check_source(raw_path, sc, project)
    except BuildError as exc:
        return sc, exc


def check_references(curation: Curation, checked: list[CheckedSource]) -> None:
    officials = {o["official_id"] for o in curation.officials}
    agreements = {a["agreement_id"] for a in curation.agreements}
    exchanges = {e["exchange_id"] for e in curation.exchanges}
    check_unique(((o["official_id"], o, curation.officials_file) for o in curation.officials), "official_id")
    check_unique(((a["agreement_id"], a, curation.exchanges_file) for a in curation.agreements), "agreement_id")
    check_unique(((e["exchange_id"], e, curation.exchanges_file) for e in curation.exchanges), "exchange_id")
    check_unique(((c.source_id, c.curation.data, c.curation.display) for c in checked), "source_id")
    check_unique(((cl["claim_id"], cl, c.curation.display) for c in checked for cl in c.curation.claims), "claim_id")
    for record in curation.agreements:
        check_window(record, "date_earliest", "date_latest", curation.exchanges_file, f"agreement {record['agreement_id']}")
    for record in curation.exchanges:
        check_reference(
            record,
            "agreement_id",
            agreements,
            curation.exchanges_file,
            f"exchange {record['exchange_id']}",
            "the agreements list",
        )
    for c in checked:
        display = c.curation.display
        for name in c.curation.names:
            check_reference(name, "official_id", officials, display, "name", "curation/officials.yml")
        for claim in c.curation.claims:
            what = f"claim {claim['claim_id']}"
            check_reference(claim, "official_id", officials, display, what, "curation/officials.yml")
            check_reference(claim, "exchange_id", exchanges, display, what, "curation/exchanges.yml")
            check_reference(claim, "agreement_id", agreements, display, what, "the agreements in curation/exchanges.yml")
        reported = {claim["exchange_id"] for claim in c.curation.claims}
        for entry in c.curation.datings:
            check_reference(entry, "exchange_id", exchanges, display, "exchange_dates entry", "curation/exchanges.yml")
            if entry["exchange_id"] not in reported:
                raise BuildError(
                    display,
                    f"exchange_dates entry for {entry['exchange_id']}: this source has no claim about that exchange; "
                    "a source dates only the exchanges it reports",
                    entry.line_of("exchange_id"),
                )
