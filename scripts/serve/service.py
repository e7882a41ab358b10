"""What is refused before a query is evaluated: brackets nested past MAX_NESTING, more than MAX_TOKENS tokens
(below), and SERVICE.

No outbound requests: a query holding a `SERVICE` pattern is refused before it is evaluated.

Oxigraph would fetch any URL named by `SERVICE` (port probing, requests multiplied by nested calls), so the
endpoint decides by parsing the query with rdflib's SPARQL 1.1 parser and looking for a
`ServiceGraphPattern` anywhere in the parse tree (sub-queries, OPTIONAL, MINUS, EXISTS, ...). The workers
also run without a network (worker.py, `isolate`), so a query that got past this check could reach nothing.

rdflib must read the text as Oxigraph does, and in two ways it does not:
- a comment ends at a carriage return for Oxigraph (and the SPARQL grammar), at a line feed only for rdflib:
  so every CR is read as a LF here (outside comments a CR and a LF are the same whitespace, and neither can
  stand in a short string);
- rdflib expands `\\u`/`\\U` code-point escapes everywhere before parsing, Oxigraph only inside strings and
  IRIs; an escape can thus open or close a string for rdflib and not for Oxigraph. A query with such an
  escape that also holds the letters "service" is refused rather than guessed at.

Parsing with rdflib costs 5-70 ms, so it is skipped when the query cannot hold the keyword at all: Oxigraph
reads no escape in a keyword, so a `SERVICE` pattern needs the letters "service" in the text (in any case;
`casefold` also folds look-alikes such as the long s); a query that spells them with escapes is refused too.
"""
from __future__ import annotations

import re
from typing import Any

from pyparsing import ParseException, ParseResults
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.parserutils import CompValue


class Refused(Exception):
    """The query is not evaluated; the message says why (answered with 400)."""


# Nesting: Oxigraph's parser and evaluator recurse once per level, and a worker's stack (8 MiB) overflows
# (SIGSEGV, the worker lost) at about 400 nested collections `( ( ...`, 1,000 nested EXISTS or function calls and
# 5,000 nested parentheses. A hand-written query seldom nests 20 deep.
MAX_NESTING = 128
# the spans in which a bracket does not nest for Oxigraph: comments and strings (skipped), IRIs (counted anyway:
# a `<` read here as an IRI may be a less-than for Oxigraph, and what follows must not be hidden), and a
# backslash with the character after it (skipped). Outside strings and IRIs, Oxigraph reads `\` only in a
# prefixed name's escape (`ex:a\#`, `ex:a\'`: SPARQL 1.1, PN_LOCAL_ESC), where the `#` or the quote starts no
# comment or string; and an IRI may hold `\u`/`\U` escapes (UCHAR) before a `#`. Read otherwise, the rest of the
# line or of the query would be hidden from the count (5,000 parentheses after `ex:a\#` crashed a worker).
OPAQUE = [  # spans whose content is no syntax: comments and strings
    r"#[^\n\r]*",  # a comment
    r'"""(?:[^"\\]|\\.|"(?!""))*"""', r"'''(?:[^'\\]|\\.|'(?!''))*'''",  # long strings
    r'"(?:[^"\\\n\r]|\\.)*"', r"'(?:[^'\\\n\r]|\\.)*'",  # short strings
]
IRI = r'<(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>'
TOKEN = re.compile("|".join([
    *OPAQUE, IRI,
    r"\\.",  # an escaped character in a prefixed name
    r"[(\[{)\]}]",
]), re.S)


# Length: operator chains and long lists recurse without a bracket (`!!!…true`, `1+1+…`, `{} UNION {} …`, long
# paths, object lists, joins, BINDs: each crashed a worker's 8 MiB stack at 10,000 to 100,000 of them, found by
# probing). The workers run queries on a stack of STACK_BYTES (worker.py), on which none of them, nor the
# nesting allowed above, crashed at 50,000 tokens (75,000 for UNION and OPTIONAL chains); a query of more tokens is
# refused. Tokens: a string, a name, a number or a variable is one; every other character but spaces is one. An IRI
# is one, plus one per operator character in it (OPERATORS): a `<` read here as an IRI may be a less-than for
# Oxigraph, and a chain between it and a `>` must not be hidden (as for the brackets above).
MAX_TOKENS = 50_000
STACK_BYTES = 256 * 1024 * 1024
OPERATORS = frozenset("!&+*=,;-")
WORD = re.compile("|".join([*OPAQUE, IRI, r"[\w:?$@.\-]+", r"\S"]), re.S)


