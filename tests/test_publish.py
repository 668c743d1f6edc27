"""`datasette publish fly --generate-dir` (datasette-publish-fly; no Fly account needed),
run with the options `build.py publish-args fly` prints, writes an app that serves the
release as `datasette serve dist/` does: the same database, metadata, plugins,
templates, static data package and settings (the release's settings.json), and the
Datasette version requirements.txt pins."""

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

from repatriations.publishing import server_pins
from repatriations.support.checkout import ROOT, copy_project

BIN = Path(sys.executable).parent
APP = "repatriations-test"


def settings(args: list[str]) -> dict[str, bool | int | str]:
    """The --setting pairs as Datasette reads them (the publisher writes `off` as `False`)."""
    pairs = [(args[i + 1], args[i + 2]) for i, arg in enumerate(args) if arg == "--setting"]
    return {name: as_datasette_reads(name, value) for name, value in pairs}


def as_datasette_reads(name: str, value: str) -> bool | int | str:
    default = DEFAULT_SETTINGS[name]
    if isinstance(default, bool):
        return bool(value_as_boolean(value))
    return int(value) if isinstance(default, int) else value


def test_the_published_app_installs_what_the_plugins_import():
    pins = {pin.split("==")[0] for pin in server_pins()}
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
    printed = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--root", str(root), "publish-args", "fly", "--name", APP],
        capture_output=True, text=True, check=True,
    ).stdout
    cmd = [str(BIN / "datasette"), *shlex.split(printed)[1:], "--generate-dir", str(out)]
    assert cmd[1:3] == ["publish", "fly"]
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


@pytest.mark.parametrize("folder", ["plugins", "templates"])
def test_the_app_carries_the_plugins_and_templates(generated, folder):
    dist, out = generated
    assert files(out / folder) == files(dist / folder)
    assert set(files(dist / folder)) == {p for p in files(ROOT / folder) if "__pycache__" not in p}


def test_the_app_serves_the_data_package_as_static_files(generated):
    dist, out = generated
    assert files(out / "static") == files(dist / "static")
    assert "package/datapackage.json" in files(out / "static")
    assert "--static static:static" in " ".join(dockerfile_cmd(out))


def test_the_dockerfile_serves_with_the_releases_settings(generated):
    dist, out = generated
    cmd = dockerfile_cmd(out)
    assert cmd[:2] == ["datasette", "serve"]
    expected = json.loads((dist / "settings.json").read_text())
    assert expected == json.loads((ROOT / "settings.json").read_text()) and len(expected) >= 5
    assert settings(cmd) == expected
    for pair in (["-i", "repatriations.db"], ["--inspect-file", "inspect-data.json"], ["--metadata", "metadata.json"]):
        assert " ".join(pair) in " ".join(cmd), pair
    assert "--plugins-dir" in cmd and "--template-dir" in cmd


def test_the_dockerfile_installs_the_pinned_datasette(generated):
    _, out = generated
    runs = [line for line in (out / "Dockerfile").read_text().splitlines() if line.startswith("RUN ")]
    pins = server_pins()
    assert any(p.startswith("datasette==") for p in pins)
    install = next(line for line in runs if "pip install" in line)
    for pin in pins:
        assert pin in install.split(), (pin, install)
    assert any("datasette inspect repatriations.db --inspect-file inspect-data.json" in line for line in runs)
