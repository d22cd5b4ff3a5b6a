-- The source home area the geoparser leaned on for a document's ambiguous place names
-- (emberwatch.geo.home): the province name and its country, NULL when the document had none.
ALTER TABLE document_extractions ADD COLUMN home_admin1 VARCHAR;
ALTER TABLE document_extractions ADD COLUMN home_country VARCHAR;
