"""SHACL shapes: the valid base passes every shape; each invalid fixture breaks exactly the rules it names.

An invalid fixture is a SPARQL update (tests/shapes/invalid/<Shape>-<case>.ru) applied to the valid base
(tests/shapes/base.ttl). Its header lists every expected result as
`# expect: <Severity> <focus> <path or -> <ConstraintComponent>` (CURIEs of the base's prefixes); the test
compares the full report with that list, so a missing or an extra result both fail.

Together the fixtures must break every constraint of every shape: each (shape, constraint component) pair, and
each sh:sparql constraint on its own, is the source of a result of some fixture (a few constraints that no data can
break are listed, with the reason, in UNCOVERABLE).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import OWL, RDF, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from scripts import validate
from scripts.validate import grounding, shaclpath
from scripts.load import parse
from scripts.validate.shaclpath import canonical

HERE = Path(__file__).parent / "shapes"
BASE = HERE / "base.ttl"
INVALID = sorted((HERE / "invalid").glob("*.ru"))
SH = Namespace("http://www.w3.org/ns/shacl#")
NFPS = Namespace("https://w3id.org/ngo-fp/shapes#")
NFP = Namespace("https://w3id.org/ngo-fp/ontology#")

# Constraint parameters -> the component a result names.
COMPONENTS = {
    SH.minCount: "MinCountConstraintComponent", SH.maxCount: "MaxCountConstraintComponent",
    SH.datatype: "DatatypeConstraintComponent", SH.languageIn: "LanguageInConstraintComponent",
    SH.minLength: "MinLengthConstraintComponent", SH.minInclusive: "MinInclusiveConstraintComponent", SH.pattern: "PatternConstraintComponent",
    SH["class"]: "ClassConstraintComponent", SH.uniqueLang: "UniqueLangConstraintComponent",
    SH["or"]: "OrConstraintComponent", SH["in"]: "InConstraintComponent",
    SH.hasValue: "HasValueConstraintComponent", SH.nodeKind: "NodeKindConstraintComponent",
    SH.qualifiedMinCount: "QualifiedMinCountConstraintComponent",
    SH.qualifiedMaxCount: "QualifiedMaxCountConstraintComponent",
    # the other parameters of SHACL Core, unused by shapes.ttl today, so that a new one is counted too
    SH.maxLength: "MaxLengthConstraintComponent", SH.maxInclusive: "MaxInclusiveConstraintComponent",
    SH.minExclusive: "MinExclusiveConstraintComponent", SH.maxExclusive: "MaxExclusiveConstraintComponent",
    SH.equals: "EqualsConstraintComponent", SH.disjoint: "DisjointConstraintComponent",
    SH.lessThan: "LessThanConstraintComponent", SH.lessThanOrEquals: "LessThanOrEqualsConstraintComponent",
    SH["not"]: "NotConstraintComponent", SH["and"]: "AndConstraintComponent", SH.xone: "XoneConstraintComponent",
    SH.node: "NodeConstraintComponent", SH.closed: "ClosedConstraintComponent",
}
# sh: predicates of a shape that are no constraint parameter (sh:sparql is keyed per constraint, see below;
# sh:property's constraints are those of the property shape, which results name as their source)
NOT_CONSTRAINTS = {
    SH.path, SH.message, SH.name, SH.description, SH.severity, SH.deactivated, SH.order, SH.group,
    SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target, SH.property,
    SH.qualifiedValueShape, SH.qualifiedValueShapesDisjoint, SH.ignoredProperties, SH.flags, SH.defaultValue,
}


def base_graph() -> Graph:
    return parse(BASE)


def with_evidence(graph: Graph) -> Graph:
    return graph + grounding.expand(graph)


def curie(graph: Graph, text: str) -> str:
    if text == "-":
        return ""
    if text.startswith("<") and text.endswith(">"):
        return text[1:-1]
    prefix, _, local = text.partition(":")
    namespaces = dict(graph.namespaces()) | {"nfps": URIRef(str(NFPS))}
    return str(namespaces[prefix]) + local


def path_of(graph: Graph, text: str) -> str:
    """An expect line's path as results name it (scripts/validate/shaclpath.py): "-" for none, a prefixed name or
    <IRI>, or a SPARQL path of them (^nfp:participation, oa:hasTarget/oa:hasSource)."""
    if text == "-":
        return ""
    steps = re.findall(r"<[^>]*>|[A-Za-z][\w-]*:[\w-]*|[\^/|()*+?]", text)
    assert "".join(steps) == text, f"not a path: {text}"
    return canonical("".join(f"<{curie(graph, s)}>" if s[0] not in "^/|()*+?" else s for s in steps))


def expectations(fixture: Path, graph: Graph) -> set[tuple[str, str, str, str]]:
    found = set()
    for line in fixture.read_text(encoding="utf-8").splitlines():
        if line.startswith("# expect:"):
            severity, focus, path, component = line.removeprefix("# expect:").split()
            found.add((severity, curie(graph, focus), path_of(graph, path), component))
    return found


def apply(fixture: Path) -> Graph:
    graph = base_graph()
    prologue = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in graph.namespaces() if p)
    graph.update(prologue + fixture.read_text(encoding="utf-8"))
    return graph


def report(graph: Graph, ontology: Graph, shapes: Graph) -> list[validate.Result]:
    results, _ = validate.shacl(with_evidence(graph), ontology, shapes)
    return results


_REPORTS: dict[Path, tuple[list[validate.Result], Graph]] = {}


def fixture_report(fixture: Path, ontology: Graph, shapes: Graph) -> tuple[list[validate.Result], Graph]:
    """The validation of one invalid fixture, computed once per test session."""
    if fixture not in _REPORTS:
        _REPORTS[fixture] = validate.shacl(with_evidence(apply(fixture)), ontology, shapes)
    return _REPORTS[fixture]


def test_base_is_valid(ontology: Graph, shapes: Graph) -> None:
    assert report(base_graph(), ontology, shapes) == []


def test_pyshacl_parses_each_sparql_constraint_once(ontology: Graph, shapes: Graph, monkeypatch) -> None:
    """pyshacl gives rdflib one query text per SPARQL-based constraint, the same for every focus node; it is parsed
    once (validate.queries_parsed_once), not once per focus node (24 ms each: 94 s of 132 s for 1,000 citations).
    The results stay the fixtures' (the tests above, and test_fastshacl's comparison with the fast engine)."""
    from rdflib.plugins.sparql import processor

    texts = {str(text) for text in shapes.objects(None, SH.select)}
    parsed: list[str] = []
    parse = processor.parseQuery

    def counted(query: str):  # type: ignore[no-untyped-def]
        parsed.append(query)
        return parse(query)

    monkeypatch.setattr(processor, "parseQuery", counted)
    monkeypatch.setattr(validate, "PREPARED", {})  # as in a process of its own
    focus_nodes = sum(1 for _ in base_graph().subjects(RDF.type, None))
    assert report(base_graph(), ontology, shapes) == []
    assert 0 < len(parsed) <= len(texts) < focus_nodes, (len(parsed), len(texts), focus_nodes)
    assert len(set(parsed)) == len(parsed)


UNDECLARED_PREFIX_SHAPE = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
# schema: is never declared (sh:prefixes): rdflib binds it to https://schema.org/ by default, the data to http
ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:sparql [ sh:message "sameAs {?value}" ; sh:select \"\"\"
  SELECT $this ?value WHERE { $this schema:sameAs ?value }\"\"\" ] .
"""
UNDECLARED_PREFIX_DATA = """
@prefix ex: <http://example.org/> .
@prefix schema: <http://schema.org/> .
ex:a a ex:C ; schema:sameAs ex:s .
ex:d a ex:C ; <https://schema.org/sameAs> ex:t .
"""


