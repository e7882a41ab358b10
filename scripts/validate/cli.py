"""`ngo-fp validate PATH...` (also `python -m scripts.validate PATH...` and `make validate DATA=PATH`).

Exit codes, the same for both engines, reach the shell unchanged:
  0  conforms: no result at all
  1  only sh:Info results
  2  warnings, no violation (the report says sh:conforms false, as SHACL requires for any result)
  3  at least one violation
  4  the input could not be read (missing, not a regular file, a symlink loop, empty, an unknown extension,
     a syntax error with its line and column, RDF/XML with a DTD, a JSON-LD context that would be fetched, a
     token longer than the parsers' 16 MiB), a report or the output could not be written (a report path that
     is an input file is refused), or the command line is wrong (an empty path, for one)
  5  an internal error (a bug: please report it)
Every error is one line on stderr, never a traceback.
"""
from __future__ import annotations

import argparse
import errno
import io
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, NoReturn

from ..errors import BuildError
from . import EXIT_CODES, Result, summary

INPUT_ERROR = 4
INTERNAL_ERROR = 5
EXAMPLE = """examples:
  ngo-fp validate dist/ngo-fp.ttl
  ngo-fp validate my-data/ --fast --report-json report.json
  python -m scripts.validate "folder with spaces/data.nt"

exit codes: 0 conforms, 1 info only, 2 warnings (no violation), 3 violations, 4 unreadable input, unwritable
report or wrong arguments, 5 internal error."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse would exit 2, which means "warnings" here
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(INPUT_ERROR)

    def _print_message(self, message: str, file: IO[str] | None = None) -> None:
        """As argparse's, without swallowing an OSError: `--help` to a full disk was exit 0 with nothing written
        (exit_with makes it one line and exit 4)."""
        if message:
            (file or sys.stderr).write(message)


def count(text: str) -> int:
    """A whole number of at least 0 (argparse's `type`)."""
    if not text.isascii() or not text.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 0")
    return int(text)


def path(text: str) -> Path:
    """A path that is not empty (argparse's `type`): Path("") would be the current folder; nor a file's name with a
    final slash, which the system refuses (ENOTDIR) but Path() drops, reading the file."""
    if not text:
        raise argparse.ArgumentTypeError("an empty path")
    if text.endswith(("/", os.sep)) and os.path.exists(text.rstrip("/" + os.sep)) and not os.path.isdir(text):
        raise argparse.ArgumentTypeError(f"{text!r} is not a folder (its name ends in a slash)")
    return Path(text)


def report_path(text: str) -> Path:
    """A path for a report: a file's (Path() drops a final slash, and "newdir/" wrote a file named newdir)."""
    if text.endswith(("/", os.sep)):
        raise argparse.ArgumentTypeError(f"{text!r} names a folder: give the report's file name")
    return path(text)


def parser(prog: str) -> argparse.ArgumentParser:
    p = Parser(prog=prog, formatter_class=argparse.RawDescriptionHelpFormatter, epilog=EXAMPLE,
               description="Validate RDF files or folders (Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML) "
                           "against the nfp: ontology and SHACL shapes.")
    p.add_argument("paths", nargs="+", type=path, metavar="PATH", help="an RDF file or a folder of them")
    p.add_argument("--fast", action="store_true", help="validate with the shapes compiled to SPARQL on Oxigraph "
                   "(for large data; same verdicts as pyshacl, checked by the tests)")
    p.add_argument("--report-ttl", type=report_path, metavar="FILE", help="write the SHACL validation report as Turtle")
    p.add_argument("--report-json", type=report_path, metavar="FILE", help="write the results as JSON")
    p.add_argument("--examples", type=count, default=3, metavar="N",
                   help="example focus nodes shown per group (0: none)")
    p.add_argument("--allow-remote-contexts", action="store_true", help="let JSON-LD files load their @context "
                   "from URLs or files (off by default: such contexts are refused, exit 4)")
    return p


def writable(path: Path | None, inputs: list[Path]) -> None:
    """Refuse a report path that cannot be written, or that is one of the files the validation reads (the inputs,
    the ontology, the shapes), before the validation runs."""
    if path is None:
        return
    from ..paths import ONTOLOGY, SHAPES
    from .inputs import names_input
    try:
        if path.exists() and names_input(path, [*inputs, ONTOLOGY, SHAPES]):
            raise BuildError("the report path is one of the files the validation reads (the data, the ontology, the "
                             "shapes)", path)
        folder = path.is_dir()
    except OSError as exc:  # a name too long for the system, for one
        raise BuildError(exc.strerror or str(exc), path) from None
    if folder:
        raise BuildError("the report path is a folder", path)
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise BuildError("cannot write the report: its folder does not exist", path)
    if not os.access(parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise BuildError("cannot write the report: permission denied", path)


def write(path: Path, text: str) -> None:
    """Write a report; a FIFO nobody reads is refused at once (opened without blocking), not waited on."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NONBLOCK, 0o666)
    except OSError as exc:
        problem = "a FIFO that nobody reads" if exc.errno == errno.ENXIO else exc.strerror or str(exc)
        raise BuildError(f"cannot write the report: {problem}", path) from None
    try:
        os.set_blocking(fd, True)
        with open(fd, "w", encoding="utf-8") as out:
            out.write(text)
    except OSError as exc:
        raise BuildError(f"cannot write the report: {exc.strerror or exc}", path) from None


@contextmanager
def ended_at_once_by_ctrl_c() -> Iterator[None]:
    """Ctrl-C ends the process at once (SIGINT's default action: the shell sees 130) while the fast engine runs.
    Python's own handler waits until Oxigraph's load returns to Python, after the whole file (10 s for 2M
    triples); nothing is written before the engine returns, so nothing is left half done."""
    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        yield  # (ignored: started in the background by a shell, `cmd &`, or by a caller that ignores it; so it stays)
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_DFL)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def validate(args: argparse.Namespace, keep: list | None = None) -> tuple[list[Result], dict[str, Path], int, str]:
    """Run the chosen engine: (results, file of each focus node, files read, triples or ''). `keep`: see
    fastshacl.validate_files."""
    from ..load import parse
    from ..paths import ONTOLOGY, SHAPES
    from .inputs import data_files

    files = data_files(args.paths)
    if args.fast:
        from . import fastshacl

        try:
            with ended_at_once_by_ctrl_c():
                results, origin = fastshacl.validate_files(files, ONTOLOGY, SHAPES, args.allow_remote_contexts,
                                                           keep=keep)
            return results, origin, len(files), ""
        except fastshacl.Unsupported as why:  # the data needs what the fast engine cannot judge: pyshacl does
            print(f"note: --fast cannot judge {why}; validating with pyshacl instead",
                  file=sys.stderr)
    from . import shacl
    from rdflib import Graph

    data, origin = Graph(bind_namespaces="core"), {}
    for number, path in enumerate(files):
        part = parse(path, allow_remote_contexts=args.allow_remote_contexts)
        for s in part.subjects(unique=True):
            origin.setdefault(str(s), path)
        if number == 0:
            data = part  # not copied: a copy of 100,000 triples took 3 s of the 20
        else:
            data += part
    results, report = shacl(data, parse(ONTOLOGY), parse(SHAPES))
    args.pyshacl_report = report
    return results, origin, len(files), f"{len(data)} triples from "


def main(argv: list[str] | None = None, prog: str = "python -m scripts.validate", keep: list | None = None) -> int:
    args = parser(prog).parse_args(argv)
    start = time.perf_counter()
    try:
        writable(args.report_ttl, args.paths)
        writable(args.report_json, args.paths)
        if args.report_ttl and args.report_json and (args.report_ttl.resolve() == args.report_json.resolve() or (
                args.report_ttl.exists() and args.report_ttl.samefile(args.report_json))):
            raise BuildError("--report-ttl and --report-json name the same file: one report would replace the other",
                             args.report_json)
        results, origin, n_files, size = validate(args, keep)
        if args.report_ttl:
            from .report import report_graph
            graph = getattr(args, "pyshacl_report", None) or report_graph(results)
            write(args.report_ttl, graph.serialize(format="turtle"))
        if args.report_json:
            from .report import report_json
            write(args.report_json, report_json(results, origin))
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return INPUT_ERROR
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: one line, and a distinct exit code
        print(f"internal error: {type(exc).__name__}: {' '.join(str(exc).split())[:300]} (please report it)",
              file=sys.stderr)
        return INTERNAL_ERROR
    worst = max((r.severity for r in results), key=lambda s: EXIT_CODES.get(s, 0), default="")
    counts = f"({sum(r.severity == 'Violation' for r in results)} violations, " \
             f"{sum(r.severity == 'Warning' for r in results)} warnings)"
    try:
        print(f"{size}{n_files} file(s) validated in {time.perf_counter() - start:.1f} s")
        if results:
            print(summary(results, args.examples, origin))
        print(f"conforms {counts}" if not results else f"does not conform {counts}")
        if sys.stdout is not None:  # (None: the standard output was closed, and nothing is written)
            sys.stdout.flush()
    except BrokenPipeError:
        pass  # the reader stopped reading (`| head`): the verdict stands
    except OSError as exc:
        return unwritable(exc)
    return EXIT_CODES.get(worst, 3)


def exit_with(command: Callable[[list], int]) -> NoReturn:
    """Run `command` and end the process with its exit code, its output flushed, without freeing what it loaded:
    the fast engine's store of half a million triples takes a quarter of a second to free, two million several
    times that, and the process is ending anyway (os._exit). Output that cannot be written (a full disk) is one
    line and exit 4; a reader that stops reading (`| head`) changes nothing."""
    keep: list = []
    if sys.stderr is None:  # closed (`2>&-`): print(file=None) wrote every error to the standard output, mixed with
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # the results; and a file opened later took descriptor 2
    for stream in (sys.stdout, sys.stderr):  # an output that cannot encode "×" or a name (PYTHONIOENCODING=ascii)
        if isinstance(stream, io.TextIOWrapper):  # writes it escaped: it was a traceback and exit 1, "info only"
            stream.reconfigure(errors="backslashreplace")
    if threading.current_thread() is threading.main_thread() and signal.getsignal(signal.SIGINT) is signal.SIG_DFL:
        signal.signal(signal.SIGINT, signal.default_int_handler)  # set aside while the modules were imported
    try:
        code = command(keep)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        code = 130
    except SystemExit as exc:  # argparse's --help and errors
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else INPUT_ERROR)
    except BrokenPipeError:
        code = 0
    except OSError as exc:
        code = unwritable(exc)
    try:
        if sys.stdout is not None:  # (None: the standard output was closed)
            sys.stdout.flush()  # what is left: argparse's help, for one
    except BrokenPipeError:
        pass
    except OSError as exc:
        code = unwritable(exc)
    try:
        if sys.stderr is not None:
            sys.stderr.flush()
    except OSError:
        pass
    os._exit(code)


def unwritable(exc: OSError) -> int:
    try:
        print(f"error: cannot write the output: {exc.strerror or exc}", file=sys.stderr)
    except OSError:  # the standard error cannot be written either: the exit code alone tells
        pass
    return INPUT_ERROR


def command() -> NoReturn:
    """The `ngo-fp` console script."""
    exit_with(lambda keep: ngo_fp(keep=keep))


def ngo_fp(argv: list[str] | None = None, keep: list | None = None) -> int:
    """The `ngo-fp` console script: `ngo-fp validate PATH...`."""
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] in ("-h", "--help"):  # the usage of `validate` as argparse writes it, every option in
        print(parser("ngo-fp validate").format_usage() + "\ncommands:\n  validate   validate RDF files or folders "
              "against the nfp: ontology and shapes (ngo-fp validate -h)", file=sys.stdout if argv else sys.stderr)
        return 0 if argv else INPUT_ERROR
    if argv[0] != "validate":
        print(f"ngo-fp: error: unknown command {argv[0]!r} (try: ngo-fp validate PATH)", file=sys.stderr)
        return INPUT_ERROR
    return main(argv[1:], prog="ngo-fp validate", keep=keep)
