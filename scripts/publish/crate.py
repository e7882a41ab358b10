"""The publication as an RO-Crate (https://w3id.org/ro/crate/1.3): dist/ro-crate-metadata.json.

Research data repositories and RO-Crate tools (ro-crate-py, the RO-Crate validator, WorkflowHub, Zenodo's RO-Crate
support) read a folder through this one JSON-LD file. It says what void.ttl says, read from it, so that the two
descriptions cannot drift apart: the dcat:Dataset becomes the root data entity (name, description, version, day,
keywords, licence, creator, publisher, landing page, persistent identifier, the article it is derived from), each of
its dcat:Distributions a File (description, media type, byte size, SHA-256, standard), and a dataset published in a
subfolder with a void.ttl of its own (the PLOVER sample, licensed CC BY-SA) a Dataset of its own, with its licence,
sources and files. Written with ResearchObject's rocrate library; the tests check it with the RO-Crate validator.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import FOAF, RDFS, Graph, URIRef

from ..errors import BuildError
from ..paths import DCAT, DCT, PROV, SPDX
from .describe import media_type

if TYPE_CHECKING:
    from rocrate.model.entity import Entity
    from rocrate.rocrate import ROCrate

SPEC = "1.3"
METADATA = "ro-crate-metadata.json"
PROFILE = "https://w3id.org/ro/crate"  # what a client asks for, or a link names, to get a crate's metadata file
MEDIA_TYPE = f'application/ld+json;profile="{PROFILE}"'  # the metadata file's, with JSON-LD's profile parameter
W3ID = "https://w3id.org/"
IDENTIFIER = "#persistent-identifier"  # the root's identifier, a PropertyValue as Science on Schema.org asks

# The description each dataset's void.ttl gets as a File of the crate (it is no distribution of its own dataset).
# The site (written meanwhile by a process of its own) and the top SHA256SUMS (written after this file, and listing
# it) are not described: RO-Crate lets a crate hold files it does not describe, and every File here has its size
# and checksum. The site is the root's `url`.
VOID = ("VoID and DCAT description", "This dataset's description in RDF (VoID and DCAT): statistics, class "
        "partitions, linksets and one distribution per file with its byte size and SHA-256.")
SELF = ("This folder as an RO-Crate 1.3: the dataset, its files with their descriptions, sizes and checksums, "
        "and the PLOVER sample, for research data repositories and RO-Crate tools.")  # what the landing page says of it
SUMS = ("Checksums", "The SHA-256 checksum of every file of this dataset, for `sha256sum -c`.")

# What the crate says of the licences it names (RO-Crate recommends a name and a description of each).
LICENCES = {
    URIRef("https://creativecommons.org/licenses/by/4.0/"): (
        "Creative Commons Attribution 4.0 International (CC BY 4.0)",
        "Anyone may share and adapt the material for any purpose, even commercially, giving appropriate credit."),
    URIRef("https://creativecommons.org/licenses/by-sa/4.0/"): (
        "Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)",
        "Anyone may share and adapt the material for any purpose, even commercially, giving appropriate credit and "
        "distributing contributions under the same licence."),
}


def write(folder: Path, void: Graph, dataset: URIRef, data: Graph, subsets: Iterable[tuple[str, Graph]] = ()) -> Path:
    """Write ro-crate-metadata.json into the publication folder `folder`: the dataset `dataset` as its void.ttl
    (`void`) describes it, the works it is derived from named as `data` titles them, and each of `subsets` (a
    subfolder's path under `folder` ending in "/", and its own void.ttl) as a Dataset of its own."""
    from rocrate.rocrate import ROCrate  # 0.12 s to import, paid only when a publication is written

    crate = ROCrate(version=SPEC)
    root = crate.root_dataset
    describe(crate, root, void, dataset, data)
    catalog = void.value(None, DCAT.dataset, dataset)
    homepage = void.value(catalog, FOAF.homepage) if catalog is not None else None
    for agent in sorted(set(void.objects(dataset, DCT.creator)) | set(void.objects(dataset, DCT.publisher))):
        entity(crate, agent, {"@type": "Organization", "name": str(void.value(agent, FOAF.name)),
                              "url": str(homepage if homepage is not None else agent)})
    entity(crate, dataset, {"@type": "PropertyValue", "name": "Persistent identifier (w3id.org)",
                            "propertyID": W3ID, "value": str(dataset), "url": str(dataset)}, IDENTIFIER)
    local_file(crate, folder, "void.ttl", *VOID)  # the library lists every File in root's hasPart
    for path, sub_void in subsets:
        sub_iri = next(iter(sorted(set(sub_void.subjects(DCAT.distribution, None)))))  # not its dct:source dataset
        part = crate.add_dataset(dest_path=path)
        describe(crate, part, sub_void, sub_iri, data, licence_on_files=True)
        for agent in sorted(set(sub_void.objects(sub_iri, DCT.creator)) | set(sub_void.objects(sub_iri, DCT.contributor))):
            entity(crate, agent, {"@type": "Organization", "name": str(sub_void.value(agent, FOAF.name)), "url": str(agent)})
        licence = {"license": {"@id": str(sub_void.value(sub_iri, DCT.license))}}
        for name, (title, description) in (("void.ttl", VOID), ("SHA256SUMS", SUMS)):
            part.append_to("hasPart", local_file(crate, folder, path + name, title, description, licence))
    # the library lists every data entity in root's hasPart: a subset's files belong to the subset's hasPart alone
    subfolders = tuple(path for path, _ in subsets)
    root["hasPart"] = [part for part in root["hasPart"] if not part.id.startswith(subfolders) or part.id in subfolders]
    crate.metadata.write(folder)
    return folder / METADATA


def describe(crate: ROCrate, entity_: Entity, void: Graph, dataset: URIRef, data: Graph, licence_on_files: bool = False) -> None:
    """Give the crate entity `entity_` what void.ttl says of the dcat:Dataset `dataset`, and add its distributions
    as its Files (each with the dataset's licence too if `licence_on_files`: where it is not the crate's own)."""
    value = lambda p: void.value(dataset, p)  # noqa: E731
    licence = value(DCT.license)
    properties = {
        "name": str(value(DCT.title)),
        "description": str(value(DCT.description)),
        "license": {"@id": str(add_licence(crate, licence))},
    }
    if value(DCT.modified) is not None:
        properties["datePublished"] = str(value(DCT.modified))
    if value(DCAT.version) is not None:
        properties["version"] = str(value(DCAT.version))
    keywords = sorted(str(k) for k in void.objects(dataset, DCAT.keyword))
    if keywords:
        properties["keywords"] = keywords
    if value(DCAT.landingPage) is not None:
        properties["url"] = str(value(DCAT.landingPage))
        properties["cite-as"] = str(dataset)
        properties["identifier"] = {"@id": IDENTIFIER}
    for prop, preds in (("creator", (DCT.creator,)), ("publisher", (DCT.publisher,)), ("contributor", (DCT.contributor,)),
                        ("isBasedOn", (PROV.wasDerivedFrom, DCT.source))):
        targets = sorted({o for p in preds for o in void.objects(dataset, p)})
        if targets:
            properties[prop] = [{"@id": str(t)} for t in targets]
    if value(DCT.rights) is not None:
        properties["copyrightNotice"] = str(value(DCT.rights))
    for key, val in properties.items():
        entity_[key] = val[0] if isinstance(val, list) and len(val) == 1 else val  # RO-Crate 1.3: no singleton arrays
    for work in sorted({*void.objects(dataset, PROV.wasDerivedFrom)}):
        title = data.value(work, DCT.title)
        entity(crate, work, {"@type": "ScholarlyArticle", **({"name": str(title)} if title is not None else {})})
    for source in sorted({*void.objects(dataset, DCT.source)}):
        title = void.value(source, DCT.title)
        entity(crate, source, {"@type": "CreativeWork", "name": str(title if title is not None else source)})
    for dist in sorted(void.objects(dataset, DCAT.distribution)):
        file = add_distribution(crate, void, dist, licence if licence_on_files else None)
        if entity_ is not crate.root_dataset:  # the library lists every File in root's hasPart already
            entity_.append_to("hasPart", file)


def add_distribution(crate: ROCrate, void: Graph, dist: URIRef, licence: URIRef | None) -> Entity:
    """A dcat:Distribution as an RO-Crate File: its path (dct:title) is its @id."""
    value = lambda p: void.value(dist, p)  # noqa: E731
    rel = str(value(DCT.title))
    description = value(DCT.description)
    if description is None:
        raise BuildError(f"{rel} has no dct:description in its void.ttl: an RO-Crate File should have one")
    properties = {
        "name": rel,
        "description": str(description),
        "encodingFormat": str(value(DCAT.mediaType)).rsplit("/media-types/", 1)[-1],
        "contentSize": str(int(value(DCAT.byteSize).toPython())),  # an xsd:decimal in DCAT-AP 3
        "sha256": str(void.value(value(SPDX.checksum), SPDX.checksumValue)),
    }
    standards = sorted(void.objects(dist, DCT.conformsTo))
    if standards:
        refs = [{"@id": str(s)} for s in standards]
        properties["conformsTo"] = refs[0] if len(refs) == 1 else refs
        for s in standards:
            entity(crate, s, {"@type": "CreativeWork", "name": str(void.value(s, RDFS.label))})
    if licence is not None:
        properties["license"] = {"@id": str(licence)}
    return crate.add_file(dest_path=rel, properties=properties)


def local_file(crate: ROCrate, folder: Path, rel: str, name: str, description: str,
               more: dict[str, object] | None = None) -> Entity:
    """A File of the crate that is no dcat:Distribution (a void.ttl, a SHA256SUMS), with its size and checksum."""
    path = folder / rel
    return crate.add_file(dest_path=rel, properties={
        "name": name, "description": description, "encodingFormat": media_type(path), "contentSize": str(path.stat().st_size),
        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(), **(more or {})})


def add_licence(crate: ROCrate, licence: URIRef) -> URIRef:
    if licence not in LICENCES:
        raise BuildError(f"the licence {licence} has no name and description in LICENCES (scripts/publish/crate.py)")
    name, description = LICENCES[licence]
    entity(crate, licence, {"@type": "CreativeWork", "name": name, "description": description})
    return licence


def entity(crate: ROCrate, iri: URIRef | str, properties: dict[str, object], id_: str | None = None) -> None:
    """A contextual entity (an agent, licence, standard, work), added once."""
    id_ = id_ or str(iri)
    if crate.dereference(id_) is None:
        crate.add_jsonld({"@id": id_, **properties})
