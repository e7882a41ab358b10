# A source whose page range is written with a "pp." prefix and an en dash.
# expect: Violation work:bulgur-2023 nfp:pages PatternConstraintComponent
DELETE { work:bulgur-2023 nfp:pages ?p } INSERT { work:bulgur-2023 nfp:pages "pp. 182–190" }
WHERE { work:bulgur-2023 nfp:pages ?p } ;
