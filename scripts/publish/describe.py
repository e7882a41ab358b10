"""The VoID and DCAT-AP 3 description of what dist/ publishes (dist/void.ttl).

One `dcat:Catalog` lists the datasets; each dataset (a `DatasetInfo`, so another dataset such as a second
publication can be described the same way) gets its DCAT-AP properties, its VoID statistics and class
partitions, a `void:Linkset` per link target with the number of links, and one `dcat:Distribution` per
file with download and access URLs, typed media type and licence, byte size and SHA-256 checksum.

Values that DCAT-AP 3.0.0 constrains to a class (licence, media type, agent, standard, document,
checksum algorithm) are typed here, so the file validates against the official shapes on its own
(tests/test_publication.py). The file URLs assume dist/ is served at PUBLIC as `make serve` serves it:
downloads at PUBLIC + path, the site at PUBLIC + "site/index.html", the SPARQL endpoint at PUBLIC + "query".
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import FOAF, RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef

from ..errors import BuildError
from ..paths import BASE, DCAT, DCT, NFP, PROV, RES, ROOT, SCHEMA, SPDX, VOID

OWL_NS = Namespace("http://www.w3.org/2002/07/owl#")

PUBLIC = BASE + "dist/"
CATALOG = URIRef(BASE + "catalog")
SPARQL_SERVICE = URIRef(BASE + "catalog/sparql-service")
LICENSE = URIRef("https://creativecommons.org/licenses/by/4.0/")
SSSOM = URIRef("https://w3id.org/sssom/")
CSVW = URIRef("http://www.w3.org/ns/csvw")
# The standard a published file conforms to, by how its name ends (dct:conformsTo of its distribution).
NANOPUB = URIRef("https://nanopub.net/guidelines/working_draft/")
STANDARDS = {".sssom.tsv": (SSSOM, "Simple Standard for Sharing Ontological Mappings (SSSOM)"),
             "csv-metadata.json": (CSVW, "CSV on the Web (CSVW): Metadata Vocabulary for Tabular Data"),
             "nanopubs.trig": (NANOPUB, "Nanopublication Guidelines")}
IANA = "http://www.iana.org/assignments/media-types/"
MEDIA_TYPES = {
    "ttl": "text/turtle", "nt": "application/n-triples", "jsonld": "application/ld+json",
    "rdf": "application/rdf+xml", "csv": "text/csv", "graphml": "application/graphml+xml",
    "md": "text/markdown", "txt": "text/plain", "tsv": "text/tab-separated-values", "trig": "application/trig",
    "csv-metadata.json": "application/csvm+json",  # by the file's name: a CSVW metadata file (IANA's registration)
    # the site's reference exports (no IANA registration; the types their tools register and ask for)
    "ris": "application/x-research-info-systems", "bib": "text/x-bibtex",
}


# What each file of the dataset is, for a reader choosing what to download: dct:description of its dcat:Distribution
# (DCAT-AP recommends one) and `description` of its File in the RO-Crate (scripts/publish/crate.py). Keyed by the
# path under dist/, with the ontology's version folder written {version}; a published file without one fails the build.
FILE_DESCRIPTIONS = {
    "ngo-fp.ttl": "The whole dataset in Turtle: the ontology, the instances of everything the article says, the "
                  "evidence (each quote as a W3C Web Annotation on the article's text) and the links.",
    "ngo-fp.nt": "The whole dataset as sorted N-Triples, one triple per line (the same triples as ngo-fp.ttl).",
    "ngo-fp.jsonld": "The whole dataset as JSON-LD (the same triples as ngo-fp.ttl), the dataset's prefixes "
                     "as its context (those of context.jsonld).",
    "ngo-fp.rdf": "The whole dataset as RDF/XML (the same triples as ngo-fp.ttl).",
    "context.jsonld": "The JSON-LD context of the dataset's prefixes, for reading ngo-fp.jsonld or writing data in "
                      "its terms.",
    "ontology/ngo-fp-ontology.ttl": "The NGO–Foreign Policy ontology (nfp:), OWL 2 DL, in Turtle: the latest version.",
    "ontology/ngo-fp-ontology.nt": "The NGO–Foreign Policy ontology (nfp:) as sorted N-Triples: the latest version.",
    "ontology/ngo-fp-ontology.jsonld": "The NGO–Foreign Policy ontology (nfp:) as JSON-LD: the latest version.",
    "ontology/ngo-fp-ontology.rdf": "The NGO–Foreign Policy ontology (nfp:) as RDF/XML: the latest version.",
    "ontology/{version}/ngo-fp-ontology.ttl": "The NGO–Foreign Policy ontology (nfp:) in Turtle, as of this version "
                                             "(its version IRI).",
    "ontology/{version}/ngo-fp-ontology.nt": "The NGO–Foreign Policy ontology (nfp:) as sorted N-Triples, as of this "
                                            "version (its version IRI).",
    "ontology/{version}/ngo-fp-ontology.jsonld": "The NGO–Foreign Policy ontology (nfp:) as JSON-LD, as of this "
                                                "version (its version IRI).",
    "ontology/{version}/ngo-fp-ontology.rdf": "The NGO–Foreign Policy ontology (nfp:) as RDF/XML, as of this version "
                                             "(its version IRI).",
    "ontology/{release}/ngo-fp-ontology.ttl": "The NGO–Foreign Policy ontology (nfp:) in Turtle, as released in "
                                             "{release} (its version IRI), an earlier version.",
    "ontology/{release}/ngo-fp-ontology.nt": "The NGO–Foreign Policy ontology (nfp:) as sorted N-Triples, as released "
                                            "in {release} (its version IRI), an earlier version.",
    "ontology/{release}/ngo-fp-ontology.jsonld": "The NGO–Foreign Policy ontology (nfp:) as JSON-LD, as released in "
                                                "{release} (its version IRI), an earlier version.",
    "ontology/{release}/ngo-fp-ontology.rdf": "The NGO–Foreign Policy ontology (nfp:) as RDF/XML, as released in "
                                             "{release} (its version IRI), an earlier version.",
    "ontology/ngo-fp-shapes.ttl": "The SHACL shapes the dataset is validated with, for validating other data "
                                  "described with the ontology.",
    "ontology/ngo-fp-alignments.sssom.tsv": "The ontology's alignments to the standard vocabularies (PROV-O, W3C ORG, "
                                            "FOAF, SKOS, schema.org, OWL-Time, Web Annotation, the SPAR ontologies) as an "
                                            "SSSOM mapping set.",
    "exports/actors.csv": "One row per actor (organizations of each kind, states, persons, collective actors): label, "
                          "class, acronym, Turkish name, where it is based, period and category.",
    "exports/participations.csv": "One row per participation of an actor in an activity, with the actor's role.",
    "exports/events.csv": "One row per event: label, start and end dates and place.",
    "exports/citations.csv": "One row per in-text citation: its pointer as printed, page locator, the cited work and "
                             "how it resolves to the reference list, and its section.",
    "exports/claims.csv": "One row per claim of the article's argument: label, kind, statement and whether it is an "
                          "open question.",
    "exports/claim-links.csv": "One row per link of a claim: what it supports, is supported by, contrasts with, "
                               "explains or concerns, its section, who asserts it and to whom it is attributed.",
    "exports/causal-statements.csv": "One row per causal statement of the argument: cause, direction and effect.",
    "exports/crosswalk.csv": "One row per linked resource with its identifiers elsewhere: Wikidata, ISO 3166-1, "
                             "Correlates of War, Gleditsch–Ward, CAMEO, GeoNames, ROR, UCDP actors and the UCDP conflicts issues concern.",
    "exports/csv-metadata.json": "The tables' CSVW metadata (W3C CSV on the Web): each column's meaning and datatype, "
                                 "the tables' keys and the links between them, for CSVW tools and readers.",
    "exports/actor-network.graphml": "The actor network for Gephi, igraph or networkx: actors and activities as "
                                     "nodes, one edge per participation, with the role.",
    "nanopubs.trig": "The claims of the article's argument as nanopublications, one per claim: the claim (assertion), "
                     "the article and the quoted passages it is derived from (provenance), and who published it, "
                     "when and under which licence (publication info). Each is also at its own IRI, "
                     "https://w3id.org/ngo-fp/nanopub/claim/<slug>.",
    "links/wikidata.csv": "The verified links to Wikidata: item, its label and description, and the evidence "
                          "(where it was seen, the words seen there, the day).",
    "links/candidates.csv": "Resources not linked to Wikidata, with the decision (rejected, not found, ...) and "
                            "why, so that nobody makes the same near-miss link again without new evidence.",
    "links/ir-codes.csv": "The identifiers International Relations datasets use (ISO 3166-1, UN M49, Correlates of "
                          "War state and IGO codes, Gleditsch–Ward, V-Dem, Polity, CAMEO, GeoNames, ROR, UCDP), each with "
                          "where it was seen and the words seen there.",
    "links/countrycode-keys.csv": "The key from which each state's codes are generated with the countrycode "
                                  "library.",
    "links/outside-facts.csv": "What public sources other than the article say about its resources (full names, "
                               "acronyms, founding years, seats, websites, names in other languages), each with its "
                               "source, the day it was read and the words seen there.",
    "links/names-unsourced.csv": "The organizations whose full name no source gives, and the names of "
                                 "organizations, states and places that came from no source.",
    "links/wikidata.sssom.tsv": "The Wikidata links as an SSSOM mapping set (skos:exactMatch, manual curation, "
                                "with their evidence).",
    "links/ror.sssom.tsv": "The ROR (Research Organization Registry) identifiers as an SSSOM mapping set, each with "
                           "the record it was read from.",
}


def file_description(rel: str, version: str) -> str:
    """The description of the published file at `rel` (its path under dist/) in FILE_DESCRIPTIONS."""
    key = rel.replace(f"ontology/{version}/", "ontology/{version}/", 1)
    earlier = re.match(r"ontology/([0-9]+\.[0-9]+\.[0-9]+)/", key)  # an earlier release's folder (dumps.versioned)
    if earlier:
        key = key.replace(earlier.group(0), "ontology/{release}/", 1)
    try:
        return FILE_DESCRIPTIONS[key].replace("{release}", earlier.group(1) if earlier else "")
    except KeyError:
        raise BuildError(f"dist/{rel} has no description: add one to FILE_DESCRIPTIONS in scripts/publish/describe.py") from None


@dataclass(frozen=True)
class Agent:
    iri: URIRef
    name: str


TEAM = Agent(URIRef(BASE + "agent/linked-data-team"), "The NGO–Foreign Policy Linked Data team")
AGENTS = {TEAM.iri: TEAM}  # the agents the ontology and the descriptions name (dcterms:creator), by their IRIs


@dataclass(frozen=True)
class Target:
    """An external dataset this one links to: one void:Linkset counts the links into its URI space."""
    slug: str
    title: str
    uri_space: str
    homepage: URIRef
    predicate: URIRef = SCHEMA.sameAs


@dataclass(frozen=True)
class DatasetInfo:
    iri: URIRef
    title: str
    description: str
    version: str
    modified: str | None  # YYYY-MM-DD
    uri_space: str
    vocabulary: URIRef  # the namespace whose classes get class partitions
    conforms_to: tuple[tuple[URIRef, str], ...]  # (standard, its label)
    derived_from: tuple[URIRef, ...]
    example: URIRef
    keywords: tuple[str, ...]
    dumps: tuple[str, ...]  # paths (relative to dist/) of the complete dump in each format
    landing_page: URIRef = URIRef(PUBLIC + "site/index.html")
    publisher: Agent = TEAM
    creator: Agent = TEAM
    targets: tuple[Target, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class CatalogInfo:
    iri: URIRef
    title: str
    description: str
    homepage: URIRef
    sparql_endpoint: URIRef
    publisher: Agent = TEAM
    creator: Agent = TEAM


WIKIDATA = Target("wikidata", "Wikidata", "http://www.wikidata.org/entity/", URIRef("https://www.wikidata.org/"))
GEONAMES = Target("geonames", "GeoNames", "https://sws.geonames.org/", URIRef("https://www.geonames.org/"))
ROR = Target("ror", "Research Organization Registry (ROR)", "https://ror.org/", URIRef("https://ror.org/"))

NGO_FP_CATALOG = CatalogInfo(
    iri=CATALOG,
    title="NGO–Foreign Policy Linked Data",
    description="Linked Data publications of the NGO–Foreign Policy project: International Relations articles "
                "described with the nfp: ontology, each statement grounded in a verbatim quote of its source.",
    homepage=URIRef(PUBLIC + "site/index.html"),
    sparql_endpoint=URIRef(PUBLIC + "query"),
)


def ngo_fp_dataset(version: str, modified: str | None) -> DatasetInfo:
    """The description of this repository's dataset (Bulgur 2023)."""
    return DatasetInfo(
        iri=URIRef(BASE + "dataset"),
        title="NGOs and foreign policy in Turkey–Azerbaijan relations: Bulgur (2023) as Linked Data",
        description="Everything the article Bulgur, N. (2023), 'The Role of the Interaction between NGOs and Foreign "
                    "Policy in Turkey-Azerbaijan Relations', IJHSSI 12(9), 182-190, says: actors, activities, roles, "
                    "events, places, issues, claims, references and in-text citations, each grounded in a verbatim "
                    "quote of the article.",
        version=version,
        modified=modified,
        uri_space=str(RES),
        vocabulary=URIRef(str(NFP)),
        conforms_to=((URIRef(BASE + "ontology"), "NGO–Foreign Policy Ontology (nfp:)"),),
        derived_from=(RES["work/bulgur-2023"],),
        example=RES["organization/turksam"],
        keywords=("NGOs", "foreign policy", "Turkey", "Azerbaijan", "International Relations", "Linked Data"),
        dumps=("ngo-fp.ttl", "ngo-fp.nt", "ngo-fp.jsonld", "ngo-fp.rdf"),
        targets=(WIKIDATA, GEONAMES, ROR),
    )


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def new_graph() -> Graph:
    g = Graph(bind_namespaces="core")
    for prefix, ns in {"void": VOID, "dcat": DCAT, "dcterms": DCT, "spdx": SPDX, "xsd": XSD, "nfp": NFP,
                       "foaf": FOAF, "prov": PROV, "skos": SKOS}.items():
        g.bind(prefix, ns)
    return g


