"""Validate an RO-Crate with roc-validator (CRS4's RO-Crate validator) offline, and print its JSON report.

Run by tests/test_rocrate.py with .venv-rocrate's Python (`make test` creates it from requirements-rocrate.txt):
    python validate_crate.py CRATE_FOLDER CONTEXT_FILE REPORT_JSON [validator options...]
The validator reads the crate's JSON-LD context, https://w3id.org/ro/crate/1.3/context, over HTTP through its own
cache (requests-cache). This machine has no network, so the cache is first given that one document: CONTEXT_FILE,
the copy of the context ResearchObject's rocrate library ships (`rocrate/data/ro-crate.jsonld`, the document the
URL serves: its "@id" is that URL, its version 1.3.0). The validator then runs with --offline on that cache; any
other remote document it wanted would be a cache miss and show in the report.
"""
from __future__ import annotations

import io
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import requests
import urllib3
from requests_cache import CachedSession

CONTEXT_URL = "https://w3id.org/ro/crate/1.3/context"


def seed(cache: Path, context: Path) -> None:
    """Store CONTEXT_URL's answer, the context file, in the requests-cache database `cache`."""
    body = context.read_bytes()
    assert json.loads(body)["@id"] == CONTEXT_URL, f"{context} is not the document of {CONTEXT_URL}"
    response = requests.Response()
    response.status_code, response.url, response.encoding, response._content = 200, CONTEXT_URL, "utf-8", body
    response.headers["Content-Type"] = "application/ld+json"
    response.raw = urllib3.HTTPResponse(body=io.BytesIO(body), headers={"Content-Type": "application/ld+json"},
                                        status=200, preload_content=False, request_url=CONTEXT_URL)
    response.request = requests.Request("GET", CONTEXT_URL).prepare()
    CachedSession(cache_name=str(cache), backend="sqlite", expire_after=-1).cache.save_response(response)


def main(crate: str, context: str, report: str, *options: str) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "http"
        seed(cache, Path(context))
        validator = Path(sys.executable).with_name("rocrate-validator")
        run = subprocess.run([str(validator), "-y", "--disable-color", "validate", "--offline", "--cache-path", str(cache),
                              "-f", "json", "-o", report, *options, crate], capture_output=True, text=True, timeout=300)
    if not Path(report).is_file():
        print(run.stdout[-3000:], run.stderr[-3000:], file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
