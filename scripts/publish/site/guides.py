"""The guides of docs/ as pages of the site, so that a reader of the site finds them: each Markdown file (CommonMark,
rendered by markdown-it-py, raw HTML left as text) in the site's frame, its first line, a level-1 heading, as the
page's title."""
from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt
from markupsafe import Markup

from ...errors import BuildError, display
from ...paths import DOCS

GUIDES = {"tutorial.html": DOCS / "tutorial.md"}


def context(path: Path) -> dict[str, object]:
    """The page's title and body from one guide."""
    first, _, rest = path.read_text(encoding="utf-8").partition("\n")
    if not first.startswith("# "):
        raise BuildError("a guide begins with its title as a level-1 heading ('# ...')", path, 1)
    body = MarkdownIt("commonmark", {"html": False}).render(rest)
    return {"title": first[2:].strip(), "body": Markup(body), "source": display(path)}
