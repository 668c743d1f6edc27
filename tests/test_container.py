"""The Dockerfile lints clean and builds and serves exactly as the Makefile does."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from repatriations.support.checkout import ROOT

BIN = Path(sys.executable).parent


def dockerfile_instructions() -> list[tuple[str, str]]:
    text = (ROOT / "Dockerfile").read_text()
    text = re.sub(r"\\\n", " ", text)
    instructions = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            name, arg = line.split(None, 1)
            instructions.append((name, arg))
    return instructions


def test_hadolint_is_clean():
    hadolint = shutil.which("hadolint") or str(BIN / "hadolint")
    result = subprocess.run([hadolint, str(ROOT / "Dockerfile")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_image_serves_the_release_folder():
    """`datasette serve dist/`: the release is a configuration directory, so the folder is all it takes."""
    assert json.loads(dict(dockerfile_instructions())["CMD"]) == ["datasette", "serve", "dist/", "-h", "0.0.0.0", "-p", "8001"]


def test_image_builds_the_database_like_make_build():
    runs = [arg for name, arg in dockerfile_instructions() if name == "RUN"]
    assert "python build.py" in runs
    makefile = (ROOT / "Makefile").read_text()
    assert "$(BIN)/python build.py" in makefile
    assert "pip install --no-cache-dir -r requirements.txt -c constraints.txt" in runs


def test_image_copies_everything_the_build_and_server_read():
    copied = " ".join(arg for name, arg in dockerfile_instructions() if name == "COPY")
    for needed in ("build.py", "metadata.yml", "settings.json", "repatriations/", "schema/", "raw/", "curation/", "plugins/", "templates/"):
        assert needed in copied, needed
