"""The one exception the build raises for bad input: it names the file and, where there is one, the line."""

from __future__ import annotations

from pathlib import Path


class BuildError(Exception):
    """A problem with the project's input, reported to the user without a traceback."""

    def __init__(self, path: Path | str, message: str, line: int | None = None):
        self.path = str(path)
        self.message = message
        self.line = line
        super().__init__(str(self))

    def __reduce__(self) -> tuple:
        # rebuilt from its parts when a build worker sends it back to the main process
        return (BuildError, (self.path, self.message, self.line))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"
