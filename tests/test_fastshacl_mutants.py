"""The fast engine against pyshacl on data nobody wrote a fixture for: seeded random edits of the valid base
(tests/shapes/base.ttl with its evidence), each judged by both engines, which must give the same (severity,
focus, path, component, shape) set and the same reported values (test_fastshacl.compare, every plan).

The hand-written fixtures break one rule each; these edits break several at once and in places no fixture
chose: a value dropped, replaced by any other term of the data or by a node it says nothing else about, added
beside the others, retyped or given another datatype, language or an ill-typed form; a resource given another
class; a statement moved to another subject or another property. Each mutant is made from its seed alone (the
base's blank nodes are labelled canonically first), so a failure names the seed and the edits that reproduce it.
"""
from __future__ import annotations

import random
from pathlib import Path

import pytest
from rdflib import OWL, RDF, XSD, BNode, Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.term import Node

from scripts import validate
from scripts.load import parse
from scripts.paths import ONTOLOGY, SHAPES
from scripts.validate import fastshacl
from test_fastshacl import BLANK, checks, compare, verdicts  # noqa: F401 (checks: the module's fixture, shared)
from test_shapes import base_graph, with_evidence

MUTANTS = 60
Triple = tuple[Node, Node, Node]


@pytest.fixture(scope="module")
def base() -> list[Triple]:
    """The valid base with its evidence, blank nodes labelled canonically, in a fixed order."""
    return sorted(to_canonical_graph(with_evidence(base_graph())), key=lambda t: tuple(x.n3() for x in t))


def literal_variants(value: Literal) -> list[Literal]:
    """Other forms of a literal's text: plain, language-tagged, typed (well- or ill-typed), empty, padded."""
    text = str(value)
    return [Literal(text), Literal(text, lang="en"), Literal(text, lang="tr"), Literal(text, lang="EN-gb"),
            Literal(text, datatype=XSD.date), Literal(text, datatype=XSD.gYear), Literal(text, datatype=XSD.integer),
            Literal(text, datatype=XSD.anyURI), Literal(""), Literal(f" {text}"), Literal(text[:1]),
            Literal("2019-02-30", datatype=XSD.date), Literal("2019-02-30"), Literal("1995"),
            Literal("12", datatype=XSD.string), Literal("-1", datatype=XSD.integer), Literal("0", datatype=XSD.integer),
            Literal("true", datatype=XSD.boolean)]


def mutant(seed: int, base: list[Triple], classes: list[URIRef],
           edits: tuple[int, int] = (1, 3)) -> tuple[Graph, list[str]]:
    """The base with a random number of random edits (`edits`: the least and the most); the graph and what was
    done."""
    rng = random.Random(seed)
    triples = list(base)
    subjects = sorted({s for s, _, _ in triples}, key=lambda x: x.n3())
    predicates = sorted({p for _, p, _ in triples}, key=lambda x: x.n3())
    objects = sorted({o for _, _, o in triples}, key=lambda x: x.n3())
    done: list[str] = []
    for _ in range(rng.randint(*edits)):
        i = rng.randrange(len(triples))
        s, p, o = triples[i]
        kind = rng.choice(["drop", "replace", "add", "literal", "class", "move", "property", "new"])
        if kind == "drop":
            del triples[i]
            edit = (s, p, o)
        elif kind == "replace":
            triples[i] = edit = (s, p, rng.choice(objects))
        elif kind == "add":
            edit = (s, p, rng.choice(objects))
            triples.append(edit)
        elif kind == "literal":
            triples[i] = edit = (s, p, rng.choice(literal_variants(o if isinstance(o, Literal) else Literal(str(o)))))
        elif kind == "class":
            edit = (s, RDF.type, rng.choice(classes))
            triples.append(edit)
        elif kind == "move":
            triples[i] = edit = (rng.choice(subjects), p, o)
        elif kind == "property":
            triples[i] = edit = (s, rng.choice(predicates), o)
        else:  # a node the data says nothing else about (a blank node labelled as rdflib labels its own, which
            # compare leaves out of the reported values, as each engine labels blank nodes its own way)
            triples[i] = edit = (s, p, rng.choice([BNode(f"N{seed:032x}"), URIRef(f"https://example.org/new/{seed}")]))
        done.append(f"{kind} {' '.join(x.n3() for x in edit)}")
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    return graph, done


