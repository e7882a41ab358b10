"""The ontology's alignments read against the standard vocabularies' own files.

The ontology and the data lean on PROV-O, ORG, SKOS, Web Annotation, OWL-Time, Dublin Core, FOAF, FRBR core,
schema.org, the SPAR ontologies (FaBiO, CiTO, DoCO, BiRO, C4O) and others. Read with those vocabularies' own axioms
(pinned copies from zazuko/rdf-vocabularies, listed in tests/vocabularies/package.json and installed there by
`make test`; the SPAR files, which no registry carries, kept verbatim in tests/vocabularies/spar/ with their
repository, commit and digest in its sources.tsv), four things must hold:

- every term used from one of them is defined there (no misspelt term, none the vocabulary lacks);
- the domains and ranges of the properties a resource is used with give it no type that its own types do
  not already entail (skos:exactMatch made every linked state a skos:Concept; org:memberOf made every
  collective an organization);
- no resource has, asserted or so inferred, two classes that a vocabulary or the ontology declares disjoint;
- no literal is the value of a property whose range is a class (dcterms:creator is FOAF's foaf:maker, whose
  range is foaf:Agent);
- a term the ontology declares from another vocabulary is the kind of property that vocabulary declares it
  (skos:notation, SKOS's owl:DatatypeProperty, declared here an owl:AnnotationProperty, was one IRI of two kinds,
  which OWL 2 DL forbids, in any graph that reads both).

The entailment is the RDFS core (subclass, subproperty, domain, range, owl:equivalentClass/Property and
owl:unionOf/intersectionOf for class expressions); what it cannot read (restrictions) it leaves unchecked. `reason`
gives HermiT the graph with the vocabularies' own axioms, restrictions included (FRBR's frbr:Expression, for one, is
only frbr:partOf expressions): consistency, and the classes that are unsatisfiable.
"""
from __future__ import annotations

import copy
import csv
import json
import subprocess
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from scripts.paths import NFP, ROOT
from scripts.validate import reasoning

VOCABULARIES = ROOT / "tests" / "vocabularies"
SPAR = VOCABULARIES / "spar"
# zazuko's schema.org package is the http variant of schema.org's file (its meta.nt: schemaorg-current-http.nt);
# the ontology uses the https IRIs, as schema.org's https variant of the same file does.
SCHEMA_HTTP, SCHEMA_HTTPS = "http://schema.org/", "https://schema.org/"
TRIVIAL = {str(RDFS.Resource), str(OWL.Thing)}
PROPERTY_KINDS = {str(OWL.ObjectProperty), str(OWL.DatatypeProperty), str(OWL.AnnotationProperty)}

Node = str | BNode  # an IRI as text, or a class expression's blank node


