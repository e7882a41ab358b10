"""SHACL property paths named as SPARQL text (scripts/validate/shaclpath.py): the same name for equal paths
whatever their blank nodes or an engine's nesting, and the same structure back in a report."""
from __future__ import annotations

import pytest
from rdflib import Graph, URIRef

from scripts.validate import Result, shaclpath
from scripts.validate.report import SH, report_graph

SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://example.org/> .
ex:iri sh:path ex:p .
ex:inverse sh:path [ sh:inversePath ex:p ] .
ex:sequence sh:path ( ex:a [ sh:inversePath ex:b ] ex:c ) .
ex:nested sh:path ( ( ex:a [ sh:inversePath ex:b ] ) ex:c ) .
ex:alternative sh:path [ sh:alternativePath ( ex:a ( ex:b ex:c ) ) ] .
ex:repeated sh:path [ sh:zeroOrMorePath [ sh:inversePath ex:a ] ] .
ex:optional sh:path [ sh:inversePath [ sh:zeroOrOnePath ex:a ] ] .
ex:some sh:path [ sh:oneOrMorePath ( ex:a ex:b ) ] .
"""
E = "https://example.org/"
NAMES = {
    "iri": f"{E}p",
    "inverse": f"^<{E}p>",
    "sequence": f"<{E}a>/(^<{E}b>)/<{E}c>",
    "nested": f"<{E}a>/(^<{E}b>)/<{E}c>",  # a sequence in a sequence is one sequence
    "alternative": f"<{E}a>|(<{E}b>/<{E}c>)",
    "repeated": f"(^<{E}a>)*",
    "optional": f"^(<{E}a>?)",
    "some": f"(<{E}a>/<{E}b>)+",
}


@pytest.mark.parametrize("shape", sorted(NAMES))
def test_a_shapes_path_is_named_by_its_sparql_text(shape: str) -> None:
    g = Graph().parse(data=SHAPES, format="turtle")
    assert shaclpath.name(g, g.value(URIRef(E + shape), SH.path)) == NAMES[shape]


@pytest.mark.parametrize("shape", sorted(NAMES))
def test_a_name_written_into_a_report_reads_back_the_same(shape: str) -> None:
    report = report_graph([Result("Violation", E + shape, "MinCountConstraintComponent", E + "x", NAMES[shape], "", "")])
    path = report.value(next(report.subjects(SH.focusNode, None)), SH.resultPath)
    assert shaclpath.name(report, path) == NAMES[shape]
    assert isinstance(path, URIRef) == (shape == "iri")


def test_the_report_writes_blank_nodes_the_same_every_time() -> None:
    results = [Result("Violation", E + s, "MinCountConstraintComponent", E + "x", NAMES[s], "", "") for s in NAMES]
    assert report_graph(results).serialize(format="nt") == report_graph(results).serialize(format="nt")


@pytest.mark.parametrize("written, name", [
    (f"(<{E}a>/<{E}b>)/<{E}c>", f"<{E}a>/<{E}b>/<{E}c>"),  # Jena nests sequences two by two
    (f"^(<{E}p>)", f"^<{E}p>"),
    (f" ( <{E}a> | <{E}b> ) / <{E}c> ", f"(<{E}a>|<{E}b>)/<{E}c>"),
    (f"^<{E}a>*", f"^(<{E}a>*)"),  # SPARQL: ^ applies to the element with its modifier
    (f"<{E}p>", f"{E}p"),
    (f"{E}p", f"{E}p"),
    ("", ""),
])
def test_canonical_names_what_another_engine_writes(written: str, name: str) -> None:
    assert shaclpath.canonical(written) == name


@pytest.mark.parametrize("written", [f"<{E}a>/", f"(<{E}a>", f"<{E}a>**", f"<{E}a> x", f"^^<{E}a>", "()", f"<{E}a>)",
                                     "<a b>"])
def test_what_is_not_a_path_is_refused(written: str) -> None:
    with pytest.raises(ValueError, match="not a path"):
        shaclpath.canonical(written)
