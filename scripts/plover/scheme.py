"""PLOVER's event types, modes and contexts as SKOS concept schemes, and CAMEO event codes mapped to them.

Built from the dataset's own files (copied into examples/plover-gsr/):
- `plover_reference.html`: the 18 event types of the reference, each with its definition (first paragraph);
- `older-event-types.csv` (hand-written, each row with a verbatim quote of its source): event types records
  or the conversion table use that the reference lacks (FIGHT of the records' version 0.5b1; ACCUSE and
  REQUEST of the 2021 table), with the reference type that took them over (skos:closeMatch);
- `CAMEO2PLOVER-2021.txt`: CAMEO event codes -> PLOVER event type (skos:broadMatch), mode and context
  (skos:relatedMatch); its modes and contexts become concepts of their own schemes. CAMEO's codes are
  hierarchical ("the hierarchical 3- and 4-digit categories of CAMEO", PLOVER_MANUAL.tex line 126 at the commit
  of examples/plover-gsr/README.md): a four-digit code is under (skos:broader) the three-digit code it begins
  with, a three-digit one under its two-digit category, which is a heading of the table ("03: AGREE") and a top
  concept of its scheme. Every other concept is a top concept of its scheme (their schemes are flat).
Modes and contexts that only records use (PLOVER 0.5b1 values such as `strike-hun`) are added when a record
uses them, grounded in the records file itself.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field, replace
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

from ..errors import BuildError
from ..validate.grounding import normalize

EXAMPLE = Path(__file__).resolve().parent.parent.parent / "examples" / "plover-gsr"
REFERENCE = EXAMPLE / "plover_reference.html"
TABLE = EXAMPLE / "CAMEO2PLOVER-2021.txt"
OLDER = EXAMPLE / "older-event-types.csv"
README = EXAMPLE / "PLOVER_GSR_CAMEO_readme.tex"


def slug(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


class _Reference(HTMLParser):
    """Collects the page's text and, per <h2 id=TYPE>, its paragraphs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.sections: dict[str, list[str]] = {}
        self.current: str | None = None
        self.paragraph: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("p", "h2", "h3", "ul", "li", "table", "body"):
            self._close()
        if tag == "h2":
            self.current = dict(attrs).get("id")
        elif tag == "p" and self.current:
            self.paragraph = []
        if tag in ("p", "h2", "h3", "li", "td", "tr", "br"):
            self.text.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("p", "h2", "h3", "ul", "li", "body"):
            self._close()
            self.text.append(" ")

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self.paragraph is not None:
            self.paragraph.append(data)

    def _close(self) -> None:
        if self.paragraph is not None and self.current:
            words = normalize("".join(self.paragraph))
            if words and words != "Return to top":
                self.sections.setdefault(self.current, []).append(words)
        self.paragraph = None


@dataclass(frozen=True)
class Concept:
    iri: str
    scheme: str
    notation: str
    label: str
    definition: str
    quote: str
    source: str  # IRI of the work the quote is from
    alt_labels: tuple[str, ...] = ()
    broad: tuple[str, ...] = ()
    close: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    narrow: tuple[str, ...] = ()
    note: str = ""
    parent: str = ""  # IRI of the concept it is under (skos:broader); none: a top concept of its scheme


@dataclass
class Scheme:
    """Every concept, by IRI; lookups by PLOVER code. `texts` are the source texts quotes are checked against."""

    base: str
    concepts: dict[str, Concept] = field(default_factory=dict)
    types: dict[str, str] = field(default_factory=dict)  # event code -> concept IRI
    values: dict[tuple[str, str], str] = field(default_factory=dict)  # (mode|context, value) -> IRI
    texts: dict[str, str] = field(default_factory=dict)  # work IRI -> text
    records_source: str = ""  # the records file, for values only records use

    def iri(self, kind: str, key: str) -> str:
        return f"{self.base}{kind}/{key}"

    def event_type(self, code: str) -> str | None:
        return self.types.get(code.strip().upper())

    def event_codes(self) -> list[str]:
        return sorted(self.types)

    def value(self, kind: str, value: str) -> str:
        """The concept of a mode or context value; one only records use is added, grounded in the records file."""
        key = (kind, value.strip().lower())
        if key not in self.values:
            iri = self.iri("concept", f"plover-{kind}-{slug(value)}")
            self.values[key] = iri
            self.concepts[iri] = Concept(
                iri, self.iri("scheme", f"plover-{kind}s"), value.strip(), f"PLOVER {kind} {value.strip()}",
                f"A PLOVER {kind} value used by the records of this file and not by the CAMEO-to-PLOVER conversion "
                f"table (2021); the PLOVER files at hand give it no definition.",
                value.strip(), self.records_source)
        return self.values[key]


