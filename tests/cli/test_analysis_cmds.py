"""The analysis commands end to end on a small database (thin wrappers: output shape only)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from emberwatch.cli import app
from emberwatch.codebook import load_codebook
from emberwatch.store import Store
from emberwatch.store.actors import sync_actors
from emberwatch.testing import events_frame, load_events, synthetic_events

EXAMPLE_AREAS = Path(__file__).resolve().parents[2] / "examples" / "watch-areas" / "isis-lost-areas-2016-2019.yaml"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "cli.duckdb"
    with Store(path) as store:
        sync_actors(store, load_codebook())
        history = synthetic_events(200, seed=5, start=date(2019, 1, 1), days=500)
        load_events(store, history[history["place_name"] != "Mosul"])
        burst = date(2020, 6, 1)
        load_events(store, events_frame([
            {"id": f"mosul-{k}", "date": burst + timedelta(days=k), "place_name": "Mosul", "admin1": "Nineveh",
             "admin2": "Mosul District", "country_code": "IQ", "lat": 36.34, "lon": 43.12, "location_precision": 1,
             "date_precision": 1, "perpetrator_id": "isis-iraq", "review_status": "unreviewed"}
            for k in range(4)
        ]))  # fmt: skip
    return path


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["aggregate", "--level", "country", "--period", "month"], "events by country x month"),
        (["indicators", "--trend", "3"], "insurgent_tactics_share"),
        (["indicators", "funding_events", "--level", "country", "-f", "csv"], "funding_events,SY,"),
        (["indicators", "funding_events", "--period", "year", "-f", "csv"], "funding_events,all,2019-01-01"),
        (
            ["watch", "--areas", str(EXAMPLE_AREAS), "--no-spread", "-f", "csv"],
            "return,mosul,Mosul,isis,2020-06-01,2020-06-04,2017-07-10,1057,2017-07-10,4,mosul-0;mosul-1;mosul-2;mosul-3",
        ),
        (["watch", "--areas", str(EXAMPLE_AREAS)], "watch signals"),
        (["alerts", "--areas", str(EXAMPLE_AREAS), "--rule", "return", "-f", "csv"], "Renewed activity in Mosul"),
        (["alerts", "--as-of", "2030-01-01"], "No current alerts"),
        (["backtest", "--level", "country", "--min-train", "6"], "no_change"),
    ],
)
def test_analysis_cmds_print_their_tables(db: Path, args: list[str], expected: str) -> None:
    result = CliRunner().invoke(app, [*args, "--db", str(db)], terminal_width=250)
    assert result.exit_code == 0, result.output
    assert expected in result.output


def test_analysis_cmds_import_and_brief(db: Path, tmp_path: Path) -> None:
    csv_path = tmp_path / "ged.csv"
    csv_path.write_text(
        "id,type_of_violence,side_a,side_b,date_start,date_end,date_prec,where_prec,latitude,longitude,country,best\n"
        "77.0,3.0,IS,Civilians,2020-05-01,2020-05-01,1.0,1.0,36.3,43.1,Iraq,2.0\n"
        "78.0,3.0,IS,Civilians,2020-05-01,2020-05-01,8.0,1.0,36.3,43.1,Iraq,2.0\n"
    )
    runner = CliRunner()
    result = runner.invoke(app, ["import", "ucdp", str(csv_path), "--db", str(db)], terminal_width=200)
    assert result.exit_code == 0, result.output
    # the console wraps long lines (the temporary path's length varies): compare words, not line breaks
    output = " ".join(result.output.split())
    assert "1 imported" in output and "row 2 (skipped): date_prec" in output
    out = tmp_path / "brief.html"
    result = runner.invoke(app, ["brief", "--out", str(out), "--country", "IQ", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_analysis_cmds_errors_are_one_line(db: Path, tmp_path: Path) -> None:
    from emberwatch.cli import main

    missing = tmp_path / "none.yaml"
    result = CliRunner().invoke(app, ["watch", "--areas", str(missing), "--db", str(db)])
    assert result.exit_code != 0
    assert "not found" in str(result.exception)
    assert callable(main)
