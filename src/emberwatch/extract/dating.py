"""Event dates from the document's date context (language-independent; see docs/extraction.md, rule 7).

Every sentence's own date expression is resolved once, in reading order. An event sentence without a
date of its own inherits the nearest date context before it in its section (the previous dated sentence,
else the year/month heading), never with a finer precision than that context. The publication-date
fallback (the week before publication, precision 3) is used only for documents that read as news reports
and only when nothing before the sentence dates it; otherwise the date is unknown rather than wrong.
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from emberwatch.extract.language import DateContext, LanguageRules
from emberwatch.extract.types import ResolvedDate, Sentence
from emberwatch.models import DatePrecision, DateValue

# A text whose year mentions are mostly the publication year or the year before reads as a news report,
NEWS_YEAR_SHARE = 0.5
# ... and so does a short text (characters) with at most this many year mentions (background years).
NEWS_MAX_CHARS = 3000
NEWS_MAX_YEARS = 2
# A dateline date within this many characters of the start is the report's date, not an event's.
DATELINE_REACH = 200
# A year-only expression sets the narrative's year only when it leads the sentence ("In 2016, ...");
# further in, it is background ("... escaped from prison in 2009") and dates only its own sentence.
LEADING_YEAR_REACH = 20
# \d also matches Arabic-Indic digits; int() reads them; a decade ("the 1990s") is no year of the narrative
_YEARS = re.compile(r"(?<!\d)\d{4}(?!\d|'?s\b)")


# an undated dateline: a place in capitals (English) or an Arabic name, perhaps a country after a comma or in
# brackets, then a dash
_PLACE_DATELINE = re.compile(
    r"\s*(?:[A-Z][A-Z.'’ -]*[A-Z]|[\u0600-\u06FF][\u0600-\u06FF ]*)(?:,\s*[A-Za-z ]{2,30}|\s*\([^)\n]{1,30}\))?"
    r"\s+[-–—]\s"
)


def reads_as_news(text: str, published: date | None, dateline: date | None) -> bool:
    """A dateline, or a publication date and years that cluster near it: most year mentions in the
    publication year or the year before, or a short text with at most a couple of (background) years."""
    if published is None:
        return dateline is not None
    if dateline is not None or _PLACE_DATELINE.match(text):
        return True  # (a place dateline, "MAPUTO - ", "كويتا (باكستان) - ", opens a wire report whatever its years)
    years = [y for y in map(int, _YEARS.findall(text)) if 1900 <= y <= 2100]
    if len(text) <= NEWS_MAX_CHARS and len(years) <= NEWS_MAX_YEARS:
        return True
    near = sum(1 for y in years if published.year - 1 <= y <= published.year)
    return bool(years) and near / len(years) >= NEWS_YEAR_SHARE


@dataclass(frozen=True, slots=True)
class DocumentDates:
    """Per-sentence date information of one document, computed once in reading order."""

    news: bool
    contexts: list[DateContext]  # what sentence i's relative/partial dates resolve against
    own: list[ResolvedDate | None]  # sentence i's own date expression (the dateline included)
    nearest: list[int]  # previous sentence in the same section with a date (dateline excluded), or -1
    headings: list[DateContext]  # the year/month heading context sentence i is under
    first_dated: int  # first sentence with a date (dateline excluded); len(sentences) if none

    @classmethod
    def build(
        cls,
        text: str,
        sentences: Sequence[Sentence],
        headings: list[tuple[int, DateContext]],
        published: date | None,
        rules: LanguageRules,
        headings_at: Sequence[bool],
    ) -> DocumentDates:
        dateline = next((c.dateline for o, c in headings if o == 0 and c.dateline is not None), None)
        news = reads_as_news(text, published, dateline)
        anchor = published if news else None  # "on Tuesday" in an encyclopaedia is not publication week
        offsets = [o for o, _ in headings]
        contexts: list[DateContext] = []
        own: list[ResolvedDate | None] = []
        nearest: list[int] = []
        under: list[DateContext] = []
        first_dated = len(sentences)
        running_year: int | None = None  # encyclopaedic text: the year the narrative is in
        last_heading = -1
        previous_dated = -1
        for i, sentence in enumerate(sentences):
            k = bisect.bisect_right(offsets, sentence.start) - 1
            heading = headings[k][1] if k >= 0 else DateContext(None)
            if k != last_heading:
                last_heading = k
                running_year = heading.heading_year or running_year
            if headings_at[i]:
                previous_dated = -1
            year = heading.heading_year if news else running_year or heading.heading_year
            context = DateContext(anchor, heading.dateline, year, heading.heading_month)
            resolved = rules.resolve_date(text, sentence, context)
            contexts.append(context)
            own.append(resolved)
            nearest.append(previous_dated)
            under.append(heading)
            is_dateline = (
                resolved is not None
                and resolved.value == dateline
                and resolved.evidence is not None
                and resolved.evidence.start < DATELINE_REACH
            )
            background = (  # "... escaped from prison in 2009." inside a 2016 narrative
                resolved is not None
                and resolved.precision is DatePrecision.year
                and resolved.evidence is not None
                and resolved.evidence.start - sentence.start > LEADING_YEAR_REACH
            )
            if resolved is not None and not is_dateline and not background:
                previous_dated, first_dated = i, min(first_dated, i)
                running_year = resolved.value.year
        return cls(news, contexts, own, nearest, under, first_dated)

    def event_date(self, sentences: Sequence[int], paragraphs: Sequence[int]) -> tuple[DateValue, bool]:
        """The event's date and whether the text states it (``sentences``: the event's, in order)."""
        dated = [r for r in (self.own[i] for i in sentences) if r is not None]
        # a statement's date ("officials said on Monday") gives way to the event's own ("shot dead on Wednesday
        # last week") when a later sentence of the event tells it
        dated = [r for r in dated if not r.reported] or dated
        if dated:
            stated = dated[0]
            # "a similar attack last month. On May 27, gunmen attacked ...": the day inside the month told later
            inside = [
                r for r in dated[1:]
                if stated.precision >= DatePrecision.month and r.precision < stated.precision
                and stated.end is not None and stated.value <= r.value <= stated.end
            ]  # fmt: skip
            return _value(min(inside, key=lambda r: int(r.precision)) if inside else stated), True
        first = sentences[0]
        k = self.nearest[first]
        if k >= 0:
            resolved = self.own[k]
            assert resolved is not None
            same_paragraph = paragraphs[k] == paragraphs[first]
            return (_value(resolved) if same_paragraph else _at_most_month(resolved)), False
        heading = self.headings[first]
        if heading.heading_year is not None:
            return _heading_value(heading.heading_year, heading.heading_month), False
        anchor = self.contexts[first].anchor
        if self.news and anchor is not None and self.first_dated >= first:
            # a news report with nothing dating the sentence: the week before publication
            return DateValue(value=anchor - timedelta(days=6), precision=DatePrecision.week, end=anchor), False
        return DateValue(), False


def _value(resolved: ResolvedDate) -> DateValue:
    return DateValue(value=resolved.value, precision=resolved.precision, end=resolved.end)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _at_most_month(resolved: ResolvedDate) -> DateValue:
    """A context from an earlier paragraph of the section dates the event to its month at best."""
    if resolved.precision >= DatePrecision.month:
        return _value(resolved)
    value = resolved.value
    return DateValue(value=value.replace(day=1), precision=DatePrecision.month, end=_month_end(value.year, value.month))


def _heading_value(year: int, month: int | None) -> DateValue:
    if month is not None:
        return DateValue(value=date(year, month, 1), precision=DatePrecision.month, end=_month_end(year, month))
    return DateValue(value=date(year, 1, 1), precision=DatePrecision.year, end=date(year, 12, 31))
