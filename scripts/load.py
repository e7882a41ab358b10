"""Read RDF files safely and in linear time, turning every problem into one `file:line: problem` message.

Every file goes through the same gate, for the build and for `ngo-fp validate` alike:
1. `check_file`: it must be a regular file (not a FIFO, a device or a folder; symlinks are followed, a loop is
   an error), readable and not empty, with a known extension (case does not matter: `.TTL` is Turtle);
2. RDF/XML only: defusedxml reads it first and refuses any DTD, entity declaration or external reference, so
   no "billion laughs" or `file:` entity reaches an RDF parser; RDF/XML and JSON-LD nested deeper than
   MAX_NESTING levels are refused (Oxigraph's parsers of both slow down with depth, quadratically for RDF/XML:
   100,000 nested elements, 2.7 MB, took 45 s; a JSON-LD file of 104 KB nesting 4,000 node objects crashed it);
3. Oxigraph's parsers (pyoxigraph, linear in the input) read it, with the exact line and column of a syntax
   error. JSON-LD `@context` URLs, `file:` and relative contexts alike, are refused unless the caller allows
   remote contexts; then rdflib's JSON-LD parser reads the file, with a timeout on each fetch.
4. RDF 1.2 triple terms and directional language strings, which Oxigraph reads but SHACL 1.0, rdflib and pyshacl
   have no notion of, are refused by both engines (`_term` here, `fastshacl.refuse_rdf12` for the store).
`parse` returns an rdflib Graph (for pyshacl and the build); `scripts/validate/fastshacl.py` loads the same files into
Oxigraph after the same checks.
"""
from __future__ import annotations

import errno
import io
import json
import os
import re
import stat
from collections import deque
from itertools import accumulate, islice
from pathlib import Path
from typing import Callable, Iterator

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from .errors import BuildError
from .paths import INSTANCES, ONTOLOGY
from .validate.datatypes import strict_rdflib

strict_rdflib()  # before any literal is made: ill-typed literals are marked so (see validate/datatypes.py)

FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES, ".nq": ox.RdfFormat.N_QUADS,
           ".jsonld": ox.RdfFormat.JSON_LD, ".trig": ox.RdfFormat.TRIG, ".rdf": ox.RdfFormat.RDF_XML,
           ".owl": ox.RdfFormat.RDF_XML}
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
CONTEXT_TIMEOUT = 10  # seconds per remote JSON-LD context, when remote contexts are allowed, to fetch it whole
MAX_CONTEXT_BYTES = 8 * 2**20  # one remote JSON-LD context (schema.org's is 0.1 MB); /dev/zero would grow forever
MAX_CONTEXTS = 64  # distinct remote contexts fetched for one file, @import and scoped contexts included
MAX_NESTING = 64  # levels of XML elements (RDF/XML) or of JSON objects and arrays (JSON-LD); this project's dumps use 5
# JSON-LD terms defined by other terms ("a": "b:x", "b": "c:x", ...): Oxigraph expands such a chain by recursion
# and a chain of 5,000 to 10,000 terms (100-200 KB of flat JSON) overflowed its stack: a segmentation fault, exit 139,
# nothing said. Real contexts chain two or three.
MAX_TERM_CHAIN = 256
# Terms copied when contexts are applied below the top: Oxigraph's JSON-LD parser copies the whole active context
# for each node object that an embedded, property-scoped or type-scoped context applies to, so time grows with
# (terms in scope) x (such nodes): 4,000 terms and 40,000 uses of a scoped property (600 KB) took 29 s, twice
# that 4 minutes (a type-scoped context, 1.2 MB: 103 s). 50 million copies are about 9 s; real files copy a few
# dozen terms a few thousand times.
MAX_CONTEXT_COPIES = 50_000_000
# ... and the terms of a scoped context are defined again at each use: 2,000 terms applied to 20,000 nodes (300 KB)
# took 41 s, about five times a copy's cost per term
DEFINE_COST = 5
# Attributes of one XML element, and namespaces declared in scope: Oxigraph's RDF/XML reader takes time quadratic
# in them (100,000 attributes, 1.4 MB: 14 s; 50,000 namespaces: 6.7 s). Real files have tens.
MAX_XML_NAMES = 1000


def rdf_format(path: Path) -> ox.RdfFormat:
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise BuildError(f"unknown RDF file extension {path.suffix!r} (known: {', '.join(FORMATS)})", path)
    return fmt


