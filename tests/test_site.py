"""The static site as built by the pipeline (no browser): a crawler over every page (0 broken links, 0 missing
anchors), the article's quote marks against the evidence annotations, each page's own Turtle and JSON-LD
against the graph, "Cite this" against the article's header, the ontology docs' instance counts, and every page,
stylesheet and SVG picture through the Nu Html Checker (W3C's, pinned in tests/site-checkers)."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import urllib.parse
from collections import Counter, defaultdict
from html.parser import HTMLParser
from pathlib import Path

import bibtexparser
import pytest
import rispy
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from scripts.paths import NFP, OA, QUERIES, RES, ROOT

SITE_CODE = Path(__file__).resolve().parent.parent / "scripts" / "publish" / "site"
VNU = Path(__file__).resolve().parent / "site-checkers" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


class Page(HTMLParser):
    """Ids, links, the html element's lang, the viewport, and the text of each quote mark of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.lang: str | None = None
        self.viewport = False
        self.marks: dict[str, list[str]] = defaultdict(list)
        self._mark: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"] or "")
        for key in ("href", "src"):
            if a.get(key):
                self.links.append(a[key] or "")
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "meta" and a.get("name") == "viewport":
            self.viewport = True
        if tag == "mark" and a.get("data-ev"):
            self._mark = (a["data-ev"] or "").split()

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._mark = None

    def handle_data(self, data: str) -> None:
        if self._mark:
            for ev in self._mark:
                self.marks[ev].append(data)


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


@pytest.fixture(scope="module")
def pages(dist: Path) -> dict[Path, Page]:
    return {path: parse(path) for path in sorted((dist / "site").rglob("*.html"))}


def test_every_link_and_anchor_of_the_site_resolves(dist: Path, pages: dict[Path, Page]) -> None:
    broken, missing, checked = [], [], 0
    for path, page in pages.items():
        for link in page.links:
            parts = urllib.parse.urlsplit(link)
            if parts.scheme or link.startswith("//"):
                continue  # outside the site (Wikidata, GeoNames, the licence...)
            target = (path.parent / urllib.parse.unquote(parts.path)).resolve() if parts.path else path
            checked += 1
            if not target.is_file() or dist.resolve() not in target.parents:
                broken.append(f"{path.relative_to(dist)}: {link}")
            elif parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if urllib.parse.unquote(parts.fragment) not in ids:
                    missing.append(f"{path.relative_to(dist)}: {link}")
    assert len(pages) > 1000 and checked > 20000  # the crawl saw the whole site
    assert broken == [], f"{len(broken)} broken links, e.g. {broken[:5]}"
    assert missing == [], f"{len(missing)} missing anchors, e.g. {missing[:5]}"


def test_every_page_declares_language_and_viewport(pages: dict[Path, Page]) -> None:
    assert len(pages) > 1000
    assert [p for p, page in pages.items() if page.lang != "en" or not page.viewport] == []


def test_every_resource_and_evidence_has_a_page(dist: Path, published_graph: Graph) -> None:
    iris = {s for s in published_graph.subjects() if isinstance(s, URIRef) and str(s).startswith(str(RES))
            and str(s)[len(str(RES)):].count("/") == 1}
    missing = [i for i in iris if not (dist / "site" / ("resource/" + str(i)[len(str(RES)):] + ".html")).is_file()]
    assert len(iris) > 1000 and missing == []


def test_each_quote_is_marked_in_the_article_with_its_exact_text(dist: Path, published_graph: Graph) -> None:
    article = parse(dist / "site" / "article.html")
    evidence = {str(ev).rsplit("/", 1)[-1]: str(exact) for ev in published_graph.subjects(OA.hasBody, None)
                for t in published_graph.objects(ev, OA.hasTarget) for sel in published_graph.objects(t, OA.hasSelector)
                for exact in published_graph.objects(sel, OA.exact)}
    assert len(evidence) > 600
    bare = lambda text: "".join(text.split())  # noqa: E731  (a quote may run across a paragraph break)
    wrong = [ev for ev, exact in evidence.items()
             if f"ev-{ev}" not in article.ids or bare("".join(article.marks[f"ev-{ev}"])) != bare(exact)]
    assert wrong == []


