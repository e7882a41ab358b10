"""PLOVER event records mapped into the ontology (issue 14): the sample, every event type, malformed records,
unknown event types, grounding, the join with the article's states, the published dataset and the
cross-dataset questions. Expected values are read by hand from examples/plover-gsr/ and the article."""
from __future__ import annotations

import csv
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef

from scripts import validate
from scripts.link import countrycodes
from scripts.load import parse
from scripts.paths import NFP, PROV, QUERIES, RES, ROOT
from scripts.errors import BuildError
from scripts.plover import run, scheme
from scripts.plover.records import spans
from scripts.plover.scheme import reference_sections
from scripts.validate import fastshacl
from test_fastshacl import verdicts

EXAMPLE = ROOT / "examples" / "plover-gsr"
SAMPLE = EXAMPLE / "gsr-sample.json"
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
OA = Namespace("http://www.w3.org/ns/oa#")
DCT = Namespace("http://purl.org/dc/terms/")
CROSS = QUERIES / "cross"
CROSS_QUERIES = sorted(CROSS.glob("*.rq"))


def records() -> list[dict]:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sample() -> run.Mapped:
    return run.map_file(SAMPLE)


def cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "scripts.plover", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True)


def notation(graph: Graph, node: URIRef, prop: URIRef) -> set[str]:
    return {str(graph.value(c, SKOS.notation)) for c in graph.objects(node, prop)}


# --- the sample -------------------------------------------------------------------------------------------
def test_sample_counts(sample: run.Mapped) -> None:
    # 230 records: 1 DOCUMENT record, 1 malformed record (AGREE-0007 has "target": "diplomatic"), 228 events
    assert (sample.result.read, sample.result.mapped, sample.result.documentation) == (230, 228, 1)
    assert sample.result.refused == [("PLOVER-GSR01-AGREE-0007", "target is neither a list of actors nor empty")]
    assert sample.events == 228
    assert len(set(sample.graph.subjects(RDF.type, NFP.Event))) == 228


def test_sample_validates_without_violations(sample: run.Mapped, ontology: Graph, shapes: Graph) -> None:
    """pyshacl finds no violation, and the fast engine, which the build runs on the sample
    (plover/publication.py, fastshacl.validate_graph), finds exactly what pyshacl finds."""
    results, _ = validate.shacl(sample.graph, ontology, shapes)
    assert [r for r in results if r.severity == "Violation"] == []
    assert verdicts(fastshacl.validate_graph(sample.graph, ontology, shapes)) == verdicts(results)


def test_sample_is_consistent_with_the_ontology(sample: run.Mapped, ontology: Graph) -> None:
    from scripts.validate import reasoning

    merged = Graph()
    merged += ontology
    merged += sample.graph
    assert reasoning.check(merged).consistent


EVENT_TYPES_PRESENT = sorted({r["event"] for r in records()} - {"DOCUMENT"})


def test_event_types_present_in_the_sample() -> None:
    assert len(EVENT_TYPES_PRESENT) == 10  # the sample's README: 10 of the 18 event types, plus DOCUMENT


@pytest.mark.parametrize("event_type", EVENT_TYPES_PRESENT)
def test_every_record_of_each_type_maps_with_its_actors(event_type: str, sample: run.Mapped) -> None:
    g = sample.graph
    chosen = [r for r in records() if r["event"] == event_type and r["id"] != "PLOVER-GSR01-AGREE-0007"]
    assert chosen
    for r in chosen:
        event = RES[f"event/{r['id'].lower()}"]
        assert notation(g, event, NFP.eventType) == {event_type}, r["id"]
        actors = {role: (r.get(role) if isinstance(r.get(role), list) else []) for role in ("source", "target")}
        parts = list(g.objects(event, NFP.participation))
        assert len(parts) == len(actors["source"]) + len(actors["target"]), r["id"]
        roles = sorted(str(g.value(g.value(p, NFP.role), SKOS.notation)) for p in parts)
        assert roles == sorted(["source"] * len(actors["source"]) + ["target"] * len(actors["target"])), r["id"]
        assert all(g.value(p, NFP.participant) is not None for p in parts)
        assert not list(g.objects(event, NFP.startDate))  # the date is a placeholder (2000-01-01)


