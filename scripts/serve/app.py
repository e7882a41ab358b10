"""The web application (Starlette): the SPARQL 1.1 Protocol at /query, the IRIs of the dataset with content
negotiation, and the files of dist/ (the site and the downloads)."""
from __future__ import annotations

import asyncio
import binascii
import contextlib
import functools
import hashlib
import json
import os
import re
import stat
from collections import OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pyoxigraph as ox
from starlette.applications import Starlette
from starlette.convertors import Convertor, register_url_convertor
from starlette.datastructures import Headers
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import NotModifiedResponse, PathLike, StaticFiles
from starlette.types import Receive, Scope, Send

from ..paths import BASE
from ..publish import crate, describe
from .limits import BodyTimeout, BodyTooLarge
from .negotiate import GRAPHS, choose, content_type
from .pool import Pool, Reply, text
from .ranges import RangedFile
from .signposting import for_page

METHODS = "GET, HEAD, POST, OPTIONS"
SLUG = re.compile(r"[a-z][a-z0-9-]*/[A-Za-z0-9][A-Za-z0-9._-]*")  # the whole path (fullmatch)
# the parts of an evidence annotation (the passage it targets, its selectors): described from the store, their page
# the annotation's (fullmatch; group 1 is the annotation's path)
EVIDENCE_PART = re.compile(r"(evidence/[0-9a-f]{16})/(?:target|quote|position)")
NANOPUB_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")  # a claim nanopublication's last segment (fullmatch)
VERSION = re.compile(r"[0-9]+\.[0-9]+\.[0-9]+")  # an ontology version IRI's last segment (fullmatch)


class VersionConvertor(Convertor):
    """Routes /ontology/x.y.z only: /ontology/<file> stays with the static files."""
    regex = VERSION.pattern

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return value


class NanopubConvertor(VersionConvertor):
    """Routes /nanopub/claim/<slug> only: /nanopub/claim/<slug>.trig stays with the static files."""
    regex = NANOPUB_SLUG.pattern


register_url_convertor("version", VersionConvertor())
register_url_convertor("nanopub", NanopubConvertor())

VERSION_FILES = {"text/turtle": "ttl", "application/n-triples": "nt", "application/ld+json": "jsonld",
                 "application/rdf+xml": "rdf"}  # as the w3id rules: Turtle unless another RDF format is asked for
MAX_FIELDS = 100  # a query, its graphs and the form's other fields; 350,000 empty ones cost 0.25 s to read
MALFORMED_ESCAPE = re.compile(rb"%(?![0-9A-Fa-f]{2})")
NOT_UTF8 = "Bad request: the query string or the body is not UTF-8 once its %-escapes are decoded."
UTF8 = {"utf-8", "utf8", "us-ascii", "ascii"}  # the charsets a query may declare (ASCII is UTF-8's subset)
SERVICE_DESCRIPTION = Path(__file__).with_name("service-description.ttl")
# the functions whose value differs at each evaluation (SPARQL 1.1 Query, 17.4: NOW is the time of the query's
# run, RAND pseudo-random, UUID, STRUUID and BNODE new at each call): an answer using one is never kept. Read
# from the text, in any case (Oxigraph reads no escape in a function's name); a mention elsewhere (a string, a
# comment, a prefixed name, the letters inside another word: "known", "brand") only costs the cache. A substring
# search of the lower-cased text (C code, 2 ms per MiB): a regex with word boundaries took up to 0.23 s per MiB of
# the event loop, even for an answer then found in the cache.
FRESH_EACH_RUN = ("now", "rand", "uuid", "bnode")  # STRUUID holds "uuid"