def add_agent(g: Graph, agent: Agent) -> URIRef:
    g.add((agent.iri, RDF.type, FOAF.Agent))
    g.add((agent.iri, RDF.type, FOAF.Organization))
    g.add((agent.iri, FOAF.name, Literal(agent.name, lang="en")))
    return agent.iri


def add_licence(g: Graph) -> URIRef:
    g.add((LICENSE, RDF.type, DCT.LicenseDocument))
    g.add((LICENSE, RDFS.label, Literal("Creative Commons Attribution 4.0 International (CC BY 4.0)", lang="en")))
    return LICENSE


def add_document(g: Graph, iri: URIRef) -> URIRef:
    g.add((iri, RDF.type, FOAF.Document))
    return iri


def describe_catalog(g: Graph, info: CatalogInfo, datasets: Iterable[DatasetInfo]) -> None:
    """The dcat:Catalog of the datasets, and the SPARQL endpoint as a dcat:DataService serving them."""
    datasets = list(datasets)
    g.add((info.iri, RDF.type, DCAT.Catalog))
    g.add((info.iri, DCT.title, Literal(info.title, lang="en")))
    g.add((info.iri, DCT.description, Literal(info.description, lang="en")))
    g.add((info.iri, DCT.publisher, add_agent(g, info.publisher)))
    g.add((info.iri, DCT.creator, add_agent(g, info.creator)))
    g.add((info.iri, DCT.license, add_licence(g)))
    g.add((info.iri, FOAF.homepage, add_document(g, info.homepage)))
    modified = sorted(d.modified for d in datasets if d.modified)
    if modified:
        g.add((info.iri, DCT.modified, Literal(modified[-1], datatype=XSD.date)))
    service = URIRef(str(info.iri) + "/sparql-service")
    g.add((info.iri, DCAT.service, service))
    g.add((service, RDF.type, DCAT.DataService))
    g.add((service, DCT.title, Literal(f"{info.title}: SPARQL endpoint", lang="en")))
    g.add((service, DCAT.endpointURL, info.sparql_endpoint))
    g.add((service, DCT.conformsTo, standard(g, URIRef("https://www.w3.org/TR/sparql11-protocol/"),
                                             "SPARQL 1.1 Protocol")))
    g.add((service, DCT.license, LICENSE))
    g.add((service, DCT.publisher, info.publisher.iri))
    for d in datasets:
        g.add((info.iri, DCAT.dataset, d.iri))
        g.add((service, DCAT.servesDataset, d.iri))
        g.add((d.iri, VOID.sparqlEndpoint, info.sparql_endpoint))


