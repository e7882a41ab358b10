"""Small HTTP helpers for the endpoint tests: urllib for whole requests, raw sockets for the abusive ones,
and /proc for the memory and the processes of the server."""
from __future__ import annotations

import os
import socket
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

JSON = "application/sparql-results+json"


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes = b""
    raw_headers: list[tuple[str, str]] = field(default_factory=list)

    @property
    def type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0]


def request(url: str, method: str = "GET", data: bytes | None = None, timeout: float = 60,
            **headers: str) -> Answer:
    """Any request; HTTP errors are answers too. Header names with _ stand for - (Content_Type)."""
    req = urllib.request.Request(url, data=data, method=method,
                                 headers={k.replace("_", "-"): v for k, v in headers.items()})

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: object, **kwargs: object) -> None:
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(req, timeout=timeout) as response:
            return Answer(response.status, {k.lower(): v for k, v in response.headers.items()}, response.read(),
                          list(response.headers.items()))
    except urllib.error.HTTPError as err:
        return Answer(err.code, {k.lower(): v for k, v in err.headers.items()}, err.read(), list(err.headers.items()))


def get_query(base: str, query: str, accept: str | None = JSON, method: str = "GET", timeout: float = 60) -> Answer:
    headers = {"Accept": accept} if accept else {}
    return request(f"{base}/query?" + urllib.parse.urlencode({"query": query}), method=method, timeout=timeout,
                   **headers)


def post_form(base: str, query: str, accept: str | None = JSON) -> Answer:
    headers = {"Accept": accept} if accept else {}
    return request(f"{base}/query", "POST", urllib.parse.urlencode({"query": query}).encode(),
                   Content_Type="application/x-www-form-urlencoded", **headers)


def post_direct(base: str, query: str, accept: str | None = JSON) -> Answer:
    headers = {"Accept": accept} if accept else {}
    return request(f"{base}/query", "POST", query.encode(), Content_Type="application/sparql-query", **headers)


def raw(port: int, payload: bytes, timeout: float = 30) -> bytes:
    """Send bytes as they are and read until the server closes (what a hand-made attack does)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(payload)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def status_of(response: bytes) -> int:
    return int(response.split(b" ", 2)[1]) if response.startswith(b"HTTP/1.1 ") else 0


def descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        for task in Path(f"/proc/{current}/task").glob("*"):
            try:
                children = [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                continue
            found += children
            todo += children
    return found


def rss_bytes(pid: int) -> int:
    """Resident memory of a process and all its descendants (the server and its query workers)."""
    total = 0
    for each in [pid, *descendants(pid)]:
        try:
            for line in Path(f"/proc/{each}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            pass
    return total


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
    except OSError:
        return False


W3ID_BASE = "https://w3id.org/ngo-fp/"


def description_iris(dist: Path):
    """The two dataset descriptions (dist/void.ttl, dist/plover-gsr/void.ttl) as one graph, the URLs they give as
    files (downloads, landing pages, homepages) and every IRI they describe (files included)."""
    from rdflib import Graph, URIRef
    from rdflib.namespace import DCAT, FOAF, VOID

    graph = Graph().parse(dist / "void.ttl") + Graph().parse(dist / "plover-gsr" / "void.ttl")
    files = {str(o) for p in (DCAT.downloadURL, DCAT.accessURL, VOID.dataDump, DCAT.landingPage, FOAF.homepage)
             for o in graph.objects(None, p)}
    return graph, files, {str(s) for s in graph.subjects() if isinstance(s, URIRef)}


def own_paths(iris: set[str]) -> list[tuple[str, str]]:
    """(iri, path under https://w3id.org/ngo-fp/) of the IRIs the w3id rules answer, the ontology's left out."""
    return [(iri, iri[len(W3ID_BASE):]) for iri in sorted(iris)
            if iri.startswith(W3ID_BASE) and not iri.startswith(W3ID_BASE + "ontology")]


def minted_iris(dist: Path) -> list[str]:
    """Every IRI under W3ID_BASE that the publication names (the article's dump, its nanopublications, its
    description, and the PLOVER sample's dump and description), a hash IRI by its document: what the w3id rules and
    `make serve` must answer."""
    import pyoxigraph as ox

    iris: set[str] = set()
    for name in ("ngo-fp.nt", "nanopubs.trig", "void.ttl", "plover-gsr/plover-gsr.nt", "plover-gsr/void.ttl"):
        for quad in ox.parse(path=str(dist / name)):
            for term in (quad.subject, quad.predicate, quad.object, quad.graph_name):
                if isinstance(term, ox.NamedNode) and term.value.startswith(W3ID_BASE):
                    iris.add(term.value.split("#", 1)[0])
    return sorted(iris)


def resolve(url: str, accept: str, hops: int = 3) -> tuple[str, int]:
    """Follow redirects from `url` (at most `hops`) as a client asking for `accept`: where it ended, and the status."""
    status = 0
    for _ in range(hops):
        answer = request(url, Accept=accept)
        status = answer.status
        if status not in (301, 302, 303, 307, 308):
            break
        url = urllib.parse.urljoin(url, answer.headers["location"])
    return url, status
