"""The static site, for people who do not read Turtle: a landing page with search, browse by type with
filters, a page per resource (its JSON-LD embedded, .ttl/.jsonld beside it), the article with every evidence
quote marked, a timeline, an actor network, a SPARQL editor with the example queries, and the ontology's
documentation. Pages come from Jinja2 templates (`templates/`, autoescaped), styles and scripts from
`assets/` (third-party libraries vendored under `assets/vendor/` with their licences): no network needed.

`start(graph, dist)` begins: a forked process of its own writes every page while the caller writes the dumps, and
the two pages that read the dumps once the returned `Finish` is called, which waits for it; `scripts.publish`
calls both. A resource page whose data did not change since the publication in place is linked from it, not
rendered again (incremental.py). `write(graph, dist)` does it all in this process."""
from __future__ import annotations

import json
import os
import shutil
import stat
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, select_autoescape
from rdflib import OWL, Graph, URIRef

from ... import cache
from ...errors import BuildError
from ...paths import BASE
from .. import atomic, dumps
from . import article, browse, cite, guides, ontology_doc, pages, pictures, queries, rdfout, sample
from .incremental import Pages
from .model import Model

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
ASSETS = HERE / "assets"
SITE_TITLE = "NGOs and foreign policy in Turkey–Azerbaijan relations"


def environment() -> Environment:
    """The templates' environment; compiled templates are kept in the build cache (`bytecode_cache`): compiling
    the site's twelve took 0.1 s of every build."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                      bytecode_cache=bytecode_cache())
    env.globals["site_title"] = SITE_TITLE
    return env


def bytecode_cache() -> FileSystemBytecodeCache | None:
    """Jinja's cache of compiled templates, in the build cache under jinja/<digest>/. Jinja keys a template by
    its name and its source; the compiled code also depends on the environment's options (set above), Jinja's
    version and Python's, so these name the folder, and a folder of other code is removed."""
    if not cache.enabled():
        return None
    import jinja2

    key = cache.digest([Path(__file__).read_bytes(), jinja2.__version__, sys.version])[:16]
    folder = cache.FOLDER / "jinja" / key
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:  # a cache that cannot be written is no error
        return None
    for other in folder.parent.iterdir():
        if other != folder:
            shutil.rmtree(other, ignore_errors=True)
    return QuietBytecodeCache(str(folder))


class QuietBytecodeCache(FileSystemBytecodeCache):
    """Jinja's cache, whose failure to keep a template's code (a read-only or full cache folder) is no error, as
    for the rest of the build cache: the template is compiled again next time. Jinja raised the OSError, and a
    changed template failed the site, so the build."""

    def dump_bytecode(self, bucket) -> None:  # type: ignore[no-untyped-def]
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


class Writer:
    """Renders templates into files of site/. Files are written by `flush()` from a few threads: with 7,600
    small files the build waits on the disk more than it computes. A file whose bytes equal those of the same
    file in `previous` (the site of the publication in place) is hard-linked to it instead: creating a file
    costs about 0.3 ms here, a link a twentieth of that, and most pages do not change from one build to the
    next. The old publication is removed after the swap; its linked files live on in the new one."""

    def __init__(self, site: Path, previous: Path | None = None) -> None:
        self.site, self.previous = site, previous
        self.env = environment()
        self.count = 0
        self.pending: dict[str, str] = {}

    def page(self, template: str, rel: str, **ctx: object) -> None:
        ctx.setdefault("up", "../" * rel.count("/"))
        self.text(rel, self.env.get_template(template).render(**ctx))
        self.count += 1

    def text(self, rel: str, text: str) -> None:
        self.pending[rel] = text

    def flush(self) -> None:
        for folder in sorted({(self.site / rel).parent for rel in self.pending}):
            folder.mkdir(parents=True, exist_ok=True)
        with ThreadPoolExecutor(max_workers=8) as pool:
            list(pool.map(lambda item: self.put(item[0], item[1].encode("utf-8")), self.pending.items()))
        self.pending.clear()

    def put(self, rel: str, data: bytes) -> None:
        target = self.site / rel
        if self.previous is not None:
            old = self.previous / rel
            try:
                info = os.lstat(old)
                if stat.S_ISREG(info.st_mode) and info.st_size == len(data) and old.read_bytes() == data:
                    os.link(old, target)
                    return
            except OSError:  # no such file, or links not possible here: write it
                pass
        target.write_bytes(data)


def vendored() -> list[dict[str, object]]:
    """The libraries under assets/vendor/ (from its manifest), each with its licence files."""
    libraries = json.loads((ASSETS / "vendor" / "manifest.json").read_text(encoding="utf-8"))
    for lib in libraries:
        lib["licence_files"] = sorted(p.name for p in (ASSETS / "vendor" / lib["folder"]).glob("LICENSE*"))
    return libraries


def write_resource_pages(model: Model, out: Writer, record: Pages | None = None) -> int:
    """Render every resource page (with its .jsonld, .ttl, .nt and citation files) into `out`; with a `record`,
    a page nothing of which changed since the site in place is linked from it instead (incremental.py).
    Returns how many pages were rendered."""
    n = 0
    for iri in model.pages():
        rel = model.page_path(iri)
        if record is not None:
            if record.reuse(rel, out.site):
                continue
            record.begin()
            before = len(out.pending)
        triples = rdfout.resource_triples(model, iri)
        jsonld = rdfout.jsonld(model, triples)
        out.text(rel.removesuffix(".html") + ".jsonld", jsonld)
        out.text(rel.removesuffix(".html") + ".ttl", rdfout.turtle(model, triples))
        out.text(rel.removesuffix(".html") + ".nt", rdfout.ntriples(triples))
        ctx = pages.context(model, iri, rel)
        ctx["jsonld_safe"] = pages.in_script(jsonld)
        ctx["cite"] = cite.for_work(model, iri, rel, out.text)
        out.page("resource.html", rel, **ctx)
        if record is not None:
            record.end(rel, list(out.pending)[before:])
        n += 1
    return n


