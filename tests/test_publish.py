"""`datasette publish fly --generate-dir` (datasette-publish-fly; no Fly account needed)
writes an app that serves the dataset as `make serve` does: the same database,
metadata, plugins, templates, static data package and settings, and the Datasette
version requirements.txt pins."""

from __future__ import annotations

import hashlib
import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from datasette.app import DEFAULT_SETTINGS
from datasette.utils import value_as_boolean

from repatriations.support.checkout import ROOT, copy_project

BIN = Path(sys.executable).parent
APP = "repatriations-test"


def make_serve_args() -> list[str]:
    printed = subprocess.run(
        ["make", "-s", "print-serve-args"], cwd=ROOT, capture_output=True, text=True, check=True, timeout=30
    ).stdout
    return shlex.split(printed)


def settings(args: list[str]) -> dict[str, bool | int | str]:
    """The --setting pairs as Datasette reads them (the publisher writes `off` as `False`)."""
    pairs = [(args[i + 1], args[i + 2]) for i, arg in enumerate(args) if arg == "--setting"]
    return {name: as_datasette_reads(name, value) for name, value in pairs}


def as_datasette_reads(name: str, value: str) -> bool | int | str:
    default = DEFAULT_SETTINGS[name]
    if isinstance(default, bool):
        return value_as_boolean(value)
    return int(value) if isinstance(default, int) else value


def publish_options(args: list[str], dist: Path) -> list[str]:
    """The serve arguments as publish options: the database (-i) becomes the file to publish,
    and --inspect-file is dropped because the generated Dockerfile runs `datasette inspect`."""
    options, i = [], 0
    while i < len(args):
        arg = args[i]
        if arg in ("-i", "--immutable", "--inspect-file"):
            i += 2
            continue
        width = 3 if arg == "--setting" else 2
        options += args[i : i + width]
        i += width
    return [re.sub(r"(^|:)dist/", lambda m: f"{m.group(1)}{dist}/", o) for o in options]


# What the server needs beyond the database: Datasette, its plugins, and the libraries
# the plugins in plugins/ import (asgi-gzip: plugins/response_cache.py).
SERVER_PACKAGES = ("datasette", "datasette-", "asgi-gzip")


def pinned_datasette_packages() -> list[str]:
    """The server's packages as requirements.txt pins them, e.g. datasette==0.65.5."""
    lines = [line.split("#")[0].strip() for line in (ROOT / "requirements.txt").read_text().splitlines()]
    return [line for line in lines if line.lower().split("==")[0].startswith(SERVER_PACKAGES)]


def test_the_published_app_installs_what_the_plugins_import():
    pins = {pin.split("==")[0] for pin in pinned_datasette_packages()}
    assert {"datasette", "datasette-vega", "asgi-gzip"} <= pins
    imported = {
        name.split(".")[0]
        for path in (ROOT / "plugins").glob("*.py")
        for name in re.findall(r"^(?:from|import) ([a-z_]+)", path.read_text(), re.M)
    }
    assert "asgi_gzip" in imported and "datasette" in imported


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> tuple[Path, Path]:
    root = copy_project(tmp_path_factory.mktemp("publish"))
    build = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--root", str(root), "--quiet"], capture_output=True, text=True
    )
    assert build.returncode == 0, build.stderr
    dist, out = root / "dist", root / "fly-app"
    installs = [opt for pkg in pinned_datasette_packages() for opt in ("--install", pkg)]
    cmd = [
        str(BIN / "datasette"), "publish", "fly", str(dist / "repatriations.db"), "--app", APP, "--generate-dir", str(out),
        *publish_options(make_serve_args(), dist), *installs,
    ]  # fmt: skip
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    return dist, out


def dockerfile_cmd(out: Path) -> list[str]:
    cmd = next(line for line in (out / "Dockerfile").read_text().splitlines() if line.startswith("CMD "))
    return shlex.split(cmd.removeprefix("CMD "))


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_app_carries_the_database_and_metadata(generated):
    dist, out = generated
    db = (out / "repatriations.db").read_bytes()
    assert hashlib.sha256(db).hexdigest() == hashlib.sha256((dist / "repatriations.db").read_bytes()).hexdigest()
    assert json.loads((out / "metadata.json").read_text()) == json.loads((dist / "metadata.json").read_text())
    assert f'app = "{APP}"' in (out / "fly.toml").read_text()


@pytest.mark.parametrize(("source", "copied"), [("plugins", "plugins"), ("templates", "templates")])
def test_the_app_carries_the_plugins_and_templates(generated, source, copied):
    _, out = generated
    assert files(out / copied) == files(ROOT / source)


def test_the_app_serves_the_data_package_as_static_files(generated):
    dist, out = generated
    assert files(out / "package") == files(dist / "package")
    assert "datapackage.json" in files(out / "package")
    assert "--static package:package" in " ".join(dockerfile_cmd(out))


def test_the_dockerfile_serves_with_the_makefile_settings(generated):
    _, out = generated
    cmd = dockerfile_cmd(out)
    assert cmd[:2] == ["datasette", "serve"]
    expected = settings(make_serve_args())
    assert len(expected) >= 5
    assert settings(cmd) == expected
    for pair in (["-i", "repatriations.db"], ["--inspect-file", "inspect-data.json"], ["--metadata", "metadata.json"]):
        assert " ".join(pair) in " ".join(cmd), pair
    assert "--plugins-dir" in cmd and "--template-dir" in cmd


def test_the_dockerfile_installs_the_pinned_datasette(generated):
    _, out = generated
    runs = [line for line in (out / "Dockerfile").read_text().splitlines() if line.startswith("RUN ")]
    pins = pinned_datasette_packages()
    assert any(p.startswith("datasette==") for p in pins)
    install = next(line for line in runs if "pip install" in line)
    for pin in pins:
        assert pin in install.split(), (pin, install)
    assert any("datasette inspect repatriations.db --inspect-file inspect-data.json" in line for line in runs)
