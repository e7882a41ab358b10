"""A deterministic generator of a realistic synthetic IR dataset in the nfp: ontology, with a known number
of injected errors of each kind (for the benchmark in bench/run.py and the verdict tests).

Each "unit" describes one NGO with its place, an activity with two qualified participations (the NGO in a role,
and a state), an event, a cited source with its reference entry and an in-text citation, and a claim resting on
it (with its kind and the section it stands in), every resource grounded in a quote; the claim's quote also
expanded into the Web Annotation the build makes of each quote (scripts/validate/grounding.py, annotate: an
nfp:Evidence with a target, a text quote selector and a text position selector), whose shape counts and checks
values on sequence paths (oa:hasTarget/oa:hasSelector/oa:exact).
Every ERROR_EVERY[kind]-th unit carries one error of that kind; the manifest lists how many of each were
injected and which (shape, component) must fire. Dates and years are plain ISO 8601 literals
(ontology/README.md, "Dates and years"); the date errors are typed literals or plain ones with no such day.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
from pathlib import Path

R = "https://w3id.org/ngo-fp/resource/"
NFP = "https://w3id.org/ngo-fp/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS = "http://www.w3.org/2004/02/skos/core#"
XSD = "http://www.w3.org/2001/XMLSchema#"
FABIO = "http://purl.org/spar/fabio/"
C4O = "http://purl.org/spar/c4o/"
CITO = "http://purl.org/spar/cito/"
BIRO = "http://purl.org/spar/biro/"
DCT = "http://purl.org/dc/terms/"
OA = "http://www.w3.org/ns/oa#"
SHAPES = "https://w3id.org/ngo-fp/shapes#"

KINDS = ["Association", "Foundation", "TradeUnion", "EmployerOrganization", "ResearchCentre", "Federation"]
ACTIVITIES = ["HumanitarianAid", "Meeting", "PromotionalActivity", "ResearchAndPublication", "PublicOpinionFormation"]
STATES = ["turkey", "azerbaijan", "georgia", "iran", "russia", "armenia", "kazakhstan", "iraq"]
ROLES = ["complementing-official-policy", "forming-public-opinion", "expert-support", "bridge-on-sensitive-issues"]
WORDS = ("civil society foreign policy humanitarian aid public diplomacy cooperation council research meeting "
         "development association foundation bilateral relations region culture education economy").split()

# kind -> (every n-th unit, the shape and component that must report it)
ERROR_EVERY = {
    "missing-label": (53, SHAPES + "labelPresent", "MinCountConstraintComponent"),
    "label-not-english": (59, SHAPES + "labelEnglish", "LanguageInConstraintComponent"),
    "bad-organization-iri": (61, SHAPES + "OrganizationShape", "PatternConstraintComponent"),
    "participation-without-actor": (67, SHAPES + "ParticipationShape-participant", "MinCountConstraintComponent"),
    "event-date-typed": (71, SHAPES + "startDateTyped", "DatatypeConstraintComponent"),
    "event-date-february-30": (89, SHAPES + "startDateTyped", "PatternConstraintComponent"),
    "access-date-month-13": (97, SHAPES + "SourceShape-accessDate", "PatternConstraintComponent"),
    "year-typed-gyear": (73, SHAPES + "SourceShape-issued", "DatatypeConstraintComponent"),
    "citation-resolved-without-entry": (79, SHAPES + "CitationResolvedOrFlaggedShape", "SPARQLConstraintComponent"),
    "missing-evidence": (83, SHAPES + "evidencePresent", "MinCountConstraintComponent"),
    "annotation-without-exact": (47, SHAPES + "EvidenceShape-hasTarget-hasSelector-exact", "MinCountConstraintComponent"),
}


def lit(value: str, datatype: str | None = None, lang: str | None = None) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    if lang:
        return f'"{escaped}"@{lang}'
    return f'"{escaped}"^^<{datatype}>' if datatype else f'"{escaped}"'


def iri(value: str) -> str:
    return f"<{value}>"


def sentence(rng: random.Random, n: int = 9) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


HUB = iri(R + "work/hub-2023")  # with hub=True, every reference list, claim and quote belongs to this one work


def unit(i: int, rng: random.Random, errors: dict[str, int], hub: bool = False) -> list[tuple[str, str, str]]:
    def err(kind: str) -> bool:
        if i % ERROR_EVERY[kind][0] == ERROR_EVERY[kind][0] - 1:
            errors[kind] += 1
            return True
        return False

    t: list[tuple[str, str, str]] = []
    add = lambda s, p, o: t.append((s, p, o))  # noqa: E731
    org = iri(R + (f"organization/NGO_{i}" if err("bad-organization-iri") else f"organization/ngo-{i}"))
    state = iri(R + "state/" + rng.choice(STATES))
    act, event = iri(R + f"activity/activity-{i}"), iri(R + f"event/event-{i}")
    partner = rng.choice(STATES)  # the second participant: a state, so no unit points into another unit
    p1, p2 = iri(R + f"participation/activity-{i}--ngo-{i}"), iri(R + f"participation/activity-{i}--{partner}")
    work, entry = iri(R + f"work/author-{i}-{2000 + i % 24}"), iri(R + f"reference/bench-{i}-01")
    citation, claim = iri(R + f"citation/bench-{i}-author-{i}-nolocator"), iri(R + f"claim/claim-{i}")
    section = iri(R + f"section/author-{i}-body")
    quote = lambda: lit(sentence(rng))  # noqa: E731

    add(org, RDF_TYPE, iri(NFP + rng.choice(KINDS)))
    if not err("missing-label"):
        add(org, LABEL, lit(f"Association {i}", lang="tr" if err("label-not-english") else "en"))
    add(org, NFP + "basedIn", state)
    add(org, SKOS + "prefLabel", lit(f"Dernek {i}", lang="tr"))
    if not err("missing-evidence"):
        add(org, NFP + "evidenceQuote", quote())

    add(act, RDF_TYPE, iri(NFP + rng.choice(ACTIVITIES)))
    add(act, LABEL, lit(f"Activity {i}", lang="en"))
    add(act, NFP + "evidenceQuote", quote())
    add(act, NFP + "place", state)
    for part, actor, role in ((p1, org, True), (p2, iri(R + "state/" + partner), False)):
        add(act, NFP + "participation", part)
        add(part, RDF_TYPE, iri(NFP + "Participation"))
        add(part, LABEL, lit(f"Participation in activity {i}", lang="en"))
        add(part, NFP + "evidenceQuote", quote())
        if not (part == p2 and err("participation-without-actor")):
            add(part, NFP + "participant", actor)
        if role:
            add(part, NFP + "role", iri(R + "role/" + rng.choice(ROLES)))

    add(event, RDF_TYPE, iri(NFP + "Event"))
    add(event, LABEL, lit(f"Event {i}", lang="en"))
    add(event, NFP + "evidenceQuote", quote())
    date = f"{1990 + i % 30}-0{1 + i % 9}-1{i % 10}"  # dates are plain ISO 8601 literals (ontology/README.md)
    if err("event-date-typed"):
        add(event, NFP + "startDate", lit(date, XSD + "date"))
    elif err("event-date-february-30"):  # plain, but no such day
        add(event, NFP + "startDate", lit(f"{1990 + i % 30}-02-30"))
    else:
        add(event, NFP + "startDate", lit(date))
    add(event, NFP + "place", state)

    add(work, RDF_TYPE, iri(NFP + "Source"))
    add(work, RDF_TYPE, iri(FABIO + rng.choice(["Book", "JournalArticle", "BookChapter"])))
    add(work, LABEL, lit(f"Author {i} ({2000 + i % 24})", lang="en"))
    add(work, DCT + "title", lit(sentence(rng, 6), lang="en"))
    add(work, "http://purl.org/dc/terms/issued", lit(str(2000 + i % 24), XSD + "gYear") if err("year-typed-gyear") else lit(str(2000 + i % 24)))
    add(work, NFP + "evidenceQuote", quote())
    add(work, NFP + "accessDate", lit(f"{2000 + i % 24}-13-01" if err("access-date-month-13") else f"{2000 + i % 24}-05-30"))
    add(entry, RDF_TYPE, iri(NFP + "ReferenceEntry"))
    add(entry, LABEL, lit(f"Reference 1 of bench {i}", lang="en"))
    add(entry, NFP + "referenceNumber", lit("1", XSD + "integer"))
    add(entry, BIRO + "references", work)
    add(entry, NFP + "citingWork", HUB if hub else work)
    add(entry, NFP + "evidenceQuote", quote())
    add(citation, RDF_TYPE, iri(NFP + "InTextCitation"))
    add(citation, LABEL, lit(f"(Author {i})", lang="en"))
    add(citation, C4O + "hasContent", lit(f"(Author {i})"))
    add(citation, NFP + "citingWork", HUB if hub else work)
    if not err("citation-resolved-without-entry"):
        add(citation, C4O + "denotes", entry)
    add(citation, NFP + "resolution", iri(R + "concept/citation-resolved"))
    add(citation, NFP + "citationFunction", iri(CITO + "citesForInformation"))
    add(citation, NFP + "evidenceQuote", quote())

    add(claim, RDF_TYPE, iri(NFP + "Claim"))
    add(claim, LABEL, lit(f"Claim {i}", lang="en"))
    add(claim, NFP + "statement", lit(sentence(rng), lang="en"))
    add(claim, NFP + "assertedIn", HUB if hub else work)
    add(claim, NFP + "supportedBy", citation)
    add(claim, NFP + "claimKind", iri(R + "concept/claim-kind-argument"))
    add(claim, NFP + "inSection", section)
    add(claim, NFP + "concerns", state)
    claim_quote = quote()
    add(claim, NFP + "evidenceQuote", claim_quote)
    evidence(t, claim, claim_quote, HUB if hub else work, i, err("annotation-without-exact"))
    add(section, RDF_TYPE, iri(NFP + "Section"))
    add(section, LABEL, lit(f"Body of Author {i}", lang="en"))
    add(section, DCT + "title", lit("Body", lang="en"))
    add(section, "http://purl.org/vocab/frbr/core#partOf", work)
    add(section, NFP + "evidenceQuote", quote())
    return t


def evidence(t: list[tuple[str, str, str]], resource: str, quote: str, source: str, i: int, no_exact: bool) -> None:
    """The annotation of one quote, shaped as the build's (grounding.annotate), at a made-up place in the source."""
    exact = quote[1:-1]  # the literal's text
    ev = R + "evidence/" + hashlib.sha256(f"{resource}\n{exact}".encode()).hexdigest()[:16]
    node, target, tqs, tps = iri(ev), iri(ev + "/target"), iri(ev + "/quote"), iri(ev + "/position")
    start = 1000 + 97 * i
    t += [(resource, NFP + "groundedIn", node), (node, RDF_TYPE, iri(NFP + "Evidence")),
          (node, RDF_TYPE, iri(OA + "Annotation")), (node, LABEL, lit(f"Evidence: \u201c{exact[:60]}\u201d", lang="en")),
          (node, OA + "motivatedBy", iri(NFP + "evidencing")), (node, OA + "hasBody", resource),
          (node, OA + "hasTarget", target), (target, RDF_TYPE, iri(OA + "SpecificResource")),
          (target, OA + "hasSource", source), (target, OA + "hasSelector", tqs), (target, OA + "hasSelector", tps),
          (tqs, RDF_TYPE, iri(OA + "TextQuoteSelector"))]
    if not no_exact:
        t.append((tqs, OA + "exact", quote))
    t += [(tqs, OA + "prefix", lit("the words before it. ")), (tqs, OA + "suffix", lit(" And after it")),
          (tps, RDF_TYPE, iri(OA + "TextPositionSelector")),
          (tps, OA + "start", lit(str(start), XSD + "nonNegativeInteger")),
          (tps, OA + "end", lit(str(start + len(exact)), XSD + "nonNegativeInteger"))]


