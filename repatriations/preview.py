"""The preview: the dataset as it would be with the drafts in it, for reviewing them.

Every check the build makes still runs, on the same code; what fails becomes a row of
the `problems` table (file, line, what is wrong) instead of stopping the build, and
the record it concerns (a claim, a dating, a name, a not_claims entry, at worst a
whole source) is set aside so the rest can still be seen. Unreviewed drafts, their
DRAFT notes, UNPLACED numbers and proposed officials and exchanges are admitted.

The preview is written to its own folder (preview/, never dist/) and can be redone
incrementally: a curation file or article whose bytes have not changed keeps its
checked result between updates, so an edit re-checks only what it touches. The
result is the same as a full preview build of the same tree (tests/test_preview.py)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from . import schemas
from .coverage import number_rows
from .curation import Curation, SourceCuration, check_record, curated_spec, load_exchanges, load_officials, load_source
from .derive import derive_tables, source_passages
from .errors import BuildError
from .load import load_database
from .metadata import load_metadata_yml, write_metadata
from .pipeline import Timings
from .project import DB_NAME, Project
from .provenance import (
    CheckedSource,
    check_references,
    check_source,
    curated_raw_path,
    raw_files,
    refuse_leftover_draft_markers,
)
from .tables import PER_SOURCE, iter_tables, sort_by_key
from .yamlfile import Mapping

PREVIEW_DIR = "preview"
PREVIEW_TABLES = ("problems", "proposals")
RECORD_LISTS = ("claims", "datings", "names", "not_claims")  # SourceCuration lists a problem can set aside
DROPPABLE_KEYS = ("title", "byline", "publisher", "published_quote", "published_reading")
MAX_RETRIES = 200  # set-asides per file before the whole source is set aside


@dataclass
class Problem:
    file: str
    line: int | None
    message: str
    source_id: str | None = None
    set_aside: str | None = None

    @classmethod
    def of(cls, exc: BuildError, source_id: str | None = None, set_aside: str | None = None) -> Problem:
        return cls(exc.path, exc.line, exc.message, source_id, set_aside)


@dataclass
class SourceResult:
    """One curation file, checked leniently: what could be kept, and what was wrong."""

    curation: SourceCuration | None
    checked: CheckedSource | None
    problems: list[Problem] = field(default_factory=list)


def fingerprint(*paths: Path | None) -> tuple:
    """What tells whether a file changed since it was last checked: its size and
    modification time in nanoseconds (a save changes them; reading every file's bytes
    at every update would cost more than the check it saves)."""
    stamps = []
    for path in paths:
        try:
            stat = path.stat() if path else None
        except FileNotFoundError:
            stat = None
        stamps.append((stat.st_size, stat.st_mtime_ns, stat.st_ino) if stat else None)
    return tuple(stamps)


def record_at(sc: SourceCuration, line: int | None) -> tuple[str, Mapping] | None:
    """The record of a curation file a problem's line falls in (the last one starting at or before it)."""
    if line is None:
        return None
    best: tuple[str, Mapping] | None = None
    for name in RECORD_LISTS:
        for record in getattr(sc, name):
            if record.line <= line and (best is None or record.line >= best[1].line):
                best = (name, record)
    if best and line <= max(best[1].key_lines or [best[1].line]):
        return best
    return None


def what(name: str, record: Mapping) -> str:
    label = record.get("claim_id") or record.get("exchange_id") or record.get("as_written") or record.get("number")
    return f"{name.rstrip('s').replace('_', ' ')} {label}" if name != "datings" else f"dating of {label}"


def set_aside(sc: SourceCuration, exc: BuildError) -> str | None:
    """Leave out what the problem concerns, so the rest of the file can be checked; None if nothing can be."""
    if exc.path != sc.display:
        return None
    found = record_at(sc, exc.line)
    if found:
        name, record = found
        getattr(sc, name).remove(record)
        return what(name, record)
    for key in DROPPABLE_KEYS:
        if sc.data.get(key) is not None and sc.data.line_of(key) == exc.line:
            sc.data[key] = None
            return f"the source's {key}"
    return None


def check_leniently(project: Project, path: Path) -> SourceResult:
    try:
        sc = load_source(path, project)
    except BuildError as exc:
        return SourceResult(None, None, [Problem.of(exc, set_aside="the whole file (it cannot be read)")])
    raw = curated_raw_path(sc, project)
    if raw is None:
        message = f"curates raw/{sc.data['raw']}, which is not an article in raw/"
        return SourceResult(sc, None, [Problem(sc.display, sc.data.line_of("raw"), message, sc.source_id, "the whole source")])
    problems: list[Problem] = []
    for _ in range(MAX_RETRIES):
        try:
            return SourceResult(sc, check_source(raw, sc, project), problems)
        except BuildError as exc:
            left_out = set_aside(sc, exc)
            problems.append(Problem.of(exc, sc.source_id, left_out or "the whole source"))
            if left_out is None:
                return SourceResult(sc, None, problems)
    return SourceResult(sc, None, problems)


