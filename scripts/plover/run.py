"""Map a file of PLOVER records to RDF: prepare the tables (Python), map them (RML, morph-kgc), ground every
evidence quote in its source (scripts/validate/grounding.py), write Turtle.

    python -m scripts.plover IN.json OUT.ttl      (make plover IN=... OUT=...)

Exit codes: 0 every record mapped; 1 some records refused (each reported with its id and the reason; the
others are still written); 4 the input cannot be read. The run states how many records were read, mapped
and refused.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef

from .. import derive
from ..errors import BuildError, display, printable
from ..link.records import CODES
from ..paths import NFP, PROV, RES, ROOT
from ..validate import grounding
from . import records as rec
from .codes import Countries
from .scheme import EXAMPLE, ROLES, SCHEMES, WORKS, Scheme, build, slug

MAPPING = EXAMPLE / "mapping.rml.ttl"
RML_PYTHON = Path(os.environ.get("PLOVER_RML_PYTHON", ROOT / ".venv-rml" / "bin" / "python"))


@dataclass
class Mapped:
    graph: Graph
    result: rec.Result
    quotes: int
    joined_states: list[str]

    @property
    def events(self) -> int:
        return len(self.result.tables.events)

    @property
    def actors(self) -> int:
        return len(self.result.tables.actors)


def dataset_slug(path: Path) -> str:
    return slug(path.stem) or "records"


def tables(result: rec.Result, scheme: Scheme, dataset: str, records_work: str, records_label: str) -> dict[str, list]:
    """Everything the RML mapping reads."""
    t = result.tables
    out = t.json()
    works = [{"iri": r["iri"], "label": r["label"], "text": r["text"], "language": r["language"],
              "date_coded": r["date_coded"], "dataset": dataset, "comment": r["comment"]} for r in t.records]
    for key, (label, _) in sorted(WORKS.items()):
        works.append({"iri": scheme.iri("work", key), "label": label})
    works.append({"iri": records_work, "label": records_label})
    out["works"] = [{k: v for k, v in w.items() if v} for w in works]
    quotes = list(out["quotes"])
    for key, (label, quote, source) in sorted(SCHEMES.items()):
        quotes.append({"resource": scheme.iri("scheme", key), "quote": quote, "source": scheme.iri("work", source)})
    for key in sorted(WORKS):
        first = {"plover-reference": "PLOVER Summary", "cameo2plover-2021": "CAMEO to PLOVER conversion table",
                 "plover-gsr-readme": "Documentation for the PLOVER gold standard file"}[key]
        quotes.append({"resource": scheme.iri("work", key), "quote": first, "source": scheme.iri("work", key)})
    used = {c for row in out["event_modes"] + out["event_contexts"] for c in [row["concept"]]}
    concepts, links_, alts = [], [], []
    for iri, c in sorted(scheme.concepts.items()):
        if c.source == scheme.records_source and iri not in used:
            continue
        concepts.append({k: v for k, v in {"iri": iri, "scheme": c.scheme, "notation": c.notation, "label": c.label,
                                           "definition": c.definition, "note": c.note}.items() if v})
        quotes.append({"resource": iri, "quote": grounding.normalize(c.quote), "source": c.source})
        for prop, targets in (("broadMatch", c.broad), ("narrowMatch", c.narrow), ("closeMatch", c.close), ("relatedMatch", c.related)):
            links_ += [{"concept": iri, "property": prop, "target": target} for target in targets]
        links_ += hierarchy(iri, c.parent, c.scheme)
        alts += [{"concept": iri, "label": label} for label in c.alt_labels]
    for key, (label, definition, quote) in sorted(ROLES.items()):
        iri = scheme.iri("role", key)
        concepts.append({"iri": iri, "class": "Role", "scheme": scheme.iri("scheme", "plover-roles"), "label": label,
                         "definition": definition, "notation": key.split("-")[-1]})
        quotes.append({"resource": iri, "quote": quote, "source": scheme.iri("work", "plover-gsr-readme")})
        links_ += hierarchy(iri, "", scheme.iri("scheme", "plover-roles"))
    out["concepts"], out["concept_links"], out["alt_labels"] = concepts, links_, alts
    out["schemes"] = [{"iri": scheme.iri("scheme", key), "label": label, "source": scheme.iri("work", source)}
                      for key, (label, _, source) in sorted(SCHEMES.items())]
    integer, string = [], []
    for row in t.codes:
        prop, datatype = CODES[row["scheme"]]
        target = integer if str(datatype).endswith("integer") else string
        target.append({"iri": row["iri"], "property": str(prop).rsplit("#", 1)[-1], "code": row["code"]})
    out["integer_codes"], out["string_codes"] = integer, string
    first_id = next((r["id"] for r in t.records), None)
    if first_id:
        quotes.append({"resource": records_work, "quote": first_id, "source": records_work})
    out["quotes"] = sorted(quotes, key=lambda q: (q["resource"], q["quote"], q["source"]))
    return out


def hierarchy(concept: str, parent: str, scheme: str) -> list[dict[str, str]]:
    """The concept under its parent (skos:broader, and the parent's skos:narrower), or a top concept of its scheme
    (skos:topConceptOf, and the scheme's skos:hasTopConcept): each link stated both ways."""
    if parent:
        return [{"concept": concept, "property": "broader", "target": parent},
                {"concept": parent, "property": "narrower", "target": concept}]
    return [{"concept": concept, "property": "topConceptOf", "target": scheme},
            {"concept": scheme, "property": "hasTopConcept", "target": concept}]


def rml(data: dict[str, list], workdir: Path) -> Graph:
    """Run the RML mapping with morph-kgc on the tables; return the triples."""
    (workdir / "normalized.json").write_text(json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False), encoding="utf-8")
    mapping = MAPPING.read_text(encoding="utf-8").replace('rml:source "normalized.json"',
                                                          f'rml:source "{(workdir / "normalized.json").as_posix()}"')
    (workdir / "mapping.rml.ttl").write_text(mapping, encoding="utf-8")
    out = workdir / "mapped.nt"
    (workdir / "config.ini").write_text(
        "[CONFIGURATION]\noutput_format=N-TRIPLES\n"
        f"output_file={out.as_posix()}\nlogging_level=WARNING\n\n"
        f"[PLOVER]\nmappings={(workdir / 'mapping.rml.ttl').as_posix()}\n", encoding="utf-8")
    if not RML_PYTHON.exists():
        raise BuildError(f"the RML engine is missing ({display(RML_PYTHON)}): run `make setup`")
    proc = subprocess.run([str(RML_PYTHON), "-m", "morph_kgc", str(workdir / "config.ini")],
                          capture_output=True, text=True, cwd=workdir)
    if proc.returncode != 0 or not out.exists():
        tail = " ".join((proc.stderr or proc.stdout).split())[-400:]
        raise BuildError(f"morph-kgc failed (exit {proc.returncode}): {tail}", MAPPING)
    g = Graph(bind_namespaces="core")
    g.parse(out, format="nt")
    return g


def ground(graph: Graph, quotes: list[dict[str, str]], texts: dict[str, str], base: str) -> int:
    """Check every quote verbatim in its source with the project's grounding code and add its annotation."""
    cache: dict[str, grounding.SourceText] = {}
    missing = []
    in_graph = {(str(s), str(o)) for s, o in graph.subject_objects(NFP.evidenceQuote)}
    for q in quotes:
        if (q["resource"], q["quote"]) not in in_graph:
            missing.append(f"{q['resource']}: quote not produced by the mapping: {q['quote'][:80]!r}")
            continue
        text = cache.setdefault(q["source"], grounding.SourceText.of(texts[q["source"]]))
        if not grounding.annotate(graph, URIRef(q["resource"]), q["quote"], URIRef(q["source"]), text, base):
            missing.append(f"{q['resource']}: evidence quote not found verbatim in {q['source']}: {q['quote'][:80]!r}")
    if missing:
        raise BuildError(f"{len(missing)} evidence quote(s) not grounded:\n  " + "\n  ".join(missing[:20]))
    return len(quotes)


def map_file(path: Path, base: str = str(RES), dataset: str | None = None) -> Mapped:
    """Map one file of records; raise BuildError when it cannot be read or mapped at all."""
    try:
        raw = path.read_text(encoding="utf-8")
        records = rec.load(path)
    except FileNotFoundError:
        raise BuildError("file not found", path) from None
    except (rec.Refused, UnicodeDecodeError) as exc:
        raise BuildError(str(exc), path) from None
    t0 = time.perf_counter()
    key = dataset_slug(path)
    records_work = f"{base}work/{key}"
    scheme = build(base, records_source=records_work, records_text=raw)
    mapper = rec.Mapper(scheme, Countries(base), base, dataset or f"{base.rsplit('/resource/', 1)[0]}/dataset/{key}")
    result = rec.prepare(records, mapper)
    data = tables(result, scheme, mapper.dataset, records_work, f"PLOVER records file {path.name}")
    texts = dict(scheme.texts)
    texts.update({r["iri"]: r["text"] for r in result.tables.records})
    t1 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="plover-") as tmp:
        graph = rml(data, Path(tmp))
    t2 = time.perf_counter()
    quotes = ground(graph, data["quotes"], texts, base)
    graph += derive.prov_associations(graph)  # the sources' agent participations in PROV-O's own terms, as the article's
    if os.environ.get("PLOVER_TIMING"):
        print(f"timing: prepare {t1 - t0:.1f} s, rml {t2 - t1:.1f} s, ground {time.perf_counter() - t2:.1f} s", file=sys.stderr)
    for prefix, ns in (("nfp", NFP), ("skos", "http://www.w3.org/2004/02/skos/core#"), ("dcterms", "http://purl.org/dc/terms/"),
                       ("oa", "http://www.w3.org/ns/oa#"), ("fabio", "http://purl.org/spar/fabio/"), ("prov", PROV)):
        graph.bind(prefix, ns)
    for kind in ("state", "organization", "group", "event", "participation", "work", "concept", "scheme", "role", "place", "evidence"):
        graph.bind(kind, f"{base}{kind}/")
    joined = sorted({row["iri"] for row in result.tables.actors.values() if row["class"] == "State"} & set(mapper.countries.article.values()))
    return Mapped(graph, result, quotes, joined)


