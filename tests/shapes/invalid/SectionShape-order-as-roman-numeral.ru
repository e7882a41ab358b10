# A section whose order is its Roman section number "I" instead of an integer.
# expect: Violation section:bulgur-2023-introduction nfp:order DatatypeConstraintComponent
# expect: Violation section:bulgur-2023-introduction nfp:order MinInclusiveConstraintComponent
DELETE { section:bulgur-2023-introduction nfp:order ?n } INSERT { section:bulgur-2023-introduction nfp:order "I" }
WHERE { section:bulgur-2023-introduction nfp:order ?n } ;
