# A reference entry that does not say which work it references; the citation denoting it no longer reaches its cited work.
# expect: Violation reference:bulgur-2023-28 biro:references MinCountConstraintComponent
# expect: Violation citation:bulgur-2023-willetts-2001-357 - SPARQLConstraintComponent
DELETE WHERE { reference:bulgur-2023-28 biro:references ?w } ;
