"""Read an SSSOM TSV file with sssom-py, the reference implementation, and print what it made of it as JSON.

Run by tests/test_mappings.py with .venv-sssom's Python (`make test` creates it from requirements-sssom.txt):
    python sssom_report.py FILE
prints {"warnings": [...], "errors": [...], "metadata": {...}, "prefixes": {...}, "mappings": [...]}: `warnings` is what the parser
logged (sssom-py drops a malformed mapping with a warning and goes on), `errors` what its validators report
(the SSSOM JSON Schema, prefix map completeness, strict CURIE format), `prefixes` the prefix map it expands CURIEs
with, `mappings` the rows it kept.
"""
from __future__ import annotations

import json
import logging
import sys

from sssom.constants import SchemaValidationType
from sssom.parsers import parse_sssom_table
from sssom.validators import validate


class Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def main(path: str) -> None:
    logged = Collect()
    logging.getLogger().addHandler(logged)
    # strict=False: in sssom 0.4.21 strict=True refuses every file whose metadata is regular (parse_sssom_table
    # hands _fail_in_strict_parsing_mode the result of _is_irregular_metadata, which is False for regular metadata,
    # where it expects "is valid"). The parser logs each irregularity (a non-standard metadata key, a redefined
    # built-in prefix, a malformed mapping) as a warning, and these are collected instead.
    msdf = parse_sssom_table(path)
    warnings = list(logged.messages)
    logged.messages.clear()
    types = [SchemaValidationType.JsonSchema, SchemaValidationType.PrefixMapCompleteness,
             SchemaValidationType.StrictCurieFormat]
    reports = validate(msdf, types, fail_on_error=False)
    errors = [r.message for report in reports.values() if report is not None for r in report.results]
    errors += logged.messages
    mappings = json.loads(msdf.df.to_json(orient="records", date_format="iso"))
    json.dump({"warnings": warnings, "errors": errors, "metadata": msdf.metadata, "prefixes": msdf.converter.bimap,
               "mappings": mappings},
              sys.stdout, default=str, ensure_ascii=False, sort_keys=True)


if __name__ == "__main__":
    main(sys.argv[1])
