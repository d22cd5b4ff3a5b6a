"""Ingestion: files, folders, feeds, URL lists and URLs into the ``documents`` table.

Entry point :func:`ingest`; readers are registered by name in :mod:`emberwatch.ingest.readers`.
"""

from emberwatch.ingest.models import (
    FieldMapping,
    IngestOptions,
    IngestReport,
    InputResult,
    InputStatus,
    RawRecord,
    RecordProblem,
    options_from,
)
from emberwatch.ingest.pipeline import build_document, ingest

__all__ = [
    "FieldMapping",
    "IngestOptions",
    "IngestReport",
    "InputResult",
    "InputStatus",
    "RawRecord",
    "RecordProblem",
    "build_document",
    "ingest",
    "options_from",
]
