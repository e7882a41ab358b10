"""rdflib's `*`, `+` and `?` paths, as scripts.validate.propertypaths makes pyshacl evaluate them, give Oxigraph's
answers (SPARQL 1.1, 18.4) on random graphs whose path ends include the literals rdflib took for "unbound"."""
from __future__ import annotations

import random
import sys

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.paths import MulPath

from scripts.validate.propertypaths import exact_paths

EX = "http://example.org/"
NODES = [URIRef(EX + name) for name in "abcdef"]
LITERALS = [Literal(False), Literal(""), Literal(0), Literal("x"), Literal(True)]
# each path pattern with a start bound by a join, an end bound by a join, both, or neither
PATTERNS = [
    "?s ex:q ?x . ?x {path} ?o",
    "?o ex:q ?y . ?s {path} ?y",
    "?s ex:q ?x . ?o ex:q ?y . ?x {path} ?y",
    "?s {path} ?o",
]
PATHS = ["ex:p*", "ex:p+", "ex:p?", "(ex:p/ex:r)*", "(^ex:p)+", "(ex:p|ex:r)*", "ex:q/ex:p*"]


def random_graph(seed: int) -> Graph:
    """A small graph with cycles, whose ex:q values are often literals (the ends rdflib read as unbound)."""
    rng = random.Random(seed)
    graph = Graph()
    for _ in range(rng.randint(3, 14)):
        graph.add((rng.choice(NODES), URIRef(EX + rng.choice("ppr")), rng.choice(NODES)))
    for _ in range(rng.randint(1, 5)):
        graph.add((rng.choice(NODES), URIRef(EX + "q"), rng.choice(NODES + LITERALS)))
    for _ in range(rng.randint(0, 2)):
        graph.add((rng.choice(NODES), URIRef(EX + "p"), rng.choice(LITERALS)))
    return graph


def answers_rdflib(graph: Graph, query: str) -> list[tuple[str, str]]:
    return sorted((row[0].n3(), row[1].n3()) for row in graph.query(query))  # type: ignore[union-attr, index]


def answers_oxigraph(graph: Graph, query: str) -> list[tuple[str, str]]:
    store = ox.Store()
    store.load(graph.serialize(format="nt").encode(), ox.RdfFormat.N_TRIPLES)
    return sorted((str(row[0]), str(row[1])) for row in store.query(query))  # type: ignore[union-attr, index]


@pytest.mark.parametrize("path", PATHS)
def test_paths_give_oxigraphs_answers(path: str) -> None:
    exact_paths()
    for seed in range(60):
        graph = random_graph(seed)
        for pattern in PATTERNS:
            query = f"PREFIX ex: <{EX}> SELECT ?s ?o WHERE {{ {pattern.format(path=path)} }}"
            assert answers_rdflib(graph, query) == answers_oxigraph(graph, query), (seed, query)


def test_a_false_start_is_bound() -> None:
    """The case that gave pyshacl false violations: a type `false` walked up rdfs:subClassOf* from every class."""
    exact_paths()
    graph = Graph().parse(data=f"""
        <{EX}x> a <{EX}A> , false . <{EX}A> <http://www.w3.org/2000/01/rdf-schema#subClassOf> <{EX}B> .""")
    rows = graph.query(f"SELECT ?c WHERE {{ <{EX}x> a ?t . ?t <http://www.w3.org/2000/01/rdf-schema#subClassOf>* ?c }}")
    assert sorted(row[0].n3() for row in rows) == sorted([  # type: ignore[index]
        Literal(False).n3(), f"<{EX}A>", f"<{EX}B>"])


def test_a_chain_longer_than_the_recursion_limit() -> None:
    """rdflib's walk recursed once per link (and passed each answer up through every level: quadratic time)."""
    exact_paths()
    graph = Graph()
    chain = [URIRef(f"{EX}n{i}") for i in range(sys.getrecursionlimit() + 100)]
    for near, far in zip(chain, chain[1:]):
        graph.add((near, URIRef(EX + "p"), far))
    assert len(list(MulPath(URIRef(EX + "p"), "*").eval(graph, chain[0]))) == len(chain)
    assert len(list(MulPath(URIRef(EX + "p"), "+").eval(graph, None, chain[-1]))) == len(chain) - 1
