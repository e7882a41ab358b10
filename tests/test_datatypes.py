"""Ill-typed literals: both engines refuse exactly the lexical forms outside each datatype's lexical space.

tests/datatypes/corpus.csv lists lexical forms per datatype with the verdict of XSD 1.1 Part 2 (and the one
restriction the project documents in scripts/validate/datatypes.py: xsd:date years 0001-9999), written from
the specification, not from either engine. Each row becomes a focus node with one value under a property
shape with sh:datatype (and, for the three date types, under an sh:or of the three); pyshacl and the fast
engine must both report exactly the rows marked invalid.

tests/datatypes/plain-dates.csv covers the dates and years as the project writes them now: plain ISO 8601
literals (ontology/README.md, "Dates and years"), checked by sh:datatype xsd:string and an exact sh:pattern
of the project's own shapes (shapes/shapes.ttl); typed xsd:date/xsd:gYear values are violations. Which
components fail is written from the calendar and the shapes' messages, not from either engine.
"""
from __future__ import annotations

import csv
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH

from scripts import validate
from scripts.validate import fastshacl
from scripts.load import parse
from scripts.validate import datatypes, regex

CORPUS = Path(__file__).parent / "datatypes" / "corpus.csv"
PLAIN = Path(__file__).parent / "datatypes" / "plain-dates.csv"
SHAPES = Path(__file__).parents[1] / "shapes" / "shapes.ttl"
NFPS = "https://w3id.org/ngo-fp/shapes#"
XSD = "http://www.w3.org/2001/XMLSchema#"
EX = "https://example.org/dt#"
ROWS = list(csv.DictReader(CORPUS.open(encoding="utf-8")))
DATATYPES = sorted({r["datatype"] for r in ROWS})
DATES = ("xsd:date", "xsd:gYearMonth", "xsd:gYear")


def iri(curie: str) -> str:
    """An xsd: name, or a whole IRI written <...>."""
    return curie[1:-1] if curie.startswith("<") else XSD + curie.removeprefix("xsd:")


def local(curie: str) -> str:
    return curie.removeprefix("xsd:")


def test_corpus_size() -> None:
    assert len(ROWS) == 63
    assert sum(r["valid"] == "no" for r in ROWS) == 39
    assert set(DATATYPES) == {"xsd:date", "xsd:gYear", "xsd:gYearMonth", "xsd:integer", "xsd:decimal",
                              "xsd:boolean", "xsd:anyURI", "xsd:string"}


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['datatype']}-{r['lexical']!r}" for r in ROWS])
def test_lexical_space(row: dict[str, str]) -> None:
    assert datatypes.valid(row["lexical"], iri(row["datatype"])) is (row["valid"] == "yes"), row["why"]


def corpus_shapes() -> Graph:
    lines = ["@prefix sh: <http://www.w3.org/ns/shacl#> .", "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .",
             f"@prefix ex: <{EX}> ."]
    for dt in DATATYPES:
        lines.append(f"ex:{local(dt)}Shape a sh:NodeShape ; sh:targetSubjectsOf ex:{local(dt)} ; "
                     f"sh:property ex:{local(dt)}Typed .")
        lines.append(f"ex:{local(dt)}Typed a sh:PropertyShape ; sh:path ex:{local(dt)} ; sh:datatype {dt} .")
    lines.append("ex:DatedShape a sh:NodeShape ; sh:targetSubjectsOf ex:dated ; sh:property ex:datedTyped .")
    lines.append("ex:datedTyped a sh:PropertyShape ; sh:path ex:dated ; sh:or ( ex:aDate ex:aYearMonth ex:aYear ) .")
    lines += ["ex:aDate sh:datatype xsd:date .", "ex:aYearMonth sh:datatype xsd:gYearMonth .",
              "ex:aYear sh:datatype xsd:gYear ."]
    return Graph().parse(data="\n".join(lines), format="turtle")


