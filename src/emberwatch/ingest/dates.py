"""Publication dates from front matter, feed entries, HTML metadata and JSONL/CSV columns."""

from __future__ import annotations

import time
from datetime import date, datetime
from email.utils import parsedate_to_datetime

import dateparser

_DATEPARSER_SETTINGS = {
    "DATE_ORDER": "DMY",
    "PREFER_DAY_OF_MONTH": "first",
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}


def parse_date(value: object) -> date | None:
    """A calendar date from a date/datetime, a struct_time, an epoch number or a date string.

    Strings are tried as ISO 8601, then RFC 2822 (feeds, HTTP), then dateparser (English/Arabic,
    day-month-year order). Partial dates ("March 2021") and ranges give None: a publication date
    must be a day.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, time.struct_time):
        return date(value.tm_year, value.tm_mon, value.tm_mday)
    if isinstance(value, int | float):
        return _from_epoch(float(value))
    if isinstance(value, str):
        return _parse_string(value.strip())
    return None


def _from_epoch(seconds: float) -> date | None:
    try:
        return datetime.fromtimestamp(seconds).date()
    except (OverflowError, OSError, ValueError):
        return None


def _parse_string(text: str) -> date | None:
    if not text or len(text) > 64:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    parsed = dateparser.parse(text, languages=["en", "ar"], settings=_DATEPARSER_SETTINGS)
    return parsed.date() if parsed else None
