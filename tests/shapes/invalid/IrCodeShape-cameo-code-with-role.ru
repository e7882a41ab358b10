# A whole CAMEO actor code (country and role) written as the country code.
# expect: Violation state:turkey nfp:cameoCode PatternConstraintComponent
DELETE { state:turkey nfp:cameoCode "TUR" } INSERT { state:turkey nfp:cameoCode "TURGOV" }
WHERE { state:turkey nfp:cameoCode "TUR" } ;
