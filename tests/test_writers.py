"""The publication's own writers give what the libraries they replace give: the JSON-LD dump the same bytes as
rdflib's serializer (then sorted), the export tables the same rows from Oxigraph as from rdflib's SPARQL."""
from __future__ import annotations

import json

import pytest
from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef

from scripts.publish import dumps, exports

EX = Namespace("http://example.org/a/")
DCT = Namespace("http://purl.org/dc/terms/")
NFP = Namespace("https://w3id.org/ngo-fp/ontology#")


def rdflib_jsonld(graph: Graph, ctx: dict[str, str]) -> str:
    doc = json.loads(graph.serialize(format="json-ld", context=ctx, auto_compact=True))
    return dumps.sorted_jsonld(doc.get("@graph", [doc] if "@id" in doc else []), ctx)


def tricky() -> tuple[Graph, dict[str, str]]:
    """Prefixes sharing a namespace, an IRI equal to a prefix's IRI, one outside every prefix, a '#' after a
    '/', native and non-native datatypes (a non-canonical integer included), languages, one and many values."""
    g = Graph()
    s = EX.thing
    g.add((s, RDF.type, NFP.Actor))
    g.add((s, RDF.type, URIRef("http://elsewhere.org/Kind")))
    g.add((s, RDFS.label, Literal("Şey", lang="tr")))
    g.add((s, RDFS.label, Literal("Thing", lang="en")))
    g.add((s, RDFS.comment, Literal("plain")))
    g.add((s, NFP.order, Literal("07", datatype=XSD.integer)))
    g.add((s, NFP.flag, Literal(True)))
    g.add((s, NFP.weight, Literal(1.5)))
    g.add((s, NFP.text, Literal("typed", datatype=XSD.string)))
    g.add((s, NFP["count"], Literal("3", datatype=XSD.nonNegativeInteger)))
    g.add((s, DCT.source, URIRef(str(DCT))))
    g.add((s, URIRef(str(DCT)), EX.other))
    g.add((s, NFP.seeAlso, URIRef("http://example.org/a/b#frag")))
    g.add((URIRef("http://elsewhere.org/x"), NFP.about, s))
    ctx = {"a": str(EX), "a2": str(EX), "dcterms": str(DCT), "nfp": str(NFP), "rdfs": str(RDFS), "xsd": str(XSD)}
    return g, ctx


def test_jsonld_writer_equals_rdflib_on_tricky_terms() -> None:
    graph, ctx = tricky()
    assert dumps.jsonld(graph, ctx) == rdflib_jsonld(graph, ctx)


def test_jsonld_writer_equals_rdflib_on_the_publication(built) -> None:
    graph = built.ontology + built.data
    for prefix, ns in list(built.ontology.namespaces()) + list(built.data.namespaces()):
        graph.bind(prefix, ns, override=False)
    ctx = dumps.context(graph)
    assert dumps.jsonld(graph, ctx) == rdflib_jsonld(graph, ctx)


@pytest.mark.parametrize("name", sorted(exports.TABLES))
def test_export_tables_equal_rdflib_sparql(built, name: str) -> None:
    graph = built.ontology + built.data
    result = graph.query(exports.PREFIXES + exports.TABLES[name])
    expected = exports.fold(name, [str(v) for v in result.vars],
                            [tuple("" if v is None else str(v) for v in row) for row in result])
    header, body = exports.rows(graph, name)
    assert header == [str(v) for v in result.vars]
    assert body == expected and body  # every table has rows in the article's data


def test_merging_into_a_part_gives_the_merged_graph_and_its_prefixes() -> None:
    """The build merges the graphs into the evidence graph, its largest part (dumps.merge, `into`): the same
    triples and the same prefixes as a fresh merge, though that part was made with rdflib's default prefixes
    (dcterms, schema, ...) and the ontology names some of the same namespaces otherwise."""
    ontology = Graph(bind_namespaces="core")
    ontology.bind("dct", DCT)
    ontology.bind("nfp", NFP)
    ontology.add((NFP.Actor, RDFS.label, Literal("actor", lang="en")))
    instances = Graph(bind_namespaces="core")
    instances.bind("ex", EX)
    instances.add((EX.a, RDF.type, NFP.Actor))
    instances.add((EX.a, DCT.title, Literal("A")))
    evidence = Graph()  # rdflib's default prefixes, as grounding.expand makes it
    evidence.add((EX.e, NFP.about, EX.a))
    evidence.add((EX.a, DCT.title, Literal("A")))
    fresh = dumps.merge(ontology, instances, evidence)
    expected = (set(fresh), sorted(fresh.namespaces()))
    merged = dumps.merge(ontology, instances, evidence, into=evidence)
    assert merged is evidence and (set(merged), sorted(merged.namespaces())) == expected
    assert ("dct", URIRef(str(DCT))) in expected[1] and len(fresh) == 4
