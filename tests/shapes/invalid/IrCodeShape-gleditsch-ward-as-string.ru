# A Gleditsch–Ward number written as a string.
# expect: Violation state:turkey nfp:gleditschWardNumber DatatypeConstraintComponent
DELETE { state:turkey nfp:gleditschWardNumber 640 } INSERT { state:turkey nfp:gleditschWardNumber "640" }
WHERE { state:turkey nfp:gleditschWardNumber 640 } ;
