"""The Wikidata links, the ROR identifiers and the ontology's alignments to the standard vocabularies, as SSSOM mapping sets
(https://w3id.org/sssom/), the tables that mapping tools read.

Wikidata links (links/wikidata.sssom.tsv):

One row per verified link of links/wikidata.csv, and one negative row (predicate_modifier `Not`) per item that was
found and rejected in links/candidates.csv, so that nobody maps the two again without new evidence. Each row names
where the pairing (or the misfit) was seen (`see_also`), the words seen there or the reason (`comment`) and the day
(`mapping_date`): the same records the graph publishes as `schema:sameAs` with an `nfp:LinkRecord`.

The mapping predicate is `skos:exactMatch`, the one SSSOM tools expect for "the same entity". A row of the table
states a mapping; it adds no triple to the graph, which keeps `schema:sameAs` (see links/README.md for why not
`skos:exactMatch` there). Written with sssom-pydantic; tests/test_mappings.py validates the file with sssom-py, the
reference implementation.

ROR identifiers (links/ror.sssom.tsv): one row per `ror` row of links/ir-codes.csv, the organization mapped to its
https://ror.org/ record, with the record's file (`see_also`), the words seen there (`comment`) and the day: the
same records the graph publishes as `nfp:rorId` and `schema:sameAs` with an `nfp:CodeRecord`.

Alignments (ontology/ngo-fp-alignments.sssom.tsv): one row per axiom of the ontology that places one of its terms
under, or equates it with, a term of another vocabulary (rdfs:subClassOf, rdfs:subPropertyOf, owl:equivalentClass,
owl:equivalentProperty), with the type of the term; the same axioms as the ontology, for tools that read mappings
rather than OWL.
"""
from __future__ import annotations

import datetime
from pathlib import Path

import curies
from rdflib import OWL, RDF, RDFS, Graph, URIRef
from sssom_pydantic import NOT, MappingSet, SemanticMapping, write as write_sssom
from sssom_pydantic.constants import ENTITY_TYPE_LITERAL_TO_REFERENCE

from ..link.records import LINKS, WD, rows
from ..paths import BASE, NFP, RES
from .describe import LICENSE, TEAM

FILE = "links/wikidata.sssom.tsv"
ROR_FILE = "links/ror.sssom.tsv"
ALIGNMENTS = "ontology/ngo-fp-alignments.sssom.tsv"
PREFIXES = {
    "ngofp": str(RES),  # the project's resources: ngofp:state/turkey
    "wikidata": str(WD),
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "semapv": "https://w3id.org/semapv/vocab/",
}
CONVERTER = curies.Converter.from_prefix_map(PREFIXES)
ROR_CONVERTER = curies.Converter.from_prefix_map(
    {"ngofp": str(RES), "ror": "https://ror.org/", "skos": PREFIXES["skos"], "semapv": PREFIXES["semapv"]})
EXACT_MATCH = curies.Reference(prefix="skos", identifier="exactMatch")
MANUAL = curies.Reference(prefix="semapv", identifier="ManualMappingCuration")


def label(graph: Graph, resource: URIRef) -> str | None:
    """The resource's English label in the publication (the first in sorted order, should there be several)."""
    labels = sorted(str(o) for o in graph.objects(resource, RDFS.label) if getattr(o, "language", None) == "en")
    return labels[0] if labels else None


def reference(graph: Graph | None, iri: str, name: str | None = None,
              converter: curies.Converter = CONVERTER) -> curies.NamableReference:
    ref = converter.parse_uri(iri, strict=True)
    if graph is not None:
        name = label(graph, URIRef(iri))
    return curies.NamableReference(prefix=ref.prefix, identifier=ref.identifier, name=name or None)


def mapping_rows(graph: Graph, folder: Path = LINKS) -> list[SemanticMapping]:
    """The verified links (links/wikidata.csv) and the rejected items (links/candidates.csv), sorted."""
    found = [SemanticMapping(
        subject=reference(graph, v["resource"]), predicate=EXACT_MATCH,
        object=reference(None, str(WD[v["qid"].strip()]), v["wikidata_label"]),
        justification=MANUAL, mapping_date=datetime.date.fromisoformat(v["checked_on"]),
        see_also=[v["evidence_location"].strip()], comment=v["evidence_text"])
        for v in (row.values for row in rows(folder / "wikidata.csv"))]
    rejected = [SemanticMapping(
        subject=reference(graph, v["resource"]), predicate=EXACT_MATCH, predicate_modifier=NOT,
        object=reference(None, str(WD[v["qid"].strip()])),
        justification=MANUAL, mapping_date=datetime.date.fromisoformat(v["checked_on"]),
        see_also=[v["source"].strip()] if v["source"].strip() else None, comment=v["reason"])
        for v in (row.values for row in rows(folder / "candidates.csv"))
        if v["decision"] == "rejected" and v["qid"].strip()]
    return sorted(found + rejected, key=lambda m: (m.subject.curie, m.object.curie, m.predicate_modifier or ""))


