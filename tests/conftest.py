"""Shared fixtures: a copy of the project built once per session into a temporary
folder, a Datasette instance configured as `make serve` configures it, and Debian's
chromium for the browser tests. What tests import (the checkout's ROOT, copy_project,
rows) is in repatriations.support."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from repatriations.pipeline import build
from repatriations.support.checkout import ARTIFACTS, copy_project

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("project"))
    build(root, quiet=True)
    return root


@pytest.fixture(scope="session")
def db_path(built: Path) -> Path:
    return built / "dist" / "repatriations.db"


@pytest.fixture
def db(db_path: Path):
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    yield conn
    conn.close()


@pytest.fixture
def datasette(built: Path):
    from datasette.app import Datasette

    # as `datasette serve dist/` configures itself from the release folder
    return Datasette(config_dir=(built / "dist").resolve())


@pytest.fixture(scope="module")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    page.errors = []
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    yield page
    context.close()
