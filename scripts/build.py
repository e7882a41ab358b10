"""The pipeline: parse sources -> check grounding -> QC -> SHACL -> OWL consistency -> publish dist/.

`python -m scripts.build` builds and publishes; `--no-publish` only validates; `--release x.y.z` stamps the
version and writes releases/x.y.z/. Any failure prints one line per problem (file:line: what is wrong) and
exits non-zero; dist/ is then left as it was. One build at a time per output folder (a lock); a kill at any
moment leaves the last good dist/ in place or puts it back at the next build (scripts/publish/atomic.py).

Exit codes: 0 published (or validated), 1 the sources or the output folder have a problem, 130 interrupted
(Ctrl-C), 143 terminated (SIGTERM).
"""
from __future__ import annotations

import argparse
import functools
import gc
import os
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, Graph, URIRef

from . import cache, derive, inputs, validate
from . import version as versions
from .link import records
from .publish import atomic, dumps, site
from .validate import coverage, grounding, qc, reasoning
from .errors import BuildError, Problems, display
from .load import load_sources, parse
from .origin import also_written, first_iri, locate, quote_line, subject_lines
from .paths import DIST, INSTANCES, NFP, ONTOLOGY, RES, ROOT, SHAPES, SOURCE_TEXTS


@dataclass
class Built:
    ontology: Graph
    instances: Graph
    evidence: Graph
    quotes: int
    warnings: list[validate.Result] = field(default_factory=list)
    published: Graph | None = None  # dumps.merge(ontology, data), when already made
    published_nt: str | None = None  # and its sorted N-Triples
    inputs: tuple[Path, ...] = ()  # the source files it was made from (void.ttl's PROV: what the build used)

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


@dataclass
class Prepared:
    """The parsed sources with their links and evidence, before the checks."""
    ontology_path: Path
    ontology: Graph
    instances: Graph
    evidence: Graph
    shapes: Graph
    quotes: int
    files: dict[Path, Graph]  # each source file's graph (the ontology's and the instance files')
    links: Graph  # the link and code records
    links_folder: Path
    shapes_path: Path = SHAPES

    @functools.cached_property
    def where(self) -> dict[str, tuple[Path, int | None]]:
        """Resource IRI -> the file and line where it is written (scripts/origin.py): made when a check fails and
        names a resource, not on every build (0.1 s)."""
        return locate(self.files, (self.evidence, self.links), self.links_folder)

    @functools.cached_property
    def elsewhere(self) -> dict[str, list[tuple[Path, int | None]]]:
        """Resource IRI -> the other places it is written, for the resources written in several files."""
        return also_written(self.files)

    @functools.cached_property
    def merged(self) -> Graph:
        """Ontology, instances and evidence in one graph, as published: made in the writer process, which owns
        its copy of the parts, in the evidence graph itself, the largest of them (its 17,550 triples are not added
        again: 0.4 s less before the site can start). `evidence` is that merged graph afterwards, so nothing
        but the publication may read this object then."""
        prefixes = Graph(bind_namespaces="core")  # the prefixes of Built.data, without copying its triples
        for prefix, ns in self.instances.namespaces():
            prefixes.bind(prefix, ns)
        return dumps.merge(self.ontology, self.instances, self.evidence, prefixes=prefixes, into=self.evidence)

    @functools.cached_property
    def ntriples(self) -> str:
        """The merged graph as sorted N-Triples (made from its parts, without it): the key of the checks' cache,
        and what QC, SHACL and HermiT read."""
        return dumps.ntriples(*self.parts)

    @property
    def parts(self) -> tuple[Graph, ...]:
        return self.ontology, self.instances, self.evidence

    def built(self, warnings: list[validate.Result] | None = None) -> Built:
        return Built(self.ontology, self.instances, self.evidence, self.quotes, warnings or [],
                     self.__dict__.get("merged"), self.__dict__.get("ntriples"), self.inputs)

    @property
    def inputs(self) -> tuple[Path, ...]:
        """The source files: the article's text, the ontology, the instance files, the shapes, the link records."""
        records_ = sorted(self.links_folder.glob("*.csv")) if self.links_folder.is_dir() else []
        return (*SOURCE_TEXTS.values(), self.ontology_path, *sorted(p for p in self.files if p != self.ontology_path),
                self.shapes_path, *records_)


