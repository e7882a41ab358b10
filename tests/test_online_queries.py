"""Federated queries (queries/online/): always parsed; run against Wikidata only when NGO_FP_ONLINE=1."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from rdflib.plugins.sparql import prepareQuery

from scripts.paths import QUERIES

ONLINE = sorted((QUERIES / "online").glob("*.rq"))


def test_online_queries_found() -> None:
    assert len(ONLINE) == 3


@pytest.mark.parametrize("query", ONLINE, ids=[q.stem for q in ONLINE])
def test_online_query_parses_and_is_federated(query: Path) -> None:
    text = query.read_text(encoding="utf-8")
    assert text.startswith("# Question: ")
    prepareQuery(text)
    assert "SERVICE <https://query.wikidata.org/sparql>" in text


@pytest.mark.skipif(os.environ.get("NGO_FP_ONLINE") != "1", reason="online only: set NGO_FP_ONLINE=1 to query Wikidata")
@pytest.mark.parametrize("query", ONLINE, ids=[q.stem for q in ONLINE])
def test_online_query_answers(query: Path, published_graph) -> None:
    rows = list(published_graph.query(query.read_text(encoding="utf-8")))
    assert rows
