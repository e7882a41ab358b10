# A COW state number written as a string (the range is xsd:integer).
# expect: Violation state:turkey nfp:cowStateNumber DatatypeConstraintComponent
DELETE { state:turkey nfp:cowStateNumber 640 } INSERT { state:turkey nfp:cowStateNumber "640" }
WHERE { state:turkey nfp:cowStateNumber 640 } ;
