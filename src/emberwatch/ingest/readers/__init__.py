"""Readers by name: importing this package registers every built-in reader in ``READERS``."""

from emberwatch.ingest.readers import csvfile, feed, html, jsonl, markdown, pdf, text, urllist
from emberwatch.ingest.readers.base import (
    READERS,
    FollowUrl,
    Payload,
    ReadContext,
    ReaderSpec,
    get_reader,
    known_extensions,
    reader_for_content_type,
    reader_for_extension,
)

__all__ = [
    "READERS",
    "FollowUrl",
    "Payload",
    "ReadContext",
    "ReaderSpec",
    "csvfile",
    "feed",
    "get_reader",
    "html",
    "jsonl",
    "known_extensions",
    "markdown",
    "pdf",
    "reader_for_content_type",
    "reader_for_extension",
    "text",
    "urllist",
]
