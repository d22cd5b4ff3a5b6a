"""English date expressions resolved against the publication date, dateline or timeline heading.

Precision codes are UCDP's: 1 day, 2 a range of at most 6 days, 3 week, 4 month, 5 year.
Regular expressions only (no dateparser in the hot path): about 20 µs per sentence.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date, timedelta

from emberwatch.extract.language import DateContext
from emberwatch.extract.types import ResolvedDate, Sentence, TextSpan
from emberwatch.models import DatePrecision

MONTHS = {
    name: i for i in range(1, 13) for name in {calendar.month_name[i].lower(), calendar.month_abbr[i].lower()}
} | {"sept": 9}
WEEKDAYS = {calendar.day_name[i].lower(): i for i in range(7)}
# month names and abbreviations as a prefix tree: the same matches as the plain alternation, about twice as
# fast to scan (bench/bench_extract.py)
_MONTH = (
    r"(?P<{g}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:tember|t)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY_MONTH = re.compile(
    r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    + _MONTH.format(g="m")
    # a two-digit year ("3 JAN 90") never after a comma: "By 11 June, 79 civilians had been killed"
    + r"(?:,?\s+(?P<y>\d{4}|(?<!,\s)\d{2})\b(?!\s*(?:people|killed|dead)))?(?![\w])",
    re.IGNORECASE,
)
_MONTH_DAY = re.compile(
    r"\b" + _MONTH.format(g="m") + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{4})\b)?",
    re.IGNORECASE,
)
_MONTH_YEAR = re.compile(
    r"\b(?:(?P<q>early|mid|late)[\s-]+)?" + _MONTH.format(g="m") + r",?\s+(?:of\s+)?(?P<y>\d{4})\b",
    re.IGNORECASE,
)
_ISO = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")
_YEAR = re.compile(
    # ("has spread since 2017, when militants attacked a mosque": the year of what the "when" clause tells)
    r"\b(?:(?P<q>early|mid|late|in|during)[\s-]+|since\s+(?=(?:19|20)\d{2},?\s+when\b))(?:of\s+)?"
    r"(?P<y>(?:19|20)\d{2})\b",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    r"\b(?:(?P<today>today|tonight|this (?:morning|afternoon|evening))"
    # "overnight Saturday" is Saturday night, not last night
    r"|(?P<yesterday>yesterday|last night|overnight(?!\s+(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)))"
    # ("Friday prayers", "the Friday sermon", "a Sunday market": the weekly event, not a day)
    r"|(?P<last>on\s+|last\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?!\s+(?:prayers?|sermons?|services?|mass|markets?)\b)(?P<ofweek>\s+(?:of\s+)?last\s+week)?"
    r"|(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|an?)\s+(?P<unit>days?|weeks?|months?)\s+ago"
    r"|(?P<lastweek>last week|past week|earlier this week|this week)"
    r"|(?P<lastmonth>last month|past month)|(?P<thismonth>earlier this month|this month)"
    r"|(?P<lastyear>last year))\b",
    re.IGNORECASE,
)
_MONTH_NAME = re.compile(r"\b" + _MONTH.format(g="m"), re.IGNORECASE)  # every month pattern starts a word
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d|\b\d\d\b")
# cheap pre-filter: a sentence without any of these cannot hold a date expression
_ANY_DATE = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|today|tonight|this|yesterday|last|overnight|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|ago|early|mid|late|past|earlier)",
    re.IGNORECASE,
)
# a date right after a reporting verb dates the report, not the event it reports ("said on Sunday that ...",
# "announced late on Wednesday", "told reporters on Monday")
_REPORTED_ON = re.compile(
    r"\b(?:said|says|announced|reported|stated|claimed|confirmed|added|declared|told (?:\w+ ){0,2}?\w+)"
    r"(?: (?:late|early))?(?: on| last)? $"
    # ("according to a ministry statement read on state television on Saturday", "in a statement on Sunday")
    r"|(?P<statement>\b(?:statement|communiqu[eé])(?: (?!that\b|which\b|saying\b)[\w-]+){0,4}?(?: (?:late|early))?"
    r"(?: on)? "
    # ("a police spokesman told a news conference in Kampala on Sunday")
    r"|\b(?:news|press) (?:conference|briefing)(?: in [A-Z][\w-]*(?: [A-Z][\w-]*)?)?(?: (?:late|early))?(?: on)? )$",
    re.IGNORECASE,
)
def _reported_on(text: str, start: int, candidate: tuple[int, ResolvedDate]) -> bool:
    """The date right after a reporting verb, or a weekday right after a statement ("a statement read on state
    television on Saturday"; a statement "on 4 July" in a narrative is where its relative dates count from)."""
    found = _REPORTED_ON.search(text, start, candidate[0])
    if found is None:
        return False
    evidence = candidate[1].evidence
    return not found.group("statement") or (
        evidence is not None and any(day in evidence.text.lower() for day in WEEKDAYS)
    )


_SMALL = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_HEADING_YEAR = re.compile(
    r"^\s*(?:#{1,6}\s*|={2,}\s*)?(?:" + _MONTH.format(g="m") + r"\s+)?(?P<y>(?:19|20)\d{2})\s*(?:={2,})?\s*:?\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_HEADING_MONTH = re.compile(
    r"^\s*(?:#{1,6}\s*|={2,}\s*)" + _MONTH.format(g="m") + r"\s*(?:={2,})?\s*$", re.IGNORECASE | re.MULTILINE
)


def _year(value: str | None) -> int | None:
    if value is None:
        return None
    y = int(value)
    return y + (1900 if y >= 50 else 2000) if len(value) == 2 else y


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _infer_year(month: int, day: int, context: DateContext) -> int | None:
    if context.heading_year is not None:
        return context.heading_year
    anchor = context.anchor
    if anchor is None:
        return None
    candidate = _safe_date(anchor.year, month, day)
    if candidate is not None and candidate > anchor + timedelta(days=2):
        return anchor.year - 1
    return anchor.year


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _explicit(text: str, start: int, end: int, context: DateContext) -> list[tuple[int, ResolvedDate]]:
    found: list[tuple[int, ResolvedDate]] = []
    has_month = _MONTH_NAME.search(text, start, end) is not None
    has_year = _YEAR_DIGITS.search(text, start, end) is not None
    day_patterns = [r for r, needed in ((_ISO, has_year), (_DAY_MONTH, has_month), (_MONTH_DAY, has_month)) if needed]
    for regex in day_patterns:
        for m in regex.finditer(text, start, end):
            month = int(m["m"]) if m["m"].isdigit() else MONTHS[m["m"].lower().rstrip(".")]
            day = int(m["d"])
            year = _year(m["y"]) or _infer_year(month, day, context)
            value = _safe_date(year, month, day) if year else None
            if value is not None:
                found.append((m.start(), ResolvedDate(value, DatePrecision.day, TextSpan.of(text, m.start(), m.end()))))
    for m in _MONTH_YEAR.finditer(text, start, end) if has_month and has_year else ():
        month, year = MONTHS[m["m"].lower().rstrip(".")], int(m["y"])
        found.append(
            (
                m.start(),
                ResolvedDate(
                    date(year, month, 1),
                    DatePrecision.month,
                    TextSpan.of(text, m.start(), m.end()),
                    _month_end(year, month),
                ),
            )
        )
    for m in _YEAR.finditer(text, start, end) if has_year else ():
        year = int(m["y"])
        q = (m["q"] or "").lower()
        first, last = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}.get(q, (1, 12))
        found.append(
            (
                m.start(),
                ResolvedDate(
                    date(year, first, 1),
                    DatePrecision.year,
                    TextSpan.of(text, m.start(), m.end()),
                    _month_end(year, last),
                ),
            )
        )
    return found


