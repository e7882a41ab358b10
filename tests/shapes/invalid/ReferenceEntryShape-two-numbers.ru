# A reference entry with two reference numbers.
# expect: Violation reference:bulgur-2023-28 nfp:referenceNumber MaxCountConstraintComponent
INSERT DATA { reference:bulgur-2023-28 nfp:referenceNumber 29 } ;
