"""Read PLOVER event records (JSON) and prepare them for the RML mapping.

What RML cannot do is done here, and only this: check each record (a record that cannot be mapped is
refused with its id and the reason, never dropped silently), parse the `textInfo/markup` spans, split
multi-valued fields (`context: "diplomatic, military"`), leave out placeholders (the dataset's documentation:
every `date` is set to 2000-01-01; empty strings and the `***` sector), resolve a country code to the state
resource (by ISO 3166-1 alpha-3, shared with the article's states through links/ir-codes.csv) and write
flat tables that `examples/plover-gsr/mapping.rml.ttl` maps declaratively.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..validate.grounding import normalize
from .codes import Countries
from .scheme import Scheme, slug

DOCUMENTATION = "DOCUMENT"  # records that document the file; never published as events
PLACEHOLDER_SECTORS = {"***", ""}
PLACEHOLDER_VALUES = {"", "unknown"}  # a mode or context that says nothing is not published as a fact
MARKERS = ("SRC/TAR:", "SRC:", "TAR:", "EVT:", "LOC:")
GOVERNMENT_SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY"}


class Refused(Exception):
    """A record that cannot be mapped; the message is the reason."""


@dataclass(frozen=True)
class Span:
    marker: str  # SRC, TAR, SRC/TAR, EVT, LOC
    text: str


def spans(markup: str) -> list[Span]:
    """The marked spans of `markup`, nested markers removed from their parents' text:
    "in (TAR: Germany)" inside a LOC span gives LOC "in Germany" and TAR "Germany".

    The documentation warns that the markup "sometimes gets a bit dodgy": a stray ')' is read as text and an
    unclosed '(' ends with the sentence. The sentence (`text`) is what counts; spans are only used as evidence
    where they occur in it verbatim, so a dodgy span costs a quote, never a wrong one."""
    found: list[Span] = []

    def parse(i: int, depth: int) -> tuple[str, int]:
        out: list[str] = []
        while i < len(markup):
            if markup[i] == "(":
                rest = markup[i + 1:].lstrip()
                marker = next((m for m in MARKERS if rest.startswith(m)), None)
                if marker is not None:
                    start = i + 1 + (len(markup[i + 1:]) - len(rest)) + len(marker)
                    inner, i = parse(start, depth + 1)
                    found.append(Span(marker[:-1], normalize(inner)))
                    out.append(inner)
                    continue
                inner, i = parse(i + 1, depth + 1)  # plain parentheses, e.g. "(APEC)"
                out.append("(" + inner + ")")
                continue
            if markup[i] == ")" and depth:
                return "".join(out), i + 1
            out.append(markup[i])
            i += 1
        return "".join(out), i

    parse(0, 0)
    return found


@dataclass
class Tables:
    """The flat tables the RML mapping reads (normalized.json), plus what the run reports."""

    events: list[dict[str, str]] = field(default_factory=list)
    event_concepts: list[dict[str, str]] = field(default_factory=list)
    participations: list[dict[str, str]] = field(default_factory=list)
    actors: dict[str, dict[str, str]] = field(default_factory=dict)
    places: dict[str, dict[str, str]] = field(default_factory=dict)
    records: list[dict[str, str]] = field(default_factory=list)
    quotes: list[dict[str, str]] = field(default_factory=list)
    codes: list[dict[str, str]] = field(default_factory=list)
    documentation: list[dict[str, Any]] = field(default_factory=list)
    unused_spans: list[str] = field(default_factory=list)

    def json(self) -> dict[str, list[dict[str, str]]]:
        """The tables, without empty values (RML then writes no triple for them)."""
        def clean(rows: list[dict[str, str]]) -> list[dict[str, str]]:
            return [{k: v for k, v in row.items() if v != ""} for row in rows]
        return {
            "events": clean(self.events),
            "event_modes": clean([r for r in self.event_concepts if r["kind"] == "mode"]),
            "event_contexts": clean([r for r in self.event_concepts if r["kind"] == "context"]),
            "participations": clean(self.participations),
            "actors": clean([self.actors[k] for k in sorted(self.actors)]),
            "places": clean([self.places[k] for k in sorted(self.places)]),
            "quotes": sorted({(q["resource"], q["quote"], q["source"]): q for q in self.quotes}.values(),
                             key=lambda q: (q["resource"], q["quote"], q["source"])),
        }


MIN_QUOTE = 3  # the shapes' shortest evidence quote


def usable(span: str, sentence: str) -> bool:
    """A span can be an evidence quote: long enough and in the (normalized) sentence verbatim."""
    return len(span) >= MIN_QUOTE and span in sentence


def text_of(value: Any, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise Refused(f"{what} is missing or not a non-empty string")
    return value


class Mapper:
    """Turns records into tables; one Mapper per input file."""

    def __init__(self, scheme: Scheme, countries: Countries, base: str, dataset: str) -> None:
        self.scheme, self.countries, self.base, self.dataset = scheme, countries, base, dataset
        self.tables = Tables()
        self._codes_done: set[str] = set()

    def iri(self, kind: str, key: str) -> str:
        return f"{self.base}{kind}/{key}"

    def quote(self, resource: str, text: str, source: str) -> None:
        self.tables.quotes.append({"resource": resource, "quote": normalize(text), "source": source})

    def add(self, record: Any) -> str:
        """Map one record into the tables; raise Refused with the reason. Returns the record's kind."""
        if not isinstance(record, dict):
            raise Refused("a record is a JSON object")
        rid = text_of(record.get("id"), "id")
        event = text_of(record.get("event"), "event")
        if event == DOCUMENTATION:
            self.tables.documentation.append(record)
            return "documentation"
        concept = self.scheme.event_type(event)
        if concept is None:
            raise Refused(f"unknown PLOVER event type {event!r} (known: {', '.join(self.scheme.event_codes())})")
        sentence = text_of(record.get("text"), "text")
        info = record.get("textInfo")
        markup = info.get("markup") if isinstance(info, dict) else None
        if markup is not None and not isinstance(markup, str):
            raise Refused("textInfo/markup is not a string")
        marked = spans(markup or "")  # without markup, actor texts and the sentence are the evidence
        verbatim = normalize(sentence)
        key = slug(rid)
        if not key:
            raise Refused("id gives an empty slug")
        staged = Mapper(self.scheme, self.countries, self.base, self.dataset)  # a refused record leaves no rows
        staged._codes_done = set(self._codes_done)
        staged._map(record, rid, key, concept, sentence, verbatim, marked)
        self._merge(staged)
        return "event"

    def _merge(self, staged: "Mapper") -> None:
        t, s = self.tables, staged.tables
        for name in ("events", "event_concepts", "participations", "records", "quotes", "codes", "unused_spans"):
            getattr(t, name).extend(getattr(s, name))
        for k, v in s.actors.items():
            t.actors.setdefault(k, v)
        for k, v in s.places.items():
            t.places.setdefault(k, v)
        self._codes_done |= staged._codes_done

    def _map(self, record: dict[str, Any], rid: str, key: str, concept: str, sentence: str, verbatim: str,
             marked: list[Span]) -> None:
        t = self.tables
        event_iri, source_iri = self.iri("event", key), self.iri("work", key)
        t.records.append({
            "iri": source_iri, "id": rid, "label": f"PLOVER record {rid}", "text": sentence,
            "language": str(record.get("language") or ""), "dataset": self.dataset,
            "date_coded": str(record.get("dateCoded") or ""), "version": str(record.get("version") or ""),
            "comment": "; ".join(part for part in (
                f"coded with PLOVER version {record['version']}" if record.get("version") else "",
                f"coder: {record['coder']}" if record.get("coder") else "",
                f"publication: {record['publication']}" if record.get("publication") else "") if part),
        })
        self.quote(source_iri, sentence, source_iri)
        t.events.append({
            "iri": event_iri, "id": rid, "label": f"{record['event']} event of PLOVER record {rid}",
            "type": concept, "source": source_iri, "comment": str(record.get("comment") or ""),
        })
        for kind, values in (("mode", record.get("mode")), ("context", record.get("context"))):
            if values is None or values == "":
                continue  # placeholder
            if not isinstance(values, str):
                raise Refused(f"{kind} is not a string")
            for value in (v.strip() for v in re.split(r"[,;]", values)):
                if value.lower() not in PLACEHOLDER_VALUES:
                    t.event_concepts.append({"event": event_iri, "kind": kind, "concept": self.scheme.value(kind, value)})
        events = [s.text for s in marked if s.marker == "EVT" and usable(s.text, verbatim)]
        for text in events:
            self.quote(event_iri, text, source_iri)
        if not events:
            self.quote(event_iri, sentence, source_iri)
        self.tables.unused_spans += [f"{rid}: {s.marker} span {s.text!r} is not in the sentence"
                                     for s in marked if s.text and s.text not in verbatim]
        participants = 0
        for field_name, role in (("source", "source"), ("target", "target")):
            actors = record.get(field_name)
            if actors in (None, ""):
                continue  # placeholder: no actor in this role
            if not isinstance(actors, list):
                raise Refused(f"{field_name} is neither a list of actors nor empty")
            for n, actor in enumerate(actors):
                participants += 1
                self._participation(actor, n, role, event_iri, source_iri, key, verbatim, marked, sentence)
        if participants == 0:
            raise Refused("the record names no source or target actor")
        loc = record.get("eventLoc")
        if loc not in (None, ""):
            self._place(loc, event_iri, source_iri, verbatim, marked)

    def _participation(self, actor: Any, n: int, role: str, event_iri: str, source_iri: str, key: str,
                       verbatim: str, marked: list[Span], sentence: str) -> None:
        if not isinstance(actor, dict):
            raise Refused(f"{role} actor {n + 1} is not a JSON object")
        text = text_of(actor.get("actorText"), f"{role} actor {n + 1} actorText")
        code = text_of(actor.get("code"), f"{role} actor {n + 1} code").strip()
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise Refused(f"{role} actor {n + 1} code {code!r} is not a three-letter CAMEO code")
        sector = str(actor.get("sector") or "").strip()
        if sector and not re.fullmatch(r"[A-Za-z*]{3,}", sector):
            raise Refused(f"{role} actor {n + 1} sector {sector!r} is not a CAMEO sector code")
        actor_iri = self._actor(code, "" if sector in PLACEHOLDER_SECTORS else sector, text, source_iri, verbatim, marked)
        part = self.iri("participation", f"{key}--{role}-{n + 1}")
        self.tables.participations.append({
            "iri": part, "event": event_iri, "actor": actor_iri, "role": self.iri("role", f"plover-{role}"),
            # the source acts (a PROV association: some responsibility); the target is acted upon (PROV-neutral)
            "class": "AgentParticipation" if role == "source" else "Participation",
            "label": f"{text} as {role} of PLOVER record {key.upper()}", "name": normalize(text),
        })
        quote = self._evidence(text, ("SRC", "TAR", "SRC/TAR"), verbatim, marked, role)
        self.quote(part, quote or sentence, source_iri)

    @staticmethod
    def _evidence(text: str, markers: tuple[str, ...], verbatim: str, marked: list[Span], role: str) -> str | None:
        """The actor's own words when they are in the sentence, else a marked span of its role that is."""
        if usable(normalize(text), verbatim):
            return normalize(text)
        wanted = {"source": ("SRC", "SRC/TAR"), "target": ("TAR", "SRC/TAR")}.get(role, markers)
        for s in marked:
            if s.marker in wanted and usable(s.text, verbatim) and (s.text in text or text in s.text):
                return s.text
        return None

    def _actor(self, code: str, sector: str, text: str, source_iri: str, verbatim: str, marked: list[Span]) -> str:
        state = self.countries.state(code)
        words = self._evidence(text, ("SRC", "TAR", "SRC/TAR"), verbatim, marked, "")
        if code in ("IGO", "NGO"):
            iri, row = self._organization(code, text)
        elif state is not None and not sector:
            iri = state.iri
            row = {"iri": iri, "class": state.cls, "label": state.name, "country": code, "sector": ""}
            self._state_codes(state)
        else:
            country = state.name if state is not None else f"CAMEO {code}"
            kind, cls = ("organization", "GovernmentBody") if sector[:3].upper() in GOVERNMENT_SECTORS else ("group", "CollectiveActor")
            iri = self.iri(kind, slug(f"{code}-{sector}" if sector else f"cameo-{code}"))
            label = f"{country}: CAMEO actor {code}{sector}" if sector else f"CAMEO actor {code}"
            row = {"iri": iri, "class": cls, "label": label, "country": code, "sector": sector[:3].upper()}
            if state is not None:
                row["state"] = state.iri
                self._state_codes(state)
                self.tables.places.setdefault(state.iri, {"iri": state.iri, "class": state.cls, "label": state.name})
                # grounded in the sentence of the record that codes one of its actors with its country code
                self.quote(state.iri, self.tables.records[-1]["text"], source_iri)
        self.tables.actors.setdefault(iri, row)
        if words:
            self.quote(iri, words, source_iri)
        else:
            self.quote(iri, normalize(self.tables.records[-1]["text"]), source_iri)
        return iri

    def _organization(self, code: str, text: str) -> tuple[str, dict[str, str]]:
        known = self.countries.organization(text)
        if known is not None:
            iri, cls, label = known
        else:
            iri, label = self.iri("organization", slug(text)), normalize(text)
            cls = "IntergovernmentalOrganization" if code == "IGO" else "InternationalNGO"
        return iri, {"iri": iri, "class": cls, "label": label, "country": "", "sector": code}

    def _state_codes(self, state: Any) -> None:
        if state.iri in self._codes_done:
            return
        self._codes_done.add(state.iri)
        for scheme, value in state.codes:
            self.tables.codes.append({"iri": state.iri, "scheme": scheme, "code": str(value)})

    def _place(self, loc: Any, event_iri: str, source_iri: str, verbatim: str, marked: list[Span]) -> None:
        if not isinstance(loc, dict):
            raise Refused("eventLoc is not a JSON object")
        name = loc.get("name")
        code = loc.get("country code")
        if not (isinstance(name, str) and name.strip()):
            state = self.countries.by_iso2(code) if isinstance(code, str) else None
            if state is None:
                raise Refused("eventLoc has neither a name nor a known ISO 3166-1 alpha-2 'country code'")
            name = state.name
        state = self.countries.by_name(name)
        if state is not None:
            iri = state.iri
            row = {"iri": iri, "class": state.cls, "label": state.name}
            self._state_codes(state)
        else:
            iri = self.iri("place", slug(name))
            row = {"iri": iri, "class": "Place", "label": normalize(name)}
        self.tables.places.setdefault(iri, row)
        self.tables.events[-1]["place"] = iri
        if usable(normalize(name), verbatim):
            quote = normalize(name)
        else:
            quote = next((s.text for s in marked if s.marker == "LOC" and usable(s.text, verbatim)), None)
        self.quote(iri, quote or self.tables.records[-1]["text"], source_iri)


@dataclass
class Result:
    tables: Tables
    read: int
    mapped: int
    refused: list[tuple[str, str]]  # (record id or position, reason)

    @property
    def documentation(self) -> int:
        return len(self.tables.documentation)


def load(path: Path) -> list[Any]:
    """The records of a file: a JSON array (as the gold-standard file) or one JSON object per line."""
    text = path.read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        lines = [line for line in text.splitlines() if line.strip()]
        try:
            return [json.loads(line) for line in lines]
        except json.JSONDecodeError:
            raise Refused(f"not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None
    return data if isinstance(data, list) else [data]


def prepare(records: list[Any], mapper: Mapper) -> Result:
    refused: list[tuple[str, str]] = []
    mapped = 0
    seen: set[str] = set()
    for n, record in enumerate(records, start=1):
        rid = record.get("id") if isinstance(record, dict) and isinstance(record.get("id"), str) else f"record {n}"
        try:
            if rid in seen:
                raise Refused("the id is used by an earlier record")
            seen.add(rid)
            if mapper.add(record) == "event":
                mapped += 1
        except Refused as exc:
            refused.append((rid, str(exc)))
    return Result(mapper.tables, len(records), mapped, refused)
