"""Pictures drawn from the graph: the data of the timeline (vis-timeline) and of the actor network
(Cytoscape.js), written as `assets/data/pictures.js` for the pages to draw in the browser, and the ontology's
classes with their alignments as a plain SVG."""
from __future__ import annotations

import json
from collections import Counter
from xml.sax.saxutils import escape

from rdflib import OWL, RDF, RDFS, Graph, URIRef

from ...paths import NFP, RES
from .model import Model

FONT = 'font-family="system-ui,sans-serif"'


def short(graph: Graph, iri: URIRef) -> str:
    try:
        return graph.namespace_manager.normalizeUri(iri)
    except Exception:
        return str(iri)


def svg(width: int, height: int, body: list[str], title: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">\n'
            f'<title>{escape(title)}</title>\n<rect width="100%" height="100%" fill="white"/>\n' + "\n".join(body) + "\n</svg>\n")


def ontology_diagram(graph: Graph) -> str:
    """Our classes as a forest (one column per root class), each box listing its external superclasses."""
    classes = sorted(c for c in graph.subjects(RDF.type, OWL.Class) if str(c).startswith(str(NFP)))
    parents = {c: sorted(p for p in graph.objects(c, RDFS.subClassOf) if p in classes) for c in classes}
    external = {c: sorted(short(graph, p) for p in graph.objects(c, RDFS.subClassOf) if p not in classes) for c in classes}
    roots = [c for c in classes if not parents[c]]
    children: dict[URIRef, list[URIRef]] = {c: [] for c in classes}
    for c, ps in parents.items():
        if ps:
            children[ps[0]].append(c)
    columns: list[list[tuple[int, URIRef]]] = []
    for root in roots:
        column: list[tuple[int, URIRef]] = []

        def walk(node: URIRef, depth: int) -> None:
            column.append((depth, node))
            for child in sorted(children[node]):
                walk(child, depth + 1)
        walk(root, 0)
        columns.append(column)
    columns.sort(key=len, reverse=True)
    col_w, row_h, per_col = 360, 40, 16
    placed: list[tuple[int, int, int, URIRef]] = []  # x, y, depth, class
    x, y = 20, 50
    for column in columns:
        if y + len(column) * row_h > 50 + per_col * row_h and y > 50:
            x, y = x + col_w, 50
        for depth, cls in column:
            placed.append((x, y, depth, cls))
            y += row_h
        y += 12
    body = [f'<text x="20" y="28" {FONT} font-size="16" font-weight="bold">nfp: classes (indented: subclasses) and, in grey, the standard classes each specializes</text>']
    for px, py, depth, cls in placed:
        bx = px + depth * 14
        body.append(f'<rect x="{bx}" y="{py}" width="{col_w - 30 - depth * 14}" height="{row_h - 6}" rx="5" fill="#eef5ff" stroke="#4a78b5"/>')
        body.append(f'<text x="{bx + 6}" y="{py + 15}" {FONT} font-size="12" font-weight="bold">{escape(short(graph, cls))}</text>')
        ext = ", ".join(external[cls])
        body.append(f'<text x="{bx + 6}" y="{py + 29}" {FONT} font-size="10" fill="#666">{escape(("⊑ " + ext) if ext else "")}</text>')
    px0 = max(px for px, _, _, _ in placed) + col_w + 20
    properties = sorted(p for p in graph.subjects(RDF.type, OWL.ObjectProperty) if str(p).startswith(str(NFP)))
    body.append(f'<text x="{px0}" y="64" {FONT} font-size="13" font-weight="bold">object properties: domain → property → range (⊑ standard property)</text>')
    py = 84
    for prop in properties:
        domain = ", ".join(short(graph, d) for d in sorted(graph.objects(prop, RDFS.domain))) or "·"
        rng = ", ".join(short(graph, r) for r in sorted(graph.objects(prop, RDFS.range))) or "·"
        sup = ", ".join(short(graph, s) for s in sorted(graph.objects(prop, RDFS.subPropertyOf)))
        body.append(f'<text x="{px0}" y="{py}" {FONT} font-size="11">{escape(domain)} → '
                    f'<tspan font-weight="bold" fill="#2a5d9f">{escape(short(graph, prop))}</tspan> → {escape(rng)}'
                    f'<tspan fill="#888">{escape("  ⊑ " + sup if sup else "")}</tspan></text>')
        py += 17
    width = px0 + 560
    height = max(max(y for _, y, _, _ in placed) + row_h, py) + 30
    return svg(width, height, body, "Classes and properties of the NGO–Foreign Policy ontology")