def shared() -> list[tuple[str, str, str]]:
    """Resources every unit points to: states, roles and their scheme, the resolution concept, the claim kind,
    the hub work."""
    t = [(HUB, RDF_TYPE, iri(NFP + "Source")), (HUB, RDF_TYPE, iri(FABIO + "JournalArticle")),
         (HUB, LABEL, lit("Hub (2023)", lang="en")), (HUB, DCT + "title", lit("The citing work", lang="en")),
         (HUB, NFP + "evidenceQuote", lit("The Role of the Interaction"))]
    scheme = iri(R + "scheme/ngo-roles")
    t += [(scheme, RDF_TYPE, iri(SKOS + "ConceptScheme")), (scheme, LABEL, lit("Roles", lang="en")),
          (scheme, NFP + "evidenceQuote", lit("the various roles they undertake"))]
    for s in STATES:
        node = iri(R + "state/" + s)
        t += [(node, RDF_TYPE, iri(NFP + "State")), (node, LABEL, lit(s.title(), lang="en")),
              (node, NFP + "evidenceQuote", lit(f"{s.title()} and its neighbours"))]
    for r in ROLES:
        node = iri(R + "role/" + r)
        t += [(node, RDF_TYPE, iri(NFP + "Role")), (node, RDF_TYPE, iri(SKOS + "Concept")),
              (node, LABEL, lit(r.replace("-", " ").capitalize(), lang="en")),
              (node, SKOS + "definition", lit("A role.", lang="en")), (node, SKOS + "inScheme", scheme),
              (node, NFP + "evidenceQuote", lit("in a complementary role to official policy"))] + top(node, scheme)
    res_scheme, concept = iri(R + "scheme/citation-resolution"), iri(R + "concept/citation-resolved")
    t += [(res_scheme, RDF_TYPE, iri(SKOS + "ConceptScheme")), (res_scheme, LABEL, lit("Citation resolution", lang="en")),
          (res_scheme, NFP + "evidenceQuote", lit("REFERENCES")),
          (concept, RDF_TYPE, iri(NFP + "CitationResolution")), (concept, RDF_TYPE, iri(SKOS + "Concept")),
          (concept, LABEL, lit("Resolved", lang="en")), (concept, SKOS + "definition", lit("Resolved.", lang="en")),
          (concept, SKOS + "inScheme", res_scheme), (concept, NFP + "evidenceQuote", lit("(Willetts, 2001:357)"))]
    t += top(concept, res_scheme)
    kinds, kind = iri(R + "scheme/claim-kinds"), iri(R + "concept/claim-kind-argument")
    t += [(kinds, RDF_TYPE, iri(SKOS + "ConceptScheme")), (kinds, LABEL, lit("Kinds of claims", lang="en")),
          (kinds, NFP + "evidenceQuote", lit("we can list the main reasons")),
          (kind, RDF_TYPE, iri(NFP + "ClaimKind")), (kind, RDF_TYPE, iri(SKOS + "Concept")),
          (kind, LABEL, lit("Author's argument", lang="en")), (kind, SKOS + "definition", lit("A claim.", lang="en")),
          (kind, SKOS + "inScheme", kinds), (kind, NFP + "evidenceQuote", lit("we can list the main reasons"))]
    return t + top(kind, kinds)


