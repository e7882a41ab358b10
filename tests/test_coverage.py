"""Proof of completeness: every candidate name of the article (acronyms, capitalized multi-word names) maps to
a resource or is a reviewed exclusion, and every paragraph of the body grounds at least one resource."""
from __future__ import annotations

from rdflib import Graph, URIRef

from scripts.validate import coverage
from scripts.validate.grounding import source_text
from scripts.paths import ARTICLE, INSTANCES


def test_candidates_are_extracted_from_the_text() -> None:
    found = coverage.candidates(source_text(ARTICLE).original)
    assert len(found) > 120
    for name in ("TÜSİAD", "KÖKSAV", "TÜRK-İŞ", "Memur-Sen", "Federation of Associations",
                 "High Level Strategic Cooperation Council", "Istanbul Azerbaijan Culture and Art Association"):
        assert name in found, name


def test_every_candidate_maps_or_is_excluded_and_every_paragraph_is_grounded(built) -> None:
    report = coverage.report(built.instances)
    assert report.unmapped == []
    assert report.bare_paragraphs == []
    assert len(report.paragraphs) >= 60


def test_exclusions_are_few_reasoned_and_current() -> None:
    exclusions = coverage.read_exclusions()
    assert 0 < len(exclusions) <= 10
    assert all(reason.strip() for reason in exclusions.values())
    found = set(coverage.candidates(source_text(ARTICLE).original))
    assert set(exclusions) <= found, "an exclusion names no candidate of the text any more"


def test_a_missing_resource_is_reported(built) -> None:
    g = Graph()
    g += built.instances
    g.remove((URIRef("https://w3id.org/ngo-fp/resource/organization/koksav"), None, None))
    report = coverage.report(g)
    assert report.unmapped == ["KÖKSAV"]


def test_markdown_report_lists_candidates_and_paragraphs(built) -> None:
    text = coverage.markdown(coverage.report(built.instances))
    assert "`organization/turksam`" in next(line for line in text.splitlines() if line.startswith("| TURKSAM |"))
    assert "excluded: The article does not say which UN convention" in text


# --- The argument, paragraph by paragraph (issue 9)
def test_sentences_split_where_the_article_ends_sentences() -> None:
    para = ("The UN, regional organizations and NGOs (Miall, 1999:35). For example; Joseph A. Maxwell's nine "
            "parameters (e.g. Emerging international threats (radical organizations such as Daesh, Al Qaeda, etc.) "
            "have increased the role of NGOs. Dr. Nurbanu Bulgur wrote it. 1. Fear of the state: Fear of the state.")
    got = [s for _, _, s in coverage.sentences(para)]
    assert got == [
        "The UN, regional organizations and NGOs (Miall, 1999:35).",
        "For example; Joseph A. Maxwell's nine parameters (e.g. Emerging international threats (radical "
        "organizations such as Daesh, Al Qaeda, etc.) have increased the role of NGOs.",
        "Dr. Nurbanu Bulgur wrote it.",
        "1. Fear of the state: Fear of the state.",
    ]


def test_every_sentence_is_encoded_by_a_claim_or_left_out_with_a_reason(built) -> None:
    report = coverage.report(built.instances)
    assert report.unencoded == []
    sentences = [s for sents in report.argument.values() for s in sents]
    encoded = [s for s in sentences if s[1]]
    left_out = [s for s in sentences if not s[1]]
    assert len(report.argument) == len(report.paragraphs)
    assert len(sentences) >= 200
    assert len(encoded) >= 190
    assert all(reason for _, _, reason in left_out)
    assert len(left_out) <= 25


def test_argument_exclusions_are_reasoned_and_current(built) -> None:
    exclusions = coverage.read_argument_exclusions()
    assert 0 < len(exclusions) <= 25
    assert all(reason.strip() for reason in exclusions.values())
    argument, _ = coverage.argument(built.instances)
    starts = [s for sents in argument.values() for s, _, _ in sents]
    for begins in exclusions:
        assert any(s.startswith(begins) for s in starts), f"exclusion matches no sentence: {begins}"


def test_a_sentence_whose_claim_is_removed_is_reported(built) -> None:
    g = Graph()
    g += built.instances
    g.remove((URIRef("https://w3id.org/ngo-fp/resource/claim/weakness-fear-of-the-state"), None, None))
    _, missing = coverage.argument(g)
    assert [sentence for _, sentence in missing] == [
        "1. Fear of the state: Fear of the state and the conformity it brings blunts the diversity and "
        "differences of civil society.",
        "It eliminates critical perspective, freedom of expression and originality and pushes non-governmental "
        "organizations into monotony.",
    ]
    assert len({paragraph for paragraph, _ in missing}) == 1


def test_markdown_report_has_the_argument_section(built) -> None:
    text = coverage.markdown(coverage.report(built.instances))
    lines = text.splitlines()
    assert "## Argument, paragraph by paragraph" in lines
    fear = next(line for line in lines if "| 1. Fear of the state:" in line)
    assert "`claim/weakness-fear-of-the-state`" in fear
    assert any("left out: Template text of the journal" in line for line in lines)


# --- Facts the article states that a resource must carry (probe article8)
NFP_BASED_IN = URIRef("https://w3id.org/ngo-fp/ontology#basedIn")
RESOURCE = "https://w3id.org/ngo-fp/resource/"


def test_officials_of_both_countries_are_of_turkey_and_azerbaijan() -> None:
    """l.114 'officials of both countries attended the meetings': the two countries of the Turkey-Azerbaijan
    section, as the group's label says; the group must carry both states, not only the label."""
    g = Graph().parse(INSTANCES / "actors.ttl")
    officials = URIRef(RESOURCE + "group/officials-of-both-countries")
    assert set(g.objects(officials, NFP_BASED_IN)) == {URIRef(RESOURCE + "state/turkey"),
                                                        URIRef(RESOURCE + "state/azerbaijan")}
