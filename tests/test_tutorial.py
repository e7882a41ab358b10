"""docs/tutorial.md is run as it is written: every `>>>` example, against a publication built by the tests, from
a folder laid out as a user's checkout is (dist/, queries/, sources/)."""
from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TUTORIAL = ROOT / "docs" / "tutorial.md"


def run(tutorial: Path, checkout: Path, monkeypatch: pytest.MonkeyPatch) -> doctest.TestResults:
    monkeypatch.chdir(checkout)
    return doctest.testfile(str(tutorial), module_relative=False, optionflags=doctest.NORMALIZE_WHITESPACE,
                            raise_on_error=False, report=True)


@pytest.fixture
def checkout(dist: Path, tmp_path: Path) -> Path:
    (tmp_path / "dist").symlink_to(dist)
    for folder in ("queries", "sources"):
        (tmp_path / folder).symlink_to(ROOT / folder)
    return tmp_path


def test_every_example_of_the_tutorial_gives_the_answer_it_shows(checkout: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    results = run(TUTORIAL, checkout, monkeypatch)
    assert results.attempted > 25
    assert results.failed == 0, "see the doctest report above"


def test_a_wrong_answer_in_the_tutorial_fails(checkout: Path, tmp_path_factory: pytest.TempPathFactory,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The check can fail: the same tutorial with one answer changed (Azerbaijan's COW code) reports it."""
    text = TUTORIAL.read_text(encoding="utf-8")
    assert text.count("Azerbaijan 373 373 AZE") == 1
    changed = tmp_path_factory.mktemp("tutorial") / "tutorial.md"
    changed.write_text(text.replace("Azerbaijan 373 373 AZE", "Azerbaijan 372 373 AZE"), encoding="utf-8")
    assert run(changed, checkout, monkeypatch).failed == 1


def test_the_tutorial_counts_the_quotes_and_those_across_a_page_break(published_graph) -> None:
    """The tutorial says how many evidence quotes the article has and how many of them differ from the text at their
    position by white space alone ("four of the 1,063 quotes"): it said 1,063 when the publication had 1,064."""
    from rdflib import Namespace, URIRef
    from rdflib.namespace import RDF

    oa = Namespace("http://www.w3.org/ns/oa#")
    said = re.findall(r"([a-z]+) of the ([0-9,]+) quotes", TUTORIAL.read_text(encoding="utf-8"))
    assert len(said) == 1, said
    text = (ROOT / "sources" / "bulgur-2023.txt").read_text(encoding="utf-8")
    quotes = []
    for target in published_graph.subjects(oa.hasSource, URIRef("https://w3id.org/ngo-fp/resource/work/bulgur-2023")):
        selectors = {published_graph.value(s, RDF.type): s for s in published_graph.objects(target, oa.hasSelector)}
        quote, position = selectors[oa.TextQuoteSelector], selectors[oa.TextPositionSelector]
        start, end = (int(published_graph.value(position, p)) for p in (oa.start, oa.end))
        quotes.append((str(published_graph.value(quote, oa.exact)), text[start:end]))
    differ = [exact for exact, passage in quotes if exact != passage]
    assert all(exact == " ".join(passage.split()) for exact, passage in quotes if exact != passage)
    words = {"three": 3, "four": 4, "five": 5, "six": 6}
    assert (words.get(said[0][0]), int(said[0][1].replace(",", ""))) == (len(differ), len(quotes))
