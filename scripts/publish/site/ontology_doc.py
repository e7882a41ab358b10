"""The ontology's documentation: every class and property under an anchor named by its local name (so
`ontology.html#Organization` works from every page), English and Turkish labels and definitions kept apart
(each with its `lang`), super- and subclasses, domain and range, and for each class its instance count
(with subclasses) and a link to its instances on the browse page."""
from __future__ import annotations

from collections import Counter, defaultdict

from rdflib import OWL, RDF, RDFS, Literal, Namespace, URIRef

from ...paths import BASE, NFP
from .cite import agent_name
from .model import DCT, EVIDENCE, SKOS, Model, Value

DOAP = Namespace("http://usefulinc.com/ns/doap#")
KINDS = [(OWL.Class, "classes", "Classes"), (OWL.ObjectProperty, "object-properties", "Object properties"),
         (OWL.DatatypeProperty, "datatype-properties", "Datatype properties"),
         (OWL.AnnotationProperty, "annotation-properties", "Annotation properties"),
         (None, "individuals", "Named individuals")]


def texts(model: Model, node: URIRef, prop: URIRef) -> dict[str, str]:
    """Language -> text ("" for none); a missing language reads as empty in the templates."""
    out: defaultdict[str, str] = defaultdict(str)
    out.update({o.language or "": str(o) for o in model.objects(node, prop) if isinstance(o, Literal)})
    return out


def term(model: Model, iri: URIRef, counts: Counter, usage: Counter) -> dict[str, object]:
    here = "ontology.html"
    links = lambda prop: sorted((model.value(o, here) for o in model.objects(iri, prop) if isinstance(o, URIRef)),  # noqa: E731
                                key=lambda v: v.text)
    local = str(iri)[len(str(NFP)):]
    subs = sorted((model.value(s, here) for s in model.subjects(RDFS.subClassOf, iri) if str(s).startswith(str(NFP))),
                  key=lambda v: v.text)
    members = {s for c, closure in model.supers.items() if iri in closure for s in model.subjects(RDF.type, c)}
    # the members the browse page lists (browse.documents: every page but the evidence annotations'), which its
    # ?class= link shows: `Evidence` linked 1063 instances to a browse page that listed none
    listed = sum(1 for s in members if model.has_page(s) and not str(s).startswith(EVIDENCE))
    return {
        "id": local, "iri": str(iri), "labels": texts(model, iri, RDFS.label), "definitions": texts(model, iri, SKOS.definition),
        "comments": texts(model, iri, RDFS.comment), "supers": links(RDFS.subClassOf) + links(RDFS.subPropertyOf),
        "subs": subs, "domain": links(RDFS.domain), "range": links(RDFS.range), "inverse": links(OWL.inverseOf),
        "equivalent": links(OWL.equivalentClass) + links(OWL.equivalentProperty),
        "types": [model.value(t, here) for t in model.types(iri) if t != OWL.NamedIndividual],
        "direct": counts[iri], "instances": len(members), "listed": listed, "usage": usage[iri],
    }


def context(model: Model) -> dict[str, object]:
    onto = URIRef(BASE + "ontology")
    counts = Counter(o for s, p, o in model.graph.triples((None, RDF.type, None)))
    usage = Counter(model.graph.predicates())
    groups = []
    documented: set[URIRef] = set()
    for kind, anchor, title in KINDS:
        if kind is None:  # everything else the ontology names, such as the motivation nfp:evidencing
            found = {s for s in model.graph.subjects(RDF.type, None) if str(s).startswith(str(NFP))} - documented
        else:
            found = {t for t in model.graph.subjects(RDF.type, kind) if str(t).startswith(str(NFP))}
        documented |= found
        terms = sorted((t for t in found if isinstance(t, URIRef)), key=lambda t: model.label(t).casefold())
        groups.append({"id": anchor, "title": title, "terms": [term(model, t, counts, usage) for t in terms]})
    return {
        "title": "NGO–Foreign Policy Ontology", "iri": str(onto),
        "titles": texts(model, onto, DCT.title), "description": texts(model, onto, DCT.description),
        "version": str(model.first(onto, OWL.versionInfo) or ""), "version_iri": str(model.first(onto, OWL.versionIRI) or ""),
        "creators": [agent_name(model, c) for c in sorted(model.objects(onto, DCT.creator))],
        "abstract": texts(model, onto, DCT.abstract), "audience": texts(model, onto, DOAP.audience),
        "citation": texts(model, onto, DCT.bibliographicCitation), "created": str(model.first(onto, DCT.created) or ""),
        "license": model.value(model.first(onto, DCT.license), "ontology.html") if model.first(onto, DCT.license) else Value(""),
        "modified": str(model.first(onto, DCT.modified) or ""), "groups": groups,
        "namespace": str(NFP),
    }