class Finish:
    """What `start` returns: call it once the dumps and their checksums are written (it waits for the site and
    raises BuildError if writing it failed), or call `abort()` if they never will be."""

    def __init__(self, site: Path, pages: Callable[[Callable[[], None]], None], parallel: bool) -> None:
        self.site, self.pages, self.child, self.ready = site, pages, None, None
        if parallel:
            read_end, self.ready = os.pipe()

            def wait_for_dumps() -> None:
                if os.read(read_end, 1) != b"1":  # the writer ended without writing them
                    raise BuildError("the dumps were never written", self.site)

            def child() -> None:
                os.close(self.ready)
                pages(wait_for_dumps)

            self.child = atomic.fork(child, "site")
            os.close(read_end)

    def __call__(self) -> Path:
        if self.child is None:
            self.pages(lambda: None)
            return self.site
        try:
            os.write(self.ready, b"1")
        except BrokenPipeError:  # the site's process has already ended: join says how
            pass
        os.close(self.ready)
        atomic.join(self.child, "writing the site", self.site)
        return self.site

    def abort(self) -> None:
        if self.child is not None:
            os.close(self.ready)
            atomic.stop(self.child)
            self.child = None


def start(graph: Graph, dist: Path, parallel: bool = True, previous: Path | None = None,
          home: Path | None = None, ntriples: str | None = None) -> Finish:
    """Begin dist/site/: with `parallel`, every page is written by a forked process of its own while the caller
    writes the dumps, and the two pages that read the dumps (the landing page's checksums, the answers of the
    example queries) once the returned `Finish` is called, which then waits for that process. `previous`: the
    publication in place, whose unchanged site files are linked, not written again; `home`: where the
    publication being written will be (`dist` is its staging folder), under which it records what each
    resource page read, so that the next build renders only the pages whose data changed; `ntriples`: the graph's
    sorted N-Triples (its dump), if already made."""
    before = previous / "site" if previous is not None and (previous / "site").is_dir() else None
    started = time.perf_counter()
    site = dist / "site"
    site.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ASSETS, site / "assets", dirs_exist_ok=True)

    def pages(wait_for_dumps: Callable[[], None]) -> None:
        model = Model(graph)
        out = Writer(site, before)
        record = Pages(model, ntriples if ntriples is not None else dumps.ntriples(graph), before,
                       home / "site" if home is not None else None)
        rendered = write_resource_pages(model, out, record)
        out.flush()
        record.save(site)
        index = write_other_pages(graph, model, out)
        out.flush()
        wait_for_dumps()
        write_dump_pages(graph, model, out, dist, index)
        out.flush()
        sample_rendered, sample_linked = sample.write(out, dist, model, home / "site" if home is not None else None)
        print(f"  site: {out.count + record.reused} pages in {time.perf_counter() - started:.1f} s "
              f"({rendered} resource pages rendered, {record.reused} unchanged ones linked); the PLOVER sample's: "
              f"{sample_rendered} rendered, {sample_linked} files linked", flush=True)

    return Finish(site, pages, parallel)


def write_other_pages(graph: Graph, model: Model, out: Writer) -> list[dict[str, object]]:
    """Every page but the resource pages and those that read the dumps: article, browse and search, pictures,
    ontology, licences, the guides of docs/; returns the search index."""
    site = out.site
    out.page("article.html", "article.html", **article.context(model))
    index = browse.documents(model)
    out.text("assets/data/resources.js", browse.script(index))
    out.page("browse.html", "browse.html", title="Browse and search", **browse.context(model, index))
    out.text("assets/data/pictures.js", pictures.script(model))
    out.page("timeline.html", "timeline.html", title="Timeline of events and periods", **pictures.timeline_context(model))
    out.page("network.html", "network.html", title="Actor network", **pictures.network_context(model))
    (site / "ontology-diagram.svg").write_text(pictures.ontology_diagram(graph), encoding="utf-8")
    out.page("ontology.html", "ontology.html", **ontology_doc.context(model))
    out.page("licences.html", "licences.html", title="Third-party libraries and their licences", libraries=vendored())
    for rel, guide in guides.GUIDES.items():
        out.page("guide.html", rel, **guides.context(guide))
    return index


def write_dump_pages(graph: Graph, model: Model, out: Writer, dist: Path, index: list[dict[str, object]]) -> None:
    """The pages that read the dumps: the example queries with their answers, and the landing page."""
    version = str(graph.value(URIRef(BASE + "ontology"), OWL.versionInfo))
    out.page("queries.html", "queries.html", title="Queries", **queries.context(model, dist))
    dataset_cite = cite.for_dataset(model, version, out.text)
    out.page("index.html", "index.html", title=SITE_TITLE, version=version, cite=dataset_cite,
             **browse.landing(model, index, dist))


def write(graph: Graph, dist: Path) -> Path:
    """Write dist/site/ in this process: every page, the search index, the pictures' data and the assets."""
    return start(graph, dist, parallel=False)()
