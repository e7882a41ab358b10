"""Apache Jena (Debian's libapache-jena-java 4.5) as an independent reference: SHACL and `riot --validate`.

Debian ships Jena's jars without its launch scripts, so the classpath is explicit, and jena-core's relocated
Xerces needs its message bundles where its classes look for them: a small fix-up jar copies
`org/apache/jena/ext/xerces/**/*.properties` to `xerces/**` (built once into .cache/). `shacl validate`
exits 0 whatever it finds, so callers read the results, never the exit code. `make jena` installs the package.
Used by tests/test_jena.py (and `make test`); the validation itself never depends on it.
"""
from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

from ..paths import ROOT
from . import Result
from .shaclpath import canonical

JAVA = Path("/usr/share/java")
JARS = ["commons-cli", "commons-codec", "commons-compress", "commons-csv", "commons-io", "commons-lang3",
        "dexx.collection", "gson", "guava", "httpclient", "httpclient-cache", "httpcore", "jackson-core",
        "jackson-databind", "jackson-annotations", "jakarta.json-api", "jsonld-java", "protobuf", "thrift",
        "slf4j-api", "slf4j-simple", "titanium-json-ld"]
BATCH = ROOT / "tests" / "jena" / "ShaclBatch.java"
FIXUP = ROOT / ".cache" / "jena-xerces-messages.jar"


class JenaMissing(Exception):
    pass


def fixup_jar() -> Path:
    core = JAVA / "jena-core.jar"
    if not FIXUP.exists() or FIXUP.stat().st_mtime < core.stat().st_mtime:
        FIXUP.parent.mkdir(exist_ok=True)
        tmp = FIXUP.with_suffix(".tmp")
        with zipfile.ZipFile(core) as src, zipfile.ZipFile(tmp, "w") as out:
            for name in sorted(src.namelist()):
                if name.startswith("org/apache/jena/ext/xerces/") and name.endswith(".properties"):
                    out.writestr(name.removeprefix("org/apache/jena/ext/"), src.read(name))
        tmp.replace(FIXUP)
    return FIXUP


def classpath() -> str:
    if not (JAVA / "jena-shacl.jar").exists():
        raise JenaMissing("Apache Jena is not installed: run `make jena` (Debian's libapache-jena-java)")
    jena = sorted(p for p in JAVA.glob("jena-*.jar") if not any(c.isdigit() for c in p.stem.split("-")[-1]))
    return ":".join([str(p) for p in jena] + [str(JAVA / f"{name}.jar") for name in JARS] + [str(fixup_jar())])


def shacl(shapes: Path, ontology: Path, data: list[Path], timeout: float = 900) -> dict[Path, list[Result]]:
    """Jena SHACL on each data file (ontology mixed in), in one JVM: the results of each file."""
    done = subprocess.run(["java", "-cp", classpath(), str(BATCH), str(shapes), str(ontology), *map(str, data)],
                          capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        raise RuntimeError(f"Jena SHACL failed: {done.stderr.strip()[-500:]}")
    results: dict[Path, list[Result]] = {path: [] for path in data}
    seen = set()
    for line in done.stdout.split("\n"):
        if not line:
            continue
        parts = [unescaped(part) for part in line.split("\t")]
        if parts[0] == "#":
            seen.add(Path(parts[1]))
            continue
        file, severity, focus, path, component, shape = parts
        results[Path(file)].append(Result(severity, shape, component, focus, canonical(path), "", ""))
    if seen != set(data):
        raise RuntimeError(f"Jena SHACL did not report on {sorted(set(data) - seen)}")
    return results


ESCAPES = {"\\\\": "\\", "\\t": "\t", "\\n": "\n", "\\r": "\r"}


def unescaped(field: str) -> str:
    """A field of ShaclBatch's output as it was (it escapes backslashes, tabs, line feeds and carriage returns)."""
    return re.sub(r"\\[\\tnr]", lambda found: ESCAPES[found.group()], field)


def riot_validate(files: list[Path], timeout: float = 900) -> subprocess.CompletedProcess[str]:
    """`riot --validate` (syntax, IRIs, literals) on the files; exit code 0 when all are valid.

    JSON-LD goes through Jena's JSON-LD 1.0 parser (jsonld-java): its JSON-LD 1.1 parser (titanium) needs a
    Jakarta JSON implementation that Debian's package does not bring."""
    runs = [[str(f) for f in files if f.suffix != ".jsonld"], [str(f) for f in files if f.suffix == ".jsonld"]]
    out, err, code = "", "", 0
    for options, names in ((["--validate"], runs[0]), (["--syntax=jsonld10", "--validate"], runs[1])):
        if names:
            done = subprocess.run(["java", "-cp", classpath(), "riotcmd.riot", *options, *names],
                                  capture_output=True, text=True, timeout=timeout)
            out, err, code = out + done.stdout, err + done.stderr, code or done.returncode
    return subprocess.CompletedProcess(["riot", "--validate"], code, out, err)
