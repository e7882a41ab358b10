"""Read RDF files safely and in linear time, turning every problem into one `file:line: problem` message.

Every file goes through the same gate, for the build and for `ngo-fp validate` alike:
1. `check_file`: it must be a regular file (not a FIFO, a device or a folder; symlinks are followed, a loop is
   an error), readable and not empty, with a known extension (case does not matter: `.TTL` is Turtle);
2. RDF/XML only: defusedxml reads it first and refuses any DTD, entity declaration or external reference, so
   no "billion laughs" or `file:` entity reaches an RDF parser;
3. Oxigraph's parsers (pyoxigraph, linear in the input) read it, with the exact line and column of a syntax
   error. JSON-LD `@context` URLs, `file:` and relative contexts alike, are refused unless the caller allows
   remote contexts; then rdflib's JSON-LD parser reads the file, with a timeout on each fetch.
`parse` returns an rdflib Graph (for pyshacl and the build); `scripts/fastshacl.py` loads the same files into
Oxigraph after the same checks.
"""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Callable

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
CONTEXT_TIMEOUT = 10  # seconds per remote JSON-LD context, when remote contexts are allowed


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
    return fmt


def _os_problem(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.ENOENT:
        return "file not found" if not os.path.islink(exc.filename or "") else "broken symbolic link"
    return exc.strerror or str(exc)


def refuse_xml_declarations(path: Path) -> None:
    """RDF/XML with a DTD, an entity or an external reference is refused before any RDF parser reads it."""
    import xml.sax

    from defusedxml import DefusedXmlException
    from defusedxml.sax import parse as safe_sax_parse

    try:
        safe_sax_parse(str(path), xml.sax.ContentHandler(), forbid_dtd=True, forbid_entities=True,
                       forbid_external=True)
    except DefusedXmlException as exc:
        raise BuildError(f"RDF/XML with a DTD or entity declarations is refused ({type(exc).__name__})", path) from None
    except xml.sax.SAXParseException as exc:
        raise BuildError(f"XML syntax error at column {exc.getColumnNumber() + 1}: {exc.getMessage()}", path,
                         exc.getLineNumber()) from None
    except OSError as exc:
        raise BuildError(_os_problem(exc), path) from None


def syntax_error(exc: SyntaxError, path: Path) -> BuildError:
    """pyoxigraph's SyntaxError carries the line and column; the message starts with them."""
    message = " ".join(str(exc.msg if exc.msg else exc).split())
    if "LoadDocumentCallback" in message:
        return BuildError("JSON-LD @context that is not inline: remote, file and relative contexts are not "
                          "loaded (allow them with --allow-remote-contexts)", path)
    where = f" at column {exc.offset}" if exc.offset else ""
    for prefix in ("Parser error at ",):
        if message.startswith(prefix) and ": " in message:
            message = message.split(": ", 1)[1]
    return BuildError(f"syntax error{where}: {message[:300]}", path, exc.lineno)


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
    except OSError as exc:
        raise BuildError(_os_problem(exc), path) from None
    if count == 0:
        raise BuildError("no triples", path)
    if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG):
        for prefix, namespace in parser.prefixes.items():
            graph.bind(prefix, namespace)
    return graph


def stored_form() -> Callable[[ox.Literal], str]:
    """The lexical form of a typed literal once it is in an Oxigraph store, cached per literal. The store keeps
    numbers, booleans, dates and durations by value: "01"^^xsd:integer reads back as "1", "1.50"^^xsd:decimal
    as "1.5", and "2019-01-01Z"^^xsd:date keeps its timezone (which rdflib's own normalization drops), while an
    ill-typed literal stays as written. `parse` gives rdflib these forms, not normalized again, so pyshacl judges
    the literals the fast engine (scripts/fastshacl.py) queries: counts, patterns and lengths agree."""
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


def _term(node, blank: dict[str, BNode], path: Path, form: Callable[[ox.Literal], str]):
    if isinstance(node, ox.NamedNode):
        return URIRef(node.value)
    if isinstance(node, ox.BlankNode):
        if node.value not in blank:
            blank[node.value] = BNode()
        return blank[node.value]
    if isinstance(node, ox.Literal):
        if node.language:
            return Literal(node.value, lang=node.language)
        datatype = node.datatype.value
        if datatype == XSD_STRING:
            return Literal(node.value)
        return Literal(form(node), datatype=URIRef(datatype), normalize=False)
    raise BuildError(f"unsupported term {node} (RDF-star triple terms are not read)", path)


def _parse_jsonld_with_rdflib(path: Path, graph: Graph) -> Graph:
    """JSON-LD whose contexts may be fetched (only when asked for), with a timeout on each fetch."""
    import socket

    previous = socket.getdefaulttimeout()
    socket.setdefaulttimeout(CONTEXT_TIMEOUT)
    try:
        graph.parse(path, format="json-ld")
    except Exception as exc:  # rdflib and urllib raise many types; all mean this file could not be read
        raise BuildError(f"cannot read JSON-LD: {' '.join(str(exc).split())[:300]}", path) from None
    finally:
        socket.setdefaulttimeout(previous)
    form = stored_form()  # rdflib has normalized the literals its own way; the fast engine loads these triples
    for s, p, o in list(graph):
        if isinstance(o, Literal) and o.datatype is not None and str(o.datatype) != XSD_STRING:
            try:
                stored = form(ox.Literal(str(o), datatype=ox.NamedNode(str(o.datatype))))
            except ValueError:  # a datatype that is not an IRI: kept as rdflib read it
                continue
            if stored != str(o):
                graph.remove((s, p, o))
                graph.add((s, p, Literal(stored, datatype=o.datatype, normalize=False)))
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
