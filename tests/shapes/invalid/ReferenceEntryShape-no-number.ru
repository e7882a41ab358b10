# A reference entry without its number in the reference list.
# expect: Violation reference:bulgur-2023-28 nfp:referenceNumber MinCountConstraintComponent
DELETE WHERE { reference:bulgur-2023-28 nfp:referenceNumber ?n } ;
