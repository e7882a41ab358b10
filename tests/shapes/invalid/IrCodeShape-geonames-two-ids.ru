# A second GeoNames id on the city, copied from a neighbouring feature.
# expect: Violation place:istanbul nfp:geonamesId MaxCountConstraintComponent
INSERT DATA { place:istanbul nfp:geonamesId "745042" } ;