def admit_proposals(curation: Curation, sources: list[SourceCuration], problems: list[Problem]) -> list[dict[str, Any]]:
    """A draft's proposed officials and exchanges join the curated ones in the preview."""
    rows = []
    known = {
        "officials": {o["official_id"] for o in curation.officials},
        "exchanges": {e["exchange_id"] for e in curation.exchanges},
    }
    for sc in sources:
        for key, table, id_key, label_key in (
            ("proposed_officials", "officials", "official_id", "name"),
            ("proposed_exchanges", "exchanges", "exchange_id", "label"),
        ):
            for raw in sc.data.get(key) or []:
                try:
                    record = check_record(raw, curated_spec(table), sc.display, f"{key} entry", sc.data.line_of(key), table)
                except BuildError as exc:
                    problems.append(Problem.of(exc, sc.source_id, f"a {key} entry"))
                    continue
                if record[id_key] in known[table]:
                    continue  # already curated, or proposed by another draft: the first one stands
                known[table].add(record[id_key])
                getattr(curation, table).append(record)
                rows.append(
                    {
                        "source_id": sc.source_id,
                        "kind": table.rstrip("s"),
                        "proposed_id": record[id_key],
                        "label": record.get(label_key),
                        "notes": record.get("notes"),
                        "curation_line": record.line,
                    }
                )
    return rows


def check_references_leniently(curation: Curation, checked: list[CheckedSource], problems: list[Problem]) -> None:
    """check_references, setting aside each record a problem points at, until none is left."""
    by_file = {c.curation.display: c for c in checked}
    for _ in range(MAX_RETRIES * max(1, len(checked))):
        try:
            check_references(curation, checked)
            return
        except BuildError as exc:
            source = by_file.get(exc.path)
            left_out = set_aside(source.curation, exc) if source else None
            if left_out is None and source is not None:
                checked.remove(source)
                left_out = "the whole source"
            elif left_out is None:
                left_out = drop_curated_record(curation, exc)
            problems.append(Problem.of(exc, source.source_id if source else None, left_out))
            if left_out is None:
                return


def drop_curated_record(curation: Curation, exc: BuildError) -> str | None:
    for name in ("officials", "agreements", "exchanges"):
        records = getattr(curation, name)
        for record in records:
            if record.line == exc.line:
                records.remove(record)
                return (
                    f"{name.rstrip('s')} {record.get('official_id') or record.get('agreement_id') or record.get('exchange_id')}"
                )
    return None


def keep_checked_datings(c: CheckedSource) -> None:
    """Only the datings the reference checks left (one a check set aside must date nothing);
    a source dates an exchange once, so the exchange names the entry."""
    kept = {entry["exchange_id"] for entry in c.curation.datings}
    c.datings = [row for row in c.datings if row["exchange_id"] in kept]


def reviewed_markers(sc: SourceCuration, problems: list[Problem]) -> None:
    """A file that says `reviewed: true` must carry no DRAFT notes, UNPLACED reasons or
    proposals: the build refuses it, so the preview lists it as a problem."""
    if not sc.data.get("reviewed"):
        return
    try:
        refuse_leftover_draft_markers(sc)
    except BuildError as exc:
        problems.append(Problem.of(exc, sc.source_id))


def same_objects(a: tuple, b: tuple) -> bool:
    if a[0] is not b[0] or len(a) != len(b):
        return False
    return all(len(x) == len(y) and all(p is q for p, q in zip(x, y, strict=True)) for x, y in zip(a[1:], b[1:], strict=True))


def per_source_tables(c: CheckedSource) -> tuple[dict[str, list[dict[str, Any]]], list[Problem]]:
    """A source's rows of every per-source table, and the numbers nothing accounts for."""
    problems: list[Problem] = []
    rows = {name: list(make([c])) for name, make in PER_SOURCE.items() if name != "numbers"}
    rows["numbers"] = list(number_rows(c, on_problem=lambda exc: problems.append(Problem.of(exc, c.source_id))))
    return rows, problems