def standard(g: Graph, iri: URIRef, label: str) -> URIRef:
    g.add((iri, RDF.type, DCT.Standard))
    g.add((iri, RDFS.label, Literal(label, lang="en")))
    return iri


def describe_dataset(g: Graph, info: DatasetInfo, data: Graph, files: list[Path], root: Path) -> None:
    """A dcat:Dataset and void:Dataset: DCAT-AP properties, VoID statistics, linksets and distributions."""
    d = info.iri
    g.add((d, RDF.type, VOID.Dataset))
    g.add((d, RDF.type, DCAT.Dataset))
    g.add((d, RDF.type, PROV.Entity))  # what prov:wasDerivedFrom says of it; a test reads PROV-O itself
    g.add((d, DCT.title, Literal(info.title, lang="en")))
    g.add((d, DCT.description, Literal(info.description, lang="en")))
    g.add((d, DCT.publisher, add_agent(g, info.publisher)))
    g.add((d, DCT.creator, add_agent(g, info.creator)))
    g.add((d, DCT.license, add_licence(g)))
    g.add((d, DCAT.landingPage, add_document(g, info.landing_page)))
    for keyword in info.keywords:
        g.add((d, DCAT.keyword, Literal(keyword, lang="en")))
    for iri, label in info.conforms_to:
        g.add((d, DCT.conformsTo, standard(g, iri, label)))
    for iri in info.derived_from:
        g.add((d, PROV.wasDerivedFrom, iri))
    g.add((d, DCAT.version, Literal(info.version)))
    g.add((d, OWL_NS.versionInfo, Literal(info.version)))
    if info.modified:
        g.add((d, DCT.modified, Literal(info.modified, datatype=XSD.date)))
    g.add((d, VOID.uriSpace, Literal(info.uri_space)))
    g.add((d, VOID.vocabulary, info.vocabulary))
    g.add((d, VOID.exampleResource, info.example))
    for rel in info.dumps:
        g.add((d, VOID.dataDump, URIRef(PUBLIC + rel)))
    statistics(g, d, data, info)
    for target in info.targets:
        linkset(g, info, target, data)
    for path in sorted(files):
        distribution(g, d, path, root, info.version)


