"""The fast validation path: the project's SHACL shapes compiled to SPARQL and run on Oxigraph (pyoxigraph).

pyshacl stays the reference: the tests require the same results (focus node, path, constraint component,
severity, source shape) on every shape fixture, on ill-typed literals and on the publication itself. This
path exists for data sets of hundreds of thousands of triples, and stays linear in them:
- Oxigraph's parser loads the files (scripts/load.py's checks first), one named graph per file, in the main
  thread while the shapes are compiled in another (validate_files);
- nothing is materialized: SHACL's "instance of" (rdf:type/rdfs:subClassOf*) becomes, when the checks run, one
  scan of `?this a ?c` joined with the target classes and their subclasses (read from the store: ontology and
  data), and for sh:class a `?t IN (C, its subclasses)` test on the value's types;
- one query per property shape for its value constraints (each constraint a boolean column), over the union of
  the targets of the node shapes that use it (nfps:labelPresent is used by many);
- one query per node shape's targets for the counts with a minimum on IRI paths, its own property shapes' and
  the shared ones' (count_checks); other counts one query each. A minimum of 1 is a `NOT EXISTS` and a maximum
  of 1 an `EXISTS` of two different values, without grouping (EXISTENCE); other bounds, and any bound on a
  sequence path, a distinct count per path (Oxigraph evaluates a sequence path inside EXISTS from all its starts;
  sh:hasValue on one is a MINUS for the same reason). About 150 queries for the project's shapes, each a scan of
  its targets, run in parallel threads;
- a value check or a maximum count whose targets are classes has a second form that starts from the path's
  values and keeps the offending rows whose node is a target (Check.values_first); run() takes it when the path
  has at most twice as many matches as the targets, which halves the big checks (one join fewer per target).

Supported SHACL: targets (targetClass, targetSubjectsOf, targetObjectsOf); paths (IRI, inverse, sequence);
minCount, maxCount, datatype (with the lexical form checked against the datatype's lexical space, see
scripts/validate/datatypes.py), languageIn (primary languages and "*"), minLength, minInclusive, pattern, class,
nodeKind sh:IRI, in, hasValue, uniqueLang, sh:or of datatype/class alternatives, qualifiedValueShape with sh:in,
SPARQL-based constraints, sh:deactivated. A shapes graph using anything else is refused with the unsupported
feature named.
"""
from __future__ import annotations

import functools
import operator
import os
import re
import secrets
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection

from ..errors import BuildError, display
from ..load import rdflib_term
from . import Result, SourceConstraint, comparisons, datatypes, regex, shaclpath

SH = Namespace("http://www.w3.org/ns/shacl#")
RDFS_NS = "http://www.w3.org/2000/01/rdf-schema#"
SUPPORTED = {
    SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.property, SH.path, SH.minCount, SH.maxCount,
    SH.datatype, SH.languageIn, SH.minLength, SH.minInclusive, SH.pattern, SH.flags, SH["class"], SH.nodeKind, SH["in"],
    SH.hasValue, SH.uniqueLang, SH["or"], SH.qualifiedValueShape, SH.qualifiedMinCount, SH.qualifiedMaxCount,
    SH.sparql, SH.message, SH.severity, SH.name, SH.description, SH.order, SH.group, SH.deactivated,
    URIRef(RDFS_NS + "label"), URIRef(RDFS_NS + "comment"), RDF.type,
}
# Placeholders filled in by Runner.expand from the store's class hierarchy: "@@class:C@@" is C and its subclasses,
# "@@instances:C D@@" binds ?this to an instance of any of these classes or their subclasses.
PLACEHOLDER = re.compile(r"@@(class|instances):([^@]+)@@")
COMPARE = {"<": operator.lt, ">": operator.gt}
RDF_TYPE = ox.NamedNode(str(RDF.type))
AT_LEAST = ox.NamedNode("https://w3id.org/ngo-fp/fastshacl#atLeast")  # at_least() below, for sh:minInclusive
XSD_BOOLEAN = ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean")
XSD_ANY_URI = URIRef("http://www.w3.org/2001/XMLSchema#anyURI")
XSD_INTEGER, XSD_BOOLEAN_IRI = URIRef(datatypes.XSD + "integer"), URIRef(datatypes.XSD + "boolean")
XSD_STRING_IRI = URIRef(datatypes.XSD + "string")
OWL_NS = "http://www.w3.org/2002/07/owl#"
RDFS_CLASS, OWL_CLASS = URIRef(RDFS_NS + "Class"), URIRef(OWL_NS + "Class")


# parameters compile_property and value_constraints read one value of (Graph.value), and those pyshacl refuses a
# shape with two of (its ConstraintLoadError, "must have at most one"), which value_constraints would read each of
ONE_VALUE_READ = (SH.path, SH.minCount, SH.maxCount, SH.hasValue, SH.uniqueLang, SH.qualifiedValueShape,
                  SH.qualifiedMinCount, SH.qualifiedMaxCount, SH.flags, SH.severity, SH.deactivated,
                  SH["in"], SH.minLength, SH.languageIn, SH.datatype, SH.nodeKind)
# parameters pyshacl refuses on a node shape ("can only be present on a PropertyShape")
PROPERTY_ONLY = {SH.minCount, SH.maxCount, SH.uniqueLang, SH.qualifiedValueShape, SH.qualifiedMinCount,
                 SH.qualifiedMaxCount}
COUNTS = (SH.minCount, SH.maxCount, SH.minLength, SH.qualifiedMinCount, SH.qualifiedMaxCount)


class Unsupported(Exception):
    pass


UNREAD = ox.Store()  # empty: readable() has Oxigraph read each SPARQL constraint's query on it


@dataclass(frozen=True)
class Constraint:
    """One constraint component of one shape, as results name it."""
    shape: str
    component: str
    severity: str
    message: str
    path: str  # the sh:path as results name it (shaclpath.name: an IRI, SPARQL text, or "" for a node shape)
    compare: str = ""  # count constraints: "<" or ">" against `bound`
    bound: int = 0
    source: SourceConstraint | None = None  # a SPARQL-based constraint: the value of sh:sparql


@dataclass(frozen=True)
class Check:
    """One SPARQL query and the constraints it decides.

    kind "flags": rows of ?this (?value) and one boolean ?f<i> per constraint, true where it is violated;
    kind "count": rows of ?this and ?n, compared with each constraint's bound; kind "counts": rows of ?this and
    ?n<i>, each constraint compared with its column's count; kind "rows": every row is a result of its constraints.

    `values_first`, when given, is the same check without its targets: it finds the offending values over all
    of `pattern`'s matches, and run() keeps the rows whose ?this is an instance of one of `classes` (the
    targets, all of them classes). run() takes it when `pattern` has no more matches than twice the targets."""
    query: str
    constraints: tuple[Constraint, ...]
    kind: str
    values_first: str = ""
    pattern: str = ""
    classes: tuple[str, ...] = ()
    columns: tuple[int, ...] = ()  # kind "counts": the ?n<i> column of each constraint
    of_node_shape: bool = False  # a node shape's own constraints: without ?value, the focus node is the value

    @property
    def component(self) -> str:  # the first constraint's, for a quick look at a check
        return self.constraints[0].component


def term(node) -> str:
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, Literal):
        return node.n3()
    raise Unsupported(f"blank node {node} where an IRI or literal is needed")


def items(shapes: Graph, head) -> list:
    return list(Collection(shapes, head))


def refused_parameters(shapes: Graph, shape, property_shape: bool) -> set:
    """The parameters of `shape` that pyshacl refuses when it loads the shape (a ConstraintLoadError, so no verdict),
    or that this engine would read otherwise than pyshacl: two values of one in ONE_VALUE_READ; on a node shape,
    one of PROPERTY_ONLY; a count or a length that is not a well-formed xsd:integer of at least 0; an
    sh:uniqueLang that is not an xsd:boolean; an sh:pattern or a language range that is not a string; a qualified
    shape with no count."""
    said = set(shapes.predicates(shape))
    refused = {p for p in ONE_VALUE_READ if len(set(shapes.objects(shape, p))) > 1}
    if not property_shape:  # and sh:hasValue, which this engine reads on property shapes only
        refused |= said & (PROPERTY_ONLY | {SH.hasValue})
    for parameter in COUNTS:
        for n in shapes.objects(shape, parameter):
            if not (isinstance(n, Literal) and n.datatype == XSD_INTEGER and re.fullmatch(r"\+?[0-9]+", str(n))):
                refused.add(parameter)
    for flag in shapes.objects(shape, SH.uniqueLang):
        if not (isinstance(flag, Literal) and flag.datatype == XSD_BOOLEAN_IRI and str(flag) in ("true", "false")):
            refused.add(SH.uniqueLang)
    strings = list(shapes.objects(shape, SH.pattern)) + list(shapes.objects(shape, SH.flags)) + [
        r for head in shapes.objects(shape, SH.languageIn) for r in items(shapes, head)]
    if any(not isinstance(x, Literal) or x.datatype not in (None, XSD_STRING_IRI) or x.language for x in strings):
        refused |= said & {SH.pattern, SH.flags, SH.languageIn}
    if SH.qualifiedValueShape in said and not said & {SH.qualifiedMinCount, SH.qualifiedMaxCount}:
        refused.add(SH.qualifiedValueShape)
    return refused


