"""The fast engine against pyshacl on shapes nobody wrote: seeded random shapes graphs made of the SHACL the fast
engine compiles (scripts/validate/fastshacl.py's docstring: class, subjects-of and objects-of targets; IRI, inverse
and sequence paths; every constraint it supports, on node shapes and on property shapes, shared or not; severities,
deactivation and SPARQL-based constraints), each run on seeded random data over a small vocabulary with a class
hierarchy, blank nodes and literals of every datatype the shapes name, ill-typed ones too.

`ngo-fp validate --fast` is for anyone's data and shapes, not only this project's: the fixtures of
tests/test_fastshacl.py break one rule of the project's shapes each, and the mutants of
tests/test_fastshacl_mutants.py edit the data only. Here the shapes vary too. Both engines must give the same
(severity, focus, path, component, shape) set and the same reported values with every plan
(test_fastshacl.compare). A shapes graph or data the fast engine declines (fastshacl.Unsupported: pyshacl then
validates it, scripts/validate/cli.py) is not compared, and most must be judged.
"""
from __future__ import annotations

import random
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.compare import isomorphic
from rdflib.term import Node

from scripts import validate
from scripts.load import parse
from scripts.validate import fastshacl
from test_fastshacl import compare, verdicts

SH = Namespace("http://www.w3.org/ns/shacl#")
EX = Namespace("https://example.org/")
CLASSES = [EX.A, EX.B, EX.C, EX.D]  # B and D below A (D below B); C apart
PROPERTIES = [EX.p, EX.q, EX.r]
# two blank nodes, labelled as rdflib labels its own (test_fastshacl.verdicts compares blank nodes by what is
# reported on them, not by label)
NODES: list[Node] = [EX[f"n{i}"] for i in range(6)] + [BNode(f"N{i:032x}") for i in (1, 2)]
LITERALS = [
    Literal("a"), Literal("abc"), Literal(""), Literal("A b"), Literal("a", lang="en"), Literal("a", lang="tr"),
    Literal("b", lang="en"), Literal("a", lang="en-GB"), Literal("7", datatype=XSD.integer),
    Literal("-3", datatype=XSD.integer), Literal("x", datatype=XSD.integer), Literal("2.5", datatype=XSD.decimal),
    Literal("2019-02-03", datatype=XSD.date), Literal("2019-02-30", datatype=XSD.date),
    Literal("2001", datatype=XSD.gYear), Literal("01", datatype=XSD.gYear), Literal("2001-05", datatype=XSD.gYearMonth),
    Literal("true", datatype=XSD.boolean), Literal("yes", datatype=XSD.boolean),
    Literal("https://example.org/n0", datatype=XSD.anyURI), Literal("a", lang="EN"), Literal(" a"), Literal("ÄÖ"),
    Literal("a\nb"), Literal("12", datatype=XSD.decimal), Literal("2019-02-03T10:00:00", datatype=XSD.dateTime),
    Literal("b", lang="tr-TR"),
]
# in the shapes only (sh:in, sh:hasValue): literals a query would read in another form than rdflib ("1.0" as
# "1"), which equal no value for pyshacl (data holding them is left to pyshacl: fastshacl.restated_in)
LISTED = NODES[:6] + LITERALS + [Literal("abc", datatype=XSD.string), Literal("7.0", datatype=XSD.decimal),
                                 Literal("+7", datatype=XSD.integer), Literal("7", datatype=XSD.int)]
DATATYPES = [XSD.string, XSD.integer, XSD.decimal, XSD.date, XSD.gYear, XSD.gYearMonth, XSD.boolean, XSD.anyURI,
             RDF.langString]
BOUNDS = [Literal("0", datatype=XSD.integer), Literal("2.0", datatype=XSD.decimal), Literal("b"),
          Literal("2000-01-01", datatype=XSD.date), Literal("P1Y", datatype=XSD.duration),
          Literal("2000", datatype=XSD.gYear)]
SEEDS = 300


