"""The PLOVER sample's pages (scripts/publish/site/sample.py): every resource the sample mints that the article does
not describe has a page and its RDF files where its IRI resolves, and they describe it as the sample's dump does; a
resource both datasets name keeps the article's page; the sample's pages say whose data they show and its licence;
each quote is marked in its record's sentence; the landing page lists every event; and a build whose inputs of these
pages did not change links their files instead of rendering them."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from markupsafe import escape
from rdflib import RDF, Graph, URIRef
from rdflib.compare import isomorphic
from test_site import resource_graph

from scripts.paths import NFP, OA, RES

LICENCE = "https://creativecommons.org/licenses/by-sa/4.0/"
BANNER = 'class="from-dataset"'


def paged(graph: Graph) -> set[URIRef]:
    """The resources of `graph` that get a page: typed, under resource/, one path segment after their type."""
    return {s for s in graph.subjects(RDF.type, None) if isinstance(s, URIRef) and str(s).startswith(str(RES))
            and str(s)[len(str(RES)):].count("/") == 1}


def stem(dist: Path, iri: URIRef) -> Path:
    return dist / "site" / "resource" / str(iri)[len(str(RES)):]


@pytest.fixture(scope="module")
def sample_only(sample_graph: Graph, published_graph: Graph) -> list[URIRef]:
    return sorted(paged(sample_graph) - paged(published_graph))


def test_every_resource_of_the_sample_has_a_page_and_its_files(dist: Path, sample_only: list[URIRef]) -> None:
    assert len(sample_only) > 3900  # 228 events, 2,310 evidence annotations, actors, records, concepts...
    missing = [f"{iri}{suffix}" for iri in sample_only for suffix in (".html", ".ttl", ".jsonld", ".nt")
               if not stem(dist, iri).with_name(stem(dist, iri).name + suffix).is_file()]
    assert missing == []


def test_a_sample_page_s_files_describe_it_as_the_sample_s_dump(dist: Path, sample_graph: Graph,
                                                                 sample_only: list[URIRef]) -> None:
    chosen = sample_only[::60] + [RES["event/plover-gsr01-agree-0001"], RES["state/algeria"],
                                  RES["organization/hun-gov"]]
    for iri in chosen:
        want = resource_graph(sample_graph, iri)
        assert len(want) > 0, iri
        base = stem(dist, iri)
        for suffix, fmt in ((".ttl", "turtle"), (".jsonld", "json-ld"), (".nt", "nt")):
            assert isomorphic(Graph().parse(base.with_name(base.name + suffix), format=fmt), want), (iri, suffix)


def test_a_resource_both_datasets_name_keeps_the_article_s_page(dist: Path, sample_graph: Graph,
                                                               published_graph: Graph) -> None:
    shared = sorted(paged(sample_graph) & paged(published_graph))
    assert RES["state/turkey"] in shared and RES["organization/united-nations"] in shared
    for iri in shared:
        base = stem(dist, iri)
        assert BANNER not in base.with_suffix(".html").read_text(encoding="utf-8"), iri
        got = Graph().parse(base.with_name(base.name + ".ttl"), format="turtle")
        assert isomorphic(got, resource_graph(published_graph, iri)), iri


def test_every_sample_page_says_whose_data_and_licence_and_no_article_page_does(
        dist: Path, sample_only: list[URIRef], published_graph: Graph) -> None:
    for iri in sample_only:
        text = stem(dist, iri).with_name(stem(dist, iri).name + ".html").read_text(encoding="utf-8")
        assert BANNER in text and text.count(f'href="{LICENCE}"') == 3, iri  # the head's signposting, banner, footer
        assert "Data CC BY 4.0" not in text, iri
    for iri in sorted(paged(published_graph))[::10]:
        text = stem(dist, iri).with_name(stem(dist, iri).name + ".html").read_text(encoding="utf-8")
        assert BANNER not in text and LICENCE not in text and "Data CC BY 4.0" in text, iri


QUOTE = re.compile(r'<blockquote class="quote"><p>(.*?)</p>', re.DOTALL)


def test_each_quote_is_marked_in_its_record_s_sentence(dist: Path, sample_graph: Graph,
                                                       sample_only: list[URIRef]) -> None:
    """Checked against the source: the record PLOVER-GSR01-AGREE-0001 of examples/plover-gsr/gsr-sample.json reads
    "Senior Hungarian and Romanian officials agreed on Wednesday that their countries should cooperate to encourage
    Romanian refugees in Hungary to return home."; its event rests on "agreed" and "cooperate"."""
    page = (dist / "site/resource/event/plover-gsr01-agree-0001.html").read_text(encoding="utf-8")
    assert QUOTE.findall(page) == [
        "Senior Hungarian and Romanian officials <mark>agreed</mark> on Wednesday that their countries should cooperate"
        " to encourage Romanian refugees in Hungary to return home.",
        "Senior Hungarian and Romanian officials agreed on Wednesday that their countries should <mark>cooperate</mark>"
        " to encourage Romanian refugees in Hungary to return home."]
    checked = 0
    for iri in sample_only[::20]:
        text = stem(dist, iri).with_name(stem(dist, iri).name + ".html").read_text(encoding="utf-8")
        shown = sorted(QUOTE.findall(text))
        annotations = [iri] if (iri, RDF.type, NFP.Evidence) in sample_graph else list(sample_graph.objects(iri, NFP.groundedIn))
        want = []
        for ev in annotations:
            target = sample_graph.value(ev, OA.hasTarget)
            sentence = sample_graph.value(sample_graph.value(target, OA.hasSource), NFP.sourceText)
            selectors = {sample_graph.value(s, RDF.type): s for s in sample_graph.objects(target, OA.hasSelector)}
            quote, position = selectors[OA.TextQuoteSelector], selectors[OA.TextPositionSelector]
            exact = str(sample_graph.value(quote, OA.exact))
            if sentence is not None:  # the record's sentence, whole
                start, end = int(sample_graph.value(position, OA.start)), int(sample_graph.value(position, OA.end))
                assert str(sentence)[start:end] == exact
                before, after = str(sentence)[:start], str(sentence)[end:]
            else:  # a table of codes, whose text the sample does not hold: the quote's context as its selector has it
                prefix, suffix = (str(sample_graph.value(quote, p) or "") for p in (OA.prefix, OA.suffix))
                before, after = "…" + prefix if prefix else "", suffix + "…" if suffix else ""
            want.append(f"{escape(before)}<mark>{escape(exact)}</mark>{escape(after)}")  # as the templates escape
        assert shown == sorted(want), iri
        checked += len(want)
    assert checked > 100


