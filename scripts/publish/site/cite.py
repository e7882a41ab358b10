""""Cite this": a CSL-JSON record made from the graph for every work (and for the dataset), written out as
CSL-JSON, as BibTeX with bibtexparser and as RIS with rispy, beside the page that offers them."""
from __future__ import annotations

import json
import re
from collections.abc import Callable

import bibtexparser
import rispy
from bibtexparser.model import Entry, Field
from rdflib import Namespace, URIRef

from ...paths import BASE, NFP, SCHEMA
from ..describe import AGENTS
from .model import DCT, Model

FABIO = Namespace("http://purl.org/spar/fabio/")
PRISM = Namespace("http://prismstandard.org/namespaces/basic/2.0/")
FRBR = Namespace("http://purl.org/vocab/frbr/core#")
# fabio class -> (CSL type, BibTeX type, RIS type)
TYPES = {
    FABIO.Book: ("book", "book", "BOOK"), FABIO.BookChapter: ("chapter", "incollection", "CHAP"),
    FABIO.ConferencePaper: ("paper-conference", "inproceedings", "CPAPER"),
    FABIO.JournalArticle: ("article-journal", "article", "JOUR"), FABIO.MastersThesis: ("thesis", "mastersthesis", "THES"),
    FABIO.ReportDocument: ("report", "techreport", "RPRT"), FABIO.WebContent: ("webpage", "misc", "ELEC"),
    "dataset": ("dataset", "misc", "DATA"),
}
CITABLE = set(TYPES) - {"dataset"}
Write = Callable[[str, str], None]  # (path inside site/, text)


class RisFile(rispy.RisWriter):
    """RIS as reference managers read it: no "1." numbering line before the record."""

    def set_header(self, count: int) -> str:
        return ""


def person(name: str) -> dict[str, str]:
    """A CSL name from "Family, Given" or "Given Family"; an organization's name stays literal."""
    if ", " in name:
        family, given = name.split(", ", 1)
        return {"family": family, "given": given}
    parts = name.split()
    if len(parts) >= 2 and all(p[:1].isupper() for p in parts) and len(parts) <= 4:
        return {"family": parts[-1], "given": " ".join(parts[:-1])}
    return {"literal": name}


def name(model: Model, agent: URIRef) -> dict[str, str]:
    return person(model.label(agent)) if NFP.Person in model.types(agent) else {"literal": model.label(agent)}


def as_written(written: str, label: str) -> tuple[int, str]:
    """Where an agent's name, or else its family name, stands in the entry, so that authors, editors and translators
    keep the entry's order ("A. Yalçinkaya ve Y. Özgen, Ed.", not the order of their IRIs; the editor Şule Kut by
    her name in "(Gencer Özcan ve Şule Kut, Der.)", not by "Kut, Ş." the author); one not found goes last."""
    found = written.find(label) if label in written else written.find(label.split()[-1])
    return (found if found >= 0 else len(written), label)


# authors as written that end a list the entry does not give whole ("et al.", "et. al.", Turkish "vd.")
ET_AL = re.compile(r"\bet\.? al\.?|\bvd\.", re.IGNORECASE)
# an item's mark that its author list is not whole: written by BibTeX as "and others" and in the plain reference as
# "et al."; CSL-JSON and RIS have no form for it, and the key is left out of the CSL-JSON file (files)
MORE_AUTHORS = "_more-authors"


def name_text(n: dict[str, str]) -> str:
    return n.get("literal") or f"{n['family']}, {n['given']}"


