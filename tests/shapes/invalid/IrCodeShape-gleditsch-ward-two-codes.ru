# A second Gleditsch–Ward number beside 640.
# expect: Violation state:turkey nfp:gleditschWardNumber MaxCountConstraintComponent
INSERT DATA { state:turkey nfp:gleditschWardNumber 641 } ;