class Spooled:
    """The bytes of spooled answers still being sent, so that clients that read slowly cannot fill the disk."""

    def __init__(self, budget: int) -> None:
        self.budget, self.used = budget, 0

    def admit(self, reply: Reply) -> Reply:
        if reply.file is None:
            return reply
        if self.used + reply.size > self.budget:
            reply.file.unlink(missing_ok=True)
            return text(503, "Server busy: too many large answers are being sent. Try again shortly.")
        self.used += reply.size
        return reply

    def release(self, reply: Reply) -> None:
        self.used -= reply.size


class Answers:
    """Small successful answers kept in memory, least recently used first out. The store is read-only, so an
    answer never goes stale while the server runs (unless the query asks for the time, a random number or a
    new identifier: FRESH_EACH_RUN, never kept): a repeated query (the site's examples, a dashboard polling)
    costs no worker. Bounded in total bytes; answers above `largest` bytes and every error are never kept."""

    ENTRY = 512  # what an entry costs beside its body (key, Reply, headers, the dict's slot), charged to the budget

    def __init__(self, budget: int = 32 * 1024 * 1024, largest: int = 256 * 1024) -> None:
        self.budget, self.largest, self.used = budget, largest, 0
        self.kept: OrderedDict[bytes, Reply] = OrderedDict()

    def get(self, key: bytes) -> Reply | None:
        reply = self.kept.get(key)
        if reply is not None:
            self.kept.move_to_end(key)
        return reply

    def put(self, key: bytes, reply: Reply) -> None:
        if (reply.status != 200 or reply.file is not None or reply.size > min(self.largest, self.budget)
                or key in self.kept):
            return
        self.kept[key] = reply
        self.used += reply.size + self.ENTRY
        while self.used > self.budget:
            _, dropped = self.kept.popitem(last=False)
            self.used -= dropped.size + self.ENTRY


class ReplyResponse(Response):
    """A worker's answer: small ones from memory, large ones streamed from the spool file (then deleted). An answer
    from the cache (Answers) has the same headers as one a worker gave: a header saying which it is would tell any
    client whether someone else had asked the same query before."""

    def __init__(self, reply: Reply, spooled: Spooled | None = None, vary: bool = True) -> None:
        self.reply, self.spooled = reply, spooled
        headers = {"Content-Length": str(reply.size)}  # (and nosniff, as on every answer: limits.Limits)
        if vary:
            headers["Vary"] = "Accept"
        super().__init__(reply.body, status_code=reply.status, headers=headers, media_type=reply.media)
        self.headers["content-length"] = str(reply.size)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.reply.file is None:
            await super().__call__(scope, receive, send)
            return
        try:
            await send({"type": "http.response.start", "status": self.status_code, "headers": self.raw_headers})
            if scope["method"] != "HEAD":
                with open(self.reply.file, "rb") as f:
                    while chunk := f.read(64 * 1024):
                        await send({"type": "http.response.body", "body": chunk, "more_body": True})
            await send({"type": "http.response.body", "body": b""})
        finally:
            self.reply.file.unlink(missing_ok=True)
            if self.spooled is not None:
                self.spooled.release(self.reply)


def conditional(response: ReplyResponse, client: Request) -> Response:
    """A GET or HEAD answer carries a strong entity tag made of its media type and the digest of its bytes, which
    its worker took as it wrote them (worker.Spool; the store is read-only: the same request gives the same bytes
    while the server runs), and If-None-Match is evaluated against it (RFC 9110, 13.1.2): a match, or "*", is a 304
    with the tag and Vary, as 15.4.5 asks, and a spooled answer's file is deleted unsent. A crawler or a cache asking
    again for a resource's description, the ontology or the shapes then gets no body. Other methods' answers carry
    no tag."""
    reply = response.reply
    if client.method not in ("GET", "HEAD") or reply.status != 200 or not reply.digest:
        return response
    # the media type too: two representations with the same bytes (JSON as application/json and as SPARQL results)
    # are two representations, and a strong tag is unique across them (RFC 9110, 8.8.1)
    tag = '"' + hashlib.sha256(f"{reply.media}\n{reply.digest}".encode("utf-8")).hexdigest()[:32] + '"'
    response.headers["ETag"] = tag
    listed = [part.strip() for line in client.headers.getlist("if-none-match") for part in line.split(",")]
    if "*" not in listed and tag not in (part.removeprefix("W/") for part in listed):  # weak comparison (8.8.3.2)
        return response
    if reply.file is not None:  # not sent: deleted, and its share of the spool given back
        reply.file.unlink(missing_ok=True)
        if response.spooled is not None:
            response.spooled.release(reply)
    headers = {"ETag": tag}
    if "vary" in response.headers:
        headers["Vary"] = response.headers["vary"]
    return Response(status_code=304, headers=headers)


