"""sh:pattern is an XPath regular expression (SHACL §4.7.1, by way of SPARQL's REGEX). pyshacl runs it with
Python's `re`, the fast engine with Oxigraph's (Rust's `regex`), and each reads a few things otherwise:

| XPath (F&O 3.1 §5.6.1, XSD 1.1 §G) | Python `re`                                   | Rust `regex`                 |
|------------------------------------|-----------------------------------------------|------------------------------|
| `\\s`: space, tab, LF, CR only      | also FF, VT, U+001C-U+001F, Unicode spaces    | Unicode White_Space          |
| `\\S`: the complement of `\\s`       | so "a\\u001cb" is no `\\S+` for Python, is for Rust                           |
| `.`: not LF, not CR                | not LF                                        | not LF                       |
| `$` (no "m" flag): end of string   | also before a final LF                        | end of string                |

`xpath` writes these for either engine so that both mean what XPath means. Escapes that XPath lacks or that the
two engines read differently (`\\w`, `\\W`, `\\b`, `\\B`, `\\A`, `\\Z`, `\\z`), and `\\S` inside a character class
(which neither can write as a complement there), raise NotXPath: the fast engine then does not compile the
shape (scripts/validate/fastshacl.py, Unsupported) and pyshacl gets the pattern as written.
"""
from __future__ import annotations

WHITESPACE = "\\x20\\t\\n\\r"  # XPath's \s, written so that both engines read it alike
NOT_XPATH = set("wWbBAZz")
FLAGS = set("ims")  # XPath's "x" (whitespace dropped, no comments: both engines take "#" for a comment) and "q" are not


class NotXPath(ValueError):
    """A pattern the engines would not read alike."""


def xpath(pattern: str, flags: str = "", python: bool = False) -> str:
    """`pattern` (with sh:flags `flags`) written for Python's `re` (`python`) or for Rust's `regex` so that it
    means what it means in XPath; see the table above."""
    if set(flags) - FLAGS:  # pyshacl reads "i" and "m" only (and any case of them), Oxigraph refuses what XPath lacks
        raise NotXPath(f"sh:flags {flags!r} with sh:pattern {pattern!r}: only {', '.join(sorted(FLAGS))} are read alike")
    out, i, in_class = [], 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\" and i + 1 < len(pattern):
            escape = pattern[i + 1]
            if escape in NOT_XPATH:
                raise NotXPath(f"\\{escape} in sh:pattern {pattern!r}: not XPath, or read otherwise by Python and Rust")
            if escape == "s":
                out.append(WHITESPACE if in_class else f"[{WHITESPACE}]")
            elif escape == "S":
                if in_class:
                    raise NotXPath(f"\\S inside a character class in sh:pattern {pattern!r}")
                out.append(f"[^{WHITESPACE}]")
            else:
                out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "$" and python and "m" not in flags:
            char = "\\Z"
        elif char == "." and "s" not in flags:
            char = "[^\\n\\r]"
        elif char == "." and python:  # "s": any character; pyshacl compiles no flag but "i" and "m" (no re.DOTALL)
            char = "[\\s\\S]"
        out.append(char)
        i += 1
    return "".join(out)
