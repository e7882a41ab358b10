"""Each attack of issue 11, against the real server (`python -m scripts.serve` on 127.0.0.1, with tight limits
so the tests are quick): unread large answers with the server's memory measured, oversize and malformed
bodies, SERVICE to a local listener that must see no request, runaway queries answered with an error status
in about the time limit, slow clients while a normal client is served, symlinks, a busy port, and stopping."""
from __future__ import annotations

import asyncio
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

import pytest

from endpoint_client import (JSON, alive, descendants, get_query, post_direct, post_form, raw, request, rss_bytes,
                             status_of)
from scripts.serve import Server, free_port
from scripts.serve.limits import GuardedH11

ROOT = Path(__file__).resolve().parent.parent
LIMIT_S = 8
HEAD_TIMEOUT_S = 2
IO_TIMEOUT_S = 3
MAX_BODY = 64 * 1024
MAX_ANSWER_MB = 50
MiB = 2**20
SMALL = "SELECT ?s WHERE { ?s a <https://w3id.org/ngo-fp/ontology#ResearchCentre> }"


def values(n: int) -> str:
    """19,000 triples n times: about 6.5 MB of JSON results per n, whatever the size of the graph."""
    return ("SELECT * WHERE { { SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 19000 } VALUES ?k { "
            + " ".join(str(i) for i in range(n)) + " } }")


