"""Arabic number words, compounds, digits of both scripts and vague amounts."""

from __future__ import annotations

import pytest

from emberwatch.extract.ar.numbers import parse_numbers
from emberwatch.text.arabic import tokens


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("١٤", 14),
        ("۲۵", 25),
        ("14", 14),
        ("ثلاثة", 3),
        ("أربعة عشر", 14),
        ("اثني عشر", 12),
        ("ثلاث عشرة", 13),
        ("خمسة وعشرون", 25),
        ("مائة وخمسة وعشرون", 125),
        ("ثلاثمائة وخمسون", 350),
        ("ثلاث مئة", 300),
        ("ألفان", 2000),
        ("ثلاثة آلاف", 3000),
        ("3 آلاف", 3000),
        ("الثلاثة", 3),
        ("وخمسة", 5),
    ],
)
def test_numbers_values(text: str, value: int) -> None:
    found = parse_numbers(tokens(text))
    assert [e.value for e in found] == [value]
    assert found[0].vague is None


@pytest.mark.parametrize(
    ("text", "low", "best"),
    [("عشرات", 24, 36), ("العشرات", 24, 36), ("بضعة", 3, 3), ("مئات", 200, 200), ("عدد من", 3, 3), ("وعدد من", 3, 3),
     ("عشرات الآلاف", 20000, 20000), ("مئات الآلاف", 200000, 200000)],
)
def test_numbers_vague_amounts(text: str, low: int, best: int) -> None:
    (expr,) = parse_numbers(tokens(text))
    assert expr.vague is not None
    assert (expr.vague.low, expr.vague.best) == (low, best)


@pytest.mark.parametrize("text", ["يوم الأحد", "الثلاثاء", "في الخميس", "من ليل الاثنين", "مساء الاثنين"])
def test_numbers_weekdays_are_not_numbers(text: str) -> None:
    assert parse_numbers(tokens(text)) == []


def test_numbers_separate_units_stay_separate() -> None:
    assert [e.value for e in parse_numbers(tokens("ثلاثة وأربعة"))] == [3, 4]
