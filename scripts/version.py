"""The release version: strictly ASCII `MAJOR.MINOR.PATCH` (no leading zeros, no other characters), from the
VERSION file or from `make release VERSION=x.y.z`. Anything else is refused before any work is done."""
from __future__ import annotations

import re
from pathlib import Path

from .errors import BuildError
from .inputs import check_regular_file
from .paths import VERSION_FILE

PATTERN = re.compile(r"(?:0|[1-9][0-9]{0,8})\.(?:0|[1-9][0-9]{0,8})\.(?:0|[1-9][0-9]{0,8})", re.ASCII)


def check(version: str, where: Path | str, line: int | None = None) -> str:
    """`version` if it is ASCII MAJOR.MINOR.PATCH, else a BuildError naming where it came from."""
    if not PATTERN.fullmatch(version):
        shown = version if len(version) <= 60 else version[:57] + "..."
        raise BuildError(f"version {shown!r} is not of the form MAJOR.MINOR.PATCH (ASCII digits, e.g. 1.2.3)",
                         where, line)
    return version


def read(path: Path = VERSION_FILE) -> str:
    """The version in the VERSION file: one line, ASCII MAJOR.MINOR.PATCH."""
    check_regular_file(path)  # a FIFO would hang the build (holding its lock), a link would be followed
    try:
        text = path.read_bytes().decode("ascii")
    except FileNotFoundError:
        raise BuildError("file not found", path) from None
    except UnicodeDecodeError:
        raise BuildError("not ASCII: the version must be of the form MAJOR.MINOR.PATCH (e.g. 1.2.3)", path, 1) from None
    return check(text.removesuffix("\n"), path, 1)
