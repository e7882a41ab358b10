"""Content negotiation: which of the formats we offer a client's `Accept` header prefers (RFC 9110, 12.5.1)."""
from __future__ import annotations

import math

# What the endpoint answers, by kind of answer; the first of each list is the default (no Accept, or */*).
RESULTS = {  # SELECT and ASK
    "application/sparql-results+json": "JSON",
    "application/json": "JSON",
    "application/sparql-results+xml": "XML",
    "application/xml": "XML",
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
}
GRAPHS = {  # CONSTRUCT and DESCRIBE, and the descriptions of resource IRIs
    "text/turtle": "TURTLE",
    "application/n-triples": "N_TRIPLES",
    "application/ld+json": "JSON_LD",
    "application/rdf+xml": "RDF_XML",
}


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """[(media range, q)] in the header's order; a missing or empty header accepts anything."""
    if not header or not header.strip():
        return [("*/*", 1.0)]
    ranges = []
    for part in header.split(","):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if "/" not in media:
            continue
        q = 1.0
        for param in fields[1:]:
            name, _, val = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(val)
                except ValueError:
                    q = 0.0
                q = min(max(q, 0.0), 1.0) if math.isfinite(q) else 0.0  # RFC 9110 qvalues are 0 to 1: NaN is none
        ranges.append((media, q))
    return ranges


def _quality(media: str, ranges: list[tuple[str, float]]) -> float:
    """The q of the most specific range matching `media` (type/subtype beats type/* beats */*)."""
    kind = media.split("/")[0]
    best, specificity = 0.0, -1
    for pattern, q in ranges:
        level = 2 if pattern == media else 1 if pattern == f"{kind}/*" else 0 if pattern == "*/*" else -1
        if level > specificity:
            best, specificity = q, level
    return best if specificity >= 0 else 0.0


def choose(header: str | None, offered: list[str]) -> str | None:
    """The offered media type the client prefers (ties go to our order), or None if it accepts none (406)."""
    ranges = parse_accept(header)
    scored = [(_quality(media, ranges), -i, media) for i, media in enumerate(offered)]
    q, _, media = max(scored)
    return media if q > 0 else None


def content_type(media: str) -> str:
    """The Content-Type header for an answer in `media`: UTF-8 named for the text-based formats."""
    return media + ("; charset=utf-8" if media.startswith("text/") or "json" in media or "xml" in media else "")
