"""A page per resource: its names, kinds, roles and activities, evidence quotes linked to the article, every
outgoing and incoming statement labelled from the ontology (so new properties show up without code), links
out, and "Cite this" for works."""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup
from rdflib import PROV, RDF, RDFS, Literal, URIRef
from rdflib.term import Node

from ...link.records import FACTS
from ...paths import NFP, OA
from .. import nanopubs
from ..describe import LICENSE
from .model import DCT, EVIDENCE, OUT_LINKS, SKOS, Model, Value


# JSON's own escapes of the characters HTML reads inside a script element: "</" ends it, and "<!--" followed by the
# element's own start tag puts the parser in its "script data double escaped" state, where the real end tag ends nothing
SCRIPT_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def in_script(json_text: str) -> Markup:
    """JSON to embed in an HTML script element: "<", ">" and "&" written as JSON's escapes (the same string to a JSON
    parser), so that no value can end the element or hide its end tag; marked safe for the autoescaping templates."""
    return Markup(json_text.translate(SCRIPT_ESCAPES))


NAME_KINDS = [(SKOS.prefLabel, "name"), (RDFS.label, "label"), (SKOS.altLabel, "other name"),
              (NFP.acronym, "acronym"), (NFP.nameInSource, "as written in the article"), (DCT.title, "title")]
HIDDEN = {RDF.type, NFP.evidenceQuote, NFP.groundedIn, RDFS.label, SKOS.prefLabel, SKOS.altLabel, NFP.acronym,
          NFP.nameInSource} | set(OUT_LINKS)
INCOMING_HIDDEN = {OA.hasBody, RDF.type, NFP.factAbout}  # outside facts have a section of their own


@dataclass
class Group:
    prop: Value
    values: list[Value]


def heading(model: Model, iri: URIRef) -> Value:
    return Value(model.label(iri, "en"), tr=model.turkish(iri) if model.turkish(iri) != model.label(iri, "en") else None)


def names(model: Model, iri: URIRef) -> list[dict[str, str | None]]:
    seen, out = set(), []
    for prop, kind in NAME_KINDS:
        for o in sorted(model.objects(iri, prop), key=lambda l: (getattr(l, "language", "") or "", str(l))):
            if isinstance(o, Literal) and (str(o), o.language) not in seen:
                seen.add((str(o), o.language))
                out.append({"kind": kind, "text": str(o), "lang": o.language})
    return out if len(out) > 1 else []  # one name is already the heading


def grouped(model: Model, pairs: list[tuple[URIRef, Node]], here: str) -> list[Group]:
    groups: dict[URIRef, list[Value]] = {}
    for prop, node in pairs:
        groups.setdefault(prop, []).append(model.value(node, here))
    out = [Group(model.prop_value(p, here), sorted(vs, key=lambda v: v.text.casefold())) for p, vs in groups.items()]
    return sorted(out, key=lambda g: g.prop.text.casefold())


def roles(model: Model, iri: URIRef, here: str) -> list[dict[str, object]]:
    """The actor's participations: the activity, the roles it plays there, where and when."""
    rows = []
    for participation in model.subjects(NFP.participant, iri):
        for activity in model.subjects(NFP.participation, participation):
            context = [model.value(o, here) for p in (NFP.place, NFP.inPeriod) for o in model.objects(activity, p)]
            rows.append({"activity": model.value(activity, here),
                         "roles": [model.value(r, here) for r in model.objects(participation, NFP.role)],
                         "context": context})
    return sorted(rows, key=lambda r: r["activity"].text.casefold())  # type: ignore[attr-defined]


OUTSIDE_VALUES = tuple(prop for prop, _ in FACTS.values())  # the value properties of outside facts, one per kind


def outside_facts(model: Model, iri: URIRef, here: str) -> list[dict[str, object]]:
    """What public sources other than the article say about the resource (its nfp:OutsideFact nodes): each value
    with the source it was derived from, the day it was read and its record, shown apart from the article's
    statements as the data keeps them apart."""
    rows = []
    for fact in model.subjects(NFP.factAbout, iri):
        for prop in OUTSIDE_VALUES:
            for value in model.objects(fact, prop):
                rows.append({"prop": model.value(prop, here), "value": model.value(value, here),
                             "sources": [model.value(s, here) for s in model.objects(fact, PROV.wasDerivedFrom)],
                             "read_on": ", ".join(str(d) for d in model.objects(fact, NFP.readOn)),
                             "record": model.value(fact, here)})
    return sorted(rows, key=lambda r: (r["prop"].text, r["value"].text, r["record"].text))  # type: ignore[attr-defined]


def quotes(model: Model, iri: URIRef, here: str) -> list[dict[str, str]]:
    up = "../" * here.count("/")
    out = []
    for ev in model.evidence_of(iri):
        position = model.evidence_position(ev)
        slug = str(ev).rsplit("/", 1)[-1]
        out.append({"text": model.evidence_quote(ev), "article": f"{up}article.html#ev-{slug}",
                    "page": f"{up}{model.page_path(ev)}", "start": position[0] if position else 0})
    return sorted(out, key=lambda q: (q["start"], q["text"]))  # in reading order


def evidence_quotes(model: Model, ev: URIRef, here: str) -> list[dict[str, str]]:
    """An evidence record's own quote, linked to its place in the article."""
    up = "../" * here.count("/")
    slug = str(ev).rsplit("/", 1)[-1]
    return [{"text": model.evidence_quote(ev), "article": f"{up}article.html#ev-{slug}", "page": here.rsplit("/", 1)[-1]}]


def context(model: Model, iri: URIRef, here: str) -> dict[str, object]:
    up = "../" * here.count("/")
    is_evidence = str(iri).startswith(EVIDENCE)
    hidden = HIDDEN | ({OA.hasTarget} if is_evidence else set())
    outgoing = [(p, o) for p, o in model.out.get(iri, []) if p not in hidden]
    incoming = [(p, s) for s, p in model.inc.get(iri, []) if p not in INCOMING_HIDDEN and model.has_page(s)]
    types = [model.value(t, here) for t in model.types(iri)]
    return {
        "up": up, "iri": str(iri), "heading": heading(model, iri), "title": model.label(iri, "en"),
        "types": types, "names": names(model, iri), "roles": roles(model, iri, here),
        "quotes": evidence_quotes(model, iri, here) if is_evidence else quotes(model, iri, here), "outgoing": grouped(model, outgoing, here),
        "incoming": grouped(model, incoming, here), "outside": outside_facts(model, iri, here),
        "links_out": sorted((model.value(o, here) for p in OUT_LINKS for o in model.objects(iri, p)),
                            key=lambda v: v.text),
        "stem": here.rsplit("/", 1)[-1].removesuffix(".html"),
        "nanopub": nanopub_href(model, iri, up),
        "dataset": None,  # the dataset beside the article's whose resource this is (sample.py), if not the article's
        "licence": str(LICENSE),  # the data's, a signposting link of the page (sample.py: the sample's)
    }


def nanopub_href(model: Model, iri: URIRef, up: str) -> str | None:
    """A claim's nanopublication (scripts/publish/nanopubs.py), beside the site in dist/; None for anything else."""
    if NFP.Claim not in model.types(iri):
        return None
    return f"{up}../{nanopubs.FOLDER.as_posix()}/{str(iri).rsplit('/', 1)[-1]}.trig"