def check_file(path: Path) -> ox.RdfFormat:
    """Refuse what cannot be read as one RDF file, without opening it (a FIFO would block)."""
    try:
        info = path.stat()
    except OSError as exc:
        raise BuildError(_os_problem(exc), path) from None
    if stat.S_ISDIR(info.st_mode):
        raise BuildError("is a folder where a file is expected", path)
    if not stat.S_ISREG(info.st_mode):
        raise BuildError("not a regular file (a FIFO, socket or device is not read)", path)
    fmt = rdf_format(path)
    if not os.access(path, os.R_OK):
        raise BuildError("permission denied", path)
    if info.st_size == 0:
        raise BuildError("empty file: no triples", path)
    if fmt == ox.RdfFormat.RDF_XML:
        refuse_xml_declarations(path)
    elif fmt == ox.RdfFormat.JSON_LD:
        refuse_deep_json(path)
    return fmt


def _os_problem(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.ENOENT:
        return "file not found" if not os.path.islink(exc.filename or "") else "broken symbolic link"
    return exc.strerror or str(exc)


# xml:lang="" is valid RDF/XML (XML 1.0, 2.12: no language), but Oxigraph 0.5's parser refuses it ("A subtag
# should not be empty"), with no line. The fallback, rdflib's RDF/XML parser, is quadratic in a literal's length
# (1 MB of text in one literal: 2.4 s; 4 MB: 57 s, measured here), so such a file is refused, at its line.
EMPTY_XML_LANG = ('xml:lang="" (no language tag) is not read: Oxigraph\'s RDF/XML parser refuses it; write the '
                  "literals without xml:lang, under elements that give them none")


def refuse_xml_declarations(path: Path) -> None:
    """RDF/XML with a DTD, an entity or an external reference is refused before any RDF parser reads it; so is
    xml:lang="" (EMPTY_XML_LANG)."""
    import xml.sax

    from defusedxml import DefusedXmlException
    from defusedxml.sax import parse as safe_sax_parse

    class Depth(xml.sax.ContentHandler):
        def __init__(self) -> None:
            super().__init__()
            self.namespaces: list[int] = []  # declared by each open element

        def startElement(self, name, attrs) -> None:  # noqa: N802 (SAX's name)
            self.namespaces.append(sum(1 for a in attrs.getNames() if a == "xmlns" or a.startswith("xmlns:")))
            if len(self.namespaces) > MAX_NESTING:
                raise BuildError(f"XML elements nested deeper than {MAX_NESTING} levels are refused", path, self.line())
            if len(attrs) > MAX_XML_NAMES or sum(self.namespaces) > MAX_XML_NAMES:
                raise BuildError(f"an XML element with more than {MAX_XML_NAMES} attributes or namespaces in scope is "
                                 "refused", path, self.line())
            if attrs.get("xml:lang") == "":
                raise BuildError(EMPTY_XML_LANG, path, self.line())

        def line(self) -> int | None:
            return self._locator.getLineNumber() if self._locator else None

        def endElement(self, name) -> None:  # noqa: N802
            self.namespaces.pop()

    try:
        safe_sax_parse(str(path), Depth(), forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        if str(getattr(exc, "name", "")).lower() == "html":
            raise BuildError("an HTML page (<!DOCTYPE html>), not RDF/XML", path) from None
        raise BuildError(f"RDF/XML with a DTD or entity declarations is refused ({type(exc).__name__})", path) from None
    except xml.sax.SAXParseException as exc:
        raise BuildError(f"XML syntax error at column {exc.getColumnNumber() + 1}: {exc.getMessage()}", path,
                         exc.getLineNumber()) from None
    except OSError as exc:
        raise BuildError(_os_problem(exc), path) from None


_NOT_STRUCTURE = bytes(b for b in range(256) if b not in b'"[]{}')
_STEP = [0] * 256
_STEP[ord("[")] = _STEP[ord("{")] = 1
_STEP[ord("]")] = _STEP[ord("}")] = -1


def json_nesting(data: bytes) -> int:
    """The deepest nesting of objects and arrays in JSON text, in linear time and without building it: the
    escaped backslashes and quotes are taken out, then all but quotes and brackets, then every other piece
    between quotes (the strings); the brackets left are counted (valid JSON or not: syntax errors are the
    parser's to report)."""
    unescaped = data.replace(b"\\\\", b"").replace(b'\\"', b"").translate(None, delete=_NOT_STRUCTURE)
    brackets = b"".join(unescaped.split(b'"')[::2])
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0)


def refuse_deep_json(path: Path) -> None:
    """The checks made on a JSON-LD file's whole text before the parser reads it (nesting, term chain, context
    copies). A file whose text does not start as JSON does (after white space) is left to the parser, which says
    where at once: 5 GB of NUL bytes were read whole here first, a MemoryError ("internal error", exit 5)."""
    try:
        with path.open("rb") as file:
            start = file.read(4096)
        if start.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")[:1] not in (b"{", b"[", b""):
            return  # not JSON (NUL bytes, another format; a BOM is skipped): the parser's syntax error, line 1
        data = path.read_bytes()
        depth = json_nesting(data)
        if depth > MAX_NESTING:
            raise BuildError(f"JSON nested {depth} levels deep is refused (at most {MAX_NESTING})", path)
        try:
            doc = json.loads(data)  # nested at most MAX_NESTING deep: no recursion to fear
        except ValueError:
            return  # the parser says where
    except OSError as exc:
        raise BuildError(_os_problem(exc), path) from None
    except MemoryError:
        raise BuildError(f"JSON-LD file of {path.stat().st_size:,} bytes: too large to check in the memory "
                         "available", path) from None
    chain = term_chain(doc)
    if chain > MAX_TERM_CHAIN:
        raise BuildError(f"JSON-LD terms defined by other terms {chain} deep are refused (at most {MAX_TERM_CHAIN})", path)
    copies = context_copies(doc)
    if copies > MAX_CONTEXT_COPIES:
        raise BuildError(f"JSON-LD whose nested, property- or type-scoped contexts copy {copies:,} terms is refused "
                         f"(at most {MAX_CONTEXT_COPIES:,}: the parser's time grows with terms times uses)", path)


def contexts_in(doc: object) -> Iterator[dict]:
    """Every context object of a JSON-LD document, at the top, embedded or scoped (a scoped context is a value in
    the context that defines its term, so it is found as the walk goes down)."""
    stack: list[object] = [doc]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack += node
        elif isinstance(node, dict):
            stack += node.values()
            contexts = node.get("@context")
            yield from (c for c in (contexts if isinstance(contexts, list) else [contexts]) if isinstance(c, dict))


def _terms(contexts: object) -> int:
    return sum(len(c) for c in (contexts if isinstance(contexts, list) else [contexts]) if isinstance(c, dict))


def context_copies(doc: object) -> int:
    """An estimate of the work of Oxigraph's JSON-LD parser on contexts applied below the top, in terms copied: at
    each node object that holds an embedded @context, is a value of a term with a scoped context, or whose @type is
    such a term, the terms of the contexts in scope above it are copied, and the applied context's own terms are
    defined again, at DEFINE_COST copies each (MAX_CONTEXT_COPIES). Linear in the document."""
    scoped = {term: _terms(d["@context"]) for context in contexts_in(doc) for term, d in context.items()
              if isinstance(d, dict) and "@context" in d}  # term -> the terms of its scoped context
    copies = 0
    walk: list[tuple[object, int, int | None]] = [(doc, 0, None)]  # (value, terms in scope, its property's scoped terms)
    while walk:
        node, above, by_property = walk.pop()
        if isinstance(node, list):
            walk += [(item, above, by_property) for item in node]
        elif isinstance(node, dict):
            types = node.get("@type")
            applied = [] if by_property is None else [by_property]
            applied += [scoped[t] for t in (types if isinstance(types, list) else [types]) if isinstance(t, str) and t in scoped]
            if "@context" in node:
                applied.append(_terms(node["@context"]))
            for terms in applied:
                copies += above + DEFINE_COST * terms
                above += terms
            walk += [(value, above, scoped.get(key)) for key, value in node.items() if key != "@context"]
    return copies


def term_chain(doc: object) -> int:
    """The longest chain of JSON-LD term definitions that each use another term (as the term itself or as the
    prefix of a compact IRI, in @id, @reverse or @type), over every context of the document, scoped ones too; a
    cycle (an error the parser reports) counts for nothing. Linear: Kahn's order over the terms."""
    uses: dict[str, set[str]] = {}
    for context in contexts_in(doc):
        for term, definition in context.items():
            refs = [definition] if isinstance(definition, str) else [
                definition.get(key) for key in ("@id", "@reverse", "@type")] if isinstance(definition, dict) else []
            uses.setdefault(term, set()).update(ref for ref in refs if isinstance(ref, str))
    terms = set(uses)

    def term_of(ref: str) -> str | None:
        name = ref if ref in terms else ref.split(":", 1)[0] if ":" in ref else None
        return name if name in terms else None

    needs = {term: {t for ref in refs if (t := term_of(ref)) and t != term} for term, refs in uses.items()}
    users: dict[str, list[str]] = {}
    for term, used in needs.items():
        for other in used:
            users.setdefault(other, []).append(term)
    left = {term: len(used) for term, used in needs.items()}
    depth = {term: 1 for term in needs}
    ready = [term for term, n in left.items() if n == 0]
    while ready:
        term = ready.pop()
        for user in users.get(term, []):
            depth[user] = max(depth[user], depth[term] + 1)
            left[user] -= 1
            if left[user] == 0:
                ready.append(user)
    return max((depth[term] for term, n in left.items() if n == 0), default=0)


# text without which a file of the format holds no RDF 1.2 triple term or directional language string, other
# than a reifier's (rdf:reifies, which the store finds through its index): <<( )>> and @lang--ltr in the Turtle
# family; @direction in JSON-LD, where any name may be written with \u escapes; parseType="Triple" and
# its:dir="ltr" in RDF/XML, where attribute values may be written with &# references
_TURTLE_FAMILY = (b"<<(", b"--ltr", b"--rtl")
RDF12_MARKERS = {ox.RdfFormat.TURTLE: _TURTLE_FAMILY, ox.RdfFormat.TRIG: _TURTLE_FAMILY,
                 ox.RdfFormat.N_TRIPLES: _TURTLE_FAMILY, ox.RdfFormat.N_QUADS: _TURTLE_FAMILY,
                 ox.RdfFormat.JSON_LD: (b"direction", b"\\u"), ox.RdfFormat.RDF_XML: (b"Triple", b"ltr", b"rtl", b"&#")}


def rdf12_problem(term: ox.Triple | ox.Literal) -> str:
    """What is said of an RDF 1.2 triple term or directional language string, by both engines."""
    kind, shown = ("triple term", f"<<( {term} )>>") if isinstance(term, ox.Triple) else ("directional language string", str(term))
    return f"RDF 1.2 {kind} {shown} is not read (SHACL 1.0 and pyshacl have none)"


def may_hold_rdf12(path: Path) -> bool:
    """False when the file's text cannot hold an RDF 1.2 triple term or directional language string outside a
    reifier (see RDF12_MARKERS); True when it might, or cannot be told (the store is then asked)."""
    try:
        markers = RDF12_MARKERS[rdf_format(path)]
        if not path.is_file():  # never open a FIFO
            return True
        return _scan(path, lambda text: any(text.find(marker) >= 0 for marker in markers))
    except (BuildError, OSError, ValueError):
        return True


def _scan(path: Path, found: Callable[[bytes], bool], chunk: int = 1 << 20, overlap: int = 256) -> bool:
    """Whether `found` is true of some part of the file, read in chunks that overlap by more than any marker's
    length. Not mmap: a file cut short while mapped killed the process with SIGBUS (exit 135, nothing said). Chunks
    of 1 MiB: with 16 MiB, --fast on 500k triples peaked 17 MB higher (279 against 263 MB, as with mmap)."""
    tail = b""
    with path.open("rb") as f:
        while block := f.read(chunk):
            window = tail + block
            if found(window):
                return True
            tail = window[-overlap:]
    return False


# Datatypes whose literals an Oxigraph store keeps under another datatype: the integer types derived from
# xsd:integer become xsd:integer (range unchecked: "1996"^^xsd:byte, "0"^^xsd:positiveInteger), and
# xsd:dateTimeStamp becomes xsd:dateTime. SHACL's sh:datatype compares the datatype as written, so the fast
# engine cannot judge such literals (fastshacl.validate_files leaves the file to pyshacl).
RETYPED_BY_OXIGRAPH = frozenset("http://www.w3.org/2001/XMLSchema#" + name for name in (
    "int", "long", "short", "byte", "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte",
    "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger", "dateTimeStamp"))
# Text that can name one of them, in the formats that write every IRI whole: the datatype's IRI, or an escape that
# could spell it (\\u in N-Triples and N-Quads, &# in RDF/XML, whose rdf:datatype is one attribute value: xml:base
# resolves it, so "#int" is a marker too; entities are refused before). Each starts with a literal, so that `re`
# skips to it: 0.2 s for 80 MB of N-Triples. Turtle, TriG and JSON-LD have no such markers: a prefix, a context term
# or @vocab can end inside the IRI ("...XMLSchema#in" and "t"), and a name can be written after a comment or
# split by an escape in the local part, so those files are always read by the parser (read_whole).
_NAMES = b"(?:" + b"|".join(i.rsplit("#", 1)[1].encode() for i in sorted(RETYPED_BY_OXIGRAPH)) + b")(?![A-Za-z0-9_.-])"
_IRI, _ESCAPE = b"XMLSchema#" + _NAMES, rb"\\[uU]"
RETYPED_MARKERS = {
    ox.RdfFormat.N_TRIPLES: (_IRI, _ESCAPE), ox.RdfFormat.N_QUADS: (_IRI, _ESCAPE),
    ox.RdfFormat.RDF_XML: (_IRI, rb"&#", rb"[\"']#" + _NAMES),
}
_RETYPED_PATTERNS = {fmt: [re.compile(m) for m in markers] for fmt, markers in RETYPED_MARKERS.items()}


def may_hold_retyped(path: Path) -> bool:
    """False when the file's text cannot name a datatype of RETYPED_BY_OXIGRAPH; True when it might, or cannot be
    told (Turtle, TriG and JSON-LD always: `read_whole` then reads the file)."""
    try:
        patterns = _RETYPED_PATTERNS.get(rdf_format(path))
        if patterns is None:
            return True
        if not path.is_file():  # never open a FIFO
            return True
        return _scan(path, lambda text: any(pattern.search(text) is not None for pattern in patterns))
    except (BuildError, OSError, ValueError):
        return True


def read_whole(path: Path, fmt: ox.RdfFormat, predicates: frozenset[str] | None = None
               ) -> tuple[bool, ox.Literal | None]:
    """Oxigraph's strict parser over the whole file: whether it holds a statement, and (if `predicates` are given)
    its first literal typed with a datatype of RETYPED_BY_OXIGRAPH as the value of one of them. Raises SyntaxError
    and OSError as the parser does, wherever in the file."""
    quads = ox.parse(path=str(path), format=fmt, base_iri=path.resolve().as_uri())
    if predicates is None:
        return bool(deque(quads, maxlen=1)), None
    holds = False
    for quad in quads:
        holds = True
        if (isinstance(quad.object, ox.Literal) and quad.object.datatype.value in RETYPED_BY_OXIGRAPH
                and quad.predicate.value in predicates):
            deque(quads, maxlen=0)  # the rest of the file, for its syntax errors
            return True, quad.object
    return holds, None


# rdflib's NamespaceManager.bind takes time quadratic in the prefixes already bound (its trie): 10,000 prefixes
# took 7 s, 40,000 took 107 s. The prefixes only name terms in what is written from the graph (a report, a dump),
# and a hand-written file has a few dozen, so a file's first 1,000 are bound and the rest are not.
BOUND_PREFIXES = 1_000


def too_long(exc: MemoryError, path: Path) -> BuildError:
    """Oxigraph's parsers hold one token (a literal, an IRI, a name, a comment, a JSON key) in a buffer of at most
    16 MiB and raise MemoryError past it: an input error of the file. JSON-LD's reader holds a string twice in it,
    so there the limit is 8 MiB (8,388,607 characters of ASCII were refused). Any other MemoryError is raised again."""
    if "buffer maximal size" not in str(exc):
        raise exc
    if rdf_format(path) == ox.RdfFormat.JSON_LD:
        return BuildError("a JSON string or key longer than 8 MiB, the longest the JSON-LD parser reads", path)
    return BuildError("a token (a literal, IRI, name, comment or JSON key) longer than 16 MiB, the longest the parser reads", path)


def _said(exc: SyntaxError) -> str:
    """A parser's message on one line."""
    return " ".join(str(exc.msg if exc.msg else exc).split())


def syntax_error(exc: SyntaxError, path: Path) -> BuildError:
    """pyoxigraph's SyntaxError carries the line and column; the message starts with them."""
    message = _said(exc)
    if "LoadDocumentCallback" in message:
        return BuildError("JSON-LD @context that is not inline: remote, file and relative contexts are not "
                          "loaded (allow them with --allow-remote-contexts)", path)
    where = f" at column {exc.offset}" if exc.offset else ""
    for prefix in ("Parser error at ",):
        if message.startswith(prefix) and ": " in message:
            message = message.split(": ", 1)[1]
    if message == "Unexpected end of file" and path.suffix.lower() == ".jsonld" and exc.lineno:
        surrogate = _lone_surrogate(path, exc.lineno)  # Oxigraph's JSON reader says no more
        if surrogate:
            message = f"a string holds a lone surrogate ({surrogate}), which is not Unicode"
    line = exc.lineno
    if line is None and rdf_format(path) == ox.RdfFormat.RDF_XML:
        line = _xml_event_line(path, message)
    return BuildError(f"syntax error{where}: {message[:300]}", path, line)


class _LineReader(io.RawIOBase):
    """A file handed to a parser one line at a time (at most the size asked for), counting lines as it goes."""

    def __init__(self, file) -> None:
        self.file, self.newlines, self.line = file, 0, 1

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self.file.readline(len(buffer))
        buffer[:len(data)] = data
        if data:
            self.newlines += data.count(b"\n")
            self.line = self.newlines + (0 if data.endswith(b"\n") else 1)  # the line of the last byte read
        return len(data)


def _xml_event_line(path: Path, message: str) -> int | None:
    """The line of an RDF/XML error that Oxigraph raises without one (an RDF/XML rule broken by well-formed XML,
    such as text beside rdf:resource): the file is parsed again, handed over one line at a time, until the same
    error. The RDF/XML parser reads XML events as they come (a start tag to its `>`, text to the next `<`), so the
    error comes out while the line where its event ends is the last one read. Only on this error path, so its
    cost (one Python call per line) is paid once."""
    try:
        with path.open("rb") as file:
            reader = _LineReader(file)
            deque(ox.parse(input=reader, format=ox.RdfFormat.RDF_XML, base_iri=path.resolve().as_uri()), maxlen=0)
    except SyntaxError as again:
        if _said(again) == message:
            return reader.line
    except (OSError, ValueError, MemoryError):
        pass
    return None


# a JSON escape of half a UTF-16 pair without its other half (an even run of backslashes before it is text)
_LONE_SURROGATE = re.compile(r"(?<!\\)(?:\\\\)*(\\u[dD][89abAB][0-9a-fA-F]{2})(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})"
                             r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})(?<!\\)(?:\\\\)*(\\u[dD][c-fC-F][0-9a-fA-F]{2})")


def _lone_surrogate(path: Path, lineno: int) -> str | None:
    """The first lone surrogate escape on line `lineno` of a JSON file, if any."""
    try:
        with path.open("rb") as file:
            line = next(islice(file, lineno - 1, None), b"")
    except OSError:
        return None
    found = _LONE_SURROGATE.search(line.decode("utf-8", "replace"))
    return next(g for g in found.groups() if g) if found else None


def open_parser(path: Path, fmt: ox.RdfFormat):
    """Oxigraph's streaming parser over the file (its `.prefixes` are known once it has been read)."""
    try:
        return ox.parse(path=str(path), format=fmt, base_iri=path.resolve().as_uri())
    except OSError as exc:
        raise BuildError(_os_problem(exc), path) from None
    except ValueError as exc:
        raise BuildError(f"cannot read: {' '.join(str(exc).split())[:300]}", path) from None


def parse(path: Path, graph: Graph | None = None, allow_remote_contexts: bool = False) -> Graph:
    """Parse one file into `graph` (a new one by default); raise BuildError naming file, line and column.

    Named graphs (TriG, N-Quads, JSON-LD) are merged into the one graph; blank nodes are fresh per file;
    prefixes are bound as rdflib's own Turtle parser binds them."""
    fmt = check_file(path)
    strict_rdflib()
    graph = Graph(bind_namespaces="core") if graph is None else graph
    if fmt == ox.RdfFormat.JSON_LD and allow_remote_contexts:
        return _parse_jsonld_with_rdflib(path, graph)
    blank: dict[str, BNode] = {}
    parser = open_parser(path, fmt)
    add, count, form = graph.add, 0, stored_form()
    try:
        for quad in parser:
            add((_term(quad.subject, blank, path, form), URIRef(quad.predicate.value),
                 _term(quad.object, blank, path, form)))
            count += 1
    except SyntaxError as exc:
        raise syntax_error(exc, path) from None
    except MemoryError as exc:
        raise too_long(exc, path) from None
    except OSError as exc:
        raise BuildError(_os_problem(exc), path) from None
    if count == 0:
        raise BuildError("no triples", path)
    if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG):  # the first BOUND_PREFIXES (see there)
        for prefix, namespace in islice(parser.prefixes.items(), BOUND_PREFIXES):
            graph.bind(prefix, namespace)
    return graph


def stored_form() -> Callable[[ox.Literal], str]:
    """The lexical form of a typed literal once it is in an Oxigraph store, cached per literal. The store keeps
    numbers, booleans, dates and durations by value: "01"^^xsd:integer reads back as "1", "1.50"^^xsd:decimal
    as "1.5", and "2019-01-01Z"^^xsd:date keeps its timezone (which rdflib's own normalization drops), while an
    ill-typed literal stays as written. `parse` gives rdflib these forms, not normalized again, so pyshacl judges
    the literals the fast engine (scripts/validate/fastshacl.py) queries: counts, patterns and lengths agree."""
    store, forms = ox.Store(), {}
    predicate = ox.NamedNode("urn:x-stored-form:p")

    def form(literal: ox.Literal) -> str:
        found = forms.get(literal)
        if found is None:
            subject = ox.NamedNode(f"urn:x-stored-form:{len(forms)}")
            store.add(ox.Quad(subject, predicate, literal))
            found = forms[literal] = next(store.quads_for_pattern(subject, predicate, None)).object.value
        return found
    return form


def rdflib_term(node, blank: dict[str, BNode] | None = None, form: Callable[[ox.Literal], str] | None = None):
    """An Oxigraph term as rdflib's: a blank node fresh per label in `blank` (its own label if None), a literal's
    lexical form by `form` (as written if None); None for an RDF 1.2 term (a triple term, a directional string)."""
    if isinstance(node, ox.NamedNode):
        return URIRef(node.value)
    if isinstance(node, ox.BlankNode):
        if blank is None:
            return BNode(node.value)
        if node.value not in blank:
            blank[node.value] = BNode()
        return blank[node.value]
    if isinstance(node, ox.Literal):
        if node.language:
            return None if node.direction else Literal(node.value, lang=node.language)
        datatype = node.datatype.value
        if datatype == XSD_STRING:
            return Literal(node.value)
        return Literal(node.value if form is None else form(node), datatype=URIRef(datatype), normalize=False)
    return None


def _term(node, blank: dict[str, BNode], path: Path, form: Callable[[ox.Literal], str]):
    term = rdflib_term(node, blank, form)
    if term is None:
        raise BuildError(rdf12_problem(node), path)
    return term


def check_term(term) -> None:
    """Raise ValueError where Oxigraph would not take rdflib's IRI or literal: an IRI (or a datatype) with spaces or
    control characters or no scheme, a language tag that is none, or text that is not Unicode (a lone surrogate:
    UnicodeEncodeError). rdflib holds all of these."""
    if isinstance(term, URIRef):
        ox.NamedNode(str(term))
    elif isinstance(term, Literal):
        str(term).encode("utf-8")
        if term.language:
            ox.Literal(str(term), language=term.language)
        elif term.datatype is not None:
            ox.NamedNode(str(term.datatype))


def _well_formed(triple: tuple, path: Path) -> bool:
    """Whether rdflib's statement is RDF as Oxigraph reads it: rdflib's JSON-LD parser keeps IRIs with spaces or
    control characters and language tags that are none, which Oxigraph's drops (False); a string that is not
    Unicode (a lone surrogate, from a JSON escape) is refused as Oxigraph's parser refuses it."""
    try:
        for term in triple:
            check_term(term)
    except UnicodeEncodeError:
        raise BuildError("cannot read JSON-LD: a string holds a lone surrogate (\\ud800-\\udfff), which is not "
                         "Unicode", path) from None
    except ValueError:
        return False
    return True


class ContextRefused(ValueError):
    """A remote JSON-LD context that is not read: too big, too slow, too many, or not a regular file."""


def _bounded_context_reader(original: Callable) -> Callable:
    """rdflib's `source_to_json`, as its JSON-LD context processing calls it, but bounded: a `file:` context must be
    a regular file (a FIFO would block, /dev/zero never ends), each context is read whole within CONTEXT_TIMEOUT
    seconds and MAX_CONTEXT_BYTES, and one file fetches at most MAX_CONTEXTS. rdflib still fetches (redirects,
    the Link header's JSON-LD alternate) and reads (JSON, or HTML's script elements) what was read."""
    import io
    import time
    from urllib.parse import urlsplit
    from urllib.request import url2pathname

    from rdflib.parser import create_input_source

    fetched = 0

    def read(url: str, *args, **kwargs):
        nonlocal fetched
        fetched += 1
        if fetched > MAX_CONTEXTS:
            raise ContextRefused(f"more than {MAX_CONTEXTS} remote contexts")
        if url.startswith("file:"):
            if not stat.S_ISREG(Path(url2pathname(urlsplit(url).path)).stat().st_mode):
                raise ContextRefused(f"the context {url} is not a regular file")
        deadline = time.monotonic() + CONTEXT_TIMEOUT
        source = create_input_source(url, format="json-ld")
        stream = source.getByteStream()
        chunks, size = [], 0
        try:  # read1: what has arrived (read(n) waits for all n bytes, however slowly they come)
            while chunk := getattr(stream, "read1", stream.read)(65536):
                size += len(chunk)
                if size > MAX_CONTEXT_BYTES:
                    raise ContextRefused(f"the context {url} is longer than {MAX_CONTEXT_BYTES // 2**20} MiB")
                if time.monotonic() > deadline:
                    raise ContextRefused(f"the context {url} took more than {CONTEXT_TIMEOUT} s to fetch")
                chunks.append(chunk)
        finally:
            stream.close()
        source.setByteStream(io.BytesIO(b"".join(chunks)))
        return original(source, *args, **kwargs)
    return read


def _parse_jsonld_with_rdflib(path: Path, graph: Graph) -> Graph:
    """JSON-LD whose contexts may be fetched (only when asked for), each bounded in time and size
    (`_bounded_context_reader`). Read into a dataset, so that named graphs are merged into `graph` as parse()
    merges them from every other format."""
    import socket

    from rdflib import Dataset
    from rdflib.plugins.shared.jsonld import context

    read = Dataset()
    previous, original = socket.getdefaulttimeout(), context.source_to_json
    socket.setdefaulttimeout(CONTEXT_TIMEOUT)
    context.source_to_json = _bounded_context_reader(original)
    try:
        read.parse(path, format="json-ld")
    except Exception as exc:  # rdflib and urllib raise many types; all mean this file could not be read
        raise BuildError(f"cannot read JSON-LD: {' '.join(str(exc).split())[:300]}", path) from None
    finally:
        socket.setdefaulttimeout(previous)
        context.source_to_json = original
    form = stored_form()  # rdflib has normalized the literals its own way; the fast engine loads these triples
    count = 0
    # rdflib keeps a blank node's label as the file writes it ("_:b0" is BNode("b0")): two files' _:b0 would be
    # one node once merged, and the label would reach the shapes' SPARQL (rdflib's STR() of a blank node): fresh
    # ones per file, as parse() gives every other reading (a label is local to its document, RDF 1.1 Concepts 3.4)
    blank: dict[BNode, BNode] = {}

    def fresh(term):
        return blank.setdefault(term, BNode()) if isinstance(term, BNode) else term

    for s, p, o, _ in read.quads((None, None, None, None)):
        if isinstance(s, Literal):  # rdflib reads "@reverse": {"p": "x"} as the statement "x" p node, which the
            # JSON-LD 1.1 API refuses (expansion: a reverse property's value is a node), as Oxigraph's parser does
            raise BuildError("syntax error: Literals are not allowed inside of reverse properties", path)
        if not _well_formed((s, p, o), path):
            continue  # as Oxigraph's JSON-LD parser, and the JSON-LD 1.1 API (Object to RDF), drop it
        count += 1
        s, o = fresh(s), fresh(o)
        if isinstance(o, Literal) and str(o.datatype) == XSD_STRING:  # one term with "x" (RDF 1.1, 3.3), as _term reads it
            o = Literal(str(o))
        elif isinstance(o, Literal) and o.datatype is not None:
            try:
                stored = form(ox.Literal(str(o), datatype=ox.NamedNode(str(o.datatype))))
            except ValueError:  # a datatype that is not an IRI: kept as rdflib read it
                stored = str(o)
            if stored != str(o):
                o = Literal(stored, datatype=o.datatype, normalize=False)
        graph.add((s, p, o))
    if count == 0:
        raise BuildError("no triples", path)
    return graph


def instance_files(folder: Path = INSTANCES) -> list[Path]:
    """The hand-edited instance files, in a stable order."""
    return sorted(folder.glob("*.ttl"))


def load_sources(ontology: Path = ONTOLOGY, instances: Path = INSTANCES) -> tuple[Graph, Graph, dict[Path, Graph]]:
    """Parse the ontology and every instance file; return (ontology, merged instances, per-file graphs)."""
    onto = parse(ontology)
    per_file = {path: parse(path) for path in instance_files(instances)}
    if not per_file:
        raise BuildError("no instance files (*.ttl) found", instances)
    data = Graph(bind_namespaces="core")
    for g in per_file.values():
        data += g
    for prefix, ns in onto.namespaces():
        data.bind(prefix, ns)
    for g in per_file.values():
        for prefix, ns in g.namespaces():
            data.bind(prefix, ns, override=False)
    return onto, data, per_file
