"""The mapped PLOVER sample as a dataset of its own in dist/plover-gsr/: the graph (Turtle, sorted N-Triples),
its VoID/DCAT description (licence CC BY-SA 4.0, as the source data's; attribution to the Open Event Data
Alliance), the licence notice and its own SHA256SUMS. Called by the publication step (scripts/publish/dumps.py) with the folder being
built; the graph is validated first (SHACL violations or unexpected refusals fail the build).
"""
from __future__ import annotations

from pathlib import Path

from rdflib import FOAF, RDF, RDFS, XSD, Graph, Literal, URIRef

from ..errors import BuildError
from ..link import countrycodes
from ..paths import BASE, DCAT, DCT, NFP, ONTOLOGY, RES, SHAPES, SPDX, VOID
from ..publish.describe import (IANA, NGO_FP_CATALOG, TEAM, Agent, add_agent, add_document, add_sha256, sha256,
                                 standard)
from .run import expected_refusals, map_file, unexpected
from .scheme import EXAMPLE

SAMPLE = EXAMPLE / "gsr-sample.json"
EXPECTED_REFUSALS = EXAMPLE / "expected-refusals.txt"
FOLDER = "plover-gsr"
DATASET = URIRef(BASE + "dataset/plover-gsr")
MAIN_DATASET = URIRef(BASE + "dataset")
LICENSE = URIRef("https://creativecommons.org/licenses/by-sa/4.0/")
SOURCE = URIRef("https://github.com/openeventdata/PLOVER/tree/5e0c24fba623f2d8df5ae3c7de7a94dba90d5b6f")
RECORDS_CREATOR = Agent(URIRef("https://github.com/openeventdata"), "Open Event Data Alliance")  # the source's owner
NOTICE = """PLOVER gold-standard records (sample) as Linked Data

The files of this folder are derived from the PLOVER gold-standard records, the PLOVER reference and the
CAMEO-to-PLOVER conversion table of https://github.com/openeventdata/PLOVER (commit
5e0c24fba623f2d8df5ae3c7de7a94dba90d5b6f), {copyright}.
The source says: "{license}"
As a derived work, they are licensed under the same licence:
Creative Commons Attribution-ShareAlike 4.0 International, https://creativecommons.org/licenses/by-sa/4.0/
"""

FILE_DESCRIPTIONS = {  # dct:description of each distribution (DCAT-AP recommends one; the RO-Crate gives it too)
    "plover-gsr.ttl": "The mapped PLOVER records in Turtle: events, actors in qualified participations, locations, "
                      "each record's sentence as the source of evidence quotes, and the PLOVER and CAMEO code schemes.",
    "plover-gsr.nt": "The same graph as plover-gsr.ttl as sorted N-Triples.",
    "LICENSE.txt": "The licence notice: where the records come from, their copyright and licence, and this "
                   "derived work's licence (CC BY-SA 4.0).",
}


def mapped_graph() -> tuple[Graph, dict[str, str]]:
    """Map the sample; fail unless exactly the known malformed records are refused and SHACL finds no violation."""
    from .. import validate
    from ..load import parse
    from ..validate import fastshacl

    mapped = map_file(SAMPLE, dataset=str(DATASET))
    problems = unexpected(mapped.result.refused, expected_refusals(EXPECTED_REFUSALS))
    if problems:
        raise BuildError(f"PLOVER sample: refused records differ from {EXPECTED_REFUSALS.name}: {'; '.join(problems)}", SAMPLE)
    results = fastshacl.validate_graph(mapped.graph, parse(ONTOLOGY), parse(SHAPES))
    violations = [r for r in results if r.severity == "Violation"]
    if violations:
        raise BuildError(f"PLOVER sample: {len(violations)} SHACL violation(s):\n" + validate.summary(violations))
    doc = mapped.result.tables.documentation[0] if mapped.result.tables.documentation else {}
    counts = {"read": str(mapped.result.read), "mapped": str(mapped.result.mapped), "refused": str(len(mapped.result.refused)),
              "events": str(mapped.events), "actors": str(mapped.actors), "joined": str(len(mapped.joined_states)),
              "license": str(doc.get("license", "")), "copyright": str(doc.get("copyright", ""))}
    return mapped.graph, counts


