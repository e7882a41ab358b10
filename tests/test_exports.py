"""Exports: every table sorted on all its columns, whatever order the store hands the rows in."""
from __future__ import annotations

import csv
import io

from rdflib import RDF, RDFS, Graph, Literal, Namespace

from scripts.publish import exports

NFP = Namespace("https://w3id.org/ngo-fp/ontology#")
ORG = Namespace("https://w3id.org/ngo-fp/resource/organization/")


def actors_graph(acronyms: list[str]) -> Graph:
    """One foundation with two acronyms, inserted in the given order (the store keeps insertion order)."""
    g = Graph()
    g.add((NFP.Foundation, RDFS.subClassOf, NFP.Actor))
    g.add((ORG.ihh, RDF.type, NFP.Foundation))
    g.add((ORG.ihh, RDFS.label, Literal("Humanitarian Relief Foundation", lang="en")))
    for acronym in acronyms:
        g.add((ORG.ihh, NFP.acronym, Literal(acronym)))
    return g


def test_rows_that_tie_on_the_actor_are_ordered_by_the_next_columns() -> None:
    # The article writes both "IHH" and "İHH"; "I" (U+0049) sorts before "İ" (U+0130).
    expected = [
        ["actor", "label", "class", "acronym", "name_tr", "based_in", "period", "category"],
        [str(ORG.ihh), "Humanitarian Relief Foundation", str(NFP.Foundation), "IHH", "", "", "", ""],
        [str(ORG.ihh), "Humanitarian Relief Foundation", str(NFP.Foundation), "İHH", "", "", "", ""],
    ]
    for order in (["İHH", "IHH"], ["IHH", "İHH"]):
        table = exports.table(actors_graph(order), "actors")
        assert list(csv.reader(io.StringIO(table))) == expected, order
