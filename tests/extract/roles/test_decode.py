"""Grouping role mentions into entities is deterministic and independent of input order."""

from __future__ import annotations

import itertools

import pytest

from emberwatch.extract.roles.decode import Mention, entities, is_date

TEXT = "Khass Hibal village ... village of Al-Kubar ... the village was shelled"


def _mention(text: str) -> Mention:
    start = TEXT.index(text)
    return Mention("target", start, start + len(text), text, text.lower(), 0.9)


def test_decode_equal_length_keys_group_the_same_way_in_any_order() -> None:
    mentions = [_mention("Khass Hibal village"), _mention("village of Al-Kubar"), _mention("village")]
    groupings = set()
    for order in itertools.permutations(mentions):
        found = entities(list(order), TEXT)
        groupings.add(frozenset((e.best.text, frozenset(m.text for m in e.mentions)) for e in found))
    assert len(groupings) == 1
    (grouping,) = groupings
    # the bare head joins the name that appears first in the text
    assert ("Khass Hibal village", frozenset({"Khass Hibal village", "village"})) in grouping


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("April 2023", True),
        ("16 October 2017", True),
        ("early 2019", True),
        ("Monday", True),
        ("the 3rd of May", True),
        ("2017 Mayadin", False),
        ("30 people", False),
        ("May residents", False),
    ],
)
def test_decode_dates_are_no_role_fillers(text: str, date: bool) -> None:
    assert is_date(text.lower().split()) is date