def test_a_query_with_an_undeclared_prefix_is_read_as_pyshacl_reads_it(monkeypatch) -> None:
    """A constraint whose query uses a prefix it does not declare is not prepared alone (validate.self_contained):
    pyshacl hands rdflib the text with the data graph's prefixes, where a prepared query would read rdflib's
    defaults instead. Here the data's schema: (http) is the one pyshacl reads: ex:a is reported, not ex:d."""
    from scripts.validate import self_contained
    from rdflib.plugins.sparql.parser import parseQuery

    assert self_contained(parseQuery("PREFIX : <http://e/> SELECT * WHERE { ?s :p ?o }"))
    assert not self_contained(parseQuery("PREFIX a: <http://a/> SELECT * WHERE { ?s a:p ?o . ?o :q ?v }"))
    assert not self_contained(parseQuery('SELECT * WHERE { ?s ?p "1"^^xsd:integer }'))
    monkeypatch.setattr(validate, "PREPARED", {})
    data = Graph(bind_namespaces="core").parse(data=UNDECLARED_PREFIX_DATA, format="turtle")  # as load.parse binds
    shapes = Graph().parse(data=UNDECLARED_PREFIX_SHAPE, format="turtle")
    results, _ = validate.shacl(data, Graph(), shapes)
    assert [(r.focus, r.message) for r in results] == [("http://example.org/a", "sameAs http://example.org/s")]


