"""Grounding: every evidence quote must occur verbatim (whitespace-normalized) in its source text.

Hand-edited Turtle carries the short form `<resource> nfp:evidenceQuote "exact text"`. The build checks
each quote against the source text and expands it into a W3C Web Annotation (nfp:Evidence) whose target is
a TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector on the source text.
"""
from __future__ import annotations

import argparse
import hashlib
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef

from ..errors import display
from ..paths import ARTICLE, NFP, OA, RES, SOURCE_TEXTS

CONTEXT = 32  # characters of prefix and suffix kept in a TextQuoteSelector


def normalize(text: str) -> str:
    """Collapse every run of whitespace to one space and trim the ends."""
    return " ".join(text.split())


@dataclass(frozen=True)
class SourceText:
    """A source text with its whitespace-normalized form and a map back to original offsets."""

    original: str
    normalized: str
    offsets: tuple[int, ...]  # offsets[i] = index in `original` of normalized character i

    @classmethod
    def read(cls, path: Path) -> "SourceText":
        return cls.of(path.read_text(encoding="utf-8"))

    @classmethod
    def of(cls, original: str) -> "SourceText":
        chars: list[str] = []
        offsets: list[int] = []
        for match in re.finditer(r"\S+", original):
            if chars:
                chars.append(" ")
                offsets.append(match.start() - 1)
            chars.extend(match.group())
            offsets.extend(range(match.start(), match.end()))
        return cls(original, "".join(chars), tuple(offsets))

    def find(self, quote: str) -> int:
        """Offset of the quote in the normalized text, or -1."""
        return self.normalized.find(normalize(quote))


@lru_cache(maxsize=None)
def source_text(source: URIRef) -> SourceText:
    return SourceText.read(SOURCE_TEXTS[source])


@dataclass(frozen=True)
class Problem:
    resource: URIRef
    quote: str
    path: Path | None
    within: str = ""  # where the quote was looked for, when not in the article

    def __str__(self) -> str:
        where = f"{display(self.path)}: " if self.path else ""
        short = self.quote if len(self.quote) <= 120 else self.quote[:117] + "..."
        return (f"{where}{self.resource}: evidence quote not found in {self.within or display(SOURCE_TEXTS[ARTICLE])}: "
                f"\u201c{short}\u201d")


def quotes(graph: Graph) -> list[tuple[URIRef, str]]:
    """All (resource, quote) pairs, sorted for a stable order."""
    return sorted((s, str(o)) for s, o in graph.subject_objects(NFP.evidenceQuote))


def check(per_file: dict[Path, Graph]) -> tuple[int, list[Problem]]:
    """Check every quote of every file; return (number checked, problems)."""
    text = source_text(ARTICLE)
    checked, problems = 0, []
    for path, graph in sorted(per_file.items()):
        for resource, quote in quotes(graph):
            checked += 1
            if not normalize(quote) or text.find(quote) < 0:
                problems.append(Problem(resource, quote, path))
    return checked, problems


def check_own_texts(per_file: dict[Path, Graph]) -> tuple[int, list[Problem], int]:
    """As check(), but a file that gives its sources' whole texts (nfp:sourceText, as data of other projects do:
    docs/bring-your-own-data.md) has its quotes looked for in those texts, each quote in any of them; a file without
    one, such as the article's instance files, in the article. A quote the file already annotates (nfp:Evidence) on a
    source whose text it does not give (scripts.plover's output: the PLOVER reference) cannot be checked here and is
    counted apart. For editors (main()); the build checks the article's files with check(), whatever they hold.
    Returns (quotes checked, problems, quotes left unchecked)."""
    checked, problems, unchecked = 0, [], 0
    for path, graph in sorted(per_file.items()):
        own = sorted((s, str(t)) for s, t in graph.subject_objects(NFP.sourceText))
        if not own:
            n, found = check({path: graph})
            checked, problems = checked + n, problems + found
            continue
        texts = [SourceText.of(text) for _, text in own]
        sources = dict(own)  # (in order, once each)
        within = "the nfp:sourceText of " + ", ".join(str(s) for s in sources)
        elsewhere = {(body, normalize(str(exact)))
                     for evidence in graph.subjects(RDF.type, NFP.Evidence)
                     for body in graph.objects(evidence, OA.hasBody)
                     for target in graph.objects(evidence, OA.hasTarget)
                     if not any(source in sources for source in graph.objects(target, OA.hasSource))
                     for selector in graph.objects(target, OA.hasSelector)
                     for exact in graph.objects(selector, OA.exact)}
        for resource, quote in quotes(graph):
            if normalize(quote) and (resource, normalize(quote)) in elsewhere:
                unchecked += 1
                continue
            checked += 1
            if not normalize(quote) or all(text.find(quote) < 0 for text in texts):
                problems.append(Problem(resource, quote, path, within))
    return checked, problems, unchecked


