# The GeoNames id of Istanbul put on an organization based there.
# expect: Violation organization:turksam - ClassConstraintComponent
INSERT DATA { organization:turksam nfp:geonamesId "745044" } ;