def test_prepared_queries_are_bounded(ontology: Graph, shapes: Graph, monkeypatch) -> None:
    """pyshacl writes a query's PREFIX lines in set order, so each parse of the shapes may give new texts for the
    same queries: the prepared ones kept are bounded (validate.PREPARED_AT_MOST)."""
    monkeypatch.setattr(validate, "PREPARED", {f"old {i}": None for i in range(validate.PREPARED_AT_MOST)})
    assert report(base_graph(), ontology, shapes) == []
    assert 0 < len(validate.PREPARED) <= len({str(t) for t in shapes.objects(None, SH.select)})


def test_a_territory_may_carry_country_codes(ontology: Graph, shapes: Graph) -> None:
    """The country codes' domain is nfp:Country: a territory that is no sovereign state (Hong Kong) and a de facto
    state carry them without a result; an organization still may not (fixture StateDomainShape-*)."""
    graph = base_graph()
    hk = URIRef("https://w3id.org/ngo-fp/resource/state/hong-kong")
    trnc = URIRef("https://w3id.org/ngo-fp/resource/state/trnc")
    graph.add((hk, RDF.type, NFP.Country))
    graph.add((hk, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("Hong Kong", lang="en")))
    graph.add((hk, NFP.evidenceQuote, Literal("Turkey was also affected by this development in the world.")))
    graph.add((hk, NFP.iso3166Alpha3, Literal("HKG")))
    graph.add((trnc, NFP.vdemCountryId, Literal(999)))
    assert report(graph, ontology, shapes) == []


def test_a_research_centre_may_be_part_of_the_state(ontology: Graph, shapes: Graph) -> None:
    """nfp:ResearchCentre says nothing of the sector: a state's think tank, typed research centre and government
    body, passes every shape; the same centre typed an NGO as well still breaks the disjointness (fixture
    DisjointClassesShape-research-centre-also-government-body)."""
    graph = base_graph()
    turksam = URIRef("https://w3id.org/ngo-fp/resource/organization/turksam")
    graph.remove((turksam, RDF.type, NFP.NonGovernmentalOrganization))
    graph.add((turksam, RDF.type, NFP.GovernmentBody))
    assert report(graph, ontology, shapes) == []


def test_terms_of_the_aligned_vocabularies_pass(ontology: Graph, shapes: Graph) -> None:
    """docs/bring-your-own-data.md sends what the ontology has no term for to schema.org's (a place inside another, a
    movement's origin and destination): no shape is closed, so such statements pass."""
    graph = base_graph()
    schema, res = Namespace("https://schema.org/"), Namespace("https://w3id.org/ngo-fp/resource/")
    graph.add((res["place/istanbul"], schema.containedInPlace, res["state/turkey"]))
    graph.add((res["activity/turksam-studies-on-azerbaijan"], schema.fromLocation, res["state/turkey"]))
    graph.add((res["activity/turksam-studies-on-azerbaijan"], schema.toLocation, res["state/trnc"]))
    assert report(graph, ontology, shapes) == []


def test_an_event_may_also_be_a_meeting(ontology: Graph, shapes: Graph) -> None:
    """The definitions of nfp:Event and nfp:Meeting let a gathering a source treats as a happening be both: typed so,
    under event/ as nfps:EventShape requires, it passes every shape (nfps:ActivityShape wanted activity/, so no IRI
    could pass both); an activity IRI with capitals still fails (fixture ActivityShape-upper-case-iri)."""
    graph = base_graph()
    graph.add((URIRef("https://w3id.org/ngo-fp/resource/event/habitat-ii"), RDF.type, NFP.Meeting))
    assert report(graph, ontology, shapes) == []


def test_a_claim_of_a_source_without_sections_names_none(ontology: Graph, shapes: Graph) -> None:
    """A claim of a source that has no sections (a short report, an event record: docs/bring-your-own-data.md) passes
    without nfp:inSection (the shapes required a section of every claim, so data of other projects had to invent
    one); the article's claims still name theirs (fixture ClaimShape-no-section)."""
    graph = base_graph()
    R = Namespace("https://example.org/ir-study/resource/")
    claim = URIRef("https://w3id.org/ngo-fp/resource/claim/ngos-are-weak")
    report_work = R["work/relief-bulletin-2022"]
    graph.update("""
        PREFIX nfp: <https://w3id.org/ngo-fp/ontology#>
        DELETE { ?claim nfp:inSection ?s ; nfp:assertedIn ?w } INSERT { ?claim nfp:assertedIn ?report }
        WHERE { ?claim nfp:inSection ?s ; nfp:assertedIn ?w }""", initBindings={"claim": claim, "report": report_work})
    graph.update("""
        PREFIX nfp: <https://w3id.org/ngo-fp/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX fabio: <http://purl.org/spar/fabio/>
        INSERT DATA { <https://example.org/ir-study/resource/work/relief-bulletin-2022> a nfp:Source , fabio:ReportDocument ;
            rdfs:label "Cross-Border Relief Bulletin, March 2022"@en ;
            nfp:sourceText "NGOs in Turkey are weak, the bulletin says." ;
            nfp:evidenceQuote "NGOs in Turkey are weak" . }""")
    assert report(graph, ontology, shapes) == []


