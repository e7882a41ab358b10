"""The w3id.org redirect rules (w3id/.htaccess) on a real Apache httpd (Debian's apache2) on 127.0.0.1:
/ngo-fp/ holds the rules, as on w3id.org, and /host/ serves dist/, as the publication's hosting would; the
placeholder target of the rules is pointed at /host for the test. Each IRI must redirect (303) by Accept and
land on a file of the right type that describes it."""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF

from endpoint_client import W3ID_BASE, description_iris, minted_iris, own_paths, request, resolve
from scripts import version
from scripts.serve import free_port

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "w3id" / ".htaccess"
APACHE = shutil.which("apache2") or "/usr/sbin/apache2"
MODULES = Path("/usr/lib/apache2/modules")
PLACEHOLDER = "https://publication.invalid/ngo-fp"
TURKSAM = "resource/organization/turksam"

if not Path(APACHE).exists():
    if os.environ.get("CI"):
        raise RuntimeError("CI must install Debian's apache2-bin for the w3id test (see .ci/run)")
    pytest.skip("Debian's apache2 is not installed (apt-get install apache2-bin)", allow_module_level=True)

CONFIG = """
ServerRoot "{root}"
ServerName 127.0.0.1
Listen 127.0.0.1:{port}
PidFile "{root}/httpd.pid"
ErrorLog "{root}/error.log"
LogLevel warn
LoadModule mpm_event_module {modules}/mod_mpm_event.so
LoadModule authz_core_module {modules}/mod_authz_core.so
LoadModule mime_module {modules}/mod_mime.so
LoadModule rewrite_module {modules}/mod_rewrite.so
TypesConfig "{root}/mime.types"
AddType text/html .html
AddType text/turtle .ttl
AddType application/ld+json .jsonld
AddType application/n-triples .nt
AddType application/trig .trig
DocumentRoot "{root}/www"
<Directory "{root}/www">
    Options FollowSymLinks
    AllowOverride All
    Require all granted
</Directory>
"""


