"""The article's claims as nanopublications (https://nanopub.net): one per claim, each a TriG document of four named
graphs, so that a claim can be cited, checked and moved on its own with the evidence that grounds it.

- head: the nanopublication and its three graphs (np:hasAssertion, np:hasProvenance, np:hasPublicationInfo);
- assertion: the claim as the dataset describes it (its statement, kind, section, causes and effects, what it
  concerns and supports, who asserts it), all its triples except nfp:groundedIn, which is provenance;
- provenance: the assertion prov:wasDerivedFrom the article and from each passage quoted as its evidence, with
  those W3C Web Annotations (their TextQuote and TextPosition selectors), and prov:wasAttributedTo the team that
  wrote it down;
- publication info: when (the publication's day, so that builds stay byte-identical), by whom, the licence, the
  dataset it belongs to, and npx:introduces the claim.

They are unsigned, under https://w3id.org/ngo-fp/nanopub/claim/<slug>, their graphs that IRI's fragments (#Head,
#assertion, ...: the nanopub toolkit signs this form; a slash form came out with a hash it then refused). The toolkit (nanopub-sign) reads
each as valid; signing one (its RSA key, the signer's ORCID) turns its IRI into a trusty URI
(…/claim/<slug>.RA…) ready for the nanopub network. Written as dist/nanopubs.trig (all of them) and
dist/nanopub/claim/<slug>.trig (each, where its IRI resolves).

`make nanopubs-sign KEY=... ORCID=...` (`python -m scripts.publish.nanopubs`, `main` below) signs the published
ones with the team's RSA key into a folder of their own, each checked by the toolkit after signing, for `np publish`."""
from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox

from ..errors import BuildError, display
from ..paths import ARTICLE, BASE, DIST, NFP, OA
from . import describe, dumps  # dumps imports this module too: used at call time only

NP = "http://www.nanopub.org/nschema#"
NPX = "http://purl.org/nanopub/x/"
PROV = "http://www.w3.org/ns/prov#"
DCT = "http://purl.org/dc/terms/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
XSD_DATETIME = ox.NamedNode("http://www.w3.org/2001/XMLSchema#dateTime")
CLAIM = ox.NamedNode(str(NFP.Claim))
GROUNDED_IN = ox.NamedNode(str(NFP.groundedIn))
NANOPUB_BASE = BASE + "nanopub/claim/"
GRAPHS = ("Head", "assertion", "provenance", "pubinfo")  # in the order each document lists them
ALL = "nanopubs.trig"
FOLDER = Path("nanopub") / "claim"
# The prefixes a document declares where its IRIs use them, beside the dataset's own (dumps.context).
PREFIXES = {"np": NP, "npx": NPX, "prov": PROV, "dcterms": DCT, "oa": str(OA),
            "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "xsd": "http://www.w3.org/2001/XMLSchema#"}


def iri(node: ox.NamedNode | str) -> ox.NamedNode:
    return node if isinstance(node, ox.NamedNode) else ox.NamedNode(str(node))


def slug(claim: ox.NamedNode) -> str:
    return claim.value.rsplit("/", 1)[1]


class Index:
    """The dataset's triples by subject, as Oxigraph's parser reads them from the sorted N-Triples: literals keep
    their datatype as written (an Oxigraph store would keep oa:start's xsd:nonNegativeInteger as xsd:integer)."""

    def __init__(self, ntriples: bytes) -> None:
        self.by_subject: dict[ox.NamedNode | ox.BlankNode, list[ox.Triple]] = {}
        for quad in ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES):
            self.by_subject.setdefault(quad.subject, []).append(quad.triple)
        self.children: dict[str, list[ox.NamedNode]] = {}  # IRI -> the IRIs one segment under it, sorted
        for s in sorted((s for s in self.by_subject if isinstance(s, ox.NamedNode)), key=lambda n: n.value):
            self.children.setdefault(s.value.rsplit("/", 1)[0], []).append(s)

    def about(self, subject: ox.NamedNode) -> list[ox.Triple]:
        return self.by_subject.get(subject, [])

    def claims(self) -> list[ox.NamedNode]:
        """Every nfp:Claim of the dataset, sorted by IRI."""
        return sorted((s for s, triples in self.by_subject.items() if isinstance(s, ox.NamedNode)
                       and any(t.predicate == RDF_TYPE and t.object == CLAIM for t in triples)), key=lambda n: n.value)

    def described(self, node: ox.NamedNode) -> list[ox.Triple]:
        """The triples of `node` and of the resources minted one segment under its IRI (an annotation's target and
        selectors)."""
        return self.about(node) + [t for s in self.children.get(node.value, []) for t in self.by_subject[s]]


