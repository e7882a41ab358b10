# A citation whose c4o:denotes points to the cited work instead of its reference entry.
# expect: Violation citation:bulgur-2023-willetts-2001-357 c4o:denotes ClassConstraintComponent
# expect: Violation citation:bulgur-2023-willetts-2001-357 - SPARQLConstraintComponent
DELETE { citation:bulgur-2023-willetts-2001-357 c4o:denotes ?e } INSERT { citation:bulgur-2023-willetts-2001-357 c4o:denotes work:willetts-2001 }
WHERE { citation:bulgur-2023-willetts-2001-357 c4o:denotes ?e } ;