def sparql_path(shapes: Graph, path) -> str:
    """The path in SPARQL (shaclpath.text), if it is one this engine supports: IRIs, inverses and sequences."""
    if isinstance(path, URIRef):
        return term(path)
    inverse = shapes.value(path, SH.inversePath)
    if inverse is not None:
        sparql_path(shapes, inverse)
    elif shapes.value(path, RDF.first) is not None:
        for p in items(shapes, path):
            sparql_path(shapes, p)
    else:
        raise Unsupported(f"path {path}")
    return shaclpath.text(shapes, path)


def instance_of(var: str, cls, type_var: str) -> str:
    """A pattern: `var` is a SHACL instance of `cls` (typed with it or one of its subclasses)."""
    return f"{var} a {type_var} . FILTER (@@class:{type_var} {cls}@@)"


def targets(shapes: Graph, shape) -> list[str]:
    """The shape's targets as SPARQL patterns binding ?this, each focus node once: a subject of n values (or an
    object of n subjects) would otherwise be n rows, each joined with its n values, n squared (20,000 names on
    one node: minutes)."""
    for c in shapes.objects(shape, SH.targetClass):
        if not isinstance(c, URIRef):  # a query can name only an IRI (a blank node made an invalid query: exit 5)
            raise Unsupported(f"sh:targetClass {c} of {shape}: only an IRI")
    patterns = [f"@@instances:{c}@@" for c in shapes.objects(shape, SH.targetClass)]
    patterns += [f"{{ SELECT DISTINCT ?this WHERE {{ ?this {term(p)} ?_o }} }}" for p in shapes.objects(shape, SH.targetSubjectsOf)]
    patterns += [f"{{ SELECT DISTINCT ?this WHERE {{ ?_s {term(p)} ?this }} }}" for p in shapes.objects(shape, SH.targetObjectsOf)]
    return patterns


def target_classes(patterns: list[str]) -> tuple[str, ...]:
    """The target classes when every target is a class target; else () (no values-first plan)."""
    if not patterns or not all(p.startswith("@@instances:") for p in patterns):
        return ()
    return tuple(sorted({c for p in patterns for c in p[len("@@instances:"):-2].split()}))


def focus(patterns: list[str]) -> str:
    """The focus nodes of several targets: the instances of all target classes at once (one index lookup per
    class and subclass, filled in by run()), or'ed with the other targets. A node of several targets is a row for
    each: every check is a set or a distinct count."""
    classes = sorted({p[len("@@instances:"):-2] for p in patterns if p.startswith("@@instances:")})
    others = sorted({p for p in patterns if not p.startswith("@@instances:")})
    parts = ([f"@@instances:{' '.join(classes)}@@"] if classes else []) + others
    return parts[0] if len(parts) == 1 else " UNION ".join(f"{{ {p} }}" for p in parts)


def severity(shapes: Graph, shape) -> str:
    s = shapes.value(shape, SH.severity)
    return str(s).rsplit("#", 1)[-1] if s is not None else "Violation"


def active(shapes: Graph, shape) -> bool:
    return shapes.value(shape, SH.deactivated) != Literal(True)


def ill_typed(datatype, var: str) -> str:
    """A boolean SPARQL expression: `var` is not a well-typed literal of `datatype` (sh:datatype fails).

    Oxigraph keeps ill-typed literals ("2019-02-30"^^xsd:date) and DATATYPE() still names their datatype, so
    the lexical form is checked against the datatype's lexical space (scripts/validate/datatypes.py)."""
    if not datatypes.known(datatype):
        raise Unsupported(f"sh:datatype {datatype} (lexical space unknown; known: {', '.join(sorted(datatypes.LEXICAL))})")
    expr = f"!isLiteral({var}) || DATATYPE({var}) != {term(datatype)}"
    # a language tag if and only if the datatype is rdf:langString (RDF 1.1 Concepts, 3.3): JSON-LD can write
    # {"@value": "x", "@type": "rdf:langString"}, which Oxigraph keeps without a tag and pyshacl fails
    expr += f' || LANG({var}) {"=" if datatype == RDF.langString else "!="} ""'
    lexical = datatypes.pattern(datatype)
    if lexical is not None:
        expr += f" || !REGEX(STR({var}), {Literal(lexical).n3()})"
    return expr


# what a shape may say besides its constraints: none of these changes whether a value conforms to it
ANNOTATIONS = {SH.name, SH.description, SH.message, SH.severity, SH.order, SH.group, URIRef(RDFS_NS + "label"),
               URIRef(RDFS_NS + "comment"), RDF.type}


def alternative(shapes: Graph, member, var: str) -> str:
    """A boolean SPARQL expression: `var` conforms to one member of an sh:or, a shape of one sh:datatype or one
    sh:class and nothing else that a value must meet (another constraint, sh:deactivated, a second datatype or
    class: pyshacl reads them all, so such a member is refused, not read in part)."""
    said = list(shapes.predicate_objects(member))
    constraints = [(p, o) for p, o in said if p not in ANNOTATIONS]
    if len(constraints) != 1 or constraints[0][0] not in (SH.datatype, SH["class"]):
        raise Unsupported(f"sh:or member {member} (only a shape of one sh:datatype or one sh:class: it says "
                          f"{', '.join(sorted(str(p) for p, _ in constraints)) or 'nothing'})")
    parameter, value = constraints[0]
    if parameter == SH.datatype:
        return f"!({ill_typed(value, var)})"
    return f"EXISTS {{ {instance_of(var, value, '?_u')} }}"


def value_constraints(shapes: Graph, node, var: str) -> Iterable[tuple[str, str]]:
    """(component, SPARQL expression true when `var` VIOLATES the constraint) for value-level parameters."""
    for p, o in sorted(shapes.predicate_objects(node)):
        if p == SH.datatype:
            yield "DatatypeConstraintComponent", ill_typed(o, var)
        elif p == SH.languageIn:
            ranges = [str(r) for r in items(shapes, o)]
            if subtagged := [r for r in ranges if "-" in r]:  # langMatches takes en-GB-oxendict, pyshacl does not
                raise Unsupported(f"sh:languageIn range {subtagged[0]} (a subtag: SHACL's langMatches and pyshacl "
                                  "differ; only primary languages and \"*\")")
            # an empty list: no value has a language of it (" || " of nothing was "!()", a syntax error)
            langs = " || ".join(f"LANGMATCHES(LANG({var}), {Literal(r).n3()})" for r in ranges) or "false"
            yield "LanguageInConstraintComponent", f"!isLiteral({var}) || !({langs})"
        elif p == SH.minInclusive:
            if not isinstance(o, Literal) or comparisons.opaque(o):
                # pyshacl fails on a bound that is no literal; the store's `>=` takes an ill-typed bound as
                # equal to itself, and may order a datatype SPARQL does not (xsd:anyURI)
                raise Unsupported(f"sh:minInclusive {o.n3()}: no literal SPARQL orders")
            yield "MinInclusiveConstraintComponent", (
                f"!isLiteral({var}) || !COALESCE({var} >= {o.n3()}, <{AT_LEAST.value}>({var}, {o.n3()}), false)")
        elif p == SH.minLength:
            yield "MinLengthConstraintComponent", f"isBlank({var}) || STRLEN(STR({var})) < {int(o)}"
        elif p == SH.pattern:
            flags = shapes.value(node, SH.flags)
            try:  # as XPath reads it (validate/regex.py); pyshacl gets the same through validate.xpath_patterns
                pattern = Literal(regex.xpath(str(o), str(flags or ""))).n3()
            except regex.NotXPath as why:
                raise Unsupported(str(why)) from None
            yield "PatternConstraintComponent", f"isBlank({var}) || !REGEX(STR({var}), {pattern}" + (
                f", {Literal(str(flags)).n3()})" if flags else ")")
        elif p == SH["class"]:
            yield "ClassConstraintComponent", f"NOT EXISTS {{ {instance_of(var, o, '?_u')} }}"
        elif p == SH.nodeKind:
            if o != SH.IRI:
                raise Unsupported(f"sh:nodeKind {o}")
            yield "NodeKindConstraintComponent", f"!isIRI({var})"
        elif p == SH["in"]:
            yield "InConstraintComponent", f"!({one_of(var, items(shapes, o))})"
        elif p == SH["or"]:
            yield "OrConstraintComponent", "!(" + " || ".join(alternative(shapes, m, var) for m in items(shapes, o)) + ")"


def at_least(value, bound) -> ox.Literal | None:
    """`value` >= `bound` as rdflib (and so pyshacl) compares them; the queries call it where Oxigraph's `>=` is an
    error, which sh:minInclusive reads as a violation. Oxigraph cannot compare an integer past 64 bits, a decimal
    past 18 fraction digits (or 20 integer ones), nor a double written with spaces (" 28", which rdflib reads
    with Python's float()); rdflib compares them all. What rdflib cannot compare either stays an error (None)."""
    datatypes.strict_rdflib()  # ill-typed integers and decimals have no value, as in pyshacl
    values = [Literal(t.value, datatype=t.datatype.value).value
              if isinstance(t, ox.Literal) and t.language is None else None for t in (value, bound)]
    if not all(isinstance(v, (int, float, Decimal)) and not isinstance(v, bool) for v in values):
        return None
    try:
        return ox.Literal("true" if values[0] >= values[1] else "false", datatype=XSD_BOOLEAN)
    except (ArithmeticError, TypeError):  # Decimal NaN
        return None