def _relative(text: str, start: int, end: int, anchor: date | None) -> list[tuple[int, ResolvedDate]]:
    if anchor is None:
        return []
    found = []
    for m in _RELATIVE.finditer(text, start, end):
        span = TextSpan.of(text, m.start(), m.end())
        resolved = _resolve_relative(m, anchor, span)
        if resolved is not None:
            found.append((m.start(), resolved))
    return found


def _resolve_relative(m: re.Match[str], anchor: date, span: TextSpan) -> ResolvedDate | None:
    if m["today"]:
        return ResolvedDate(anchor, DatePrecision.day, span)
    if m["yesterday"]:
        return ResolvedDate(anchor - timedelta(days=1), DatePrecision.day, span)
    if m["wd"] and m["ofweek"]:
        # "on Wednesday last week": that day of the week before the anchor's
        return ResolvedDate(
            anchor - timedelta(days=anchor.weekday() + 7 - WEEKDAYS[m["wd"].lower()]), DatePrecision.day, span
        )
    if m["wd"]:
        back = (anchor.weekday() - WEEKDAYS[m["wd"].lower()]) % 7
        if back == 0 and (m["last"] or "").strip().lower() == "last":
            back = 7  # "last Friday" in a report of a Friday is a week ago (as "الجمعة الماضية")
        return ResolvedDate(anchor - timedelta(days=back), DatePrecision.day, span)
    if m["n"]:
        n = int(m["n"]) if m["n"].isdigit() else 1 if m["n"].lower() in ("a", "an") else _SMALL[m["n"].lower()]
        unit = m["unit"].lower()
        if unit.startswith("day"):
            return ResolvedDate(anchor - timedelta(days=n), DatePrecision.day, span)
        if unit.startswith("week"):
            start = anchor - timedelta(days=7 * n + anchor.weekday())
            return ResolvedDate(start, DatePrecision.week, span, start + timedelta(days=6))
        return _months_back(anchor, n, span)
    if m["lastweek"]:
        this_monday = anchor - timedelta(days=anchor.weekday())
        start = this_monday if "this" in m["lastweek"].lower() else this_monday - timedelta(days=7)
        return ResolvedDate(start, DatePrecision.week, span, start + timedelta(days=6))
    if m["lastmonth"]:
        return _months_back(anchor, 1, span)
    if m["thismonth"]:
        return ResolvedDate(anchor.replace(day=1), DatePrecision.month, span, _month_end(anchor.year, anchor.month))
    if m["lastyear"]:
        return ResolvedDate(date(anchor.year - 1, 1, 1), DatePrecision.year, span, date(anchor.year - 1, 12, 31))
    return None