@dataclass
class Preview:
    """A preview of one project tree, kept between updates."""

    project: Project
    cache: dict[Path, tuple[tuple, SourceResult]] = field(default_factory=dict)
    generation: int = 0
    timings: Timings = field(default_factory=Timings)
    last: tuple[Path, dict[str, dict[tuple, dict[str, Any]]]] | None = None  # the database written last, its rows by key
    listing: tuple[tuple, list[Path]] | None = None  # raw/'s articles, and the folder's stamp when listed
    rows_cache: dict[str, tuple[tuple, tuple[dict[str, list[dict[str, Any]]], list[Problem]]]] = field(default_factory=dict)

    @property
    def folder(self) -> Path:
        return self.project.root / PREVIEW_DIR

    def source_result(self, path: Path) -> SourceResult:
        """The checked file, from the cache when neither it nor its article changed."""
        own = fingerprint(path)
        cached = self.cache.get(path)
        if cached and cached[0] == own + fingerprint(self.article_of(cached[1])):
            return cached[1]
        result = check_leniently(self.project, path)
        self.cache[path] = (own + fingerprint(self.article_of(result)), result)
        return result

    def article_of(self, result: SourceResult) -> Path | None:
        raw = result.curation.data.get("raw") if result.curation else None
        return self.project.raw_dir / raw if isinstance(raw, str) and "/" not in raw else None

    def update(self) -> Path:
        """Build the preview database from the current tree; returns its path."""
        self.timings = Timings()
        with self.timings.stage("check changed sources"):
            files = sorted(self.project.sources_dir.glob("*.yml"))
            for stale in set(self.cache) - set(files):
                del self.cache[stale]
            results = [self.source_result(p) for p in files]
        tables = self.tables(results)
        with self.timings.stage("write the database"):
            path = self.write(tables)
        self.timings["total"] = sum(self.timings.values())
        return path

    def tables(self, results: list[SourceResult]) -> dict[str, list[dict[str, Any]]]:
        with self.timings.stage("references and proposals"):
            problems = [p for r in results for p in r.problems]
            problems += self.articles_without_curation(results)
            curation = self.curated(problems)
            sources = [r.curation for r in results if r.curation is not None and r.checked is not None]
            proposals = admit_proposals(curation, sources, problems)
            checked = [copy_checked(r.checked) for r in results if r.checked is not None]
            check_references_leniently(curation, checked, problems)
            for c in checked:
                keep_checked_datings(c)
                reviewed_markers(c.curation, problems)
            curation.sources = [c.curation for c in checked]
        tables: dict[str, list[dict[str, Any]]] = {}
        with self.timings.stage("tables"):
            made: dict[str, list[dict[str, Any]]] = {name: [] for name in PER_SOURCE}
            for c in checked:
                own, found = self.source_tables(c)
                problems += found
                for name in PER_SOURCE:
                    made[name] += own[name]
            for name, rows in iter_tables(curation, checked, made):
                tables[name] = rows
        with self.timings.stage("derive"):
            tables |= {name: sort_by_key(name, rows) for name, rows in derive_tables(tables, checked).items()}
        tables["problems"] = [
            {
                "problem_id": i,
                "file": p.file,
                "line": p.line,
                "message": p.message,
                "source_id": p.source_id,
                "set_aside": p.set_aside,
            }
            for i, p in enumerate(problems, 1)
        ]
        tables["proposals"] = sort_by_key("proposals", proposals)
        return tables

    def source_tables(self, c: CheckedSource) -> tuple[dict[str, list[dict[str, Any]]], list[Problem]]:
        """per_source_tables, kept while the source's checked result (and what the
        reference checks left of its records) stays the same."""
        # the very objects, held in the cache so that identity means sameness
        key = (c.normalised, *(tuple(getattr(c.curation, n)) for n in RECORD_LISTS))
        cached = self.rows_cache.get(c.source_id)
        if cached and same_objects(cached[0], key):
            return cached[1]
        made = per_source_tables(c)
        self.rows_cache[c.source_id] = (key, made)
        return made

    def curated(self, problems: list[Problem]) -> Curation:
        try:
            officials, officials_file = load_officials(self.project)
        except BuildError as exc:
            problems.append(Problem.of(exc, set_aside="every official"))
            officials, officials_file = [], "curation/officials.yml"
        try:
            agreements, exchanges, exchanges_file = load_exchanges(self.project)
        except BuildError as exc:
            problems.append(Problem.of(exc, set_aside="every agreement and exchange"))
            agreements, exchanges, exchanges_file = [], [], "curation/exchanges.yml"
        return Curation(officials, officials_file, agreements, exchanges, exchanges_file, [])

    def articles_without_curation(self, results: list[SourceResult]) -> list[Problem]:
        try:
            articles = self.uncurated(results)
        except BuildError as exc:
            return [Problem.of(exc)]
        return [
            Problem(
                self.project.display(a), None, "has no curation yet: run `python build.py suggest` on it", None, "the article"
            )
            for a in articles
        ]

    def uncurated(self, results: list[SourceResult]) -> list[Path]:
        """The articles in raw/ that no curation file names."""
        curated = {r.curation.data.get("raw") for r in results if r.curation is not None}
        # a curation file that cannot be read is most likely its namesake article's: already a problem
        curated |= {f"{path.stem}.txt" for path, (_, r) in self.cache.items() if r.curation is None}
        return [a for a in self.articles() if a.name not in curated]

    def new_articles(self) -> list[Path]:
        """The articles without curation as of the last update (the ones to draft)."""
        try:
            return self.uncurated([result for _, result in self.cache.values()])
        except BuildError:
            return []

    def articles(self) -> list[Path]:
        """raw_files, listed again only when raw/ itself changed (a file added, removed or renamed
        changes the folder's mtime; listing 10,000 files at every edit of one would not)."""
        stamp = fingerprint(self.project.raw_dir)
        if self.listing is None or self.listing[0] != stamp:
            self.listing = (stamp, raw_files(self.project))
        return self.listing[1]

    def write(self, tables: dict[str, list[dict[str, Any]]]) -> Path:
        """A new generation folder (the server keeps reading the old one until it switches)."""
        if self.generation == 0:  # a new preview: nothing of an earlier run is reused
            shutil.rmtree(self.folder, ignore_errors=True)
        self.generation += 1
        folder = self.folder / f"gen-{self.generation:04d}"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        db = folder / f"{DB_NAME}.db"
        keyed_tables = {table: keyed(table, rows) for table, rows in tables.items()}
        if not (self.last and apply_changes(self.last[0], db, self.last[1], keyed_tables)):
            load_database(db, tables, load_metadata_yml(), preview=True)
        self.last = (db, keyed_tables)
        write_metadata(folder / "metadata.json", list(tables), schemas.package_descriptor()["version"])
        for old in sorted(self.folder.glob("gen-*"))[:-2]:  # keep the one being served until the switch
            shutil.rmtree(old, ignore_errors=True)
        return db


