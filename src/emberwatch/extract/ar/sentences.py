"""Arabic sentence splitting with offsets into the original text.

A sentence ends at ``.``, ``!``, ``?``, ``؟`` or ``؛`` followed by whitespace or the end of the text (a
full stop after a one-letter abbreviation such as ``د.`` or ``م.`` and a decimal point do not end
one), at a blank line, and at a single line break when the line is a heading, a list item or a short
label, or the next line starts one. The Arabic comma ``،`` joins clauses of one sentence in news
prose ("قتل ثلاثة، وأصيب خمسة") and does not split, so a figure stays with its trigger.
"""

from __future__ import annotations

import re

from emberwatch.extract.segment import segment
from emberwatch.extract.types import Sentence

_BOUNDARY = re.compile(r"[.!?؟؛]+[\"'”’»)\]]*(?=\s|$)|\n\s*\n|\n")
_LIST_OR_HEADING = re.compile(r"^\s*(?:[*\-•–+]\s|\d{1,3}[.)]\s|#{1,6}\s|={2,})")
_SHORT_LINE = 60


def _one_letter_before(text: str, dot: int) -> bool:
    start = dot
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return dot - start == 1 and (start == 0 or not text[start - 1].isalnum())


def _line_ends_unit(text: str, newline: int) -> bool:
    line = text[text.rfind("\n", 0, newline) + 1 : newline].strip()
    next_end = text.find("\n", newline + 1)
    next_line = text[newline + 1 : next_end if next_end != -1 else len(text)]
    if not line or _LIST_OR_HEADING.match(line) or _LIST_OR_HEADING.match(next_line):
        return True
    return len(line) < _SHORT_LINE and line[-1] not in "،,;-"


def _ends_unit(text: str, match: re.Match[str]) -> bool:
    token = match.group()
    if token.startswith("\n"):
        return token.count("\n") > 1 or _line_ends_unit(text, match.start())
    return not (token == "." and _one_letter_before(text, match.start()))


def split_sentences(text: str) -> list[Sentence]:
    """Sentence boundaries (surrounding whitespace trimmed) covering every non-blank part of ``text``."""
    return segment(text, _BOUNDARY, _ends_unit)
