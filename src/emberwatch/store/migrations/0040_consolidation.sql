-- Consolidation bookkeeping (helper tables of emberwatch.consolidate and emberwatch.review).

-- Independent sources: wire copies (near-duplicate documents) count once.
ALTER TABLE events ADD COLUMN n_independent_sources INTEGER;

-- Which incident each mention belonged to in the last run: keeps incident ids stable across re-runs.
CREATE TABLE incident_members (
    mention_id VARCHAR NOT NULL,
    event_id VARCHAR NOT NULL,
    document_id VARCHAR NOT NULL,
    assigned_at TIMESTAMP NOT NULL
);

-- Every machine-computed state of every event (valid_to NULL = current), for history and as-of.
CREATE TABLE event_versions (
    event_id VARCHAR NOT NULL,
    version INTEGER NOT NULL,
    valid_from TIMESTAMP NOT NULL,
    valid_to TIMESTAMP,
    record_hash VARCHAR NOT NULL,
    record JSON NOT NULL,
    cause VARCHAR NOT NULL           -- consolidate, merge, split, import
);
CREATE INDEX event_versions_event ON event_versions (event_id);

-- MinHash signatures of documents, so near-duplicate detection only hashes new documents.
CREATE TABLE document_minhash (
    document_id VARCHAR NOT NULL,
    content_hash VARCHAR NOT NULL,
    num_perm INTEGER NOT NULL,
    signature BLOB NOT NULL
);
