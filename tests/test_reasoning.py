"""OWL 2 consistency with HermiT: the publication is consistent, and an inconsistent fixture is caught."""
from __future__ import annotations

from pathlib import Path

from rdflib import XSD, Graph, Literal

from scripts import reasoning
from scripts.load import parse

FIXTURES = Path(__file__).parent / "reasoning"


def test_ontology_and_instances_are_consistent(built) -> None:
    result = reasoning.check(built.ontology + built.data)
    assert result.consistent, result.detail
    assert result.set_aside > 0  # the dates HermiT cannot read were set aside, not silently kept


def test_disjoint_classes_are_caught(ontology: Graph) -> None:
    result = reasoning.check(ontology + parse(FIXTURES / "person-and-organization.ttl"))
    assert not result.consistent


def test_ngo_that_is_also_a_government_body_is_caught(ontology: Graph) -> None:
    result = reasoning.check(ontology + parse(FIXTURES / "ngo-and-government-body.ttl"))
    assert not result.consistent


def test_the_reasoner_view_drops_only_unsupported_datatypes(ontology: Graph) -> None:
    view, dropped = reasoning.reasoner_view(ontology + parse(FIXTURES / "dated.ttl"))
    kept = {o for o in view.objects() if isinstance(o, Literal) and o.datatype}
    assert Literal("2023", datatype=XSD.gYear) not in kept
    assert Literal("28", datatype=XSD.positiveInteger) in kept
    assert not list(view.triples((None, None, XSD.date)))
    assert dropped >= 2