def test_the_article_text_is_not_put_under_the_data_licence(dist: Path) -> None:
    """The article page shows the article's whole text, which stays its author's and publisher's (LICENSE,
    sources/README.md): its footer says so, where every page's footer said "Data CC BY 4.0"; LICENSE and the
    README's licence section except that page from the CC BY 4.0 of dist/."""
    html = (dist / "site" / "article.html").read_text(encoding="utf-8")
    footer = html[html.index("<footer>"):html.index("</footer>")]
    assert "author's and publisher's" in footer and "not under this site's licence" in footer, footer
    assert not footer.startswith("<footer>Data CC BY 4.0")
    index = (dist / "site" / "index.html").read_text(encoding="utf-8")
    assert "<footer>Data CC BY 4.0" in index  # the other pages keep the data licence
    licence = " ".join((ROOT / "LICENSE").read_text(encoding="utf-8").split())
    assert "except the article's text shown whole on dist/site/article.html" in licence
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert "and the article's text on `dist/site/article.html`): CC BY 4.0" in readme


def test_article_has_its_sections_and_paragraph_anchors(dist: Path) -> None:
    article = parse(dist / "site" / "article.html")
    for section in ("introduction", "methodology", "discussion", "findings", "conclusion", "references",
                    "rise-of-civil-society-in-turkey"):  # the article's headings
        assert f"section-bulgur-2023-{section}" in article.ids
    assert {"p-1", "p-10", "p-70"} <= article.ids


def resource_graph(graph: Graph, iri: URIRef) -> Graph:
    """The page's RDF selected with rdflib: the resource, its evidence, their targets and selectors (an evidence
    record's own page: its target and selectors)."""
    g = Graph()
    g += graph.triples((iri, None, None))
    annotations = list(graph.objects(iri, NFP.groundedIn))
    for ev in annotations:
        g += graph.triples((ev, None, None))
    for ev in [iri] + annotations:
        for target in graph.objects(ev, OA.hasTarget):
            g += graph.triples((target, None, None))
            for selector in graph.objects(target, OA.hasSelector):
                g += graph.triples((selector, None, None))
    return g


def test_each_page_s_turtle_n_triples_and_json_ld_hold_its_statements(dist: Path, published_graph: Graph,
                                                                       sample_graph: Graph) -> None:
    """Sampled across the site: the article's resources as its dump describes them, the PLOVER sample's as its own."""
    pages = sorted((dist / "site" / "resource").rglob("*.ttl"))
    sample = pages[::25] + [dist / "site/resource/organization/turksam.ttl", dist / "site/resource/work/bulgur-2023.ttl",
                            dist / "site/resource/evidence/8e64a891563d9d67.ttl"]
    assert len(sample) > 40
    for ttl in sample:
        iri = RES[ttl.relative_to(dist / "site" / "resource").with_suffix("").as_posix()]
        want = resource_graph(published_graph if (iri, None, None) in published_graph else sample_graph, iri)
        assert len(want) > 0, iri
        assert isomorphic(Graph().parse(ttl, format="turtle"), want), ttl
        assert isomorphic(Graph().parse(ttl.with_suffix(".jsonld"), format="json-ld"), want), ttl
        assert isomorphic(Graph().parse(ttl.with_suffix(".nt"), format="nt"), want), ttl


def test_cite_the_article_in_three_formats(dist: Path) -> None:
    folder = dist / "site" / "resource" / "work"
    bib = bibtexparser.parse_string((folder / "bulgur-2023.bib").read_text(encoding="utf-8"))
    assert len(bib.entries) == 1
    entry = bib.entries[0]
    assert entry.entry_type == "article"
    # from the article's header: IJHSSI vol. 12, no. 9, 2023, pp. 182-190, by Nurbanu Bulgur
    assert entry["title"].strip("{}") == "The Role of the Interaction between NGOs and Foreign Policy in Turkey-Azerbaijan Relations"
    assert (entry["author"], entry["year"], entry["volume"], entry["number"], entry["pages"]) == (
        "Bulgur, Nurbanu", "2023", "12", "9", "182--190")
    assert entry["journal"] == "International Journal of Humanities and Social Science Invention"
    ris = rispy.loads((folder / "bulgur-2023.ris").read_text(encoding="utf-8"))
    assert len(ris) == 1
    assert (ris[0]["type_of_reference"], ris[0]["year"], ris[0]["volume"], ris[0]["number"], ris[0]["start_page"],
            ris[0]["end_page"], ris[0]["authors"]) == ("JOUR", "2023", "12", "9", "182", "190", ["Bulgur, Nurbanu"])
    csl = json.loads((folder / "bulgur-2023.csl.json").read_text(encoding="utf-8"))
    assert csl[0]["type"] == "article-journal" and csl[0]["issued"] == {"date-parts": [[2023]]}
    assert csl[0]["author"] == [{"family": "Bulgur", "given": "Nurbanu"}] and csl[0]["page"] == "182-190"
    dataset = bibtexparser.parse_string((dist / "site" / "cite" / "ngo-fp-dataset.bib").read_text(encoding="utf-8"))
    assert dataset.entries[0]["url"] == "https://w3id.org/ngo-fp/"


