"""Where a project tree keeps its inputs and outputs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# The schemas, metadata, templates and plugins belong to the code, not to a tree
# of articles: `build.py --root DIR` builds DIR's articles with these.
CODE_ROOT = Path(__file__).resolve().parent.parent
SCHEMA_DIR = CODE_ROOT / "schema"
METADATA_YML = CODE_ROOT / "metadata.yml"
DB_NAME = "repatriations"


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def raw_dir(self) -> Path:
        return self.root / "raw"

    @property
    def curation_dir(self) -> Path:
        return self.root / "curation"

    @property
    def sources_dir(self) -> Path:
        return self.curation_dir / "sources"

    @property
    def dist_dir(self) -> Path:
        return self.root / "dist"

    @property
    def db_path(self) -> Path:
        return self.dist_dir / f"{DB_NAME}.db"

    def display(self, path: Path) -> str:
        """A path as the user would type it: relative to the project root when inside it."""
        try:
            return str(path.relative_to(self.root))
        except ValueError:
            pass
        try:
            return str(path.resolve().relative_to(self.root.resolve()))
        except ValueError:
            return str(path)
