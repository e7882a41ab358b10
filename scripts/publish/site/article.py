"""The article as a page: its paragraphs with anchors (#p-N), its sections as headings or anchors (#section-<slug>),
and every evidence quote marked where it occurs (#ev-<hash>), so a quote on any page links to its sentence."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rdflib import Namespace, URIRef

from ...paths import ARTICLE, NFP, OA, SOURCE_TEXTS
from .model import DCT, Model

FRBR = Namespace("http://purl.org/vocab/frbr/core#")


@dataclass
class Segment:
    text: str
    anchors: list[str] = field(default_factory=list)  # ids of the quotes (and sections) that start here
    evidence: list[str] = field(default_factory=list)  # ids of the quotes that cover this text
    title: str = ""


@dataclass
class Paragraph:
    id: str
    segments: list[Segment]
    heading: str | None = None  # the id of the section it heads, if it is a heading


def slug(iri: URIRef) -> str:
    return str(iri).rstrip("/").rsplit("/", 1)[-1]


def sections(model: Model) -> list[tuple[int, int, URIRef]]:
    """(start, end, section) of every section of the article, by the position of its heading quote."""
    out = []
    for section in model.graph.subjects(NFP.evidenceQuote, None):
        if NFP.Section not in model.types(section):
            continue
        for ev in model.evidence_of(section):
            position = model.evidence_position(ev)
            if position:
                out.append((position[0], position[1], section))
    return sorted(set(out))


def quotes(model: Model) -> list[tuple[int, int, str, list[URIRef]]]:
    """(start, end, anchor id, resources it grounds) of every evidence annotation on the article."""
    out = []
    for ev in sorted(model.graph.subjects(OA.hasBody, None)):
        if not any(model.first(t, OA.hasSource) == ARTICLE for t in model.objects(ev, OA.hasTarget)):
            continue
        position = model.evidence_position(ev)
        if position:
            out.append((position[0], position[1], "ev-" + slug(ev), model.objects(ev, OA.hasBody)))
    return out


def paragraphs(model: Model, text: str) -> tuple[list[Paragraph], list[dict[str, object]]]:
    """The article's paragraphs cut into segments at every quote boundary, and its table of contents."""
    marks = quotes(model)
    heads = sections(model)
    out: list[Paragraph] = []
    toc = []
    for number, match in enumerate(re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text), start=1):
        ps, pe = match.span()
        inside = [(max(s, ps), min(e, pe), anchor, bodies, s) for s, e, anchor, bodies in marks if s < pe and e > ps]
        cuts = sorted({ps, pe} | {c for s, e, *_ in inside for c in (s, e)})
        starts: dict[int, list[str]] = {}
        for s, _, anchor, _, real_start in inside:
            if real_start >= ps:
                starts.setdefault(s, []).append(anchor)
        heading = None
        for s, e, section in heads:
            if ps <= s < pe:
                sid = "section-" + slug(section)
                order = [str(n) for n in model.objects(section, NFP.sectionNumber)]
                title = model.first(section, DCT.title)
                toc.append({"id": sid, "label": " ".join(order + [str(title) if title else model.label(section)]),
                            "sub": model.first(section, FRBR.partOf) != ARTICLE})
                if s == ps and e == pe:
                    heading = sid
                else:
                    starts.setdefault(s, []).insert(0, sid)
        segments = []
        for a, b in zip(cuts, cuts[1:]):
            covering = [(anchor, bodies) for s, e, anchor, bodies, _ in inside if s <= a and b <= e]
            names = sorted({model.label(body) for _, bodies in covering for body in bodies}, key=str.casefold)
            segments.append(Segment(text[a:b], starts.get(a, []), [anchor for anchor, _ in covering],
                                    ("Evidence for: " + "; ".join(names)) if names else ""))
        out.append(Paragraph(f"p-{number}", segments, heading))
    return out, toc


def context(model: Model) -> dict[str, object]:
    text = SOURCE_TEXTS[ARTICLE].read_text(encoding="utf-8")
    paras, toc = paragraphs(model, text)
    return {"up": "", "title": str(model.first(ARTICLE, DCT.title) or model.label(ARTICLE)),
            "paragraphs": paras, "toc": toc, "record": model.page_path(ARTICLE),
            "quotes": sum(1 for p in paras for s in p.segments for a in s.anchors if a.startswith("ev-"))}