def test_an_organization_cited_as_author_is_one_name(dist: Path) -> None:
    """The dataset's author is the team by the name CITATION.cff gives it (not its IRI), and an organization's name
    is braced in BibTeX, so that it is not split into a given and a family name."""
    cff = (Path(__file__).resolve().parent.parent / "CITATION.cff").read_text(encoding="utf-8")
    team = re.search(r'^authors:\n  - name: "([^"]+)"$', cff, re.M)
    assert team is not None
    dataset = bibtexparser.parse_string((dist / "site" / "cite" / "ngo-fp-dataset.bib").read_text(encoding="utf-8"))
    assert dataset.entries[0]["author"] == "{" + team[1] + "}"
    csl = json.loads((dist / "site" / "cite" / "ngo-fp-dataset.csl.json").read_text(encoding="utf-8"))
    assert csl[0]["author"] == [{"literal": team[1]}]
    assert f'<p class="citation">{team[1]} (' in (dist / "site" / "index.html").read_text(encoding="utf-8")
    # reference [9], "DPT, (2000)", by organization:dpt (labelled with its full name): one organization
    dpt = bibtexparser.parse_string((dist / "site" / "resource" / "work" / "dpt-2000.bib").read_text(encoding="utf-8"))
    assert dpt.entries[0]["author"] == "{DPT (State Planning Organization)}"
    person = bibtexparser.parse_string((dist / "site" / "resource" / "work" / "bulgur-2023.bib").read_text(encoding="utf-8"))
    assert person.entries[0]["author"] == "Bulgur, Nurbanu"


def test_ontology_docs_count_instances_through_subclasses(dist: Path, published_graph: Graph) -> None:
    html = (dist / "site" / "ontology.html").read_text(encoding="utf-8")
    organizations = len(set(published_graph.query(
        "SELECT DISTINCT ?o WHERE { ?o a/rdfs:subClassOf* <https://w3id.org/ngo-fp/ontology#Organization> }",
        initNs={"rdfs": URIRef("http://www.w3.org/2000/01/rdf-schema#")})))
    assert organizations > 100  # the issue counted 104
    block = html[html.index('id="Organization"'):]
    assert f'href="browse.html?class=Organization">{organizations} instances</a>' in block[:3000]


def test_templates_and_assets_are_files_not_python_strings() -> None:
    code = "".join(p.read_text(encoding="utf-8") for p in SITE_CODE.glob("*.py"))
    assert len(list(SITE_CODE.glob("*.py"))) >= 5
    assert re.findall(r"<(?:html|body|div|table|script|style)\b", code) == []
    templates = {p.name for p in (SITE_CODE / "templates").glob("*.html")}
    assert {"base.html", "resource.html", "article.html", "browse.html", "queries.html", "ontology.html"} <= templates


def test_example_answers_show_names_not_iris(dist: Path) -> None:
    html = (dist / "site" / "queries.html").read_text(encoding="utf-8")
    tables = re.findall(r'<section class="example" id="([^"]+)">(.*?)</section>', html, flags=re.S)
    assert len(tables) == len(list(QUERIES.glob("*.rq"))) + len(list((QUERIES / "cross").glob("*.rq")))
    cells = [(name, cell) for name, body in tables for cell in re.findall(r"<td>(.*?)</td>", body.split("<tbody>")[-1], flags=re.S)]
    assert len(cells) > 100
    bare = [(name, cell) for name, cell in cells if re.sub(r"<[^>]+>", "", cell).strip().startswith(("http://", "https://"))]
    assert bare == []
    authors = dict(tables)["02-authors-with-several-works"]
    assert "Ö. Çaha" in authors and "E. Fuat Keyman" in authors  # the reference list's entries 6-8 and 13-14