def top(concept: str, scheme: str) -> list[tuple[str, str, str]]:
    """A top concept of its scheme, both ways (nfps:ConceptShape)."""
    return [(concept, SKOS + "topConceptOf", scheme), (scheme, SKOS + "hasTopConcept", concept)]


# A file written by another version of this script is stale (it may use terms the shapes no longer check).
GENERATOR = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]


def current(out: Path) -> dict | None:
    """The manifest of `out` if this version of the script wrote it, else None (generate it again)."""
    manifest = out.with_suffix(".manifest.json")
    if not (out.exists() and manifest.exists()):
        return None
    found = json.loads(manifest.read_text(encoding="utf-8"))
    return found if found.get("generator") == GENERATOR else None


def generate(triples: int, out: Path, seed: int = 42, hub: bool = False) -> dict:
    """Write about `triples` triples as N-Triples to `out`; return the manifest of injected errors.

    hub=True: every reference entry, in-text citation, claim and annotation target points to one work (as the
    article's own do), so four sh:class checks meet one node hundreds of thousands of times."""
    rng = random.Random(seed)
    errors = {kind: 0 for kind in ERROR_EVERY}
    written = 0
    with out.open("w", encoding="utf-8") as f:
        for s, p, o in shared():
            f.write(f"{s} {iri(p) if not p.startswith('<') else p} {o} .\n")
            written += 1
        i = 0
        while written < triples:
            for s, p, o in unit(i, rng, errors, hub):
                f.write(f"{s} {iri(p) if not p.startswith('<') else p} {o} .\n")
                written += 1
            i += 1
    manifest = {"triples": written, "units": i, "seed": seed, "hub": hub, "generator": GENERATOR,
                "errors": {k: {"count": v, "shape": ERROR_EVERY[k][1], "component": ERROR_EVERY[k][2]} for k, v in errors.items()}}
    out.with_suffix(".manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("triples", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--hub", action="store_true", help="one citing work for every reference and claim")
    args = parser.parse_args()
    print(json.dumps(generate(args.triples, args.out, args.seed, args.hub)["errors"]))
