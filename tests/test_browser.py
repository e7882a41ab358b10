"""A person with a browser: headless Chromium (Debian's, driven by Playwright with its executablePath) on the
real server (`scripts.serve.Server`: the site and the SPARQL endpoint on 127.0.0.1). Searches by acronym and
Turkish name, follows a quote to its highlighted sentence, clicks the timeline and the network, loads, runs
and downloads an example query, reads an error, and checks that no main page is wider than a 390 px phone and
that axe-core (tests/site-checkers, pinned) finds no WCAG 2.2 A/AA or best-practice violation on the main pages, on a
page of every kind of resource, or in the SPARQL editor's colours. Screenshots of each main page are kept in
dist-screenshots/ (not in git)."""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
from pathlib import Path

import pytest

from scripts.paths import QUERIES
from scripts.serve import Server, free_port

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
SCREENSHOTS = Path(__file__).resolve().parent.parent / "dist-screenshots"
# the last two: the PLOVER sample's
MAIN_PAGES = ["index.html", "browse.html", "article.html", "timeline.html", "network.html", "queries.html",
              "ontology.html", "licences.html", "resource/organization/tusiad.html", "resource/work/bulgur-2023.html",
              "resource/claim/civil-society-must-be-taken-into-account.html", "resource/state/azerbaijan.html",
              "tutorial.html", "plover-gsr.html", "resource/event/plover-gsr01-agree-0001.html"]
AXE = Path(__file__).resolve().parent / "site-checkers" / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        raise RuntimeError("CI must install Debian's chromium for the browser test (see .ci/run)")
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def server(dist: Path):
    with Server(dist, port=free_port()) as running:
        yield running


@pytest.fixture(scope="module")
def browser(server: Server):
    SCREENSHOTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server: Server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.on("request", lambda r: errors.append(f"left the machine: {r.url}")
           if not r.url.startswith((server.url, "data:", "blob:")) else None)
    tab.site = f"{server.url}/site/"  # type: ignore[attr-defined]
    yield tab
    context.close()
    assert errors == []  # no script error, and no request to anywhere but the local server


def results(page) -> list[str]:
    page.wait_for_function("document.querySelectorAll('#results li').length > 0")
    return page.locator("#results li > a").all_inner_texts()


def test_landing_page_search_box_finds_an_organization_by_acronym(page) -> None:
    page.goto(page.site + "index.html")
    assert page.title() == "NGOs and foreign policy in Turkey–Azerbaijan relations"
    page.screenshot(path=str(SCREENSHOTS / "landing.png"), full_page=False)
    page.fill(".big-search input", "TÜSİAD")
    page.press(".big-search input", "Enter")
    page.wait_for_url("**/browse.html?q=*")
    assert results(page)[0] == "TÜSİAD"
    page.screenshot(path=str(SCREENSHOTS / "search.png"))


SEARCHES = [("Tusiad", "tusiad"), ("tüsiad", "tusiad"), ("TÜSİAD", "tusiad"), ("TURKSAM", "turksam"),
            ("Devlet Planlama Teşkilatı", "dpt"), ("devlet planlama teskilati", "dpt"),  # Turkish names, with and without accents
            ("Birleşmiş Milletler", "united-nations")]


@pytest.mark.parametrize("typed, slug", SEARCHES, ids=[t for t, _ in SEARCHES])
def test_search_by_acronym_and_turkish_name(page, typed: str, slug: str) -> None:
    assert len(SEARCHES) == 7
    page.goto(page.site + "browse.html")
    page.fill("#q", typed)
    found = results(page)
    assert page.locator("#results li > a").first.get_attribute("href") == f"resource/organization/{slug}.html", found[:5]


def test_search_by_a_word_of_its_evidence_and_filters(page) -> None:
    page.goto(page.site + "browse.html?q=businessmen")
    assert "TÜSİAD" in results(page)
    page.goto(page.site + "browse.html?type=organization&country=Turkey")
    listed = results(page)
    assert 0 < len(listed) < 104 and page.inner_text("#count").startswith(f"{len(listed)} of ")
    page.click(f"#results li > a >> text={listed[0]}")
    assert "/site/resource/" in page.url and page.inner_text("h1") == listed[0]


