"""Links to Wikidata and the identifiers IR datasets use, from the hand-verified records in links/.

links/wikidata.csv   one row per verified link: the resource, the item, the item's label and description
                     as seen, where and when the pairing was seen (see links/README.md)
links/candidates.csv resources without a verified item, with the reason
links/ir-codes.csv   ISO 3166-1, UN M49, Correlates of War, Gleditsch–Ward, V-Dem and Polity codes generated with the
                     countrycode library (scripts/link/countrycodes.py), CAMEO and GeoNames codes by hand; all with evidence
links/outside-facts.csv  what public sources other than the article say (full names, acronyms, founding
                     years, seats, websites, the country a city lies in), each published as an nfp:OutsideFact node that names its source
                     (prov:wasDerivedFrom), the date it was read and the words seen: the article's claims are
                     never mixed with them (see links/README.md, "Outside facts")

Linking property: schema:sameAs ("URL of a reference Web page that unambiguously indicates the item's identity.
E.g. the URL of the item's ... Wikidata entry"), declared an annotation property. Not owl:sameAs: our resources
are described from the article's point of view (a state is also a place; "Bolshevik Russia" is the 1920 actor)
while a Wikidata item is described by Wikidata, and owl:sameAs would merge every statement of both into one
individual for an OWL reasoner, so one disagreement (a class, a date) would make the whole graph inconsistent
or wrong. Not skos:exactMatch either: SKOS gives it the domain and range skos:Concept, so with SKOS loaded
every linked state, place, event and organization would be inferred a concept.
"""
from __future__ import annotations

import csv
import datetime
import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import PROV

from ..errors import BuildError
from ..paths import NFP, RES, ROOT, SCHEMA
from .countrycodes import HAND_SCHEMES

LINKS = ROOT / "links"
WD = Namespace("http://www.wikidata.org/entity/")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
QID = re.compile(r"^Q[1-9][0-9]*$")
# A source anyone can open: an http(s) URL; a GitHub file must be pinned to a commit (blob/<40 hex>/path).
SOURCE = re.compile(r"^https?://\S+$")
GITHUB = re.compile(r"^https://github\.com/[^/\s]+/[^/\s]+/blob/[0-9a-f]{40}/\S+$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DECISIONS = ("not-found", "rejected", "demoted", "not-applicable", "not-researched")


def is_day(text: str) -> bool:
    """A real calendar day written YYYY-MM-DD ("2026-02-30" is not one)."""
    if not DATE.match(text):
        return False
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def date_literal(text: str) -> Literal:
    """The one place where a record's date (link checked, source read) becomes RDF."""
    return Literal(text)  # a plain ISO 8601 day: see "Dates and years" in ontology/README.md


def check_evidence(row: "Row", what: str) -> None:
    """Raise a BuildError unless a row of wikidata.csv or a hand-written row of ir-codes.csv names a public source
    (evidence_location), the words seen there (evidence_text) and the day (checked_on)."""
    v = row.values
    check_source(v["evidence_location"].strip(), row, "evidence_location")
    if not v.get("evidence_text", "").strip():
        raise BuildError(f"evidence_text is empty: quote the words that pair the name and the {what}", row.path, row.line)
    if not is_day(v.get("checked_on") or ""):
        raise BuildError(f"checked_on {v.get('checked_on')!r} is not a date (YYYY-MM-DD)", row.path, row.line)


def check_source(url: str, row: "Row", column: str) -> None:
    """Raise a BuildError unless `url` is a public source anyone can follow."""
    if not SOURCE.match(url):
        raise BuildError(f"{column} {url!r} is not a public http(s) URL anyone can open", row.path, row.line)
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
    "ror": (NFP.rorId, XSD.string),
    "cow-igo": (NFP.cowIgoNumber, XSD.integer),
    "cow-igo-abbrev": (NFP.cowIgoAbbreviation, XSD.string),
    "ucdp-actor": (NFP.ucdpActorId, XSD.integer),
    "ucdp-conflict": (NFP.concernsUcdpConflict, XSD.integer),
    # generated by scripts/link/countrycodes.py from the countrycode library (with the ISO, COW and G-W rows above)
    "un-m49": (NFP.unM49Code, XSD.integer),
    "vdem": (NFP.vdemCountryId, XSD.integer),
    "polity5": (NFP.polityCountryCode, XSD.integer),
}


CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz"  # Crockford's base 32: no i, l, o, u


def is_ror_id(code: str) -> bool:
    """A ROR identifier: "0", six Crockford base-32 characters, two check digits (ISO 7064 MOD 97-10 of the number
    the six characters write), as the commonmeta library validates it ("starts with 0 followed by a 6-character
    alphanumeric string which is base32-encoded and a 2-digit checksum", docs.rs/commonmeta/0.6.1, utils::validate_ror,
    read 2026-12-04). Checked against the records of Sakarya University (04ttnw109), Oxford University Press (0336mm561)
    and Turkey's Ministry of Development (02ysx7m49)."""
    if len(code) != 9 or code[0] != "0" or not code[7:].isdigit() or any(c not in CROCKFORD for c in code[1:7]):
        return False
    number = 0
    for c in code[1:7]:
        number = number * 32 + CROCKFORD.index(c)
    return 98 - number * 100 % 97 == int(code[7:])


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
        check_evidence(row, "item")
        g.add((resource, SCHEMA.sameAs, item))
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
        g.add((record, NFP.checkedOn, date_literal(v["checked_on"])))
    seen_codes: set[URIRef] = set()
    for row in rows(folder / "ir-codes.csv"):
        v = row.values
        resource, scheme, code = URIRef(v["resource"]), v["scheme"], v["code"].strip()
        if resource not in described:
            raise BuildError(f"{resource} is not described in instances/", row.path, row.line)
        if scheme not in CODES:
            raise BuildError(f"unknown scheme {scheme!r} (one of {', '.join(CODES)})", row.path, row.line)
        if scheme in HAND_SCHEMES:  # generated rows name the library call instead (scripts/link/countrycodes.py)
            check_evidence(row, "code")
        prop, datatype = CODES[scheme]
        if datatype == XSD.integer and not code.isdigit():
            raise BuildError(f"{scheme} code {code!r} is not a number", row.path, row.line)
        if scheme == "ror" and not is_ror_id(code):
            raise BuildError(f"ror {code!r} is not a ROR identifier (0, six base-32 characters, two check digits, "
                             "as in https://ror.org/04ttnw109)", row.path, row.line)
        g.add((resource, prop, Literal(code, datatype=None if datatype == XSD.string else datatype)))
        if scheme == "geonames":
            g.add((resource, SCHEMA.sameAs, URIRef(f"https://sws.geonames.org/{code}/")))
        if scheme == "ror":
            g.add((resource, SCHEMA.sameAs, URIRef(f"https://ror.org/{code}")))
        record = code_record(resource, scheme, code, prop, v)
        iri = next(record.subjects(RDF.type, NFP.CodeRecord))
        if iri in seen_codes:
            raise BuildError(f"a second {scheme} row for {resource} from the same source: give one row per code and "
                             "source", row.path, row.line)
        seen_codes.add(iri)
        g += record
    g += outside_facts(described, folder)
    return g


