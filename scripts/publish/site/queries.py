"""The queries page: a SPARQL editor (YASQE) with the project's prefixes, and every example of `queries/`
with its question, its text (loadable into the editor) and its answer on this publication, IRIs shown by
name and linked to their pages; then the questions across the article and the PLOVER sample (`queries/cross/`),
each with FROM lines for the two datasets' named graphs, as the endpoint holds them, placed before its WHERE. The
answers are computed with Oxigraph (the endpoint's engine) at build time, from the texts shown."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from ...errors import BuildError
from ...paths import ARTICLE_DATASET, QUERIES, SAMPLE_DATASET, SAMPLE_DUMP
from .model import Model, Value
from .pages import in_script

CROSS = QUERIES / "cross"
# the query form's line that ends in its WHERE and the group's opening brace: the FROM lines go before that WHERE
QUERY_FORM = re.compile(r"^((?:SELECT|CONSTRUCT|ASK|DESCRIBE)\b[^\n]*?)\s*WHERE\s*\{", re.MULTILINE | re.IGNORECASE)

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
        if model.has_page(iri) or str(iri).startswith("https://w3id.org/ngo-fp/ontology#"):
            return model.value(iri, "queries.html")
        # linked only when it is a web address: a javascript: IRI (legal in SPARQL) would run on the endpoint's
        # origin when clicked, as the editor's answers (queries.js) already say
        web = term.value.startswith(("http://", "https://"))
        return Value(model.label(iri), href=term.value if web else None, external=web)
    if isinstance(term, ox.Literal):
        return Value(term.value, lang=term.language)
    return Value(str(term))


def with_both_datasets(text: str, path: Path) -> str:
    """The query with FROM lines for the article's and the sample's named graphs, before its WHERE."""
    form = QUERY_FORM.search(text)
    if form is None:
        raise BuildError("a cross-dataset query must have its query form and `WHERE {` on one line, so that the "
                         "queries page can put the FROM lines of the two datasets before it", path)
    froms = "".join(f"FROM <{graph}>\n" for graph in (ARTICLE_DATASET, SAMPLE_DATASET))
    return text[:form.end(1)] + "\n" + froms + "WHERE {" + text[form.end():]


def examples(model: Model, dump: Path) -> list[dict[str, object]]:
    store = ox.Store()
    store.bulk_load(path=str(dump), format=ox.RdfFormat.N_TRIPLES)
    return answered(model, store, sorted(QUERIES.glob("*.rq")))


def cross_examples(model: Model, dist: Path) -> list[dict[str, object]]:
    """The questions of queries/cross/, over the two datasets as the endpoint holds them (named graphs); none if the
    publication has no sample."""
    if not (dist / SAMPLE_DUMP).is_file():
        return []
    store = ox.Store()
    for graph, dump in ((ARTICLE_DATASET, dist / "ngo-fp.nt"), (SAMPLE_DATASET, dist / SAMPLE_DUMP)):
        store.bulk_load(path=str(dump), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(graph))
    return answered(model, store, sorted(CROSS.glob("*.rq")), with_both_datasets, "cross-")


def answered(model: Model, store: ox.Store, paths: list[Path], rewrite=None, prefix: str = "") -> list[dict[str, object]]:
    """Each query of `paths` (through `rewrite(text, path)`, if given) with its answer from `store`."""
    out = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        if rewrite is not None:
            text = rewrite(text, path)
        result = store.query(text)
        head = [v.value for v in result.variables]
        rows = [[cell(model, solution[v]) for v in head] for solution in result]
        if "ORDER BY" not in text.upper():  # the engine's order is not promised: make the page stable
            rows.sort(key=lambda row: [(c.text, c.href or "") for c in row])
        out.append({"id": prefix + path.stem, "file": path.relative_to(QUERIES).as_posix(), "question": question(text),
                    "text": text, "head": head, "rows": rows})
    return out


def context(model: Model, dist: Path) -> dict[str, object]:
    pfx = prefixes(model)
    header = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sorted(pfx.items()) if p in ("nfp", "rdfs", "skos", "dcterms", "xsd", "rdf"))
    found, cross = examples(model, dist / "ngo-fp.nt"), cross_examples(model, dist)
    return {
        "prefixes": sorted(pfx.items()), "examples": found, "cross": cross,
        "default_query": header + DEFAULT_QUERY,
        "config": in_script(json.dumps({"prefixes": pfx, "examples": {e["id"]: e["text"] for e in found + cross}},
                                       ensure_ascii=False, sort_keys=True)),
    }
