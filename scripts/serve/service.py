"""No outbound requests: a query holding a `SERVICE` pattern is refused before it is evaluated.

Oxigraph would fetch any URL named by `SERVICE` (port probing, requests multiplied by nested calls), so the
endpoint decides by parsing the query with rdflib's SPARQL 1.1 parser and looking for a
`ServiceGraphPattern` anywhere in the parse tree (sub-queries, OPTIONAL, MINUS, EXISTS, ...).

Parsing with rdflib costs 5-70 ms, so it is skipped when the query cannot hold the keyword at all: a
`SERVICE` pattern needs the letters "service" (in any case; `casefold` also folds look-alikes such as the
long s) unless they are hidden behind a `\\u`/`\\U` code-point escape, which SPARQL expands before parsing.
A query with neither is certain to hold no `SERVICE`; any other query is parsed.
"""
from __future__ import annotations

from typing import Any

from pyparsing import ParseException, ParseResults
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.parserutils import CompValue


class Refused(Exception):
    """The query is not evaluated; the message says why (answered with 400)."""


def may_hold_service(query: str) -> bool:
    return "service" in query.casefold() or "\\u" in query or "\\U" in query


def _has_service(node: Any) -> bool:
    if isinstance(node, CompValue):
        if node.name == "ServiceGraphPattern":
            return True
        return any(_has_service(v) for v in node.values())
    if isinstance(node, (ParseResults, list, tuple)):
        return any(_has_service(v) for v in node)
    return False


def check(query: str) -> None:
    """Raise Refused if the query holds a SERVICE pattern (or cannot be checked)."""
    if not may_hold_service(query):
        return
    try:
        tree = parseQuery(query)
    except ParseException as err:
        raise Refused(f"Query refused: it mentions SERVICE but could not be parsed to check it "
                      f"(line {err.lineno}, column {err.col}: {err.msg}).") from None
    except Exception as err:  # rdflib raises assorted errors on odd input (e.g. undefined prefixes)
        raise Refused(f"Query refused: it mentions SERVICE but could not be parsed to check it ({err}).") from None
    if _has_service(tree):
        raise Refused("Query refused: SERVICE (federated query) is not allowed on this endpoint; "
                      "it makes no outbound requests. Run federated queries on your own store.")
