"""The project's own Java classes (scripts/validate/java/), compiled from the checked-in sources when first needed."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import BuildError
from ..paths import ROOT

CLASSES = ROOT / ".venv" / "java-classes"


def compiled(source: Path, classpath: str) -> Path:
    """The folder holding `source`'s classes: .venv/java-classes/<digest of the source and the classpath>/,
    compiled there once (into a temporary folder renamed into place, so that two builds at once or a kill leave
    no half-compiled class)."""
    digest = hashlib.sha256(source.read_bytes() + b"\0" + classpath.encode()).hexdigest()[:12]
    target = CLASSES / digest
    if (target / (source.stem + ".class")).exists():
        return target
    if shutil.which("javac") is None:
        raise BuildError("javac not found; install a JDK (make setup installs default-jdk-headless as root)")
    CLASSES.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=CLASSES, prefix=".tmp-"))
    try:
        run = subprocess.run(["javac", "-nowarn", "-d", str(staging), "-cp", classpath, str(source)],
                             capture_output=True, text=True)
        if run.returncode != 0:
            raise BuildError(f"javac failed: {run.stderr.strip()[-500:]}", source)
        try:
            os.rename(staging, target)
        except OSError:  # compiled by another build meanwhile
            if not (target / (source.stem + ".class")).exists():
                raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target
