"""Range requests on the published files (a dump resumed, the last bytes of a file), as RFC 9110 section 14 reads:
https://www.rfc-editor.org/rfc/rfc9110#section-14 (checked against rfc9110.xml in github.com/httpwg/http-core at
bde37f634681bd5462568b73aa722af9c9a3ef5e).

Starlette's FileResponse answered three requests against it: a unit other than bytes (`items=0-1`) got 400, where
"An origin server MUST ignore a Range header field that contains a range unit it does not understand"; a set with
one satisfiable range (`bytes=0-0,-0`, `bytes=0-0,99999999-`) got 416, where "A valid ranges-specifier is
satisfiable if it contains at least one range-spec that is satisfiable" and 416 is for a set of which none is; an
invalid set (`bytes=5-2`) got 400, where a server "MAY ignore or reject" it (reject being 416). Here the first and
last are ignored (the whole file, 200), and only the satisfiable ranges of a satisfiable set are sent.
"""
from __future__ import annotations

import re

from starlette.responses import FileResponse, RangeNotSatisfiable

INT_RANGE = re.compile(r"([0-9]+)-([0-9]*)")  # first-pos "-" [ last-pos ]
SUFFIX_RANGE = re.compile(r"-([0-9]+)")  # "-" suffix-length
MAX_RANGES = 100  # more range-specs than this: the header is ignored (a sign of "a deliberate denial-of-service attack")


def position(digits: str, size: int) -> int:
    """A decimal numeral of the header, read as at most size + 1 (which a file of `size` bytes cannot tell from any
    larger number): "recipients MUST anticipate potentially large decimal numerals" (14.1.1), and Python refuses to
    read one of more than 4,300 digits (ValueError), which a 16 KiB header holds. (So `bytes=13-12` of a 10-byte file
    is unsatisfiable, 416, rather than invalid and ignored: the RFC lets a server "ignore or reject" it.)"""
    digits = digits.lstrip("0") or "0"
    return size + 1 if len(digits) > len(str(size)) else min(int(digits), size + 1)


def byte_ranges(header: str, size: int) -> list[tuple[int, int]] | None:
    """The byte ranges a Range header asks of a file of `size` bytes, as (start, end) with `end` excluded, sorted
    and with overlapping or adjacent ones merged (RFC 9110, 14.2: a server "MAY coalesce any of the ranges that
    overlap"). None: the header is ignored and the whole file sent (another unit, an invalid or too long set, or an
    empty file). An empty list: no range is satisfiable (416)."""
    unit, equals, range_set = header.partition("=")
    if not equals or unit.lower() != "bytes" or size == 0:  # range units are case-insensitive (14.1)
        return None  # 14.2: an empty representation's Range "MAY" be ignored
    specs = [spec.strip(" \t") for spec in range_set.split(",")]
    specs = [spec for spec in specs if spec]  # a list's empty elements do not count (5.6.1)
    if not specs or len(specs) > MAX_RANGES:
        return None
    ranges = []
    for spec in specs:
        if whole := INT_RANGE.fullmatch(spec):
            first, last = position(whole[1], size), position(whole[2], size) if whole[2] else None
            if last is not None and last < first:
                return None  # "An int-range is invalid if the last-pos value is present and less than the first-pos"
            if first < size:  # satisfiable: "an int-range with a first-pos that is less than the current length"
                ranges.append((first, size if last is None else min(last + 1, size)))
        elif suffix := SUFFIX_RANGE.fullmatch(spec):
            if length := position(suffix[1], size):  # satisfiable: "a suffix-range with a non-zero suffix-length"
                ranges.append((max(size - length, 0), size))
        else:
            return None  # not a byte range-spec: the set is invalid
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


class RangedFile(FileResponse):
    """A published file, its Range header read by `byte_ranges` (Starlette sends the parts: one range as 206 with
    Content-Range, several as multipart/byteranges, none satisfiable as 416 with `Content-Range: bytes */size`)."""

    @classmethod
    def _parse_range_header(cls, http_range: str, file_size: int) -> list[tuple[int, int]]:
        ranges = byte_ranges(http_range, file_size)
        if ranges is None:
            return []  # Starlette then sends the whole file, 200
        if not ranges:
            raise RangeNotSatisfiable(file_size)
        return ranges
