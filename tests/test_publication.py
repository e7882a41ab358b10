"""The published dumps: four formats with the same triples, the ontology alone, a VoID/DCAT description
whose counts and checksums match the files and that conforms to DCAT-AP 3.0.0, exports sorted on all their
columns, and a rebuild with another hash seed that gives the same bytes in every file."""
from __future__ import annotations

import csv
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pyld import jsonld
from pyshacl import validate as shacl_validate
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic

from scripts import version as versions
from scripts.load import parse
from scripts.paths import ROOT

VOID = Namespace("http://rdfs.org/ns/void#")
SAME_AS = URIRef("https://schema.org/sameAs")  # the link to Wikidata and GeoNames
DCAT = Namespace("http://www.w3.org/ns/dcat#")
SPDX = Namespace("http://spdx.org/rdf/terms#")
DCT = Namespace("http://purl.org/dc/terms/")
SH = Namespace("http://www.w3.org/ns/shacl#")
NFP = Namespace("https://w3id.org/ngo-fp/ontology#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
ONTOLOGY = URIRef("https://w3id.org/ngo-fp/ontology")
DATASET = URIRef("https://w3id.org/ngo-fp/dataset")
# The official DCAT-AP 3.0.0 shapes (SEMICeu/DCAT-AP releases/3.0.0), kept beside the clone in ../shared.
DCAT_AP = ROOT.parent / "shared" / "data" / "dcat-ap-3.0.0"
if not DCAT_AP.exists():  # a worktree under /work/wt/ has /work/shared two levels up
    DCAT_AP = ROOT.parent.parent / "shared" / "data" / "dcat-ap-3.0.0"


@pytest.mark.parametrize("stem", ["ngo-fp", "ontology/ngo-fp-ontology"])
def test_every_format_holds_the_same_triples(dist: Path, stem: str) -> None:
    graphs = {ext: parse(dist / f"{stem}.{ext}") for ext in ("ttl", "nt", "jsonld", "rdf")}
    sizes = {ext: len(g) for ext, g in graphs.items()}
    assert len(set(sizes.values())) == 1, sizes
    assert graphs["ttl"].isomorphic(graphs["jsonld"])


def test_merged_dump_is_ontology_plus_instances_plus_evidence(dist: Path, built) -> None:
    assert len(parse(dist / "ngo-fp.nt")) == len(built.ontology + built.data)


def test_a_second_json_ld_processor_reads_the_same_triples(dist: Path) -> None:
    """Digital Bazaar's pyld (the JSON-LD API as its editors implement it), not rdflib, reads the dataset's and the
    ontology's JSON-LD and one resource page in fifty: the same triples as their N-Triples. No context is fetched:
    each file embeds its own, and the loader refuses any URL."""
    def refuse(url: str, options: dict) -> dict:
        raise AssertionError(f"a JSON-LD file asked for a remote document: {url}")
    pages = sorted((dist / "site" / "resource").rglob("*.jsonld"))
    files = [dist / "ngo-fp.jsonld", dist / "ontology" / "ngo-fp-ontology.jsonld", *pages[::50]]
    assert len(files) > 40
    for path in files:
        quads = jsonld.to_rdf(json.loads(path.read_text(encoding="utf-8")),
                              {"format": "application/n-quads", "documentLoader": refuse})
        graph = Graph().parse(data=quads, format="nt")  # the default graph only: no fourth term
        assert isomorphic(graph, Graph().parse(path.with_suffix(".nt"), format="nt")), path


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
    assert len(distributions) == len(sums) - 2 >= 12  # every file but the descriptions (void.ttl, the RO-Crate) is one
    for d in distributions:
        path = dist / str(void.value(d, DCT.title))
        checksum = void.value(void.value(d, SPDX.checksum), SPDX.checksumValue)
        assert hashlib.sha256(path.read_bytes()).hexdigest() == str(checksum)
        assert void.value(d, DCAT.byteSize).toPython() == path.stat().st_size  # an xsd:decimal (DCAT-AP 3)
    for line in sums:
        digest, name = line.split("  ", 1)
        assert hashlib.sha256((dist / name).read_bytes()).hexdigest() == digest


def test_void_says_which_sources_and_software_made_the_dataset(dist: Path) -> None:
    """PROV-O in void.ttl: the dataset was generated by a build that used exactly the project's source files (the
    article's text, the ontology, every instance file, the shapes, every link record), those read byte for byte (the
    text, the records) with the SHA-256 of the file itself, the Turtle ones (read as graphs: a comment or layout
    change leaves the publication as it is) by path alone, and ran the pinned libraries at the versions installed."""
    from importlib.metadata import version

    prov = Namespace("http://www.w3.org/ns/prov#")
    void = parse(dist / "void.ttl")
    dataset = URIRef("https://w3id.org/ngo-fp/dataset")
    (build,) = void.objects(dataset, prov.wasGeneratedBy)
    assert (build, RDF.type, prov.Activity) in void
    used = {str(void.value(source, DCT.title)): source for source in void.objects(build, prov.used)}
    expected = {"sources/bulgur-2023.txt", "ontology/ngo-fp.ttl", "shapes/shapes.ttl",
                *(f"instances/{p.name}" for p in (ROOT / "instances").glob("*.ttl")),
                *(f"links/{p.name}" for p in (ROOT / "links").glob("*.csv"))}
    assert set(used) == expected
    for rel, source in used.items():
        checksum = void.value(source, SPDX.checksum)
        if rel.endswith(".ttl"):
            assert checksum is None, rel
            continue
        assert str(void.value(checksum, SPDX.checksumValue)) == hashlib.sha256((ROOT / rel).read_bytes()).hexdigest(), rel
    agents = {str(a) for a in void.objects(build, prov.wasAssociatedWith)}
    for name in ("rdflib", "pyoxigraph", "pyshacl", "owlready2"):
        assert f"https://pypi.org/project/{name}/{version(name)}/" in agents, name
    assert "https://w3id.org/ngo-fp/agent/linked-data-team" in agents


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


# TIB's recommendations this ontology does not follow, by the name of their shape, and why:
TIB_LEFT_OUT = {
    # Warning (a mandatory metadatum): no public tracker until the hosting is decided (see w3id/.htaccess)
    "Ontology issue tracker": "Warning",
    "Ontology code repository": "Info",  # likewise no public repository yet
    # OWL 2 DL's datatype map has no xsd:date, so the dates stay plain ISO 8601 strings
    "Ontology creation date - datatype": "Info", "Ontology modification date": "Info",
    "Ontology contributor(s)": "Info", "Ontology funder": "Info", "Ontology funding (grant)": "Info",  # none
    "Ontology subject(s)": "Info",  # no subject IRIs verified yet (links are verified, never guessed)
    # MOD and BIBO declare mod:hasFormalityLevel and bibo:status object properties with classes of values of their
    # own; the shapes ask for strings, which would pun them (the description says "OWL 2 DL")
    "Applied logical framework description": "Info", "Ontology status": "Info",
    "Ontology serialization/ file format": "Info",  # four serializations; the shape allows one value
    "Ontology distributions/ products": "Info",  # in the dataset description (void.ttl), by version
    "Related resource(s)": "Info", "Ontology sources (derived from)": "Info",  # aligned to others, derived from none
    "Ontology root classes": "Info",  # obo:IAO_0000700 not used; the documentation shows the class tree
    "Preferred ontology namespace - datatype": "Info",  # a string, as VANN's own examples and LOV write it
}
TIB_SHAPES = Path(__file__).resolve().parent / "ontology-metadata" / "OntoMetadataShape.ttl"


def tib_results(ontology: Graph) -> dict[str, str]:
    """The name of each shape of TIB's ontology metadata shapes the ontology's header fails, with its severity."""
    shapes = Graph().parse(TIB_SHAPES, format="turtle")
    _, report, _ = shacl_validate(ontology, shacl_graph=shapes, inference="none")
    return {str(report.value(report.value(r, SH.sourceShape), SH.name)): str(report.value(r, SH.resultSeverity))
            .removeprefix(str(SH)) for r in report.subjects(RDF.type, SH.ValidationResult)}


def test_the_publication_day_is_not_before_the_last_change_of_its_sources() -> None:
    """The publication's day is the ontology's dcterms:modified, written by hand: the dataset's dct:modified, the
    RO-Crate's datePublished and every nanopublication's dcterms:created are that day (scripts/publish/dumps.py,
    release). A change of the ontology, the instances or the links committed on a later day left it behind: claims
    added on 2026-12-06 had nanopublications created on 2026-12-05."""
    log = subprocess.run(["git", "log", "-1", "--format=%cd", "--date=format-local:%Y-%m-%d", "--",
                          "ontology", "instances", "links", "sources"],
                         cwd=ROOT, env={**os.environ, "TZ": "UTC"}, capture_output=True, text=True)
    if log.returncode != 0 or not log.stdout.strip():
        pytest.skip("no git history to compare with (not a clone)")
    day = parse(ROOT / "ontology" / "ngo-fp.ttl").value(ONTOLOGY, DCT.modified)
    assert str(day) >= log.stdout.strip(), (
        f"ontology/ngo-fp.ttl says dcterms:modified {day}, but its sources last changed on {log.stdout.strip()}")


def test_each_release_is_published_as_it_was_released(dist: Path) -> None:
    """ontology/releases.tsv: each released version's ontology is kept in ontology/releases/<version>.ttl with the
    logical axioms recorded, and published under dist/ontology/<version>/ (where its version IRI resolves) in the
    four formats, stamped with its own version."""
    for release in versions.released().values():
        kept = versions.released_ontology(release.version)
        assert versions.logical_digest(kept) == release.logical_sha256, release.version
        for ext in ("ttl", "nt", "jsonld", "rdf"):
            published = parse(dist / "ontology" / release.version / f"ngo-fp-ontology.{ext}")
            assert isomorphic(published, kept), (release.version, ext)
            assert published.value(ONTOLOGY, OWL.versionIRI) == URIRef(f"{ONTOLOGY}/{release.version}")


def test_each_release_records_the_logical_axioms_of_its_commit() -> None:
    """ontology/releases.tsv: each released version's digest of logical axioms is that of the ontology at the commit
    it names (checked where the clone has the history)."""
    for release in versions.released().values():
        shown = subprocess.run(["git", "show", f"{release.commit}:ontology/ngo-fp.ttl"], cwd=ROOT,
                               capture_output=True, text=True)
        if shown.returncode != 0:
            pytest.skip(f"no git history holding {release.commit} (not a full clone)")
        then = Graph().parse(data=shown.stdout, format="turtle")
        assert versions.logical_digest(then) == release.logical_sha256, release.version


def test_the_version_iri_names_only_its_release() -> None:
    """The build stamps owl:versionIRI .../ontology/<VERSION> and writes dist/ontology/<VERSION>/, which that IRI
    resolves to. VERSION said 0.1.0 while the ontology had lost eight of 0.1.0's alignments (nfp:Participation below
    prov:Association, nfp:ResearchCentre below nfp:NonGovernmentalOrganization, ...) and gained 47 terms: the
    released IRI named another ontology. A released version's ontology keeps its logical axioms (annotations may be
    mended); a new one is later than every release, and owl:priorVersion names the last."""
    releases = versions.released()
    current = versions.read()
    ontology = parse(ROOT / "ontology" / "ngo-fp.ttl")
    number = lambda v: tuple(int(part) for part in v.split("."))  # noqa: E731
    if current in releases:
        assert versions.logical_digest(ontology) == releases[current].logical_sha256, (
            f"VERSION says {current}, released with other logical axioms: set VERSION to the next version")
    else:
        assert all(number(current) > number(v) for v in releases), (current, sorted(releases))
    earlier = [v for v in releases if number(v) < number(current)]
    prior = ontology.value(ONTOLOGY, OWL.priorVersion)
    assert str(prior) == f"{ONTOLOGY}/{max(earlier, key=number)}" if earlier else prior is None


def test_the_logical_digest_ignores_annotations_and_layout_but_not_an_axiom() -> None:
    ontology = parse(ROOT / "ontology" / "ngo-fp.ttl")
    digest = versions.logical_digest(ontology)
    relabelled = Graph()
    for s, p, o in ontology:  # a new graph: other blank node labels
        relabelled.add((s, p, Literal("another label", lang="en") if p == RDFS.label and s == NFP.Actor else o))
    relabelled.add((ONTOLOGY, OWL.versionIRI, URIRef(f"{ONTOLOGY}/9.9.9")))
    assert versions.logical_digest(relabelled) == digest
    relabelled.remove((NFP.ResearchCentre, RDFS.subClassOf, NFP.Organization))
    assert versions.logical_digest(relabelled) != digest


def test_ontology_metadata_follow_tib_recommendations(dist: Path) -> None:
    """TIB's shapes (tests/ontology-metadata/) on the published ontology: every mandatory metadatum but the issue
    tracker, and every recommended one but those left out above with their reason."""
    assert tib_results(parse(dist / "ontology" / "ngo-fp-ontology.ttl")) == TIB_LEFT_OUT


def test_the_annotation_languages_stated_are_those_used(dist: Path) -> None:
    """dcterms:language lists the ISO 639-2 codes (id.loc.gov IRIs) of exactly the languages the ontology's
    language-tagged texts are in: English and Turkish."""
    ontology = parse(dist / "ontology" / "ngo-fp-ontology.ttl")
    used = {o.language for o in ontology.objects() if getattr(o, "language", None)}
    iso639_2 = {"en": "eng", "tr": "tur"}  # Debian's iso-codes, iso_639-2.json (see the ontology's header comment)
    assert used == set(iso639_2)
    assert set(ontology.objects(ONTOLOGY, DCT.language)) == {
        URIRef(f"http://id.loc.gov/vocabulary/iso639-2/{iso639_2[lang]}") for lang in used}


def test_tib_shapes_catch_a_missing_abstract_and_documentation(dist: Path) -> None:
    ontology = parse(dist / "ontology" / "ngo-fp-ontology.ttl")
    ontology.remove((ONTOLOGY, DCT.abstract, None))
    ontology.remove((ONTOLOGY, URIRef("http://www.loc.gov/premis/rdf/v3/documentation"), None))
    found = tib_results(ontology)
    assert (found["Ontology abstract"], found["Ontology documentation"]) == ("Warning", "Warning")


def test_void_conforms_to_dcat_ap_3(dist: Path) -> None:
    if not (DCAT_AP / "shapes.ttl").exists():
        pytest.skip(f"the DCAT-AP 3.0.0 shapes are not beside the clone ({DCAT_AP})")
    shapes = Graph()
    for name in ("shapes.ttl", "range.ttl"):
        shapes.parse(DCAT_AP / name, format="turtle")
    assert len(shapes) > 1000  # both files were read
    conforms, report, text = shacl_validate(parse(dist / "void.ttl"), shacl_graph=shapes, inference="none")
    results = list(report.subjects(RDF.type, URIRef("http://www.w3.org/ns/shacl#ValidationResult")))
    assert (conforms, len(results)) == (True, 0), text[:3000]


def test_dcat_ap_shapes_catch_a_distribution_without_access_url(dist: Path) -> None:
    if not (DCAT_AP / "shapes.ttl").exists():
        pytest.skip(f"the DCAT-AP 3.0.0 shapes are not beside the clone ({DCAT_AP})")
    shapes = Graph().parse(DCAT_AP / "shapes.ttl", format="turtle")
    void = parse(dist / "void.ttl")
    void.remove((None, DCAT.accessURL, None))  # DCAT-AP 3: dcat:accessURL is mandatory on a distribution
    conforms, report, _ = shacl_validate(void, shacl_graph=shapes, inference="none")
    results = list(report.subjects(RDF.type, URIRef("http://www.w3.org/ns/shacl#ValidationResult")))
    assert not conforms
    assert len(results) == len(list(void.subjects(RDF.type, DCAT.Distribution))) >= 12


def test_catalog_lists_the_dataset_with_publisher_creator_and_landing_page(dist: Path) -> None:
    void = parse(dist / "void.ttl")
    catalogs = list(void.subjects(RDF.type, DCAT.Catalog))
    assert catalogs == [URIRef("https://w3id.org/ngo-fp/catalog")]
    catalog = catalogs[0]
    assert list(void.objects(catalog, DCAT.dataset)) == [DATASET]
    for node in (catalog, DATASET):
        for prop in (DCT.publisher, DCT.creator):
            agent = void.value(node, prop)
            assert (agent, RDF.type, FOAF.Agent) in void and void.value(agent, FOAF.name), (node, prop)
        assert (void.value(node, DCT.license), RDF.type, DCT.LicenseDocument) in void
    assert (void.value(DATASET, DCAT.landingPage), RDF.type, FOAF.Document) in void
    service = void.value(catalog, DCAT.service)
    assert (service, DCAT.servesDataset, DATASET) in void
    assert void.value(service, DCAT.endpointURL) == void.value(DATASET, VOID.sparqlEndpoint) is not None


def test_distributions_have_access_and_download_urls_typed_media_types_and_checksum_algorithms(dist: Path) -> None:
    void = parse(dist / "void.ttl")
    distributions = list(void.objects(DATASET, DCAT.distribution))
    assert len(distributions) >= 12
    for d in distributions:
        path = str(void.value(d, DCT.title))
        assert str(void.value(d, DCAT.downloadURL)).endswith("/" + path)
        assert void.value(d, DCAT.accessURL) is not None
        assert (void.value(d, DCAT.mediaType), RDF.type, DCT.MediaType) in void
        algorithm = void.value(void.value(d, SPDX.checksum), SPDX.algorithm)
        assert algorithm == SPDX.checksumAlgorithm_sha256
        assert (algorithm, RDF.type, SPDX.ChecksumAlgorithm) in void
    media = {str(void.value(d, DCT.title)): str(void.value(d, DCAT.mediaType)) for d in distributions}
    assert media["ngo-fp.ttl"] == "http://www.iana.org/assignments/media-types/text/turtle"
    assert media["exports/actors.csv"] == "http://www.iana.org/assignments/media-types/text/csv"


def test_void_dumps_endpoint_uri_space_and_linksets(dist: Path, published_graph: Graph) -> None:
    void = parse(dist / "void.ttl")
    dumps = sorted(str(u).rsplit("/", 1)[-1] for u in void.objects(DATASET, VOID.dataDump))
    assert dumps == ["ngo-fp.jsonld", "ngo-fp.nt", "ngo-fp.rdf", "ngo-fp.ttl"]
    assert str(void.value(DATASET, VOID.uriSpace)) == "https://w3id.org/ngo-fp/resource/"
    linksets = {str(void.value(void.value(ls, VOID.objectsTarget), VOID.uriSpace)): ls
                for ls in void.subjects(RDF.type, VOID.Linkset)}
    assert sorted(linksets) == ["http://www.wikidata.org/entity/", "https://ror.org/", "https://sws.geonames.org/"]
    for space, ls in linksets.items():
        assert (DATASET, VOID.subset, ls) in void
        assert void.value(ls, VOID.subjectsTarget) == DATASET
        assert void.value(ls, VOID.linkPredicate) == SAME_AS
        links = [o for o in published_graph.objects(None, SAME_AS) if str(o).startswith(space)]
        assert int(void.value(ls, VOID.triples)) == len(links) > 0, space


def test_every_export_is_sorted_on_all_its_columns(dist: Path) -> None:
    tables = sorted((dist / "exports").glob("*.csv"))
    assert [p.name for p in tables] == ["actors.csv", "causal-statements.csv", "citations.csv", "claim-links.csv",
                                        "claims.csv", "crosswalk.csv", "events.csv", "participations.csv"]
    for path in tables:
        with path.open(encoding="utf-8", newline="") as f:
            rows = [tuple(r) for r in csv.reader(f)][1:]
        assert rows and rows == sorted(rows), path.name


def test_an_actor_with_two_acronyms_has_its_rows_in_acronym_order(dist: Path) -> None:
    # The article writes both "IHH" and "İHH" (instances/actors.ttl): two rows that tie on the actor.
    with (dist / "exports" / "actors.csv").open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["actor"].endswith("/organization/ihh")]
    assert [r["acronym"] for r in rows] == ["IHH", "İHH"]


def test_rebuild_with_another_hash_seed_is_byte_identical(dist: Path, tmp_path: Path) -> None:
    """The whole project rebuilt in a fresh process with another PYTHONHASHSEED and no build cache (so that
    nothing is copied from an earlier build): every file, site and PLOVER dataset included."""
    seed = "2" if os.environ.get("PYTHONHASHSEED") == "1" else "1"
    again = tmp_path / "dist"
    run = subprocess.run([sys.executable, "-m", "scripts.build", "--dist", str(again)], cwd=ROOT,
                         env=dict(os.environ, PYTHONHASHSEED=seed, NGO_FP_NO_CACHE="1"), capture_output=True,
                         text=True, timeout=900)
    assert run.returncode == 0, run.stderr[-2000:]
    files = sorted(p.relative_to(dist) for p in dist.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    assert {"exports", "site"} <= {f.parts[0] for f in files} and len(files) > 100
    differing = [str(rel) for rel in files if (dist / rel).read_bytes() != (again / rel).read_bytes()]
    assert differing == []
