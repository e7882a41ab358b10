"""SHACL validation: the reference engine (pyshacl, the ontology mixed in), its results, a readable summary.

The package also holds `datatypes` (lexical spaces both engines check), `regex` (sh:pattern read as XPath by
both), `propertypaths` and `comparisons` (rdflib's SPARQL paths and comparisons read as SPARQL reads them),
`inputs` (which files a command names), `report` (SHACL and JSON reports), `cli` (`ngo-fp validate`,
`python -m scripts.validate`) and the fast engine, `fastshacl`; safe parsing is scripts/load.py. `grounding`, `qc`,
`owlprofile`, `reasoning` and `coverage` are the build's other checks.
"""
from __future__ import annotations

import os
import signal
import sys

# Run as `ngo-fp` or `python -m scripts.validate` (runpy imports this package while argv[0] is still "-m"): a
# Ctrl-C during the imports below ends the process at once, as it does while the fast engine runs, where
# Python's handler printed a KeyboardInterrupt traceback; cli.exit_with puts Python's handler back.
if (sys.argv[:1] == ["-m"] or os.path.basename(sys.argv[0] if sys.argv else "") == "ngo-fp") \
        and signal.getsignal(signal.SIGINT) is signal.default_int_handler:
    signal.signal(signal.SIGINT, signal.SIG_DFL)

from collections import defaultdict
from dataclasses import dataclass, field, fields
from decimal import Decimal
from pathlib import Path
from typing import Callable, TypeVar

from rdflib import RDF, BNode, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from ..errors import BuildError
from . import regex

SH = Namespace("http://www.w3.org/ns/shacl#")
XSD_INTEGER = URIRef("http://www.w3.org/2001/XMLSchema#integer")
T = TypeVar("T")