def test_a_quote_link_lands_on_its_highlighted_sentence(page) -> None:
    page.goto(page.site + "resource/organization/turksam.html")
    assert page.inner_text("h1") == "TURKSAM"
    quote = page.locator("blockquote.quote").first
    text = quote.locator("p").first.inner_text().strip("“”")
    quote.locator("a.to-article").click()
    page.wait_for_url("**/article.html#ev-*")
    marked = page.locator("mark.current")
    assert marked.count() >= 1
    assert "".join(marked.all_inner_texts()).split() == text.split()
    box, viewport = marked.first.bounding_box(), page.viewport_size
    assert box is not None and 0 <= box["y"] < viewport["height"]  # scrolled into view
    page.screenshot(path=str(SCREENSHOTS / "article-quote.png"))


def test_a_malformed_fragment_on_the_article_is_no_script_error(page) -> None:
    """#%E0 is no UTF-8: decodeURIComponent threw a URIError on the article's page (the fixture fails on any script
    error); now it marks nothing, and a well-formed fragment still marks its passage."""
    page.goto(page.site + "article.html#%E0")
    assert page.locator("mark.current").count() == 0
    page.evaluate("location.hash = '#ev-%E0'")  # a hash change, with a malformed escape after a passage's prefix
    first = page.locator("mark[data-ev]").first.get_attribute("data-ev").split()[0]
    page.evaluate(f"location.hash = '#{first}'")
    page.wait_for_function("document.querySelectorAll('mark.current').length > 0")


def test_resource_page_shows_names_roles_and_labelled_links(page) -> None:
    page.goto(page.site + "resource/organization/turksam.html")
    roles = page.locator("#roles table")
    assert roles.count() == 1 and roles.locator("tbody tr").count() >= 1
    statements = page.inner_text("#statements")
    assert "based in" in statements and "Turkey" in statements and "https://" not in statements
    page.goto(page.site + "resource/state/azerbaijan.html")
    assert page.locator("#links a.ext").count() >= 1
    assert all("wikidata.org/entity/" not in t for t in page.locator("#links a").all_inner_texts())
    page.goto(page.site + "resource/organization/sakarya-university.html")
    page.click(".lang-switch")
    assert page.inner_text("h1") == "Sakarya Üniversitesi"
    page.click(".lang-switch")
    assert page.inner_text("h1") == "Sakarya University"


def test_timeline_renders_and_a_click_opens_a_page(page) -> None:
    page.goto(page.site + "timeline.html")
    items = page.locator("#timeline .vis-item.vis-point, #timeline .vis-item.vis-range")
    items.first.wait_for()
    listed = page.locator(".timeline-list li").count()
    assert listed >= 10 and items.count() == listed
    page.screenshot(path=str(SCREENSHOTS / "timeline.png"))
    target = page.locator("#timeline .vis-item.vis-point .vis-item-content >> text=Occupation of Azerbaijan by Bolshevik Russia")
    target.click()
    page.wait_for_url("**/resource/event/occupation-of-azerbaijan-1920.html")
    assert page.inner_text("h1") == "Occupation of Azerbaijan by Bolshevik Russia"


def test_timeline_shows_a_label_as_text_not_markup(page) -> None:
    """vis-timeline writes a string content or title as HTML: a label with "<b>" or "<img>" was drawn as markup on
    the timeline, as text on every other page. The page's data is served with one label changed so."""
    label = "Occupation of Azerbaijan by Bolshevik Russia"
    crafted = "Occupation <b>of</b> Azerbaijan <img src=x.png>"

    def with_markup(route) -> None:
        body = route.fetch().text()
        assert json.dumps(label) in body and f"{label} (1920)" in body  # its content and its title
        route.fulfill(body=body.replace(json.dumps(label), json.dumps(crafted)).replace(f"{label} (", f"{crafted} ("),
                      content_type="text/javascript")

    page.route("**/assets/data/pictures.js", with_markup)
    page.goto(page.site + "timeline.html")
    item = page.locator("#timeline .vis-item-content", has_text="Occupation")
    item.first.wait_for()
    assert item.count() == 1
    assert item.inner_text() == crafted
    assert item.locator("b, img").count() == 0
    item.hover()
    tooltip = page.locator(".vis-tooltip")
    tooltip.wait_for()
    assert tooltip.inner_text().startswith(crafted + " (1920")


