# The United Nations typed only as an organization, with its COW IGO codes.
# expect: Violation organization:united-nations - ClassConstraintComponent
DELETE DATA { organization:united-nations a nfp:IntergovernmentalOrganization } ;
INSERT DATA { organization:united-nations a nfp:Organization } ;
