"""The publication in dist/: `dumps` writes the RDF dumps (the same input gives the same bytes), `describe` the
VoID/DCAT-AP description, `exports` the CSV and GraphML tables, `mappings` the
Wikidata links and the ontology's alignments as SSSOM mapping sets, `site/` the static pages; `atomic` swaps the new
folder in, so that a failure or a kill leaves the last good publication in place."""
