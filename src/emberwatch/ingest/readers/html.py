"""HTML pages: the article text and title/date/url metadata via trafilatura."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import trafilatura

from emberwatch.errors import InputError
from emberwatch.ingest.dates import parse_date
from emberwatch.ingest.language import parse_language
from emberwatch.ingest.models import RawRecord
from emberwatch.ingest.readers.base import Payload, ReadContext, ReaderItem, register
from emberwatch.ingest.text import looks_binary

log = logging.getLogger(__name__)


@register(
    "html", extensions=(".html", ".htm", ".xhtml"), content_types=("text/html", "application/xhtml+xml")
)
def read_html(payload: Payload, ctx: ReadContext) -> Iterator[ReaderItem]:
    """HTML: main article text without navigation/boilerplate; metadata title, date, canonical url."""
    if not payload.data.strip():
        raise InputError(f"{payload.name}: empty file; nothing to ingest.")
    if looks_binary(payload.data):
        raise InputError(f"{payload.name}: binary file (NUL or control bytes), not HTML.")
    if ctx.options.encoding:
        html: str | bytes = payload.data.decode(ctx.options.encoding, errors="replace")
    else:
        html = payload.data
    doc = _extract(html, payload.url)
    if doc is None or not doc.text:
        raise InputError(
            f"{payload.name}: no article text found in the HTML (an empty page, or only navigation)."
        )
    metadata = {k: str(v) for k, v in (("sitename", doc.sitename), ("author", doc.author)) if v}
    yield RawRecord(
        text=doc.text,
        title=doc.title or None,
        published=parse_date(doc.date),
        url=doc.url or payload.url,
        language=parse_language(getattr(doc, "language", None)),
        metadata=metadata,
    )


def _extract(html: str | bytes, url: str | None) -> trafilatura.settings.Document | None:
    """trafilatura's precise mode, then its recall mode for short pages it would otherwise drop."""
    for favor_recall in (False, True):
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, favor_recall=favor_recall
        )
        if isinstance(doc, trafilatura.settings.Document) and (doc.text or "").strip():
            return doc
    log.debug("trafilatura found no text in %s", url)
    return None
