"""`make link` against a local HTTP server on 127.0.0.1 that replays Wikidata API answers (tests/links/)
or misbehaves on purpose; no test touches the network."""
from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from scripts.paths import ROOT
from scripts.serve import free_port

REPLAYS = Path(__file__).parent / "links"
BASE = Path(__file__).parent / "shapes" / "base.ttl"
HEADER = ["resource", "qid", "wikidata_label", "wikidata_description", "evidence_location", "evidence_text", "checked_on"]
R = "https://w3id.org/ngo-fp/resource/"


class Replay(BaseHTTPRequestHandler):
    requests: list[dict[str, str]] = []
    mode = "replay"

    def log_message(self, *args: object) -> None:
        pass

    def answer(self, status: int, body: bytes, content_type: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        params = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(self.path).query))
        Replay.requests.append(params)
        mode = Replay.mode
        if mode == "html":
            return self.answer(200, b"<!DOCTYPE html>\n<html><body><h1>Wikimedia Error</h1></body></html>", "text/html")
        if mode == "http503":
            return self.answer(503, b"<html><body>Our servers are currently under maintenance</body></html>", "text/html")
        if mode == "garbage":
            return self.answer(200, b"\xff\xfe\x00garbage\x80")
        if mode == "json-list":
            return self.answer(200, b"[1, 2, 3]")
        if mode == "api-error":
            return self.answer(200, json.dumps({"error": {"code": "maxlag", "info": "Waiting for a database server"}}).encode())
        if mode == "wrong-shape":
            return self.answer(200, json.dumps({"entities": ["Q43"]}).encode())
        if mode == "slow":
            time.sleep(3)
            return self.answer(200, b"{}")
        if mode == "hangup":
            self.close_connection = True
            self.connection.shutdown(2)
            return None
        if mode == "deep-json":
            return self.answer(200, b"[" * 100_000 + b"]" * 100_000)
        if mode == "redirect-loop":
            self.send_response(302)
            self.send_header("Location", self.path)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if mode == "id-list" and params.get("action") == "wbgetentities":
            return self.answer(200, json.dumps({"entities": {q: {"id": [q]} for q in params["ids"].split("|")}}).encode())
        if mode == "bad-search" and params.get("action") == "wbsearchentities":
            return self.answer(200, json.dumps({"search": {"id": "Q1"}}).encode())
        if params.get("action") == "wbgetentities":
            name = "wbgetentities-" + "-".join(sorted(params["ids"].split("|"), key=lambda q: int(q[1:]))) + ".json"
            empty = {"entities": {q: {"id": q, "missing": ""} for q in params["ids"].split("|")}}
        else:
            name = "wbsearchentities-" + params.get("search", "").casefold().replace(" ", "-") + ".json"
            empty = {"search": []}
        path = REPLAYS / name
        body = path.read_bytes() if path.exists() else json.dumps(empty).encode()
        if mode == "empty-as-list":  # Wikibase writes an empty map as [], and a search hit may carry null
            doc = json.loads(body)
            for entity in doc.get("entities", {}).values():
                entity["aliases"] = []
            for hit in doc.get("search", []):
                hit["aliases"] = None
            body = json.dumps(doc).encode()
        self.answer(200, body)


@pytest.fixture
def api():
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), Replay)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    Replay.requests = []
    Replay.mode = "replay"
    yield f"http://127.0.0.1:{server.server_address[1]}/w/api.php"
    server.shutdown()
    server.server_close()


def records(folder: Path, rows: list[tuple[str, str, str]]) -> None:
    with (folder / "wikidata.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        for resource, qid, label in rows:
            w.writerow([R + resource, qid, label, "", "https://example.org/test", "test", "2026-11-24"])


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, Path]:
    instances, links = tmp_path / "instances", tmp_path / "links"
    instances.mkdir()
    links.mkdir()
    shutil.copy(BASE, instances / "base.ttl")
    records(links, [("state/turkey", "Q43", "Turkey"), ("place/istanbul", "Q406", "Istanbul")])
    return instances, links


def reconcile(api: str, instances: Path, links: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "scripts.link.reconcile", "--api", api, "--links", str(links),
                           "--instances", str(instances), *extra], cwd=ROOT, capture_output=True, text=True, timeout=120)


def findings(links: Path) -> set[tuple[str, str, str]]:
    with (links / "review.csv").open(encoding="utf-8") as f:
        return {(r["resource"].rsplit("/resource/", 1)[1], r["finding"], r["qid"]) for r in csv.DictReader(f)}


def test_recheck_and_candidates(api: str, project: tuple[Path, Path]) -> None:
    instances, links = project
    result = reconcile(api, instances, links)
    assert result.returncode == 2, result.stderr  # a stale link (Turkey's label) was found
    assert findings(links) == {
        ("place/istanbul", "ok", "Q406"),
        ("state/turkey", "label-changed", "Q43"),            # recorded "Turkey", the API now says "Türkiye"
        ("person/sule-kut", "candidate", "Q999000001"),     # exact label; the "Kut" hit fails the label check
    }
    assert "1 links confirmed, 0 redirected, 0 merged into another linked item, 0 deleted, 1 whose label no longer fits, " \
           "1 candidates" in result.stdout
    searched = {r["search"] for r in Replay.requests if r.get("action") == "wbsearchentities"}
    assert "TURKSAM" in searched and "Turkey" not in searched  # linked resources are not searched again


