"""Build results kept by content hash (in `.cache/build/`, not in git), so that work is done once per content:

- the checks (QC, SHACL, HermiT) passed on a graph are not run again on the same graph with the same shapes,
  QC queries and checking code: a rebuild after a change to the site's code, a comment or a blank line only
  writes the publication;
- a build whose every input (source files, code, version, options) has the same hash as that of the
  publication in place does nothing but say so; an instance file counts by its statements (`statements`), so an
  edit of its comments or layout alone is such a build;
- a part of the publication that does not depend on the article's instances (the PLOVER dataset) is kept as
  a folder and copied in when its inputs have not changed (`get_folder`, `put_folder`).

Keys are SHA-256 digests of the bytes that decide the result; an entry is written atomically (a temporary file
renamed), so a killed build leaves no half entry. `NGO_FP_NO_CACHE=1` turns the cache off; `NGO_FP_CACHE=folder`
puts it elsewhere.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from .paths import ROOT

FOLDER = Path(os.environ.get("NGO_FP_CACHE") or ROOT / ".cache" / "build")
KEEP = 50  # entries kept; the oldest beyond are removed
CODE = ROOT / "scripts"
# What in scripts/ only writes or serves the publication: a change there does not invalidate the checks (the
# names were those of an older flat layout, and a change to the site's code ran QC and SHACL again).
PUBLICATION_ONLY = {"publish", "serve", "cache.py", "__pycache__"}


def enabled() -> bool:
    return os.environ.get("NGO_FP_NO_CACHE") != "1"


def digest(parts: Iterable[bytes | str]) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def files(paths: Iterable[Path], skip: set[str] = frozenset({"__pycache__"}),
          content: Callable[[Path], bytes] = Path.read_bytes) -> list[bytes | str]:
    """Relative names and contents (by default the bytes) of the files under `paths`, in a stable order (for a
    digest)."""
    out: list[bytes | str] = []
    for top in paths:
        found = [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file()) if top.is_dir() else []
        for path in found:
            rel = path.relative_to(top.parent) if top.is_dir() else Path(path.name)
            if set(rel.parts) & skip or path.suffix == ".pyc":
                continue
            out += [str(top), rel.as_posix(), content(path)]
    return out


def statements(path: Path) -> bytes:
    """What a build reads of a Turtle file, for a digest: its statements in the order written (blank nodes by
    their first appearance) and its prefixes in theirs, as Oxigraph's parser reads them (0.02 s for the article's
    6,000), not its comments and layout; the bytes of any other file, or of one the parser refuses (the build
    then says why)."""
    import pyoxigraph as ox

    if path.suffix != ".ttl":
        return path.read_bytes()
    blank: dict[str, str] = {}

    def text(term: object) -> str:
        return blank.setdefault(term.value, f"_:b{len(blank)}") if isinstance(term, ox.BlankNode) else str(term)

    try:
        parser = ox.parse(path=str(path), format=ox.RdfFormat.TURTLE, base_iri=path.resolve().as_uri())
        lines = [" ".join(text(t) for t in (q.subject, q.predicate, q.object)) for q in parser]
        # the parser's prefixes come sorted; the declarations' order (which rdflib's bindings may follow) from the
        # text, anywhere (one quoted or in a comment only makes the digest change more often)
        declared = PREFIX_DECLARATION.findall(path.read_text(encoding="utf-8"))
        return "\n".join([*lines, *(f"@prefix {k}: <{v}>" for k, v in [*parser.prefixes.items(), *declared])]
                         ).encode("utf-8")
    except (SyntaxError, ValueError, OSError):
        return path.read_bytes()


PREFIX_DECLARATION = re.compile(r"(?i:@prefix|prefix)\s+([^\s:]*):\s*<([^>]*)>")


def environment() -> list[bytes | str]:
    """What else decides the results: the Python version and the pinned libraries (both environments)."""
    pinned = [ROOT / "requirements.txt", ROOT / "requirements-rml.txt"]
    return [sys.version, *(p.read_bytes() if p.exists() else b"" for p in pinned)]


def checking_code() -> list[bytes | str]:
    return files(sorted(p for p in CODE.iterdir() if p.name not in PUBLICATION_ONLY), skip={"__pycache__"})


def get(kind: str, key: str) -> object | None:
    if not enabled():
        return None
    try:
        return json.loads((FOLDER / f"{kind}-{key}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def put(kind: str, key: str, value: object) -> None:
    """Store `value` (JSON) under `kind` and `key`; a cache that cannot be written is no error."""
    if not enabled():
        return
    try:
        FOLDER.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=FOLDER, prefix=".tmp-")
        with os.fdopen(fd, "w", encoding="utf-8") as f:  # json.dumps: json.dump encodes in Python, 3x slower
            f.write(json.dumps(value, sort_keys=True))
        os.replace(tmp, FOLDER / f"{kind}-{key}.json")
        entries = sorted(FOLDER.glob("*.json"), key=lambda p: p.stat().st_mtime)
        for old in entries[:-KEEP]:
            old.unlink(missing_ok=True)
    except OSError:
        pass


def get_folder(kind: str, key: str) -> Path | None:
    """The folder kept under `kind` and `key`, if there is one (read it, do not change it)."""
    folder = FOLDER / f"{kind}-{key}"
    return folder if enabled() and (folder / ".complete").is_file() else None


def put_folder(kind: str, key: str, source: Path) -> None:
    """Keep a copy of the folder `source` under `kind` and `key` (copied, then renamed into place, so a kill
    leaves no half folder); only the newest folder of each kind is kept. A cache that cannot be written is no
    error."""
    if not enabled():
        return
    try:
        FOLDER.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(dir=FOLDER, prefix=".tmp-"))
        shutil.copytree(source, tmp / "copy", symlinks=False)
        (tmp / "copy" / ".complete").write_text(key + "\n", encoding="utf-8")
        target = FOLDER / f"{kind}-{key}"
        for old in FOLDER.glob(f"{kind}-*"):
            if old.is_dir() and old != target:
                shutil.rmtree(old, ignore_errors=True)
        if not target.exists():
            os.replace(tmp / "copy", target)
        shutil.rmtree(tmp, ignore_errors=True)
    except OSError:
        pass
