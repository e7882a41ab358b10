"""The published dumps: four formats with the same triples, the ontology alone, and a VoID/DCAT description
whose counts and checksums match the files."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from rdflib import OWL, RDF, Namespace, URIRef

from scripts.load import parse

VOID = Namespace("http://rdfs.org/ns/void#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
SPDX = Namespace("http://spdx.org/rdf/terms#")
DCT = Namespace("http://purl.org/dc/terms/")
ONTOLOGY = URIRef("https://w3id.org/ngo-fp/ontology")


@pytest.mark.parametrize("stem", ["ngo-fp", "ontology/ngo-fp-ontology"])
def test_every_format_holds_the_same_triples(dist: Path, stem: str) -> None:
    graphs = {ext: parse(dist / f"{stem}.{ext}") for ext in ("ttl", "nt", "jsonld", "rdf")}
    sizes = {ext: len(g) for ext, g in graphs.items()}
    assert len(set(sizes.values())) == 1, sizes
    assert graphs["ttl"].isomorphic(graphs["jsonld"])


def test_merged_dump_is_ontology_plus_instances_plus_evidence(dist: Path, built) -> None:
    assert len(parse(dist / "ngo-fp.nt")) == len(built.ontology + built.data)


def test_ntriples_are_sorted(dist: Path) -> None:
    lines = (dist / "ngo-fp.nt").read_text(encoding="utf-8").splitlines()
    assert lines == sorted(lines)


def test_jsonld_embeds_its_context(dist: Path) -> None:
    doc = json.loads((dist / "ngo-fp.jsonld").read_text(encoding="utf-8"))
    assert doc["@context"]["nfp"] == "https://w3id.org/ngo-fp/ontology#"
    assert doc["@context"]["organization"] == "https://w3id.org/ngo-fp/resource/organization/"


def test_void_counts_and_checksums_match_the_files(dist: Path, built) -> None:
    void = parse(dist / "void.ttl")
    dataset = URIRef("https://w3id.org/ngo-fp/dataset")
    assert int(void.value(dataset, VOID.triples)) == len(built.ontology + built.data)
    assert void.value(dataset, DCT.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert str(void.value(dataset, OWL.versionInfo)) == str(built.ontology.value(ONTOLOGY, OWL.versionInfo))
    distributions = list(void.objects(dataset, DCAT.distribution))
    sums = (dist / "SHA256SUMS").read_text().splitlines()
    assert len(distributions) == len(sums) - 1 >= 12  # every file but void.ttl itself is a distribution
    for d in distributions:
        path = dist / str(void.value(d, DCT.title))
        checksum = void.value(void.value(d, SPDX.checksum), SPDX.checksumValue)
        assert hashlib.sha256(path.read_bytes()).hexdigest() == str(checksum)
        assert int(void.value(d, DCAT.byteSize)) == path.stat().st_size
    for line in sums:
        digest, name = line.split("  ", 1)
        assert hashlib.sha256((dist / name).read_bytes()).hexdigest() == digest


def test_class_partitions_count_instances(dist: Path, built) -> None:
    void = parse(dist / "void.ttl")
    data = built.data
    for part in void.objects(URIRef("https://w3id.org/ngo-fp/dataset"), VOID.classPartition):
        cls = void.value(part, VOID["class"])
        assert int(void.value(part, VOID.entities)) == len(set(data.subjects(RDF.type, cls)))


def test_published_ontology_header(dist: Path) -> None:
    ontology = parse(dist / "ontology" / "ngo-fp-ontology.ttl")
    version = (Path(__file__).resolve().parent.parent / "VERSION").read_text().strip()
    assert ontology.value(ONTOLOGY, OWL.versionIRI) == URIRef(f"https://w3id.org/ngo-fp/ontology/{version}")
    for prop in (OWL.versionIRI, OWL.versionInfo, DCT.title, DCT.description, DCT.creator, DCT.license,
                 DCT.created, DCT.modified, URIRef("http://purl.org/vocab/vann/preferredNamespacePrefix")):
        assert ontology.value(ONTOLOGY, prop) is not None, prop
    assert not list(ontology.objects(ONTOLOGY, OWL.imports))  # loads offline
