"""Write the publication to dist/ atomically: dumps in four RDF formats, the ontology alone, a VoID/DCAT
description with triple counts and checksums. The same input gives byte-identical files."""
from __future__ import annotations

import bisect
import functools
import json
import shutil
from collections.abc import Callable, Iterable
from typing import Any
from pathlib import Path

import pyoxigraph as ox
from rdflib import OWL, RDF, XSD, BNode, Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import NamespaceManager
from rdflib.term import Node

from .. import version as versions
from ..link.records import LINKS
from ..paths import BASE, DCT, DIST, SHAPES
from . import atomic, crate, describe, exports, nanopubs

ONTOLOGY_IRI = URIRef(BASE + "ontology")

FORMATS = {  # extension: (rdflib format, media type)
    "ttl": ("turtle", "text/turtle"),
    "nt": ("nt", "application/n-triples"),
    "jsonld": ("json-ld", "application/ld+json"),
    "rdf": ("xml", "application/rdf+xml"),
}


class SortedGraph(Graph):
    """A graph that lists subjects and their predicate-object pairs in sorted order, so that serializers
    which walk the store (RDF/XML) write the same bytes whatever the hash seed."""

    def subjects(self, predicate=None, object=None, unique=False):  # type: ignore[override]
        return iter(sorted(set(super().subjects(predicate, object))))

    def predicate_objects(self, subject=None, unique=False):  # type: ignore[override]
        return iter(sorted(set(super().predicate_objects(subject))))


def context(graph: Graph, triples: list[tuple[Node, Node, Node]] | None = None) -> dict[str, str]:
    """The JSON-LD context: the graph's prefixes that its IRIs use, sorted (`triples`: the graph's, if listed)."""
    triples = list(graph) if triples is None else triples
    iris = {str(term) for triple in triples for term in triple if isinstance(term, URIRef)}
    iris |= {str(o.datatype) for _, _, o in triples if isinstance(o, Literal) and o.datatype}
    ordered = sorted(iris)

    def used(ns: str) -> bool:  # the first IRI not before `ns` starts with it if any does
        at = bisect.bisect_left(ordered, ns)
        return at < len(ordered) and ordered[at].startswith(ns)

    return {prefix: str(ns) for prefix, ns in sorted(graph.namespaces()) if prefix and used(str(ns))}


def ntriples(*graphs: Graph) -> str:
    """Sorted N-Triples of the graphs together: one line per triple, a stable order."""
    lines = {line for graph in graphs for line in graph.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines()}
    return "".join(sorted(line + "\n" for line in lines if line.strip()))


def oxigraph_text(triples: list[ox.Triple] | list[ox.Quad], fmt: ox.RdfFormat, prefixes: dict[str, str]) -> str:
    """`triples` (`parsed` from sorted N-Triples) written by Oxigraph in `fmt`: subjects in that order, each with
    its predicates and objects together. (rdflib's Turtle serializer took seconds here: it looks up every IRI's
    namespace in a list that grows with each new one.) Only for graphs without blank nodes, whose labels would
    not be stable."""
    return ox.serialize(triples, format=fmt, prefixes=prefixes).decode("utf-8")


def parsed(nt: str) -> list[ox.Triple]:
    """The triples of N-Triples text, in its order, as Oxigraph reads them."""
    return [quad.triple for quad in ox.parse(nt.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)]


def turtle(triples: list[ox.Triple] | list[ox.Quad], prefixes: dict[str, str],
           fmt: ox.RdfFormat = ox.RdfFormat.TURTLE) -> str:
    """Turtle (or TriG, for quads) from `parsed` sorted N-Triples, its prefixes sorted (Oxigraph writes them in no
    stable order)."""
    lines = oxigraph_text(triples, fmt, prefixes).splitlines(keepends=True)
    head = 0
    while head < len(lines) and lines[head].startswith("@prefix "):
        head += 1
    return "".join(sorted(lines[:head])) + "\n" + "".join(lines[head:])