@dataclass
class Axioms:
    """What the vocabularies (and then the ontology) say about classes and properties."""
    namespaces: dict[str, str] = field(default_factory=dict)  # namespace -> package
    defined: set[str] = field(default_factory=set)
    read: set[str] = field(default_factory=set)  # the namespaces whose axioms were all read (the ontology's)
    superclasses: defaultdict[Node, set[Node]] = field(default_factory=lambda: defaultdict(set))
    superproperties: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    domains: defaultdict[str, set[Node]] = field(default_factory=lambda: defaultdict(set))
    ranges: defaultdict[str, set[Node]] = field(default_factory=lambda: defaultdict(set))
    inverses: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    unions: dict[BNode, list[Node]] = field(default_factory=dict)
    intersections: dict[BNode, list[Node]] = field(default_factory=dict)
    disjoint: dict[frozenset[Node], str] = field(default_factory=dict)  # pair -> where it was declared
    datatypes: set[str] = field(default_factory=lambda: {str(RDFS.Literal), str(RDF.langString), str(RDF.PlainLiteral),
                                                         str(RDF.XMLLiteral), str(RDF.HTML), str(RDF.JSON)})
    sources: dict[tuple[str, str], str] = field(default_factory=dict)  # (domain or range, property) -> where said
    kinds: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # property -> OWL kinds declared
    kind_sources: dict[str, str] = field(default_factory=dict)  # property -> the package that declares its kinds

    def add(self, graph: Graph, source: str) -> None:
        def node(term) -> Node | None:
            return str(term) if isinstance(term, URIRef) else term if isinstance(term, BNode) else None

        for s, p, o in graph:
            s_, o_ = node(s), node(o)
            if s_ is None or o_ is None:
                continue
            if p == RDF.type and o == RDFS.Datatype and isinstance(s_, str):
                self.datatypes.add(s_)
            elif p == RDFS.subClassOf:
                self.superclasses[s_].add(o_)
            elif p == OWL.equivalentClass:
                self.superclasses[s_].add(o_)
                self.superclasses[o_].add(s_)
            elif p == RDFS.subPropertyOf and isinstance(s_, str) and isinstance(o_, str):
                self.superproperties[s_].add(o_)
            elif p == OWL.equivalentProperty and isinstance(s_, str) and isinstance(o_, str):
                self.superproperties[s_].add(o_)
                self.superproperties[o_].add(s_)
            elif p == OWL.inverseOf and isinstance(s_, str) and isinstance(o_, str):
                self.inverses[s_].add(o_)
                self.inverses[o_].add(s_)
            elif p in (RDFS.domain, RDFS.range) and isinstance(s_, str):
                (self.domains if p == RDFS.domain else self.ranges)[s_].add(o_)
                self.sources.setdefault((str(p), s_), source)
            elif p == OWL.disjointWith:
                self.disjoint.setdefault(frozenset((s_, o_)), source)
            elif p in (OWL.unionOf, OWL.intersectionOf, OWL.members) and isinstance(s, BNode):
                members = [m for m in (node(x) for x in graph.items(o)) if m is not None]
                if p == OWL.unionOf:
                    self.unions[s] = members
                elif p == OWL.intersectionOf:
                    self.intersections[s] = members
                elif (s, RDF.type, OWL.AllDisjointClasses) in graph:
                    for i, a in enumerate(members):
                        for b in members[i + 1:]:
                            self.disjoint.setdefault(frozenset((a, b)), source)

    def closure(self, start: set[Node]) -> set[Node]:
        """The classes that `start` entails: themselves, their superclasses, an intersection's members."""
        seen: set[Node] = set()
        todo = list(start)
        while todo:
            c = todo.pop()
            if c in seen:
                continue
            seen.add(c)
            todo.extend(self.superclasses.get(c, ()))
            if isinstance(c, BNode):
                todo.extend(self.intersections.get(c, ()))
        return seen

    def property_closure(self, p: str) -> set[str]:
        seen: set[str] = set()
        todo = [p]
        while todo:
            q = todo.pop()
            if q not in seen:
                seen.add(q)
                todo.extend(self.superproperties.get(q, ()))
        return seen

    def sides(self, p: str) -> tuple[set[tuple[str, URIRef]], set[tuple[str, URIRef]]]:
        """Which (property, rdfs:domain or rdfs:range) type the subject of a p statement, and which its object:
        p's superproperties' domains and ranges, and, through owl:inverseOf, the ranges and domains of their
        inverses and of the inverses' superproperties."""
        subject_side, object_side = set(), set()
        for q in self.property_closure(p):
            subject_side.add((q, RDFS.domain))
            object_side.add((q, RDFS.range))
            for inverse in self.inverses.get(q, ()):
                for r in self.property_closure(inverse):
                    subject_side.add((r, RDFS.range))
                    object_side.add((r, RDFS.domain))
        return subject_side, object_side

    def why(self, kind: URIRef, q: str) -> str:
        return f"the {'domain' if kind == RDFS.domain else 'range'} of <{q}> in {self.sources.get((str(kind), q), '?')}"

    def holds_literals(self, c: str) -> bool:
        """Whether a range admits literals: a datatype, rdfs:Literal, or a class every resource is in."""
        return c in self.datatypes or c in TRIVIAL or c.startswith(str(XSD))

    def known(self, c: Node) -> bool:
        """Whether every superclass of c was read: c is a class expression, or defined in what was read."""
        return isinstance(c, BNode) or c in TRIVIAL or c in self.defined or c.startswith(tuple(self.read))

    def met(self, required: Node, entailed: set[Node]) -> bool | None:
        """Whether a resource whose types entail `entailed` is an instance of `required` (None: cannot tell)."""
        if required in entailed or required in TRIVIAL:
            return True
        if isinstance(required, BNode):
            if required in self.unions:
                return any(self.met(m, entailed) for m in self.unions[required])
            if required in self.intersections:
                return all(self.met(m, entailed) for m in self.intersections[required])
            return None
        return False


