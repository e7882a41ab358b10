"""Apache Jena SHACL (an independent implementation) agrees with pyshacl on the publication and on every
invalid fixture; `riot --validate` accepts every RDF file of dist/ (issue 12.6). Jena comes from Debian
(`make jena`, run by `make test` and .ci/run)."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from scripts import validate
from scripts.paths import ONTOLOGY, SHAPES
from scripts.validate import jena
from test_shapes import INVALID, apply, fixture_report, with_evidence


def verdicts(results: list[validate.Result]) -> set[tuple[str, str, str, str, str]]:
    return {(r.severity, r.focus, r.path, r.component, r.shape) for r in results}


@pytest.fixture(scope="module")
def fixture_files(tmp_path_factory) -> dict[Path, Graph]:
    folder = tmp_path_factory.mktemp("jena fixtures")  # a space in the path, as a clone's may have
    graphs = {}
    for fixture in INVALID:
        graph = with_evidence(apply(fixture))
        path = folder / f"{fixture.stem}.nt"
        graph.serialize(path, format="nt", encoding="utf-8")
        graphs[path] = graph
    return graphs


@pytest.fixture(scope="module")
def jena_on_fixtures(fixture_files) -> dict[Path, list[validate.Result]]:
    return jena.shacl(SHAPES, ONTOLOGY, sorted(fixture_files))


def test_every_invalid_fixture_is_checked(fixture_files, jena_on_fixtures) -> None:
    assert len(fixture_files) == len(INVALID) >= 100
    assert set(jena_on_fixtures) == set(fixture_files)


@pytest.mark.parametrize("fixture", INVALID, ids=[f.stem for f in INVALID])
def test_jena_agrees_with_pyshacl_on_each_invalid_fixture(fixture: Path, fixture_files, jena_on_fixtures,
                                                         ontology: Graph, shapes: Graph) -> None:
    path = next(p for p in fixture_files if p.stem == fixture.stem)
    reference, _ = fixture_report(fixture, ontology, shapes)  # computed once per session, shared with test_shapes
    assert reference, "an invalid fixture has results"
    assert verdicts(jena_on_fixtures[path]) == verdicts(reference)


def test_jena_reads_shapes_and_ontology_from_a_path_with_spaces(tmp_path: Path, fixture_files,
                                                               jena_on_fixtures) -> None:
    """A clone in a folder whose name has a space: Jena's own base for such a file name is no IRI."""
    folder = tmp_path / "a clone"
    folder.mkdir()
    shapes, ontology = folder / SHAPES.name, folder / ONTOLOGY.name
    shapes.write_bytes(SHAPES.read_bytes())
    ontology.write_bytes(ONTOLOGY.read_bytes())
    path = sorted(fixture_files)[0]
    assert jena.shacl(shapes, ontology, [path]) == {path: jena_on_fixtures[path]}


def test_jena_agrees_with_pyshacl_on_the_publication(dist: Path, built, shapes: Graph) -> None:
    reference, _ = validate.shacl(built.data, built.ontology, shapes)
    found = jena.shacl(SHAPES, dist / "ontology" / "ngo-fp-ontology.nt", [dist / "ngo-fp.nt"])
    assert verdicts(found[dist / "ngo-fp.nt"]) == verdicts(reference)
    assert all(r.severity == "Warning" for r in reference)


def test_riot_validates_every_rdf_file_of_dist(dist: Path) -> None:
    files = sorted(p for p in dist.rglob("*") if p.suffix in (".ttl", ".nt", ".jsonld", ".rdf", ".trig", ".nq"))
    assert len(files) > 100  # the dumps, the ontology, the shapes, void.ttl, every resource page's files, the nanopublications
    assert {p.suffix for p in files} == {".ttl", ".nt", ".jsonld", ".rdf", ".trig"}  # .trig: the nanopublications
    done = jena.riot_validate(files)
    assert done.returncode == 0, (done.stdout + done.stderr)[-2000:]
    assert " WARN " not in done.stderr and " ERROR " not in done.stderr, done.stderr[-2000:]


def test_a_focus_node_with_tabs_and_line_breaks_is_read_back_whole(tmp_path: Path) -> None:
    """ShaclBatch writes one result per line, tab-separated: a literal focus node holding a tab, a line feed or a
    backslash is escaped there and read back as it is (a random shapes graph's "a\\nb" broke the line)."""
    shapes, data = tmp_path / "shapes.ttl", tmp_path / "data.ttl"
    shapes.write_text("""@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://example.org/> .
        ex:S a sh:NodeShape ; sh:targetObjectsOf ex:p ; sh:nodeKind sh:IRI .""")
    data.write_text('<https://example.org/a> <https://example.org/p> "a\\tb\\nc\\\\t" .')
    found = jena.shacl(shapes, ONTOLOGY, [data])[data]
    assert [(r.focus, r.component) for r in found] == [("a\tb\nc\\t", "NodeKindConstraintComponent")]
