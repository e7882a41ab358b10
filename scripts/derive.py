"""Triples the build derives from the hand-edited instances, so that people write each fact once.

CiTO's citation properties: each in-text citation names its function (nfp:citationFunction cito:citesAsEvidence,
the CiTO property used as an individual, as cito:hasCitationCharacterization uses it); CiTO's users query the
function between the works themselves, so the citing work gets the property towards the cited work
(work:bulgur-2023 cito:citesAsEvidence work:dpt-2000). A citation that resolves to no work (nfp:citedWork
absent) gives no such triple; its function stays on the in-text citation.

PROV-O's qualified association: an nfp:AgentParticipation (an actor that acts, and so bears some responsibility) is
a prov:Association, and PROV's users query it with PROV's own properties: the qualified form (the activity
prov:qualifiedAssociation the participation, which has prov:agent and prov:hadRole) and the unqualified relation it
qualifies (the activity prov:wasAssociatedWith the agent: "If this Activity prov:wasAssociatedWith Agent :ag, then it
can qualify the Association using prov:qualifiedAssociation", PROV-O's comment on prov:qualifiedAssociation). The
nfp properties are not subproperties of these: a plain nfp:Participation, such as a PLOVER target's, says nothing of
responsibility.

C4O's in-text reference pointer: an in-text citation that resolves (c4o:denotes a reference entry) is a
c4o:InTextReferencePointer, the domain of c4o:denotes. The ontology does not put nfp:InTextCitation below it (C4O
wants every pointer to denote exactly one entry, and an unresolved citation denotes none), so the build states the
type on each one that resolves, for SPAR's users and for any reader that does not infer by domains.
"""
from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from .paths import C4O, NFP, PROV


def direct_citations(data: Graph) -> Graph:
    """(citing work, CiTO property, cited work) for every function of every in-text citation."""
    derived = Graph()
    for citation, function in data.subject_objects(NFP.citationFunction):
        if not isinstance(function, URIRef):
            continue  # the shapes report it; no triple can have a literal as its predicate
        for citing in data.objects(citation, NFP.citingWork):
            for cited in data.objects(citation, NFP.citedWork):
                derived.add((citing, function, cited))
    return derived


def prov_associations(data: Graph) -> Graph:
    """PROV-O's form of every agent participation (typed nfp:AgentParticipation itself, not through a subclass)."""
    derived = Graph()
    for participation in data.subjects(RDF.type, NFP.AgentParticipation):
        agents = list(data.objects(participation, NFP.participant))
        derived += [(participation, PROV.agent, a) for a in agents]
        derived += [(participation, PROV.hadRole, r) for r in data.objects(participation, NFP.role)]
        for activity in data.subjects(NFP.participation, participation):
            derived.add((activity, PROV.qualifiedAssociation, participation))
            derived += [(activity, PROV.wasAssociatedWith, a) for a in agents]
    return derived


def reference_pointers(data: Graph) -> Graph:
    """(citation, rdf:type, c4o:InTextReferencePointer) for every subject of c4o:denotes."""
    derived = Graph()
    for citation in data.subjects(C4O.denotes, unique=True):
        derived.add((citation, RDF.type, C4O.InTextReferencePointer))
    return derived
