"""Links: every linkable resource is linked to a verified Wikidata item or listed as a candidate with the
reason; link records are complete; the crosswalk is published; bad rows fail the build with file and line."""
from __future__ import annotations

import csv
import re
import subprocess
from pathlib import Path

import pytest
from rdflib import URIRef

from scripts import links
from scripts.errors import BuildError
from scripts.paths import ROOT

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
    records = links.rows(links.LINKS / "wikidata.csv")
    assert len(records) == 13
    for row in records:
        v = row.values
        assert links.QID.match(v["qid"]), row.line
        assert links.GITHUB.match(v["evidence_location"]) or (links.SOURCE.match(v["evidence_location"])
                                                               and "github.com" not in v["evidence_location"]), row.line
        assert v["evidence_text"] and links.DATE.match(v["checked_on"]), row.line
        assert v["qid"].lstrip("Q") in v["evidence_text"], row.line  # the words seen show the item's number


def test_every_decision_is_recorded_with_its_reason() -> None:
    with (links.LINKS / "candidates.csv").open(encoding="utf-8") as f:
        decisions = list(csv.DictReader(f))
    kinds = {d["decision"] for d in decisions}
    assert kinds <= set(links.DECISIONS) and {"rejected", "demoted", "not-found"} <= kinds
    for d in decisions:
        if d["decision"] in ("rejected", "demoted"):
            assert links.QID.match(d["qid"]), d["resource"]
    # place:cyprus is the island; Q229 is the sovereign state (t2wml country_entities.py)
    cyprus = next(d for d in decisions if d["resource"].endswith("/place/cyprus"))
    assert (cyprus["decision"], cyprus["qid"]) == ("rejected", "Q229") and links.GITHUB.match(cyprus["source"])


# Identifiers that only the project's search index understood (issue 12, item 5): a "file id" number, the
# index's name, its read_file id. The patterns are written so that this file does not match them.
INTERNAL = re.compile(r"file id \d{6,}|github-?index\b|read_file\s+id\s*=\s*\d|\bid=\d{9,}\b", re.IGNORECASE)


def tracked_files() -> list[Path]:
    out = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    return [ROOT / p for p in out.decode().split("\0") if p]


def internal_ids(paths: list[Path]) -> list[str]:
    found = []
    for path in paths:
        if not path.is_file() or path.is_symlink():
            continue
        text = path.read_bytes().decode("utf-8", "replace")
        found += [f"{path}: {m.group(0)}" for m in INTERNAL.finditer(text)]
    return found


def test_scan_finds_an_internal_identifier(tmp_path: Path) -> None:
    planted = tmp_path / "probe.txt"
    number = "7088" + "2395509"
    planted.write_text(f"seen in file id {number} (reopen with read_file id={number})", encoding="utf-8")
    assert len(internal_ids([planted])) == 2


def test_no_internal_index_identifier_in_the_repository() -> None:
    files = tracked_files()
    assert len(files) > 100
    assert internal_ids(files) == []


def test_no_internal_index_identifier_in_dist(dist: Path) -> None:
    files = [p for p in dist.rglob("*")]
    assert any(p.name == "wikidata.csv" for p in files)
    assert internal_ids(files) == []


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
    write(tmp_path, "wikidata.csv", WD_HEADER, ["https://w3id.org/ngo-fp/resource/state/atlantis", "Q1", "", "", "https://example.org/x", "x", "2026-11-24"])
    with pytest.raises(BuildError, match=r"wikidata.csv:2: .*state/atlantis is not described"):
        links.link_graph(set(), tmp_path)


def test_malformed_qid_is_refused(tmp_path: Path) -> None:
    turkey = URIRef("https://w3id.org/ngo-fp/resource/state/turkey")
    write(tmp_path, "wikidata.csv", WD_HEADER, [str(turkey), "43", "", "", "https://example.org/x", "x", "2026-11-24"])
    with pytest.raises(BuildError, match="malformed Wikidata id '43'"):
        links.link_graph({turkey}, tmp_path)


def test_source_that_nobody_can_follow_is_refused(tmp_path: Path) -> None:
    turkey = URIRef("https://w3id.org/ngo-fp/resource/state/turkey")
    for location, problem in [("owner/repo:path.py", "is not a public https URL"),
                              ("https://github.com/owner/repo/blob/main/path.py", "without pinning it to a commit")]:
        write(tmp_path, "wikidata.csv", WD_HEADER, [str(turkey), "Q43", "", "", location, "x", "2026-12-01"])
        with pytest.raises(BuildError, match=problem):
            links.link_graph({turkey}, tmp_path)


def test_unknown_candidate_decision_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "candidates.csv", ["resource", "decision", "qid", "reason", "source", "checked_on"],
          ["https://w3id.org/ngo-fp/resource/place/cyprus", "maybe", "", "x", "", ""])
    with pytest.raises(BuildError, match=r"candidates.csv:2: decision 'maybe' is not one of"):
        links.candidates(tmp_path)
