"""The pool of query workers (see worker.py) and the time limit.

A request waits for an idle worker, then the worker answers within what is left of the time limit. If it
does not, the worker process is killed (the query really stops, whatever it was doing), a fresh worker takes
its place, and the client gets 503 with a SPARQL-style error text. Other requests are served meanwhile by
the other workers. At most `max_waiting` requests wait for a worker; more are answered 503 at once.
"""
from __future__ import annotations

import asyncio
import json
import logging
import os
import shutil
import signal
import sys
import time
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger("ngo-fp.serve")
MAX_WAITING_BYTES = 64 * 2**20  # the query texts waiting for a worker, in total, as Python holds them (sys.getsizeof)
GRACE_S = 1.0  # a query whose client went away may finish within this, and its worker is kept (a restart costs 1.3 s of CPU)


@dataclass
class Reply:
    status: int
    media: str
    body: bytes = b""
    file: Path | None = None
    size: int = 0
    digest: str = ""  # SHA-256 of the bytes, hex, as the worker wrote them (worker.Spool)


def text(status: int, message: str) -> Reply:
    body = (message.rstrip() + "\n").encode("utf-8")
    return Reply(status, "text/plain; charset=utf-8", body, size=len(body))


class Worker:
    def __init__(self, proc: asyncio.subprocess.Process) -> None:
        self.proc = proc

    async def ask(self, request: dict) -> Reply:
        assert self.proc.stdin and self.proc.stdout
        self.proc.stdin.write(json.dumps(request).encode("utf-8") + b"\n")
        await self.proc.stdin.drain()
        line = await self.proc.stdout.readline()
        if not line:
            raise EOFError("worker ended")
        head = json.loads(line)
        if head["file"]:  # out of the worker's folder (spool/<pid>/), which goes when the worker is replaced
            written = Path(head["file"])
            kept = written.parent.parent / written.name
            os.rename(written, kept)
            return Reply(head["status"], head["type"], file=kept, size=head["size"], digest=head["digest"])
        body = await self.proc.stdout.readexactly(head["size"])
        return Reply(head["status"], head["type"], body, size=head["size"], digest=head["digest"])

    def kill(self) -> None:
        if self.proc.returncode is None:
            self.proc.kill()


