"""Parse RDF source files, turning syntax errors into `file:line: problem` messages."""
from __future__ import annotations

import re
from pathlib import Path

from rdflib import Graph

from .errors import BuildError
from .paths import INSTANCES, ONTOLOGY
from .validate.datatypes import strict_rdflib

strict_rdflib()  # before any literal is parsed: ill-typed literals are marked so (see validate/datatypes.py)

FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".trig": "trig", ".rdf": "xml", ".owl": "xml"}


def parse(path: Path, graph: Graph | None = None) -> Graph:
    """Parse one file into `graph` (a new one by default); raise BuildError naming file and line."""
    fmt = FORMATS.get(path.suffix)
    if fmt is None:
        raise BuildError(f"unknown RDF file extension {path.suffix!r}", path)
    graph = Graph(bind_namespaces="core") if graph is None else graph
    try:
        graph.parse(path, format=fmt)
    except FileNotFoundError:
        raise BuildError("file not found", path) from None
    except Exception as exc:  # rdflib raises many types; all are syntax problems here
        message = " ".join(str(exc).split())
        match = re.search(r"at line (\d+)", message) or re.search(r"line (\d+)", message)
        line = int(match.group(1)) if match else None
        why = re.search(r"Bad syntax \((.*?)\) at \^", message)
        raise BuildError(f"syntax error: {why.group(1) if why else message[:300]}", path, line) from None
    return graph


def instance_files(folder: Path = INSTANCES) -> list[Path]:
    """The hand-edited instance files, in a stable order."""
    return sorted(folder.glob("*.ttl"))


def load_sources(ontology: Path = ONTOLOGY, instances: Path = INSTANCES) -> tuple[Graph, Graph, dict[Path, Graph]]:
    """Parse the ontology and every instance file; return (ontology, merged instances, per-file graphs)."""
    onto = parse(ontology)
    per_file = {path: parse(path) for path in instance_files(instances)}
    if not per_file:
        raise BuildError("no instance files (*.ttl) found", instances)
    data = Graph(bind_namespaces="core")
    for g in per_file.values():
        data += g
    for prefix, ns in onto.namespaces():
        data.bind(prefix, ns)
    for g in per_file.values():
        for prefix, ns in g.namespaces():
            data.bind(prefix, ns, override=False)
    return onto, data, per_file