def corpus_data() -> tuple[str, set[tuple[str, str, str, str, str]]]:
    """The corpus as N-Triples and the results XSD expects."""
    lines, expected = [], set()
    for i, row in enumerate(ROWS):
        quoted = row["lexical"].replace("\\", "\\\\").replace('"', '\\"')
        value = f'"{quoted}"^^<{iri(row["datatype"])}>'  # as written: rdflib's n3() would rewrite "inf" to "INF"
        focus = f"{EX}row-{i}"
        lines.append(f"<{focus}> <{EX}{local(row['datatype'])}> {value} .")
        if row["valid"] == "no":
            expected.add(("Violation", focus, EX + local(row["datatype"]), "DatatypeConstraintComponent",
                          f"{EX}{local(row['datatype'])}Typed"))
        if row["datatype"] in DATES:
            lines.append(f"<{focus}-dated> <{EX}dated> {value} .")
            if row["valid"] == "no":
                expected.add(("Violation", focus + "-dated", EX + "dated", "OrConstraintComponent", EX + "datedTyped"))
    return "\n".join(lines) + "\n", expected


def read_by_both(path: Path, shapes: Graph) -> tuple[list[validate.Result], list[validate.Result]]:
    """pyshacl's and the fast engine's results on one file, each reading it as `ngo-fp validate` does."""
    reference, _ = validate.shacl(parse(path), Graph(), shapes)
    return reference, fastshacl.run(fastshacl.load_store([path]), fastshacl.compile_shapes(shapes))


def verdicts(results: list[validate.Result]) -> set[tuple[str, str, str, str, str]]:
    return {(r.severity, r.focus, r.path, r.component, r.shape) for r in results}


def test_both_engines_report_exactly_the_ill_typed_rows() -> None:
    text, expected = corpus_data()
    invalid_dates = sum(r["valid"] == "no" and r["datatype"] in DATES for r in ROWS)
    assert len(expected) == 39 + invalid_dates
    shapes = corpus_shapes()
    datatypes.strict_rdflib()  # as scripts/load.py does before it parses: rdflib's own mapping rewrites lexical forms
    data = Graph().parse(data=text, format="nt")
    reference, _ = validate.shacl(data, Graph(), shapes)
    fast = fastshacl.run(fastshacl.load_store(graph=data), fastshacl.compile_shapes(shapes))
    assert verdicts(reference) == expected
    assert verdicts(fast) == expected


def test_both_engines_report_exactly_the_ill_typed_rows_of_a_file(tmp_path: Path) -> None:
    """The same corpus read from a file as `ngo-fp validate` reads it: scripts/load.py (with the stored forms of
    the literals) for pyshacl, Oxigraph's loader for --fast."""
    text, expected = corpus_data()
    path = tmp_path / "corpus.nt"
    path.write_text(text, encoding="utf-8")
    shapes = corpus_shapes()
    reference, fast = read_by_both(path, shapes)
    assert verdicts(reference) == expected
    assert verdicts(fast) == expected


def test_verdicts_survive_owl_rl(tmp_path: Path) -> None:
    """OWL-RL, which pyshacl runs for inference="rdfs", replaces rdflib's xsd:gYear and xsd:gYearMonth constructors
    with its own, which refuse a time zone ("2019Z"), and leaves them in place when it is done. pyshacl reported
    "2019Z" and "2019-02+14:00" as ill-typed after test_plover's DCAT-AP test had run in the same process.

    After it, the corpus read from a file as `ngo-fp validate` reads it gets the same verdicts from both engines; and
    in a graph parsed while OWL-RL's constructors were in place, pyshacl still judges the years and year-months by
    their lexical forms. (Dates and booleans such a parse has already rewritten, "2019-01-05+15:00" to "2019-01-05"
    by rdflib's own lax mapping, cannot be judged by what was written: scripts/load.py installs the strict mapping
    before it parses.)"""
    from pyshacl import validate as pyshacl_validate
    from rdflib import term

    saved = dict(term._toPythonMapping)
    try:
        shapes = corpus_shapes()
        pyshacl_validate(Graph().parse(data=f"<{EX}a> <{EX}gYear> \"2019\" .", format="nt"), shacl_graph=shapes,
                         inference="rdfs")
        # what OWL-RL left behind, or this test would test nothing
        assert Literal("2019Z", datatype=URIRef(XSD + "gYear")).ill_typed
        text, expected = corpus_data()
        years = {f"{EX}row-{i}{tail}" for i, r in enumerate(ROWS) if r["datatype"] in ("xsd:gYear", "xsd:gYearMonth")
                 for tail in ("", "-dated")}
        reference, _ = validate.shacl(Graph().parse(data=text, format="nt"), Graph(), shapes)
        assert {v for v in verdicts(reference) if v[1] in years} == {e for e in expected if e[1] in years}
        path = tmp_path / "corpus.nt"
        path.write_text(text, encoding="utf-8")
        assert tuple(map(verdicts, read_by_both(path, shapes))) == (expected, expected)
    finally:
        term._toPythonMapping.clear()
        term._toPythonMapping.update(saved)


