"""Links: every linkable resource is linked to a verified Wikidata item or listed as a candidate with the
reason; link records are complete; the crosswalk is published; bad rows fail the build with file and line."""
from __future__ import annotations

import csv
import re
import subprocess
from pathlib import Path

import pytest
from rdflib import URIRef

from scripts.link import records
from scripts.errors import BuildError
from scripts.paths import ROOT

LINKABLE = ["State", "Place", "Organization", "Event", "Person", "CollectiveActor"]


def linkable(built) -> set[str]:
    g = built.ontology + built.instances
    found = set()
    for cls in LINKABLE:
        found |= {str(r[0]) for r in g.query(
            "SELECT ?s WHERE { ?s a/<http://www.w3.org/2000/01/rdf-schema#subClassOf>* ?c }",
            initBindings={"c": URIRef(f"https://w3id.org/ngo-fp/ontology#{cls}")})}
    return found | {"https://w3id.org/ngo-fp/resource/work/ijhssi"}


def test_every_linkable_resource_is_linked_or_a_candidate(built) -> None:
    linked = {r.values["resource"] for r in records.rows(records.LINKS / "wikidata.csv")}
    candidates = {resource for resource, _ in records.candidates()}
    assert linked and candidates
    assert not linked & candidates
    assert linkable(built) == linked | candidates
    assert all(reason.strip() for _, reason in records.candidates())


def test_link_records_keep_label_and_evidence() -> None:
    wikidata = records.rows(records.LINKS / "wikidata.csv")
    assert len(wikidata) == 37
    for row in wikidata:
        v = row.values
        assert records.QID.match(v["qid"]), row.line
        assert records.GITHUB.match(v["evidence_location"]) or (records.SOURCE.match(v["evidence_location"])
                                                               and "github.com" not in v["evidence_location"]), row.line
        assert v["evidence_text"] and records.DATE.match(v["checked_on"]), row.line
        assert v["qid"].lstrip("Q") in v["evidence_text"], row.line  # the words seen show the item's number
        # label and description as shown in the evidence (a wiki link writes the label with _ for spaces)
        seen = " ".join(v["evidence_text"].replace("_", " ").split()).casefold()
        for shown in (v["wikidata_label"], v["wikidata_description"]):
            assert " ".join(shown.split()).casefold() in seen, (row.line, shown)


def test_every_decision_is_recorded_with_its_reason() -> None:
    with (records.LINKS / "candidates.csv").open(encoding="utf-8") as f:
        decisions = list(csv.DictReader(f))
    kinds = {d["decision"] for d in decisions}
    assert kinds <= set(records.DECISIONS) and {"rejected", "not-found"} <= kinds  # no demoted row left: each was re-verified (2026-12-03)
    for d in decisions:
        if d["decision"] in ("rejected", "demoted"):
            assert records.QID.match(d["qid"]), d["resource"]
    # place:cyprus is the island; Q229 is the sovereign state (t2wml country_entities.py)
    cyprus = next(d for d in decisions if d["resource"].endswith("/place/cyprus"))
    assert (cyprus["decision"], cyprus["qid"]) == ("rejected", "Q229") and records.GITHUB.match(cyprus["source"])


# Identifiers that only the project's search index understood (issue 12, item 5): a "file id" number, the
# index's name, the id its file reader takes. The patterns are assembled from pieces so that neither this file nor
# a repository-wide grep for those words matches them.
READER = "read" + "_file"
INTERNAL = re.compile(r"file id \d{6,}|github-?index\b|" + READER + r"\s+id\s*=\s*\d|\bid=\d{9,}\b", re.IGNORECASE)


def tracked_files() -> list[Path]:
    out = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    return [ROOT / p for p in out.decode().split("\0") if p]


def internal_ids(paths: list[Path]) -> list[str]:
    found = []
    for path in paths:
        if not path.is_file() or path.is_symlink():
            continue
        text = path.read_bytes().decode("utf-8", "replace")
        found += [f"{path}: {m.group(0)}" for m in INTERNAL.finditer(text)]
    return found


