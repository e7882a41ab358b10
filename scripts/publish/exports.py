"""Exports for researchers who use R, pandas or Gephi: tidy CSV tables and the actor network as GraphML."""
from __future__ import annotations

import csv
import io
from pathlib import Path
from xml.sax.saxutils import escape

import pyoxigraph as ox
from rdflib import Graph

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
SELECT ?event ?label ?start ?end ?place WHERE {
  ?event a nfp:Event ; rdfs:label ?label .
  OPTIONAL { ?event nfp:startDate ?start }
  OPTIONAL { ?event nfp:endDate ?end }
  OPTIONAL { ?event nfp:place ?place }
}""",
    "citations": """
SELECT ?citation ?pointer ?page_locator ?reference_number ?cited_work ?resolution ?section WHERE {
  ?citation a nfp:InTextCitation ; c4o:hasContent ?pointer ; nfp:resolution ?resolution .
  OPTIONAL { ?citation nfp:pageLocator ?page_locator }
  OPTIONAL { ?citation c4o:denotes/nfp:referenceNumber ?reference_number }
  OPTIONAL { ?citation nfp:citedWork ?cited_work }
  OPTIONAL { ?citation nfp:inSection ?section }
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
SELECT ?resource ?label ?wikidata ?iso3166_alpha2 ?iso3166_alpha3 ?cow_ccode ?cow_abbrev ?gleditsch_ward
       ?cameo_code ?cameo_actor_type ?geonames ?ror ?cow_igo ?cow_igo_abbrev WHERE {
  { SELECT DISTINCT ?resource WHERE {
      { ?resource schema:sameAs ?any } UNION { ?resource nfp:cameoCode ?any } UNION { ?resource nfp:cameoActorType ?any }
      UNION { ?resource nfp:cowStateNumber ?any } } }
  ?resource rdfs:label ?label .
  OPTIONAL { ?resource schema:sameAs ?wikidata FILTER STRSTARTS(STR(?wikidata), "http://www.wikidata.org/entity/") }
  OPTIONAL { ?resource nfp:iso3166Alpha2 ?iso3166_alpha2 }
  OPTIONAL { ?resource nfp:iso3166Alpha3 ?iso3166_alpha3 }
  OPTIONAL { ?resource nfp:cowStateNumber ?cow_ccode }
  OPTIONAL { ?resource nfp:cowStateAbbreviation ?cow_abbrev }
  OPTIONAL { ?resource nfp:gleditschWardNumber ?gleditsch_ward }
  OPTIONAL { ?resource nfp:cameoCode ?cameo_code }
  OPTIONAL { ?resource nfp:cameoActorType ?cameo_actor_type }
  OPTIONAL { ?resource nfp:geonamesId ?geonames }
  OPTIONAL { ?resource nfp:rorId ?ror }
  OPTIONAL { ?resource nfp:cowIgoNumber ?cow_igo }
  OPTIONAL { ?resource nfp:cowIgoAbbreviation ?cow_igo_abbrev }
}""",
}


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
    so that the order never rests on the store's internal order."""
    result = store(graph).query(PREFIXES + TABLES[name])
    body = sorted(tuple("" if v is None else v.value for v in row) for row in result)
    return [v.value for v in result.variables], body


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
        path.write_text(table(graph, name), encoding="utf-8")
        written.append(path)
    path = folder / "actor-network.graphml"
    path.write_text(graphml(graph), encoding="utf-8")
    written.append(path)
    return written