def test_a_failure_in_the_resource_pages_process_fails_the_build(dist: Path, published_graph: Graph, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch, capfd) -> None:
    """The pages are written by a forked process: its failure is one line and fails `finish`."""
    import shutil

    from scripts.publish import site
    from scripts.errors import BuildError

    copy = tmp_path / "dist"
    shutil.copytree(dist, copy, ignore=shutil.ignore_patterns("site"))

    def broken(*_: object) -> int:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(site, "write_resource_pages", broken)
    finish = site.start(published_graph, copy)
    with pytest.raises(BuildError, match="writing the site failed"):
        finish()
    assert "error: site: RuntimeError: disk on fire" in capfd.readouterr().err


def test_the_site_written_in_one_process_is_the_same(dist: Path, published_graph: Graph, tmp_path: Path) -> None:
    """`site.write` (one process) and `site.start` (the pages in a second one) give the same files."""
    import shutil

    from scripts.publish import site

    copy = tmp_path / "dist"
    shutil.copytree(dist, copy, ignore=shutil.ignore_patterns("site"))
    site.write(published_graph, copy)
    made = {p.relative_to(copy / "site"): p.read_bytes() for p in (copy / "site").rglob("*") if p.is_file()}
    published = {p.relative_to(dist / "site"): p.read_bytes() for p in (dist / "site").rglob("*") if p.is_file()}
    assert made.keys() == published.keys() and len(made) > 1000
    assert [str(k) for k in made if made[k] != published[k]] == []


def test_unchanged_site_files_are_linked_to_the_previous_publication(dist: Path, published_graph: Graph,
                                                                      tmp_path: Path) -> None:
    """A file whose bytes equal the previous publication's is a hard link to it; any other is written anew."""
    import os
    import shutil

    from scripts.publish import site

    previous = tmp_path / "previous"
    shutil.copytree(dist, previous)
    changed = previous / "site" / "article.html"
    changed.write_text("an older article page\n", encoding="utf-8")
    new = tmp_path / "new"
    shutil.copytree(dist, new, ignore=shutil.ignore_patterns("site"))
    site.start(published_graph, new, previous=previous)()
    files = [p.relative_to(new / "site") for p in (new / "site").rglob("*") if p.is_file()]
    linked = [f for f in files if os.stat(new / "site" / f).st_ino == os.stat(previous / "site" / f).st_ino]
    assert len(linked) > 0.9 * len(files)
    assert Path("article.html") not in linked
    assert (new / "site" / "article.html").read_bytes() == (dist / "site" / "article.html").read_bytes()
    assert [str(f) for f in files if (new / "site" / f).read_bytes() != (dist / "site" / f).read_bytes()] == []


def test_compiled_templates_are_kept_under_a_key_of_the_code(tmp_path: Path, monkeypatch) -> None:
    """Jinja's compiled templates are kept in the build cache and read back, not compiled again; the folder is named
    by the code that sets the environment's options (Jinja's own key is only the template), an older one removed;
    NGO_FP_NO_CACHE=1 keeps nothing."""
    from jinja2 import Environment

    from scripts import cache
    from scripts.publish import site

    monkeypatch.setattr(cache, "FOLDER", tmp_path)
    monkeypatch.delenv("NGO_FP_NO_CACHE", raising=False)
    stale = tmp_path / "jinja" / "0000000000000000"
    stale.mkdir(parents=True)
    site.environment().get_template("resource.html")
    kept = list((tmp_path / "jinja").rglob("*.cache"))
    assert kept and not stale.exists() and len({p.parent for p in kept}) == 1
    compiled: list[str] = []
    original = Environment.compile
    monkeypatch.setattr(Environment, "compile", lambda self, *a, **k: compiled.append("x") or original(self, *a, **k))
    site.environment().get_template("resource.html")
    assert compiled == []
    monkeypatch.setenv("NGO_FP_NO_CACHE", "1")
    assert site.bytecode_cache() is None
    site.environment().get_template("resource.html")
    assert compiled


def test_every_page_stylesheet_and_picture_passes_the_nu_html_checker(dist: Path, tmp_path: Path) -> None:
    """No error and no warning (nor an info message) from the Nu Html Checker on any page, stylesheet or SVG of the
    site; a page with a duplicate id and an unclosed element, checked in the same run, shows that it reports."""
    if not VNU.exists() or not shutil.which("java"):
        if os.environ.get("CI"):
            raise RuntimeError("CI must fetch the Nu Html Checker (make site-checkers) and have Java")
        pytest.skip("the Nu Html Checker is not fetched (make site-checkers) or Java is missing")
    broken = tmp_path / "broken.html"
    broken.write_text((dist / "site" / "licences.html").read_text(encoding="utf-8")
                      .replace("<main>", '<main><p id="x">one<p id="x">two</span>', 1), encoding="utf-8")
    run = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--skip-non-html", "--also-check-css",
                          "--also-check-svg", str(dist / "site"), str(broken)], capture_output=True, text=True)
    messages = json.loads(run.stderr)["messages"]
    checked = [m for m in messages if not m.get("url", "").endswith("/broken.html")]
    assert [f"{m.get('url', '').split('/site/')[-1]}:{m.get('lastLine')}: {m['type']} {m.get('subType', '')}: "
            f"{m['message']}" for m in checked] == []
    assert {"error"} <= {m["type"] for m in messages if m not in checked}
    assert any("Duplicate ID" in m["message"] for m in messages if m not in checked)