def nanopub(index: Index, claim: ox.NamedNode, created: str) -> list[ox.Quad]:
    """The quads of the claim's nanopublication, in document order (graphs as GRAPHS, triples sorted)."""
    this = ox.NamedNode(NANOPUB_BASE + slug(claim))
    head, assertion, provenance, pubinfo = (ox.NamedNode(f"{this.value}#{name}") for name in GRAPHS)
    evidence = sorted((t.object for t in index.about(claim) if t.predicate == GROUNDED_IN), key=lambda n: n.value)
    label = next((t.object.value for t in index.about(claim) if t.predicate == RDFS_LABEL), slug(claim))
    team = iri(describe.TEAM.iri)
    graphs: dict[ox.NamedNode, list[ox.Triple]] = {
        head: [ox.Triple(this, RDF_TYPE, ox.NamedNode(NP + "Nanopublication")),
               ox.Triple(this, ox.NamedNode(NP + "hasAssertion"), assertion),
               ox.Triple(this, ox.NamedNode(NP + "hasProvenance"), provenance),
               ox.Triple(this, ox.NamedNode(NP + "hasPublicationInfo"), pubinfo)],
        assertion: [t for t in index.about(claim) if t.predicate != GROUNDED_IN],
        provenance: [ox.Triple(assertion, ox.NamedNode(PROV + "wasDerivedFrom"), iri(ARTICLE)),
                     ox.Triple(assertion, ox.NamedNode(PROV + "wasAttributedTo"), team)]
                    + [ox.Triple(assertion, ox.NamedNode(PROV + "wasDerivedFrom"), ox.NamedNode(e.value + "/target"))
                       for e in evidence]
                    + [t for e in evidence for t in index.described(e)],
        pubinfo: [ox.Triple(this, ox.NamedNode(DCT + "created"), ox.Literal(created, datatype=XSD_DATETIME)),
                  ox.Triple(this, ox.NamedNode(DCT + "creator"), team),
                  ox.Triple(this, ox.NamedNode(PROV + "wasAttributedTo"), team),
                  ox.Triple(this, ox.NamedNode(DCT + "license"), iri(describe.LICENSE)),
                  ox.Triple(this, ox.NamedNode(DCT + "isPartOf"), ox.NamedNode(BASE + "dataset")),
                  ox.Triple(this, ox.NamedNode(NPX + "introduces"), claim),
                  ox.Triple(this, ox.NamedNode(NPX + "hasNanopubType"), CLAIM),
                  ox.Triple(this, RDFS_LABEL, ox.Literal(f"Claim of Bulgur (2023): {label}", language="en"))],
    }
    return [ox.Quad(t.subject, t.predicate, t.object, graph)
            for graph, triples in graphs.items() for t in sorted(set(triples), key=str)]


def trig(quads: list[ox.Quad], prefixes: dict[str, str]) -> str:
    """TriG of `quads` in their order, declaring (sorted) the prefixes its IRIs use."""
    used = {t.value for q in quads for t in (q.subject, q.predicate, q.object, q.graph_name)
            if isinstance(t, ox.NamedNode)}
    used |= {q.object.datatype.value for q in quads if isinstance(q.object, ox.Literal)}
    declared = {p: ns for p, ns in sorted(prefixes.items()) if any(i.startswith(ns) for i in used)}
    return dumps.turtle(quads, declared, ox.RdfFormat.TRIG)


def write(ntriples: bytes, folder: Path, modified: str | None, prefixes: dict[str, str]) -> Path:
    """Write every claim's nanopublication into `folder` (dist/ being written): each under FOLDER, and all of them,
    one document after the other (TriG lets each declare its own `this:` and `sub:`), in ALL. `ntriples`: the
    dataset as N-Triples; `modified`: the publication's day (YYYY-MM-DD), their dct:created; `prefixes`: the
    dataset's. Returns ALL."""
    created = f"{modified or '1970-01-01'}T00:00:00Z"
    each = folder / FOLDER
    each.mkdir(parents=True)
    index = Index(ntriples)
    documents = []
    for claim in index.claims():
        this = NANOPUB_BASE + slug(claim)
        text = trig(nanopub(index, claim, created), {**prefixes, **PREFIXES, "this": this, "sub": this + "#"})
        (each / f"{slug(claim)}.trig").write_text(text, encoding="utf-8")
        documents.append(text)
    path = folder / ALL
    path.write_text("\n".join(documents), encoding="utf-8")
    return path


