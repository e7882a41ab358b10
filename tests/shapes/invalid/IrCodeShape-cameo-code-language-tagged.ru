# A CAMEO country code written with a language tag.
# expect: Violation state:turkey nfp:cameoCode DatatypeConstraintComponent
DELETE { state:turkey nfp:cameoCode "TUR" } INSERT { state:turkey nfp:cameoCode "TUR"@en }
WHERE { state:turkey nfp:cameoCode "TUR" } ;