def test_the_ontology_page_shows_its_header_in_words(dist: Path) -> None:
    """Creators by name (the page showed the team's IRI), the abstract in English and Turkish, audience and citation,
    each as the ontology's header states it."""
    page = (dist / "site" / "ontology.html").read_text(encoding="utf-8")
    header = Graph().parse(dist / "ontology" / "ngo-fp-ontology.ttl")
    onto = URIRef("https://w3id.org/ngo-fp/ontology")
    assert "<dt>creators</dt><dd>The NGO–Foreign Policy Linked Data team</dd>" in page
    for prop in ("abstract", "bibliographicCitation"):
        texts = {o.language: str(o) for o in header.objects(onto, URIRef("http://purl.org/dc/terms/" + prop))}
        assert texts and all(f'lang="{lang}">{text}<' in page for lang, text in texts.items()), prop
    assert {"en", "tr"} <= {o.language for o in header.objects(onto, URIRef("http://purl.org/dc/terms/abstract"))}


def test_a_reference_without_authors_reads_from_its_editors_or_its_title(dist: Path) -> None:
    """Reference [31] has no author, and opens with its title ("AB Uyum Süreci ve STK'lar". (2004).); the book the
    chapters of [1], [24] and [28] are in has its editors, John Baylis and Steve Smith. The page's reference began
    " (2004)." and " (2001)." before."""
    def citation(slug: str) -> str:
        page = (dist / "site" / "resource" / "work" / f"{slug}.html").read_text(encoding="utf-8")
        found = re.search(r'<p class="citation">([^<]*)</p>', page)
        assert found is not None, slug
        return found[1].replace("&#39;", "'")
    assert citation("ab-uyum-sureci-2004").startswith("AB Uyum Süreci ve STK'lar. (2004). Türkiye'de Sivil Toplum")
    assert citation("baylis-2001").startswith("Baylis, John; Smith, Steve (Eds.) (2001). The Globalization of World")
    assert citation("bulgur-2023").startswith("Bulgur, Nurbanu (2023). The Role of the Interaction")


def test_cited_translators_and_editors_keep_the_order_of_the_entry(dist: Path) -> None:
    """Reference [12] names five translators ("Kemal Bayram, Özgür Tüfekçi, Hüsamettin İnaç, Şeyma Akın ve Buğra
    Kalkan, Çev."), [26] two editors ("A. Yalçinkaya ve Y. Özgen, Ed."), [17] an editor who is also the author
    ("Gencer Özcan ve Şule Kut, Der."): every cite file names them all, in that order. The translators were left out
    of the three files, and [26]'s editors came in the order of their IRIs (Özgen first)."""
    folder = dist / "site" / "resource" / "work"
    translators = ["Bayram, Kemal", "Tüfekçi, Özgür", "İnaç, Hüsamettin", "Akın, Şeyma", "Kalkan, Buğra"]
    heywood = json.loads((folder / "heywood-2011.csl.json").read_text(encoding="utf-8"))[0]
    assert [f"{n['family']}, {n['given']}" for n in heywood.get("translator", [])] == translators
    bib = bibtexparser.parse_string((folder / "heywood-2011.bib").read_text(encoding="utf-8")).entries[0]
    assert "translator" in bib and bib["translator"] == " and ".join(translators)
    assert rispy.loads((folder / "heywood-2011.ris").read_text(encoding="utf-8"))[0].get("subsidiary_authors") == translators
    creswell = json.loads((folder / "creswell-2017.csl.json").read_text(encoding="utf-8"))[0]
    assert creswell.get("translator") == [{"family": "Demir", "given": "Selçuk B."}]
    for slug, editors in (("sahin-2013", ["Yalçinkaya, A.", "Özgen, Y."]), ("kut-1998", ["Özcan, Gencer", "Kut, Şule"]),
                          ("rubin-2002", ["Rubin, Barry", "Kirişçi, Kemal"]), ("aronson-2001", ["Baylis, John", "Smith, Steve"])):
        assert rispy.loads((folder / f"{slug}.ris").read_text(encoding="utf-8"))[0]["secondary_authors"] == editors, slug
        entry = bibtexparser.parse_string((folder / f"{slug}.bib").read_text(encoding="utf-8")).entries[0]
        assert entry["editor"] == " and ".join(editors), slug