@dataclass(frozen=True)
class Vocabulary:
    """One pinned vocabulary file: an npm package's N-Quads, or a SPAR file kept in tests/vocabularies/spar/."""
    name: str  # as problems cite it: "@vocabulary/skos@1.0.6", "fabio (SPAROntologies/fabio@5318bb0)"
    label: str  # a blank node label's prefix: "skos", "fabio"
    namespace: str
    path: Path
    format: ox.RdfFormat
    vendored: bool = False

    def triples(self, others: tuple[str, ...] = ()) -> Iterator[tuple]:
        """The file's triples as rdflib terms: schema.org's IRIs in https, blank nodes kept apart per file. Of a
        SPAR file, not those about a term of `others` (the namespaces of the other vocabularies read) nor about the
        ontology itself: FaBiO declares Dublin Core's dcterms:created a functional owl:DatatypeProperty with the
        range xsd:dateTime, where DCMI says rdfs:Literal, and its own header's "2017-05-29" (a string) then makes
        FaBiO alone inconsistent for HermiT. The term's own vocabulary is read for it instead."""
        for quad in ox.parse(path=str(self.path), format=self.format,
                             **({"base_iri": self.namespace} if self.format == ox.RdfFormat.TURTLE else {})):
            subject = quad.subject
            if self.vendored and isinstance(subject, ox.NamedNode) and \
                    (subject.value.startswith(others) or subject.value == self.namespace.rstrip("/")):
                continue
            yield tuple(rdflib_term(t, self.label) for t in (subject, quad.predicate, quad.object))


def spar_sources(folder: Path = SPAR) -> list[dict[str, str]]:
    """The rows of folder/sources.tsv: each SPAR file's namespace, repository, path, commit and SHA-256."""
    with (folder / "sources.tsv").open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file, delimiter="\t"))


def spar_file(row: dict[str, str], folder: Path = SPAR) -> Path:
    """Where the SPAR file of a row of sources.tsv is kept: its upstream file name, in folder."""
    return folder / row["path"].rsplit("/", 1)[-1]


def vocabularies(folder: Path = VOCABULARIES) -> list[Vocabulary]:
    """Every pinned vocabulary: the packages installed under folder/node_modules/@vocabulary, then the SPAR files."""
    packages = sorted((folder / "node_modules" / "@vocabulary").glob("*/package.json"))
    if not packages:
        raise FileNotFoundError(f"{folder}/node_modules: the standard vocabularies are not installed "
                                f"(`make test` installs them: npm ci in {folder.relative_to(ROOT)})")
    found = []
    for manifest in packages:
        package = json.loads(manifest.read_text(encoding="utf-8"))
        found.append(Vocabulary(f"{package['name']}@{package['version']}", manifest.parent.name,
                                https_schema(package["vocabulary"]["namespace"]), next(manifest.parent.glob("*.nq")),
                                ox.RdfFormat.N_QUADS))
    for row in spar_sources(folder / SPAR.name):
        found.append(Vocabulary(f"{row['name']} ({row['repository'].removeprefix('https://github.com/')}@{row['commit'][:7]})",
                                row["name"], row["namespace"], spar_file(row, folder / SPAR.name),
                                ox.RdfFormat.TURTLE, vendored=True))
    return found


def read_vocabularies(folder: Path = VOCABULARIES) -> Axioms:
    """The axioms of every pinned vocabulary (`vocabularies`). A SPAR file is read for its own terms and for those
    of a namespace no vocabulary read here has (FaBiO's declarations of PRISM's terms), not for another vocabulary's
    (Vocabulary.triples): FaBiO also declares Dublin Core's dcterms:title an owl:DatatypeProperty and dcterms:creator
    an owl:ObjectProperty, which DCMI does not (its file makes them rdf:Property only), and the ontology, which
    annotates itself with them, declares them owl:AnnotationProperty."""
    axioms = Axioms()
    read = vocabularies(folder)
    for vocabulary in read:
        graph = Graph()
        for triple in vocabulary.triples(others(vocabulary, read)):
            graph.add(triple)
        axioms.namespaces[vocabulary.namespace] = vocabulary.name
        axioms.defined.update(str(s) for s in graph.subjects() if isinstance(s, URIRef))
        axioms.add(graph, vocabulary.name)
        for s, o in graph.subject_objects(RDF.type):
            if str(o) in PROPERTY_KINDS and isinstance(s, URIRef):
                axioms.kinds[str(s)].add(str(o))
                axioms.kind_sources.setdefault(str(s), vocabulary.name)
    return axioms


