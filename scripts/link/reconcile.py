"""`make link`: reconcile with Wikidata, online, and write the findings for a person to review.

- Re-checks every recorded link (links/wikidata.csv) with the API's `wbgetentities` and reports stale ones:
  an item that now redirects to another (`redirected`; that is what a merge leaves behind), one merged into
  the item another of our resources links to (`merged-into-linked`: two of our resources now share one
  item), one that no longer exists (`deleted`), and one whose English label is no longer the recorded one
  (`label-changed`).
- Looks for candidates for linkable resources that have no link: searches the API by label, then keeps
  the hits whose label or alias equals one of the resource's names (the label check).
- Writes links/review.csv (not versioned): nothing is linked automatically; a person confirms a candidate
  by adding a row, with its evidence, to links/wikidata.csv.

Exit codes: 0 every recorded link is current (candidates may have been found), or the API cannot be
reached at all (it says so and keeps the records as they are); 1 the project's sources cannot be read;
2 stale links were found (see the review file); 3 the API answered, but not with a usable answer (an
HTTP error, an HTML page, text that is not JSON or not the expected JSON, no answer within --timeout).
Each failure is one line on stderr; the recorded links are never changed.
"""
from __future__ import annotations

import argparse
import csv
import http.client
import json
import socket
import sys
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDFS, Graph, URIRef

from ..paths import NFP
from .records import LINKS, QID, SKOS, rows

API = "https://www.wikidata.org/w/api.php"
USER_AGENT = "ngo-fp-reconcile/0.2 (https://w3id.org/ngo-fp/; linked data of an IR article)"
LINKABLE = (NFP.State, NFP.Place, NFP.Organization, NFP.Event, NFP.Person)
FIELDS = ["resource", "finding", "qid", "wikidata_label", "wikidata_description", "detail"]
STALE = ("redirected", "merged-into-linked", "deleted", "label-changed")
MAX_ANSWER = 20 * 1024 * 1024  # bytes; a longer answer is not a Wikidata API answer to our questions


class Offline(Exception):
    """Nothing answered: no route, no name resolution, connection refused."""


class BadAnswer(Exception):
    """Something answered, but not with a usable API answer."""


def one_line(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit] + "…"


@dataclass
class Client:
    api: str = API
    timeout: float = 20.0

    def get(self, **params: str) -> dict:
        url = self.api + "?" + urllib.parse.urlencode(sorted({**params, "format": "json"}.items()))
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                body = response.read(MAX_ANSWER + 1)
        except urllib.error.HTTPError as exc:  # (a redirect loop's reason spans lines)
            raise BadAnswer(f"HTTP {exc.code} {one_line(str(exc.reason), 200)}") from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, (TimeoutError, socket.timeout)):
                raise BadAnswer(f"no answer within {self.timeout:g} s") from None
            raise Offline(str(exc.reason)) from None
        except (TimeoutError, socket.timeout):
            raise BadAnswer(f"no answer within {self.timeout:g} s") from None
        except ConnectionRefusedError as exc:
            raise Offline(str(exc)) from None
        except (ConnectionError, http.client.HTTPException, OSError) as exc:
            raise BadAnswer(f"the connection broke off ({type(exc).__name__})") from None
        if len(body) > MAX_ANSWER:
            raise BadAnswer(f"an answer longer than {MAX_ANSWER // (1024 * 1024)} MiB")
        try:
            doc = json.loads(body)
        except ValueError:  # also UnicodeDecodeError
            shown = body[:200].decode("utf-8", "replace")
            raise BadAnswer(f"not JSON (it begins {one_line(shown)!r})") from None
        except RecursionError:
            raise BadAnswer("JSON nested too deep to read") from None
        if not isinstance(doc, dict):
            raise BadAnswer(f"JSON, but a {type(doc).__name__} rather than an object")
        if "error" in doc:
            error = doc["error"] if isinstance(doc["error"], dict) else {"info": str(doc["error"])}
            raise BadAnswer(f"API error {error.get('code', '?')}: {one_line(str(error.get('info', '')))}")
        return doc

    def entities(self, qids: list[str]) -> dict[str, dict]:
        found: dict[str, dict] = {}
        for i in range(0, len(qids), 50):
            doc = self.get(action="wbgetentities", ids="|".join(qids[i:i + 50]), props="labels|descriptions|aliases",
                           languages="en", redirects="yes")
            entities = doc.get("entities")
            if not isinstance(entities, dict) or not all(isinstance(e, dict) for e in entities.values()):
                raise BadAnswer("wbgetentities answered without an 'entities' object")
            found.update(entities)
        return found

    def search(self, text: str) -> list[dict]:
        hits = self.get(action="wbsearchentities", search=text, language="en", type="item", limit="7").get("search")
        if not isinstance(hits, list) or not all(isinstance(h, dict) and QID.match(str(h.get("id", ""))) for h in hits):
            raise BadAnswer(f"wbsearchentities for {text!r} answered without a list of items")
        return hits


def listed(value: object) -> list:
    """A list from the answer, or none: Wikibase writes an empty map as [], and a hit may carry null."""
    return value if isinstance(value, list) else []