def _date(value: object) -> str | None:
    """An ISO date for the timeline from xsd:date, xsd:gYearMonth or xsd:gYear; None if unreadable."""
    text = str(value)
    parts = text.split("-")
    if len(parts[0]) == 4 and parts[0].isdigit():
        return "-".join((parts + ["01", "01"])[:3])
    return None


def timeline(model: Model) -> list[dict[str, object]]:
    """Every resource with a start date: a point, or a range when it also has an end date."""
    items = []
    for iri in model.pages():
        start = model.first(iri, NFP.startDate)
        if start is None or _date(start) is None:
            continue
        end = model.first(iri, NFP.endDate)
        if end is not None and str(end) == str(start):  # one day or one year: a point, not an empty range
            end = None
        item: dict[str, object] = {"id": model.page_path(iri), "content": model.label(iri), "start": _date(start),
                                   "group": str(iri)[len(str(RES)):].split("/")[0],
                                   "when": f"{start}{'–' + str(end) if end is not None else ''}",
                                   "title": f"{model.label(iri)} ({start}{'–' + str(end) if end is not None else ''})"}
        if end is not None and _date(end):
            item["end"] = _date(end)
            item["type"] = "range"
        else:
            item["type"] = "point"
        items.append(item)
    return sorted(items, key=lambda i: (str(i["start"]), str(i["id"])))


def network(model: Model) -> dict[str, list[dict[str, object]]]:
    """Actors and the activities or events they take part in; each edge is one participation, with its roles."""
    nodes: dict[str, dict[str, object]] = {}
    edges = []
    for participation in sorted(model.graph.subjects(NFP.participant, None)):
        actor = model.first(participation, NFP.participant)
        for activity in model.subjects(NFP.participation, participation):
            for node, side in ((actor, "actor"), (activity, "activity")):
                key = model.page_path(node)
                if key not in nodes:
                    # every kind the node has: with only the first, the research centres that are also NGOs could
                    # not be found by the filter's "Research centre", which it did not offer
                    kinds = sorted({model.label(t) for t in model.types(node)}) or [side]
                    nodes[key] = {"id": key, "label": model.label(node), "side": side, "kinds": kinds}
            roles = sorted(model.label(r) for r in model.objects(participation, NFP.role))
            edges.append({"id": model.page_path(participation), "source": model.page_path(actor),
                          "target": model.page_path(activity), "label": ", ".join(roles), "roles": roles})
    return {"nodes": sorted(nodes.values(), key=lambda n: str(n["id"])), "edges": edges}


def script(model: Model) -> str:
    data = {"timeline": timeline(model), "network": network(model)}
    return "window.NFP_PICTURES = " + json.dumps(data, ensure_ascii=False, sort_keys=True, indent=0) + ";\n"


def network_context(model: Model) -> dict[str, object]:
    net = network(model)
    kinds = Counter(str(k) for n in net["nodes"] if n["side"] == "actor" for k in n["kinds"])  # type: ignore[attr-defined]
    roles = Counter(r for e in net["edges"] for r in e["roles"])  # type: ignore[attr-defined]
    labels = {n["id"]: str(n["label"]) for n in net["nodes"]}
    # the same participations as a table, for readers who cannot use the drawing (a keyboard, a screen reader)
    rows = sorted(({"actor": labels[e["source"]], "actor_href": e["source"], "roles": e["label"],
                    "activity": labels[e["target"]], "activity_href": e["target"]} for e in net["edges"]),
                  key=lambda r: (str(r["actor"]).casefold(), str(r["activity"]).casefold(), str(r["roles"])))
    return {"actor_kinds": sorted(kinds.items()), "roles": sorted(roles.items()),
            "nodes": len(net["nodes"]), "edges": len(net["edges"]), "rows": rows}


def timeline_context(model: Model) -> dict[str, object]:
    items = timeline(model)
    undated = sum(1 for iri in model.pages() if str(iri).startswith((str(RES) + "event/", str(RES) + "period/"))
                  and model.first(iri, NFP.startDate) is None)
    return {"items": items, "undated": undated}