def test_network_renders_filters_and_a_click_opens_a_page(page) -> None:
    page.goto(page.site + "network.html")
    page.wait_for_function("window.nfpNetwork && window.nfpNetwork.nodes().length > 0")
    assert page.locator("#network canvas").count() >= 1
    shown = "window.nfpNetwork.nodes().not('.hidden').length"
    total = page.evaluate(shown)
    page.select_option("#actor-kind", label=page.locator("#actor-kind option").nth(1).inner_text())
    assert 0 < page.evaluate(shown) < total
    page.select_option("#actor-kind", value="")
    page.select_option("#role", index=1)
    assert 0 < page.evaluate(shown) < total
    page.select_option("#role", value="")
    assert page.evaluate(shown) == total
    page.screenshot(path=str(SCREENSHOTS / "network.png"))
    page.locator("#network").scroll_into_view_if_needed()
    node = page.evaluate("""(() => { const cy = window.nfpNetwork, n = cy.$id('resource/organization/turksam.html');
        cy.zoom(2); cy.center(n);
        const p = n.renderedPosition(), r = document.querySelector('#network').getBoundingClientRect();
        return {x: r.left + p.x, y: r.top + p.y}; })()""")
    page.mouse.click(node["x"], node["y"])
    page.wait_for_url("**/resource/organization/turksam.html")


def test_an_example_query_loads_runs_and_downloads(page) -> None:
    page.goto(page.site + "queries.html")
    example = page.locator("section.example[id='11-ngos-per-group']")
    want_rows = example.locator("tbody tr").count()
    want_head = example.locator("thead th").all_inner_texts()
    assert want_rows > 0
    example.locator("button.load").click()
    query = QUERIES / "11-ngos-per-group.rq"
    assert page.evaluate("window.nfpQuery.get()") == query.read_text(encoding="utf-8")
    page.click("#run")
    page.wait_for_selector("#answer-table")
    assert page.locator("#answer-table tbody tr").count() == want_rows
    assert page.locator("#answer-table thead th").all_inner_texts() == want_head
    page.screenshot(path=str(SCREENSHOTS / "query.png"))
    with page.expect_download() as got:
        page.click("#download-csv")
    rows = list(csv.reader(io.StringIO(Path(got.value.path()).read_text(encoding="utf-8"))))
    assert rows[0] == want_head and len(rows) == want_rows + 1
    with page.expect_download() as got:
        page.click("#download-json")
    doc = json.loads(Path(got.value.path()).read_text(encoding="utf-8"))
    assert doc["head"]["vars"] == want_head and len(doc["results"]["bindings"]) == want_rows


def test_the_default_query_answers_with_names_linked_to_pages(page) -> None:
    page.goto(page.site + "queries.html")
    page.click("#run")
    page.wait_for_selector("#answer-table")
    links = page.locator("#answer-table a")
    assert "TURKSAM" in links.all_inner_texts() and "ASAM" in page.inner_text("#answer-table")
    links.filter(has_text="TURKSAM").first.click()
    page.wait_for_url("**/resource/organization/turksam.html")


def test_only_web_iris_in_an_answer_become_links(page) -> None:
    """An answer's IRI is a link only when it is an http(s) one: `javascript:` in an answer (IRI("javascript:...")
    is a legal IRI) would run on the page's origin, which is the endpoint's, when clicked."""
    page.goto(page.site + "queries.html")
    page.evaluate("window.nfpQuery.set('SELECT ?x WHERE { VALUES ?x { <javascript:alert(1)> <urn:isbn:0451450523> "
                  "<https://www.wikidata.org/wiki/Q43> } }')")
    page.click("#run")
    page.wait_for_selector("#answer-table")
    cells = page.locator("#answer-table tbody td")
    assert cells.all_inner_texts() == ["javascript:alert(1)", "urn:isbn:0451450523", "https://www.wikidata.org/wiki/Q43"]
    assert [a.get_attribute("href") for a in page.locator("#answer-table a").all()] == ["https://www.wikidata.org/wiki/Q43"]


