"""State identifiers from `countrycode`, the field's maintained code converter (the Python port of the R package
political scientists use), instead of hand-written rows.

`links/countrycode-keys.csv` names, for each of the article's states, the code countrycode starts from (origin
and key) and which schemes to take (blank: all). `python -m scripts.link.countrycodes` rewrites the generated rows of
`links/ir-codes.csv` from it (evidence: library, version and the exact call) and keeps the hand-written rows
of codes the library lacks (CAMEO, GeoNames); `--check` only says whether the file is up to date (the tests
run it). The PLOVER mapping (`scripts/plover`) takes the codes of every other state from here too.
"""
from __future__ import annotations

import argparse
import csv
import io
import sys
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from ..errors import BuildError
from ..paths import ROOT

LINKS = ROOT / "links"
KEYS = LINKS / "countrycode-keys.csv"
IR_CODES = LINKS / "ir-codes.csv"
FIELDS = ["resource", "scheme", "code", "evidence_location", "evidence_text", "checked_on"]  # checked_on: hand rows

# ir-codes.csv scheme -> countrycode destination
SCHEMES = {
    "iso3166-alpha2": "iso2c",
    "iso3166-alpha3": "iso3c",
    "un-m49": "un",
    "cow-ccode": "cown",
    "cow-abbrev": "cowc",
    "gleditsch-ward": "gwn",
    "vdem": "vdem",
    "polity5": "p5n",
}
HAND_SCHEMES = {"cameo-country", "cameo-actor-type", "geonames", "ror", "cow-igo", "cow-igo-abbrev",
                "ucdp-actor", "ucdp-conflict"}  # not in countrycode


@lru_cache(maxsize=1)
def library() -> str:
    return f"countrycode {version('countrycode')} (PyPI, https://pypi.org/project/countrycode/{version('countrycode')}/)"


@lru_cache(maxsize=None)
def _table(origin: str, destination: str) -> dict[str, str]:
    """countrycode's conversion of every code of `origin` to `destination`, in one call (a call costs ~0.1 s)."""
    from countrycode import countrycode
    from countrycode.countrycode import prepare_codelist

    keys = [k for k in prepare_codelist()[origin] if k is not None and k == k]
    values = countrycode(keys, origin=origin, destination=destination)
    out = {}
    for key, value in zip(keys, values):
        if value is None or value == "" or (isinstance(value, float) and value != value):
            continue
        out[str(int(key)) if isinstance(key, float) else str(key)] = str(int(value)) if isinstance(value, float) else str(value)
    return out


def convert(key: str, origin: str, destination: str) -> str | None:
    """The `destination` code of `key` (a code of `origin`), or None when the library has none."""
    return _table(origin, destination).get(str(key))


def codes(key: str, origin: str = "iso3c", schemes: list[str] | None = None) -> list[tuple[str, str, str]]:
    """(scheme, code, evidence text) for every scheme the library knows for this key."""
    out = []
    for scheme in schemes or list(SCHEMES):
        value = convert(key, origin, SCHEMES[scheme])
        if value is not None:
            call = f'countrycode("{key}", origin="{origin}", destination="{SCHEMES[scheme]}")' if not key.isdigit() \
                else f'countrycode({key}, origin="{origin}", destination="{SCHEMES[scheme]}")'
            out.append((scheme, value, f"{call} -> {value}"))
    return out


def name(iso3: str) -> str | None:
    """The English short name of a country (countrycode's country.name.en)."""
    return convert(iso3, "iso3c", "country.name.en")


@lru_cache(maxsize=None)
def iso3_of_name(text: str) -> str | None:
    """The ISO alpha-3 code of a country name, by countrycode's regular expressions (None when none matches)."""
    from countrycode import countrycode

    value = countrycode(text, origin="country.name", destination="iso3c")
    return value if isinstance(value, str) and value else None


def generated_rows(keys: Path = KEYS) -> list[dict[str, str]]:
    rows = []
    with keys.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        for row in reader:
            wanted = [s.strip() for s in (row.get("schemes") or "").split() if s.strip()]
            unknown = [s for s in wanted if s not in SCHEMES]
            if unknown:
                raise BuildError(f"unknown scheme(s) {', '.join(unknown)} (one of {', '.join(SCHEMES)})", keys, reader.line_num)
            found = codes(row["key"].strip(), row["origin"].strip(), wanted or None)
            if not found:
                raise BuildError(f"countrycode knows no code for {row['origin']}={row['key']!r}", keys, reader.line_num)
            for scheme, code, evidence in found:
                rows.append({"resource": row["resource"], "scheme": scheme, "code": code,
                             "evidence_location": library(), "evidence_text": evidence})
    return rows


def render(ir_codes: Path = IR_CODES, keys: Path = KEYS) -> str:
    """The new content of ir-codes.csv: generated rows first (in key order), then the hand-written ones."""
    hand = []
    if ir_codes.exists():
        with ir_codes.open(encoding="utf-8", newline="") as f:
            hand = [r for r in csv.DictReader(f) if r["scheme"] in HAND_SCHEMES]
    out = io.StringIO()
    writer = csv.DictWriter(out, FIELDS, lineterminator="\n")
    writer.writeheader()
    for row in generated_rows(keys) + hand:
        writer.writerow({k: row.get(k) or "" for k in FIELDS})
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="exit 1 if links/ir-codes.csv is not up to date")
    args = parser.parse_args(argv)
    try:
        text = render()
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    current = IR_CODES.read_text(encoding="utf-8") if IR_CODES.exists() else ""
    if args.check:
        print("links/ir-codes.csv is up to date" if text == current else "links/ir-codes.csv is out of date: run python -m scripts.link.countrycodes")
        return 0 if text == current else 1
    IR_CODES.write_text(text, encoding="utf-8")
    print(f"links/ir-codes.csv written ({text.count(chr(10)) - 1} rows, {library()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
