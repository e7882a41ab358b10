# The author written on the reference entry instead of the work.
# expect: Violation reference:bulgur-2023-28 - ClassConstraintComponent
INSERT DATA { reference:bulgur-2023-28 nfp:author person:sule-kut } ;
