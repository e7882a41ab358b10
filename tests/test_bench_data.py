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
    manifest = generate(8000, tmp_path / "data.nt")
    expected: Counter = Counter()
    for e in manifest["errors"].values():  # two kinds may fire the same (shape, component)
        expected[(e["shape"], e["component"])] += e["count"]
    assert all(expected.values()), "every kind of error is injected at least once at this size"
    fast = fastshacl.run(fastshacl.load_store([tmp_path / "data.nt"], ontology), fastshacl.compile_shapes(shapes))
    reference, _ = validate.shacl(Graph().parse(tmp_path / "data.nt", format="nt"), ontology, shapes)
    assert Counter((r.shape, r.component) for r in fast) == expected
    assert {(r.severity, r.focus, r.path, r.component, r.shape) for r in fast} == \
           {(r.severity, r.focus, r.path, r.component, r.shape) for r in reference}


def test_store_bench_measures_the_load_and_states_the_ratios_it_measured(tmp_path: Path, monkeypatch) -> None:
    """bench/store.py on two small files: each size is loaded in fresh processes (every triple counted), and the
    README section's table and fourfold ratios are the measured numbers, not words. The files are big enough
    (tens of milliseconds of loading) for getrusage to see user time: 1,000 triples once measured 0 s in CI."""
    import store

    monkeypatch.setattr(store, "DATA", tmp_path)
    saved = store.measure((20_000, 80_000), rounds=2)
    rows = saved["rows"]
    assert [r["triples"] for r in rows] == [sum(1 for line in (tmp_path / f"ir-{n}.nt").open() if line.strip())
                                           for n in (20_000, 80_000)]
    assert all(len(r["cpu_runs"]) == 2 and r["cpu_best"] == min(r["cpu_runs"]) > 0 for r in rows)
    text = store.section(saved)
    assert text.startswith(store.START) and text.endswith(store.END)
    ratio = rows[1]["cpu_median"] / rows[0]["cpu_median"]
    best = rows[1]["cpu_best"] / rows[0]["cpu_best"]
    assert f"20,000 to 80,000: {ratio:.2f}x of the medians, {best:.2f}x of the best runs" in text
    assert f"| {rows[1]['triples']:,} | {rows[1]['cpu_median']:.2f} s |" in text
    assert all(r["user_median"] > 0 and r["sys_median"] >= 0 for r in rows + saved["huge_rows"])
    assert [h["triples"] for h in saved["huge_rows"]] == [r["triples"] for r in rows]
    user = rows[1]["user_median"] / rows[0]["user_median"]
    assert f"20,000 to 80,000: user {user:.2f}x, kernel" in text
    huge = saved["huge_rows"][1]
    assert f"| {huge['triples']:,} | {huge['cpu_median']:.2f} s | {huge['user_median']:.2f} s |" in text
    # the machine alone: as much fresh memory as each load's peak, touched page by page (kernel time seen)
    touch = saved["touch_rows"]
    assert all(abs(t["mib_median"] - r["peak_mib"]) <= 3 for t, r in zip(touch, rows)) and rows[1]["peak_mib"] > 30
    assert all(t["sys_median"] > 0 and len(t["sys_runs"]) == 2 for t in touch)
    kernel = touch[1]["sys_median"] / touch[0]["sys_median"]
    assert f"20,000 to 80,000: {touch[1]['mib_median'] / touch[0]['mib_median']:.2f}x the memory, {kernel:.2f}x the " \
           "kernel time" in text


def test_jena_input_is_made_again_when_the_data_or_the_ontology_changes(tmp_path: Path) -> None:
    """bench/validation.py gives Jena the data with the ontology appended, kept between runs: it must follow a
    new generator's data and an edited ontology, not be kept because it exists."""
    from validation import with_ontology

    ontology = tmp_path / "ontology.ttl"
    ontology.write_text("<urn:x:A> a <http://www.w3.org/2002/07/owl#Class> .\n", encoding="utf-8")
    data = tmp_path / "ir-3000.nt"
    generate(3000, data)
    merged = with_ontology(data, ontology)
    assert merged.read_bytes() == data.read_bytes() + b"<urn:x:A> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> " \
                                                       b"<http://www.w3.org/2002/07/owl#Class> .\n"
    made = merged.stat().st_mtime_ns
    assert with_ontology(data, ontology).stat().st_mtime_ns == made, "kept while nothing changed"

    generate(3000, data, seed=7)  # other data, as a changed generator writes
    assert with_ontology(data, ontology).read_bytes().startswith(data.read_bytes())

    ontology.write_text("<urn:x:B> a <http://www.w3.org/2002/07/owl#Class> .\n", encoding="utf-8")
    assert b"<urn:x:B>" in with_ontology(data, ontology).read_bytes()
    assert b"<urn:x:A>" not in merged.read_bytes()
