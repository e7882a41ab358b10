"""The CSV example (examples/ngo-registry) maps to RDF with the RML engine (morph-kgc, in .venv-rml) and
validates clean against the ontology and shapes, on both validation paths."""
from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Namespace

from scripts.validate import fastshacl
from scripts.paths import ROOT

RML_PYTHON = ROOT / ".venv-rml" / "bin" / "python"
NFP = Namespace("https://w3id.org/ngo-fp/ontology#")


@pytest.fixture(scope="module")
def mapped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    assert RML_PYTHON.exists(), "the RML engine is missing: run `make setup`"
    out = tmp_path_factory.mktemp("rml")
    config = out / "config.ini"
    config.write_text((ROOT / "examples/ngo-registry/config.ini").read_text().replace(
        "output_file=dist/examples/ngo-registry.nt", f"output_file={out / 'ngo-registry.nt'}"))
    subprocess.run([str(RML_PYTHON), "-m", "morph_kgc", str(config)], cwd=ROOT, check=True, capture_output=True)
    return out / "ngo-registry.nt"


def test_mapping_produces_every_table(mapped: Path) -> None:
    g = Graph().parse(mapped, format="nt")
    types = Counter(o for o in g.objects(None, RDF.type))
    assert types[NFP.State] == 2 and types[NFP.AgentParticipation] == 3 and types[NFP.Event] == 1
    assert types[NFP.Foundation] == 1 and types[NFP.Association] == 1 and types[NFP.ResearchCentre] == 1
    assert len(set(g.objects(None, NFP.participation))) == 3


def test_mapped_data_validates_clean(mapped: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "scripts.validate", str(mapped)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    assert "conforms (0 violations, 0 warnings)" in result.stdout


def test_fast_path_agrees(mapped: Path, ontology: Graph, shapes: Graph) -> None:
    store = fastshacl.load_store([mapped], ontology)
    assert fastshacl.run(store, fastshacl.compile_shapes(shapes)) == []


def test_validate_reports_a_broken_row(mapped: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.nt"
    broken.write_text("\n".join(l for l in mapped.read_text().splitlines() if "rdf-schema#label" not in l
                                or "organization/batumi-civic-forum" not in l) + "\n")
    result = subprocess.run([sys.executable, "-m", "scripts.validate", str(broken), "--report-json", str(tmp_path / "r.json")],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 3
    assert "organization/batumi-civic-forum (" in result.stdout and "broken.nt" in result.stdout
    assert '"component": "MinCountConstraintComponent"' in (tmp_path / "r.json").read_text()


def test_the_states_join_the_article_s_by_iso_code(mapped: Path, published_graph: Graph) -> None:
    """The registry mints states of its own; their ISO 3166-1 alpha-3 codes (checked here against countrycode, the
    library links/ir-codes.csv is generated with) join them to the article's states, as
    docs/bring-your-own-data.md advises. Without the codes the registry's Turkey joined nothing."""
    from countrycode import countrycode

    g = Graph().parse(mapped, format="nt")
    for state in g.subjects(RDF.type, NFP.State):
        code, name = str(g.value(state, NFP.iso3166Alpha3)), str(g.value(state, RDFS.label))
        assert countrycode(name, origin="country.name", destination="iso3c") == code, (state, code)
    both = Graph()
    both += g
    both += published_graph
    joined = {(str(row.mine), str(row.ours)) for row in both.query(
        "SELECT ?mine ?ours WHERE { ?mine nfp:iso3166Alpha3 ?code . ?ours nfp:iso3166Alpha3 ?code . "
        "FILTER (STRSTARTS(STR(?mine), \"https://example.org/\") && ?mine != ?ours) }", initNs={"nfp": NFP})}
    assert joined == {("https://example.org/ir-ngos/resource/state/turkey",
                       "https://w3id.org/ngo-fp/resource/state/turkey")}
