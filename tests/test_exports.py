"""Exports: every table sorted on all its columns, whatever order the store hands the rows in; the argument's tables
(claims, the links between claims and what they concern, causal statements) say what the graph says."""
from __future__ import annotations

import csv
import io

from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef

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


def read_table(dist, name: str) -> list[dict[str, str]]:
    with (dist / "exports" / f"{name}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_claims_table_has_one_row_per_claim_with_its_statement(dist, published_graph) -> None:
    rows = read_table(dist, "claims")
    claims = set(published_graph.subjects(RDF.type, NFP.Claim))
    assert len(rows) == len(claims) > 100 and {r["claim"] for r in rows} == {str(c) for c in claims}
    for r in rows:
        assert Literal(r["statement"], lang="en") == published_graph.value(URIRef(r["claim"]), NFP.statement)


def test_claim_links_are_the_argument_triples(dist, published_graph) -> None:
    relations = ("supports", "supportedBy", "contrastsWith", "explains", "concerns", "inSection", "assertedBy",
                 "attributedTo")
    expected = {(str(c), name, str(t)) for name in relations
                for c, t in published_graph.subject_objects(NFP[name]) if (c, RDF.type, NFP.Claim) in published_graph}
    assert {(r["claim"], r["relation"], r["target"]) for r in read_table(dist, "claim-links")} == expected


def test_causal_statements_read_as_the_article_says(dist) -> None:
    """Two rows checked against the text: "The occupation of Azerbaijan by Bolshevik Russia in 1920 limited the
    relations in general and completely prevented the development of the relations between the NGOs of the two
    countries." (abstract) and "Fear of the state and the conformity it brings blunts the diversity and differences
    of civil society." (Discussion)."""
    rows = {(r["statement"].rsplit("/", 1)[1], r["cause"].rsplit("/", 1)[1], r["direction"], r["effect"].rsplit("/", 1)[1])
            for r in read_table(dist, "causal-statements")}
    assert ("occupation-of-azerbaijan-prevented-ngo-relations", "occupation-of-azerbaijan-1920", "Constrains",
            "relations-between-turkish-and-azerbaijani-ngos") in rows
    assert ("weakness-fear-of-the-state", "fear-of-the-state", "Decreases", "diversity-of-civil-society") in rows
    assert {direction for _, _, direction, _ in rows} <= {"Increases", "Decreases", "Enables", "Constrains"}
