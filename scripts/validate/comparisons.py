"""SPARQL's comparisons in rdflib as SPARQL 1.1 and Oxigraph read them, for pyshacl's SPARQL-based constraints:
`=`, `!=`, `IN` and `NOT IN` (17.4.1.7 RDFterm-equal, 17.4.1.9), and `<`, `>`, `<=`, `>=` (17.3, operator mapping).

The fast engine runs a SPARQL-based constraint on Oxigraph, pyshacl on rdflib, and rdflib answered where SPARQL
has no answer (found by tests/test_fastshacl_random_shapes.py):
- two literals that are different terms, one of which has no value SPARQL can compare (an ill-typed one such as
  `"x"^^xsd:integer` or `"01"^^xsd:gYear`, or one of a datatype not interpreted: `xsd:anyURI`, `xsd:token`, a
  datatype of your own), are neither equal nor unequal: RDFterm-equal "produces a type error if the arguments are
  both literal but are not the same RDF term". rdflib answered false to `=` and true to `!=`;
- rdflib's `IN` compared terms ("7" IN (7.0) was false), where SPARQL takes `=` for each member: true if one is
  equal, else an error if one was an error, else false;
- rdflib orders any two literals (by value, else by their datatype IRIs), where SPARQL orders numbers among
  themselves, strings among themselves, booleans, and each kind of date or time with its own kind (Oxigraph also
  durations, and language-tagged strings of one language): a date before a string, say, is an error;
- rdflib has no values for xsd:gYear and the other parts of dates, nor for durations of two kinds, and could
  neither compare nor order them: they are compared and ordered as Oxigraph does (XPath's order, which SPARQL 1.1
  leaves out), asked of an empty store. A term is never before itself and always at most itself, as in Oxigraph,
  whatever it is.
A language-tagged string is compared by `=` as before: both engines take it as unequal to any other literal.
"""
from __future__ import annotations

import functools
import re
from typing import Any

import pyoxigraph as ox
from rdflib import RDF, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from . import datatypes

NUMBERS = {XSD[name] for name in (
    "float", "double", "decimal", "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
    "nonPositiveInteger", "negativeInteger", "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte")}
DURATIONS = {XSD.duration, XSD.yearMonthDuration, XSD.dayTimeDuration}
DATE_PARTS = {XSD.gYear, XSD.gYearMonth, XSD.gMonth, XSD.gDay, XSD.gMonthDay}
# the datatypes whose values Oxigraph compares (its xsd module)
INTERPRETED = NUMBERS | DURATIONS | DATE_PARTS | {XSD[name] for name in (
    "string", "boolean", "date", "time", "dateTime", "dateTimeStamp")}
ORDER = ("<", ">", "<=", ">=")
EMPTY = ox.Store()


def opaque(literal: Literal) -> bool:
    """A literal without a value SPARQL can compare: of a datatype not interpreted, or ill-typed (by the lexical
    spaces of datatypes.py where they know the datatype, else by Oxigraph's cast of the text to it; not by rdflib's
    `ill_typed`, which a literal the SPARQL parser makes does not have, nor by its values, which it has for none of
    the date parts)."""
    if literal.language or literal.datatype is None:
        return False
    datatype = str(literal.datatype)
    if URIRef(datatype) not in INTERPRETED:
        return True
    if datatypes.known(datatype):
        return not datatypes.valid(str(literal), datatype)
    return not xpath_valid(str(literal), datatype)


@functools.lru_cache(maxsize=4096)
def xpath_valid(lexical: str, datatype: str) -> bool:
    """Whether Oxigraph casts the text to a value of the datatype: to xsd:integer for the integer types it reads as
    xsd:integer (it has no cast to them), to xsd:dateTime for xsd:dateTimeStamp, which also needs a timezone."""
    if URIRef(datatype) in NUMBERS - {XSD.float, XSD.double, XSD.decimal}:
        datatype = str(XSD.integer)
    elif datatype == str(XSD.dateTimeStamp):
        return xpath_valid(lexical, str(XSD.dateTime)) and bool(re.search(r"(Z|[+-][0-9]{2}:[0-9]{2})$", lexical))
    found = next(iter(EMPTY.query(f"SELECT (<{datatype}>({Literal(lexical).n3()}) AS ?r) {{}}")))["r"]
    return found is not None


