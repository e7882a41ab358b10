"""Links to Wikidata and the identifiers IR datasets use: `records` reads the hand-verified records in links/ into
RDF, `countrycodes` generates the state codes with the `countrycode` library, and `reconcile` (`make link`)
looks for Wikidata items for a person to review."""