def test_scan_finds_an_internal_identifier(tmp_path: Path) -> None:
    planted = tmp_path / "probe.txt"
    number = "7088" + "2395509"
    planted.write_text(f"seen in file {'id'} {number} (reopen with {READER} id={number})", encoding="utf-8")
    assert len(internal_ids([planted])) == 2


def test_no_internal_index_identifier_in_the_repository() -> None:
    files = tracked_files()
    assert len(files) > 100
    assert internal_ids(files) == []


def test_no_internal_index_identifier_in_dist(dist: Path) -> None:
    files = [p for p in dist.rglob("*")]
    assert any(p.name == "wikidata.csv" for p in files)
    assert internal_ids(files) == []


def test_every_code_in_the_publication_names_where_it_was_seen(built) -> None:
    """Each code a resource carries (nfp:cowStateNumber 640, ...) has an nfp:CodeRecord per row of
    links/ir-codes.csv that gives it: the property, the code, the source and the words, and the day for a
    hand-written row; and no code stands without one."""
    g = built.data
    prop_of = {scheme: str(prop) for scheme, (prop, _) in records.CODES.items()}
    want = {(r.values["resource"], prop_of[r.values["scheme"]], r.values["code"], r.values["evidence_location"],
             r.values["evidence_text"], r.values["checked_on"]) for r in records.rows(records.LINKS / "ir-codes.csv")}
    got = {tuple("" if v is None else str(v) for v in row) for row in g.query(PREFIXES + """
        SELECT ?resource ?property ?code ?location ?text ?day WHERE {
            ?record a nfp:CodeRecord ; nfp:linkedResource ?resource ; nfp:codeProperty ?property ; nfp:code ?code ;
                    nfp:evidenceLocation ?location ; nfp:evidenceText ?text .
            OPTIONAL { ?record nfp:checkedOn ?day } }""")}
    assert got == want and len(got) == len(records.rows(records.LINKS / "ir-codes.csv"))
    carried = {(str(s), str(p), str(o)) for p in prop_of.values() for s, o in g.subject_objects(URIRef(p))}
    assert carried == {(resource, prop, code) for resource, prop, code, *_ in want}


def test_crosswalk_is_published(dist: Path) -> None:
    with (dist / "exports" / "crosswalk.csv").open(encoding="utf-8") as f:
        rows = {r["resource"].rsplit("/", 1)[1]: r for r in csv.DictReader(f)}
    assert rows["turkey"]["cow_ccode"] == "640" and rows["turkey"]["iso3166_alpha2"] == "TR"
    assert rows["turkey"]["wikidata"] == "http://www.wikidata.org/entity/Q43"
    assert rows["azerbaijan"]["gleditsch_ward"] == "373"
    # UN M49, V-Dem and Polity, from countrycode 0.6.0 as links/ir-codes.csv records them (M49 031 is Azerbaijan)
    assert (rows["azerbaijan"]["un_m49"], rows["azerbaijan"]["vdem"], rows["azerbaijan"]["polity"]) == ("31", "106", "373")
    assert (rows["turkey"]["un_m49"], rows["turkey"]["vdem"], rows["turkey"]["polity"]) == ("792", "99", "640")
    assert rows["united-nations"]["cameo_actor_type"] == "IGO"
    assert rows["sakarya-university"]["ror"] == "04ttnw109" and rows["nato"]["ror"] == "05xagc088"
    assert (rows["united-nations"]["cow_igo"], rows["united-nations"]["cow_igo_abbrev"]) == ("4400", "UN")
    assert (rows["european-union"]["cow_igo"], rows["european-union"]["cow_igo_abbrev"]) == ("1830", "EU")
    # UCDP actor ids, from UCDP's Actor Dataset 22.1 (ucdp-actor-221.csv): PKK, IS (the article's Daesh), al-Qaida
    assert (rows["pkk"]["ucdp_actor"], rows["daesh"]["ucdp_actor"], rows["al-qaeda"]["ucdp_actor"]) == ("323", "234", "769")
    # UCDP conflict ids the issues concern, from the UCDP/PRIO Armed Conflict Dataset 23.1 (conflict_id, location,
    # sides, territory): 354 Turkey / PKK (Kurdistan), 388 Azerbaijan / Artsakh (Nagorno-Karabakh), 323 Cyprus, Turkey
    assert (rows["pkk-terrorism"]["ucdp_conflict"], rows["karabakh"]["ucdp_conflict"],
            rows["cyprus-problem"]["ucdp_conflict"]) == ("354", "388", "323")
    assert rows["pkk"]["ucdp_conflict"] == ""  # an actor is a side of a conflict, not an issue that concerns one