def ontology() -> Graph:
    g = Graph()
    for cls in CLASSES:
        g.add((cls, RDF.type, OWL.Class))
    g.add((EX.B, RDFS.subClassOf, EX.A))
    g.add((EX.D, RDFS.subClassOf, EX.B))
    return g


def data(rng: random.Random) -> Graph:
    g = Graph()
    for _ in range(rng.randint(6, 30)):
        s = rng.choice(NODES)
        if rng.random() < 0.25:
            g.add((s, RDF.type, rng.choice(CLASSES)))
        else:
            g.add((s, rng.choice(PROPERTIES), rng.choice(NODES + LITERALS + LITERALS)))
    if rng.random() < 0.2:  # a subclass the data itself declares
        g.add((EX.C, RDFS.subClassOf, EX.D))
    return g


def listed(g: Graph, members: list[Node]) -> BNode:
    head = BNode()
    Collection(g, head, members)
    return head


def path(g: Graph, rng: random.Random) -> Node:
    kind = rng.random()
    if kind < 0.55:
        return rng.choice(PROPERTIES)
    if kind < 0.75:
        return inverse(g, rng)
    steps: list[Node] = [rng.choice(PROPERTIES) for _ in range(rng.choice([2, 2, 3]))]
    if rng.random() < 0.3:  # a step of a sequence may be an inverse
        steps[rng.randrange(len(steps))] = inverse(g, rng)
    return listed(g, steps)


def inverse(g: Graph, rng: random.Random) -> BNode:
    node = BNode()
    g.add((node, SH.inversePath, rng.choice(PROPERTIES)))
    return node


def value_constraint(g: Graph, shape: Node, rng: random.Random) -> None:
    """One constraint on the values of `shape` (a node shape's value is its focus node)."""
    kind = rng.choice(["datatype", "languageIn", "minLength", "minInclusive", "pattern", "class", "nodeKind", "in",
                       "or"])
    if kind == "datatype":
        g.add((shape, SH.datatype, rng.choice(DATATYPES)))
    elif kind == "languageIn":
        ranges = rng.sample(["en", "tr", "*", "EN"], rng.randint(0, 3))
        g.add((shape, SH.languageIn, listed(g, [Literal(x) for x in ranges])))
    elif kind == "minLength":
        g.add((shape, SH.minLength, Literal(rng.choice([0, 1, 3]))))
    elif kind == "minInclusive":
        g.add((shape, SH.minInclusive, rng.choice(BOUNDS)))
    elif kind == "pattern":
        g.add((shape, SH.pattern, Literal(rng.choice(["^a", "b$", "^A", "[0-9]", "org/n[0-2]$", "^$", "a.b", "^.$",
                                                         "\\d", "a|b", "^\\s", "ä"]))))
        if rng.random() < 0.3:
            g.add((shape, SH.flags, Literal(rng.choice(["i", "s", "m", "x", "q", "ix"]))))
    elif kind == "class":
        g.add((shape, SH["class"], rng.choice(CLASSES)))
    elif kind == "nodeKind":
        g.add((shape, SH.nodeKind, SH.IRI))
    elif kind == "in":
        g.add((shape, SH["in"], listed(g, rng.sample(LISTED, rng.randint(1, 3)))))
    else:
        members = []
        for _ in range(2):
            member = BNode()
            if rng.random() < 0.5:
                g.add((member, SH.datatype, rng.choice(DATATYPES)))
            else:
                g.add((member, SH["class"], rng.choice(CLASSES)))
            members.append(member)
        g.add((shape, SH["or"], listed(g, members)))