def statistics(g: Graph, d: URIRef, data: Graph, info: DatasetInfo) -> None:
    triples = list(data)  # one walk through rdflib's store
    g.add((d, VOID.triples, Literal(len(triples), datatype=XSD.integer)))
    all_subjects = {s for s, _, _ in triples}
    subjects = {s for s in all_subjects if isinstance(s, URIRef) and str(s).startswith(info.uri_space)}
    g.add((d, VOID.entities, Literal(len(subjects), datatype=XSD.integer)))
    g.add((d, VOID.distinctSubjects, Literal(len(all_subjects), datatype=XSD.integer)))
    g.add((d, VOID.properties, Literal(len({p for _, p, _ in triples}), datatype=XSD.integer)))
    classes = sorted({o for _, p, o in triples if p == RDF.type})
    g.add((d, VOID.classes, Literal(len(classes), datatype=XSD.integer)))
    for cls in classes:
        if not str(cls).startswith(str(info.vocabulary)):
            continue
        part = URIRef(f"{d}/class/{str(cls)[len(str(info.vocabulary)):]}")
        g.add((d, VOID.classPartition, part))
        g.add((part, VOID["class"], cls))
        g.add((part, VOID.entities, Literal(len(set(data.subjects(RDF.type, cls))), datatype=XSD.integer)))