def description(graph: Graph, files: list[Path], root: Path, counts: dict[str, str]) -> Graph:
    g = Graph(bind_namespaces="core")
    for prefix, ns in {"void": VOID, "dcat": DCAT, "dcterms": DCT, "spdx": SPDX, "nfp": NFP, "foaf": FOAF}.items():
        g.bind(prefix, ns)
    d = DATASET
    g.add((d, RDF.type, VOID.Dataset))
    g.add((d, RDF.type, DCAT.Dataset))
    g.add((d, DCT.title, Literal("PLOVER gold-standard event records (sample) in the NGO–Foreign Policy ontology", lang="en")))
    g.add((d, DCT.description, Literal(
        f"{counts['mapped']} of the {counts['read']} records of a sample of the PLOVER gold-standard file (Open Event Data "
        f"Alliance) mapped with RML: {counts['events']} events with their PLOVER event type, mode and context, "
        f"{counts['actors']} actors in qualified source and target participations, locations, and each record's sentence "
        f"as the source of verbatim evidence quotes; PLOVER and CAMEO event codes as SKOS concept schemes. States are "
        f"joined by ISO code with the states of the NGO–Foreign Policy dataset ({counts['joined']} shared); their "
        f"ISO 3166-1, UN M49, COW, Gleditsch–Ward, V-Dem and Polity codes are generated with {countrycodes.library()}. "
        f"{counts['refused']} malformed record(s) refused; the documentation record and placeholder fields (dates) "
        f"are not published as facts. At the SPARQL endpoint it is the named graph <{DATASET}> (FROM or GRAPH it); "
        f"the endpoint's default graph holds the NGO–Foreign Policy dataset, not this one.", lang="en")))
    g.add((d, DCT.license, LICENSE))
    g.add((LICENSE, RDF.type, DCT.LicenseDocument))  # DCAT-AP 3.0.0 (range.ttl) types every value it ranges over
    g.add((LICENSE, RDFS.label, Literal("Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)",
                                        lang="en")))
    if counts["copyright"]:
        g.add((d, DCT.rights, Literal(counts["copyright"], lang="en")))
    g.add((d, DCT.source, SOURCE))
    g.add((SOURCE, RDF.type, DCAT.Dataset))  # the records this dataset is derived from (DCAT-AP: dct:source)
    g.add((SOURCE, DCT.description, Literal("The PLOVER gold-standard event records, the PLOVER reference and the "
                                            "CAMEO-to-PLOVER conversion table, as the repository holds them at this "
                                            "commit.", lang="en")))
    g.add((SOURCE, DCT.title, Literal(f"PLOVER, the Open Event Data Alliance's repository, at commit {SOURCE.rsplit('/', 1)[-1][:7]}", lang="en")))
    g.add((d, DCT.creator, add_agent(g, RECORDS_CREATOR)))  # the records
    g.add((d, DCT.contributor, add_agent(g, TEAM)))  # the mapping
    g.add((d, DCT.conformsTo, standard(g, URIRef(BASE + "ontology"), "NGO–Foreign Policy Ontology (nfp:)")))
    g.add((d, DCT.relation, MAIN_DATASET))
    g.add((d, DCAT.landingPage, add_document(g, URIRef(f"{BASE}dist/site/{FOLDER}.html"))))  # site/sample.py writes it
    g.add((d, VOID.sparqlEndpoint, NGO_FP_CATALOG.sparql_endpoint))  # make serve's: the named graph of DATASET
    g.add((d, VOID.uriSpace, Literal(str(RES))))
    g.add((d, VOID.vocabulary, URIRef(str(NFP))))
    g.add((d, VOID.triples, Literal(len(graph), datatype=XSD.integer)))
    g.add((d, VOID.entities, Literal(len({s for s in graph.subjects() if str(s).startswith(str(RES))}), datatype=XSD.integer)))
    g.add((d, VOID.exampleResource, RES["event/plover-gsr01-agree-0001"]))
    for cls in sorted(set(graph.objects(None, RDF.type))):
        if str(cls).startswith(str(NFP)):
            part = URIRef(f"{d}/class/{str(cls).rsplit('#', 1)[-1]}")
            g.add((d, VOID.classPartition, part))
            g.add((part, VOID["class"], cls))
            g.add((part, VOID.entities, Literal(len(set(graph.subjects(RDF.type, cls))), datatype=XSD.integer)))
    media = {"ttl": "text/turtle", "nt": "application/n-triples", "txt": "text/plain"}
    for path in files:
        rel = path.relative_to(root).as_posix()
        dist = URIRef(f"{d}/distribution/{rel.replace('/', '-')}")
        g.add((d, DCAT.distribution, dist))
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, DCT.title, Literal(rel)))
        g.add((dist, DCT.description, Literal(FILE_DESCRIPTIONS[path.name], lang="en")))
        url = URIRef(f"{BASE}dist/{rel}")
        g.add((dist, DCAT.accessURL, url))  # mandatory in DCAT-AP 3.0.0
        g.add((dist, DCAT.downloadURL, url))
        if path.suffix in (".ttl", ".nt"):
            g.add((d, VOID.dataDump, url))  # as the article's void.ttl names its dumps
        media_type = URIRef(IANA + media[path.suffix.lstrip(".")])  # the same IANA IRIs as the article's void.ttl
        g.add((dist, DCAT.mediaType, media_type))
        g.add((media_type, RDF.type, DCT.MediaType))
        g.add((dist, DCAT.byteSize, Literal(str(path.stat().st_size), datatype=XSD.decimal)))  # DCAT-AP 3.0.0: xsd:decimal
        g.add((dist, DCT.license, LICENSE))
        add_sha256(g, dist, sha256(path))
    g.add((SPDX.checksumAlgorithm_sha256, RDF.type, SPDX.ChecksumAlgorithm))  # as the article's void.ttl types it
    return g


