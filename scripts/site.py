"""A static site for people who do not read Turtle: a landing page, a page per resource (with its JSON-LD
embedded and .ttl/.jsonld files beside it), the ontology documentation (pyLODE), pictures and queries."""
from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, Literal, Namespace, URIRef

from . import pictures, publish
from .paths import BASE, NFP, QUERIES, RES

SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
DCT = Namespace("http://purl.org/dc/terms/")
OA = Namespace("http://www.w3.org/ns/oa#")
STYLE = """
body{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#222}
h1{font-size:1.6rem} h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%;font-size:.92rem} td,th{border:1px solid #ddd;padding:.3rem .5rem;vertical-align:top;text-align:left}
th{background:#f5f5f5} code,pre{background:#f6f6f6;font-size:.85rem} pre{padding:.6rem;overflow:auto}
blockquote{margin:.4rem 0;padding:.3rem .8rem;border-left:3px solid #8a6;background:#f7fbf4}
nav a{margin-right:1rem} .types{color:#666} img{max-width:100%}
"""


QUERY_FORM = """<h2>Ask your own question</h2>
<form id="sparql-form"><textarea id="sparql" rows="8" style="width:100%;font-family:monospace">PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX nfp: <https://w3id.org/ngo-fp/ontology#>
SELECT ?centre ?label WHERE { ?centre a nfp:ResearchCentre ; rdfs:label ?label } ORDER BY ?label</textarea>
<button id="run" type="submit">Run on the endpoint</button></form>
<div id="answer"><p class="types">Needs the local endpoint: <code>make serve</code>.</p></div>
<script>
document.getElementById("sparql-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const out = document.getElementById("answer");
  try {
    const response = await fetch("/query", {method: "POST", headers: {"Content-Type": "application/sparql-query",
      "Accept": "application/sparql-results+json"}, body: document.getElementById("sparql").value});
    const text = await response.text();
    if (!response.ok) throw new Error(response.status + " " + text);
    const json = JSON.parse(text);  // a query cut by the time limit gives truncated JSON: that is an error too
    const vars = json.head.vars, rows = json.results.bindings;
    const esc = (s) => s.replace(/[&<>]/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;"}[c]));
    out.innerHTML = "<table id='answer-table'><tr>" + vars.map((v) => "<th>" + esc(v) + "</th>").join("") + "</tr>" +
      rows.map((r) => "<tr>" + vars.map((v) => "<td>" + (r[v] ? esc(r[v].value) : "") + "</td>").join("") + "</tr>").join("") +
      "</table><p class='types'>" + rows.length + " row(s)</p>";
  } catch (error) { out.textContent = "Query failed: " + error.message; }
});
</script>"""


@dataclass(frozen=True)
class Page:
    iri: URIRef
    path: str  # relative path of the HTML page inside site/, e.g. resource/organization/turksam.html


def page_path(iri: URIRef) -> str:
    return "resource/" + str(iri)[len(str(RES)):] + ".html"


def local(iri: URIRef, graph: Graph) -> str:
    try:
        return graph.namespace_manager.normalizeUri(iri)
    except Exception:
        return str(iri)


def label(graph: Graph, node) -> str:
    if isinstance(node, Literal):
        return str(node)
    for prop in (RDFS.label, SKOS.prefLabel, DCT.title):
        values = sorted(graph.objects(node, prop), key=lambda l: (getattr(l, "language", None) != "en", str(l)))
        if values:
            return str(values[0])
    return local(node, graph)


def link(graph: Graph, node, here: str) -> str:
    """An HTML link to a resource page (relative to the page at `here`), or an external link, or a literal."""
    if isinstance(node, Literal):
        lang = f' <span class="types">@{node.language}</span>' if node.language else ""
        return html.escape(str(node)) + lang
    text = html.escape(label(graph, node))
    if str(node).startswith(str(RES)) and not str(node).startswith(str(RES) + "evidence/"):
        depth = here.count("/")
        return f'<a href="{"../" * depth}{page_path(node)}">{text}</a>'
    if str(node).startswith(str(NFP)):
        depth = here.count("/")
        return f'<a href="{"../" * depth}ontology.html#{str(node).split("#")[-1]}">{text}</a>'
    return f'<a href="{html.escape(str(node))}">{text}</a>'


def document(title: str, body: str, here: str, head: str = "") -> str:
    up = "../" * here.count("/")
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{STYLE}</style>{head}</head>\n'
        f'<body><nav><a href="{up}index.html">Home</a><a href="{up}ontology.html">Ontology</a>'
        f'<a href="{up}queries.html">Queries</a></nav>\n<h1>{html.escape(title)}</h1>\n{body}\n</body></html>\n'
    )