def linkset(g: Graph, info: DatasetInfo, target: Target, data: Graph) -> None:
    """A void:Linkset: the links of `info` into the URI space of `target`, with their number."""
    links = [(s, o) for s, o in data.subject_objects(target.predicate)
             if str(o).startswith(target.uri_space) and str(s).startswith(info.uri_space)]
    other = URIRef(f"{info.iri}/target/{target.slug}")
    g.add((other, RDF.type, VOID.Dataset))
    g.add((other, DCT.title, Literal(target.title, lang="en")))
    g.add((other, VOID.uriSpace, Literal(target.uri_space)))
    g.add((other, FOAF.homepage, target.homepage))
    ls = URIRef(f"{info.iri}/linkset/{target.slug}")
    g.add((info.iri, VOID.subset, ls))
    g.add((ls, RDF.type, VOID.Linkset))
    g.add((ls, DCT.title, Literal(f"Links to {target.title}", lang="en")))
    g.add((ls, VOID.subjectsTarget, info.iri))
    g.add((ls, VOID.objectsTarget, other))
    g.add((ls, VOID.linkPredicate, target.predicate))
    g.add((ls, VOID.triples, Literal(len(links), datatype=XSD.integer)))


def media_type(path: Path) -> str:
    """A published file's IANA media type: by its name where MEDIA_TYPES has it, else by its suffix."""
    return MEDIA_TYPES.get(path.name, MEDIA_TYPES.get(path.suffix.lstrip("."), "text/plain"))


