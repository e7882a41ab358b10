"""`python -m scripts.dates`: typed date and year literals become plain ISO 8601 literals, nothing else moves."""
from __future__ import annotations

from pathlib import Path

from rdflib import Literal

from scripts import dates
from scripts.load import parse

BEFORE = '''@prefix nfp: <https://w3id.org/ngo-fp/ontology#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://w3id.org/ngo-fp/resource/event/a> nfp:startDate "1996-06-14"^^xsd:date ;
    nfp:endDate "1996-06"^^<http://www.w3.org/2001/XMLSchema#gYearMonth> ;
    nfp:evidenceQuote "In 1996 (\\"1996\\"^^xsd:gYear is not a literal here)" ;
    nfp:note "2001-09-11T00:00:00"^^xsd:dateTime .
<https://w3id.org/ngo-fp/resource/period/b> nfp:startDate "1980"^^xsd:gYear .
'''
AFTER = '''@prefix nfp: <https://w3id.org/ngo-fp/ontology#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://w3id.org/ngo-fp/resource/event/a> nfp:startDate "1996-06-14" ;
    nfp:endDate "1996-06" ;
    nfp:evidenceQuote "In 1996 (\\"1996\\"^^xsd:gYear is not a literal here)" ;
    nfp:note "2001-09-11T00:00:00"^^xsd:dateTime .
<https://w3id.org/ngo-fp/resource/period/b> nfp:startDate "1980" .
'''


def test_converts_only_date_and_year_literals_and_is_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "events.ttl"
    path.write_text(BEFORE, encoding="utf-8")
    assert dates.main([str(path)]) == 0
    assert path.read_text(encoding="utf-8") == AFTER
    assert dates.main([str(path)]) == 0
    assert path.read_text(encoding="utf-8") == AFTER
    assert Literal("1980") in set(parse(path).objects())


def test_an_ill_formed_literal_is_named_and_kept(tmp_path: Path, capsys) -> None:
    path = tmp_path / "bad.ttl"
    text = '<https://w3id.org/ngo-fp/resource/event/a>\n  <https://w3id.org/ngo-fp/ontology#endDate> "14.06.1996"^^<http://www.w3.org/2001/XMLSchema#date> .\n'
    path.write_text(text, encoding="utf-8")
    assert dates.main([str(path)]) == 1
    assert path.read_text(encoding="utf-8") == text
    assert f'{path}:2: "14.06.1996" is not an xsd:date' in capsys.readouterr().err


def test_the_project_has_no_typed_dates_left() -> None:
    root = Path(__file__).resolve().parent.parent
    files = sorted((root / "instances").glob("*.ttl")) + [root / "ontology" / "ngo-fp.ttl"]
    assert len(files) >= 13
    for path in files:
        _, changed, problems = dates.convert_text(path.read_text(encoding="utf-8"), path)
        assert (changed, problems) == (0, []), path