def english(entity: dict, key: str) -> str:
    value = entity.get(key, {})
    value = value.get("en", {}) if isinstance(value, dict) else {}
    return str(value.get("value", "")) if isinstance(value, dict) else ""


def names(graph: Graph, resource: URIRef) -> set[str]:
    props = (RDFS.label, SKOS.prefLabel, SKOS.altLabel, NFP.acronym, NFP.nameInSource)
    return {str(o).casefold() for p in props for o in graph.objects(resource, p)}


def recheck(client: Client, graph: Graph, folder: Path) -> list[dict[str, str]]:
    """One finding per recorded link: ok, or one of STALE."""
    records = rows(folder / "wikidata.csv")
    linked_by_qid = {r.values["qid"]: r.values["resource"] for r in records}
    entities = client.entities(sorted(linked_by_qid, key=lambda q: int(q[1:])))
    findings = []
    for r in records:
        resource, qid, recorded = r.values["resource"], r.values["qid"], r.values.get("wikidata_label", "")
        entity = entities.get(qid)
        base = dict(resource=resource, qid=qid)
        if entity is None or "missing" in entity:
            findings.append(dict(base, finding="deleted", detail=f"{qid} no longer exists (deleted, or never existed)"))
            continue
        label, description = english(entity, "labels"), english(entity, "descriptions")
        seen = dict(base, wikidata_label=label, wikidata_description=description)
        target = entity.get("id", qid)
        if not isinstance(target, str) or not QID.fullmatch(target):
            raise BadAnswer(f"wbgetentities gave {qid} an id that is no Q-number: {one_line(repr(target), 60)}")
        if target != qid:
            other = linked_by_qid.get(target)
            if other and other != resource:
                findings.append(dict(seen, finding="merged-into-linked",
                                     detail=f"{qid} was merged into {target}, the item already linked to {other}"))
            else:
                findings.append(dict(seen, finding="redirected", detail=f"{qid} now redirects to {target} (merged)"))
            continue
        by_language = entity.get("aliases")
        aliases = {str(a.get("value", "")).casefold()
                   for a in listed(by_language.get("en") if isinstance(by_language, dict) else None) if isinstance(a, dict)}
        fits = (label.casefold() == recorded.casefold() if recorded
                else bool(({label.casefold()} | aliases) & names(graph, URIRef(resource))))
        findings.append(dict(seen, finding="ok" if fits else "label-changed",
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
            hit_names = {str(hit.get("label", "")).casefold()} | {str(a).casefold() for a in listed(hit.get("aliases"))}
            if hit_names & wanted:
                findings.append(dict(resource=str(resource), finding="candidate", qid=hit["id"],
                                     wikidata_label=hit.get("label", ""), wikidata_description=hit.get("description", ""),
                                     detail=f"searched {label!r}; label or alias equals a name of the resource"))
    return findings


def write_review(findings: list[dict[str, str]], out: Path) -> None:
    with out.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=FIELDS, lineterminator="\n", restval="")
        writer.writeheader()
        writer.writerows(sorted(findings, key=lambda d: (d["finding"], d["resource"], d["qid"])))


def main(argv: list[str] | None = None) -> int:
    from ..errors import BuildError
    from ..load import load_sources

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--api", default=API, help="Wikidata API endpoint (tests use a local replay server)")
    parser.add_argument("--links", type=Path, default=LINKS)
    parser.add_argument("--instances", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=None, help="review file (default: <links>/review.csv)")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds to wait for each answer (default 20)")
    args = parser.parse_args(argv)
    try:
        onto, data, _ = load_sources(instances=args.instances) if args.instances else load_sources()
        graph = onto + data
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    client = Client(args.api, args.timeout)
    recorded = len(rows(args.links / "wikidata.csv"))
    try:
        findings = recheck(client, graph, args.links) + propose(client, graph, args.links)
    except Offline as reason:
        print(f"offline: the Wikidata API ({args.api}) cannot be reached ({reason}); "
              f"the {recorded} recorded links in {args.links}/wikidata.csv are used as they are, nothing was re-checked.")
        return 0
    except BadAnswer as problem:
        print(f"error: the Wikidata API ({args.api}) gave no usable answer: {problem}; "
              f"the {recorded} recorded links are kept as they are, nothing was re-checked.", file=sys.stderr)
        return 3
    out = args.out or args.links / "review.csv"
    try:
        write_review(findings, out)
    except OSError as exc:
        print(f"error: cannot write the review file {out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    counts = {k: sum(1 for f in findings if f["finding"] == k) for k in ("ok", "candidate") + STALE}
    print(f"{counts['ok']} links confirmed, {counts['redirected']} redirected, {counts['merged-into-linked']} merged into "
          f"another linked item, {counts['deleted']} deleted, {counts['label-changed']} whose label no longer fits, "
          f"{counts['candidate']} candidates; written to {out} for review")
    return 2 if any(counts[k] for k in STALE) else 0


if __name__ == "__main__":
    sys.exit(main())
