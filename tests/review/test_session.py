"""``Workspace.consolidate``, ``Workspace.event`` and ``Workspace.review`` call the stage functions."""

from __future__ import annotations

from pathlib import Path

import emberwatch
from emberwatch.consolidate.fixtures import load_fixtures, read_fixtures

FIXTURES = Path(__file__).resolve().parents[2] / "examples" / "consolidation-fixtures"


def test_session_workspace_consolidate_review_and_detail(tmp_path: Path) -> None:
    with emberwatch.open(tmp_path / "ws.duckdb") as ws:
        load_fixtures(ws.store, read_fixtures(FIXTURES)[:6])
        report = ws.consolidate()
        assert report.events >= 2 and report.near_duplicate_documents == 1
        event_id = ws.events(sort="-n_sources")["id"].iloc[0]
        ws.review.verify(event_id, author="ana", reason="checked against the wire")
        detail = ws.event(event_id)
        assert detail.event.review_status == "verified"
        assert detail.event.n_sources >= 4 and len(detail.sources) == detail.event.n_sources
        assert ws.review.history(event_id)["action"].tolist()[-1] == "verify"
