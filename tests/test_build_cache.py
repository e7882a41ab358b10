"""Build speed without wrong answers (issue 10.6): what the content-hash cache (scripts/cache.py) skips, and
what it never hides. Real builds in subprocesses, with a cache folder of their own."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import pytest

from scripts.paths import ROOT
from scripts.validate import Result

BASE = Path(__file__).parent / "shapes" / "base.ttl"
CHECKS_RUN = "- SHACL validation ("
CHECKS_REUSED = "passed before on this very graph"
NOTHING = "nothing changed since"


@pytest.fixture
def project(tmp_path: Path) -> dict:
    instances = tmp_path / "instances"
    instances.mkdir()
    shutil.copy(BASE, instances / "base.ttl")
    return {"instances": instances, "dist": tmp_path / "dist", "cache": tmp_path / "cache"}


def build(p: dict, **env: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "scripts.build", "--instances", str(p["instances"]), "--dist", str(p["dist"]),
           "--links", str(p["instances"].parent / "no-links")]
    result = subprocess.run(cmd, cwd=ROOT, env=dict(os.environ, NGO_FP_CACHE=str(p["cache"]), **env),
                            capture_output=True, text=True, timeout=600)
    return result


def files(dist: Path) -> dict[str, bytes]:
    return {p.relative_to(dist).as_posix(): p.read_bytes() for p in sorted(dist.rglob("*")) if p.is_file()}


def test_cache_skips_only_what_did_not_change(project: dict) -> None:
    first = build(project)
    assert first.returncode == 0, first.stderr
    assert CHECKS_RUN in first.stdout
    published = files(project["dist"])
    assert len(published) >= 12

    # the same inputs again: nothing is done, dist/ stays byte for byte
    again = build(project)
    assert again.returncode == 0, again.stderr
    assert NOTHING in again.stdout and CHECKS_RUN not in again.stdout
    assert files(project["dist"]) == published

    # a file of the publication removed by hand: the build notices and publishes again
    (project["dist"] / "site" / "index.html").unlink()
    repaired = build(project)
    assert repaired.returncode == 0, repaired.stderr
    assert NOTHING not in repaired.stdout and CHECKS_REUSED in repaired.stdout
    assert files(project["dist"]) == published

    # comments and layout only: the same tokens, so nothing is done
    base = project["instances"] / "base.ttl"
    text = base.read_text(encoding="utf-8")
    base.write_text("# a comment changes the bytes, not the graph\n" + text.replace(" ;\n", " ;\n\n", 3), encoding="utf-8")
    commented = build(project)
    assert commented.returncode == 0, commented.stderr
    assert NOTHING in commented.stdout and CHECKS_REUSED not in commented.stdout
    assert files(project["dist"]) == published

    # the prefixes in another order: published again (the checks reused), the same publication
    lines = base.read_text(encoding="utf-8").splitlines(keepends=True)
    prefixes = [line for line in lines if line.startswith("@prefix")]
    assert len(prefixes) > 2
    base.write_text("".join(prefixes[::-1] + [line for line in lines if not line.startswith("@prefix")]), encoding="utf-8")
    reordered = build(project)
    assert reordered.returncode == 0, reordered.stderr
    assert NOTHING not in reordered.stdout and CHECKS_REUSED in reordered.stdout
    assert files(project["dist"]) == published

    # the PLOVER dataset does not depend on instances/: made once, then copied from the cache
    kept = sorted(p.name for p in project["cache"].iterdir() if p.name.startswith("plover-gsr-"))
    assert len(kept) == 1 and (project["cache"] / kept[0] / ".complete").is_file()
    assert not (project["dist"] / "plover-gsr" / ".complete").exists()

    # new data: every check runs
    with (project["instances"] / "base.ttl").open("a") as f:
        f.write('\n<https://w3id.org/ngo-fp/resource/state/turkey> '
                '<http://www.w3.org/2000/01/rdf-schema#comment> "A comment as data."@en .\n')
    changed = build(project)
    assert changed.returncode == 0, changed.stderr
    assert CHECKS_RUN in changed.stdout and CHECKS_REUSED not in changed.stdout
    assert "A comment as data." in (project["dist"] / "ngo-fp.nt").read_text(encoding="utf-8")


def test_warnings_come_back_from_the_cache_as_they_were(project: dict) -> None:
    """The checks' cache keeps each warning's texts, which the build reads back (Result(**texts)), never its RDF
    terms: JSON wrote them as plain strings (and a SPARQL constraint's description as a dict), so a warning
    came back with a focus "term" that was no term."""
    base = project["instances"] / "base.ttl"  # TURKSAM typed only as an NGO: one warning
    base.write_text(base.read_text(encoding="utf-8").replace(
        "organization:turksam a nfp:ResearchCentre , nfp:NonGovernmentalOrganization ;",
        "organization:turksam a nfp:NonGovernmentalOrganization ;"),
        encoding="utf-8")
    first = build(project)
    assert first.returncode == 0 and CHECKS_RUN in first.stdout and "1 warning(s)" in first.stdout, first.stderr
    kept = [json.loads(p.read_text(encoding="utf-8")) for p in project["cache"].glob("checks-*.json")]
    assert len(kept) == 1 and len(kept[0]) == 1  # one graph checked, one warning
    assert set(kept[0][0]) == {f.name for f in fields(Result) if f.compare}
    shutil.rmtree(project["dist"])  # the same graph, published again
    again = build(project)
    assert again.returncode == 0 and CHECKS_REUSED in again.stdout, again.stderr
    assert "[NgoSpecificTypeShape]" in again.stdout and "organization/turksam" in again.stdout


def test_a_failing_graph_is_never_taken_from_the_cache(project: dict) -> None:
    text = (project["instances"] / "base.ttl").read_text().replace('rdfs:label "TURKSAM"@en ;', "")
    (project["instances"] / "base.ttl").write_text(text)
    for _ in range(2):
        result = build(project)
        assert result.returncode == 1
        assert CHECKS_RUN in result.stdout
        assert "Give exactly one English rdfs:label" in result.stderr
    assert not project["dist"].exists()


def test_no_cache_runs_every_check(project: dict) -> None:
    assert build(project).returncode == 0
    shutil.rmtree(project["dist"])
    result = build(project, NGO_FP_NO_CACHE="1")
    assert result.returncode == 0, result.stderr
    assert CHECKS_RUN in result.stdout and CHECKS_REUSED not in result.stdout


def test_the_plover_dataset_is_made_again_when_one_of_its_inputs_changes(tmp_path: Path, monkeypatch) -> None:
    """Its cache key covers the sample and mapping files, the shared codes, ontology, shapes, code and pins."""
    from scripts.plover import publication

    before = publication.inputs_key()
    assert publication.inputs_key() == before
    sample = tmp_path / "plover-gsr"
    shutil.copytree(publication.EXAMPLE, sample)
    monkeypatch.setattr(publication, "EXAMPLE", sample)
    copied = publication.inputs_key()
    assert publication.inputs_key() == copied
    with (sample / "expected-refusals.txt").open("a") as f:
        f.write("# one more line\n")
    assert publication.inputs_key() not in (before, copied)


def test_hermit_is_warmed_up_only_for_sources_not_yet_found_consistent(project: dict) -> None:
    """The build starts HermiT's JVM while it parses (reasoning.Warm) unless sources with the same logical
    statements and evidence quotes were found consistent before (reasoning.sources_key): an edited comment does
    not warm it up, a new logical statement or an edited quote does; the verdict itself is never predicted."""
    from scripts.build import WARMING

    base = project["instances"] / "base.ttl"
    first = build(project)
    assert first.returncode == 0, first.stderr
    assert WARMING in first.stdout
    subject = "<https://w3id.org/ngo-fp/resource/place/istanbul>"
    text = base.read_text(encoding="utf-8")
    assert "place:istanbul a nfp:Place" in text
    base.write_text(text + f'\n{subject} <http://www.w3.org/2000/01/rdf-schema#comment> "edited" .\n', encoding="utf-8")
    commented = build(project)
    assert commented.returncode == 0, commented.stderr
    assert WARMING not in commented.stdout and "HermiT found a graph with the same logical axioms" in commented.stdout
    base.write_text(base.read_text(encoding="utf-8") + f'\n{subject} <https://w3id.org/ngo-fp/ontology#needsReview> true ; '
                    '<https://w3id.org/ngo-fp/ontology#openQuestion> "The city or the province?"@en .\n', encoding="utf-8")
    logical = build(project)
    assert logical.returncode == 0, logical.stderr
    assert WARMING in logical.stdout and "consistent (" in logical.stdout
    quote = '"the HABITAT II conference held in Istanbul in 1996"'
    base.write_text(base.read_text(encoding="utf-8").replace(quote, '"the HABITAT II conference held in Istanbul"'),
                    encoding="utf-8")
    requoted = build(project)  # new evidence individuals: a logical change of the graph HermiT reads
    assert requoted.returncode == 0, requoted.stderr
    assert WARMING in requoted.stdout and "consistent (" in requoted.stdout


def test_an_instance_file_counts_by_its_tokens(tmp_path: Path) -> None:
    """cache.tokens, the instance files' part of the inputs' digest: comments and layout do not count; any
    other change does, a "#" in a string or an IRI, a language tag's case, the order of statements or prefixes,
    an abbreviation, and a no-break space where Turtle allows none; a file not UTF-8, or not Turtle, counts by
    its bytes."""
    from scripts.cache import tokens

    def of(text: str, name: str = "x.ttl") -> bytes:
        (tmp_path / name).write_text(text, encoding="utf-8")
        return tokens(tmp_path / name)

    head = "@prefix ex: <https://example.org/> .\n@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
    body = 'ex:a ex:p "x # y"@en , <https://example.org/#f> ;\n    ex:q """one\n# two""" .\n'
    plain = of(head + body)
    layout = ("# a comment\n" + head.replace(" .", "  .\t# another") + "\n\n" +
              body.replace(" ;\n    ", "   ;   # and one here\r\n\t"))
    assert of(layout) == plain
    for changed in (body.replace("x # y", "x #  y"), body.replace("#f", "#g"), body.replace("# two", "#  two"),
                    body.replace("@en", "@EN"), body.replace(" ;", " . ex:a"),
                    body.replace("ex:p", "ex:p\u00a0")):
        assert of(head + changed) != plain, changed
    assert of("".join(reversed(head.splitlines(keepends=True))) + body) != plain
    assert of(head + 'ex:a ex:p 1 .\n') != of(head + 'ex:a ex:p "1"^^xsd:integer .\n')
    assert of(head + 'ex:a ex:p "x" .\n') != of(head + 'ex:a ex:p "x"^^xsd:string .\n')
    (tmp_path / "latin.ttl").write_bytes(b'ex:a ex:p "\xe7" .\n')
    assert tokens(tmp_path / "latin.ttl") == b'ex:a ex:p "\xe7" .\n'
    assert of("a,b # c\n", "x.csv") == b"a,b # c\n"


def test_a_cache_folder_that_cannot_be_written_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A read-only or full cache folder (NGO_FP_CACHE elsewhere, a CI cache restored read-only): Jinja's cache of
    compiled templates raised its OSError when a template had changed, and the site, so the build, failed
    (`error: site: OSError: [Errno 30] Read-only file system: '.cache/build/jinja/...'`); a PLOVER folder whose
    copy failed half way was left in the cache as .tmp-* for good. Neither is an error, and nothing is left."""
    import errno
    import jinja2.bccache

    from scripts import cache
    from scripts.publish import site

    monkeypatch.setattr(cache, "FOLDER", tmp_path / "cache")
    monkeypatch.delenv("NGO_FP_NO_CACHE", raising=False)

    def full(*_: object, **__: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(jinja2.bccache.tempfile, "NamedTemporaryFile", full)
    env = site.environment()
    assert env.bytecode_cache is not None
    assert env.get_template("base.html").name == "base.html"  # compiled, and its code not kept: no error

    source = tmp_path / "folder"
    (source / "a").mkdir(parents=True)
    (source / "a" / "one.txt").write_text("1")

    def half(src: Path, dst: Path, **_: object) -> None:
        Path(dst).mkdir()
        (Path(dst) / "part.txt").write_text("half written")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(cache.shutil, "copytree", half)
    cache.put_folder("plover-gsr", "k" * 64, source)
    assert [p.name for p in (tmp_path / "cache").iterdir() if p.name != "jinja"] == []
