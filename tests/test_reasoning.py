"""OWL 2 DL and consistency: the publication is in the OWL 2 DL profile (OWL API's checker), HermiT reasons
over all of it with nothing set aside, and inconsistent or out-of-profile fixtures are caught."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import OWL, Graph

from scripts.validate import owlprofile, reasoning
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


def test_hermit_reads_a_file_that_has_no_name(ontology: Graph, monkeypatch, tmp_path: Path) -> None:
    """While HermiT runs, the temporary folder holds nothing (a named merged.nt there outlived a SIGKILL of the
    build); HermiT reads the graph all the same, an inconsistent one too."""
    import tempfile

    from scripts.publish.dumps import ntriples

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    for graph, consistent in ((ontology, True), (ontology + parse(FIXTURES / "person-and-organization.ttl"), False)):
        run = reasoning.start(ntriples(graph))
        assert run.proc is not None and run.proc.poll() is None and list(tmp_path.iterdir()) == []
        assert run.result().consistent is consistent


def test_disjoint_classes_are_caught(ontology: Graph) -> None:
    result = reasoning.check(ontology + parse(FIXTURES / "person-and-organization.ttl"))
    assert not result.consistent


def test_ngo_that_is_also_a_government_body_is_caught(ontology: Graph) -> None:
    result = reasoning.check(ontology + parse(FIXTURES / "ngo-and-government-body.ttl"))
    assert not result.consistent


def test_an_unsatisfiable_class_is_caught_and_named(ontology: Graph) -> None:
    result = reasoning.check(ontology + parse(FIXTURES / "person-organization-class.ttl"))
    assert not result.consistent
    assert result.detail == "UNSATISFIABLE https://example.org/test/PersonOrganization"


def test_what_the_ontology_must_not_entail_is_not_entailed(ontology: Graph) -> None:
    """A PLOVER target's participation that is no prov:Association, an unresolved citation that is no C4O pointer, a
    claim that is no schema:Claim and a research centre that is a government body are consistent with the ontology
    (each was a contradiction before)."""
    result = reasoning.check(ontology + parse(FIXTURES / "not-entailed.ttl"))
    assert result.consistent, result.detail


def test_a_claim_attributed_to_an_actor_is_asserted_by_it(ontology: Graph) -> None:
    """nfp:attributedTo (a reported view or definition) is below nfp:assertedBy: denying the assertion contradicts."""
    assert not reasoning.check(ontology + parse(FIXTURES / "attributed-is-asserted.ttl")).consistent


def test_hermit_output_is_read_strictly() -> None:
    ok = f"{OWL.Thing} is satisfiable.\nClasses equivalent to 'owl:Nothing':\n\towl:Nothing\n"
    assert reasoning.read_verdict(0, ok, "", 3) == reasoning.Consistency(True, 3, "CONSISTENT")
    unsat = ok + "\t<https://example.org/B>\n\t<https://example.org/A>\n"
    assert reasoning.read_verdict(0, unsat, "", 3).detail == "UNSATISFIABLE https://example.org/A https://example.org/B"
    inconsistent = "Exception in thread \"main\" org.semanticweb.owlapi.reasoner.InconsistentOntologyException: Inconsistent ontology"
    assert reasoning.read_verdict(1, "", inconsistent, 3).detail == "INCONSISTENT"
    with pytest.raises(RuntimeError, match="HermiT did not run: It all went pear-shaped"):  # a parse error, not a verdict
        reasoning.read_verdict(1, "", "It all went pear-shaped: merged.nt", 3)
    with pytest.raises(RuntimeError, match="no verdict"):  # exit 0 without the two answers asked for
        reasoning.read_verdict(0, "", "", 3)


def test_datatypes_outside_the_map_are_named_not_set_aside(ontology: Graph) -> None:
    graph = ontology + parse(FIXTURES / "dated.ttl")
    work = "<https://w3id.org/ngo-fp/resource/work/x>"
    assert reasoning.outside_datatype_map(graph) == [  # the gYear and the date; anyURI and positiveInteger are in the map
        f'{work} <http://purl.org/dc/terms/issued> "2023"^^<http://www.w3.org/2001/XMLSchema#gYear>',
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


def test_logical_axioms_leave_out_annotation_assertions_only(ontology: Graph) -> None:
    nt = "".join(sorted(ontology.serialize(format="nt").splitlines(keepends=True)))
    kept = reasoning.logical_ntriples(ontology, nt)
    dropped = set(nt.splitlines()) - set(kept)
    predicates = {line.split(" ", 2)[1] for line in dropped}
    assert "<http://www.w3.org/2000/01/rdf-schema#label>" in predicates
    assert "<http://www.w3.org/2004/02/skos/core#definition>" in predicates  # declared owl:AnnotationProperty
    assert predicates <= {f"<{p}>" for p in reasoning.annotation_properties(ontology)}
    assert any("<http://www.w3.org/2000/01/rdf-schema#subClassOf>" in line for line in kept)
    assert any("22-rdf-syntax-ns#type>" in line for line in kept)


def test_a_property_declared_both_annotation_and_data_property_is_kept() -> None:
    graph = Graph().parse(data="""
        @prefix owl: <http://www.w3.org/2002/07/owl#> . @prefix ex: <http://example.org/> .
        ex:p a owl:AnnotationProperty, owl:DatatypeProperty . ex:q a owl:AnnotationProperty .
        ex:a ex:p "1" ; ex:q "2" .""", format="turtle")
    nt = graph.serialize(format="nt")
    kept = "".join(reasoning.logical_ntriples(graph, nt))
    assert "<http://example.org/p> \"1\"" in kept and "<http://example.org/q> \"2\"" not in kept


def test_hermit_verdict_is_reused_only_when_annotations_alone_changed(ontology: Graph, monkeypatch, tmp_path) -> None:
    from scripts import cache

    monkeypatch.setattr(cache, "FOLDER", tmp_path)
    monkeypatch.delenv("NGO_FP_NO_CACHE", raising=False)

    def nt(graph: Graph) -> str:
        return "".join(sorted(graph.serialize(format="nt").splitlines(keepends=True)))

    data = parse(FIXTURES / "person-and-organization.ttl")
    person = next(data.subjects())
    consistent = ontology + Graph().parse(data=f"<{person}> a <https://w3id.org/ngo-fp/ontology#Person> .", format="turtle")
    first = reasoning.start_cached((consistent,), nt(consistent)).result()
    assert first.consistent and not first.cached
    commented = consistent + Graph().parse(data=f'<{person}> <http://www.w3.org/2000/01/rdf-schema#comment> "edited" .',
                                           format="turtle")
    again = reasoning.start_cached((commented,), nt(commented)).result()
    assert again.consistent and again.cached  # only an annotation differs: HermiT not started
    broken = consistent + data  # the same person also an organization: disjoint classes
    verdict = reasoning.start_cached((broken,), nt(broken)).result()
    assert not verdict.consistent and not verdict.cached


@pytest.mark.parametrize("fixture", [None, "person-and-organization.ttl", "ngo-and-government-body.ttl",
                                     "person-organization-class.ttl"])
def test_a_warm_jvm_gives_the_command_lines_verdict(ontology: Graph, fixture: str | None) -> None:
    """HermiT started before its input (reasoning.Warm, java/HermitWarm.java: the build starts it before parsing)
    answers as HermiT's own command line does: consistent, inconsistent, an unsatisfiable class named."""
    from scripts.publish.dumps import ntriples

    graph = ontology + parse(FIXTURES / fixture) if fixture else ontology
    warm = reasoning.warm(ONTOLOGY)
    assert warm is not None
    assert reasoning.Run(ntriples(graph), warm=warm).result() == reasoning.check(graph)