def test_language_strings() -> None:
    """rdf:langString needs a language tag; xsd:string refuses one."""
    shapes = Graph().parse(data=f"""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <{EX}> .
        @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        ex:S a sh:NodeShape ; sh:targetSubjectsOf ex:tagged , ex:plain ; sh:property ex:tagged , ex:plain .
        ex:tagged sh:path ex:tagged ; sh:datatype rdf:langString .
        ex:plain sh:path ex:plain ; sh:datatype xsd:string .""", format="turtle")
    data = Graph().parse(data=f"""
        <{EX}a> <{EX}tagged> "Ankara"@tr . <{EX}b> <{EX}tagged> "Ankara" . <{EX}c> <{EX}tagged> <{EX}ankara> .
        <{EX}d> <{EX}plain> "Ankara" . <{EX}e> <{EX}plain> "Ankara"@tr . <{EX}f> <{EX}plain> "1"^^<{XSD}integer> .
        """, format="turtle")
    expected = {("Violation", EX + f, EX + p, "DatatypeConstraintComponent", EX + p)
                for f, p in (("b", "tagged"), ("c", "tagged"), ("e", "plain"), ("f", "plain"))}
    reference, _ = validate.shacl(data, Graph(), shapes)
    fast = fastshacl.run(fastshacl.load_store(graph=data), fastshacl.compile_shapes(shapes))
    assert verdicts(reference) == expected
    assert verdicts(fast) == expected


def test_unknown_datatypes_are_refused_by_the_fast_engine() -> None:
    shapes = Graph().parse(data=f"""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        <{EX}S> a sh:NodeShape ; sh:targetSubjectsOf <{EX}p> ; sh:property [ sh:path <{EX}p> ; sh:datatype xsd:duration ] .
        """, format="turtle")
    with pytest.raises(fastshacl.Unsupported, match="duration"):
        fastshacl.compile_shapes(shapes)


PLAIN_ROWS = list(csv.DictReader(PLAIN.open(encoding="utf-8")))
COMPONENTS = {"pattern": "PatternConstraintComponent", "datatype": "DatatypeConstraintComponent"}


def project_date_shapes() -> tuple[Graph, dict[str, str]]:
    """The project's own date and year property shapes, each under a node shape targeting its path's subjects
    (not typed sh:NodeShape: a shape with a target is a node shape, SHACL 2.1)."""
    project = Graph().parse(SHAPES, format="turtle")
    shapes, paths = Graph(), {}
    for name in sorted({r["shape"] for r in PLAIN_ROWS}):
        shape = URIRef(NFPS + name)
        path = project.value(shape, SH.path)
        assert path is not None, name
        paths[name] = str(path)
        for p, o in project.predicate_objects(shape):
            shapes.add((shape, p, o))
        node = URIRef(EX + name + "-target")
        shapes.add((node, SH.targetSubjectsOf, path))
        shapes.add((node, SH.property, shape))
    return shapes, paths


def test_plain_dates_corpus_size() -> None:
    assert len(PLAIN_ROWS) == 30
    assert sum(bool(r["fails"]) for r in PLAIN_ROWS) == 22
    assert {r["shape"] for r in PLAIN_ROWS} == {"startDateTyped", "SourceShape-accessDate",
                                                "SourceShape-issued"}


def test_both_engines_judge_plain_dates_with_the_project_shapes() -> None:
    shapes, paths = project_date_shapes()
    lines, expected = [], set()
    for i, row in enumerate(PLAIN_ROWS):
        focus = f"{EX}plain-{i}"
        value = f'"{row["lexical"]}"' + (f"^^<{iri(row['datatype'])}>" if row["datatype"] else "")
        lines.append(f"<{focus}> <{paths[row['shape']]}> {value} .")
        for fail in row["fails"].split():
            expected.add(("Violation", focus, paths[row["shape"]], COMPONENTS[fail], NFPS + row["shape"]))
    data = Graph().parse(data="\n".join(lines), format="nt")
    assert len(expected) == 23
    reference, _ = validate.shacl(data, Graph(), shapes)
    fast = fastshacl.run(fastshacl.load_store(graph=data), fastshacl.compile_shapes(shapes))
    assert verdicts(reference) == expected
    assert verdicts(fast) == expected


