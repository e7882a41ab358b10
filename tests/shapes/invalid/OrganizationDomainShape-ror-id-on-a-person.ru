# The ROR id of a scholar's university put on the scholar.
# expect: Violation person:sule-kut - ClassConstraintComponent
INSERT DATA { person:sule-kut nfp:rorId "05xagc088" } ;
