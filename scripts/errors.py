"""The one error type the pipeline reports to people: a file, a line when known, and the problem."""
from __future__ import annotations

from pathlib import Path


class BuildError(Exception):
    """A problem in the project's inputs, reported as `file:line: problem` without a traceback."""

    def __init__(self, problem: str, path: Path | str | None = None, line: int | None = None) -> None:
        self.problem = problem
        self.path = path
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{display(self.path)}:{self.line}: " if self.line else f"{display(self.path)}: "
        return where + self.problem


def display(path: Path | str) -> str:
    """A path relative to the project root when it lies inside it."""
    from .paths import ROOT

    try:
        p = Path(path).resolve()
    except (OSError, RuntimeError):  # a symbolic link loop
        p = Path(path).absolute()
    try:
        return str(p.relative_to(ROOT))
    except ValueError:
        return str(path)
