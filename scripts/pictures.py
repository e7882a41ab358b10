"""Pictures as SVG, drawn from the graph: the ontology's classes with their alignments, and the actor
network (actors, the activities they take part in, their roles). Plain SVG, no layout engine needed."""
from __future__ import annotations

import csv
import io
from xml.sax.saxutils import escape

from rdflib import OWL, RDF, RDFS, Graph, URIRef

from .exports import table
from .paths import NFP

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


def actor_network(graph: Graph) -> str:
    """Actors (left) linked to the activities they take part in (right); the role labels the link."""
    rows = list(csv.DictReader(io.StringIO(table(graph, "participations"))))
    actors = sorted({(r["actor_label"], r["actor"]) for r in rows}, key=lambda t: t[0].casefold())
    activities = sorted({(r["activity_label"], r["activity"]) for r in rows}, key=lambda t: t[0].casefold())
    row_h = 22
    height = 60 + row_h * max(len(actors), len(activities), 1)
    ax, bx = 480, 1040
    ya = {iri: 60 + i * row_h * max(len(activities), 1) / max(len(actors), 1) for i, (_, iri) in enumerate(actors)}
    yb = {iri: 60 + i * row_h * max(len(actors), 1) / max(len(activities), 1) for i, (_, iri) in enumerate(activities)}
    body = [f'<text x="20" y="28" {FONT} font-size="16" font-weight="bold">Actor network: who takes part in which activity (link text: role)</text>']
    for r in rows:
        y1, y2 = ya[r["actor"]], yb[r["activity"]]
        body.append(f'<line x1="{ax}" y1="{y1:.1f}" x2="{bx}" y2="{y2:.1f}" stroke="#8a6" stroke-opacity="0.55"/>')
        if r["role_label"]:
            mx, my = ax + (bx - ax) * 0.78, y1 + (y2 - y1) * 0.78
            body.append(f'<text x="{mx:.1f}" y="{my:.1f}" {FONT} font-size="9" fill="#575" text-anchor="middle">{escape(r["role_label"])}</text>')
    for lbl, iri in actors:
        body.append(f'<circle cx="{ax}" cy="{ya[iri]:.1f}" r="4" fill="#4a78b5"/>')
        body.append(f'<text x="{ax - 8}" y="{ya[iri] + 4:.1f}" {FONT} font-size="11" text-anchor="end">{escape(lbl)}</text>')
    for lbl, iri in activities:
        body.append(f'<rect x="{bx}" y="{yb[iri] - 5:.1f}" width="9" height="9" fill="#c2702a"/>')
        body.append(f'<text x="{bx + 14}" y="{yb[iri] + 4:.1f}" {FONT} font-size="11">{escape(lbl)}</text>')
    return svg(1700, int(height) + 20, body, "Actor network of Bulgur (2023)")
