"""SPARQL's comparisons as rdflib evaluates them for pyshacl (scripts/validate/comparisons.py) against Oxigraph,
which the fast engine runs SPARQL-based constraints on: every pair of a set of literals and an IRI, each operator,
the same answer or the same error."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Graph

from scripts.validate import datatypes
from scripts.validate.comparisons import sparql_comparisons

XSD = "http://www.w3.org/2001/XMLSchema#"
TERMS = [
    f'"01"^^<{XSD}gYear>', f'"2001"^^<{XSD}gYear>', f'"x"^^<{XSD}integer>', f'"7"^^<{XSD}integer>',
    f'"7.0"^^<{XSD}decimal>', f'"7"^^<{XSD}int>', '"abc"', f'"abc"^^<{XSD}string>', '"a"@en', '"a"@EN', '"b"@en',
    f'"true"^^<{XSD}boolean>', f'"yes"^^<{XSD}boolean>', '"5"^^<https://example.org/dt>',
    '"6"^^<https://example.org/dt>', f'"2019-02-03"^^<{XSD}date>', f'"2019-02-30"^^<{XSD}date>',
    f'"P1Y"^^<{XSD}duration>', f'"12:00:00"^^<{XSD}time>', f'"25:00:00"^^<{XSD}time>', f'"abc"^^<{XSD}anyURI>',
    f'"abc"^^<{XSD}token>', "<https://example.org/a>", f'"2019-02-03T10:00:00"^^<{XSD}dateTime>',
    f'"P1D"^^<{XSD}dayTimeDuration>', f'"P2Y"^^<{XSD}yearMonthDuration>', f'"2.5E0"^^<{XSD}double>', '"b"@tr',
    f'"2019"^^<{XSD}gYear>', f'"2019-02-04"^^<{XSD}date>', '"abd"', f'"--05"^^<{XSD}gMonth>',
    f'"--06"^^<{XSD}gMonth>', f'"--13"^^<{XSD}gMonth>', f'"P1M"^^<{XSD}duration>', f'"P30D"^^<{XSD}duration>',
    f'"12"^^<{XSD}long>', f'"2019-02-03T10:00:00Z"^^<{XSD}dateTimeStamp>',
]


def answers(query: str) -> dict[str, tuple[str | None, str | None]]:
    """The bound ?r of each row ?i (None for an error, which leaves it unbound), by rdflib and by Oxigraph (keyed by
    ?i: the store reads some terms in another form, "7"^^xsd:int as an xsd:integer)."""
    mine = {int(row[0]): None if row[1] is None else str(row[1]) for row in Graph().query(query)}
    theirs = {int(row["i"].value): None if row["r"] is None else row["r"].value for row in ox.Store().query(query)}
    return {TERMS[i]: (mine.get(i), theirs.get(i)) for i in set(mine) | set(theirs)}


@pytest.mark.parametrize("op", ["=", "!=", "IN", "NOT IN", "<", ">", "<=", ">="])
def test_rdflib_compares_terms_as_oxigraph_does(op: str) -> None:
    datatypes.strict_rdflib()
    sparql_comparisons()
    right = "(?b, 9)" if "IN" in op else "?b"  # a second member, equal to none: an error stays an error
    differ = []
    for a in TERMS:
        rows = " ".join(f"({i} {b})" for i, b in enumerate(TERMS))
        found = answers(f"SELECT ?i ?r WHERE {{ VALUES (?i ?b) {{ {rows} }} BIND (({a} {op} {right}) AS ?r) }}")
        assert len(found) == len(TERMS)
        differ += [f"{a} {op} {b}: rdflib {mine}, Oxigraph {theirs}" for b, (mine, theirs) in sorted(found.items())
                   if mine != theirs]
    assert not differ, "\n".join(differ)