def write(folder: Path, name: str, header: list[str], *rows: list[str]) -> None:
    with (folder / name).open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([header, *rows])


WD_HEADER = ["resource", "qid", "wikidata_label", "wikidata_description", "evidence_location", "evidence_text", "checked_on"]


def test_undescribed_resource_names_file_and_line(tmp_path: Path) -> None:
    write(tmp_path, "wikidata.csv", WD_HEADER, ["https://w3id.org/ngo-fp/resource/state/atlantis", "Q1", "", "", "https://example.org/x", "x", "2026-11-24"])
    with pytest.raises(BuildError, match=r"wikidata.csv:2: .*state/atlantis is not described"):
        records.link_graph(set(), tmp_path)


def test_malformed_qid_is_refused(tmp_path: Path) -> None:
    turkey = URIRef("https://w3id.org/ngo-fp/resource/state/turkey")
    write(tmp_path, "wikidata.csv", WD_HEADER, [str(turkey), "43", "", "", "https://example.org/x", "x", "2026-11-24"])
    with pytest.raises(BuildError, match="malformed Wikidata id '43'"):
        records.link_graph({turkey}, tmp_path)


def test_source_that_nobody_can_follow_is_refused(tmp_path: Path) -> None:
    turkey = URIRef("https://w3id.org/ngo-fp/resource/state/turkey")
    for location, problem in [("owner/repo:path.py", r"is not a public http\(s\) URL"),
                              ("https://github.com/owner/repo/blob/main/path.py", "without pinning it to a commit")]:
        write(tmp_path, "wikidata.csv", WD_HEADER, [str(turkey), "Q43", "", "", location, "x", "2026-12-01"])
        with pytest.raises(BuildError, match=problem):
            records.link_graph({turkey}, tmp_path)


CODE_HEADER = ["resource", "scheme", "code", "evidence_location", "evidence_text", "checked_on"]
PINNED = "https://github.com/owner/repo/blob/" + "0" * 40 + "/countryInfo.txt"


@pytest.mark.parametrize("row, problem", [
    (["geonames", "298795", "owner/repo:countryInfo.txt", "x", "2026-12-03"], r"is not a public http\(s\) URL"),
    (["cameo-country", "TUR", "https://github.com/owner/repo/blob/main/data_dict.py", "x", "2026-12-03"],
     "without pinning it to a commit"),
    (["geonames", "298795", PINNED, "", "2026-12-03"], "evidence_text is empty"),
    (["geonames", "298795", PINNED, "x", ""], "checked_on '' is not a date"),
])
def test_a_code_written_by_hand_names_a_pinned_source_the_words_and_the_day(tmp_path: Path, row: list[str],
                                                                             problem: str) -> None:
    """CAMEO and GeoNames codes are written by hand (countrycode has none): like a Wikidata link, each row must
    name a source anyone can open, pinned to a commit for a GitHub file, the words seen there and the day."""
    turkey = URIRef("https://w3id.org/ngo-fp/resource/state/turkey")
    write(tmp_path, "ir-codes.csv", CODE_HEADER, [str(turkey), *row])
    with pytest.raises(BuildError, match=r"ir-codes.csv:2: .*" + problem):
        records.link_graph({turkey}, tmp_path)