def one_of(var: str, values: Iterable) -> str:
    """`var` is one of the terms. SHACL's sh:in compares terms: SPARQL's IN would take 1.0 for 1, so literals are
    compared with sameTerm; IRIs with IN, the same for them and faster (0.40 s against 0.55 s at 2M triples for
    the sources' eleven FaBiO classes). A literal the query would read in another form ("1.0"^^xsd:decimal as "1",
    "x"^^xsd:string as "x": restated) is left out: for rdflib, and so pyshacl, it equals no value the store holds
    as written (data holding it is left to pyshacl: restated_in), while the query would match its other form."""
    values = [v for v in values if not (isinstance(v, Literal) and restated(v))]
    iris = [term(v) for v in values if not isinstance(v, Literal)]
    tests = [f"{var} IN ({', '.join(iris)})"] if iris else []
    return " || ".join(tests + [f"sameTerm({var}, {term(v)})" for v in values if isinstance(v, Literal)]) or "false"


def flags_check(where: str, var: str, exprs: list[tuple[Constraint, str]], pattern: str = "",
                classes: tuple[str, ...] = ()) -> Check:
    """One query deciding several value constraints: a boolean column per constraint, rows where any is true.
    With the value `pattern` and class targets, also the values-first form of the same query."""
    binds = " ".join(f"BIND (COALESCE({e}, false) AS ?f{i})" for i, (_, e) in enumerate(exprs))
    any_ = " || ".join(f"?f{i}" for i in range(len(exprs)))
    selected = " ".join(f"?f{i}" for i in range(len(exprs)))
    value = " ?value" if var == "?value" else ""
    values_first = f"SELECT DISTINCT ?this{value} {selected} WHERE {{ {pattern} {binds} FILTER ({any_}) }}" \
        if pattern and classes else ""
    return Check(f"SELECT DISTINCT ?this{value} {selected} WHERE {{ {where} {pattern} {binds} FILTER ({any_}) }}",
                 tuple(c for c, _ in exprs), "flags", values_first, pattern, classes)


@dataclass(frozen=True)
class CountPart:
    """The count constraints of one property shape on an IRI path, over the targets of one node shape using it."""
    where: str
    path: str
    constraints: tuple[Constraint, ...]


# Count constraints that are a question of existence, as a SPARQL expression true when violated: no value (a
# minimum of 1) or two different values (a maximum of 1). No grouping, so no table of counts growing with the
# targets: at 2M triples the claims' counts took 0.47 s this way and 0.83 s grouped (single-threaded, best of 3).
# Only on a path of one step (an IRI or its inverse): Oxigraph 0.5 evaluates a sequence path inside EXISTS from
# all its starts, not from the bound ?this, so each test reads the whole path: on the article's 975 evidence nodes
# the quotes' count (oa:hasTarget/oa:hasSelector/oa:exact) took 5.7 s this way and 0.007 s grouped.
EXISTENCE = {("<", 1): "NOT EXISTS {{ ?this {path} ?_v }}",
             (">", 1): "EXISTS {{ ?this {path} ?_a , ?_b FILTER (!sameTerm(?_a, ?_b)) }}"}


def existence_check(where: str, counts: list[tuple[Constraint, str]]) -> Check | None:
    """The count constraints (each with its path) as one flags check, when every one is a question of existence."""
    if not all((c.compare, c.bound) in EXISTENCE for c, _ in counts):
        return None
    return flags_check(where, "?this", [(c, EXISTENCE[c.compare, c.bound].format(path=path)) for c, path in counts])


def count_check(where: str, path: str, counts: tuple[Constraint, ...], pattern: str = "",
                classes: tuple[str, ...] = (), one_step: bool = True) -> Check:
    """One query for the count constraints of one path on one set of targets (`one_step`: the path is an IRI or
    an inverse IRI, on which existence tests are fast; see EXISTENCE)."""
    # a maximum alone: a node with no value never violates it, so the values first are enough (and grouped they
    # are faster than an existence test per value: 0.13 s against 0.17 s for InTextCitationShape-denotes at 2M)
    maximum = bool(classes) and all(c.compare == ">" for c in counts)
    found = None if maximum or not one_step else existence_check(where, [(c, path) for c in counts])
    if found:
        return found
    having = " || ".join(f"COUNT(DISTINCT ?value) {c.compare} {c.bound}" for c in counts)
    group = f"GROUP BY ?this HAVING ({having})"
    values_first = f"SELECT ?this (COUNT(DISTINCT ?value) AS ?n) WHERE {{ {pattern} }} {group}" if maximum else ""
    return Check(f"SELECT ?this (COUNT(DISTINCT ?value) AS ?n) WHERE {{ {where} OPTIONAL {{ ?this {path} ?value }} }} "
                 f"{group}", counts, "count", values_first, pattern, classes)


def count_checks(parts: list[CountPart]) -> list[Check]:
    """The count constraints on the same targets in one query: one pass over the targets (at 2M triples, 0.8 s
    where the five separate queries of the reference entries took 1.6 s, single-threaded). Existence tests where
    every bound allows it (existence_check); otherwise, with several paths, kind "counts": each target's
    statements on the paths read once, a distinct count per path in column ?n<i>; with one path, count_check."""
    groups: dict[str, list[CountPart]] = defaultdict(list)
    for part in parts:
        groups[part.where].append(part)
    checks = []
    for where, group in sorted(groups.items()):
        paths = sorted({part.path for part in group})
        constraints = tuple(c for part in group for c in part.constraints)
        found = existence_check(where, [(c, part.path) for part in group for c in part.constraints])
        if found or len(paths) == 1:
            checks.append(found or count_check(where, paths[0], constraints))
            continue
        columns = tuple(paths.index(part.path) for part in group for _ in part.constraints)
        # ?_none is never bound: for a statement on another path IF is an error, which COUNT skips
        counted = " ".join(f"(COUNT(DISTINCT IF(?_cp = {p}, ?_cv, ?_none)) AS ?n{i})" for i, p in enumerate(paths))
        violated = " || ".join(f"?n{i} {c.compare} {c.bound}" for c, i in zip(constraints, columns))
        checks.append(Check(
            f"SELECT * WHERE {{ {{ SELECT ?this {counted} WHERE {{ {where} OPTIONAL {{ ?this ?_cp ?_cv "
            f"VALUES ?_cp {{ {' '.join(paths)} }} }} }} GROUP BY ?this }} FILTER ({violated}) }}",
            constraints, "counts", columns=columns))
    return checks


def compile_property(shapes: Graph, prop, owners: list, parts: list[CountPart]) -> list[Check]:
    """The checks of one property shape, over the union of the targets of the node shapes that use it. Counts on an
    IRI path with a minimum go to `parts` instead, one per node shape, for count_checks to merge."""
    unknown = set(shapes.predicates(prop)) - SUPPORTED
    # a parameter read once below (shapes.value) with a second value: pyshacl checks each sh:hasValue and each
    # sh:qualifiedValueShape, and refuses the shape for the others; and what else pyshacl refuses to load
    unknown |= refused_parameters(shapes, prop, property_shape=True)
    # a property shape's own sh:property (its values' properties) and sh:sparql are not compiled: refused, not skipped
    unknown |= {SH.property, SH.sparql} & set(shapes.predicates(prop))  # (a property shape's SPARQL: with $PATH)
    if unknown:
        raise Unsupported(f"property shape {prop}: {', '.join(sorted(str(u) for u in unknown))}")
    path_node = shapes.value(prop, SH.path)
    path = sparql_path(shapes, path_node)
    patterns = [t for owner in owners for t in targets(shapes, owner)]
    where, classes, pattern = focus(patterns), target_classes(patterns), f"?this {path} ?value ."
    shape, sev, message = str(prop), severity(shapes, prop), str(shapes.value(prop, SH.message) or "")

    def constraint(component: str, compare: str = "", bound: int = 0) -> Constraint:
        return Constraint(shape, component, sev, message, shaclpath.name(shapes, path_node), compare, bound)

    checks = []
    exprs = [(constraint(component), expr) for component, expr in value_constraints(shapes, prop, "?value")]
    if exprs:
        checks.append(flags_check(where, "?value", exprs, pattern, classes))
    counts = tuple(constraint(component, compare, int(n)) for parameter, component, compare in (
        (SH.minCount, "MinCountConstraintComponent", "<"), (SH.maxCount, "MaxCountConstraintComponent", ">"))
        for n in [shapes.value(prop, parameter)] if n is not None)
    one_step = isinstance(path_node, URIRef) or isinstance(shapes.value(path_node, SH.inversePath), URIRef)
    if isinstance(path_node, URIRef) and any(c.compare == "<" for c in counts):  # merged per target set by compile_shapes (count_checks)
        parts += [CountPart(focus(targets(shapes, owner)), path, counts) for owner in owners]
    elif counts:
        checks.append(count_check(where, path, counts, pattern, classes, one_step))
    value = shapes.value(prop, SH.hasValue)
    if value is not None:  # an existence test on one step; on a longer path (see EXISTENCE) an anti-join, one pass
        reached = f"{{ ?this {path} {term(value)} }}"
        if isinstance(value, Literal) and restated(value):  # reached by no value, for pyshacl (one_of)
            test = ""
        else:
            test = f"FILTER NOT EXISTS {reached}" if one_step else f"MINUS {reached}"
        checks.append(Check(f"SELECT DISTINCT ?this WHERE {{ {where} {test} }}",
                            (constraint("HasValueConstraintComponent"),), "rows"))
    if shapes.value(prop, SH.uniqueLang) == Literal(True):  # grouped by tag: pairs of values were quadratic in them
        checks.append(Check(f"SELECT DISTINCT ?this WHERE {{ SELECT ?this WHERE {{ {where} ?this {path} ?a . "
                            f"BIND (LANG(?a) AS ?lang) FILTER (?lang != \"\") }} GROUP BY ?this ?lang "
                            f"HAVING (COUNT(DISTINCT ?a) > 1) }}",
                            (constraint("UniqueLangConstraintComponent"),), "rows"))
    qualified = shapes.value(prop, SH.qualifiedValueShape)
    if qualified is not None:
        listed = shapes.value(qualified, SH["in"])
        if listed is None or set(shapes.predicates(qualified)) - {SH["in"]} or \
                len(set(shapes.objects(qualified, SH["in"]))) > 1:  # pyshacl refuses a second sh:in
            raise Unsupported(f"qualifiedValueShape {qualified} (only sh:in)")
        members = one_of("?value", items(shapes, listed))
        bounds = [constraint(component, compare, int(n)) for parameter, component, compare in (
            (SH.qualifiedMinCount, "QualifiedMinCountConstraintComponent", "<"),
            (SH.qualifiedMaxCount, "QualifiedMaxCountConstraintComponent", ">"))
            for n in [shapes.value(prop, parameter)] if n is not None]
        having = " || ".join(f"COUNT(DISTINCT ?value) {c.compare} {c.bound}" for c in bounds)
        checks.append(Check(f"SELECT ?this (COUNT(DISTINCT ?value) AS ?n) WHERE {{ {where} OPTIONAL {{ ?this {path} ?value "
                            f"FILTER ({members}) }} }} GROUP BY ?this HAVING ({having})", tuple(bounds), "count"))
    return checks


