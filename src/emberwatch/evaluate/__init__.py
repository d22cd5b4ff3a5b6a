"""Gold-data loaders and scorers: MUC-4 events and roles, geoparsing, Arabic (see docs/evaluation.md)."""