def test_one_record_read_by_hand(sample: run.Mapped) -> None:
    """PLOVER-GSR01-AGREE-0001: Hungarian and Romanian officials (GOV) agreed to cooperate; context refugees."""
    g = sample.graph
    event = RES["event/plover-gsr01-agree-0001"]
    assert notation(g, event, NFP.eventContext) == {"refugees"}
    assert notation(g, event, NFP.eventMode) == set()
    assert {str(q) for q in g.objects(event, NFP.evidenceQuote)} == {"agreed", "cooperate"}
    parts = sorted(g.objects(event, NFP.participation))
    assert [g.value(p, NFP.participant) for p in parts] == [RES["organization/hun-gov"], RES["organization/rou-gov"]]
    assert (RES["organization/hun-gov"], NFP.cameoActorType, Literal("GOV")) in g
    assert (RES["organization/hun-gov"], NFP.basedIn, RES["state/hungary"]) in g
    assert (RES["state/hungary"], NFP.iso3166Alpha3, Literal("HUN")) in g
    record = g.value(event, DCT.source)
    assert str(g.value(record, NFP.sourceText)).startswith("Senior Hungarian and Romanian officials agreed")


def test_multi_valued_context_and_mode(sample: run.Mapped) -> None:
    # PLOVER-GSR01-CONSULT-0001 has context "diplomatic, military" (split into two concepts)
    raw = next(r for r in records() if r.get("context") == "diplomatic, military")
    assert notation(sample.graph, RES[f"event/{raw['id'].lower()}"], NFP.eventContext) == {"diplomatic", "military"}


def test_placeholders_and_documentation_not_published(sample: run.Mapped) -> None:
    g = sample.graph
    assert not any(str(o) == "2000-01-01" for o in g.objects())
    assert not list(g.subjects(None, Literal("DOCUMENT")))
    assert (RES["event/plover-gsr01-document-0001"], None, None) not in g
    assert not any("***" in str(o) for o in g.objects(None, NFP.cameoActorType))
    unknown = next(r for r in records() if r.get("context") == "unknown")  # a context that says nothing
    assert notation(g, RES[f"event/{unknown['id'].lower()}"], NFP.eventContext) == set()


def test_states_joined_by_code_with_the_article(sample: run.Mapped, built) -> None:
    g = sample.graph
    assert sample.joined_states == [str(RES["state/azerbaijan"]), str(RES["state/iraq"]), str(RES["state/turkey"])]
    for state in ("turkey", "azerbaijan", "iraq"):  # the same resource, with the article's label
        assert g.value(RES[f"state/{state}"], RDF.type) == NFP.State
        assert g.value(RES[f"state/{state}"], URIRef("http://www.w3.org/2000/01/rdf-schema#label")) == \
            built.instances.value(RES[f"state/{state}"], URIRef("http://www.w3.org/2000/01/rdf-schema#label"))
    # RUS is the Russian Federation of ISO, not the article's Bolshevik Russia (which has no ISO code)
    assert (RES["state/russia"], NFP.iso3166Alpha3, Literal("RUS")) in g
    assert (RES["state/bolshevik-russia"], None, None) not in g


def test_a_territory_is_a_country_not_a_sovereign_state(sample: run.Mapped) -> None:
    """A country code that neither the Correlates of War nor the Gleditsch–Ward list of independent states codes is a
    territory (nfp:Country), not a sovereign state: Hong Kong and the Palestinian Territories keep their ISO codes. Serbia,
    to which countrycode's table gives a Gleditsch–Ward number but no COW number, and Taiwan, which has both, are states."""
    g = sample.graph
    for territory, iso3 in (("hong-kong-sar-china", "HKG"), ("palestinian-territories", "PSE")):
        assert set(g.objects(RES[f"state/{territory}"], RDF.type)) == {NFP.Country}
        assert (RES[f"state/{territory}"], NFP.iso3166Alpha3, Literal(iso3)) in g
    for state in ("serbia", "taiwan"):
        assert set(g.objects(RES[f"state/{state}"], RDF.type)) == {NFP.State}


