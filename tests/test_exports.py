"""Exports: every table sorted on all its columns, whatever order the store hands the rows in; the argument's tables
(claims, the links between claims and what they concern, causal statements) say what the graph says. The tables'
CSVW metadata (exports/csv-metadata.json) describes every column, and csvw, the CLDF project's CSVW library, reads
every table through it without a complaint: datatypes, keys and the links between tables hold; broken copies fail."""
from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from csvw import CSVW

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


def test_a_list_column_is_one_cell_sorted_whatever_the_order_of_the_values() -> None:
    """A citation with two functions is one row of citations.csv, its functions sorted and space-separated."""
    cito = Namespace("http://purl.org/spar/cito/")
    c4o = Namespace("http://purl.org/spar/c4o/")
    citation = URIRef("https://w3id.org/ngo-fp/resource/citation/bulgur-2023-creswell-2017-183-189")
    expected = " ".join([str(cito.citesAsAuthority), str(cito.usesMethodIn)])
    for order in ([cito.usesMethodIn, cito.citesAsAuthority], [cito.citesAsAuthority, cito.usesMethodIn]):
        g = Graph()
        g.add((citation, RDF.type, NFP.InTextCitation))
        g.add((citation, c4o.hasContent, Literal("(Creswell, 2017: 183-189)")))
        g.add((citation, NFP.resolution, URIRef("https://w3id.org/ngo-fp/resource/concept/citation-resolved")))
        for function in order:
            g.add((citation, NFP.citationFunction, function))
        header, body = exports.rows(g, "citations")
        assert len(body) == 1 and dict(zip(header, body[0]))["functions"] == expected, order


def test_citations_table_gives_each_citation_its_functions(dist, published_graph) -> None:
    rows = read_table(dist, "citations")
    citations = set(published_graph.subjects(RDF.type, NFP.InTextCitation))
    assert len(rows) == len(citations) == 40
    for r in rows:
        want = sorted(str(f) for f in published_graph.objects(URIRef(r["citation"]), NFP.citationFunction))
        assert r["functions"].split(" ") == want and want, r["citation"]
    by_pointer = {r["pointer"]: r["functions"] for r in rows}
    # checked against the text: DPT's report is the evidence of a fact; Creswell's book gives the method and its
    # definition of qualitative research; Şule Kut is quoted in quotation marks and backs the article's point
    assert by_pointer["(DPT, 2000)"] == "http://purl.org/spar/cito/citesAsEvidence"
    assert by_pointer["(Creswell, 2017: 183-189)"] == ("http://purl.org/spar/cito/citesAsAuthority "
                                                       "http://purl.org/spar/cito/usesMethodIn")
    assert by_pointer["(Kut, 1998:13)"] == ("http://purl.org/spar/cito/includesQuotationFrom "
                                            "http://purl.org/spar/cito/obtainsSupportFrom")


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


def test_events_table_gives_the_period_the_article_dates_an_event_by(dist) -> None:
    """Checked against the text: "in the second half of the 1980s. During this period, the visits of government
    officials together with businessmen to Central Asian countries and Turkic republics" (l.52); "As the state
    monopoly on society decreased in the early 2000s" (l.64); the coup has its own date and no period."""
    rows = {(r["event"].rsplit("/", 1)[1], r["period"].rsplit("/", 1)[1] if r["period"] else "", r["start"])
            for r in read_table(dist, "events")}
    assert ("visits-to-central-asia", "second-half-of-1980s", "") in rows
    assert ("easing-of-state-pressure-on-civil-society", "early-2000s", "") in rows
    assert ("1980-turkish-coup", "", "1980-09-12") in rows


def csvw_problems(metadata: Path) -> list[str]:
    """What csvw finds wrong reading every table through its CSVW metadata (strictly: a foreign key must resolve)."""
    try:
        read = CSVW(str(metadata), validate=True, strict=True)
        return [] if read.is_valid else [str(w.message) for w in read.warnings]
    except ValueError as error:  # what it cannot read on, or a duplicate primary key
        return [str(error)]


def test_every_table_and_column_is_described_and_reads_clean(dist: Path) -> None:
    folder = dist / "exports"
    metadata = json.loads((folder / exports.CSVW).read_text(encoding="utf-8"))
    tables = {t["url"]: t for t in metadata["tables"]}
    assert set(tables) == {p.name for p in folder.glob("*.csv")} == {f"{name}.csv" for name in exports.TABLES}
    for url, described in tables.items():
        header = (folder / url).read_text(encoding="utf-8").split("\n", 1)[0].split(",")
        columns = described["tableSchema"]["columns"]
        assert [c["name"] for c in columns] == header, url
        assert all(c["dc:description"].strip() and c["datatype"] for c in columns), url
    assert csvw_problems(folder / exports.CSVW) == []


BROKEN = {  # table, row, column, value: what csvw must refuse
    "a date that is no ISO 8601 year, month or date": ("events.csv", 1, "start", "1980-9-12"),
    "a reference number that is no integer": ("citations.csv", 1, "reference_number", "x1"),
    "a link of a claim that is in no row of claims.csv": ("claim-links.csv", 1, "claim",
                                                           "https://w3id.org/ngo-fp/resource/claim/nowhere"),
    "an IRI column holding no IRI": ("actors.csv", 1, "actor", "not an iri"),
    "a ROR id of the wrong form": ("crosswalk.csv", 0, "ror", "ROR-1"),
    "a citation function that is no IRI, in a list": ("citations.csv", 1, "functions",
                                                      "http://purl.org/spar/cito/citesAsAuthority usesMethodIn"),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_a_broken_table_fails_its_csvw_metadata(dist: Path, tmp_path: Path, case: str) -> None:
    name, index, column, value = BROKEN[case]
    folder = shutil.copytree(dist / "exports", tmp_path / "exports")
    with (folder / name).open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    if column == "ror":  # a row that has one
        index = next(i for i, row in enumerate(rows) if row["ror"])
    rows[index][column] = value
    with (folder / name).open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    assert csvw_problems(folder / exports.CSVW) != [], case


def test_a_duplicate_claim_fails_the_primary_key(dist: Path, tmp_path: Path) -> None:
    folder = shutil.copytree(dist / "exports", tmp_path / "exports")
    lines = (folder / "claims.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (folder / "claims.csv").write_text("".join(lines + lines[1:2]), encoding="utf-8")
    assert csvw_problems(folder / exports.CSVW) != []


def test_a_column_without_a_description_fails_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from scripts.errors import BuildError

    monkeypatch.setitem(exports.COLUMNS, "events", {k: v for k, v in exports.COLUMNS["events"].items() if k != "place"})
    with pytest.raises(BuildError, match=r"exports/events\.csv has the columns .*'place'.*CSVW description"):
        exports.write(actors_graph(["IHH"]), tmp_path / "exports")
