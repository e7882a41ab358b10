"""Each resource page's own RDF (its statements, its evidence annotations and their selectors) as Turtle,
N-Triples and JSON-LD, written straight from the indexed graph: rdflib's serializers cost ~15 ms a page, this ~0.1 ms.
A test parses both back and checks they give the same graph as rdflib's selection."""
from __future__ import annotations

import json

from rdflib import RDF, Literal, URIRef
from rdflib.plugins.serializers.nt import _nt_row
from rdflib.term import Node

from ...paths import NFP, OA
from .model import Model

Triple = tuple[Node, URIRef, Node]


def resource_triples(model: Model, iri: URIRef) -> list[Triple]:
    """The resource's statements, plus those of its evidence annotations, their targets and selectors (an evidence
    annotation's own page: its target and selectors, whose IRIs, …/evidence/<hex>/target, quote and position, land
    on this page's files by the w3id rules)."""
    triples: list[Triple] = [(iri, p, o) for p, o in model.out.get(iri, [])]
    annotations = list(model.objects(iri, NFP.groundedIn))
    for ev in annotations:
        triples += [(ev, p, o) for p, o in model.out.get(ev, [])]
    for ev in [iri] + annotations:
        for target in model.objects(ev, OA.hasTarget):
            triples += [(target, p, o) for p, o in model.out.get(target, [])]
            for selector in model.objects(target, OA.hasSelector):
                triples += [(selector, p, o) for p, o in model.out.get(selector, [])]
    return triples


def _term(model: Model, node: Node, used: set[str]) -> str:
    if isinstance(node, Literal):
        if node.datatype is not None:
            return Literal(str(node)).n3() + "^^" + _term(model, node.datatype, used)
        return node.n3()
    short = model.qname(str(node))
    if short == str(node):
        return f"<{node}>"
    used.add(short.split(":", 1)[0])
    return short


def turtle(model: Model, triples: list[Triple]) -> str:
    used: set[str] = set()
    blocks = []
    by_subject: dict[Node, list[tuple[URIRef, Node]]] = {}
    for s, p, o in triples:
        by_subject.setdefault(s, []).append((p, o))
    for s, pairs in by_subject.items():
        lines, by_prop = [], {}
        for p, o in sorted(pairs):
            by_prop.setdefault(p, []).append(o)
        for p, objs in by_prop.items():
            pred = "a" if p == RDF.type else _term(model, p, used)
            lines.append(f"    {pred} " + " ,\n        ".join(_term(model, o, used) for o in objs))
        blocks.append(_term(model, s, used) + "\n" + " ;\n".join(lines) + " .\n")
    prefixes = "".join(f"@prefix {prefix}: <{model.graph.namespace_manager.store.namespace(prefix)}> .\n"
                       for prefix in sorted(used))
    return prefixes + "\n" + "\n".join(blocks)


def ntriples(triples: list[Triple]) -> str:
    """Sorted N-Triples (the rows rdflib's own N-Triples serializer writes)."""
    return "".join(sorted({_nt_row(triple) for triple in triples}))


def _order(value: object) -> tuple[str, ...]:
    if isinstance(value, dict):
        return tuple(f"{k}={value[k]}" for k in sorted(value))
    return ("", str(value))


def jsonld(model: Model, triples: list[Triple]) -> str:
    """Compact JSON-LD: the used prefixes as context, one node per subject, keys and values sorted."""
    used: set[str] = set()
    nodes: dict[str, dict[str, list]] = {}
    for s, p, o in triples:
        node = nodes.setdefault(_term(model, s, used).strip("<>"), {})
        if p == RDF.type:
            node.setdefault("@type", []).append(_term(model, o, used).strip("<>"))
            continue
        key = _term(model, p, used).strip("<>")
        if isinstance(o, Literal):
            if o.language:
                value: object = {"@language": o.language, "@value": str(o)}
            elif o.datatype is not None:
                value = {"@type": _term(model, o.datatype, used).strip("<>"), "@value": str(o)}
            else:
                value = str(o)
        else:
            value = {"@id": _term(model, o, used).strip("<>")}
        node.setdefault(key, []).append(value)
    graph = []
    for sid, props in sorted(nodes.items()):
        out: dict[str, object] = {"@id": sid}
        for key, values in props.items():
            values = sorted(values, key=_order)
            out[key] = values[0] if len(values) == 1 else values
        graph.append(out)
    context = {prefix: str(model.graph.namespace_manager.store.namespace(prefix)) for prefix in sorted(used)}
    # one line: json's C encoder is ~10x faster than its indenting one, and these are 1,300 files
    return json.dumps({"@context": context, "@graph": graph}, sort_keys=True, ensure_ascii=False) + "\n"