def test_a_large_answer_draws_its_first_rows_and_downloads_them_all(page) -> None:
    """SELECT * of the default graph (32,564 rows, answered in 0.2 s) held the tab for 48 s while every row became a
    table row. The table shows the first 1,000 and says so; the CSV download holds every row."""
    page.goto(page.site + "queries.html")
    page.evaluate("window.nfpQuery.set('SELECT * WHERE { ?s ?p ?o }')")
    page.click("#run")
    page.wait_for_selector("#answer-count", timeout=15_000)
    said = page.inner_text("#answer-count")
    total = int(said.split(" ", 1)[0])
    assert total > 20_000 and said.endswith("(the first 1000 shown: download the CSV or JSON for all of them)")
    assert page.locator("#answer-table tbody tr").count() == 1000
    with page.expect_download() as got:
        page.click("#download-csv")
    assert len(list(csv.reader(io.StringIO(Path(got.value.path()).read_text(encoding="utf-8"))))) == total + 1


def test_the_csv_download_writes_blank_nodes_and_triple_terms_as_the_endpoint_does(page, server) -> None:
    """The page's CSV download wrote a blank node as its bare label and a triple term as "[object Object]"; it writes
    them as the endpoint's own CSV answer does (_:label; <<( s p o )>>), quoted where a comma or quote is."""
    import urllib.parse
    import urllib.request

    query = ('SELECT ?b ?t ?x WHERE { BIND(BNODE() AS ?b) '
             'BIND(<<( <https://example.org/a,b> <https://example.org/p> "say \\"hi\\"" )>> AS ?t) BIND("x" AS ?x) }')
    page.goto(page.site + "queries.html")
    page.evaluate("query => window.nfpQuery.set(query)", query)
    page.click("#run")
    page.wait_for_selector("#answer-table")
    with page.expect_download() as got:
        page.click("#download-csv")
    [head, row] = list(csv.reader(io.StringIO(Path(got.value.path()).read_text(encoding="utf-8"))))
    request = urllib.request.Request(server.url + "/query?" + urllib.parse.urlencode({"query": query}),
                                     headers={"Accept": "text/csv"})
    with urllib.request.urlopen(request) as answer:
        [their_head, theirs] = list(csv.reader(io.StringIO(answer.read().decode("utf-8"))))
    assert head == their_head == ["b", "t", "x"]
    assert row[0].startswith("_:") and theirs[0].startswith("_:")  # fresh labels, each run its own
    assert row[1:] == theirs[1:] == ['<<( "https://example.org/a,b" https://example.org/p "say ""hi""" )>>', "x"]


@pytest.mark.parametrize("query", [
    "CONSTRUCT { ?o a ?class } WHERE { ?o a ?class FILTER (?o = <https://w3id.org/ngo-fp/resource/organization/asam>) }",
    "DESCRIBE <https://w3id.org/ngo-fp/resource/organization/asam>",
])
def test_a_construct_or_describe_query_answers_a_graph_in_turtle(page, query: str) -> None:
    """The editor asked for SPARQL results only, which a graph is not: the endpoint answered 406 to every CONSTRUCT and
    DESCRIBE, shown as "The endpoint refused the query (406)". It asks for Turtle too, shows it and offers it."""
    from rdflib import Graph, URIRef

    page.goto(page.site + "queries.html")
    page.evaluate("query => window.nfpQuery.set(query)", query)
    page.click("#run")
    page.wait_for_selector("#answer-graph")
    assert page.inner_text("#answer-count") == "A graph, in Turtle"
    asam = URIRef("https://w3id.org/ngo-fp/resource/organization/asam")
    with page.expect_download() as got:
        page.click("#download-ttl")
    graph = Graph().parse(data=Path(got.value.path()).read_text(encoding="utf-8"), format="turtle")
    assert (asam, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
            URIRef("https://w3id.org/ngo-fp/ontology#ResearchCentre")) in graph
    assert set(Graph().parse(data=page.inner_text("#answer-graph"), format="turtle")) == set(graph)


def test_a_missing_prefix_of_the_dataset_is_added_and_the_query_runs(page) -> None:
    page.goto(page.site + "queries.html")
    page.evaluate("window.nfpQuery.set('SELECT ?centre WHERE { ?centre a nfp:ResearchCentre }')")
    page.click("#run")
    page.wait_for_selector("#answer-table")
    assert page.evaluate("window.nfpQuery.get()").startswith("PREFIX nfp: <https://w3id.org/ngo-fp/ontology#>\n")
    assert "nfp:" in page.inner_text("#answer-note") and "TURKSAM" in page.inner_text("#answer-table")