def test_a_warm_jvm_reports_what_it_cannot_read_and_stops_when_not_needed() -> None:
    warm = reasoning.warm(ONTOLOGY)
    assert warm is not None
    with pytest.raises(RuntimeError, match="HermiT did not run: .*(?s:Parse)"):
        reasoning.Run("<https://example.org/a> is not N-Triples .\n", warm=warm).result()
    idle = reasoning.warm(ONTOLOGY)
    assert idle is not None and idle.proc.poll() is None
    idle.stop()
    idle.stop()  # once is enough; twice is no error
    assert idle.proc.returncode is not None and idle.stdin is not None and idle.stdin.closed


def test_the_build_hands_the_graph_to_the_jvm_it_started_or_stops_it(ontology: Graph, monkeypatch, tmp_path) -> None:
    """A verdict not kept: the warm JVM gets the graph (no second JVM); a verdict kept: the warm JVM is stopped."""
    from scripts import cache
    from scripts.publish.dumps import ntriples

    monkeypatch.setattr(cache, "FOLDER", tmp_path)
    monkeypatch.delenv("NGO_FP_NO_CACHE", raising=False)
    started = []
    monkeypatch.setattr(reasoning, "hermit_command", lambda path: started.append(path) or ["false"])
    warm = reasoning.warm(ONTOLOGY)
    assert warm is not None
    first = reasoning.start_cached((ontology,), ntriples(ontology), warm).result()
    assert first.consistent and not first.cached and started == [] and warm.feeder is not None
    again = reasoning.warm(ONTOLOGY)
    assert again is not None
    kept = reasoning.start_cached((ontology,), ntriples(ontology), again).result()
    assert kept.cached and again.proc.returncode is not None and started == []