def property_shape(g: Graph, name: URIRef | None, rng: random.Random) -> Node:
    prop: Node = name if name is not None else BNode()
    g.add((prop, SH.path, path(g, rng)))
    for _ in range(rng.randint(1, 3)):
        kind = rng.random()
        if kind < 0.5:
            value_constraint(g, prop, rng)
        elif kind < 0.7:
            parameter = rng.choice([SH.minCount, SH.maxCount])
            if (prop, parameter, None) not in g:
                g.add((prop, parameter, Literal(rng.choice([0, 1, 2]))))
        elif kind < 0.8:
            if (prop, SH.hasValue, None) not in g:
                g.add((prop, SH.hasValue, rng.choice(LISTED)))
        elif kind < 0.9:
            if (prop, SH.uniqueLang, None) not in g:
                g.add((prop, SH.uniqueLang, Literal(True)))
        elif (prop, SH.qualifiedValueShape, None) not in g:
            qualified = BNode()
            g.add((qualified, SH["in"], listed(g, rng.sample(LISTED, rng.randint(1, 3)))))
            g.add((prop, SH.qualifiedValueShape, qualified))
            for parameter in rng.sample([SH.qualifiedMinCount, SH.qualifiedMaxCount], rng.randint(1, 2)):
                g.add((prop, parameter, Literal(rng.choice([0, 1, 2]))))
    severities(g, prop, rng)
    return prop


def severities(g: Graph, shape: Node, rng: random.Random) -> None:
    if rng.random() < 0.2:
        g.add((shape, SH.severity, rng.choice([SH.Warning, SH.Info, SH.Violation])))
    if rng.random() < 0.05:
        g.add((shape, SH.deactivated, Literal(True)))


SELECTS = [
    "SELECT $this ?value WHERE { $this <https://example.org/p> ?value . FILTER (isBlank(?value)) }",
    "SELECT $this WHERE { FILTER NOT EXISTS { $this a ?type } }",
    "SELECT $this ?value WHERE { $this <https://example.org/q> ?value . ?value <https://example.org/q> $this }",
    "SELECT $this ?value WHERE { ?value <https://example.org/r> $this . FILTER (isLiteral(?value) || isIRI(?value)) }",
    "SELECT $this WHERE { $this <https://example.org/p> ?a , ?b . FILTER (!sameTerm(?a, ?b) && LANG(?a) = LANG(?b)) }",
    # comparisons of literals without a comparable value or of different kinds are errors (validate/comparisons.py)
    "SELECT $this WHERE { $this <https://example.org/p> ?a , ?b . FILTER (?a != ?b && LANG(?a) = LANG(?b)) }",
    "SELECT $this ?value WHERE { $this <https://example.org/q> ?value . FILTER (?value = 7 || ?value = \"abc\") }",
    "SELECT $this ?value WHERE { $this <https://example.org/p> ?value , ?b . FILTER (?value < ?b) }",
    "SELECT $this ?value WHERE { $this <https://example.org/q> ?value . FILTER (?value >= 7 || ?value <= \"b\") }",
    "SELECT $this ?value WHERE { $this <https://example.org/r> ?value . "
    "FILTER (?value NOT IN (7, \"a\"@en, <https://example.org/n1>, \"2001\"^^<http://www.w3.org/2001/XMLSchema#gYear>)) }",
    "SELECT $this (COUNT(?v) AS ?n) WHERE { $this <https://example.org/p> ?v } GROUP BY $this HAVING (COUNT(?v) > 1)",
    "SELECT $this ?value WHERE { OPTIONAL { $this <https://example.org/r> ?value } FILTER (!BOUND(?value)) }",
    "SELECT $this ?value WHERE { $this <https://example.org/p> ?value . FILTER (langMatches(LANG(?value), \"en\")) }",
]


def shapes_graph(rng: random.Random) -> Graph:
    g = Graph()
    made: list[Node] = []  # property shapes, which a later node shape may share
    for i in range(rng.randint(1, 3)):
        shape = EX[f"S{i}"]
        g.add((shape, RDF.type, SH.NodeShape))
        for _ in range(rng.randint(1, 2)):
            target = rng.choice([SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf])
            g.add((shape, target, rng.choice(CLASSES if target == SH.targetClass else PROPERTIES)))
        if rng.random() < 0.3:
            value_constraint(g, shape, rng)
        if rng.random() < 0.15:
            sparql = BNode()
            g.add((sparql, SH.select, Literal(rng.choice(SELECTS))))
            g.add((shape, SH.sparql, sparql))
        for j in range(rng.randint(0, 3)):
            if made and rng.random() < 0.2:
                prop = rng.choice(made)
            else:
                prop = property_shape(g, EX[f"S{i}P{j}"] if rng.random() < 0.5 else None, rng)
                made.append(prop)
            g.add((shape, SH.property, prop))
        severities(g, shape, rng)
    return g


