"""Plain text files: the whole file is one document; a short first line becomes the title."""

from __future__ import annotations

from collections.abc import Iterator

from emberwatch.ingest.models import RawRecord
from emberwatch.ingest.readers.base import Payload, ReadContext, ReaderItem, register
from emberwatch.ingest.readers.urllist import is_url_list, url_items
from emberwatch.ingest.text import decode_text

TITLE_MAX_CHARS = 150


@register("text", extensions=(".txt", ".text"), content_types=("text/plain",))
def read_text(payload: Payload, ctx: ReadContext) -> Iterator[ReaderItem]:
    """Plain UTF-8 text; a file whose every line is an http(s) URL is read as a URL list."""
    text = decode_text(payload.data, payload.name, ctx.options.encoding)
    if payload.url is None and is_url_list(text):
        yield from url_items(text)
        return
    yield RawRecord(text=text, title=first_line_title(text), url=payload.url)


def first_line_title(text: str) -> str | None:
    """The first non-blank line, when it is short enough to be a headline and more text follows."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) < 2 or len(lines[0]) > TITLE_MAX_CHARS:
        return None
    return lines[0]
