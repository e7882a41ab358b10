"""A query worker: one process that answers one request at a time from its in-memory copy of the store.

Queries run in worker processes so that a query over the time limit is really stopped: the server ends
the process (SIGKILL) and starts a fresh one. Oxigraph's own timeout does not interrupt every query, and
a thread cannot be stopped from outside. Each worker's memory is capped (RLIMIT_AS), so a query that
would use more fails in its worker alone. Requests are answered on a thread of its own with a stack of
service.STACK_BYTES: Oxigraph's parser and evaluator recurse once per operator of a chain, and the main thread's
8 MiB overflowed (SIGSEGV) on queries service.py now lets through (it refuses longer ones).

Protocol (pipes to the server): the server writes one JSON line per request; the worker answers with one
JSON line {status, type, size, file, message}, followed by `size` bytes of body when `file` is null (small
answers) or with the body in `file`, a spool file the server streams to the client and deletes. Answers
larger than the cap are not sent at all: the worker stops writing and answers 507.

    python -m scripts.serve.worker STORE_NQ SPOOL_DIR SHAPES_FILE MAX_ANSWER_BYTES MEMORY_LIMIT_BYTES
"""
from __future__ import annotations

import ctypes
import hashlib
import json
import os
import resource
import signal
import sys
import threading
import uuid
import xml.parsers.expat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Callable

import pyoxigraph as ox

from . import service
from .negotiate import GRAPHS, RESULTS, choose, content_type
from ..paths import SAMPLE_DATASET
from .store import INFERRED, as_written, open_in_memory


def asserted_description(iri: str) -> str:
    """A resource's description as published (the dumps have no blank nodes, so its triples are those whose subject
    it is): the default graph without the inferred types, which store.py also keeps in a named graph of their own;
    for a resource of the PLOVER sample, which is in its named graph only, that graph's."""
    return (f"CONSTRUCT {{ <{iri}> ?p ?o }} WHERE {{ {{ <{iri}> ?p ?o "
            f"FILTER NOT EXISTS {{ GRAPH <{INFERRED}> {{ <{iri}> ?p ?o }} }} }} "
            f"UNION {{ GRAPH <{SAMPLE_DATASET}> {{ <{iri}> ?p ?o }} FILTER NOT EXISTS {{ <{iri}> ?any ?thing }} }} }}")


XML = {"XML", "RDF_XML"}  # the formats (negotiate.py's names) whose answers are checked to be well-formed
# what Oxigraph's writers say of an answer their format cannot hold at all: JSON-LD and an RDF 1.2 triple term;
# RDF/XML and a predicate that is one of its own syntax terms (rdf:li, rdf:Description, rdf:about...), which was a 500
CANNOT_HOLD = ("does not support", "reserved syntax term is not allowed")
INLINE = 64 * 1024  # answers up to this size travel through the pipe; larger ones through a spool file


class TooLarge(Exception):
    pass


class Spool:
    """A write-only byte sink that keeps small answers in memory, spills larger ones to a file, and
    refuses to grow past `cap` bytes."""

    def __init__(self, directory: Path, cap: int) -> None:
        self.directory, self.cap = directory, cap
        self.buffer = bytearray()
        self.file: BinaryIO | None = None
        self.path: Path | None = None
        self.size = 0
        self.too_large = False
        self.digest = hashlib.sha256()  # of the answer's bytes, for its entity tag (app.conditional)

    def write(self, data: bytes) -> int:
        n = len(data)
        if self.size + n > self.cap:
            self.too_large = True
            raise TooLarge()
        self.size += n
        self.digest.update(data)
        if self.file is None and self.size <= INLINE:
            self.buffer += data
            return n
        if self.file is None:
            self.path = self.directory / f"{uuid.uuid4().hex}.part"
            self.file = open(self.path, "wb")
            self.file.write(self.buffer)
            self.buffer = bytearray()
        self.file.write(data)
        return n

    def flush(self) -> None:
        pass

    def close(self) -> None:
        """The answer is complete. Its file stays in this worker's folder: the server moves it out when it reads the
        answer (pool.py, Worker.ask), and deletes the folder with whatever it holds when it replaces the worker, so
        that an answer nobody reads (its client gone, its time up) is never left behind."""
        if self.file is not None:
            self.file.close()

    def discard(self) -> None:
        self.close()
        if self.path is not None:
            self.path.unlink(missing_ok=True)


