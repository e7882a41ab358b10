"""Lexical spaces of the XML Schema datatypes the shapes may name in `sh:datatype`, as regular expressions.

One table serves both engines, so they agree on which literals are ill-typed:
- the fast engine (scripts/validate/fastshacl.py) compiles each check to `REGEX(STR(?value), pattern)` in SPARQL;
- pyshacl decides with rdflib's `Literal.ill_typed`, which is lax for several of these datatypes (any string
  passes as xsd:gYear; "1e3" as xsd:decimal; "2019-01-05T10:00:00" as xsd:date). `strict_rdflib()` makes
  rdflib's lexical-to-value mapping refuse every lexical form outside these patterns, through rdflib's public
  `rdflib.term.bind`.

The patterns follow XSD 1.1 Part 2 (https://www.w3.org/TR/xmlschema11-2/), written with the syntax Python's
`re` and Oxigraph's Rust `regex` share ([0-9], not \\d, which would admit non-ASCII digits). One deliberate
restriction: xsd:date years are 0001-9999, the range rdflib (and so pyshacl) can turn into a value; XSD 1.1
also admits year 0000, negative years and years of five digits or more. xsd:gYear and xsd:gYearMonth, which
rdflib does not turn into values, follow XSD 1.1 fully. xsd:string, rdf:langString and xsd:anyURI admit any
string (XSD 1.1 limits them to XML characters; neither engine checks that). xsd:double and xsd:float are
left out on purpose: Oxigraph reads "inf" as a double and stores it as "INF", so the fast engine could not
see the lexical form that was written; it refuses shapes with a datatype missing here.
"""
from __future__ import annotations

import logging
import re
import sys
from collections.abc import Callable
from decimal import Decimal
from typing import Any

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

_TZ = r"(Z|[+-]((0[0-9]|1[0-3]):[0-5][0-9]|14:00))?"
_YEAR = r"-?([1-9][0-9]{3,}|0[0-9]{3})"  # XSD 1.1 yearFrag
_YEAR_1_9999 = r"([1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])"
_LEAP_YEAR_1_9999 = r"([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[48]|[2468][048]|[13579][26])00)"
_MONTH_DAY = r"((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-8]))"
_DECIMAL = r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)"

# datatype IRI -> the whole lexical form must match (None: every string is in the lexical space)
LEXICAL: dict[str, str | None] = {
    XSD + "string": None,
    RDF_LANGSTRING: None,
    XSD + "anyURI": None,
    XSD + "boolean": r"true|false|1|0",
    XSD + "integer": r"[+-]?[0-9]+",
    XSD + "decimal": _DECIMAL,
    XSD + "date": rf"({_YEAR_1_9999}-{_MONTH_DAY}|{_LEAP_YEAR_1_9999}-02-29){_TZ}",
    XSD + "gYear": rf"{_YEAR}{_TZ}",
    XSD + "gYearMonth": rf"{_YEAR}-(0[1-9]|1[0-2]){_TZ}",
}
_COMPILED = {dt: re.compile(p) for dt, p in LEXICAL.items() if p is not None}
_INT_DIGITS = sys.get_int_max_str_digits() or sys.maxsize  # 0: no limit


def known(datatype: str) -> bool:
    return str(datatype) in LEXICAL


def pattern(datatype: str) -> str | None:
    """The anchored pattern of a datatype's lexical space (None when every string belongs to it)."""
    p = LEXICAL[str(datatype)]
    return None if p is None else f"^({p})$"


def valid(lexical: str, datatype: str) -> bool:
    """True when `lexical` is in the lexical space of `datatype` (a datatype of LEXICAL)."""
    compiled = _COMPILED.get(str(datatype))
    return compiled is None or compiled.fullmatch(lexical) is not None


_STRICT: dict[str, Callable[[str], Any]] = {}  # datatype -> the constructor strict_rdflib() installed


class _NoPythonType:
    """bind() also registers a Python type -> datatype rule for Literal(python_value); this type has no instances,
    so that rule never applies and rdflib keeps choosing datatypes for Python values as before."""


