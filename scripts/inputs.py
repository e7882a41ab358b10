"""The build's inputs: the folders people edit. They must hold regular files only: a symbolic link would
publish whatever it points to (outside the project too), and a FIFO or device would hang or feed the build."""
from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from .errors import BuildError
from .paths import DOCS, INSTANCES, ONTOLOGY, QUERIES, ROOT, SHAPES, SOURCES

# the second dataset published beside the article (examples/plover-gsr: its records and mapping) is read too
FOLDERS = (ONTOLOGY.parent, INSTANCES, SHAPES.parent, SOURCES, QUERIES, DOCS, ROOT / "links",
           ROOT / "examples" / "plover-gsr")


def check_regular(folders: tuple[Path, ...] | list[Path] = FOLDERS) -> None:
    """Raise BuildError on the first symbolic link or non-regular file in `folders` (missing folders are
    someone else's error)."""
    for folder in folders:
        if folder.is_symlink():
            raise BuildError(f"is a symbolic link (to {os.readlink(folder)}); source folders must be real folders", folder)
        if not folder.exists():
            continue
        try:
            for here, dirs, files in walk(folder):
                for name in sorted(dirs + files):
                    path = here / name
                    mode = path.lstat().st_mode
                    if stat.S_ISLNK(mode):
                        raise BuildError(f"is a symbolic link (to {os.readlink(path)}); sources must be regular files", path)
                    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
                        raise BuildError("is not a regular file (a FIFO, socket or device); sources must be regular files", path)
                dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        except OSError as exc:
            raise BuildError(exc.strerror or str(exc), exc.filename or folder) from None


def walk(folder: Path) -> Iterator[tuple[Path, list[str], list[str]]]:
    """os.walk's (folder, its folders, its other files), top down and without following links, the folders prunable
    in place, without recursion: os.walk recursed once per level in Python 3.11, and a folder 1,000 levels deep was a
    RecursionError, an internal error. A folder that cannot be read raises its OSError."""
    stack = [folder]
    while stack:
        here = stack.pop()
        dirs: list[str] = []
        files: list[str] = []
        with os.scandir(here) as entries:
            for entry in entries:
                (dirs if entry.is_dir(follow_symlinks=False) else files).append(entry.name)
        yield here, dirs, files
        stack.extend(here / name for name in reversed(dirs))


def check_regular_file(path: Path) -> None:
    """Raise BuildError if `path` is a symbolic link or not a regular file (a FIFO would hang its read); a missing
    file is its reader's error."""
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return
    if stat.S_ISLNK(mode):
        raise BuildError(f"is a symbolic link (to {os.readlink(path)}); sources must be regular files", path)
    if not stat.S_ISREG(mode):
        raise BuildError("is not a regular file (a folder, FIFO, socket or device); sources must be regular files", path)