def test_a_reference_without_a_title_is_not_given_its_label_for_one(dist: Path) -> None:
    """References [33], [34] and [36] give no title (TÜSİAD. (2017). Erişim Tarihi: ... <http://...>.): their cite
    files have none, and the page's reference is not "TÜSİAD (2017). TÜSİAD (2017). http://..." as before, nor
    "azerbaycankulder.org (n.d.). (n.d.). http://...", but leads with the address the entry gives."""
    folder = dist / "site" / "resource" / "work"
    for slug in ("tusiad-2017", "musiad-2017", "azerbaycankulder-nd"):
        assert "title" not in json.loads((folder / f"{slug}.csl.json").read_text(encoding="utf-8"))[0], slug
        assert "title" not in bibtexparser.parse_string((folder / f"{slug}.bib").read_text(encoding="utf-8")).entries[0], slug
        assert "title" not in rispy.loads((folder / f"{slug}.ris").read_text(encoding="utf-8"))[0], slug

    def citation(slug: str) -> str:
        found = re.search(r'<p class="citation">([^<]*)</p>', (folder / f"{slug}.html").read_text(encoding="utf-8"))
        assert found is not None, slug
        return found[1]
    assert citation("tusiad-2017") == "TÜSİAD (2017). http://www.tusiad.org/tr/tusiad/temsilcilikler"
    assert citation("azerbaycankulder-nd") == "http://www.azerbaycankulder.org/dernek.aspx (n.d.)."


def test_an_author_list_the_entry_cuts_short_says_so(dist: Path) -> None:
    """Reference [29] names one author and "et. al." ("Yalçinkaya, H. et. al. (2006)"): BibTeX says so as
    "and others" and the page's reference as "et al.", not as if Yalçınkaya wrote it alone; CSL-JSON, which has no
    form for it, keeps the one author and no private mark. A whole list ([2], two authors) gets neither."""
    folder = dist / "site" / "resource" / "work"
    entry = bibtexparser.parse_string((folder / "yalcinkaya-2006.bib").read_text(encoding="utf-8")).entries[0]
    assert entry["author"] == "Yalçınkaya, H. and others"
    page = (folder / "yalcinkaya-2006.html").read_text(encoding="utf-8")
    assert '<p class="citation">Yalçınkaya, H. et al. (2006). Değişen' in page
    item = json.loads((folder / "yalcinkaya-2006.csl.json").read_text(encoding="utf-8"))[0]
    assert [n["family"] for n in item["author"]] == ["Yalçınkaya"] and not any(k.startswith("_") for k in item)
    whole = bibtexparser.parse_string((folder / "aslanli-2016.bib").read_text(encoding="utf-8")).entries[0]
    assert "others" not in whole["author"] and " and " in whole["author"]


def test_bibtex_and_ris_keep_the_access_date_the_school_and_the_institution(dist: Path) -> None:
    """Reference [32] gives an access date ("Erişim Tarihi: 30 Mayıs 2017"), kept in CSL-JSON but dropped from BibTeX
    (biblatex's urldate) and RIS (Y2); [18] is a master's thesis, whose university BibTeX reads from "school" (a
    required field of @mastersthesis, where "publisher" is ignored), and [9] a report, whose body it reads from
    "institution"."""
    folder = dist / "site" / "resource" / "work"
    bbc = bibtexparser.parse_string((folder / "bbc-2013.bib").read_text(encoding="utf-8")).entries[0]
    assert "urldate" in bbc and bbc["urldate"] == "2017-05-30"
    assert rispy.loads((folder / "bbc-2013.ris").read_text(encoding="utf-8"))[0].get("access_date") == "2017/05/30"
    thesis = bibtexparser.parse_string((folder / "meray-2007.bib").read_text(encoding="utf-8")).entries[0]
    assert "school" in thesis and thesis["school"] == "Muğla Üniversitesi Sosyal Bilimler Enstitüsü"
    assert "publisher" not in thesis
    report = bibtexparser.parse_string((folder / "dpt-2000.bib").read_text(encoding="utf-8")).entries[0]
    assert "institution" in report and "publisher" not in report


