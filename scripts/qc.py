"""Quality-control checks written as SPARQL: each `shapes/qc/*-violation.rq` must return no row."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from .paths import QC


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


def run(check: Check, graph: Graph) -> list[tuple[str, ...]]:
    """The rows the check returns (each one a violation), sorted."""
    rows = graph.query(check.path.read_text(encoding="utf-8"))
    return sorted(tuple("" if v is None else str(v) for v in row) for row in rows)
