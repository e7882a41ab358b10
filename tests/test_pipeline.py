"""The build as a user runs it (`python -m scripts.build`): clear errors, untouched dist/ on failure,
byte-identical rebuilds. Runs on a small copy of the project (tests/shapes/base.ttl) for speed."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.paths import ROOT

BASE = Path(__file__).parent / "shapes" / "base.ttl"


def line_of(text: str, start: bool = False) -> int:
    """The number of the first line of tests/shapes/base.ttl that starts with (or contains) `text`."""
    lines = BASE.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if (line.startswith(text) if start else text in line))


def run_build(instances: Path, dist: Path, seed: str = "0", *extra: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    return subprocess.run(
        [sys.executable, "-m", "scripts.build", "--instances", str(instances), "--dist", str(dist),
         "--links", str(instances / "no-links"), *extra],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, Path]:
    """A folder of valid instances and a dist/ holding a previous publication."""
    instances = tmp_path / "instances"
    instances.mkdir()
    shutil.copy(BASE, instances / "base.ttl")
    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / "previous.txt").write_text("last good publication\n")
    (dist / "SHA256SUMS").write_text("")  # what marks a folder as a previous publication
    return instances, dist


def assert_failed_cleanly(result: subprocess.CompletedProcess[str], dist: Path) -> None:
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "dist/ left unchanged" in result.stderr
    assert sorted(p.name for p in dist.iterdir()) == ["SHA256SUMS", "previous.txt"]
    assert not dist.with_name("dist.tmp").exists() and not dist.with_name("dist.old").exists()


def test_valid_instances_publish_and_replace_dist(project: tuple[Path, Path]) -> None:
    instances, dist = project
    result = run_build(instances, dist)
    assert result.returncode == 0, result.stderr
    names = {p.relative_to(dist).as_posix() for p in dist.rglob("*") if p.is_file()}
    assert "previous.txt" not in names
    for stem in ("ngo-fp", "ontology/ngo-fp-ontology"):
        assert {f"{stem}.{ext}" for ext in ("ttl", "nt", "jsonld", "rdf")} <= names
    assert {"void.ttl", "SHA256SUMS", "context.jsonld", "ontology/ngo-fp-shapes.ttl"} <= names


def test_syntax_error_names_file_and_line(project: tuple[Path, Path]) -> None:
    instances, dist = project
    (instances / "broken.ttl").write_text(
        '@prefix nfp: <https://w3id.org/ngo-fp/ontology#> .\n\n<https://w3id.org/ngo-fp/resource/place/x> nfp:evidenceQuote "no end .\n'
    )
    result = run_build(instances, dist)
    assert_failed_cleanly(result, dist)
    assert "broken.ttl:3: syntax error" in result.stderr


def test_undeclared_prefix_names_file_and_line(project: tuple[Path, Path]) -> None:
    instances, dist = project
    (instances / "prefix.ttl").write_text(
        "@prefix nfp: <https://w3id.org/ngo-fp/ontology#> .\nplace:x a nfp:Place .\n"
    )
    result = run_build(instances, dist)
    assert_failed_cleanly(result, dist)
    assert "prefix.ttl:2:" in result.stderr
    assert "place" in result.stderr


def test_quote_not_in_the_article_fails_naming_resource_and_quote(project: tuple[Path, Path]) -> None:
    instances, dist = project
    text = (instances / "base.ttl").read_text().replace(
        '"Turkey was also affected by this development in the world."', '"Turkey was never affected."'
    )
    (instances / "base.ttl").write_text(text)
    result = run_build(instances, dist)
    assert_failed_cleanly(result, dist)
    # one line naming the file and the line of the quote in tests/shapes/base.ttl, the resource and the quote
    at = line_of('"Turkey was also affected by this development in the world."')
    [line] = [l for l in result.stderr.splitlines() if "Turkey was never affected." in l]
    assert line.startswith(f"error: {instances / 'base.ttl'}:{at}: ")
    assert "https://w3id.org/ngo-fp/resource/state/turkey" in line


def test_resource_in_another_section_than_its_quotes_fails_at_its_line(project: tuple[Path, Path]) -> None:
    instances, dist = project
    # the methodology's heading comes after "I. INTRODUCTION" and before the three claims' quotes (discussion,
    # conclusion), which the base places in the introduction
    with (instances / "base.ttl").open("a") as f:
        f.write("""
section:bulgur-2023-methodology a nfp:Section ;
    rdfs:label "Methodology of Bulgur (2023)"@en ;
    dcterms:title "Methodology"@en ;
    nfp:sectionNumber "II" ;
    nfp:order 3 ;
    frbr:partOf work:bulgur-2023 ;
    nfp:evidenceQuote "II. METHODOLOGY" .
