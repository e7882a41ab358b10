"""Start and stop: `python -m scripts.serve` (what `make serve` runs), and `Server`, which runs it as a child
process for the tests and the benchmark."""
from __future__ import annotations

import argparse
import asyncio
import gc
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import uvicorn

from ..paths import DIST, ROOT
from . import store
from .app import create
from .limits import GuardedH11, Limits
from .pool import Pool

MiB = 2**20


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def options(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m scripts.serve", description=(
        "Serve dist/: the site, the dataset's IRIs and a read-only SPARQL endpoint on 127.0.0.1."),
        epilog="example: python -m scripts.serve --port 8000 --timeout-s 10")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--dist", type=Path, default=DIST)
    parser.add_argument("--timeout-s", type=float, default=10, help="query time limit (default 10 s)")
    parser.add_argument("--workers", type=int, default=max(2, os.cpu_count() or 2),
                        help="query worker processes (default: the number of cores, at least 2)")
    parser.add_argument("--max-answer-mb", type=float, default=64, help="largest answer sent (default 64 MiB; 507 above)")
    parser.add_argument("--spool-mb", type=float, default=1024,
                        help="large answers being sent at once, in total (default 1024 MiB; 503 above)")
    parser.add_argument("--cache-mb", type=float, default=32,
                        help="memory for repeated small answers (default 32 MiB; 0 turns the cache off)")
    parser.add_argument("--max-body-kb", type=float, default=1024, help="largest request body (default 1024 KiB; 413 above)")
    parser.add_argument("--memory-mb", type=float, default=1024, help="memory a worker may add for one query (default 1024 MiB)")
    parser.add_argument("--head-timeout-s", type=float, default=10, help="time for a request head to arrive (default 10 s)")
    parser.add_argument("--io-timeout-s", type=float, default=30,
                        help="time for a whole request body to arrive, and for each write of an answer to make "
                             "progress (default 30 s)")
    parser.add_argument("--min-rate-kb", type=float, default=64,
                        help="least average rate at which a client must read an answer, after the io timeout's "
                             "grace (default 64 KiB/s)")
    parser.add_argument("--max-connections", type=int, default=1024, help="open connections (default 1024)")
    parser.add_argument("--max-waiting", type=int, default=256, help="queries waiting for a worker (default 256; 503 above)")
    parser.add_argument("--backlog", type=int, default=2048, help="listen backlog (default 2048)")
    return parser.parse_args(argv)


def bind(port: int, backlog: int) -> socket.socket:
    # proto given explicitly: asyncio sets TCP_NODELAY only on sockets whose proto is IPPROTO_TCP, and without it
    # every answer sent as head + body waits ~40 ms for a delayed ACK (Nagle)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(("127.0.0.1", port))
    except OSError:
        sock.close()
        raise
    sock.listen(backlog)
    sock.set_inheritable(True)
    return sock


class Stop(Exception):
    """SIGTERM: stop like Ctrl-C (the workers are stopped and the temporary store removed)."""


def on_sigterm(*_: object) -> None:
    raise Stop()


FOLDER_PREFIX = "ngo-fp-serve-"


def remove_leftovers(parent: Path | None = None) -> list[Path]:
    """Remove the working folders (store copy, spool) of servers that ended without cleaning up (a SIGKILL):
    each folder is named after its server's process id, and a folder whose process is gone is removed. Returns
    the folders removed."""
    removed = []
    for folder in Path(parent or tempfile.gettempdir()).glob(f"{FOLDER_PREFIX}*-*"):
        pid = folder.name[len(FOLDER_PREFIX):].split("-", 1)[0]
        if not pid.isdigit() or folder.is_symlink() or not folder.is_dir() or folder.lstat().st_uid != os.getuid():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
        except PermissionError:  # another user's process
            pass
    return removed


