# An activity minted under event/ that is not typed nfp:Event (only an event that is also a meeting may be there).
# expect: Violation event:turksam-studies-on-azerbaijan - SPARQLConstraintComponent
DELETE { activity:turksam-studies-on-azerbaijan ?p ?o } INSERT { event:turksam-studies-on-azerbaijan ?p ?o } WHERE { activity:turksam-studies-on-azerbaijan ?p ?o } ;
