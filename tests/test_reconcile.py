"""`make link` against a local HTTP server on 127.0.0.1 that replays Wikidata API answers (tests/links/);
no test touches the network."""
from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from scripts.paths import ROOT
from scripts.serve import free_port

REPLAYS = Path(__file__).parent / "links"
BASE = Path(__file__).parent / "shapes" / "base.ttl"


class Replay(BaseHTTPRequestHandler):
    requests: list[dict[str, str]] = []

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        params = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(self.path).query))
        Replay.requests.append(params)
        if params.get("action") == "wbgetentities":
            name = "wbgetentities-" + "-".join(sorted(params["ids"].split("|"), key=lambda q: int(q[1:]))) + ".json"
            empty = {"entities": {q: {"id": q, "missing": ""} for q in params["ids"].split("|")}}
        else:
            name = "wbsearchentities-" + params.get("search", "").casefold().replace(" ", "-") + ".json"
            empty = {"search": []}
        path = REPLAYS / name
        body = path.read_bytes() if path.exists() else json.dumps(empty).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def api():
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), Replay)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    Replay.requests = []
    yield f"http://127.0.0.1:{server.server_address[1]}/w/api.php"
    server.shutdown()
    server.server_close()


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, Path]:
    instances, links = tmp_path / "instances", tmp_path / "links"
    instances.mkdir()
    links.mkdir()
    shutil.copy(BASE, instances / "base.ttl")
    with (links / "wikidata.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["resource", "qid", "wikidata_label", "wikidata_description", "evidence_location", "evidence_text", "checked_on"])
        w.writerow(["https://w3id.org/ngo-fp/resource/state/turkey", "Q43", "Turkey", "", "test", "test", "2026-11-24"])
        w.writerow(["https://w3id.org/ngo-fp/resource/place/istanbul", "Q406", "Istanbul", "", "test", "test", "2026-11-24"])
    return instances, links


def reconcile(api: str, instances: Path, links: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "scripts.reconcile", "--api", api, "--links", str(links),
                           "--instances", str(instances)], cwd=ROOT, capture_output=True, text=True, timeout=120)


def findings(links: Path) -> set[tuple[str, str, str]]:
    with (links / "review.csv").open(encoding="utf-8") as f:
        return {(r["resource"].rsplit("/resource/", 1)[1], r["finding"], r["qid"]) for r in csv.DictReader(f)}


def test_recheck_and_candidates(api: str, project: tuple[Path, Path]) -> None:
    instances, links = project
    result = reconcile(api, instances, links)
    assert result.returncode == 0, result.stderr
    assert findings(links) == {
        ("place/istanbul", "ok", "Q406"),
        ("state/turkey", "label-changed", "Q43"),            # recorded "Turkey", the API now says "Türkiye"
        ("person/sule-kut", "candidate", "Q999000001"),     # exact label; the "Kut" hit fails the label check
    }
    assert "1 links confirmed, 1 whose label no longer fits, 0 missing items, 1 candidates" in result.stdout
    searched = {r["search"] for r in Replay.requests if r.get("action") == "wbsearchentities"}
    assert "TURKSAM" in searched and "Turkey" not in searched  # linked resources are not searched again


def test_candidate_by_alias_is_kept(api: str, project: tuple[Path, Path]) -> None:
    instances, links = project
    (instances / "extra.ttl").write_text(
        '@prefix nfp: <https://w3id.org/ngo-fp/ontology#> .\n@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n'
        '<https://w3id.org/ngo-fp/resource/organization/turksam> skos:altLabel "TÜRKSAM" .\n', encoding="utf-8")
    assert reconcile(api, instances, links).returncode == 0
    assert ("organization/turksam", "candidate", "Q999000003") in findings(links)


def test_offline_says_so_and_keeps_the_records(project: tuple[Path, Path]) -> None:
    instances, links = project
    closed = f"http://127.0.0.1:{free_port()}/w/api.php"  # nothing listens there
    result = reconcile(closed, instances, links)
    assert result.returncode == 0
    assert result.stdout.startswith("offline:")
    assert "2 recorded links" in result.stdout
    assert not (links / "review.csv").exists()
