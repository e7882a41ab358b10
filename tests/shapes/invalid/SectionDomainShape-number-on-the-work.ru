# A section number written on the work.
# expect: Violation work:bulgur-2023 - ClassConstraintComponent
INSERT DATA { work:bulgur-2023 nfp:sectionNumber "I" } ;