def prepare(ontology: Path = ONTOLOGY, instances: Path = INSTANCES, shapes: Path = SHAPES,
            links_folder: Path = records.LINKS, version: str | None = None,
            parsed: Callable[[Graph, Graph, Path], object] = lambda *_: None) -> Prepared:
    """Parse the sources, add the links, check the quotes and expand them into evidence (`parsed(ontology,
    instances, links_folder)` is called once the sources are parsed)."""
    inputs.check_regular(tuple(inputs.FOLDERS) + (instances, links_folder))
    release = versions.check(version, "--version") if version is not None else versions.read()
    t = step("parse sources")
    onto, data, per_file = load_sources(ontology, instances)
    versions.stamp(onto, release)
    shapes_graph = parse(shapes)
    misnamed = outside_names(per_file)
    if misnamed:
        raise Problems(f"{len(misnamed)} resource IRI(s) not of the form {RES}<type>/<slug>", misnamed)
    too_long = long_names(per_file)
    if too_long:
        raise Problems(f"{len(too_long)} resource IRI(s) with a name too long for the site's files", too_long)
    done(t, f"{len(onto)} ontology triples, {len(data)} instance triples from {len(per_file)} files")
    parsed(onto, data, links_folder)

    t = step("CiTO citation statements between the works, from the in-text citations' functions")
    cites = derive.direct_citations(data)
    data += cites
    done(t, f"{len(cites)} statements")

    t = step("C4O in-text reference pointers, from the citations that resolve")
    pointers = derive.reference_pointers(data)
    data += pointers
    done(t, f"{len(pointers)} statements")

    t = step("PROV-O qualified associations, from the agent participations")
    associations = derive.prov_associations(data)
    data += associations
    done(t, f"{len(associations)} statements")

    t = step(f"links to Wikidata and IR identifiers ({display(links_folder)}/)")
    link_triples = records.link_graph(set(data.subjects(RDF.type)), links_folder)
    data += link_triples
    done(t, f"{len(set(link_triples.subjects(RDF.type, records.NFP.LinkRecord)))} verified Wikidata links, "
            f"{len(records.candidates(links_folder))} resources searched without a link, {len(link_triples)} triples")

    t = step("check evidence quotes against sources/")
    checked, problems = grounding.check(per_file)
    if problems:
        raise Problems(f"{len(problems)} evidence quote(s) not found verbatim in the article",
                       [quote_problem(p, per_file) for p in problems])
    misplaced = grounding.misplaced(data)
    if misplaced:
        raise Problems(f"{len(misplaced)} resource(s) in other sections than their evidence quotes",
                       [section_problem(*m, per_file) for m in misplaced])
    evidence = grounding.expand(data)
    done(t, f"{checked} quotes verified, each in the section its resource names; "
            f"{len(evidence)} annotation triples generated")
    return Prepared(ontology, onto, data, evidence, shapes_graph, checked, {ontology: onto, **per_file},
                    link_triples, links_folder, shapes)


# Each segment of a resource IRI under resource/ names a file of the site (`<slug>.jsonld`, the longest) or a folder:
# a file name holds 255 bytes at most, so a longer slug, which the shapes' patterns accept, failed the site writer
# with "File name too long" in dist.tmp/, naming no instance file
NAME_BYTES = 200


def outside_names(files: dict[Path, Graph]) -> list[BuildError]:
    """The subjects of the instance files that are not <resource/><type>/<slug>: the shapes' patterns accept any
    host and path before /<type>/<slug>, and such a resource was published with no page and an IRI that resolves
    to nothing."""
    base = str(RES)
    problems = []
    for path, graph in sorted(files.items()):
        found = sorted({str(s) for s in graph.subjects() if isinstance(s, URIRef)
                        and not (str(s).startswith(base) and str(s)[len(base):].count("/") == 1)})
        if found:
            lines = subject_lines(path, graph)
            problems += [BuildError(f"{iri}: a resource of the dataset has an IRI {base}<type>/<slug> (its page "
                                    "and files are published there)", path, lines.get(iri)) for iri in found]
    return problems


def long_names(files: dict[Path, Graph]) -> list[BuildError]:
    """The resources written in `files` whose IRI has a path segment after resource/ longer than NAME_BYTES."""
    base = str(RES)
    problems = []
    for path, graph in sorted(files.items()):
        found = sorted({str(s) for s in graph.subjects() if isinstance(s, URIRef) and str(s).startswith(base)
                        and any(len(part.encode("utf-8")) > NAME_BYTES for part in str(s)[len(base):].split("/"))})
        if found:
            lines = subject_lines(path, graph)
            problems += [BuildError(f"{iri}: a slug longer than {NAME_BYTES} bytes cannot name the site's files "
                                    "(a file name holds 255 bytes)", path, lines.get(iri)) for iri in found]
    return problems


