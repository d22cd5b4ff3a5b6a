"""Document reads: pages of documents and one document with its text and the events it supports."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pandas as pd
from fastapi import APIRouter

from emberwatch.errors import NotFoundError
from emberwatch.store.queries import DocumentFilter, count_documents, document_event_ids, query_documents
from emberwatch.web.deps import DocumentFilterDep, LimitParam, OffsetParam, StoreDep
from emberwatch.web.schemas import DocumentDetailOut, DocumentOut, DocumentsPage, clean

router = APIRouter(prefix="/api/documents", tags=["documents"])


def _document(row: dict[str, Any], with_text: bool = False) -> dict[str, Any]:
    values = {key: clean(value) for key, value in row.items() if key != "content_hash"}
    if isinstance(values.get("published"), datetime):
        values["published"] = values["published"].date()
    if isinstance(values.get("ingested_at"), pd.Timestamp):
        values["ingested_at"] = values["ingested_at"].to_pydatetime()
    if not with_text:
        values.pop("text", None)
    return values


@router.get("", response_model=DocumentsPage)
def list_documents(
    store: StoreDep, flt: DocumentFilterDep, limit: LimitParam = 50, offset: OffsetParam = 0
) -> DocumentsPage:
    """Documents matching the filters (metadata only; fetch one document for its text)."""
    frame = query_documents(store, flt.model_copy(update={"limit": limit, "offset": offset}))
    items = [DocumentOut(**_document(r)) for r in frame.to_dict(orient="records")]
    return DocumentsPage(total=count_documents(store, flt), limit=limit, offset=offset, items=items)


@router.get("/{document_id}", response_model=DocumentDetailOut)
def get_document(store: StoreDep, document_id: str) -> DocumentDetailOut:
    """One document with its full text (untrusted: clients must render it as text) and its events."""
    frame = query_documents(store, DocumentFilter(ids=[document_id], with_text=True))
    if frame.empty:
        raise NotFoundError(f"No document with id '{document_id}'. List documents at /api/documents.")
    row = _document(frame.to_dict(orient="records")[0], with_text=True)
    return DocumentDetailOut(**row, event_ids=document_event_ids(store, document_id))
