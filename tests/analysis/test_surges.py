"""The surge rule on hand-built weekly counts."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from emberwatch.analysis.surges import SurgeRule, current_surges, surges_frame
from emberwatch.store import Store

from .conftest import MOSUL, AddEvents, build

MONDAY = date(2021, 1, 4)


def _weeks(counts: list[int], **extra: object) -> list[dict]:
    rows = []
    for week, count in enumerate(counts):
        for k in range(count):
            day = MONDAY + timedelta(weeks=week, days=k % 7)
            rows.append({"id": f"w{week}-{k}-{extra.get('admin1', '')}", "date": day, **extra})
    return rows


@pytest.mark.parametrize(
    ("counts", "surging"),
    [
        ([1, 1, 1, 1, 6], True),  # 6 >= 2 x 1 and >= 3
        ([2, 2, 2, 2, 4], True),  # exactly 2 x the average
        ([2, 2, 2, 3, 4], False),  # 4 < 2 x 2.25
        ([0, 0, 0, 0, 3], True),  # zero baseline: only the minimum applies
        ([0, 0, 0, 0, 2], False),  # below the minimum
        ([0, 0, 0, 9, 0], False),  # the last week is quiet
        ([5], True),  # single week of data: the baseline weeks count as zero
    ],
)
def test_surges_rule_on_the_last_week(counts: list[int], surging: bool) -> None:
    events = build(*_weeks(counts))
    last = MONDAY + timedelta(weeks=len(counts) - 1)
    found = surges_frame(events, SurgeRule(level="all"), [last])
    assert bool(found) is surging
    if surging:
        (surge,) = found
        assert surge.current == counts[-1]
        assert surge.baseline == pytest.approx(sum(counts[-5:-1]) / 4)
        assert (surge.period_start, surge.period_end) == (last, last + timedelta(days=6))
        assert len(surge.event_ids) == counts[-1]
        assert "2x the average of the previous 4 weeks" in surge.rule


def test_surges_are_per_area_and_configurable() -> None:
    events = build(*_weeks([1, 1, 1, 1, 4]), *_weeks([1, 1, 1, 1, 1], **MOSUL))
    found = surges_frame(events, SurgeRule(level="admin1"), [MONDAY + timedelta(weeks=4)])
    assert [s.area for s in found] == ["SY / Deir ez-Zor"]
    strict = SurgeRule(level="admin1", ratio=5)
    assert surges_frame(events, strict, [MONDAY + timedelta(weeks=4)]) == []


def test_surges_leave_out_imprecise_dates() -> None:
    month_precision = {"date": MONDAY + timedelta(weeks=4), "date_precision": 4}
    rows = _weeks([0, 0, 0, 0, 1]) + [{"id": f"m{i}", **month_precision} for i in range(5)]
    assert surges_frame(build(*rows), SurgeRule(level="all"), [MONDAY + timedelta(weeks=4)]) == []


def test_surges_current_uses_the_latest_event(store: Store, add_events: AddEvents) -> None:
    add_events(*_weeks([1, 1, 1, 1, 5]))
    (surge,) = current_surges(store, rule=SurgeRule(level="all"))
    assert surge.period_start == MONDAY + timedelta(weeks=4)
    assert current_surges(store, rule=SurgeRule(level="all"), as_of=MONDAY + timedelta(weeks=9)) == []


def test_surges_none_without_events(store: Store) -> None:
    assert current_surges(store) == []
    assert surges_frame(build({"date": None}), SurgeRule()) == []
