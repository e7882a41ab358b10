"""FAIR Signposting in HTTP (https://signposting.org/FAIR/, level 1): the typed links a site page declares in its
<head> (cite-as, describedby, type, item, license, collection), sent again as one `Link` header (RFC 8288) with
the page, so that a client that reads headers only (a HEAD request, a harvester) finds them without parsing HTML.
The page stays the one place the links are written (scripts/publish/site); this module only repeats them."""
from __future__ import annotations

import functools
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, urljoin

RELS = ("cite-as", "describedby", "type", "item", "license", "collection")
PROFILE = re.compile(r'\s*;\s*profile="?([^";]*)"?')


class _HeadLinks(HTMLParser):
    """The (rel, href, type, profile) of every signposting <link> element, in document order."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "link" and a.get("href"):
            kind, profile = split_profile(a.get("type", ""))
            self.found += [(rel, a["href"], kind, profile) for rel in a.get("rel", "").split() if rel in RELS]


def split_profile(kind: str) -> tuple[str, str]:
    """A link's media type and the profile its `profile` parameter names: HTML has no profile attribute, so a page
    writes `type='application/ld+json;profile="https://w3id.org/ro/crate"'`, and a Link header carries the profile
    as a link parameter of its own (RFC 6906), beside the bare media type."""
    found = PROFILE.search(kind)
    if not found:
        return kind, ""
    return (kind[:found.start()] + kind[found.end():]).strip(), found.group(1)


def head_links(html: str) -> list[tuple[str, str, str, str]]:
    """The signposting links of a page's <head> (nothing after </head> is read)."""
    end = html.find("</head>")
    parser = _HeadLinks()
    parser.feed(html if end < 0 else html[:end])
    return parser.found


def link_header(page_url_path: str, links: list[tuple[str, str, str, str]]) -> str:
    """The Link header value: each target resolved against the page's own path, so that it holds on any host, and
    percent-encoded where it is not ASCII or would end the target (a header is Latin-1; '<' and '>' delimit it)."""
    def target(href: str) -> str:
        return quote(urljoin(page_url_path, href), safe=":/?#[]@!$&'()*+,;=%~")

    def param(name: str, value: str, safe: str) -> str:
        return f' ; {name}="{quote(value, safe=safe)}"' if value else ""

    return ", ".join(f'<{target(href)}> ; rel="{rel}"' + param("type", kind, "/+.-") + param("profile", profile, ":/.-_~")
                     for rel, href, kind, profile in links)


@functools.lru_cache(maxsize=4096)
def _for_file(path: str, page_url_path: str, mtime_ns: int, size: int) -> str:
    return link_header(page_url_path, head_links(Path(path).read_text(encoding="utf-8", errors="replace")))


def for_page(file: Path, page_url_path: str) -> str:
    """The Link header for a served HTML file, "" when the page declares no signposts; computed once per version
    of the file (its modification time and size are part of the cache key)."""
    stat = file.stat()
    return _for_file(str(file), page_url_path, stat.st_mtime_ns, stat.st_size)
