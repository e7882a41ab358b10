"""Nanopublications of the claims (dist/nanopubs.trig, dist/nanopub/claim/<slug>.trig): the nanopub toolkit
(nanopub-sign, the Rust implementation behind the nanopub network's tools) reads every one as a valid nanopublication,
and one signed with a throwaway key as a valid trusty, signed one; a broken or tampered one fails it. Each holds
the claim exactly as the dataset states it, and its evidence, whose quotes and positions are the article's text."""
from __future__ import annotations

from pathlib import Path

import nanopub_sign
import pyoxigraph as ox
import pytest
from rdflib import RDF, Dataset, Graph, Namespace, URIRef

from scripts.paths import ARTICLE, NFP, OA, PROV, SOURCE_TEXTS
from scripts.publish.nanopubs import main, orcid_valid, quiet

NPX = Namespace("http://purl.org/nanopub/x/")
XSD_NNI = URIRef("http://www.w3.org/2001/XMLSchema#nonNegativeInteger")
BASE = "https://w3id.org/ngo-fp/nanopub/claim/"
EXAMPLE = "neo-liberalism-raised-ngo-importance-after-1983"


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
    tampered = signed.replace("after 1983 NGOs began to gain", "after 1993 NGOs began to gain")
    assert tampered != signed
    with pytest.raises(Exception):
        check(tampered)


ORCID = "https://orcid.org/0000-0002-1825-0097"  # ORCID's own example iD (Josiah Carberry)


def test_orcid_ids_are_checked_with_their_check_digit() -> None:
    # ORCID's documented examples, one ending in X, and the same with a wrong check digit or form
    assert orcid_valid(ORCID) and orcid_valid("https://orcid.org/0000-0002-1694-233X")
    for wrong in ("https://orcid.org/0000-0002-1825-0098", "http://orcid.org/0000-0002-1825-0097",
                  "0000-0002-1825-0097", "https://orcid.org/0000-0002-1825-009", ORCID + "\n"):
        assert not orcid_valid(wrong), wrong


def test_make_nanopubs_sign_signs_and_checks_every_one(dist: Path, documents: dict[str, str], tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    key = tmp_path / "id_rsa"
    key.write_text(nanopub_sign.KeyPair().private + "\n", encoding="ascii")
    out = tmp_path / "signed"
    assert main(["--key", str(key), "--orcid", ORCID, "--dist", str(dist), "--out", str(out)]) == 0
    assert f"{len(documents)} nanopublications signed and checked" in capsys.readouterr().out
    index = (out / "index.tsv").read_text(encoding="utf-8").splitlines()
    assert index[0] == "nanopub\ttrusty_uri" and len(index) == len(documents) + 1
    for row in index[1:]:
        unsigned, trusty = row.split("\t")
        name = unsigned.removeprefix(BASE)
        info = check((out / f"{name}.trig").read_text(encoding="utf-8"))  # the toolkit verifies it again here
        assert info["uri"]["value"] == trusty and trusty.startswith(f"{unsigned}.RA") and info["signature"]


@pytest.mark.parametrize("content,expected", [
    ("not a key\n", "not an RSA key"), ("", "is empty"), (b"\xff\xfe", "not ASCII text")])
def test_a_bad_key_is_one_line_and_exit_1(dist: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          content: str | bytes, expected: str) -> None:
    key = tmp_path / "id_rsa"
    key.write_bytes(content if isinstance(content, bytes) else content.encode())
    assert main(["--key", str(key), "--orcid", ORCID, "--dist", str(dist), "--out", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: ") and expected in err, err


def test_a_wrong_orcid_or_a_missing_publication_is_refused(dist: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    key = tmp_path / "id_rsa"
    key.write_text(nanopub_sign.KeyPair().private, encoding="ascii")
    with pytest.raises(SystemExit) as usage:
        main(["--key", str(key), "--orcid", "https://orcid.org/0000-0002-1825-0098", "--dist", str(dist)])
    assert usage.value.code == 2 and "is not an ORCID iD" in capsys.readouterr().err
    assert main(["--key", str(key), "--orcid", ORCID, "--dist", str(tmp_path / "none"), "--out", str(tmp_path / "o")]) == 1
    assert "no nanopublications here: run `make` first" in capsys.readouterr().err
