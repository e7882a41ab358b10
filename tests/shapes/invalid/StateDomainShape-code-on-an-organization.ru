# Cyprus's ISO code put on an organization (a country or territory has it: nfp:Country, the codes' rdfs:domain).
# expect: Violation organization:united-nations - ClassConstraintComponent
INSERT DATA { organization:united-nations nfp:iso3166Alpha2 "CY" } ;