# the prefixes pyshacl declares in every SPARQL-based constraint's query (its SPARQLQueryHelper)
QUERY_PREFIXES = {"rdf": str(RDF), "rdfs": RDFS_NS, "owl": OWL_NS}


def prefixes(shapes: Graph, sparql) -> str:
    """The PREFIX lines pyshacl writes before a SPARQL-based constraint's query (SPARQLQueryHelper.collect_prefixes
    of pyshacl 0.40): rdf, rdfs and owl; then, if the constraint has sh:prefixes, the declarations of each of its
    values, with those of every owl:Ontology of the shapes graph unless the value is an ontology that declares some
    itself. No other prefix: pyshacl reads a prefix a query does not declare from the data graph's bindings, which
    the store does not have (compile_sparql). Unsupported where pyshacl would refuse a declaration, or where two
    give one prefix different namespaces (pyshacl keeps either, by set order)."""
    found = dict(QUERY_PREFIXES)
    values = set(shapes.objects(sparql, SH.prefixes))
    ontologies = set(shapes.subjects(RDF.type, URIRef(OWL_NS + "Ontology")))
    everywhere = {d for o in ontologies for d in shapes.objects(o, SH.declare)}
    given: dict[str, str] = {}
    for value in values:
        own = set(shapes.objects(value, SH.declare))
        for declared in own if own and value in ontologies else own | everywhere:
            names, spaces = list(shapes.objects(declared, SH.prefix)), list(shapes.objects(declared, SH.namespace))
            if isinstance(declared, Literal) or len(names) != 1 or len(spaces) != 1 or \
                    not isinstance(names[0], Literal) or not isinstance(names[0].value, str) or \
                    not isinstance(spaces[0], Literal) or not (isinstance(spaces[0].value, str) or spaces[0].language
                                                               or spaces[0].datatype == XSD_ANY_URI):
                raise Unsupported(f"a prefix declaration of {sparql} that pyshacl refuses (one sh:prefix, a string, "
                                  "and one sh:namespace, a string or xsd:anyURI)")
            name, space = str(names[0]), str(spaces[0])
            if given.setdefault(name, space) != space:
                raise Unsupported(f"prefix {name}: declared with two namespaces for {sparql}")
    found.update(given)
    return "\n".join(f"PREFIX {name}: <{space}>" for name, space in sorted(found.items()))


def code(text: str, start: int = 0) -> Iterator[tuple[int, str]]:
    """The characters of a SPARQL text from `start` that are in no string literal and no comment, with their
    indexes."""
    i, quote = start, ""
    while i < len(text):
        c = text[i]
        if quote:
            if c == "\\":
                i += 1
            elif c == quote:
                quote = ""
        elif c in "\"'":
            quote = c
        elif c == "#" and (i == 0 or text[i - 1].isspace()):  # a comment (a # in an IRI follows its name)
            i = text.find("\n", i)
            if i < 0:
                return
        else:
            yield i, c
        i += 1


def closing_brace(text: str, start: int) -> int:
    """The index of the `}` that closes the `{` at `start` (braces in string literals and comments do not count)."""
    depth = 0
    for i, c in code(text, start):
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return i
    raise Unsupported("a SPARQL constraint whose WHERE clause does not close")


def readable(shape, declared: str, select: str) -> None:
    """Unsupported unless the store reads `select` with the PREFIX lines `declared` (prefixes()): a query using a
    prefix it does not declare is read by pyshacl with the data graph's bindings, which the store does not keep; and
    SPARQL the store cannot read is pyshacl's to report. Oxigraph reads the query on an empty store, where nothing
    is found; but it calls a SERVICE as it reads, so a query that may hold one is parsed by rdflib instead."""
    from . import self_contained

    text_ = declared + "\n" + select
    if re.search("service", select, flags=re.I):
        from rdflib.plugins.sparql import processor
        try:
            undeclared = not self_contained(processor.parseQuery(text_))
        except Exception:  # pyparsing's and rdflib's errors
            raise Unsupported(f"SPARQL-based constraint of {shape}: SPARQL rdflib cannot read") from None
        if undeclared:
            raise Unsupported(f"SPARQL-based constraint of {shape}: a prefix it does not declare")
        return
    try:
        UNREAD.query(text_)
    except SyntaxError as why:
        at = re.match(r"error at (\d+):(\d+)", str(why))  # in the text after the PREFIX lines written before it
        raise Unsupported(f"SPARQL-based constraint of {shape}: " + (
            "a prefix it does not declare" if "Prefix not found" in str(why) else "SPARQL the store cannot read") +
            (f" (line {int(at[1]) - declared.count(chr(10)) - 1}, column {at[2]} of its sh:select)" if at else "")
        ) from None


def pyshacl_refusals(shapes: Graph) -> dict[str, str]:
    """Each SPARQL constraint's query in `shapes` -> the first line of pyshacl's refusal of it
    (SPARQLQueryHelper.check_invalid_sparql), or "" where it takes it. Kept in the build cache, one entry for the
    queries and pyshacl's version, as mixed_in_file is: importing pyshacl made a small file's `--fast` validation
    0.12 s slower (0.31 s to 0.43 s)."""
    from importlib.metadata import version

    from .. import cache

    texts = sorted({str(text_) for text_ in shapes.objects(None, SH.select)})
    if not texts:
        return {}
    key = cache.digest([*texts, version("pyshacl")])
    kept = cache.get("pre-binding", key)
    if isinstance(kept, dict) and set(kept) == set(texts):
        return kept
    from pyshacl.errors import ValidationFailure
    from pyshacl.helper.sparql_query_helper import SPARQLQueryHelper

    refusals = {}
    for text_ in texts:
        try:
            SPARQLQueryHelper(None, None, text_).check_invalid_sparql(text_)
            refusals[text_] = ""
        except ValidationFailure as why:
            refusals[text_] = str(why).splitlines()[0]
    cache.put("pre-binding", key, refusals)
    return refusals


def pre_bindable(shape, select: str, refusal: str) -> None:
    """Unsupported unless the fast engine's join of the targets means what pyshacl's pre-binding of $this means.
    SHACL 1.0 ("Pre-binding of Variables") refuses a query with MINUS, VALUES, SERVICE, `AS $this` or a sub-query
    that does not return $this; pyshacl finds these with regular expressions of its own, whose verdict on `select`
    is `refusal` (pyshacl_refusals), taken as it is, so that the two refuse the same queries. A sub-query those
    expressions let through, without $this among what it returns, pyshacl still pre-binds within
    (`{ SELECT (COUNT(*) AS ?n) WHERE { $this ?p ?o } }` counts the focus node's statements), where a join would
    count every node's: left to pyshacl too."""
    if refusal:
        raise Unsupported(f"SPARQL-based constraint of {shape} that pyshacl refuses ({refusal})")
    selects = [i for i, c in code(select) if c in "sS" and re.match(r"SELECT\b", select[i:i + 7], flags=re.I)
               and (i == 0 or not (select[i - 1].isalnum() or select[i - 1] in "_:?$"))]
    for i in selects[1:]:
        returned = select[i + 6:next((j for j, c in code(select, i) if c == "{"), len(select))]
        if not re.search(r"[?$]this\b", re.split(r"\bWHERE\b", returned, flags=re.I)[0]):
            raise Unsupported(f"SPARQL-based constraint of {shape} with a sub-query that does not return $this")


