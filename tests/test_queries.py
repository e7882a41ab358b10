"""Competency questions: each query in queries/ runs on the publication and gives the answer written by
hand from the article in queries/expected/<name>.csv (ordered when the query has ORDER BY)."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest
from rdflib import Graph

from scripts.paths import QUERIES

QUERY_FILES = sorted(QUERIES.glob("*.rq"))


def expected(query: Path) -> tuple[list[str], list[tuple[str, ...]]]:
    with (QUERIES / "expected" / f"{query.stem}.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], [tuple(row) for row in rows[1:]]


def answer(graph: Graph, query: Path) -> tuple[list[str], list[tuple[str, ...]]]:
    result = graph.query(query.read_text(encoding="utf-8"))
    header = [str(v) for v in result.vars]
    return header, [tuple("" if v is None else str(v) for v in row) for row in result]


def test_queries_found() -> None:
    assert len(QUERY_FILES) >= 15
    for query in QUERY_FILES:
        assert query.read_text(encoding="utf-8").startswith("# Question: "), query.name
        assert (QUERIES / "expected" / f"{query.stem}.csv").exists(), query.name


@pytest.mark.parametrize("query", QUERY_FILES, ids=[q.stem for q in QUERY_FILES])
def test_query_gives_the_answer_from_the_article(query: Path, published_graph: Graph) -> None:
    want_header, want = expected(query)
    got_header, got = answer(published_graph, query)
    assert got_header == want_header
    if "ORDER BY" in query.read_text(encoding="utf-8"):
        assert got == want
    else:
        assert sorted(got) == sorted(want)