def resource_graph(graph: Graph, iri: URIRef) -> Graph:
    """The resource's own triples, plus its evidence annotations and their selectors."""
    g = Graph(bind_namespaces="core")
    for prefix, ns in graph.namespaces():
        g.bind(prefix, ns)
    g += graph.triples((iri, None, None))
    for ev in graph.objects(iri, NFP.groundedIn):
        g += graph.triples((ev, None, None))
        for target in graph.objects(ev, OA.hasTarget):
            g += graph.triples((target, None, None))
            for selector in graph.objects(target, OA.hasSelector):
                g += graph.triples((selector, None, None))
    return g


def resource_page(graph: Graph, iri: URIRef, here: str, jsonld: str) -> str:
    types = ", ".join(link(graph, t, here) for t in sorted(graph.objects(iri, RDF.type)))
    rows = []
    skip = {RDF.type, NFP.evidenceQuote, NFP.groundedIn}
    for p, o in sorted(graph.predicate_objects(iri)):
        if p not in skip:
            rows.append(f"<tr><td>{link(graph, p, here)}</td><td>{link(graph, o, here)}</td></tr>")
    incoming = []
    for s, p in sorted(graph.subject_predicates(iri)):
        if str(s).startswith(str(RES)) and not str(s).startswith(str(RES) + "evidence/"):
            incoming.append(f"<tr><td>{link(graph, s, here)}</td><td>{link(graph, p, here)}</td></tr>")
    quotes = "".join(f"<blockquote>{html.escape(str(q))}</blockquote>" for q in sorted(graph.objects(iri, NFP.evidenceQuote)))
    out_links = [o for p in (SKOS.exactMatch, SKOS.closeMatch, OWL.sameAs) for o in graph.objects(iri, p)]
    stem = Path(here).name.removesuffix(".html")
    body = (
        f'<p><code>{html.escape(str(iri))}</code></p><p class="types">Types: {types}</p>'
        f'<p>Download: <a href="{stem}.ttl">Turtle</a> · <a href="{stem}.jsonld">JSON-LD</a></p>'
        f"<h2>Evidence in the article</h2>{quotes or '<p>none</p>'}"
        f'<h2>Statements</h2><table><tr><th>property</th><th>value</th></tr>{"".join(rows)}</table>'
        f'<h2>Referred to by</h2><table><tr><th>resource</th><th>property</th></tr>{"".join(incoming) or "<tr><td colspan=2>none</td></tr>"}</table>'
        + (f"<h2>Links out</h2><ul>{''.join(f'<li>{link(graph, o, here)}</li>' for o in sorted(out_links))}</ul>" if out_links else "")
    )
    safe = jsonld.replace("</", "<\\/")
    head = f'<script type="application/ld+json">{safe}</script>'
    return document(label(graph, iri), body, here, head)


def resources(graph: Graph) -> list[URIRef]:
    return sorted({s for s in graph.subjects(RDF.type) if isinstance(s, URIRef) and str(s).startswith(str(RES))
                   and not str(s).startswith(str(RES) + "evidence/")})


def write_resource_pages(graph: Graph, site: Path, context: dict[str, str]) -> list[Page]:
    pages = []
    for iri in resources(graph):
        rel = page_path(iri)
        path = site / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        g = resource_graph(graph, iri)
        jsonld = publish.jsonld(g, context)
        path.with_suffix(".jsonld").write_text(jsonld, encoding="utf-8")
        path.with_suffix(".ttl").write_text(g.serialize(format="turtle"), encoding="utf-8")
        path.write_text(resource_page(graph, iri, rel, jsonld), encoding="utf-8")
        pages.append(Page(iri, rel))
    return pages


def query_results(graph: Graph, query: Path) -> tuple[list[str], list[list[str]]]:
    result = graph.query(query.read_text(encoding="utf-8"))
    return [str(v) for v in result.vars], [["" if v is None else label(graph, v) if isinstance(v, URIRef) else str(v)
                                            for v in row] for row in result]


def question(query: Path) -> str:
    return query.read_text(encoding="utf-8").splitlines()[0].removeprefix("# Question:").strip()