class Pool:
    def __init__(self, size: int, store: Path, spool: Path, shapes: Path, max_answer: int, memory: int,
                 time_limit: float, max_waiting: int, max_waiting_bytes: int = MAX_WAITING_BYTES) -> None:
        self.size, self.time_limit, self.max_waiting = size, time_limit, max_waiting
        self.max_waiting_bytes, self.waiting_bytes = max_waiting_bytes, 0
        self.spool = spool
        self.args = [str(store), str(spool), str(shapes), str(max_answer), str(memory)]
        self.idle: asyncio.Queue[Worker] = asyncio.Queue()
        self.everyone: set[Worker] = set()
        self.waiting = 0
        self.closing = False
        self.warned_online = False

    async def spawn(self) -> Worker:
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "scripts.serve.worker", *self.args,
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.DEVNULL,
            limit=2**20)
        worker = Worker(proc)
        self.everyone.add(worker)
        assert proc.stdout
        ready = await asyncio.wait_for(proc.stdout.readline(), 60)
        if ready not in (b"ready\n", b"ready offline\n"):
            worker.kill()
            raise RuntimeError("a query worker failed to start")
        if ready == b"ready\n" and not self.warned_online:
            self.warned_online = True
            log.warning("query workers could not be taken off the network (no user namespaces here): "
                        "SERVICE is still refused by parsing each query")
        return worker

    async def start(self) -> None:
        for worker in await asyncio.gather(*(self.spawn() for _ in range(self.size))):
            self.idle.put_nowait(worker)

    async def replace(self, worker: Worker) -> None:
        worker.kill()
        await worker.proc.wait()
        shutil.rmtree(self.spool / str(worker.proc.pid), ignore_errors=True)  # the answer it was writing
        self.everyone.discard(worker)
        if not self.closing:
            try:
                self.idle.put_nowait(await self.spawn())
            except Exception as err:  # noqa: BLE001 - keep serving with fewer workers, and say so
                log.error("could not restart a query worker: %s", err)

    async def run(self, request: dict) -> Reply:
        deadline = time.monotonic() + self.time_limit
        # the texts waiting are bounded in bytes too: 256 queries of 1 MiB, each held as a str of up to 4 bytes a
        # character, were 1 GiB and more of the server's memory for 256 MiB sent
        size = sys.getsizeof(request.get("query", ""))
        if self.waiting >= self.max_waiting or (self.waiting and self.waiting_bytes + size > self.max_waiting_bytes):
            return text(503, "Server busy: too many queries are waiting. Try again shortly.")
        self.waiting += 1
        self.waiting_bytes += size
        # a worker handed over as the request is cancelled (its client went away) goes back, never lost
        getting = asyncio.ensure_future(self.idle.get())
        try:
            await asyncio.wait((getting,), timeout=self.time_limit)
        except asyncio.CancelledError:
            if getting.done() and not getting.cancelled():
                self.idle.put_nowait(getting.result())
            getting.cancel()
            raise
        finally:
            self.waiting -= 1
            self.waiting_bytes -= size
        if not getting.done():
            getting.cancel()
            return text(503, f"Server busy: no query worker was free within the time limit of "
                             f"{self.time_limit:g} s. Try again shortly.")
        worker = getting.result()
        asking = asyncio.ensure_future(worker.ask(request))
        try:
            await asyncio.wait((asking,), timeout=max(deadline - time.monotonic(), 0.001))
        except asyncio.CancelledError:  # the client went away mid-query (app.py, Endpoint.answer)
            asyncio.ensure_future(self.settle(worker, asking, min(GRACE_S, max(deadline - time.monotonic(), 0))))
            raise
        if not asking.done():
            asking.cancel()
            log.warning("query stopped after %.1f s (time limit)", self.time_limit)
            asyncio.ensure_future(self.replace(worker))
            return text(503, f"Query timed out: it ran longer than the time limit of {self.time_limit:g} s "
                             "and was stopped.")
        try:
            reply = asking.result()
        except (EOFError, asyncio.IncompleteReadError, ConnectionError, json.JSONDecodeError):
            code: int | None = None
            try:  # the pipe closed: the process is ending, and its exit status tells why
                code = await asyncio.wait_for(worker.proc.wait(), 1)
            except asyncio.TimeoutError:
                pass
            finally:  # replaced even if the client leaves during the wait (else the pool would shrink for good)
                asyncio.ensure_future(self.replace(worker))
            if code is not None and code < 0 and -code in (signal.SIGSEGV, signal.SIGBUS):
                log.warning("a query worker crashed during a query (signal %d)", -code)
                return text(503, "Query stopped: the query engine crashed on it. Simplify the query.")
            # the memory cap (RLIMIT_AS) makes an allocation fail: Rust then aborts the process (SIGABRT), and a
            # Python allocation raises MemoryError, answered by the worker itself
            log.warning("a query worker ended during a query (most likely out of memory%s)",
                        ", signal %d" % -code if code is not None and code < 0 else "")
            return text(503, "Query stopped: it needed more memory than the endpoint allows per query.")
        self.idle.put_nowait(worker)
        return reply

    async def settle(self, worker: Worker, asking: asyncio.Future, grace: float) -> None:
        """A query whose client went away: its worker is kept if the answer comes within `grace` (the answer is
        dropped, its file deleted), else the query is stopped with its worker (killed and replaced)."""
        await asyncio.wait((asking,), timeout=grace)
        if asking.done() and not asking.cancelled() and asking.exception() is None:
            reply = asking.result()
            if reply.file is not None:
                reply.file.unlink(missing_ok=True)
            self.idle.put_nowait(worker)
            return
        asking.cancel()
        log.warning("query stopped: its client went away")
        await self.replace(worker)

    async def close(self) -> None:
        self.closing = True
        for worker in list(self.everyone):
            worker.kill()
        for worker in list(self.everyone):
            await worker.proc.wait()
        self.everyone.clear()