async def disconnected(client: Request) -> None:
    """Returns when the client has closed its connection (the server's `http.disconnect`); the request's body,
    if any, has been read before."""
    while (await client.receive())["type"] != "http.disconnect":
        pass


def charset(parameters: list[str]) -> str:
    """The charset parameter of a Content-Type header's parameters, lower case ("utf-8" when none is given)."""
    for parameter in parameters:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip('"').lower()
    return "utf-8"


class RefusedForm(ValueError):
    """A query string or form refused before it is read (the message is the 400's)."""


def form_fields(raw: bytes) -> dict[str, list[str]]:
    """The fields of a query string or of an application/x-www-form-urlencoded body, as parse_qsl reads them
    (fields split at "&", a name from its value at the first "=", "+" a space, an empty field skipped), their
    %-escapes and the bytes sent unescaped read as UTF-8 (RFC 3986, 2.5): UnicodeDecodeError where they are not,
    never a U+FFFD put in the query's place. Refused before any work (RefusedForm): more than MAX_FIELDS fields, and
    a "%" that starts no escape of two hex digits (RFC 3986, 2.1: a "%" itself is sent as %25), which parse_qsl
    keeps as it is, in Python, 0.4 s per MiB of them."""
    if raw.count(b"&") >= MAX_FIELDS:
        raise RefusedForm(f"Bad request: more than {MAX_FIELDS} fields in the query string or the form.")
    if MALFORMED_ESCAPE.search(raw):
        raise RefusedForm("Bad request: a % that starts no %-escape of two hex digits (RFC 3986, 2.1); "
                          "send a % itself as %25.")
    fields: dict[str, list[str]] = {}
    for part in raw.split(b"&"):
        if part:
            name, _, value = part.partition(b"=")
            fields.setdefault(form_text(name), []).append(form_text(value))
    return fields


def form_text(raw: bytes) -> str:
    """Decoded in C: every %-escape well formed (form_fields), each "%" becomes the "=" of a quoted-printable
    escape, and a "=" of the text its own escape, =3D, for binascii (16 ms per MiB of escapes, where
    urllib's unquote_to_bytes took 0.1 s, and 0.7 s the escaping of each byte past ASCII before it)."""
    return binascii.a2b_qp(raw.replace(b"+", b" ").replace(b"=", b"=3D").replace(b"%", b"=")).decode("utf-8")


def accept(request: Request) -> str | None:
    """The Accept header, its field lines joined by commas (RFC 9110, 5.3: repeated lines are one list); None when
    there is none. Starlette's `headers.get` gives the first line only."""
    lines = request.headers.getlist("accept")
    return ", ".join(lines) if lines else None


def fresh_each_run(query: str) -> bool:
    """The query may call a function whose value differs at each run (FRESH_EACH_RUN): its answer is never kept.
    A function of its own, so that the lower-cased copy of the text (as large as the text, four times its UTF-8 size
    past U+FFFF) is freed at once, not held while the query waits for a worker."""
    text = query.lower()
    return any(word in text for word in FRESH_EACH_RUN)


def is_file(path: Path) -> bool:
    """Path.is_file(), False for a name no file can have: Python 3.11's pathlib raises ENAMETOOLONG (a segment past
    255 bytes, which the routes' patterns let through) where it answers False for a missing file."""
    try:
        return path.is_file()
    except OSError:
        return False