def evidence_iri(resource: URIRef, quote: str, source: URIRef = ARTICLE, base: str = str(RES)) -> URIRef:
    """A stable IRI for the annotation of one quote; quotes of other sources than the article hash the source too
    (one resource may be grounded by the same words in several records)."""
    key = f"{resource}\n{normalize(quote)}" + ("" if source == ARTICLE else f"\n{source}")
    return URIRef(f"{base}evidence/{hashlib.sha256(key.encode()).hexdigest()[:16]}")


def section_starts(graph: Graph, text: SourceText) -> list[tuple[int, URIRef]]:
    """Where each section of the article (nfp:Section) begins in the normalized text: at its heading, the first of
    its evidence quotes; in text order."""
    starts = []
    for section in graph.subjects(RDF.type, NFP.Section):
        found = [p for p in (text.find(str(q)) for q in graph.objects(section, NFP.evidenceQuote)) if p >= 0]
        if found:
            starts.append((min(found), section))
    return sorted(starts)


def misplaced(graph: Graph) -> list[tuple[URIRef, set[URIRef], set[URIRef]]]:
    """The resources whose nfp:inSection names other sections than those their evidence quotes stand in (each
    quote in the section of the last heading before it): (resource, sections named, sections of its quotes)."""
    text = source_text(ARTICLE)
    starts = section_starts(graph, text)
    out = []
    for resource in sorted(set(graph.subjects(NFP.inSection, None))):
        named = set(graph.objects(resource, NFP.inSection))
        found = set()
        for quote in graph.objects(resource, NFP.evidenceQuote):
            at = text.find(str(quote))
            before = [section for start, section in starts if start <= at]
            if at >= 0 and before:
                found.add(before[-1])
        if found != named:
            out.append((resource, named, found))
    return out


def expand(graph: Graph) -> Graph:
    """Web Annotations for every evidence quote of `graph` (quotes must have been checked)."""
    text = source_text(ARTICLE)
    out = Graph()
    for resource, quote in quotes(graph):
        annotate(out, resource, quote, ARTICLE, text)
    return out


def annotate(out: Graph, resource: URIRef, quote: str, source: URIRef, text: SourceText, base: str = str(RES)) -> bool:
    """Add the annotation grounding `resource` in `quote` of `source` (whose text is `text`) to `out`;
    False (and nothing added) when the quote is not in the text verbatim, whitespace aside."""
    exact = normalize(quote)
    start = text.find(exact) if exact else -1
    if start < 0:
        return False
    end = start + len(exact)
    ev = evidence_iri(resource, quote, source, base)
    target, tqs, tps = URIRef(f"{ev}/target"), URIRef(f"{ev}/quote"), URIRef(f"{ev}/position")
    out.add((resource, NFP.groundedIn, ev))
    out.add((ev, RDF.type, NFP.Evidence))
    out.add((ev, RDF.type, OA.Annotation))
    out.add((ev, RDFS.label, Literal(f"Evidence: \u201c{exact[:60]}{'…' if len(exact) > 60 else ''}\u201d", lang="en")))
    out.add((ev, OA.motivatedBy, NFP.evidencing))
    out.add((ev, OA.hasBody, resource))
    out.add((ev, OA.hasTarget, target))
    out.add((target, RDF.type, OA.SpecificResource))
    out.add((target, OA.hasSource, source))
    out.add((target, OA.hasSelector, tqs))
    out.add((target, OA.hasSelector, tps))
    out.add((tqs, RDF.type, OA.TextQuoteSelector))
    out.add((tqs, OA.exact, Literal(exact)))
    out.add((tqs, OA.prefix, Literal(text.normalized[max(0, start - CONTEXT):start])))
    out.add((tqs, OA.suffix, Literal(text.normalized[end:end + CONTEXT])))
    out.add((tps, RDF.type, OA.TextPositionSelector))
    out.add((tps, OA.start, Literal(text.offsets[start], datatype=XSD.nonNegativeInteger)))
    out.add((tps, OA.end, Literal(text.offsets[end - 1] + 1, datatype=XSD.nonNegativeInteger)))
    return True


def main(argv: list[str] | None = None) -> int:
    """Check the quotes of the given RDF files (for editors: `python -m scripts.validate.grounding FILE...`): against
    the file's own source texts (nfp:sourceText) where it gives any, else against the article."""
    from ..errors import BuildError
    from ..load import parse

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args(argv)
    try:
        per_file = {path: parse(path) for path in args.files}
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    checked, problems, unchecked = check_own_texts(per_file)
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{checked} quotes checked, {len(problems)} not found" + (
        f"; {unchecked} left unchecked: annotated on sources whose text the file does not give" if unchecked else ""))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
