"""Nanopublications of the claims (dist/nanopubs.trig, dist/nanopub/claim/<slug>.trig): the nanopub toolkit
(nanopub-sign, the Rust implementation behind the nanopub network's tools) reads every one as a valid nanopublication,
and one signed with a throwaway key as a valid trusty, signed one; a broken or tampered one fails it. Each holds
the claim exactly as the dataset states it, and its evidence, whose quotes and positions are the article's text."""
from __future__ import annotations

import os
from contextlib import contextmanager
from collections.abc import Iterator
from pathlib import Path

import nanopub_sign
import pyoxigraph as ox
import pytest
from rdflib import RDF, Dataset, Graph, Namespace, URIRef

from scripts.paths import ARTICLE, NFP, OA, PROV, SOURCE_TEXTS

NPX = Namespace("http://purl.org/nanopub/x/")
XSD_NNI = URIRef("http://www.w3.org/2001/XMLSchema#nonNegativeInteger")
BASE = "https://w3id.org/ngo-fp/nanopub/claim/"
EXAMPLE = "neo-liberalism-raised-ngo-importance-after-1983"


@contextmanager
def quiet() -> Iterator[None]:
    """nanopub-sign prints its verdict from Rust to file descriptor 1: keep it out of pytest's output."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    saved = os.dup(1)
    os.dup2(devnull, 1)
    try:
        yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)
        os.close(devnull)


def check(text: str) -> dict:
    with quiet():
        return nanopub_sign.Nanopub(text).check().info()


@pytest.fixture(scope="module")
def documents(dist: Path) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted((dist / "nanopub" / "claim").glob("*.trig"))}


@pytest.fixture(scope="module")
def dataset(dist: Path) -> Graph:
    return Graph().parse(dist / "ngo-fp.nt", format="nt")


def graphs(text: str) -> dict[str, Graph]:
    """The named graphs of one nanopublication, by their fragment (Head, assertion, ...)."""
    d = Dataset()
    d.parse(data=text, format="trig")
    return {str(g.identifier).rsplit("#", 1)[1]: g for g in d.graphs() if str(g.identifier).startswith(BASE)}


def test_one_nanopublication_per_claim(documents: dict[str, str], dataset: Graph) -> None:
    claims = {str(c).rsplit("/", 1)[1] for c in dataset.subjects(RDF.type, NFP.Claim)}
    assert len(claims) > 100
    assert set(documents) == claims


def test_the_toolkit_reads_every_one_as_a_valid_nanopublication(documents: dict[str, str]) -> None:
    for name, text in documents.items():
        info = check(text)
        assert info["uri"]["value"] == BASE + name, name
        assert info["assertion"]["value"] == BASE + name + "#assertion"
        assert info["signature"] == "" and info["trusty_hash"] == ""  # unsigned until a key signs them


def test_the_whole_file_is_the_documents_one_after_the_other(dist: Path, documents: dict[str, str]) -> None:
    whole = (dist / "nanopubs.trig").read_text(encoding="utf-8")
    assert whole == "\n".join(documents.values())
    together = {q for q in ox.parse(whole.encode("utf-8"), format=ox.RdfFormat.TRIG)}
    each = {q for text in documents.values() for q in ox.parse(text.encode("utf-8"), format=ox.RdfFormat.TRIG)}
    assert together == each and len(together) == sum(len(list(ox.parse(t.encode(), format=ox.RdfFormat.TRIG)))
                                                     for t in documents.values())


def test_the_assertion_is_the_claim_as_the_dataset_states_it(documents: dict[str, str], dataset: Graph) -> None:
    for name, text in documents.items():
        claim = URIRef("https://w3id.org/ngo-fp/resource/claim/" + name)
        expected = {(claim, p, o) for p, o in dataset.predicate_objects(claim) if p != NFP.groundedIn}
        assert set(graphs(text)["assertion"]) == expected, name


def test_the_provenance_is_the_article_and_its_quoted_passages(documents: dict[str, str], dataset: Graph) -> None:
    article = SOURCE_TEXTS[ARTICLE].read_text(encoding="utf-8")
    for name, text in documents.items():
        g = graphs(text)
        prov = g["provenance"]
        assertion = URIRef(BASE + name + "#assertion")
        claim = URIRef("https://w3id.org/ngo-fp/resource/claim/" + name)
        evidence = set(dataset.objects(claim, NFP.groundedIn))
        assert evidence, name
        derived = set(prov.objects(assertion, PROV.wasDerivedFrom))
        assert derived == {URIRef(ARTICLE)} | {URIRef(f"{e}/target") for e in evidence}, name
        assert set(prov.subjects(OA.hasBody, claim)) == evidence
        for selector in prov.subjects(RDF.type, OA.TextPositionSelector):
            start, end = prov.value(selector, OA.start), prov.value(selector, OA.end)
            assert start.datatype == end.datatype == XSD_NNI  # as Web Annotation says, not an Oxigraph store's xsd:integer
            quote = prov.value(URIRef(str(selector).rsplit("/", 1)[0] + "/quote"), OA.exact)
            # the quotes are written with their whitespace normalized (a line break in the text is a space)
            assert article[int(start):int(end)].split() == str(quote).split(), (name, selector)


def test_the_publication_info(documents: dict[str, str], dataset: Graph) -> None:
    pubinfo = graphs(documents[EXAMPLE])["pubinfo"]
    this = URIRef(BASE + EXAMPLE)
    assert pubinfo.value(this, NPX.introduces) == URIRef("https://w3id.org/ngo-fp/resource/claim/" + EXAMPLE)
    assert pubinfo.value(this, URIRef("http://purl.org/dc/terms/license")) == URIRef(
        "https://creativecommons.org/licenses/by/4.0/")
    # created: the publication's day (the ontology's dct:modified), at midnight UTC, so that builds stay identical
    modified = dataset.value(URIRef("https://w3id.org/ngo-fp/ontology"), URIRef("http://purl.org/dc/terms/modified"))
    assert f'dcterms:created "{modified}T00:00:00Z"^^xsd:dateTime' in documents[EXAMPLE]


def test_a_nanopublication_without_its_publication_info_is_refused(documents: dict[str, str]) -> None:
    text = documents[EXAMPLE]
    head, _, _ = text.partition("sub:pubinfo {")
    with pytest.raises(Exception):
        check(head)


def test_a_nanopublication_whose_head_lacks_its_assertion_is_refused(documents: dict[str, str]) -> None:
    text = documents[EXAMPLE].replace("this: np:hasAssertion sub:assertion ;\n\t\t", "this: ")
    assert text != documents[EXAMPLE]
    with pytest.raises(Exception):
        check(text)


def test_signed_with_a_key_it_becomes_trusty_and_tampering_is_caught(documents: dict[str, str]) -> None:
    keys = nanopub_sign.KeyPair()
    profile = nanopub_sign.NpProfile(private_key=keys.private, orcid_id="https://orcid.org/0000-0002-1825-0097",
                                     name="Test signer")
    with quiet():
        signed = nanopub_sign.Nanopub(documents[EXAMPLE]).sign(profile).rdf()
    info = check(signed)
    assert info["uri"]["value"].startswith(BASE + EXAMPLE + ".RA")
    assert info["signature"] and info["trusty_hash"].startswith("RA")
    tampered = signed.replace("after 1983 NGOs gained importance", "after 1993 NGOs gained importance")
    assert tampered != signed
    with pytest.raises(Exception):
        check(tampered)