@pytest.mark.parametrize("query, says", [
    ("SELECT ?x WHERE { ?x a foo:Bar }", "The prefix \u201cfoo:\u201d is not declared"),
    ("SELECT ?x WHERE { ?x a }", "The endpoint refused the query (400)"),
])
def test_errors_are_readable(page, query: str, says: str) -> None:
    page.goto(page.site + "queries.html")
    page.evaluate("query => window.nfpQuery.set(query)", query)
    page.click("#run")
    error = page.locator("#answer-error")
    error.wait_for()
    assert error.inner_text().startswith(says) and len(error.inner_text()) < 450


@pytest.mark.parametrize("path", MAIN_PAGES)
def test_no_page_overflows_a_phone(browser, server: Server, path: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    tab.goto(f"{server.url}/site/{path}")
    tab.wait_for_load_state("networkidle")  # pictures drawn before the screenshots
    width = tab.evaluate("document.documentElement.scrollWidth")
    tab.screenshot(path=str(SCREENSHOTS / ("phone-" + path.replace("/", "-").removesuffix(".html") + ".png")))
    tab.set_viewport_size({"width": 1280, "height": 900})
    tab.screenshot(path=str(SCREENSHOTS / ("desktop-" + path.replace("/", "-").removesuffix(".html") + ".png")))
    context.close()
    assert width <= 390


@pytest.fixture(scope="module")
def axe() -> Path:
    if not AXE.exists():
        if os.environ.get("CI"):
            raise RuntimeError("CI must fetch axe-core for the accessibility test (make site-checkers)")
        pytest.skip("axe-core is not fetched (make site-checkers)")
    return AXE


def violations(tab, axe: Path) -> list[str]:
    """axe-core's violations on the page as it stands, one line each: rule, impact, what it asks, where."""
    tab.add_script_tag(path=str(axe))
    found = tab.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return [f"{v['id']} ({v['impact']}): {v['help']}; at {', '.join(str(n['target']) for n in v['nodes'][:3])}"
            for v in found["violations"]]


@pytest.mark.parametrize("path", [p for p in MAIN_PAGES if not p.startswith("resource/")])
def test_main_pages_have_no_accessibility_violation(page, axe: Path, path: str) -> None:
    page.goto(page.site + path)
    page.wait_for_load_state("networkidle")  # the timeline, the network and the editor drawn
    assert violations(page, axe) == []


def test_a_page_of_every_kind_of_resource_has_no_accessibility_violation(page, axe: Path, dist: Path) -> None:
    kinds = sorted((dist / "site" / "resource").iterdir())
    assert len(kinds) > 15
    found = {}
    for kind in kinds:
        first = min(kind.glob("*.html"))
        page.goto(page.site + first.relative_to(dist / "site").as_posix())
        found[first.name] = violations(page, axe)
    assert {name: v for name, v in found.items() if v} == {}


def test_every_token_of_the_sparql_editor_is_readable(page, axe: Path) -> None:
    """The default query shows only some of YASQE's token kinds; this one has a comment, a prefix declaration and
    prefixed names, variables, a string with a language tag, numbers, a boolean, brackets and a syntax error, each
    of which must keep WCAG AA's contrast."""
    page.goto(page.site + "queries.html")
    page.wait_for_function("window.nfpQuery !== undefined")
    page.evaluate("q => window.nfpQuery.set(q)", "# a comment\nPREFIX nfp: <https://w3id.org/ngo-fp/ontology#>\n"
                  "SELECT ?x (COUNT(?y) AS ?n) WHERE { ?x a nfp:Organization ; rdfs:label 'TÜSİAD'@tr .\n"
                  "FILTER(?n > 2.5 && true) } LIMIT 10 }}")
    page.wait_for_selector(".cm-comment")
    assert violations(page, axe) == []


def test_the_accessibility_check_finds_a_violation(page, axe: Path) -> None:
    """The check itself: an image without a text alternative added to a clean page is reported."""
    page.goto(page.site + "licences.html")
    assert violations(page, axe) == []
    page.evaluate("document.querySelector('main').append(Object.assign(document.createElement('img'), "
                  "{src: 'data:image/gif;base64,R0lGODlhAQABAAAAACw='}))")
    assert [v.split(" ")[0] for v in violations(page, axe)] == ["image-alt"]
