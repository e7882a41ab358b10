# A citation pointer recorded with an @en tag instead of as a plain string.
# expect: Violation citation:bulgur-2023-willetts-2001-357 c4o:hasContent DatatypeConstraintComponent
DELETE { citation:bulgur-2023-willetts-2001-357 c4o:hasContent ?c } INSERT { citation:bulgur-2023-willetts-2001-357 c4o:hasContent "(Willetts, 2001:357)"@en }
WHERE { citation:bulgur-2023-willetts-2001-357 c4o:hasContent ?c } ;