@pytest.mark.parametrize("code, valid", [
    ("04ttnw109", True), ("0336mm561", True), ("02ysx7m49", True),  # Sakarya University, OUP, Ministry of Development
    ("04ttnw108", False),  # a wrong check digit
    ("04ttnw1o9", False),  # 'o' is not in Crockford's base 32
    ("14ttnw109", False),  # does not start with 0
    ("04ttnw10", False), ("https://ror.org/04ttnw109", False),  # not the bare nine characters
])
def test_a_ror_id_is_checked_by_its_check_digits(tmp_path: Path, code: str, valid: bool) -> None:
    """A ROR row is refused with file and line unless its id has ROR's form and check digits; a valid one is
    published as nfp:rorId and as schema:sameAs its https://ror.org/ IRI."""
    from rdflib import Literal

    org = URIRef("https://w3id.org/ngo-fp/resource/organization/x")
    write(tmp_path, "ir-codes.csv", CODE_HEADER, [str(org), "ror", code, PINNED, "x", "2026-12-04"])
    if valid:
        g = records.link_graph({org}, tmp_path)
        assert (org, URIRef(NFP + "rorId"), Literal(code)) in g
        assert (org, URIRef("https://schema.org/sameAs"), URIRef("https://ror.org/" + code)) in g
    else:
        with pytest.raises(BuildError, match=r"ir-codes.csv:2: ror .* is not a ROR identifier"):
            records.link_graph({org}, tmp_path)


def test_a_ror_record_names_the_wikidata_item_we_link_if_it_names_one() -> None:
    """Two registries, one organization: where the words seen in a ROR record include a Wikidata id, it is the item
    links/wikidata.csv links the same resource to (a ROR row about the wrong organization would show here)."""
    import re

    linked = {r.values["resource"]: r.values["qid"] for r in records.rows(records.LINKS / "wikidata.csv")}
    ror = [r.values for r in records.rows(records.LINKS / "ir-codes.csv") if r.values["scheme"] == "ror"]
    named = [(v["resource"], re.findall(r"\bQ[0-9]+\b", v["evidence_text"])) for v in ror]
    assert len(ror) == 8 and sum(1 for _, qids in named if qids) >= 6
    for resource, qids in named:
        assert all(q == linked.get(resource) for q in qids), (resource, qids)


def test_two_rows_of_one_code_from_one_source_are_refused(tmp_path: Path) -> None:
    """Each row is one code record, named by resource, scheme and source: a second row of the same three would
    merge into the first record and lose which words were seen where."""
    turkey = URIRef("https://w3id.org/ngo-fp/resource/state/turkey")
    row = [str(turkey), "geonames", "298795", PINNED, "x", "2026-12-03"]
    with (tmp_path / "ir-codes.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([CODE_HEADER, row, row[:4] + ["y", "2026-12-03"]])
    with pytest.raises(BuildError, match=r"ir-codes.csv:3: a second geonames row for .*state/turkey from the same source"):
        records.link_graph({turkey}, tmp_path)


def test_a_generated_code_names_the_library_call() -> None:
    """The generated rows' evidence is the countrycode library, its version and the exact call, which anyone can
    repeat (no day needed); the hand rows of the real file all have a pinned source and a day."""
    for row in records.rows(records.LINKS / "ir-codes.csv"):
        v = row.values
        if v["scheme"] in records.HAND_SCHEMES:
            assert records.GITHUB.match(v["evidence_location"]) and records.DATE.match(v["checked_on"]), row.line
        else:
            assert v["evidence_location"].startswith("countrycode ") and v["evidence_text"].startswith("countrycode("), row.line
            assert v["checked_on"] == "", row.line


def test_unknown_candidate_decision_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "candidates.csv", ["resource", "decision", "qid", "reason", "source", "checked_on"],
          ["https://w3id.org/ngo-fp/resource/place/cyprus", "maybe", "", "x", "", ""])
    with pytest.raises(BuildError, match=r"candidates.csv:2: decision 'maybe' is not one of"):
        records.candidates(tmp_path)


