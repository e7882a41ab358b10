# A GeoNames id written as a number (the range is xsd:string).
# expect: Violation place:istanbul nfp:geonamesId DatatypeConstraintComponent
DELETE { place:istanbul nfp:geonamesId "745044" } INSERT { place:istanbul nfp:geonamesId 745044 }
WHERE { place:istanbul nfp:geonamesId "745044" } ;
