"""Grounding: quotes are checked against the verbatim article, and expanded into Web Annotations."""
from __future__ import annotations

import re
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from scripts.load import parse
from scripts.validate import grounding
from scripts.paths import ARTICLE, NFP, OA, ROOT, SOURCE_TEXTS

SHARED = ROOT.parent / "shared" / "source" / "article.txt"


def test_project_copy_of_the_article_is_verbatim() -> None:
    if not SHARED.exists():
        import pytest
        pytest.skip("../shared/source/article.txt is not beside this checkout")
    assert SOURCE_TEXTS[ARTICLE].read_bytes() == SHARED.read_bytes()


def test_every_quote_of_the_instances_is_in_the_article(built) -> None:
    assert built.quotes >= 300
    text = grounding.source_text(ARTICLE)
    for _, quote in grounding.quotes(built.instances):
        assert text.find(quote) >= 0, quote


def graph_with(quote: str) -> Graph:
    g = Graph()
    g.add((URIRef("https://w3id.org/ngo-fp/resource/organization/x"), NFP.evidenceQuote, Literal(quote)))
    return g


def test_whitespace_is_normalized_but_nothing_else() -> None:
    ok = graph_with("Dr.   Nurbanu\n Bulgur")
    typo = graph_with("Dr. Nurbanu Bulgar")
    checked, problems = grounding.check({Path("ok.ttl"): ok, Path("typo.ttl"): typo})
    assert checked == 2
    assert [p.path for p in problems] == [Path("typo.ttl")]


def test_problem_names_file_resource_and_quote() -> None:
    _, problems = grounding.check({Path("instances/x.ttl"): graph_with("NGOs rule the world")})
    message = str(problems[0])
    assert "instances/x.ttl" in message
    assert "https://w3id.org/ngo-fp/resource/organization/x" in message
    assert "NGOs rule the world" in message


def test_expansion_selects_the_exact_passage_of_the_original_text() -> None:
    quote = "The occupation of Azerbaijan by Bolshevik Russia in 1920"
    g = grounding.expand(graph_with(quote))
    start = int(next(g.objects(None, OA.start)))
    end = int(next(g.objects(None, OA.end)))
    original = SOURCE_TEXTS[ARTICLE].read_text(encoding="utf-8")
    assert original[start:end] == quote
    assert str(next(g.objects(None, OA.exact))) == quote
    assert str(next(g.objects(None, OA.suffix))).startswith(" limited the relations")


def test_evidence_iri_is_stable_and_content_derived() -> None:
    a = grounding.evidence_iri(URIRef("https://w3id.org/ngo-fp/resource/organization/x"), "TURKSAM  is")
    b = grounding.evidence_iri(URIRef("https://w3id.org/ngo-fp/resource/organization/x"), "TURKSAM is")
    assert a == b
    assert str(a).startswith("https://w3id.org/ngo-fp/resource/evidence/")


def test_a_quote_not_found_is_named_at_its_own_line() -> None:
    """The line of the wrong quote itself: matched whole from the resource's block on (its first 40 characters
    matched another resource's quote, 7 lines up), across a line break too; where the file writes it with
    escapes, the resource's block."""
    from scripts.origin import quote_line

    shared = "Turkey was also affected by this development and its NGOs"
    text = "\n".join([
        "ex:a a nfp:Person ;",                                          # 1
        f'    nfp:evidenceQuote "{shared} grew quickly." .',            # 2
        "",                                                             # 3
        "ex:b a nfp:Person ;",                                          # 4
        f'    nfp:evidenceQuote "{shared} shrank." .',                  # 5
        "ex:c a nfp:Person ;",                                          # 6
        '    nfp:evidenceQuote """Turkey was also affected by',         # 7
        '        this change.""" .',                                    # 8
        'ex:d a nfp:Person ; nfp:evidenceQuote "He said \\"no\\"." .',  # 9
    ])
    assert quote_line(text, f"{shared} shrank.", 4) == 5
    assert quote_line(text, f"{shared} shrank.", None) == 5
    assert quote_line(text, "Turkey was also affected by this change.", 6) == 7
    assert quote_line(text, 'He said "no".', 9) == 9
    assert quote_line(text, "nowhere at all", 6) == 6