def test_the_sample_s_landing_page_lists_every_event(dist: Path, sample_graph: Graph) -> None:
    page = (dist / "site" / "plover-gsr.html").read_text(encoding="utf-8")
    events = {str(e) for e in sample_graph.subjects(RDF.type, NFP.Event)}
    listed = set(re.findall(r'<tr><td><a href="resource/(event/[^"]+)\.html"', page))
    assert len(events) == 228 and listed == {e[len(str(RES)):] for e in events}
    assert f'href="{LICENCE}"' in page and 'href="../plover-gsr/plover-gsr.ttl"' in page
    assert 'href="plover-gsr.html"' in (dist / "site" / "index.html").read_text(encoding="utf-8")


def small_publication(dist: Path, folder: Path, keep: str) -> Path:
    """A publication folder holding the ontology's dump and the lines of the sample's dump whose subject has `keep`
    in its IRI (a few resources: fast to render)."""
    (folder / "plover-gsr").mkdir(parents=True)
    (folder / "ontology").mkdir()
    (folder / "ontology" / "ngo-fp-ontology.nt").write_bytes((dist / "ontology" / "ngo-fp-ontology.nt").read_bytes())
    lines = [line for line in (dist / "plover-gsr" / "plover-gsr.nt").read_text(encoding="utf-8").splitlines(True)
             if keep in line.split(" ", 1)[0]]
    (folder / "plover-gsr" / "plover-gsr.nt").write_text("".join(lines), encoding="utf-8")
    return folder