def is_dir(path: Path) -> bool:
    """Path.is_dir(), False for a name no folder can have (as is_file)."""
    try:
        return path.is_dir()
    except OSError:
        return False


def error(status: int, message: str, **headers: str) -> PlainTextResponse:
    return PlainTextResponse(message.rstrip() + "\n", status_code=status, headers=headers or None)


def options(_: Request) -> Response:
    return Response(status_code=204, headers={"Allow": METHODS})


class only:
    """A route's handler taking every method (so that the static files mounted below never answer for its
    path), answering OPTIONS with the methods it serves (204 and Allow) and 405 with the same Allow header to
    the methods it does not serve."""

    def __init__(self, methods: list[str], handler: Callable[[Request], Awaitable[Response]]) -> None:
        self.methods, self.handler = methods, handler
        self.allowed = ", ".join(methods + ([] if "OPTIONS" in methods else ["OPTIONS"]))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        if request.method == "OPTIONS" and "OPTIONS" not in self.methods:
            response: Response = Response(status_code=204, headers={"Allow": self.allowed})
        elif request.method not in self.methods:
            response = error(405, f"Method not allowed: use {self.allowed}.", Allow=self.allowed)
        else:
            response = await self.handler(request)
        await response(scope, receive, send)


class Endpoint:
    def __init__(self, pool: Pool, dist: Path, max_body: int, spool_budget: int, cache_budget: int) -> None:
        self.pool, self.dist, self.max_body = pool, dist, max_body
        self.spooled = Spooled(spool_budget)
        self.answers = Answers(cache_budget)

    async def answer(self, request: dict, client: Request) -> Response:
        # a digest of the request, not the request: a 1 MiB query text must not be kept for a 26-byte answer
        key = hashlib.sha256(json.dumps(request, sort_keys=True).encode("utf-8")).digest()
        keep = not fresh_each_run(request.get("query", ""))
        kept = self.answers.get(key) if keep else None
        if kept is not None:
            return conditional(ReplyResponse(kept), client)
        running = asyncio.ensure_future(self.pool.run(request))
        gone = asyncio.ensure_future(disconnected(client))
        await asyncio.wait((running, gone), return_when=asyncio.FIRST_COMPLETED)
        # a body (a GET may have one, read here while its query runs) past the limit or too slow: not a client gone,
        # answered as any such body is, 413 or 408 (Limits), and the exception retrieved (else logged at collection)
        failure = gone.exception() if gone.done() and not gone.cancelled() else None
        if not running.done():  # the client went away: stop its query (Pool.run ends the worker) and answer no one
            running.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await running
            if isinstance(failure, (BodyTooLarge, BodyTimeout)):
                return self.refused_body(failure)
            return error(400, "Bad request: the connection closed before the answer was ready.")
        gone.cancel()
        if isinstance(failure, (BodyTooLarge, BodyTimeout)):
            if running.result().file is not None:
                running.result().file.unlink(missing_ok=True)
            return self.refused_body(failure)
        reply = self.spooled.admit(running.result())
        if keep:
            self.answers.put(key, reply)
        return conditional(ReplyResponse(reply, self.spooled), client)

    def refused_body(self, failure: Exception) -> Response:
        """A request body past the limit (413) or not received in time (408); the connection is closed."""
        if isinstance(failure, BodyTooLarge):
            return error(413, f"Request body too large: the limit is {self.max_body} bytes.", Connection="close")
        return error(408, str(failure), Connection="close")

    async def query(self, request: Request) -> Response:
        if request.method == "OPTIONS":
            return options(request)
        if request.method in ("GET", "HEAD"):
            try:
                params = form_fields(request.scope["query_string"])
            except UnicodeDecodeError:
                return error(400, NOT_UTF8)
            except RefusedForm as refused:
                return error(400, str(refused))
        else:
            kind, *parameters = [part.strip() for part in request.headers.get("content-type", "").split(";")]
            kind = kind.lower()
            try:
                body = await request.body()
            except (BodyTooLarge, BodyTimeout) as refused:
                return self.refused_body(refused)
            except ClientDisconnect:  # the client left before its body was sent: nothing to answer, no one to tell
                return error(400, "Bad request: the connection closed before the body was sent.", Connection="close")
            if kind == "application/sparql-update":
                return error(403, "Forbidden: this endpoint is read-only; updates are refused.")
            # RFC 9110, 8.4 and 15.5.16: a body in a content coding the server does not decode is a 415 naming the
            # codings it reads; a gzip body was read as the query text (400, not UTF-8), a "br" one answered as plain
            encodings = request.headers.getlist("content-encoding")
            if {coding.strip().lower() for line in encodings for coding in line.split(",")} - {"", "identity"}:
                return error(415, "Unsupported media type: the body has a Content-Encoding (gzip, br, ...); this "
                                  "endpoint reads a body only as it is (identity).", **{"Accept-Encoding": "identity"})
            if (declared := charset(parameters)) not in UTF8:
                return error(415, f"Unsupported media type: the body says charset={declared}; a SPARQL query is "
                                  "always UTF-8 (the IANA registration of application/sparql-query and the "
                                  "SPARQL 1.1 Protocol). Send it as UTF-8.")
            if kind not in ("application/x-www-form-urlencoded", "application/sparql-query"):
                return error(415, "Unsupported media type: send the query as application/sparql-query or as "
                                  "application/x-www-form-urlencoded (query=...).")
            try:
                # the URL's fields and the body's, together: a query or a graph in the URL is neither dropped in favour
                # of the body's nor overridden by it (two queries are a 400, below, as in a GET)
                params = form_fields(request.scope["query_string"])
                if kind == "application/x-www-form-urlencoded":
                    for name, values in form_fields(body).items():
                        params.setdefault(name, []).extend(values)
                else:  # the query is the body; the URL may hold the protocol's other parameters
                    params.setdefault("query", []).append(body.decode("utf-8"))
            except UnicodeDecodeError:
                return error(400, NOT_UTF8)
            except RefusedForm as refused:
                return error(400, str(refused))
        if "update" in params:
            return error(403, "Forbidden: this endpoint is read-only; updates are refused.")
        queries = params.get("query", [])
        if not queries:
            if request.method in ("GET", "HEAD") and not params:
                media = choose(accept(request), list(GRAPHS))
                if media is None:
                    return error(406, "Not acceptable: the service description is available as "
                                      + ", ".join(GRAPHS) + ".", Vary="Accept")
                try:
                    description = service_description(media, str(request.url).split("?", 1)[0])
                except ValueError:  # the URL, made with the Host header, is not an IRI ("Host: %")
                    return error(400, "Bad request: the Host header does not make the endpoint's URL an IRI.")
                # its IRIs are the URL asked for, Host included: a shared cache must not give one host's to another
                return Response(description, headers={"Vary": "Accept, Host"}, media_type=content_type(media))
            return error(400, "Bad request: no query. Send query=... (SPARQL 1.1 Protocol).")
        if len(queries) > 1:
            return error(400, "Bad request: more than one query parameter.")
        return await self.answer({"op": "query", "query": queries[0], "accept": accept(request),
                                  "default_graphs": params.get("default-graph-uri", []),
                                  "named_graphs": params.get("named-graph-uri", [])}, request)

    async def update(self, request: Request) -> Response:
        return error(403, "Forbidden: this endpoint is read-only; updates are refused.")

    async def describe(self, request: Request, iri: str, page: str | None, whole: str | None = None) -> Response:
        offered = (["text/html"] if page else []) + list(GRAPHS)
        media = choose(accept(request), offered)
        if media is None:
            return error(406, "Not acceptable: this resource is available as " + ", ".join(offered) + ".",
                         Vary="Accept")
        if media == "text/html":
            if not is_file(self.dist / page.lstrip("/")):  # type: ignore[union-attr]
                return error(404, f"Not found: {iri} is not described in this dataset.", Vary="Accept")
            return RedirectResponse(page, status_code=303, headers={"Vary": "Accept"})  # type: ignore[arg-type]
        return await self.answer({"op": "describe", "iri": iri, "accept": media, "whole": whole}, request)

    async def resource(self, request: Request) -> Response:
        # the whole decoded path: Starlette's route pattern ends in $, which also matches before a final line feed
        path = request.scope["path"].removeprefix("/resource/")
        part = EVIDENCE_PART.fullmatch(path)
        if not SLUG.fullmatch(path) and part is None:
            return error(404, "Not found.")
        page = f"/site/resource/{part.group(1) if part else path}.html"
        return await self.describe(request, f"{BASE}resource/{path}", page)

    async def ontology(self, request: Request) -> Response:
        return await self.describe(request, f"{BASE}ontology", "/site/ontology.html", whole="ontology")

    async def ontology_version(self, request: Request) -> Response:
        """https://w3id.org/ngo-fp/ontology/x.y.z, as the w3id rules answer it: 303 to that version's own file
        (ontology/x.y.z/, written by each build), never to another version's; 404 for a version not published."""
        version = request.scope["path"].removeprefix("/ontology/")  # whole, as in resource()
        if not VERSION.fullmatch(version) or not is_dir(self.dist / "ontology" / version):
            return error(404, f"Not found: version {version} of the ontology is not published here.")
        media = choose(accept(request), list(VERSION_FILES)) or "text/turtle"
        return RedirectResponse(f"/ontology/{version}/ngo-fp-ontology.{VERSION_FILES[media]}", status_code=303,
                                headers={"Vary": "Accept"})

    async def description(self, request: Request) -> Response:
        """The IRIs of the dataset descriptions (/dataset..., /catalog..., /agent/linked-data-team), as the w3id
        rules answer them: 303 to the VoID/DCAT file that describes them; the dataset IRI itself, the landing page's
        cite-as link, 303 to the RO-Crate metadata file for a client that asks for the RO-Crate profile, to the
        landing page for a client that asks for HTML (the PLOVER sample's IRI: to its own landing page)."""
        path = request.scope["path"]
        asked = accept(request) or ""
        # the two IRIs whose answer depends on Accept say so on every answer, the default one too (RFC 9110, 12.5.5)
        vary = {"Vary": "Accept"} if path in ("/dataset", "/dataset/plover-gsr") else None
        if path == "/dataset" and "w3id.org/ro/crate" in asked:
            return RedirectResponse("/" + crate.METADATA, status_code=303, headers=vary)
        if path == "/dataset" and "text/html" in asked:
            return RedirectResponse("/site/index.html", status_code=303, headers=vary)
        if path == "/dataset/plover-gsr" and "text/html" in asked:
            return RedirectResponse("/site/plover-gsr.html", status_code=303, headers=vary)
        if path == "/dataset/plover-gsr" or path.startswith("/dataset/plover-gsr/"):
            return RedirectResponse("/plover-gsr/void.ttl", status_code=303, headers=vary)
        return RedirectResponse("/void.ttl", status_code=303, headers=vary)

    async def dist_file(self, request: Request) -> Response:
        """https://w3id.org/ngo-fp/dist/<file>, the descriptions' download URLs: the file, served at /<file>; the
        query string is kept, as the w3id rule keeps it (the endpoint URL /dist/query?query=...). A POST (to the
        endpoint URL alone, as SPARQL's protocol allows) gets 307, which keeps its method and body, as the rule does."""
        query = request.scope["query_string"].decode("latin-1")
        # one leading slash, whatever the path holds: "//host/x" would be a protocol-relative URL, another site
        target = "/" + request.scope["path"].removeprefix("/dist/").lstrip("/\\")
        status = 307 if request.method == "POST" else 302
        return RedirectResponse(target + ("?" + query if query else ""), status_code=status)

    async def nanopub(self, request: Request) -> Response:
        """https://w3id.org/ngo-fp/nanopub/claim/<slug>, as the w3id rules answer it: 303 to the claim's nanopublication
        (TriG, scripts/publish/nanopubs.py); 404 for a claim that has none."""
        slug = request.scope["path"].removeprefix("/nanopub/claim/")  # whole, as in resource()
        target = f"/nanopub/claim/{slug}.trig"
        if not NANOPUB_SLUG.fullmatch(slug) or not is_file(self.dist / target.lstrip("/")):
            return error(404, f"Not found: {BASE}nanopub/claim/{slug} is not published here.")
        return RedirectResponse(target, status_code=303)

    async def shapes(self, request: Request) -> Response:
        """The shapes in the graph format asked for; a client that accepts none of them (a bare text/html) gets
        Turtle, as the w3id rule sends every client to the Turtle file."""
        media = choose(accept(request), list(GRAPHS)) or "text/turtle"
        return await self.answer({"op": "describe", "iri": f"{BASE}shapes", "accept": media, "whole": "shapes"},
                                 request)

    async def inferred_types(self, _: Request) -> Response:
        """The named graph of inferred types has no file of its own: as the w3id rule does, 303 to the page of
        queries that explains it."""
        return RedirectResponse("/site/queries.html", status_code=303)