def csl(model: Model, iri: URIRef) -> dict[str, object] | None:
    kinds = [t for t in model.types(iri) if t in CITABLE]
    if not kinds:
        return None
    text = lambda prop: str(model.first(iri, prop)) if model.first(iri, prop) is not None else None  # noqa: E731
    item: dict[str, object] = {"id": str(iri).rsplit("/", 1)[-1], "type": TYPES[kinds[0]][0], "URL": str(iri)}
    if text(DCT.title):  # a work whose entry gives no title ([33], [34], [36]) gets none, not its label
        item["title"] = text(DCT.title)
    quote = " ".join(str(q) for q in model.objects(iri, NFP.evidenceQuote))  # the entry, which names the editors
    for prop, key, written in ((NFP.author, "author", text(NFP.authorsAsWritten) or ""), (NFP.editor, "editor", quote),
                               (NFP.translator, "translator", quote)):
        agents = sorted(model.objects(iri, prop), key=lambda a: as_written(written, model.label(a)))
        if agents:
            item[key] = [name(model, a) for a in agents]
    if ET_AL.search(text(NFP.authorsAsWritten) or ""):  # [29] "Yalçinkaya, H. et. al.": the entry names one of them
        item[MORE_AUTHORS] = True
    year = text(DCT.issued)
    if year:
        item["issued"] = {"date-parts": [[int(year[:4])]]}
    container = text(NFP.containerTitle)
    part = model.first(iri, FRBR.partOf)
    while container is None and part is not None:
        if model.first(part, DCT.title) is not None:
            container = str(model.first(part, DCT.title))
        part = model.first(part, FRBR.partOf)
    if container:
        item["container-title"] = container
    for prop, key in ((PRISM.volume, "volume"), (PRISM.issueIdentifier, "issue"), (NFP.pages, "page"),
                      (NFP.edition, "edition")):
        if text(prop):
            item[key] = text(prop)
    publisher = model.first(iri, NFP.publisher)
    if publisher is not None:
        item["publisher"] = model.label(publisher)
    place = model.first(iri, NFP.publicationPlace)
    if place is not None:
        item["publisher-place"] = model.label(place)
    if text(SCHEMA.url):
        item["URL"] = text(SCHEMA.url)
    if text(NFP.accessDate):
        item["accessed"] = {"date-parts": [[int(p) for p in text(NFP.accessDate).split("-")[:3] if p.isdigit()]]}
    language = model.first(iri, DCT.language)
    if language is not None:
        item["language"] = str(language).rstrip("/").rsplit("/", 1)[-1]
    return item


def agent_name(model: Model, agent: URIRef) -> str:
    """The name of an agent the ontology names by IRI (its creator): the project's own by describe.AGENTS, any
    other by its label in the data."""
    return AGENTS[agent].name if agent in AGENTS else model.label(agent)


def bibtex_names(names: list[dict[str, str]]) -> str:
    """BibTeX's name list; an organization's name in braces, or BibTeX would read its last word as a family name
    ("DPT (State Planning Organization)" as "Organization), DPT (State Planning")."""
    return " and ".join("{" + n["literal"] + "}" if "literal" in n else name_text(n) for n in names)


def bibtex(item: dict[str, object], bib_type: str) -> str:
    fields = [Field("title", "{" + str(item["title"]) + "}")] if item.get("title") else []
    for key in ("author", "editor", "translator"):  # translator: biblatex's field
        if item.get(key):
            others = " and others" if key == "author" and item.get(MORE_AUTHORS) else ""
            fields.append(Field(key, bibtex_names(item[key]) + others))  # type: ignore[arg-type]
    if item.get("issued"):
        fields.append(Field("year", str(item["issued"]["date-parts"][0][0])))  # type: ignore[index]
    container_field = {"article": "journal", "incollection": "booktitle", "inproceedings": "booktitle"}.get(bib_type, "howpublished")
    # BibTeX reads a thesis's university from "school" and a report's body from "institution", not "publisher"
    publisher_field = {"mastersthesis": "school", "techreport": "institution"}.get(bib_type, "publisher")
    for key, field in (("container-title", container_field), ("volume", "volume"), ("issue", "number"),
                       ("page", "pages"), ("edition", "edition"), ("publisher", publisher_field),
                       ("publisher-place", "address"), ("version", "version"), ("URL", "url"), ("language", "language")):
        if item.get(key):
            value = str(item[key]).replace("-", "--") if key == "page" else str(item[key])
            fields.append(Field(field, value))
    if item.get("accessed"):  # biblatex's urldate, YYYY-MM-DD
        fields.append(Field("urldate", "-".join(f"{p:02d}" for p in item["accessed"]["date-parts"][0])))  # type: ignore[index]
    key = re.sub(r"[^A-Za-z0-9]", "", str(item["id"]))
    return bibtexparser.write_string(bibtexparser.Library([Entry(bib_type, key, fields)]))