@pytest.mark.parametrize("checked_on", ["", "3.12.2026", "2026-02-30"])
def test_a_rejected_candidate_says_when_the_item_was_seen(tmp_path: Path, checked_on: str) -> None:
    """A rejected item is published as a negative mapping with its day (dist/links/wikidata.sssom.tsv): a row
    without a real day is refused with file and line, before anything is written."""
    write(tmp_path, "candidates.csv", ["resource", "decision", "qid", "reason", "source", "checked_on"],
          ["https://w3id.org/ngo-fp/resource/place/cyprus", "rejected", "Q229", "x", "", checked_on])
    with pytest.raises(BuildError, match=rf"candidates.csv:2: checked_on '{re.escape(checked_on)}' is not a date"):
        records.candidates(tmp_path)


def test_an_impossible_day_is_refused(tmp_path: Path) -> None:
    turkey = URIRef("https://w3id.org/ngo-fp/resource/state/turkey")
    write(tmp_path, "wikidata.csv", WD_HEADER, [str(turkey), "Q43", "", "", "https://example.org/x", "x", "2026-02-30"])
    with pytest.raises(BuildError, match=r"wikidata.csv:2: checked_on '2026-02-30' is not a date"):
        records.link_graph({turkey}, tmp_path)


# --- Outside facts (links/outside-facts.csv) and the names audit ---------------------------------------

FACT_HEADER = ["resource", "fact", "value", "lang", "source", "read_on", "words_seen", "words_lang"]
TUSIAD = URIRef("https://w3id.org/ngo-fp/resource/organization/tusiad")
NFP = "https://w3id.org/ngo-fp/ontology#"
PREFIXES = f"PREFIX nfp: <{NFP}>\nPREFIX prov: <http://www.w3.org/ns/prov#>\n"


def test_outside_facts_are_kept_apart_and_name_their_source(built) -> None:
    g = built.instances
    rows = records.rows(records.LINKS / "outside-facts.csv")
    facts = list(g.query(PREFIXES + "SELECT ?f WHERE { ?f a nfp:OutsideFact }"))
    assert len(facts) == len(rows) >= 90
    # both: the founding year of TÜSİAD that the charter-era sources give (1971), with its source
    both = g.query(PREFIXES + "SELECT ?year ?src WHERE { ?f nfp:factAbout ?org ; nfp:foundingYear ?year ; "
                              "prov:wasDerivedFrom ?src }", initBindings={"org": TUSIAD})
    assert [(int(r[0]), str(r[1])) for r in both] == [
        (1971, "https://en.m.wikipedia.org/wiki/Turkish_Industrialists%27_and_Businessmen%27s_Association")]
    # the article's claims alone: no outside value sits on a resource itself, so leaving out the
    # nfp:OutsideFact nodes leaves the article's description untouched
    leaked = g.query(PREFIXES + """SELECT ?s WHERE {
        VALUES ?p { nfp:fullName nfp:sourcedName nfp:sourcedAcronym nfp:foundingYear nfp:seat nfp:website nfp:withinPlace }
        ?s ?p ?v FILTER NOT EXISTS { ?s a nfp:OutsideFact } }""")
    assert list(leaked) == []
    no_source = g.query(PREFIXES + "SELECT ?f WHERE { ?f a nfp:OutsideFact FILTER NOT EXISTS { ?f prov:wasDerivedFrom ?s } }")
    assert list(no_source) == []


def test_every_outside_value_is_in_the_words_seen() -> None:
    """What a row states is what its source says: the value is in the quoted words, whitespace collapsed, ignoring
    case the Turkish way or the English way (names the source sets in capitals: TÜRKİYE ÜÇÜNCÜ SEKTÖR VAKFI,
    AZERBAIJANI CULTURE ASSOCIATION) and, for a website, the https:// the README says is added to a bare host."""
    def folds(text: str) -> set[str]:
        text = " ".join(text.split())
        return {text.casefold(), text.replace("İ", "i").replace("I", "ı").lower()}

    rows = records.rows(records.LINKS / "outside-facts.csv")
    assert len(rows) >= 100
    # a place a place lies in is named in the words by its label or the name the article gives it
    names = {"https://w3id.org/ngo-fp/resource/state/turkey": ("Turkey",),
             "https://w3id.org/ngo-fp/resource/place/usa": ("United States", "USA")}
    for row in rows:
        values = [row.values["value"]]
        if row.values["fact"] == "website":
            values = [values[0].removeprefix("https://").removeprefix("http://")]
        if row.values["fact"] == "within":
            values = list(names[values[0]])
        seen = folds(row.values["words_seen"])
        assert any(v in w for value in values for v in folds(value) for w in seen), \
            f"outside-facts.csv:{row.line}: {values!r}"