def ror_rows(graph: Graph, folder: Path = LINKS) -> list[SemanticMapping]:
    """The organizations' ROR identifiers (the `ror` rows of links/ir-codes.csv), sorted."""
    found = [SemanticMapping(
        subject=reference(graph, v["resource"], converter=ROR_CONVERTER), predicate=EXACT_MATCH,
        object=reference(None, "https://ror.org/" + v["code"].strip(), converter=ROR_CONVERTER),
        justification=MANUAL, mapping_date=datetime.date.fromisoformat(v["checked_on"]),
        see_also=[v["evidence_location"].strip()], comment=v["evidence_text"])
        for v in (row.values for row in rows(folder / "ir-codes.csv")) if v["scheme"] == "ror"]
    return sorted(found, key=lambda m: (m.subject.curie, m.object.curie))


AXIOMS = (RDFS.subClassOf, RDFS.subPropertyOf, OWL.equivalentClass, OWL.equivalentProperty)
TERM_TYPES = {OWL.Class: "owl class", OWL.ObjectProperty: "owl object property",  # SSSOM's EntityTypeEnum
              OWL.DatatypeProperty: "owl data property", OWL.AnnotationProperty: "owl annotation property"}


def alignment_rows(ontology: Graph, namespace: str) -> tuple[list[SemanticMapping], curies.Converter]:
    """Every alignment axiom from a term of `namespace` to a named term of another vocabulary, sorted, and the
    prefixes (the ontology's own) to write them with."""
    converter = curies.Converter.from_prefix_map(
        {prefix: str(ns) for prefix, ns in sorted(ontology.namespaces()) if prefix} | {"semapv": PREFIXES["semapv"]})
    rows = []
    for axiom in AXIOMS:
        for term, other in ontology.subject_objects(axiom):
            if not (isinstance(term, URIRef) and str(term).startswith(namespace) and isinstance(other, URIRef)
                    and not str(other).startswith(namespace)):
                continue
            kind = next((t for t in TERM_TYPES if (term, RDF.type, t) in ontology), None)
            rows.append(SemanticMapping(
                subject=curies.NamableReference.from_curie(converter.compress(str(term), strict=True),
                                                           name=label(ontology, term)),
                predicate=curies.Reference.from_curie(converter.compress(str(axiom), strict=True)),
                object=curies.Reference.from_curie(converter.compress(str(other), strict=True)),
                justification=MANUAL,
                subject_type=ENTITY_TYPE_LITERAL_TO_REFERENCE[TERM_TYPES[kind]] if kind else None))
    return sorted(rows, key=lambda m: (m.subject.curie, m.predicate.curie, m.object.curie)), converter


def metadata(file: str, title: str, description: str, see_also: str, version: str,
             modified: str | None) -> MappingSet:
    """A mapping set's header: its id is its dcat:Distribution in void.ttl; version and day are the publication's."""
    return MappingSet(
        id=f"{BASE}dataset/distribution/{file.replace('/', '-')}", title=title, description=description,
        version=version, publication_date=datetime.date.fromisoformat(modified) if modified else None,
        license=str(LICENSE), creator_label=[TEAM.name], see_also=[see_also])


def save(rows: list[SemanticMapping], meta: MappingSet, converter: curies.Converter, folder: Path,
         file: str) -> Path:
    path = folder / file
    with path.open("w", encoding="utf-8", newline="") as out:
        write_sssom(rows, out, metadata=meta, converter=converter)
    return path


def write_alignments(ontology: Graph, folder: Path, version: str, modified: str | None) -> Path:
    """Write the alignments of the ontology under `folder` (the dist/ being written) and return its path."""
    rows, converter = alignment_rows(ontology, str(NFP))
    meta = metadata(
        ALIGNMENTS, "NGO–Foreign Policy Ontology (nfp:): alignments to the standard vocabularies",
        "Each axiom of the ontology that places one of its classes or properties under, or equates it with, a term "
        "of a standard vocabulary it reuses (PROV-O, W3C ORG, SKOS, schema.org and others): the same statements as "
        "the ontology's OWL axioms, curated by hand with the ontology.", f"{BASE}ontology", version, modified)
    return save(rows, meta, converter, folder, ALIGNMENTS)


LINK_SETS = (  # file, title, description, rows, prefixes
    (FILE, "NGOs and foreign policy in Turkey–Azerbaijan relations: links to Wikidata",
     "The resources of Bulgur (2023) as Linked Data that are the same entity as a Wikidata item, and the items found "
     "and rejected (predicate_modifier Not). Each mapping was curated by hand from a public source: see_also is where "
     "the pairing was seen, comment the words seen there (for a rejected item, the reason), mapping_date the day it "
     "was read. The published graph states each link as schema:sameAs.", mapping_rows, CONVERTER),
    (ROR_FILE, "NGOs and foreign policy in Turkey–Azerbaijan relations: links to the Research Organization Registry",
     "The organizations of Bulgur (2023) as Linked Data that are the same organization as a ROR record. Each mapping "
     "was curated by hand from the record's file in ror-community/ror-records: see_also is that file at the commit "
     "read, comment the words seen there, mapping_date the day it was read. The published graph states each link as "
     "nfp:rorId and schema:sameAs.", ror_rows, ROR_CONVERTER),
)


def write(graph: Graph, folder: Path, version: str, modified: str | None) -> list[Path]:
    """Write the Wikidata and ROR mapping sets under `folder` (the dist/ being written) and return their paths."""
    return [save(rows_of(graph), metadata(file, title, description, f"{BASE}dataset", version, modified), converter,
                 folder, file) for file, title, description, rows_of, converter in LINK_SETS]