def code_record(resource: URIRef, scheme: str, code: str, prop: URIRef, v: dict[str, str]) -> Graph:
    """The nfp:CodeRecord of one ir-codes.csv row: which property carries which code on the resource, where it was
    seen and the words seen there, and for a hand-written row the day. Its IRI names the resource, the scheme and
    the source (the repository of a GitHub file, or the library), as one code may rest on two sources."""
    g = Graph()
    location = v["evidence_location"].strip()
    source = location.split("/")[4] if GITHUB.match(location) else location.split()[0]
    record = RES["code/" + str(resource)[len(str(RES)):].replace("/", "-") + "-" + scheme + "-"
                 + re.sub(r"[^a-z0-9]+", "-", source.lower()).strip("-")]
    g.add((record, RDF.type, NFP.CodeRecord))
    g.add((record, RDFS.label, Literal(f"{scheme} code of {str(resource)[len(str(RES)):]}", lang="en")))
    g.add((record, NFP.linkedResource, resource))
    g.add((record, NFP.codeProperty, prop))
    g.add((record, NFP.code, Literal(code)))
    g.add((record, NFP.evidenceLocation, Literal(location)))
    g.add((record, NFP.evidenceText, Literal(v["evidence_text"])))
    if v.get("checked_on"):
        g.add((record, NFP.checkedOn, date_literal(v["checked_on"])))
    return g


# outside-facts.csv fact -> (property, how the value is written)
FACTS = {
    "full-name": (NFP.fullName, "tagged"),
    "name": (NFP.sourcedName, "tagged"),
    "acronym": (NFP.sourcedAcronym, "plain"),
    "founding-year": (NFP.foundingYear, "year"),
    "seat": (NFP.seat, "tagged"),
    "website": (NFP.website, "uri"),
    "within": (NFP.withinPlace, "place"),
}
LANG = re.compile(r"^[a-z]{2,3}$")
YEAR = re.compile(r"^[12][0-9]{3}$")


def fact_iri(resource: URIRef, fact: str, n: int) -> URIRef:
    return RES["fact/" + str(resource)[len(str(RES)):].replace("/", "-") + f"-{fact}-{n}"]


def outside_facts(described: set[URIRef], folder: Path = LINKS) -> Graph:
    """One nfp:OutsideFact node per row of outside-facts.csv; a row whose resource is not described, whose
    fact is unknown, whose value does not fit the fact or whose source nobody can follow is a BuildError."""
    g = Graph(bind_namespaces="core")
    g.bind("prov", PROV)
    counters: dict[tuple[URIRef, str], int] = {}
    for row in rows(folder / "outside-facts.csv"):
        v = {k: (val or "").strip() for k, val in row.values.items()}
        resource, fact, value, lang = URIRef(v["resource"]), v["fact"], v["value"], v["lang"]
        if resource not in described:
            raise BuildError(f"{resource} is not described in instances/", row.path, row.line)
        if fact not in FACTS:
            raise BuildError(f"unknown fact {fact!r} (one of {', '.join(FACTS)})", row.path, row.line)
        prop, kind = FACTS[fact]
        if not value:
            raise BuildError(f"the {fact} is empty", row.path, row.line)
        if kind == "tagged" and not LANG.match(lang):
            raise BuildError(f"a {fact} needs the language of the name in 'lang' (e.g. tr, en), not {lang!r}",
                             row.path, row.line)
        if kind == "year" and not YEAR.match(value):
            raise BuildError(f"founding-year {value!r} is not a year", row.path, row.line)
        if kind == "uri" and not SOURCE.match(value):
            raise BuildError(f"website {value!r} is not an http(s) URL", row.path, row.line)
        if kind == "place" and URIRef(value) not in described:
            raise BuildError(f"within {value!r} is not a place described in instances/ (give its full IRI)",
                             row.path, row.line)
        check_source(v["source"], row, "source")
        if not v["words_seen"]:
            raise BuildError("words_seen is empty: quote the words of the source that state the fact", row.path, row.line)
        if not is_day(v["read_on"]):
            raise BuildError(f"read_on {v['read_on']!r} is not a date (YYYY-MM-DD)", row.path, row.line)
        words_lang = v.get("words_lang", "")
        if words_lang and not LANG.match(words_lang):
            raise BuildError(f"words_lang {words_lang!r} is not a language (tr, en, ...); leave it empty for a data "
                             "record's text (JSON, XML, a table's row)", row.path, row.line)
        n = counters[(resource, fact)] = counters.get((resource, fact), 0) + 1
        node = fact_iri(resource, fact, n)
        g.add((node, RDF.type, NFP.OutsideFact))
        g.add((node, RDFS.label, Literal(f"{fact} of {str(resource)[len(str(RES)):]} (outside fact {n})", lang="en")))
        g.add((node, NFP.factAbout, resource))
        term = {"tagged": lambda: Literal(value, lang=lang), "plain": lambda: Literal(value),
                "year": lambda: Literal(int(value)), "uri": lambda: Literal(value, datatype=XSD.anyURI),
                "place": lambda: URIRef(value)}[kind]()
        g.add((node, prop, term))
        g.add((node, PROV.wasDerivedFrom, URIRef(v["source"])))
        g.add((node, NFP.wordsSeen, Literal(v["words_seen"], lang=words_lang or None)))
        g.add((node, NFP.readOn, date_literal(v["read_on"])))
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
        if decision == "rejected" and not is_day(v.get("checked_on") or ""):  # the day of its negative mapping (SSSOM)
            raise BuildError(f"checked_on {v.get('checked_on')!r} is not a date (YYYY-MM-DD): a rejected row says when "
                             "the item was seen", row.path, row.line)
        if v.get("source"):
            check_source(v["source"].strip(), row, "source")
        found.append((v["resource"], v["reason"]))
    return found


