"""``emberwatch export`` and ``emberwatch serve`` (the start-up refusal; serving itself is in tests/web)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from emberwatch.cli import app
from emberwatch.errors import ConfigError
from emberwatch.store import Store
from emberwatch.testing import events_frame, load_events


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "cli.duckdb"
    with Store(path) as store:
        load_events(
            store,
            events_frame(
                [
                    {"id": "a", "country_code": "IQ", "date": date(2021, 1, 5), "event_type": "bombing"},
                    {"id": "b", "country_code": "SY", "date": date(2021, 2, 5), "event_type": "ambush"},
                ]
            ),
        )
    return path


def test_web_cmds_export_geojson_with_filters(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "iq.geojson"
    args = ["export", "--db", str(db), "--format", "geojson", "--country", "IQ", "--out", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "wrote 1 events" in result.output
    features = json.loads(out.read_text(encoding="utf-8"))["features"]
    assert [f["properties"]["id"] for f in features] == ["a"]


def test_web_cmds_export_gtd_csv(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "gtd.csv"
    result = CliRunner().invoke(app, ["export", "--db", str(db), "--schema", "gtd", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("eventid,iyear,imonth,iday")


def test_web_cmds_export_rejects_bad_dates(db: Path, tmp_path: Path) -> None:
    args = ["export", "--db", str(db), "--start", "2021-05-01", "--end", "2021-01-01", "-o", str(tmp_path / "x.csv")]
    result = CliRunner().invoke(app, args)
    assert result.exit_code != 0
    assert "swap them" in str(result.exception)


def test_web_cmds_serve_refuses_public_host_without_token(db: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(db), "--host", "0.0.0.0", "--port", "8765"])
    assert isinstance(result.exception, ConfigError)
    assert "needs an API token" in str(result.exception)
