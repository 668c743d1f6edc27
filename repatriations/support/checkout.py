"""The checkout this package runs from, and copies of its project tree to break."""

from __future__ import annotations

import shutil
from pathlib import Path

from repatriations.project import CODE_ROOT

# the checkout the package runs from (installed editable: `pip install -e .`)
ROOT = CODE_ROOT
# the articles as first received, outside the checkout, which raw/ must match byte for byte
SEEDS = ROOT.parent / "shared" / "seeds"
# where the browser tests leave their screenshots (git-ignored)
ARTIFACTS = ROOT / "test-artifacts"


def copy_project(dest: Path) -> Path:
    """A project tree (raw/ + curation/) that tests may break without touching the real one."""
    shutil.copytree(ROOT / "raw", dest / "raw")
    shutil.copytree(ROOT / "curation", dest / "curation")
    return dest