def test_a_cameo_code_on_an_actor_is_its_countrys_as_the_definition_says(sample: run.Mapped, ontology: Graph) -> None:
    """The mapping gives a government body or group of a country (CAMEO actor TURGOV: country TUR, sector GOV) the
    country's CAMEO code with nfp:cameoCode, as GDELT's Actor1CountryCode does: the code of the country it belongs to,
    which is the code of the state it is nfp:basedIn. The property's definition said only "the three-letter code of a
    country or region", which these actors are not: it now says that on an actor the code is its country's."""
    g = sample.graph
    places = {NFP.Place, NFP.Country, NFP.State, NFP.DeFactoState}
    actors = sorted(s for s in set(g.subjects(NFP.cameoCode)) if not set(g.objects(s, RDF.type)) & places)
    assert len(actors) > 100
    compared = 0
    for actor in actors:
        for state in g.objects(actor, NFP.basedIn):
            if codes := set(g.objects(state, NFP.cameoCode)):  # a state coded alone in some record carries its own
                assert set(g.objects(actor, NFP.cameoCode)) == codes, actor
                compared += 1
    assert compared > 50
    definition = str(ontology.value(NFP.cameoCode, SKOS.definition))
    assert "actor belongs to" in definition, f"ontology/ngo-fp.ttl: nfp:cameoCode's definition ({definition!r}) " \
        f"does not say what the code is on an actor, as on {len(actors)} actors of the PLOVER sample"


def test_a_source_acts_and_a_target_is_acted_upon(sample: run.Mapped) -> None:
    """PLOVER-GSR01-ASSAULT-0001: "A temporary camp for Congolese refugees was attacked by Burundian militiamen armed
    with machetes". The militiamen (source) take part through an nfp:AgentParticipation, a PROV association, stated in
    PROV-O's terms too; the refugees (target) through a plain nfp:Participation, with no PROV statement: PROV's
    association is "an assignment of responsibility". Every source and every target of the sample likewise."""
    g, prov = sample.graph, PROV
    event = RES["event/plover-gsr01-assault-0001"]
    source, target = (RES[f"participation/plover-gsr01-assault-0001--{r}-1"] for r in ("source", "target"))
    militia, refugees = g.value(source, NFP.participant), g.value(target, NFP.participant)
    assert str(g.value(source, NFP.nameInSource)) == "Burundian militiamen"
    assert str(g.value(target, NFP.nameInSource)) == "Congolese refugees"
    assert set(g.objects(source, RDF.type)) == {NFP.AgentParticipation}
    assert set(g.objects(target, RDF.type)) == {NFP.Participation}
    assert set(g.objects(event, prov.wasAssociatedWith)) == {militia}
    assert set(g.objects(event, prov.qualifiedAssociation)) == {source}
    assert (source, prov.agent, militia) in g and (source, prov.hadRole, RES["role/plover-source"]) in g
    assert not [p for p in g.predicates(target) if str(p).startswith(str(prov))]
    roles = {r: {cls for p in g.subjects(NFP.role, RES[f"role/plover-{r}"]) for cls in g.objects(p, RDF.type)}
             for r in ("source", "target")}
    assert roles == {"source": {NFP.AgentParticipation}, "target": {NFP.Participation}}
    sources = set(g.subjects(NFP.role, RES["role/plover-source"]))
    assert set(g.objects(None, prov.qualifiedAssociation)) == sources and len(sources) > 200


def test_every_quote_is_grounded_in_its_record(sample: run.Mapped) -> None:
    g = sample.graph
    annotations = list(g.subjects(RDF.type, NFP.Evidence))
    assert len(annotations) == sample.quotes  # one per (resource, quote, source): "Turkey" grounds state:turkey twice
    grounded = {(g.value(ev, OA.hasBody), str(g.value(s, OA.exact))) for ev in annotations
                for s in g.objects(g.value(ev, OA.hasTarget), OA.hasSelector) if g.value(s, OA.exact)}
    assert set(g.subject_objects(NFP.evidenceQuote)) == {(r, Literal(q)) for r, q in grounded}
    for ev in annotations:
        target = g.value(ev, OA.hasTarget)
        source = g.value(target, OA.hasSource)
        exact = next(str(g.value(s, OA.exact)) for s in g.objects(target, OA.hasSelector) if g.value(s, OA.exact))
        text = g.value(source, NFP.sourceText)
        if text is not None:  # a record: the quote is in its sentence
            assert exact in " ".join(str(text).split()), (ev, exact)