def classes_of(ontology: Graph) -> list[URIRef]:
    return sorted((c for c in ontology.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef)), key=str)


def test_same_verdicts_on_random_mutants(base: list[Triple], ontology: Graph, shapes: Graph, checks) -> None:
    """Every mutant judged alike; and the mutants are mostly invalid (the engines are compared on results,
    not only on conforming data). A mutant with a literal the store would retype on a property a check reads (e.g.
    an oa:start offset, xsd:nonNegativeInteger, moved to nfp:foundingYear) is declined by both of the fast engine's
    entries (scripts/build.py, fastshacl.validate_files: pyshacl judges it), so it is not compared here either."""
    differ, with_results = [], 0
    predicates = fastshacl.watched(shapes)
    for seed in range(MUTANTS):
        graph, done = mutant(seed, base, classes_of(ontology))
        if fastshacl.retyped_in(graph, predicates) is not None:
            continue
        try:
            with_results += compare(graph, ontology, shapes, checks) > 0
        except AssertionError as exc:
            differ.append(f"mutant {seed} ({'; '.join(done)}): {str(exc).splitlines()[0]}")
    assert not differ, "\n".join(differ)
    assert with_results >= MUTANTS // 2, f"only {with_results} of {MUTANTS} mutants break a rule"


def test_a_seed_gives_one_mutant(base: list[Triple], ontology: Graph) -> None:
    """A failing seed can be rerun: the same seed gives the same graph, another seed another."""
    classes = classes_of(ontology)
    assert set(mutant(3, base, classes)[0]) == set(mutant(3, base, classes)[0])
    assert set(mutant(3, base, classes)[0]) != set(mutant(4, base, classes)[0])


FILE_MUTANTS = 12


@pytest.mark.parametrize("fmt, suffix", [("turtle", ".ttl"), ("xml", ".rdf")])
def test_same_verdicts_on_mutants_read_from_files(tmp_path: Path, base: list[Triple], ontology: Graph,
                                                  shapes: Graph, fmt: str, suffix: str) -> None:
    """The whole fast path (`ngo-fp validate --fast`: Oxigraph's lenient load while its strict parser reads the
    file, the ontology mixed in from its file) against pyshacl on the same file as `ngo-fp validate` reads it.
    A file the fast engine declines (fastshacl.Unsupported, e.g. an xsd:nonNegativeInteger literal on a property a
    check reads) is validated by pyshacl instead (scripts/validate/cli.py), so it is not a difference."""
    differ, judged = [], 0
    for seed in range(FILE_MUTANTS):
        graph, done = mutant(seed, base, classes_of(ontology))
        path = tmp_path / f"mutant-{seed}{suffix}"
        graph.serialize(path, format=fmt)
        reference, _ = validate.shacl(parse(path), ontology, shapes)
        try:
            fast, _ = fastshacl.validate_files([path], ONTOLOGY, SHAPES)
        except fastshacl.Unsupported:
            continue
        judged += 1
        mine, theirs = verdicts(fast), verdicts(reference)
        if mine != theirs:
            differ.append(f"mutant {seed} ({'; '.join(done)}): only --fast {sorted(mine - theirs)}, "
                          f"only pyshacl {sorted(theirs - mine)}")
    assert not differ, "\n".join(differ)
    assert judged >= FILE_MUTANTS * 3 // 4


def test_a_blank_focus_node_is_compared_by_what_is_reported_on_it(base: list[Triple], ontology: Graph, shapes: Graph,
                                                                   checks) -> None:
    """The edit a random mutant once made (seed 2330 of an earlier base): the object of biro:references replaced by a
    blank node the data says nothing else about, which makes it a focus node of the cited-work shapes: each engine
    reports it under a label of its own, and the results on it are compared without the label
    (test_fastshacl.verdicts)."""
    biro_references = URIRef("http://purl.org/spar/biro/references")
    blank = BNode(f"N{2330:032x}")  # labelled as rdflib labels its own (mutant)
    edited = next(t for t in base if t[1] == biro_references)
    graph = Graph()
    for t in base:
        graph.add((t[0], t[1], blank) if t == edited else t)
    reference, _ = validate.shacl(graph, ontology, shapes)
    assert any(BLANK.fullmatch(r.focus) for r in reference)
    assert compare(graph, ontology, shapes, checks) > 0
