"""OWL 2 consistency with HermiT (the reasoner owlready2 ships) over the ontology and the instances, all of them.

Nothing is set aside: every triple goes to the reasoner. That is possible because the data keeps to the
OWL 2 datatype map (dates and years are plain ISO 8601 literals, see "Dates and years" in
ontology/README.md). A literal or an axiom naming a datatype outside the map (such as `xsd:gYear`) is
a build error naming the triple, before HermiT runs, instead of a Java stack trace.

HermiT runs in a JVM of its own (`start`, `Run.result`), so the build does other work meanwhile. Its
verdict is kept by the digest of the logical axioms (`start_cached`): a graph that differs from one found
consistent only in annotation assertions is consistent too, and the reasoner is not started for it. The build
starts that JVM once the sources are parsed (`Warm`, java/HermitWarm.java): it warms up on the ontology while
Python adds the links and the evidence, and is handed the graph, or stopped when the verdict is kept; it is not
started when the parsed sources predict a kept verdict (`sources_key`).
"""
from __future__ import annotations

import subprocess
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rdflib import OWL, RDF, RDFS, XSD, Graph, Literal, URIRef

from ..errors import BuildError
from ..paths import NFP

# The OWL 2 datatype map (OWL 2 Structural Specification, section 4) plus rdfs:Literal.
OWL2_DATATYPES = frozenset({
    RDFS.Literal, OWL.real, OWL.rational, RDF.PlainLiteral, RDF.XMLLiteral, RDF.langString,
    XSD.decimal, XSD.integer, XSD.nonNegativeInteger, XSD.nonPositiveInteger, XSD.positiveInteger,
    XSD.negativeInteger, XSD.long, XSD.int, XSD.short, XSD.byte, XSD.unsignedLong, XSD.unsignedInt,
    XSD.unsignedShort, XSD.unsignedByte, XSD.double, XSD.float, XSD.string, XSD.normalizedString,
    XSD.token, XSD.language, XSD.Name, XSD.NCName, XSD.NMTOKEN, XSD.boolean, XSD.hexBinary,
    XSD.base64Binary, XSD.anyURI, XSD.dateTime, XSD.dateTimeStamp,
})
RESERVED = (str(XSD), str(RDF), str(RDFS), str(OWL))


@dataclass(frozen=True)
class Consistency:
    consistent: bool
    triples: int  # how many triples HermiT was given: all of them
    detail: str
    cached: bool = False  # the verdict HermiT gave on a graph with the same logical axioms (`start_cached`)


# OWL 2's built-in annotation properties (Structural Specification, section 5.5).
BUILT_IN_ANNOTATIONS = frozenset({
    RDFS.label, RDFS.comment, RDFS.seeAlso, RDFS.isDefinedBy, OWL.deprecated, OWL.versionInfo, OWL.priorVersion,
    OWL.backwardCompatibleWith, OWL.incompatibleWith,
})


def annotation_properties(*graphs: Graph) -> set[URIRef]:
    """The properties whose assertions are annotations: built in, or declared owl:AnnotationProperty and not
    also declared an object or data property (such punning is outside OWL 2 DL: its triples are kept)."""
    declared = {p for g in graphs for p in g.subjects(RDF.type, OWL.AnnotationProperty) if isinstance(p, URIRef)}
    logical = {p for g in graphs for kind in (OWL.ObjectProperty, OWL.DatatypeProperty) for p in g.subjects(RDF.type, kind)}
    return (declared | BUILT_IN_ANNOTATIONS) - logical


def logical_ntriples(graphs: Graph | tuple[Graph, ...], ntriples: str) -> list[str]:
    """The lines of `ntriples` (the N-Triples of `graphs` together) that are not annotation assertions. Under the
    OWL 2 Direct Semantics annotations carry no meaning, so two graphs with the same such lines are both
    consistent or both not, with the same unsatisfiable classes."""
    skip = {f"<{p}>" for p in annotation_properties(*(graphs if isinstance(graphs, tuple) else (graphs,)))}
    return [line for line in ntriples.splitlines() if line.split(" ", 2)[1] not in skip]


def start_cached(graphs: tuple[Graph, ...], ntriples: str, warm: Warm | None = None) -> Run:
    """`start` HermiT on `graphs` (whose N-Triples together are `ntriples`), unless it found a graph with the same
    logical axioms consistent before (a rebuild after a label, comment or definition was edited does not start
    the reasoner): that verdict is kept by scripts/cache.py under a digest of those axioms, this module (with
    HermitWarm.java) and the pinned libraries. `warm`: a JVM started beforehand, handed the graph or stopped."""
    from .. import cache

    for graph in graphs:
        outside_or_raise(graph)
    key = cache.digest([*logical_ntriples(graphs, ntriples), Path(__file__).read_bytes(), WARM_SOURCE.read_bytes(),
                        *cache.environment()])
    kept = cache.get("hermit", key)
    if isinstance(kept, dict) and kept.get("consistent") is True:
        if warm is not None:
            warm.stop()
        return Run(ntriples, verdict=Consistency(True, ntriples.count("\n"), str(kept.get("detail", "")), cached=True))
    return Run(ntriples, on_consistent=lambda result: cache.put("hermit", key, {"consistent": True,
                                                                                "detail": result.detail}), warm=warm)