def compile_sparql(shapes: Graph, shape, sparql, where: str, refusals: dict[str, str]) -> Check:
    """The constraint's SELECT with the shape's targets joined first in its WHERE clause; a clause that is a
    sub-query is wrapped in a group of its own first, so that the targets can go beside it. The targets are a
    distinct set: the constraint's own aggregates (a COUNT) must see each focus node once, as SHACL's pre-bound
    $this is, not once per graph or per target class that names it."""
    text_ = shapes.value(sparql, SH.select)
    if text_ is None:
        raise Unsupported(f"SPARQL-based constraint {sparql} of {shape} without sh:select")
    # SHACL 1.0, 5.3.1-5.3.2: $currentShape and $shapesGraph are pre-bound, and a ?path the query selects is the
    # result's path (SELECT * selects it wherever the query names it); only $this is (joined with the targets here)
    if found := re.search(r"[?$](currentShape|shapesGraph)\b", str(text_)) or \
            re.search(r"\bSELECT\b[^{]*[?$]path\b", str(text_), flags=re.I) or \
            re.search(r"[?$]path\b", str(text_)) and re.search(r"\bSELECT\s+((DISTINCT|REDUCED)\s+)?\*", str(text_),
                                                                flags=re.I):
        raise Unsupported(f"SPARQL-based constraint of {shape} using {found.group()}")
    pre_bindable(shape, str(text_), refusals[str(text_)])
    if re.search(r"(?<![\w:?$])GRAPH\b", "".join(c for _, c in code(str(text_))), flags=re.I):
        # pyshacl queries the data as one graph (rdflib refuses a GRAPH pattern there); the store holds a graph per file
        raise Unsupported(f"SPARQL-based constraint of {shape} with a GRAPH pattern")
    declared = prefixes(shapes, sparql)
    readable(shape, declared, str(text_))
    dollars = {i for i, c in code(str(text_)) if c == "$"}  # $this in a string or a comment is text, not $this
    select = re.sub(r"\$this", lambda found: "?this" if found.start() in dollars else found.group(), str(text_))
    # the WHERE clause's brace: the first in the query (the keyword WHERE is optional; a select clause, FROM and the
    # declarations hold none), not the first after a "where" in a comment, a string or a name such as ?somewhere
    start = next((i for i, c in code(select) if c == "{"), -1)
    if start < 0:
        raise Unsupported(f"SPARQL-based constraint of {shape} without a WHERE clause")
    body = select[start + 1:]
    if re.match(r"(\s|#[^\n]*\n)*SELECT\b", body, flags=re.I):
        end = closing_brace(select, start) - start - 1
        body = "{ " + body[:end] + " }" + body[end:]
    query = declared + "\n" + select[:start + 1] + f" {{ SELECT DISTINCT ?this WHERE {{ {where} }} }} " + body
    return Check(query, (Constraint(str(shape), "SPARQLConstraintComponent", severity(shapes, shape),
                                    str(shapes.value(sparql, SH.message) or ""), "",
                                    source=SourceConstraint.of(shapes, sparql)),), "rows", of_node_shape=True)


def compile_shapes(shapes: Graph) -> list[Check]:
    """The queries of every active node shape that has a target, and of the property shapes they use."""
    checks: list[Check] = []
    owners: dict = defaultdict(list)  # property shape -> the node shapes using it
    refusals = pyshacl_refusals(shapes)
    targeted = {s for t in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
                for s in shapes.subjects(t, None) if shapes.value(s, SH.path) is None}  # node shapes by their targets too
    for prop in sorted({s for t in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
                        for s in shapes.subjects(t, None) if shapes.value(s, SH.path) is not None}, key=str):
        if active(shapes, prop):  # only node shapes' targets are compiled
            raise Unsupported(f"property shape {prop} with targets of its own")
    for cls in sorted({c for t in (RDFS_CLASS, OWL_CLASS) for c in shapes.subjects(RDF.type, t)}, key=str):
        if ((cls, RDF.type, SH.NodeShape) in shapes or (cls, SH.property, None) in shapes) and active(shapes, cls):
            # SHACL 1.0, 2.1.3.3: a shape that is a class targets its instances (pyshacl: of rdfs:Class or owl:Class)
            raise Unsupported(f"node shape {cls} that is also a class (an implicit class target)")
    for shape in sorted(set(shapes.subjects(RDF.type, SH.NodeShape)) | targeted, key=str):
        patterns = targets(shapes, shape)
        if not patterns or not active(shapes, shape):
            continue
        unknown = (set(shapes.predicates(shape)) - SUPPORTED) | refused_parameters(shapes, shape, property_shape=False)
        if unknown:
            raise Unsupported(f"node shape {shape}: {', '.join(sorted(str(u) for u in unknown))}")
        for prop in shapes.objects(shape, SH.property):
            owners[prop].append(shape)
        where = focus(patterns)
        message = str(shapes.value(shape, SH.message) or "")
        exprs = [(Constraint(str(shape), component, severity(shapes, shape), message, ""), expr)
                 for component, expr in value_constraints(shapes, shape, "?this")]
        if exprs:
            checks.append(replace(flags_check(where, "?this", exprs), of_node_shape=True))
        for sparql in sorted(shapes.objects(shape, SH.sparql), key=lambda s: str(shapes.value(s, SH.select))):
            if active(shapes, sparql):  # a deactivated SPARQL-based constraint is ignored, as pyshacl ignores it
                checks.append(compile_sparql(shapes, shape, sparql, where, refusals))
    parts: list[CountPart] = []
    for prop in sorted(owners, key=str):
        if active(shapes, prop):
            checks += compile_property(shapes, prop, owners[prop], parts)
    return checks + count_checks(parts)


DATASET_FORMATS = (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS, ox.RdfFormat.JSON_LD)


# a token of this process in the names of the files' graphs: a data file can name any graph (a TriG file naming
# one `<a.ttl>` filled a.ttl's graph, and results named a.ttl for nodes only the TriG file described), not these
RUN = secrets.token_hex(8)


def file_graph(path: Path) -> ox.NamedNode:
    """The named graph a data file is loaded into, so that results can name the file of their focus node."""
    return ox.NamedNode(f"urn:x-ngo-fp-file:{RUN}:{path.resolve().as_uri()}")


RDF12_TERM = 'FILTER(isTRIPLE(?o) || LANGDIR(?o) != "")'
REIFIES = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies>"


def refuse_rdf12(store: ox.Store, path: Path, target: ox.NamedNode | None, scan: bool) -> None:
    """Raise BuildError if the file just loaded (into `target`, or into the store's graphs if None) holds an RDF
    1.2 triple term or directional language string, as `load._term` does for pyshacl: a reifier's through the
    rdf:reifies index, any other by a scan of the file's triples, run only if `scan` (load.may_hold_rdf12)."""
    from ..load import rdf12_problem

    graph = f"GRAPH {target}" if target is not None else ""
    patterns = [f"?s {REIFIES} ?o {RDF12_TERM}"] + ([f"?s ?p ?o {RDF12_TERM}"] if scan else [])
    for pattern in patterns:
        for row in store.query(f"SELECT ?o WHERE {{ {graph} {{ {pattern} }} }} LIMIT 1", use_default_graph_as_union=True):
            raise BuildError(rdf12_problem(row["o"]), path)


def watched(shapes: Graph) -> frozenset[str]:
    """Every IRI the shapes name, in their triples or in the text of their SPARQL constraints (written in full or
    with a prefix they declare): a superset of the predicates whose values a check can read."""
    iris = {str(t) for triple in shapes for t in triple if isinstance(t, URIRef)}
    for sparql in shapes.objects(None, SH.select):
        text_ = str(sparql)
        iris.update(re.findall(r"<([^<>\s]+)>", text_))
        declared = dict(re.findall(r"PREFIX\s+([A-Za-z0-9_.-]*):\s*<([^>]*)>", prefixes(shapes, shapes.value(
            predicate=SH.select, object=sparql)) + "\n" + text_, flags=re.I))
        iris.update(declared[p] + local for p, local in re.findall(r"\b([A-Za-z][A-Za-z0-9_.-]*|):([A-Za-z0-9_]+)", text_)
                    if p in declared)
    return frozenset(iris)


def retyped_in(graph: Graph, predicates: frozenset[str]) -> str | None:
    """The graph's first literal, as a value of one of `predicates`, of a datatype the store would keep as another
    (load.RETYPED_BY_OXIGRAPH)."""
    from ..load import RETYPED_BY_OXIGRAPH

    return next((o.n3() for _, p, o in graph if isinstance(o, Literal) and str(o.datatype) in RETYPED_BY_OXIGRAPH
                 and str(p) in predicates), None)


