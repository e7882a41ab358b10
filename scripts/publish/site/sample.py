"""The pages of the dataset published beside the article's: the PLOVER sample (dist/plover-gsr/,
scripts/plover/publication.py). Every resource it mints gets a page, with its .ttl, .jsonld and .nt, at the same
place as the article's (site/resource/<type>/<slug>), so that its IRIs resolve through the same w3id rules and
`make serve`; a resource both datasets name (Turkey, the United Nations, ...) keeps the article's page. Each page
says whose data it shows and under which licence (CC BY-SA 4.0, as the records'), and links each evidence quote to
the record whose sentence it is in, not to the article. The sample's own landing page, site/plover-gsr.html, lists
its events.

The pages are rendered from the sample's dump (its N-Triples) with the ontology, once the dumps are written. Together
they depend only on that dump, the ontology, the code and which pages the article has: when none of these changed
since the publication in place, its files are linked (build cache `site-sample`), not rendered again."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import RDF, Graph, URIRef

from ... import cache
from ...load import parse
from ...paths import NFP, OA, ROOT, SAMPLE_DUMP
from ...plover.publication import DATASET, FOLDER, LICENSE, RECORDS_CREATOR
from . import incremental, pages, rdfout
from .model import DCT, Model

if TYPE_CHECKING:
    from . import Writer

KIND = "site-sample"
ONTOLOGY_DUMP = "ontology/ngo-fp-ontology.nt"
PAGE = f"{FOLDER}.html"  # the sample's landing page, in site/


def about(up: str) -> dict[str, str]:
    """What every page of the sample says of its data: whose it is, its licence, where the dataset is."""
    return {"title": "PLOVER gold-standard records (sample)", "page": f"{up}{PAGE}", "creator": RECORDS_CREATOR.name,
            "licence": str(LICENSE), "licence_name": "CC BY-SA 4.0", "notice": f"{up}../{FOLDER}/LICENSE.txt"}


def quotes(model: Model, iri: URIRef, here: str) -> list[dict[str, object]]:
    """The resource's evidence quotes (its own, for an evidence annotation), each in its sentence and linked to
    the record it comes from."""
    up = "../" * here.count("/")
    annotations = [iri] if NFP.Evidence in model.types(iri) else model.evidence_of(iri)
    out = []
    for ev in annotations:
        for target in model.objects(ev, OA.hasTarget):
            record = model.first(target, OA.hasSource)
            exact = model.evidence_quote(ev)
            sentence = str(model.first(record, NFP.sourceText) or "") if record is not None else ""
            position = model.evidence_position(ev)
            if position is not None and sentence[position[0]:position[1]] == exact:  # the whole sentence, quote marked
                before, after = sentence[:position[0]], sentence[position[1]:]
            else:  # a source whose text the sample does not hold (a table of codes): the selector's context
                selector = next((s for s in model.objects(target, OA.hasSelector) if model.first(s, OA.exact)), None)
                prefix = str(model.first(selector, OA.prefix) or "") if selector is not None else ""
                suffix = str(model.first(selector, OA.suffix) or "") if selector is not None else ""
                before, after = "…" + prefix if prefix else "", suffix + "…" if suffix else ""
            out.append({"text": exact, "before": before, "after": after, "start": position[0] if position else 0,
                        "source": model.value(record, here) if record is not None else None,
                        "page": f"{up}{model.page_path(ev)}"})
    return sorted(out, key=lambda q: (q["source"].text if q["source"] else "", q["start"], q["text"]))  # type: ignore[union-attr]


def graph_of(dist: Path, prefixes: Graph) -> Graph:
    """The sample's graph with the ontology (for the names of classes and properties), with `prefixes`' prefixes."""
    graph = parse(dist / SAMPLE_DUMP)
    parse(dist / ONTOLOGY_DUMP, graph)
    for prefix, ns in prefixes.namespaces():
        graph.bind(prefix, ns, override=True, replace=True)
    return graph


def events(model: Model, here: str) -> list[dict[str, object]]:
    """The landing page's table: each event with its type, context, sources, targets and record."""
    rows = []
    for event in model.pages():
        if NFP.Event not in model.types(event):
            continue
        by_role: dict[str, list] = {"source": [], "target": []}
        for participation in model.objects(event, NFP.participation):
            for role in model.objects(participation, NFP.role):
                kind = str(role).rsplit("-", 1)[-1]
                by_role.setdefault(kind, []).extend(model.value(a, here) for a in model.objects(participation, NFP.participant))
        rows.append({"event": model.value(event, here),
                     "type": [model.value(t, here) for t in model.objects(event, NFP.eventType)],
                     "context": [model.value(c, here) for c in model.objects(event, NFP.eventContext)],
                     "sources": by_role["source"], "targets": by_role["target"],
                     "record": [model.value(r, here) for r in model.objects(event, DCT.source)]})
    return rows


