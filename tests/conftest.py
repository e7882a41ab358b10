"""Shared fixtures: the real pipeline run once per session on the project's own sources."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts import build as pipeline  # noqa: E402
from scripts.load import parse  # noqa: E402
from scripts.paths import ONTOLOGY, SHAPES  # noqa: E402


@pytest.fixture(scope="session")
def built() -> pipeline.Built:
    """Parse, ground, QC, SHACL-validate and reason over the real sources (fails the session if broken)."""
    return pipeline.build()


@pytest.fixture(scope="session")
def dist(built: pipeline.Built, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The publication written to a temporary dist/ folder, as `make` writes it."""
    return pipeline.write_publication(built, tmp_path_factory.mktemp("publication") / "dist")


@pytest.fixture(scope="session")
def published_graph(dist: Path):
    """The merged dump read back from its Turtle file, as a user would load it."""
    return parse(dist / "ngo-fp.ttl")


@pytest.fixture(scope="session")
def sample_graph(dist: Path):
    """The PLOVER sample's dump (dist/plover-gsr/), read back as a user would load it."""
    return parse(dist / "plover-gsr" / "plover-gsr.nt")


@pytest.fixture(scope="session")
def ontology():
    return parse(ONTOLOGY)


@pytest.fixture(scope="session")
def shapes():
    return parse(SHAPES)
