# A code record with a second source (the pairing of source and words is lost) and a day typed xsd:date.
# expect: Violation code:state-turkey-cow-ccode-countrycode nfp:evidenceLocation MaxCountConstraintComponent
# expect: Violation code:state-turkey-cow-ccode-countrycode nfp:checkedOn DatatypeConstraintComponent
INSERT DATA { code:state-turkey-cow-ccode-countrycode nfp:evidenceLocation "https://example.org/cow" ;
    nfp:checkedOn "2026-12-03"^^xsd:date } ;
