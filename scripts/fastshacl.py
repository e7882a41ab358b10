"""The fast validation path: the project's SHACL shapes compiled to SPARQL and run on Oxigraph (pyoxigraph).

pyshacl stays the reference (tests compare verdicts: same focus nodes, paths and constraint components).
This path exists for data sets of hundreds of thousands of triples: it loads with Oxigraph's parser, adds
the ontology and the types implied by rdfs:subClassOf (what SHACL's class-based targets and sh:class follow),
and runs one SPARQL query per constraint.

Supported SHACL: targets (targetClass, targetSubjectsOf, targetObjectsOf); paths (IRI, inverse, sequence);
minCount, maxCount, datatype, languageIn, minLength, minInclusive, pattern, class, nodeKind sh:IRI, in, hasValue,
uniqueLang, sh:or of datatype/class alternatives, qualifiedValueShape with sh:in, and SPARQL-based
constraints. A shapes graph using anything else is refused with the unsupported feature named.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection

from .validate import Result

SH = Namespace("http://www.w3.org/ns/shacl#")
RDFS_NS = "http://www.w3.org/2000/01/rdf-schema#"
SUPPORTED = {
    SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.property, SH.path, SH.minCount, SH.maxCount,
    SH.datatype, SH.languageIn, SH.minLength, SH.minInclusive, SH.pattern, SH.flags, SH["class"], SH.nodeKind, SH["in"],
    SH.hasValue, SH.uniqueLang, SH["or"], SH.qualifiedValueShape, SH.qualifiedMinCount, SH.qualifiedMaxCount,
    SH.sparql, SH.message, SH.severity, SH.name, SH.description, SH.order, SH.group, SH.deactivated,
    URIRef(RDFS_NS + "label"), URIRef(RDFS_NS + "comment"), RDF.type,
}
MATERIALIZE = [  # SHACL instance-of: rdf:type/rdfs:subClassOf*, materialized once (types in named graphs too)
    f"INSERT {{ ?x a ?super }} WHERE {{ ?c <{RDFS_NS}subClassOf>+ ?super . ?x a ?c }}",
    f"INSERT {{ ?x a ?super }} WHERE {{ ?c <{RDFS_NS}subClassOf>+ ?super . GRAPH ?g {{ ?x a ?c }} }}",
]


class Unsupported(Exception):
    pass


@dataclass(frozen=True)
class Check:
    shape: str  # the shape that owns the constraint (a property shape IRI, or the node shape for blank ones)
    component: str
    severity: str
    message: str
    path: str  # the sh:path IRI ("" for node-level or complex paths)
    query: str


def term(node) -> str:
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, Literal):
        return node.n3()
    raise Unsupported(f"blank node {node} where an IRI or literal is needed")


def items(shapes: Graph, head) -> list:
    return list(Collection(shapes, head))


def sparql_path(shapes: Graph, path) -> str:
    if isinstance(path, URIRef):
        return term(path)
    inverse = shapes.value(path, SH.inversePath)
    if inverse is not None:
        return f"^({sparql_path(shapes, inverse)})"
    if shapes.value(path, RDF.first) is not None:
        return "/".join(sparql_path(shapes, p) for p in items(shapes, path))
    raise Unsupported(f"path {path}")


def targets(shapes: Graph, shape) -> list[str]:
    patterns = [f"?this a {term(c)} ." for c in shapes.objects(shape, SH.targetClass)]
    patterns += [f"?this {term(p)} ?_t ." for p in shapes.objects(shape, SH.targetSubjectsOf)]
    patterns += [f"?_t {term(p)} ?this ." for p in shapes.objects(shape, SH.targetObjectsOf)]
    return patterns


def severity(shapes: Graph, shape, default: str = "Violation") -> str:
    s = shapes.value(shape, SH.severity)
    return str(s).rsplit("#", 1)[-1] if s is not None else default


def alternative(shapes: Graph, member, var: str) -> str:
    """A boolean SPARQL expression: `var` conforms to one member of an sh:or (datatype or class)."""
    datatype, cls = shapes.value(member, SH.datatype), shapes.value(member, SH["class"])
    if datatype is not None:
        return f"(isLiteral({var}) && DATATYPE({var}) = {term(datatype)})"
    if cls is not None:
        return f"EXISTS {{ {var} a {term(cls)} }}"
    raise Unsupported(f"sh:or member {member} (only sh:datatype or sh:class members)")


def value_constraints(shapes: Graph, node, var: str) -> Iterable[tuple[str, str]]:
    """(component, FILTER expression true when `var` VIOLATES the constraint) for value-level parameters."""
    for p, o in shapes.predicate_objects(node):
        if p == SH.datatype:
            yield "DatatypeConstraintComponent", f"!isLiteral({var}) || DATATYPE({var}) != {term(o)}" + (
                f" || LANG({var}) != \"\"" if o != RDF.langString else "")
        elif p == SH.languageIn:
            langs = " || ".join(f'LANGMATCHES(LANG({var}), "{l}")' for l in items(shapes, o))
            yield "LanguageInConstraintComponent", f"!isLiteral({var}) || !({langs})"
        elif p == SH.minInclusive:
            yield "MinInclusiveConstraintComponent", f"!isLiteral({var}) || !COALESCE({var} >= {o.n3()}, false)"
        elif p == SH.minLength:
            yield "MinLengthConstraintComponent", f"isBlank({var}) || STRLEN(STR({var})) < {int(o)}"
        elif p == SH.pattern:
            flags = shapes.value(node, SH.flags)
            pattern = Literal(str(o)).n3()
            yield "PatternConstraintComponent", f"isBlank({var}) || !REGEX(STR({var}), {pattern}" + (
                f", {Literal(str(flags)).n3()})" if flags else ")")
        elif p == SH["class"]:
            yield "ClassConstraintComponent", f"NOT EXISTS {{ {var} a {term(o)} }}"
        elif p == SH.nodeKind:
            if o != SH.IRI:
                raise Unsupported(f"sh:nodeKind {o}")
            yield "NodeKindConstraintComponent", f"!isIRI({var})"
        elif p == SH["in"]:
            yield "InConstraintComponent", f"{var} NOT IN ({', '.join(term(v) for v in items(shapes, o))})"
        elif p == SH["or"]:
            yield "OrConstraintComponent", "!(" + " || ".join(alternative(shapes, m, var) for m in items(shapes, o)) + ")"


def compile_property(shapes: Graph, owner, prop, target: str) -> list[Check]:
    unknown = set(shapes.predicates(prop)) - SUPPORTED
    if unknown:
        raise Unsupported(f"property shape {prop}: {', '.join(sorted(str(u) for u in unknown))}")
    path_node = shapes.value(prop, SH.path)
    path = sparql_path(shapes, path_node)
    shape = str(prop) if isinstance(prop, URIRef) else str(owner)
    sev = severity(shapes, prop, severity(shapes, owner))
    message = str(shapes.value(prop, SH.message) or "")
    path_iri = str(path_node) if isinstance(path_node, URIRef) else ""
    checks = []

    def check(component: str, query: str) -> None:
        checks.append(Check(shape, component, sev, message, path_iri, query))

    for component, expr in value_constraints(shapes, prop, "?value"):
        check(component, f"SELECT DISTINCT ?this ?value WHERE {{ {target} ?this {path} ?value . FILTER ({expr}) }}")
    n = shapes.value(prop, SH.minCount)
    if n is not None:
        check("MinCountConstraintComponent", f"SELECT ?this WHERE {{ {target} OPTIONAL {{ ?this {path} ?value }} }} "
                                             f"GROUP BY ?this HAVING (COUNT(DISTINCT ?value) < {int(n)})")
    n = shapes.value(prop, SH.maxCount)
    if n is not None:
        check("MaxCountConstraintComponent", f"SELECT ?this WHERE {{ {target} ?this {path} ?value }} "
                                             f"GROUP BY ?this HAVING (COUNT(DISTINCT ?value) > {int(n)})")
    value = shapes.value(prop, SH.hasValue)
    if value is not None:
        check("HasValueConstraintComponent", f"SELECT ?this WHERE {{ {target} FILTER NOT EXISTS {{ ?this {path} {term(value)} }} }}")
    if shapes.value(prop, SH.uniqueLang) == Literal(True):
        check("UniqueLangConstraintComponent", f"SELECT DISTINCT ?this WHERE {{ {target} ?this {path} ?a , ?b . "
                                               f"FILTER (?a != ?b && LANG(?a) != \"\" && LANG(?a) = LANG(?b)) }}")
    qualified = shapes.value(prop, SH.qualifiedValueShape)
    if qualified is not None:
        listed = shapes.value(qualified, SH["in"])
        if listed is None or set(shapes.predicates(qualified)) - {SH["in"]}:
            raise Unsupported(f"qualifiedValueShape {qualified} (only sh:in)")
        values = ", ".join(term(v) for v in items(shapes, listed))
        counted = f"SELECT ?this WHERE {{ {target} OPTIONAL {{ ?this {path} ?value FILTER (?value IN ({values})) }} }} GROUP BY ?this"
        low, high = shapes.value(prop, SH.qualifiedMinCount), shapes.value(prop, SH.qualifiedMaxCount)
        if low is not None:
            check("QualifiedMinCountConstraintComponent", f"{counted} HAVING (COUNT(DISTINCT ?value) < {int(low)})")
        if high is not None:
            check("QualifiedMaxCountConstraintComponent", f"{counted} HAVING (COUNT(DISTINCT ?value) > {int(high)})")
    return checks


def prefixes(shapes: Graph, sparql) -> str:
    out = []
    for declared in shapes.objects(shapes.value(sparql, SH.prefixes), SH.declare):
        out.append(f"PREFIX {shapes.value(declared, SH.prefix)}: <{shapes.value(declared, SH.namespace)}>")
    return "\n".join(out)


def compile_sparql(shapes: Graph, shape, sparql, target: str) -> Check:
    select = str(shapes.value(sparql, SH.select)).replace("$this", "?this")
    where = select.index("{", select.upper().index("WHERE"))
    query = prefixes(shapes, sparql) + "\n" + select[:where + 1] + f" {target} " + select[where + 1:]
    return Check(str(shape), "SPARQLConstraintComponent", severity(shapes, shape),
                 str(shapes.value(sparql, SH.message) or ""), "", query)


def compile_shapes(shapes: Graph) -> list[Check]:
    """One SPARQL query per constraint of every node shape that has a target."""
    checks: list[Check] = []
    node_shapes = {s for s in shapes.subjects(RDF.type, SH.NodeShape)}
    for shape in sorted(node_shapes, key=str):
        patterns = targets(shapes, shape)
        if not patterns:
            continue
        unknown = set(shapes.predicates(shape)) - SUPPORTED
        if unknown:
            raise Unsupported(f"node shape {shape}: {', '.join(sorted(str(u) for u in unknown))}")
        for target in patterns:
            for prop in sorted(shapes.objects(shape, SH.property), key=str):
                checks += compile_property(shapes, shape, prop, target)
            message = str(shapes.value(shape, SH.message) or "")
            for component, expr in value_constraints(shapes, shape, "?this"):
                checks.append(Check(str(shape), component, severity(shapes, shape), message, "",
                                    f"SELECT DISTINCT ?this WHERE {{ {target} FILTER ({expr}) }}"))
            for sparql in shapes.objects(shape, SH.sparql):
                checks.append(compile_sparql(shapes, shape, sparql, target))
    return checks


def load_store(files: Iterable[Path] = (), ontology: Graph | None = None, graph: Graph | None = None) -> ox.Store:
    """An in-memory Oxigraph store with the data files (or an rdflib graph) and the ontology, with the
    subclass types materialized. TriG files keep their named graphs; queries see the union of all graphs."""
    store = ox.Store()
    for path in files:
        fmt = ox.RdfFormat.from_extension(path.suffix.lstrip("."))
        if fmt is None:
            raise ValueError(f"{path}: unknown RDF format")
        if fmt == ox.RdfFormat.TRIG:
            store.bulk_load(path=str(path), format=fmt)
        else:
            store.bulk_load(path=str(path), format=fmt, to_graph=ox.DefaultGraph())
    for g in (graph, ontology):
        if g is not None:
            store.bulk_load(g.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES,
                            to_graph=ox.DefaultGraph())
    for update in MATERIALIZE:
        store.update(update)
    return store


def text(term_) -> str:
    return "" if term_ is None else term_.value


def run(store: ox.Store, checks: list[Check]) -> list[Result]:
    results = set()
    for check in checks:
        has_value = "?value" in check.query.split("WHERE", 1)[0]
        for row in store.query(check.query, use_default_graph_as_union=True):
            value = text(row["value"]) if has_value else ""
            results.add(Result(check.severity, check.shape, check.component, text(row["this"]), check.path,
                               check.message, value))
    return sorted(results)