def distribution(g: Graph, d: URIRef, path: Path, root: Path, version: str) -> None:
    rel = path.relative_to(root).as_posix()
    dist = URIRef(f"{d}/distribution/{rel.replace('/', '-')}")
    media = URIRef(IANA + media_type(path))
    url = URIRef(PUBLIC + rel)
    g.add((d, DCAT.distribution, dist))
    g.add((dist, RDF.type, DCAT.Distribution))
    g.add((dist, DCT.title, Literal(rel)))
    g.add((dist, DCT.description, Literal(file_description(rel, version), lang="en")))
    g.add((dist, DCAT.accessURL, url))
    g.add((dist, DCAT.downloadURL, url))
    g.add((dist, DCAT.mediaType, media))
    g.add((media, RDF.type, DCT.MediaType))
    for ending, (iri, label) in STANDARDS.items():
        if rel.endswith(ending):
            g.add((dist, DCT.conformsTo, standard(g, iri, label)))
    g.add((dist, DCAT.byteSize, Literal(str(path.stat().st_size), datatype=XSD.decimal)))  # DCAT-AP 3.0.0: xsd:decimal
    g.add((dist, DCT.license, LICENSE))
    add_sha256(g, dist, sha256(path))
    g.add((SPDX.checksumAlgorithm_sha256, RDF.type, SPDX.ChecksumAlgorithm))


SOFTWARE = ("rdflib", "pyoxigraph", "pyshacl", "owlready2")  # what parses, queries, validates and reasons (HermiT)


def add_sha256(g: Graph, subject: URIRef, digest: str) -> None:
    """`subject` spdx:checksum an spdx:Checksum (<subject>/sha256) with the SHA-256 `digest`."""
    checksum = URIRef(f"{subject}/sha256")
    g.add((subject, SPDX.checksum, checksum))
    g.add((checksum, RDF.type, SPDX.Checksum))
    g.add((checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
    g.add((checksum, SPDX.checksumValue, Literal(digest, datatype=XSD.hexBinary)))


def software() -> list[tuple[str, str]]:
    """The pinned libraries the build runs, with the versions installed (PyPI's names)."""
    from importlib.metadata import version

    return [(name, version(name)) for name in SOFTWARE]


def source_name(path: Path) -> str:
    """A source file's path in the repository (its name alone, for a file outside it)."""
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name


def provenance(g: Graph, info: DatasetInfo, inputs: list[tuple[str, str | None]],
               software_: list[tuple[str, str]]) -> None:
    """PROV-O: the build that generated the dataset (prov:wasGeneratedBy a prov:Activity), the source files it used
    (prov:used; each a prov:Entity with its path, and the SHA-256 of those it reads byte for byte, so that a rebuild
    can be checked against the same sources) and the software it ran (prov:wasAssociatedWith a prov:SoftwareAgent:
    the pinned release's PyPI page)."""
    if not inputs and not software_:
        return
    build = URIRef(f"{info.iri}/build")
    g.add((info.iri, PROV.wasGeneratedBy, build))
    g.add((build, RDF.type, PROV.Activity))
    g.add((build, RDFS.label, Literal("The build that made this dataset from its sources (make: scripts/build.py)",
                                      lang="en")))
    g.add((build, PROV.wasAssociatedWith, info.creator.iri))
    g.add((info.creator.iri, RDF.type, PROV.Agent))  # prov:wasAssociatedWith's range, which foaf:Agent does not entail
    for rel, digest in inputs:
        source = URIRef(f"{info.iri}/source/{rel}")
        g.add((build, PROV.used, source))
        g.add((source, RDF.type, PROV.Entity))
        g.add((source, DCT.title, Literal(rel)))
        if digest is not None:
            add_sha256(g, source, digest)
    for name, version in software_:
        agent = URIRef(f"https://pypi.org/project/{name}/{version}/")
        g.add((build, PROV.wasAssociatedWith, agent))
        g.add((agent, RDF.type, PROV.SoftwareAgent))
        g.add((agent, FOAF.name, Literal(f"{name} {version}")))


def description(catalog: CatalogInfo, datasets: list[tuple[DatasetInfo, Graph, list[Path]]], root: Path) -> Graph:
    """The catalog and every dataset with its files (paths under `root`, the dist/ folder being written)."""
    g = new_graph()
    describe_catalog(g, catalog, [info for info, _, _ in datasets])
    for info, data, files in datasets:
        describe_dataset(g, info, data, files, root)
    return g
