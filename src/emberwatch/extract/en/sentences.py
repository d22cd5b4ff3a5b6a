"""English sentence splitting with offsets; lines of lists, headings and timelines are their own units.

Works on mixed-, upper- and lower-case text: a full stop ends a sentence when whitespace follows and
the word before it is not a known abbreviation or a single initial, whatever the case of the next word.
"""

from __future__ import annotations

import re

from emberwatch.extract.segment import segment
from emberwatch.extract.types import Sentence

ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "cpl",
        "pvt",
        "adm",
        "cmdr",
        "gov",
        "sen",
        "rep",
        "rev",
        "st",
        "mt",
        "ft",
        "jr",
        "sr",
        "prof",
        "pres",
        "no",
        "nos",
        "vs",
        "etc",
        "inc",
        "ltd",
        "co",
        "corp",
        "dept",
        "univ",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "a.m",
        "p.m",
        "u.s",
        "u.n",
        "u.k",
        "e.g",
        "i.e",
        "approx",
        "est",
    ]
)
_LINE_START = re.compile(
    r"^\s*(?:[*\-•–+]\s|\d{1,3}[.)]\s|#{1,6}\s|={2,}|\d{1,2}\s+[A-Za-z]+\s*[:–-]|[A-Za-z]+\s+\d{1,2}\s*[:–-])"
)
_HEADING = re.compile(r"^\s*(?:#{1,6}\s.*|={2,}.*={2,}\s*)$")
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)|\n\s*\n|\n")


def _is_abbreviation(text: str, dot: int) -> bool:
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot].lower().strip(".")
    if not word:
        return False
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _splits_line(text: str, newline: int) -> bool:
    """A single newline ends a unit when the line is a heading/list item or the next line starts one."""
    line_start = text.rfind("\n", 0, newline) + 1
    line = text[line_start:newline]
    next_end = text.find("\n", newline + 1)
    next_line = text[newline + 1 : next_end if next_end != -1 else len(text)]
    if not line.strip() or _HEADING.match(line) or _HEADING.match(next_line):
        return True
    if _LINE_START.match(next_line) or _LINE_START.match(line):
        return True
    stripped = line.rstrip()
    # a short line without final punctuation is a title or label
    return len(stripped) - len(stripped.lstrip()) < len(stripped) < 60 and stripped[-1:] not in ",;-"


def _ends_unit(text: str, match: re.Match[str]) -> bool:
    token = match.group()
    if token.startswith("\n"):
        return token.count("\n") > 1 or _splits_line(text, match.start())
    if token[0] == "." and len(token.rstrip("\"'”’)]")) == 1 and _is_abbreviation(text, match.start()):
        return _time_ends_sentence(text, match)
    return True


_TIME_ZONES = frozenset(
    {"et", "est", "edt", "ct", "cst", "cdt", "pt", "pst", "pdt", "gmt", "utc", "bst", "cet", "local"}
)


def _time_ends_sentence(text: str, match: re.Match[str]) -> bool:
    """ "at around 8 p.m. The wounded were taken ...": a time of day ends the sentence when a capitalised
    word other than a time zone follows ("8 p.m. ET" does not)."""
    if text[max(0, match.start() - 3) : match.start()].lower() not in ("a.m", "p.m"):
        return False
    word = _NEXT_WORD.match(text, match.end())
    return word is not None and word.group(1)[0].isupper() and word.group(1).lower() not in _TIME_ZONES


_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")


def split_sentences(text: str) -> list[Sentence]:
    """Sentence boundaries (whitespace trimmed) covering every non-blank part of ``text``."""
    return segment(text, _BOUNDARY, _ends_unit)


def _line_at(text: str, start: int) -> str:
    end = text.find("\n", start)
    return text[start : end if end != -1 else len(text)]


def is_heading(text: str, sentence: Sentence) -> bool:
    return bool(_HEADING.match(text[sentence.start : sentence.end]))


_HEADING_PARTS = re.compile(r"^\s*(?:(#{1,6})\s+(.*?)[\s#]*|(={2,})\s*(.*?)\s*={2,}\s*)$")


def heading_title(text: str, sentence: Sentence) -> tuple[int, str] | None:
    """(level, title) of a Markdown ("## See also") or wiki ("== See also ==") heading line, None for
    any other sentence; the level is the number of "#" or "=" marks."""
    match = _HEADING_PARTS.match(text[sentence.start : sentence.end])
    if match is None:
        return None
    marks = match.group(1) or match.group(3)
    return len(marks), (match.group(2) if match.group(1) else match.group(4)) or ""


def paragraph_ids(text: str, sentences: list[Sentence]) -> list[int]:
    """Paragraph number of each sentence: blank lines, headings and list items start a paragraph."""
    ids: list[int] = []
    current = -1
    previous: Sentence | None = None
    for sentence in sentences:
        new = previous is None or is_heading(text, previous)
        if not new and previous is not None:
            gap = text[previous.end : sentence.start]
            if gap.count("\n") >= 2 and not gap.replace("\n", "").strip(" \t\r"):
                new = True
            elif "\n" in gap:
                line = _line_at(text, sentence.start)
                new = bool(_LINE_START.match(line) or _HEADING.match(line))
        if new:
            current += 1
        ids.append(current)
        previous = sentence
    return ids
