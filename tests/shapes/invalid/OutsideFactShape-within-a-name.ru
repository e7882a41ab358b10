# The country written as a name instead of the IRI of the dataset's place.
# expect: Violation fact:place-istanbul-within-1 nfp:withinPlace NodeKindConstraintComponent
# expect: Violation fact:place-istanbul-within-1 nfp:withinPlace ClassConstraintComponent
DELETE DATA { fact:place-istanbul-within-1 nfp:withinPlace state:turkey } ;
INSERT DATA { fact:place-istanbul-within-1 nfp:withinPlace "Turkey"@en } ;