def test_each_reference_entry_quotes_its_whole_numbered_entry() -> None:
    """Each entry of the reference list ("- [12]. Heywood, A. (2011). ...", l.154-190) is one nfp:ReferenceEntry with
    that number, whose quote, and that of the work it references, is the whole entry: a quote cut short, or
    given to the wrong number or work, is still in the article, so the grounding check above lets it pass."""
    biro_references = URIRef("http://purl.org/spar/biro/references")
    text = SOURCE_TEXTS[ARTICLE].read_text(encoding="utf-8")
    entries = {int(n): e for n, e in re.findall(r"^- \[(\d+)\]\. (.+)$", text, re.M)}
    assert sorted(entries) == list(range(1, 37))
    g = parse(ROOT / "instances" / "references.ttl")
    numbered = {int(n): e for e, n in g.subject_objects(NFP.referenceNumber)}
    assert sorted(numbered) == sorted(entries)
    for n, entry in numbered.items():
        assert [str(q) for q in g.objects(entry, NFP.evidenceQuote)] == [entries[n]], f"references.ttl: [{n}]"
        works = list(g.objects(entry, biro_references))
        assert len(works) == 1, f"references.ttl: [{n}]"
        assert entries[n] in [str(q) for q in g.objects(works[0], NFP.evidenceQuote)], f"references.ttl: [{n}] {works[0]}"


OWN_DATA = """@prefix nfp: <https://w3id.org/ngo-fp/ontology#> .
<https://example.org/ir-study/resource/work/bulletin> a nfp:Source ; nfp:sourceText "On 14 March 2022 the Tigris Relief Association delivered food parcels." ;
    nfp:evidenceQuote "On 14 March 2022" .
<https://example.org/ir-study/resource/organization/tra> a nfp:Organization ; nfp:evidenceQuote "the Tigris Relief   Association delivered" .
"""


def test_a_file_with_its_own_source_text_is_checked_against_it(tmp_path, capsys) -> None:
    """Data of another project gives its source's whole text (nfp:sourceText, docs/bring-your-own-data.md): the
    editors' check looks for its quotes there, not in the article (it reported every quote of such a file as not
    found in sources/bulgur-2023.txt, so a quote that is in no source could not be told from the others)."""
    good = tmp_path / "good.ttl"
    good.write_text(OWN_DATA, encoding="utf-8")
    assert grounding.main([str(good)]) == 0
    assert "2 quotes checked, 0 not found" in capsys.readouterr().out
    bad = tmp_path / "bad.ttl"
    bad.write_text(OWN_DATA.replace("Relief   Association delivered", "Relief Association was welcomed"), encoding="utf-8")
    assert grounding.main([str(bad)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "https://example.org/ir-study/resource/organization/tra" in err[0]
    assert "nfp:sourceText of https://example.org/ir-study/resource/work/bulletin" in err[0]


def test_the_article_files_are_still_checked_against_the_article(tmp_path) -> None:
    """A file without nfp:sourceText is checked against the article, as before; the build's check() ignores any
    nfp:sourceText (an instance file cannot ground itself in a text of its own)."""
    plain = tmp_path / "plain.ttl"
    plain.write_text(OWN_DATA.replace(' nfp:sourceText "On 14 March 2022 the Tigris Relief Association delivered food '
                                      'parcels." ;', ""), encoding="utf-8")
    assert grounding.main([str(plain)]) == 1
    own = tmp_path / "own.ttl"
    own.write_text(OWN_DATA, encoding="utf-8")
    _, problems = grounding.check({Path("own.ttl"): parse(own)})
    assert len(problems) == 2


def test_quotes_annotated_on_a_source_whose_text_the_file_lacks_are_counted_apart(tmp_path, capsys) -> None:
    """scripts.plover's output grounds its scheme's concepts in the PLOVER reference, whose text it does not carry,
    and annotates each quote (nfp:Evidence): such a quote is said to be left unchecked, not reported missing."""
    annotated = OWN_DATA + """
<https://example.org/ir-study/resource/concept/aid> a <http://www.w3.org/2004/02/skos/core#Concept> ;
    nfp:evidenceQuote "Provide material aid" .
<https://example.org/ir-study/resource/evidence/0123456789abcdef> a nfp:Evidence ;
    <http://www.w3.org/ns/oa#hasBody> <https://example.org/ir-study/resource/concept/aid> ;
    <http://www.w3.org/ns/oa#hasTarget> <https://example.org/ir-study/resource/evidence/0123456789abcdef/target> .
<https://example.org/ir-study/resource/evidence/0123456789abcdef/target>
    <http://www.w3.org/ns/oa#hasSource> <https://example.org/ir-study/resource/work/codebook> ;
    <http://www.w3.org/ns/oa#hasSelector> <https://example.org/ir-study/resource/evidence/0123456789abcdef/quote> .
<https://example.org/ir-study/resource/evidence/0123456789abcdef/quote> <http://www.w3.org/ns/oa#exact> "Provide material aid" .
"""
    path = tmp_path / "annotated.ttl"
    path.write_text(annotated, encoding="utf-8")
    assert grounding.main([str(path)]) == 0
    assert "2 quotes checked, 0 not found; 1 left unchecked" in capsys.readouterr().out
    path.write_text(annotated.replace('oa#exact> "Provide material aid"', 'oa#exact> "Provide aid"'), encoding="utf-8")
    assert grounding.main([str(path)]) == 1
