"""Links: every linkable resource is linked to a verified Wikidata item or listed as a candidate with the
reason; link records are complete; the crosswalk is published; bad rows fail the build with file and line."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest
from rdflib import URIRef

from scripts import links
from scripts.errors import BuildError

LINKABLE = ["State", "Place", "Organization", "Event", "Person", "CollectiveActor"]


def linkable(built) -> set[str]:
    g = built.ontology + built.instances
    found = set()
    for cls in LINKABLE:
        found |= {str(r[0]) for r in g.query(
            "SELECT ?s WHERE { ?s a/<http://www.w3.org/2000/01/rdf-schema#subClassOf>* ?c }",
            initBindings={"c": URIRef(f"https://w3id.org/ngo-fp/ontology#{cls}")})}
    return found | {"https://w3id.org/ngo-fp/resource/work/ijhssi"}


def test_every_linkable_resource_is_linked_or_a_candidate(built) -> None:
    linked = {r.values["resource"] for r in links.rows(links.LINKS / "wikidata.csv")}
    candidates = {resource for resource, _ in links.candidates()}
    assert linked and candidates
    assert not linked & candidates
    assert linkable(built) == linked | candidates
    assert all(reason.strip() for _, reason in links.candidates())


def test_link_records_keep_label_and_evidence() -> None:
    for row in links.rows(links.LINKS / "wikidata.csv"):
        v = row.values
        assert links.QID.match(v["qid"]), row.line
        assert v["evidence_location"] and v["evidence_text"] and v["checked_on"] == "2026-11-24"


def test_crosswalk_is_published(dist: Path) -> None:
    with (dist / "exports" / "crosswalk.csv").open(encoding="utf-8") as f:
        rows = {r["resource"].rsplit("/", 1)[1]: r for r in csv.DictReader(f)}
    assert rows["turkey"]["cow_ccode"] == "640" and rows["turkey"]["iso3166_alpha2"] == "TR"
    assert rows["turkey"]["wikidata"] == "http://www.wikidata.org/entity/Q43"
    assert rows["azerbaijan"]["gleditsch_ward"] == "373"
    assert rows["united-nations"]["cameo_actor_type"] == "IGO"


def write(folder: Path, name: str, header: list[str], row: list[str]) -> None:
    with (folder / name).open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([header, row])


WD_HEADER = ["resource", "qid", "wikidata_label", "wikidata_description", "evidence_location", "evidence_text", "checked_on"]


def test_undescribed_resource_names_file_and_line(tmp_path: Path) -> None:
    write(tmp_path, "wikidata.csv", WD_HEADER, ["https://w3id.org/ngo-fp/resource/state/atlantis", "Q1", "", "", "x", "x", "2026-11-24"])
    with pytest.raises(BuildError, match=r"wikidata.csv:2: .*state/atlantis is not described"):
        links.link_graph(set(), tmp_path)


def test_malformed_qid_is_refused(tmp_path: Path) -> None:
    turkey = URIRef("https://w3id.org/ngo-fp/resource/state/turkey")
    write(tmp_path, "wikidata.csv", WD_HEADER, [str(turkey), "43", "", "", "x", "x", "2026-11-24"])
    with pytest.raises(BuildError, match="malformed Wikidata id '43'"):
        links.link_graph({turkey}, tmp_path)
