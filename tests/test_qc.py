"""QC checks (shapes/qc/*-violation.rq): none fires on the publication, and each fires on its bad fixture."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from scripts.validate import qc
from scripts.load import parse

CHECKS = qc.checks()
FIXTURES = Path(__file__).parent / "qc"


def test_checks_found() -> None:
    assert len(CHECKS) == 9
    assert all(check.description for check in CHECKS)


@pytest.mark.parametrize("check", CHECKS, ids=[c.name for c in CHECKS])
def test_check_passes_on_the_publication(check: qc.Check, built) -> None:
    assert qc.run(check, built.ontology + built.data) == []


@pytest.mark.parametrize("check", CHECKS, ids=[c.name for c in CHECKS])
def test_check_fires_on_its_bad_fixture(check: qc.Check, ontology: Graph) -> None:
    fixture = FIXTURES / f"{check.name}.ttl"
    assert fixture.exists(), f"no bad fixture for {check.name}"
    expected = {line.removeprefix("# expect:").strip() for line in fixture.read_text(encoding="utf-8").splitlines()
                if line.startswith("# expect:")}
    rows = qc.run(check, ontology + parse(fixture))
    assert expected, f"{fixture.name} declares no '# expect:' line"
    assert {" | ".join(row) for row in rows} == expected
