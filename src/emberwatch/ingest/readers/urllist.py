"""URL lists: ``.urls`` files (and ``.txt`` files whose every line is a URL), one URL per line."""

from __future__ import annotations

import re
from collections.abc import Iterator

from emberwatch.ingest.models import RecordProblem
from emberwatch.ingest.readers.base import FollowUrl, Payload, ReadContext, ReaderItem, register
from emberwatch.ingest.text import decode_text

_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)


def list_lines(text: str) -> list[tuple[int, str]]:
    """(line number, content) of the lines that are neither blank nor ``#`` comments."""
    lines = ((n, line.strip()) for n, line in enumerate(text.splitlines(), start=1))
    return [(n, line) for n, line in lines if line and not line.startswith("#")]


def is_url_list(text: str) -> bool:
    """True when every non-blank, non-comment line is a single http(s) URL."""
    lines = list_lines(text)
    return bool(lines) and all(_URL.match(line) for _, line in lines)


@register("urllist", extensions=(".urls",), content_types=("text/uri-list",))
def read_url_list(payload: Payload, ctx: ReadContext) -> Iterator[ReaderItem]:
    """One http(s) URL per line; blank lines and lines starting with # are ignored."""
    text = decode_text(payload.data, payload.name, ctx.options.encoding)
    yield from url_items(text)


def url_items(text: str) -> Iterator[ReaderItem]:
    for number, line in list_lines(text):
        if _URL.match(line):
            yield FollowUrl(url=line, location=f"line {number}")
        else:
            yield RecordProblem(location=f"line {number}", reason=f"not an http(s) URL: {line[:80]!r}")