def main(argv: list[str] | None = None) -> int:
    args = options(argv)
    dump = args.dist / "ngo-fp.nt"
    if not dump.exists():
        print(f"error: {dump} not found: run `make` first", file=sys.stderr)
        return 1
    try:
        sock = bind(args.port, args.backlog)
    except OSError as err:
        print(f"error: cannot listen on 127.0.0.1:{args.port} ({err.strerror}); "
              f"choose another port: make serve PORT={args.port + 1}", file=sys.stderr)
        return 1
    remove_leftovers()
    tmp = Path(tempfile.mkdtemp(prefix=f"{FOLDER_PREFIX}{os.getpid()}-"))
    signal.signal(signal.SIGTERM, on_sigterm)
    logging.basicConfig(format="%(message)s", level=logging.WARNING)
    try:
        inferred = store.build(dump, tmp / "store.nq", store.graphs(args.dist), store.named(args.dist))
        (tmp / "spool").mkdir()
        pool = Pool(args.workers, tmp / "store.nq", tmp / "spool", args.dist / "ontology" / "ngo-fp-shapes.ttl",
                    int(args.max_answer_mb * MiB), int(args.memory_mb * MiB), args.timeout_s, args.max_waiting)
        max_body = int(args.max_body_kb * 1024)
        app = Limits(create(pool, args.dist, max_body, int(args.spool_mb * MiB), int(args.cache_mb * MiB)), max_body,
                     args.io_timeout_s, args.io_timeout_s, args.min_rate_kb * 1024)
        GuardedH11.head_timeout, GuardedH11.max_connections = args.head_timeout_s, args.max_connections
        GuardedH11.for_bodies(max_body)
        config = uvicorn.Config(app, http=GuardedH11, lifespan="on", backlog=args.backlog, timeout_keep_alive=5,
                                server_header=False, access_log=False, log_level="warning", ws="none",  # no WebSocket upgrades
                                timeout_graceful_shutdown=5)
        server = uvicorn.Server(config)
        url = f"http://127.0.0.1:{args.port}"

        async def serve() -> None:
            task = asyncio.create_task(server.serve(sockets=[sock]))
            while not server.started and not task.done():
                await asyncio.sleep(0.05)
            if server.started:
                # what start-up made (modules, the app, the pool) lives as long as the server: keep it out of
                # the garbage collector's full passes, whose pauses would otherwise show in the slowest answers
                gc.freeze()
                print(f"site:     {url}/site/index.html\nendpoint: {url}/query  (read-only, {args.timeout_s:g} s limit, "
                      f"{inferred} inferred types)\nIRIs:     {url}/resource/...  Ctrl-C stops.", flush=True)
            await task

        asyncio.run(serve())
    except (KeyboardInterrupt, Stop):
        pass
    finally:
        sock.close()
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


class Server:
    """`python -m scripts.serve` as a child process on 127.0.0.1, stopped (SIGTERM) on exit; a context manager."""

    def __init__(self, dist: Path = DIST, port: int = 8000, timeout_s: float = 10, **limits: object) -> None:
        self.dist, self.port, self.timeout_s, self.limits = dist, port, timeout_s, limits
        self.proc: subprocess.Popen[str] | None = None
        self.log = tempfile.NamedTemporaryFile(prefix="ngo-fp-server-log-", suffix=".log", mode="w+")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        assert self.proc
        return self.proc.pid

    def __enter__(self) -> "Server":
        argv = [sys.executable, "-m", "scripts.serve", "--port", str(self.port), "--dist", str(self.dist),
                "--timeout-s", str(self.timeout_s)]
        for name, value in self.limits.items():
            argv += [f"--{name.replace('_', '-')}", str(value)]
        self.proc = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.PIPE, stderr=self.log, text=True)
        assert self.proc.stdout
        deadline = time.monotonic() + 120
        for line in self.proc.stdout:
            if line.startswith("endpoint:"):
                break
            if time.monotonic() > deadline:
                break
        if self.proc.poll() is not None or time.monotonic() > deadline:
            self.__exit__()
            self.log.seek(0)
            raise RuntimeError(f"the server did not start: {self.log.read().strip()}")
        return self

    def __exit__(self, *exc: object) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.proc and self.proc.stdout:
            self.proc.stdout.close()

