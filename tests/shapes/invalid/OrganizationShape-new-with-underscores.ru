# A new, otherwise complete organization minted with capitals and an underscore (organization/TURKSAM_Vakfi).
# expect: Violation organization:TURKSAM_Vakfi - PatternConstraintComponent
INSERT DATA {
  organization:TURKSAM_Vakfi a nfp:Foundation ;
      rdfs:label "TURKSAM Foundation"@en ;
      nfp:evidenceQuote "TURKSAM is also one of the non-governmental organizations that constantly conducts studies" .
} ;
