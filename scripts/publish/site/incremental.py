"""Resource pages written again only when what they show changed.

While a page is rendered, the model notes every node whose statements, names or link label it looks up
(`Model.reads`, see model.py). The page's output is a function of those nodes' data and of things common to
every page (the code and templates, the prefixes, the class hierarchy). The model's data about a node comes
only from the triples that have it as subject or object (and, for a link label, those of the link record that
targets it). So the triples that differ between the publication in place (its `ngo-fp.nt`) and the new graph
name every node whose data changed; a page that read none of them, with the same common things, is the same
page, and its files in the publication in place are hard-linked instead of rendered. A page cannot start
reading other nodes without a node it read having changed: it only reads what the data of those told it to.

What each page read is kept in the build cache (scripts/cache.py, `site-pages`) with the digest of the
N-Triples it was rendered from and the size, modification time and inode of each file it wrote: a file changed
or replaced since then is never reused. `tests/test_site_incremental.py` checks that a site written this way
after changes equals one written afresh.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.term import Node

from ... import cache
from ...paths import NFP, ROOT
from .model import Model

KIND = "site-pages"
DUMP = "ngo-fp.nt"  # the publication's sorted N-Triples: the graph its pages were rendered from


def node_key(node: Node) -> str:
    return node.n3()


class Pages:
    """The record of the pages of one site: read from the publication in place (`before`, its site folder),
    written for the new one; `ntriples`: the new graph's sorted N-Triples (its dump); `home`: where the new
    site will be, the key of its record."""

    def __init__(self, model: Model, ntriples: str, before: Path | None, home: Path | None) -> None:
        self.model, self.before = model, before
        self.key = cache.digest([str(home.resolve())]) if home is not None else None
        self.common = self.common_digest(model)
        self.graph_digest = cache.digest([ntriples])
        self.old: dict[str, object] = {}
        self.changed: set[str] = set()
        kept = cache.get(KIND, self.key) if self.key is not None and before is not None else None
        if isinstance(kept, dict) and kept.get("common") == self.common and before is not None:
            old_nt = self.old_ntriples(before.parent / DUMP, str(kept.get("graph")))
            if old_nt is not None:
                self.old = kept
                self.changed = self.changed_nodes(old_nt, ntriples)
        self.pages: dict[str, dict[str, object]] = {}
        self.reused = 0
        self.folders: set[str] = set()

    @staticmethod
    def common_digest(model: Model) -> str:
        """What every page depends on besides its nodes: the code (with the templates), the prefixes and
        the class hierarchy."""
        supers = sorted((str(c), sorted(map(str, s))) for c, s in model.supers.items())
        return cache.digest([*cache.files([ROOT / "scripts"]), repr(model.namespaces), repr(supers)])

    @staticmethod
    def old_ntriples(path: Path, digest: str) -> str | None:
        """The dump of the publication in place, if it is the graph the record was made from."""
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        return text if cache.digest([text]) == digest else None

    def changed_nodes(self, old: str, new: str) -> set[str]:
        """The keys of the nodes whose data differs between the two graphs (sorted N-Triples): the subjects
        and objects of the triples in one and not the other, and the targets of link records among them."""
        lines = set(old.splitlines()) ^ set(new.splitlines())
        diff = Graph(bind_namespaces="none").parse(data="\n".join(lines) + "\n", format="nt") if lines else Graph()
        changed: set[Node] = set()
        for s, _, o in diff:
            changed.add(s)
            if not isinstance(o, Literal):
                changed.add(o)
            changed.update(self.model.objects(s, NFP.linkTarget))  # its label is the target's link label
        return {node_key(n) for n in changed}

    def reuse(self, rel: str, site: Path) -> bool:
        """Link the page `rel` and its files from the site in place if nothing it read changed."""
        old = self.old.get("pages", {}).get(rel) if self.old else None
        if not isinstance(old, dict) or self.before is None or not self.changed.isdisjoint(old["deps"]):
            return False
        if not unchanged(self.before, old["files"]):
            return False
        link(self.before, site, old["files"], self.folders)
        self.pages[rel] = old
        self.reused += 1
        return True

    def begin(self) -> None:
        self.model.reads = set()

    def end(self, rel: str, files: list[str]) -> None:
        reads = self.model.reads or set()
        self.model.reads = None
        self.pages[rel] = {"deps": sorted(node_key(n) for n in reads), "files": {name: None for name in files}}

    def save(self, site: Path) -> None:
        """Keep the record, with the stamps of the files as written (call after they are on disk)."""
        if self.key is None:
            return
        for page in self.pages.values():
            files = page["files"]
            for name, kept in files.items():
                if kept is None:
                    files[name] = stamp(site, name)
        cache.put(KIND, self.key, {"common": self.common, "graph": self.graph_digest, "pages": self.pages})


# A file written into a site is known again by its stamp: size, modification time and inode. A file changed or
# replaced since it was written has another, and is never linked into a new site.
def stamp(site: Path, name: str) -> list[int]:
    st = os.lstat(f"{site}/{name}")
    return [st.st_size, st.st_mtime_ns, st.st_ino]


def unchanged(before: Path, stamps: dict[str, list[int]]) -> bool:
    """Whether each file named in `stamps` is in the site `before` with that stamp."""
    prefix = f"{before}/"  # plain strings: pathlib costs more than the system calls here
    for name, kept in stamps.items():
        try:
            st = os.lstat(prefix + name)
        except OSError:
            return False
        if [st.st_size, st.st_mtime_ns, st.st_ino] != kept:
            return False
    return True


def link(before: Path, site: Path, names: Iterable[str], folders: set[str]) -> None:
    """Hard-link the files `names` of the site `before` into `site`; `folders`: those made so far (added to)."""
    for name in names:
        target = f"{site}/{name}"
        folder = os.path.dirname(target)
        if folder not in folders:
            os.makedirs(folder, exist_ok=True)
            folders.add(folder)
        os.link(f"{before}/{name}", target)
