# A fact that places an organization within a country: only a place lies within a place.
# expect: Violation fact:place-istanbul-within-1 nfp:factAbout ClassConstraintComponent
DELETE DATA { fact:place-istanbul-within-1 nfp:factAbout place:istanbul } ;
INSERT DATA { fact:place-istanbul-within-1 nfp:factAbout organization:turksam } ;
