# A reference entry whose number is the string "28" instead of an integer.
# expect: Violation reference:bulgur-2023-28 nfp:referenceNumber DatatypeConstraintComponent
# expect: Violation reference:bulgur-2023-28 nfp:referenceNumber MinInclusiveConstraintComponent
DELETE { reference:bulgur-2023-28 nfp:referenceNumber ?n } INSERT { reference:bulgur-2023-28 nfp:referenceNumber "28" }
WHERE { reference:bulgur-2023-28 nfp:referenceNumber ?n } ;