@pytest.fixture(scope="module")
def apache(dist: Path, tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("apache")
    port = free_port()
    (root / "www" / "ngo-fp").mkdir(parents=True)
    rules = RULES.read_text(encoding="utf-8")
    assert rules.count(PLACEHOLDER) == 1
    (root / "www" / "ngo-fp" / ".htaccess").write_text(rules.replace(PLACEHOLDER, f"http://127.0.0.1:{port}/host"))
    (root / "www" / "host").symlink_to(dist)
    (root / "httpd.conf").write_text(CONFIG.format(root=root, port=port, modules=MODULES))
    (root / "mime.types").write_text("")  # the types it needs are in the config (no dependence on media-types)
    env = {**os.environ, "APACHE_RUN_DIR": str(root), "APACHE_LOCK_DIR": str(root), "APACHE_LOG_DIR": str(root)}
    proc = subprocess.Popen([APACHE, "-f", str(root / "httpd.conf"), "-DFOREGROUND"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            log = (root / "error.log").read_text() if (root / "error.log").exists() else ""
            pytest.fail(f"apache2 did not start: {proc.stdout.read() if proc.stdout else ''} {log}")
        try:
            request(f"{base}/host/void.ttl", timeout=2)
            break
        except OSError:
            time.sleep(0.2)
    yield base
    proc.send_signal(signal.SIGTERM)  # apache's graceful stop of the whole process group it started
    proc.wait(timeout=20)


def follow(base: str, path: str, accept: str) -> tuple[str, str, bytes]:
    """Ask the w3id-style IRI with Accept; return where it redirects, and the type and body found there."""
    first = request(f"{base}/ngo-fp/{path}", Accept=accept)
    assert first.status in (302, 303), (path, accept, first.status, first.body[:300])
    location = first.headers["location"]
    assert location.startswith(f"{base}/host/")
    landed = request(location, Accept=accept)
    assert landed.status == 200, location
    return location[len(base) + len("/host/"):], landed.type, landed.body


@pytest.mark.parametrize("accept,suffix,media,fmt", [
    ("text/turtle", ".ttl", "text/turtle", "turtle"),
    ("application/ld+json", ".jsonld", "application/ld+json", "json-ld"),
    ("application/n-triples", ".nt", "application/n-triples", "nt"),
    ("text/turtle;q=0.9, application/ld+json;q=0.5", ".ttl", "text/turtle", "turtle"),
])
def test_resource_iri_redirects_to_rdf(apache: str, accept: str, suffix: str, media: str, fmt: str) -> None:
    where, kind, body = follow(apache, TURKSAM, accept)
    assert where == f"site/{TURKSAM}{suffix}" and kind == media
    graph = Graph().parse(data=body.decode("utf-8"), format=fmt)
    assert (URIRef(f"https://w3id.org/ngo-fp/{TURKSAM}"), None, None) in graph


@pytest.mark.parametrize("accept", ["text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "*/*", ""])
def test_resource_iri_redirects_browsers_to_the_page(apache: str, accept: str) -> None:
    where, kind, body = follow(apache, TURKSAM, accept)
    assert where == f"site/{TURKSAM}.html" and kind == "text/html"
    assert b"TURKSAM" in body


def test_ontology_iri(apache: str) -> None:
    where, kind, body = follow(apache, "ontology", "text/turtle")
    assert where == "ontology/ngo-fp-ontology.ttl" and kind == "text/turtle"
    assert (URIRef("https://w3id.org/ngo-fp/ontology"), RDF.type, OWL.Ontology) in Graph().parse(data=body.decode(), format="turtle")
    for accept, target in (("application/ld+json", "ontology/ngo-fp-ontology.jsonld"),
                           ("application/n-triples", "ontology/ngo-fp-ontology.nt"),
                           ("application/rdf+xml", "ontology/ngo-fp-ontology.rdf"),
                           ("text/html", "site/ontology.html")):
        assert follow(apache, "ontology", accept)[0] == target
    # the IRIs the ontology's header gives for its documentation and its example of use land where they say
    header = Graph().parse(data=body.decode(), format="turtle")
    (docs,) = header.objects(URIRef("https://w3id.org/ngo-fp/ontology"),
                             URIRef("http://www.loc.gov/premis/rdf/v3/documentation"))
    assert str(docs).startswith("https://w3id.org/ngo-fp/")
    where, kind, page = follow(apache, str(docs).removeprefix("https://w3id.org/ngo-fp/"), "text/html")
    assert (where, kind) == ("site/ontology.html", "text/html") and b"nfp:" in page
    (example,) = header.objects(URIRef("https://w3id.org/ngo-fp/ontology"), URIRef("http://purl.org/vocab/vann/example"))
    where, _, description = follow(apache, str(example).removeprefix("https://w3id.org/ngo-fp/"), "text/turtle")
    assert (example, RDF.type, URIRef("http://www.w3.org/ns/dcat#Dataset")) in Graph().parse(
        data=description.decode(), format="turtle")


def test_a_version_iri_lands_on_that_version_only(apache: str) -> None:
    """ontology/x.y.z redirected to the current ontology whatever x.y.z was: after a release, the 0.1.0 IRI
    would have given another version. Now it lands on ontology/x.y.z/, whose version IRI is that one, and a
    version never published lands nowhere (404), not on the current one."""
    current = version.read()
    iri = URIRef(f"https://w3id.org/ngo-fp/ontology/{current}")
    where, kind, body = follow(apache, f"ontology/{current}", "text/turtle")
    assert where == f"ontology/{current}/ngo-fp-ontology.ttl" and kind == "text/turtle"
    graph = Graph().parse(data=body.decode(), format="turtle")
    assert graph.value(URIRef("https://w3id.org/ngo-fp/ontology"), OWL.versionIRI) == iri
    for accept, suffix in (("application/ld+json", "jsonld"), ("application/n-triples", "nt"),
                           ("application/rdf+xml", "rdf"), ("text/html", "ttl")):
        assert follow(apache, f"ontology/{current}", accept)[0] == f"ontology/{current}/ngo-fp-ontology.{suffix}"
    never = request(f"{apache}/ngo-fp/ontology/999.0.0", Accept="text/turtle")
    assert never.status == 303 and never.headers["location"].endswith("/ontology/999.0.0/ngo-fp-ontology.ttl")
    assert request(never.headers["location"], Accept="text/turtle").status == 404


def test_shapes_and_the_dataset_root(apache: str) -> None:
    assert follow(apache, "shapes", "text/turtle")[:2] == ("ontology/ngo-fp-shapes.ttl", "text/turtle")
    assert follow(apache, "", "text/html")[0] == "site/index.html"
    assert follow(apache, "ngo-fp.ttl", "*/*")[:2] == ("ngo-fp.ttl", "text/turtle")


@pytest.mark.parametrize("accept", ["text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html"])
def test_the_dataset_iri_lands_browsers_on_the_landing_page(apache: str, accept: str) -> None:
    """The dataset IRI is the landing page's cite-as link (FAIR Signposting): a browser lands on that page, a client
    asking for Turtle (or anything else) on the DCAT/VoID description."""
    where, kind, body = follow(apache, "dataset", accept)
    assert (where, kind) == ("site/index.html", "text/html")
    assert b'<link rel="cite-as" href="https://w3id.org/ngo-fp/dataset">' in body
    for other in ("text/turtle", "*/*", "", "application/ld+json"):
        assert follow(apache, "dataset", other)[:2] == ("void.ttl", "text/turtle"), other
    # a client that asks for the RO-Crate profile (ResearchObject/ro-crate issue #160) gets the RO-Crate metadata file
    where, _, body = follow(apache, "dataset", 'application/ld+json; profile="https://w3id.org/ro/crate"')
    assert where == "ro-crate-metadata.json" and json.loads(body)["@context"] == "https://w3id.org/ro/crate/1.3/context"


def nanopub_iris(dist: Path) -> list[str]:
    """The IRIs of the claims' nanopublications, as dist/nanopubs.trig names them (np:Nanopublication)."""
    import pyoxigraph as ox

    kind = ox.NamedNode("http://www.nanopub.org/nschema#Nanopublication")
    return sorted(q.subject.value for q in ox.parse(path=str(dist / "nanopubs.trig")) if q.object == kind)


def test_a_nanopublication_iri_lands_on_its_trig(apache: str, dist: Path) -> None:
    """Each claim's nanopublication IRI (its graphs are fragments of it) lands on its TriG document, whose
    nanopublication is that IRI; a browser gets the same (the one format); a missing or odd slug never a file."""
    from rdflib import Dataset

    iris = nanopub_iris(dist)
    assert len(iris) > 100
    for iri in iris:
        path = iri.removeprefix("https://w3id.org/ngo-fp/")
        for accept in ("application/trig", "text/html"):
            where, kind, body = follow(apache, path, accept)
            assert (where, kind) == (f"{path}.trig", "application/trig"), (iri, accept)
        d = Dataset()
        d.parse(data=body.decode("utf-8"), format="trig")
        assert (URIRef(iri), RDF.type, URIRef("http://www.nanopub.org/nschema#Nanopublication"), URIRef(iri + "#Head")) in d
    for odd in ("nanopub/claim/..%2Fvoid", "nanopub/claim/no-such-claim", "nanopub/claim/A"):
        answer = request(f"{apache}/ngo-fp/{odd}", Accept="application/trig")
        if answer.status in (302, 303):
            assert request(answer.headers["location"]).status == 404, odd


def test_the_parts_of_an_evidence_annotation_land_on_its_files(apache: str, published_graph: Graph) -> None:
    """…/evidence/<hex>/target, /quote and /position (the passage an annotation targets, its selectors) land on the
    annotation's files, which describe them; they were 404 everywhere."""
    oa = "http://www.w3.org/ns/oa#"
    parts = sorted({str(s) for p in (oa + "hasSource", oa + "exact", oa + "start")
                    for s in published_graph.subjects(URIRef(p), None) if "/resource/evidence/" in str(s)})
    assert len(parts) > 3000
    for iri in parts[::300] + parts[-3:]:
        path = iri.removeprefix("https://w3id.org/ngo-fp/")
        record = path.rsplit("/", 1)[0]
        for accept, suffix, fmt in (("text/turtle", ".ttl", "turtle"), ("application/ld+json", ".jsonld", "json-ld"),
                                    ("application/n-triples", ".nt", "nt")):
            where, _, body = follow(apache, path, accept)
            assert where == f"site/{record}{suffix}", (iri, accept)
            got = Graph().parse(data=body.decode("utf-8"), format=fmt)
            assert set(got.triples((URIRef(iri), None, None))) == set(published_graph.triples((URIRef(iri), None, None)))
        assert follow(apache, path, "text/html")[:2] == (f"site/{record}.html", "text/html")
    for odd in ("resource/evidence/8e64a891563d9d67/other", "resource/evidence/8E64A891563D9D67/quote"):
        answer = request(f"{apache}/ngo-fp/{odd}", Accept="text/turtle")
        assert "/site/resource/" not in answer.headers.get("location", ""), odd


def test_a_resource_of_the_plover_sample_lands_on_its_files(apache: str, sample_graph: Graph, published_graph: Graph) -> None:
    """The PLOVER sample's resources land, like the article's, on the site's files, which describe them as the sample's
    dump does; the sample's IRI lands on its landing page for a browser and on its description otherwise."""
    iris = sorted({s for s in sample_graph.subjects(RDF.type, None) if str(s).startswith(W3ID_BASE + "resource/")
                   and (s, None, None) not in published_graph})
    assert len(iris) > 10000
    for iri in iris[::500] + [URIRef(W3ID_BASE + "resource/event/plover-gsr01-agree-0001")]:
        path = iri.removeprefix(W3ID_BASE)
        record = path.split("/")[:3]
        stem = "/".join(record)
        for accept, suffix, fmt in (("text/turtle", ".ttl", "turtle"), ("application/ld+json", ".jsonld", "json-ld"),
                                    ("application/n-triples", ".nt", "nt")):
            where, _, body = follow(apache, path, accept)
            assert where == f"site/{stem}{suffix}", (iri, accept)
            got = Graph().parse(data=body.decode("utf-8"), format=fmt)
            assert set(got.triples((iri, None, None))) == set(sample_graph.triples((iri, None, None))), (iri, accept)
        assert follow(apache, path, "text/html")[:2] == (f"site/{stem}.html", "text/html")
    assert follow(apache, "dataset/plover-gsr", "text/html")[:2] == ("site/plover-gsr.html", "text/html")
    assert follow(apache, "dataset/plover-gsr", "text/turtle")[0] == "plover-gsr/void.ttl"


def test_bad_slugs_are_not_rewritten_into_paths(apache: str) -> None:
    answer = request(f"{apache}/ngo-fp/resource/organization/..%2F..%2Fvoid", Accept="text/turtle")
    assert answer.status in (302, 400, 404)
    if answer.status == 302:  # the catch-all: same path under the hosting, never a resource file
        assert "/site/resource/" not in answer.headers["location"]


def test_every_iri_of_the_dataset_descriptions_lands_on_a_file(apache: str, dist: Path) -> None:
    """The download, landing-page and endpoint URLs of void.ttl are under https://w3id.org/ngo-fp/dist/, and the
    dataset, catalog, agent, distribution and linkset IRIs under /dataset, /catalog and /agent: each must land on a
    file that describes or is it (they went to the hosting's /dist/... and /dataset..., where nothing is)."""
    _, files, described = description_iris(dist)
    assert len(files) > 10 and len(described) > 100
    for iri, path in own_paths(files | described):
        first = request(f"{apache}/ngo-fp/{path}", Accept="text/turtle")
        assert first.status in (302, 303), (iri, first.status)
        landed = request(first.headers["location"], Accept="text/turtle")
        assert landed.status == 200, (iri, first.headers["location"])
        if iri in described and iri not in files:  # a description of it, in Turtle
            assert (URIRef(iri), None, None) in Graph().parse(data=landed.body.decode("utf-8"), format="turtle"), iri
    query = request(f"{apache}/ngo-fp/dist/query?query=ASK%7B%7D", Accept="application/sparql-results+json")
    assert query.status == 302 and query.headers["location"] == f"{apache}/host/query?query=ASK%7B%7D"  # kept


def test_the_readme_counts_the_iris_the_tests_follow(dist: Path) -> None:
    """README.md gives the number of IRIs the publication names, which these tests follow ("(N at this version)"): it
    said 16,367, then 16,411, each true once; the publication named 16,579 when it still said 16,411."""
    said = re.findall(r"\(([0-9,]+) at this version\)", (ROOT / "README.md").read_text(encoding="utf-8"))
    assert len(said) == 1, said
    assert int(said[0].replace(",", "")) == len(minted_iris(dist))


def test_a_post_to_the_endpoint_url_keeps_its_method_and_body(apache: str) -> None:
    """A SPARQL client POSTs its query to the endpoint URL the descriptions give (…/dist/query, SPARQL 1.1 Protocol):
    the rule answers 307, which keeps the method and body; its 302 let clients resend a GET without the query."""
    body = b"query=ASK%7B%7D"
    answer = request(f"{apache}/ngo-fp/dist/query", "POST", body, Content_Type="application/x-www-form-urlencoded")
    assert (answer.status, answer.headers.get("location")) == (307, f"{apache}/host/query")
    get = request(f"{apache}/ngo-fp/dist/query?query=ASK%7B%7D", Accept="application/sparql-results+json")
    assert get.status == 302  # a GET as before


def test_every_iri_the_publication_mints_resolves(apache: str, dist: Path) -> None:
    """Every IRI the publication names (`minted_iris`: the article's and the PLOVER sample's resources, evidence and
    their parts, nanopublications, the ontology, the dataset descriptions' IRIs) ends, through these rules, on a file
    of the publication, for a
    Turtle client and for a browser. The SPARQL endpoint's URL (…/dist/query) is a service, not a file: on the
    static hosting it has nothing to land on (make serve answers it: tests/test_endpoint.py)."""
    iris = [iri for iri in minted_iris(dist) if iri != W3ID_BASE + "dist/query"]
    assert len(iris) > 15000
    for accept in ("text/turtle", "text/html"):
        ends = [(iri, *resolve(f"{apache}/ngo-fp/{iri[len(W3ID_BASE):]}", accept)) for iri in iris]
        assert [(iri, status) for iri, _, status in ends if status != 200] == [], accept
        assert [iri for iri, url, _ in ends if not url.startswith(f"{apache}/host/")] == [], accept
