"""The build, stage by stage. Everything is written to a staging folder first and
published as a whole new release only when every check has passed (release.py), so a
failed or killed build leaves the last good release byte-for-byte as it was."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import click

from . import schemas
from .curation import load_curation, source_files
from .derive import derive_tables
from .errors import BuildError
from .load import load_database
from .metadata import load_metadata_yml, write_metadata
from .project import CODE_ROOT, DB_NAME, Project
from .provenance import CheckedSource, check_references, load_and_check_source, pair_sources
from .release import build_lock, clear_leftovers, new_staging, publish_release
from .tables import iter_tables, sort_by_key
from .validate import PackageWriter
from .workers import Workers, choose_jobs, no_cyclic_gc

INSPECT_FILE = "inspect-data.json"
METADATA_FILE = "metadata.json"
PACKAGE_DIR = "static/package"  # the CSVs, served at /static/package/; dist/datapackage.json describes them
SETTINGS_FILE = "settings.json"  # Datasette's settings, once, in the checkout; copied into each release


@dataclass
class BuildResult:
    db_path: Path
    counts: dict[str, int]
    timings: dict[str, float]


def check_sources(project: Project, files: list[Path], workers: Workers, quiet: bool) -> tuple:
    """Read every curation file and check it against its article (in the workers), then
    pair them and check references (here). The first problem is reported in the order a
    one-process build meets it: officials and exchanges, source files, pairing, articles."""
    per_file = workers.map(partial(load_and_check_source, project), files)
    curation = load_curation(project, sources=[])  # officials and exchanges, while the workers read
    loaded, checks = [], {}
    with click.progressbar(per_file, length=len(files), label="Checking articles", file=sys.stderr,
                           hidden=quiet or len(files) < 50) as bar:
        for sc, check in bar:
            loaded.append(sc)
            checks[id(sc)] = check
    for sc in loaded:
        if isinstance(sc, BuildError):
            raise sc
    curation.sources = loaded
    checked: list[CheckedSource] = []
    for _path, sc in pair_sources(project, curation):
        check = checks[id(sc)]
        if isinstance(check, BuildError):
            raise check
        checked.append(check)
    check_references(curation, checked)
    return curation, checked


def write_inspect_file(staging: Path) -> None:
    """Datasette's inspect file (row counts, hash) lets it serve the file immutable without scanning it."""
    result = subprocess.run(
        [sys.executable, "-m", "datasette", "inspect", f"{DB_NAME}.db", "--inspect-file", INSPECT_FILE],
        cwd=staging,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise BuildError(f"{DB_NAME}.db", f"datasette inspect failed: {result.stderr.strip()[-500:]}")


def copy_site(staging: Path) -> None:
    """What `datasette serve dist/` reads besides the database: the settings (kept once,
    in settings.json), the templates and the plugins."""
    shutil.copy2(CODE_ROOT / SETTINGS_FILE, staging / SETTINGS_FILE)
    for folder in ("templates", "plugins"):
        shutil.copytree(CODE_ROOT / folder, staging / folder, ignore=shutil.ignore_patterns("__pycache__"))


class Timings(dict):
    """Wall seconds per stage, in order, for `build.py --timings` and the benchmarks."""

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self[name] = self.get(name, 0.0) + time.perf_counter() - started


def build(root: Path, quiet: bool = False, jobs: int | None = None) -> BuildResult:
    """Build ROOT/dist/. jobs: processes to use (default: one per core for a large tree)."""
    project = Project(root.resolve())
    if not project.root.is_dir():
        raise BuildError(str(root), "is not a folder: --root names a project tree holding raw/ and curation/")
    files = source_files(project)
    timings = Timings()
    try:
        with build_lock(project), no_cyclic_gc(), Workers(choose_jobs(jobs, len(files))) as workers:
            clear_leftovers(project)
            staging = new_staging(project)
            try:
                tables = write_outputs(project, files, staging, workers, quiet, timings)
                with timings.stage("publish the release"):
                    copy_site(staging)
                    publish_release(staging, project)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
    except BrokenProcessPool:
        raise BuildError(
            str(root), "a build worker process stopped unexpectedly (out of memory?); try again with --jobs 1"
        ) from None
    return BuildResult(project.db_path, {name: len(rows) for name, rows in tables.items()}, timings)


def write_outputs(
    project: Project, files: list[Path], staging: Path, workers: Workers, quiet: bool, timings: Timings
) -> dict[str, list]:
    """Every output in staging/. Frictionless validates each CSV in the workers as soon as
    it and the CSVs it refers to are written, while this process makes the next table,
    derives the discrepancies and loads SQLite; nothing is published before it passes."""
    version = schemas.package_descriptor()["version"]
    package = PackageWriter(staging, version, workers, PACKAGE_DIR)
    with timings.stage("read and check curation and articles"):
        curation, checked = check_sources(project, files, workers, quiet)
    tables = {}
    with timings.stage("make tables and write their CSVs"):
        for name, rows in iter_tables(curation, checked):
            tables[name] = rows
            package.add(name, rows)
    with timings.stage("derive figures and discrepancies"):
        derived = {name: sort_by_key(name, rows) for name, rows in derive_tables(tables, checked).items()}
        del curation, checked  # the tables hold all that is needed from here on
    with timings.stage("make tables and write their CSVs"):
        for name, rows in derived.items():
            tables[name] = rows
            package.add(name, rows)
    try:
        with timings.stage("load SQLite"):
            load_database(staging / f"{DB_NAME}.db", tables, load_metadata_yml())
        with timings.stage("metadata and inspect file"):
            write_metadata(staging / METADATA_FILE, list(tables), version)
            write_inspect_file(staging)
    except Exception:
        package.raise_if_invalid(tables)  # Frictionless's report says more than SQLite's refusal
        raise
    with timings.stage("wait for validation (Frictionless, in the workers)" if workers.parallel else "report validation"):
        package.raise_if_invalid(tables)
    return tables