@pytest.fixture(scope="module")
def site(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of dist/ with a symlink pointing out of it (to /etc/passwd) and one pointing inside it."""
    copy = tmp_path_factory.mktemp("abuse") / "dist"
    shutil.copytree(dist, copy, symlinks=True)
    (copy / "site" / "passwd.html").symlink_to("/etc/passwd")
    (copy / "site" / "home.html").symlink_to(copy / "site" / "index.html")
    return copy


@pytest.fixture(scope="module")
def server(site: Path):
    with Server(site, port=free_port(), timeout_s=LIMIT_S, workers=2, head_timeout_s=HEAD_TIMEOUT_S,
                io_timeout_s=IO_TIMEOUT_S, max_body_kb=MAX_BODY // 1024, max_answer_mb=MAX_ANSWER_MB) as running:
        yield running


def healthy(server: Server, within: float = 2.0) -> None:
    """A normal client is answered, correctly and quickly."""
    start = time.monotonic()
    # a comment no other request has: never answered from the cache of repeated queries, always by a worker
    answer = get_query(server.url, f"{SMALL}\n# {time.monotonic_ns()}", timeout=within + 5)
    elapsed = time.monotonic() - start
    assert answer.status == 200 and answer.type == JSON and b"turksam" in answer.body
    assert elapsed < within, f"a normal query took {elapsed:.2f} s"


def post_head(query: bytes, extra: str = "") -> bytes:
    return (f"POST /query HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: {JSON}\r\nContent-Type: application/sparql-query\r\n"
            f"Content-Length: {len(query)}\r\n{extra}\r\n").encode() + query


# --- memory: answers streamed from a capped spool, never held whole ---------------------------------------

def test_unread_large_answers_keep_the_server_small(server: Server) -> None:
    clients = 4
    query = values(6).encode()  # about 39 MB each
    before = rss_bytes(server.pid)
    socks, sizes = [], []
    for _ in range(clients):
        sock = socket.create_connection(("127.0.0.1", server.port), timeout=30)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        sock.sendall(post_head(query))
        socks.append(sock)
    peak = before
    for sock in socks:  # read the status line and headers only, never the body
        head = b""
        while b"\r\n\r\n" not in head:
            head += sock.recv(1)
            peak = max(peak, rss_bytes(server.pid)) if len(head) % 64 == 0 else peak
        assert status_of(head) == 200, head
        sizes.append(int(next(line.split(b":")[1] for line in head.split(b"\r\n") if line.lower().startswith(b"content-length"))))
    deadline = time.monotonic() + IO_TIMEOUT_S + 1
    while time.monotonic() < deadline:
        peak = max(peak, rss_bytes(server.pid))
        time.sleep(0.1)
    assert sum(sizes) > 140 * MiB, sizes  # what the clients asked for and do not read
    assert peak - before < 40 * MiB, f"the server grew by {(peak - before) / MiB:.0f} MiB"
    # the server gave up on them (write timeout): each got far less than its answer, then the connection closed
    for sock, size in zip(socks, sizes):
        got = 0
        sock.settimeout(10)
        try:
            while chunk := sock.recv(1 << 20):
                got += len(chunk)
        except (ConnectionResetError, TimeoutError):
            pass
        sock.close()
        assert got < size / 2
    healthy(server)


def test_an_answer_over_the_cap_is_an_error_not_a_cut_answer(server: Server) -> None:
    answer = post_direct(server.url, values(10))  # about 58 MB > 50 MB
    assert answer.status == 507 and answer.type == "text/plain"
    assert b"too large" in answer.body and b"{" not in answer.body


# --- request bodies ------------------------------------------------------------------------------------------

def test_declared_oversize_body_is_413_before_it_is_read(server: Server) -> None:
    start = time.monotonic()
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                     b"Content-Length: 300000000\r\n\r\nSELECT")
        reply = sock.recv(4096)
    assert status_of(reply) == 413 and time.monotonic() - start < 2
    # answered before the application's CORS layer sees it, and still readable by a browser's script
    assert b"\r\naccess-control-allow-origin: *\r\n" in reply.lower()


def test_chunked_oversize_body_is_413(server: Server) -> None:
    chunk = b"# " + b"x" * 16380 + b"\n"
    body = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(8)) + b"0\r\n\r\n"  # 128 KiB > 64 KiB
    head = (b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n")
    try:
        reply = raw(server.port, head + body, timeout=10)
    except (BrokenPipeError, ConnectionResetError):  # the server may close before we finish sending
        pytest.fail("no answer to an oversize chunked body")
    assert status_of(reply) == 413


@pytest.mark.parametrize("length", ["-1", "abc", "1e11", "99999999999999999999999"])
def test_malformed_content_length_is_answered(server: Server, length: str) -> None:
    start = time.monotonic()
    reply = raw(server.port, f"POST /query HTTP/1.1\r\nHost: x\r\nContent-Length: {length}\r\n\r\nASK{{}}".encode(),
                timeout=10)
    assert status_of(reply) in (400, 413), reply[:200]
    assert time.monotonic() - start < 3


def test_a_body_that_never_comes_is_408(server: Server) -> None:
    start = time.monotonic()
    with socket.create_connection(("127.0.0.1", server.port), timeout=IO_TIMEOUT_S + 10) as sock:
        sock.sendall(post_head(b"ASK {}", "")[:-6] + b"AS")  # 2 of the 6 bytes announced
        reply = sock.recv(4096)
    assert status_of(reply) == 408
    assert IO_TIMEOUT_S - 0.5 < time.monotonic() - start < IO_TIMEOUT_S + 3


def test_a_body_sent_a_byte_at_a_time_is_408_at_the_deadline(server: Server) -> None:
    """The whole body must come within the read timeout: a byte now and then (each within the timeout) does
    not keep the connection, and what it would hold, for ever (1,000 bytes at one a second: 17 minutes)."""
    start = time.monotonic()
    with socket.create_connection(("127.0.0.1", server.port), timeout=IO_TIMEOUT_S + 10) as sock:
        sock.sendall(post_head(b"#" * 1000)[:-1000])  # the head of a 1,000-byte body
        sock.setblocking(False)
        reply = b""
        while not reply and time.monotonic() - start < IO_TIMEOUT_S + 5:
            try:
                sock.send(b"#")
                reply = sock.recv(4096)
            except BlockingIOError:
                time.sleep(0.5)
            except (BrokenPipeError, ConnectionResetError):
                break
    assert status_of(reply) == 408, reply[:100]
    assert IO_TIMEOUT_S - 0.5 < time.monotonic() - start < IO_TIMEOUT_S + 2


def test_a_client_that_leaves_mid_body_leaves_no_traceback_in_the_log(server: Server) -> None:
    for _ in range(3):
        with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
            sock.sendall(post_head(b"ASK {}" + b" " * 94)[:-98])  # 2 of the 100 bytes announced, then gone
            time.sleep(0.2)
    time.sleep(0.5)
    healthy(server)
    server.log.seek(0)
    log = server.log.read()
    assert "Traceback" not in log and "Exception in ASGI application" not in log, log[-2000:]


def test_a_body_that_is_not_utf8_is_400(server: Server) -> None:
    assert request(f"{server.url}/query", "POST", b"ASK { \xff }", Content_Type="application/sparql-query").status == 400


def test_a_form_is_read_as_parse_qsl_reads_it() -> None:
    """form_fields splits and decodes a form as urllib's parse_qsl (what it replaced: escaping each byte past ASCII
    first cost 0.7 s per MiB, in the event loop), on 30,000 random forms of the pieces that matter; a "%" that
    starts no escape, which parse_qsl keeps as it is, is refused."""
    import random
    import re

    from scripts.serve.app import RefusedForm, form_fields

    pieces = [b"a", b"=", b"&", b"+", b"%", b"%41", b"%c3%a9", b"%zz", b" ", b"%2B", b"%26", b"%3D", b"\n", b"%C3", b"%A9"]
    rng = random.Random(7)
    for _ in range(30_000):
        form = b"".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        if form.count(b"&") < 100 and re.search(rb"%(?![0-9A-Fa-f]{2})", form):
            with pytest.raises(RefusedForm, match="starts no %-escape"):
                form_fields(form)
            continue
        want: dict[str, list[str]] | str = {}
        try:
            for name, value in urllib.parse.parse_qsl(form.decode(), keep_blank_values=True, errors="strict"):
                want.setdefault(name, []).append(value)  # type: ignore[union-attr]
        except UnicodeDecodeError:
            want = "not UTF-8"
        try:
            got: dict[str, list[str]] | str = form_fields(form)
        except UnicodeDecodeError:
            got = "not UTF-8"
        assert got == want, form
    assert form_fields("query=café&x=%E2%82%AC".encode()) == {"query": ["café"], "x": ["€"]}  # sent unescaped too


def test_a_form_with_too_many_fields_is_400(server: Server) -> None:
    """Past 100 fields a form is refused before it is read (350,000 empty ones took 0.25 s of the event loop)."""
    many = b"query=ASK%7B%7D" + b"&a=" * 100
    answer = request(f"{server.url}/query", "POST", many, Content_Type="application/x-www-form-urlencoded")
    assert answer.status == 400 and b"more than 100 fields" in answer.body
    answer = request(f"{server.url}/query?" + many.decode())
    assert answer.status == 400 and b"more than 100 fields" in answer.body
    assert request(f"{server.url}/query?query=ASK%7B%7D" + "&a=" * 98).status == 200


def test_a_large_form_body_is_answered(server: Server) -> None:
    """A large form body, escaped or sent as raw UTF-8, is read (in C: binascii's quoted-printable decoder)."""
    query = "ASK { FILTER (\"" + "é" * 9_000 + "\" != \"\") }"
    for body in (b"query=" + query.encode(), ("query=" + urllib.parse.quote(query)).encode()):
        assert 16 * 1024 < len(body) < MAX_BODY
        answer = request(f"{server.url}/query", "POST", body, Content_Type="application/x-www-form-urlencoded",
                         Accept="application/sparql-results+json")
        assert answer.status == 200 and b"true" in answer.body, answer.body[:200]


def test_a_percent_that_starts_no_escape_is_400(server: Server) -> None:
    """RFC 3986 (2.1) sends a "%" itself as %25: one that starts no escape is refused before the form is read (kept
    as it is, such "%"s cost 0.4 s per MiB of them, in Python)."""
    for body in (b"query=ASK%7B%7D%", b"query=ASK%7B%7D%zz", b"query=" + b"%" * 60_000):
        answer = request(f"{server.url}/query", "POST", body, Content_Type="application/x-www-form-urlencoded")
        assert answer.status == 400 and b"%25" in answer.body, answer.body[:200]
    assert request(f"{server.url}/query?query=ASK%7B%7D%25").status == 400  # a syntax error, read as "%"
    assert request(f"{server.url}/query?query=ASK%7B%7D%2").status == 400


def test_a_body_in_too_many_pieces_is_dropped(server: Server) -> None:
    """A chunked body of 1-byte chunks under the body limit held the event loop about 6 µs a chunk (5.8 s for a
    MiB, every other request waiting): past 4,096 pieces the connection is dropped, and others are served."""
    chunks = b"1\r\n \r\n" * 5_000
    payload = (b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
               b"Transfer-Encoding: chunked\r\n\r\n3\r\nASK\r\n2\r\n{}\r\n" + chunks + b"0\r\n\r\n")
    try:
        reply = raw(server.port, payload, timeout=10)
    except ConnectionResetError:
        reply = b""
    assert status_of(reply) != 200, reply[:200]
    few = b"1\r\n \r\n" * 100
    reply = raw(server.port, payload.replace(chunks, few).replace(b"Host: x\r\n", b"Host: x\r\nConnection: close\r\n"),
                timeout=10)
    assert status_of(reply) == 200, reply[:200]
    healthy(server)


def test_chunk_extensions_count_against_a_limit(server: Server) -> None:
    """h11 reads a chunk's extensions (`1;xxx...`) and throws them away: 300 one-byte chunks with 14 KiB of
    extension each were 4 MiB read for a 300-byte body (4,096 of them, 57 MiB). Past the bytes a request's head, a
    body at the limit and its framing could take, the connection is dropped; modest extensions are still read."""
    head = (b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nConnection: close\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n3\r\nASK\r\n2\r\n{}\r\n")
    padded = b"".join(b"1;x=" + b"x" * 14_000 + b"\r\n \r\n" for _ in range(300))
    try:
        reply = raw(server.port, head + padded + b"0\r\n\r\n", timeout=10)
    except (BrokenPipeError, ConnectionResetError):
        reply = b""
    assert status_of(reply) != 200, reply[:200]
    modest = b"".join(b"1;name=value\r\n \r\n" for _ in range(300))
    assert status_of(raw(server.port, head + modest + b"0\r\n\r\n", timeout=10)) == 200
    healthy(server)

@pytest.mark.parametrize("host", ["%", "%zz"])
def test_a_host_that_makes_no_iri_is_400_for_the_service_description(server: Server, host: str) -> None:
    """The service description's IRIs are made from the URL asked for, Host included: one that is not an IRI was a
    500 and a traceback in the log (Turtle, written as the file is, was not affected)."""
    reply = raw(server.port, f"GET /query HTTP/1.1\r\nHost: {host}\r\nAccept: application/n-triples\r\n"
                             "Connection: close\r\n\r\n".encode(), timeout=10)
    assert status_of(reply) == 400, reply[:300]
    server.log.seek(0)
    assert "Exception in ASGI application" not in server.log.read()


# --- SERVICE: no outbound requests ----------------------------------------------------------------------------

@pytest.fixture
def listener():
    """A local listener that records every connection made to it."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    sock.settimeout(0.2)
    seen: list[bytes] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(1)
                try:
                    seen.append(conn.recv(4096))
                except OSError:
                    seen.append(b"")
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n\r\n"
                             b'{"head":{"vars":[]},"results":{"bindings":[{}]}}')

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{sock.getsockname()[1]}/sparql", seen
    stop.set()
    thread.join()
    sock.close()


FEDERATED = [
    "SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "select * where {{ service silent <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ ?x a ?c OPTIONAL {{ SELECT * WHERE {{ SERVICE <{url}> {{ ?x ?p ?o }} }} }} }} LIMIT 1",
    "ASK {{ FILTER EXISTS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
    "SELECT * WHERE {{ BIND(<{url}> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}",
    "CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}> {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
    # read otherwise by rdflib than by Oxigraph: a comment ended by a carriage return (Oxigraph's reading, and
    # the grammar's), and escapes that open a long string for rdflib only
    "SELECT ?leak WHERE {{\n# x\rSERVICE <{url}> {{ ?s ?p ?leak }}\n}}",
    'SELECT * WHERE {{ BIND("\\u0022" AS ?a)\n SERVICE <{url}> {{ ?s ?p ?o }}\n BIND("\\u0022" AS ?b) }}',
    'SELECT * WHERE {{ # \\u000A BIND("""\n SERVICE <{url}> {{ ?s ?p ?o }}\n # """ AS ?x) }}',
]


@pytest.mark.parametrize("send", [get_query, post_form, post_direct], ids=["GET", "POST form", "POST direct"])
def test_service_is_refused_and_nothing_goes_out(server: Server, listener, send) -> None:
    url, seen = listener
    assert len(FEDERATED) == 10
    for template in FEDERATED:
        answer = send(server.url, template.format(url=url))
        assert answer.status == 400, (template, answer.body)
        assert b"SERVICE" in answer.body
    time.sleep(0.5)
    assert seen == []


def test_query_workers_have_no_network(listener) -> None:
    """The second line of defence: a worker cannot connect anywhere, whatever a query makes Oxigraph try."""
    url, seen = listener
    port = int(url.split(":")[2].split("/")[0])
    code = ("import socket, sys\n"
            "from scripts.serve.worker import isolate\n"
            "assert isolate()\n"
            "try:\n"
            f"    socket.create_connection(('127.0.0.1', {port}), timeout=2)\n"
            "except OSError as err:\n"
            "    sys.exit(f'refused: {err}')\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).resolve().parent.parent,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "refused: " in done.stderr, (done.returncode, done.stderr)
    time.sleep(0.3)
    assert seen == []


def test_a_bad_graph_iri_is_400(server: Server) -> None:
    for params in ({"default-graph-uri": "not an iri"}, {"named-graph-uri": "<x>"}, {"default-graph-uri": ""}):
        answer = request(f"{server.url}/query?" + urllib.parse.urlencode({"query": SMALL, **params}), Accept=JSON)
        assert answer.status == 400 and b"graph-uri" in answer.body, (params, answer.status, answer.body)


def test_a_query_past_the_memory_cap_is_told_so(site: Path) -> None:
    """A query whose strings double 40 times reaches the per-query memory cap within a second or two: Oxigraph's
    allocation fails and Rust aborts the worker (SIGABRT). The answer says the memory limit stopped it (it said the
    engine had crashed), and the next query is served."""
    doubling = 'SELECT (STRLEN(?v40) AS ?n) WHERE { BIND("xxxxxxxxxxxxxxxx" AS ?v0) ' + " ".join(
        f"BIND(CONCAT(?v{i}, ?v{i}) AS ?v{i + 1})" for i in range(40)) + " }"
    with Server(site, port=free_port(), timeout_s=10, workers=1, memory_mb=64) as small:
        answer = get_query(small.url, doubling, timeout=30)
        assert answer.status == 503 and b"more memory than the endpoint allows" in answer.body, answer.body
        assert b"crashed" not in answer.body
        time.sleep(1.5)  # the worker is replaced
        assert get_query(small.url, SMALL).status == 200


def test_a_stopped_query_leaves_no_spool_file_and_a_crash_is_told(site: Path, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A query stopped at the time limit while its answer was being spooled leaves no file behind; a query that
    crashes the engine is answered as such, and the next query is served."""
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    slow = ('SELECT ?a ?c ?f WHERE { ?a ?b ?c . ?d ?e ?f FILTER(SHA512(CONCAT(STR(?c), STR(?f))) < "08") }')
    with Server(site, port=free_port(), timeout_s=2, workers=1) as small:
        [spool] = tmp_path.glob("ngo-fp-serve-*/spool")
        answer = get_query(small.url, slow, timeout=30)
        assert answer.status == 503 and b"timed out" in answer.body
        time.sleep(1.5)  # the worker is replaced
        assert [p for p in spool.rglob("*") if p.is_file()] == []
        # a crash of the engine (deep nesting did it before it was refused): the kernel's signal, sent by hand
        from concurrent.futures import ThreadPoolExecutor
        with ThreadPoolExecutor(1) as pool:
            pending = pool.submit(get_query, small.url, slow + " # crashed", timeout=30)
            time.sleep(0.5)
            children = Path(f"/proc/{small.pid}/task/{small.pid}/children").read_text().split()
            assert len(children) == 1, children  # the one query worker
            os.kill(int(children[0]), signal.SIGSEGV)
            answer = pending.result()
        assert answer.status == 503, answer.status
        assert b"crashed" in answer.body and b"memory" not in answer.body, answer.body
        time.sleep(1.5)
        assert get_query(small.url, SMALL).status == 200


def test_deep_nesting_is_refused_before_the_engine_sees_it(site: Path) -> None:
    """Brackets nested past MAX_NESTING are a 400 (5,000 parentheses crashed a worker, 400 nested collections
    too); up to the limit the query runs; comments, strings and IRIs hide no brackets from the count."""
    from scripts.serve.service import MAX_NESTING, nesting

    def parens(depth: int) -> str:  # ASK's braces and FILTER's parentheses are two levels
        return "ASK { FILTER(" + "(" * (depth - 2) + "true" + ")" * (depth - 2) + ") }"

    assert nesting(parens(MAX_NESTING)) == MAX_NESTING
    assert nesting('ASK { "(((" # (((\n }') == 1
    assert nesting("ASK { '''(((''' " + '"""((("""' + r" '(\'(' }") == 1
    assert nesting("ASK { <urn:x#> ((( }") == 4  # the # of an IRI starts no comment
    assert nesting("ASK { FILTER(1<((((1))))>0) }") == 6  # a less-than, not an IRI: counted all the same
    assert nesting(")))(((") == 3
    # a prefixed name's escaped # or quote starts no comment or string, nor does the # of an IRI with a \u escape
    # (read as one, they hid what followed: 5,000 parentheses after them crashed a worker)
    def behind_escape(depth: int) -> list[str]:  # each query's brackets nest `depth` deep
        inner = "(" * (depth - 1) + "1" + ")" * (depth - 2)
        return [rf"PREFIX ex: <http://e/> ASK {{ ?s ?p ex:a\# FILTER{inner}) }}",
                rf"ASK {{ ?s ?p <http://e/\u0041#> FILTER{inner}) }}",
                rf"PREFIX ex: <http://e/> ASK {{ ?s ?p ex:a\' FILTER{inner} || 'x') }}",
                rf"PREFIX ex: <http://e/> ASK {{ ?s ?p ex:a\( FILTER{inner}) }}"]

    assert [nesting(q) for q in behind_escape(4)] == [4, 4, 4, 4]
    assert [nesting(q) for q in behind_escape(5000)] == [5000] * 4
    with Server(site, port=free_port()) as server:
        assert get_query(server.url, parens(MAX_NESTING)).status == 200
        for query in behind_escape(MAX_NESTING):
            assert get_query(server.url, query).status == 200, query
        for query in (parens(MAX_NESTING + 1), parens(5000), "ASK { ?s ?p " + "( " * 400 + "1" + " )" * 400 + " }",
                      *behind_escape(MAX_NESTING + 1), *behind_escape(5000)):
            answer = post_direct(server.url, query)
            assert answer.status == 400, answer.status
            assert b"nest" in answer.body, answer.body


def test_the_answer_cache_counts_what_its_entries_hold() -> None:
    """Many distinct large queries with tiny answers: the cache keeps a digest of each request, not its text,
    and charges each entry's own cost to the budget, so it stays near its budget whatever the queries."""
    import tracemalloc

    from scripts.serve.app import Answers, Endpoint
    from scripts.serve.pool import Reply

    class Pool:
        async def run(self, request: dict) -> Reply:
            return Reply(200, "application/sparql-results+json", b'{"head":{},"boolean":true}', None, 26)

    class Client:  # a client that stays connected
        method = "POST"  # (no conditional GET: app.conditional)

        async def receive(self) -> dict:
            await asyncio.Event().wait()
            return {}

    budget = 1024 * 1024
    endpoint = Endpoint(Pool(), Path("."), MAX_BODY, budget, budget)  # type: ignore[arg-type]
    padding = "x" * 100_000

    async def ask_all() -> None:
        for n in range(2000):
            await endpoint.answer({"op": "query", "query": f"ASK {{}} # {n} {padding}", "accept": JSON},
                                  Client())  # type: ignore[arg-type]

    tracemalloc.start()
    asyncio.run(ask_all())
    held, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert 0 < len(endpoint.answers.kept) <= budget // (26 + Answers.ENTRY)
    assert held < 4 * budget, held


def test_the_word_service_elsewhere_is_not_refused(server: Server) -> None:
    """Decided by parsing: a variable, a string or an IRI that spells 'service' is fine."""
    query = ('SELECT ?service WHERE { BIND("SERVICE <http://127.0.0.1:1/> { }" AS ?service) '
             '?x <https://example.org/service> ?y } ')
    answer = post_direct(server.url, query)
    assert answer.status == 200, answer.body


# --- the time limit is a limit --------------------------------------------------------------------------------

RUNAWAY = [
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
    "SELECT ?a ?d WHERE { ?a ?b ?c . ?d ?e ?c2 } ORDER BY ?c ?c2",
]


@pytest.mark.parametrize("query", RUNAWAY, ids=["cartesian count", "order by a cartesian join"])
def test_runaway_query_is_stopped_in_about_the_limit(server: Server, query: str) -> None:
    workers_before = set(descendants(server.pid))
    assert len(workers_before) == 2
    result: dict = {}

    def runaway() -> None:
        start = time.monotonic()
        result["answer"] = post_form(server.url, query)
        result["elapsed"] = time.monotonic() - start

    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.5)
    served = 0
    while thread.is_alive():  # other clients are served meanwhile
        healthy(server, within=3.0)
        served += 1
        time.sleep(0.2)
    thread.join()
    answer = result["answer"]
    assert answer.status == 503 and answer.type == "text/plain"
    assert b"was stopped" in answer.body or b"Query stopped" in answer.body
    assert result["elapsed"] < LIMIT_S + 2.5
    if "COUNT" in query:  # stopped by the clock (the ORDER BY may hit the per-query memory cap first)
        assert b"time limit" in answer.body and result["elapsed"] > LIMIT_S - 0.2
    # other clients were served meanwhile: about every 0.2 s while the clock ran; a query stopped earlier by the
    # memory cap (how soon depends on the machine) leaves time for fewer, but never none
    assert served >= (3 if b"time limit" in answer.body else 1)
    # the query really stopped: its worker process is gone, and a fresh one took its place
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        now = set(descendants(server.pid))
        if len(now) == 2 and now != workers_before:
            break
        time.sleep(0.2)
    assert len(now) == 2 and len(workers_before - now) == 1
    assert not any(alive(pid) for pid in workers_before - now)


def test_a_query_whose_client_went_away_is_stopped(server: Server) -> None:
    """A client that closes its connection mid-query frees its worker within the grace of pool.GRACE_S (the
    worker is ended and replaced), rather than leaving the query to run to the time limit."""
    workers_before = set(descendants(server.pid))
    assert len(workers_before) == 2
    query = urllib.parse.quote(RUNAWAY[0] + f" # {time.monotonic_ns()}")
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(f"GET /query?query={query} HTTP/1.1\r\nHost: x\r\nAccept: {JSON}\r\n\r\n".encode())
        time.sleep(1.0)  # the query runs
    left = time.monotonic()
    while time.monotonic() - left < 5:
        now = set(descendants(server.pid))
        if len(now) == 2 and now != workers_before:
            break
        time.sleep(0.1)
    assert len(workers_before - now) == 1 and time.monotonic() - left < 4, "the worker ran on"
    assert not any(alive(pid) for pid in workers_before - now)
    healthy(server)
    server.log.seek(0)
    assert "its client went away" in server.log.read()


def test_a_client_that_leaves_a_quick_query_costs_no_worker(server: Server) -> None:
    """Sending a query and closing at once, which anyone can do many times a second, costs no worker: the answer
    comes within the grace, is dropped and the worker kept. (Each such request used to end its worker, and a
    restart costs 1.3 s of CPU: 80 requests in 20 s ended 24 workers.)"""
    workers_before = set(descendants(server.pid))
    assert len(workers_before) == 2
    for _ in range(20):
        with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
            sock.sendall(f"GET /query?query=ASK%7B%7D%23{time.monotonic_ns()} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    time.sleep(2)
    assert set(descendants(server.pid)) == workers_before
    healthy(server)


def test_answers_whose_clients_left_leave_no_spool_file(site: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A spooled answer whose client leaves as it is finished is deleted: a finished answer stays in its worker's
    folder until the server reads it (and deletes it if its client is gone), and the folder goes with the worker.
    (The worker used to move it out first: one in 16 such clients left its file behind, out of the spool's count.)"""
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    query = "SELECT * WHERE { ?s ?p ?o } LIMIT 1000"
    with Server(site, port=free_port(), workers=2) as small:
        [spool] = tmp_path.glob("ngo-fp-serve-*/spool")
        start = time.monotonic()
        assert post_direct(small.url, query + " # timing").status == 200
        first_byte = time.monotonic() - start
        for i in range(40):
            with socket.create_connection(("127.0.0.1", small.port), timeout=10) as sock:
                body = f"{query} # {i} {time.monotonic_ns()}".encode()
                sock.sendall(f"POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                             f"Accept: {JSON}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body)
                time.sleep(first_byte * (0.5 + i / 40 * 0.6))
        time.sleep(2)
        assert [p for p in spool.rglob("*") if p.is_file()] == []
        assert post_direct(small.url, query).status == 200


def test_a_spooled_answer_not_sent_for_a_304_leaves_no_file_and_gives_its_share_back(
        site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Conditional GET of an answer written to a spool file (the ontology's 117 KB): its 304 deletes the file unsent
    and gives its share of the spool back. 40 of them in a spool of 1 MiB: had the shares been kept, the ninth
    answer would have been a 503."""
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    with Server(site, port=free_port(), workers=2, spool_mb=1) as small:
        [spool] = tmp_path.glob("ngo-fp-serve-*/spool")
        first = request(f"{small.url}/ontology", Accept="text/turtle")
        assert first.status == 200 and len(first.body) > 100_000
        for _ in range(40):
            again = request(f"{small.url}/ontology", Accept="text/turtle", If_None_Match=first.headers["etag"])
            assert again.status == 304, again.body[:200]
        assert request(f"{small.url}/ontology", Accept="text/turtle").body == first.body
        time.sleep(0.5)
        assert [p for p in spool.rglob("*") if p.is_file()] == []


def test_error_answers_show_no_internal_address_or_path(server: Server) -> None:
    answers = [post_direct(server.url, "SELECT * WHERE { ?s ?p }"), post_direct(server.url, values(10)),
               request(f"{server.url}/nothing/here"), request(f"{server.url}/query", "PUT")]
    assert [a.status for a in answers] == [400, 507, 404, 405]
    for answer in answers:
        text = answer.body.decode("utf-8", "replace") + str(answer.headers)
        assert "127.0.0.1" not in text and "/tmp" not in text and "ngo-fp-serve" not in text
        assert "server" not in answer.headers


# --- slow clients ---------------------------------------------------------------------------------------------

def test_a_connection_holds_one_head_deadline_whatever_it_has_served() -> None:
    """Each answered request re-arms the deadline for the next request head, cancelling the previous timer: a
    timer left per past request kept that request's objects alive for the whole timeout, and the garbage
    collector's pauses then grew with the traffic (p99 of 100 ms at 32 clients)."""
    loop = asyncio.new_event_loop()
    try:
        protocol = GuardedH11.__new__(GuardedH11)
        protocol.loop, protocol.cycle = loop, None
        timers = []
        for _ in range(3):
            protocol._arm_head_deadline()
            timers.append(protocol._head_deadline)
        assert [t.cancelled() for t in timers] == [True, True, False]
        protocol._disarm_head_deadline()
        assert timers[-1].cancelled()
    finally:
        loop.close()


def test_a_pipelined_request_is_answered_past_the_head_deadline(server: Server) -> None:
    """A request pipelined behind another (its head sent with the first one's) is answered however long it takes.
    The head deadline was armed as each answer ended, after uvicorn had already started the pipelined request: the
    connection was closed HEAD_TIMEOUT_S later, in the middle of that request (its query stopped, no answer; a large
    answer being sent was cut short under its 200). Here it waits for a worker: both are held by runaway queries."""
    def runaway() -> None:
        post_form(server.url, RUNAWAY[0] + f" # {time.monotonic_ns()}")

    threads = [threading.Thread(target=runaway) for _ in range(2)]
    for thread in threads:
        thread.start()
    time.sleep(0.5)  # both workers busy
    waits = urllib.parse.quote(f"{SMALL} # {time.monotonic_ns()}")
    first = b"OPTIONS /query HTTP/1.1\r\nHost: x\r\n\r\n"  # answered at once, by no worker
    reply = raw(server.port, first + f"GET /query?query={waits} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                .encode(), timeout=30)
    for thread in threads:
        thread.join()
    assert reply.count(b"HTTP/1.1 ") == 2, reply[:600]  # 200, or 503 if no worker came back within its wait
    second = b"HTTP/1.1 " + reply.split(b"HTTP/1.1 ")[-1]
    assert status_of(second) in (200, 503), second[:300]


def test_slow_clients_do_not_stop_a_normal_client(server: Server) -> None:
    slow = []
    for i in range(300):
        sock = socket.create_connection(("127.0.0.1", server.port), timeout=10)
        sock.sendall(b"POST /query HTTP/1.1\r\nHost: x\r\nContent-")  # a head that never ends
        slow.append(sock)
    start = time.monotonic()
    while time.monotonic() - start < HEAD_TIMEOUT_S - 0.5:
        healthy(server, within=1.0)
        for sock in slow[:50]:
            try:
                sock.send(b"x")  # a byte now and then, as slowloris does
            except OSError:
                pass
        time.sleep(0.2)
    time.sleep(2)  # past the head deadline: the server has closed them all
    closed = 0
    for sock in slow:
        sock.settimeout(2)
        try:
            closed += sock.recv(100) == b""
        except (ConnectionResetError, TimeoutError):
            closed += 1
        sock.close()
    assert closed == 300
    healthy(server)


# --- files: no listing, no symlink out of dist/, no traceback on odd paths ------------------------------------

def test_symlinks_out_of_dist_are_not_followed(server: Server) -> None:
    out = request(f"{server.url}/site/passwd.html")
    assert out.status == 404 and b"root:" not in out.body
    assert request(f"{server.url}/site/home.html").status == 200  # a link that stays inside is fine


def test_a_file_is_not_a_folder(server: Server) -> None:
    """/site/index.html/ was the page, with its relative links and its Link header's targets under a folder that
    does not exist."""
    for path in ("/site/index.html/", "/site/index.html//", "/ngo-fp.ttl/", "/site/index.html/x/../"):
        reply = request(f"{server.url}{path}")
        assert reply.status == 404 and "link" not in {k.lower() for k in reply.headers}, (path, reply.status)
    assert request(f"{server.url}/site/index.html").status == 200


@pytest.mark.parametrize("path", ["//evil.example/../site/index.html", "//evil.example/%2e%2e/site/index.html",
                                  "/site/./index.html", "/site/index.html/.", "/site/index.html/%2e",
                                  "/x/../site/index.html", "/site//index.html"])
def test_a_file_is_served_under_its_own_path_only(server: Server, path: str) -> None:
    """Starlette finds a file under other spellings of its path (it normalizes them): the page was served with its
    Link header resolved against the path as sent, so //evil.example/../site/index.html pointed its signposts at
    //evil.example/void.ttl, and each spelling took a place in the header cache (4,096 long ones: 384 MiB). Only the
    file's own path serves it (audit of the endpoint, round 4)."""
    reply = raw(server.port, f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode(), timeout=10)
    head = reply.split(b"\r\n\r\n")[0].lower()
    assert status_of(reply) == 404 and b"\r\nlink:" not in head, (path, reply[:300])
    assert b"evil.example" not in reply
    own = raw(server.port, b"GET /site/index.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", timeout=10)
    assert status_of(own) == 200 and b"\r\nlink: <" in own.split(b"\r\n\r\n")[0].lower()
    assert b"\r\nx-content-type-options: nosniff" in own.split(b"\r\n\r\n")[0].lower()


@pytest.mark.parametrize("head", [
    b"GET /query HTTP/1.1\r\nHost: x\r\nAccept: text/turtle\r\n",  # the service description
    b"GET /dist/void.ttl HTTP/1.1\r\nHost: x\r\n",  # a redirect
    b"GET /no-such-file HTTP/1.1\r\nHost: x\r\n",  # the static files' 404
    b"DELETE /query HTTP/1.1\r\nHost: x\r\n",  # the app's own error text (405)
    b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999999\r\n",  # Limits' 413, before the app
    b"GET /query HTTP/1.2\r\nHost: x\r\n",  # the protocol's 505, before Limits
    b"GET /query HTTP/1.1\r\n",  # uvicorn's own 400 (no Host: RFC 9112, 3.2)
])
def test_every_answer_says_it_is_not_to_be_sniffed(server: Server, head: bytes) -> None:
    """X-Content-Type-Options: nosniff on every answer, not only on the workers' answers and the files: the service
    description, redirects, the static 404 and the error texts lacked it (endpoint11)."""
    reply = raw(server.port, head + b"Connection: close\r\n\r\n", timeout=10)
    assert b"\r\nx-content-type-options: nosniff" in reply.split(b"\r\n\r\n")[0].lower(), reply[:400]


def test_a_worker_gives_back_the_memory_of_a_query_it_answered(server: Server) -> None:
    """A query that needs a few hundred MiB and answers a few bytes left its worker holding that memory, idle
    (106 -> 440 MiB each; glibc keeps freed memory): the worker returns it after the answer (worker.memory_giver)."""
    before = rss_bytes(server.pid)
    binds = " ".join(f"BIND(CONCAT(?x{i}, ?x{i}) AS ?x{i + 1})" for i in range(6))
    for run in range(3):  # each text its own (no answer from the cache), each maybe on another worker
        answer = post_form(server.url, f"# {run} {time.monotonic_ns()}\nSELECT (STRLEN(GROUP_CONCAT(?x6)) AS ?n) "
                                       f"WHERE {{ ?s ?p ?o . BIND(CONCAT(STR(?s), STR(?p)) AS ?x0) {binds} }}")
        assert answer.status == 200, answer.body[:300]
    time.sleep(0.5)
    assert rss_bytes(server.pid) < before + 150 * 1024 * 1024, (before >> 20, rss_bytes(server.pid) >> 20)


def test_websocket_upgrades_are_ignored_without_a_log_line(server: Server) -> None:
    """uvicorn, with no WebSocket library installed, wrote two warnings for every `Upgrade: websocket` request (a
    client could fill the log); WebSockets are turned off (ws="none"), so the request is answered as plain HTTP."""
    before = os.path.getsize(server.log.name)
    for _ in range(20):
        reply = raw(server.port, b"GET /void.ttl HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade, close"
                    b"\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n", timeout=10)
        assert status_of(reply) == 200, reply[:200]
    time.sleep(0.3)
    assert os.path.getsize(server.log.name) == before
    healthy(server)


@pytest.mark.parametrize("path", ["/site/%00", "/site/index.html%00.png", "/%2e%2e/%2e%2e/etc/passwd",
                                  "/site/../../../../etc/passwd", "/site/" + "a" * 5000])
def test_odd_paths_are_plain_404(server: Server, path: str) -> None:
    reply = raw(server.port, f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode(), timeout=10)
    assert status_of(reply) in (404, 414, 400), reply[:200]
    assert b"root:" not in reply and b"Traceback" not in reply


# --- start and stop -------------------------------------------------------------------------------------------

def serve_dirs() -> set[Path]:
    return {p for p in Path(tempfile.gettempdir()).glob("ngo-fp-serve-*") if p.is_dir()}


def test_a_busy_port_is_one_clear_line_and_nothing_left(site: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        dirs = serve_dirs()
        run = subprocess.run([sys.executable, "-m", "scripts.serve", "--port", str(port), "--dist", str(site)],
                             cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert run.returncode == 1
    assert run.stdout == ""
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and f"127.0.0.1:{port}" in lines[0] and "PORT=" in lines[0], run.stderr
    assert serve_dirs() == dirs


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "Ctrl-C"])
def test_a_signal_stops_everything_and_removes_the_store(site: Path, sig: signal.Signals) -> None:
    before = serve_dirs()
    with Server(site, port=free_port(), workers=2) as running:
        workers = descendants(running.pid)
        made = serve_dirs() - before
        assert len(workers) == 2 and len(made) == 1 and (next(iter(made)) / "store.nq").is_file()
        assert running.proc is not None
        os.kill(running.pid, sig)
        assert running.proc.wait(timeout=15) == 0
    assert not any(alive(pid) for pid in workers)
    assert not any(path.exists() for path in made)


def test_large_answers_in_flight_are_capped_in_total(site: Path) -> None:
    """Slow readers cannot fill the disk with spooled answers: past the budget, large answers are 503."""
    with Server(site, port=free_port(), workers=2, spool_mb=30, io_timeout_s=IO_TIMEOUT_S) as small:
        query = values(4).encode()  # about 26 MB
        holder = socket.create_connection(("127.0.0.1", small.port), timeout=30)
        holder.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        holder.sendall(post_head(query))
        head = b""
        while b"\r\n\r\n" not in head:
            head += holder.recv(1)
        assert status_of(head) == 200
        second = post_direct(small.url, query.decode())
        assert second.status == 503 and b"large answers" in second.body
        assert get_query(small.url, SMALL).status == 200  # small answers are not affected
        time.sleep(IO_TIMEOUT_S + 2)  # the holder stopped reading: dropped, and its share released
        holder.close()
        third = post_direct(small.url, query.decode())
        assert third.status == 200 and third.body.rstrip().endswith(b"}")


def test_a_client_reading_a_large_answer_a_trickle_at_a_time_is_dropped(site: Path) -> None:
    """Each write makes progress (no write timeout), but the answer comes far slower than the least rate: the
    client is dropped at the answer's deadline (io timeout + size / rate) and its spooled share released, so
    that a few such clients cannot keep every large answer refused for hours. A client reading at its own
    pace gets the whole answer."""
    rate = 2 * MiB
    with Server(site, port=free_port(), workers=2, spool_mb=10, io_timeout_s=IO_TIMEOUT_S,
                min_rate_kb=rate // 1024) as small:
        query = values(1).encode()  # about 6.5 MB
        whole = post_direct(small.url, query.decode())
        assert whole.status == 200 and whole.body.rstrip().endswith(b"}")
        trickle = socket.create_connection(("127.0.0.1", small.port), timeout=30)
        trickle.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        trickle.sendall(post_head(query))
        start, got, dropped = time.monotonic(), 0, False
        while time.monotonic() - start < 30:
            try:
                chunk = trickle.recv(16 * 1024)  # 16 KiB every 0.1 s: at most 160 KiB/s
            except ConnectionResetError:
                dropped = True
                break
            if not chunk:
                dropped = True
                break
            got += len(chunk)
            time.sleep(0.1)
        elapsed = time.monotonic() - start
        trickle.close()
        assert dropped and got < len(whole.body) / 2, (got, elapsed)
        assert elapsed < IO_TIMEOUT_S + len(whole.body) / rate + 3, elapsed
        assert post_direct(small.url, query.decode()).status == 200  # its share of the spool is free again


def test_connections_past_the_cap_are_closed_at_once(site: Path) -> None:
    with Server(site, port=free_port(), workers=2, max_connections=20, head_timeout_s=HEAD_TIMEOUT_S) as capped:
        socks = [socket.create_connection(("127.0.0.1", capped.port), timeout=5) for _ in range(30)]
        time.sleep(0.5)  # well within the head deadline: only the connections past the cap are closed
        readable, _, _ = select.select(socks, [], [], 0)
        closed = 0
        for sock in readable:
            try:
                closed += sock.recv(1) == b""
            except ConnectionResetError:
                closed += 1
        assert closed == 10
        for sock in socks:
            sock.close()
        time.sleep(0.5)
        assert get_query(capped.url, SMALL).status == 200


def test_the_folder_of_a_killed_server_is_removed_by_the_next(dist: Path, tmp_path: Path, monkeypatch) -> None:
    """A SIGKILL leaves the server's working folder (its store copy and spool) in the temporary folder; the next
    server removes it, and only folders whose server is gone."""
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    alive = tmp_path / f"ngo-fp-serve-{os.getpid()}-x"  # a running process's folder stays
    alive.mkdir()
    with Server(dist, port=free_port()) as first:
        folders = set(tmp_path.glob("ngo-fp-serve-*")) - {alive}
        assert len(folders) == 1
        first.proc.kill()
        first.proc.wait()
    assert folders <= set(tmp_path.glob("ngo-fp-serve-*"))
    with Server(dist, port=free_port()):
        now = set(tmp_path.glob("ngo-fp-serve-*"))
        assert not folders & now and alive in now and len(now) == 2
    assert set(tmp_path.glob("ngo-fp-serve-*")) == {alive}


def test_a_request_head_too_large_is_431(server: Server) -> None:
    """A request head still incomplete past h11's 16 KiB is refused with 431 (RFC 6585, 5), the status h11 gives
    it (uvicorn answered 400); an ordinary bad head is still 400, and the server goes on answering. (Here 20 KB
    of head, sent without its end; a head of 200 KB may meet a reset instead, closed with the rest unread.)"""
    huge = f"GET /query?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\nX-Big: {'a' * 20_000}".encode()
    try:
        reply = raw(server.port, huge, timeout=10)
    except (BrokenPipeError, ConnectionResetError):
        pytest.fail("no answer to an oversize head")
    assert status_of(reply) == 431, reply[:200]
    assert status_of(raw(server.port, b"GET / HTTP/1.1\r\nHost x\r\n\r\n", timeout=10)) == 400
    assert request(f"{server.url}/query?query=ASK%7B%7D").status == 200


def test_a_whole_head_too_large_in_one_read_is_431_too(server: Server) -> None:
    """h11 measures only a head it is still waiting for; one that arrives whole (70 KB of one header field, found
    by probing: answered 200) is measured by the server and refused the same way, and the next request is served."""
    huge = f"GET /site/index.html HTTP/1.1\r\nHost: x\r\nX-Big: {'a' * 70_000}\r\n\r\n".encode()
    assert status_of(raw(server.port, huge, timeout=10)) == 431
    below = f"GET /site/index.html HTTP/1.1\r\nHost: x\r\nX-Big: {'a' * 8_000}\r\nConnection: close\r\n\r\n".encode()
    assert status_of(raw(server.port, below, timeout=10)) == 200


@pytest.mark.parametrize("path", ["/dist//evil.example.com/x", "/dist/%2F%2Fevil.example.com",
                                  "/dist/%5C%5Cevil.example.com", "/dist/%5C/evil.example.com"])
def test_dist_redirects_stay_on_this_site(server: Server, path: str) -> None:
    """/dist/<file> redirects to /<file> with one leading slash: "//evil.example.com/x" would be a protocol-relative
    URL, another site for a browser (found by probing)."""
    answer = raw(server.port, f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode(), timeout=10)
    assert status_of(answer) == 302
    location = next(line.split(b":", 1)[1].strip() for line in answer.split(b"\r\n")
                    if line.lower().startswith(b"location:"))
    assert location.startswith(b"/") and location[1:2] not in (b"/", b"\\"), location
    assert urllib.parse.urlsplit(urllib.parse.urljoin(f"{server.url}/dist/x", location.decode())).netloc == \
        urllib.parse.urlsplit(server.url).netloc


def test_an_unsupported_function_is_the_query_s_error(server: Server) -> None:
    """A function Oxigraph does not know is an error of the query (400), not of the server (it was 500)."""
    answer = get_query(server.url, "SELECT (<http://example.org/f>(1) AS ?x) {}")
    assert answer.status == 400 and b"not supported" in answer.body, (answer.status, answer.body)


def test_a_quality_that_is_no_number_accepts_nothing() -> None:
    """q=NaN is no qvalue (RFC 9110, 12.4.2): that range accepts nothing, and the others still choose."""
    from scripts.serve.negotiate import choose, parse_accept
    assert parse_accept("application/json;q=NaN, text/csv;q=0.1") == [("application/json", 0.0), ("text/csv", 0.1)]
    assert choose("application/sparql-results+json;q=NaN, text/csv;q=0.1",
                  ["application/sparql-results+json", "text/csv"]) == "text/csv"
    assert parse_accept("text/csv;q=inf")[0][1] == 0.0


def test_long_operator_chains_run_or_are_refused_never_crash_a_worker(server: Server) -> None:
    """Chains recurse in the engine without a bracket: 10,000 `!` crashed a worker's 8 MiB stack (SIGSEGV, found by
    probing); on the workers' own stack they are answered, and a query past MAX_TOKENS tokens is refused (400), a
    chain hidden between a `<` and a `>` (an IRI to a naive reader, a less-than to the engine) included."""
    from scripts.serve.service import MAX_TOKENS, tokens
    assert tokens("ASK { FILTER(" + "!" * 10 + "true) }") == 17
    assert tokens('SELECT * { ?s <http://e/a-b> "x y z" . } # a b c') == 9
    assert tokens("ASK { FILTER(1<" + "!" * 10 + "true>0) }") == 19
    answer = post_direct(server.url, "ASK { FILTER(" + "!" * 10_000 + "true) }")  # 3 ms once it does not crash
    assert answer.status == 200, (answer.status, answer.body[:200])
    # 8,000 terms crash a thread with an 8 MiB stack (measured; 5,000 do not); the engine takes time quadratic in
    # them (2,500: 0.5 s, 5,000: 1.8 s, 10,000: 7.3 s on a quiet machine), so a loaded one may reach the time
    # limit: that answer is allowed, a crash is not
    answer = post_direct(server.url, "SELECT (" + "+".join(["1"] * 8_000) + " AS ?x) {}")
    assert answer.status == 200 or (answer.status == 503 and b"timed out" in answer.body), \
        (answer.status, answer.body[:200])
    for query in ("ASK { FILTER(" + "!" * MAX_TOKENS + "true) }", "ASK { FILTER(1<" + "!" * MAX_TOKENS + "true>0) }"):
        answer = post_direct(server.url, query)
        assert answer.status == 400 and b"tokens" in answer.body, (answer.status, answer.body[:200])
    assert get_query(server.url, "ASK { ?s ?p ?o }").status == 200


# --- framing, request targets, log lines, long names, negotiation, waiting queries ---------------------------

def test_a_request_with_both_transfer_encoding_and_content_length_closes_its_connection(server: Server) -> None:
    """RFC 9112, 6.1: a server MAY reject a request with both Transfer-Encoding and Content-Length, or frame it by
    Transfer-Encoding alone; "Regardless, the server MUST close the connection after responding to such a request"
    (the request-smuggling precondition behind a proxy that frames by Content-Length). h11 framed it by its chunks and
    kept the connection open: the request pipelined behind it was answered too."""
    smuggled = (b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                b"Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n5\r\nASK{}\r\n0\r\n\r\n"
                b"GET /query?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n\r\n")
    reply = raw(server.port, smuggled, timeout=10)
    assert reply.count(b"HTTP/1.1 ") == 1, reply[:600]
    assert status_of(reply) == 400
    healthy(server)


@pytest.mark.parametrize("version", [b"2.0", b"3.0", b"0.9"])
def test_a_request_in_another_major_version_of_http_is_505(server: Server, version: bytes) -> None:
    """RFC 9110, 15.6.6: 505 for a major version the server does not support, with a text that says which it does;
    h11 reads any digit.digit and served HTTP/2.0 as if it were 1.1 (found by probing: 200). A higher minor version
    (HTTP/1.2) is read as 1.1 (RFC 9112, 2.3)."""
    head = b"GET /query?query=ASK%7B%7D HTTP/" + version + b"\r\nHost: x\r\nConnection: close\r\n\r\n"
    reply = raw(server.port, head, timeout=10)
    assert status_of(reply) == 505 and b"HTTP/1.1" in reply.partition(b"\r\n\r\n")[2], reply[:300]
    newer = raw(server.port, b"GET /query?query=ASK%7B%7D HTTP/1.2\r\nHost: x\r\nConnection: close\r\n\r\n", timeout=10)
    assert status_of(newer) == 200
    healthy(server)


@pytest.mark.parametrize("coding", [b"gzip, chunked", b"identity", b"chunked\r\nTransfer-Encoding: chunked"])
def test_a_transfer_coding_other_than_chunked_is_501(server: Server, coding: bytes) -> None:
    """RFC 9112, 6.1: "A server that receives a request message with a transfer coding it does not understand SHOULD
    respond with 501 (Not Implemented)", the status h11 gives it; uvicorn answered every such head 400."""
    reply = raw(server.port, b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                b"Transfer-Encoding: " + coding + b"\r\n\r\n5\r\nASK{}\r\n0\r\n\r\n", timeout=10)
    assert status_of(reply) == 501 and b"chunked" in reply.partition(b"\r\n\r\n")[2], reply[:300]
    healthy(server)


def test_unreadable_heads_write_no_log_line(server: Server) -> None:
    """uvicorn logged "Invalid HTTP request received." for every head h11 refuses (here: no Host, RFC 9112 3.2), so
    any client could fill the log, as it could with the WebSocket warnings: the 400 is the whole answer."""
    time.sleep(0.3)
    before = os.path.getsize(server.log.name)
    for _ in range(20):
        assert status_of(raw(server.port, b"GET / HTTP/1.1\r\n\r\n", timeout=10)) == 400
    time.sleep(0.3)
    assert os.path.getsize(server.log.name) == before
    healthy(server)


@pytest.mark.parametrize("path, accept", [
    ("/resource/organization/" + "a" * 300, "text/html"),
    ("/nanopub/claim/" + "a" * 300, "application/trig"),
    ("/ontology/1.2." + "1" * 300, "text/turtle"),
])
def test_a_name_too_long_for_the_file_system_is_404_without_a_log_line(server: Server, path: str, accept: str) -> None:
    """The routes' patterns bound the characters of a slug, not its length; Python 3.11's Path.is_file() raised
    ENAMETOOLONG past 255 bytes: a 500 and a 46-line traceback (with dist's absolute path) in the log per request."""
    time.sleep(0.3)
    before = os.path.getsize(server.log.name)
    answer = request(server.url + path, Accept=accept)
    assert answer.status == 404, (answer.status, answer.body[:200])
    time.sleep(0.3)
    assert os.path.getsize(server.log.name) == before


def test_an_accept_header_in_several_lines_is_one_list(server: Server) -> None:
    """RFC 9110, 5.3: repeated field lines are one list, joined by commas; only the first Accept line was read."""
    query = urllib.parse.quote("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 1")
    reply = raw(server.port, f"GET /query?query={query} HTTP/1.1\r\nHost: x\r\nAccept: text/csv\r\n"
                             "Accept: application/n-triples\r\nConnection: close\r\n\r\n".encode(), timeout=10)
    assert status_of(reply) == 200 and b"content-type: application/n-triples" in reply.lower(), reply[:300]
    reply = raw(server.port, b"GET /resource/organization/turksam HTTP/1.1\r\nHost: x\r\nAccept: "
                             b"application/sparql-results+json\r\nAccept: text/html\r\nConnection: close\r\n\r\n",
                timeout=10)
    assert status_of(reply) == 303 and b"/site/resource/organization/turksam.html" in reply, reply[:300]


@pytest.mark.parametrize("path", ["/dataset", "/dataset/plover-gsr"])
def test_every_answer_of_a_negotiated_dataset_iri_varies_on_accept(server: Server, path: str) -> None:
    """RFC 9110, 12.5.5: the 303 to the VoID file depends on Accept as much as the one to the landing page does."""
    for accept in ("text/html", "text/turtle", ""):
        answer = request(server.url + path, Accept=accept)
        assert answer.status == 303, accept
        assert "accept" in answer.headers.get("vary", "").lower(), (accept, answer.headers)


def test_queries_waiting_for_a_worker_are_bounded_in_bytes() -> None:
    """A waiting query is held as a str (4 bytes a character once one is past U+FFFF), and only their number was
    bounded (max_waiting, 256): 100 queries of 1 MiB waiting made the server grow by 760 MiB. Past max_waiting_bytes
    in all, the next one is refused at once, as past max_waiting; one query alone is never refused for its size."""
    from scripts.serve.pool import Pool

    async def main() -> None:
        pool = Pool(0, Path("store"), Path("spool"), Path("shapes"), 1, 1, 1.0, 256, max_waiting_bytes=MiB * 5 // 2)
        big = {"op": "query", "query": "ASK {} # " + "x" * MiB}
        waiting = [asyncio.ensure_future(pool.run(big)) for _ in range(2)]
        await asyncio.sleep(0.05)
        start = time.monotonic()
        refused = await pool.run(big)
        assert refused.status == 503 and b"too many queries are waiting" in refused.body
        assert time.monotonic() - start < 0.5
        small = await pool.run({"op": "query", "query": "ASK {}"})  # within the budget: waits for a worker
        assert small.status == 503 and b"no query worker was free" in small.body
        for each in waiting:
            assert (await each).status == 503
        assert pool.waiting == 0 and pool.waiting_bytes == 0
        alone = Pool(0, Path("store"), Path("spool"), Path("shapes"), 1, 1, 0.2, 256, max_waiting_bytes=1024)
        assert b"no query worker was free" in (await alone.run(big)).body

    asyncio.run(main())


def test_a_get_whose_body_is_too_large_is_413_and_leaves_no_traceback(server: Server) -> None:
    """A GET's body is read while its query runs (to see the client leave): past the limit (chunked, so that no
    Content-Length tells it first) Limits raised BodyTooLarge in that reading task, which the endpoint took for a
    client gone: 400 "the connection closed before the answer was ready", the query stopped with its worker, and
    "Task exception was never retrieved" with a traceback in the log, for each such request."""
    time.sleep(0.3)
    before = os.path.getsize(server.log.name)
    query = urllib.parse.quote(f"{RUNAWAY[0]} # {time.monotonic_ns()}")
    body = b"x" * (MAX_BODY + 1024)
    start = time.monotonic()
    reply = raw(server.port, f"GET /query?query={query} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                .encode() + b"%x\r\n" % len(body) + body + b"\r\n0\r\n\r\n", timeout=LIMIT_S + 5)
    assert status_of(reply) == 413, reply[:300]
    assert time.monotonic() - start < LIMIT_S / 2
    time.sleep(1.5)
    with open(server.log.name, "rb") as log:
        log.seek(before)
        assert b"never retrieved" not in log.read()
    healthy(server)


@pytest.mark.parametrize("target", [b"http://[::1/query", b"https://[/site/index.html", b"http://]/query"])
def test_an_absolute_form_target_that_is_no_url_is_400_without_a_traceback(server: Server, target: bytes) -> None:
    """urlsplit raises ValueError on a bracket that opens no IPv6 address; raised from h11's next_event inside
    data_received it was asyncio's "Fatal error: protocol.data_received() call failed" with a 23-line traceback in the
    log, and the connection dropped without an answer (RFC 9112, 3.2: an invalid request-target is a 400)."""
    time.sleep(0.3)
    before = os.path.getsize(server.log.name)
    reply = raw(server.port, b"GET " + target + b" HTTP/1.1\r\nHost: x\r\n\r\n", timeout=10)
    assert status_of(reply) == 400, reply[:200]
    time.sleep(0.3)
    assert os.path.getsize(server.log.name) == before
    healthy(server)


@pytest.mark.parametrize("target", [b"?query=ASK%7B%7D", b"query", b"*", b"127.0.0.1:80"])
def test_a_target_in_neither_origin_nor_absolute_form_is_400(server: Server, target: bytes) -> None:
    """RFC 9112, 3.2: a GET's target starts with "/" (origin form) or is an absolute URI; "*" is for OPTIONS alone,
    host:port for CONNECT alone. `?query=...` was answered 307 with a Location built from the Host header."""
    reply = raw(server.port, b"GET " + target + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", timeout=10)
    assert status_of(reply) == 400, reply[:200]
    healthy(server)