class IllFormed(Exception):
    pass


class WellFormed:
    """A sink in front of a Spool that reads what is written as XML (expat, with namespaces) and stops at the first
    thing that is not well-formed. Oxigraph's XML writers do not escape what XML 1.0 cannot hold: a control
    character in a literal (`"\\u0001"`), or a predicate IRI that RDF/XML cannot write as an element name
    (`<http://example.org/1>` becomes `<oxprefix:>`)."""

    def __init__(self, spool: Spool) -> None:
        self.spool, self.problem = spool, ""
        self.parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")

    def write(self, data: bytes) -> int:
        self.read(bytes(data), final=False)
        return self.spool.write(data)

    def read(self, data: bytes, final: bool) -> None:
        try:
            self.parser.Parse(data, final)
        except xml.parsers.expat.ExpatError as err:
            self.problem = str(err)
            raise IllFormed() from None

    def flush(self) -> None:
        pass

    def close(self) -> None:
        self.read(b"", final=True)


@dataclass
class Answer:
    status: int
    media: str
    body: bytes = b""
    spool: Spool | None = None
    message: str = ""


def error(status: int, message: str) -> Answer:
    return Answer(status, "text/plain; charset=utf-8", (message.rstrip() + "\n").encode("utf-8"))


def not_acceptable(offered: dict[str, str]) -> Answer:
    return error(406, "Not acceptable: this answer is available as " + ", ".join(offered) + ".")


class AsWritten:
    """A graph answer whose literals the store retyped are given back as the dumps write them (store.py)."""

    def __init__(self, triples: ox.QueryTriples, written: dict[ox.Triple, ox.Literal]) -> None:
        self.triples, self.written = triples, written

    def serialize(self, output: object, format: ox.RdfFormat) -> None:
        written = self.written
        ox.serialize((ox.Triple(t.subject, t.predicate, written[t]) if t in written else t for t in self.triples),
                     output=output, format=format)


