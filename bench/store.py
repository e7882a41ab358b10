"""`make bench-store`: how Oxigraph's in-memory store scales, alone. Each run is a fresh process that loads one
generated N-Triples file (bench/generate.py, seed 42, as bench/validation.py uses) into a named graph of an
in-memory store, exactly as `ngo-fp validate --fast` loads a data file (leniently: Oxigraph's strict parser reads
the file in another thread meanwhile, scripts/validate/fastshacl.py, load_store), and reports the load's CPU time and the
process's peak memory. Sizes are run in turn, round after round, so that a drift in the machine's load spreads
over all of them. Writes bench/store.json and the "Store scaling" section of bench/README.md.

Why it is here: issue 10 asks for 2M triples validated in at most 4x the 500k time. The fast engine's load is
that store's load (hash maps and linked lists per subject, predicate, object and graph: oxigraph/oxigraph,
lib/oxigraph/src/storage/memory.rs), whose cost per triple this measures at each size, in user and kernel time
apart. Each size is also loaded with glibc's malloc asking for transparent huge pages (GLIBC_TUNABLES
glibc.malloc.hugetlb=1, where the kernel's THP setting is "madvise"): fewer TLB misses in the store's random
accesses, at the kernel's cost of making the huge pages. And after each load, a fresh process touches as much new
memory as that load's peak, one byte per 4 KiB page, and nothing else: the machine's own cost of fresh memory
(each page's first touch is a page fault, in kernel time), which grows with the memory as the store's does. On a
virtual machine that hands freed memory back to its host (virtio-balloon's free page reporting, noted with the
results where the kernel has it) a first touch may also wait for the host. Last, a fresh process reads the file with
Oxigraph's strict parser alone, into no store (the reading the fast engine does in its other thread, each statement
made a Python object and dropped: scripts/load.py, read_whole): the parser's own share of the scaling.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
DATA = BENCH / "data"
RESULTS = BENCH / "store.json"
START, END = "<!-- store:start -->", "<!-- store:end -->"
SIZES = (50_000, 250_000, 500_000, 1_000_000, 2_000_000, 4_000_000)
ROUNDS = 5
HUGE_PAGES = {"GLIBC_TUNABLES": "glibc.malloc.hugetlb=1"}

LOAD = """
import json, resource, sys
import pyoxigraph as ox
usage = lambda: (lambda r: (r.ru_utime, r.ru_stime))(resource.getrusage(resource.RUSAGE_SELF))
before = usage()
store = ox.Store()
store.load(path=sys.argv[1], format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode("file:///data"), lenient=True)
after = usage()
print(json.dumps({"triples": len(store), "user": after[0] - before[0], "sys": after[1] - before[1],
                  "cpu": sum(after) - sum(before), "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


PARSE = """
import json, resource, sys
from collections import deque
import pyoxigraph as ox
usage = lambda: (lambda r: (r.ru_utime, r.ru_stime))(resource.getrusage(resource.RUSAGE_SELF))
before = usage()
deque(ox.parse(path=sys.argv[1], format=ox.RdfFormat.N_TRIPLES), maxlen=0)
after = usage()
print(json.dumps({"user": after[0] - before[0], "sys": after[1] - before[1], "cpu": sum(after) - sum(before)}))
"""
TOUCH = """
import json, mmap, resource, sys
usage = lambda: (lambda r: (r.ru_utime, r.ru_stime))(resource.getrusage(resource.RUSAGE_SELF))
size = int(sys.argv[1]) << 20
memory = mmap.mmap(-1, size)
before = usage()
for offset in range(0, size, 4096):
    memory[offset] = 1
after = usage()
print(json.dumps({"mib": size >> 20, "pages": size // 4096, "user": after[0] - before[0], "sys": after[1] - before[1]}))
"""
PAGE_REPORTING = Path("/sys/module/page_reporting/parameters/page_reporting_order")
BALLOON = Path("/sys/bus/virtio/drivers/virtio_balloon")


def data_file(size: int) -> Path:
    """The spread file of bench/validation.py for this size, generated the same way when missing."""
    from generate import current

    path = DATA / f"ir-{size}.nt"
    if current(path) is None:
        DATA.mkdir(exist_ok=True)
        subprocess.run([sys.executable, str(BENCH / "generate.py"), str(size), str(path)], check=True,
                       stdout=subprocess.DEVNULL)
    return path


def load_once(path: Path, env: dict[str, str] | None = None, script: str = LOAD) -> dict:
    out = subprocess.run([sys.executable, "-c", script, str(path)], check=True, capture_output=True, text=True,
                         env={**os.environ, **(env or {})})
    return json.loads(out.stdout)


def touch_once(mib: int) -> dict:
    out = subprocess.run([sys.executable, "-c", TOUCH, str(mib)], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def machine() -> dict:
    """What the kernel says of free page reporting: the balloon driver, and the smallest block it reports (order)."""
    order = PAGE_REPORTING.read_text().strip() if PAGE_REPORTING.exists() else None
    return {"virtio_balloon": BALLOON.exists(), "page_reporting_order": order}


def summary(size: int, runs: list[dict]) -> dict:
    cpu = statistics.median(r["cpu"] for r in runs)
    return {"size": size, "triples": runs[0]["triples"], "cpu_median": cpu, "cpu_best": min(r["cpu"] for r in runs),
            "cpu_runs": [r["cpu"] for r in runs], "user_median": statistics.median(r["user"] for r in runs),
            "sys_median": statistics.median(r["sys"] for r in runs), "us_per_triple": cpu / runs[0]["triples"] * 1e6,
            "peak_mib": max(r.get("peak_mib", 0) for r in runs)}


def measure(sizes: tuple[int, ...], rounds: int) -> dict:
    """`rounds` runs per size with malloc's usual pages ("rows") and as many with huge pages ("huge_rows"), each
    round taking every size in turn, one run of each kind."""
    files = {size: data_file(size) for size in sizes}
    runs: dict[int, list[dict]] = {size: [] for size in sizes}
    huge: dict[int, list[dict]] = {size: [] for size in sizes}
    touched: dict[int, list[dict]] = {size: [] for size in sizes}
    parsed: dict[int, list[dict]] = {size: [] for size in sizes}
    load_before = os.getloadavg()[0]
    for _ in range(rounds):
        for size in sizes:
            runs[size].append(load_once(files[size]))
            touched[size].append(touch_once(round(runs[size][-1]["peak_mib"])))
            huge[size].append(load_once(files[size], HUGE_PAGES))
            parsed[size].append(load_once(files[size], script=PARSE) | {"triples": runs[size][-1]["triples"]})
    return {"rounds": rounds, "cores": os.cpu_count(), "load_before": round(load_before, 1), "machine": machine(),
            "rows": [summary(size, runs[size]) for size in sizes],
            "huge_rows": [summary(size, huge[size]) for size in sizes],
            "touch_rows": [touch_summary(size, touched[size]) for size in sizes],
            "parse_rows": [summary(size, parsed[size]) for size in sizes]}


def touch_summary(size: int, runs: list[dict]) -> dict:
    kernel = statistics.median(r["sys"] for r in runs)
    return {"size": size, "mib_median": statistics.median(r["mib"] for r in runs), "sys_median": kernel,
            "sys_runs": [r["sys"] for r in runs],
            "us_per_page": statistics.median(r["sys"] / r["pages"] * 1e6 for r in runs)}


def ratios(rows: list[dict], key: str = "cpu_median") -> list[tuple[int, int, float]]:
    """(smaller size, 4x that size, ratio of their `key`: load CPU medians or bests, user or kernel time) for every
    such pair measured."""
    by_size = {r["size"]: r for r in rows}
    return [(s, 4 * s, by_size[4 * s][key] / by_size[s][key] if by_size[s][key] else float("inf"))
            for s in by_size if 4 * s in by_size]


def section(saved: dict) -> str:
    rows = saved["rows"]
    lines = [START, "## Store scaling", "",
             f"`make bench-store` (bench/store.py): Oxigraph's in-memory store alone, the lenient load `ngo-fp "
             f"validate --fast` does (the strict parser reads the file in another thread meanwhile), in a fresh process per run, {saved['rounds']} runs per size, the sizes taken in turn "
             f"({saved['cores']} cores, shared with other work: load average {saved['load_before']} before the run). "
             "Same spread files as the validation table (bench/generate.py, seed 42). *Best* is the least disturbed "
             "run; *per triple* is from the median.", "",
             "| triples | load CPU (median) | best | runs | user | kernel | per triple | peak memory |",
             "|---:|---:|---:|---|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r['triples']:,} | {r['cpu_median']:.2f} s | {r['cpu_best']:.2f} s | "
                     f"{', '.join(f'{c:.2f}' for c in r['cpu_runs'])} | {r['user_median']:.2f} s | "
                     f"{r['sys_median']:.2f} s | {r['us_per_triple']:.2f} µs | {r['peak_mib']:.0f} MiB |")
    medians, bests = ratios(rows), dict(((s, b), x) for s, b, x in ratios(rows, "cpu_best"))
    if medians:
        spread = max(max(r["cpu_runs"]) / min(r["cpu_runs"]) for r in rows)
        lines += ["", "Four times the triples, load CPU: " + "; ".join(
            f"{small:,} to {big:,}: {ratio:.2f}x of the medians, {bests[(small, big)]:.2f}x of the best runs"
            for small, big, ratio in medians) + f". One size's runs differ by up to {spread:.1f}x between the "
            "slowest and the fastest on this shared machine."]
        lines += ["", "The same, apart: " + "; ".join(
            f"{small:,} to {big:,}: user {ratio:.2f}x, kernel {kernel:.2f}x" for (small, big, ratio), (_, _, kernel)
            in zip(ratios(rows, "user_median"), ratios(rows, "sys_median"))) + "."]
    huge = saved["huge_rows"]
    lines += ["", "With huge pages (`GLIBC_TUNABLES=glibc.malloc.hugetlb=1`, the same files, one such run after each "
              "run above; medians):", "", "| triples | load CPU | user | kernel |", "|---:|---:|---:|---:|"]
    lines += [f"| {h['triples']:,} | {h['cpu_median']:.2f} s | {h['user_median']:.2f} s | {h['sys_median']:.2f} s |"
              for h in huge]
    biggest, usual = huge[-1], rows[-1]
    lines += ["", f"At {biggest['triples']:,} triples huge pages change the user time by "
              f"{biggest['user_median'] - usual['user_median']:+.2f} s and the kernel time by "
              f"{biggest['sys_median'] - usual['sys_median']:+.2f} s (load CPU {usual['cpu_median']:.2f} s with the "
              f"usual pages, {biggest['cpu_median']:.2f} s with huge pages)."]
    lines += touch_lines(saved)
    lines += parse_lines(saved)
    lines.append(END)
    return "\n".join(lines)


def touch_lines(saved: dict) -> list[str]:
    """The fresh-memory runs: kernel time per size and its fourfold ratios, the same pairs as the load's."""
    touch = saved.get("touch_rows")
    if not touch:
        return []
    found = saved["machine"]
    reporting = (f"; this kernel has virtio-balloon's free page reporting, of blocks of order "
                 f"{found['page_reporting_order']} and up" if found["virtio_balloon"] and found["page_reporting_order"]
                 else "")
    lines = ["", "Fresh memory alone: after each load above, a fresh process touched as much new memory as that load's "
             "peak, one byte per 4 KiB page, and did nothing else (the kernel time of its page faults; medians"
             f"{reporting}):", "", "| triples of the load | memory touched | kernel | runs | per page |",
             "|---:|---:|---:|---|---:|"]
    lines += [f"| {r['triples']:,} | {t['mib_median']:.0f} MiB | {t['sys_median']:.2f} s | "
              f"{', '.join(f'{x:.2f}' for x in t['sys_runs'])} | {t['us_per_page']:.2f} µs |"
              for t, r in zip(touch, saved["rows"])]
    pairs = list(zip(ratios(touch, "mib_median"), ratios(touch, "sys_median"), ratios(touch, "us_per_page")))
    if pairs:
        lines += ["", "The touch alone, for the memory of four times the triples: " + "; ".join(
            f"{small:,} to {big:,}: {memory:.2f}x the memory, {kernel:.2f}x the kernel time ({page:.2f}x per page)"
            for (small, big, memory), (_, _, kernel), (_, _, page) in pairs) + "."]
    return lines


def parse_lines(saved: dict) -> list[str]:
    """The strict parser alone: CPU per size beside the load's, and the fourfold ratios of both."""
    parsed = saved.get("parse_rows")
    if not parsed:
        return []
    lines = ["", "The parser alone: after each load above, a fresh process read the same file with Oxigraph's strict "
             "parser into no store (each statement a Python object, dropped: the fast engine's other thread does this "
             "reading; medians):", "", "| triples | parse CPU | runs | per triple | load CPU |", "|---:|---:|---|---:|---:|"]
    lines += [f"| {p['triples']:,} | {p['cpu_median']:.2f} s | {', '.join(f'{c:.2f}' for c in p['cpu_runs'])} | "
              f"{p['us_per_triple']:.2f} µs | {r['cpu_median']:.2f} s |" for p, r in zip(parsed, saved["rows"])]
    pairs = list(zip(ratios(parsed), ratios(saved["rows"])))
    if pairs:
        lines += ["", "Four times the triples, CPU: " + "; ".join(
            f"{small:,} to {big:,}: the parser alone {parse:.2f}x, the load {load:.2f}x"
            for (small, big, parse), (_, _, load) in pairs) + "."]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="triples per file, comma-separated")
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--readme-only", action="store_true", help="rewrite the section from bench/store.json")
    args = parser.parse_args(argv)
    if not args.readme_only:
        saved = measure(tuple(int(s) for s in args.sizes.split(",")), args.rounds)
        RESULTS.write_text(json.dumps(saved, indent=1) + "\n", encoding="utf-8")
    saved = json.loads(RESULTS.read_text(encoding="utf-8"))
    from readme import put_section

    put_section(START, END, section(saved))
    print(section(saved))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
