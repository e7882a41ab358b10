# The GeoNames page URL written as the id.
# expect: Violation place:istanbul nfp:geonamesId PatternConstraintComponent
DELETE { place:istanbul nfp:geonamesId "745044" } INSERT { place:istanbul nfp:geonamesId "https://www.geonames.org/745044" }
WHERE { place:istanbul nfp:geonamesId "745044" } ;