def others(vocabulary: Vocabulary, read: list[Vocabulary]) -> tuple[str, ...]:
    """The namespaces of the vocabularies read beside `vocabulary` (whose terms are theirs to define)."""
    return tuple(v.namespace for v in read if v.namespace != vocabulary.namespace)


def kind_problems(ontology: Graph, axioms: Axioms) -> list[str]:
    """Terms of a vocabulary read here that the ontology declares another OWL kind of property than the vocabulary
    does (a vocabulary may declare a term of two kinds, as PROV does prov:wasRevisionOf: either is then right)."""
    problems = []
    for s, o in sorted(ontology.subject_objects(RDF.type)):
        declared = axioms.kinds.get(str(s), set())
        if str(o) in PROPERTY_KINDS and declared and str(o) not in declared:
            theirs = " and ".join(sorted(f"<{k}>" for k in declared))
            problems.append(f"<{s}> is declared <{o}> by the ontology, {theirs} by {axioms.kind_sources[str(s)]}")
    return problems


def https_schema(iri: str) -> str:
    return SCHEMA_HTTPS + iri[len(SCHEMA_HTTP):] if iri.startswith(SCHEMA_HTTP) else iri


def rdflib_term(term, package: str):
    """The rdflib form of an Oxigraph term, schema.org's IRIs in https, blank nodes kept apart per package."""
    if isinstance(term, ox.NamedNode):
        return URIRef(https_schema(term.value))
    if isinstance(term, ox.BlankNode):
        return BNode(f"{package}-{term.value}")
    language = term.language
    return Literal(term.value, lang=language) if language else Literal(term.value, datatype=term.datatype.value)


def undefined_terms(graph: Graph, axioms: Axioms) -> list[str]:
    """Terms of a covered vocabulary that the graph uses (as property, class, or in an axiom) and it lacks."""
    used: set[str] = set()
    for s, p, o in graph:
        used.add(str(p))
        if p == RDF.type or p in (RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range,
                                  OWL.equivalentClass, OWL.equivalentProperty, OWL.inverseOf, OWL.disjointWith):
            used.update(str(t) for t in (s, o) if isinstance(t, URIRef))
    problems = []
    for term in sorted(used):
        for namespace, package in axioms.namespaces.items():
            if term.startswith(namespace) and term != namespace and term not in axioms.defined:
                problems.append(f"{term} is not defined in {package}")
    return problems


def type_problems(graph: Graph, axioms: Axioms) -> tuple[list[str], int]:
    """Types that domains and ranges give a resource beyond what its own types entail; disjoint types; and
    how many resources were judged on the first (all of them are on the second)."""
    asserted: defaultdict[object, set[Node]] = defaultdict(set)
    required: defaultdict[object, dict[Node, str]] = defaultdict(dict)  # resource -> class -> why
    literal_problems: set[str] = set()
    for s, p, o in graph:
        if p == RDF.type and isinstance(o, URIRef):
            asserted[s].add(str(o))
    for s, p, o in graph:
        if p == RDF.type:
            continue
        if isinstance(o, Literal):
            supers = axioms.property_closure(str(p))
            subject_side, object_side = {(q, RDFS.domain) for q in supers}, set()
            for q in sorted(supers):
                for c in axioms.ranges.get(q, ()):
                    if isinstance(c, str) and not axioms.holds_literals(c):
                        literal_problems.add(f"<{s}> has the literal \"{o}\" as value of <{p}>, whose range is the "
                                             f"class <{c}> ({axioms.why(RDFS.range, q)})")
        else:
            subject_side, object_side = axioms.sides(str(p))
        for q, kind in sorted(subject_side):
            for c in (axioms.domains if kind == RDFS.domain else axioms.ranges).get(q, ()):
                required[s].setdefault(c, f"as subject of <{p}> ({axioms.why(kind, q)})")
        for q, kind in sorted(object_side):
            for c in (axioms.domains if kind == RDFS.domain else axioms.ranges).get(q, ()):
                required[o].setdefault(c, f"as object of <{p}> ({axioms.why(kind, q)})")
    problems, judged_count = sorted(literal_problems), 0
    for resource in sorted(set(asserted) | set(required), key=str):
        entailed = axioms.closure(asserted[resource])
        every = entailed | axioms.closure({c for c in required[resource] if isinstance(c, str)})
        # An untyped resource may well be typed by a range; one with a type from a vocabulary not read here
        # (FaBiO, DoCO, ...) may be entailed the class by that vocabulary: neither is judged.
        judged = bool(asserted[resource]) and all(axioms.known(c) for c in entailed)
        judged_count += judged
        missing = {c: why for c, why in required[resource].items() if judged and axioms.met(c, entailed) is False}
        for c, why in sorted(missing.items(), key=lambda item: str(item[0])):
            if not set(axioms.unions.get(c, ())) & set(missing):  # a union is news only if no member is missing
                problems.append(f"<{resource}> would be inferred a {describe(c, axioms)} {why}; none of its types "
                                f"({', '.join(sorted(f'<{t}>' for t in asserted[resource])) or 'none'}) entails it")
        for pair, where in sorted(axioms.disjoint.items(), key=lambda item: sorted(map(str, item[0]))):
            if pair <= every:
                a, b = sorted(map(str, pair))
                problems.append(f"<{resource}> is both <{a}> and <{b}>, declared disjoint in {where}")
    return problems, judged_count