def test_base_exercises_every_node_shape(ontology: Graph, shapes: Graph) -> None:
    data = with_evidence(base_graph()) + ontology
    targets = list(shapes.subject_objects(SH.targetClass))
    assert len(targets) >= 20
    for shape, cls in targets:
        members = data.query("ASK { ?x a/<http://www.w3.org/2000/01/rdf-schema#subClassOf>* ?c }", initBindings={"c": cls})
        assert members.askAnswer, f"base.ttl has no instance of {cls} for {shape}"


def test_disjoint_classes_shape_checks_every_disjointness_axiom(ontology: Graph, shapes: Graph) -> None:
    """nfps:DisjointClassesShape reads the ontology's owl:disjointWith statements from the graph both engines judge
    (the ontology's RDFS and OWL statements mixed in): a resource typed with both classes of each axiom is reported,
    with a message naming the two, so a new axiom cannot go unchecked."""
    pairs = sorted(ontology.subject_objects(OWL.disjointWith))
    assert len(pairs) >= 11
    graph = base_graph()
    probes = {}
    for i, (a, b) in enumerate(pairs):
        probe = URIRef(f"https://w3id.org/ngo-fp/resource/probe/disjoint-{i}")
        graph.add((probe, RDF.type, a))
        graph.add((probe, RDF.type, b))
        probes[str(probe)] = (str(a), str(b))
    reported = {(r.focus, r.message) for r in report(graph, ontology, shapes) if r.shape == str(NFPS.DisjointClassesShape)}
    missing = [f"{a} {b}" for probe, (a, b) in probes.items()
               if not any(focus == probe and a in message and b in message for focus, message in reported)]
    assert not missing, "owl:disjointWith axioms that nfps:DisjointClassesShape does not check:\n" + "\n".join(missing)


def test_invalid_fixtures_found() -> None:
    assert len(INVALID) >= 40, f"only {len(INVALID)} invalid fixtures"


@pytest.mark.parametrize("fixture", INVALID, ids=[f.stem for f in INVALID])
def test_invalid_fixture_reports_exactly_what_it_expects(fixture: Path, ontology: Graph, shapes: Graph) -> None:
    expected = expectations(fixture, base_graph())
    assert expected, f"{fixture.name} declares no '# expect:' line"
    results, _ = fixture_report(fixture, ontology, shapes)
    got = {(r.severity, r.focus, r.path, r.component) for r in results}
    assert got == expected


# Results whose source shape is a node shape or property shape of the shapes graph are keyed on that exact shape
# and the component of the result; a SPARQL-based constraint is keyed on the constraint itself (the value of
# sh:sparql, a result's sh:sourceConstraint), so each one needs a fixture of its own.
Key = tuple[Node, str, Node | None]  # (source shape, component, SPARQL constraint or None)

# Constraints that no invalid fixture can break through data, by the name the failure message below gives them,
# each with the reason. Keep it short: an entry that names no constraint of the shapes, or that a fixture covers,
# fails the test. (Empty: every constraint of shapes.ttl can be broken by an edit of the data.)
UNCOVERABLE: dict[str, str] = {
}


def shape_nodes(shapes: Graph) -> set[Node]:
    """Every shape that can be the sh:sourceShape of a result: declared node and property shapes and every value
    of sh:property. The value shapes of sh:or and sh:qualifiedValueShape lists (nfps:actorValue, ...) are not:
    their failure is a result of the shape that lists them (OrConstraintComponent, QualifiedMin/MaxCount...)."""
    nodes = set(shapes.subjects(RDF.type, SH.NodeShape)) | set(shapes.subjects(RDF.type, SH.PropertyShape))
    nodes |= set(shapes.objects(None, SH.property))
    return {node for node in nodes if not shapes.value(node, SH.deactivated, default=Literal(False)).toPython()}


