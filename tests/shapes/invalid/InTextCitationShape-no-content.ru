# A citation that does not give its pointer as written.
# expect: Violation citation:bulgur-2023-ari-2010-13 c4o:hasContent MinCountConstraintComponent
DELETE WHERE { citation:bulgur-2023-ari-2010-13 c4o:hasContent ?c } ;
