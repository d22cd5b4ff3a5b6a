"""CLI: ``consolidate``, ``review ...`` and ``evaluate consolidation`` are thin and work end to end."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from emberwatch.cli import app
from emberwatch.consolidate.fixtures import load_fixtures, read_fixtures
from emberwatch.store import Store

FIXTURES = Path(__file__).resolve().parents[2] / "examples" / "consolidation-fixtures"
runner = CliRunner()


def test_consolidate_cmds_review_flow(tmp_path: Path) -> None:
    db = tmp_path / "cli.duckdb"
    with Store(db) as store:
        load_fixtures(store, read_fixtures(FIXTURES)[:4])
    result = runner.invoke(app, ["consolidate", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "incidents" in result.output
    with Store(db) as store:
        event_id = store.execute("SELECT id FROM events").fetchone()[0]
    ok = runner.invoke(
        app,
        ["review", "edit", event_id, "killed_high", "7", "--reason", "hospital", "--author", "ana", "--db", str(db)],
    )
    assert ok.exit_code == 0, ok.output
    missing = runner.invoke(app, ["review", "reject", event_id, "--db", str(db)])
    assert missing.exit_code != 0
    history = runner.invoke(app, ["review", "history", event_id, "--format", "csv", "--db", str(db)])
    assert "killed_high" in history.output and "ana" in history.output
    shown = runner.invoke(app, ["review", "show", event_id, "--json", "--db", str(db)])
    assert shown.exit_code == 0 and '"sources"' in shown.output


def test_consolidate_cmds_evaluate_fixtures() -> None:
    result = runner.invoke(app, ["evaluate", "consolidation", "--fixtures", str(FIXTURES)])
    assert result.exit_code == 0, result.output
    assert "consolidation" in result.output and "30" in result.output
