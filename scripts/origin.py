"""Where each resource is written: the file and the line where its subject block starts, so that a failure
about a resource (SHACL, QC) names the place to fix it. Generated resources (evidence annotations, link
records) point to the resource they were generated from."""
from __future__ import annotations

import functools

import re
from pathlib import Path

from rdflib import Graph, URIRef

from .paths import NFP, OA

Location = tuple[Path, int | None]
# The subject that opens a block in hand-edited Turtle: an IRI or a prefixed name at the start of a line.
SUBJECT = re.compile(r"(<[^>\s]*>|[A-Za-z][\w.-]*:[^\s;,]*|:[^\s;,]*)(?=\s|$)")


def subject_lines(path: Path, graph: Graph) -> dict[str, int]:
    """IRI -> line of the first line of `path` that starts with that subject (prefixes as the file binds them)."""
    prefixes = {p: str(ns) for p, ns in graph.namespaces()}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    found: dict[str, int] = {}
    for number, text in enumerate(lines, 1):
        if not text or text[0] in " \t#@" or text.startswith(("PREFIX", "BASE", "prefix", "base")):
            continue
        match = SUBJECT.match(text)
        if not match:
            continue
        token = match.group(1)
        if token.startswith("<"):
            iri = token[1:-1]
        else:
            prefix, _, local = token.partition(":")
            if prefix not in prefixes:
                continue
            iri = prefixes[prefix] + local.replace("\\", "")
        found.setdefault(iri, number)
    return found


def locate(files: dict[Path, Graph], generated: tuple[Graph, ...] = (), links: Path | None = None) -> dict[str, Location]:
    """Resource IRI -> (file, line or None) for every subject of `files`; evidence annotations and link
    records of the `generated` graphs map to the place of the resource they belong to (or the link file's row)."""
    where: dict[str, Location] = {}
    for path, graph in sorted(files.items()):
        lines = subject_lines(path, graph)
        for s in graph.subjects():
            if isinstance(s, URIRef):
                where.setdefault(str(s), (path, lines.get(str(s))))
    for graph in generated:
        for ev, resource in graph.subject_objects(OA.hasBody):
            if str(resource) in where:
                for suffix in ("", "/target", "/quote", "/position"):
                    where.setdefault(f"{ev}{suffix}", where[str(resource)])
    for graph in generated:
        for record, resource in graph.subject_objects(NFP.linkedResource):
            where.setdefault(str(record), _row(links, str(resource)) or where.get(str(resource), (Path(), None)))
    return where


def also_written(files: dict[Path, Graph]) -> dict[str, list[Location]]:
    """Resource IRI -> the other files (and lines) that write it, for the resources written in more than one file:
    `locate` gives the first, which need not be the one a failure comes from."""
    paths: dict[str, list[Path]] = {}
    for path, graph in sorted(files.items()):
        for s in set(graph.subjects()):
            if isinstance(s, URIRef):
                paths.setdefault(str(s), []).append(path)
    shared = {iri: found[1:] for iri, found in paths.items() if len(found) > 1}
    lines = {path: subject_lines(path, files[path]) for path in {p for found in shared.values() for p in found}}
    return {iri: [(path, lines[path].get(iri)) for path in found] for iri, found in shared.items()}


def _row(folder: Path | None, needle: str) -> Location | None:
    if folder is None:
        return None
    for path in sorted(folder.glob("*.csv")):
        try:
            for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if needle in text.split(","):
                    return path, number
        except OSError:
            continue
    return None


def first_iri(values: tuple[str, ...], where: dict[str, Location]) -> str | None:
    """The first value (of a QC row) that is a located resource."""
    return next((value for value in values if value in where), None)


@functools.lru_cache(maxsize=64)
def flattened(text: str) -> tuple[str, tuple[int, ...]]:
    """`text` with each run of whitespace as one space, and the line of each of its characters."""
    chars: list[str] = []
    line_of: list[int] = []
    for number, line in enumerate(text.splitlines(), 1):
        for char in line + "\n":
            if char.isspace():
                if chars and chars[-1] == " ":
                    continue
                char = " "
            chars.append(char)
            line_of.append(number)
    return "".join(chars), tuple(line_of)


def quote_line(text: str, quote: str, block: int | None) -> int | None:
    """The line where `quote` (whitespace as one space) starts in `text`: its first place from the line `block`
    (the resource's block) on, else its first place anywhere, else `block` itself (a quote the file writes with
    escapes). Matched whole, over line breaks: a prefix of it matched another resource's quote before."""
    wanted = " ".join(quote.split())
    flat, line_of = flattened(text)
    start = next((i for i, n in enumerate(line_of) if n >= (block or 1)), 0)
    found = flat.find(wanted, start) if wanted else -1
    if found < 0 and wanted:
        found = flat.find(wanted)
    return line_of[found] if found >= 0 else block
