"""What machines find on the landing page (dist/site/index.html): FAIR Signposting links and the dataset's schema.org
description.

Signposting (https://signposting.org/FAIR/): one cite-as link to the dataset's persistent IRI, its types, void.ttl and
the RO-Crate metadata file (its media type with the RO-Crate profile) as describedby, each RDF dump of void.ttl as an item with its media type, and the licence; every resource page names
its IRI as cite-as and its Turtle and JSON-LD as describedby.

The schema.org description (embedded JSON-LD, for dataset search engines): read by
pyld with no remote context, it is one schema:Dataset with the name and description such engines require, and says
what void.ttl's DCAT-AP description says (title, description, licence, version, date, keywords, landing page) with one
schema:DataDownload per dcat:Distribution (same URL, same media type); every schema.org term it uses is defined in
schema.org itself (the pinned vocabulary in tests/vocabularies)."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
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


VOID = Namespace("http://rdfs.org/ns/void#")


class Links(HTMLParser):
    """The (rel, href, type) of every <link> in a page's head."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "link":
            a = dict(attrs)
            self.links.append((a.get("rel") or "", a.get("href") or "", a.get("type") or ""))


def links(page: Path) -> list[tuple[str, str, str]]:
    parser = Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.links


def test_landing_page_signposting(dist: Path) -> None:
    void = parse(dist / "void.ttl")
    found = links(dist / "site" / "index.html")
    by_rel = {rel: [(href, kind) for r, href, kind in found if r == rel] for rel, _, _ in found}
    assert by_rel["cite-as"] == [(str(DATASET), "")]
    assert {href for href, _ in by_rel["type"]} == {"https://schema.org/Dataset", "https://schema.org/AboutPage"}
    assert by_rel["describedby"] == [("../void.ttl", "text/turtle"),
                                     ("../ro-crate-metadata.json", 'application/ld+json;profile="https://w3id.org/ro/crate"')]
    assert by_rel["license"] == [(str(void.value(DATASET, DCT.license)), "")]
    public = "https://w3id.org/ngo-fp/dist/"
    dumps = set(void.objects(DATASET, VOID.dataDump))
    media = {str(void.value(d, DCAT.downloadURL)): str(void.value(d, DCAT.mediaType)).split("/media-types/")[1]
             for d in void.objects(DATASET, DCAT.distribution)}
    assert sorted(by_rel["item"]) == sorted(("../" + str(d).removeprefix(public), media[str(d)]) for d in dumps)
    assert len(dumps) == 4
    for href, _ in by_rel["item"] + by_rel["describedby"]:
        assert (dist / "site" / href).resolve().is_file(), href


def test_resource_pages_name_their_iri_their_descriptions_and_licence(dist: Path) -> None:
    """Each page's signposting: its IRI, its two descriptions, and the licence of the data it shows, as the
    description of its dataset (the article's, or the PLOVER sample's) gives it."""
    sample_dataset = URIRef(f"{DATASET}/plover-gsr")
    licences = {False: str(parse(dist / "void.ttl").value(DATASET, DCT.license)),
                True: str(parse(dist / "plover-gsr" / "void.ttl").value(sample_dataset, DCT.license))}
    assert licences[False] != licences[True]
    kinds = {False: 0, True: 0}
    pages = sorted((dist / "site" / "resource").rglob("*.html"))
    assert len(pages) > 1000
    for page in pages[::40]:
        stem = page.relative_to(dist / "site").with_suffix("").as_posix()
        found = links(page)
        assert [href for rel, href, _ in found if rel == "cite-as"] == [f"https://w3id.org/ngo-fp/{stem}"], page
        described = {(href, kind) for rel, href, kind in found if rel == "describedby"}
        assert described == {(page.stem + ".ttl", "text/turtle"), (page.stem + ".jsonld", "application/ld+json")}
        assert all((page.parent / href).is_file() for href, _ in described)
        sample = 'class="from-dataset"' in page.read_text(encoding="utf-8")  # a page of the PLOVER sample's
        assert [href for rel, href, _ in found if rel == "license"] == [licences[sample]], page
        kinds[sample] += 1
    assert kinds[True] > 50 and kinds[False] > 30


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


def test_the_ontology_page_names_its_iri_and_its_rdf(dist: Path) -> None:
    """The ontology IRI sends HTML clients to ontology.html: like the landing page and every resource page, it names
    the IRI as cite-as and the ontology's RDF files (alternate, describedby) and licence, which a client that reads
    links only could not find there."""
    onto = parse(dist / "ontology" / "ngo-fp-ontology.ttl")
    iri = URIRef("https://w3id.org/ngo-fp/ontology")
    found = links(dist / "site" / "ontology.html")
    by_rel = {rel: [(href, kind) for r, href, kind in found if r == rel] for rel, _, _ in found}
    assert by_rel.get("cite-as") == [(str(iri), "")]
    assert ("../ontology/ngo-fp-ontology.ttl", "text/turtle") in by_rel.get("describedby", [])
    assert {kind for _, kind in by_rel.get("alternate", [])} == {"text/turtle", "application/ld+json",
                                                                  "application/rdf+xml", "application/n-triples"}
    assert by_rel.get("license") == [(str(onto.value(iri, DCT.license)), "")]
    for href, _ in by_rel["alternate"] + by_rel["describedby"]:
        assert (iri, None, None) in parse(dist / "site" / href), href
