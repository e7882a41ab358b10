"""Resource pages written again only when what they show changed.

While a page is rendered, the model notes every node whose statements, names or link label it looks up
(`Model.reads`, see model.py). The page's output is a function of those nodes' data and of things common to
every page (the code and templates, the prefixes, the class hierarchy): if none of them changed since the
publication in place was written, neither did the page, and its files there are hard-linked instead of
rendered. A page whose looked-up nodes are the same but whose output would read other nodes is impossible:
the rendering only reads other nodes because the data of the nodes it read told it to.

What each page read is kept in the build cache (scripts/cache.py, `site-pages`), with the size, modification
time and inode of each file it wrote: a file changed or replaced since then is never reused.
`tests/test_site_incremental.py` checks that a site written this way after changes equals one written afresh.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.term import Node

from .. import cache
from ..paths import ROOT
from .model import Model

KIND = "site-pages"


def node_key(node: Node) -> str:
    return node.n3()


def text_of(term: Node) -> str:
    """A term as text that tells kinds, languages and datatypes apart (for digests; cheaper than n3())."""
    kind = type(term)
    if kind is URIRef:
        return "<" + term + ">"
    if kind is Literal:
        return f'{str(term)!r}@{term.language or ""}^^{term.datatype or ""}'  # type: ignore[attr-defined]
    return f"_:{term}"


class Pages:
    """The record of the pages of one site: read from the publication in place, written for the new one."""

    def __init__(self, model: Model, before: Path | None, home: Path | None) -> None:
        self.model, self.before = model, before
        self.key = cache.digest([str(home.resolve())]) if home is not None else None
        self.common = self.common_digest(model)
        self.by_key = {node_key(n): n for part in (model.out, model.inc, model.names, model.link_labels) for n in part}
        self.digests: dict[str, bytes] = {}
        self.old: dict[str, object] = {}
        kept = cache.get(KIND, self.key) if self.key is not None and before is not None else None
        if isinstance(kept, dict) and kept.get("common") == self.common:
            self.old = kept
        self.pages: dict[str, dict[str, object]] = {}
        self.reused = 0
        self.folders: set[str] = set()

    @staticmethod
    def common_digest(model: Model) -> str:
        """What every page depends on besides its nodes: the code (with the templates), the prefixes and
        the class hierarchy."""
        supers = sorted((str(c), sorted(map(str, s))) for c, s in model.supers.items())
        return cache.digest([*cache.files([ROOT / "scripts"]), repr(model.namespaces), repr(supers)])

    def node_digest(self, key: str) -> bytes:
        """A digest of everything the model holds about one node: its statements both ways, names, link label."""
        if key not in self.digests:
            node, m = self.by_key.get(key), self.model
            if node is None:
                text = ""
            else:
                parts = [text_of(a) + "\t" + text_of(b) for a, b in dict.get(m.out, node, ())]
                parts.append("\x1d")
                parts += [text_of(a) + "\t" + text_of(b) for a, b in dict.get(m.inc, node, ())]
                parts.append(repr(sorted(dict.get(m.names, node, {}).items(), key=repr)))
                parts.append(repr(dict.get(m.link_labels, node)))
                text = "\n".join(parts)
            self.digests[key] = hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()
        return self.digests[key]

    def digest(self, keys: list[str]) -> str:
        h = hashlib.blake2b(digest_size=16)
        for key in keys:
            h.update(self.node_digest(key))
        return h.hexdigest()

    def reuse(self, rel: str, site: Path) -> bool:
        """Link the page `rel` and its files from the site in place if nothing it read changed."""
        old = self.old.get("pages", {}).get(rel) if self.old else None
        if not isinstance(old, dict) or self.before is None or self.digest(old["deps"]) != old["digest"]:
            return False
        before = f"{self.before}/"  # plain strings: pathlib costs more than the system calls here
        for name, stamp in old["files"].items():
            try:
                st = os.lstat(before + name)
            except OSError:
                return False
            if [st.st_size, st.st_mtime_ns, st.st_ino] != stamp:
                return False
        for name in old["files"]:
            target = f"{site}/{name}"
            folder = os.path.dirname(target)
            if folder not in self.folders:
                os.makedirs(folder, exist_ok=True)
                self.folders.add(folder)
            os.link(before + name, target)
        self.pages[rel] = old
        self.reused += 1
        return True

    def begin(self) -> None:
        self.model.reads = set()

    def end(self, rel: str, files: list[str]) -> None:
        reads = self.model.reads or set()
        self.model.reads = None
        deps = sorted(node_key(n) for n in reads)
        self.pages[rel] = {"deps": deps, "digest": self.digest(deps), "files": {name: None for name in files}}

    def save(self, site: Path) -> None:
        """Keep the record, with the stamps of the files as written (call after they are on disk)."""
        if self.key is None:
            return
        for page in self.pages.values():
            files = page["files"]
            for name, stamp in files.items():
                if stamp is None:
                    st = os.lstat(site / name)
                    files[name] = [st.st_size, st.st_mtime_ns, st.st_ino]
        cache.put(KIND, self.key, {"common": self.common, "pages": self.pages})
