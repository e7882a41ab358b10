"""The queries page: a SPARQL editor (YASQE) with the project's prefixes, and every example of `queries/`
with its question, its text (loadable into the editor) and its answer on this publication, IRIs shown by
name and linked to their pages. The answers are computed with Oxigraph (the endpoint's engine) at build time."""
from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from ...paths import QUERIES
from .model import Model, Value
from .pages import in_script

DEFAULT_QUERY = """SELECT ?centre ?label WHERE {
  ?centre a nfp:ResearchCentre ; rdfs:label ?label .
} ORDER BY ?label"""


def question(text: str) -> str:
    return text.splitlines()[0].removeprefix("# Question:").strip()


def prefixes(model: Model) -> dict[str, str]:
    """The prefixes the data uses, for the editor's header and its prefix help."""
    used = {str(t) for triple in model.graph for t in triple if isinstance(t, URIRef)}
    return {prefix: ns for ns, prefix in sorted(model.namespaces, key=lambda t: t[1])
            if any(iri.startswith(ns) for iri in used)}


def cell(model: Model, term: object) -> Value:
    if term is None:
        return Value("")
    if isinstance(term, ox.NamedNode):
        iri = URIRef(term.value)
        return model.value(iri, "queries.html") if model.has_page(iri) or str(iri).startswith("https://w3id.org/ngo-fp/ontology#") \
            else Value(model.label(iri), href=term.value, external=True)
    if isinstance(term, ox.Literal):
        return Value(term.value, lang=term.language)
    return Value(str(term))


def examples(model: Model, dump: Path) -> list[dict[str, object]]:
    store = ox.Store()
    store.bulk_load(path=str(dump), format=ox.RdfFormat.N_TRIPLES)
    out = []
    for path in sorted(QUERIES.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        result = store.query(text)
        head = [v.value for v in result.variables]
        rows = [[cell(model, solution[v]) for v in head] for solution in result]
        if "ORDER BY" not in text.upper():  # the engine's order is not promised: make the page stable
            rows.sort(key=lambda row: [(c.text, c.href or "") for c in row])
        out.append({"id": path.stem, "file": path.name, "question": question(text), "text": text,
                    "head": head, "rows": rows})
    return out


def context(model: Model, dist: Path) -> dict[str, object]:
    pfx = prefixes(model)
    header = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sorted(pfx.items()) if p in ("nfp", "rdfs", "skos", "dcterms", "xsd", "rdf"))
    found = examples(model, dist / "ngo-fp.nt")
    return {
        "prefixes": sorted(pfx.items()), "examples": found,
        "default_query": header + DEFAULT_QUERY,
        "config": in_script(json.dumps({"prefixes": pfx, "examples": {e["id"]: e["text"] for e in found}},
                                       ensure_ascii=False, sort_keys=True)),
    }
