"""OWL 2 consistency with HermiT (through owlready2) over the ontology and the instances.

HermiT rejects XSD datatypes outside the OWL 2 datatype map that the data uses on purpose (xsd:date,
xsd:gYear, xsd:gYearMonth, xsd:anyURI): it stops with UnsupportedDatatypeException. The check therefore
reasons over a view of the graph without those literals and without the axioms that name those datatypes
(e.g. `nfp:accessDate rdfs:range xsd:date`), and reports how many triples it set aside. Every class,
individual, object property assertion and every other data value is reasoned over; the datatypes that were
set aside are checked by SHACL instead (sh:datatype in shapes/shapes.ttl).
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from rdflib import XSD, Graph, Literal

# Datatypes HermiT accepts (the OWL 2 datatype map); literals of any other datatype are set aside.
OWL2_DATATYPES = {
    XSD.string, XSD.boolean, XSD.decimal, XSD.integer, XSD.nonNegativeInteger, XSD.positiveInteger,
    XSD.nonPositiveInteger, XSD.negativeInteger, XSD.long, XSD.int, XSD.short, XSD.byte, XSD.double,
    XSD.float, XSD.dateTime, XSD.dateTimeStamp, XSD.normalizedString, XSD.token, XSD.language, XSD.Name,
    XSD.NCName, XSD.NMTOKEN, XSD.hexBinary, XSD.base64Binary,
}


@dataclass(frozen=True)
class Consistency:
    consistent: bool
    set_aside: int  # literals with datatypes HermiT does not support
    detail: str


def reasoner_view(graph: Graph) -> tuple[Graph, int]:
    """The graph without literals of, and axioms naming, datatypes HermiT rejects; return it and the count dropped."""
    kept, dropped = Graph(), 0
    for s, p, o in graph:
        unsupported_literal = isinstance(o, Literal) and o.datatype is not None and o.datatype not in OWL2_DATATYPES
        unsupported_axiom = str(o).startswith(str(XSD)) and o not in OWL2_DATATYPES and not isinstance(o, Literal)
        if unsupported_literal or unsupported_axiom:
            dropped += 1
            continue
        kept.add((s, p, o))
    return kept, dropped


def check(graph: Graph) -> Consistency:
    """Run HermiT on `graph` in a fresh owlready2 world (in a subprocess, so Java state never leaks)."""
    view, dropped = reasoner_view(graph)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "merged.nt"
        view.serialize(path, format="nt", encoding="utf-8")
        code = (
            "import sys, owlready2 as o\n"
            "w = o.World(); onto = w.get_ontology('file://' + sys.argv[1]).load()\n"
            "try:\n"
            "    o.sync_reasoner_hermit(w, infer_property_values=False, debug=0)\n"
            "except o.OwlReadyInconsistentOntologyError as e:\n"
            "    print('INCONSISTENT'); sys.exit(3)\n"
            "bad = list(w.inconsistent_classes())\n"
            "print('UNSATISFIABLE ' + ' '.join(sorted(c.iri for c in bad)) if bad else 'CONSISTENT')\n"
            "sys.exit(4 if bad else 0)\n"
        )
        run = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True)
    out = (run.stdout.strip().splitlines() or [""])[-1]
    if run.returncode == 0:
        return Consistency(True, dropped, out)
    if run.returncode in (3, 4):
        return Consistency(False, dropped, out)
    raise RuntimeError(f"HermiT did not run: {run.stderr.strip()[-800:]}")
