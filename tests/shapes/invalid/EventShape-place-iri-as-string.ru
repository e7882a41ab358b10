# An event whose place is the IRI of Istanbul written as a string instead of an IRI.
# expect: Violation event:habitat-ii nfp:place ClassConstraintComponent
DELETE { event:habitat-ii nfp:place place:istanbul } INSERT { event:habitat-ii nfp:place "https://w3id.org/ngo-fp/resource/place/istanbul" }
WHERE { event:habitat-ii nfp:place place:istanbul } ;
