"""The store the endpoint serves: the published graph in the default graph, and the subclass closure of
`rdf:type` in one named graph, so that a query over a class finds its subclasses' members.

Queries see both graphs as their default graph (Oxigraph's union default graph), unless they name their dataset
(FROM, FROM NAMED, or the protocol's graph parameters: worker.py). The inferred graph holds
only types that are not already asserted, so no triple is counted twice; `GRAPH <INFERRED> { ... }` shows
what was inferred. Descriptions of resource IRIs (`/resource/...`) use the asserted graph only, like the
dumps.
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
    inferred = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.NamedNode(INFERRED)))
    store.dump(output=str(location), format=ox.RdfFormat.N_QUADS)
    return inferred


def open_in_memory(location: Path) -> ox.Store:
    store = ox.Store()
    store.bulk_load(path=str(location), format=ox.RdfFormat.N_QUADS)
    return store