def test_both_engines_judge_the_stored_forms_of_literals(tmp_path: Path) -> None:
    """Literals written other than in their canonical form, read from a file as `ngo-fp validate` reads it
    (scripts/load.py for pyshacl, Oxigraph's loader for --fast): both engines see the form an Oxigraph store
    keeps (load.stored_form). Value-equal numbers and booleans are one value (01, +1 and 1; true and "1"; 1.50
    and 1.5; 1.0e0 and 1E0) and their text is the canonical one (0001 is "1", too short for sh:minLength 3); a
    date keeps its timezone, so "2019-01-01" and "2019-01-01Z" are two values, and the project's exact date
    pattern refuses "2019-01-01Z" (rdflib's own normalization drops the "Z": pyshacl accepted it before)."""
    shapes = Graph().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://example.org/> .
        ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property ex:one , ex:pattern , ex:has , ex:length .
        ex:one sh:path ex:p ; sh:maxCount 1 .
        ex:pattern sh:path ex:q ; sh:pattern "^[1-9][0-9.]*$" .
        ex:has sh:path ex:r ; sh:hasValue 1 .
        ex:length sh:path ex:s ; sh:minLength 3 .""", format="turtle")
    data = tmp_path / "forms.ttl"
    data.write_text("""@prefix ex: <https://example.org/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        ex:a a ex:C ; ex:p 1 , 01 , +1 ; ex:q 007 ; ex:r "01"^^xsd:integer ; ex:s 0001 .
        ex:b a ex:C ; ex:p true , "1"^^xsd:boolean ; ex:q "1.50"^^xsd:decimal ; ex:r 1 .
        ex:c a ex:C ; ex:p 1.50 , 1.5 ; ex:r 1 ; ex:s "1.500"^^xsd:decimal .
        ex:d a ex:C ; ex:p "2019-01-01"^^xsd:date , "2019-01-01Z"^^xsd:date ; ex:r 1 .
        ex:e a ex:C ; ex:p 1.0e0 , 1E0 ; ex:r 1 .
        """)
    expected = {("Violation", "https://example.org/a", "https://example.org/s", "MinLengthConstraintComponent",
                 "https://example.org/length"),
                ("Violation", "https://example.org/d", "https://example.org/p", "MaxCountConstraintComponent",
                 "https://example.org/one")}
    reference, fast = read_by_both(data, shapes)
    assert verdicts(reference) == verdicts(fast) == expected

    shapes, paths = project_date_shapes()
    dates = tmp_path / "dates.nt"
    dates.write_text("".join(f'<{EX}{name}-{zone or "plain"}> <{paths[name]}> "2019-01-01{zone}"^^<{XSD}date> .\n'
                             for name in ("startDateTyped", "SourceShape-accessDate") for zone in ("", "Z")))
    reference, fast = read_by_both(dates, shapes)
    assert verdicts(reference) == verdicts(fast)

    def found(zone: str) -> set[tuple[str, str]]:  # (shape, component) of the values with that ending
        return {(v[1].removeprefix(EX).rsplit("-", 1)[0], v[3]) for v in verdicts(fast) if v[1].endswith(zone)}
    assert found("-Z") - found("-plain") == {("startDateTyped", "PatternConstraintComponent"),
                                              ("SourceShape-accessDate", "PatternConstraintComponent")}


def test_remote_context_json_ld_gets_the_stored_forms_too(tmp_path: Path) -> None:
    """JSON-LD read with --allow-remote-contexts goes through rdflib's JSON-LD parser (its context served here by a
    real HTTP server on 127.0.0.1); its literals are given the stored forms too, so 1.50 and 1.5 are one value
    for both engines, as they are in Turtle."""
    import functools
    import http.server
    import json
    import threading

    served = tmp_path / "served"
    served.mkdir()
    (served / "context.jsonld").write_text(json.dumps({"@context": {
        "xsd": XSD, "p": {"@id": "https://example.org/p", "@type": "xsd:decimal"}}}))
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(served))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        data = tmp_path / "remote.jsonld"
        data.write_text(json.dumps({
            "@context": f"http://127.0.0.1:{server.server_port}/context.jsonld",
            "@graph": [{"@id": "https://example.org/one", "@type": "https://example.org/C", "p": ["1.50", "1.5"]},
                       {"@id": "https://example.org/two", "@type": "https://example.org/C", "p": ["1.5", "2.0"]}]}))
        shapes = Graph().parse(data="""@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://example.org/> .
            ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:maxCount 1 ] .""",
                               format="turtle")
        graph = parse(data, allow_remote_contexts=True)
        reference, _ = validate.shacl(graph, Graph(), shapes)
        store = fastshacl.load_store([data], allow_remote_contexts=True)
    finally:
        server.shutdown()
    fast = fastshacl.run(store, fastshacl.compile_shapes(shapes))
    assert {str(o) for o in graph.objects()} >= {"1.5", "2"}
    assert {(r.focus, r.component) for r in reference} == {(r.focus, r.component) for r in fast} == {
        ("https://example.org/two", "MaxCountConstraintComponent")}


def test_a_pattern_ends_at_the_end_of_the_string(tmp_path: Path) -> None:
    """sh:pattern follows XPath (SHACL §4.7.1): without the "m" flag `$` is the end of the string, not also the
    place before a final newline as in Python's `re`, so both engines refuse "2019\\n" as a date
    (validate.xpath_patterns); with "m", `$` ends a line in both."""
    shapes, paths = project_date_shapes()
    shapes += Graph().parse(data="""@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://example.org/dt#> .
        ex:lines a sh:NodeShape ; sh:targetSubjectsOf ex:line ; sh:property ex:lineShape .
        ex:lineShape sh:path ex:line ; sh:pattern "^a$" ; sh:flags "m" .
        ex:whole a sh:NodeShape ; sh:targetSubjectsOf ex:text ; sh:property ex:wholeShape .
        ex:wholeShape sh:path ex:text ; sh:pattern "^a$" .""", format="turtle")
    start = paths["startDateTyped"]
    data = tmp_path / "newlines.nt"
    data.write_text(f'<{EX}year> <{start}> "2019\\n" .\n<{EX}day> <{start}> "2019-01-01\\n" .\n'
                    f'<{EX}plain> <{start}> "2019" .\n<{EX}lines> <{EX}line> "a\\nb" .\n'
                    f'<{EX}whole> <{EX}text> "a\\n" .\n<{EX}one> <{EX}text> "a" .\n')
    reference, fast = read_by_both(data, shapes)
    assert verdicts(reference) == verdicts(fast) == {
        ("Violation", f"{EX}{focus}", path, "PatternConstraintComponent", shape)
        for focus, path, shape in (("year", start, NFPS + "startDateTyped"), ("day", start, NFPS + "startDateTyped"),
                                   ("whole", f"{EX}text", f"{EX}wholeShape"))}


@pytest.mark.parametrize("pattern, flags, python, rust", [
    ("^a$", "", "^a\\Z", "^a$"), ("^[$a]$", "", "^[$a]\\Z", "^[$a]$"), ("^a\\$$", "", "^a\\$\\Z", "^a\\$$"),
    ("^(x|y$)", "", "^(x|y\\Z)", "^(x|y$)"), ("^a", "", "^a", "^a"), ("^a$", "m", "^a$", "^a$"),
    ("^\\S+$", "", "^[^\\x20\\t\\n\\r]+\\Z", "^[^\\x20\\t\\n\\r]+$"),
    ("a\\sb", "", "a[\\x20\\t\\n\\r]b", "a[\\x20\\t\\n\\r]b"), ("[\\s,]", "", "[\\x20\\t\\n\\r,]", "[\\x20\\t\\n\\r,]"),
    ("a.b", "", "a[^\\n\\r]b", "a[^\\n\\r]b"), ("a.b", "s", "a[\\s\\S]b", "a.b"), ("[.]", "", "[.]", "[.]"), ("\\.", "", "\\.", "\\."),
    ("\\d+", "", "\\d+", "\\d+")])
def test_patterns_are_written_as_xpath_reads_them(pattern: str, flags: str, python: str, rust: str) -> None:
    assert regex.xpath(pattern, flags, python=True) == python
    assert regex.xpath(pattern, flags) == rust


@pytest.mark.parametrize("pattern", ["\\w+", "\\bword", "[\\S,]", "\\Aa", "a\\Z", "\\W"])
def test_patterns_the_engines_would_read_otherwise_are_refused(pattern: str) -> None:
    with pytest.raises(regex.NotXPath):
        regex.xpath(pattern)
    shapes = Graph().parse(data=f"""@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://example.org/dt#> .
        ex:s a sh:NodeShape ; sh:targetSubjectsOf ex:p ; sh:property ex:ps .
        ex:ps sh:path ex:p ; sh:pattern {Literal(pattern).n3()} .""", format="turtle")
    with pytest.raises(fastshacl.Unsupported):
        fastshacl.compile_shapes(shapes)


def test_whitespace_and_dot_are_xpaths_in_both_engines(tmp_path: Path) -> None:
    """XPath's \\s is space, tab, LF and CR, nothing else, and `.` matches neither LF nor CR. Python's \\s also
    takes U+001C-U+001F, FF, VT and Unicode spaces; Rust's takes Unicode White_Space, not U+001C: with the
    patterns as written, "https://a\\u001cb" failed the project's `^https?://\\S+$` under pyshacl only."""
    shapes = Graph().parse(data="""@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://example.org/dt#> .
        ex:urls a sh:NodeShape ; sh:targetSubjectsOf ex:url ; sh:property ex:urlShape .
        ex:urlShape sh:path ex:url ; sh:pattern "^https?://\\\\S+$" .
        ex:dots a sh:NodeShape ; sh:targetSubjectsOf ex:dot ; sh:property ex:dotShape .
        ex:dotShape sh:path ex:dot ; sh:pattern "^a.b$" .""", format="turtle")
    cases = {"fs": ("url", "\\u001C", True), "us": ("url", "\\u001F", True), "vt": ("url", "\\u000B", True),
             "ff": ("url", "\\u000C", True), "nbsp": ("url", "\\u00A0", True), "nel": ("url", "\\u0085", True),
             "ideographic": ("url", "\\u3000", True), "space": ("url", " ", False), "tab": ("url", "\\t", False),
             "lf": ("url", "\\n", False), "cr": ("url", "\\r", False), "dot-cr": ("dot", "\\r", False),
             "dot-lf": ("dot", "\\n", False), "dot-x": ("dot", "x", True), "dot-nel": ("dot", "\\u0085", True)}
    lines = []
    for name, (kind, char, conforms) in cases.items():
        value = f"https://a{char}b" if kind == "url" else f"a{char}b"
        lines.append(f'<{EX}{name}> <{EX}{kind}> "{value}" .')
    data = tmp_path / "whitespace.nt"
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    reference, fast = read_by_both(data, shapes)
    expected = {("Violation", f"{EX}{name}", f"{EX}{kind}", "PatternConstraintComponent", f"{EX}{kind}Shape")
                for name, (kind, _, conforms) in cases.items() if not conforms}
    assert verdicts(reference) == expected
    assert verdicts(fast) == expected