NAME_PROPS = (SKOS.prefLabel, SKOS.altLabel, NFP.acronym)
ACRONYM = re.compile(r"^[A-ZÇĞİÖŞÜ0-9-]+( \(.*\))?$")  # "TÜSİAD", "UN-HABITAT", "DPT (State Planning Organization)"
UNSOURCED_FIELDS = ["resource", "problem", "name", "lang"]


def instances_of(graph: Graph, cls: URIRef) -> set[URIRef]:
    return {s for (s,) in graph.query("SELECT ?s WHERE { ?s a/<http://www.w3.org/2000/01/rdf-schema#subClassOf>* ?c }",
                                      initBindings={"c": cls})}


def name_audit(graph: Graph, article_text: str, folder: Path = LINKS) -> list[dict[str, str]]:
    """Every organization whose full name neither the article writes (a label that is not an acronym) nor an
    outside source gives (outside-facts.csv), and every name of an organization, a state or a place
    (skos:prefLabel, skos:altLabel, nfp:acronym) that neither the article writes nor an outside source gives
    (a full name, a name or an acronym in outside-facts.csv; the English label a link's evidence shows in
    wikidata.csv), same text and language: the names that came from memory. Sorted by resource, then name."""
    text = " ".join(article_text.split()).casefold()
    sourced: dict[str, set[tuple[str, str]]] = {}
    for row in rows(folder / "outside-facts.csv"):
        v = row.values
        if v["fact"] in ("full-name", "name", "acronym"):
            sourced.setdefault(v["resource"], set()).add((v["value"].strip(), v["lang"].strip()))
    for row in rows(folder / "wikidata.csv"):
        if row.values["wikidata_label"].strip():
            sourced.setdefault(row.values["resource"], set()).add((row.values["wikidata_label"].strip(), "en"))
    full_named = {r.values["resource"] for r in rows(folder / "outside-facts.csv") if r.values["fact"] == "full-name"}
    organizations = instances_of(graph, NFP.Organization)
    found = []
    for org in sorted(organizations | instances_of(graph, NFP.State) | instances_of(graph, NFP.Place)):
        iri = str(org)
        acronyms = {str(a) for a in graph.objects(org, NFP.acronym)}
        in_article = {str(o) for p in (RDFS.label, SKOS.prefLabel, SKOS.altLabel, NFP.nameInSource)
                      for o in graph.objects(org, p)
                      if str(o) not in acronyms and not ACRONYM.match(str(o))
                      and " ".join(str(o).split()).casefold() in text}
        if org in organizations and iri not in full_named and not in_article:
            found.append(dict(resource=iri, problem="no-sourced-full-name", name="", lang=""))
        names = {(str(o), o.language or "") for p in NAME_PROPS for o in graph.objects(org, p)}
        for name, lang in sorted(names):
            if " ".join(name.split()).casefold() in text:
                continue
            if (name, lang) in sourced.get(iri, set()) or (lang == "" and (name, "") in sourced.get(iri, set())):
                continue
            found.append(dict(resource=iri, problem="name-without-source", name=name, lang=lang))
    return found


