"""Hand-edited Turtle stays tidy: each resource is described in one file only, and every file opens with a
comment saying what it holds."""
from __future__ import annotations

from collections import defaultdict

from rdflib import RDF

from scripts.load import instance_files, parse


def test_each_resource_is_described_in_one_file() -> None:
    files = instance_files()
    assert len(files) >= 10
    where = defaultdict(set)
    for path in files:
        for subject in parse(path).subjects(RDF.type):
            where[subject].add(path.name)
    shared = {str(s): sorted(fs) for s, fs in where.items() if len(fs) > 1}
    assert not shared


def test_every_file_says_what_it_holds() -> None:
    for path in instance_files():
        assert path.read_text(encoding="utf-8").startswith("# "), path.name