def reference_sections(path: Path = REFERENCE) -> tuple[str, dict[str, list[str]]]:
    parser = _Reference()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return normalize(unescape("".join(parser.text))), parser.sections


def parse_table(path: Path = TABLE) -> list[tuple[int, str, str, str, str, str]]:
    """(line, code, event, mode, context, description) for every conversion row of the table."""
    return [row for row in _table(path) if len(row) == 6]  # type: ignore[misc]


def parse_headings(path: Path = TABLE) -> list[tuple[int, str, str]]:
    """(line, two-digit code, event) for every heading of the table, such as "04: CONSULT" (08 has two)."""
    return [row for row in _table(path) if len(row) == 3]  # type: ignore[misc]


def _table(path: Path) -> list[tuple]:
    rows: list[tuple] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        m = re.match(r"^(\d{2,4}):\s*(.*)$", line.strip())
        if not m:
            continue
        body, _, description = m.group(2).partition("#")
        parts = [p.strip() for p in body.split(",")]
        if len(parts) == 1:
            if len(m.group(1)) != 2 or description.strip():
                raise BuildError(f"expected a heading 'NN: EVENT', got {line.strip()!r}", path, n)
            rows.append((n, m.group(1), parts[0]))
            continue
        if len(parts) != 3:
            raise BuildError(f"expected 'CODE: EVENT, mode, context # description', got {line.strip()!r}", path, n)
        rows.append((n, m.group(1), parts[0], parts[1], parts[2], normalize(description)))
    return rows


def build(base: str, records_source: str = "", records_text: str = "") -> Scheme:
    """The schemes from the reference page, the older types and the conversion table."""
    s = Scheme(base, records_source=records_source)
    ref_iri, table_iri, readme_iri = s.iri("work", "plover-reference"), s.iri("work", "cameo2plover-2021"), s.iri("work", "plover-gsr-readme")
    ref_text, sections = reference_sections()
    s.texts = {ref_iri: ref_text, table_iri: TABLE.read_text(encoding="utf-8"), readme_iri: README.read_text(encoding="utf-8")}
    if records_source:
        s.texts[records_source] = records_text
    types_scheme = s.iri("scheme", "plover-event-types")
    for code, paragraphs in sections.items():
        if code == "top" or not paragraphs:
            continue
        iri = s.iri("concept", f"plover-{slug(code)}")
        s.types[code] = iri
        s.concepts[iri] = Concept(iri, types_scheme, code, f"PLOVER {code}", paragraphs[0], paragraphs[0], ref_iri)
    if len(s.types) != 18:
        raise BuildError(f"expected the 18 event types of the reference, found {len(s.types)}", REFERENCE)
    with OLDER.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        for row in reader:
            code = row["code"].strip()
            source = {"reference": ref_iri, "table": table_iri}.get(row["source"].strip())
            if source is None:
                raise BuildError(f"source must be 'reference' or 'table', not {row['source']!r}", OLDER, reader.line_num)
            iri = s.iri("concept", f"plover-{slug(code)}")
            try:
                match = {k: tuple(s.types[c] for c in row[f"{k}_match"].split()) for k in ("broad", "narrow", "close")}
            except KeyError as exc:
                raise BuildError(f"{exc.args[0]} is not an event type of the reference", OLDER, reader.line_num) from None
            s.types[code] = iri
            s.concepts[iri] = Concept(iri, types_scheme, code, f"PLOVER {code}", row["definition"].strip(),
                                      row["quote"].strip(), source, broad=match["broad"], close=match["close"],
                                      narrow=match["narrow"], note=row["note"].strip())
    cameo: dict[str, Concept] = {}
    row_of: dict[str, int] = {}
    lines = TABLE.read_text(encoding="utf-8").splitlines()
    for line, code, event, mode, context, description in parse_table(TABLE):
        if event not in s.types:
            raise BuildError(f"event type {event!r} is neither in the reference nor in {OLDER.name}", TABLE, line)
        quote = normalize(lines[line - 1])
        related = []
        for kind, values in (("mode", mode), ("context", context)):
            for value in (v.strip() for v in values.split(";")):
                if not value:
                    continue
                key = (kind, value.lower())
                iri = s.iri("concept", f"plover-{kind}-{slug(value)}")
                if key not in s.values:
                    s.values[key] = iri
                    s.concepts[iri] = Concept(
                        iri, s.iri("scheme", f"plover-{kind}s"), value, f"PLOVER {kind} {value}",
                        f"A PLOVER {kind} that the CAMEO-to-PLOVER conversion table (2021) gives to CAMEO code {code} "
                        f"({description}).", quote, table_iri)
                related.append(s.values[key])
        iri = s.iri("concept", f"cameo-{code}")
        row_of.setdefault(iri, line)
        if iri in cameo:  # a code listed twice (175): one concept, the second description as altLabel
            old = cameo[iri]
            cameo[iri] = replace(old, alt_labels=old.alt_labels + (f"CAMEO {code} {description}",),
                                 broad=tuple(sorted(set(old.broad) | {s.types[event]})),
                                 related=tuple(sorted(set(old.related) | set(related))))
            continue
        cameo[iri] = Concept(iri, s.iri("scheme", "cameo-event-codes"), code, f"CAMEO {code} {description}",
                             f"The CAMEO event code {code}, '{description}', as the CAMEO-to-PLOVER conversion table "
                             f"(2021) lists it.", quote, table_iri, broad=(s.types[event],), related=tuple(sorted(set(related))),
                             parent=s.iri("concept", f"cameo-{code[:-1]}"))
    cameo.update(categories(s, table_iri, lines))
    for c in cameo.values():
        if c.parent and c.parent not in cameo:
            raise BuildError(f"CAMEO code {c.notation} has no code {c.notation[:-1]} to be under", TABLE, row_of[c.iri])
    s.concepts.update(cameo)
    return s


