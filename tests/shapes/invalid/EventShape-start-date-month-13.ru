# An event starting on "2021-13-05": a plain literal in ISO 8601 form, but there is no month 13.
# expect: Violation event:habitat-ii nfp:startDate PatternConstraintComponent
DELETE { event:habitat-ii nfp:startDate ?d } INSERT { event:habitat-ii nfp:startDate "2021-13-05" }
WHERE { event:habitat-ii nfp:startDate ?d } ;