class Checks:
    """QC, SHACL and OWL 2 consistency of a prepared build. Made, it looks the graph up in the cache (a graph
    that passed them before with the same shapes, QC queries and checking code is not checked again:
    scripts/cache.py) and otherwise starts HermiT at once, in a process of its own, since it takes longest;
    `finish()` runs QC and SHACL meanwhile, then waits for HermiT, and returns the SHACL warnings or raises
    BuildError on the first failing check."""

    def __init__(self, p: Prepared, warm: reasoning.Warm | None = None) -> None:
        """`warm`: HermiT's JVM, started once the sources were parsed (reasoning.Warm): handed the graph, or
        stopped if HermiT need not run."""
        self.p = p
        self.key = cache.digest([p.ntriples, *cache.files([SHAPES, qc.QC]), *cache.checking_code(),
                                 *cache.environment()])
        passed = cache.get("checks", self.key)
        self.passed = [validate.Result(**r) for r in passed] if isinstance(passed, list) else None
        if self.passed is not None and warm is not None:
            warm.stop()
        self.hermit = reasoning.start_cached(p.parts, p.ntriples, warm) if self.passed is None else None

    def finish(self, meanwhile: Callable[[], object] = lambda: None) -> list[validate.Result]:
        """`meanwhile`: work to do before waiting for HermiT (after QC and SHACL; at once if the checks passed
        before)."""
        if self.passed is not None:
            meanwhile()
            t = step("QC, SHACL and OWL 2 consistency")
            done(t, f"passed before on this very graph with the same shapes, QC and code (cache {self.key[:12]}); "
                    f"{len(self.passed)} SHACL warning(s)" + ("\n" + validate.summary(self.passed) if self.passed else ""))
            return self.passed
        assert self.hermit is not None
        try:
            warnings = run_checks(self.p, self.hermit, meanwhile)
        finally:
            self.hermit.stop()
        cache.put("checks", self.key, [r.texts() for r in warnings])
        return warnings


def check(p: Prepared) -> list[validate.Result]:
    """QC, SHACL and OWL 2 consistency (`Checks`); the SHACL warnings."""
    return Checks(p).finish()


def run_checks(p: Prepared, hermit: reasoning.Run, meanwhile: Callable[[], object] = lambda: None
               ) -> list[validate.Result]:
    """QC and SHACL on the graph while `hermit` runs, then `meanwhile()`, then HermiT's verdict."""
    t = step("ontology and data QC (shapes/qc/*-violation.rq)")
    store = merged_store(p.ntriples)
    failures = []
    for qc_check in qc.checks():
        for row in qc.run(qc_check, store):
            resource = first_iri(row, p.where)
            path, line = p.where[resource] if resource is not None else (None, None)
            failures.append(BuildError(f"QC {qc_check.name}: {qc_check.description}: {' | '.join(row)}"
                                       f"{also_written_at(resource, p.elsewhere)}", path, line))
    if failures:
        raise Problems(f"QC: {len(failures)} row(s) returned by shapes/qc/*-violation.rq", failures)
    done(t, f"{len(qc.checks())} checks passed")

    t = step("SHACL validation (ontology mixed in)")
    results, engine = shacl_results(p, store)
    violations = [r for r in results if r.severity == "Violation"]
    warnings = [r for r in results if r.severity != "Violation"]
    if violations:
        raise Problems(f"SHACL: {len(violations)} violation(s)", [shacl_problem(r, p.where, p.elsewhere) for r in violations])
    done(t, f"conforms ({engine}); {len(warnings)} warning(s)" + ("\n" + validate.summary(warnings) if warnings else ""))

    meanwhile()
    t = step("OWL 2 consistency (HermiT, started before QC)")
    result = hermit.result()
    if not result.consistent:
        raise BuildError(f"HermiT: ontology and instances are not consistent: {result.detail}", p.ontology_path)
    done(t, f"consistent ({result.triples} triples, none set aside)" if not result.cached else
            "consistent: HermiT found a graph with the same logical axioms consistent before (only annotations "
            "differ; scripts/validate/reasoning.py, start_cached)")
    return warnings


