"""All SQL for the ``documents`` table written by ingestion: hash lookups and batch inserts."""

from __future__ import annotations

import json
from collections.abc import Iterable

import pandas as pd

from emberwatch.models import Document
from emberwatch.store.database import Store

INSERT_COLUMNS = [
    "id", "source", "url", "title", "published", "language", "text", "content_hash",
    "ingested_at", "metadata",
]  # fmt: skip


def existing_hashes(store: Store, hashes: Iterable[str]) -> set[str]:
    """The subset of ``hashes`` already stored as a document's ``content_hash``."""
    wanted = sorted(set(hashes))
    if not wanted:
        return set()
    rows = store.execute(
        "SELECT content_hash FROM documents WHERE content_hash IN (SELECT unnest($hashes::VARCHAR[]))",
        {"hashes": wanted},
    ).fetchall()
    return {row[0] for row in rows}


def documents_frame(documents: list[Document]) -> pd.DataFrame:
    """Documents as a frame with the ``documents`` table's insert columns."""
    rows = [
        {
            "id": doc.id,
            "source": doc.source,
            "url": doc.url,
            "title": doc.title,
            "published": doc.published,
            "language": doc.language.value,
            "text": doc.text,
            "content_hash": doc.content_hash,
            "ingested_at": doc.ingested_at,
            "metadata": json.dumps(doc.metadata, ensure_ascii=False, sort_keys=True),
        }
        for doc in documents
    ]
    frame = pd.DataFrame(rows, columns=INSERT_COLUMNS)
    frame["published"] = pd.to_datetime(frame["published"]).astype("datetime64[s]")
    frame["ingested_at"] = pd.to_datetime(frame["ingested_at"]).astype("datetime64[us]")
    return frame


def insert_documents(store: Store, documents: list[Document]) -> int:
    """Insert one batch of new documents in a single transaction (all or nothing)."""
    if not documents:
        return 0
    frame = documents_frame(documents)
    with store.transaction() as tx:
        return store.insert_df("documents", frame, conn=tx)


def count_documents(store: Store) -> int:
    return store.count("documents")
