"""The store the endpoint serves: the published graph and the subclass closure of `rdf:type`, so that a query
over a class finds its subclasses' members.

The default graph holds both: the published triples and the inferred types. The inferred types are also kept in
one named graph, so that `GRAPH <INFERRED> { ... }` shows what was inferred; it holds only types that are not
already asserted, so no triple is counted twice. A query that names its dataset (FROM, FROM NAMED, or the
protocol's graph parameters: worker.py) gets that dataset, as Oxigraph reads the query: the endpoint does not
decide it by reading the query otherwise. Descriptions of resource IRIs (`/resource/...`) leave the inferred
types out, like the dumps (worker.py, asserted_description).
"""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from ..paths import BASE

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


def build(dump: Path, location: Path) -> int:
    """Load `dump` (N-Triples), add the type closure, and write the whole as N-Quads to `location`, which
    each query worker loads into memory (three times faster to query here than Oxigraph's on-disk store);
    return how many types were inferred."""
    store = ox.Store()
    store.bulk_load(path=str(dump), format=ox.RdfFormat.N_TRIPLES)
    store.update(CLOSURE)
    store.update(f"INSERT {{ ?x a ?super }} WHERE {{ GRAPH <{INFERRED}> {{ ?x a ?super }} }}")  # into the default graph
    inferred = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.NamedNode(INFERRED)))
    store.dump(output=str(location), format=ox.RdfFormat.N_QUADS)
    return inferred


def open_in_memory(location: Path) -> ox.Store:
    store = ox.Store()
    store.bulk_load(path=str(location), format=ox.RdfFormat.N_QUADS)
    return store