def test_the_words_seen_are_the_source_s_words_only() -> None:
    """The words are published as nfp:wordsSeen in the source's language, so nothing of the editor's sits in them:
    a name the source sets in capitals (TÜSEV's, the Azerbaijani Culture Association's English title) is quoted as
    it is, without a note, and BBC's abstract, quoted across a Markdown quote line of SpocWiki's BBC.md, skips the
    '>' of the next line with '...' ("broadcaster \\n> headquartered" in the file)."""
    for row in records.rows(records.LINKS / "outside-facts.csv"):
        words = row.values["words_seen"]
        assert "set in capitals" not in words, f"outside-facts.csv:{row.line}: an editor's note in the words seen"
        assert "broadcaster headquartered" not in words, \
            f"outside-facts.csv:{row.line}: words joined over the '>' of a Markdown quote line"


def test_a_founding_year_its_source_gives_twice_is_not_recorded() -> None:
    """İHH's Wikipedia page says "Established in 1992 and officially registered in Istanbul in 1995" and its infobox
    "Founded Date: 1995": one source, two years. As for SETA (2005 or 2006) and TİSK (1961 or 1962), no year."""
    years = [row.line for row in records.rows(records.LINKS / "outside-facts.csv")
             if row.values["resource"].endswith("/organization/ihh") and row.values["fact"] == "founding-year"]
    assert years == [], f"outside-facts.csv:{years[0] if years else 0}: a founding year İHH's source gives twice"


def test_an_acronym_is_one_word() -> None:
    """An `acronym` fact is published as nfp:sourcedAcronym: "Türkiye Kamu-Sen", which the source gives in brackets
    after the confederation's full name, is a short name (`name`, tagged Turkish), not an acronym."""
    for row in records.rows(records.LINKS / "outside-facts.csv"):
        if row.values["fact"] == "acronym":
            assert len(row.values["value"].split()) == 1, \
                f"outside-facts.csv:{row.line}: the acronym {row.values['value']!r} is more than one word (a name?)"


def test_every_sourced_acronym_is_an_acronym_of_its_resource(built) -> None:
    """An acronym an outside source gives for a resource is one of its nfp:acronym values (the organization's own
    acronym, README "Every resource"); a spelling of the article that differs from it is nfp:nameInSource. The
    article writes TÜĞİAD, the association's own acronym is TÜGİAD (a Turkish name cannot start a word with Ğ)."""
    missing = [f"outside-facts.csv:{row.line}: {row.values['value']!r} is not an nfp:acronym of {row.values['resource']}"
               for row in records.rows(records.LINKS / "outside-facts.csv") if row.values["fact"] == "acronym"
               and row.values["value"] not in {str(a) for a in built.instances.objects(URIRef(row.values["resource"]),
                                                                                      URIRef(NFP + "acronym"))}]
    assert not missing, missing


def test_the_words_seen_carry_their_language(built) -> None:
    """Each row's words are tagged with their language (words_lang), a data record's text left plain. Checked by
    reading the rows: TÜGİAD's founding year rests on a Turkish sentence, TÜRK-İŞ's seat on Polish Wikipedia's
    infobox ("Siedziba Ankara, Turcja"), and Muğla's place on a Who's on First record (JSON)."""
    rows = records.rows(records.LINKS / "outside-facts.csv")
    assert all("words_lang" in row.values for row in rows)
    words = {(str(s).rsplit("/", 1)[1], o.language) for s, o in built.instances.subject_objects(URIRef(NFP + "wordsSeen"))}
    assert {("organization-tugiad-founding-year-1", "tr"), ("organization-turk-is-seat-1", "pl"),
            ("place-mugla-within-1", None)} <= words, sorted(words)[:5]
    assert sum(lang == "tr" for _, lang in words) >= 40 and sum(lang is None for _, lang in words) >= 20