XSD_NS = "http://www.w3.org/2001/XMLSchema#"
RETYPED_WRITINGS = {  # one literal typed xsd:int (or another type Oxigraph keeps as another), as each format may write it
    "full.nt": f'<https://example.org/a> <https://example.org/p> "1"^^<{XSD_NS}int> .\n',
    "prefixed.ttl": f'@prefix xsd: <{XSD_NS}> .\n<https://example.org/a> <https://example.org/p> "1"^^xsd:short .\n',
    "empty-prefix.ttl": f'@prefix : <{XSD_NS}> .\n<https://example.org/a> <https://example.org/p> "1"^^:byte .\n',
    "relative.ttl": '@base <http://www.w3.org/2001/XMLSchema> .\n'
                    '<https://example.org/a> <https://example.org/p> "1"^^<#positiveInteger> .\n',
    "escaped.nt": '<https://example.org/a> <https://example.org/p> "1"^^<http://www.w3.org/2001/XMLSchema\\u0023long> .\n',
    "compact.jsonld": '{"@context": {"xsd": "%s"}, "@id": "https://example.org/a", '
                      '"https://example.org/p": {"@value": "1", "@type": "xsd:unsignedInt"}}' % XSD_NS,
    "vocab.jsonld": '{"@context": {"@vocab": "%s"}, "@id": "https://example.org/a", '
                    '"https://example.org/p": {"@value": "2001-01-01T00:00:00Z", "@type": "dateTimeStamp"}}' % XSD_NS,
    # a prefix, a context term or @vocab that ends inside the IRI; a comment, a statement's final dot, a prefix
    # name that is not ASCII: no text scan of these formats can be sure, so they are always parsed
    "split-prefix.ttl": '@prefix x: <http://www.w3.org/2001/XMLSchema#in> .\n'
                        '<https://example.org/a> <https://example.org/p> "1"^^x:t .\n',
    "split-escaped.ttl": '@prefix w: <http://www.w3.org/2001/> .\n<https://example.org/a> <https://example.org/p> '
                         '"1"^^w:XMLSchema\\#long .\n',
    "after-comment.trig": f'@prefix xsd: <{XSD_NS}> .\n{{ <https://example.org/a> <https://example.org/p> "1"^^# a\n'
                          'xsd:int }\n',
    "final-dot.ttl": f'@prefix xsd: <{XSD_NS}> .\n<https://example.org/a> <https://example.org/p> "1"^^xsd:byte.\n',
    "non-ascii-prefix.ttl": f'@prefix é: <{XSD_NS}> .\n<https://example.org/a> <https://example.org/p> "1"^^é:short .\n',
    "prefix-term.jsonld": '{"@context": {"@version": 1.1, "x": {"@id": "http://www.w3.org/2001/XMLSchema#in", '
                          '"@prefix": true}}, "@id": "https://example.org/a", '
                          '"https://example.org/p": {"@value": "1", "@type": "x:t"}}',
    "split-vocab.jsonld": '{"@context": {"@vocab": "http://www.w3.org/2001/XMLSchema#unsigned"}, "@id": '
                          '"https://example.org/a", "https://example.org/p": {"@value": "1", "@type": "Byte"}}',
    "single-quote.rdf": '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xml:base="http://www.w3.org/'
                        "2001/XMLSchema\"><rdf:Description rdf:about='https://example.org/a'><p xmlns='https://exampl"
                        "e.org/' rdf:datatype='#int'>1</p></rdf:Description></rdf:RDF>\n",
    "full.rdf": '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about='
                f'"https://example.org/a"><p xmlns="https://example.org/" rdf:datatype="{XSD_NS}int">1</p>'
                '</rdf:Description></rdf:RDF>\n',
    "base.rdf": '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xml:base="http://www.w3.org/2001/'
                'XMLSchema"><rdf:Description rdf:about="https://example.org/a"><p xmlns="https://example.org/" '
                'rdf:datatype="#negativeInteger">-1</p></rdf:Description></rdf:RDF>\n',
}


