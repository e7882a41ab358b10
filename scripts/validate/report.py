"""The machine-readable reports of `ngo-fp validate`: a SHACL validation report (Turtle) and JSON.

SHACL 1.0, 3.6.1: sh:conforms is true if and only if the report has no validation result, whatever the
severities; the exit code (cli.py) tells warnings from violations.
"""
from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from pathlib import Path

from rdflib import RDF, XSD, BNode, Graph, Literal, Namespace, URIRef

from ..errors import spelled
from . import Result, shaclpath

SH = Namespace("http://www.w3.org/ns/shacl#")


def node(text: str, term=None):
    """A result's focus node or value as an RDF term: the term itself where the engine gave it (Result.focus_term,
    value_term), else guessed from its text."""
    if term is not None:
        return term
    if text.startswith(("http://", "https://", "urn:", "file:")):
        return URIRef(text)
    return Literal(text)


def numbered(prefix: str) -> Callable[[], BNode]:
    """Blank nodes prefix0, prefix1 ...: a report is written the same every time."""
    steps = itertools.count()
    return lambda: BNode(f"{prefix}{next(steps)}")


def report_graph(results: list[Result]) -> Graph:
    """A SHACL validation report (sh:ValidationReport) built from results, for the fast engine."""
    g = Graph(bind_namespaces="core")
    g.bind("sh", SH)
    report = BNode("report")
    g.add((report, RDF.type, SH.ValidationReport))
    g.add((report, SH.conforms, Literal(not results, datatype=XSD.boolean)))
    for i, r in enumerate(results):
        result = BNode(f"r{i}")
        g.add((report, SH.result, result))
        g.add((result, RDF.type, SH.ValidationResult))
        g.add((result, SH.resultSeverity, SH[r.severity]))
        g.add((result, SH.focusNode, node(r.focus, r.focus_term)))
        g.add((result, SH.sourceConstraintComponent, SH[r.component]))
        g.add((result, SH.sourceShape, URIRef(r.shape)))
        if r.message:
            g.add((result, SH.resultMessage, Literal(r.message)))
        if r.path:  # a path other than an IRI as the blank nodes SHACL writes it with (shaclpath.py)
            g.add((result, SH.resultPath, shaclpath.node(g, r.path, numbered(f"r{i}p"))))
        if r.value or r.value_term is not None:
            g.add((result, SH.value, node(r.value, r.value_term)))
        if r.source is not None:  # SHACL 1.0, 5.3.2; a blank node with its description, under labels of its own
            labels: dict = {}
            step = numbered(f"r{i}c")
            own = lambda term: (labels[term] if term in labels else labels.setdefault(term, step())) \
                if isinstance(term, BNode) else term
            g.add((result, SH.sourceConstraint, own(r.source.node)))
            for s, p, o in r.source.triples:
                g.add((own(s), p, own(o)))
    return g


def report_json(results: list[Result], origin: dict[str, Path]) -> str:
    return json.dumps({
        "conforms": not results,
        "counts": {sev: sum(1 for r in results if r.severity == sev) for sev in ("Violation", "Warning", "Info")},
        "results": [dict(severity=r.severity, shape=r.shape, component=r.component, focus=r.focus, path=r.path,
                         message=r.message, value=r.value, file=spelled(r.described_in(origin) or "")) for r in results],
    }, indent=2, ensure_ascii=False) + "\n"