# --- the SKOS schemes -----------------------------------------------------------------------------------------
def test_reference_has_18_event_types() -> None:
    _, sections = reference_sections()
    assert len([k for k in sections if k != "top"]) == 18


def test_cameo_codes_map_to_plover(sample: run.Mapped) -> None:
    g = sample.graph
    # "042: CONSULT, visit,   # Make a visit"
    assert (RES["concept/cameo-042"], SKOS.broadMatch, RES["concept/plover-consult"]) in g
    assert (RES["concept/cameo-042"], SKOS.relatedMatch, RES["concept/plover-mode-visit"]) in g
    # FIGHT, the older type of the records' version 0.5b1, is kept and related to ASSAULT
    assert (RES["concept/plover-fight"], SKOS.broadMatch, RES["concept/plover-assault"]) in g
    assert (RES["concept/plover-request"], SKOS.closeMatch, RES["concept/plover-demand"]) in g


def test_cameo_codes_form_their_hierarchy(sample: run.Mapped) -> None:
    g, cameo = sample.graph, RES["scheme/cameo-event-codes"]
    # "0311: AGREE,  ,   economic # Express intent to cooperate economically", under "031: ...", under "03: AGREE"
    assert (RES["concept/cameo-0311"], SKOS.broader, RES["concept/cameo-031"]) in g
    assert (RES["concept/cameo-031"], SKOS.broader, RES["concept/cameo-03"]) in g
    assert (RES["concept/cameo-03"], SKOS.topConceptOf, cameo) in g
    assert (cameo, SKOS.hasTopConcept, RES["concept/cameo-03"]) in g
    # 175 is listed twice (lines 283-284): one concept, still under 17
    assert set(g.objects(RES["concept/cameo-175"], SKOS.broader)) == {RES["concept/cameo-17"]}
    # the table's 19 headings name 18 categories, 03 to 20 (08 twice: "08: CONCEDE", "08: RETREAT")
    tops = {str(g.value(c, SKOS.notation)) for c in g.objects(cameo, SKOS.hasTopConcept)}
    assert tops == {f"{n:02d}" for n in range(3, 21)}
    definition = str(g.value(RES["concept/cameo-08"], SKOS.definition))
    assert "CONCEDE and RETREAT" in definition
    # each of the 256 codes of the table is under exactly one code one digit shorter
    codes = [c for c in g.subjects(SKOS.inScheme, cameo) if c not in set(g.objects(cameo, SKOS.hasTopConcept))]
    assert len(codes) == 256
    for c in codes:
        (parent,) = g.objects(c, SKOS.broader)
        assert str(g.value(c, SKOS.notation))[:-1] == str(g.value(parent, SKOS.notation))
    # and stated from above: skos:narrower exactly the inverse of skos:broader
    assert set(g.subject_objects(SKOS.narrower)) == {(p, c) for c, p in g.subject_objects(SKOS.broader)}


def test_a_code_without_its_parent_is_named_with_its_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    table = tmp_path / "table.txt"
    table.write_text("03: AGREE\n030: AGREE, , diplomatic # Express intent to cooperate\n"
                     "0451: CONSULT, , # a code whose 045 is missing\n", encoding="utf-8")
    monkeypatch.setattr(scheme, "TABLE", table)
    with pytest.raises(BuildError) as err:
        scheme.build(str(RES))
    assert str(err.value).endswith("table.txt:3: CAMEO code 0451 has no code 045 to be under")


# --- every event type, malformed records, unknown types (through the command) ---------------------------------
def record(rid: str, event: str, **extra) -> dict:
    base = {"id": rid, "date": "2000-01-01", "event": event, "source": [{"actorText": "Turkish", "code": "TUR", "sector": "GOV"}],
            "target": [{"actorText": "Azerbaijan", "code": "AZE"}], "text": "The Turkish minister met Azerbaijan officials.",
            "textInfo": {"markup": "The (SRC: Turkish) minister (EVT: met) (TAR: Azerbaijan) officials."},
            "language": "en", "version": "0.5b1", "dateCoded": "2016-12-19"}
    base.update(extra)
    return base


