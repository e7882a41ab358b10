# Cyprus's ISO code put on the de facto state of Northern Cyprus.
# expect: Violation state:trnc - ClassConstraintComponent
INSERT DATA { state:trnc nfp:iso3166Alpha2 "CY" } ;
