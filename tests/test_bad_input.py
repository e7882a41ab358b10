"""Bad input, tried on purpose (issue 10.3): every case is one line on stderr naming the file (with line and
column for syntax errors) and exit code 4, in both engines; nothing hangs, nothing is fetched, no parser
sees a DTD or deep nesting, neither engine reads an RDF 1.2 term the other cannot. The files are in
tests/inputs/bad/; the cases a repository cannot hold (FIFO, symlink loop, missing file, unwritable report)
are made by the tests."""
from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from scripts.load import MAX_NESTING, json_nesting, may_hold_rdf12
from scripts.paths import ONTOLOGY, ROOT, SHAPES
from scripts.validate import cli

BAD = Path(__file__).parent / "inputs" / "bad"
ENGINES = [[], ["--fast"]]
ENGINE_IDS = ["pyshacl", "fast"]
DTD = "RDF/XML with a DTD or entity declarations is refused"
CONTEXT = "JSON-LD @context that is not inline"
A_TO_B = ("<<( <https://w3id.org/ngo-fp/resource/organization/a> <https://w3id.org/ngo-fp/ontology#partOf> "
          "<https://w3id.org/ngo-fp/resource/organization/b> )>>")
TRIPLE_TERM = f": RDF 1.2 triple term {A_TO_B} is not read (SHACL 1.0 and pyshacl have none)"
DIRECTIONAL = ': RDF 1.2 directional language string "Organization A"@en--ltr is not read'

