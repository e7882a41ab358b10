"""Exports for researchers who use R, pandas or Gephi: tidy CSV tables and the actor network as GraphML."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from xml.sax.saxutils import escape

import pyoxigraph as ox
from rdflib import Graph

from ..errors import BuildError

PREFIXES = """
PREFIX nfp: <https://w3id.org/ngo-fp/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>
PREFIX c4o: <http://purl.org/spar/c4o/>
"""

TABLES = {
    "actors": """
SELECT ?actor ?label ?class ?acronym ?name_tr ?based_in ?period ?category WHERE {
  ?actor a/rdfs:subClassOf* nfp:Actor ; a ?class ; rdfs:label ?label .
  FILTER STRSTARTS(STR(?class), STR(nfp:))
  FILTER NOT EXISTS { ?actor a ?sub . ?sub rdfs:subClassOf+ ?class . FILTER STRSTARTS(STR(?sub), STR(nfp:)) }
  OPTIONAL { ?actor nfp:acronym ?acronym }
  OPTIONAL { ?actor skos:prefLabel ?name_tr FILTER (LANG(?name_tr) = "tr") }
  OPTIONAL { ?actor nfp:basedIn ?based_in }
  OPTIONAL { ?actor nfp:inPeriod ?period }
  OPTIONAL { ?actor nfp:category ?category }
}""",
    "participations": """
SELECT ?participation ?activity ?activity_label ?actor ?actor_label ?role ?role_label WHERE {
  ?activity nfp:participation ?participation ; rdfs:label ?activity_label .
  ?participation nfp:participant ?actor .
  ?actor rdfs:label ?actor_label .
  OPTIONAL { ?participation nfp:role ?role . ?role rdfs:label ?role_label }
}""",
    "events": """
SELECT ?event ?label ?start ?end ?period ?place WHERE {
  ?event a nfp:Event ; rdfs:label ?label .
  OPTIONAL { ?event nfp:startDate ?start }
  OPTIONAL { ?event nfp:endDate ?end }
  OPTIONAL { ?event nfp:inPeriod ?period }
  OPTIONAL { ?event nfp:place ?place }
}""",
    "citations": """
SELECT ?citation ?pointer ?page_locator ?reference_number ?cited_work ?resolution ?section ?functions WHERE {
  ?citation a nfp:InTextCitation ; c4o:hasContent ?pointer ; nfp:resolution ?resolution .
  OPTIONAL { ?citation nfp:pageLocator ?page_locator }
  OPTIONAL { ?citation c4o:denotes/nfp:referenceNumber ?reference_number }
  OPTIONAL { ?citation nfp:citedWork ?cited_work }
  OPTIONAL { ?citation nfp:inSection ?section }
  OPTIONAL { ?citation nfp:citationFunction ?functions }
}""",
    "claims": """
SELECT ?claim ?label ?kind ?statement ?open_question WHERE {
  ?claim a nfp:Claim ; rdfs:label ?label ; nfp:statement ?statement ; nfp:claimKind/rdfs:label ?kind .
  FILTER (LANG(?kind) = "en")
  OPTIONAL { ?claim nfp:openQuestion ?open_question }
}""",
    "claim-links": """
SELECT ?claim ?relation ?target ?target_label WHERE {
  VALUES ?property { nfp:supports nfp:supportedBy nfp:contrastsWith nfp:explains nfp:concerns nfp:inSection
                     nfp:assertedBy nfp:attributedTo }
  ?claim a nfp:Claim ; ?property ?target .
  BIND (STRAFTER(STR(?property), STR(nfp:)) AS ?relation)
  OPTIONAL { ?target rdfs:label ?target_label FILTER (LANG(?target_label) = "en") }
}""",
    "causal-statements": """
