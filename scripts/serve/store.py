"""The store the endpoint serves: the published graph and the subclass closure of `rdf:type`, so that a query
over a class finds its subclasses' members.

The default graph holds both: the published triples and the inferred types. The inferred types are also kept in
one named graph, so that `GRAPH <INFERRED> { ... }` shows what was inferred; it holds only types that are not
already asserted, so no triple is counted twice. Each dataset of the publication is a named graph of its own, named
by its IRI, as its dump has it (no inferred types): the article's (`paths.ARTICLE_DATASET`, the same triples as the default graph's
published ones) and the PLOVER sample's (`paths.SAMPLE_DATASET`, in no other graph), so that a query can join the two as a user
joining the two dumps would (`FROM` both, or the protocol's default-graph-uri). The claims'
nanopublications are loaded with their own named graphs (`…/nanopub/claim/<slug>#Head`, `#assertion`,
`#provenance`, `#pubinfo`), as nanopublication stores keep them. A query that names its dataset (FROM, FROM NAMED, or the
protocol's graph parameters: worker.py) gets that dataset, as Oxigraph reads the query: the endpoint does not
decide it by reading the query otherwise. Descriptions of resource IRIs (`/resource/...`) leave the inferred
types out, like the dumps (worker.py, asserted_description).

An Oxigraph store keeps a literal of an integer type derived from xsd:integer by its value, as xsd:integer
(`load.RETYPED_BY_OXIGRAPH`): the dumps' oa:start and oa:end, xsd:nonNegativeInteger as Web Annotation has them,
would come out of a CONSTRUCT or a resource's description as xsd:integer. `build` keeps those triples as written
beside the store (`as_written`), and the workers give graph answers their literals back as written (worker.py);
SELECT answers and the query's own functions (DATATYPE, sameTerm) see the store's xsd:integer.
"""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from ..paths import ARTICLE_DATASET, BASE, SAMPLE_DATASET, SAMPLE_DUMP

INFERRED = BASE + "graph/inferred-types"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"

CLOSURE = f"""
INSERT {{ GRAPH <{INFERRED}> {{ ?x a ?super }} }}
WHERE {{
  ?x a ?class .
  ?class <{RDFS}subClassOf>+ ?super .
  FILTER(isIRI(?super) && ?super != ?class)
  FILTER NOT EXISTS {{ ?x a ?super }}
}}"""


def written_path(location: Path) -> Path:
    """Where `build` keeps, beside the store at `location`, the triples whose literal the store retypes."""
    return location.with_name(location.name + ".as-written.nt")


def graphs(dist: Path) -> dict[str, Path]:
    """The named graphs of the publication in `dist`: each dataset's IRI -> its N-Triples dump (those written)."""
    dumps = {ARTICLE_DATASET: dist / "ngo-fp.nt", SAMPLE_DATASET: dist / SAMPLE_DUMP}
    return {name: path for name, path in dumps.items() if path.is_file()}


def named(dist: Path) -> list[Path]:
    """The files of the publication in `dist` whose named graphs are loaded as they are: the claims'
    nanopublications (TriG: each in its four graphs, scripts/publish/nanopubs.py), if written."""
    return [path for path in [dist / "nanopubs.trig"] if path.is_file()]


def build(dump: Path, location: Path, graphs: dict[str, Path] | None = None, quads: list[Path] | None = None) -> int:
    """Load `dump` (N-Triples), add the type closure, load each of `graphs` (graph IRI -> N-Triples) into its named
    graph and the named graphs of `quads` (TriG) as they are, and write the whole as N-Quads to `location`, which
    each query worker loads into memory (three times faster to query here than Oxigraph's on-disk store), and the
    triples whose literal Oxigraph retypes, as written, to `written_path(location)`; return how many types were
    inferred."""
    # imported here, not with the module: scripts.load imports scripts.validate, which, imported while `python -m`
    # starts (as `make serve` starts this server), lets Ctrl-C end the process at once, before the store is removed
    from ..load import RETYPED_BY_OXIGRAPH

    graphs, quads = graphs or {}, quads or []
    retyped = sorted({q.triple for path in [dump, *graphs.values(), *quads] for q in ox.parse(path=str(path))
                      if isinstance(q.object, ox.Literal) and q.object.datatype.value in RETYPED_BY_OXIGRAPH}, key=str)
    ox.serialize(retyped, output=str(written_path(location)), format=ox.RdfFormat.N_TRIPLES)
    store = ox.Store()
    store.bulk_load(path=str(dump), format=ox.RdfFormat.N_TRIPLES)
    store.update(CLOSURE)
    store.update(f"INSERT {{ ?x a ?super }} WHERE {{ GRAPH <{INFERRED}> {{ ?x a ?super }} }}")  # into the default graph
    inferred = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.NamedNode(INFERRED)))
    for name, path in graphs.items():
        store.bulk_load(path=str(path), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(name))
    for path in quads:
        store.bulk_load(path=str(path), format=ox.RdfFormat.TRIG)
    store.dump(output=str(location), format=ox.RdfFormat.N_QUADS)
    return inferred


def open_in_memory(location: Path) -> ox.Store:
    store = ox.Store()
    store.bulk_load(path=str(location), format=ox.RdfFormat.N_QUADS)
    return store


def as_written(location: Path) -> dict[ox.Triple, ox.Literal]:
    """For each triple `build` kept beside the store at `location`: the triple as the store holds it -> its literal
    as written in the dump."""
    path = written_path(location)
    if not path.exists():
        return {}
    scratch = ox.Store()
    out = {}
    for quad in ox.parse(path=str(path), format=ox.RdfFormat.N_TRIPLES):
        scratch.add(quad)
        stored = next(scratch.quads_for_pattern(quad.subject, quad.predicate, None)).object
        scratch.remove(ox.Quad(quad.subject, quad.predicate, stored))
        out[ox.Triple(quad.subject, quad.predicate, stored)] = quad.object
    return out