def test_every_event_type_of_the_reference_and_older_ones(tmp_path: Path) -> None:
    _, sections = reference_sections()
    types = sorted(k for k in sections if k != "top") + ["FIGHT"]
    assert len(types) == 19
    path = tmp_path / "all-types.json"
    path.write_text(json.dumps([record(f"T-{t}-1", t) for t in types]), encoding="utf-8")
    out = tmp_path / "all-types.ttl"
    proc = cli(path, out)
    assert proc.returncode == 0, proc.stderr
    assert "19 records read, 19 mapped, 0 refused" in proc.stdout
    g = parse(out)
    for t in types:
        assert notation(g, RES[f"event/t-{t.lower()}-1"], NFP.eventType) == {t}


def test_malformed_and_unknown_records_are_refused_with_reasons(tmp_path: Path) -> None:
    no_markup = record("OK-2", "CONSULT", eventLoc={"country code": "TR"})
    del no_markup["textInfo"]  # markup is optional: the actor texts and the sentence are then the evidence
    rows = [
        record("OK-1", "AGREE"),
        no_markup,
        record("BAD-TYPE", "BANANA"),
        record("NO-TEXT", "AGREE", text=""),
        record("BAD-TARGET", "AGREE", target="diplomatic"),
        record("BAD-CODE", "AGREE", source=[{"actorText": "Turkish", "code": "Turkey"}]),
        "not a record",
    ]
    path = tmp_path / "mixed.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    out = tmp_path / "mixed.ttl"
    proc = cli(path, out)
    assert proc.returncode == 1
    refused = [line for line in proc.stderr.splitlines() if line.startswith("refused:")]
    assert len(refused) == 5
    assert any("BAD-TYPE: unknown PLOVER event type 'BANANA'" in line for line in refused)
    assert any("NO-TEXT: text is missing or not a non-empty string" in line for line in refused)
    assert any("BAD-TARGET: target is neither a list of actors nor empty" in line for line in refused)
    assert any("BAD-CODE: source actor 1 code 'Turkey' is not a three-letter CAMEO code" in line for line in refused)
    assert any("record 7: a record is a JSON object" in line for line in refused)
    assert "7 records read, 2 mapped, 5 refused" in proc.stdout
    g = parse(out)  # the good records are still written, the refused ones leave nothing
    assert set(g.subjects(RDF.type, NFP.Event)) == {RES["event/ok-1"], RES["event/ok-2"]}
    assert g.value(RES["event/ok-2"], NFP.place) == RES["state/turkey"]  # "country code": "TR" alone
    assert {str(q) for q in g.objects(RES["event/ok-2"], NFP.evidenceQuote)} == {"The Turkish minister met Azerbaijan officials."}


def test_a_refused_records_text_cannot_drive_the_terminal(tmp_path: Path) -> None:
    """The record's id and the reason (which quotes the record) are escaped: one line each, no control character."""
    path = tmp_path / "odd.json"
    path.write_text(json.dumps([record("BAD-\x1b[2J", "BAN\x1b[31m\nANA")]), encoding="utf-8")
    proc = cli(path, tmp_path / "odd.ttl")
    assert proc.returncode == 1
    refused = [line for line in proc.stderr.splitlines() if line.startswith("refused:")]
    assert len(refused) == 1 and "BAD-\\x1b[2J: unknown PLOVER event type" in refused[0], proc.stderr
    assert "\x1b" not in proc.stderr + proc.stdout


def test_expected_refusals_must_match_exactly() -> None:
    expected = run.expected_refusals(EXAMPLE / "expected-refusals.txt")
    assert expected == {"PLOVER-GSR01-AGREE-0007: target is neither a list of actors nor empty"}
    refused = [("PLOVER-GSR01-AGREE-0007", "target is neither a list of actors nor empty")]
    assert run.unexpected(refused, expected) == []
    assert run.unexpected(refused + [("X-1", "no text")], expected) == ["refused but not expected: X-1: no text"]
    assert run.unexpected([], expected) == [
        "expected to be refused but was not: PLOVER-GSR01-AGREE-0007: target is neither a list of actors nor empty"]