def outside_datatype_map(graph: Graph) -> list[str]:
    """Every triple whose literal, or whose object used as a datatype, lies outside the OWL 2 datatype map."""
    found = []
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype is not None and o.datatype not in OWL2_DATATYPES:
            found.append(f"{s.n3()} {p.n3()} {o.n3()}")
        elif (isinstance(o, URIRef) and str(o).startswith(str(XSD)) and o not in OWL2_DATATYPES):
            found.append(f"{s.n3()} {p.n3()} {o.n3()}")
    return sorted(found)


def outside_or_raise(graph: Graph) -> None:
    outside = outside_datatype_map(graph)
    if outside:
        more = f" (and {len(outside) - 1} more)" if len(outside) > 1 else ""
        raise BuildError(
            f"datatype outside the OWL 2 datatype map: {outside[0]}{more}; write dates and years as plain "
            "ISO 8601 literals (ontology/README.md, Dates and years; python -m scripts.dates converts files)"
        )


# HermiT is the jar owlready2 ships, run by its own command line in a JVM of its own: -k checks that owl:Thing is
# satisfiable (the ontology is consistent), -U lists the classes equivalent to owl:Nothing. owlready2's
# sync_reasoner would load the triples into its world, write them out again and read back every inferred type,
# about 1 s more for nothing this check uses.
HERMIT_MAIN = "org.semanticweb.HermiT.cli.CommandLine"
# HermiT runs for a second or two in a fresh JVM: the quick (C1) compiler and the serial collector halve its CPU time;
# a young generation of 512 MiB spares it the two collections (0.2 s) the default one made on the article's graph.
JAVA_OPTIONS = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmn512m")
NOTHING = {"owl:Nothing", f"<{OWL.Nothing}>"}


def hermit_jar() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("owlready2")
    if spec is None or spec.origin is None:
        raise RuntimeError("HermiT did not run: owlready2 is not installed")
    return Path(spec.origin).parent / "hermit" / "HermiT.jar"


def hermit_command(path: Path) -> list[str]:
    return ["java", *JAVA_OPTIONS, "-cp", str(hermit_jar()), HERMIT_MAIN, "-k", "-U", path.as_uri()]


WARM_SOURCE = Path(__file__).parent / "java" / "HermitWarm.java"


