"""English date expressions, datelines and timeline headings."""

from __future__ import annotations

from datetime import date

import pytest

from emberwatch.extract.en.dates import date_headings, resolve_sentence_date
from emberwatch.extract.language import DateContext
from emberwatch.extract.types import Sentence

THURSDAY = DateContext(published=date(2019, 3, 14))


@pytest.mark.parametrize(
    ("text", "value", "precision", "end"),
    [
        ("on Tuesday night", date(2019, 3, 12), 1, None),
        ("ON TUESDAY", date(2019, 3, 12), 1, None),
        ("on Thursday", date(2019, 3, 14), 1, None),
        ("late last night", date(2019, 3, 13), 1, None),
        ("three days ago", date(2019, 3, 11), 1, None),
        ("January 5, 2019", date(2019, 1, 5), 1, None),
        ("5th of January", date(2019, 1, 5), 1, None),
        ("2018-12-30", date(2018, 12, 30), 1, None),
        ("3 JAN 90", date(1990, 1, 3), 1, None),
        ("by 11 June, 79 civilians had died", date(2018, 6, 11), 1, None),
        ("last month", date(2019, 2, 1), 4, date(2019, 2, 28)),
        ("earlier this month", date(2019, 3, 1), 4, date(2019, 3, 31)),
        ("mid-2017", date(2017, 5, 1), 5, date(2017, 8, 31)),
        ("last year", date(2018, 1, 1), 5, date(2018, 12, 31)),
        ("he paid in February after the attack", date(2019, 2, 1), 4, date(2019, 2, 28)),
        ("a raid in December", date(2018, 12, 1), 4, date(2018, 12, 31)),
        ("in early May", date(2018, 5, 1), 4, date(2018, 5, 31)),
        # "overnight Saturday" is Saturday night, not last night
        ("gunmen struck overnight Saturday", date(2019, 3, 9), 1, None),
        ("gunmen struck overnight", date(2019, 3, 13), 1, None),
        # "last Thursday" in a Thursday's report is a week ago, "on Thursday" that day (as in Arabic)
        ("last Thursday", date(2019, 3, 7), 1, None),
        ("a week ago", date(2019, 3, 4), 3, date(2019, 3, 10)),
        ("a month ago", date(2019, 2, 1), 4, date(2019, 2, 28)),
        # the day of a statement is not the day of the event it reports
        ("the group said on Wednesday that its fighters had executed two men on Monday", date(2019, 3, 11), 1, None),
        ("the army said late on Tuesday that militants attacked a checkpoint on Sunday", date(2019, 3, 10), 1, None),
        ("two attacks this week, security officials said on Wednesday", date(2019, 3, 11), 3, date(2019, 3, 17)),
        ("security officials said on Wednesday", date(2019, 3, 13), 1, None),
        # a month at the start of a sentence; a month of the year named after it; the year of a "when" clause
        ("In February, a similar attack in the city killed a tax collector", date(2019, 2, 1), 4, date(2019, 2, 28)),
        ("In October last year, a suicide bomber attacked a mosque", date(2018, 10, 1), 4, date(2018, 10, 31)),
        ("the insurgency has spread since 2017, when militants attacked a mosque", date(2017, 1, 1), 5,
         date(2017, 12, 31)),
        # a month named alone after the sentence's one year is of that year
        ("suffered its deadliest attacks in 2015, when gunmen killed 21 tourists at the Bardo museum in March",
         date(2015, 3, 1), 4, date(2015, 3, 31)),
        # a weekday of the week before the anchor's
        ("was shot dead on Thursday last week", date(2019, 3, 7), 1, None),
        ("was shot dead on Monday of last week", date(2019, 3, 4), 1, None),
    ],
)
def test_dates_resolve(text: str, value: date, precision: int, end: date | None) -> None:
    resolved = resolve_sentence_date(text, Sentence(0, len(text)), THURSDAY)
    assert resolved is not None
    assert (resolved.value, int(resolved.precision), resolved.end) == (value, precision, end)
    evidence = resolved.evidence
    assert evidence is not None and text[evidence.start : evidence.end] == evidence.text


@pytest.mark.parametrize(
    "text",
    [
        "killed 2019 people", "since 2015 the group", "no date here", "they may strike in may again",
        # the weekly prayers, not a day
        "a suicide bomber attacked a mosque during Friday prayers",
    ],
)
def test_dates_no_date(text: str) -> None:
    assert resolve_sentence_date(text, Sentence(0, len(text)), THURSDAY) is None


def test_dates_headings_and_dateline() -> None:
    text = "SAN SALVADOR, 3 JAN 90 (RADIO) -- report\n== 2019 ==\n* 16 January: x\n### March 2020\n- y\n"
    found = [(offset, c.dateline, c.heading_year, c.heading_month) for offset, c in date_headings(text)]
    assert found[0] == (0, date(1990, 1, 3), None, None)
    assert [(y, m) for _, _, y, m in found[1:]] == [(2019, None), (2020, 3)]


@pytest.mark.parametrize(
    ("text", "reported", "value"),
    [
        # a statement's date alone is marked reported; with the event's own date beside it, the event's wins
        ("A bodyguard has died of his injuries, officials said on Monday.", True, date(2019, 3, 11)),
        ("Officials said on Monday that gunmen killed a bodyguard on Sunday.", False, date(2019, 3, 10)),
        # "by" a day after a denial is how things stood; a possessive names an event
        ("No group had claimed responsibility by Wednesday.", True, date(2019, 3, 13)),
        ("Three men were killed by Tuesday's bombing.", False, date(2019, 3, 12)),
        # the earliest of equally precise days: the search on Wednesday is for men abducted three days before
        ("Troops were combing the desert on Wednesday for nine men abducted by gunmen three days ago.", False,
         date(2019, 3, 11)),
        # the day a statement was read or issued dates the statement
        ("Attackers opened fire on the people inside, according to a ministry statement read on state television on "
         "Wednesday.", True, date(2019, 3, 13)),
        ("In a statement on Tuesday, the army said its troops had killed five militants.", True, date(2019, 3, 12)),
        # so does the day of a news conference where it was told
        ("The device went off at about 9.30 p.m., a police spokesman told a news conference in Kampala on Sunday.",
         True, date(2019, 3, 10)),
    ],
)
def test_dates_statement_days_and_the_event_day(text: str, reported: bool, value: date) -> None:
    resolved = resolve_sentence_date(text, Sentence(0, len(text)), THURSDAY)
    assert resolved is not None and (resolved.reported, resolved.value) == (reported, value)