def describe(c: Node, axioms: Axioms) -> str:
    if isinstance(c, BNode) and c in axioms.unions:
        return "union of " + " or ".join(f"<{m}>" for m in axioms.unions[c])
    return f"<{c}>"


def check(ontology: Graph, data: Graph, axioms: Axioms) -> tuple[list[str], int]:
    """What the vocabularies' own axioms find wrong with the ontology and the data read together, and how many
    resources had types whose every superclass was read (the others are checked for disjointness only)."""
    axioms = copy.deepcopy(axioms)
    axioms.add(ontology, "the ontology")
    axioms.read.add(str(NFP))
    both = ontology + data
    types, judged = type_problems(both, axioms)
    return undefined_terms(both, axioms) + kind_problems(ontology, axioms) + types, judged


# Given to the reasoner: every pinned vocabulary but rdf, rdfs and owl (they restate OWL's built-in terms, which
# OWL 2 DL reserves) and schema.org (17,823 lines of subclasses, with no restriction and no disjointness that
# reaches the ontology's classes; with it HermiT took 86 s instead of 16 s on the ontology alone).
NOT_REASONED = frozenset({"rdf", "rdfs", "owl", "schema"})


def vocabulary_axioms(folder: Path = VOCABULARIES, only: frozenset[str] | None = None) -> Graph:
    """The pinned vocabularies' own triples (but NOT_REASONED; `only` those labels, "frbr", "c4o", if given) as one
    graph for a reasoner: schema.org's IRIs in https, each file's blank nodes its own (every package labels them
    _:c14n0, _:c14n1, ...: read together, FRBR's SWRL rules and PROV's lists would share nodes), owl:imports left
    out (HermiT would fetch them)."""
    graph = Graph()
    read = vocabularies(folder)
    for vocabulary in read:
        if vocabulary.label not in NOT_REASONED and (only is None or vocabulary.label in only):
            graph += (t for t in vocabulary.triples(others(vocabulary, read)) if t[1] != OWL.imports)
    return graph


def reason(graph: Graph, vocabularies: Graph, unsatisfiable: bool = True) -> str:
    """HermiT's verdict on `graph` read with `vocabularies` (vocabulary_axioms): "CONSISTENT", "INCONSISTENT", or
    "UNSATISFIABLE" and the unsatisfiable classes (when `unsatisfiable`: it classifies, minutes on the whole
    publication). The vocabularies' datatypes outside the OWL 2 datatype map (OWL-Time's xsd:date, ...) are ignored."""
    with tempfile.NamedTemporaryFile(suffix=".nt") as file:
        (graph + vocabularies).serialize(file.name, format="nt", encoding="utf-8")
        run = subprocess.run(["java", *reasoning.JAVA_OPTIONS, "-cp", str(reasoning.hermit_jar()), reasoning.HERMIT_MAIN,
                              "--ignoreUnsupportedDatatypes", "-k", *(["-U"] if unsatisfiable else []),
                              Path(file.name).as_uri()], capture_output=True, text=True)
    if run.returncode == 0 and not unsatisfiable and f"{OWL.Thing} is satisfiable." in run.stdout.splitlines():
        return "CONSISTENT"
    return reasoning.read_verdict(run.returncode, run.stdout, run.stderr, len(graph)).detail