class Stamps:
    """The sample's files in the site, with the key they were rendered under, kept in the build cache under the
    new site's home: the next build links them all when the key is the same and no file was changed since."""

    def __init__(self, key: str, home: Path | None) -> None:
        self.key = key
        self.record = cache.digest([str(home.resolve())]) if home is not None else None

    def reuse(self, before: Path | None, site: Path) -> list[str] | None:
        """Link every file of the sample's pages from the site `before` into `site` if they were rendered under the
        same key and none changed since; return their names, or None (nothing linked)."""
        kept = cache.get(KIND, self.record) if self.record is not None and before is not None else None
        if not isinstance(kept, dict) or kept.get("key") != self.key or before is None:
            return None
        files: dict[str, list[int]] = kept.get("files", {})
        if not incremental.unchanged(before, files):
            return None
        incremental.link(before, site, files, set())
        return list(files)

    def save(self, site: Path, names: list[str]) -> None:
        if self.record is not None:
            cache.put(KIND, self.record, {"key": self.key, "files": {name: incremental.stamp(site, name) for name in names}})


def write(out: Writer, dist: Path, article: Model, home: Path | None = None) -> tuple[int, int]:
    """Write the sample's pages into `out` (a site.Writer, flushed here) from the dumps in `dist`; `article`: the
    article's model (its pages are not written again). Returns (pages rendered, files linked unchanged); (0, 0)
    when the publication has no sample."""
    dump = dist / SAMPLE_DUMP
    if not dump.is_file():
        return 0, 0
    own = sorted(str(iri) for iri in article.pages())
    key = cache.digest([dump.read_bytes(), (dist / ONTOLOGY_DUMP).read_bytes(), *cache.files([ROOT / "scripts"]),
                        "\n".join(own)])
    stamps = Stamps(key, home)
    linked = stamps.reuse(out.previous, out.site)
    if linked is not None:
        return 0, len(linked)
    model = Model(graph_of(dist, article.graph))
    skip = set(own)
    before = set(out.pending)
    n = 0
    for iri in model.pages():
        if str(iri) in skip:
            continue
        rel = model.page_path(iri)
        stem = rel.removesuffix(".html")
        triples = rdfout.resource_triples(model, iri)
        jsonld = rdfout.jsonld(model, triples)
        out.text(stem + ".jsonld", jsonld)
        out.text(stem + ".ttl", rdfout.turtle(model, triples))
        out.text(stem + ".nt", rdfout.ntriples(triples))
        ctx = pages.context(model, iri, rel)
        ctx.update(jsonld_safe=pages.in_script(jsonld), cite=None, dataset=about(ctx["up"]),  # type: ignore[arg-type]
                   quotes=quotes(model, iri, rel), licence=str(LICENSE))
        out.page("resource.html", rel, **ctx)
        n += 1
    out.page("sample.html", PAGE, title=about("")["title"], dataset=about(""), events=events(model, PAGE),
             files=sorted(p.name for p in (dist / FOLDER).iterdir() if p.is_file()), files_folder=FOLDER, pages=n,
             iri=str(DATASET))
    names = [name for name in out.pending if name not in before]
    out.flush()
    stamps.save(out.site, names)
    return n, 0
