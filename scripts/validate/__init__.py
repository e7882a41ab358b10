"""SHACL validation (pyshacl, with the ontology for RDFS inference) and a readable summary of its report."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from pyshacl import validate as pyshacl_validate
from rdflib import RDF, Graph, Namespace, URIRef

SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True, order=True)
class Result:
    severity: str  # "Violation", "Warning" or "Info"
    shape: str
    component: str
    focus: str
    path: str
    message: str
    value: str


def shacl(data: Graph, ontology: Graph, shapes: Graph) -> tuple[list[Result], Graph]:
    """Validate `data` against `shapes` with `ontology` mixed in; return results and report graph.

    The ontology is mixed in, so targets and sh:class follow rdfs:subClassOf as SHACL specifies, but no
    RDFS inference runs: it would type every object of a property from the property's range (every
    nfp:participant an actor), so a sh:class constraint equal to a range could never fail.
    """
    from .datatypes import retyped, strict_rdflib

    strict_rdflib()
    _, report, _ = pyshacl_validate(
        retyped(data), shacl_graph=shapes, ont_graph=ontology, inference="none",
        allow_warnings=True, advanced=False, do_owl_imports=False,
    )
    results = []
    for node in report.subjects(RDF.type, SH.ValidationResult):
        def one(pred: URIRef) -> str:
            value = report.value(node, pred)
            return "" if value is None else str(value)
        results.append(Result(
            severity=one(SH.resultSeverity).rsplit("#", 1)[-1],
            shape=one(SH.sourceShape),
            component=one(SH.sourceConstraintComponent).rsplit("#", 1)[-1],
            focus=one(SH.focusNode),
            path=one(SH.resultPath),
            message=one(SH.resultMessage),
            value=one(SH.value),
        ))
    return sorted(results), report


def summary(results: list[Result], examples: int = 3, origin: dict[str, Path] | None = None) -> str:
    """Results grouped by severity, shape and message, with counts and a few example focus nodes (with the
    file each came from, when `origin` tells)."""
    from ..errors import display

    groups: dict[tuple[str, str, str], list[Result]] = defaultdict(list)
    for r in results:
        groups[(r.severity, r.shape, r.message)].append(r)
    lines = []
    for (severity, shape, message), rs in sorted(groups.items(), key=lambda kv: (-EXIT_CODES.get(kv[0][0], 0), kv[0])):
        focus = sorted({r.focus for r in rs})[:examples]
        shown = ", ".join(f"{f} ({display(origin[f])})" if origin and f in origin else f for f in focus)
        lines.append(f"  {severity} ×{len(rs)} [{shape.rsplit('#', 1)[-1]}] {message}\n      e.g. {shown}")
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# Validate anything: `python -m scripts.validate PATH...` (and `make validate DATA=PATH`)
# ---------------------------------------------------------------------------
EXIT_CODES = {"": 0, "Info": 1, "Warning": 2, "Violation": 3}
INPUT_ERROR = 4


def data_files(paths: list[Path]) -> list[Path]:
    """The RDF files named, and those inside the folders named, in a stable order."""
    from ..load import FORMATS

    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix in FORMATS and p.is_file())
        else:
            found.append(path)
    return found


def load_data(files: list[Path]) -> tuple[Graph, dict[str, Path]]:
    """Merge the files (TriG: every graph of the dataset) and remember which file described each subject."""
    from rdflib import Dataset

    from ..load import parse

    merged, origin = Graph(bind_namespaces="core"), {}
    for path in files:
        if path.suffix == ".trig":
            ds = Dataset()
            try:
                ds.parse(path, format="trig")
            except Exception as exc:
                from ..errors import BuildError
                raise BuildError(f"syntax error: {' '.join(str(exc).split())[:300]}", path) from None
            g = Graph()
            for s, p, o, _ in ds.quads((None, None, None, None)):
                g.add((s, p, o))
        else:
            g = parse(path)
        for s in g.subjects():
            origin.setdefault(str(s), path)
        merged += g
    return merged, origin


def report_graph(results: list[Result]) -> Graph:
    """A SHACL validation report (sh:ValidationReport) built from results, for the fast path."""
    from rdflib import XSD, BNode, Literal

    g = Graph(bind_namespaces="core")
    g.bind("sh", SH)
    report = BNode("report")
    g.add((report, RDF.type, SH.ValidationReport))
    g.add((report, SH.conforms, Literal(not any(r.severity == "Violation" for r in results), datatype=XSD.boolean)))
    for i, r in enumerate(results):
        node = BNode(f"r{i}")
        g.add((report, SH.result, node))
        g.add((node, RDF.type, SH.ValidationResult))
        g.add((node, SH.resultSeverity, SH[r.severity]))
        g.add((node, SH.focusNode, URIRef(r.focus) if r.focus.startswith("http") else Literal(r.focus)))
        g.add((node, SH.sourceConstraintComponent, SH[r.component]))
        g.add((node, SH.sourceShape, URIRef(r.shape)))
        g.add((node, SH.resultMessage, Literal(r.message)))
        if r.path:
            g.add((node, SH.resultPath, URIRef(r.path)))
    return g


def report_json(results: list[Result], origin: dict[str, Path]) -> str:
    import json

    return json.dumps({
        "conforms": not any(r.severity == "Violation" for r in results),
        "counts": {sev: sum(1 for r in results if r.severity == sev) for sev in ("Violation", "Warning", "Info")},
        "results": [dict(severity=r.severity, shape=r.shape, component=r.component, focus=r.focus, path=r.path,
                         message=r.message, value=r.value, file=str(origin.get(r.focus, ""))) for r in results],
    }, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    import argparse
    import sys
    import time

    from ..errors import BuildError
    from ..load import parse
    from ..paths import ONTOLOGY, SHAPES

    parser = argparse.ArgumentParser(description="Validate RDF files or folders (Turtle, N-Triples, JSON-LD, TriG, "
                                     "RDF/XML) against the nfp: ontology and shapes. Exit code: 0 conforms without "
                                     "remarks, 1 info, 2 warnings, 3 violations, 4 unreadable input.")
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--report-ttl", type=Path, help="write the SHACL validation report as Turtle")
    parser.add_argument("--report-json", type=Path, help="write the results as JSON")
    parser.add_argument("--examples", type=int, default=3, help="example focus nodes shown per group")
    parser.add_argument("--fast", action="store_true", help="validate with the shapes compiled to SPARQL on Oxigraph "
                        "(for large data; same verdicts as pyshacl, checked by the tests)")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    try:
        files = data_files(args.paths)
        if not files:
            raise BuildError("no RDF files found", args.paths[0])
        if args.fast:
            from .. import fastshacl
            results = fastshacl.run(fastshacl.load_store(files, parse(ONTOLOGY)), fastshacl.compile_shapes(parse(SHAPES)))
            report, origin = report_graph(results), {}
            data = None
        else:
            data, origin = load_data(files)
            results, report = shacl(data, parse(ONTOLOGY), parse(SHAPES))
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return INPUT_ERROR
    if args.report_ttl:
        report.serialize(args.report_ttl, format="turtle")
    if args.report_json:
        args.report_json.write_text(report_json(results, origin), encoding="utf-8")
    size = f"{len(data)} triples from " if data is not None else ""
    print(f"{size}{len(files)} file(s) validated in {time.perf_counter() - start:.1f} s")
    if results:
        print(summary(results, args.examples, origin))
    worst = max((r.severity for r in results), key=lambda s: EXIT_CODES.get(s, 0), default="")
    print("conforms" if worst in ("", "Info", "Warning") else "does not conform",
          f"({sum(r.severity == 'Violation' for r in results)} violations, {sum(r.severity == 'Warning' for r in results)} warnings)")
    return EXIT_CODES.get(worst, 3)