def test_unreadable_input_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('[{"id": "X", "event": ', encoding="utf-8")
    proc = cli(path, tmp_path / "out.ttl")
    assert proc.returncode == 4
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("error: ") and "broken.json" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_markup_spans_nested_and_dodgy() -> None:
    got = spans("An (EVT: attempt) was (EVT: thwarted (LOC: in (SRC: Khanty-Mansiysk) (Siberia)), police said.")
    assert [(s.marker, s.text) for s in got] == [
        ("EVT", "attempt"), ("SRC", "Khanty-Mansiysk"), ("LOC", "in Khanty-Mansiysk (Siberia)"),
        ("EVT", "thwarted in Khanty-Mansiysk (Siberia), police said.")]
    assert [(s.marker, s.text) for s in spans("(SRC: Benin) opened) its borders")] == [("SRC", "Benin")]


# --- country codes from the library ---------------------------------------------------------------------------
def test_ir_codes_are_generated_and_up_to_date() -> None:
    assert countrycodes.render() == countrycodes.IR_CODES.read_text(encoding="utf-8")


def test_generated_codes_agree_with_independent_sources() -> None:
    """Values seen in other public files (links/README.md: OWID, COW states2016.csv, GeoNames countryInfo.txt)."""
    with countrycodes.IR_CODES.open(encoding="utf-8", newline="") as f:
        rows = {(r["resource"].rsplit("/", 1)[-1], r["scheme"]): r for r in csv.DictReader(f)}
    want = {("turkey", "iso3166-alpha2"): "TR", ("turkey", "iso3166-alpha3"): "TUR", ("turkey", "un-m49"): "792",
            ("turkey", "cow-ccode"): "640", ("turkey", "gleditsch-ward"): "640", ("azerbaijan", "un-m49"): "31",
            ("azerbaijan", "cow-ccode"): "373", ("iraq", "un-m49"): "368", ("iraq", "cow-ccode"): "645",
            ("bolshevik-russia", "cow-ccode"): "365"}
    for key, code in want.items():
        assert rows[key]["code"] == code, key
        assert rows[key]["evidence_location"].startswith("countrycode 0.6.0"), key
    assert ("bolshevik-russia", "iso3166-alpha3") not in rows
    assert rows[("turkey", "geonames")]["evidence_location"] == (  # kept by hand
        "https://github.com/fffaraz/datasets/blob/e3b4c25f85e40573847444381ae9a641edcb02a0/countryInfo.txt")


# --- the published dataset and the cross-dataset questions ------------------------------------------------------
def test_published_as_a_dataset_of_its_own(dist: Path) -> None:
    folder = dist / "plover-gsr"
    void = parse(folder / "void.ttl")
    dataset = URIRef("https://w3id.org/ngo-fp/dataset/plover-gsr")
    assert (dataset, DCT.license, URIRef("https://creativecommons.org/licenses/by-sa/4.0/")) in void
    graph = parse(folder / "plover-gsr.ttl")
    assert int(void.value(dataset, URIRef("http://rdfs.org/ns/void#triples"))) == len(graph)
    assert "Attribution-ShareAlike 4.0" in (folder / "LICENSE.txt").read_text(encoding="utf-8")
    sums = dict(reversed(line.split("  ", 1)) for line in (folder / "SHA256SUMS").read_text(encoding="utf-8").splitlines())
    assert sorted(sums) == ["LICENSE.txt", "plover-gsr.nt", "plover-gsr.ttl", "void.ttl"]
    for name, digest in sums.items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest
    assert "plover-gsr/" not in (dist / "SHA256SUMS").read_text(encoding="utf-8")  # the article's dataset is apart


def sample_description(root: Path) -> Graph:
    """The sample's void.ttl as publication.description writes it for a folder of placeholder files."""
    from scripts.plover import publication

    folder = root / publication.FOLDER
    folder.mkdir()
    files = []
    for name in ("plover-gsr.ttl", "plover-gsr.nt", "LICENSE.txt"):
        (folder / name).write_text("x\n", encoding="utf-8")
        files.append(folder / name)
    counts = {"read": "3", "mapped": "2", "refused": "1", "events": "2", "actors": "2", "joined": "1",
              "license": "CC BY-SA 4.0", "copyright": "Copyright 2016 by the Open Event Data Alliance"}
    return publication.description(Graph(), files, root, counts)


