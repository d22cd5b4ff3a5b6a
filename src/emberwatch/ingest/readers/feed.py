"""RSS and Atom feeds: every entry becomes a document. XML is checked with defusedxml first.

feedparser alone would expand entities declared in a DTD ("billion laughs"), so the bytes are
parsed once with defusedxml, which refuses entity declarations and external references, before
feedparser sees them.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any
from xml.etree.ElementTree import ParseError

import defusedxml.ElementTree
import feedparser
import lxml.html
from defusedxml import DefusedXmlException
from lxml.etree import ParserError

from emberwatch.errors import InputError
from emberwatch.ingest.dates import parse_date
from emberwatch.ingest.models import RawRecord, RecordProblem
from emberwatch.ingest.readers.base import Payload, ReadContext, ReaderItem, register

_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section"}
_SPACES = re.compile(r"[ \t\u00a0]+")


@register(
    "feed",
    extensions=(".rss", ".atom", ".xml"),
    content_types=("application/rss+xml", "application/atom+xml", "application/xml", "text/xml"),
)
def read_feed(payload: Payload, ctx: ReadContext) -> Iterator[ReaderItem]:
    """RSS/Atom feed: entry content (or summary) as text, with its title, link and date."""
    check_xml(payload)
    parsed = feedparser.parse(io.BytesIO(payload.data))
    if not parsed.get("version"):
        raise InputError(f"{payload.name}: XML but not an RSS or Atom feed (no channel/feed element).")
    feed_title = parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, start=1):
        yield _entry_record(entry, number, feed_title, payload)


def check_xml(payload: Payload) -> None:
    """Refuse malformed XML and XML with entity declarations or external references."""
    if not payload.data.strip():
        raise InputError(f"{payload.name}: empty file; nothing to ingest.")
    try:
        defusedxml.ElementTree.fromstring(payload.data, forbid_dtd=False, forbid_entities=True)
    except DefusedXmlException as exc:
        raise InputError(
            f"{payload.name}: refused, the XML declares entities or external references "
            f"({type(exc).__name__}); feeds never need them (possible entity-expansion attack)."
        ) from exc
    except ParseError as exc:
        raise InputError(f"{payload.name}: malformed XML ({exc}).") from exc


def looks_like_feed(data: bytes) -> bool:
    """Sniff an HTTP body served with a generic type: an XML document with rss/feed/RDF root."""
    head = data[:2048].lstrip().lower()
    return head.startswith(b"<?xml") or head.startswith((b"<rss", b"<feed", b"<rdf:rdf"))


def html_to_text(fragment: str) -> str:
    """Text of an HTML fragment with block elements on their own lines."""
    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fromstring(f"<div>{fragment}</div>")
    except ParserError:
        return ""
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
    lines = (_SPACES.sub(" ", line).strip() for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _entry_record(entry: Any, number: int, feed_title: str | None, payload: Payload) -> ReaderItem:
    contents = entry.get("content") or []
    html = contents[0].get("value", "") if contents else entry.get("summary", "")
    text = html_to_text(html or "")
    location = f"entry {number}"
    if not text:
        return RecordProblem(location=location, reason="entry has no content or summary text")
    published = parse_date(entry.get("published_parsed") or entry.get("updated_parsed"))
    metadata = {"location": location, "feed": payload.url or payload.name}
    if entry.get("id"):
        metadata["external_id"] = str(entry["id"])
    return RawRecord(
        text=text,
        title=html_to_text(entry.get("title", "")) or None,
        published=published,
        url=entry.get("link") or None,
        source=feed_title or None,
        location=location,
        metadata=metadata,
    )
