"""Triples the build derives from the instances (scripts/derive.py), and in the publication exactly those: CiTO's
citation statements between the works, one per function of each in-text citation, and PROV-O's form of each agent
participation; and that the hand-written shortcut from an in-text citation to the work it cites is the path the
ontology defines it as."""
from __future__ import annotations

from rdflib import RDF, Graph, Literal, Namespace, URIRef

from scripts import derive

NFP = Namespace("https://w3id.org/ngo-fp/ontology#")
CITO = Namespace("http://purl.org/spar/cito/")
WORK = Namespace("https://w3id.org/ngo-fp/resource/work/")
CITATION = Namespace("https://w3id.org/ngo-fp/resource/citation/")
PROV = Namespace("http://www.w3.org/ns/prov#")
RES = Namespace("https://w3id.org/ngo-fp/resource/")


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


def test_an_agent_participation_is_stated_in_prov_terms_and_a_plain_one_is_not() -> None:
    """PLOVER-GSR01-ASSAULT-0001: Burundian militiamen (source) attacked a camp of Congolese refugees (target). The
    militia's agent participation is a PROV association (qualified and unqualified); the refugees' plain
    participation gets no PROV statement: they bear no responsibility for the attack."""
    g = Graph()
    event = RES["event/plover-gsr01-assault-0001"]
    source, target = RES["participation/plover-gsr01-assault-0001--source-1"], RES["participation/plover-gsr01-assault-0001--target-1"]
    militia, refugees = RES["organization/bdi-mil"], RES["group/cod-ref"]
    for part, cls, actor, role in ((source, NFP.AgentParticipation, militia, "plover-source"),
                                   (target, NFP.Participation, refugees, "plover-target")):
        g.add((event, NFP.participation, part))
        g.add((part, RDF.type, cls))
        g.add((part, NFP.participant, actor))
        g.add((part, NFP.role, RES[f"role/{role}"]))
    assert set(derive.prov_associations(g)) == {
        (event, PROV.qualifiedAssociation, source), (source, PROV.agent, militia),
        (source, PROV.hadRole, RES["role/plover-source"]), (event, PROV.wasAssociatedWith, militia)}


def test_the_publication_states_every_agent_participation_in_prov_terms_and_no_other(published_graph: Graph) -> None:
    agents = set(published_graph.subjects(RDF.type, NFP.AgentParticipation))
    assert len(agents) == 105 and not set(published_graph.subjects(RDF.type, NFP.Participation))  # the article's: all act
    assert set(published_graph.objects(None, PROV.qualifiedAssociation)) == agents
    stated = {(s, o) for s, o in published_graph.subject_objects(PROV.wasAssociatedWith)
              if (s, NFP.participation, None) in published_graph}
    assert stated == {(a, actor) for a, p in published_graph.subject_objects(NFP.participation)
                      for actor in published_graph.objects(p, NFP.participant)}
    # checked against the text: "The occupation of Azerbaijan by Bolshevik Russia in 1920" (l.14)
    assert (RES["event/occupation-of-azerbaijan-1920"], PROV.wasAssociatedWith, RES["state/bolshevik-russia"]) in published_graph


def test_each_cited_work_is_the_one_its_reference_entry_references(published_graph: Graph) -> None:
    """nfp:citedWork is a shortcut for the path c4o:denotes / biro:references (its definition): the data state no
    shortcut the path does not give, and leave none out (the unresolved citation has neither). An OWL property chain
    would say it in the ontology, but needs an RDF list, a blank node, which the QC rules keep out of the sources."""
    c4o, biro = Namespace("http://purl.org/spar/c4o/"), Namespace("http://purl.org/spar/biro/")
    path = {(c, w) for c, e in published_graph.subject_objects(c4o.denotes) for w in published_graph.objects(e, biro.references)}
    assert set(published_graph.subject_objects(NFP.citedWork)) == path and len(path) == 39


def test_a_citation_that_resolves_is_stated_a_reference_pointer_and_no_other() -> None:
    c4o = Namespace("http://purl.org/spar/c4o/")
    g = Graph()
    kut, ari = CITATION["bulgur-2023-kut-1998-13"], CITATION["bulgur-2023-ari-2010-13"]
    for citation in (kut, ari):
        g.add((citation, RDF.type, NFP.InTextCitation))
    g.add((kut, c4o.denotes, RES["reference/bulgur-2023-17"]))  # "(Ari, 2010: 13)" resolves to no entry
    assert set(derive.reference_pointers(g)) == {(kut, RDF.type, c4o.InTextReferencePointer)}


def test_the_publication_states_every_resolved_citation_a_reference_pointer(published_graph: Graph) -> None:
    c4o = Namespace("http://purl.org/spar/c4o/")
    pointers = set(published_graph.subjects(RDF.type, c4o.InTextReferencePointer))
    citations = set(published_graph.subjects(RDF.type, NFP.InTextCitation))
    assert pointers == set(published_graph.subjects(c4o.denotes)) and pointers < citations
    # checked against the text: "(Ari, 2010: 13)" (l.26) has no entry in the reference list; "(Kut, 1998:13)" has
    assert CITATION["bulgur-2023-ari-2010-13"] in citations - pointers
    assert CITATION["bulgur-2023-kut-1998-13"] in pointers
