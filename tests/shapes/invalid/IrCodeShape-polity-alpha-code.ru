# Polity5's letter code (scode) written where its number (ccode) belongs.
# expect: Violation state:turkey nfp:polityCountryCode DatatypeConstraintComponent
DELETE { state:turkey nfp:polityCountryCode 640 } INSERT { state:turkey nfp:polityCountryCode "TUR" }
WHERE { state:turkey nfp:polityCountryCode 640 } ;
