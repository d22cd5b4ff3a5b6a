"""Event dates from the document's date context (docs/extraction.md, rule 7)."""

from __future__ import annotations

from datetime import date

import pytest

from emberwatch.extract.dating import reads_as_news
from emberwatch.extract.pipeline import ExtractResources, extract_document
from emberwatch.models import ExtractInput

SNAPSHOT = date(2023, 10, 1)  # an encyclopaedia article's revision date, years after the events

NARRATIVE = """The battle began on 6 June 2017 when SDF fighters attacked the city from three sides. \
Coalition airstrikes hit ISIS positions in the old city.

Militants ambushed an SDF convoy near the dam.

== Aftermath ==

ISIS sleeper cells assassinated a local council member in the city.
"""


def dates(resources: ExtractResources, text: str, published: date | None) -> list[tuple]:
    events = extract_document(ExtractInput(id="t", text=text, published=published), resources).events
    return [(e.event_type, e.date.value, e.date.precision) for e in events]


def test_dating_undated_sentences_inherit_the_section_context(extract_resources: ExtractResources) -> None:
    assert dates(extract_resources, NARRATIVE, SNAPSHOT) == [
        ("armed_clash", date(2017, 6, 6), 1),
        ("airstrike", date(2017, 6, 6), 1),  # previous dated sentence of the paragraph
        ("ambush", date(2017, 6, 1), 4),  # an earlier paragraph of the section: its month at best
        ("assassination", None, None),  # new section, nothing dates it: unknown, not the snapshot week
    ]


def test_dating_day_month_takes_the_running_year_not_the_snapshot_year(
    extract_resources: ExtractResources,
) -> None:
    text = (
        "The siege of the town lasted from 2015 to 2017. It began in March 2016. "
        "On 26 March, militants attacked a checkpoint in Palmyra."
    )
    assert dates(extract_resources, text, SNAPSHOT) == [("attack", date(2016, 3, 26), 1)]


def test_dating_news_report_falls_back_to_the_publication_week(extract_resources: ExtractResources) -> None:
    text = "Militants kidnapped a shepherd near the village, residents said."
    assert dates(extract_resources, text, date(2023, 10, 1)) == [("kidnapping", date(2023, 9, 25), 3)]


def test_dating_news_context_from_an_earlier_paragraph_is_coarsened(extract_resources: ExtractResources) -> None:
    text = "Gunmen attacked a checkpoint on Tuesday.\n\nIn a separate incident, militants kidnapped a shepherd."
    assert dates(extract_resources, text, date(2019, 3, 14)) == [
        ("attack", date(2019, 3, 12), 1),
        ("kidnapping", date(2019, 3, 1), 4),
    ]


def test_dating_heading_year_dates_an_undated_item(extract_resources: ExtractResources) -> None:
    text = "== 2016 ==\n\nMilitants ambushed an army convoy on the desert road."
    assert dates(extract_resources, text, SNAPSHOT) == [("ambush", date(2016, 1, 1), 5)]


@pytest.mark.parametrize(
    ("text", "published", "dateline", "news"),
    [
        ("Gunmen attacked a checkpoint.", date(2023, 1, 5), None, True),  # no year at all
        ("The 2017 offensive began in 2017 and ended in 2017.", date(2023, 1, 5), None, False),
        ("In 2022, after the 2019 defeat, the group regrouped.", date(2023, 1, 5), None, True),  # short
        ("In 2017 and 2016 and 2015 and 2022. " * 300, date(2023, 1, 5), None, False),  # long, far years
        ("Gunmen attacked a checkpoint in 2017.", None, None, False),  # no publication date
        ("Gunmen attacked a checkpoint in 2017.", None, date(1990, 1, 3), True),  # wire dateline
        # a decade is no year: two background years and "the 1990s" in a short report
        ("The group began in the 1990s, joined IS in 2019 and was targeted in 2021.", date(2025, 10, 5), None, True),
    ],
)
def test_dating_reads_as_news(text: str, published: date | None, dateline: date | None, news: bool) -> None:
    assert reads_as_news(text, published, dateline) is news


def test_dating_background_year_does_not_move_the_narrative(extract_resources: ExtractResources) -> None:
    text = (
        "The offensive on the city, held by the group since 2015, began on 12 May 2016. Its commander had "
        "escaped from a prison in Khartoum in 2009. On 4 August, government forces captured the port."
    )
    assert dates(extract_resources, text, SNAPSHOT)[-1] == ("territorial_control", date(2016, 8, 4), 1)