def test_description_conforms_to_dcat_ap_3(tmp_path: Path) -> None:
    """The sample's void.ttl passes the DCAT-AP 3.0.0 shapes the article's void.ttl passes (shapes.ttl and range.ttl):
    an access URL, a byte size as xsd:decimal and a typed IANA media type on every distribution, and a typed licence,
    standard and source dataset. It had 14 violations."""
    from pyshacl import validate as shacl_validate
    from test_publication import DCAT_AP

    if not (DCAT_AP / "shapes.ttl").exists():
        pytest.skip(f"the DCAT-AP 3.0.0 shapes are not beside the clone ({DCAT_AP})")
    void = sample_description(tmp_path)
    shapes = Graph()
    for name in ("shapes.ttl", "range.ttl"):
        shapes.parse(DCAT_AP / name, format="turtle")
    conforms, report, text = shacl_validate(void, shacl_graph=shapes, inference="none")
    results = list(report.subjects(RDF.type, URIRef("http://www.w3.org/ns/shacl#ValidationResult")))
    assert (conforms, len(results)) == (True, 0), text[:3000]
    # The release's combined file (RDFS inference for its rdfs:Resource ranges) finds only what it finds in the
    # article's void.ttl: dcat:byteSize as xsd:decimal, where it asks for xsd:nonNegativeInteger and shapes.ttl for
    # xsd:decimal (the two files of DCAT-AP 3.0.0 disagree; a literal cannot satisfy both).
    combined = Graph().parse(DCAT_AP / "dcat-ap-SHACL.ttl", format="turtle")
    _, report, text = shacl_validate(void, shacl_graph=combined, inference="rdfs")
    paths = {str(report.value(r, URIRef("http://www.w3.org/ns/shacl#resultPath")))
             for r in report.subjects(RDF.type, URIRef("http://www.w3.org/ns/shacl#ValidationResult"))}
    assert paths <= {"http://www.w3.org/ns/dcat#byteSize"}, text[:3000]


def test_the_description_says_where_its_triples_are(tmp_path: Path) -> None:
    """The sample's void.ttl names the endpoint (void:sparqlEndpoint), whose default graph holds the article's dataset
    alone: it must say that the sample is the endpoint's named graph <…/dataset/plover-gsr> (a query at the endpoint
    without FROM or GRAPH finds none of it), and name its dumps (void:dataDump), as the article's void.ttl does. It
    said neither."""
    from scripts.plover import publication

    void = sample_description(tmp_path)
    dataset, voidns = publication.DATASET, Namespace("http://rdfs.org/ns/void#")
    assert void.value(dataset, voidns.sparqlEndpoint) is not None
    description = str(void.value(dataset, DCT.description))
    assert f"named graph <{dataset}>" in description, description
    assert {str(o) for o in void.objects(dataset, voidns.dataDump)} == {
        "https://w3id.org/ngo-fp/dist/plover-gsr/plover-gsr.ttl", "https://w3id.org/ngo-fp/dist/plover-gsr/plover-gsr.nt"}


@pytest.fixture(scope="module")
def joined(dist: Path):
    """The article's publication and the PLOVER dataset in one store (Oxigraph), as a user would join them."""
    import pyoxigraph as ox

    store = ox.Store()
    for path in (dist / "ngo-fp.nt", dist / "plover-gsr" / "plover-gsr.nt"):
        store.bulk_load(path=str(path), format=ox.RdfFormat.N_TRIPLES)
    return store


def test_cross_queries_found() -> None:
    assert len(CROSS_QUERIES) == 6
    for query in CROSS_QUERIES:
        assert query.read_text(encoding="utf-8").startswith("# Question: ")
        assert "ORDER BY" in query.read_text(encoding="utf-8")


@pytest.mark.parametrize("query", CROSS_QUERIES, ids=[q.stem for q in CROSS_QUERIES])
def test_cross_query_gives_the_answer_checked_by_hand(query: Path, joined) -> None:
    with (CROSS / "expected" / f"{query.stem}.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    result = joined.query(query.read_text(encoding="utf-8"))
    assert [v.value for v in result.variables] == rows[0]
    got = [tuple("" if row[i] is None else row[i].value for i in range(len(rows[0]))) for row in result]
    assert got == [tuple(r) for r in rows[1:]]
