"""Triples the build derives from the instances: CiTO's citation statements between the works, one per function of
each in-text citation (scripts/derive.py), and in the publication exactly those."""
from __future__ import annotations

from rdflib import RDF, Graph, Literal, Namespace, URIRef

from scripts import derive

NFP = Namespace("https://w3id.org/ngo-fp/ontology#")
CITO = Namespace("http://purl.org/spar/cito/")
WORK = Namespace("https://w3id.org/ngo-fp/resource/work/")
CITATION = Namespace("https://w3id.org/ngo-fp/resource/citation/")


def test_each_function_of_a_resolved_citation_is_stated_between_the_works() -> None:
    g = Graph()
    kut, ari = CITATION["bulgur-2023-kut-1998-13"], CITATION["bulgur-2023-ari-2010-13"]
    for citation in (kut, ari):
        g.add((citation, RDF.type, NFP.InTextCitation))
        g.add((citation, NFP.citingWork, WORK["bulgur-2023"]))
    g.add((kut, NFP.citedWork, WORK["kut-1998"]))
    g.add((kut, NFP.citationFunction, CITO.includesQuotationFrom))
    g.add((kut, NFP.citationFunction, CITO.obtainsSupportFrom))
    g.add((ari, NFP.citationFunction, CITO.citesForInformation))  # unresolved: no cited work, no triple
    g.add((ari, NFP.citationFunction, Literal("citesAsEvidence")))  # a literal is the shapes' to report
    assert set(derive.direct_citations(g)) == {
        (WORK["bulgur-2023"], CITO.includesQuotationFrom, WORK["kut-1998"]),
        (WORK["bulgur-2023"], CITO.obtainsSupportFrom, WORK["kut-1998"])}


def test_the_publication_states_the_functions_of_its_citations_and_no_other(published_graph: Graph) -> None:
    article = WORK["bulgur-2023"]
    stated = {(p, o) for p, o in published_graph.predicate_objects(article)
              if str(p).startswith(str(CITO)) and p != CITO.cites}
    wanted = {(f, w) for c in published_graph.subjects(NFP.citingWork, article)
              for f in published_graph.objects(c, NFP.citationFunction)
              for w in published_graph.objects(c, NFP.citedWork)}
    assert stated == wanted and len(stated) == 40
    # every work cited with a function is also in the hand-written cito:cites of the reference list
    assert {w for _, w in stated} <= set(published_graph.objects(article, CITO.cites))
    # checked against the text: "(DPT, 2000)" closes a statement of fact the report is cited for
    assert (CITO.citesAsEvidence, WORK["dpt-2000"]) in stated
    assert isinstance(next(iter(stated))[1], URIRef)