@contextmanager
def quiet() -> Iterator[None]:
    """The nanopub toolkit prints its verdicts from Rust to file descriptor 1: keep them out of the output."""
    sys.stdout.flush()
    devnull = os.open(os.devnull, os.O_WRONLY)
    saved = os.dup(1)
    os.dup2(devnull, 1)
    try:
        yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)
        os.close(devnull)


ORCID = re.compile(r"https://orcid\.org/(\d{4})-(\d{4})-(\d{4})-(\d{3}[\dX])")


def orcid_valid(iri: str) -> bool:
    """An ORCID iD as its https IRI, with the right check digit (ISO 7064 MOD 11-2, as ORCID computes it)."""
    match = ORCID.fullmatch(iri)
    if match is None:
        return False
    digits = "".join(match.groups())
    total = 0
    for d in digits[:-1]:
        total = (total + int(d)) * 2
    check = (12 - total % 11) % 11
    return digits[-1] == ("X" if check == 10 else str(check))


def read_key(path: Path) -> str:
    """The RSA private key in `path`, as the nanopub tools keep it (base64 PKCS#8; PEM armour lines are dropped)."""
    try:
        text = path.read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError) as exc:
        problem = getattr(exc, "strerror", None) or "not ASCII text"
        raise BuildError(f"cannot read the private key ({problem})", path) from None
    key = "".join(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("-----"))
    if not key:
        raise BuildError("the private key file is empty", path)
    return key


def sign(source: Path, out: Path, key: str, orcid: str, name: str | None) -> list[tuple[str, str]]:
    """Sign every nanopublication under `source` (dist/nanopub/claim) into `out`, checking each signed one;
    returns (unsigned IRI, trusty IRI) pairs, also written to `out`/index.tsv."""
    import nanopub_sign

    files = sorted(source.glob("*.trig"))
    if not files:
        raise BuildError("no nanopublications here: run `make` first", source)
    try:
        profile = nanopub_sign.NpProfile(private_key=key, orcid_id=orcid, name=name)
    except Exception as exc:
        raise BuildError(f"the private key is not an RSA key the nanopub tools can use ({exc})") from None
    out.mkdir(parents=True, exist_ok=True)
    pairs = []
    for path in files:
        try:
            with quiet():
                signed = nanopub_sign.Nanopub(path.read_text(encoding="utf-8")).sign(profile).rdf()
                info = nanopub_sign.Nanopub(signed).check().info()
        except Exception as exc:
            raise BuildError(f"signing failed: {exc}", path) from None
        (out / path.name).write_text(signed, encoding="utf-8")
        pairs.append((NANOPUB_BASE + path.stem, info["uri"]["value"]))
    rows = "".join(f"{unsigned}\t{trusty}\n" for unsigned, trusty in pairs)
    (out / "index.tsv").write_text("nanopub\ttrusty_uri\n" + rows, encoding="utf-8")
    return pairs


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m scripts.publish.nanopubs",
        description="Sign the claims' nanopublications of dist/ with an RSA key, each checked after signing, "
                    "into a folder of their own (trusty URIs; ready for `np publish`).",
        epilog="exit codes: 0 all signed and checked, 1 a problem (key, input, signing), 2 a wrong command line")
    parser.add_argument("--key", type=Path, required=True, help="the RSA private key (as `np setup` writes it)")
    parser.add_argument("--orcid", required=True, help="the signer's ORCID iD, https://orcid.org/0000-0000-0000-0000")
    parser.add_argument("--name", help="the signer's name")
    parser.add_argument("--dist", type=Path, default=DIST, help="the publication (default: dist/)")
    parser.add_argument("--out", type=Path, default=Path("nanopubs-signed"),
                        help="where to write them (default: %(default)s)")
    args = parser.parse_args(argv)
    if not orcid_valid(args.orcid):
        parser.error(f"--orcid {args.orcid!r} is not an ORCID iD (https://orcid.org/ and 16 digits, the last a "
                     "valid check digit)")
    try:
        pairs = sign(args.dist / FOLDER, args.out, read_key(args.key), args.orcid, args.name)
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"{len(pairs)} nanopublications signed and checked: {display(args.out)}/ (trusty URIs in index.tsv)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