def _months_back(anchor: date, n: int, span: TextSpan) -> ResolvedDate:
    index = anchor.year * 12 + anchor.month - 1 - n
    y, m = divmod(index, 12)
    return ResolvedDate(date(y, m + 1, 1), DatePrecision.month, span, _month_end(y, m + 1))


# "in June" without a day or a year: that month of the heading's year, else the latest such month on or before
# the anchor (as the Arabic "في حزيران"); "May" only capitalised ("in may" is rarely the month)
_IN_MONTH = re.compile(
    r"\b(?i:in|during|since|early|late|mid)[\s-]+(?:early\s+|late\s+|mid-)?(?P<m>(?i:january|february|march|april|"
    r"june|july|august|september|october|november|december)|May)\b(?!\s*(?:\d|of\s+(?:19|20)\d\d))"
)


# "in October last year", "March of this year": that month of the year named after it
_MONTH_OF_YEAR = re.compile(
    r"\b(?P<m>(?i:january|february|march|april|june|july|august|september|october|november|december)|May)"
    r"\s+(?i:of\s+)?(?P<which>(?i:last|this|next))\s+(?i:year)\b"
)


def _month_of_year(text: str, start: int, end: int, anchor: date | None) -> list[tuple[int, ResolvedDate]]:
    found = []
    for m in _MONTH_OF_YEAR.finditer(text, start, end) if anchor is not None else ():
        assert anchor is not None
        year = anchor.year + {"last": -1, "this": 0, "next": 1}[m["which"].lower()]
        month = MONTHS[m["m"].lower()]
        span = TextSpan.of(text, m.start(), m.end())
        resolved = ResolvedDate(date(year, month, 1), DatePrecision.month, span, _month_end(year, month))
        found.append((m.start(), resolved))
    return found


def _in_month(text: str, start: int, end: int, context: DateContext) -> list[tuple[int, ResolvedDate]]:
    found = []
    for m in _IN_MONTH.finditer(text, start, end):
        month = MONTHS[m["m"].lower()]
        if context.heading_year is not None:
            year = context.heading_year
        elif context.anchor is not None:
            year = context.anchor.year - (1 if month > context.anchor.month else 0)
        else:
            continue
        span = TextSpan.of(text, m.start("m"), m.end("m"))
        found.append(
            (m.start(), ResolvedDate(date(year, month, 1), DatePrecision.month, span, _month_end(year, month)))
        )
    return found


