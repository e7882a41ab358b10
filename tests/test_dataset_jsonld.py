"""The landing page's schema.org description of the dataset (embedded JSON-LD, for dataset search engines): read by
pyld with no remote context, it is one schema:Dataset with the name and description such engines require, and says
what void.ttl's DCAT-AP description says (title, description, licence, version, date, keywords, landing page) with one
schema:DataDownload per dcat:Distribution (same URL, same media type); every schema.org term it uses is defined in
schema.org itself (the pinned vocabulary in tests/vocabularies)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pyld import jsonld
from rdflib import RDF, Graph, Literal, Namespace, URIRef

from scripts.load import parse
from scripts.validate import alignments

SDO = Namespace("https://schema.org/")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")
DATASET = URIRef("https://w3id.org/ngo-fp/dataset")
SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def refuse(url: str, options: dict) -> dict:
    raise AssertionError(f"the landing page's JSON-LD asked for a remote document: {url}")


def embedded(page: Path) -> Graph:
    blocks = SCRIPT.findall(page.read_text(encoding="utf-8"))
    assert len(blocks) == 1, f"{len(blocks)} JSON-LD blocks in {page}"
    quads = jsonld.to_rdf(json.loads(blocks[0].replace("<\\/", "</")),
                          {"format": "application/n-quads", "documentLoader": refuse})
    return Graph().parse(data=quads, format="nt")


@pytest.fixture(scope="module")
def described(dist: Path) -> tuple[Graph, Graph]:
    return embedded(dist / "site" / "index.html"), parse(dist / "void.ttl")


def text(graph: Graph, s: URIRef, p: URIRef) -> set[str]:
    return {str(o) for o in graph.objects(s, p)}


def test_one_dataset_with_name_and_description(described: tuple[Graph, Graph]) -> None:
    sdo, _ = described
    assert list(sdo.subjects(RDF.type, SDO.Dataset)) == [DATASET]
    assert len(text(sdo, DATASET, SDO.name)) == 1 and len(text(sdo, DATASET, SDO.description)) == 1


def test_it_says_what_the_dcat_description_says(described: tuple[Graph, Graph]) -> None:
    sdo, void = described
    pairs = [(SDO.name, DCT.title), (SDO.description, DCT.description), (SDO.version, DCAT.version),
             (SDO.dateModified, DCT.modified), (SDO.keywords, DCAT.keyword)]
    for schema_property, dcat_property in pairs:
        assert text(sdo, DATASET, schema_property) == text(void, DATASET, dcat_property), schema_property
    assert set(sdo.objects(DATASET, SDO.license)) == set(void.objects(DATASET, DCT.license))
    assert set(sdo.objects(DATASET, SDO.url)) == set(void.objects(DATASET, DCAT.landingPage))
    assert set(sdo.objects(DATASET, SDO.isBasedOn)) == set(void.objects(DATASET, URIRef(
        "http://www.w3.org/ns/prov#wasDerivedFrom")))
    creator = sdo.value(DATASET, SDO.creator)
    assert text(sdo, creator, SDO.name) == text(void, void.value(DATASET, DCT.creator), URIRef(
        "http://xmlns.com/foaf/0.1/name"))


def test_one_data_download_per_distribution(described: tuple[Graph, Graph]) -> None:
    sdo, void = described
    downloads = {(o, str(sdo.value(o, SDO.contentUrl)), str(sdo.value(o, SDO.encodingFormat)))
                 for o in sdo.objects(DATASET, SDO.distribution)}
    distributions = {(d, str(void.value(d, DCAT.downloadURL)),
                      str(void.value(d, DCAT.mediaType)).split("/media-types/", 1)[1])
                     for d in void.objects(DATASET, DCAT.distribution)}
    assert downloads == distributions and len(downloads) > 20
    assert all((d, RDF.type, SDO.DataDownload) in sdo for d, _, _ in downloads)


def test_every_schema_org_term_is_defined_in_schema_org(described: tuple[Graph, Graph]) -> None:
    sdo, _ = described
    axioms = alignments.read_vocabularies()
    assert alignments.undefined_terms(sdo, axioms) == []
    misspelt = Graph()
    misspelt += sdo
    misspelt.add((DATASET, SDO.contentURL, Literal("x")))  # the check itself: a misspelt term is reported
    assert alignments.undefined_terms(misspelt, axioms) == ["https://schema.org/contentURL is not defined in "
                                                       + axioms.namespaces["https://schema.org/"]]
