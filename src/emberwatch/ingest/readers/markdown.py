"""Markdown with optional YAML front matter (title, date, source, url, language and other scalars)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import frontmatter
import yaml

from emberwatch.errors import InputError
from emberwatch.ingest.dates import parse_date
from emberwatch.ingest.language import parse_language
from emberwatch.ingest.models import RawRecord
from emberwatch.ingest.readers.base import Payload, ReadContext, ReaderItem, register
from emberwatch.ingest.text import decode_text

TITLE_KEYS = ("title", "subject", "headline")
DATE_KEYS = ("published", "date", "pubDate", "pubdate", "publication_date")
MAPPED_KEYS = {*TITLE_KEYS, *DATE_KEYS, "source", "url", "link", "language", "lang"}


@register("markdown", extensions=(".md", ".markdown"), content_types=("text/markdown",))
def read_markdown(payload: Payload, ctx: ReadContext) -> Iterator[ReaderItem]:
    """Markdown; YAML front matter gives title/date/source/url/language, other scalars go to metadata."""
    text = decode_text(payload.data, payload.name, ctx.options.encoding)
    try:
        post = frontmatter.loads(text)
    except yaml.YAMLError as exc:
        raise InputError(f"{payload.name}: invalid YAML front matter ({exc}); fix or remove it.") from exc
    meta = post.metadata
    yield RawRecord(
        text=post.content,
        title=_first_text(meta, TITLE_KEYS),
        published=_first_date(meta),
        url=_first_text(meta, ("url", "link")) or payload.url,
        source=_first_text(meta, ("source",)),
        language=parse_language(_first_text(meta, ("language", "lang"))),
        metadata=scalar_metadata(meta, MAPPED_KEYS),
        warnings=_date_warnings(meta),
    )


def scalar_metadata(meta: dict[str, object], exclude: set[str]) -> dict[str, str]:
    """Front-matter keys with scalar values (strings, numbers, booleans, dates) as strings."""
    out: dict[str, str] = {}
    for key, value in meta.items():
        if key in exclude or value is None or isinstance(value, list | dict):
            continue
        out[str(key)] = str(value).lower() if isinstance(value, bool) else str(value)
    return out


def _first_text(meta: dict[str, object], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = meta.get(key)
        if isinstance(value, str | int | float) and str(value).strip():
            return str(value).strip()
    return None


def _first_date(meta: dict[str, object]) -> date | None:
    for key in DATE_KEYS:
        parsed = parse_date(meta.get(key))
        if parsed:
            return parsed
    return None


def _date_warnings(meta: dict[str, object]) -> list[str]:
    present = [k for k in DATE_KEYS if isinstance(meta.get(k), str | date)]
    if present and _first_date(meta) is None:
        return [f"front matter {present[0]!r} is not a day-precision date: {meta[present[0]]!r}"]
    return []