def resolve_sentence_date(text: str, sentence: Sentence, context: DateContext) -> ResolvedDate | None:
    """The most precise date expression of the sentence (the earliest among equals)."""
    if not _ANY_DATE.search(text, sentence.start, sentence.end):
        return None
    candidates = _explicit(text, sentence.start, sentence.end, context)
    candidates += _relative(text, sentence.start, sentence.end, context.anchor)
    candidates += _month_of_year(text, sentence.start, sentence.end, context.anchor)
    if not candidates:
        candidates = _in_month(text, sentence.start, sentence.end, context)
    elif all(c[1].precision is DatePrecision.year for c in candidates):
        # a month named alone after the sentence's one year is of that year ("Tunisia suffered its deadliest attacks
        # in 2015, when gunmen killed 21 tourists at the Bardo museum in March": March 2015), as in Arabic
        years = {c[1].value.year for c in candidates}
        told = min(c[0] for c in candidates)
        if len(years) == 1 and context.anchor is not None and (year := years.pop()) < context.anchor.year:
            framed = replace(context, heading_year=year)
            candidates += _in_month(text, told, sentence.end, framed)
    if not candidates:
        return None
    # "said on Wednesday that its fighters executed two men on Monday"; "stated on 30 June 2017" also drops
    # the "June 2017" inside it
    reported = [
        c[1].evidence
        for c in candidates
        if _reported_on(text, sentence.start, c) or _by_date(text, sentence.start, c[0], c[1])
    ]
    of_event = [
        c for c in candidates if not any(r is not None and c[0] < r.end and r.start < c[0] + 1 for r in reported)
    ]
    candidates = of_event or candidates
    # the earliest of equally precise dates ("combing the desert on Monday for men abducted three days ago"), but
    # not a day without a year read into a year before one the sentence writes ("launched its final assault on
    # 9 February 2019 and declared victory on 23 March" in a 2018 narrative); a date that opens the sentence ("On
    # 19 February 2016, US warplanes carried out an airstrike ...") frames it and stays first
    written = [c[1].value for c in candidates if c[1].evidence is not None and _WRITTEN_YEAR.search(c[1].evidence.text)]

    def doubtful(c: tuple[int, ResolvedDate]) -> bool:
        ev = c[1].evidence
        return ev is not None and not _WRITTEN_YEAR.search(ev.text) and any((w - c[1].value).days > 60 for w in written)

    def opening(c: tuple[int, ResolvedDate]) -> bool:
        return bool(_OPENING.fullmatch(text, sentence.start, c[0]))

    candidates.sort(key=lambda c: (int(c[1].precision), not opening(c), doubtful(c), c[1].value, c[0]))
    return candidates[0][1] if of_event else replace(candidates[0][1], reported=True)


# "by" a day after a denial: the state of things up to then ("No group had claimed responsibility by Tuesday"), as
# Arabic "لم ... حتى يوم"
_BY = re.compile(r"\b(?:by|as of)(?: (?:late|early))?(?: on)? $", re.IGNORECASE)


def _by_date(text: str, start: int, at: int, resolved: ResolvedDate) -> bool:
    """The date at ``at`` follows "by" / "as of" in a denial ("No group had claimed responsibility by Wednesday"):
    how things stood then. Not "By 24 October, nearly 800 fighters had been killed" (a timeline's date of what had
    happened), nor "by Tuesday's bombing" (a possessive names an event), nor "until" ("the explosions continued
    until early this morning" tells when an event ended)."""
    end = resolved.evidence.end if resolved.evidence is not None else at
    return (
        bool(_BY.search(text, start, at))
        and bool(_DENIAL.search(text, start, at))
        and not text.startswith(("'s", "’s"), end)
    )


_OPENING = re.compile(r"\s*(?:\W\s*)?(?:(?:on|by|in|since|from|late|early|as of)\s+)*", re.IGNORECASE)
_WRITTEN_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b|'\d\d\b|\b\d\d$")
_DENIAL = re.compile(r"\b(?:no|not|nobody|none|never|yet to)\b|n't\b", re.IGNORECASE)


def date_headings(text: str) -> list[tuple[int, DateContext]]:
    """Dateline (offset 0) and year/month headings of timelines, in text order."""
    out: list[tuple[int, DateContext]] = []
    head = text[:160]
    dateline = None
    cut = re.search(r"--|—|\(\w", head)
    if cut is not None:
        for _, resolved in _explicit(text, 0, cut.start() + 40 if cut else 0, DateContext(None)):
            if resolved.precision is DatePrecision.day:
                dateline = resolved.value
                break
    if dateline is not None:
        out.append((0, DateContext(published=None, dateline=dateline)))
    year: int | None = None
    for m in _HEADING_YEAR.finditer(text):
        year = int(m["y"])
        month = MONTHS[m["m"].lower().rstrip(".")] if m["m"] else None
        out.append(
            (
                m.start(),
                DateContext(published=None, dateline=dateline, heading_year=year, heading_month=month),
            )
        )
    for m in _HEADING_MONTH.finditer(text):
        prior = [c for o, c in out if o < m.start() and c.heading_year is not None]
        y = prior[-1].heading_year if prior else None
        out.append((m.start(), DateContext(None, dateline, y, MONTHS[m["m"].lower().rstrip(".")])))
    out.sort(key=lambda item: item[0])
    return out