""")
    result = run_build(instances, dist)
    assert_failed_cleanly(result, dist)
    assert "3 resource(s) in other sections than their evidence quotes" in result.stderr
    at = line_of("claim:ngos-bridge-on-sensitive-issues a ", start=True)
    [line] = [l for l in result.stderr.splitlines() if "claim/ngos-bridge-on-sensitive-issues:" in l]
    assert line == (f"error: {instances / 'base.ttl'}:{at}: https://w3id.org/ngo-fp/resource/claim/ngos-bridge-on-"
                    "sensitive-issues: nfp:inSection names bulgur-2023-introduction, but its evidence quotes stand in "
                    "bulgur-2023-methodology")
    # the citation, whose quote is in the introduction, is where it says
    assert "citation/bulgur-2023-willetts-2001-357" not in result.stderr


def test_shacl_violation_fails_with_its_message(project: tuple[Path, Path]) -> None:
    instances, dist = project
    text = (instances / "base.ttl").read_text().replace('rdfs:label "TURKSAM"@en ;', "")
    (instances / "base.ttl").write_text(text)
    result = run_build(instances, dist)
    assert_failed_cleanly(result, dist)
    # one line per violation, naming the file and the line where the focus node's block starts
    # (`organization:turksam a nfp:ResearchCentre , nfp:NonGovernmentalOrganization ;` in tests/shapes/base.ttl)
    at = line_of("organization:turksam a ", start=True)
    [line] = [text for text in result.stderr.splitlines() if "Give exactly one English rdfs:label" in text]
    assert line.startswith(f"error: {instances / 'base.ttl'}:{at}: SHACL Violation ")
    assert "https://w3id.org/ngo-fp/resource/organization/turksam" in line


def test_qc_failure_is_one_line_at_the_resource(project: tuple[Path, Path]) -> None:
    instances, dist = project
    with (instances / "base.ttl").open("a") as f:
        f.write("\norganization:turksam nfp:basedIn place:nowhere-typo .\n")
    result = run_build(instances, dist)
    assert_failed_cleanly(result, dist)
    # the dangling IRI's row, at the line where turksam's first block starts in tests/shapes/base.ttl
    at = line_of("organization:turksam a ", start=True)
    [line] = [l for l in result.stderr.splitlines() if "place/nowhere-typo" in l]
    assert line.startswith(f"error: {instances / 'base.ttl'}:{at}: QC dangling-reference-violation: ")
    assert "QC: 1 row(s)" in result.stderr


def test_inconsistency_fails(project: tuple[Path, Path]) -> None:
    """A clash only the reasoner sees fails the build with HermiT's verdict: a number as a name, against the
    property's range xsd:string (a clash of two disjoint classes is a SHACL violation since the shapes mirror
    owl:disjointWith: nfps:DisjointClassesShape)."""
    instances, dist = project
    (instances / "clash.ttl").write_text(
        "@prefix nfp: <https://w3id.org/ngo-fp/ontology#> .\n"
        "<https://w3id.org/ngo-fp/resource/organization/turksam> nfp:nameInSource 5 .\n"
    )
    result = run_build(instances, dist)
    assert_failed_cleanly(result, dist)
    assert "HermiT" in result.stderr


def test_rebuild_is_byte_identical(project: tuple[Path, Path], tmp_path: Path) -> None:
    instances, _ = project
    first, second = tmp_path / "first", tmp_path / "second"
    assert run_build(instances, first, seed="1").returncode == 0
    assert run_build(instances, second, seed="2").returncode == 0
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert len(files) >= 12
    for rel in files:
        assert (first / rel).read_bytes() == (second / rel).read_bytes(), rel


def test_release_stamps_the_version(project: tuple[Path, Path], tmp_path: Path) -> None:
    instances, _ = project
    release = tmp_path / "releases" / "9.9.9"
    result = run_build(instances, release, "0", "--version", "9.9.9")
    assert result.returncode == 0, result.stderr
    ontology = (release / "ontology" / "ngo-fp-ontology.ttl").read_text(encoding="utf-8")
    assert "owl:versionIRI <https://w3id.org/ngo-fp/ontology/9.9.9>" in ontology
    assert 'owl:versionInfo "9.9.9"' in ontology
    assert 'dcat:version "9.9.9"' in (release / "void.ttl").read_text(encoding="utf-8")


@pytest.mark.parametrize("version", ["latest", "1.2.\u00b3", "1.2", "1.2.3.4", "01.2.3", " 1.2.3", "1.2.3\n",
                                     "1.0.0;id", "1.0.0 --dist /tmp/anywhere", "\uff11.2.3"])
def test_malformed_version_is_refused(project: tuple[Path, Path], version: str) -> None:
    instances, dist = project
    result = run_build(instances, dist, "0", f"--version={version}")
    assert_failed_cleanly(result, dist)
    assert "MAJOR.MINOR.PATCH" in result.stderr
    assert "- parse sources" not in result.stdout  # refused before any work


def test_a_slug_too_long_for_a_file_name_fails_at_its_line(project: tuple[Path, Path]) -> None:
    """A slug the shapes accept ([a-z0-9-]+) but too long for the name of its page's files (255 bytes): the site
    writer failed with three lines naming dist.tmp/site/..., not the instance file. It fails at its block's line."""
    instances, dist = project
    slug = "-".join(["abcdefghij"] * 28)  # 307 characters
    (instances / "long.ttl").write_text(
        "@prefix nfp: <https://w3id.org/ngo-fp/ontology#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n\n"
        f"<https://w3id.org/ngo-fp/resource/place/{slug}> a nfp:Place ;\n"
        '    rdfs:label "A place with a long name"@en ;\n'
        '    nfp:evidenceQuote "the HABITAT II conference held in Istanbul in 1996" .\n', encoding="utf-8")
    result = run_build(instances, dist)
    assert_failed_cleanly(result, dist)
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert errors[0].startswith("error: ") and "long.ttl:4: " in errors[0] and slug in errors[0], result.stderr
    assert len(errors) == 2 and "dist.tmp" not in result.stderr  # the problem, then the step's summary


