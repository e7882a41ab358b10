# A second, unrecorded COW state number beside 640.
# expect: Violation state:turkey nfp:cowStateNumber MaxCountConstraintComponent
INSERT DATA { state:turkey nfp:cowStateNumber 999 } ;
