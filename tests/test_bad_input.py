"""Bad input, tried on purpose (issue 10.3): every case is one line on stderr naming the file (with line and
column for syntax errors) and exit code 4, in both engines; nothing hangs, nothing is fetched, no parser
sees a DTD. The files are in tests/inputs/bad/; the cases a repository cannot hold (FIFO, symlink loop,
missing file, unwritable report) are made by the tests."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from scripts.paths import ROOT
from scripts.validate import cli

BAD = Path(__file__).parent / "inputs" / "bad"
ENGINES = [[], ["--fast"]]
ENGINE_IDS = ["pyshacl", "fast"]
DTD = "RDF/XML with a DTD or entity declarations is refused"
CONTEXT = "JSON-LD @context that is not inline"

# file in tests/inputs/bad -> what the one line must say after the file's name (written from the file)
STATIC = {
    "billion-laughs.rdf": f": {DTD}",
    "external-entity.rdf": f": {DTD}",
    "broken-xml.rdf": ":4: XML syntax error",
    "remote-context.jsonld": f": {CONTEXT}",
    "file-context.jsonld": f": {CONTEXT}",
    "relative-context.jsonld": f": {CONTEXT}",
    "empty.ttl": ": empty file: no triples",
    "prefixes-only.ttl": ": no triples",
    "comma-lines.ttl": ':13: syntax error at column 30: "six" is not a valid subject',
    "latin1.nt": ":1: syntax error",
    "notes.txt": ": unknown RDF file extension '.txt'",
}


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(code: int, err: str, expected: str) -> None:
    assert code == 4, err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    assert expected in lines[0], err


def test_the_corpus_is_complete() -> None:
    assert sorted(p.name for p in BAD.iterdir()) == sorted(STATIC)


@pytest.mark.parametrize("engine", ENGINES, ids=ENGINE_IDS)
@pytest.mark.parametrize("name", sorted(STATIC))
def test_each_bad_file_is_one_line_and_exit_4(capsys, name: str, engine: list[str]) -> None:
    code, _, err = run(capsys, str(BAD / name), *engine)
    assert_one_line_error(code, err, f"{name}{STATIC[name]}")


@pytest.mark.parametrize("engine", ENGINES, ids=ENGINE_IDS)
def test_made_up_cases(capsys, tmp_path: Path, engine: list[str]) -> None:
    loop = tmp_path / "loop.ttl"
    loop.symlink_to(loop)
    broken = tmp_path / "broken.ttl"
    broken.symlink_to(tmp_path / "nowhere.ttl")
    empty_folder = tmp_path / "empty-folder"
    empty_folder.mkdir()
    (empty_folder / "readme.md").write_text("no RDF here\n")
    folder_with_loop = tmp_path / "folder-with-loop"
    folder_with_loop.mkdir()
    (folder_with_loop / "self.nt").symlink_to(folder_with_loop / "self.nt")
    good = ROOT / "tests" / "shapes" / "base.ttl"
    cases = [
        ([str(loop)], "loop.ttl: symbolic link loop"),
        ([str(broken)], "broken.ttl: broken symbolic link"),
        ([str(tmp_path / "missing.ttl")], "missing.ttl: file not found"),
        ([str(empty_folder)], "empty-folder: no RDF files"),
        ([str(folder_with_loop)], "self.nt: symbolic link loop"),
        ([str(good), "--report-json", str(tmp_path / "no-such-folder" / "r.json")], "r.json: cannot write the report"),
        ([str(good), "--report-ttl", str(tmp_path)], "the report path is a folder"),
    ]
    for args, expected in cases:
        code, _, err = run(capsys, *args, *engine)
        assert_one_line_error(code, err, expected)
    assert len(cases) == 7


def test_wrong_arguments_exit_4_not_2(capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.main(["--no-such-option", "x.ttl"])
    assert stop.value.code == 4


@pytest.mark.parametrize("engine", ENGINES, ids=ENGINE_IDS)
def test_a_fifo_is_refused_without_blocking(tmp_path: Path, engine: list[str]) -> None:
    fifo = tmp_path / "pipe.ttl"
    os.mkfifo(fifo)
    result = subprocess.run([sys.executable, "-m", "scripts.validate", str(fifo), *engine], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert_one_line_error(result.returncode, result.stderr, "pipe.ttl: not a regular file")


@pytest.mark.parametrize("engine", ENGINES, ids=ENGINE_IDS)
def test_upper_case_extension_is_read(capsys, engine: list[str]) -> None:
    code, out, _ = run(capsys, str(BAD.parent / "UPPER-CASE.TTL"), *engine)
    assert code == 3, out
    assert "organization/upper (tests/inputs/UPPER-CASE.TTL)" in out and "[labelPresent]" in out


@pytest.mark.parametrize("engine", ENGINES, ids=ENGINE_IDS)
def test_large_inputs_parse_in_linear_time(capsys, tmp_path: Path, engine: list[str]) -> None:
    """A 4 MB N-Triples literal and 2.4 MB of RDF/XML full of character references (what rdflib's parsers
    took about a minute for) are read in seconds."""
    org = "https://w3id.org/ngo-fp/resource/organization/big"
    label = "x" * 4_000_000
    (tmp_path / "big-literal.nt").write_text(
        f'<{org}> <http://www.w3.org/2000/01/rdf-schema#label> "{label}"@en .\n', encoding="utf-8")
    references = "&amp;&#x41;&lt;" * 160_000
    (tmp_path / "references.rdf").write_text(
        '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#">\n'
        f'<rdf:Description rdf:about="{org}-2"><rdfs:comment>{references}</rdfs:comment></rdf:Description>\n'
        '</rdf:RDF>\n', encoding="utf-8")
    assert (tmp_path / "references.rdf").stat().st_size > 2_400_000
    for name in ("big-literal.nt", "references.rdf"):
        start = time.perf_counter()
        code, out, err = run(capsys, str(tmp_path / name), *engine)
        assert code in (0, 2), out + err
        assert time.perf_counter() - start < 30, f"{name} took {time.perf_counter() - start:.1f} s"


@pytest.mark.parametrize("engine", ENGINES, ids=ENGINE_IDS)
def test_a_path_with_spaces(capsys, tmp_path: Path, engine: list[str]) -> None:
    folder = tmp_path / "my data" / "with spaces"
    folder.mkdir(parents=True)
    (folder / "base copy.ttl").write_bytes((ROOT / "tests" / "shapes" / "base.ttl").read_bytes())
    code, out, err = run(capsys, str(folder), *engine)
    assert code == 0, out + err
    assert "1 file(s)" in out