def categories(s: Scheme, table_iri: str, lines: list[str]) -> dict[str, Concept]:
    """CAMEO's two-digit categories, from the table's headings: the top of its three- and four-digit codes. The
    table gives them no description, only the PLOVER event type it heads them with (two for 08), which is not a
    mapping of the whole category (the codes under 16 go to SANCTION and to COERCE): it stays in the definition.
    `lines` are the table's lines, for the quotes."""
    heads: dict[str, list[tuple[int, str]]] = {}
    for line, code, event in parse_headings(TABLE):
        if event not in s.types:
            raise BuildError(f"event type {event!r} is neither in the reference nor in {OLDER.name}", TABLE, line)
        heads.setdefault(code, []).append((line, event))
    out = {}
    for code, rows in heads.items():
        iri = s.iri("concept", f"cameo-{code}")
        events = " and ".join(event for _, event in rows)
        out[iri] = Concept(iri, s.iri("scheme", "cameo-event-codes"), code, f"CAMEO {code}",
                           f"The CAMEO event category {code}, a heading of the CAMEO-to-PLOVER conversion table (2021), "
                           f"which heads it with the PLOVER event type{'s' if len(rows) > 1 else ''} {events}; the "
                           f"table's codes that begin with {code} are under it.", normalize(lines[rows[0][0] - 1]),
                           table_iri)
    return out


SCHEMES = {  # slug -> (label, quote, source work slug)
    "plover-event-types": ("PLOVER event types", "PLOVER Summary", "plover-reference"),
    "plover-modes": ("PLOVER modes", "CAMEO to PLOVER conversion table", "cameo2plover-2021"),
    "plover-contexts": ("PLOVER contexts", "CAMEO to PLOVER conversion table", "cameo2plover-2021"),
    "cameo-event-codes": ("CAMEO event codes", "CAMEO to PLOVER conversion table", "cameo2plover-2021"),
    "plover-roles": ("PLOVER actor roles", "SRC & source actor and agent", "plover-gsr-readme"),
}
ROLES = {  # role slug -> (label, definition, quote in the readme)
    "plover-source": ("PLOVER source actor", "The actor that carries out the event: the source actor and agent of a PLOVER record.",
                      "SRC & source actor and agent"),
    "plover-target": ("PLOVER target actor", "The actor the event is directed at: the target actor and agent of a PLOVER record.",
                      "TAR & target actor and agent"),
}
WORKS = {  # work slug -> (label, file)
    "plover-reference": ("PLOVER Summary (plover_reference.html)", REFERENCE),
    "cameo2plover-2021": ("CAMEO to PLOVER conversion table (CAMEO2PLOVER-2021.txt)", TABLE),
    "plover-gsr-readme": ("Documentation for the PLOVER gold standard file (PLOVER_GSR_CAMEO_readme.tex)", README),
}
