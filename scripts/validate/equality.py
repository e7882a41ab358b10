"""SPARQL's `=`, `!=`, `IN` and `NOT IN` in rdflib as SPARQL 1.1 (17.4.1.7, RDFterm-equal) and Oxigraph read them,
for pyshacl's SPARQL-based constraints.

Two literals that are different terms, where one of them has no value SPARQL can compare (an ill-typed one such as
`"x"^^xsd:integer` or `"01"^^xsd:gYear`, or one of a datatype the engine does not interpret: `xsd:anyURI`,
`xsd:token`, a datatype of your own), are neither equal nor unequal: RDFterm-equal "produces a type error if the
arguments are both literal but are not the same RDF term". rdflib answered `false` to `=` and `true` to `!=`, so a
constraint such as `FILTER (?a != ?b)` failed a focus node under pyshacl that it passed under the fast engine (found
by tests/test_fastshacl_random_shapes.py). rdflib's `IN` compared terms ("7" IN (7.0) was false), where SPARQL
(17.4.1.9) takes `=` for each member: true if one is equal, else an error if one was an error, else false.
A language-tagged string is compared as before (both engines take it as unequal to any other literal).
"""
from __future__ import annotations

from typing import Any

from rdflib import RDF, Literal, URIRef
from rdflib.namespace import XSD

from . import datatypes

# the datatypes whose values Oxigraph compares (its xsd module), the integer types it reads as xsd:integer with them
INTERPRETED = {XSD[name] for name in (
    "string", "boolean", "float", "double", "decimal", "integer", "int", "long", "short", "byte",
    "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger", "unsignedInt",
    "unsignedLong", "unsignedShort", "unsignedByte", "date", "time", "dateTime", "dateTimeStamp", "duration",
    "yearMonthDuration", "dayTimeDuration", "gYear", "gYearMonth", "gMonth", "gDay", "gMonthDay")}


def opaque(literal: Literal) -> bool:
    """A literal without a value SPARQL can compare: of a datatype not interpreted, or ill-typed (by the lexical
    spaces of datatypes.py where they know the datatype, else by rdflib's having no value for it: a literal the
    SPARQL parser makes has no `ill_typed` set)."""
    if literal.language or literal.datatype is None:
        return False
    datatype = str(literal.datatype)
    if URIRef(datatype) not in INTERPRETED:
        return True
    if datatypes.known(datatype):
        return not datatypes.valid(str(literal), datatype)
    return literal.value is None


def undecidable(a: Any, b: Any) -> bool:
    """`a = b` is a type error: two literals, not the same term, one of them opaque, neither language-tagged."""
    return (isinstance(a, Literal) and isinstance(b, Literal) and not (a.language or b.language)
            and (opaque(a) or opaque(b)) and a != b)


def sparql_equality() -> None:
    """Install the reading above in rdflib's SPARQL parser (its RelationalExpression), for the queries it parses
    from now on. Idempotent."""
    from rdflib.plugins.sparql import operators, parser
    from rdflib.plugins.sparql.sparql import SPARQLError

    original = operators.RelationalExpression
    if getattr(parser.RelationalExpression.evalfn, "sparql_equality", False):
        return

    def equal(a: Any, b: Any) -> bool:
        if undecidable(a, b):
            raise SPARQLError(f"no equality between {a.n3()} and {b.n3()}")
        return bool(a.eq(b)) if isinstance(a, Literal) and isinstance(b, Literal) else a == b

    def relational(e: Any, ctx: Any) -> Any:
        op, expr, other = e.op, e.expr, e.other
        if other is None or op not in ("=", "!=", "IN", "NOT IN"):
            return original(e, ctx)
        if op in ("=", "!="):
            if undecidable(expr, other):
                raise SPARQLError(f"no equality between {expr.n3()} and {other.n3()}")
            return original(e, ctx)
        error = None
        for member in ([] if other == RDF.nil else other):
            try:
                if equal(expr, member):
                    return Literal(op == "IN")
            except (SPARQLError, TypeError) as exc:
                error = exc
        if error is not None:
            raise error if isinstance(error, SPARQLError) else SPARQLError(*error.args)
        return Literal(op == "NOT IN")

    relational.sparql_equality = True  # type: ignore[attr-defined]
    parser.RelationalExpression.setEvalFn(relational)
