"""Reports built from the event database: exports (and briefs)."""
