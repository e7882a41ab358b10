"""`make link`: reconcile with Wikidata, online, and write the findings for a person to review.

- Re-checks every recorded link (links/wikidata.csv): asks the API for the item's English label and
  description and reports a link whose label no longer fits the recorded one (or the resource's names).
- Looks for candidates for linkable resources that have no link: searches the API by label, then keeps
  the hits whose label or alias equals one of the resource's names (the label check).
- Writes links/review.csv (not versioned): nothing is linked automatically; a person confirms a candidate
  by adding a row, with its evidence, to links/wikidata.csv.

Offline (the API cannot be reached) it says so, keeps the recorded links as they are, and exits 0.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDFS, Graph, URIRef

from .links import LINKS, SKOS, rows
from .paths import NFP

API = "https://www.wikidata.org/w/api.php"
USER_AGENT = "ngo-fp-reconcile/0.1 (https://w3id.org/ngo-fp/; linked data of an IR article)"
LINKABLE = (NFP.State, NFP.Place, NFP.Organization, NFP.Event, NFP.Person)
FIELDS = ["resource", "finding", "qid", "wikidata_label", "wikidata_description", "detail"]


class Offline(Exception):
    pass


@dataclass
class Client:
    api: str = API
    timeout: float = 20.0

    def get(self, **params: str) -> dict:
        url = self.api + "?" + urllib.parse.urlencode(sorted({**params, "format": "json"}.items()))
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return json.loads(response.read())
        except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
            raise Offline(str(getattr(exc, "reason", exc))) from None

    def entities(self, qids: list[str]) -> dict[str, dict]:
        found: dict[str, dict] = {}
        for i in range(0, len(qids), 50):
            doc = self.get(action="wbgetentities", ids="|".join(qids[i:i + 50]), props="labels|descriptions|aliases",
                           languages="en")
            found.update(doc.get("entities", {}))
        return found

    def search(self, text: str) -> list[dict]:
        return self.get(action="wbsearchentities", search=text, language="en", type="item", limit="7").get("search", [])


def english(entity: dict, key: str) -> str:
    return entity.get(key, {}).get("en", {}).get("value", "")


def names(graph: Graph, resource: URIRef) -> set[str]:
    props = (RDFS.label, SKOS.prefLabel, SKOS.altLabel, NFP.acronym, NFP.nameInSource)
    return {str(o).casefold() for p in props for o in graph.objects(resource, p)}


def recheck(client: Client, graph: Graph, folder: Path) -> list[dict[str, str]]:
    records = rows(folder / "wikidata.csv")
    entities = client.entities(sorted({r.values["qid"] for r in records}))
    findings = []
    for r in records:
        resource, qid, recorded = r.values["resource"], r.values["qid"], r.values.get("wikidata_label", "")
        entity = entities.get(qid, {})
        if not entity or "missing" in entity:
            findings.append(dict(resource=resource, finding="item-missing", qid=qid, detail="the API knows no such item"))
            continue
        label, description = english(entity, "labels"), english(entity, "descriptions")
        aliases = {a["value"].casefold() for a in entity.get("aliases", {}).get("en", [])}
        fits = label.casefold() == recorded.casefold() if recorded else bool(({label.casefold()} | aliases) & names(graph, URIRef(resource)))
        findings.append(dict(resource=resource, finding="ok" if fits else "label-changed", qid=qid, wikidata_label=label,
                             wikidata_description=description,
                             detail="" if fits else f"recorded label {recorded!r}; now {label!r}"))
    return findings


def propose(client: Client, graph: Graph, folder: Path) -> list[dict[str, str]]:
    linked = {r.values["resource"] for r in rows(folder / "wikidata.csv")}
    findings = []
    linkable = set()
    for cls in LINKABLE:  # instances of the class and of its subclasses (the graph holds the ontology too)
        linkable |= {row[0] for row in graph.query("SELECT ?s WHERE { ?s a/rdfs:subClassOf* ?c }",
                                                   initBindings={"c": cls}, initNs={"rdfs": RDFS})}
    for resource in sorted(r for r in linkable if isinstance(r, URIRef)):
        if str(resource) in linked:
            continue
        label = str(graph.value(resource, RDFS.label) or "")
        wanted = names(graph, resource)
        for hit in client.search(label) if label else []:
            hit_names = {str(hit.get("label", "")).casefold()} | {a.casefold() for a in hit.get("aliases", [])}
            if hit_names & wanted:
                findings.append(dict(resource=str(resource), finding="candidate", qid=hit["id"],
                                     wikidata_label=hit.get("label", ""), wikidata_description=hit.get("description", ""),
                                     detail=f"searched {label!r}; label or alias equals a name of the resource"))
    return findings


def main(argv: list[str] | None = None) -> int:
    from .errors import BuildError
    from .load import load_sources

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--api", default=API, help="Wikidata API endpoint (tests use a local replay server)")
    parser.add_argument("--links", type=Path, default=LINKS)
    parser.add_argument("--instances", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=None, help="review file (default: <links>/review.csv)")
    args = parser.parse_args(argv)
    try:
        onto, data, _ = load_sources(instances=args.instances) if args.instances else load_sources()
        graph = onto + data
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    client = Client(args.api)
    try:
        findings = recheck(client, graph, args.links) + propose(client, graph, args.links)
    except Offline as reason:
        recorded = len(rows(args.links / "wikidata.csv"))
        print(f"offline: the Wikidata API ({args.api}) cannot be reached ({reason}); "
              f"the {recorded} recorded links in {args.links}/wikidata.csv are used as they are, nothing was re-checked.")
        return 0
    out = args.out or args.links / "review.csv"
    with out.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(sorted(findings, key=lambda d: (d["finding"], d["resource"], d["qid"])))
    counts = {k: sum(1 for f in findings if f["finding"] == k) for k in ("ok", "label-changed", "item-missing", "candidate")}
    print(f"{counts['ok']} links confirmed, {counts['label-changed']} whose label no longer fits, "
          f"{counts['item-missing']} missing items, {counts['candidate']} candidates; written to {out} for review")
    return 0


if __name__ == "__main__":
    sys.exit(main())
