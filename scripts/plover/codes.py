"""Country and organization codes of PLOVER records, resolved to resources.

A record's country code is an ISO 3166-1 alpha-3 code (the dataset's documentation). It is joined to the
article's state by that code, through the ISO rows of links/ir-codes.csv; any other state gets
`<base>state/<slug of countrycode's English name>`. Its identifiers (ISO, UN M49, COW, G-W, V-Dem, Polity)
come from the countrycode library (scripts/link/countrycodes.py). IGO/NGO actors have no code of their own in the
records: `examples/plover-gsr/organizations.csv` (hand-written) names the article's organization an actor
text denotes; other organizations get `<base>organization/<slug of the actor text>`.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..link import countrycodes
from ..validate.grounding import normalize
from .scheme import EXAMPLE, slug

ORGANIZATIONS = EXAMPLE / "organizations.csv"


@dataclass(frozen=True)
class State:
    iri: str
    name: str
    iso3: str
    codes: tuple[tuple[str, str], ...]  # (ir-codes scheme, code)

    @property
    def cls(self) -> str:
        """Its class: nfp:State where the Correlates of War or the Gleditsch–Ward list of independent states codes it,
        else nfp:Country (a territory such as Hong Kong or the Palestinian Territories, which ISO 3166-1 codes but
        neither list counts as a sovereign state)."""
        return "State" if any(scheme in ("cow-ccode", "gleditsch-ward") for scheme, _ in self.codes) else "Country"


class Countries:
    def __init__(self, base: str, ir_codes: Path = countrycodes.IR_CODES, organizations: Path = ORGANIZATIONS) -> None:
        self.base = base
        self.article: dict[str, str] = {}  # ISO alpha-3 -> the article's state
        with ir_codes.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                if row["scheme"] == "iso3166-alpha3":
                    self.article[row["code"]] = row["resource"]
        self.organizations: dict[str, tuple[str, str, str]] = {}
        with organizations.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                self.organizations[normalize(row["actor_text"]).lower()] = (row["resource"], row["class"], row["label"])

    @lru_cache(maxsize=None)
    def state(self, code: str) -> State | None:
        name = countrycodes.name(code)
        if name is None or countrycodes.convert(code, "iso3c", "iso3c") != code:
            return None  # not an ISO alpha-3 code (e.g. CAMEO's JAP)
        iri = self.article.get(code) or f"{self.base}state/{slug(name)}"
        return State(iri, name, code, tuple((s, c) for s, c, _ in countrycodes.codes(code)))

    def by_iso2(self, code: str) -> State | None:
        iso3 = countrycodes.convert(code.strip().upper(), "iso2c", "iso3c")
        return self.state(iso3) if iso3 else None

    def by_name(self, text: str) -> State | None:
        iso3 = countrycodes.iso3_of_name(text)
        return self.state(iso3) if iso3 else None

    def organization(self, text: str) -> tuple[str, str, str] | None:
        return self.organizations.get(normalize(text).lower())
