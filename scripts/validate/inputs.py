"""Which files a command names: the files given, and the RDF files inside the folders given."""
from __future__ import annotations

from pathlib import Path

from ..errors import BuildError
from ..inputs import walk
from ..load import FORMATS, check_file


def data_files(paths: list[Path]) -> list[Path]:
    """The RDF files named, and those inside the folders named (by extension, whatever its case; symbolic
    links to folders are not followed), in a stable order, each once (a file named again, by another path, a link
    or inside a folder also named, is read once: read twice, its blank nodes were two sets of resources and a
    maximum count could fail). Each is checked (scripts/load.py: check_file)."""
    found: list[Path] = []
    for path in paths:
        try:
            folder, linked = path.is_dir(), path.is_symlink()
            if folder and linked:
                raise BuildError("a symbolic link to a folder, which is not followed (name the folder itself)", path)
        except OSError as exc:  # a name too long for the system, for one
            raise BuildError(exc.strerror or str(exc), path) from None
        if folder:  # (not a link: refused above)
            inside = list(_walk(path))
            if not inside:
                raise BuildError(f"no RDF files ({', '.join(FORMATS)}) in this folder", path)
            found += inside
        else:
            found.append(path)
    once: dict[object, Path] = {}
    for path in found:
        once.setdefault(_identity(path), path)
    for path in once.values():
        check_file(path)
    return list(once.values())


def _identity(path: Path) -> object:
    """What makes two paths one file: its device and inode (a link, a hard link, `a/../a/x.ttl`)."""
    try:
        status = path.stat()
        return status.st_dev, status.st_ino
    except (OSError, ValueError):  # refused with its own message by check_file
        return path

def names_input(path: Path, paths: list[Path]) -> bool:
    """Whether an existing file is one of the files the command names: given itself, or inside a folder given
    (the report of `validate my-data --report-json my-data/x.nt` would overwrite an input)."""
    for given in paths:
        if not given.exists():
            continue
        if given.is_dir() and not given.is_symlink():
            if any(_same(f, path) for f in _walk(given)):
                return True
        elif _same(given, path):
            return True
    return False


def _same(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:  # a broken link or a loop among the inputs: refused with its own message when read
        return False


def _walk(folder: Path) -> list[Path]:
    out = []
    try:
        for root, dirs, files in walk(folder):
            dirs.sort()
            out += [root / f for f in sorted(files) if Path(f).suffix.lower() in FORMATS]
    except OSError as exc:
        raise BuildError(exc.strerror or str(exc), exc.filename or folder) from None
    return out