@pytest.mark.parametrize("name", sorted(RETYPED_WRITINGS))
def test_literals_oxigraph_retypes_are_found_however_written(name: str, tmp_path: Path) -> None:
    """The fast engine's text scan flags every way a file can name such a datatype, and the reading that follows
    finds the literal; the file then goes to pyshacl (scripts/load.py, RETYPED_BY_OXIGRAPH)."""
    from scripts.load import may_hold_retyped, rdf_format, read_whole

    path = tmp_path / name
    path.write_text(RETYPED_WRITINGS[name], encoding="utf-8")
    assert may_hold_retyped(path)
    holds, found = read_whole(path, rdf_format(path), frozenset({"https://example.org/p"}))
    assert found is not None and found.datatype.value.startswith(XSD_NS)
    assert holds and read_whole(path, rdf_format(path), frozenset({"https://example.org/q"})) == (True, None)  # no check reads p


def test_the_retyped_scan_passes_what_names_no_such_datatype(tmp_path: Path) -> None:
    """Neither the base fixture's text nor its predicates: the evidence offsets (oa:start, xsd:nonNegativeInteger)
    are read by no check, so they leave the fast engine its data; a value a check reads does not."""
    from scripts.load import may_hold_retyped, rdf_format, read_whole
    from scripts.paths import SHAPES

    base = Path(__file__).parent / "shapes" / "base.ttl"
    as_nt = tmp_path / "base.nt"
    as_nt.write_text(Graph().parse(base).serialize(format="nt"), encoding="utf-8")
    assert not may_hold_retyped(as_nt)  # N-Triples: the scan rules it out
    predicates = fastshacl.watched(Graph().parse(SHAPES))
    assert may_hold_retyped(base) and read_whole(base, rdf_format(base), predicates) == (True, None)  # Turtle: parsed
    assert "http://www.w3.org/ns/oa#start" not in predicates
    assert {"https://w3id.org/ngo-fp/ontology#referenceNumber", "https://w3id.org/ngo-fp/ontology#fullName"} <= predicates


