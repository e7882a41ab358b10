"""OWL 2 DL and consistency: the publication is in the OWL 2 DL profile (OWL API's checker), HermiT reasons
over all of it with nothing set aside, and inconsistent or out-of-profile fixtures are caught."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from scripts import owlprofile, reasoning
from scripts.errors import BuildError
from scripts.load import parse
from scripts.paths import ONTOLOGY

FIXTURES = Path(__file__).parent / "reasoning"


def test_ontology_and_instances_are_consistent_with_nothing_set_aside(built) -> None:
    merged = built.ontology + built.data
    result = reasoning.check(merged)
    assert result.consistent, result.detail
    assert result.triples == len(merged)  # every triple went to HermiT
    assert reasoning.outside_datatype_map(merged) == []


def test_disjoint_classes_are_caught(ontology: Graph) -> None:
    result = reasoning.check(ontology + parse(FIXTURES / "person-and-organization.ttl"))
    assert not result.consistent


def test_ngo_that_is_also_a_government_body_is_caught(ontology: Graph) -> None:
    result = reasoning.check(ontology + parse(FIXTURES / "ngo-and-government-body.ttl"))
    assert not result.consistent


def test_datatypes_outside_the_map_are_named_not_set_aside(ontology: Graph) -> None:
    graph = ontology + parse(FIXTURES / "dated.ttl")
    work = "<https://w3id.org/ngo-fp/resource/work/x>"
    assert reasoning.outside_datatype_map(graph) == [  # the gYear and the date; anyURI and positiveInteger are in the map
        f'{work} <http://purl.org/spar/fabio/hasPublicationYear> "2023"^^<http://www.w3.org/2001/XMLSchema#gYear>',
        f'{work} <https://w3id.org/ngo-fp/ontology#accessDate> "2017-05-30"^^<http://www.w3.org/2001/XMLSchema#date>',
    ]
    with pytest.raises(BuildError, match=r"outside the OWL 2 datatype map: .*gYear.* \(and 1 more\)"):
        reasoning.check(graph)


def test_the_ontology_and_the_dumps_are_in_owl2_dl(dist: Path) -> None:
    files = [ONTOLOGY, dist / "ontology" / "ngo-fp-ontology.ttl", dist / "ngo-fp.ttl"]
    reports = owlprofile.check(*files)
    assert [r.path for r in reports] == files
    for report in reports:
        assert report.violations == [], f"{report.path}: {report.violations[:5]}"


def test_the_profile_checker_reports_what_is_outside_dl() -> None:
    outside, inside = owlprofile.check(FIXTURES / "not-dl.ttl", FIXTURES / "dl.ttl")
    kinds = sorted(v.split(":", 1)[0] for v in outside.violations)
    assert kinds == ["UseOfDefinedDatatypeInLiteral", "UseOfUndeclaredDatatype", "UseOfUndeclaredDatatype"]
    assert any("DataPropertyRange" in v and "xsd:gYear" in v for v in outside.violations)
    assert inside.violations == []
