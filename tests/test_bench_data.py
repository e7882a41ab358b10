"""The benchmark's synthetic data: deterministic, and both validation paths find exactly the injected errors
(small size here; bench/run.py checks the large ones against the manifest)."""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from rdflib import Graph

from scripts import validate
from scripts.validate import fastshacl
from scripts.paths import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate  # noqa: E402


def test_generator_is_deterministic(tmp_path: Path) -> None:
    generate(3000, tmp_path / "a.nt")
    generate(3000, tmp_path / "b.nt")
    assert (tmp_path / "a.nt").read_bytes() == (tmp_path / "b.nt").read_bytes()


def test_both_paths_find_exactly_the_injected_errors(tmp_path: Path, ontology: Graph, shapes: Graph) -> None:
    manifest = generate(6000, tmp_path / "data.nt")
    expected: Counter = Counter()
    for e in manifest["errors"].values():  # two kinds may fire the same (shape, component)
        expected[(e["shape"], e["component"])] += e["count"]
    assert all(expected.values()), "every kind of error is injected at least once at this size"
    fast = fastshacl.run(fastshacl.load_store([tmp_path / "data.nt"], ontology), fastshacl.compile_shapes(shapes))
    reference, _ = validate.shacl(Graph().parse(tmp_path / "data.nt", format="nt"), ontology, shapes)
    assert Counter((r.shape, r.component) for r in fast) == expected
    assert {(r.severity, r.focus, r.path, r.component, r.shape) for r in fast} == \
           {(r.severity, r.focus, r.path, r.component, r.shape) for r in reference}
