"""`make serve`: a read-only SPARQL 1.1 endpoint (Oxigraph's server) over the built graph, with the static
site beside it on the same origin.

http://127.0.0.1:PORT/            the site (dist/site/) and the downloads (dist/)
http://127.0.0.1:PORT/query       the SPARQL endpoint (GET or POST, SPARQL 1.1 Protocol), proxied to Oxigraph
http://127.0.0.1:PORT/update      refused (Oxigraph runs read-only and answers 403)
"""
from __future__ import annotations

import argparse
import functools
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .paths import DIST

OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
PROXIED = ("/query", "/update", "/store")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def load_store(dump: Path, store: Path) -> None:
    subprocess.run([OXIGRAPH, "load", "--location", str(store), "--file", str(dump)], check=True,
                   capture_output=True, text=True)


def start_oxigraph(store: Path, port: int, timeout_s: int) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen([OXIGRAPH, "serve-read-only", "--location", str(store), "--bind", f"127.0.0.1:{port}",
                             "--timeout-s", str(timeout_s)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return proc
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError("oxigraph serve-read-only exited at start")
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("oxigraph did not start within 30 s")


class Handler(SimpleHTTPRequestHandler):
    """Static files from dist/, SPARQL requests forwarded to Oxigraph."""

    endpoint = ""

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def forward(self, method: str) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {k: v for k, v in self.headers.items() if k.lower() in ("accept", "content-type")}
        request = urllib.request.Request(self.endpoint + self.path, data=body, headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                status, payload, ctype = response.status, response.read(), response.headers.get("Content-Type", "")
        except urllib.error.HTTPError as err:
            status, payload, ctype = err.code, err.read(), err.headers.get("Content-Type", "text/plain")
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def do_GET(self) -> None:
        if self.path.startswith(PROXIED):
            self.forward("GET")
        elif self.path in ("/", "/index.html"):
            self.send_response(302)
            self.send_header("Location", "/site/index.html")
            self.end_headers()
        else:
            super().do_GET()

    def do_POST(self) -> None:
        if self.path.startswith(PROXIED):
            self.forward("POST")
        else:
            self.send_error(405, "only SPARQL requests are accepted by POST")


class Server:
    """The endpoint and the site, started together and stopped together (usable as a context manager)."""

    def __init__(self, dist: Path = DIST, port: int = 8000, timeout_s: int = 10) -> None:
        self.dist, self.port, self.timeout_s = dist, port, timeout_s
        self.tmp = Path(tempfile.mkdtemp(prefix="ngo-fp-store-"))
        self.oxigraph: subprocess.Popen[bytes] | None = None
        self.http: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> "Server":
        load_store(self.dist / "ngo-fp.nt", self.tmp / "store")
        sparql_port = free_port()
        self.oxigraph = start_oxigraph(self.tmp / "store", sparql_port, self.timeout_s)
        handler = functools.partial(type("H", (Handler,), {"endpoint": f"http://127.0.0.1:{sparql_port}"}),
                                    directory=str(self.dist))
        self.http = ThreadingHTTPServer(("127.0.0.1", self.port), handler)
        import threading
        threading.Thread(target=self.http.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.http:
            self.http.shutdown()
            self.http.server_close()
        if self.oxigraph:
            self.oxigraph.terminate()
            self.oxigraph.wait(timeout=10)
        shutil.rmtree(self.tmp, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--timeout-s", type=int, default=10, help="query time limit in seconds")
    parser.add_argument("--dist", type=Path, default=DIST)
    args = parser.parse_args(argv)
    if not (args.dist / "ngo-fp.nt").exists():
        print(f"error: {args.dist}/ngo-fp.nt not found: run `make` first", file=sys.stderr)
        return 1
    with Server(args.dist, args.port, args.timeout_s) as server:
        print(f"site:     {server.url}/site/index.html\nendpoint: {server.url}/query  (read-only, "
              f"{args.timeout_s} s limit)\nCtrl-C stops both.", flush=True)
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        try:
            signal.pause()
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
