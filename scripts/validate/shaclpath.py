"""SHACL property paths (SHACL 1.0, 2.3.1) written as SPARQL 1.1 property paths, and read back.

A validation result of a property shape names the shape's path. A predicate path is its IRI; any other path is
a structure of blank nodes (an RDF list for a sequence, sh:inversePath, sh:alternativePath, sh:zeroOrMorePath,
sh:oneOrMorePath, sh:zeroOrOnePath), whose node labels mean nothing and differ from one engine to another. Both
engines, Jena's results and the reports therefore name such a path by its SPARQL text, the same for equal paths
however an engine nests them: `^<p>`, `<a>/<b>/<c>`, `<a>|(<b>/<c>)`, `<a>*`. The rule: IRIs in angle brackets, a
sequence in a sequence (an alternative in an alternative) written as one, and every other path that is not an IRI
parenthesized where it stands inside another.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from rdflib import RDF, BNode, Graph, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

SH = Namespace("http://www.w3.org/ns/shacl#")
MODIFIERS = {SH.zeroOrMorePath: "*", SH.oneOrMorePath: "+", SH.zeroOrOnePath: "?"}
MARKS = {mark: predicate for predicate, mark in MODIFIERS.items()}
TOKEN = re.compile(r"\s*(?:(<[^<>\"{}|^`\\\s]*>)|([()/|^*+?]))")


def text(graph: Graph, node: Node) -> str:
    """The path at `node` of `graph` in SPARQL syntax. ValueError if it is not a SHACL path."""
    if isinstance(node, URIRef):
        return f"<{node}>"
    if not isinstance(node, BNode):
        raise ValueError(f"not a SHACL path: {node.n3()}")
    if graph.value(node, RDF.first) is not None:  # a sequence in a sequence is written as one (Jena nests them)
        return "/".join(text(graph, member) if graph.value(member, RDF.first) is not None else inner(graph, member)
                        for member in Collection(graph, node))
    alternatives = graph.value(node, SH.alternativePath)
    if alternatives is not None:
        return "|".join(text(graph, member) if graph.value(member, SH.alternativePath) is not None
                        else inner(graph, member) for member in Collection(graph, alternatives))
    inverse = graph.value(node, SH.inversePath)
    if inverse is not None:
        return "^" + inner(graph, inverse)
    for predicate, mark in MODIFIERS.items():
        repeated = graph.value(node, predicate)
        if repeated is not None:
            return inner(graph, repeated) + mark
    raise ValueError(f"not a SHACL path: the blank node {node.n3()} is neither a list nor a path node")


def inner(graph: Graph, node: Node) -> str:
    return text(graph, node) if isinstance(node, URIRef) else f"({text(graph, node)})"


def name(graph: Graph, node: Node | None) -> str:
    """How a result names the path at `node`: a predicate path by its IRI, any other by its SPARQL text, none
    (a node shape's result) by ""."""
    if node is None:
        return ""
    return str(node) if isinstance(node, URIRef) else text(graph, node)


def canonical(path: str) -> str:
    """A result's path as name() gives it, from SPARQL path text as another engine writes it (Jena parenthesizes
    otherwise); a bare IRI or "" stays as it is."""
    if not is_text(path):
        return path
    graph = Graph()
    return name(graph, add(graph, path))


def node(graph: Graph, path: str, fresh: Callable[[], BNode] = BNode) -> Node:
    """The path a result names (name()) as a node of `graph`, its structure added."""
    return add(graph, path, fresh) if is_text(path) else URIRef(path)


def is_text(path: str) -> bool:
    return path.lstrip().startswith(("<", "^", "("))


def add(graph: Graph, path: str, fresh: Callable[[], BNode] = BNode) -> Node:
    """Add the SHACL structure of SPARQL path text (IRIs, ^, /, |, parentheses, *, + and ?) to `graph`; return its
    node. `fresh` names its blank nodes (a report numbers them, so that it is written the same every time)."""
    tokens = list(scan(path))
    position = 0

    def peek() -> str:
        return tokens[position] if position < len(tokens) else ""

    def take() -> str:
        nonlocal position
        position += 1
        return tokens[position - 1]

    def listed(members: list[Node]) -> Node:  # an RDF list, every cell named by fresh()
        cells = [fresh() for _ in members]
        for cell, member, rest in zip(cells, members, cells[1:] + [RDF.nil]):
            graph.add((cell, RDF.first, member))
            graph.add((cell, RDF.rest, rest))
        return cells[0]

    def alternative() -> Node:
        members = [sequence()]
        while peek() == "|":
            take()
            members.append(sequence())
        if len(members) == 1:
            return members[0]
        node = fresh()
        graph.add((node, SH.alternativePath, listed(members)))
        return node

    def sequence() -> Node:
        members = [element()]
        while peek() == "/":
            take()
            members.append(element())
        return members[0] if len(members) == 1 else listed(members)

    def element() -> Node:  # SPARQL 1.1: PathEltOrInverse, one optional ^ and one optional modifier
        inverse = peek() == "^" and take() == "^"
        found = primary()
        if peek() in MARKS:
            wrapped = fresh()
            graph.add((wrapped, MARKS[take()], found))
            found = wrapped
        if inverse:
            wrapped = fresh()
            graph.add((wrapped, SH.inversePath, found))
            found = wrapped
        return found

    def primary() -> Node:
        token = take() if peek() else ""
        if token.startswith("<"):
            return URIRef(token[1:-1])
        if token == "(":
            found = alternative()
            if (take() if peek() else "") != ")":
                raise ValueError(f"not a path: {path!r} (a parenthesis is not closed)")
            return found
        raise ValueError(f"not a path: {path!r} (an IRI or '(' expected, found {token or 'the end'!r})")

    found = alternative()
    if position != len(tokens):
        raise ValueError(f"not a path: {path!r} (unexpected {peek()!r})")
    return found


def scan(path: str) -> Iterator[str]:
    end = 0
    for match in TOKEN.finditer(path):
        if match.start() != end:
            break
        end = match.end()
        yield match.group(1) or match.group(2)
    if path[end:].strip():
        raise ValueError(f"not a path: {path!r} (cannot read {path[end:].strip()[:20]!r})")