def write_unsourced(found: list[dict[str, str]], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=UNSOURCED_FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(found)


# "described by source" is P1343: seen as `http://www.wikidata.org/prop/direct/P1343 | described by source` in
# this public file (see links/README.md, "Giving back"); no property id is written from memory.
DESCRIBED_BY_SOURCE = "P1343"
DESCRIBED_BY_SOURCE_SEEN_IN = ("https://github.com/Chiodo53/astronomers/blob/f4ce37365c9031b3d9f70c760e1d61c678fdc3e0/"
                               "Wikidata-liste-proprietes-population.md")
ARTICLE_PLACEHOLDER = "Q_ARTICLE"  # the reviewer puts the article's own item here (found, or created first)
QUICKSTATEMENTS = LINKS / "quickstatements-described-by-source.tsv"


def described_in_body(graph: Graph) -> set[URIRef]:
    """The resources grounded in the article's abstract or body (a quote between "ABSTRACT:" and the reference
    list): what the article describes. A city named only as a place of publication, a publisher, the author's
    university in the affiliation line are grounded in the article, but it says nothing about them."""
    from ..paths import ARTICLE
    from ..validate.grounding import normalize, quotes, source_text

    text = source_text(ARTICLE).normalized
    start, end = text.index("ABSTRACT:"), text.index("REFERENCES")
    return {resource for resource, quote in quotes(graph) if start <= text.find(normalize(quote)) < end}


def quickstatements(graph: Graph, folder: Path = LINKS) -> str:
    """QuickStatements (v1, tab-separated) that would state on every linked Wikidata item the article describes
    (`described_in_body`) that the article describes it. Nothing is sent: a person reviews the file, replaces
    Q_ARTICLE and submits it."""
    described = described_in_body(graph)
    qids = sorted({r.values["qid"] for r in rows(folder / "wikidata.csv") if URIRef(r.values["resource"]) in described},
                  key=lambda q: int(q[1:]))
    return "".join(f"{qid}\t{DESCRIBED_BY_SOURCE}\t{ARTICLE_PLACEHOLDER}\n" for qid in qids)


def main(argv: list[str] | None = None) -> int:
    """`python -m scripts.link.records names` rewrites links/names-unsourced.csv from the instances and the sources;
    `python -m scripts.link.records quickstatements` rewrites links/quickstatements-described-by-source.tsv."""
    import argparse
    import sys

    from ..load import load_sources
    from ..paths import ARTICLE, SOURCE_TEXTS

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("command", choices=["names", "quickstatements"])
    args = parser.parse_args(argv)
    try:
        onto, data, _ = load_sources()
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.command == "quickstatements":
        text = quickstatements(data)
        QUICKSTATEMENTS.write_text(text, encoding="utf-8")
        print(f"{len(text.splitlines())} statements written to {QUICKSTATEMENTS} for a person to review; nothing was sent")
        return 0
    found = name_audit(onto + data, SOURCE_TEXTS[ARTICLE].read_text(encoding="utf-8"))
    write_unsourced(found, LINKS / "names-unsourced.csv")
    missing = sum(1 for f in found if f["problem"] == "no-sourced-full-name")
    print(f"{missing} organizations without a sourced full name, {len(found) - missing} names without a source; "
          f"written to {LINKS / 'names-unsourced.csv'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
