# A reference entry whose biro:references has a typo (willets), so it points to no source.
# expect: Violation reference:bulgur-2023-28 biro:references ClassConstraintComponent
# expect: Warning work:willets-2001 dcterms:title MinCountConstraintComponent
# expect: Violation citation:bulgur-2023-willetts-2001-357 - SPARQLConstraintComponent
DELETE { reference:bulgur-2023-28 biro:references work:willetts-2001 } INSERT { reference:bulgur-2023-28 biro:references work:willets-2001 }
WHERE { reference:bulgur-2023-28 biro:references work:willetts-2001 } ;
