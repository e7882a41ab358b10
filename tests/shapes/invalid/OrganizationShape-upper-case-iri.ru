# An organization minted with its acronym in upper case (organization/TURKSAM).
# expect: Violation organization:TURKSAM - PatternConstraintComponent
DELETE { organization:turksam ?p ?o } INSERT { organization:TURKSAM ?p ?o } WHERE { organization:turksam ?p ?o } ;
DELETE { ?s ?p organization:turksam } INSERT { ?s ?p organization:TURKSAM } WHERE { ?s ?p organization:turksam } ;
