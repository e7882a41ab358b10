"""Where everything lives, and the namespaces every step shares."""
from __future__ import annotations

from pathlib import Path

from rdflib import Namespace

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
ONTOLOGY = ROOT / "ontology" / "ngo-fp.ttl"
INSTANCES = ROOT / "instances"
SHAPES = ROOT / "shapes" / "shapes.ttl"
QC = ROOT / "shapes" / "qc"
QUERIES = ROOT / "queries"
DOCS = ROOT / "docs"
DIST = ROOT / "dist"
VERSION_FILE = ROOT / "VERSION"
RELEASES_FILE = ROOT / "ontology" / "releases.tsv"  # the released versions and their logical axioms

BASE = "https://w3id.org/ngo-fp/"
NFP = Namespace(BASE + "ontology#")
RES = Namespace(BASE + "resource/")
ARTICLE_DATASET = BASE + "dataset"  # the datasets' IRIs, also the endpoint's named graphs of their dumps
SAMPLE_DATASET = BASE + "dataset/plover-gsr"
SAMPLE_DUMP = "plover-gsr/plover-gsr.nt"  # the PLOVER sample's N-Triples, in a publication folder
OA = Namespace("http://www.w3.org/ns/oa#")
SCHEMA = Namespace("https://schema.org/")  # schema:sameAs links resources to Wikidata and GeoNames
# Dataset description (DCAT-AP, VoID), shared by the article's and the PLOVER dataset's descriptions.
VOID = Namespace("http://rdfs.org/ns/void#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")
SPDX = Namespace("http://spdx.org/rdf/terms#")
PROV = Namespace("http://www.w3.org/ns/prov#")
C4O = Namespace("http://purl.org/spar/c4o/")

# The article and the verbatim text its quotes are checked against.
ARTICLE = RES["work/bulgur-2023"]
SOURCE_TEXTS = {ARTICLE: SOURCES / "bulgur-2023.txt"}
