"""Event extraction: ``extract_document`` (pure), ``extract_jsonl`` and ``extract_store``."""

from __future__ import annotations

from emberwatch.extract.pipeline import (
    ALGORITHM_VERSION,
    ExtractResources,
    default_resources,
    extract_document,
    load_resources,
)

__all__ = ["ALGORITHM_VERSION", "ExtractResources", "default_resources", "extract_document", "load_resources"]