class SignpostedFiles(StaticFiles):
    """dist/'s files; an HTML page also carries its FAIR Signposting links as a Link header (signposting.py), a
    Range header is read as RFC 9110 reads it (ranges.py), and the entity tag is the file's content (content_tag)."""

    def lookup_path(self, path: str) -> tuple[str, os.stat_result | None]:
        """Starlette's lookup, which it runs in a worker thread: the file's digest is taken here too, off the event
        loop (a 9 MB dump takes about 20 ms). A file gone before it is read is not found."""
        full_path, stat_result = super().lookup_path(path)
        if stat_result is not None and stat.S_ISREG(stat_result.st_mode):
            try:
                content_tag(full_path, stat_result)
            except OSError:
                return "", None
        return full_path, stat_result

    def file_response(self, full_path: PathLike, stat_result: os.stat_result, scope: Scope,
                      status_code: int = 200) -> Response:
        response = RangedFile(full_path, status_code=status_code, stat_result=stat_result,
                              headers={"etag": content_tag(full_path, stat_result)})
        if self.is_not_modified(response.headers, Headers(scope=scope)):
            return NotModifiedResponse(response.headers)
        return response

    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        file = getattr(response, "path", None)
        # a file only under its own path: Starlette finds it under other spellings too (/site/index.html/, with a
        # final slash it drops; //host/../site/index.html, which it normalizes), where the page's relative links,
        # and the Link header resolved against the path as sent, would point under it or to another host (and each
        # spelling would take a place of its own in signposting's cache)
        if file and scope["path"].removeprefix(scope.get("root_path", "")) != "/" + path.replace(os.sep, "/"):
            return error(404, "Not found.")
        if response.status_code == 200 and file and str(file).endswith(".html"):
            links = for_page(Path(file), scope["path"])
            if links:
                response.headers["Link"] = links
        if file:
            if "content-type" in response.headers and (media := file_type(Path(file))):
                response.headers["content-type"] = media
        if file and Path(file).name == crate.METADATA and "content-type" in response.headers:
            response.headers["content-type"] = crate.MEDIA_TYPE  # JSON-LD, not the plain JSON its .json suggests
        return response


