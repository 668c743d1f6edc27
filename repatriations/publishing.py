"""The `datasette publish` commands for a release, generated from what the release
itself holds (its settings.json, copied from the one in the checkout) and from the
server packages requirements.txt pins, so a published app serves exactly as
`datasette serve dist/` does. `python build.py publish-args fly|cloudrun` prints them."""

from __future__ import annotations

import json
from pathlib import Path

from .project import CODE_ROOT, DB_NAME

# What the server needs beyond the database: Datasette, its plugins, and the libraries
# the plugins in plugins/ import (asgi-gzip: plugins/response_cache.py).
SERVER_PACKAGES = ("datasette", "datasette-", "asgi-gzip")
NAME_OPTION = {"fly": "--app", "cloudrun": "--service"}


def server_pins(requirements: Path = CODE_ROOT / "requirements.txt") -> list[str]:
    """The server's packages as requirements.txt pins them, e.g. datasette==0.65.5."""
    lines = [line.split("#")[0].strip() for line in requirements.read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if line.lower().split("==")[0].startswith(SERVER_PACKAGES)]


def setting_value(value: object) -> str:
    return ("on" if value else "off") if isinstance(value, bool) else str(value)


def release_settings(dist: Path) -> dict[str, str]:
    """The release's settings.json, each value as `--setting NAME VALUE` writes it."""
    settings = json.loads((dist / "settings.json").read_text(encoding="utf-8"))
    return {key: setting_value(value) for key, value in settings.items()}


def publish_args(target: str, dist: Path, name: str) -> list[str]:
    """`datasette publish TARGET` for the release in dist/ (a configuration directory).
    datasette-publish-fly takes --setting; publish cloudrun passes them as --extra-options."""
    pairs = [arg for key, value in release_settings(dist).items() for arg in ("--setting", key, value)]
    passed = pairs if target == "fly" else ["--extra-options", " ".join(pairs)]
    return [
        "datasette", "publish", target, str(dist / f"{DB_NAME}.db"), NAME_OPTION[target], name,
        "--metadata", str(dist / "metadata.json"),
        "--plugins-dir", str(dist / "plugins"),
        "--template-dir", str(dist / "templates"),
        "--static", f"static:{dist / 'static'}",
        *passed,
        *(arg for pin in server_pins() for arg in ("--install", pin)),
    ]  # fmt: skip
