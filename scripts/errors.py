"""The error types the pipeline reports to people: a file, a line when known, and the problem, one line each."""
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
        return where + printable(" ".join(self.problem.split()))

    def lines(self) -> list[str]:
        """What to print: one line per problem."""
        return [str(self)]


class Problems(BuildError):
    """Several problems found by one step (quotes not found, QC rows, SHACL violations), each one line."""

    def __init__(self, summary: str, problems: list[BuildError], shown: int = 100) -> None:
        self.summary = summary
        self.problems = sorted(problems, key=lambda p: (display(p.path) if p.path is not None else "~", p.line or 0, p.problem))
        self.shown = shown
        super().__init__(summary)

    def lines(self) -> list[str]:
        out = [str(p) for p in self.problems[:self.shown]]
        if len(self.problems) > self.shown:
            out.append(f"... and {len(self.problems) - self.shown} more")
        return out + [" ".join(self.summary.split())]


# control characters (and the invisible byte order mark) in a file name or a parser's message, shown escaped: a
# message stays one line and cannot drive the terminal
_CONTROL = {code: f"\\x{code:02x}" for code in (*range(32), *range(127, 160))} | {9: "\\t", 10: "\\n", 13: "\\r",
                                                                                0xFEFF: "\\ufeff"}


def display(path: Path | str) -> str:
    """A path relative to the project root when it lies inside it, its control characters escaped."""
    import os

    from .paths import ROOT

    p = Path(os.path.abspath(path))  # not resolve(): a symbolic link is shown as itself, not as its target
    try:
        shown = str(p.relative_to(ROOT))
    except ValueError:
        shown = str(path)
    return printable(spelled(shown))


def printable(text: str) -> str:
    """`text` with its control characters escaped (one line, and nothing that drives the terminal)."""
    return text.translate(_CONTROL)


def spelled(path: Path | str) -> str:
    """A path's text as UTF-8 can write it: a byte of its name that is not UTF-8 (which Python keeps as a lone
    surrogate, and which no UTF-8 output takes) shown as `\\xff`."""
    import os

    return os.fsencode(path).decode("utf-8", "backslashreplace")
