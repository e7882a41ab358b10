"""OWL 2 DL profile check with the reference implementation: OWL API's OWL2DLProfile (Debian libowlapi-java).

`python -m scripts.validate.owlprofile FILE...` compiles `scripts/validate/java/DLProfileCheck.java` once (into
.venv/java-classes/, again whenever the source changes: scripts/validate/javac.py) and prints, per file, the
number of violations and each violation. Exit code 0 when every file is in the profile, 1 when not, 4 when a file is unreadable
or the tools are missing (`make setup` installs them as root: a JDK and libowlapi-java).
"""
from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from ..errors import BuildError
from . import javac

SOURCE = Path(__file__).parent / "java" / "DLProfileCheck.java"
JARS = Path("/usr/share/java")
# OWL API 5 and the libraries Debian's libowlapi-java depends on.
LIBRARIES = (
    "owlapi-distribution", "guava", "caffeine", "commons-codec", "commons-io", "commons-logging",
    "commons-rdf-api", "hppcrt", "jackson-annotations", "jackson-core", "jackson-databind", "jsr305",
    "atinject-jsr330-api", "slf4j-api", "slf4j-nop", "xz", "httpclient", "httpcore",
)


@dataclass(frozen=True)
class Report:
    path: Path
    violations: list[str]  # "ViolationType: description", sorted


def classpath() -> str:
    jars = [JARS / f"{name}.jar" for name in LIBRARIES] + sorted(JARS.glob("rdf4j-*.jar"))
    missing = [j.name for j in jars if not j.exists()]
    if missing or not any(JARS.glob("rdf4j-*.jar")):
        raise BuildError(f"OWL API jars missing ({', '.join(missing) or 'rdf4j-*.jar'}); "
                         "install Debian's libowlapi-java (make setup does, as root)", JARS)
    return ":".join(str(j) for j in jars)


def check(*paths: Path) -> list[Report]:
    """OWL API's OWL 2 DL profile report for each file."""
    cp = classpath()
    run = subprocess.run(["java", "-cp", f"{javac.compiled(SOURCE, cp)}:{cp}", "DLProfileCheck", *map(str, paths)],
                         capture_output=True, text=True)
    if run.returncode not in (0, 1):
        raise BuildError(f"profile check failed: {(run.stdout + run.stderr).strip()[-500:]}")
    reports: list[Report] = []
    for line in run.stdout.splitlines():
        if line.startswith("  ") and reports:
            reports[-1].violations.append(line.strip())
        elif ": " in line:
            reports.append(Report(Path(line.split(": ", 1)[0]), []))
    if [r.path for r in reports] != [Path(p) for p in paths]:
        raise BuildError(f"profile check printed an unexpected report: {run.stdout[:500]}")
    return reports


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] in ("-h", "--help"):
        print(__doc__.strip() + "\n\nexample: python -m scripts.validate.owlprofile dist/ngo-fp.ttl")
        return 0 if args else 2
    try:
        reports = check(*map(Path, args))
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 4
    for report in reports:
        print(f"{report.path}: {len(report.violations)} OWL 2 DL violation(s)")
        for v in report.violations:
            print(f"  {v}")
    return 1 if any(r.violations for r in reports) else 0


if __name__ == "__main__":
    sys.exit(main())
