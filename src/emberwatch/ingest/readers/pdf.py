"""PDF files: the text layer of every page (scanned PDFs without one are refused)."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from datetime import date

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from emberwatch.errors import InputError
from emberwatch.ingest.dates import parse_date
from emberwatch.ingest.models import RawRecord
from emberwatch.ingest.readers.base import Payload, ReadContext, ReaderItem, register

log = logging.getLogger(__name__)


@register("pdf", extensions=(".pdf",), content_types=("application/pdf",))
def read_pdf(payload: Payload, ctx: ReadContext) -> Iterator[ReaderItem]:
    """PDF text layer, pages joined by blank lines; title and creation date from the PDF info."""
    if not payload.data.startswith(b"%PDF"):
        raise InputError(f"{payload.name}: not a PDF file (no %PDF header).")
    try:
        reader = PdfReader(io.BytesIO(payload.data))
        if reader.is_encrypted:
            raise InputError(f"{payload.name}: encrypted PDF; decrypt it (e.g. `qpdf --decrypt`) first.")
        pages = [(page.extract_text() or "").strip() for page in reader.pages]
        info = reader.metadata
    except (PyPdfError, ValueError, KeyError) as exc:
        raise InputError(f"{payload.name}: cannot read PDF ({type(exc).__name__}: {exc}).") from exc
    text = "\n\n".join(page for page in pages if page)
    if not text.strip():
        raise InputError(
            f"{payload.name}: the PDF has no text layer (scanned images?); OCR it first, e.g. with ocrmypdf."
        )
    title = str(info.title).strip() if info and info.title else None
    published = _creation_date(info)
    yield RawRecord(
        text=text,
        title=title or None,
        published=published,
        url=payload.url,
        metadata={"pages": str(len(pages))},
    )


def _creation_date(info: object) -> date | None:
    """The PDF's creation date, or None when it is absent or malformed."""
    try:
        return parse_date(getattr(info, "creation_date", None))
    except (ValueError, TypeError):
        return None
