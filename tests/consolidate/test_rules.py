"""Pair rules: date windows by precision, distances by location precision, type and actor families."""

from __future__ import annotations

from datetime import date

import pytest

from emberwatch.consolidate.rules import MentionPoint, Vocabulary, date_window, place_key, score_pair


def _point(**kw: object) -> MentionPoint:
    base: dict[str, object] = dict(
        id="m1",
        document_id="d1",
        source_group="d1",
        event_type="bombing",
        lo=None,
        hi=None,
        date_precision=1,
        lat=34.6158,
        lon=43.6786,
        country="IQ",
        admin1="Salah ad Din",
        place_key="tikrit",
        location_precision=1,
        perpetrator="isis",
        killed=None,
        confidence=0.8,
    )
    base.update(kw)
    if "day" in base:
        lo, hi = date_window(base.pop("day"), None, int(base["date_precision"] or 1))  # type: ignore[arg-type]
        base["lo"], base["hi"] = lo, hi
    return MentionPoint(**base)  # type: ignore[arg-type]


VOCAB = Vocabulary.build(
    gtd_types={"bombing": "Bombing/Explosion", "ambush": "Armed Assault", "armed_assault": "Armed Assault"},
    actor_parent={"isis-iraq": "isis", "isis": None, "al-qaeda": None},
)


@pytest.mark.parametrize(
    ("a", "pa", "b", "pb", "compatible"),
    [
        (date(2021, 3, 2), 1, date(2021, 3, 3), 1, True),  # one day apart: "yesterday" drift
        (date(2021, 3, 2), 1, date(2021, 3, 4), 1, False),
        (date(2021, 3, 2), 1, date(2021, 3, 8), 2, True),  # <=6-day range
        (date(2021, 3, 2), 1, date(2021, 3, 9), 3, True),  # week
        (date(2021, 3, 2), 1, date(2021, 3, 11), 3, False),
        (date(2021, 3, 28), 1, date(2021, 3, 1), 4, True),  # month
        (date(2021, 4, 1), 1, date(2021, 3, 1), 4, False),
        (date(2021, 11, 30), 1, date(2021, 1, 1), 5, True),  # year
    ],
)
def test_rules_date_precision_overlap(a: date, pa: int, b: date, pb: int, compatible: bool) -> None:
    p1 = _point(id="m1", document_id="d1", source_group="d1", day=a, date_precision=pa)
    p2 = _point(id="m2", document_id="d2", source_group="d2", day=b, date_precision=pb)
    assert (score_pair(p1, p2, VOCAB) is not None) is compatible


@pytest.mark.parametrize(
    ("lat", "lon", "precision", "compatible"),
    [
        (34.70, 43.70, 1, True),  # ~10 km
        (34.93, 43.49, 1, False),  # Baiji, ~40 km: too far for exact places
        (34.93, 43.49, 2, True),  # "near": 50 km
        (35.47, 44.39, 3, False),  # ~115 km, admin2: 75 km
        (35.47, 44.39, 4, True),  # admin1: 200 km
    ],
)
def test_rules_distance_by_location_precision(lat: float, lon: float, precision: int, compatible: bool) -> None:
    p1 = _point(day=date(2021, 3, 2))
    p2 = _point(
        id="m2",
        document_id="d2",
        source_group="d2",
        day=date(2021, 3, 2),
        lat=lat,
        lon=lon,
        place_key="elsewhere",
        location_precision=precision,
    )
    assert (score_pair(p1, p2, VOCAB) is not None) is compatible


@pytest.mark.parametrize(
    ("t1", "t2", "expected"),
    [
        ("bombing", "bombing", 1.0),
        ("ambush", "armed_assault", 0.7),
        ("attack", "bombing", 0.5),
        ("bombing", "kidnapping", None),
        ("arrest", "attack", None),
    ],
)
def test_rules_type_compatibility(t1: str, t2: str, expected: float | None) -> None:
    assert VOCAB.type_score(t1, t2) == expected


def test_rules_actor_family() -> None:
    assert VOCAB.actor_score("isis", "isis-iraq") == 0.8
    assert VOCAB.actor_score("isis", None) == 0.5
    assert VOCAB.actor_score("isis", "al-qaeda") is None


def test_rules_undated_needs_same_document_or_strong_evidence() -> None:
    dated = _point(day=date(2021, 3, 2))
    undated_other_doc = _point(id="m2", document_id="d2", source_group="d2", perpetrator=None)
    undated_same_doc = _point(id="m3", perpetrator=None)
    assert score_pair(dated, undated_other_doc, VOCAB) is None
    assert score_pair(dated, undated_same_doc, VOCAB) is not None
    strong = _point(id="m4", document_id="d4", source_group="d4")
    assert score_pair(dated, strong, VOCAB) is not None


def test_rules_same_document_different_tolls_are_a_roundup() -> None:
    a = _point(day=date(2021, 3, 2), killed=4)
    b = _point(id="m2", day=date(2021, 3, 2), killed=1)
    assert score_pair(a, b, VOCAB) is None


def test_rules_place_key_folds_arabic_and_articles() -> None:
    assert place_key("Al-Mayadin") == place_key("Mayadin") == "mayadin"
    assert place_key("الميادين") == place_key("الميادين")
    assert place_key("Hawija district") == "hawija"