def write_turtle(graph: Graph, path: Path) -> None:
    from ..publish.dumps import SortedGraph

    canon = SortedGraph(bind_namespaces="core")
    canon += graph
    for prefix, ns in graph.namespaces():
        canon.bind(prefix, ns, override=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(canon.serialize(format="turtle"), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(
        description="Map a file of PLOVER event records (JSON array or JSON lines) to RDF in the nfp: ontology.",
        epilog="example: python -m scripts.plover examples/plover-gsr/gsr-sample.json dist/examples/plover-gsr.ttl\n"
               "exit codes: 0 every record mapped, 1 some records refused, 4 unreadable input",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("input", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("--base", default=str(RES), help="namespace of the resources (default: %(default)s)")
    parser.add_argument("--expect-refused", type=Path, metavar="FILE",
                        help="records known to be malformed, one 'ID: reason' a line: exit 0 when exactly these are refused")
    args = parser.parse_args(argv)
    try:
        mapped = map_file(args.input, args.base)
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 4
    write_turtle(mapped.graph, args.output)
    r = mapped.result
    for rid, reason in r.refused:
        print(f"refused: {display(args.input)}: {printable(f'{rid}: {reason}')}", file=sys.stderr)  # the data's text
    for note in r.tables.unused_spans:
        print(f"note: {printable(note)} (not used as evidence)")
    print(f"{display(args.input)}: {r.read} records read, {r.mapped} mapped, {len(r.refused)} refused, "
          f"{r.documentation} documentation record(s) not published as facts")
    print(f"{display(args.output)}: {mapped.events} events, {mapped.actors} actors, "
          f"{len(mapped.joined_states)} states joined with the article's ({', '.join(s.rsplit('/', 1)[-1] for s in mapped.joined_states) or 'none'}), "
          f"{mapped.quotes} evidence quotes verified, {len(mapped.graph)} triples")
    if args.expect_refused is not None:
        problems = unexpected(r.refused, expected_refusals(args.expect_refused))
        for line in problems:
            print(f"error: {line}", file=sys.stderr)
        if problems:
            return 1
        print(f"the {len(r.refused)} refused record(s) are those listed in {display(args.expect_refused)}")
        return 0
    return 1 if r.refused else 0


def expected_refusals(path: Path) -> set[str]:
    return {line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")}


def unexpected(refused: list[tuple[str, str]], expected: set[str]) -> list[str]:
    """What differs between the records refused and those expected to be ('ID: reason' lines)."""
    got = {f"{rid}: {reason}" for rid, reason in refused}
    return [f"refused but not expected: {line}" for line in sorted(got - expected)] + \
        [f"expected to be refused but was not: {line}" for line in sorted(expected - got)]