def test_the_network_page_lists_every_participation_as_a_table(dist: Path) -> None:
    """The drawing cannot be read by keyboard or screen reader: the same participations follow it as a table, one
    row per nfp:participant statement of the publication, each actor and activity linked to its page."""
    page = (dist / "site" / "network.html").read_text(encoding="utf-8")
    table = page[page.index('<table class="grid participations">'):]
    rows = re.findall(r'<tr><td><a href="(resource/[^"]+)">[^<]+</a></td><td>.*?</td><td><a href="(resource/[^"]+)">',
                      table[:table.index("</table>")])
    graph = Graph().parse(dist / "ngo-fp.nt", format="nt")
    participations = list(graph.subject_objects(NFP.participant))
    assert len(rows) == len(participations) > 80
    assert {actor for actor, _ in rows} == {"resource/" + str(a).removeprefix(str(RES)) + ".html"
                                           for _, a in participations}


def test_a_page_shows_what_other_sources_say_apart_with_source_and_day(dist: Path, published_graph: Graph) -> None:
    """Every outside fact about a resource is in its page's own section, value, source and day, as the data has
    them (nfp:OutsideFact); a resource without outside facts has no such section."""
    from rdflib import PROV

    for slug in ("state/iraq", "organization/tusiad"):
        iri = RES[slug]
        html = (dist / "site" / "resource" / f"{slug}.html").read_text(encoding="utf-8")
        section = html.split('<section id="outside">', 1)[1].split("</section>", 1)[0]
        facts = list(published_graph.subjects(NFP.factAbout, iri))
        assert facts and section.count("<tr>") == len(facts) + 1  # the header row, then one row per fact
        for fact in facts:
            assert str(published_graph.value(fact, PROV.wasDerivedFrom)) in section
            assert str(published_graph.value(fact, NFP.readOn)) in section
    iraq = (dist / "site" / "resource" / "state" / "iraq.html").read_text(encoding="utf-8")
    assert '<span lang="ar">العراق</span>' in iraq and '<span lang="tr">Irak</span>' in iraq
    assert 'id="outside"' not in (dist / "site" / "resource" / "organization" / "turksam.html").read_text(encoding="utf-8")


def test_the_tutorial_is_a_page_of_the_site_with_every_example(dist: Path) -> None:
    """docs/tutorial.md is tutorial.html, linked from the landing page: its title as the page's heading, each section
    and each line of each example as the guide writes them (the examples themselves are run by test_tutorial.py)."""
    from html import unescape

    page = (dist / "site" / "tutorial.html").read_text(encoding="utf-8")
    text = (ROOT / "docs" / "tutorial.md").read_text(encoding="utf-8")
    title = text.split("\n", 1)[0].removeprefix("# ")
    assert f"<h1>{title}</h1>" in page and page.count("<h1>") == 1
    for heading in (line.removeprefix("## ") for line in text.splitlines() if line.startswith("## ")):
        assert f"<h2>{heading}</h2>" in unescape(page), heading
    examples = [line for line in text.splitlines() if line.startswith((">>> ", "... "))]
    assert len(examples) > 40 and all(line in unescape(page) for line in examples)
    assert 'href="tutorial.html"' in (dist / "site" / "index.html").read_text(encoding="utf-8")


def test_a_guide_without_its_title_heading_fails_the_build(tmp_path: Path) -> None:
    from scripts.errors import BuildError
    from scripts.publish.site import guides

    guide = tmp_path / "guide.md"
    guide.write_text("Some words\n\n## A section\n", encoding="utf-8")
    with pytest.raises(BuildError, match=r"guide\.md:1: a guide begins with its title"):
        guides.context(guide)
    guide.write_text("# Title\n\n<script>alert(1)</script>\n", encoding="utf-8")
    assert "<script>" not in str(guides.context(guide)["body"])  # raw HTML is shown as text, never run


def test_json_in_a_script_element_cannot_hide_its_end_tag() -> None:
    """A label holding "<!--<script>" put the HTML parser in its script data double escaped state: the page's own
    </script> then ended nothing, and the whole body became the JSON-LD script's text (a blank page). The JSON
    embedded in pages writes "<", ">" and "&" as JSON escapes: the same string to a JSON parser, no markup to HTML."""
    from scripts.publish.site.pages import in_script

    data = {"rdfs:label": 'Eurasian <!--<script> "Strategic" <script>alert(1)</script> Center & co'}
    embedded = str(in_script(json.dumps(data, ensure_ascii=False)))
    assert not set("<>&") & set(embedded)
    assert json.loads(embedded) == data