def restated_in(graph: Graph, predicates: frozenset[str]) -> str | None:
    """The graph's first literal, as a value of one of `predicates`, that the store would not keep as rdflib holds
    it: under another datatype (retyped_in), in another lexical form ("+13"^^xsd:integer as "13", "1.0"^^xsd:decimal
    as "1", "1"^^xsd:boolean as "true": load.stored_form), or "x"^^xsd:string, which the store holds as the one
    term "x" (RDF 1.1, 3.3) while rdflib, and so pyshacl, keep the two apart. A graph read by load.parse holds
    none of these: parse gives rdflib the stored forms."""
    from ..load import stored_form

    form = stored_form()
    for _, p, o in graph:
        if isinstance(o, Literal) and str(p) in predicates and restated(o, form):
            return o.n3()
    return None


@functools.cache
def _stored_form() -> Callable[[ox.Literal], str]:
    from ..load import stored_form

    return stored_form()


def restated(literal: Literal, form: Callable[[ox.Literal], str] | None = None) -> bool:
    """Whether an Oxigraph store, or a query naming the literal, would hold it otherwise than rdflib holds it
    (restated_in); `form` is a load.stored_form(), by default one kept for the process (a shapes graph's literals)."""
    from ..load import RETYPED_BY_OXIGRAPH, XSD_STRING

    if literal.datatype is None:
        return False
    datatype = str(literal.datatype)
    if datatype in RETYPED_BY_OXIGRAPH or datatype == XSD_STRING:
        return True
    try:
        return (form or _stored_form())(ox.Literal(str(literal), datatype=ox.NamedNode(datatype))) != str(literal)
    except ValueError:  # a datatype that is not an IRI, which the store cannot hold
        return True


def refuse_retyped(found: str | ox.Literal | None, path: Path | None = None) -> None:
    if found is not None:
        raise Unsupported((f"{display(path)}: " if path else "") + f"the literal {found}: Oxigraph keeps literals of "
                          "this datatype as another (xsd:integer or xsd:dateTime), and sh:datatype compares the "
                          "datatype as written")


def refuse_restated(found: str | None) -> None:
    if found is not None:
        raise Unsupported(f"the literal {found}: an Oxigraph store keeps it in another form or as another term, "
                          "and SHACL judges a graph's literals as written")


# a blank node label that N-Triples writes as rdflib holds it (BLANK_NODE_LABEL, in ASCII: rdflib's own labels, N and
# hex digits, and load.parse's fresh ones are such)
NT_BLANK_LABEL = re.compile(r"[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_-])?")


def unstorable_in(graph: Graph) -> str | None:
    """The graph's first term that load_store cannot carry into the store as N-Triples: an IRI, literal or datatype
    Oxigraph refuses (load.check_term: an IRI with a space or without a scheme, a language tag such as "e", text with a
    lone surrogate) or a blank node label N-Triples cannot spell ("a b"). rdflib holds all of these; a graph read by
    load.parse holds none. Each term is looked at once."""
    from ..load import check_term

    seen: set = set()
    for triple in graph:
        for t in triple:
            if t in seen:
                continue
            seen.add(t)
            if isinstance(t, BNode):
                if NT_BLANK_LABEL.fullmatch(t) is None:
                    return repr(f"_:{t}")
                continue
            try:
                check_term(t)
            except ValueError:  # (rdflib's n3() raises on such an IRI)
                return repr(f"{t}@{t.language}" if isinstance(t, Literal) and t.language else
                            f'"{t}"^^<{t.datatype}>' if isinstance(t, Literal) and t.datatype else
                            str(t) if isinstance(t, Literal) else f"<{t}>")
    return None


def refuse_unstorable(found: str | None) -> None:
    if found is not None:
        raise Unsupported(f"the term {found}: N-Triples cannot carry it into an Oxigraph store as rdflib holds it")


def load_store(files: Iterable[Path] = (), ontology: Graph | None = None, graph: Graph | None = None,
               allow_remote_contexts: bool = False, may_hold_rdf12: Callable[[Path], bool] | None = None,
               read_elsewhere: Callable[[Path], Callable[..., bool]] | None = None) -> ox.Store:
    """An in-memory Oxigraph store with the data files (or an rdflib graph) and the ontology. Each file passes
    scripts/load.py's checks (regular, non-empty, no XML DTD, no deep nesting, no RDF 1.2 terms: see
    refuse_rdf12, whose text scan is `may_hold_rdf12`, load.may_hold_rdf12 by default) and goes to a named graph
    of its own (files with named graphs of their own keep them); queries see the union of all graphs. Problems
    raise BuildError with file, line and column.

    `read_elsewhere`, if given, starts the strict parser's reading of a file in another thread (validate_files:
    load.read_whole, while this thread loads it) and gives the call that waits for it: it returns whether the file
    holds a statement, or raises what the parser raises. The load itself is then lenient (Oxigraph skips its IRI
    and language tag checks, 15% of the load's time), and every syntax error is still the strict parser's, with
    its line and column. A file's reading starts with its load, so that an error stops the work at once.

    Files go in with `Store.load`, not `bulk_load`: on the in-memory store both insert in one transaction, and the
    bulk loader first copies each batch of parsed quads into a list (Oxigraph's storage/memory.rs, load_batch).
    Measured on bench/'s 500k and 2M N-Triples files: `load` took 10-15% less time and 30% less peak memory
    (262 against 376 MiB for 500k). Its parallel parsing needs 4 cores (BulkLoader.parallel_load_from_file)."""
    from .. import load
    from ..load import check_file, parse, syntax_error, too_long

    store = ox.Store()
    for path in files:
        fmt = check_file(path)
        target = None if fmt in DATASET_FORMATS else file_graph(path)
        try:
            if fmt == ox.RdfFormat.JSON_LD and allow_remote_contexts:
                nt = parse(path, allow_remote_contexts=True).serialize(format="nt", encoding="utf-8")
                # leniently: parse() checked every IRI and language tag, and a literal typed rdf:langString without
                # a tag, which Oxigraph's JSON-LD parser keeps (and so does pyshacl), is refused by its N-Triples one
                store.load(nt, format=ox.RdfFormat.N_TRIPLES, lenient=True)
                empty = not nt.strip()
            else:
                options = {"format": fmt, "base_iri": path.resolve().as_uri()}
                strict = read_elsewhere(path) if read_elsewhere is not None else None
                try:
                    # JSON-LD strictly all the same: its reading drops a statement with an ill-formed IRI or
                    # language tag (JSON-LD 1.1 API, 8.2) and writes tags in lower case, where a lenient one keeps
                    # them as written, so the engines would judge different graphs
                    store.load(path=str(path), **options, lenient=strict is not None and fmt != ox.RdfFormat.JSON_LD,
                               **({} if target is None else {"to_graph": target}))
                except SyntaxError:
                    if strict is not None:
                        strict(True)  # the strict parser's error, where it finds one first
                    raise
                # whether the file itself holds a statement (the store may have had them all already, or another
                # file may have filled this file's graph): the first one read is enough
                empty = not strict() if strict is not None else \
                    next(iter(ox.parse(path=str(path), **options)), None) is None  # as strict as the load
        except SyntaxError as exc:
            raise syntax_error(exc, path) from None
        except MemoryError as exc:
            raise too_long(exc, path) from None
        except OSError as exc:
            raise BuildError(exc.strerror or str(exc), path) from None
        if empty:
            raise BuildError("no triples", path)
        if not (fmt == ox.RdfFormat.JSON_LD and allow_remote_contexts):  # read by rdflib, which has no RDF 1.2
            refuse_rdf12(store, path, target, (may_hold_rdf12 or load.may_hold_rdf12)(path))
    for g in (graph, None if ontology is None else mixed_in(ontology)):
        if g is not None:
            store.load(g.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES,
                       to_graph=ox.DefaultGraph())
    return store


def mixed_in(ontology: Graph) -> Graph:
    """What pyshacl mixes into the data graph from its `ont_graph` (pyshacl.rdfutil.inoculate, called here so
    that both engines judge one graph): the ontology's RDFS and OWL statements (classes, properties, the
    subclass hierarchy, labels), not its other annotations (skos:definition, dcterms:title, ...). With the whole
    ontology, a resource of it that the data makes a focus node (a cited work, a concept) had values under
    --fast that pyshacl does not see."""
    from pyshacl.rdfutil.inoculate import inoculate

    return inoculate(Graph(), ontology)


def mixed_in_file(ontology: Path) -> bytes:
    """`mixed_in` of an ontology file, as N-Triples, kept in the build cache (scripts/cache.py) by the file's
    bytes and pyshacl's version: importing pyshacl and reading the ontology took 0.15 s, half of a 10,000-triple
    file's whole validation."""
    from importlib.metadata import version

    from .. import cache
    from ..load import check_file, parse

    check_file(ontology)  # a regular file (a FIFO would hang the read below)
    key = cache.digest([ontology.read_bytes(), version("pyshacl")])
    kept = cache.get("mixed-in", key)
    if isinstance(kept, str):
        return kept.encode("utf-8")
    nt = mixed_in(parse(ontology)).serialize(format="nt", encoding="utf-8")
    cache.put("mixed-in", key, nt.decode("utf-8"))
    return nt


