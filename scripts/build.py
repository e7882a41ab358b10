"""The pipeline: parse sources -> check grounding -> QC -> SHACL -> OWL consistency -> publish dist/.

`python -m scripts.build` builds and publishes; `--no-publish` only validates. Any failure prints what is
wrong (file, line, resource) and exits non-zero; dist/ is then left as it was.
"""
from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import OWL, RDF, Graph, Literal, URIRef

from . import coverage, grounding, links, qc, reasoning, site, validate
from .errors import BuildError, display
from .load import load_sources, parse
from .paths import BASE, DIST, INSTANCES, ONTOLOGY, SHAPES, VERSION_FILE
from .publish import publish


@dataclass
class Built:
    ontology: Graph
    instances: Graph
    evidence: Graph
    quotes: int
    warnings: list[validate.Result] = field(default_factory=list)

    @property
    def data(self) -> Graph:
        merged = Graph(bind_namespaces="core")
        merged += self.instances
        merged += self.evidence
        for prefix, ns in self.instances.namespaces():
            merged.bind(prefix, ns)
        return merged


def step(name: str) -> float:
    print(f"- {name} ...", flush=True)
    return time.perf_counter()


def done(start: float, detail: str) -> None:
    print(f"  {detail} ({time.perf_counter() - start:.1f} s)", flush=True)


def stamp(onto: Graph, version: str) -> None:
    """Set the ontology's owl:versionIRI and owl:versionInfo from the release version."""
    if not version or not all(part.isdigit() for part in version.split(".")) or version.count(".") != 2:
        raise BuildError(f"version {version!r} is not of the form MAJOR.MINOR.PATCH", VERSION_FILE)
    iri = URIRef(BASE + "ontology")
    onto.remove((iri, OWL.versionIRI, None))
    onto.remove((iri, OWL.versionInfo, None))
    onto.add((iri, OWL.versionIRI, URIRef(f"{BASE}ontology/{version}")))
    onto.add((iri, OWL.versionInfo, Literal(version)))


def build(ontology: Path = ONTOLOGY, instances: Path = INSTANCES, shapes: Path = SHAPES,
          links_folder: Path = links.LINKS, version: str | None = None) -> Built:
    """Parse and validate everything; raise BuildError on the first failing step."""
    t = step("parse sources")
    onto, data, per_file = load_sources(ontology, instances)
    stamp(onto, version or VERSION_FILE.read_text(encoding="utf-8").strip())
    shapes_graph = parse(shapes)
    done(t, f"{len(onto)} ontology triples, {len(data)} instance triples from {len(per_file)} files")

    t = step(f"links to Wikidata and IR identifiers ({display(links_folder)}/)")
    link_triples = links.link_graph(set(data.subjects(RDF.type)), links_folder)
    data += link_triples
    done(t, f"{len(set(link_triples.subjects(RDF.type, links.NFP.LinkRecord)))} verified Wikidata links, "
            f"{len(links.candidates(links_folder))} candidates to review, {len(link_triples)} triples")

    t = step("check evidence quotes against sources/")
    checked, problems = grounding.check(per_file)
    if problems:
        raise BuildError(f"{len(problems)} evidence quote(s) not found verbatim:\n" + "\n".join(f"  {p}" for p in problems))
    evidence = grounding.expand(data)
    done(t, f"{checked} quotes verified, {len(evidence)} annotation triples generated")

    t = step("ontology and data QC (shapes/qc/*-violation.rq)")
    merged = onto + data + evidence
    qc_store = qc.store(merged)
    failures = []
    for check in qc.checks():
        rows = qc.run(check, qc_store)
        if rows:
            shown = "\n".join("    " + " | ".join(row) for row in rows[:10])
            failures.append(f"  {check.name}: {check.description} ({len(rows)} row(s))\n{shown}")
    if failures:
        raise BuildError("QC failed:\n" + "\n".join(failures))
    done(t, f"{len(qc.checks())} checks passed")

    t = step("SHACL validation (pyshacl, ontology mixed in)")
    results, _ = validate.shacl(data + evidence, onto, shapes_graph)
    violations = [r for r in results if r.severity == "Violation"]
    warnings = [r for r in results if r.severity != "Violation"]
    if violations:
        raise BuildError(f"SHACL: {len(violations)} violation(s):\n" + validate.summary(violations))
    done(t, f"conforms; {len(warnings)} warning(s)" + ("\n" + validate.summary(warnings) if warnings else ""))

    t = step("OWL 2 consistency (HermiT via owlready2)")
    result = reasoning.check(merged)
    if not result.consistent:
        raise BuildError(f"HermiT: ontology and instances are not consistent: {result.detail}")
    done(t, f"consistent ({result.triples} triples, none set aside)")
    return Built(onto, data, evidence, checked, warnings)


def write_publication(built: Built, dist: Path) -> Path:
    """Publish the validated build: dumps, description, exports, coverage report and site."""
    report = coverage.markdown(coverage.report(built.instances))
    from .plover import publication as plover

    return publish(built.ontology, built.data, dist, reports={"coverage.md": report}, site=site.write,
                   datasets=(plover.write,))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-publish", action="store_true", help="validate only; leave dist/ alone")
    parser.add_argument("--dist", type=Path, default=DIST, help="output folder (default: dist/)")
    parser.add_argument("--instances", type=Path, default=INSTANCES, help="instance folder (default: instances/)")
    parser.add_argument("--links", type=Path, default=links.LINKS, help="link records folder (default: links/)")
    parser.add_argument("--version", default=None, help="release version to stamp (default: the VERSION file)")
    args = parser.parse_args(argv)
    try:
        built = build(instances=args.instances, links_folder=args.links, version=args.version)
        if not args.no_publish:
            t = step(f"publish {display(args.dist)}/")
            write_publication(built, args.dist)
            done(t, f"{len(built.data) + len(built.ontology)} triples written")
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        print("build failed; dist/ left unchanged", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