def merged_store(ntriples: str) -> ox.Store:
    """The store QC and the fast SHACL engine read: the whole graph as published (ontology, instances, evidence).
    pyshacl gets the instances and evidence with only the ontology's RDFS and OWL statements mixed in
    (fastshacl.mixed_in); the two give the same results on the publication (tests/test_fastshacl.py,
    test_same_verdict_on_the_publication), and one store saves loading the graph twice (0.8 s)."""
    store = ox.Store()
    store.bulk_load(ntriples.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return store


def shacl_results(p: Prepared, store: ox.Store) -> tuple[list[validate.Result], str]:
    """The SHACL results of the build and the engine that found them: the fast engine on `store` (the merged
    graph; scripts/validate/fastshacl.py, whose results equal pyshacl's on every fixture and on the publication:
    tests/test_fastshacl.py), or pyshacl itself when the shapes use a feature the fast engine does not support."""
    from .validate import fastshacl

    try:
        checks = fastshacl.checks_for(p.shapes, p.instances, p.evidence)
    except fastshacl.Unsupported as why:
        results, _ = validate.shacl(p.instances + p.evidence, p.ontology, p.shapes)
        return results, f"pyshacl: the fast engine does not support {why}"
    return fastshacl.run(store, checks), "fast engine, shapes compiled to SPARQL"


def build(ontology: Path = ONTOLOGY, instances: Path = INSTANCES, shapes: Path = SHAPES,
          links_folder: Path = records.LINKS, version: str | None = None) -> Built:
    """Parse and validate everything; raise BuildError on the first failing step."""
    prepared = prepare(ontology, instances, shapes, links_folder, version)
    return prepared.built(check(prepared))


def quote_problem(p: grounding.Problem, files: dict[Path, Graph]) -> BuildError:
    """A quote not found, at the line of the file where it is written."""
    line = None
    if p.path is not None:
        block = subject_lines(p.path, files[p.path]).get(str(p.resource)) if p.path in files else None
        line = quote_line(p.path.read_text(encoding="utf-8"), p.quote, block)
    short = p.quote if len(p.quote) <= 120 else p.quote[:117] + "..."
    return BuildError(f"{p.resource}: evidence quote not found verbatim in the article: \u201c{short}\u201d", p.path, line)


def section_problem(resource: URIRef, named: set[URIRef], found: set[URIRef], files: dict[Path, Graph]) -> BuildError:
    """A resource whose nfp:inSection disagrees with where its quotes stand, at the line of its block."""
    path = next((path for path, g in files.items() if (resource, NFP.inSection, None) in g), None)
    line = subject_lines(path, files[path]).get(str(resource)) if path is not None else None

    def names(sections: set[URIRef]) -> str:
        return ", ".join(sorted(str(s).rsplit("/", 1)[-1] for s in sections)) or "no section"

    return BuildError(f"{resource}: nfp:inSection names {names(named)}, but its evidence quotes stand in "
                      f"{names(found)}", path, line)


def shacl_problem(r: validate.Result, where: dict, elsewhere: dict | None = None) -> BuildError:
    """A SHACL result at the file and line where its focus node is written (and the other places that write it)."""
    path, line = where.get(r.focus, (None, None))
    shape = r.shape.rsplit("#", 1)[-1]
    detail = "".join(f" ({k}: {v})" for k, v in (("path", r.path), ("value", r.value)) if v)
    return BuildError(f"SHACL {r.severity} [{shape}] {r.focus}: {r.message}{detail}"
                      f"{also_written_at(r.focus, elsewhere or {})}", path, line)


def also_written_at(resource: str | None, elsewhere: dict[str, list[tuple[Path, int | None]]]) -> str:
    """" (also written at file:line)" for each other place that writes the resource a failure names."""
    return "".join(f" (also written at {display(other)}:{n})" if n else f" (also written in {display(other)})"
                   for other, n in elsewhere.get(resource or "", []))


def write_publication(built: Built, dist: Path) -> Path:
    """Publish the validated build: dumps, description, exports, coverage report and site."""
    with atomic.replacing(dist) as tmp:
        write_into(built, tmp)
        write_coverage(built, tmp)
    return dist


def write_coverage(built: Built, folder: Path) -> None:
    """The coverage report (scripts/validate/coverage.py): which paragraphs and names of the article the instances cover."""
    report = coverage.markdown(coverage.report(built.instances))
    (folder / "coverage.md").write_text(report, encoding="utf-8")


def write_into(built: Built, folder: Path, previous: Path | None = None, home: Path | None = None) -> None:
    """Write the publication into the empty folder `folder` (`previous`: the publication in place, if any, whose
    unchanged site files are linked rather than written again; `home`: where `folder` will be swapped in)."""
    from .plover import publication as plover

    data = built.data if built.published is None else None  # the merged graph holds it already
    dumps.write(built.ontology, data, folder,
                  site=functools.partial(site.start, previous=previous, home=home), datasets=(plover.write,),
                  merged=built.published, nt=built.published_nt, inputs=built.inputs)


WARMING = "HermiT's JVM warms up on the ontology"


def build_and_publish(dist: Path, **sources) -> Built:
    """Validate and publish at once: the publication is written into the staging folder by a child process
    (which makes the merged graph, then the dumps, while a child of its own writes the site) while this one runs
    the checks, HermiT in a process of its own; it is swapped in only when both succeed. Call with the lock of
    `dist` held."""
    warm: reasoning.Warm | None = None
    key = ""
    checks: Checks | None = None

    def parsed(onto: Graph, data: Graph, links_folder: Path) -> None:
        """Unless HermiT's verdict is likely kept, its JVM warms up on the ontology while Python goes on."""
        nonlocal warm, key
        key = reasoning.sources_key(onto, data, [*cache.files([links_folder, *SOURCE_TEXTS.values()]),
                                                 *cache.checking_code(), *cache.environment()])
        if not reasoning.known(key):
            warm = reasoning.warm(sources.get("ontology", ONTOLOGY))
            print(f"- {WARMING} meanwhile (no consistent graph from these sources is on record)", flush=True)

    def publication() -> None:  # in the writer process: the merged graph is made there, beside the checks
        prepared.merged
        write_into(prepared.built(), tmp, previous, dist)

    try:
        prepared = prepare(**sources, parsed=parsed)
        prepared.ntriples  # before the fork: the writer and the checks both read it
        with atomic.replacing(dist) as tmp:
            t = step(f"publish {display(dist)}/ (written beside the checks, swapped in when they pass)")
            previous = dist if (dist / atomic.MARKER).is_file() else None
            writer = atomic.fork(publication, "publishing")
            try:
                checks = Checks(prepared, warm)  # HermiT gets the graph now, in a process of its own
                # the coverage report here, while the writer writes the rest (and before waiting for HermiT)
                warnings = checks.finish(meanwhile=lambda: write_coverage(prepared.built(), tmp))
                reasoning.remember(key)  # consistent: the next build with these sources need not warm HermiT up
            except BaseException:
                atomic.stop(writer)
                raise
            atomic.join(writer, "writing the publication", dist)
            built = prepared.built(warnings)
            triples = prepared.ntriples.count("\n")
            done(t, f"{triples} triples written")
    finally:
        if checks is not None and checks.hermit is not None:
            checks.hermit.stop()
        if warm is not None:
            warm.stop()  # if it was not handed the graph
    return built


def inputs_key(instances: Path, links_folder: Path, version: str | None) -> str:
    """A digest of everything a build reads: the source folders, the code, the version and the options. The
    instance files count by their tokens (cache.tokens): an edit of comments or layout changes nothing published."""
    others = [folder for folder in inputs.FOLDERS if folder != INSTANCES]
    return cache.digest([*cache.files([*others, links_folder, ROOT / "scripts"]),
                         *cache.files(dict.fromkeys([INSTANCES, instances]), content=cache.tokens),
                         versions.read() if version is None else version, *cache.environment()])


def tree(dist: Path) -> str:
    """A digest of the names, sizes and modification times of every file in `dist` (cheap: no content read; with
    scandir and plain strings, 0.04 s for the publication's 8,000 files where os.walk and relpath took 0.1 s)."""
    parts: list[bytes | str] = []

    def walk(folder: str, rel: str) -> None:  # a folder's files, then its subfolders, each sorted by name
        with os.scandir(folder) as found:
            entries = sorted(found, key=lambda e: e.name)
        for entry in entries:
            if not entry.is_dir(follow_symlinks=False):
                st = entry.stat(follow_symlinks=False)
                parts.append(f"{rel}{entry.name} {st.st_size} {st.st_mtime_ns}")
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                walk(entry.path, f"{rel}{entry.name}/")

    walk(str(dist), "")
    return cache.digest(parts)


def unchanged(dist: Path, key: str) -> bool:
    """True when `dist` was published from inputs with this digest and no file in it changed since."""
    recorded = cache.get("dist", cache.digest([str(dist)]))
    return (isinstance(recorded, dict) and recorded.get("inputs") == key and (dist / atomic.MARKER).is_file()
            and recorded.get("tree") == tree(dist))


class Terminated(KeyboardInterrupt):
    """SIGTERM (`kill`, a service manager, `timeout`): the build stops as Ctrl-C stops it, cleaning up as it goes
    (the writer ended, dist.tmp removed, HermiT stopped); without it the process died at once, dist.tmp left."""


def on_sigterm(*_: object) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a second SIGTERM ends the process at once
    raise Terminated()


def main(argv: list[str] | None = None) -> int:
    signal.signal(signal.SIGTERM, on_sigterm)
    # One short-lived process and its forks, whose objects live to the end: the cyclic garbage collector found
    # little to free, but walked the graphs' million objects again and again, and in the forked writer and
    # site it touched (so copied) the pages they share with this process. Off: a rebuild takes 0.8 s less CPU,
    # a full build 30 MB more memory at its peak (336 MB).
    gc.disable()
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-publish", action="store_true", help="validate only; leave dist/ alone")
    parser.add_argument("--dist", type=Path, default=None, help="output folder (default: dist/)")
    parser.add_argument("--instances", type=Path, default=INSTANCES, help="instance folder (default: instances/)")
    parser.add_argument("--links", type=Path, default=records.LINKS, help="link records folder (default: links/)")
    parser.add_argument("--version", default=None, help="version to stamp (default: the VERSION file)")
    parser.add_argument("--release", default=None, metavar="X.Y.Z",
                        help="stamp this version and write releases/X.Y.Z/ (what `make release` runs)")
    args = parser.parse_args(argv)
    dist = args.dist or DIST
    failed = "build failed; {}/ left unchanged"
    started = time.time()
    try:
        version = versions.check(args.version, "--version") if args.version is not None else None
        if args.release is not None:
            if args.dist is not None or args.version is not None:
                raise BuildError("--release sets both the version and the output folder: give neither --dist nor --version")
            version = versions.check(args.release, "--release")
        dist = Path(os.path.abspath(args.dist or (ROOT / "releases" / version if args.release is not None else DIST)))
        if args.no_publish:
            build(instances=args.instances, links_folder=args.links, version=version)
            return 0
        with atomic.locked(dist):  # fails here, in one line, if the output cannot be written
            said = atomic.recover(dist)
            if said:
                print(f"- {said}", flush=True)
            atomic.check_target(dist)
            inputs.check_regular(tuple(inputs.FOLDERS) + (args.instances, args.links))  # before reading any
            key = inputs_key(args.instances, args.links, version)
            if unchanged(dist, key):
                print(f"- nothing changed since {display(dist)}/ was built (the same tokens in every instance file, "
                      "the same bytes in every other input); kept")
            else:
                build_and_publish(dist, instances=args.instances, links_folder=args.links, version=version)
            # dated to the build's start, so that `make` rebuilds if a source changed while the build ran
            os.utime(dist / atomic.MARKER, (started, started))
            cache.put("dist", cache.digest([str(dist)]), {"inputs": key, "tree": tree(dist)})
    except BuildError as exc:
        for line in exc.lines():
            print(f"error: {line}", file=sys.stderr)
        print(failed.format(display(dist)), file=sys.stderr)
        return 1
    except OSError as exc:  # disk full, a folder made read-only during the build, ...
        # a failed write() (a full disk) names no file, where open() does: then the output folder being written
        where = f"{display(exc.filename) if exc.filename else display(dist)}: "
        print(f"error: {where}{exc.strerror or exc}", file=sys.stderr)
        print(failed.format(display(dist)), file=sys.stderr)
        return 1
    except KeyboardInterrupt as stopped:
        terminated = isinstance(stopped, Terminated)
        state = "holds the new publication (it was in place when the signal came)" if Path(os.path.abspath(dist)) \
            in atomic.swapped else "left unchanged"
        print(f"{'terminated' if terminated else 'interrupted'}; {display(dist)}/ {state}", file=sys.stderr)
        return 143 if terminated else 130
    except Exception as exc:  # a bug or a broken tool (e.g. no Java for HermiT): one line, the trace on request
        if os.environ.get("NGO_FP_DEBUG"):
            raise
        print(f"error: {type(exc).__name__}: {' '.join(str(exc).split())[:500]} (NGO_FP_DEBUG=1 shows the traceback)",
              file=sys.stderr)
        print(failed.format(display(dist)), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    status = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)  # everything is written and closed: skip freeing the graphs one object at a time (0.6 s)