def inputs_key() -> str:
    """A digest of everything the PLOVER dataset is made from: the sample and its mapping files, the ISO codes
    shared with the article (links/), the ontology and shapes, the code and the pinned libraries. The
    article's instances are not among them, so a change to instances/ does not map the sample again."""
    from .. import cache
    from ..link.records import LINKS
    from ..paths import ROOT

    return cache.digest([*cache.files([EXAMPLE, LINKS, ONTOLOGY, SHAPES, ROOT / "scripts"]), *cache.environment()])


def write(root: Path) -> list[Path]:
    """Write dist/plover-gsr/ into the publication folder `root` (a copy of the last one made from the same
    inputs, if kept in the build cache); return the files written."""
    import shutil

    from .. import cache

    key = inputs_key()
    kept = cache.get_folder("plover-gsr", key)
    if kept is not None:
        shutil.copytree(kept, root / FOLDER, ignore=shutil.ignore_patterns(".complete"))
        return sorted(p for p in (root / FOLDER).iterdir() if p.is_file())
    files = make(root)
    cache.put_folder("plover-gsr", key, root / FOLDER)
    return files


def make(root: Path) -> list[Path]:
    """Map, validate and write dist/plover-gsr/ into the publication folder `root`; return the files written."""
    from ..publish.dumps import ntriples
    from .run import write_turtle

    graph, counts = mapped_graph()
    folder = root / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    ttl, nt, notice = folder / "plover-gsr.ttl", folder / "plover-gsr.nt", folder / "LICENSE.txt"
    write_turtle(graph, ttl)
    nt.write_text(ntriples(graph), encoding="utf-8")
    notice.write_text(NOTICE.format(copyright=counts["copyright"], license=counts["license"]), encoding="utf-8")
    files = [ttl, nt, notice]
    void = folder / "void.ttl"
    void.write_text(description(graph, files, root, counts).serialize(format="turtle"), encoding="utf-8")
    files.append(void)
    sums = folder / "SHA256SUMS"
    sums.write_text("".join(f"{sha256(p)}  {p.name}\n" for p in sorted(files)), encoding="utf-8")
    return files + [sums]