def tokens(query: str) -> int:
    """How many tokens the query has outside comments (see MAX_TOKENS); linear in its length."""
    count = 0
    for m in WORD.finditer(query):
        token = m.group()
        if token[0] == "#":
            continue
        count += 1 + (sum(1 for char in token if char in OPERATORS) if token[0] == "<" and len(token) > 1 else 0)
    return count


def nesting(query: str) -> int:
    """How deep brackets of any kind nest in the query, outside comments and strings; linear in its length."""
    depth = deepest = 0
    for m in TOKEN.finditer(query):
        token = m.group()
        if token[0] in "#'\"\\":
            continue
        for char in token:
            if char in "([{":
                depth += 1
                deepest = max(deepest, depth)
            elif char in ")]}":
                depth = max(depth - 1, 0)  # a closing bracket too many hides nothing that follows
    return deepest


ESCAPE = re.compile(r"\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}")


def may_hold_service(query: str) -> bool:
    """The letters "service" in the text (all Oxigraph can read as the keyword), or once escapes are expanded
    (not a keyword for Oxigraph, a syntax error there, but refused here all the same: the answer says why)."""
    if "service" in query.casefold():
        return True
    try:
        return "service" in ESCAPE.sub(lambda m: chr(int(m.group()[2:], 16)), query).casefold()
    except (ValueError, OverflowError):  # an escape past U+10FFFF
        return True


def parsed(query: str) -> ParseResults:
    """rdflib's parse tree of the query, every CR read as a LF (see above)."""
    return parseQuery(query.replace("\r", "\n"))


def _has(node: Any, name: str) -> bool:
    """A part named `name` anywhere in rdflib's parse tree."""
    if isinstance(node, CompValue):
        if node.name == name:
            return True
        return any(_has(v, name) for v in node.values())
    if isinstance(node, (ParseResults, list, tuple)):
        return any(_has(v, name) for v in node)
    return False


def check(query: str) -> None:
    """Raise Refused if the query nests deeper than MAX_NESTING, has more than MAX_TOKENS tokens or holds a SERVICE
    pattern (or cannot be checked)."""
    if (depth := nesting(query)) > MAX_NESTING:
        raise Refused(f"Query refused: its brackets nest {depth} deep, past this endpoint's limit of {MAX_NESTING}, "
                      "beyond which the query engine could run out of stack.")
    if (count := tokens(query)) > MAX_TOKENS:
        raise Refused(f"Query refused: it has {count} tokens, past this endpoint's limit of {MAX_TOKENS}, beyond which "
                      "the query engine could run out of stack. Split it, or run it on your own store.")
    if not may_hold_service(query):
        return
    if "\\u" in query or "\\U" in query:
        raise Refused("Query refused: it mentions SERVICE and holds \\u or \\U code-point escapes, which the check "
                      "cannot read as the query engine does. Write those characters as themselves.")
    try:
        tree = parsed(query)
    except ParseException as err:
        raise Refused(f"Query refused: it mentions SERVICE but could not be parsed to check it "
                      f"(line {err.lineno}, column {err.col}: {err.msg}).") from None
    except Exception as err:  # rdflib raises assorted errors on odd input (e.g. undefined prefixes)
        raise Refused(f"Query refused: it mentions SERVICE but could not be parsed to check it ({err}).") from None
    if _has(tree, "ServiceGraphPattern"):
        raise Refused("Query refused: SERVICE (federated query) is not allowed on this endpoint; "
                      "it makes no outbound requests. Run federated queries on your own store.")
