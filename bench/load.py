"""`make bench-load`: load on the endpoint of `make serve` with 8, 32 and 128 concurrent clients, each sending
the example queries of queries/ in turn (SPARQL Protocol, POST direct, JSON results) over one keep-alive
connection, on 127.0.0.1 only. Writes bench/load.json and the "Load" section of bench/README.md.

Each level is bounded in count and in time: it stops after REQUESTS requests or SECONDS seconds, whichever
comes first. An error is any answer other than 200 with the whole body, or a failed connection.
The clients are asyncio streams in this one process (cheap per request, so that they load the server and
not themselves); the server runs in its own processes, as `make serve` runs it.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
LEVELS = [8, 32, 128]
REQUESTS = 4000
SECONDS = 30.0
WARMUP = 200
BEGIN, END = "<!-- load: written by bench/load.py -->", "<!-- /load -->"


def requests() -> list[tuple[str, bytes]]:
    out = []
    for q in sorted((ROOT / "queries").glob("*.rq")):
        body = q.read_bytes()
        head = (f"POST /query HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/sparql-results+json\r\n"
                f"Content-Type: application/sparql-query\r\nContent-Length: {len(body)}\r\n\r\n").encode()
        out.append((q.stem, head + body))
    return out


async def client(port: int, queue: list[bytes], stop_at: float, budget: list[int], latencies: list[float],
                 errors: list[str], offset: int) -> None:
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
    except OSError as err:
        errors.append(f"connect: {err}")
        return
    i = offset
    try:
        while budget[0] > 0 and time.monotonic() < stop_at:
            budget[0] -= 1
            payload = queue[i % len(queue)]
            i += 1
            start = time.perf_counter()
            writer.write(payload)
            await writer.drain()
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:"))
            body = await reader.readexactly(length)
            latencies.append(time.perf_counter() - start)
            if status != 200 or not body.endswith(b"}"):
                errors.append(f"status {status}")
    except (OSError, asyncio.IncompleteReadError, ValueError, StopIteration) as err:
        errors.append(f"{type(err).__name__}: {err}")
    finally:
        writer.close()


async def level(port: int, clients: int, queue: list[bytes], count: int, seconds: float) -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    budget = [count]
    start = time.monotonic()
    await asyncio.gather(*(client(port, queue, start + seconds, budget, latencies, errors, k) for k in range(clients)))
    wall = time.monotonic() - start
    ordered = sorted(latencies)

    def pct(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000 if ordered else float("nan")

    return {"clients": clients, "requests": len(latencies), "seconds": round(wall, 2),
            "throughput": round(len(latencies) / wall, 1), "p50_ms": round(pct(0.50), 2), "p99_ms": round(pct(0.99), 2),
            "mean_ms": round(statistics.fmean(latencies) * 1000, 2) if latencies else None,
            "errors": len(errors), "error_kinds": sorted(set(errors))[:5]}


def readme_section(saved: dict) -> str:
    lines = [BEGIN, "## Load", "",
             f"`make bench-load` (bench/load.py): the endpoint of `make serve` ({saved['workers']} query workers) on "
             f"127.0.0.1, with N concurrent clients each sending the {saved['queries']} example queries in turn over a "
             f"keep-alive connection (after the warm-up, repeated queries are answered from the endpoint's cache of small "
             f"answers, as a public endpoint's would be); each level stops after {saved['limit_requests']} requests or "
             f"{saved['limit_seconds']:g} s, after {saved['warmup']} warm-up requests. Same machine for clients and "
             f"server ({saved['cores']} cores, shared with other work: load average {saved['load_before']} before the run).",
             "The first rows are the endpoint as served; the last rows start it with `--cache-mb 0`, so that every "
             "request is a query run by a worker process (the cost of queries the cache has not seen).",
             "", "| cache | clients | requests | throughput | p50 | p99 | errors |", "|---|---:|---:|---:|---:|---:|---:|"]
    for r in saved["levels"]:
        lines.append(f"| {r.get('cache', 'on')} | {r['clients']} | {r['requests']} | {r['throughput']:.0f} req/s | {r['p50_ms']:.1f} ms | "
                     f"{r['p99_ms']:.1f} ms | {r['errors']} |")
    at32 = next((r for r in saved["levels"] if r["clients"] == 32 and r.get("cache", "on") == "on"), None)
    if at32:
        met = at32["errors"] == 0 and at32["p99_ms"] < 50
        lines += ["", f"Target: 0 errors and p99 under 50 ms at 32 clients (as served): {at32['errors']} errors, "
                      f"p99 {at32['p99_ms']:.1f} ms: {'met' if met else 'not met'}."]
    lines += [END, ""]
    return "\n".join(lines)


def write_readme(saved: dict) -> None:
    from readme import put_section

    put_section(BEGIN, END, readme_section(saved).rstrip("\n"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--levels", default=",".join(map(str, LEVELS)))
    parser.add_argument("--requests", type=int, default=REQUESTS, help="requests per level at most")
    parser.add_argument("--seconds", type=float, default=SECONDS, help="seconds per level at most")
    parser.add_argument("--workers", type=int, default=None, help="query workers (default: as make serve)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from scripts.paths import DIST
    from scripts.serve import Server, free_port

    load_before = os.getloadavg()[0]
    named = requests()
    queue = [payload for _, payload in named]
    limits = {"workers": args.workers} if args.workers else {}
    results = []
    for cache, extra in (("on", {}), ("off", {"cache_mb": 0})):  # as served; then every query through a worker
        with Server(DIST, port=free_port(), **limits, **extra) as server:
            asyncio.run(level(server.port, 4, queue, WARMUP, 30))
            for clients in [int(c) for c in args.levels.split(",")]:
                result = {"cache": cache, **asyncio.run(level(server.port, clients, queue, args.requests, args.seconds))}
                print(json.dumps(result), flush=True)
                results.append(result)
    saved = {"levels": results, "queries": len(named), "limit_requests": args.requests, "limit_seconds": args.seconds,
             "warmup": WARMUP, "cores": os.cpu_count(), "load_before": round(load_before, 1),
             "workers": args.workers or max(2, os.cpu_count() or 2)}
    (BENCH / "load.json").write_text(json.dumps(saved, indent=1) + "\n", encoding="utf-8")
    write_readme(saved)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
