"""The release version: strictly ASCII `MAJOR.MINOR.PATCH` (no leading zeros, no other characters), from the
VERSION file or from `make release VERSION=x.y.z`. Anything else is refused before any work is done."""
from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import OWL, Graph, Literal, URIRef

from .errors import BuildError
from .inputs import check_regular_file
from .paths import BASE, RELEASES_FILE, VERSION_FILE

PATTERN = re.compile(r"(?:0|[1-9][0-9]{0,8})\.(?:0|[1-9][0-9]{0,8})\.(?:0|[1-9][0-9]{0,8})", re.ASCII)


def check(version: str, where: Path | str, line: int | None = None) -> str:
    """`version` if it is ASCII MAJOR.MINOR.PATCH, else a BuildError naming where it came from."""
    if not PATTERN.fullmatch(version):
        shown = version if len(version) <= 60 else version[:57] + "..."
        raise BuildError(f"version {shown!r} is not of the form MAJOR.MINOR.PATCH (ASCII digits, e.g. 1.2.3)",
                         where, line)
    return version


def read(path: Path = VERSION_FILE) -> str:
    """The version in the VERSION file: one line, ASCII MAJOR.MINOR.PATCH."""
    check_regular_file(path)  # a FIFO would hang the build (holding its lock), a link would be followed
    try:
        text = path.read_bytes().decode("ascii")
    except FileNotFoundError:
        raise BuildError("file not found", path) from None
    except UnicodeDecodeError:
        raise BuildError("not ASCII: the version must be of the form MAJOR.MINOR.PATCH (e.g. 1.2.3)", path, 1) from None
    return check(text.removesuffix("\n"), path, 1)


@dataclass(frozen=True)
class Release:
    """A released version (ontology/releases.tsv): its day, the commit it was made from and the digest of the
    ontology's logical axioms then (`logical_digest`). Its version IRI resolves to that ontology, never another."""
    version: str
    day: str
    commit: str
    logical_sha256: str


def released(path: Path = RELEASES_FILE) -> dict[str, Release]:
    """The released versions, by version. Each one's ontology is kept as it was (`released_ontology`)."""
    with path.open(encoding="utf-8", newline="") as f:
        return {row["version"]: Release(**row) for row in csv.DictReader(f, delimiter="\t")}


def logical_digest(ontology: Graph) -> str:
    """SHA-256 of the ontology's logical axioms: its N-Triples with blank nodes canonical (rdflib.compare), sorted,
    but the annotation assertions (labels, definitions, dates: no meaning under the OWL 2 Direct Semantics;
    reasoning.logical_ntriples) and the version the build stamps. Two ontologies with the same digest entail the
    same; one whose digest differs from a release's is not that release."""
    from rdflib.compare import to_canonical_graph

    from .validate.reasoning import logical_ntriples

    canonical = to_canonical_graph(ontology)
    lines = sorted(canonical.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines())
    kept = [line for line in logical_ntriples(canonical, "\n".join(line for line in lines if line))
            if line.split(" ", 2)[1] not in STAMPED]
    return hashlib.sha256("\n".join(kept).encode("utf-8")).hexdigest()


def stamp(ontology: Graph, version: str) -> Graph:
    """`ontology` with owl:versionIRI .../ontology/<version> and owl:versionInfo <version> (checked), as built."""
    check(version, "version")
    iri = URIRef(BASE + "ontology")
    ontology.remove((iri, OWL.versionIRI, None))
    ontology.remove((iri, OWL.versionInfo, None))
    ontology.add((iri, OWL.versionIRI, URIRef(f"{BASE}ontology/{version}")))
    ontology.add((iri, OWL.versionInfo, Literal(version)))
    return ontology


def released_ontology(version: str, path: Path = RELEASES_FILE) -> Graph:
    """The ontology of a release as it was released: ontology/releases/<version>.ttl (the file at its commit,
    verbatim), stamped. The build publishes it under ontology/<version>/, where its version IRI resolves."""
    from .load import parse

    return stamp(parse(path.parent / "releases" / f"{version}.ttl"), version)


STAMPED = {f"<{OWL.versionIRI}>", f"<{OWL.versionInfo}>", f"<{OWL.priorVersion}>"}  # not in the source's digest
