"""Coverage of the article by the instances: which resources each paragraph grounds, which candidate
names of the text (acronyms, capitalized multi-word names) map to which resource, and, paragraph by
paragraph, which claims encode each sentence of the argument.

A candidate maps to a resource when one of the resource's names (rdfs:label, skos:prefLabel, skos:altLabel,
nfp:acronym, nfp:nameInSource) equals it, contains it as whole words, or is contained in it as whole words,
ignoring case. Candidates that deliberately map to nothing are listed, each with its reason, in
instances/coverage-exclusions.csv.

A sentence is encoded when the evidence quote of a claim (nfp:Claim, causal statements included) overlaps
it. Sentences that are not part of the argument (title, headings, keywords, the typology list, template
text) are listed with their reason in instances/argument-exclusions.csv, by the words they begin with.
"""
from __future__ import annotations

import argparse
import csv
import functools
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Namespace, URIRef

from .grounding import normalize, quotes, source_text
from ..paths import ARTICLE, INSTANCES, NFP

SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
EXCLUSIONS = INSTANCES / "coverage-exclusions.csv"
ARGUMENT_EXCLUSIONS = INSTANCES / "argument-exclusions.csv"
CLAIM_CLASSES = ("Claim", "CausalStatement")
# A sentence ends at . ? or ! (and a closing quote) before white space and a capital, digit, quote or bracket,
# unless the word before the stop is an initial, a number, an abbreviation or a roman numeral ("Dr.", "A.",
# "10.", "e.g.", "I.").
SENTENCE_END = re.compile(r"(?<=[.?!])[\"”]?(?=\s+[\"“(]?[A-ZÇĞİÖŞÜ0-9])")
NOT_AN_END = re.compile(r"(?:^|[\s(])(?:[A-ZÇĞİÖŞÜ]|[0-9]{1,3}|Dr|Mr|Mrs|St|e\.g|i\.e|etc|[IVX]+)[.]$")
DCTERMS = Namespace("http://purl.org/dc/terms/")
NAME_PROPERTIES = (RDFS.label, SKOS.prefLabel, SKOS.altLabel, NFP.acronym, NFP.nameInSource, DCTERMS.title)

UPPER = "A-ZÇĞİÖŞÜ"
WORD = rf"[{UPPER}][\w’'.-]*"
ACRONYM = re.compile(rf"\b[{UPPER}]{{2,}}(?:-[{UPPER}]+)*\b|\b[{UPPER}][a-zçğıöşü]+-(?:Sen|Der)\b")
CONNECTORS = r"(?:of|and|for|the|in|on|to|de|&)"
MULTIWORD = re.compile(rf"{WORD}(?:\s+(?:{CONNECTORS}\s+)*{WORD})+")
# Words that begin sentences or clauses rather than names; a candidate loses them from its start.
LEADING = {
    "The", "In", "It", "This", "These", "That", "As", "At", "After", "Before", "Since", "With", "Among", "For",
    "Especially", "Some", "Other", "Another", "One", "All", "Both", "Many", "Most", "Although", "However",
    "If", "Nowadays", "Today", "Therefore", "Historically", "Again", "Even", "Currently", "Also", "But",
    "Non-governmental", "National", "Members", "While", "When", "To",
    "Efforts", "Activities", "Joint", "Qualitative", "Civil", "Global",
    "According", "the", "and", "to",
}
ABBREVIATIONS = {"Dr.", "St.", "Mr.", "Mrs."}
ROMAN = re.compile(r"^[IVX]+\.?$")
STOP_SECTIONS = ("REFERENCES",)


@dataclass
class Report:
    paragraphs: list[tuple[int, str, list[str]]]  # (number, first words, resources grounded in it)
    candidates: dict[str, list[str]]  # candidate name -> resources it maps to
    excluded: dict[str, str]  # candidate -> reason
    unmapped: list[str] = field(default_factory=list)
    bare_paragraphs: list[int] = field(default_factory=list)
    # paragraph -> [(sentence, claims encoding it, reason it is left out)]
    argument: dict[int, list[tuple[str, list[str], str]]] = field(default_factory=dict)
    unencoded: list[tuple[int, str]] = field(default_factory=list)  # (paragraph, sentence)