@pytest.mark.parametrize(("prefixes", "statement", "block", "said", "check"), [
    # a second English label for place:istanbul: a SHACL violation
    ("@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n", 'place:istanbul rdfs:label "Istanbul, again"@en .',
     "place:istanbul a ", "Give exactly one English rdfs:label", "SHACL"),
    # a dangling reference from organization:turksam: a QC row
    ("@prefix nfp: <https://w3id.org/ngo-fp/ontology#> .\n"
     "@prefix organization: <https://w3id.org/ngo-fp/resource/organization/> .\n",
     "organization:turksam nfp:basedIn place:nowhere-typo .", "organization:turksam a ", "place/nowhere-typo", "QC"),
])
def test_a_failure_names_every_file_that_writes_the_resource(project: tuple[Path, Path], prefixes: str, statement: str,
                                                             block: str, said: str, check: str) -> None:
    """A statement added to a resource in another file: the failure named only the line of the resource's block in
    base.ttl (the first file), not the file that broke it. It names both, for SHACL and (since 2026-12-06) QC."""
    instances, dist = project
    text = prefixes + "@prefix place: <https://w3id.org/ngo-fp/resource/place/> .\n\n" + statement + "\n"
    (instances / "more.ttl").write_text(text, encoding="utf-8")
    result = run_build(instances, dist)
    assert_failed_cleanly(result, dist)
    [line] = [text for text in result.stderr.splitlines() if said in text]
    assert line.startswith(f"error: {instances / 'base.ttl'}:{line_of(block, start=True)}: {check} ")
    assert f"also written at {instances / 'more.ttl'}:{text.count(chr(10))}" in line, line


def test_a_resource_outside_the_resource_namespace_fails_at_its_line(project: tuple[Path, Path]) -> None:
    """The shapes' IRI patterns accept any host and any path before /<type>/<slug>: a place at example.org, or at
    resource/place/x/place/y, was published in the dumps with no page and an IRI that resolves to nothing. An
    instance file's resources are https://w3id.org/ngo-fp/resource/<type>/<slug> (README, IRIs)."""
    instances, dist = project
    for n, iri in enumerate(("https://example.org/place/outside", "https://w3id.org/ngo-fp/resource/place/x/place/y")):
        (instances / "outside.ttl").write_text(
            "@prefix nfp: <https://w3id.org/ngo-fp/ontology#> .\n"
            "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n\n"
            f"<{iri}> a nfp:Place ;\n"
            f'    rdfs:label "A place elsewhere {n}"@en ;\n'
            '    nfp:evidenceQuote "the HABITAT II conference held in Istanbul in 1996" .\n', encoding="utf-8")
        result = run_build(instances, dist)
        assert_failed_cleanly(result, dist)
        errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
        assert "outside.ttl:4: " in errors[0] and iri in errors[0], result.stderr
