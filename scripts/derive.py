"""Triples the build derives from the hand-edited instances, so that people write each fact once.

CiTO's citation properties: each in-text citation names its function (nfp:citationFunction cito:citesAsEvidence,
the CiTO property used as an individual, as cito:hasCitationCharacterization uses it); CiTO's users query the
function between the works themselves, so the citing work gets the property towards the cited work
(work:bulgur-2023 cito:citesAsEvidence work:dpt-2000). A citation that resolves to no work (nfp:citedWork
absent) gives no such triple; its function stays on the in-text citation.
"""
from __future__ import annotations

from rdflib import Graph, URIRef

from .paths import NFP


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
