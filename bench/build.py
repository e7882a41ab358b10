"""`make bench-build`: how long the article's own build takes, in the cases people meet; writes its section of
bench/README.md (between the build-speed markers) and bench/build-results.json.

Each case runs the real command in a fresh process and records its wall time and its CPU time (user + system,
with its child processes: the publication writer, HermiT's Java). The builds run on a copy of instances/ in a
temporary folder and publish into a temporary dist/, so the project's own files are never edited; `make` runs
in the project itself. The machine is shared: wall times depend on its load, which is recorded with each case.
"""
from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
RESULTS = BENCH / "build-results.json"
START, END = "<!-- build-speed:start -->", "<!-- build-speed:end -->"
RUNS = 5
EDITED = "places.ttl"  # the instance file the "one file changed" cases edit (in the copy)
CHANGES = {  # kind of edit (see `edit`): the case's name
    "annotation": f"rebuild after an annotation change in one instance file (a new rdfs:comment in {EDITED})",
    "logical": f"rebuild after a logical change in one instance file (a new data property value in {EDITED}; HermiT runs)",
    "comment": f"rebuild after a comment-only change in one instance file ({EDITED}; the same tokens, so nothing to do)",
}


def measure(cmd: list[str], env: dict[str, str] | None = None, cwd: Path = ROOT) -> dict[str, float]:
    """Run `cmd`; its wall time and CPU time (with every process it waited for)."""
    load = os.getloadavg()[0]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=dict(os.environ, **(env or {})),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"bench: {' '.join(cmd)} failed: {err.decode(errors='replace')[-800:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "load": load}


def summary(runs: list[dict[str, float]]) -> dict[str, float]:
    return {"runs": len(runs), "wall_median": statistics.median(r["wall"] for r in runs),
            "wall_best": min(r["wall"] for r in runs), "cpu_median": statistics.median(r["cpu"] for r in runs),
            "load_median": statistics.median(r["load"] for r in runs)}


def edit(instances: Path, n: int, kind: str) -> None:
    """Change one instance file: a new annotation (rdfs:comment: the graph changes, its logical axioms do not), a new
    data property assertion (nfp:openQuestion: a logical axiom, so HermiT runs again), or a Turtle comment (only the
    bytes change: the build compares an instance file's tokens, comments and layout aside, scripts/cache.py, `tokens`)."""
    path = instances / EDITED
    place = "<https://w3id.org/ngo-fp/resource/place/balkans>"
    text = path.read_text(encoding="utf-8")
    if kind == "annotation":
        text += f'\n{place} <http://www.w3.org/2000/01/rdf-schema#comment> "benchmark edit {n}"@en .\n'
    elif kind == "logical":
        text += f'\n{place} <https://w3id.org/ngo-fp/ontology#openQuestion> "benchmark edit {n}" .\n'
    else:
        text += f"\n# benchmark comment {n}\n"
    path.write_text(text, encoding="utf-8")