def test_each_instance_count_of_the_ontology_page_links_to_as_many_on_the_browse_page(dist: Path) -> None:
    """The ontology page's counts link to the browse page filtered by the class: the link must list what the count
    says. `Evidence` linked 1063 instances to a browse page that listed none (the search index leaves evidence
    annotations out)."""
    html = (dist / "site" / "ontology.html").read_text(encoding="utf-8")
    script = (dist / "site" / "assets" / "data" / "resources.js").read_text(encoding="utf-8")
    docs = json.loads(script.removeprefix("window.NFP_RESOURCES = ").rstrip().removesuffix(";"))
    listed = Counter(cls for d in docs for cls in d["classes"])
    links = re.findall(r'href="browse\.html\?class=(\w+)">(\d+) (?:instances?|on the browse page)</a>', html)
    assert len(links) > 40
    assert [(cls, int(n), listed.get(cls, 0)) for cls, n in links if int(n) != listed.get(cls, 0)] == []
    evidence = html[html.index('<article class="term" id="Evidence">'):]
    assert re.search(r"\d+ instances, each on a page of its own, not on the browse page", evidence[:evidence.index("</article>")])


def test_an_example_answer_links_an_iri_only_when_it_is_a_web_address() -> None:
    """The example answers of the queries page link each IRI that has no page to the IRI itself: a `javascript:` IRI
    (legal in SPARQL, as a VALUES of a query of queries/ gives it) was a link that ran on the endpoint's origin when
    clicked. The editor's own answers already show such an IRI as text (queries.js)."""
    import pyoxigraph as ox
    from rdflib import Graph as RdflibGraph

    from scripts.publish.site import queries
    from scripts.publish.site.model import Model

    model = Model(RdflibGraph())
    for iri in ("javascript:alert(document.domain)", "JavaScript:alert(1)", "data:text/html,alert(1)"):
        assert queries.cell(model, ox.NamedNode(iri)).href is None
    assert queries.cell(model, ox.NamedNode("https://ror.org/02e6b8w14")).href == "https://ror.org/02e6b8w14"


def test_the_timeline_links_to_where_its_undated_events_and_periods_are_listed(dist: Path, published_graph: Graph) -> None:
    """The timeline says how many events and periods it does not draw and links to the browse page where they are:
    it linked the events' listing only, where none of the 11 undated periods is."""
    html = (dist / "site" / "timeline.html").read_text(encoding="utf-8")
    lede = html[html.index('<p class="lede">'):html.index('<div id="timeline"')]
    undated = {str(s)[len(str(RES)):].split("/")[0] for s in published_graph.subjects()
               if str(s).startswith((str(RES) + "event/", str(RES) + "period/"))
               and (s, NFP.startDate, None) not in published_graph}
    assert undated == {"event", "period"}
    assert {kind for kind in undated if f'href="browse.html?type={kind}"' not in lede} == set()


def test_the_network_filter_offers_every_kind_of_each_actor(dist: Path, published_graph: Graph) -> None:
    """The network's "Kind of actor" filter knew each actor by its first class only: the research centres, all typed
    both nfp:NonGovernmentalOrganization and nfp:ResearchCentre, were "Non-governmental organization", and the filter
    offered no "Research centre" at all."""
    html = (dist / "site" / "network.html").read_text(encoding="utf-8")
    select = html[html.index('<select id="actor-kind">'):]
    offered = dict(re.findall(r'<option value="([^"]+)">[^<]* \((\d+)\)</option>', select[:select.index("</select>")]))
    centres = {str(actor) for _, actor in published_graph.subject_objects(NFP.participant)
               if (actor, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), NFP.ResearchCentre) in published_graph}
    assert len(centres) >= 5
    assert offered.get("Research centre") == str(len(centres))
    script = (dist / "site" / "assets" / "data" / "pictures.js").read_text(encoding="utf-8")
    nodes = json.loads(script.removeprefix("window.NFP_PICTURES = ").rstrip().removesuffix(";"))["network"]["nodes"]
    asam = next(n for n in nodes if n["id"] == "resource/organization/asam.html")
    assert {"Non-governmental organization", "Research centre"} <= set(asam["kinds"])