def content_tag(path: PathLike, stat_result: os.stat_result) -> str:
    """A published file's strong entity tag: the first 128 bits of its SHA-256 (the digest dist/SHA256SUMS gives the
    dumps), kept while the file's inode, size and modification time stay. Starlette's tag was made of the
    modification time and the size, so a rebuild that wrote the same bytes again changed every tag, and a cache or
    a crawler downloaded them all again. (The build replaces a file, never rewrites it in place: a new inode.)"""
    return '"' + file_digest(os.fspath(path), stat_result.st_ino, stat_result.st_size, stat_result.st_mtime_ns)[:32] + '"'


@functools.lru_cache(maxsize=4096)
def file_digest(path: str, inode: int, size: int, mtime_ns: int) -> str:
    return describe.sha256(Path(path))


def file_type(path: Path) -> str | None:
    """A published file's media type as the dataset's description gives it (describe.MEDIA_TYPES), not as the
    host's mime.types does: without /etc/mime.types, Python knows no .ttl, .nt or .jsonld, and no host has .ris or
    .graphml (they were served as application/octet-stream). None for a file the table does not name."""
    media = describe.MEDIA_TYPES.get(path.name) or describe.MEDIA_TYPES.get(path.suffix.lstrip("."))
    return None if media is None else media + ("; charset=utf-8" if media.startswith("text/") else "")


