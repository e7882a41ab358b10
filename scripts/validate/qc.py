"""Quality-control checks written as SPARQL: each `shapes/qc/*-violation.rq` must return no row."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from ..paths import QC


@dataclass(frozen=True)
class Check:
    path: Path
    description: str  # the first comment line of the query

    @property
    def name(self) -> str:
        return self.path.stem


def checks(folder: Path = QC) -> list[Check]:
    out = []
    for path in sorted(folder.glob("*-violation.rq")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        out.append(Check(path, first.lstrip("# ").strip()))
    return out


def store(graph: Graph) -> ox.Store:
    """An Oxigraph store holding `graph`: the checks run there, 20-100 times faster than on rdflib."""
    s = ox.Store()
    s.bulk_load(graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return s


def run(check: Check, graph: Graph | ox.Store) -> list[tuple[str, ...]]:
    """The rows the check returns (each one a violation), sorted; blank nodes show as "_:"."""
    target = graph if isinstance(graph, ox.Store) else store(graph)
    result = target.query(check.path.read_text(encoding="utf-8"))
    def text(term) -> str:
        if term is None:
            return ""
        return "_:" if isinstance(term, ox.BlankNode) else term.value
    return sorted(tuple(text(row[i]) for i in range(len(result.variables))) for row in result)