def keyed(table: str, rows: list[dict[str, Any]]) -> dict[tuple, dict[str, Any]]:
    pk = schemas.primary_key(table)
    return {tuple(r[k] for k in pk): r for r in rows}


def apply_changes(
    old_db: Path, new_db: Path, old: dict[str, dict[tuple, dict]], new: dict[str, dict[tuple, dict]]
) -> bool:
    """The new database as a copy of the old one with only the rows that changed
    deleted and inserted (the full-text indexes follow by trigger); False when that
    cannot be done (a table appeared or went, a foreign key would break), so the caller
    writes it whole instead. old and new: each table's rows by primary key."""
    if set(old) != set(new) or not old_db.is_file():
        return False
    shutil.copyfile(old_db, new_db)
    db = sqlite_utils.Database(new_db)
    db.conn.execute("PRAGMA journal_mode = OFF")
    db.conn.execute("PRAGMA synchronous = OFF")
    with db.conn:
        for table in reversed(list(new)):  # children first, as their rows refer to their parents'
            before, after = old[table], new[table]
            gone = [k for k, row in before.items() if after.get(k) != row]
            pk = schemas.primary_key(table)
            where = " and ".join(f"[{k}] = ?" for k in pk)
            db.conn.executemany(f"delete from [{table}] where {where}", gone)  # noqa: S608 (names from the Table Schemas)
            db.table(table).insert_all([row for k, row in after.items() if before.get(k) != row], batch_size=1000)
    broken = db.conn.execute("PRAGMA foreign_key_check").fetchall()
    db.close()
    if broken:
        new_db.unlink()
    return not broken


def copy_checked(checked: CheckedSource) -> CheckedSource:
    """A checked source whose record lists the reference checks may shorten without
    touching the cached one (an unchanged file must give the same result next time)."""
    sc = checked.curation
    lists = {name: list(getattr(sc, name)) for name in RECORD_LISTS}
    copy = SourceCuration(sc.path, sc.display, sc.data, **lists)
    return CheckedSource(
        copy,
        checked.raw_path,
        checked.sha256,
        checked.normalised,
        checked.spans,
        checked.numbers,
        checked.datings,
        checked.published_span,
        source_passages(checked),  # made once, kept in the cached result
    )
