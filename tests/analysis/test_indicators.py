"""Every indicator kind on hand-built events with known answers."""

from __future__ import annotations

import json
import math
from datetime import date

import pandas as pd
import pytest
from pydantic import ValidationError

from emberwatch.analysis.indicators import indicator_series, indicator_table, indicator_trends
from emberwatch.codebook import Codebook
from emberwatch.codebook.indicators_schema import IndicatorDefinition
from emberwatch.errors import NotFoundError
from emberwatch.store import Store
from emberwatch.store.queries import EventFilter
from emberwatch.testing import load_events, synthetic_events

from .conftest import HAJIN, MOSUL, AddEvents


def _values(frame: pd.DataFrame) -> dict[date, float]:
    return dict(zip(frame["period"], frame["value"], strict=True))


def test_indicators_insurgent_share_uses_codebook_flags(
    store: Store, add_events: AddEvents, codebook: Codebook
) -> None:
    add_events(
        {"date": date(2020, 1, 2), "event_type": "ambush"},
        {"date": date(2020, 1, 3), "event_type": "bombing", "sub_type": "ied"},  # sub-type flag
        {"date": date(2020, 1, 4), "event_type": "assassination"},
        {"date": date(2020, 1, 5), "event_type": "territorial_control"},
        {"date": date(2020, 1, 6), "event_type": "arrest"},  # neither side of the share
        {"date": date(2020, 3, 6), "event_type": "arrest"},
    )
    frame = indicator_series(store, "insurgent_tactics_share", "all", "month", codebook=codebook)
    values = _values(frame)
    assert values[date(2020, 1, 1)] == pytest.approx(0.75)
    assert math.isnan(values[date(2020, 2, 1)])  # no events at all
    assert math.isnan(values[date(2020, 3, 1)])  # events, but none on either side
    jan = frame.iloc[0]
    assert (jan["selected"], jan["n"]) == (3, 4)
    assert sorted(jan["event_ids"]) == ["e0", "e1", "e2", "e3"]


def test_indicators_funding_count_by_type_or_mechanism(
    store: Store, add_events: AddEvents, codebook: Codebook
) -> None:
    add_events(
        {"date": date(2020, 1, 2), "event_type": "kidnapping"},
        {"date": date(2020, 1, 3), "mechanisms": ["funding"]},
        {"date": date(2020, 1, 4), "mechanisms": ["social_ties"]},
        {"date": date(2020, 1, 5), **MOSUL, "event_type": "robbery"},
    )
    frame = indicator_series(store, "funding_events", "country", "month", codebook=codebook)
    by_area = dict(zip(frame["area"], frame["value"], strict=True))
    assert by_area == {"SY": 2.0, "IQ": 1.0}
    assert sorted(frame.set_index("area").loc["SY", "event_ids"]) == ["e0", "e1"]


def test_indicators_distinct_admin2_units(store: Store, add_events: AddEvents, codebook: Codebook) -> None:
    add_events(
        {"date": date(2020, 1, 2)},
        {"date": date(2020, 1, 3)},
        {"date": date(2020, 1, 4), **HAJIN},
        {"date": date(2020, 1, 5), **MOSUL},
        {
            "date": date(2020, 1, 6),
            **MOSUL,
            "admin2": "Tel Afar District",
            "location_precision": 5,
        },  # too coarse
        {
            "date": date(2020, 1, 7),
            **MOSUL,
            "admin2": "Sinjar District",
            "event_type": "arrest",
        },  # not an attack
    )
    frame = indicator_series(store, "attack_admin2_units", "all", "month", codebook=codebook)
    assert frame["value"].tolist() == [3.0]
    assert frame["n"].tolist() == [4]


def test_indicators_standard_and_mean_distance(
    store: Store, add_events: AddEvents, codebook: Codebook
) -> None:
    add_events(
        {"date": date(2020, 1, 2), "lat": 0.0, "lon": 0.0},
        {"date": date(2020, 1, 3), "lat": 0.0, "lon": 2.0},
        {"date": date(2020, 1, 4), "lat": 40.0, "lon": 40.0, "location_precision": 6},  # ignored
        {"date": date(2020, 2, 4)},  # a single event: no spread
    )
    one_degree = 111.195  # km along the equator
    for indicator in ("attack_standard_distance", "attack_mean_distance"):
        values = _values(indicator_series(store, indicator, "all", "month", codebook=codebook))
        assert values[date(2020, 1, 1)] == pytest.approx(one_degree, rel=1e-3)
        assert values[date(2020, 2, 1)] == pytest.approx(0.0, abs=1e-6)