def test_acronym_only_organizations_of_the_issue_have_sourced_full_names() -> None:
    named = {(r.values["resource"].rsplit("/", 1)[1], r.values["lang"]) for r in records.rows(records.LINKS / "outside-facts.csv")
             if r.values["fact"] == "full-name"}
    for slug in ("tusiad", "musiad", "orsam", "kagider", "askon", "tisk", "koksav", "tusam", "tasam", "asam", "gesiad"):
        assert any(s == slug for s, _ in named), slug
    assert ("tusiad", "tr") in named and ("tusiad", "en") in named


@pytest.mark.parametrize("row, problem", [
    (["founded", "1971", "", "https://example.org/a", "2026-12-01", "x"], r"unknown fact 'founded'"),
    (["founding-year", "nineteen", "", "https://example.org/a", "2026-12-01", "x"], r"founding-year 'nineteen' is not a year"),
    (["full-name", "Türk Sanayicileri", "", "https://example.org/a", "2026-12-01", "x"], r"a full-name needs the language of the name"),
    (["name", "Türkiye", "", "https://example.org/a", "2026-12-01", "x"], r"a name needs the language of the name"),
    (["seat", "İstanbul", "tr", "seen in a book", "2026-12-01", "x"], r"source 'seen in a book' is not a public"),
    (["website", "tusiad.org", "", "https://example.org/a", "2026-12-01", "x"], r"website 'tusiad.org' is not an http"),
    (["acronym", "TÜSİAD", "", "https://example.org/a", "01.12.2026", "x"], r"read_on '01.12.2026' is not a date"),
    (["acronym", "TÜSİAD", "", "https://example.org/a", "2026-12-01", ""], r"words_seen is empty"),
    (["acronym", "TÜSİAD", "", "https://example.org/a", "2026-12-01", "x", "Turkish"], r"words_lang 'Turkish' is not a language"),
    (["within", "https://w3id.org/ngo-fp/resource/place/atlantis", "", "https://example.org/a", "2026-12-01", "x"],
     r"within 'https://w3id.org/ngo-fp/resource/place/atlantis' is not a place described in instances/"),
])
def test_bad_outside_fact_names_file_and_line(tmp_path: Path, row: list[str], problem: str) -> None:
    write(tmp_path, "outside-facts.csv", FACT_HEADER, [str(TUSIAD), *row])
    with pytest.raises(BuildError, match=r"outside-facts.csv:2: " + problem):
        records.outside_facts({TUSIAD}, tmp_path)


def test_bad_outside_fact_cases_counted() -> None:
    marks = [m for m in test_bad_outside_fact_names_file_and_line.pytestmark if m.name == "parametrize"]
    assert len(marks[0].args[1]) == 10


def test_unsourced_names_list_is_current(built) -> None:
    from scripts.paths import ARTICLE, SOURCE_TEXTS

    found = records.name_audit(built.ontology + built.instances, SOURCE_TEXTS[ARTICLE].read_text(encoding="utf-8"))
    with (records.LINKS / "names-unsourced.csv").open(encoding="utf-8") as f:
        listed = list(csv.DictReader(f))
    assert listed == found, "run `python -m scripts.link.records names` and review links/names-unsourced.csv"
    missing = {r["resource"].rsplit("/", 1)[1] for r in listed if r["problem"] == "no-sourced-full-name"}
    assert "tusiad" not in missing and {"tursam", "turksam", "tudev", "agiad"} <= missing  # acronyms no source expands
    assert not {"koksav", "tusam", "tasam", "gesiad"} & missing  # expanded by their own site or a public page
    unsourced = {(r["resource"].rsplit("/", 1)[1], r["name"], r["lang"]) for r in listed if r["problem"] == "name-without-source"}
    assert not {("iraq", "Irak", "tr"), ("iraq", "العراق", "ar"), ("azerbaijan", "Azərbaycan", "az")} & unsourced  # CLDR
    assert ("balkans", "Balkanlar", "tr") in unsourced  # places are audited too, and no data source gave this one


