-- Core tables: documents, extracted event mentions, consolidated events, evidence, places,
-- actors and the analyst audit trail.

CREATE TABLE documents (
    id VARCHAR PRIMARY KEY,
    source VARCHAR NOT NULL,
    url VARCHAR,
    title VARCHAR,
    published DATE,
    language VARCHAR NOT NULL,
    text VARCHAR NOT NULL,
    content_hash VARCHAR NOT NULL UNIQUE,
    ingested_at TIMESTAMP NOT NULL,
    metadata JSON,
    near_duplicate_of VARCHAR
);

-- Which extractor version has processed which document (re-extraction when it changes).
CREATE TABLE document_extractions (
    document_id VARCHAR NOT NULL,
    extractor_version VARCHAR NOT NULL,
    extracted_at TIMESTAMP NOT NULL,
    n_events INTEGER NOT NULL,
    PRIMARY KEY (document_id, extractor_version)
);

-- One row per event mention found in one document (the extractor's output, never edited).
CREATE TABLE event_mentions (
    id VARCHAR PRIMARY KEY,
    document_id VARCHAR NOT NULL,
    extractor_version VARCHAR NOT NULL,
    idx INTEGER NOT NULL,
    event_type VARCHAR NOT NULL,
    sub_type VARCHAR,
    date DATE,
    date_end DATE,
    date_precision TINYINT,
    place_text VARCHAR,
    place_name VARCHAR,
    country_code VARCHAR,
    admin1 VARCHAR,
    admin2 VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    geonames_id BIGINT,
    location_precision TINYINT,
    perpetrator_id VARCHAR,
    perpetrator_mention VARCHAR,
    attribution VARCHAR,
    killed_low INTEGER, killed_best INTEGER, killed_high INTEGER,
    wounded_low INTEGER, wounded_best INTEGER, wounded_high INTEGER,
    mechanisms VARCHAR[],
    confidence DOUBLE,
    language VARCHAR,
    record JSON NOT NULL
);
CREATE INDEX event_mentions_document ON event_mentions (document_id);

-- Every toponym found in a document (not only event places).
CREATE TABLE document_places (
    document_id VARCHAR NOT NULL,
    extractor_version VARCHAR NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    name VARCHAR,
    country_code VARCHAR,
    admin1 VARCHAR,
    admin2 VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    geonames_id BIGINT,
    precision TINYINT
);

-- Every actor mention found in a document.
CREATE TABLE document_actors (
    document_id VARCHAR NOT NULL,
    extractor_version VARCHAR NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    actor_id VARCHAR,
    kind VARCHAR NOT NULL
);

-- Codebook actors, copied in so queries can expand affiliates.
CREATE TABLE actors (
    id VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    name_ar VARCHAR,
    kind VARCHAR,
    parent_id VARCHAR,
    aliases VARCHAR[]
);

-- Consolidated events (incidents): what analysts see, map and count.
CREATE TABLE events (
    id VARCHAR PRIMARY KEY,
    origin VARCHAR NOT NULL,            -- 'extracted' or an import name such as 'ucdp'
    event_type VARCHAR NOT NULL,
    sub_type VARCHAR,
    date DATE,
    date_end DATE,
    date_precision TINYINT,
    place_name VARCHAR,
    admin1 VARCHAR,
    admin2 VARCHAR,
    country_code VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    geonames_id BIGINT,
    location_precision TINYINT,
    perpetrator_id VARCHAR,
    perpetrator_mention VARCHAR,
    attribution VARCHAR,
    targets VARCHAR[],
    victims VARCHAR[],
    weapons VARCHAR[],
    killed_low INTEGER, killed_best INTEGER, killed_high INTEGER,
    wounded_low INTEGER, wounded_best INTEGER, wounded_high INTEGER,
    mechanisms VARCHAR[],
    confidence DOUBLE,
    language VARCHAR,
    n_sources INTEGER NOT NULL DEFAULT 1,
    review_status VARCHAR NOT NULL DEFAULT 'unreviewed',
    summary VARCHAR,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX events_date ON events (date);
CREATE INDEX events_country ON events (country_code);

-- Which mentions/documents support which event, with the evidence spans of each field.
CREATE TABLE event_sources (
    event_id VARCHAR NOT NULL,
    mention_id VARCHAR,
    document_id VARCHAR,
    evidence JSON,
    PRIMARY KEY (event_id, mention_id)
);

-- Analyst actions: never overwrite machine values, keep who/when/why.
CREATE TABLE reviews (
    id VARCHAR PRIMARY KEY,
    event_id VARCHAR NOT NULL,
    action VARCHAR NOT NULL,             -- verify, reject, edit, merge, split
    field VARCHAR,
    old_value JSON,
    new_value JSON,
    reason VARCHAR,
    author VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL,
    payload JSON
);
CREATE INDEX reviews_event ON reviews (event_id);