@dataclass(frozen=True, order=True)
class Result:
    severity: str  # "Violation", "Warning" or "Info"
    shape: str
    component: str
    focus: str
    path: str
    message: str
    value: str
    # the focus node and the value as RDF terms where the fast engine gives them, for its Turtle report (the text
    # alone cannot tell an IRI from a blank node or a literal); not compared: the texts are the result
    focus_term: Node | None = field(default=None, compare=False)
    value_term: Node | None = field(default=None, compare=False)
    # a SPARQL-based constraint's result names the constraint, the value of sh:sparql (SHACL 1.0, 5.3.2: its
    # sh:sourceConstraint), for the fast engine's Turtle report
    source: SourceConstraint | None = field(default=None, compare=False)

    def described_in(self, origin: dict[str, Path]) -> Path | None:
        """The data file the focus node is described in (keyed by its text: a literal focus node, whose text may be
        an IRI's, is described in none)."""
        return None if isinstance(self.focus_term, Literal) else origin.get(self.focus)

    def texts(self) -> dict[str, str]:
        """The compared fields (the result itself, without its RDF terms): what the build's cache keeps."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.compare}


@dataclass(frozen=True)
class SourceConstraint:
    """The value of sh:sparql, and the triples that describe it where it is a blank node (its sh:select,
    sh:message ...: a blank node of the shapes graph means nothing in a report without them, and pyshacl copies
    them too)."""
    node: Node
    triples: tuple[tuple[Node, Node, Node], ...] = ()

    @classmethod
    def of(cls, shapes: Graph, node: Node) -> SourceConstraint:
        triples, todo, seen = [], [node], set()
        while todo:
            n = todo.pop()
            if isinstance(n, BNode) and n not in seen:
                seen.add(n)
                for p, o in sorted(shapes.predicate_objects(n)):
                    triples.append((n, p, o))
                    todo.append(o)
        return cls(node, tuple(triples))


def shacl(data: Graph, ontology: Graph, shapes: Graph) -> tuple[list[Result], Graph]:
    """Validate `data` against `shapes` with `ontology` mixed in; return results and report graph.

    The ontology is mixed in, so targets and sh:class follow rdfs:subClassOf as SHACL specifies, but no
    RDFS inference runs: it would type every object of a property from the property's range (every
    nfp:participant an actor), so a sh:class constraint equal to a range could never fail.
    """
    import pyshacl.validator
    from pyshacl import validate as pyshacl_validate  # imported here: the fast engine's users do not wait for it

    from .comparisons import sparql_comparisons
    from .datatypes import retyped, strict_rdflib
    from .propertypaths import exact_paths
    from .shaclpath import name as path_name

    # what is mixed in is the ontology's RDFS and OWL statements (fastshacl.mixed_in), whatever the environment:
    # PYSHACL_USE_FULL_MIXIN=1 would mix in all of it (and pyshacl 0.40.1 then fails: 'Dataset' object has no
    # attribute 'is_multigraph')
    pyshacl.validator.USE_FULL_MIXIN = False
    strict_rdflib()
    ranges_by_value()
    blank_nodes_have_no_length()
    long_integers()
    verbatim_messages()
    finite_lists()
    queries_parsed_once()
    exact_paths()
    sparql_comparisons()
    try:
        _, report, _ = with_deep_stack(lambda: pyshacl_validate(
            retyped(data), shacl_graph=xpath_patterns(shapes), ont_graph=ontology, inference="none",
            allow_warnings=True, advanced=False, do_owl_imports=False,
        ))
    finally:
        strict_rdflib()  # pyshacl puts rdflib's own xsd:boolean mapping back when it is done
    if not isinstance(report, Graph):
        # pyshacl's ValidationFailure, for shapes SHACL says to refuse (a SPARQL constraint's query with MINUS, VALUES,
        # SERVICE, AS $this, a sub-query without $this: SHACL 1.0, "Pre-binding of Variables"), in one line
        raise BuildError("pyshacl cannot validate with these shapes: " + " ".join(str(report).split()))
    results: set[Result] = set()
    nodes = list(report.subjects(RDF.type, SH.ValidationResult))
    for root in report.subjects(RDF.type, SH.ValidationReport):  # SHACL 3.6.1: true only without any result
        report.set((root, SH.conforms, Literal(not nodes)))
    for node in sorted(nodes):
        def one(pred: URIRef) -> str:
            value = report.value(node, pred)
            return "" if value is None else str(value)
        bound = report.value(node, SH.resultPath)
        if isinstance(bound, Literal):
            # SHACL 1.0, 5.3.2: the binding of a SPARQL constraint's ?path is the result's path "if that is a IRI";
            # pyshacl writes a literal bound to it as well, which is no path (shaclpath.name refused it)
            report.remove((node, SH.resultPath, bound))
        result = Result(
            severity=one(SH.resultSeverity).rsplit("#", 1)[-1],
            shape=one(SH.sourceShape),
            component=one(SH.sourceConstraintComponent).rsplit("#", 1)[-1],
            focus=one(SH.focusNode),
            focus_term=report.value(node, SH.focusNode),
            path=path_name(report, report.value(node, SH.resultPath)),
            message=one(SH.resultMessage),
            value=one(SH.value),
        )
        # a property shape shared by two node shapes that target one node is checked once per node shape, and
        # gives the same result twice: kept once, in the results and in the report (as the fast engine gives it)
        if result in results:
            report.remove((node, None, None))
            report.remove((None, SH.result, node))
        results.add(result)
    return sorted(results), report


def ranges_by_value() -> None:
    """Make pyshacl's sh:minInclusive, minExclusive, maxInclusive and maxExclusive order literals as SPARQL's `<=`
    does (SHACL 1.0, 4.4), and so as the fast engine does: numbers among themselves, strings among themselves,
    booleans, and each kind of date, time or duration among its own kind (validate/comparisons.py).

    pyshacl compares with rdflib's ordering, which orders literals it cannot compare by their datatype IRIs (as
    SPARQL's ORDER BY does): "0"^^<https://example.org/number> passed sh:minInclusive 1, because that IRI sorts
    after xsd:integer's, while "0"^^<http://example.org/number> failed it; a string passed a date bound, a
    duration a date bound. Such a pair, and a literal without a value (ill-typed under strict_rdflib, or of a
    datatype not interpreted), is now an error for pyshacl's comparison, which it reports as a violation, as the
    fast engine does (fastshacl.at_least). rdflib has no values for xsd:gYear and the other parts of dates, nor for
    durations of different kinds: those are ordered as Oxigraph orders them (comparisons.xpath_order). Idempotent."""
    from pyshacl.constraints.core import value_range_constraints as ranges

    from .comparisons import by_xpath, unordered, xpath_order

    compare = ranges.compare_literal
    if getattr(compare, "by_value", False):
        return

    def number(value: object) -> bool:
        return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)

    def by_value(l1: Literal, l2: Literal) -> int:
        if number(l1.value) and number(l2.value):  # by rdflib's values, as fastshacl.at_least compares them where
            return compare(l1, l2)  # Oxigraph cannot (" 28"^^xsd:double is 28, as Python's float() reads it)
        if unordered(l1, l2):
            raise TypeError(f"no order between {l1.n3()} and {l2.n3()}")
        if not by_xpath(l1):
            return compare(l1, l2)
        if xpath_order(l1.n3(), "=", l2.n3()):
            return 0
        greater = xpath_order(l1.n3(), ">", l2.n3())
        if greater is None:  # a partial order: P1M and P30D
            raise TypeError(f"no order between {l1.n3()} and {l2.n3()}")
        return 1 if greater else -1

    by_value.by_value = True  # type: ignore[attr-defined]
    ranges.compare_literal = by_value


def blank_nodes_have_no_length() -> None:
    """Make pyshacl's sh:minLength 0 fail a blank node, as SHACL 1.0 (4.4.1) says, and as the fast engine does:
    "For each value node v where the length [...] of the string representation of v [...] is less than $minLength,
    or where v is a blank node, there is a validation result". pyshacl passes every value when the minimum is 0
    (a random shapes graph found it: tests/test_fastshacl_random_shapes.py). Idempotent."""
    from pyshacl.constraints.core.string_based_constraints import MinLengthConstraintComponent as component

    evaluate = component._evaluate_string_rule
    if getattr(evaluate, "blank_nodes", False):
        return

    def with_blank_nodes(self, rule, target_graph, f_v_dict):  # type: ignore[no-untyped-def]
        non_conformant, reports = evaluate(self, rule, target_graph, f_v_dict)
        if rule.value == 0:  # above 0, pyshacl fails blank nodes itself
            for f, value_nodes in f_v_dict.items():
                for v in value_nodes:
                    if isinstance(v, BNode):
                        non_conformant = True
                        reports.append(self.make_v_result(target_graph, f, value_node=v))
        return non_conformant, reports

    with_blank_nodes.blank_nodes = True  # type: ignore[attr-defined]
    component._evaluate_string_rule = with_blank_nodes


def long_integers() -> None:
    """Make pyshacl's sh:datatype xsd:integer accept an integer of more than 4300 digits.

    Python's int() refuses such a string (sys.int_max_str_digits, against its quadratic conversion), so
    strict_rdflib gives the value as a Decimal (datatypes._strict), exact and made in linear time; pyshacl wants an
    int for xsd:integer and called the literal ill-typed, where the fast engine's pattern (and XSD, whose integers
    have no bound) finds it well-typed. Only a well-formed xsd:integer gets a Decimal value. Idempotent."""
    from pyshacl.constraints.core.value_constraints import DatatypeConstraintComponent as component

    actual = component._assert_actual_datatype
    if getattr(actual, "long_integers", False):
        return

    def with_long_integers(self, value_node, datatype_rule):  # type: ignore[no-untyped-def]
        if datatype_rule == XSD_INTEGER and isinstance(value_node.value, Decimal):
            return True
        return actual(self, value_node, datatype_rule)

    with_long_integers.long_integers = True  # type: ignore[attr-defined]
    component._assert_actual_datatype = with_long_integers


PREPARED: dict[str, object] = {}  # a SPARQL-based constraint's text -> rdflib's prepared query (queries_parsed_once)
PREPARED_AT_MOST = 512  # texts kept: pyshacl writes a query's PREFIX lines in set order, so each parse of the shapes
# may give new texts for the same queries, and a long-lived process would otherwise keep them all


def self_contained(parsed: object) -> bool:
    """Whether a parsed query (rdflib's parseQuery) declares every prefix it uses. Only such a query means the same
    whatever the graph it runs on binds: rdflib reads an undeclared prefix from the data graph's bindings when
    handed the text, and from its own defaults (`schema:` as https://schema.org/, ...) when preparing it alone."""
    from rdflib.plugins.sparql.parserutils import CompValue

    declared: set[str] = set()
    used: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, CompValue):
            if node.name in ("pname", "PrefixDecl"):  # (an empty prefix has no "prefix" key)
                (used if node.name == "pname" else declared).add(dict.get(node, "prefix", ""))
            for value in node.values():
                walk(value)
        elif isinstance(node, (list, tuple)) or hasattr(node, "asList"):  # lists and pyparsing's ParseResults
            for value in node:
                walk(value)

    walk(parsed)
    return used <= declared


def queries_parsed_once() -> None:
    """Make pyshacl parse each SPARQL-based constraint's query once, not once per focus node. pyshacl hands rdflib
    the same text for every focus node, with $this in the bindings, and rdflib parsed it each time: 24 ms a parse,
    94 s of 132 s for 1,000 citations and their sections. The query is prepared once per text (its prefixes are
    in it: pyshacl writes the sh:prefixes declarations in); a text that does not prepare alone, or uses a prefix it
    does not declare (see self_contained), goes to rdflib as before. Idempotent."""
    from pyshacl.constraints.sparql.sparql_based_constraints import SPARQLBasedConstraint
    from rdflib.plugins.sparql import processor  # (its parseQuery, as rdflib's own Graph.query calls it)

    run = SPARQLBasedConstraint._validate_sparql_query
    if getattr(run, "parsed_once", False):
        return

    def prepared(query: str) -> object:
        try:
            parsed = processor.parseQuery(query)
            return processor.translateQuery(parsed) if self_contained(parsed) else query
        except Exception:  # pyparsing's and rdflib's errors: rdflib reads the text as it did, or says why not
            return query

    def parsed_once(self: SPARQLBasedConstraint, query: object, init_binds: dict, target_graph: Graph) -> list:
        if isinstance(query, str):
            found = PREPARED.get(query)
            if found is None:
                if len(PREPARED) >= PREPARED_AT_MOST:
                    PREPARED.clear()
                found = PREPARED[query] = prepared(query)
            query = found
        return run(self, query, init_binds, target_graph)

    parsed_once.parsed_once = True  # type: ignore[attr-defined]
    SPARQLBasedConstraint._validate_sparql_query = parsed_once  # type: ignore[method-assign]


class _Verbatim:
    """A term whose text re.sub writes as it is (a backslash doubled, since re.sub reads its replacement as a
    template)."""

    def __init__(self, term: object) -> None:
        self.term = term

    def __str__(self) -> str:
        return str(self.term).replace("\\", "\\\\")


def verbatim_messages() -> None:
    """Make pyshacl fill a SPARQL-based constraint's message with each value as it is (SHACL 1.0, 5.3.2).

    pyshacl replaces {?var} with `re.sub(pattern, str(value), message)`, which reads the value as a template: a
    value holding `\\1` was an internal error (exit 5, "invalid group reference"), and `\\n` became a line feed,
    where the fast engine writes the value's text. Each value is handed over as a _Verbatim. Idempotent."""
    from pyshacl.constraints.constraint_component import ConstraintComponent

    fill = ConstraintComponent._format_sparql_based_result_message
    if getattr(fill, "verbatim", False):
        return

    def wrap(value: object) -> object:
        return None if value is None else _Verbatim(value)

    def verbatim(self: ConstraintComponent, msg: str, bound_vars: object) -> str:
        if isinstance(bound_vars, (tuple, list)):
            bound_vars = [({k: wrap(v) for k, v in value.items()} if isinstance(value, dict) else wrap(value))
                          for value in bound_vars]
        elif isinstance(bound_vars, dict):
            bound_vars = {k: wrap(v) for k, v in bound_vars.items()}
        return fill(self, msg, bound_vars)

    verbatim.verbatim = True  # type: ignore[attr-defined]
    ConstraintComponent._format_sparql_based_result_message = verbatim  # type: ignore[method-assign]


def finite_lists() -> None:
    """Make pyshacl's copy of an rdf:List into its report stop where the list comes back, in one pass.

    pyshacl copies each blank focus and value node of a result into the report (pyshacl.rdfutil.clone), a list
    through rdflib's `Graph.items`, which raises on an rdf:rest that comes back: `_:l rdf:first x ; rdf:rest _:l`
    (legal RDF) as a value was an internal error, exit 5, where the fast engine reports it. And it appended each
    member by walking the copy from its head, quadratic in the list's length. The copy now holds each member up
    to the first cell seen again, linked cell by cell. Idempotent."""
    from pyshacl.rdfutil import clone

    if getattr(clone.clone_list, "finite", False):
        return

    def clone_list(graph, lnode, target_graph, keepid=False, recursion=0, deep_clone=False):
        if isinstance(lnode, BNode):
            cloned = BNode(str(lnode)) if keepid else BNode()
        else:
            cloned = URIRef(str(lnode))  # a list can be a named individual too
        members, cell, seen = [], lnode, set()
        while cell is not None and cell not in seen:  # as Graph.items, but a cycle ends the list
            seen.add(cell)
            member = graph.value(cell, RDF.first)
            if member is not None:
                members.append(member)
            cell = graph.value(cell, RDF.rest)
        end = cloned
        for i, member in enumerate(members):
            if i:
                end, previous = BNode(), end
                target_graph.add((previous, RDF.rest, end))
            target_graph.add((end, RDF.first, clone.clone_node(graph, member, target_graph, recursion=recursion + 1,
                                                                deep_clone=deep_clone)))
        if members:
            target_graph.add((end, RDF.rest, RDF.nil))
        return cloned

    clone_list.finite = True  # type: ignore[attr-defined]
    clone.clone_list = clone_list


STACK_BYTES = 256 << 20
RECURSION_LIMIT = 100_000


def with_deep_stack(work: Callable[[], T]) -> T:
    """work() in a thread with a 256 MiB stack and a recursion limit of 100,000. pyshacl finds the instances of a
    class with rdflib's `transitive_subjects`, a recursion one level per rdfs:subClassOf step: with Python's
    default 1,000, a chain of 3,000 classes in the data (400 KB) was an internal error where the fast engine gave
    the verdict. A level takes about 420 bytes of stack (measured: 16 MiB held 40,000 levels, not 80,000), so the
    limit stops a deeper chain with a RecursionError long before the stack runs out."""
    import sys
    import threading

    outcome: list = []

    def run() -> None:
        try:
            outcome.append((True, work()))
        except BaseException as exc:  # handed to the caller's thread
            outcome.append((False, exc))

    old_stack, old_limit = threading.stack_size(STACK_BYTES), sys.getrecursionlimit()
    sys.setrecursionlimit(RECURSION_LIMIT)
    try:
        thread = threading.Thread(target=run, name="pyshacl", daemon=True)  # Ctrl-C is not held up
        thread.start()
        thread.join()
    finally:
        threading.stack_size(old_stack)
        sys.setrecursionlimit(old_limit)
    done, value = outcome[0]
    if not done:
        raise value
    return value


def xpath_patterns(shapes: Graph) -> Graph:
    """`shapes`, or a copy whose sh:pattern values mean in Python's `re` (which pyshacl uses) what they mean in
    XPath (SHACL §4.7.1 follows SPARQL's REGEX; the fast engine gets them written for Rust): `$` is the end of the
    string without the "m" flag, `\\s` is space, tab, LF and CR only, `.` is neither LF nor CR (validate/regex.py).
    A pattern the engines would not read alike (regex.NotXPath) is left as written; the fast engine refuses it."""
    changed = {}
    for shape, pattern in shapes.subject_objects(SH.pattern):
        try:
            python = regex.xpath(str(pattern), str(shapes.value(shape, SH.flags) or ""), python=True)
        except regex.NotXPath:
            continue
        if python != str(pattern):
            changed[(shape, pattern)] = python
    if not changed:
        return shapes
    copy = Graph()
    copy += shapes
    for (shape, pattern), python in changed.items():
        copy.remove((shape, SH.pattern, pattern))
        copy.add((shape, SH.pattern, Literal(python)))
    return copy


def summary(results: list[Result], examples: int = 3, origin: dict[str, Path] | None = None) -> str:
    """Results grouped by severity, shape and message, with counts and a few example focus nodes (with the
    file each came from, when `origin` tells)."""
    from ..errors import display, printable

    groups: dict[tuple[str, str, str], list[Result]] = defaultdict(list)
    for r in results:
        groups[(r.severity, r.shape, r.message)].append(r)
    lines = []
    for (severity, shape, message), rs in sorted(groups.items(), key=lambda kv: (-EXIT_CODES.get(kv[0][0], 0), kv[0])):
        files = {r.focus: r.described_in(origin or {}) for r in rs}
        shown = ", ".join(f"{f} ({display(files[f])})" if files[f] else f for f in sorted(files)[:examples])
        # the data's own text (a literal focus node, a value in the message) is escaped: it cannot drive the terminal
        lines.append(printable(f"  {severity} ×{len(rs)} [{shape.rsplit('#', 1)[-1]}] {message}")
                     + (f"\n      e.g. {printable(shown)}" if shown else ""))
    return "\n".join(lines)


EXIT_CODES = {"": 0, "Info": 1, "Warning": 2, "Violation": 3}  # the worst severity found -> exit code


def main(argv: list[str] | None = None) -> int:
    """`ngo-fp validate` / `python -m scripts.validate` (see cli.py)."""
    from .cli import main as cli_main

    return cli_main(argv)
