"""Hand-edited Turtle stays tidy: each resource is described in one file only, every file opens with a comment
saying what it holds, and a claim rests on the citations of the sentences it quotes."""
from __future__ import annotations

from collections import defaultdict

from rdflib import RDF, RDFS, SKOS, Graph, URIRef

from scripts.load import instance_files, parse
from scripts.origin import subject_lines
from scripts.paths import ARTICLE, C4O, NFP
from scripts.validate.grounding import SourceText, normalize, source_text


def test_each_resource_is_described_in_one_file() -> None:
    files = instance_files()
    assert len(files) >= 10
    where = defaultdict(set)
    for path in files:
        for subject in parse(path).subjects(RDF.type):
            where[subject].add(path.name)
    shared = {str(s): sorted(fs) for s, fs in where.items() if len(fs) > 1}
    assert not shared


def test_every_file_says_what_it_holds() -> None:
    for path in instance_files():
        assert path.read_text(encoding="utf-8").startswith("# "), path.name


def _spans(graph: Graph, resource: URIRef, text: SourceText) -> list[tuple[int, int]]:
    """Where the resource's evidence quotes stand in the article's normalized text."""
    quotes = [normalize(str(q)) for q in graph.objects(resource, NFP.evidenceQuote)]
    return [(at, at + len(q)) for q in quotes if (at := text.find(q)) >= 0]


def test_a_claim_and_the_citations_it_rests_on_share_a_sentence() -> None:
    """A claim is nfp:supportedBy a citation only if the citation's sentence overlaps a passage the claim quotes,
    and a claim quoting a passage with a citation's pointer in it is supportedBy a citation with that pointer."""
    graph = Graph()
    for path in instance_files():
        if path.name in ("claims.ttl", "causes.ttl", "citations.ttl"):
            graph += parse(path)
    text = source_text(ARTICLE)
    content = {c: str(graph.value(c, C4O.hasContent)) for c in graph.subjects(RDF.type, NFP.InTextCitation)}
    assert len(content) >= 40
    problems = []
    for claim in sorted(set(graph.subjects(RDF.type, NFP.Claim))):
        spans = _spans(graph, claim, text)
        cited = set(graph.objects(claim, NFP.supportedBy))
        for citation in sorted(cited):
            if not any(a < d and c < b for a, b in spans for c, d in _spans(graph, citation, text)):
                problems.append(f"{claim}: supportedBy {content[citation]}, whose sentence it does not quote")
        quoted = " ".join(normalize(str(q)) for q in graph.objects(claim, NFP.evidenceQuote))
        pointers = [content[c] for c in cited]
        for pointer in sorted({p for p in content.values() if p in quoted and not any(p in q for q in pointers)}):
            problems.append(f"{claim}: quotes {pointer} but is not supportedBy it")
    assert not problems, "\n".join(problems)


def test_a_participation_is_named_and_labelled_after_its_activity_and_its_participant() -> None:
    """participation:<activity-slug>--<actor-slug> (the shapes check only the form): the slugs are those of the
    activity or event that links it and of the actor it names, and its label is "<activity's label>: <actor's
    label>", so that neither the IRI nor the label names an actor the participation is not about."""
    problems = []
    files = {path: parse(path) for path in instance_files()}
    labels = Graph()
    for graph in files.values():
        labels += graph
    for path, graph in files.items():
        lines = subject_lines(path, graph)
        for activity, participation in graph.subject_objects(NFP.participation):
            actor = labels.value(participation, NFP.participant)
            slug = str(participation).rsplit("/", 1)[-1]
            want = f"{str(activity).rsplit('/', 1)[-1]}--{str(actor).rsplit('/', 1)[-1]}"
            where = f"{path.name}:{lines.get(str(participation), 0)}"
            if slug != want:
                problems.append(f"{where}: participation:{slug} should be participation:{want} (its activity--its participant)")
            label = f"{labels.value(activity, RDFS.label)}: {labels.value(actor, RDFS.label)}"
            if str(labels.value(participation, RDFS.label)) != label:
                problems.append(f"{where}: participation:{slug} is labelled "
                                f"{str(labels.value(participation, RDFS.label))!r}, not {label!r}")
    assert not problems, "\n".join(problems)


def test_each_resource_with_an_acronym_is_of_a_kind_the_acronym_definition_names(ontology: Graph) -> None:
    """nfp:acronym is an annotation property (no rdfs:domain types its subjects), so only its definition says what
    has one: "The acronym of an organization's name" while the TRNC, a de facto state and so no nfp:Organization
    (the classes are disjoint), had two, KKTC and TRNC. Each resource with an acronym has a class (or superclass)
    whose English label the definition names."""
    definition = str(ontology.value(NFP.acronym, SKOS.definition)).lower()
    problems = []
    for path in instance_files():
        graph = parse(path)
        lines = subject_lines(path, graph)
        for resource in sorted(set(graph.subjects(NFP.acronym))):
            kinds = {c for t in graph.objects(resource, RDF.type) for c in ontology.transitive_objects(t, RDFS.subClassOf)}
            labels = sorted(str(label).lower() for c in kinds for label in ontology.objects(c, RDFS.label)
                            if label.language == "en")
            if not any(label in definition for label in labels):
                problems.append(f"{path.name}:{lines.get(str(resource), 0)}: {resource} has an nfp:acronym but is "
                                f"none of the kinds its definition names ({', '.join(labels)})")
    assert not problems, "\n".join(problems)