def judged(seed: int, onto: Graph) -> int | None:
    """The number of results pyshacl gives for the seed's shapes and data, once the fast engine has given the same
    with every plan (an AssertionError otherwise); None if the fast engine declines them."""
    rng = random.Random(seed)
    shapes, graph = shapes_graph(rng), data(rng)
    try:
        checks = fastshacl.checks_for(shapes, graph)
    except fastshacl.Unsupported:
        return None
    return compare(graph, onto, shapes, checks)


def described(seed: int) -> str:
    """The seed's shapes and data in Turtle, to read a difference with."""
    rng = random.Random(seed)
    shapes, graph = shapes_graph(rng), data(rng)
    return shapes.serialize(format="turtle") + "\n# data\n" + graph.serialize(format="turtle")


def test_same_verdicts_on_random_shapes_and_data() -> None:
    onto = ontology()
    differ, judged_, with_results = [], 0, 0
    for seed in range(SEEDS):
        try:
            n = judged(seed, onto)
        except AssertionError as exc:
            differ.append(f"seed {seed}: {str(exc).splitlines()[0]}")
            continue
        if n is not None:
            judged_ += 1
            with_results += n > 0
    assert not differ, "\n".join(differ)
    assert judged_ >= SEEDS * 3 // 4, f"only {judged_} of {SEEDS} judged"
    assert with_results >= judged_ // 2, f"only {with_results} of {judged_} with results"


def test_a_seed_gives_one_shapes_graph_and_one_data_graph() -> None:
    """A failing seed can be rerun (and read with `described`): the same seed gives the same graphs, up to the
    labels of the shapes' blank nodes."""
    def made(seed: int) -> tuple[Graph, Graph]:
        rng = random.Random(seed)
        return shapes_graph(rng), data(rng)

    (shapes, graph), (again, graph_again), (other, other_graph) = made(7), made(7), made(8)
    assert isomorphic(shapes, again) and isomorphic(graph, graph_again)
    assert not (isomorphic(shapes, other) and isomorphic(graph, other_graph))


@pytest.mark.parametrize("seed", [0])
def test_the_shapes_use_what_the_fast_engine_supports(seed: int) -> None:
    """Across the seeds, every parameter the generator writes is one fastshacl compiles (the generator does not
    drift into shapes the engine only declines)."""
    used = set()
    for s in range(seed, seed + SEEDS):
        used |= set(shapes_graph(random.Random(s)).predicates())
    assert used - {SH.inversePath, SH.select, RDF.first, RDF.rest} <= fastshacl.SUPPORTED
    assert {SH.qualifiedValueShape, SH["or"], SH.sparql, SH.uniqueLang, SH.hasValue, SH.deactivated} <= used


