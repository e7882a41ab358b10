# A code record whose code is an integer, not the code as written (plain literal).
# expect: Violation code:state-turkey-cow-ccode-countrycode nfp:code DatatypeConstraintComponent
DELETE { code:state-turkey-cow-ccode-countrycode nfp:code ?c } INSERT { code:state-turkey-cow-ccode-countrycode nfp:code 640 }
WHERE { code:state-turkey-cow-ccode-countrycode nfp:code ?c } ;
