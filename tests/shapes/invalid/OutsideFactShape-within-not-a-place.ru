# A city said to lie within an organization, which is no place.
# expect: Violation fact:place-istanbul-within-1 nfp:withinPlace ClassConstraintComponent
DELETE DATA { fact:place-istanbul-within-1 nfp:withinPlace state:turkey } ;
INSERT DATA { fact:place-istanbul-within-1 nfp:withinPlace organization:turksam } ;