def checks_for(shapes: Graph, *data: Graph) -> list[Check]:
    """The compiled shapes, if the fast engine can judge `data` with them; Unsupported where the shapes use a
    feature it does not support or the data holds a literal the store would not keep as written on a property a
    check reads (restated_in), or a term N-Triples cannot carry into the store (unstorable_in); pyshacl judges
    those."""
    checks = compile_shapes(shapes)
    predicates = watched(shapes)
    for graph in data:
        refuse_restated(restated_in(graph, predicates))
        refuse_unstorable(unstorable_in(graph))
    return checks


def validate_graph(data: Graph, ontology: Graph, shapes: Graph) -> list[Result]:
    """The results for an rdflib graph: the fast engine, or pyshacl (scripts/validate.shacl) where it cannot judge
    the graph (checks_for); the same results either way (tests/test_fastshacl.py)."""
    from .. import validate

    try:
        checks = checks_for(shapes, data)
    except Unsupported:
        return validate.shacl(data, ontology, shapes)[0]
    return run(load_store(graph=data, ontology=ontology), checks)


def validate_files(files: list[Path], ontology: Path, shapes: Path, allow_remote_contexts: bool = False,
                   timings: dict[str, float] | None = None, keep: list | None = None) -> tuple[list[Result], dict[str, Path]]:
    """The fast path from files to results (`ngo-fp validate --fast`): the data files are parsed into the store
    while rdflib reads and compiles the shapes in a thread (Oxigraph releases the GIL), and the part of the
    ontology pyshacl mixes in (`mixed_in`). Returns the results and the data file of each focus node; `timings` (if given) receives
    the seconds spent before the checks ("parse") and in them ("validate"), for bench/validation.py; `keep` (if
    given) receives the store instead of it being freed on return, for a command that exits right after
    (scripts/validate/cli.py, exit_with)."""
    import time
    from concurrent.futures import Future

    from ..load import check_file, may_hold_rdf12, may_hold_retyped, parse, read_whole

    start = time.perf_counter()
    with _helper() as pool:
        shapes_graph = pool.submit(parse, shapes)
        compiling = pool.submit(lambda: compile_shapes(shapes_graph.result()))
        mixing = pool.submit(mixed_in_file, ontology)
        # the text scans for RDF 1.2 terms next (0.2 s per 500k triples of N-Triples), while this thread loads
        scans = {path: pool.submit(may_hold_rdf12, path) for path in files}
        predicates_read: list[frozenset[str]] = []  # watched(), once (4 ms: per file, it made 10,000 small files 56 s)

        def predicates() -> frozenset[str]:
            if not predicates_read:
                predicates_read.append(watched(shapes_graph.result()))
            return predicates_read[0]

        def read(path: Path) -> tuple[bool, str | ox.Literal | None]:
            """The file read by Oxigraph's strict parser while this thread loads it (load_store, read_elsewhere:
            0.6 s per 500k triples of N-Triples beside a lenient load of 1.0 s): whether it holds a statement, and a literal
            Oxigraph retypes on a property a check reads, looked for where a text scan cannot rule one out (0.07 s
            per 80 MB of N-Triples; Turtle, TriG and JSON-LD always)."""
            fmt = check_file(path)
            watching = predicates() if may_hold_retyped(path) else None
            if fmt == ox.RdfFormat.JSON_LD and allow_remote_contexts:  # rdflib reads it (load_store)
                return True, None if watching is None else retyped_in(parse(path, allow_remote_contexts=True), watching)
            return read_whole(path, fmt, watching)

        reads: dict[Path, Future] = {}

        def start_reading(path: Path) -> Callable[[], bool]:
            reads[path] = pool.submit(read, path)

            def result(failed: bool = False) -> bool:
                """The strict read's answer; read here if the helper has not started it (it is still scanning
                the files for RDF 1.2 terms: a syntax error in the first line of a 5 GB file waited 24 s). After
                the load `failed`, only the strict parser's error is wanted: no scan for retyped literals first."""
                if failed and reads[path].cancel():
                    read_whole(path, check_file(path))  # raises the strict parser's error
                if reads[path].cancel():
                    here: Future = Future()
                    try:
                        here.set_result(read(path))
                    except Exception as exc:  # raised by result(), as the helper's would be
                        here.set_exception(exc)
                    reads[path] = here
                return reads[path].result()[0]
            return result

        # the data in this thread: glibc grows another thread's heap by one mprotect call per step (38,000 calls
        # for 500k triples), the main thread's by brk (about 1,300 calls)
        store = load_store(files, None, None, allow_remote_contexts, lambda path: scans[path].result(), start_reading)
        check_file(ontology)
        checks = compiling.result()
        for path in files:  # (a JSON-LD file whose contexts may be fetched was read by rdflib, not started above)
            refuse_retyped((reads[path].result() if path in reads else read(path))[1], path)
        ontology_nt = mixing.result()
    store.load(ontology_nt, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
    loaded = time.perf_counter()
    results = run(store, checks)
    found = origins(store, results, files, allow_remote_contexts)
    if keep is not None:
        keep.append(store)
    if timings is not None:
        timings.update(parse=loaded - start, validate=time.perf_counter() - loaded)
    return results, found


@contextmanager
def _helper() -> Iterator[ThreadPoolExecutor]:
    """validate_files' helper thread. When the validation stops on an error (or Ctrl-C), it is said at once: the
    work not started is dropped and a scan under way is not waited for (the process ends; it ends with it)."""
    from concurrent.futures import ThreadPoolExecutor

    pool = ThreadPoolExecutor(1)
    try:
        yield pool
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


def origins(store: ox.Store, results: list[Result], files: Iterable[Path],
            allow_remote_contexts: bool = False) -> dict[str, Path]:
    """The data file each focus node of the results is described in (the first one, in the order given, where it
    is a subject), as `ngo-fp validate` names it for pyshacl. A file of triples is asked through its graph in the
    store, and a blank node that is a subject there is that file's whatever the order (each file's blank nodes are
    its own). A dataset file (TriG, N-Quads, JSON-LD), whose graphs are its own, is read again: an IRI is looked for
    as a subject, a blank node (whose label in the store is not the file's) by its statements among the file's blank
    subjects, its literals in the store's forms (`neighbourhood`; of blank nodes with the very same statements, the
    file gets as many as it has)."""
    from ..load import parse, rdf_format, syntax_error

    # every IRI and blank node (a blank node by the store's label, as the results give it)
    wanted = {r.focus: (ox.NamedNode(r.focus) if isinstance(r.focus_term, URIRef) else ox.BlankNode(r.focus))
              for r in results if isinstance(r.focus_term, (URIRef, BNode))}
    found: dict[str, Path] = {}
    files = list(files)
    triple_files = {file_graph(path): path for path in reversed(files) if rdf_format(path) not in DATASET_FORMATS}
    for focus, node in wanted.items():
        if isinstance(node, ox.BlankNode):
            quad = next(store.quads_for_pattern(node, None, None, None), None)
            if quad is not None and quad.graph_name in triple_files:
                found[focus] = triple_files[quad.graph_name]
    try:  # a file read again: one replaced or cut since it was loaded is an input error, not an internal one
        for path in files:
            left = wanted.keys() - found.keys()
            if not left:
                break
            fmt = rdf_format(path)  # checked when it was loaded (check_file reads an XML or JSON-LD file whole)
            if fmt in DATASET_FORMATS:
                if fmt == ox.RdfFormat.JSON_LD and allow_remote_contexts:  # read by rdflib (load_store)
                    quads: Iterable[ox.Quad] = ox.parse(parse(path, allow_remote_contexts=True).serialize(
                        format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES, lenient=True)  # as load_store
                else:
                    quads = ox.parse(path=str(path), format=fmt, base_iri=path.resolve().as_uri())
                blanks = {f for f in left if isinstance(wanted[f], ox.BlankNode)}
                if blanks:  # read twice below; otherwise streamed, never all in memory
                    quads = list(quads)
                described = {q.subject.value for q in quads if isinstance(q.subject, ox.NamedNode)} & left
                if blanks:  # a blank node is in one file only (each file's are its own), so its statements tell it
                    stored = ox.Store()  # with its literals in the store's forms ("01"^^xsd:integer is "1" there)
                    stored.extend(quads)
                    quads = list(stored)
                    subjects = {q.subject for q in quads if isinstance(q.subject, ox.BlankNode)}
                    in_file = Counter(n for node, n in neighbourhoods(quads).items() if node in subjects)
                    for focus in sorted(blanks):  # as many look-alikes as the file has: the others are another file's
                        if in_file[statements := neighbourhood(store, wanted[focus])] > 0:
                            in_file[statements] -= 1
                            described.add(focus)
            else:
                graph = file_graph(path)
                described = {f for f in left if next(store.quads_for_pattern(wanted[f], None, None, graph), None)}
            found.update((focus, path) for focus in described)
    except SyntaxError as exc:
        error = syntax_error(exc, path)
        raise BuildError(f"changed while it was validated: {error.problem}", path, error.line) from None
    except (OSError, MemoryError) as exc:
        raise BuildError(f"changed while it was validated: {exc.strerror or exc if isinstance(exc, OSError) else exc}",
                         path) from None
    return found


def neighbourhoods(quads: Iterable[ox.Quad]) -> dict[ox.BlankNode, frozenset[tuple[str, str, str]]]:
    """Each blank subject's statements, in any graph, with every blank node as "_" (labels are a parse's own)."""
    found: dict[ox.BlankNode, set[tuple[str, str, str]]] = {}
    blank = lambda t: "_" if isinstance(t, ox.BlankNode) else str(t)
    for q in quads:
        if isinstance(q.subject, ox.BlankNode):
            found.setdefault(q.subject, set()).add(("out", str(q.predicate), blank(q.object)))
        if isinstance(q.object, ox.BlankNode):
            found.setdefault(q.object, set()).add(("in", blank(q.subject), str(q.predicate)))
    return {node: frozenset(statements) for node, statements in found.items()}


def neighbourhood(store: ox.Store, node: ox.BlankNode) -> frozenset[tuple[str, str, str]]:
    """`neighbourhoods` of one blank node of the store."""
    quads = [*store.quads_for_pattern(node, None, None, None), *store.quads_for_pattern(None, None, node, None)]
    return neighbourhoods(quads).get(node, frozenset())


def subclasses(store: ox.Store, cls: str) -> tuple[list[str], bool]:
    """The IRI subclasses of `cls` in the store's rdfs:subClassOf hierarchy (ontology and data), itself excluded,
    and whether a blank node is a subclass too (a query cannot name it; see Runner.expand): one walk up from the
    class, linear in the hierarchy (the closure of every class at once is quadratic: a chain of 3,000 classes in
    the data, 400 KB, made 4.5 million pairs, 41 s and 2 GB)."""
    rows = [row["c"] for row in store.query(
        f"SELECT DISTINCT ?c WHERE {{ ?c <{RDFS_NS}subClassOf>+ <{cls}> }}", use_default_graph_as_union=True)]
    iris = sorted({c.value for c in rows if isinstance(c, ox.NamedNode) and c.value != cls})
    return iris, any(isinstance(c, ox.BlankNode) for c in rows)


def class_sizes(store: ox.Store) -> dict[str, int]:
    """Every class -> how many rdf:type statements name it (one scan of rdf:type)."""
    return {row["c"].value: int(row["n"].value) for row in store.query(
        "SELECT ?c (COUNT(?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c", use_default_graph_as_union=True)
        if isinstance(row["c"], ox.NamedNode)}


def text(term_) -> str:
    return "" if term_ is None else term_.value


PLANS = ("auto", "targets", "values")


class Runner:
    """The checks' queries on one store: placeholders filled in from the store's class hierarchy, and each check's
    plan. A check with a values-first form (see Check) starts from its targets or from its values, whichever is
    smaller: from the values when the path has at most twice as many matches as the targets have rdf:type
    statements (a probe counts the matches only up to that bound).
    Both plans give the same rows; `plan` forces one ("targets" or "values") for the tests."""

    def __init__(self, store: ox.Store, plan: str = "auto") -> None:
        if plan not in PLANS:
            raise ValueError(f"plan {plan!r}: one of {', '.join(PLANS)}")
        self.store, self.plan = store, plan
        self.hierarchy: dict[str, list[str]] = {}  # a class -> its subclasses, asked of the store when first needed
        self.blank: set[str] = set()  # the classes of which a blank node is a subclass
        self.sizes = class_sizes(store) if plan == "auto" else {}

    def query(self, query: str):
        return self.store.query(query, use_default_graph_as_union=True, custom_functions={AT_LEAST: at_least})

    def subclasses(self, cls: str) -> list[str]:
        if cls not in self.hierarchy:
            listed, blank = subclasses(self.store, cls)
            if blank:  # before the class is listed: run()'s other threads take a listed class as fully known
                self.blank.add(cls)
            self.hierarchy[cls] = listed
        return self.hierarchy[cls]

    def has_blank_subclass(self, classes: Iterable[str]) -> bool:
        self.with_subclasses(classes)
        return any(c in self.blank for c in classes)

    def with_subclasses(self, classes: Iterable[str]) -> set[str]:
        return {c for cls in classes for c in [cls] + self.subclasses(cls)}

    def expand(self, query: str) -> str:
        """Fill in the placeholders by listing classes; where a blank node is a subclass (it cannot be listed), by
        a property path up the hierarchy instead (slower, and only there)."""
        def class_set(text_: str) -> str:
            var, cls = text_.split()
            if self.has_blank_subclass([cls]):
                return f"EXISTS {{ {var} <{RDFS_NS}subClassOf>* <{cls}> }}"
            return f"{var} IN (" + ", ".join(f"<{c}>" for c in [cls] + self.subclasses(cls)) + ")"

        def instances(classes_text: str) -> str:  # one scan of rdf:type joined with the classes (faster than a UNION)
            if self.has_blank_subclass(classes_text.split()):
                roots = " ".join(f"<{c}>" for c in classes_text.split())
                return (f"{{ SELECT DISTINCT ?this WHERE {{ ?this a ?_focusClass . "
                        f"?_focusClass <{RDFS_NS}subClassOf>* ?_root . VALUES ?_root {{ {roots} }} }} }}")
            classes = sorted(self.with_subclasses(classes_text.split()))
            if len(classes) == 1:
                return f"?this a <{classes[0]}> ."
            return "?this a ?_focusClass . VALUES ?_focusClass { " + " ".join(f"<{c}>" for c in classes) + " }"

        # one pass over the query: an IRI filled in (a subclass named in the data) is never read as a placeholder
        return PLACEHOLDER.sub(lambda m: class_set(m.group(2)) if m.group(1) == "class" else instances(m.group(2)),
                               query)

    def values_first(self, check: Check) -> bool:
        if not check.values_first or self.plan == "targets" or self.has_blank_subclass(check.classes):
            return False  # (typed() below looks for the classes by name)
        if self.plan == "values":
            return True
        bound = 2 * sum(self.sizes.get(c, 0) for c in self.with_subclasses(check.classes))
        probe = f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT * WHERE {{ {check.pattern} }} LIMIT {bound + 1} }}"
        return int(next(iter(self.query(probe)))["n"].value) <= bound

    def typed(self, node, classes: set[str]) -> bool:
        """`node` has an rdf:type (an IRI) among `classes`."""
        return isinstance(node, (ox.NamedNode, ox.BlankNode)) and any(
            isinstance(q.object, ox.NamedNode) and q.object.value in classes
            for q in self.store.quads_for_pattern(node, RDF_TYPE, None, None))

    def rows(self, check: Check):
        if self.values_first(check):
            classes = self.with_subclasses(check.classes)
            return [row for row in self.query(self.expand(check.values_first)) if self.typed(row["this"], classes)]
        return self.query(self.expand(check.query))

    def results(self, check: Check) -> list[Result]:
        with_value = "?value" in check.query.split("WHERE", 1)[0]
        found = []
        for row in self.rows(check):
            this, this_term = text(row["this"]), rdflib_term(row["this"])
            value, value_term = (text(row["value"]), rdflib_term(row["value"])) if with_value and check.kind != "count" \
                else ("", None)
            if check.kind == "flags":
                hits = [c for i, c in enumerate(check.constraints) if row[f"f{i}"] is not None and row[f"f{i}"].value == "true"]
            elif check.kind == "count":
                n = int(row["n"].value)
                hits = [c for c in check.constraints if COMPARE[c.compare](n, c.bound)]
            elif check.kind == "counts":
                hits = [c for c, i in zip(check.constraints, check.columns)
                        if COMPARE[c.compare](int(row[f"n{i}"].value), c.bound)]
            else:
                hits = list(check.constraints)
            if check.of_node_shape and value_term is None:
                # a node shape's value node is its focus node (SHACL 1.0, 2.1.1), which is sh:value where a SPARQL
                # constraint binds no ?value, or selects it and leaves it unbound (5.3.2), as pyshacl reports
                value, value_term = this, this_term
            found += [Result(c.severity, c.shape, c.component, this, c.path, filled(c.message, row), value,
                             this_term, value_term, c.source) for c in hits]
        return found