def service_description(media: str, base: str) -> bytes:
    """The SPARQL service description (service-description.ttl, whose IRIs are relative to the endpoint's URL,
    `base`) in one of the graph formats: the file itself as Turtle, absolute IRIs in the others."""
    if media == "text/turtle":
        return SERVICE_DESCRIPTION.read_bytes()
    quads = ox.parse(SERVICE_DESCRIPTION.read_bytes(), ox.RdfFormat.TURTLE, base_iri=base)
    return ox.serialize(quads, format=getattr(ox.RdfFormat, GRAPHS[media]))


def create(pool: Pool, dist: Path, max_body: int, spool_budget: int, cache_budget: int = 32 * 1024 * 1024) -> Starlette:
    endpoint = Endpoint(pool, dist, max_body, spool_budget, cache_budget)

    @contextlib.asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        await pool.start()
        yield
        await pool.close()

    async def home(_: Request) -> Response:
        return RedirectResponse("/site/index.html", status_code=302)

    read = ["GET", "HEAD"]
    routes = [
        Route("/", only(read, home)),
        Route("/site", only(read, home)),  # the site's folder, with or without its slash: its home page
        Route("/site/", only(read, home)),
        Route("/query", only(["GET", "HEAD", "POST", "OPTIONS"], endpoint.query)),
        Route("/update", only(["GET", "HEAD", "POST"], endpoint.update)),
        Route("/resource/{path:path}", only(read, endpoint.resource)),
        Route("/ontology", only(read, endpoint.ontology)),
        Route("/ontology/{version:version}", only(read, endpoint.ontology_version)),
        Route("/shapes", only(read, endpoint.shapes)),
        Route("/graph/inferred-types", only(read, endpoint.inferred_types)),
        Route("/nanopub/claim/{slug:nanopub}", only(read, endpoint.nanopub)),
        Route("/dataset", only(read, endpoint.description)),
        Route("/dataset/{rest:path}", only(read, endpoint.description)),
        Route("/catalog", only(read, endpoint.description)),
        Route("/catalog/{rest:path}", only(read, endpoint.description)),
        Route("/agent/linked-data-team", only(read, endpoint.description)),
        Route("/dist/query", only([*read, "POST"], endpoint.dist_file)),  # void.ttl's endpoint URL: SPARQL POSTs too
        Route("/dist/{rest:path}", only(read, endpoint.dist_file)),
        Mount("/", SignpostedFiles(directory=dist, follow_symlink=False)),
    ]
    cors = Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "HEAD", "POST", "OPTIONS"],
                      allow_headers=["Accept", "Content-Type"], max_age=86400)
    return Starlette(routes=routes, middleware=[cors], lifespan=lifespan)
