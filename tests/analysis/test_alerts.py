"""Current alerts from hand-built event tables: rule, window, figures and evidence."""

from __future__ import annotations

from datetime import date, timedelta

from emberwatch.analysis.alerts import AlertConfig, AlertRule, current_alerts
from emberwatch.analysis.changepoints import ChangePointConfig
from emberwatch.analysis.surges import SurgeRule
from emberwatch.analysis.watch_areas import WatchArea
from emberwatch.codebook import Codebook
from emberwatch.store import Store

from .conftest import MOSUL, AddEvents

MOSUL_AREA = WatchArea(id="mosul", name="Mosul", actor="isis", lost_on=date(2017, 7, 10),
                       lat=36.335, lon=43.1189, radius_km=20)  # fmt: skip


def _history(add_events: AddEvents) -> None:
    """Steady weekly activity in Mayadin, then a burst in Mosul 9 months after the last event there."""
    rows = [{"id": f"m{w}", "date": date(2018, 1, 1) + timedelta(weeks=w)} for w in range(30)]
    rows.append({"id": "mosul-old", "date": date(2017, 12, 1), **MOSUL})
    burst = date(2018, 7, 23)  # a Monday
    rows += [{"id": f"mosul-{k}", "date": burst + timedelta(days=k), **MOSUL, "perpetrator_id": "isis-iraq"}
             for k in range(4)]  # fmt: skip
    add_events(*rows)


def test_alerts_return_and_surge_with_evidence(store: Store, add_events: AddEvents, codebook: Codebook) -> None:
    _history(add_events)
    config = AlertConfig(rules=[AlertRule.surge, AlertRule.return_], surge=SurgeRule(level="admin1"))
    alerts = current_alerts(store, codebook, [MOSUL_AREA], config)
    by_rule = {a.rule_id: a for a in alerts}
    assert set(by_rule) == {AlertRule.surge, AlertRule.return_}
    back = by_rule[AlertRule.return_]
    assert (back.area, back.window_start, back.window_end) == ("Mosul", date(2018, 7, 23), date(2018, 7, 26))
    assert (back.baseline, back.current) == (0.0, 4.0)
    assert back.event_ids == ["mosul-0", "mosul-1", "mosul-2", "mosul-3"]
    assert "234 days without events since 2017-12-01" in back.baseline_label
    assert "Renewed activity in Mosul (lost on 2017-07-10)" in back.summary
    assert "6 months" in back.rule
    surge = by_rule[AlertRule.surge]
    assert (surge.area, surge.current, surge.baseline) == ("IQ / Nineveh", 4.0, 0.0)
    assert sorted(surge.event_ids) == ["mosul-0", "mosul-1", "mosul-2", "mosul-3"]
    assert ">= 3 events in a week" in surge.rule
    assert len({a.id for a in alerts}) == len(alerts)
    again = current_alerts(store, codebook, [MOSUL_AREA], config)
    assert [a.id for a in again] == [a.id for a in alerts]  # stable ids


def test_alerts_as_of_and_lookback_decide_what_is_current(store: Store, add_events: AddEvents) -> None:
    _history(add_events)
    later = AlertConfig(as_of=date(2019, 6, 1), lookback_days=90, rules=[AlertRule.return_, AlertRule.surge])
    assert current_alerts(store, None, [MOSUL_AREA], later) == []
    before = AlertConfig(as_of=date(2018, 7, 1), rules=[AlertRule.return_])
    assert current_alerts(store, None, [MOSUL_AREA], before) == []  # the burst had not happened yet


def test_alerts_spread_rule(store: Store, add_events: AddEvents) -> None:
    _history(add_events)
    alerts = current_alerts(store, None, [], AlertConfig(rules=[AlertRule.spread]))
    assert [(a.rule_id, a.area, a.window_start) for a in alerts] == [
        (AlertRule.spread, "Mosul District, Nineveh (IQ)", date(2018, 7, 23))
    ]


def test_alerts_changepoint_rule(store: Store, add_events: AddEvents) -> None:
    rows = []
    for month in range(18):
        for k in range(1 if month < 12 else 6):
            rows.append({"id": f"c{month}-{k}", "date": date(2020, 1, 1) + timedelta(days=int(30.5 * month) + k)})
    add_events(*rows)
    config = AlertConfig(rules=[AlertRule.changepoint], lookback_days=200, changepoint=ChangePointConfig(level="all"))
    (alert,) = current_alerts(store, None, [], config)
    assert (alert.area, alert.window_start, alert.baseline, alert.current) == ("all", date(2021, 1, 1), 1.0, 6.0)
    assert "PELT" in alert.rule


def test_alerts_empty_store(store: Store) -> None:
    assert current_alerts(store, None, [MOSUL_AREA]) == []
