"""`python -m scripts.validate` (and `make validate DATA=...`): any RDF file or folder, a readable and a
machine-readable report, an exit code that follows the worst severity, on both engines."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef

from scripts.paths import ROOT

BASE = Path(__file__).parent / "shapes" / "base.ttl"


def validate(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "scripts.validate", *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The valid base split over three formats: TriG (named graph), JSON-LD and Turtle."""
    g = Graph().parse(BASE)
    subjects = sorted(set(g.subjects()))
    parts = [subjects[0::3], subjects[1::3], subjects[2::3]]
    ds = Dataset()
    named = ds.graph(URIRef("https://example.org/graph/part-1"))
    for s in parts[0]:
        for t in g.triples((s, None, None)):
            named.add(t)
    ds.serialize(tmp_path / "part-1.trig", format="trig")
    for i, fmt, ext in ((1, "json-ld", "jsonld"), (2, "turtle", "ttl")):
        part = Graph()
        for s in parts[i]:
            part += g.triples((s, None, None))
        part.serialize(tmp_path / f"part-{i + 1}.{ext}", format=fmt)
    return tmp_path


@pytest.mark.parametrize("engine", [[], ["--fast"]], ids=["pyshacl", "fast"])
def test_a_valid_folder_of_mixed_formats_conforms(folder: Path, engine: list[str]) -> None:
    result = validate(str(folder), *engine)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 file(s)" in result.stdout and "conforms (0 violations, 0 warnings)" in result.stdout


@pytest.mark.parametrize("engine", [[], ["--fast"]], ids=["pyshacl", "fast"])
def test_warnings_only_exit_2_and_reports_are_written(folder: Path, tmp_path_factory, engine: list[str]) -> None:
    (folder / "warn.ttl").write_text(
        "@prefix nfp: <https://w3id.org/ngo-fp/ontology#> .\n@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "<https://w3id.org/ngo-fp/resource/organization/an-ngo> a nfp:NonGovernmentalOrganization ;\n"
        '    rdfs:label "An NGO"@en ; nfp:evidenceQuote "an NGO of the registry" .\n', encoding="utf-8")
    out = tmp_path_factory.mktemp("reports")
    result = validate(str(folder), "--report-json", str(out / "r.json"), "--report-ttl", str(out / "r.ttl"), *engine)
    assert result.returncode == 2, result.stdout
    doc = json.loads((out / "r.json").read_text())
    assert doc["conforms"] is True and doc["counts"]["Warning"] == 1
    assert doc["results"][0]["component"] == "OrConstraintComponent"
    assert len(Graph().parse(out / "r.ttl")) > 5


def test_unreadable_input_exits_4_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "broken.ttl").write_text("<a> <b> .\n")
    result = validate(str(tmp_path / "broken.ttl"))
    assert result.returncode == 4
    assert "broken.ttl:1: syntax error" in result.stderr and "Traceback" not in result.stderr
