"""The build, stage by stage. Everything is written to a staging folder first and
moved into dist/ only when every check has passed, so a failed build leaves the
last good database byte-for-byte as it was."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import click

from . import schemas
from .curation import load_curation
from .derive import derive_tables
from .errors import BuildError
from .load import load_database
from .metadata import load_metadata_yml, write_metadata
from .project import DB_NAME, Project
from .provenance import CheckedSource, check_references, check_source, pair_sources
from .tables import build_tables, sort_by_key
from .validate import validate_package, write_package

INSPECT_FILE = "inspect-data.json"
METADATA_FILE = "metadata.json"
PACKAGE_DIR = "package"  # the CSVs, served at /package/; dist/datapackage.json describes them


@dataclass
class BuildResult:
    db_path: Path
    counts: dict[str, int]


def check_sources(project: Project, quiet: bool) -> tuple:
    curation = load_curation(project)
    pairs = pair_sources(project, curation)
    checked: list[CheckedSource] = []
    with click.progressbar(pairs, label="Checking articles", file=sys.stderr, hidden=quiet or len(pairs) < 50) as bar:
        for path, sc in bar:
            checked.append(check_source(path, sc, project))
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


def publish(staging: Path, dist: Path) -> None:
    """Move the finished files into dist/, the database last."""
    dist.mkdir(parents=True, exist_ok=True)
    names = sorted(p.name for p in staging.iterdir())
    names.sort(key=lambda n: n == f"{DB_NAME}.db")
    for name in names:
        target = dist / name
        if (staging / name).is_dir() and target.exists():
            # a folder cannot replace a non-empty folder in one step: swap, then drop the old one
            old = staging / f".old-{name}"
            os.replace(target, old)
            os.replace(staging / name, target)
            shutil.rmtree(old)
        else:
            os.replace(staging / name, target)


def build(root: Path, quiet: bool = False) -> BuildResult:
    project = Project(root.resolve())
    if not project.root.is_dir():
        raise BuildError(str(root), "is not a folder: --root names a project tree holding raw/ and curation/")
    curation, checked = check_sources(project, quiet)
    tables = build_tables(curation, checked)
    tables |= {name: sort_by_key(name, rows) for name, rows in derive_tables(tables, checked).items()}
    version = schemas.package_descriptor()["version"]
    staging = Path(tempfile.mkdtemp(prefix=".build-", dir=project.root))
    try:
        descriptor = write_package(staging, tables, version, PACKAGE_DIR)
        validate_package(descriptor, tables)
        load_database(staging / f"{DB_NAME}.db", tables, load_metadata_yml())
        write_metadata(staging / METADATA_FILE, list(tables), version)
        write_inspect_file(staging)
        publish(staging, project.dist_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return BuildResult(project.db_path, {name: len(rows) for name, rows in tables.items()})