def jsonld(graph: Graph, ctx: dict[str, str], triples: list[tuple[Node, Node, Node]] | None = None) -> str:
    """Compact JSON-LD with the context embedded, nodes sorted by @id, keys sorted. A graph without blank nodes
    is compacted here (rdflib's serializer took 1 s for the article's graph; a test checks both give the same
    bytes), one with blank nodes by rdflib. `triples`: the graph's, if listed."""
    triples = list(graph) if triples is None else triples
    if any(isinstance(term, BNode) for triple in triples for term in triple):
        doc = json.loads(graph.serialize(format="json-ld", context=ctx, auto_compact=True))
        return sorted_jsonld(doc.get("@graph", [doc] if "@id" in doc else []), ctx)
    return sorted_jsonld(compact_nodes(triples, ctx), ctx)


# The datatypes rdflib writes as native JSON values when the context is active.
NATIVE = frozenset({XSD.boolean, XSD.integer, XSD.double, XSD.string})


def split_iri(iri: str) -> tuple[str, str]:
    """Namespace and local name, split where rdflib's JSON-LD context splits them (last '#', else '/', else ':')."""
    for delim in "#/:":
        at = iri.rfind(delim)
        if at > -1:
            return iri[: at + 1], iri[at + 1:]
    return iri, ""


def compact_nodes(triples: Iterable[tuple[Node, Node, Node]], ctx: dict[str, str]) -> list[dict[str, object]]:
    """The node objects rdflib's JSON-LD serializer makes with the prefix-only context `ctx` (auto_compact):
    IRIs as prefix:name where their namespace is a prefix, rdf:type as @type, one value alone and several in a
    list, literals as a string, a JSON number or boolean (NATIVE), or a @value with its @language or @type."""
    by_ns = {ns: prefix for prefix, ns in sorted(ctx.items())}  # as rdflib: the last prefix of a namespace wins
    terms = {ns: prefix for prefix, ns in ctx.items()}  # an IRI that is itself a prefix's IRI is that term

    @functools.cache
    def shrink(iri: str) -> str:
        ns, name = split_iri(iri)
        return f"{by_ns[ns]}:{name}" if ns in by_ns else iri

    def symbol(iri: str) -> str:
        return terms[iri] if iri in terms else shrink(iri)

    nodes: dict[str, dict[str, object]] = {}
    rdf_type = RDF.type
    for s, p, o in triples:
        node = nodes.setdefault(shrink(str(s)), {"@id": shrink(str(s))})
        key = "@type" if p == rdf_type else symbol(str(p))
        if key == "@type" and isinstance(o, URIRef):
            value: object = symbol(str(o))
        else:
            if isinstance(o, Literal):
                if o.datatype in NATIVE:
                    value = o.toPython()
                elif o.datatype is not None:
                    value = {"@type": symbol(str(o.datatype)), "@value": str(o)}
                elif o.language:
                    value = {"@language": o.language, "@value": str(o)}
                else:
                    value = str(o)
            else:
                value = {"@id": shrink(str(o))}
        if key in node:
            held = node[key]
            node[key] = held + [value] if isinstance(held, list) else [held, value]
        else:
            node[key] = value
    return list(nodes.values())