def test_indicators_new_areas_after_quiet_months(
    store: Store, add_events: AddEvents, codebook: Codebook
) -> None:
    add_events(
        {"date": date(2019, 1, 10)},  # Mayadin: starts the data
        {"date": date(2019, 1, 12), **HAJIN},
        {"date": date(2019, 3, 1), **HAJIN},  # Hajin again after 2 months: not new
        {"date": date(2019, 8, 20)},  # Mayadin after 7 quiet months: new
        {"date": date(2019, 8, 21)},  # same unit, same month: counted once
        {"date": date(2019, 9, 2), **MOSUL},  # Mosul, never seen before: new
    )
    values = _values(indicator_series(store, "new_attack_areas", "all", "month", codebook=codebook))
    assert all(math.isnan(values[date(2019, m, 1)]) for m in range(1, 7))  # no 6-month history yet
    assert values[date(2019, 8, 1)] == 1.0
    assert values[date(2019, 9, 1)] == 1.0
    later = indicator_series(
        store, "new_attack_areas", "all", "month", EventFilter(start=date(2019, 8, 1)), codebook=codebook
    )
    assert _values(later) == {date(2019, 8, 1): 1.0, date(2019, 9, 1): 1.0}  # history still used


def _add_source(
    store: Store, event_id: str, mention_id: str, evidence: object, record: object | None = None
) -> None:
    with store.transaction() as conn:
        if record is not None:
            fields = {"id": mention_id, "document_id": "doc-1", "extractor_version": "t", "idx": 0,
                       "event_type": "attack", "record": json.dumps(record)}  # fmt: skip
            mention = pd.DataFrame([fields])
            store.insert_df("event_mentions", mention, conn=conn)
        row = {"event_id": event_id, "mention_id": mention_id, "document_id": "doc-1",
               "evidence": evidence if isinstance(evidence, str) else json.dumps(evidence)}  # fmt: skip
        store.insert_df("event_sources", pd.DataFrame([row]), conn=conn)


def test_indicators_passages_link_to_sources(store: Store, add_events: AddEvents, codebook: Codebook) -> None:
    add_events({"date": date(2020, 1, 2)}, {"date": date(2020, 1, 9)}, {"date": date(2020, 2, 9)})
    hit = {
        "code": "funding",
        "evidence": {"text": "the cell collected taxes from farmers", "start": 10, "end": 47},
    }
    _add_source(store, "e0", "m0", {"mechanisms": [hit]})
    _add_source(store, "e1", "m1", {"fields": {}}, record={"mechanisms": [
        {"code": "funding", "evidence": {"text": "fuel smuggling paid for weapons", "start": 3, "end": 34}},
        {"code": "social_ties", "evidence": {"text": "hosted by relatives", "start": 40, "end": 59}},
    ]})  # fmt: skip
    _add_source(store, "e2", "m2", '[1, {"mechanisms": "not a list"}]')  # unexpected shapes are ignored
    frame = indicator_series(store, "funding_passages", "all", "month", codebook=codebook)
    jan = frame.iloc[0]
    assert jan["value"] == 2.0
    assert sorted(jan["event_ids"]) == ["e0", "e1"]
    assert sorted(jan["passage_refs"]) == ["doc-1:10-47", "doc-1:3-34"]
    assert frame.iloc[1]["value"] == 0.0
    ties = indicator_series(store, "social_ties_passages", "all", "month", codebook=codebook)
    assert ties["value"].tolist() == [1.0, 0.0]


def test_indicators_empty_store_and_unknown_id(store: Store, codebook: Codebook) -> None:
    assert indicator_series(store, "funding_events", codebook=codebook).empty
    assert indicator_table(store, codebook=codebook).empty
    with pytest.raises(NotFoundError, match="funding_events"):
        indicator_series(store, "no_such_indicator", codebook=codebook)


def test_indicators_every_default_indicator_computes(store: Store, codebook: Codebook) -> None:
    load_events(store, synthetic_events(300, seed=4))
    table = indicator_table(store, "country", "month", codebook=codebook)
    assert set(table["indicator"]) == {i.id for i in codebook.indicators}
    trends = indicator_trends(table[table["area"] == "SY"], last=3)
    assert len(trends.columns) == 5
    assert list(trends["indicator"]) == [i.id for i in codebook.indicators]


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"kind": "share", "select": {"flags": ["insurgent_tactic"]}}, "needs `against`"),
        ({"kind": "count", "against": {"event_types": ["arrest"]}}, "only applies to `share`"),
        ({"kind": "passages"}, "needs `select.mechanisms`"),
        ({"kind": "median"}, "kind"),
        ({"kind": "count", "select": {"flags": ["bogus"]}}, "flags"),
    ],
)
def test_indicators_schema_rejects_bad_definitions(entry: dict, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        IndicatorDefinition.model_validate({"id": "x", "mechanism": "funding", "name": "X", **entry})
