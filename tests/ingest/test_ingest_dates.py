"""Publication dates from the many forms inputs carry."""

from __future__ import annotations

import time
from datetime import date, datetime

import pytest

from emberwatch.ingest.dates import parse_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-03-04", date(2021, 3, 4)),
        ("2023-10-12 14:10", date(2023, 10, 12)),
        ("2021-03-04T22:10:00Z", date(2021, 3, 4)),
        ("Tue, 05 Mar 2024 10:00:00 GMT", date(2024, 3, 5)),
        ("12 March 2021", date(2021, 3, 12)),
        ("12/03/2021", date(2021, 3, 12)),
        ("١٢ مارس ٢٠٢١", date(2021, 3, 12)),
        (datetime(2020, 1, 2, 3, 4), date(2020, 1, 2)),
        (date(2019, 5, 6), date(2019, 5, 6)),
        (time.struct_time((2022, 7, 8, 0, 0, 0, 4, 189, 0)), date(2022, 7, 8)),
        ("March 2021", None),
        ("11 October 2017 – present", None),
        ("not a date", None),
        (["2021-01-01"], None),
        (None, None),
        (True, None),
    ],
)
def test_dates_parse(value: object, expected: date | None) -> None:
    assert parse_date(value) == expected