class Warm:
    """HermiT's JVM started before the graph exists (java/HermitWarm.java): it loads and reasons over the ontology
    file meanwhile, its result thrown away, so that the parser's and the reasoner's code is loaded and compiled
    when the graph comes (on the article's graph 1.0 s instead of 1.5 s once handed the graph). The build
    starts it once the sources are parsed, on the core Python leaves idle then; `Run(..., warm=)` hands it the
    graph on its standard input, `stop()` ends it when no check is needed (its warm-up was then spare CPU)."""

    def __init__(self, ontology: Path) -> None:
        from .javac import compiled

        jar = str(hermit_jar())
        self.proc: subprocess.Popen[str] = subprocess.Popen(
            ["java", *JAVA_OPTIONS, "-cp", f"{jar}:{compiled(WARM_SOURCE, jar)}", "HermitWarm", str(ontology)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
        self.stdin, self.proc.stdin = self.proc.stdin, None  # written by a thread of Run's (see feed), not by communicate
        self.feeder: threading.Thread | None = None

    def feed(self, ntriples: str) -> subprocess.Popen[str]:
        """Hand the graph to the JVM: written by a thread (the JVM reads it once warm), so the build goes on."""
        def write() -> None:
            assert self.stdin is not None
            try:  # its length first: the writer process, forked since, holds this pipe open too (no end of input)
                self.stdin.write(f"{len(ntriples.encode('utf-8'))}\n{ntriples}")
                self.stdin.close()
            except (BrokenPipeError, ValueError):  # stopped meanwhile: result() reports what the JVM said
                pass

        self.feeder = threading.Thread(target=write, daemon=True)
        self.feeder.start()
        return self.proc

    def stop(self) -> None:
        """End the JVM unless it was handed a graph (the `Run` it went to ends it then); once."""
        if self.feeder is not None or self.proc.returncode is not None:
            return
        self.proc.kill()
        self.proc.communicate()  # reaps it and closes its pipes
        assert self.stdin is not None
        try:
            self.stdin.close()
        except BrokenPipeError:
            pass


def warm(ontology: Path) -> Warm | None:
    """A `Warm` JVM, or None where it cannot start (no JDK to compile HermitWarm.java, no HermiT): the check then
    runs HermiT's own command line."""
    try:
        return Warm(ontology)
    except (OSError, RuntimeError, BuildError):
        return None


def sources_key(ontology: Graph, instances: Graph, extra: list[bytes | str]) -> str:
    """A digest of what decides HermiT's input, taken from the parsed sources before links and evidence are added:
    their statements but the annotation assertions (as `logical_ntriples`), their evidence quotes kept (the
    evidence individuals are made from them), and `extra` (the link records, the article, the version, the code).
    Once HermiT found such a graph consistent (`remember`), the same key predicts a kept verdict (`known`), and the
    build does not warm a JVM up for nothing: a prediction only, the verdict is still looked up by its own key
    (`start_cached`)."""
    from .. import cache

    skip = annotation_properties(ontology, instances) - {NFP.evidenceQuote}
    lines = sorted(f"{s.n3()} {p.n3()} {o.n3()}" for graph in (ontology, instances) for s, p, o in graph
                   if p not in skip)
    return cache.digest([*lines, *extra])


def known(key: str) -> bool:
    from .. import cache

    return cache.get("hermit-sources", key) is True


def remember(key: str) -> None:
    from .. import cache

    cache.put("hermit-sources", key, True)


def read_verdict(returncode: int, stdout: str, stderr: str, triples: int) -> Consistency:
    """HermiT's answer read from its command line's output: "CONSISTENT", "INCONSISTENT" or "UNSATISFIABLE"
    followed by the IRIs of the unsatisfiable classes."""
    if returncode != 0:
        if "InconsistentOntologyException" in stderr:
            return Consistency(False, triples, "INCONSISTENT")
        raise RuntimeError(f"HermiT did not run: {stderr.strip()[-800:]}")
    lines = stdout.splitlines()
    if f"{OWL.Thing} is satisfiable." not in lines or "Classes equivalent to 'owl:Nothing':" not in lines:
        raise RuntimeError(f"HermiT gave no verdict: {(stdout + stderr).strip()[-800:]}")
    after = lines[lines.index("Classes equivalent to 'owl:Nothing':") + 1:]
    bad = sorted(line.strip().strip("<>") for line in after if line.startswith("\t") and line.strip() not in NOTHING)
    if bad:
        return Consistency(False, triples, "UNSATISFIABLE " + " ".join(bad))
    return Consistency(True, triples, "CONSISTENT")


def read_warm_verdict(returncode: int, stdout: str, stderr: str, triples: int) -> Consistency:
    """HermitWarm's answer: one line, CONSISTENT, INCONSISTENT or UNSATISFIABLE and the classes' IRIs."""
    line = stdout.strip()
    if returncode != 0 or line.split(" ", 1)[0] not in ("CONSISTENT", "INCONSISTENT", "UNSATISFIABLE"):
        raise RuntimeError(f"HermiT did not run: {(stdout + stderr).strip()[-800:]}")
    return Consistency(line == "CONSISTENT", triples, line)


class Run:
    """HermiT running on N-Triples (`start`), or the verdict already known; `result()` waits for it."""

    def __init__(self, ntriples: str, verdict: Consistency | None = None,
                 on_consistent: Callable[[Consistency], object] | None = None, warm: Warm | None = None) -> None:
        self.triples, self.verdict, self.on_consistent = ntriples.count("\n"), verdict, on_consistent
        self.proc: subprocess.Popen[str] | None = None
        self.read = read_verdict
        if verdict is None and warm is not None:
            self.proc, self.read = warm.feed(ntriples), read_warm_verdict
        elif verdict is None:
            # the graph in a file that has no name (O_TMPFILE), which HermiT opens through the descriptor it
            # inherits: nothing is left behind, whatever ends the build (a named file in /tmp outlived a SIGKILL)
            with tempfile.TemporaryFile() as file:
                file.write(ntriples.encode("utf-8"))
                file.flush()
                fd = file.fileno()
                try:
                    self.proc = subprocess.Popen(hermit_command(Path(f"/dev/fd/{fd}")), stdout=subprocess.PIPE,
                                                 stderr=subprocess.PIPE, text=True, pass_fds=(fd,))
                except OSError as exc:
                    raise RuntimeError(f"HermiT did not run: {exc.strerror or exc} (java)") from None

    def result(self) -> Consistency:
        if self.verdict is None and self.proc is not None:
            stdout, stderr = self.proc.communicate()
            self.verdict = self.read(self.proc.returncode, stdout, stderr, self.triples)
            if self.verdict.consistent and self.on_consistent is not None:
                self.on_consistent(self.verdict)
        assert self.verdict is not None
        return self.verdict

    def stop(self) -> None:
        """End HermiT if it still runs (a check before it failed)."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def start(ntriples: str) -> Run:
    """HermiT on `ntriples`, started now."""
    return Run(ntriples)


def check(graph: Graph, ntriples: str | None = None) -> Consistency:
    """Run HermiT on all of `graph`; `ntriples`: the graph already written as N-Triples, if it is."""
    outside_or_raise(graph)
    if ntriples is None:
        from ..publish.dumps import ntriples as sorted_ntriples

        ntriples = sorted_ntriples(graph)
    return start(ntriples).result()