def sorted_jsonld(nodes: list[dict[str, object]], ctx: dict[str, str]) -> str:
    """The document: the context, the nodes sorted by @id, each list of values sorted."""
    for node in nodes:
        for key, value in node.items():
            if isinstance(value, list):
                node[key] = sorted(value, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    out = {"@context": ctx, "@graph": sorted(nodes, key=lambda n: n.get("@id", ""))}
    return json.dumps(out, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def versioned(written: list[Path], ontology: Graph) -> list[Path]:
    """The ontology's files, and a copy of each under ontology/<version>/, where its version IRI
    (https://w3id.org/ngo-fp/ontology/<version>) resolves (w3id/.htaccess): a version IRI always lands on that
    version, the unversioned IRI on the current one. The releases before it are written from ontology/releases/ into
    folders of their own (scripts/version.py, released_ontology), so that their version IRIs resolve too."""
    version = ontology.value(ONTOLOGY_IRI, OWL.versionInfo)
    if version is None:
        return written
    folder = written[0].parent / str(version)
    folder.mkdir()
    copies = [folder / path.name for path in written]
    for path, copy in zip(written, copies):
        shutil.copyfile(path, copy)
    for earlier in sorted(set(versions.released()) - {str(version)}):  # kept in ontology/releases/, as released
        (written[0].parent / earlier).mkdir()
        copies += write_formats(versions.released_ontology(earlier), written[0].parent / earlier, written[0].stem)[0]
    return written + copies


def write_formats(graph: Graph, folder: Path, stem: str, nt: str | None = None) -> tuple[list[Path], dict[str, str]]:
    """Write `graph` as Turtle, sorted N-Triples, JSON-LD and RDF/XML; return the paths and the prefixes used
    (`context`). `nt`: the graph's sorted N-Triples, if already made. Turtle and RDF/XML are written by Oxigraph
    from the sorted N-Triples, JSON-LD by `jsonld`; a graph with blank nodes is first given canonical labels and
    written by rdflib alone, from a graph that lists itself sorted."""
    triples = list(graph)  # one walk through rdflib's store, for every use below
    has_bnodes = any(isinstance(term, BNode) for triple in triples for term in triple)
    if has_bnodes:
        source: Graph = SortedGraph(bind_namespaces="core")
        source += to_canonical_graph(graph)  # stable blank-node labels
        for prefix, ns in graph.namespaces():
            source.bind(prefix, ns, override=True)
    else:
        source = graph
    nt = ntriples(source) if nt is None or has_bnodes else nt
    prefixes = context(graph, triples)
    texts = {"nt": nt, "jsonld": jsonld(source, prefixes, None if has_bnodes else triples)}
    if has_bnodes:
        texts.update(ttl=source.serialize(format="turtle"), rdf=source.serialize(format="xml"))
    else:
        read = parsed(nt)  # once for both
        texts.update(ttl=turtle(read, prefixes), rdf=oxigraph_text(read, ox.RdfFormat.RDF_XML, prefixes))
    written = []
    for ext in FORMATS:
        path = folder / f"{stem}.{ext}"
        path.write_text(texts[ext], encoding="utf-8")
        written.append(path)
    return written, prefixes


def release(ontology: Graph) -> tuple[str, str | None]:
    """The version and the day of last modification the ontology states: those of the whole publication."""
    modified = ontology.value(ONTOLOGY_IRI, DCT.modified)
    return str(ontology.value(ONTOLOGY_IRI, OWL.versionInfo)), str(modified) if modified is not None else None


def description(ontology: Graph, data: Graph, files: list[Path], root: Path, inputs: Iterable[Path] = ()) -> Graph:
    """The VoID and DCAT-AP 3 description (scripts/publish/describe.py) of this dataset and its files, with the
    build's provenance: the source files `inputs` it used, and the software it ran."""
    info = describe.ngo_fp_dataset(*release(ontology))
    g = describe.description(describe.NGO_FP_CATALOG, [(info, data, files)], root)
    # A Turtle source is named by its path alone: the build reads it as a graph, and a change of its comments or
    # layout leaves the publication as it is (scripts/cache.py), so its bytes' checksum would not be the one used.
    describe.provenance(g, info, [(describe.source_name(p), None if p.suffix == ".ttl" else describe.sha256(p)) for p in inputs],
                        describe.software())
    return g


def publish(ontology: Graph, data: Graph, dist: Path = DIST, reports: dict[str, str] | None = None,
            site: Callable[..., Any] | None = None,
            datasets: tuple[Callable[[Path], object], ...] = ()) -> Path:
    """Write everything into a fresh folder beside `dist`, then swap it in atomically (scripts/publish/atomic.py); a
    failure or a kill leaves `dist` as it was. `reports` are further text files (name -> content), such as the
    coverage report; `site(graph, folder, ntriples=...)` starts the static site and returns what finishes it (see `write`).
    Each of `datasets` writes a dataset of its own into the new folder (a subfolder with its own VoID/DCAT,
    licence and SHA256SUMS)."""
    with atomic.replacing(dist) as tmp:
        write(ontology, data, tmp, reports, site, datasets)
    return dist


def merge(ontology: Graph, *data: Graph, prefixes: Graph | None = None, into: Graph | None = None) -> Graph:
    """The published graph: the data graphs and the ontology, with the prefixes of the ontology, then those of
    `prefixes` (default: of the first data graph). `into`: one of the parts, which becomes the merged graph (its
    triples are not copied, its prefixes are replaced): only where nothing else reads that part any more."""
    merged = Graph(bind_namespaces="core") if into is None else into
    if into is not None:
        merged.namespace_manager = NamespaceManager(merged, bind_namespaces="core")
    for part in (*data, ontology):
        if part is not merged:
            merged += part
    named = prefixes if prefixes is not None else data[0]
    for prefix, ns in list(ontology.namespaces()) + list(named.namespaces()):
        merged.bind(prefix, ns, override=False)
    return merged


def write(ontology: Graph, data: Graph | None, tmp: Path, reports: dict[str, str] | None = None,
          site: Callable[..., Any] | None = None,
          datasets: tuple[Callable[[Path], object], ...] = (), merged: Graph | None = None,
          nt: str | None = None, inputs: Iterable[Path] = ()) -> None:
    """Write the publication into the empty folder `tmp` (`merged`: `merge(ontology, data)`, and `nt`: its sorted
    N-Triples, if already made; `data` is then not read).
    `site(graph, folder, ntriples=nt)` starts the static site (scripts/publish/site: its pages are written by a process of their own
    meanwhile) and returns what finishes it (`site.Finish`), called once the dumps and their checksums are there,
    or aborted if they cannot be written."""
    from . import mappings  # sssom-pydantic and curies: 0.15 s to import, paid only when a publication is written

    if merged is None:
        if data is None:
            raise ValueError("publish.write needs the data graph or the merged one")
        merged = merge(ontology, data)
    finish_site = site(merged, tmp, ntriples=nt) if site is not None else None
    version, modified = release(ontology)
    try:
        files, prefixes = write_formats(merged, tmp, "ngo-fp", nt)
        (tmp / "ontology").mkdir()
        files += versioned(write_formats(ontology, tmp / "ontology", "ngo-fp-ontology")[0], ontology)
        shutil.copyfile(SHAPES, tmp / "ontology" / "ngo-fp-shapes.ttl")
        files.append(tmp / "ontology" / "ngo-fp-shapes.ttl")
        files.append(mappings.write_alignments(ontology, tmp, version, modified))
        files.append(write_context(tmp, prefixes))
        nt_bytes = (tmp / "ngo-fp.nt").read_bytes()
        files += exports.write(exports.store(merged, nt_bytes), tmp / "exports")
        files.append(nanopubs.write(nt_bytes, tmp, modified, prefixes))
        if LINKS.exists():
            (tmp / "links").mkdir()
            for record in sorted(LINKS.glob("*.csv")):
                shutil.copyfile(record, tmp / "links" / record.name)
                files.append(tmp / "links" / record.name)
            files += mappings.write(merged, tmp, version, modified)
        for name, text in sorted((reports or {}).items()):
            (tmp / name).write_text(text, encoding="utf-8")
        void = description(ontology, merged, files, tmp, inputs)
        void_path = tmp / "void.ttl"
        void_path.write_text(void.serialize(format="turtle"), encoding="utf-8")
        for write_dataset in datasets:
            write_dataset(tmp)
        subsets = [(f"{sub.name}/", Graph().parse(sub / "void.ttl"))
                   for sub in sorted(tmp.iterdir()) if (sub / "void.ttl").is_file()]
        ro_crate = crate.write(tmp, void, describe.ngo_fp_dataset(version, modified).iri, merged, subsets)
        sums = "".join(f"{describe.sha256(p)}  {p.relative_to(tmp).as_posix()}\n" for p in sorted(files + [void_path, ro_crate]))
        (tmp / "SHA256SUMS").write_text(sums, encoding="utf-8")
    except BaseException:
        if finish_site is not None:
            finish_site.abort()  # the site's process would wait for the dumps forever
        raise
    if finish_site is not None:
        finish_site()


def write_context(folder: Path, prefixes: dict[str, str]) -> Path:
    path = folder / "context.jsonld"
    path.write_text(json.dumps({"@context": prefixes}, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return path
