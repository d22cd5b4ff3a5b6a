"""The geo commands: geocode, gazetteer lookup, evaluate geo (thin wrappers over the library)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from emberwatch.cli import app
from emberwatch.errors import InputError
from emberwatch.geo import Geoparser
from emberwatch.settings import get_settings

runner = CliRunner()


def _env(geoparser: Geoparser) -> dict[str, str]:
    get_settings.cache_clear()
    return {"EMBERWATCH_GAZETTEER_DIR": str(geoparser.gazetteer.directory)}


def test_geo_cmds_geocode_json(geoparser: Geoparser) -> None:
    result = runner.invoke(
        app, ["geocode", "Gunmen attacked Hit in Anbar province.", "-f", "json"], env=_env(geoparser)
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert [(r["text"], r["country_code"]) for r in rows] == [("Hit", "IQ"), ("Anbar", "IQ")]


def test_geo_cmds_geocode_with_a_home_province(geoparser: Geoparser) -> None:
    text = "Police in Springfield arrested a man."
    result = runner.invoke(app, ["geocode", text, "--home", "Massachusetts, US", "-f", "json"], env=_env(geoparser))
    assert result.exit_code == 0, result.output
    [row] = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert row["admin1"] == "Massachusetts"


def test_geo_cmds_geocode_rejects_an_unknown_home_province(geoparser: Geoparser) -> None:
    result = runner.invoke(app, ["geocode", "Springfield", "--home", "Atlantis, US"], env=_env(geoparser))
    assert isinstance(result.exception, InputError)
    assert "no province called 'Atlantis' in US" in str(result.exception)
    result = runner.invoke(app, ["geocode", "Springfield", "--home", "Massachusetts"], env=_env(geoparser))
    assert isinstance(result.exception, InputError) and "e.g. 'Massachusetts, US'" in str(result.exception)


def test_geo_cmds_gazetteer_lookup(geoparser: Geoparser) -> None:
    result = runner.invoke(app, ["gazetteer", "lookup", "Derna", "-f", "csv"], env=_env(geoparser))
    assert result.exit_code == 0, result.output
    assert "LY" in result.stdout and "RO" in result.stdout


def test_geo_cmds_gazetteer_build_reuses_current_index(geoparser: Geoparser) -> None:
    result = runner.invoke(app, ["gazetteer", "build"], env=_env(geoparser))
    assert result.exit_code == 0, result.output
    assert str(geoparser.gazetteer.directory) in result.stdout.replace("\n", "")


def test_geo_cmds_evaluate_unknown_corpus_is_an_input_error(geoparser: Geoparser) -> None:
    result = runner.invoke(app, ["evaluate", "geo", "--corpus", "nope"], env=_env(geoparser))
    assert result.exit_code != 0