def ris(item: dict[str, object], ris_type: str) -> str:
    entry: dict[str, object] = {"type_of_reference": ris_type}
    if item.get("title"):
        entry["title"] = item["title"]
    # AU authors, A2 editors, A4 translators (the RIS tags Zotero's RIS translator reads so)
    for key, tag in (("author", "authors"), ("editor", "secondary_authors"), ("translator", "subsidiary_authors")):
        if item.get(key):
            entry[tag] = [name_text(n) for n in item[key]]  # type: ignore[union-attr]
    if item.get("issued"):
        entry["year"] = str(item["issued"]["date-parts"][0][0])  # type: ignore[index]
    if item.get("container-title"):
        entry["secondary_title"] = item["container-title"]
    for key, tag in (("volume", "volume"), ("issue", "number"), ("publisher", "publisher"),
                     ("publisher-place", "place_published"), ("language", "language"), ("edition", "edition")):
        if item.get(key):
            entry[tag] = str(item[key])
    if item.get("page"):
        first, _, last = str(item["page"]).partition("-")
        entry["start_page"] = first
        if last:
            entry["end_page"] = last
    if item.get("URL"):
        entry["urls"] = [item["URL"]]
    if item.get("accessed"):  # Y2, access date, as YYYY/MM/DD
        entry["access_date"] = "/".join(f"{p:02d}" for p in item["accessed"]["date-parts"][0])  # type: ignore[index]
    return rispy.dumps([entry], implementation=RisFile)


def text(item: dict[str, object]) -> str:
    """A plain reference (author–date) for reading; the files are for reference managers. Without authors the
    editors take their place, marked (Ed.) or (Eds.), and without either the title does, as in the article's own
    reference list ("AB Uyum Süreci ve STK'lar". (2004). ...); a work with no title ([33], [34]) is not given its label
    for one ("TÜSİAD (2017). TÜSİAD (2017)." before)."""
    authors, editors = item.get("author", []), item.get("editor", [])
    names = "; ".join(name_text(n) for n in authors or editors)  # type: ignore[union-attr]
    if authors and item.get(MORE_AUTHORS):
        names += " et al."
    if names and not authors:
        names += " (Eds.)" if len(editors) > 1 else " (Ed.)"  # type: ignore[arg-type]
    year = item["issued"]["date-parts"][0][0] if item.get("issued") else "n.d."  # type: ignore[index]
    title = item.get("title")
    if names:
        parts = [f"{names} ({year})." + (f" {title}." if title else "")]
    elif title:
        parts = [f"{title}. ({year})."]
    else:  # without names and title ([36]) the address leads, as in the article's entry, and is not repeated
        return f"{item['URL']} ({year})."
    if item.get("container-title"):
        vol = f", {item['volume']}" + (f"({item['issue']})" if item.get("issue") else "") if item.get("volume") else ""
        parts.append(f"{item['container-title']}{vol}" + (f", {item['page']}" if item.get("page") else "") + ".")
    if item.get("version"):
        parts.append(f"Version {item['version']}.")
    if item.get("publisher"):
        parts.append((f"{item['publisher-place']}: " if item.get("publisher-place") else "") + f"{item['publisher']}.")
    parts.append(str(item["URL"]))
    return " ".join(parts)


def files(item: dict[str, object], kinds: tuple[str, str, str], write: Write, folder: str, stem: str,
          href: str) -> dict[str, object]:
    """Write the three files as `folder/stem.{bib,ris,csl.json}` (paths inside site/); return what the page shows."""
    outputs = {"BibTeX": (".bib", bibtex(item, kinds[1])), "RIS": (".ris", ris(item, kinds[2])),
               "CSL-JSON": (".csl.json", json.dumps([{k: v for k, v in item.items() if k != MORE_AUTHORS}], indent=2,
                                                    ensure_ascii=False, sort_keys=True) + "\n")}
    formats = []
    for name, (suffix, content) in outputs.items():
        write(f"{folder}{stem}{suffix}", content)
        formats.append({"name": name, "text": content, "href": f"{href}{stem}{suffix}"})
    return {"text": text(item), "formats": formats}


def for_work(model: Model, iri: URIRef, rel: str, write: Write) -> dict[str, object] | None:
    item = csl(model, iri)
    if item is None:
        return None
    kinds = next(TYPES[t] for t in model.types(iri) if t in CITABLE)
    folder, _, name = rel.rpartition("/")
    return files(item, kinds, write, folder + "/", name.removesuffix(".html"), "")


def for_dataset(model: Model, version: str, write: Write) -> dict[str, object]:
    onto = URIRef(BASE + "ontology")
    modified = str(model.first(onto, DCT.modified) or "")
    item: dict[str, object] = {
        "id": "ngo-fp-dataset", "type": "dataset", "version": version, "URL": BASE,
        "title": "NGOs and foreign policy in Turkey–Azerbaijan relations: Bulgur (2023) as Linked Data",
        "author": [{"literal": agent_name(model, c)} for c in sorted(model.objects(onto, DCT.creator))],
    }
    if modified[:4].isdigit():
        item["issued"] = {"date-parts": [[int(modified[:4])]]}
    return files(item, TYPES["dataset"], write, "cite/", "ngo-fp-dataset", "cite/")
