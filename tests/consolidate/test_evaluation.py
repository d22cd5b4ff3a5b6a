"""Consolidation scoring: known-answer metrics, the project fixtures, MUC-4 keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from emberwatch.consolidate.evaluation import bcubed, evaluate_fixtures, evaluate_muc4_keys, pairwise, read_reports
from emberwatch.consolidate.fixtures import read_fixtures

FIXTURES = Path(__file__).resolve().parents[2] / "examples" / "consolidation-fixtures"


def test_evaluation_metrics_known_answer() -> None:
    gold = {"a": "1", "b": "1", "c": "1", "d": "2"}
    predicted = {"a": "x", "b": "x", "c": "y", "d": "y"}
    p = pairwise(gold, predicted)
    assert (p.precision, p.recall) == (0.5, round(1 / 3, 4))
    b = bcubed(gold, predicted)
    assert b.precision == round((1 + 1 + 0.5 + 0.5) / 4, 4)
    assert b.recall == round((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4, 4)
    perfect = pairwise(gold, gold)
    assert perfect.f1 == 1.0


def test_evaluation_fixtures_are_well_formed() -> None:
    records = read_fixtures(FIXTURES)
    incidents = {g for r in records for g in r.gold}
    assert len(records) >= 25 and len(incidents) >= 8
    assert sum(r.document.language.value == "ar" for r in records) >= 5
    reports = read_reports(FIXTURES)
    assert [r.id for r in reports] == [r.document.id for r in records]


def test_evaluation_fixtures_score() -> None:
    result = evaluate_fixtures(FIXTURES)
    assert result.mentions == 30 and result.gold_clusters == 11
    assert result.pairwise.f1 >= 0.8 and result.bcubed.f1 >= 0.9


@pytest.mark.shared_data
@pytest.mark.slow
def test_evaluation_muc4_keys(shared_data: Path) -> None:
    result = evaluate_muc4_keys(shared_data / "muc4")
    assert result.mentions > 1000
    assert result.bcubed.f1 > 0.85
