"""`make serve`: the site, the dataset's IRIs and a read-only SPARQL 1.1 endpoint over dist/, on 127.0.0.1.

    http://127.0.0.1:PORT/site/...        the static site (dist/site/) and the downloads (dist/)
    http://127.0.0.1:PORT/query           SPARQL 1.1 Protocol (GET, POST form, POST direct); updates refused
    http://127.0.0.1:PORT/resource/...    the dataset's IRIs, /ontology (/ontology/x.y.z: that version) and /shapes,
                                          with content negotiation; /dataset..., /catalog... and /agent/... to the
                                          VoID/DCAT file that describes them, /dist/<file> to the file,
                                          /nanopub/claim/<slug> to a claim's nanopublication (TriG)

What serves, and why: uvicorn (HTTP) and Starlette (routing, static files, CORS), both well kept, with the
queries evaluated by pyoxigraph in a pool of worker processes (pool.py, worker.py). A worker per query is
what makes the time limit real: a query over the limit is stopped by ending its process, which no
in-process timeout (nor Oxigraph's `--timeout-s`) can do for every query. A reverse proxy such as nginx in
front of Oxigraph's server would bound connections and bodies as well, but could neither stop a runaway
query nor refuse SERVICE by parsing the query; it would only add a second server to run.

Modules: server (start/stop, options, `Server` for tests), app (routes), limits (bounds per connection),
pool (workers and the time limit), worker (evaluation and answer size cap), service (SERVICE refusal),
negotiate (Accept), store (the store with the subclass closure of rdf:type), signposting (a page's FAIR Signposting
links repeated as a Link header).
"""
from .server import Server, free_port, main

__all__ = ["Server", "free_port", "main"]