@pytest.mark.parametrize("allow", [False, True], ids=["oxigraph-reads", "rdflib-reads"])
def test_the_fast_engine_refuses_a_retyped_literal_however_the_file_is_read(tmp_path: Path, allow: bool) -> None:
    """validate_files looks for such literals in every data file, a JSON-LD file read by rdflib
    (--allow-remote-contexts) as well as one Oxigraph's strict parser reads beside the lenient load."""
    from scripts.paths import ONTOLOGY, SHAPES

    data = tmp_path / "entry.jsonld"
    data.write_text('{"@id": "https://w3id.org/ngo-fp/resource/reference/x", "https://w3id.org/ngo-fp/ontology#'
                    f'referenceNumber": {{"@value": "3", "@type": "{XSD_NS}int"}}}}', encoding="utf-8")
    with pytest.raises(fastshacl.Unsupported, match="Oxigraph keeps literals of this datatype as another"):
        fastshacl.validate_files([data], ONTOLOGY, SHAPES, allow_remote_contexts=allow)


def test_an_error_in_one_file_does_not_wait_for_the_next_files_reading(tmp_path: Path, monkeypatch) -> None:
    """The strict parser reads a file while it loads (fastshacl.load_store, read_elsewhere), not all files ahead:
    a syntax error in the first file is reported without a strict reading of the others."""
    from scripts import load
    from scripts.errors import BuildError
    from scripts.paths import ONTOLOGY, SHAPES

    read = []
    whole = load.read_whole
    monkeypatch.setattr(load, "read_whole", lambda path, *rest: read.append(path.name) or whole(path, *rest))
    bad, good = tmp_path / "bad.nt", tmp_path / "good.nt"
    bad.write_text("<https://example.org/a> <https://example.org/p> <a b> .\n", encoding="utf-8")
    good.write_text("<https://example.org/a> <https://example.org/p> <https://example.org/b> .\n", encoding="utf-8")
    with pytest.raises(BuildError, match="syntax error"):
        fastshacl.validate_files([bad, good], ONTOLOGY, SHAPES)
    assert read == ["bad.nt"]