# What random shapes found, each as a case of its own: the shapes (with ex:S targeting the subjects of ex:p) and the
# data; both engines must agree on them
PREFIXES = """@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://example.org/> .
    @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
    ex:S a sh:NodeShape ; sh:targetSubjectsOf ex:p ; sh:property ex:P .
"""
FOUND = {
    # SHACL 1.0, 4.4.1: a blank node fails sh:minLength, 0 too (pyshacl passed it: validate.blank_nodes_have_no_length)
    "a blank node against sh:minLength 0": ("ex:P sh:path ex:p ; sh:minLength 0 .", "ex:a ex:p [ ex:q 1 ], 'x' ."),
    # the query read "abc"^^xsd:string as "abc", and "7.0"^^xsd:decimal as "7"; rdflib keeps them apart
    "sh:in with an xsd:string literal": ('ex:P sh:path ex:p ; sh:in ( "abc"^^xsd:string ) .', 'ex:a ex:p "abc" .'),
    "sh:hasValue with a decimal's other form": ('ex:P sh:path ex:p ; sh:hasValue "7.0"^^xsd:decimal .',
                                                 'ex:a ex:p "7"^^xsd:decimal .'),
    "sh:qualifiedValueShape with an xsd:int literal": (
        'ex:P sh:path ex:p ; sh:qualifiedValueShape [ sh:in ( "7"^^xsd:int ) ] ; sh:qualifiedMinCount 1 .',
        'ex:a ex:p 7 .'),
    # rdflib ordered literals it cannot compare by their datatype IRIs: a string passed a date bound, a duration a
    # date bound, a language-tagged string a string bound (validate.ranges_by_value)
    "sh:minInclusive across datatypes": (
        'ex:P sh:path ex:p ; sh:minInclusive "2000-01-01"^^xsd:date .',
        'ex:a ex:p "P1Y"^^xsd:duration , "z" , "2001-01-01"^^xsd:date . ex:b ex:p "2000"@en .'),
    "sh:minInclusive of a string": ('ex:P sh:path ex:p ; sh:minInclusive "b" .',
                                    'ex:a ex:p "2000"@en , "c" , "a" , 3 .'),
    # rdflib has no values for xsd:gYear (pyshacl ordered it as text: "10000" before "2000") nor for durations of
    # two kinds; both are ordered as Oxigraph orders them (validate.ranges_by_value)
    "sh:minInclusive of an xsd:gYear": ('ex:P sh:path ex:p ; sh:minInclusive "2000"^^xsd:gYear .',
                                        'ex:a ex:p "10000"^^xsd:gYear , "1999"^^xsd:gYear , "2000-05"^^xsd:gYearMonth .'),
    "sh:minInclusive of a duration": ('ex:P sh:path ex:p ; sh:minInclusive "P1Y"^^xsd:duration .',
                                      'ex:a ex:p "P400D"^^xsd:dayTimeDuration , "P2Y"^^xsd:yearMonthDuration , '
                                      '"P1D"^^xsd:dayTimeDuration .'),
    # SHACL 1.0, 5.3.2: sh:value is the binding of ?value, else the value node, a node shape's focus node; the fast
    # engine reported none where the query selected ?value and left it unbound
    "a SPARQL constraint leaving ?value unbound": (
        'ex:S sh:sparql [ sh:select "SELECT $this ?value WHERE { OPTIONAL { $this ex:r ?value } '
        'FILTER (!BOUND(?value)) }" ; sh:prefixes ex: ] . ex: sh:declare [ sh:prefix "ex" ; '
        'sh:namespace "https://example.org/"^^xsd:anyURI ] . ex:P sh:path ex:p .', "ex:a ex:p 1 ."),
}


@pytest.mark.parametrize("case", sorted(FOUND))
def test_what_random_shapes_found_is_judged_alike(case: str) -> None:
    shape, triples = FOUND[case]
    shapes = Graph().parse(data=PREFIXES + shape, format="turtle")
    parsed = Graph().parse(data=PREFIXES.split("ex:S a")[0] + triples, format="turtle")
    blanks = sorted({o for o in parsed.objects() if isinstance(o, BNode)})
    blank = {b: BNode(f"N{i:032x}") for i, b in enumerate(blanks)}
    graph = Graph()
    for s, p, o in parsed:  # blank nodes labelled as test_fastshacl.verdicts recognizes them
        graph.add((blank.get(s, s), p, blank.get(o, o)))
    assert compare(graph, ontology(), shapes, fastshacl.checks_for(shapes, graph)) > 0


