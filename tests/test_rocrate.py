"""The RO-Crate of the publication (dist/ro-crate-metadata.json, scripts/publish/crate.py).

roc-validator (CRS4's RO-Crate validator, in its own .venv-rocrate) checks it against the RO-Crate 1.3 profile, every
REQUIRED and RECOMMENDED check; the few recommendations it cannot meet are named below with the reason. The crate must
say what void.ttl says (every distribution a File with the same description, media type, size and checksum, which are
those of the file itself), keep the PLOVER sample's files and licence apart, and a broken copy must fail the validator.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import rocrate
from rdflib import Graph, Namespace, URIRef

from scripts.errors import BuildError
from scripts.paths import ROOT
from scripts.publish import crate, describe

ROCRATE_PYTHON = ROOT / ".venv-rocrate" / "bin" / "python"
CHECK = ROOT / "tests" / "rocrate" / "validate_crate.py"
CONTEXT = Path(rocrate.__file__).parent / "data" / "ro-crate.jsonld"  # the 1.3 context, as ro-crate-py ships it
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")
SPDX = Namespace("http://spdx.org/rdf/terms#")
DATASET = URIRef("https://w3id.org/ngo-fp/dataset")
PLOVER = URIRef("https://w3id.org/ngo-fp/dataset/plover-gsr")

# The RECOMMENDED checks this crate does not pass, each for a reason of its own; any other finding fails the test.
NOT_MET = {
    "ro-crate-1.3_51.1": "the root's identifier, https://w3id.org/ngo-fp/dataset, can only be resolved online "
                         "(the w3id rules and `make serve` answer it; tests/test_endpoint.py and tests/test_w3id.py)",
    "ro-crate-1.3_89.0": "neither the team nor the Open Event Data Alliance has a ROR identifier",
    "ro-crate-1.3_90.1": "no contact point: the hosting, and so a public address, is undecided",
    "ro-crate-1.3_93.0": "no contact point: the hosting, and so a public address, is undecided",
}


def validate(folder: Path, tmp: Path) -> dict[str, Any]:
    """roc-validator's JSON report on the crate in `folder` (RO-Crate 1.3, REQUIRED and RECOMMENDED checks)."""
    assert ROCRATE_PYTHON.exists(), "roc-validator is missing: `make test` creates .venv-rocrate from requirements-rocrate.txt"
    report = tmp / "report.json"
    run = subprocess.run([str(ROCRATE_PYTHON), str(CHECK), str(folder), str(CONTEXT), str(report),
                          "-p", "ro-crate-1.3", "-l", "recommended"], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    return json.loads(report.read_text(encoding="utf-8"))


def findings(report: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [(i["check"]["identifier"], i["severity"], i["message"]) for i in report["issues"]]


@pytest.fixture(scope="module")
def metadata(dist: Path) -> dict[str, dict[str, Any]]:
    graph = json.loads((dist / crate.METADATA).read_text(encoding="utf-8"))["@graph"]
    ids = [e["@id"] for e in graph]
    assert len(ids) == len(set(ids)), "an @id is listed twice"
    return {e["@id"]: e for e in graph}


def refs(value: Any) -> list[str]:
    return [v["@id"] for v in (value if isinstance(value, list) else [value])]


def test_the_validator_finds_nothing_but_the_recommendations_named(dist: Path, tmp_path: Path) -> None:
    report = validate(dist, tmp_path)
    assert report["statistics"]["profiles"] == ["ro-crate-1.2", "ro-crate-1.3"]
    assert report["statistics"]["total_passed_checks"] > 100
    found = findings(report)
    assert [f for f in found if f[1] == "REQUIRED"] == []
    assert {check for check, _, _ in found} == set(NOT_MET), [f for f in found if f[0] not in NOT_MET]


def test_a_broken_crate_fails_the_validator(dist: Path, tmp_path: Path) -> None:
    """Without the root's datePublished, or with a File that is not there, the crate is invalid: REQUIRED findings."""
    broken = tmp_path / "crate"
    shutil.copytree(dist, broken, ignore=shutil.ignore_patterns("site"))
    doc = json.loads((broken / crate.METADATA).read_text(encoding="utf-8"))
    root = next(e for e in doc["@graph"] if e["@id"] == "./")
    del root["datePublished"]
    (broken / "exports" / "claims.csv").unlink()
    (broken / crate.METADATA).write_text(json.dumps(doc), encoding="utf-8")
    required = [(check, message) for check, severity, message in findings(validate(broken, tmp_path)) if severity == "REQUIRED"]
    assert any("datePublished" in message for _, message in required), required
    assert any("exports/claims.csv" in message for _, message in required), required


def test_the_crate_says_what_void_says(dist: Path, metadata: dict[str, dict[str, Any]]) -> None:
    void = Graph().parse(dist / "void.ttl")
    root = metadata["./"]
    assert metadata[crate.METADATA]["conformsTo"] == {"@id": "https://w3id.org/ro/crate/1.3"}
    assert root["name"] == str(void.value(DATASET, DCT.title))
    assert root["description"] == str(void.value(DATASET, DCT.description))
    assert root["license"] == {"@id": str(void.value(DATASET, DCT.license))}
    assert root["version"] == str(void.value(DATASET, DCAT.version))
    assert root["datePublished"] == str(void.value(DATASET, DCT.modified))
    assert root["cite-as"] == str(DATASET) == metadata[root["identifier"]["@id"]]["value"]
    assert refs(root["isBasedOn"]) == ["https://w3id.org/ngo-fp/resource/work/bulgur-2023"]
    assert metadata["https://w3id.org/ngo-fp/resource/work/bulgur-2023"]["name"].startswith("The Role of the Interaction")
    distributions = {str(void.value(d, DCT.title)): d for d in void.objects(DATASET, DCAT.distribution)}
    assert len(distributions) > 30
    assert set(distributions) | {"void.ttl", "plover-gsr/"} == set(refs(root["hasPart"]))
    for rel, d in distributions.items():
        file = metadata[rel]
        assert file["@type"] == "File"
        assert file["description"] == str(void.value(d, DCT.description)) == describe.file_description(rel, root["version"])
        assert file["encodingFormat"] == str(void.value(d, DCAT.mediaType)).split("/media-types/", 1)[1]
        on_disk = (dist / rel).read_bytes()
        assert file["contentSize"] == str(len(on_disk)) == str(int(void.value(d, DCAT.byteSize).toPython())), rel
        assert file["sha256"] == hashlib.sha256(on_disk).hexdigest() == str(void.value(void.value(d, SPDX.checksum),
                                                                                       SPDX.checksumValue)), rel
    assert metadata["void.ttl"]["sha256"] == hashlib.sha256((dist / "void.ttl").read_bytes()).hexdigest()
    sums = (dist / "SHA256SUMS").read_text(encoding="utf-8")
    assert f"{hashlib.sha256((dist / crate.METADATA).read_bytes()).hexdigest()}  {crate.METADATA}\n" in sums


def test_the_plover_sample_is_a_dataset_of_its_own_with_its_licence(dist: Path, metadata: dict[str, dict[str, Any]]) -> None:
    void = Graph().parse(dist / "plover-gsr" / "void.ttl")
    part = metadata["plover-gsr/"]
    licence = str(void.value(PLOVER, DCT.license))
    assert licence == "https://creativecommons.org/licenses/by-sa/4.0/" != metadata["./"]["license"]["@id"]
    assert part["@type"] == "Dataset" and part["license"] == {"@id": licence}
    assert part["name"] == str(void.value(PLOVER, DCT.title))
    files = {str(void.value(d, DCT.title)) for d in void.objects(PLOVER, DCAT.distribution)}
    assert files == {"plover-gsr/plover-gsr.ttl", "plover-gsr/plover-gsr.nt", "plover-gsr/LICENSE.txt"}
    assert set(refs(part["hasPart"])) == files | {"plover-gsr/void.ttl", "plover-gsr/SHA256SUMS"}
    for rel in refs(part["hasPart"]):
        assert metadata[rel]["license"] == {"@id": licence}, rel
        assert metadata[rel]["sha256"] == hashlib.sha256((dist / rel).read_bytes()).hexdigest(), rel
        assert rel not in refs(metadata["./"]["hasPart"])
    assert refs(part["isBasedOn"]) == [str(void.value(PLOVER, DCT.source))]


def test_a_published_file_without_a_description_fails_the_build() -> None:
    assert describe.file_description("ontology/9.8.7/ngo-fp-ontology.ttl", "9.8.7").startswith("The NGO–Foreign Policy")
    with pytest.raises(BuildError, match=r"dist/exports/new\.csv has no description: add one to FILE_DESCRIPTIONS"):
        describe.file_description("exports/new.csv", "0.1.0")


def test_the_landing_page_says_what_each_download_holds(dist: Path, metadata: dict[str, dict[str, Any]]) -> None:
    """The landing page's download table gives each file of SHA256SUMS with the description the crate gives it."""
    import html
    import re

    page = (dist / "site" / "index.html").read_text(encoding="utf-8")
    rows = dict(re.findall(r'<tr><td><a href="\.\./([^"]+)">[^<]*</a></td><td>([^<]*)</td>', page))
    sums = [line.split("  ", 1)[1] for line in (dist / "SHA256SUMS").read_text(encoding="utf-8").splitlines()]
    assert sorted(rows) == sorted(sums)
    for name, about in rows.items():
        expected = crate.SELF if name == crate.METADATA else metadata[name]["description"]
        assert html.unescape(about) == expected, name