def undecidable(a: Any, b: Any) -> bool:
    """`a = b` is a type error: two literals, not the same term, one of them opaque, neither language-tagged."""
    return (isinstance(a, Literal) and isinstance(b, Literal) and not (a.language or b.language)
            and (opaque(a) or opaque(b)) and a != b)


def kind(literal: Literal) -> object:
    """What a literal is ordered among: numbers, durations, strings (a simple literal is an xsd:string), the
    strings of one language, or the literals of its own datatype."""
    if literal.language:
        return ("language", literal.language.lower())
    datatype = URIRef(literal.datatype or XSD.string)
    return "number" if datatype in NUMBERS else "duration" if datatype in DURATIONS else datatype


def by_xpath(literal: Literal) -> bool:
    """A duration or a part of a date, which rdflib has no order for: xpath_order orders them."""
    return kind(literal) == "duration" or URIRef(literal.datatype or XSD.string) in DATE_PARTS


def unordered(a: Any, b: Any) -> bool:
    """`a < b` is a type error: a literal that is opaque, or two of different kinds (non-literals are rdflib's own
    error)."""
    return (isinstance(a, Literal) and isinstance(b, Literal)
            and (opaque(a) or opaque(b) or kind(a) != kind(b)))


@functools.lru_cache(maxsize=4096)
def xpath_order(a: str, op: str, b: str) -> bool | None:
    """`a op b` for two literals (in N-Triples) as Oxigraph orders them (op `=` too); None where it has none."""
    found = next(iter(EMPTY.query(f"SELECT (({a} {op} {b}) AS ?r) {{}}")))["r"]
    return None if found is None else found.value == "true"


def sparql_comparisons() -> None:
    """Install the reading above in rdflib's SPARQL parser (its RelationalExpression), for the queries it parses
    from now on. Idempotent."""
    from rdflib.plugins.sparql import operators, parser
    from rdflib.plugins.sparql.sparql import SPARQLError

    original = operators.RelationalExpression
    if getattr(parser.RelationalExpression.evalfn, "sparql_comparisons", False):
        return

    def equal(a: Any, b: Any) -> bool:
        if undecidable(a, b):
            raise SPARQLError(f"no equality between {a.n3()} and {b.n3()}")
        if not (isinstance(a, Literal) and isinstance(b, Literal)):
            return a == b
        if by_xpath(a) or by_xpath(b):  # rdflib has no values to compare
            found = xpath_order(a.n3(), "=", b.n3())
            if found is None:
                raise SPARQLError(f"no equality between {a.n3()} and {b.n3()}")
            return found
        try:
            return bool(a.eq(b))
        except TypeError as exc:
            raise SPARQLError(*exc.args) from None

    def relational(e: Any, ctx: Any) -> Any:
        op, expr, other = e.op, e.expr, e.other
        if other is None:
            return original(e, ctx)
        if op in ("=", "!="):  # rdflib's own for anything but two literals (its errors for non-terms)
            if isinstance(expr, Literal) and isinstance(other, Literal):
                return Literal(equal(expr, other) == (op == "="))
            return original(e, ctx)
        if op in ORDER:
            if isinstance(expr, Node) and isinstance(other, Node) and type(expr) is type(other) and expr == other:
                return Literal(op in ("<=", ">="))
            if unordered(expr, other):
                raise SPARQLError(f"no order between {expr.n3()} and {other.n3()}")
            if isinstance(expr, Literal) and by_xpath(expr):
                found = xpath_order(expr.n3(), op, other.n3())
                if found is None:
                    raise SPARQLError(f"no order between {expr.n3()} and {other.n3()}")
                return Literal(found)
            return original(e, ctx)
        error = None  # IN, NOT IN
        for member in ([] if other == RDF.nil else other):
            try:
                if equal(expr, member):
                    return Literal(op == "IN")
            except SPARQLError as exc:
                error = exc
        if error is not None:
            raise error
        return Literal(op == "NOT IN")

    relational.sparql_comparisons = True  # type: ignore[attr-defined]
    parser.RelationalExpression.setEvalFn(relational)
