"""The search and browse index (one record per resource: names in every language, acronyms, kinds, quotes and
the facets NGO group, country and period), the browse page and the landing page. Search runs in the browser
with MiniSearch (vendored), over `assets/data/resources.js`, so it works offline and from file://. The landing
page embeds the dataset's schema.org description as JSON-LD, made from void.ttl by dataset-schemaorg.rq."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from pyld import jsonld
from rdflib import RDFS, Graph, Literal, URIRef

from ...paths import NFP, RES, SAMPLE_DUMP
from .. import crate
from ..describe import PUBLIC
from . import sample
from .model import EVIDENCE, SKOS, Model
from .pages import in_script

NAME_PROPS = (SKOS.prefLabel, RDFS.label, SKOS.altLabel, NFP.acronym, NFP.nameInSource)
FACETS = {"group": (NFP.memberOfGroup, NFP.category), "country": (NFP.basedIn,), "period": (NFP.inPeriod,)}
KIND_NAMES = {  # the folder of a resource IRI, as a heading
    "activity": "Activities", "citation": "In-text citations", "claim": "Claims", "concept": "Concepts",
    "code": "Code records", "event": "Events", "fact": "Outside facts", "factor": "Factors", "group": "Groups of actors",
    "issue": "Issues", "link": "Link records",
    "organization": "Organizations", "participation": "Participations", "period": "Periods", "person": "Persons",
    "place": "Places", "reference": "References", "role": "Roles", "scheme": "Typologies", "section": "Sections",
    "state": "States", "work": "Works", "evidence": "Evidence quotes"}


def kind(iri: URIRef) -> str:
    return str(iri)[len(str(RES)):].split("/", 1)[0]


def documents(model: Model) -> list[dict[str, object]]:
    docs = []
    for iri in model.pages():
        if str(iri).startswith(EVIDENCE):
            continue
        names = sorted({str(o) for p in NAME_PROPS for o in model.objects(iri, p) if isinstance(o, Literal)})
        quotes = [model.evidence_quote(ev) for ev in model.evidence_of(iri)]
        classes = model.type_closure(iri)
        doc: dict[str, object] = {
            "id": len(docs), "path": model.page_path(iri), "kind": kind(iri), "iri": str(iri),
            "label": model.label(iri, "en"), "tr": model.turkish(iri) or "", "names": " · ".join(names),
            "types": sorted(model.label(t) for t in model.types(iri)),
            "classes": sorted(str(c)[len(str(NFP)):] for c in classes if str(c).startswith(str(NFP))),
            "quotes": " … ".join(quotes),
        }
        for facet, props in FACETS.items():
            doc[facet] = sorted({model.label(o) for p in props for o in model.objects(iri, p)})
        docs.append(doc)
    return docs


def script(docs: list[dict[str, object]]) -> str:
    return "window.NFP_RESOURCES = " + json.dumps(docs, ensure_ascii=False, sort_keys=True, indent=0) + ";\n"


def kinds(docs: list[dict[str, object]]) -> list[dict[str, object]]:
    counts = Counter(str(d["kind"]) for d in docs)
    return [{"kind": k, "name": KIND_NAMES.get(k, k.title()), "count": n}
            for k, n in sorted(counts.items(), key=lambda kv: KIND_NAMES.get(kv[0], kv[0]))]


def context(model: Model, docs: list[dict[str, object]]) -> dict[str, object]:
    return {"kinds": kinds(docs), "total": len(docs)}


SCHEMA_ORG = Path(__file__).with_name("dataset-schemaorg.rq")
# IRIs that these engines read as plain URLs: compacted to strings rather than {"@id": ...}
SCHEMA_ORG_CONTEXT = {"@vocab": "https://schema.org/", **{term: {"@type": "@id"} for term in
                                                           ("url", "license", "contentUrl", "isBasedOn")}}


def no_remote_documents(url: str, options: dict) -> dict:
    raise ValueError(f"the schema.org description asked for a remote JSON-LD document: {url}")


def dataset_jsonld(void: Graph) -> str:
    """The dataset as schema.org JSON-LD (a Dataset with its DataDownloads, creator and catalog nested in it),
    from the DCAT-AP description; the same description gives the same bytes."""
    described = void.query(SCHEMA_ORG.read_text(encoding="utf-8")).graph
    ntriples = "".join(sorted(described.serialize(format="nt").splitlines(keepends=True)))  # arrays in a fixed order
    expanded = jsonld.from_rdf(ntriples, {"format": "application/n-quads"})
    framed = jsonld.frame(expanded, {"@context": SCHEMA_ORG_CONTEXT, "@type": "Dataset", "@embed": "@always"},
                          {"documentLoader": no_remote_documents})
    return json.dumps(framed, ensure_ascii=False, sort_keys=True, indent=1)


SIGNPOSTS = """
PREFIX dcat: <http://www.w3.org/ns/dcat#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX void: <http://rdfs.org/ns/void#>
SELECT ?dataset ?license ?dump ?media WHERE {
  ?dataset a dcat:Dataset ; dcterms:license ?license ; void:dataDump ?dump ; dcat:distribution ?distribution .
  ?distribution dcat:downloadURL ?dump ; dcat:mediaType ?media .
} ORDER BY ?dump"""


def signposts(void: Graph, public: str) -> list[dict[str, str]]:
    """The landing page's FAIR Signposting links (https://signposting.org/FAIR/): the dataset's persistent identifier
    (cite-as), its kind (type), its descriptions (describedby: void.ttl, and the RO-Crate metadata file with the
    RO-Crate profile, the link by which ResearchObject/ro-crate issue #160 finds a crate from its persistent
    identifier), its content (item: the four dumps, each
    with its media type) and its licence, as void.ttl gives them. Files are linked relative to the page, so that
    the links hold wherever dist/ is served; `public` is the URL void.ttl gives dist/."""
    rows = list(void.query(SIGNPOSTS))
    (dataset,), (license,) = {r[0] for r in rows}, {r[1] for r in rows}
    return [{"rel": "cite-as", "href": str(dataset), "type": ""},
            {"rel": "type", "href": "https://schema.org/Dataset", "type": ""},
            {"rel": "type", "href": "https://schema.org/AboutPage", "type": ""},
            {"rel": "describedby", "href": "../void.ttl", "type": "text/turtle"},
            {"rel": "describedby", "href": "../" + crate.METADATA, "type": crate.MEDIA_TYPE},
            *({"rel": "item", "href": "../" + str(dump).removeprefix(public),
               "type": str(media).split("/media-types/", 1)[1]} for _, _, dump, media in rows),
            {"rel": "license", "href": str(license), "type": ""}]


def landing(model: Model, docs: list[dict[str, object]], dist: Path) -> dict[str, object]:
    sums = dict(reversed(line.split("  ", 1)) for line in (dist / "SHA256SUMS").read_text().splitlines())
    described = {e["@id"]: e.get("description", "") for e in
                 json.loads((dist / crate.METADATA).read_text(encoding="utf-8"))["@graph"]}  # what each file holds
    described[crate.METADATA] = crate.SELF
    downloads = [{"name": name, "size": (dist / name).stat().st_size, "sha256": digest, "about": described[name]}
                 for name, digest in sorted(sums.items())]
    void = Graph().parse(dist / "void.ttl", format="turtle")
    return {"kinds": kinds(docs), "total": len(docs), "downloads": downloads, "signposts": signposts(void, PUBLIC),
            "dataset_jsonld": in_script(dataset_jsonld(void)),
            "sample": sample.PAGE if (dist / SAMPLE_DUMP).is_file() else None}