def test_stale_links_redirect_merge_deletion_label(api: str, project: tuple[Path, Path]) -> None:
    instances, links = project
    records(links, [("state/turkey", "Q43", "Turkey"), ("place/istanbul", "Q406", "Istanbul"),
                    ("organization/turksam", "Q999000010", "TURKSAM"), ("person/sule-kut", "Q999000020", "Şule Kut"),
                    ("event/habitat-ii", "Q999000030", "Habitat II")])
    before = (links / "wikidata.csv").read_bytes()
    result = reconcile(api, instances, links)
    assert result.returncode == 2, result.stderr
    assert findings(links) == {
        ("place/istanbul", "ok", "Q406"),
        ("state/turkey", "label-changed", "Q43"),
        ("organization/turksam", "redirected", "Q999000010"),
        ("person/sule-kut", "deleted", "Q999000020"),
        ("event/habitat-ii", "merged-into-linked", "Q999000030"),
    }
    with (links / "review.csv").open(encoding="utf-8") as f:
        detail = {r["qid"]: r["detail"] for r in csv.DictReader(f)}
    assert detail["Q999000010"] == "Q999000010 now redirects to Q999000011 (merged)"
    assert detail["Q999000030"] == f"Q999000030 was merged into Q406, the item already linked to {R}place/istanbul"
    assert "1 links confirmed, 1 redirected, 1 merged into another linked item, 1 deleted, 1 whose label no longer fits" \
        in result.stdout
    assert (links / "wikidata.csv").read_bytes() == before  # nothing is changed automatically
    asked = [r for r in Replay.requests if r.get("action") == "wbgetentities"]
    assert len(asked) == 1 and asked[0]["redirects"] == "yes"


def test_all_current_exits_0(api: str, project: tuple[Path, Path]) -> None:
    instances, links = project
    records(links, [("place/istanbul", "Q406", "Istanbul")])
    result = reconcile(api, instances, links)
    assert result.returncode == 0, result.stderr
    assert ("place/istanbul", "ok", "Q406") in findings(links)


def test_candidate_by_alias_is_kept(api: str, project: tuple[Path, Path]) -> None:
    instances, links = project
    (instances / "extra.ttl").write_text(
        '@prefix nfp: <https://w3id.org/ngo-fp/ontology#> .\n@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n'
        '<https://w3id.org/ngo-fp/resource/organization/turksam> skos:altLabel "TÜRKSAM" .\n', encoding="utf-8")
    assert reconcile(api, instances, links).returncode == 2  # Turkey's label changed
    assert ("organization/turksam", "candidate", "Q999000003") in findings(links)


def test_offline_says_so_and_keeps_the_records(project: tuple[Path, Path]) -> None:
    instances, links = project
    closed = f"http://127.0.0.1:{free_port()}/w/api.php"  # nothing listens there
    result = reconcile(closed, instances, links)
    assert result.returncode == 0
    assert result.stdout.startswith("offline:")
    assert "2 recorded links" in result.stdout
    assert not (links / "review.csv").exists()


# Every way an answer can be unusable: one line on stderr naming the problem, exit 3, no traceback,
# no review file, the records untouched.
BAD = {
    "html": "not JSON (it begins '<!DOCTYPE html> <html><body><h1>Wikimedia Error</h1></body></html>')",
    "http503": "HTTP 503 Service Unavailable",
    "garbage": "not JSON",
    "json-list": "JSON, but a list rather than an object",
    "api-error": "API error maxlag: Waiting for a database server",
    "wrong-shape": "wbgetentities answered without an 'entities' object",
    "slow": "no answer within 1 s",
    "hangup": "the connection broke off",
    "deep-json": "JSON nested too deep to read",
    "redirect-loop": "HTTP 302 The HTTP server returned a redirect error that would lead to an infinite loop.",
    "id-list": "an id that is no Q-number",
}


@pytest.mark.parametrize("mode", sorted(BAD))
def test_unusable_answer_is_one_line_and_exit_3(api: str, project: tuple[Path, Path], mode: str) -> None:
    instances, links = project
    Replay.mode = mode
    before = (links / "wikidata.csv").read_bytes()
    result = reconcile(api, instances, links, "--timeout", "1")
    assert result.returncode == 3, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert lines[0].startswith(f"error: the Wikidata API ({api}) gave no usable answer: ")
    assert BAD[mode] in lines[0]
    assert "the 2 recorded links are kept as they are" in lines[0]
    assert not (links / "review.csv").exists()
    assert (links / "wikidata.csv").read_bytes() == before


def test_every_bad_answer_case_is_exercised() -> None:
    assert len(BAD) == 11


def test_empty_maps_written_as_lists_are_no_aliases(api: str, project: tuple[Path, Path]) -> None:
    """`"aliases": []` on an entity and `"aliases": null` on a search hit were tracebacks (exit 1)."""
    instances, links = project
    Replay.mode = "replay"
    plain = reconcile(api, instances, links)
    Replay.mode = "empty-as-list"
    result = reconcile(api, instances, links)
    assert "Traceback" not in result.stderr and result.returncode in (0, 2), result.stderr
    assert result.returncode == plain.returncode


def test_search_answer_of_the_wrong_shape(api: str, project: tuple[Path, Path]) -> None:
    """wbgetentities answers well, wbsearchentities does not: still one line and exit 3."""
    instances, links = project
    Replay.mode = "bad-search"
    result = reconcile(api, instances, links)
    assert result.returncode == 3, result.stderr
    assert "wbsearchentities for " in result.stderr and "answered without a list of items" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