REFUSED = {
    # pyshacl refuses these shapes (ConstraintLoadError): the fast engine judged them, each value of the parameter
    "two sh:datatype": "ex:P sh:path ex:p ; sh:datatype xsd:string , xsd:integer .",
    "two sh:languageIn": 'ex:P sh:path ex:p ; sh:languageIn ( "en" ) , ( "tr" ) .',
    "two sh:in": "ex:P sh:path ex:p ; sh:in ( 1 ) , ( 2 ) .",
    "two sh:minLength": "ex:P sh:path ex:p ; sh:minLength 1 , 2 .",
    "sh:minCount on a node shape": "ex:S sh:minCount 1 . ex:P sh:path ex:p .",
    "a count that is no integer": 'ex:P sh:path ex:p ; sh:minCount "1" .',
    "a negative count": "ex:P sh:path ex:p ; sh:maxCount -1 .",
    "a qualified shape without a count": "ex:P sh:path ex:p ; sh:qualifiedValueShape [ sh:in ( 1 ) ] .",
    "a sh:uniqueLang that is no boolean": 'ex:P sh:path ex:p ; sh:uniqueLang "true" .',
    # read otherwise by the two: the fast engine ignored sh:hasValue on a node shape; the store takes an ill-typed
    # bound as equal to itself, and may order a datatype SPARQL does not
    "sh:hasValue on a node shape": "ex:S sh:hasValue ex:a . ex:P sh:path ex:p .",
    "an ill-typed bound": 'ex:P sh:path ex:p ; sh:minInclusive "x"^^xsd:integer .',
    "a bound of xsd:anyURI": 'ex:P sh:path ex:p ; sh:minInclusive "b"^^xsd:anyURI .',
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_shapes_pyshacl_refuses_or_reads_otherwise_are_left_to_it(case: str) -> None:
    """pyshacl then validates (or refuses the shapes with its own error), so that `--fast` never gives a verdict
    pyshacl would not."""
    shapes = Graph().parse(data=PREFIXES + REFUSED[case], format="turtle")
    with pytest.raises(fastshacl.Unsupported):
        fastshacl.compile_shapes(shapes)


FILE_SEEDS = 40


def named(shapes: Graph) -> Graph:
    """The shapes with each blank property shape given an IRI: results name their source shape, and the two engines
    read a file's blank nodes under labels of their own."""
    names = {shape: EX[f"property-shape-{i}"] for i, shape in enumerate(
        s for s in set(shapes.subjects(SH.path, None)) if isinstance(s, BNode))}
    out = Graph()
    for s, p, o in shapes:
        out.add((names.get(s, s), p, names.get(o, o)))
    return out


@pytest.mark.parametrize("suffix, fmt", [(".ttl", "turtle"), (".nt", "nt")])
def test_same_verdicts_on_random_shapes_and_data_read_from_files(tmp_path: Path, suffix: str, fmt: str) -> None:
    """The whole `--fast` path (Oxigraph's lenient load, the strict parser beside it, the ontology mixed in from its
    file, the shapes read from theirs) against pyshacl on the files as `ngo-fp validate` reads them."""
    ontology_file = tmp_path / "ontology.ttl"
    ontology().serialize(ontology_file, format="turtle")
    differ, judged_ = [], 0
    for seed in range(FILE_SEEDS):
        rng = random.Random(seed)
        shapes_file, data_file = tmp_path / f"shapes-{seed}.ttl", tmp_path / f"data-{seed}{suffix}"
        named(shapes_graph(rng)).serialize(shapes_file, format="turtle")
        data(rng).serialize(data_file, format=fmt)
        try:
            fast, _ = fastshacl.validate_files([data_file], ontology_file, shapes_file)
        except fastshacl.Unsupported:
            continue
        reference, _ = validate.shacl(parse(data_file), parse(ontology_file), parse(shapes_file))
        judged_ += 1
        if verdicts(fast) != verdicts(reference):
            differ.append(f"seed {seed}: only --fast {sorted(verdicts(fast) - verdicts(reference))}, "
                          f"only pyshacl {sorted(verdicts(reference) - verdicts(fast))}")
    assert not differ, "\n".join(differ)
    assert judged_ >= FILE_SEEDS * 3 // 4, f"only {judged_} of {FILE_SEEDS} judged"
