"""Incremental resource pages (scripts/publish/site/incremental.py): a site written after changes to the graph, reusing
the pages of the site in place whose data did not change, is byte for byte the site written afresh; and it
does reuse most pages. A page file changed in the site in place since it was written is never reused."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef

from scripts import cache
from scripts.publish import dumps, site
from scripts.paths import NFP, RES

TURKEY = URIRef(f"{RES}state/turkey")  # named on some 100 other pages
BALKANS = URIRef(f"{RES}place/balkans")
ELSEWHERE = URIRef(f"{RES}issue/elsewhere")
ARAB_SPRING_ITEM = URIRef("http://www.wikidata.org/entity/Q33761")  # linked from event/arab-spring, with a record
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def publish_site(graph: Graph, written: Path, folder: Path, capfd, **options: object) -> tuple[int, int]:
    """The site of `graph` in `folder` (the other dumps copied in from `written`, the N-Triples dump of `graph`
    itself: the site compares it with the next graph); (pages rendered, pages linked)."""
    shutil.copytree(written, folder, ignore=shutil.ignore_patterns("site"))
    (folder / "ngo-fp.nt").write_text(dumps.ntriples(graph), encoding="utf-8")
    site.start(graph, folder, parallel=False, **options)()
    said = re.search(r"\((\d+) resource pages rendered, (\d+) unchanged ones linked\)", capfd.readouterr().out)
    assert said, "the site says how many pages it rendered"
    return int(said.group(1)), int(said.group(2))


def copy(graph: Graph) -> Graph:
    new = Graph(bind_namespaces="none")  # the same prefixes: they are common to every page
    new += graph
    for prefix, ns in graph.namespaces():
        new.bind(prefix, ns, override=True)
    assert sorted(new.namespaces()) == sorted(graph.namespaces())
    return new


def with_second_link(graph: Graph) -> Graph:
    """The graph and a resource whose page shows a Wikidata item's link label (taken from the link record of
    another resource, which this page does not read)."""
    new = copy(graph)
    new.add((ELSEWHERE, RDF.type, NFP.Issue))  # a class no change below touches
    new.add((ELSEWHERE, RDFS.label, Literal("Elsewhere", lang="en")))
    new.add((ELSEWHERE, URIRef("https://schema.org/sameAs"), ARAB_SPRING_ITEM))
    return new


def changed(graph: Graph) -> Graph:
    """The graph with a label changed that many pages show, a comment added, a statement removed, a new
    resource with a page (and a link to another), a link record's label changed (shown on the pages that link to
    its target), and a resource removed with its page."""
    new = copy(graph)
    new.remove((TURKEY, RDFS.label, None))
    new.add((TURKEY, RDFS.label, Literal("Republic of Türkiye", lang="en")))
    new.add((BALKANS, RDFS.comment, Literal("edited", lang="en")))
    removed = next(s for s in new.subjects(RDF.type, NFP.Event) if (s, RDFS.comment, None) in new)
    new.remove((removed, RDFS.comment, None))
    added = URIRef(f"{RES}place/nowhere")
    new.add((added, RDF.type, NFP.Place))
    new.add((added, RDFS.label, Literal("Nowhere", lang="en")))
    new.add((added, RDFS.seeAlso, URIRef(f"{RES}place/istanbul")))  # a statement only Istanbul's page shows
    record = next(new.subjects(NFP.linkTarget, ARAB_SPRING_ITEM))  # its label names the item on ELSEWHERE's page
    new.set((record, NFP.targetLabel, Literal("A label changed in the link record")))
    gone = URIRef(f"{RES}place/new-york")
    assert (gone, RDF.type, None) in new
    new.remove((gone, None, None))
    new.remove((None, None, gone))
    return new


@pytest.fixture()
def own_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(cache, "FOLDER", tmp_path / "cache")
    monkeypatch.delenv("NGO_FP_NO_CACHE", raising=False)


def test_a_site_written_incrementally_equals_one_written_afresh(own_cache, dist: Path, published_graph: Graph,
                                                                tmp_path: Path, capfd) -> None:
    first = tmp_path / "first"
    base = with_second_link(published_graph)
    rendered, linked = publish_site(base, dist, first, capfd, home=first)
    assert linked == 0 and rendered > 1000
    graph = changed(base)
    # a page file of the site in place edited since it was written: not reused, written again
    tampered = first / "site" / "resource" / "work" / "bulgur-2023.html"
    tampered.write_bytes(tampered.read_bytes().replace(b"</body>", b"<!-- edited by hand --></body>"))

    again = tmp_path / "again"
    rendered, linked = publish_site(graph, dist, again, capfd, previous=first, home=first)
    fresh = tmp_path / "fresh"
    publish_site(graph, dist, fresh, capfd)

    made, expected = files(again / "site"), files(fresh / "site")
    assert sorted(made) == sorted(expected)
    assert [name for name in made if made[name] != expected[name]] == []
    assert b"edited by hand" not in made["resource/work/bulgur-2023.html"]
    assert linked > 0.8 * (rendered + linked)  # most pages were reused ...
    assert rendered >= 100  # ... and all those that name Türkiye were rendered again


def test_nothing_is_reused_when_the_code_changes(own_cache, dist: Path, published_graph: Graph, tmp_path: Path,
                                                 capfd, monkeypatch: pytest.MonkeyPatch) -> None:
    first = tmp_path / "first"
    publish_site(published_graph, dist, first, capfd, home=first)
    from scripts.publish.site import incremental

    monkeypatch.setattr(incremental.Pages, "common_digest", staticmethod(lambda model: "other code"))
    rendered, linked = publish_site(published_graph, dist, tmp_path / "again", capfd, previous=first, home=first)
    assert linked == 0 and rendered > 1000
