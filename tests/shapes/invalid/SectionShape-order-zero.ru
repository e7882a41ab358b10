# A section whose order counts from 0 instead of 1.
# expect: Violation section:bulgur-2023-introduction nfp:order MinInclusiveConstraintComponent
DELETE { section:bulgur-2023-introduction nfp:order ?n } INSERT { section:bulgur-2023-introduction nfp:order 0 }
WHERE { section:bulgur-2023-introduction nfp:order ?n } ;