SELECT ?statement ?label ?cause ?cause_label ?direction ?effect ?effect_label WHERE {
  ?statement a nfp:CausalStatement ; rdfs:label ?label ; nfp:cause ?cause ; nfp:effect ?effect ;
    nfp:direction/rdfs:label ?direction .
  FILTER (LANG(?direction) = "en")
  OPTIONAL { ?cause rdfs:label ?cause_label FILTER (LANG(?cause_label) = "en") }
  OPTIONAL { ?effect rdfs:label ?effect_label FILTER (LANG(?effect_label) = "en") }
}""",
    "crosswalk": """
SELECT ?resource ?label ?wikidata ?iso3166_alpha2 ?iso3166_alpha3 ?un_m49 ?cow_ccode ?cow_abbrev ?gleditsch_ward
       ?vdem ?polity ?cameo_code ?cameo_actor_type ?geonames ?ror ?cow_igo ?cow_igo_abbrev ?ucdp_actor ?ucdp_conflict WHERE {
  { SELECT DISTINCT ?resource WHERE {
      { ?resource schema:sameAs ?any } UNION { ?resource nfp:cameoCode ?any } UNION { ?resource nfp:cameoActorType ?any }
      UNION { ?resource nfp:cowStateNumber ?any } UNION { ?resource nfp:unM49Code ?any }
      UNION { ?resource nfp:ucdpActorId ?any }
      UNION { ?resource nfp:concernsUcdpConflict ?any } } }
  ?resource rdfs:label ?label .
  OPTIONAL { ?resource schema:sameAs ?wikidata FILTER STRSTARTS(STR(?wikidata), "http://www.wikidata.org/entity/") }
  OPTIONAL { ?resource nfp:iso3166Alpha2 ?iso3166_alpha2 }
  OPTIONAL { ?resource nfp:iso3166Alpha3 ?iso3166_alpha3 }
  OPTIONAL { ?resource nfp:unM49Code ?un_m49 }
  OPTIONAL { ?resource nfp:cowStateNumber ?cow_ccode }
  OPTIONAL { ?resource nfp:cowStateAbbreviation ?cow_abbrev }
  OPTIONAL { ?resource nfp:gleditschWardNumber ?gleditsch_ward }
  OPTIONAL { ?resource nfp:vdemCountryId ?vdem }
  OPTIONAL { ?resource nfp:polityCountryCode ?polity }
  OPTIONAL { ?resource nfp:cameoCode ?cameo_code }
  OPTIONAL { ?resource nfp:cameoActorType ?cameo_actor_type }
  OPTIONAL { ?resource nfp:geonamesId ?geonames }
  OPTIONAL { ?resource nfp:rorId ?ror }
  OPTIONAL { ?resource nfp:cowIgoNumber ?cow_igo }
  OPTIONAL { ?resource nfp:cowIgoAbbreviation ?cow_igo_abbrev }
  OPTIONAL { ?resource nfp:ucdpActorId ?ucdp_actor }
  OPTIONAL { ?resource nfp:concernsUcdpConflict ?ucdp_conflict }
}""",
}

# CSVW (W3C CSV on the Web, https://www.w3.org/TR/tabular-metadata/): what each column of each table holds, written
# to exports/csv-metadata.json, so that a reader (or csvw, R's csvwr, any CSVW processor) knows the columns' meaning
# and types, and checks them. Datatypes: an IRI column is an absolute http(s) anyURI; a date is a year, year-month or
# full date, as the dataset writes it (ISO 8601, checked by the shapes' patterns). A table's columns are its query's
# variables, in order.
IRI = {"base": "anyURI", "format": r"https?://\S+"}
ISO_DATE = {"base": "string", "format": r"-?\d{4}(-\d{2}(-\d{2})?)?"}
TEXT = "string"
COLUMNS: dict[str, dict[str, tuple[object, str]]] = {
    "actors": {
        "actor": (IRI, "The actor: an organization of any kind, a state, a person or a collective actor. An actor has "
                       "one row per combination of its values below."),
        "label": (TEXT, "Its English label (rdfs:label)."),
        "class": (IRI, "Its most specific class in the ontology (nfp:)."),
        "acronym": (TEXT, "Its acronym, as the article or a source gives it (nfp:acronym)."),
        "name_tr": (TEXT, "Its Turkish name (skos:prefLabel in Turkish)."),
        "based_in": (IRI, "Where it is based (nfp:basedIn)."),
        "period": (IRI, "The period it belongs to (nfp:inPeriod)."),
        "category": (IRI, "The category of the article's typology it falls in (nfp:category)."),
    },
    "participations": {
        "participation": (IRI, "The qualified participation: one actor in one activity (nfp:participation)."),
        "activity": (IRI, "The activity."),
        "activity_label": (TEXT, "The activity's English label."),
        "actor": (IRI, "The actor that takes part (nfp:participant)."),
        "actor_label": (TEXT, "The actor's English label."),
        "role": (IRI, "The role the actor has in the activity (nfp:role), where the article says it; one row per role."),
        "role_label": (TEXT, "The role's English label."),
    },
    "events": {
        "event": (IRI, "The event. An event has one row per period and place."),
        "label": (TEXT, "Its English label."),
        "start": (ISO_DATE, "When it began (nfp:startDate): a year, a year and month, or a date."),
        "end": (ISO_DATE, "When it ended (nfp:endDate): a year, a year and month, or a date."),
        "period": (IRI, "The period the article places it in (nfp:inPeriod; the period's resource gives its years)."),
        "place": (IRI, "Where it took place (nfp:place)."),
    },
    "citations": {
        "citation": (IRI, "The in-text citation."),
        "pointer": (TEXT, "The citation as the article prints it (c4o:hasContent)."),
        "page_locator": (TEXT, "The page or pages it points to, as printed (nfp:pageLocator)."),
        "reference_number": ("integer", "The number of the reference-list entry it denotes (nfp:referenceNumber)."),
        "cited_work": (IRI, "The work it cites (nfp:citedWork)."),
        "resolution": (IRI, "How it resolves to the reference list: resolved, loosely resolved or unresolved "
                            "(nfp:resolution)."),
        "section": (IRI, "The section of the article it stands in (nfp:inSection)."),
        "functions": (IRI, "Why the article cites the work there: one CiTO citation property or more, separated by a "
                           "space (nfp:citationFunction; e.g. http://purl.org/spar/cito/citesAsEvidence)."),
    },
    "claims": {
        "claim": (IRI, "The claim: one statement of the article's argument."),
        "label": (TEXT, "Its English label."),
        "kind": (TEXT, "Its kind: the author's argument or conclusion, a cited scholar's view, a definition, a "
                       "finding, a methodological statement or a recommendation (nfp:claimKind)."),
        "statement": (TEXT, "The claim as a sentence (nfp:statement); its quotes are in the RDF dumps."),
        "open_question": (TEXT, "What the article leaves open about it, where it does (nfp:openQuestion)."),
    },
    "claim-links": {
        "claim": (IRI, "The claim."),
        "relation": (TEXT, "The link, an nfp: property: supports (another claim), supportedBy (an in-text citation; "
                           "not the inverse of supports), contrastsWith, explains, concerns, inSection, assertedBy or "
                           "attributedTo."),
        "target": (IRI, "What the claim is linked to: a claim, an in-text citation, an actor, an issue, an event, a "
                        "place, a period, a factor, a section or a person."),
        "target_label": (TEXT, "The target's English label."),
    },
    "causal-statements": {
        "statement": (IRI, "The causal statement (a claim of claims.csv). A statement has one row per cause and effect."),
        "label": (TEXT, "Its English label."),
        "cause": (IRI, "The cause (nfp:cause)."),
        "cause_label": (TEXT, "The cause's English label."),
        "direction": (TEXT, "What the cause does to the effect: increases, decreases, enables or constrains it "
                            "(nfp:direction)."),
        "effect": (IRI, "The effect (nfp:effect)."),
        "effect_label": (TEXT, "The effect's English label."),
    },
    "crosswalk": {
        "resource": (IRI, "The resource: a state, an organization, a place, an event or an issue identified elsewhere."),
        "label": (TEXT, "Its English label."),
        "wikidata": (IRI, "Its Wikidata item (schema:sameAs), verified as links/wikidata.csv records."),
        "iso3166_alpha2": ({"base": "string", "format": "[A-Z]{2}"}, "ISO 3166-1 alpha-2 code."),
        "iso3166_alpha3": ({"base": "string", "format": "[A-Z]{3}"}, "ISO 3166-1 alpha-3 code."),
        "un_m49": ("integer", "UN M49 numeric code of the country or area, as a number (M49 writes it with three "
                              "digits: 31 is 031)."),
        "cow_ccode": ("integer", "Correlates of War state number."),
        "cow_abbrev": ({"base": "string", "format": "[A-Z]{3}"}, "Correlates of War state abbreviation."),
        "gleditsch_ward": ("integer", "Gleditsch–Ward state number."),
        "vdem": ("integer", "V-Dem (Varieties of Democracy) country id."),
        "polity": ("integer", "Polity5 country code."),
        "cameo_code": (TEXT, "CAMEO actor code (country or region)."),
        "cameo_actor_type": (TEXT, "CAMEO actor type (e.g. IGO, NGO)."),
        "geonames": ("integer", "GeoNames id."),
        "ror": ({"base": "string", "format": "0[0-9a-hjkmnp-tv-z]{6}[0-9]{2}"}, "ROR id (Research Organization Registry)."),
        "cow_igo": ("integer", "Correlates of War intergovernmental organization number."),
        "cow_igo_abbrev": (TEXT, "Correlates of War intergovernmental organization abbreviation."),
        "ucdp_actor": ("integer", "UCDP actor id (Uppsala Conflict Data Program Actor Dataset; the side ids of its "
                                  "conflict data)."),
        "ucdp_conflict": ("integer", "UCDP conflict id (UCDP/PRIO Armed Conflict Dataset) of an armed conflict the "
                                     "issue concerns, not the issue itself (nfp:concernsUcdpConflict)."),
    },
}
TABLE_TITLES = {
    "actors": "Actors", "participations": "Participations of actors in activities, with their roles",
    "events": "Events", "citations": "In-text citations", "claims": "Claims of the argument",
    "claim-links": "Links of the claims", "causal-statements": "Causal statements of the argument",
    "crosswalk": "Identifier crosswalk",
}
SEPARATORS = {("citations", "functions"): " "}  # cells that hold a list (CSVW's separator)
PRIMARY_KEYS = {"claims": ["claim"], "citations": ["citation"], "crosswalk": ["resource"],
                "claim-links": ["claim", "relation", "target"]}
FOREIGN_KEYS = {"claim-links": ("claim", "claims", "claim"), "causal-statements": ("statement", "claims", "claim")}
CSVW = "csv-metadata.json"


def csvw_metadata() -> dict[str, object]:
    """The CSVW metadata of the tables (a TableGroup), as COLUMNS describes them."""
    tables = []
    for name in TABLES:
        schema: dict[str, object] = {"columns": [
            {"name": column, "titles": column, "datatype": datatype, "dc:description": description}
            | ({"separator": SEPARATORS[name, column]} if (name, column) in SEPARATORS else {})
            for column, (datatype, description) in COLUMNS[name].items()]}
        if name in PRIMARY_KEYS:
            schema["primaryKey"] = PRIMARY_KEYS[name]
        if name in FOREIGN_KEYS:
            column, table, key = FOREIGN_KEYS[name]
            schema["foreignKeys"] = [{"columnReference": column, "reference": {"resource": f"{table}.csv",
                                                                                "columnReference": key}}]
        tables.append({"url": f"{name}.csv", "dc:title": TABLE_TITLES[name], "tableSchema": schema})
    return {"@context": "http://www.w3.org/ns/csvw", "dc:title": "The tables of the NGO–Foreign Policy dataset",
            "dc:license": {"@id": "https://creativecommons.org/licenses/by/4.0/"},
            "dialect": {"header": True, "encoding": "utf-8", "lineTerminators": ["\n"]}, "tables": tables}


Source = Graph | ox.Store


def store(source: Source, ntriples: bytes | None = None) -> ox.Store:
    """The tables are asked of an Oxigraph store (rdflib's SPARQL engine took 2 s for them here); `ntriples`:
    the graph `source` as N-Triples, if already written."""
    if isinstance(source, ox.Store):
        return source
    loaded = ox.Store()
    text = ntriples if ntriples is not None else source.serialize(format="nt", encoding="utf-8")
    loaded.bulk_load(text, format=ox.RdfFormat.N_TRIPLES)
    return loaded


def rows(graph: Source, name: str) -> tuple[list[str], list[tuple[str, ...]]]:
    """The header and the rows of one table, sorted on all columns from left to right (an empty cell first),
    so that the order never rests on the store's internal order. A list column (SEPARATORS) is one cell per row:
    the rows that differ in it alone are folded into one, its values sorted and joined by the separator."""
    result = store(graph).query(PREFIXES + TABLES[name])
    header = [v.value for v in result.variables]
    return header, fold(name, header, [tuple("" if v is None else v.value for v in row) for row in result])


def fold(name: str, header: list[str], body: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The rows of table `name` sorted, those that differ only in a list column folded into one."""
    for column, separator in ((c, sep) for (table, c), sep in SEPARATORS.items() if table == name):
        i = header.index(column)
        folded: dict[tuple[str, ...], set[str]] = {}
        for row in body:
            folded.setdefault(row[:i] + row[i + 1:], set()).add(row[i])
        body = [key[:i] + (separator.join(sorted(v for v in values if v)),) + key[i:] for key, values in folded.items()]
    return sorted(body)


def table(graph: Source, name: str) -> str:
    header, body = rows(graph, name)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(body)
    return out.getvalue()


def graphml(graph: Source) -> str:
    """Actors and activities as nodes, one edge per participation (with the role as an attribute)."""
    header, body = rows(graph, "participations")
    records = [dict(zip(header, row)) for row in body]
    nodes: dict[str, tuple[str, str]] = {}
    for r in records:
        nodes[r["actor"]] = (r["actor_label"], "actor")
        nodes[r["activity"]] = (r["activity_label"], "activity")
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
        '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
        '  <key id="kind" for="node" attr.name="kind" attr.type="string"/>',
        '  <key id="role" for="edge" attr.name="role" attr.type="string"/>',
        '  <graph id="actor-network" edgedefault="directed">',
    ]
    for iri, (lbl, kind) in sorted(nodes.items()):
        lines.append(f'    <node id="{escape(iri)}"><data key="label">{escape(lbl)}</data><data key="kind">{kind}</data></node>')
    for r in records:
        lines.append(f'    <edge id="{escape(r["participation"])}{"#" + escape(r["role"]) if r["role"] else ""}" source="{escape(r["actor"])}" '
                     f'target="{escape(r["activity"])}"><data key="role">{escape(r["role_label"])}</data></edge>')
    lines += ["  </graph>", "</graphml>", ""]
    return "\n".join(lines)


def write(graph: Source, folder: Path) -> list[Path]:
    graph = store(graph)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in TABLES:
        path = folder / f"{name}.csv"
        text = table(graph, name)
        header = text.split("\n", 1)[0].split(",")
        if header != list(COLUMNS[name]):
            raise BuildError(f"exports/{name}.csv has the columns {header}, its CSVW description (COLUMNS in "
                             f"scripts/publish/exports.py) {list(COLUMNS[name])}")
        path.write_text(text, encoding="utf-8")
        written.append(path)
    path = folder / CSVW
    path.write_text(json.dumps(csvw_metadata(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    written.append(path)
    path = folder / "actor-network.graphml"
    path.write_text(graphml(graph), encoding="utf-8")
    written.append(path)
    return written
