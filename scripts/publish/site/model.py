"""The graph as the site sees it: indexes built once (outgoing and incoming statements, labels per language,
types and their superclasses), and the small values templates render (a label, a link, a language)."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import OWL, RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from ...paths import NFP, OA, RES, SCHEMA

SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
DCT = Namespace("http://purl.org/dc/terms/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
EVIDENCE = str(RES) + "evidence/"
LANGS = ("en", "tr")

# Which properties name a thing, best first: the preferred name, then the label, then a title.
NAME_PROPERTIES = (SKOS.prefLabel, RDFS.label, DCT.title, FOAF.name)
# Properties of other vocabularies that the ontology declares without a label: how to call them.
FALLBACK_LABELS = {
    RDF.type: "type", RDFS.label: "label", RDFS.comment: "comment", SKOS.prefLabel: "preferred name",
    SKOS.altLabel: "other name", SKOS.exactMatch: "same as (exact match)", SKOS.closeMatch: "close match",
    SCHEMA.sameAs: "same as",
    SKOS.definition: "definition", SKOS.broader: "broader", SKOS.inScheme: "in scheme", DCT.title: "title",
    OWL.sameAs: "same as",
}
LANGUAGE_NAMES = {"en": "English", "tr": "Turkish", "az": "Azerbaijani", "ru": "Russian", "de": "German",
                  "fr": "French", "ar": "Arabic", "ku": "Kurdish"}
OUT_LINKS = (SCHEMA.sameAs, SKOS.exactMatch, SKOS.closeMatch, OWL.sameAs)


def words(name: str) -> str:
    """`authorsAsWritten` -> `authors as written`."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name).replace("_", " ").lower()


def local_name(iri: str) -> str:
    return re.split(r"[#/]", iri.rstrip("/#"))[-1]


def order(triple: tuple[Node, Node, Node]) -> tuple[str, ...]:
    """A total order on triples by their text (language and datatype included, so no two differ only there)."""
    s, p, o = triple
    return (str(s), str(p), type(o).__name__, str(o), getattr(o, "language", None) or "", str(getattr(o, "datatype", None) or ""))


@dataclass
class Value:
    """One thing to show: its text (per language when there are several), where it links, its language."""

    text: str
    href: str | None = None
    lang: str | None = None
    tr: str | None = None  # the Turkish label, when the thing has one and the text is English
    external: bool = False
    iri: str | None = None


class Traced(dict):
    """A dict of per-node data that notes each node looked up while its model's `reads` is a set: what a page
    depends on (scripts/publish/site/incremental.py)."""

    def __init__(self, data: dict, model: Model) -> None:
        super().__init__(data)
        self.model = model

    def get(self, key, default=None):  # type: ignore[override]
        if self.model.reads is not None:
            self.model.reads.add(key)
        return dict.get(self, key, default)

    def __getitem__(self, key):  # type: ignore[override]
        if self.model.reads is not None:
            self.model.reads.add(key)
        return dict.__getitem__(self, key)

    def __contains__(self, key) -> bool:  # type: ignore[override]
        if self.model.reads is not None:
            self.model.reads.add(key)
        return dict.__contains__(self, key)