MESSAGE_VARIABLE = re.compile(r"\{[?$]([A-Za-z_][A-Za-z0-9_]*)\}")


def filled(message: str, row) -> str:
    """The message with each {?var} or {$var} replaced by the row's binding of that variable (SHACL 1.0, 5.3.2);
    one the row does not bind stays as written."""
    def binding(m: re.Match) -> str:
        try:
            value = row[m.group(1)]
        except (KeyError, IndexError, TypeError):
            return m.group()
        return m.group() if value is None else text(value)
    return MESSAGE_VARIABLE.sub(binding, message) if "{" in message else message


def chosen_plans(store: ox.Store, checks: list[Check]) -> list[str]:
    """The plan run() takes for each check on this store: "values" or "targets"."""
    runner = Runner(store)
    return ["values" if runner.values_first(check) else "targets" for check in checks]


def run(store: ox.Store, checks: list[Check], workers: int | None = None, plan: str = "auto") -> list[Result]:
    """Every check on the store, in parallel threads (Oxigraph evaluates queries without holding the GIL)."""
    from concurrent.futures import ThreadPoolExecutor

    runner = Runner(store, plan)
    # the slowest checks first (they scan the most targets), so that no thread is left with one at the end
    ordered = sorted(checks, key=lambda c: -c.query.count("@@instances:") - c.query.count(" "))
    with ThreadPoolExecutor(workers or min(4, os.cpu_count() or 1)) as pool:
        return sorted({r for part in pool.map(runner.results, ordered) for r in part})