# file in tests/inputs/bad -> what the one line must say after the file's name (written from the file)
STATIC = {
    "billion-laughs.rdf": f": {DTD}",
    "external-entity.rdf": f": {DTD}",
    "broken-xml.rdf": ":4: XML syntax error",
    "empty-language.rdf": ':4: xml:lang="" (no language tag) is not read',  # valid RDF/XML Oxigraph refuses
    "remote-context.jsonld": f": {CONTEXT}",
    "file-context.jsonld": f": {CONTEXT}",
    "relative-context.jsonld": f": {CONTEXT}",
    "empty.ttl": ": empty file: no triples",
    "prefixes-only.ttl": ": no triples",
    "comma-lines.ttl": ':13: syntax error at column 30: "six" is not a valid subject',
    "latin1.nt": ":1: syntax error",
    "notes.txt": ": unknown RDF file extension '.txt'",
    "deep-nesting.jsonld": ": JSON nested 100 levels deep is refused (at most 64)",
    "deep-nesting.rdf": ":36: XML elements nested deeper than 64 levels are refused",
    "triple-term.nt": TRIPLE_TERM,
    "triple-term.rdf": TRIPLE_TERM,
    "annotation.ttl": TRIPLE_TERM,
    "directional.ttl": DIRECTIONAL,
    "directional.jsonld": DIRECTIONAL,
    "directional.rdf": DIRECTIONAL,
    # Oxigraph's JSON reader says "Unexpected end of file" for these
    "lone-surrogate.jsonld": ":3: syntax error at column 27: a string holds a lone surrogate (\\ud800), which is not Unicode",
    "html-page.rdf": ": an HTML page (<!DOCTYPE html>), not RDF/XML",  # not "RDF/XML with a DTD"
    # RDF/XML errors in well-formed XML, which Oxigraph raises without a line (load._xml_event_line finds it);
    # bad-iri.rdf's IRI is skipped by --fast's lenient load and raised by its strict reader
    "text-beside-resource.rdf": ":8: syntax error: Unexpected text event: 'text beside rdf:resource'",
    "bad-iri.rdf": ":10: syntax error: error while parsing IRI 'https://w3id.org/ngo-fp/resource/organization/a b'",
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
    linked_folder = tmp_path / "linked"
    linked_folder.symlink_to(empty_folder)
    terminal = tmp_path / "terminal.ttl"  # control sequences a parser's message quoted raw to the terminal
    terminal.write_text('@prefix ex: <http://example.org/> .\n\x1b[2J\x1b[31mFAKE\x1b[0m ex:b "c" .\n')
    data = tmp_path / "data"  # a report path inside a folder given: the report would replace an input file
    data.mkdir()
    (data / "x.nt").write_text("<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n")
    bom = tmp_path / "bom.ttl"
    bom.write_text('\ufeff<http://example.org/a> <http://example.org/b> "c" .\n', encoding="utf-8")
    (tmp_path / "two\nlines\x1b[31m.ttl").write_text("<https://example.org/a> <https://example.org/p> .\n")
    cases = [
        ([str(tmp_path / "two\nlines\x1b[31m.ttl")], "two\\nlines\\x1b[31m.ttl:1: syntax error"),
        ([str(loop)], "loop.ttl: symbolic link loop"),
        ([str(broken)], "broken.ttl: broken symbolic link"),
        ([str(tmp_path / "missing.ttl")], "missing.ttl: file not found"),
        ([str(empty_folder)], "empty-folder: no RDF files"),
        ([str(folder_with_loop)], "self.nt: symbolic link loop"),
        ([str(good), "--report-json", str(tmp_path / "no-such-folder" / "r.json")], "r.json: cannot write the report"),
        ([str(good), "--report-ttl", str(tmp_path)], "the report path is a folder"),
        ([str(tmp_path / ("a" * 300 + ".ttl"))], "File name too long"),
        ([str(good), "--report-json", str(tmp_path / ("a" * 300 + ".json"))], "File name too long"),
        ([str(good), "--report-ttl", str(good)], "base.ttl: the report path is one of the files the validation reads"),
        ([str(data), "--report-json", str(data / "x.nt")], "x.nt: the report path is one of the files the validation reads"),
        ([str(tmp_path), "--report-ttl", str(data / "x.nt")], "x.nt: the report path is one of the files the validation reads"),
        ([str(linked_folder)], "linked: a symbolic link to a folder, which is not followed"),
        ([str(terminal)], "terminal.ttl:2: syntax error at column 1: '\\x1b' is not allowed"),  # escaped, not raw
        ([str(bom)], "bom.ttl:1: syntax error at column 1: \\ufeff is not"),  # the invisible byte order mark, named
        # the ontology and the shapes are read too: a report there would replace them
        ([str(good), "--report-ttl", str(ONTOLOGY)], "ngo-fp.ttl: the report path is one of the files the validation reads"),
        ([str(good), "--report-json", str(SHAPES)], "shapes.ttl: the report path is one of the files the validation reads"),
        # one report would replace the other
        ([str(good), "--report-ttl", str(tmp_path / "r"), "--report-json", str(tmp_path / "." / "r")],
         "r: --report-ttl and --report-json name the same file"),
    ]
    for args, expected in cases:
        code, _, err = run(capsys, *args, *engine)
        assert_one_line_error(code, err, expected)
    assert len(cases) == 19
    assert (data / "x.nt").read_text().startswith("<http://example.org/a>")  # the input is left as it was


def test_an_empty_path_is_a_usage_error(capsys) -> None:
    """Path("") is the current folder: an empty argument validated it, or refused it as a report path. A report
    path that ends in a slash names a folder (Path() dropped the slash, and "newdir/" wrote a file named newdir);
    so does a data path, which the system refuses for a file (`base.ttl/`: ENOTDIR), and Path() read as the file."""
    base = str(ROOT / "tests" / "shapes" / "base.ttl")
    for args, expected in (([""], "an empty path"), ([base, "--report-json", ""], "an empty path"),
                           ([base, "--report-ttl", "no-such-folder/"], "'no-such-folder/' names a folder"),
                           ([base + "/"], "base.ttl/' is not a folder (its name ends in a slash)")):  # it read the file
        with pytest.raises(SystemExit) as stop:
            cli.main(args)
        assert stop.value.code == 4
        assert expected in capsys.readouterr().err
    assert not Path("no-such-folder").exists()


@pytest.mark.parametrize("engine", ENGINES, ids=ENGINE_IDS)
def test_a_token_past_the_parsers_limit_is_an_input_error(capsys, tmp_path: Path, engine: list[str]) -> None:
    """Oxigraph's parsers read a literal, IRI, comment or JSON key of at most 16 MiB (a JSON-LD string 8 MiB: its
    reader holds it twice); past it, it was an internal error (exit 5) naming no file."""
    big = "x" * (16 * 1024 * 1024 + 100)
    half = "x" * (8 * 1024 * 1024)
    cases = {"literal.nt": f'<https://example.org/a> <https://example.org/p> "{big}" .\n',
             "comment.ttl": f"#{big}\n<https://example.org/a> <https://example.org/p> 1 .\n",
             "key.jsonld": f'{{"@id": "https://example.org/a", "https://example.org/{big}": 1}}',
             "value.jsonld": f'{{"@id": "https://example.org/a", "https://example.org/p": "{half}"}}'}
    for name, text in cases.items():
        (tmp_path / name).write_text(text)
        code, _, err = run(capsys, str(tmp_path / name), *engine)
        expected = ("a JSON string or key longer than 8 MiB" if name.endswith(".jsonld") else
                    "a token (a literal, IRI, name, comment or JSON key) longer than 16 MiB")
        assert_one_line_error(code, err, f"{name}: {expected}")


@pytest.mark.parametrize("engine", ENGINES, ids=ENGINE_IDS)
def test_output_that_cannot_be_written(tmp_path: Path, engine: list[str]) -> None:
    """A full disk is one line and exit 4 (it was a traceback and exit 1, which means "sh:Info results only"); a
    reader that stops reading (`| head`) leaves the verdict's exit code, with nothing on stderr."""
    good = str(ROOT / "tests" / "shapes" / "base.ttl")
    command = [sys.executable, "-m", "scripts.validate", good, *engine]
    with open("/dev/full", "w") as full:
        result = subprocess.run(command, cwd=ROOT, stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert_one_line_error(result.returncode, result.stderr, "cannot write the output: No space left on device")
    # the help too (argparse swallowed the error: exit 0, nothing written), and an error message to a full
    # standard error is exit 4 all the same (it was 1)
    with open("/dev/full", "w") as full:
        helped = subprocess.run([*command, "--help"], cwd=ROOT, stdout=full, stderr=subprocess.PIPE, text=True,
                                timeout=120)
        wrong = subprocess.run([*command, "--no-such-option"], cwd=ROOT, stderr=full, timeout=120)
    assert_one_line_error(helped.returncode, helped.stderr, "cannot write the output: No space left on device")
    assert wrong.returncode == 4
    invalid = tmp_path / "invalid.ttl"
    invalid.write_text("@prefix nfp: <https://w3id.org/ngo-fp/ontology#> .\n"
                       "<https://w3id.org/ngo-fp/resource/person/someone> a nfp:Person .\n")
    reader = subprocess.Popen([sys.executable, "-m", "scripts.validate", str(invalid), "--examples", "50", *engine],
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    reader.stdout.close()  # nothing is read: the first write (or the flush) meets a broken pipe
    _, err = reader.communicate(timeout=120)
    assert reader.returncode == 3 and err == b"", err


def test_wrong_arguments_exit_4_not_2(capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.main(["--no-such-option", "x.ttl"])
    assert stop.value.code == 4


@pytest.mark.parametrize("engine", ENGINES, ids=ENGINE_IDS)
def test_what_only_a_strict_parser_refuses(capsys, tmp_path: Path, engine: list[str]) -> None:
    """The fast engine loads leniently while Oxigraph's strict parser reads the file in another thread
    (fastshacl.load_store, read_elsewhere): what a lenient load takes in (an IRI with a space, a relative IRI in
    N-Triples, a language tag's malformed extension) is still refused, with the strict parser's line and column."""
    good = "<https://example.org/a> <https://example.org/p> \"x\" .\n"
    cases = {
        "space.nt": (good + "<https://example.org/a b> <https://example.org/p> \"x\" .\n", ":2: syntax error at column 1"),
        "relative.nt": (good + good + "<a> <https://example.org/p> \"x\" .\n", ":3: syntax error at column 1"),
        "datatype.nt": (good + "<https://example.org/a> <https://example.org/p> \"x\"^^<a type> .\n",
                        ":2: syntax error at column 54"),  # where the IRI starts
        "tag.ttl": ("@prefix e: <https://example.org/> .\ne:a e:p \"x\"@en-a-b .\n", ":2: syntax error at column 13"),
    }
    for name, (text, expected) in cases.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        code, _, err = run(capsys, str(tmp_path / name), *engine)
        assert_one_line_error(code, err, name + expected)


@pytest.mark.parametrize("engine", ENGINES, ids=ENGINE_IDS)
def test_a_fifo_is_refused_without_blocking(tmp_path: Path, engine: list[str]) -> None:
    fifo = tmp_path / "pipe.ttl"
    os.mkfifo(fifo)
    result = subprocess.run([sys.executable, "-m", "scripts.validate", str(fifo), *engine], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert_one_line_error(result.returncode, result.stderr, "pipe.ttl: not a regular file")


@pytest.mark.parametrize("engine", ENGINES, ids=ENGINE_IDS)
def test_a_fifo_as_the_report_path_is_refused_without_blocking(tmp_path: Path, engine: list[str]) -> None:
    fifo = tmp_path / "report.json"
    os.mkfifo(fifo)
    result = subprocess.run([sys.executable, "-m", "scripts.validate", str(ROOT / "tests" / "shapes" / "base.ttl"),
                             "--report-json", str(fifo), *engine], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert_one_line_error(result.returncode, result.stderr, "report.json: cannot write the report: a FIFO that nobody reads")


def test_ctrl_c_ends_the_fast_engine_during_its_load(tmp_path: Path) -> None:
    """Python's handler waited for Oxigraph's load to return (10 s for 2M triples); Ctrl-C now ends the process at
    once, with SIGINT's default action (nothing is written before the engine returns)."""
    import signal

    data = tmp_path / "many.nt"
    with data.open("w") as out:
        for i in range(30):
            out.write("".join(f'<https://example.org/{i}/{j}> <https://example.org/p> "v{j}" .\n' for j in range(50_000)))
    process = subprocess.Popen([sys.executable, "-m", "scripts.validate", str(data), "--fast"], cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(2.0)  # imports done, the load of 1.5 million triples under way (about 4 s)
    assert process.poll() is None, "the run ended before it could be interrupted"
    process.send_signal(signal.SIGINT)
    sent = time.perf_counter()
    process.wait(timeout=60)
    assert process.returncode in (-signal.SIGINT, 130), process.stderr.read()
    assert time.perf_counter() - sent < 1.0, f"{time.perf_counter() - sent:.1f} s after Ctrl-C"


def test_an_ignored_ctrl_c_stays_ignored_by_the_fast_engine(tmp_path: Path) -> None:
    """A process started with SIGINT ignored (`ngo-fp validate data --fast &` in a script: the shell ignores it for
    background commands, so that Ctrl-C at the terminal spares them) was ended by Ctrl-C all the same: --fast set
    SIGINT's default action for its run. pyshacl kept it ignored, and so does --fast now."""
    import signal

    data = tmp_path / "many.nt"
    with data.open("w") as out:
        for i in range(4):  # 200,000 triples: --fast's run takes seconds, pyshacl's would take minutes
            out.write("".join(f'<https://example.org/{i}/{j}> <https://example.org/p> "v{j}" .\n' for j in range(50_000)))
    process = subprocess.Popen([sys.executable, "-m", "scripts.validate", str(data), "--fast"], cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    while process.poll() is None:  # Ctrl-C, again and again, until the run ends
        process.send_signal(signal.SIGINT)
        time.sleep(0.2)
    assert process.returncode == 0, process.stderr.read()


@pytest.mark.parametrize("engine", ENGINES, ids=ENGINE_IDS)
def test_upper_case_extension_is_read(capsys, engine: list[str]) -> None:
    code, out, _ = run(capsys, str(BAD.parent / "UPPER-CASE.TTL"), *engine)
    assert code == 3, out
    assert "organization/upper (tests/inputs/UPPER-CASE.TTL)" in out and "[labelPresent]" in out


@pytest.mark.parametrize("engine", ENGINES, ids=ENGINE_IDS)
def test_large_inputs_parse_in_linear_time(capsys, tmp_path: Path, engine: list[str]) -> None:
    """A 4 MB N-Triples literal and 2.4 MB of RDF/XML full of character references (what rdflib's parsers
    took about a minute for), and 40,000 Turtle prefixes (which rdflib took 107 s to bind), are read in seconds."""
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
    (tmp_path / "prefixes.ttl").write_text("".join(f"@prefix p{i}: <https://example.org/{i}/> .\n" for i in range(40_000))
                                           + f'<{org}-3> <http://www.w3.org/2000/01/rdf-schema#label> "x"@en .\n')
    for name in ("big-literal.nt", "references.rdf", "prefixes.ttl"):  # prefixes: rdflib's binding, 107 s
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


def nested_jsonld(depth: int) -> str:
    """A JSON-LD node whose nfp:partOf values nest `depth` levels of JSON objects."""
    part_of = '{"https://w3id.org/ngo-fp/ontology#partOf": '
    return ('{"@id": "https://w3id.org/ngo-fp/resource/organization/deep", "https://w3id.org/ngo-fp/ontology#partOf": '
            + part_of * (depth - 1) + '"end"' + "}" * depth + "\n")


def nested_rdfxml(depth: int) -> str:
    """RDF/XML whose elements nest `depth` levels (rdf:RDF, the node, then property and node elements in turn)."""
    pairs = (depth - 3) // 2
    head = ('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:nfp="https://w3id.org/ngo-fp/ontology#">'
            '<rdf:Description rdf:about="https://w3id.org/ngo-fp/resource/organization/deep">')
    inner = "<nfp:partOf>end</nfp:partOf>" if (depth - 3) % 2 == 0 else "<nfp:partOf><rdf:Description/></nfp:partOf>"
    return head + "<nfp:partOf><rdf:Description>" * pairs + inner + "</rdf:Description></nfp:partOf>" * pairs + "</rdf:Description></rdf:RDF>"


@pytest.mark.parametrize("engine", ENGINES, ids=ENGINE_IDS)
def test_nesting_up_to_the_limit_is_read(capsys, tmp_path: Path, engine: list[str]) -> None:
    for name, text in (("limit.jsonld", nested_jsonld(MAX_NESTING)), ("limit.rdf", nested_rdfxml(MAX_NESTING))):
        (tmp_path / name).write_text(text, encoding="utf-8")
        code, out, err = run(capsys, str(tmp_path / name), *engine)
        assert code == 0, out + err
    for name, text in (("over.jsonld", nested_jsonld(MAX_NESTING + 1)), ("over.rdf", nested_rdfxml(MAX_NESTING + 1))):
        (tmp_path / name).write_text(text, encoding="utf-8")
        code, _, err = run(capsys, str(tmp_path / name), *engine)
        assert_one_line_error(code, err, f"{name}")
        assert f"{MAX_NESTING + 1} levels" in err or "deeper than" in err


@pytest.mark.parametrize("engine", ENGINES, ids=ENGINE_IDS)
def test_nesting_that_broke_oxigraph_is_refused_at_once(tmp_path: Path, engine: list[str]) -> None:
    """5,000 nested JSON-LD node objects (225 KB) crashed Oxigraph's parser (SIGSEGV) after taking 1.0 GB;
    50,000 nested RDF/XML elements (1.5 MB) took it 10 s. Refused before it sees them, in a process of their own."""
    (tmp_path / "crash.jsonld").write_text(nested_jsonld(5_000), encoding="utf-8")
    (tmp_path / "slow.rdf").write_text(nested_rdfxml(50_000), encoding="utf-8")
    for name in ("crash.jsonld", "slow.rdf"):
        start = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "scripts.validate", str(tmp_path / name), *engine], cwd=ROOT,
                                capture_output=True, text=True, timeout=120)
        assert_one_line_error(result.returncode, result.stderr, name)
        assert time.perf_counter() - start < 10


def test_json_nesting_is_what_a_parser_sees() -> None:
    """Brackets in strings, escaped quotes and escaped backslashes do not count; random documents, compact and
    indented, against the depth of what json.loads builds."""
    def depth(value) -> int:
        children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else None
        return 0 if children is None else 1 + max((depth(c) for c in children), default=0)

    tricky = ['[{', '}]', 'a\\', '\\"', '"[', 'x\\\\"{', '\\n"}', "é[", 5, None]
    rng = random.Random(7)

    def document(levels: int):
        if levels == 0:
            return rng.choice(tricky)
        kind = rng.randrange(3)
        if kind == 0:
            return [document(levels - 1) for _ in range(rng.randrange(4))]
        if kind == 1:
            return {f"{i}{rng.choice(tricky[:8])}": document(levels - 1) for i in range(rng.randrange(4))}
        return document(levels - 1)

    for _ in range(2000):
        value = document(rng.randrange(10))
        for text in (json.dumps(value), json.dumps(value, indent=1, ensure_ascii=False)):
            assert json_nesting(text.encode("utf-8")) == depth(json.loads(text)), text
    assert json_nesting(b'{"a": "\\\\", "b": [[1]]}') == 3


def test_the_rdf12_scan_sees_what_no_index_finds() -> None:
    """The text scan (load.may_hold_rdf12) flags every RDF 1.2 file whose terms are not a reifier's (those are
    found by the rdf:reifies index), and not the project's plain data, so plain files skip the store scan."""
    for name in ("triple-term.nt", "triple-term.rdf", "directional.ttl", "directional.jsonld", "directional.rdf"):
        assert may_hold_rdf12(BAD / name), name
    for path in (ROOT / "tests" / "shapes" / "base.ttl", *sorted((ROOT / "instances").glob("*.ttl"))):
        assert not may_hold_rdf12(path), path


def test_the_quick_scans_read_a_file_cut_short(tmp_path: Path) -> None:
    """The scans for RDF 1.2 and retyped literals mapped the file (mmap): cut short while mapped, the process died of
    SIGBUS (exit 135, nothing said). They read it in chunks now: here the file is cut during the scan, and a marker
    across two chunks is still found."""
    from scripts.load import _scan

    path = tmp_path / "data.nt"
    path.write_bytes(b"a" * 5000)

    def cut(text: bytes) -> bool:
        os.truncate(path, 10)
        return False

    assert _scan(path, cut, chunk=1024, overlap=8) is False
    for start in range(1000, 1040):  # each place around the first chunk's end
        path.write_bytes(b"a" * start + b"<<(" + b"a" * 3000)
        assert _scan(path, lambda text: b"<<(" in text, chunk=1024, overlap=8), start
    path.write_bytes(b"a" * 5000)
    assert not _scan(path, lambda text: b"<<(" in text, chunk=1024, overlap=8)


@pytest.mark.parametrize("engine", [[], ["--fast"]], ids=["pyshacl", "fast"])
def test_a_folder_deeper_than_the_recursion_limit(engine: list[str], tmp_path: Path, capsys) -> None:
    """os.walk recursed once per level (Python 3.11): a folder 1,100 levels deep was an internal error, exit 5, in
    both engines and in the build's check of its sources (scripts/inputs.py: walk)."""
    from scripts.inputs import check_regular

    here = os.open(tmp_path, os.O_RDONLY)
    try:
        for _ in range(sys.getrecursionlimit() + 100):  # relative to a descriptor: no path grows with the depth
            os.mkdir("a", dir_fd=here)
            below = os.open("a", os.O_RDONLY, dir_fd=here)
            os.close(here)
            here = below
        with open(os.open("x.nt", os.O_WRONLY | os.O_CREAT, dir_fd=here), "w", encoding="utf-8") as out:
            out.write('<https://w3id.org/ngo-fp/resource/organization/deep> '
                      '<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/ngo-fp/ontology#ResearchCentre> .\n')
    finally:
        os.close(here)
    try:
        code, out, err = run(capsys, str(tmp_path), *engine)
        assert code == 3 and "1 file(s) validated" in out and "Traceback" not in err, (out + err)[-300:]
        check_regular([tmp_path])
    finally:  # taken down one level at a time: pytest's own clean-up (shutil.rmtree) recurses once per level too
        top = tmp_path / "a"
        while top.exists():
            (top / "x.nt").unlink(missing_ok=True)
            if (top / "a").exists():
                (top / "a").rename(tmp_path / "b")
                top.rmdir()
                (tmp_path / "b").rename(top)
            else:
                top.rmdir()


@pytest.mark.parametrize("engine", [[], ["--fast"]], ids=["pyshacl", "fast"])
def test_a_long_chain_of_json_ld_terms_is_refused(engine: list[str], tmp_path: Path, capsys) -> None:
    """Terms defined by other terms ("t0": "t1:x", "t1": "t2:x", ...): Oxigraph expands the chain by recursion, and
    10,000 of them (200 KB of flat JSON) was a segmentation fault, exit 139, nothing said, in both engines."""
    terms = {f"t{i}": f"t{i + 1}:x" for i in range(10_000)} | {"t10000": "https://example.org/"}
    path = tmp_path / "chain.jsonld"
    path.write_text(json.dumps({"@context": terms, "@id": "https://example.org/a", "t0": 1}), encoding="utf-8")
    code, _, err = run(capsys, str(path), *engine)
    assert_one_line_error(code, err, "JSON-LD terms defined by other terms 10001 deep are refused (at most 256)")


def test_the_chain_of_json_ld_terms_is_measured_over_every_context() -> None:
    from scripts.load import term_chain

    assert term_chain({"@context": {"a": "b:x", "b": "http://e/", "c": {"@id": "a", "@type": "@id"}}}) == 3
    assert term_chain({"@context": [{"a": "b:x"}, "https://example.org/ctx", {"b": "http://e/"}]}) == 2
    scoped = {"@context": {"p": {"@id": "http://e/p", "@context": {"q": {"@id": "p:q", "@type": "r:t"}, "r": "p:r"}}}}
    assert term_chain(scoped) == 3  # q uses r (its type), r uses p
    assert term_chain({"@graph": [{"@context": {"a": "b:x", "b": "a:y"}}]}) == 0  # a cycle: the parser's error
    assert term_chain({"@context": {"a": "http://e/a"}}) == 1 and term_chain({"x": 1}) == 0


@pytest.mark.parametrize("engine", ENGINES, ids=ENGINE_IDS)
def test_a_huge_json_ld_file_is_one_line_not_a_memory_error(tmp_path: Path, engine: list[str]) -> None:
    """The JSON-LD checks read the whole text before the parser: 5 GB of NUL bytes (a sparse file), whose first
    byte is the parser's syntax error, and 5 GB after a "{", were `internal error: MemoryError` (exit 5) with the
    process's memory bounded, and without a bound 5 GB and its copies in memory."""
    import resource

    def bounded() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (4_000_000_000, 4_000_000_000))

    zeros, brace = tmp_path / "zeros.jsonld", tmp_path / "brace.jsonld"
    zeros.write_bytes(b"")
    brace.write_bytes(b"{")
    for path in (zeros, brace):
        os.truncate(path, 5 * 2**30)
    cases = [(brace, "brace.jsonld: JSON-LD file of 5,368,709,120 bytes: too large to check in the memory available"),
             (zeros, "zeros.jsonld:1: syntax error at column 1: Unexpected char: '\\x00'")]
    for path, expected in cases:
        done = subprocess.run([sys.executable, "-m", "scripts.validate", str(path), *engine], cwd=ROOT,
                              capture_output=True, text=True, timeout=120, preexec_fn=bounded)
        assert_one_line_error(done.returncode, done.stderr, expected)


@pytest.mark.parametrize("suffix", [".ttl", ".nt"])
def test_fast_says_an_error_in_the_first_line_without_reading_the_whole_file(tmp_path: Path, suffix: str) -> None:
    """--fast's strict read waited in its helper thread behind the scan of the whole file for RDF 1.2 terms (and,
    for N-Triples, ran the scan for retyped literals first), and the helper was waited for: 5 GB (a sparse file of
    NUL bytes) with its error at line 1, column 1 took 18 to 24 s to say so, where pyshacl takes 0.1 s."""
    path = tmp_path / f"zeros{suffix}"
    path.write_bytes(b"")
    os.truncate(path, 5 * 2**30)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "scripts.validate", str(path), "--fast"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert_one_line_error(done.returncode, done.stderr, f"zeros{suffix}:1: syntax error at column 1")
    assert time.perf_counter() - start < 5


@pytest.mark.parametrize("engine", ENGINES, ids=ENGINE_IDS)
def test_errors_stay_off_the_standard_output_when_the_standard_error_is_closed(engine: list[str]) -> None:
    """With descriptor 2 closed (`2>&-`), sys.stderr is None and print(..., file=sys.stderr) writes to the standard
    output: `validate bad.jsonld 2>&- > out` put "error: ..." in out, where the results go."""
    done = subprocess.run([sys.executable, "-m", "scripts.validate", str(BAD / "comma-lines.ttl"), *engine], cwd=ROOT,
                          capture_output=False, stdout=subprocess.PIPE, text=True, timeout=120,
                          preexec_fn=lambda: os.close(2))
    assert done.returncode == 4 and done.stdout == ""


@pytest.mark.parametrize("change", ["rewritten", "removed"])
def test_a_dataset_file_changed_during_the_fast_validation(capsys, tmp_path: Path, monkeypatch, change: str) -> None:
    """--fast reads a TriG, N-Quads or JSON-LD file again after the checks, to name the file of each result
    (fastshacl.origins): a file rewritten or removed in between was `internal error: SyntaxError` (or
    FileNotFoundError), exit 5, "please report it". It is an input error, exit 4, naming the file."""
    from scripts.validate import fastshacl

    path = tmp_path / "data.nq"
    path.write_text("<https://w3id.org/ngo-fp/resource/organization/upper> "  # an association without a label
                    "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/ngo-fp/ontology#Association> "
                    "<https://example.org/g> .\n")
    original = fastshacl.run

    def run_then_change(*args, **kwargs):
        results = original(*args, **kwargs)
        if change == "removed":
            path.unlink()
        else:
            path.write_text("this is not <n-quads> .\n")
        return results
    monkeypatch.setattr(fastshacl, "run", run_then_change)
    code, _, err = run(capsys, str(path), "--fast")
    expected = {"rewritten": "data.nq:1: changed while it was validated: syntax error at column 1",
                "removed": "data.nq: changed while it was validated: No such file or directory"}[change]
    assert_one_line_error(code, err, expected)


@pytest.mark.parametrize("kind", ["property-scoped", "type-scoped", "embedded", "large-scoped"])
@pytest.mark.parametrize("engine", [[], ["--fast"]], ids=["pyshacl", "fast"])
def test_contexts_applied_to_many_nodes_are_refused_at_once(engine: list[str], kind: str, tmp_path: Path,
                                                            capsys) -> None:
    """Oxigraph's JSON-LD parser copies the whole active context for every node object that a scoped or embedded
    context applies to: 4,000 inline terms and 40,000 such nodes (600 KB) took 29 s to parse, and twice the file 4
    minutes, in both engines; and a scoped context's own terms are defined again at each use (2,000 terms on 20,000
    nodes, 300 KB: 41 s). Refused at once; the same contexts applied a few times are read."""
    terms = {f"t{i}": f"https://example.org/t{i}" for i in range(4_000)} | {"q": "https://example.org/q"}
    inner = {"r": "https://example.org/r"}
    uses = 40_000
    if kind == "large-scoped":
        inner, uses = {f"t{i}": f"https://example.org/t{i}" for i in range(2_000)} | {"q": "https://example.org/q"}, 20_000
        terms, node = {"p": {"@id": "https://example.org/p", "@context": inner}}, {"q": "x"}
    elif kind == "property-scoped":
        terms["p"], node = {"@id": "https://example.org/p", "@context": inner}, {"q": "x"}
    elif kind == "type-scoped":
        terms["p"], terms["T"] = "https://example.org/p", {"@id": "https://example.org/T", "@context": inner}
        node = {"@type": "T", "q": "x"}
    else:
        terms["p"], node = "https://example.org/p", {"@context": inner, "r": "x"}
    for uses, refused in ((uses, True), (10, False)):
        path = tmp_path / f"{kind}-{uses}.jsonld"
        path.write_text(json.dumps({"@context": terms, "@id": "https://example.org/a", "p": [node] * uses}))
        start = time.perf_counter()
        code, _, err = run(capsys, str(path), *engine)
        if refused:
            assert_one_line_error(code, err, f"{path.name}: JSON-LD whose nested, property- or type-scoped contexts "
                                             "copy 160," if kind != "large-scoped" else "copy 200,")
            assert time.perf_counter() - start < 5
        else:
            assert code == 0, err


@pytest.mark.parametrize("engine", [[], ["--fast"]], ids=["pyshacl", "fast"])
def test_xml_with_thousands_of_attributes_or_namespaces_is_refused(engine: list[str], tmp_path: Path, capsys) -> None:
    """Oxigraph's RDF/XML reader takes time quadratic in an element's attributes and the namespaces in scope
    (100,000 attributes, 1.4 MB: 14 s): more than 1,000 are refused, on one element or over nested ones."""
    rdf = 'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/"'

    def description(attributes: int) -> str:
        props = " ".join(f'ex:p{i}="v"' for i in range(attributes))
        return f'<rdf:RDF {rdf}><rdf:Description rdf:about="http://example.org/a" {props}/></rdf:RDF>\n'

    def declarations(i: int) -> str:
        return " ".join(f'xmlns:n{i}x{j}="http://example.org/{j}/"' for j in range(60))

    nested = "".join(f"<ex:p{i} {declarations(i)}><rdf:Description>" for i in range(17))
    nested_end = "".join("</rdf:Description></ex:p{}>".format(i) for i in reversed(range(17)))
    cases = {"attributes.rdf": (description(1001), ":1: an XML element with more than 1000 attributes"),
             "namespaces.rdf": (f'<rdf:RDF {rdf}><rdf:Description rdf:about="http://example.org/a">{nested}'
                                f'{nested_end}</rdf:Description></rdf:RDF>\n', "namespaces in scope is refused")}
    for name, (text, expected) in cases.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        code, _, err = run(capsys, str(tmp_path / name), *engine)
        assert_one_line_error(code, err, expected)
    (tmp_path / "fine.rdf").write_text(description(990), encoding="utf-8")
    code, out, err = run(capsys, str(tmp_path / "fine.rdf"), *engine)
    assert code == 0 and "conforms" in out, err


class _EndlessContext:
    """A real HTTP server on 127.0.0.1 whose context never ends: it streams `{"@context": {"a": "xxx...` forever,
    fast (`/fast`) or a few bytes every 0.2 s (`/slow`), each write well within the socket timeout."""

    def __enter__(self) -> str:
        import http.server
        import threading

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "application/ld+json")
                self.end_headers()
                try:
                    self.wfile.write(b'{"@context": {"a": "')
                    while True:
                        self.wfile.write(b"x" * (65536 if self.path == "/fast" else 8))
                        if self.path != "/fast":
                            time.sleep(0.2)
                except OSError:  # the reader gave up
                    pass

            def log_message(self, *args) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_port}"

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_remote_contexts_are_bounded_in_size_time_and_number(tmp_path: Path, monkeypatch) -> None:
    """--allow-remote-contexts fetches contexts, but never without end: a context that is not a regular file
    (file:///dev/zero grew to 4 GB), one longer than MAX_CONTEXT_BYTES or slower than CONTEXT_TIMEOUT in all (an
    HTTP server streaming forever, fast or slowly), or more than MAX_CONTEXTS of them, make the file unreadable."""
    from scripts import load
    from scripts.errors import BuildError

    monkeypatch.setattr(load, "CONTEXT_TIMEOUT", 1)
    fifo = tmp_path / "fifo.jsonld"
    os.mkfifo(fifo)
    for number in range(3):
        (tmp_path / f"c{number}.jsonld").write_text(json.dumps({"@context": {f"t{number}": "https://example.org/"}}))

    def document(context) -> Path:
        path = tmp_path / "data.jsonld"
        path.write_text(json.dumps({"@context": context, "@id": "https://example.org/a", "https://example.org/p": "x"}))
        return path

    with _EndlessContext() as server:
        cases = [
            ("file:///dev/zero", "the context file:///dev/zero is not a regular file"),
            (fifo.as_uri(), f"the context {fifo.as_uri()} is not a regular file"),
            (f"{server}/fast", f"the context {server}/fast is longer than 8 MiB"),
            (f"{server}/slow", f"the context {server}/slow took more than 1 s to fetch"),
        ]
        for context, expected in cases:
            started = time.monotonic()
            with pytest.raises(BuildError, match="cannot read JSON-LD: " + re.escape(expected)):
                load.parse(document(context), allow_remote_contexts=True)
            assert time.monotonic() - started < 10, context
    contexts = [f"c{number}.jsonld" for number in range(3)]
    assert len(load.parse(document(contexts), allow_remote_contexts=True)) == 1  # relative file contexts, read
    monkeypatch.setattr(load, "MAX_CONTEXTS", 2)
    with pytest.raises(BuildError, match="cannot read JSON-LD: more than 2 remote contexts"):
        load.parse(document(contexts), allow_remote_contexts=True)
