"""Build results kept by content hash (in `.cache/build/`, not in git), so that work is done once per content:

- the checks (QC, SHACL, HermiT) passed on a graph are not run again on the same graph with the same shapes,
  QC queries and checking code: a rebuild after a change to the site's code, or to a comment in the shapes
  (whose file is published as written) or the ontology, only writes the publication;
- a build whose every input (source files, code, version, options) has the same hash as that of the
  publication in place does nothing but say so; an instance file counts by its tokens (`tokens`: comments and
  layout aside), so an edit of its comments or layout alone is such a build;
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


def tokens(path: Path) -> bytes:
    """What a build reads of a Turtle file, for a digest: its tokens in order, without its comments and with each
    run of whitespace between tokens made one space (strings and IRIs kept as written). Two files with the same
    tokens are the same document to any Turtle parser, so only an edit of comments or layout keeps the digest
    (writing `1` for `"1"^^xsd:integer` changes it, to be safe). Any other file counts by its bytes, and so does
    one that is not UTF-8 (the build then says why)."""
    data = path.read_bytes()
    if path.suffix != ".ttl":
        return data
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return data
    out: list[str] = []
    for m in TURTLE_TOKEN.finditer(text):
        if m.lastgroup == "comment":
            continue
        token = " " if m.lastgroup == "space" else m.group()
        if token != " " or (out and out[-1] != " "):
            out.append(token)
    return "".join(out).strip().encode("utf-8")


# Turtle's tokens as far as a digest needs them (the W3C grammar's terminals): long and short strings with their
# escapes, IRIs, comments, whitespace (Turtle's four characters only: another, such as a no-break space, is an
# error outside a string and stays), an escape in a name, and runs of anything else (a lone character last)
TURTLE_TOKEN = re.compile(r"""
    (?P<string> "{3}(?:[^"\\]|\\.|"(?!""))*"{3} | '{3}(?:[^'\\]|\\.|'(?!''))*'{3}
              | "(?:[^"\\\n\r]|\\.)*" | '(?:[^'\\\n\r]|\\.)*' )
  | (?P<iri> <[^<>"{}|^`\\\x00-\x20]*> )
  | (?P<comment> \#[^\n\r]* )
  | (?P<space> [\x20\t\r\n]+ )
  | (?P<other> \\. | [^"'<\#\x20\t\r\n\\]+ | . )
""", re.VERBOSE | re.DOTALL)


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
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:  # json.dumps: json.dump encodes in Python, 3x slower
                f.write(json.dumps(value, sort_keys=True))
            os.replace(tmp, FOLDER / f"{kind}-{key}.json")
        except OSError:
            Path(tmp).unlink(missing_ok=True)  # a half-written entry is not left in the cache
            raise
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
    tmp: Path | None = None
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
    except OSError:
        pass
    finally:  # a copy cut short (a full disk) is not left in the cache for good
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