def test_unchanged_sample_pages_are_linked_and_changed_ones_rendered(dist: Path, tmp_path: Path, monkeypatch) -> None:
    from scripts import cache
    from scripts.publish.site import Writer, sample
    from scripts.publish.site.model import Model

    monkeypatch.setattr(cache, "FOLDER", tmp_path / "cache")
    monkeypatch.delenv("NGO_FP_NO_CACHE", raising=False)
    pub = small_publication(dist, tmp_path / "pub", "agree-000")
    article, home = Model(Graph()), tmp_path / "home" / "site"

    def build(name: str, previous: str | None) -> tuple[tuple[int, int], Path]:
        site = tmp_path / name / "site"
        site.mkdir(parents=True)
        out = Writer(site, tmp_path / previous / "site" if previous else None)
        return sample.write(out, pub, article, home), site

    (rendered, linked), first = build("first", None)
    assert rendered > 20 and linked == 0
    (rendered, linked), second = build("second", "first")
    files = sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert (rendered, linked) == (0, len(files)) and len(files) > 4 * 20
    assert all(os.stat(second / f).st_ino == os.stat(first / f).st_ino for f in files)
    # a file changed in place since: nothing is linked, every page rendered again, the file as it should be
    changed = second / "resource" / "event" / "plover-gsr01-agree-0001.ttl"
    good = changed.read_bytes()
    changed.unlink()
    changed.write_bytes(b"# edited by hand\n")
    (rendered, linked), third = build("third", "second")
    assert rendered > 20 and linked == 0 and (third / changed.relative_to(second)).read_bytes() == good
    # the sample's dump changed: rendered again
    dump = pub / "plover-gsr" / "plover-gsr.nt"
    dump.write_text("".join(dump.read_text(encoding="utf-8").splitlines(True)[:-1]), encoding="utf-8")
    (rendered, linked), _ = build("fourth", "third")
    assert rendered > 20 and linked == 0


def test_no_sample_no_sample_pages(tmp_path: Path) -> None:
    from scripts.publish.site import Writer, sample
    from scripts.publish.site.model import Model

    site = tmp_path / "site"
    site.mkdir()
    assert sample.write(Writer(site), tmp_path, Model(Graph())) == (0, 0)
    assert list(site.iterdir()) == []


def test_a_cross_query_gets_the_from_lines_of_both_datasets_before_its_where(tmp_path: Path) -> None:
    """The queries page puts FROM lines for the two named graphs before a cross query's WHERE (the page's texts are
    run on the endpoint in tests/test_endpoint.py); a query whose WHERE it cannot find fails the build, naming it."""
    from scripts.errors import BuildError
    from scripts.publish.site.queries import with_both_datasets

    query = tmp_path / "q.rq"
    text = "# Question: x?\nPREFIX a: <http://a/>\nSELECT ?s (COUNT(*) AS ?n) WHERE {\n  ?s ?p ?o\n} GROUP BY ?s\n"
    assert with_both_datasets(text, query) == (
        "# Question: x?\nPREFIX a: <http://a/>\nSELECT ?s (COUNT(*) AS ?n)\nFROM <https://w3id.org/ngo-fp/dataset>\n"
        "FROM <https://w3id.org/ngo-fp/dataset/plover-gsr>\nWHERE {\n  ?s ?p ?o\n} GROUP BY ?s\n")
    with pytest.raises(BuildError, match="WHERE") as err:
        with_both_datasets("SELECT ?s\n{ ?s ?p ?o }\n", query)
    assert "q.rq" in str(err.value)