MIN_INCLUSIVE = list(csv.DictReader((Path(__file__).parent / "datatypes" / "min-inclusive.csv").open(encoding="utf-8")))


def test_both_engines_compare_numbers_alike_under_min_inclusive(tmp_path: Path) -> None:
    """sh:minInclusive 1 on numbers Oxigraph cannot compare (past 64 bits, past its decimals, a double written
    with a space) and on what is no number, unknown datatypes among them (their IRIs sort on both sides of
    xsd:integer's). Which rows fail is written from the values (min-inclusive.csv)."""
    assert len(MIN_INCLUSIVE) == 27
    shapes = Graph().parse(data=f"""@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <{EX}> .
        ex:S a sh:NodeShape ; sh:targetSubjectsOf ex:n ; sh:property ex:atLeastOne .
        ex:atLeastOne a sh:PropertyShape ; sh:path ex:n ; sh:minInclusive 1 .""", format="turtle")
    lines, expected = [], set()
    for i, row in enumerate(MIN_INCLUSIVE):
        lines.append(f'<{EX}n-{i}> <{EX}n> "{row["lexical"]}"^^<{iri(row["datatype"])}> .\n')
        if row["at_least_1"] == "no":
            expected.add(("Violation", f"{EX}n-{i}", EX + "n", "MinInclusiveConstraintComponent", EX + "atLeastOne"))
    assert len(expected) == 16
    path = tmp_path / "numbers.nt"
    path.write_text("".join(lines), encoding="utf-8")
    reference, fast = read_by_both(path, shapes)
    assert verdicts(reference) == expected
    assert verdicts(fast) == expected
