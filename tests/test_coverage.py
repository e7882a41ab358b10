"""Proof of completeness: every candidate name of the article (acronyms, capitalized multi-word names) maps to
a resource or is a reviewed exclusion, and every paragraph of the body grounds at least one resource."""
from __future__ import annotations

from rdflib import Graph, URIRef

from scripts import coverage
from scripts.grounding import source_text
from scripts.paths import ARTICLE


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
