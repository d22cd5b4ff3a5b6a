"""Language-independent sentence segmentation: cut a text at boundary matches, trimming whitespace.

Each language module supplies its boundary pattern and the rule that decides whether a match really
ends a unit (abbreviations, one-letter initials, line breaks inside a paragraph).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from emberwatch.extract.types import Sentence

BreakRule = Callable[[str, re.Match[str]], bool]


def segment(text: str, boundary: re.Pattern[str], ends_unit: BreakRule) -> list[Sentence]:
    """Units covering every non-blank part of ``text``: a line-break boundary ends the unit before the
    newline, a punctuation boundary after the punctuation; ``ends_unit`` vetoes false boundaries."""
    units: list[Sentence] = []
    start = 0
    for match in boundary.finditer(text):
        if not ends_unit(text, match):
            continue
        end = match.start() if match.group().startswith("\n") else match.end()
        _add(text, start, end, units)
        start = match.end()
    _add(text, start, len(text), units)
    return units


def _add(text: str, start: int, end: int, units: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        units.append(Sentence(start, end))