def site_seconds() -> tuple[float, float]:
    """The static site alone (scripts/publish/site's write), in this process, on the article's publication; then the
    PLOVER sample's pages alone (scripts/publish/site/sample.py), written afresh beside it."""
    code = (
        "import sys, tempfile, time, pathlib\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from scripts import build\n"
        "from scripts.plover import publication as plover\n"
        "from scripts.publish import dumps, site\n"
        "from scripts.publish.site import sample\n"
        "from scripts.publish.site.model import Model\n"
        "b = build.build()\n"
        "with tempfile.TemporaryDirectory() as tmp:\n"
        "    d = pathlib.Path(tmp)\n"
        "    dumps.write(b.ontology, b.data, d, site=None)\n"
        "    g = b.data + b.ontology\n"
        "    for p, ns in list(b.ontology.namespaces()) + list(b.data.namespaces()): g.bind(p, ns, override=False)\n"
        "    t = time.perf_counter(); site.write(g, d); print(time.perf_counter() - t)\n"
        "    plover.write(d); m = Model(g); out = site.Writer(d / 'sample-site')\n"
        "    t = time.perf_counter(); sample.write(out, d, m); print(time.perf_counter() - t)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    whole, alone = out.stdout.strip().splitlines()[-2:]
    return float(whole), float(alone)


def main() -> int:
    if sys.argv[1:] == ["--rewrite"]:  # render the section again from the last results, without measuring
        write_section(json.loads(RESULTS.read_text(encoding="utf-8")))
        return 0
    py = str(ROOT / ".venv" / "bin" / "python")
    cases: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        instances = Path(tmp) / "instances"
        shutil.copytree(ROOT / "instances", instances)
        dist = Path(tmp) / "dist"
        build = [py, "-m", "scripts.build", "--instances", str(instances), "--dist", str(dist)]
        own = {"NGO_FP_CACHE": str(Path(tmp) / "cache")}  # a cache of its own: no verdict kept from an earlier run
        cases["first build, no cache (NGO_FP_NO_CACHE=1)"] = summary(
            [measure(build, {"NGO_FP_NO_CACHE": "1"}) for _ in range(1)])
        measure(build, own)  # warm: the cache holds this content
        for kind, name in CHANGES.items():
            runs = []
            for n in range(RUNS):
                edit(instances, n, kind)
                runs.append(measure(build, own))
            cases[name] = summary(runs)
        cases["rebuild with nothing changed (same content hashes)"] = summary([measure(build, own) for _ in range(RUNS)])
    subprocess.run(["make", "--no-print-directory"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    cases["`make` with nothing changed"] = summary([measure(["make", "--no-print-directory"]) for _ in range(5)])
    site, sample = site_seconds()
    results = {"cases": cases, "site_write_seconds": site, "sample_pages_seconds": sample, "cores": os.cpu_count()}
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")  # cases in the order measured
    write_section(results)
    print(section(results))
    return 0


def section(results: dict) -> str:
    rows = "\n".join(
        f"| {name} | {c['runs']} | {c['wall_median']:.2f} s | {c['wall_best']:.2f} s | {c['cpu_median']:.2f} s | {c['load_median']:.1f} |"
        for name, c in results["cases"].items())
    return f"""{START}
## Build speed

Measured by `make bench-build` (bench/build.py) on this project's machine ({results['cores']} cores, shared:
the load average at the start of each run is shown). *CPU* is user + system time of the build and every
process it waited for (the publication writer, HermiT's Java); it depends little on the load, wall time a lot.
Builds run on a copy of `instances/` into a temporary `dist/`.

| case | runs | wall (median) | wall (best) | CPU (median) | load |
|---|---:|---:|---:|---:|---:|
{rows}

What a rebuild skips: HermiT's verdict is kept by the digest of the logical axioms (an annotation such as a label,
a comment or a definition has no meaning under the OWL 2 Direct Semantics, so a graph that differs from a checked
one only there needs no reasoner; scripts/validate/reasoning.py, `start_cached`), and a resource page none of whose data
changed is linked from the publication in place rather than rendered (scripts/publish/site/incremental.py), and so
are the PLOVER sample's pages while its dump, the ontology, the code and the article's set of pages are unchanged
(scripts/publish/site/sample.py: some 15,700 files linked in every case above); an
instance file counts by its Turtle tokens, so a change of comments or layout alone leaves the publication as it
is (scripts/cache.py, `tokens`). A logical change runs HermiT again, in a JVM started once the sources are parsed
and warmed up on the ontology meanwhile (scripts/validate/java/HermitWarm.java): about 1 s once handed the graph,
beside the rest.

The static site alone, written afresh (`scripts/publish/site`, in one process on the article's publication):
{results['site_write_seconds']:.1f} s wall. The PLOVER sample's pages alone, written afresh (3,924 pages with their
RDF files; once per change of their inputs): {sample_seconds(results)}.

{targets(results)}
{END}"""


def sample_seconds(results: dict) -> str:
    seconds = results.get("sample_pages_seconds")
    return f"{seconds:.1f} s wall" if seconds is not None else "not measured in this run"


def targets(results: dict) -> str:
    """The issue's targets against these measurements, in words."""
    cases = results["cases"]
    noop = cases["`make` with nothing changed"]
    lines = [f"Targets: `make` with nothing changed under 1 s: {noop['wall_median']:.2f} s, "
             f"{'met' if noop['wall_median'] < 1 else 'not met'}."]
    for kind in ("annotation", "logical"):
        data = cases.get(CHANGES[kind])
        if data is None:
            continue
        floor = data["cpu_median"] / results["cores"]
        lines.append(f"A rebuild after {'an annotation' if kind == 'annotation' else 'a logical'} change in one "
                     f"instance file under 5 s warm: {data['wall_median']:.1f} s wall (median of {data['runs']}) at a load "
                     f"of {data['load_median']:.1f}, {data['cpu_median']:.1f} s of CPU (at least {floor:.1f} s of wall on "
                     f"{results['cores']} cores), {'met' if data['wall_median'] < 5 else 'not met'}.")
    return "\n".join(lines)


def write_section(results: dict) -> None:
    from readme import put_section

    put_section(START, END, section(results))


if __name__ == "__main__":
    sys.exit(main())
