# A participation IRI that joins activity and actor with one hyphen instead of "--".
# expect: Violation participation:turksam-studies-on-azerbaijan-turksam - PatternConstraintComponent
DELETE { participation:turksam-studies-on-azerbaijan--turksam ?p ?o } INSERT { participation:turksam-studies-on-azerbaijan-turksam ?p ?o }
WHERE { participation:turksam-studies-on-azerbaijan--turksam ?p ?o } ;
DELETE { ?s ?p participation:turksam-studies-on-azerbaijan--turksam } INSERT { ?s ?p participation:turksam-studies-on-azerbaijan-turksam }
WHERE { ?s ?p participation:turksam-studies-on-azerbaijan--turksam } ;
