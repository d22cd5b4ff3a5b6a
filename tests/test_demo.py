"""`emberwatch demo --no-serve`: every stage runs on the bundled corpus and the summary says so."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from emberwatch.cli import app
from emberwatch.geo import Geoparser
from emberwatch.store import Store


@pytest.mark.slow
def test_demo_runs_every_stage_and_prints_a_summary(geoparser: Geoparser, tmp_path: Path) -> None:
    db = tmp_path / "demo.duckdb"
    result = CliRunner().invoke(app, ["demo", "--no-serve", "--db", str(db)])
    assert result.exit_code == 0, result.output
    for heading in ("documents", "incidents after consolidation", "top areas", "indicator trends", "alerts"):
        assert heading in result.output
    with Store(db, read_only=True) as store:
        assert store.count("documents") >= 60
        languages = {r[0] for r in store.execute("SELECT DISTINCT language FROM documents").fetchall()}
        assert {"en", "ar"} <= languages
        located = store.execute("SELECT count(*) FROM events WHERE lat IS NOT NULL").fetchone()
        assert located is not None and located[0] > 100
        arabic = store.execute("SELECT count(*) FROM events WHERE language = 'ar' AND lat IS NOT NULL").fetchone()
        assert arabic is not None and arabic[0] > 5
    assert "[return]" in result.output  # the example watch areas give at least one resurgence alert


def test_demo_missing_corpus_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["demo", "--no-serve", "--corpus", str(tmp_path / "nope"), "--db",
                                      str(tmp_path / "d.duckdb")])  # fmt: skip
    assert result.exit_code != 0
    assert "Demo corpus not found" in str(result.exception) + result.output
