# A reference number typed xsd:integer but written as a Roman numeral: ill-typed, and not comparable with 1.
# expect: Violation reference:bulgur-2023-28 nfp:referenceNumber DatatypeConstraintComponent
# expect: Violation reference:bulgur-2023-28 nfp:referenceNumber MinInclusiveConstraintComponent
DELETE { reference:bulgur-2023-28 nfp:referenceNumber ?n } INSERT { reference:bulgur-2023-28 nfp:referenceNumber "XXVIII"^^xsd:integer }
WHERE { reference:bulgur-2023-28 nfp:referenceNumber ?n } ;