@dataclass
class Model:
    graph: Graph
    out: dict[Node, list[tuple[URIRef, Node]]] = field(default_factory=lambda: defaultdict(list))
    inc: dict[Node, list[tuple[Node, URIRef]]] = field(default_factory=lambda: defaultdict(list))
    by_prop: dict[Node, dict[URIRef, list[Node]]] = field(default_factory=lambda: defaultdict(dict))
    by_prop_in: dict[Node, dict[URIRef, list[Node]]] = field(default_factory=lambda: defaultdict(dict))
    names: dict[Node, dict[str | None, str]] = field(default_factory=dict)
    link_labels: dict[Node, str] = field(default_factory=dict)
    qnames: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        rank = {p: i for i, p in enumerate(NAME_PROPERTIES)}
        found: dict[Node, dict[str | None, tuple[int, str]]] = defaultdict(dict)
        # sorted by the terms' text: the same order every build, and ~5x faster than comparing rdflib terms
        for s, p, o in sorted(self.graph, key=order):
            self.out[s].append((p, o))
            self.by_prop[s].setdefault(p, []).append(o)
            if not isinstance(o, Literal):
                self.inc[o].append((s, p))
                self.by_prop_in[o].setdefault(p, []).append(s)
            elif p in rank:
                lang = o.language
                best = found[s].get(lang)
                if best is None or (rank[p], str(o)) < best:
                    found[s][lang] = (rank[p], str(o))
        self.names = {s: {lang: text for lang, (_, text) in langs.items()} for s, langs in found.items()}
        for record in self.graph.subjects(NFP.linkTarget, None):
            target, text = self.graph.value(record, NFP.linkTarget), self.graph.value(record, NFP.targetLabel)
            if target is not None and text is not None:
                self.link_labels[target] = str(text)
        self.namespaces = sorted(((str(ns), prefix) for prefix, ns in self.graph.namespaces() if prefix),
                                 key=lambda t: -len(t[0]))
        self.classes = {c for c in self.graph.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef)}
        self.supers = {c: self._closure(c) for c in self.classes}
        # the per-node data, traced: while `reads` is a set, every node looked up is added to it
        self.reads: set[Node] | None = None
        self.out, self.inc = Traced(self.out, self), Traced(self.inc, self)  # type: ignore[assignment]
        self.by_prop, self.by_prop_in = Traced(self.by_prop, self), Traced(self.by_prop_in, self)  # type: ignore[assignment]
        self.names, self.link_labels = Traced(self.names, self), Traced(self.link_labels, self)

    # --- names
    def _closure(self, cls: URIRef) -> set[URIRef]:
        seen, todo = {cls}, [cls]
        while todo:
            for sup in self.graph.objects(todo.pop(), RDFS.subClassOf):
                if isinstance(sup, URIRef) and sup not in seen:
                    seen.add(sup)
                    todo.append(sup)
        return seen

    def qname(self, iri: str) -> str:
        if iri not in self.qnames:
            short = iri
            for ns, prefix in self.namespaces:
                rest = iri[len(ns):]
                if iri.startswith(ns) and re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9_.-]*(?<!\.)", rest or "."):
                    short = f"{prefix}:{rest}"
                    break
            self.qnames[iri] = short
        return self.qnames[iri]

    def label(self, node: Node, lang: str = "en") -> str:
        """The name of a thing in `lang`, falling back to an untagged name, English, any name, then its IRI."""
        if isinstance(node, Literal):
            return str(node)
        names = self.names.get(node, {})
        for key in (lang, None, "en"):
            if key in names:
                return names[key]
        if names:
            return names[sorted(names, key=str)[0]]
        iri = str(node)
        if node in self.link_labels:
            return f"{self.link_labels[node]} (Wikidata {local_name(iri)})"
        if node in FALLBACK_LABELS:
            return FALLBACK_LABELS[node]
        if iri.startswith("http://www.wikidata.org/entity/"):
            return f"Wikidata {local_name(iri)}"
        if "geonames.org/" in iri:
            return f"GeoNames {iri.rstrip('/').split('/')[-1]}"
        if iri.startswith("https://ror.org/"):
            return f"ROR {local_name(iri)}"
        if iri.startswith("http://id.loc.gov/vocabulary/iso639-1/"):
            code = local_name(iri)
            return f"{LANGUAGE_NAMES.get(code, code)} ({code})"
        if str(node).startswith(str(RES)):
            return local_name(iri).replace("-", " ")
        return self.qname(iri)  # a term of another vocabulary: foaf:Organization, not a bare "organization"

    def turkish(self, node: Node) -> str | None:
        """The Turkish name, if the thing has one."""
        return self.names.get(node, {}).get("tr")

    # --- pages
    def has_page(self, node: Node) -> bool:
        iri = str(node)
        return iri.startswith(str(RES)) and iri[len(str(RES)):].count("/") == 1

    def page_path(self, node: Node) -> str:
        return "resource/" + str(node)[len(str(RES)):] + ".html"

    def href(self, node: Node, here: str) -> str | None:
        """A link relative to the page at `here` (a path inside site/), or the IRI for things elsewhere."""
        up = "../" * here.count("/")
        iri = str(node)
        if self.has_page(node):
            return up + self.page_path(node)
        if iri.startswith(str(NFP)):
            return f"{up}ontology.html#{iri[len(str(NFP)):]}"
        if iri.startswith(("http://", "https://")) and not iri.startswith(str(RES)):
            return iri
        return None

    def prop_value(self, prop: URIRef, here: str) -> Value:
        """A property as a row heading: its label, or for an unlabelled term of another vocabulary its name
        in words ("dcterms:language" -> "language"), with the prefixed name as a tooltip."""
        value = self.value(prop, here)
        if value.text == self.qname(str(prop)) and value.text != str(prop):
            value.text = words(local_name(str(prop)))
        return value

    def value(self, node: Node, here: str) -> Value:
        if isinstance(node, Literal):
            text = str(node)
            return Value(text, lang=node.language)
        tr = self.turkish(node)
        en = self.label(node, "en")
        href = self.href(node, here)
        external = bool(href) and not str(node).startswith(str(NFP)) and not self.has_page(node)
        return Value(en, href=href, tr=tr if tr and tr != en else None, external=external, iri=str(node))

    # --- statements
    def types(self, node: Node) -> list[URIRef]:
        return [o for o in self.objects(node, RDF.type) if isinstance(o, URIRef)]

    def type_closure(self, node: Node) -> set[URIRef]:
        result: set[URIRef] = set()
        for t in self.types(node):
            result |= self.supers.get(t, {t})
        return result

    def objects(self, node: Node, prop: URIRef) -> list[Node]:
        """The values of `prop` on `node`, sorted."""
        props = self.by_prop.get(node)
        return props.get(prop, []) if props else []

    def subjects(self, prop: URIRef, node: Node) -> list[Node]:
        props = self.by_prop_in.get(node)
        return props.get(prop, []) if props else []

    def first(self, node: Node, prop: URIRef) -> Node | None:
        values = self.objects(node, prop)
        return values[0] if values else None

    def pages(self) -> list[URIRef]:
        """Every resource that gets a page: typed, under resource/, one path segment after its type."""
        return sorted(s for s in self.out if isinstance(s, URIRef) and self.has_page(s) and self.types(s))

    def evidence_of(self, node: Node) -> list[URIRef]:
        return sorted(o for o in self.objects(node, NFP.groundedIn) if isinstance(o, URIRef))

    def evidence_position(self, ev: Node) -> tuple[int, int] | None:
        for target in self.objects(ev, OA.hasTarget):
            for selector in self.objects(target, OA.hasSelector):
                start, end = self.first(selector, OA.start), self.first(selector, OA.end)
                if start is not None and end is not None:
                    return int(start), int(end)
        return None

    def evidence_quote(self, ev: Node) -> str:
        for target in self.objects(ev, OA.hasTarget):
            for selector in self.objects(target, OA.hasSelector):
                exact = self.first(selector, OA.exact)
                if exact is not None:
                    return str(exact)
        return ""
