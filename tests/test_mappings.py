"""The Wikidata links as an SSSOM mapping set (dist/links/wikidata.sssom.tsv, scripts/publish/mappings.py): read by
sssom-py, the reference implementation, in its own .venv-sssom, with no warning and no validation error; its rows are
exactly the links the graph publishes and the items links/candidates.csv rejects; its metadata names the
distribution that void.ttl describes. Broken copies of the file are refused by the same reader."""
from __future__ import annotations

import csv
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from rdflib import RDFS, Literal, Namespace, URIRef

from scripts.paths import ROOT

SSSOM_PYTHON = ROOT / ".venv-sssom" / "bin" / "python"
REPORT = ROOT / "tests" / "mappings" / "sssom_report.py"
NFP = Namespace("https://w3id.org/ngo-fp/ontology#")
SAME_AS = URIRef("https://schema.org/sameAs")
WIKIDATA = "http://www.wikidata.org/entity/"
RES = "https://w3id.org/ngo-fp/resource/"
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")


def read(path: Path) -> dict[str, Any]:
    """What sssom-py makes of the file: {"warnings", "errors", "metadata", "mappings"} (tests/mappings/sssom_report.py)."""
    assert SSSOM_PYTHON.exists(), "sssom-py is missing: `make test` creates .venv-sssom from requirements-sssom.txt"
    run = subprocess.run([str(SSSOM_PYTHON), str(REPORT), str(path)], capture_output=True, text=True, timeout=120)
    if run.returncode != 0:
        return {"warnings": [], "errors": [run.stderr.strip().splitlines()[-1]], "metadata": {}, "mappings": []}
    return json.loads(run.stdout)


def data_rows(path: Path) -> int:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return len(lines) - 1  # the header


def expand(curie: str) -> str:
    prefix, local = curie.split(":", 1)
    return {"ngofp": RES, "wikidata": WIKIDATA}[prefix] + local


@pytest.fixture(scope="module")
def mapping_file(dist: Path) -> Path:
    return dist / "links" / "wikidata.sssom.tsv"


@pytest.fixture(scope="module")
def report(mapping_file: Path) -> dict[str, Any]:
    return read(mapping_file)


def test_the_reference_implementation_reads_every_row_without_complaint(report: dict[str, Any],
                                                                         mapping_file: Path) -> None:
    assert report["warnings"] == [] and report["errors"] == []
    assert len(report["mappings"]) == data_rows(mapping_file) > 0  # sssom-py drops a malformed row with a warning


def test_positive_mappings_are_the_published_wikidata_links(report: dict[str, Any], published_graph) -> None:
    g = published_graph
    published = {(str(s), str(o)) for s, o in g.subject_objects(SAME_AS) if str(o).startswith(WIKIDATA)}
    rows = [m for m in report["mappings"] if not m.get("predicate_modifier")]
    assert {(expand(m["subject_id"]), expand(m["object_id"])) for m in rows} == published
    assert len(rows) == len(published)
    for m in rows:
        subject, item = URIRef(expand(m["subject_id"])), URIRef(expand(m["object_id"]))
        record = g.value(predicate=NFP.linkTarget, object=item)
        assert g.value(record, NFP.linkedResource) == subject
        assert m["predicate_id"] == "skos:exactMatch"
        assert m["mapping_justification"] == "semapv:ManualMappingCuration"
        assert Literal(m["subject_label"], lang="en") in set(g.objects(subject, RDFS.label))
        assert m["object_label"] == str(g.value(record, NFP.targetLabel) or "")  # empty when the evidence shows none
        assert m["see_also"] == str(g.value(record, NFP.evidenceLocation))
        assert m["comment"] == str(g.value(record, NFP.evidenceText))
        assert m["mapping_date"] == str(g.value(record, NFP.checkedOn))


def test_rejected_items_are_negative_mappings(report: dict[str, Any]) -> None:
    with (ROOT / "links" / "candidates.csv").open(encoding="utf-8", newline="") as f:
        rejected = {(r["resource"], WIKIDATA + r["qid"]): r for r in csv.DictReader(f)
                    if r["decision"] == "rejected" and r["qid"]}
    negative = {(expand(m["subject_id"]), expand(m["object_id"])): m for m in report["mappings"]
                if m.get("predicate_modifier") == "Not"}
    assert negative.keys() == rejected.keys() and rejected
    for key, m in negative.items():
        assert m["comment"] == rejected[key]["reason"] and m["mapping_date"] == rejected[key]["checked_on"]
        assert m["see_also"] == rejected[key]["source"]
    positive = {(expand(m["subject_id"]), expand(m["object_id"])) for m in report["mappings"]
                if not m.get("predicate_modifier")}
    assert not positive & negative.keys()


def test_the_mapping_set_is_a_described_distribution(report: dict[str, Any], dist: Path) -> None:
    from scripts.load import parse
    meta = report["metadata"]
    assert meta["mapping_set_version"] == (ROOT / "VERSION").read_text().strip()
    assert meta["license"] == "https://creativecommons.org/licenses/by/4.0/"
    void = parse(dist / "void.ttl")
    distribution = URIRef(meta["mapping_set_id"])
    assert (URIRef("https://w3id.org/ngo-fp/dataset"), DCAT.distribution, distribution) in void
    assert void.value(distribution, DCAT.downloadURL).endswith("/links/wikidata.sssom.tsv")
    assert void.value(distribution, DCT.conformsTo) == URIRef("https://w3id.org/sssom/")
    assert str(void.value(distribution, DCAT.mediaType)).endswith("text/tab-separated-values")


BROKEN = {  # a change to a copy of the published file (old, new) and the words sssom-py says of it
    "the Wikidata prefix left out of the curie_map": ("#  wikidata: http://www.wikidata.org/entity/\n", "",
                                                      "Missing prefix: wikidata"),
    "a justification SEMAPV does not have": ("\tsemapv:ManualMappingCuration\t", "\tsemapv:Guessing\t",
                                             "'semapv:Guessing' does not match"),
    "a predicate modifier other than Not": ("\tskos:exactMatch\tNot\t", "\tskos:exactMatch\tNo\t",
                                            "Unknown PredicateModifierEnum enumeration code: No"),
    "an impossible mapping date": ("\t2026-12-01\t", "\t2026-13-01\t", "2026-13-01 is not a valid date"),
    "a metadata key SSSOM does not define": ("#license: ", "#licence_url: https://example.org/\n#license: ",
                                             "Metadata key 'licence_url' is not a standard"),
}


@pytest.mark.parametrize("broken", BROKEN, ids=list(BROKEN))
def test_a_broken_mapping_set_is_refused(mapping_file: Path, tmp_path: Path, broken: str) -> None:
    old, new, said = BROKEN[broken]
    text = mapping_file.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "broken.sssom.tsv"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    found = read(path)
    assert any(said in message for message in found["warnings"] + found["errors"]), found["warnings"] + found["errors"]