def strict_rdflib() -> None:
    """Make rdflib mark as ill-typed (`Literal.ill_typed`) every literal outside LEXICAL's patterns.

    rdflib keeps its own value mapping for the lexical forms the patterns admit, so values, comparisons and
    serializations are unchanged; only ill-typed literals change (their value becomes None), and xsd:token and
    xsd:normalizedString literals keep their whitespace. rdflib's warning
    with a traceback for each ill-typed literal is silenced: SHACL reports them, once each. Idempotent, and
    cheap: call it before parsing; it puts back a mapping another library replaced (pyshacl swaps the
    xsd:boolean one while it validates).
    """
    from rdflib import URIRef
    from rdflib import term as rdflib_term
    from rdflib.term import XSDToPython  # rdflib's own mapping, whatever another library left in its place

    logging.getLogger("rdflib.term").setLevel(logging.ERROR)  # also hides bind()'s "Rebinding." notice
    # rdflib's Literal() rewrites the whitespace of an xsd:normalizedString or xsd:token lexical form whatever it is
    # asked (normalize=False too), with these two helpers of its module, which nothing else calls. RDF takes a
    # lexical form as written, SHACL's sh:pattern, sh:minLength and sh:maxCount read it, and the fast engine's
    # store keeps it: " 12"^^xsd:token failed a pattern there and passed it in pyshacl, as "12".
    rdflib_term._normalise_XSD_STRING = _as_written
    rdflib_term._strip_and_collapse_whitespace = _as_written
    for datatype, compiled in _COMPILED.items():
        iri = URIRef(datatype)
        current = rdflib_term._toPythonMapping.get(iri)  # the mapping bind() replaces; read-only access
        if datatype in _STRICT and current is _STRICT[datatype]:
            continue
        # rdflib's own constructor, not the current one: OWL-RL (pyshacl's inference) installs its own for
        # xsd:gYear and xsd:gYearMonth, which refuse a time zone ("2019Z"), and leaves them behind when it is done
        _STRICT[datatype] = _strict(compiled, XSDToPython.get(iri))
        rdflib_term.bind(iri, _NoPythonType, constructor=_STRICT[datatype])


def _as_written(lexical_or_value: Any) -> Any:
    return lexical_or_value


def _strict(compiled: re.Pattern[str], original: Callable[[str], Any] | None) -> Callable[[str], Any]:
    def construct(lexical: str) -> Any:
        if compiled.fullmatch(str(lexical)) is None:
            raise ValueError(f"{lexical!r} is not in the lexical space")
        if original is int and len(lexical) > _INT_DIGITS:
            # Python's int() refuses more than 4300 digits (sys.int_max_str_digits, against its quadratic
            # conversion), which rdflib took for an ill-typed xsd:integer; XSD's integers have no bound. A Decimal
            # holds the same value exactly, in linear time, and compares with ints exactly.
            return Decimal(lexical)
        return str(lexical) if original is None else original(lexical)
    return construct


def retyped(graph):
    """`graph`, or a copy of it in which every literal of a datatype of LEXICAL carries LEXICAL's verdict.

    rdflib's parsers build literals from their lexical form, so `ill_typed` is set, but by whatever mapping was
    in place: a graph parsed after OWL-RL ran holds "2019Z"^^xsd:gYear as ill-typed. Literals built otherwise
    (rdflib's SPARQL Update, for one, copies a Literal and leaves `ill_typed` unset) have none. Every literal
    whose `ill_typed` is not LEXICAL's verdict is rebuilt here under strict_rdflib(), so that pyshacl sees
    exactly the ill-typed literals the fast engine sees, however and whenever the graph was made."""
    from rdflib import Graph, Literal

    stale = [(s, p, o) for s, p, o in graph if isinstance(o, Literal) and o.datatype is not None
             and str(o.datatype) in _COMPILED and o.ill_typed is not (not valid(str(o), o.datatype))]
    if not stale:
        return graph
    copy = Graph(bind_namespaces="core")
    copy += graph
    for s, p, o in stale:
        copy.remove((s, p, o))
        copy.add((s, p, Literal(str(o), datatype=o.datatype, normalize=False)))  # as scripts/load.py made it
    return copy
