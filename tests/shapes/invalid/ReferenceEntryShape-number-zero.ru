# A reference entry numbered from 0 instead of 1.
# expect: Violation reference:bulgur-2023-28 nfp:referenceNumber MinInclusiveConstraintComponent
DELETE { reference:bulgur-2023-28 nfp:referenceNumber ?n } INSERT { reference:bulgur-2023-28 nfp:referenceNumber 0 }
WHERE { reference:bulgur-2023-28 nfp:referenceNumber ?n } ;
