"""Links to Wikidata and the identifiers IR datasets use, from the hand-verified records in links/.

links/wikidata.csv   one row per verified link: the resource, the item, the item's label and description
                     as seen, where and when the pairing was seen (see links/README.md)
links/candidates.csv resources without a verified item, with the reason
links/ir-codes.csv   ISO 3166-1, Correlates of War, Gleditsch–Ward, CAMEO and GeoNames codes, with evidence

Linking property: skos:exactMatch, not owl:sameAs. Our resources are described from the article's point of
view (a state is also a place; "Bolshevik Russia" is the 1920 actor) while a Wikidata item is described by
Wikidata: owl:sameAs would merge every statement of both into one individual for an OWL reasoner, so one
disagreement (a class, a date) would make the whole graph inconsistent or wrong. skos:exactMatch says the
two identify the same thing for retrieval and joining, which is what users do with the link, and keeps
reasoning over this graph sound.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef

from .errors import BuildError
from .paths import NFP, RES, ROOT

LINKS = ROOT / "links"
WD = Namespace("http://www.wikidata.org/entity/")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
SCHEMA = Namespace("https://schema.org/")
QID = re.compile(r"^Q[1-9][0-9]*$")
# A source anyone can open: an https URL; a GitHub file must be pinned to a commit (blob/<40 hex>/path).
SOURCE = re.compile(r"^https://\S+$")
GITHUB = re.compile(r"^https://github\.com/[^/\s]+/[^/\s]+/blob/[0-9a-f]{40}/\S+$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DECISIONS = ("not-found", "rejected", "demoted", "not-applicable", "not-researched")


def check_source(url: str, row: "Row", column: str) -> None:
    """Raise a BuildError unless `url` is a public source anyone can follow."""
    if not SOURCE.match(url):
        raise BuildError(f"{column} {url!r} is not a public https URL anyone can open", row.path, row.line)
    if url.startswith("https://github.com/") and not GITHUB.match(url):
        raise BuildError(f"{column} {url!r} names a GitHub file without pinning it to a commit "
                         "(https://github.com/OWNER/REPO/blob/<40-hex commit>/PATH)", row.path, row.line)

# ir-codes.csv scheme -> (property, datatype)
CODES = {
    "iso3166-alpha2": (NFP.iso3166Alpha2, XSD.string),
    "iso3166-alpha3": (NFP.iso3166Alpha3, XSD.string),
    "cow-ccode": (NFP.cowStateNumber, XSD.integer),
    "cow-abbrev": (NFP.cowStateAbbreviation, XSD.string),
    "gleditsch-ward": (NFP.gleditschWardNumber, XSD.integer),
    "cameo-country": (NFP.cameoCode, XSD.string),
    "cameo-actor-type": (NFP.cameoActorType, XSD.string),
    "geonames": (NFP.geonamesId, XSD.string),
}


@dataclass(frozen=True)
class Row:
    path: Path
    line: int
    values: dict[str, str]


def rows(path: Path) -> list[Row]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return [Row(path, reader.line_num, dict(r)) for r in reader]


def record_iri(resource: URIRef, scheme: str) -> URIRef:
    return RES["link/" + str(resource)[len(str(RES)):].replace("/", "-") + "-" + scheme]


def link_graph(described: set[URIRef], folder: Path = LINKS) -> Graph:
    """Triples for every verified link and code; a row naming an undescribed resource or a malformed
    identifier is a BuildError naming the file and line."""
    g = Graph(bind_namespaces="core")
    g.bind("wd", WD)
    seen_items: dict[URIRef, URIRef] = {}
    for row in rows(folder / "wikidata.csv"):
        v = row.values
        resource, qid = URIRef(v["resource"]), v["qid"].strip()
        if resource not in described:
            raise BuildError(f"{resource} is not described in instances/", row.path, row.line)
        if not QID.match(qid):
            raise BuildError(f"malformed Wikidata id {qid!r}", row.path, row.line)
        item = WD[qid]
        if item in seen_items:
            raise BuildError(f"{qid} is already linked to {seen_items[item]}", row.path, row.line)
        seen_items[item] = resource
        check_source(v["evidence_location"].strip(), row, "evidence_location")
        if not v.get("evidence_text", "").strip():
            raise BuildError("evidence_text is empty: quote the words that pair the name and the item", row.path, row.line)
        if not DATE.match(v.get("checked_on", "")):
            raise BuildError(f"checked_on {v.get('checked_on')!r} is not a date (YYYY-MM-DD)", row.path, row.line)
        g.add((resource, SKOS.exactMatch, item))
        record = record_iri(resource, "wikidata")
        g.add((record, RDF.type, NFP.LinkRecord))
        g.add((record, RDFS.label, Literal(f"Wikidata link of {str(resource)[len(str(RES)):]}", lang="en")))
        g.add((record, NFP.linkedResource, resource))
        g.add((record, NFP.linkTarget, item))
        if v.get("wikidata_label"):
            g.add((record, NFP.targetLabel, Literal(v["wikidata_label"], lang="en")))
        if v.get("wikidata_description"):
            g.add((record, NFP.targetDescription, Literal(v["wikidata_description"], lang="en")))
        g.add((record, NFP.evidenceLocation, Literal(v["evidence_location"])))
        g.add((record, NFP.evidenceText, Literal(v["evidence_text"])))
        g.add((record, NFP.checkedOn, Literal(v["checked_on"], datatype=XSD.date)))
    for row in rows(folder / "ir-codes.csv"):
        v = row.values
        resource, scheme, code = URIRef(v["resource"]), v["scheme"], v["code"].strip()
        if resource not in described:
            raise BuildError(f"{resource} is not described in instances/", row.path, row.line)
        if scheme not in CODES:
            raise BuildError(f"unknown scheme {scheme!r} (one of {', '.join(CODES)})", row.path, row.line)
        prop, datatype = CODES[scheme]
        if datatype == XSD.integer and not code.isdigit():
            raise BuildError(f"{scheme} code {code!r} is not a number", row.path, row.line)
        g.add((resource, prop, Literal(code, datatype=None if datatype == XSD.string else datatype)))
        if scheme == "geonames":
            g.add((resource, SKOS.exactMatch, URIRef(f"https://sws.geonames.org/{code}/")))
    return g


def candidates(folder: Path = LINKS) -> list[tuple[str, str]]:
    """(resource, reason) for every resource without a link; a row with an unknown decision, a rejected or
    demoted row without its Q-id, or a source that is not a public URL is a BuildError."""
    found = []
    for row in rows(folder / "candidates.csv"):
        v = row.values
        decision = v.get("decision", "")
        if decision not in DECISIONS:
            raise BuildError(f"decision {decision!r} is not one of {', '.join(DECISIONS)}", row.path, row.line)
        if decision in ("rejected", "demoted") and not QID.match(v.get("qid", "")):
            raise BuildError(f"a {decision} row names the Q-id it is about", row.path, row.line)
        if v.get("source"):
            check_source(v["source"].strip(), row, "source")
        found.append((v["resource"], v["reason"]))
    return found
