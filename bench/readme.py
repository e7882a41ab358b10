"""bench/README.md is written by several scripts: each owns one section between its own start and end markers."""
from __future__ import annotations

from pathlib import Path

README = Path(__file__).resolve().parent / "README.md"


def put_section(start: str, end: str, section: str) -> None:
    """Put `section` (from the `start` marker to the `end` marker) in place of the one in the README, or append it."""
    text = README.read_text(encoding="utf-8") if README.exists() else "# Benchmark\n\n"
    if start in text and end in text:
        text = text[:text.index(start)] + section + text[text.index(end) + len(end):]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    README.write_text(text, encoding="utf-8")