def test_name_audit_catches_a_name_from_memory(tmp_path: Path) -> None:
    from rdflib import Graph, Literal
    from rdflib.namespace import RDF, RDFS, SKOS

    g = Graph()
    org = URIRef("https://w3id.org/ngo-fp/resource/organization/x")
    g.add((URIRef(NFP + "Organization"), RDF.type, URIRef("http://www.w3.org/2002/07/owl#Class")))
    g.add((org, RDF.type, URIRef(NFP + "Organization")))
    g.add((org, RDFS.label, Literal("XYZ", lang="en")))
    g.add((org, URIRef(NFP + "acronym"), Literal("XYZ")))
    g.add((org, SKOS.prefLabel, Literal("Xenon Yurt Zümresi", lang="tr")))
    # a place: no full name is asked of it, but its names are audited like an organization's; one is sourced by
    # a "name" row, one by the English label a link's evidence shows, one by nothing
    place = URIRef("https://w3id.org/ngo-fp/resource/place/y")
    g.add((URIRef(NFP + "Place"), RDF.type, URIRef("http://www.w3.org/2002/07/owl#Class")))
    g.add((place, RDF.type, URIRef(NFP + "Place")))
    g.add((place, SKOS.prefLabel, Literal("Yer", lang="tr")))
    g.add((place, SKOS.altLabel, Literal("Ypsilon Land", lang="en")))
    g.add((place, SKOS.prefLabel, Literal("Yeri", lang="az")))
    write(tmp_path, "outside-facts.csv", FACT_HEADER, [str(org), "acronym", "XYZ", "", "https://example.org/x", "2026-12-01", "XYZ"],
          [str(place), "name", "Yer", "tr", "https://example.org/y", "2026-12-01", "Yer"])
    write(tmp_path, "wikidata.csv", WD_HEADER, [str(place), "Q1", "Ypsilon Land", "", "https://example.org/y", "Q1 Ypsilon Land", "2026-12-01"])
    found = records.name_audit(g, "The article names XYZ only.", tmp_path)
    assert found == [
        {"resource": str(org), "problem": "no-sourced-full-name", "name": "", "lang": ""},
        {"resource": str(org), "problem": "name-without-source", "name": "Xenon Yurt Zümresi", "lang": "tr"},
        {"resource": str(place), "problem": "name-without-source", "name": "Yeri", "lang": "az"},
    ]


def test_quickstatements_file_is_current_and_sends_nothing(built) -> None:
    text = (records.QUICKSTATEMENTS).read_text(encoding="utf-8")
    assert text == records.quickstatements(built.instances)
    lines = text.splitlines()
    assert all(re.fullmatch(r"Q[1-9][0-9]*\tP1343\tQ_ARTICLE", line) for line in lines)
    assert "Q43\tP1343\tQ_ARTICLE" in lines  # Turkey, the first state the article discusses
    # Istanbul: "the HABITAT II conference held in Istanbul in 1996", besides its publishers
    assert "Q406\tP1343\tQ_ARTICLE" in lines
    # 37 linked items, of which the article describes 31: not the six it names only in a reference ("USA: Polity
    # Press", "New York: Oxford University Press", "Muğla.", "Ankara: T.C. Kalkınma Bakanlığı.") or in the
    # author's affiliation ("Department of International Relations, Sakarya University")
    assert len(records.rows(records.LINKS / "wikidata.csv")) == 37 and len(lines) == 31
    for qid in ("Q30", "Q60", "Q216912", "Q217595", "Q6087569", "Q1718685"):
        assert f"{qid}\tP1343\tQ_ARTICLE" not in lines
    assert records.GITHUB.match(records.DESCRIBED_BY_SOURCE_SEEN_IN)