def queries_page(graph: Graph, queries: list[Path]) -> str:
    parts = []
    for q in queries:
        head, rows = query_results(graph, q)
        table = "<tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in head) + "</tr>" + "".join(
            "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows)
        parts.append(f'<h2 id="{q.stem}">{html.escape(question(q))}</h2>'
                     f"<details><summary>SPARQL ({q.name})</summary><pre>{html.escape(q.read_text(encoding='utf-8'))}</pre></details>"
                     f"<table>{table}</table><p class=types>{len(rows)} row(s)</p>")
    intro = ("<p>Each question a researcher might ask, the SPARQL query that answers it (in <code>queries/</code>), and its "
             "result on this publication. Run them on the local endpoint (<code>make serve</code>) or on the dumps.</p>"
             + QUERY_FORM)
    return document("Example queries", intro + "".join(parts), "queries.html")


def landing_page(graph: Graph, dist: Path, pages: list[Page], queries: list[Path], version: str) -> str:
    downloads = []
    sums = dict(reversed(line.split("  ", 1)) for line in (dist / "SHA256SUMS").read_text().splitlines())
    for name, digest in sorted(sums.items()):
        size = (dist / name).stat().st_size
        downloads.append(f'<tr><td><a href="../{name}">{name}</a></td><td>{size:,} bytes</td><td><code>{digest}</code></td></tr>')
    by_type: dict[str, list[Page]] = {}
    for page in pages:
        by_type.setdefault(page.path.split("/")[1], []).append(page)
    index = "".join(
        f"<h3>{html.escape(kind)} ({len(ps)})</h3><p>" + " · ".join(
            f'<a href="{p.path}">{html.escape(label(graph, p.iri))}</a>' for p in sorted(ps, key=lambda p: label(graph, p.iri).casefold())) + "</p>"
        for kind, ps in sorted(by_type.items()))
    qlist = "".join(f'<li><a href="queries.html#{q.stem}">{html.escape(question(q))}</a></li>' for q in queries)
    body = f"""
<p>Everything the article <em>Bulgur, N. (2023). "The Role of the Interaction between NGOs and Foreign Policy in
Turkey-Azerbaijan Relations". International Journal of Humanities and Social Science Invention 12(9), 182-190</em>
says, as Linked Data: organizations, states, persons, events, places, activities and the roles actors play in them,
issues, claims, the 36 references and every in-text citation. Every resource carries the verbatim passage of the
article it rests on. Version {html.escape(version)}; data under CC BY 4.0.</p>
<h2>Query it</h2><p>SPARQL 1.1 endpoint (read-only, started with <code>make serve</code>): <code>/query</code> on
the host serving this page (<code>http://127.0.0.1:8000/query</code> by default). Try it on the
<a href="queries.html">queries page</a>, which also shows the example queries with their results:</p><ul>{qlist}</ul>
<h2>Pictures</h2><p><a href="ontology-diagram.svg"><img src="ontology-diagram.svg" alt="Classes of the ontology and their alignments"></a></p>
<p><a href="actor-network.svg"><img src="actor-network.svg" alt="Actors, the activities they take part in and their roles"></a></p>
<h2>How to cite</h2><p>Cite the article and this dataset: <em>NGOs and foreign policy in Turkey–Azerbaijan relations:
Bulgur (2023) as Linked Data</em>, version {html.escape(version)}, {BASE}.</p>
<h2>Downloads</h2><table><tr><th>file</th><th>size</th><th>SHA-256</th></tr>{"".join(downloads)}</table>
<h2>Resources</h2>{index}
"""
    return document("NGOs and foreign policy in Turkey–Azerbaijan relations", body, "index.html")


def ontology_html(ontology: Path, path: Path) -> None:
    """The ontology documentation by pyLODE (OntPub profile), from the published (version-stamped) ontology."""
    import logging

    from pylode.profiles.ontpub import OntPub

    logging.getLogger().setLevel(logging.WARNING)  # pyLODE logs its progress at INFO and DEBUG
    OntPub(ontology=str(ontology)).make_html(destination=str(path))


def write(graph: Graph, dist: Path) -> Path:
    """Write dist/site/: landing page, queries page, ontology docs, pictures and one page per resource."""
    site = dist / "site"
    site.mkdir(parents=True, exist_ok=True)
    queries = sorted(QUERIES.glob("*.rq"))
    pages = write_resource_pages(graph, site, publish.context(graph))
    (site / "ontology-diagram.svg").write_text(pictures.ontology_diagram(graph), encoding="utf-8")
    (site / "actor-network.svg").write_text(pictures.actor_network(graph), encoding="utf-8")
    (site / "queries.html").write_text(queries_page(graph, queries), encoding="utf-8")
    version = str(graph.value(URIRef(BASE + "ontology"), OWL.versionInfo))
    (site / "index.html").write_text(landing_page(graph, dist, pages, queries, version), encoding="utf-8")
    ontology_html(dist / "ontology" / "ngo-fp-ontology.ttl", site / "ontology.html")
    return site