def shape_name(shapes: Graph, node: Node) -> str:
    """A shape as the coverage test names it: a named shape by its CURIE (nfps:ActorShape-basedIn); a blank-node
    property shape by its parent shape(s) and its path (nfps:ActorShape[nfp:basedIn])."""
    if isinstance(node, URIRef):
        return node.n3(shapes.namespace_manager)
    parents = sorted(shape_name(shapes, p) for p in shapes.subjects(SH.property, node))
    path = shapes.value(node, SH.path)
    steps = path.n3(shapes.namespace_manager) if isinstance(path, URIRef) else shaclpath.name(shapes, path)
    return f"{'|'.join(parents) or '_'}[{steps or 'no path'}]"


def key_name(shapes: Graph, key: Key) -> str:
    shape, component, constraint = key
    if constraint is None:
        return f"{shape_name(shapes, shape)} {component}"
    message = " ".join(str(shapes.value(constraint, SH.message) or shapes.value(constraint, SH.select)).split())
    return f"{shape_name(shapes, shape)} {component} «{message[:70]}»"


def constraint_keys(shapes: Graph) -> set[Key]:
    """(shape, component, None) for every core constraint of every shape, and (shape, SPARQLConstraintComponent,
    constraint) for every sh:sparql constraint, declared in the shapes graph."""
    keys: set[Key] = set()
    for node in shape_nodes(shapes):
        for param, component in COMPONENTS.items():
            if (node, param, None) in shapes:
                keys.add((node, component, None))
        for constraint in shapes.objects(node, SH.sparql):
            keys.add((node, "SPARQLConstraintComponent", constraint))
    return keys


def sparql_constraint(shapes: Graph, source: Node, report_graph: Graph, result: Node) -> Node | None:
    """The sh:sparql constraint of `source` that a result names as its sh:sourceConstraint: the same node (pyshacl
    keeps the shapes graph's blank node), else the one with the same sh:select (the report copies its triples)."""
    node = report_graph.value(result, SH.sourceConstraint)
    constraints = set(shapes.objects(source, SH.sparql))
    if node in constraints:
        return node
    select = report_graph.value(node, SH.select) if node is not None else None
    same = [c for c in constraints if select is not None and shapes.value(c, SH.select) == select]
    return same[0] if len(same) == 1 else None


def test_components_map_every_constraint_parameter_of_the_shapes(shapes: Graph) -> None:
    """Every sh: predicate on a shape is a constraint parameter of COMPONENTS or a known non-constraint one, so a
    new kind of constraint in shapes.ttl cannot escape the coverage test."""
    unknown = {
        f"{shape_name(shapes, node)} {p.n3(shapes.namespace_manager)}"
        for node in shape_nodes(shapes) for p in shapes.predicates(node, None)
        if str(p).startswith(str(SH)) and p not in COMPONENTS and p not in NOT_CONSTRAINTS and p != SH.sparql
    }
    assert not unknown, "constraint parameters missing from COMPONENTS:\n" + "\n".join(sorted(unknown))


def test_every_constraint_of_every_shape_has_an_invalid_fixture(ontology: Graph, shapes: Graph) -> None:
    declared = constraint_keys(shapes)
    known_shapes = shape_nodes(shapes)
    covered: set[Key] = set()
    for fixture in INVALID:
        _, report_graph = fixture_report(fixture, ontology, shapes)
        for result in report_graph.subjects(RDF.type, SH.ValidationResult):
            source = report_graph.value(result, SH.sourceShape)
            assert source in known_shapes, f"{fixture.name}: a result of {source}, not a shape of the shapes graph"
            component = str(report_graph.value(result, SH.sourceConstraintComponent)).rsplit("#", 1)[-1]
            constraint = None
            if component == "SPARQLConstraintComponent":
                constraint = sparql_constraint(shapes, source, report_graph, result)
                assert constraint is not None, f"{fixture.name}: a SPARQL result of no sh:sparql constraint of {source}"
            covered.add((source, component, constraint))
    names = {key_name(shapes, key): key for key in declared}
    assert len(names) == len(declared), "two constraints of the shapes have one name"
    allowed = set(UNCOVERABLE)
    assert allowed <= set(names), "UNCOVERABLE names no constraint of the shapes:\n" + "\n".join(
        f"  {n}" for n in sorted(allowed - set(names)))
    stale = sorted(n for n in allowed if names[n] in covered)
    assert not stale, "UNCOVERABLE entries that a fixture covers now (remove them):\n" + "\n".join(f"  {n}" for n in stale)
    missing = sorted(name for name, key in names.items() if key not in covered and name not in allowed)
    assert not missing, f"{len(missing)} constraints with no invalid fixture:\n" + "\n".join(f"  {n}" for n in missing)
