"""docs/tutorial.md is run as it is written: every `>>>` example, against a publication built by the tests, from
a folder laid out as a user's checkout is (dist/, queries/, sources/)."""
from __future__ import annotations

import doctest
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