def body_paragraphs(text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of each paragraph of the body (title to the reference list), in normalized text."""
    normalized = source_text(ARTICLE).normalized
    out, cursor = [], 0
    for block in re.split(r"\n\s*\n", text):
        para = normalize(block)
        if not para:
            continue
        if para.startswith(STOP_SECTIONS):
            break
        start = normalized.find(para, cursor)
        out.append((start, start + len(para), para))
        cursor = start + len(para)
    return out


def sentences(para: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of each sentence of a normalized paragraph, offsets relative to the paragraph."""
    out, start = [], 0
    for match in SENTENCE_END.finditer(para):
        if NOT_AN_END.search(para[start:match.end()]):
            continue
        out.append((start, match.end(), para[start:match.end()].strip()))
        start = match.end() + 1
    if para[start:].strip():
        out.append((start, len(para), para[start:].strip()))
    return out


def read_argument_exclusions(path: Path = ARGUMENT_EXCLUSIONS) -> dict[str, str]:
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as f:
        return {normalize(row["sentence_begins"]): row["reason"] for row in csv.DictReader(f)}


def argument(graph: Graph, exclusions: dict[str, str] | None = None
             ) -> tuple[dict[int, list[tuple[str, list[str], str]]], list[tuple[int, str]]]:
    """Per paragraph, each sentence with the claims whose quotes overlap it, or the reason it is left out;
    and the sentences neither encoded nor excluded."""
    exclusions = read_argument_exclusions() if exclusions is None else exclusions
    normalized = source_text(ARTICLE).normalized
    claims = {s for cls in CLAIM_CLASSES for s in graph.subjects(RDF.type, NFP[cls])}
    spans = []
    for resource, quote in quotes(graph):
        if resource in claims:
            start = normalized.find(normalize(quote))
            spans.append((start, start + len(normalize(quote)), str(resource)))
    out: dict[int, list[tuple[str, list[str], str]]] = {}
    missing: list[tuple[int, str]] = []
    for n, (p_start, _, para) in enumerate(body_paragraphs(source_text(ARTICLE).original), 1):
        for s_start, s_end, sentence in sentences(para):
            a, b = p_start + s_start, p_start + s_end
            hits = sorted({r for start, end, r in spans if start < b and a < end})
            reason = next((why for begins, why in exclusions.items() if sentence.startswith(begins)), "")
            out.setdefault(n, []).append((sentence, hits, reason))
            if not hits and not reason:
                missing.append((n, sentence))
    return out, missing


def candidates(text: str) -> list[str]:
    """Acronyms and capitalized multi-word names of the body, in order of first appearance."""
    found: dict[str, None] = {}
    for _, _, para in body_paragraphs(text):
        for match in ACRONYM.finditer(para):
            found.setdefault(match.group(), None)
        for match in MULTIWORD.finditer(para):
            for words in sentence_chunks(match.group().split()):
                while words and words[0] in LEADING:
                    words.pop(0)
                while words and re.fullmatch(CONNECTORS, words[-1]):
                    words.pop()
                if len(words) >= 2:
                    found.setdefault(" ".join(words), None)
    return [c for c in found if not ROMAN.match(c)]


def sentence_chunks(words: list[str]) -> list[list[str]]:
    """Split a run of capitalized words where a sentence ends (a word ending in a period that is not an
    initial or an abbreviation); drop possessive 's and trailing punctuation."""
    chunks: list[list[str]] = [[]]
    for word in words:
        ends = word.endswith(".") and len(word) > 2 and word not in ABBREVIATIONS
        word = re.sub(r"['’]s$", "", word.rstrip(",;:") if not ends else word.rstrip("."))
        chunks[-1].append(word)
        if ends:
            chunks.append([])
    return [c for c in chunks if c]


# Resources whose labels are composed of other resources' names ("Activity: Actor"): they name nothing
# themselves, so a name found only in them is not covered.
COMPOSED = (NFP.Participation, NFP.AgentParticipation)


def names(graph: Graph) -> dict[URIRef, set[str]]:
    composed = {s for cls in COMPOSED for s in graph.subjects(RDF.type, cls)}
    out: dict[URIRef, set[str]] = {}
    for prop in NAME_PROPERTIES:
        for s, o in graph.subject_objects(prop):
            if isinstance(s, URIRef) and s not in composed:
                out.setdefault(s, set()).add(normalize(str(o)).casefold())
    return out


def whole_words(needle: str, hay: str) -> bool:
    return _word_pattern(needle).search(hay) is not None


@functools.lru_cache(maxsize=None)  # re keeps only 512 compiled patterns: the report needs many more, again and again
def _word_pattern(needle: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(needle)}(?!\w)")


def matches(candidate: str, resource_names: dict[URIRef, set[str]]) -> list[str]:
    c = candidate.casefold()
    # the plain substring tests only skip regex work: whole_words is the rule
    hits = [str(r) for r, ns in resource_names.items()
            if any(c == n or (c in n and whole_words(c, n)) or (len(n) > 3 and n in c and whole_words(n, c))
                   for n in ns)]
    return sorted(hits)


def read_exclusions(path: Path = EXCLUSIONS) -> dict[str, str]:
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as f:
        return {row["candidate"]: row["reason"] for row in csv.DictReader(f)}


def report(graph: Graph, exclusions: dict[str, str] | None = None) -> Report:
    text = source_text(ARTICLE).original
    exclusions = read_exclusions() if exclusions is None else exclusions
    paragraphs = body_paragraphs(text)
    normalized = source_text(ARTICLE).normalized
    grounded: dict[int, set[str]] = {i: set() for i in range(len(paragraphs))}
    for resource, quote in quotes(graph):
        start = normalized.find(normalize(quote))
        for i, (p_start, p_end, _) in enumerate(paragraphs):
            if p_start <= start < p_end:
                grounded[i].add(str(resource))
    resource_names = names(graph)
    mapped = {c: matches(c, resource_names) for c in candidates(text)}
    rep = Report(
        paragraphs=[(i + 1, " ".join(p.split()[:8]), sorted(grounded[i])) for i, (_, _, p) in enumerate(paragraphs)],
        candidates=mapped,
        excluded={c: r for c, r in exclusions.items() if c in mapped},
    )
    rep.unmapped = [c for c, hits in mapped.items() if not hits and c not in exclusions]
    rep.bare_paragraphs = [n for n, _, rs in rep.paragraphs if not rs]
    rep.argument, rep.unencoded = argument(graph)
    return rep


def markdown(rep: Report) -> str:
    lines = ["# Coverage of Bulgur (2023) by the instances", ""]
    mapped = sum(1 for hits in rep.candidates.values() if hits)
    lines += [f"- paragraphs of the body: {len(rep.paragraphs)}; without any grounded resource: {len(rep.bare_paragraphs)}",
              f"- candidate names: {len(rep.candidates)}; mapped: {mapped}; excluded with a reason: {len(rep.excluded)};"
              f" unmapped: {len(rep.unmapped)}", ""]
    lines += ["## Candidate names", "", "| candidate | resources |", "|---|---|"]
    for c, hits in rep.candidates.items():
        where = ", ".join(f"`{h.rsplit('/resource/', 1)[-1]}`" for h in hits) or (
            f"excluded: {rep.excluded[c]}" if c in rep.excluded else "**UNMAPPED**")
        lines.append(f"| {c} | {where} |")
    encoded = sum(1 for sents in rep.argument.values() for _, hits, _ in sents if hits)
    left_out = sum(1 for sents in rep.argument.values() for _, hits, why in sents if not hits and why)
    lines.insert(4, f"- sentences of the body: {sum(len(v) for v in rep.argument.values())}; encoded by claims: "
                    f"{encoded}; left out with a reason: {left_out}; neither: {len(rep.unencoded)}")
    lines += ["", "## Argument, paragraph by paragraph", "",
              "Each sentence of the body with the claims that encode it, or the reason it is left out.", "",
              "| § | sentence | claims |", "|---|---|---|"]
    for n, sents in rep.argument.items():
        for sentence, hits, why in sents:
            words = sentence.split()
            shown = " ".join(words[:12]) + (" …" if len(words) > 12 else "")
            where = ", ".join(f"`{h.rsplit('/resource/', 1)[-1]}`" for h in hits) or (
                f"left out: {why}" if why else "**NOT ENCODED**")
            lines.append(f"| {n} | {shown.replace('|', '/')} | {where} |")
    lines += ["", "## Paragraphs", "", "| § | begins | resources grounded in it |", "|---|---|---|"]
    for n, start, resources in rep.paragraphs:
        lines.append(f"| {n} | {start} … | {len(resources)}: " + ", ".join(
            f"`{r.rsplit('/resource/', 1)[-1]}`" for r in resources[:12]) + (" …" if len(resources) > 12 else "") + " |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    from ..errors import BuildError
    from ..load import load_sources

    parser = argparse.ArgumentParser(description="Write the coverage report and fail on unmapped names or bare paragraphs.")
    parser.add_argument("--out", type=Path, default=None, help="write the Markdown report here")
    args = parser.parse_args(argv)
    try:
        _, data, _ = load_sources()
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    rep = report(data)
    text = markdown(rep)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
    print(text.split("## Candidate names")[0].strip())
    for c in rep.unmapped:
        print(f"unmapped candidate: {c}", file=sys.stderr)
    for n in rep.bare_paragraphs:
        print(f"paragraph {n} grounds no resource", file=sys.stderr)
    for n, sentence in rep.unencoded:
        print(f"paragraph {n}: sentence encoded by no claim and not excluded: {sentence[:80]!r}", file=sys.stderr)
    return 1 if rep.unmapped or rep.bare_paragraphs or rep.unencoded else 0


if __name__ == "__main__":
    sys.exit(main())
