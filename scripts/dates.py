"""Rewrite typed date and year literals in Turtle files as plain ISO 8601 strings (OWL 2 DL).

`python -m scripts.dates FILE...` rewrites, in place, every `"…"^^xsd:date`, `"…"^^xsd:gYearMonth` and
`"…"^^xsd:gYear` literal (prefixed or as a full `<http://www.w3.org/2001/XMLSchema#…>` IRI) into the plain
literal `"…"`, and changes nothing else. It is idempotent: a second run finds nothing to change. A literal
whose lexical form does not fit its datatype is left as it is and reported as `file:line: problem` (exit 1).
See "Dates and years" in ontology/README.md.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from .errors import BuildError, display

XSD_NS = "http://www.w3.org/2001/XMLSchema#"
DAY = r"[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])"
MONTH = r"[0-9]{4}-(?:0[1-9]|1[0-2])"
YEAR = r"[0-9]{4}"
LEXICAL = {"date": re.compile(DAY), "gYearMonth": re.compile(MONTH), "gYear": re.compile(YEAR)}

# A short-quoted literal with one of the three datatypes; the datatype must not continue (xsd:dateTime).
TYPED = re.compile(
    r'"(?P<value>[^"\\\n]*)"\^\^(?:xsd:(?P<t1>date|gYearMonth|gYear)(?![A-Za-z0-9_])|<'
    + re.escape(XSD_NS) + r'(?P<t2>date|gYearMonth|gYear)>)'
)


def convert_text(text: str, path: Path | str = "<text>") -> tuple[str, int, list[BuildError]]:
    """The text with typed date/year literals made plain; the number changed; the ill-formed ones."""
    problems: list[BuildError] = []
    changed = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal changed
        value, kind = match.group("value"), match.group("t1") or match.group("t2")
        if not LEXICAL[kind].fullmatch(value):
            line = text.count("\n", 0, match.start()) + 1
            problems.append(BuildError(f'"{value}" is not an xsd:{kind} (left as it is)', path, line))
            return match.group(0)
        changed += 1
        return f'"{value}"'

    return TYPED.sub(replace, text), changed, problems


def convert_file(path: Path) -> tuple[int, list[BuildError]]:
    """Rewrite one file in place (only when something changes); return (changed, problems)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        return 0, [BuildError(f"cannot read: {exc.strerror}", path)]
    new, changed, problems = convert_text(text, path)
    if changed:
        path.write_text(new, encoding="utf-8")
    return changed, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="example: python -m scripts.dates instances/*.ttl ontology/ngo-fp.ttl",
    )
    parser.add_argument("files", nargs="+", type=Path, help="Turtle files to rewrite in place")
    args = parser.parse_args(argv)
    failed = False
    for path in args.files:
        changed, problems = convert_file(path)
        for problem in problems:
            print(f"error: {problem}", file=sys.stderr)
        failed = failed or bool(problems)
        print(f"{display(path)}: {changed} literal(s) rewritten")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