def csv_text(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> str:
    """A term as SPARQL Query Results CSV writes it (1.1, section 3.2): an IRI as it is, a literal's lexical form, a
    blank node as _:label; an RDF 1.2 triple term as `<<( s p o )>>`, each part a CSV field of its own, a literal
    object always in quotes (the SPARQL 1.2 draft's "Serializing RDF Terms")."""
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    if isinstance(term, ox.Triple):
        parts = [csv_field(term.subject), csv_field(term.predicate),
                 csv_field(term.object, quoted=isinstance(term.object, ox.Literal))]
        return "<<( " + " ".join(parts) + " )>>"
    return term.value


def csv_field(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | None, quoted: bool = False) -> str:
    """A CSV field: empty for an unbound variable, in double quotes (each one inside doubled) when the text holds a
    double quote, a comma, a LF or a CR (SPARQL 1.1 Query Results CSV, section 3.2; RFC 4180, section 2)."""
    if term is None:
        return ""
    text = csv_text(term)
    if quoted or "," in text or '"' in text or "\n" in text or "\r" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


class CsvSolutions:
    """SELECT results written as CSV here, not by Oxigraph: its CSV writer quotes a literal that needs it but not an
    IRI holding a comma (`https://…/New_York,City.md`, one of the dataset's sources) nor a triple term holding a
    comma, a quote or a line break, and such a row had more fields than the header. 1.1 s for the 13.5 MB of
    every triple of the default graph and the PLOVER sample's, where Oxigraph took 0.4 s."""

    ROWS = 1000  # solutions written at a time

    def __init__(self, solutions: ox.QuerySolutions) -> None:
        self.solutions = solutions

    def serialize(self, output: Spool, _: object) -> None:
        lines = [",".join(variable.value for variable in self.solutions.variables)]
        for solution in self.solutions:
            lines.append(",".join([csv_field(term) for term in solution]))
            if len(lines) >= self.ROWS:
                output.write(("\r\n".join(lines) + "\r\n").encode("utf-8"))
                lines = []
        if lines:
            output.write(("\r\n".join(lines) + "\r\n").encode("utf-8"))


# What the ontology's and the shapes' IRIs answer: their files as published (dist/ontology/), whole. Their triples
# in the store, by subject, lost the shapes' blank nodes (SPARQL constraints, sh:or lists) and the ontology's
# declarations of other vocabularies' terms, which keep it in OWL 2 DL.
DOCUMENTS = {"shapes": "ngo-fp-shapes.ttl", "ontology": "ngo-fp-ontology.ttl"}


class Worker:
    def __init__(self, store_path: str, spool_dir: Path, shapes_file: str, cap: int) -> None:
        self.store = open_in_memory(Path(store_path))
        self.written = as_written(Path(store_path))
        # the shapes' and the ontology's published files (the ontology's lies beside the shapes'), answered whole
        self.documents: dict[str, ox.Store] = {}
        for whole, name in DOCUMENTS.items():
            self.documents[whole] = ox.Store()
            path = Path(shapes_file).parent / name if shapes_file else None
            if path is not None and path.exists():
                self.documents[whole].bulk_load(path=str(path), format=ox.RdfFormat.TURTLE)
        self.spool_dir, self.cap = spool_dir, cap

    def serialize(self, result: object, offered: dict[str, str], accept: str | None) -> Answer:
        media = choose(accept, list(offered))
        if media is None:
            return not_acceptable(offered)
        fmt_enum = ox.RdfFormat if offered is GRAPHS else ox.QueryResultsFormat
        spool = Spool(self.spool_dir, self.cap)
        sink = WellFormed(spool) if offered[media] in XML else spool
        if offered[media] == "CSV" and isinstance(result, ox.QuerySolutions):
            result = CsvSolutions(result)
        try:
            result.serialize(sink, getattr(fmt_enum, offered[media]))  # type: ignore[attr-defined]
            if isinstance(sink, WellFormed):
                sink.close()
        except Exception as err:
            spool.discard()
            if spool.too_large:
                return error(507, f"Answer too large: it exceeds the limit of {self.cap // 2**20} MiB and was "
                                  "not sent. Add a LIMIT, or download the dumps.")
            if isinstance(sink, WellFormed) and sink.problem:
                others = [m for m in offered if offered[m] not in XML]
                return error(406, f"Not acceptable: this answer cannot be written as well-formed XML ({sink.problem}:"
                                  " a character XML 1.0 cannot hold, or a property IRI RDF/XML cannot name). "
                                  "It is available as " + ", ".join(others) + ".")
            if any(words in str(err) for words in CANNOT_HOLD):  # a format that cannot hold this answer
                others = [m for m in offered if m != media]
                return error(406, f"Not acceptable: this answer cannot be written as {media} ({err}). "
                                  "It is available as " + ", ".join(others) + ".")
            return error(500, f"Query evaluation failed: {err}")
        spool.close()
        if spool.path is None:
            return Answer(200, content_type(media), bytes(spool.buffer))
        return Answer(200, content_type(media), spool=spool)

    def query(self, req: dict) -> Answer:
        text = req["query"]
        try:
            service.check(text)
        except service.Refused as refused:
            return error(400, str(refused))
        options: dict = {}  # none: the store's default graph, or the dataset the query names (FROM, FROM NAMED)
        try:
            if req.get("default_graphs") or req.get("named_graphs"):
                options["default_graph"] = [ox.NamedNode(g) for g in req.get("default_graphs", [])]
                options["named_graphs"] = [ox.NamedNode(g) for g in req.get("named_graphs", [])]
        except ValueError as err:
            return error(400, f"Bad default-graph-uri or named-graph-uri: {err}")
        try:
            result = self.store.query(text, **options)
        except SyntaxError as err:
            return error(400, f"Query syntax error: {err}")
        except (ValueError, OSError, RuntimeError) as err:  # RuntimeError: an evaluation error of the query's
            return error(400, f"Query error: {err}")  # own, such as a function Oxigraph does not support
        if isinstance(result, ox.QueryTriples):
            return self.serialize(self.as_written(result), GRAPHS, req.get("accept"))
        return self.serialize(result, RESULTS, req.get("accept"))

    def as_written(self, result: ox.QueryTriples) -> object:
        return AsWritten(result, self.written) if self.written else result

    def describe(self, req: dict) -> Answer:
        """The description of one of our IRIs: its triples from the asserted graph (or the PLOVER sample's, for its
        resources: asserted_description), or the ontology's or the shapes' published file whole (DOCUMENTS)."""
        iri = req["iri"]
        if req.get("whole"):  # the published file, as the w3id rules answer (its blank nodes and declarations too)
            source, query = self.documents[req["whole"]], "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
        else:
            source, query = self.store, asserted_description(iri)
        result = source.query(query)
        probe = source.query(f"ASK {{ {{ <{iri}> ?p ?o }} UNION {{ GRAPH <{SAMPLE_DATASET}> {{ <{iri}> ?p ?o }} }} }}") \
            if not req.get("whole") else True
        if not probe:
            return error(404, f"Not found: {iri} is not described in this dataset.")
        return self.serialize(self.as_written(result) if source is self.store else result, GRAPHS, req.get("accept"))

    def handle(self, req: dict) -> Answer:
        if req.get("op") == "describe":
            return self.describe(req)
        return self.query(req)


def die_with_parent() -> None:
    """Ask Linux to kill this worker if the server process goes away (no orphaned workers)."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


CLONE_NEWUSER, CLONE_NEWNET = 0x10000000, 0x40000000


def isolate() -> bool:
    """Take this worker off the network: a user and a network namespace of its own, with no interface but a
    loopback that is down. Oxigraph can then open no connection whatever a query asks (`SERVICE` is also refused
    by parsing, service.py; this holds if that check is ever read otherwise than Oxigraph reads the query).
    The worker talks to the server through its pipes only. False when the kernel does not allow it."""
    try:
        return ctypes.CDLL(None, use_errno=True).unshare(CLONE_NEWUSER | CLONE_NEWNET) == 0
    except (OSError, AttributeError):
        return False


def statm(field: int) -> int:
    """This process's memory from /proc/self/statm, in bytes: field 0 its address space, 1 its resident set."""
    with open("/proc/self/statm") as numbers:
        return int(numbers.read().split()[field]) * os.sysconf("SC_PAGE_SIZE")


def limit_memory(extra_bytes: int) -> None:
    if extra_bytes <= 0:
        return
    virtual = statm(0)
    resource.setrlimit(resource.RLIMIT_AS, (virtual + extra_bytes, virtual + extra_bytes))


TRIM_ABOVE = 64 * 1024 * 1024  # resident memory past the worker's own after its start that is given back


def memory_giver() -> Callable[[], None]:
    """What gives a query's memory back to the system after its answer: glibc keeps freed memory for the process
    (a query that needed 330 MiB left its worker at 440 MiB, idle), so once the worker holds more than TRIM_ABOVE
    past its start, malloc_trim returns the free pages. A no-op where there is no glibc."""
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return lambda: None
    start = statm(1)

    def give_back() -> None:
        if statm(1) > start + TRIM_ABOVE:
            trim(0)
    return give_back


def main(argv: list[str]) -> int:
    store_path, spool_dir, shapes_file, cap, memory = argv
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C goes to the server, which stops the workers
    die_with_parent()
    offline = isolate()  # first, while the process has one thread
    writing = Path(spool_dir) / str(os.getpid())  # answers being written: the pool empties it if it stops us
    writing.mkdir(exist_ok=True)
    worker = Worker(store_path, writing, shapes_file, int(cap))
    out = sys.stdout.buffer
    threading.stack_size(service.STACK_BYTES)
    answering = threading.Thread(target=answer_requests, args=(worker, out), name="answering")
    answering.start()  # it waits for the first request, which the server sends once it has read "ready"
    limit_memory(int(memory))  # after the thread is made: its stack is in the address space the cap starts from
    out.write(b"ready offline\n" if offline else b"ready\n")
    out.flush()
    answering.join()
    return 0


def answer_requests(worker: Worker, out: BinaryIO) -> None:
    """Answer each request line of the server's, in order, until the pipe closes."""
    give_back = memory_giver()
    for line in sys.stdin.buffer:
        try:
            answer = worker.handle(json.loads(line))
        except MemoryError:
            answer = error(503, "Query stopped: it needed more memory than the endpoint allows per query.")
        except Exception as err:  # one bad request must not end the worker
            answer = error(500, f"Query failed: {type(err).__name__}: {err}")
        header = {"status": answer.status, "type": answer.media,
                  "size": answer.spool.size if answer.spool else len(answer.body),
                  "file": str(answer.spool.path) if answer.spool else None,
                  "digest": (answer.spool.digest if answer.spool else hashlib.sha256(answer.body)).hexdigest()}
        out.write(json.dumps(header).encode("utf-8") + b"\n")
        if answer.spool is None:
            out.write(answer.body)
        out.flush()
        give_back()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
