"""The SSSOM mapping sets (scripts/publish/mappings.py): the Wikidata links (dist/links/wikidata.sssom.tsv), the ROR
identifiers (dist/links/ror.sssom.tsv) and the ontology's alignments (dist/ontology/ngo-fp-alignments.sssom.tsv).
All are read by sssom-py, the reference
implementation, in its own .venv-sssom, with no warning and no validation error; the links' rows are exactly the
links the graph publishes and the items links/candidates.csv rejects, the ROR rows exactly the published ROR ids and
their records, the alignments' rows exactly the ontology's
alignment axioms; each names the distribution that void.ttl describes. Broken copies are reported by the same reader."""
from __future__ import annotations

import csv
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from rdflib import OWL, RDF, RDFS, Literal, Namespace, URIRef

from scripts.paths import ROOT

SSSOM_PYTHON = ROOT / ".venv-sssom" / "bin" / "python"
REPORT = ROOT / "tests" / "mappings" / "sssom_report.py"
NFP = Namespace("https://w3id.org/ngo-fp/ontology#")
SAME_AS = URIRef("https://schema.org/sameAs")
WIKIDATA = "http://www.wikidata.org/entity/"
RES = "https://w3id.org/ngo-fp/resource/"
ROR = "https://ror.org/"
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")


def read(path: Path) -> dict[str, Any]:
    """What sssom-py makes of the file: {"warnings", "errors", "metadata", "prefixes", "mappings"}
    (tests/mappings/sssom_report.py)."""
    assert SSSOM_PYTHON.exists(), "sssom-py is missing: `make test` creates .venv-sssom from requirements-sssom.txt"
    run = subprocess.run([str(SSSOM_PYTHON), str(REPORT), str(path)], capture_output=True, text=True, timeout=120)
    if run.returncode != 0:
        return {"warnings": [], "errors": [run.stderr.strip().splitlines()[-1]], "metadata": {}, "prefixes": {},
                "mappings": []}
    return json.loads(run.stdout)


def data_rows(path: Path) -> int:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return len(lines) - 1  # the header


def expand(curie: str) -> str:
    prefix, local = curie.split(":", 1)
    return {"ngofp": RES, "wikidata": WIKIDATA, "ror": ROR}[prefix] + local


FILES = ("links/wikidata.sssom.tsv", "ontology/ngo-fp-alignments.sssom.tsv", "links/ror.sssom.tsv")


@pytest.fixture(scope="module")
def reports(dist: Path) -> dict[str, dict[str, Any]]:
    """What sssom-py makes of each published mapping set, read once."""
    return {name: read(dist / name) for name in FILES}


@pytest.fixture(scope="module")
def mapping_file(dist: Path) -> Path:
    return dist / FILES[0]


@pytest.fixture(scope="module")
def report(reports: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return reports[FILES[0]]


@pytest.fixture(scope="module")
def alignments(reports: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return reports[FILES[1]]


@pytest.mark.parametrize("name", FILES)
def test_the_reference_implementation_reads_every_row_without_complaint(dist: Path, reports, name: str) -> None:
    found = reports[name]
    assert found["warnings"] == [] and found["errors"] == []
    assert len(found["mappings"]) == data_rows(dist / name) > 0  # sssom-py drops a malformed row with a warning


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


def test_ror_mappings_are_the_published_ror_ids_and_their_records(reports, published_graph) -> None:
    g = published_graph
    published = {(str(s), ROR + str(o)) for s, o in g.subject_objects(NFP.rorId)}
    rows = reports[FILES[2]]["mappings"]
    assert {(expand(m["subject_id"]), expand(m["object_id"])) for m in rows} == published and len(rows) == len(published)
    assert {(str(s), str(o)) for s, o in g.subject_objects(SAME_AS) if str(o).startswith(ROR)} == published
    for m in rows:
        subject, code = URIRef(expand(m["subject_id"])), m["object_id"].removeprefix("ror:")
        record = next(r for r in g.subjects(NFP.linkedResource, subject)
                      if g.value(r, NFP.codeProperty) == NFP.rorId and str(g.value(r, NFP.code)) == code)
        assert (m["predicate_id"], m["mapping_justification"]) == ("skos:exactMatch", "semapv:ManualMappingCuration")
        assert m["see_also"] == str(g.value(record, NFP.evidenceLocation))
        assert m["comment"] == str(g.value(record, NFP.evidenceText))
        assert m["mapping_date"] == str(g.value(record, NFP.checkedOn))


def test_alignments_are_the_ontology_alignment_axioms(alignments: dict[str, Any], ontology) -> None:
    """Asked of the ontology directly: every axiom from an nfp: term to a named term of another vocabulary."""
    axioms = {tuple(str(t) for t in row) for row in ontology.query("""
        SELECT ?term ?axiom ?other WHERE {
          VALUES ?axiom { rdfs:subClassOf rdfs:subPropertyOf owl:equivalentClass owl:equivalentProperty }
          ?term ?axiom ?other .
          FILTER (isIRI(?other) && STRSTARTS(STR(?term), STR(nfp:)) && !STRSTARTS(STR(?other), STR(nfp:)))
        }""", initNs={"nfp": NFP, "owl": OWL, "rdfs": RDFS})}
    prefixes = alignments["prefixes"]

    def full(curie: str) -> str:
        prefix, local = curie.split(":", 1)
        return prefixes[prefix] + local
    rows = alignments["mappings"]
    assert {(full(m["subject_id"]), full(m["predicate_id"]), full(m["object_id"])) for m in rows} == axioms
    assert len(rows) == len(axioms) > 50
    kinds = {OWL.Class: "owl class", OWL.ObjectProperty: "owl object property",
             OWL.DatatypeProperty: "owl data property", OWL.AnnotationProperty: "owl annotation property"}
    for m in rows:
        term = URIRef(full(m["subject_id"]))
        assert m["subject_type"] == next(kinds[k] for k in ontology.objects(term, RDF.type) if k in kinds)
        assert Literal(m["subject_label"], lang="en") in set(ontology.objects(term, RDFS.label))


@pytest.mark.parametrize("name", FILES)
def test_the_mapping_set_is_a_described_distribution(dist: Path, reports, name: str) -> None:
    from scripts.load import parse
    meta = reports[name]["metadata"]
    assert meta["mapping_set_version"] == (ROOT / "VERSION").read_text().strip()
    assert meta["license"] == "https://creativecommons.org/licenses/by/4.0/"
    void = parse(dist / "void.ttl")
    distribution = URIRef(meta["mapping_set_id"])
    assert (URIRef("https://w3id.org/ngo-fp/dataset"), DCAT.distribution, distribution) in void
    assert void.value(distribution, DCAT.downloadURL).endswith("/" + name)
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
