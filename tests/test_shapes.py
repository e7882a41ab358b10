"""SHACL shapes: the valid base passes every shape; each invalid fixture breaks exactly the rules it names.

An invalid fixture is a SPARQL update (tests/shapes/invalid/<Shape>-<case>.ru) applied to the valid base
(tests/shapes/base.ttl). Its header lists every expected result as
`# expect: <Severity> <focus> <path or -> <ConstraintComponent>` (CURIEs of the base's prefixes); the test
compares the full report with that list, so a missing or an extra result both fail.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Namespace, URIRef

from scripts import validate
from scripts.validate import grounding
from scripts.load import parse
from scripts.validate.shaclpath import canonical

HERE = Path(__file__).parent / "shapes"
BASE = HERE / "base.ttl"
INVALID = sorted((HERE / "invalid").glob("*.ru"))
SH = Namespace("http://www.w3.org/ns/shacl#")
NFPS = Namespace("https://w3id.org/ngo-fp/shapes#")

# Constraint parameters -> the component a result names.
COMPONENTS = {
    SH.minCount: "MinCountConstraintComponent", SH.maxCount: "MaxCountConstraintComponent",
    SH.datatype: "DatatypeConstraintComponent", SH.languageIn: "LanguageInConstraintComponent",
    SH.minLength: "MinLengthConstraintComponent", SH.minInclusive: "MinInclusiveConstraintComponent", SH.pattern: "PatternConstraintComponent",
    SH["class"]: "ClassConstraintComponent", SH.uniqueLang: "UniqueLangConstraintComponent",
    SH["or"]: "OrConstraintComponent", SH["in"]: "InConstraintComponent",
    SH.hasValue: "HasValueConstraintComponent", SH.nodeKind: "NodeKindConstraintComponent",
    SH.qualifiedValueShape: "QualifiedMinCountConstraintComponent",
    SH.sparql: "SPARQLConstraintComponent",
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


def test_base_exercises_every_node_shape(ontology: Graph, shapes: Graph) -> None:
    data = with_evidence(base_graph()) + ontology
    targets = list(shapes.subject_objects(SH.targetClass))
    assert len(targets) >= 20
    for shape, cls in targets:
        members = data.query("ASK { ?x a/<http://www.w3.org/2000/01/rdf-schema#subClassOf>* ?c }", initBindings={"c": cls})
        assert members.askAnswer, f"base.ttl has no instance of {cls} for {shape}"


def test_invalid_fixtures_found() -> None:
    assert len(INVALID) >= 40, f"only {len(INVALID)} invalid fixtures"


@pytest.mark.parametrize("fixture", INVALID, ids=[f.stem for f in INVALID])
def test_invalid_fixture_reports_exactly_what_it_expects(fixture: Path, ontology: Graph, shapes: Graph) -> None:
    expected = expectations(fixture, base_graph())
    assert expected, f"{fixture.name} declares no '# expect:' line"
    results, _ = fixture_report(fixture, ontology, shapes)
    got = {(r.severity, r.focus, r.path, r.component) for r in results}
    assert got == expected


def shape_of(shapes: Graph, node) -> URIRef:
    """The shape a constraint is counted under: a node shape's own property shapes (nfps:ActorShape-basedIn)
    count under the node shape (nfps:ActorShape), as when they were anonymous; shared ones under themselves."""
    owners = list(shapes.subjects(SH.property, node))
    if len(owners) == 1 and str(node).startswith(f"{owners[0]}-"):
        return owners[0]
    return node


def constraint_pairs(shapes: Graph) -> set[tuple[str, str]]:
    """(named shape, component) for every constraint declared in the shapes graph."""
    pairs = set()
    shape_nodes = set(shapes.subjects(RDF.type, SH.NodeShape)) | set(shapes.subjects(RDF.type, SH.PropertyShape))
    shape_nodes |= set(shapes.objects(None, SH.property))
    for node in shape_nodes:
        for param, component in COMPONENTS.items():
            if (node, param, None) in shapes:
                owner = shape_of(shapes, node)
                if str(owner).startswith(str(NFPS)):
                    pairs.add((str(owner), component))
    return pairs


def test_every_constraint_of_every_shape_has_an_invalid_fixture(ontology: Graph, shapes: Graph) -> None:
    covered = set()
    for fixture in INVALID:
        _, report_graph = fixture_report(fixture, ontology, shapes)
        for result in report_graph.subjects(RDF.type, SH.ValidationResult):
            source = report_graph.value(result, SH.sourceShape)
            component = str(report_graph.value(result, SH.sourceConstraintComponent)).rsplit("#", 1)[-1]
            covered.add((str(shape_of(shapes, source)), component))
    missing = sorted(constraint_pairs(shapes) - covered)
    assert not missing, "constraints with no invalid fixture:\n" + "\n".join(f"  {s} {c}" for s, c in missing)
