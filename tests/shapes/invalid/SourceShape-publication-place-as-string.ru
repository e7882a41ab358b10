# A source whose place of publication is the city's name as text instead of the place.
# expect: Violation work:willetts-2001 nfp:publicationPlace ClassConstraintComponent
INSERT DATA { work:willetts-2001 nfp:publicationPlace "Oxford" } ;
