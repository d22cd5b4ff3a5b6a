"""Settings: defaults, TOML file, environment variables, unsafe values refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from emberwatch.errors import ConfigError
from emberwatch.settings import load_settings


def test_settings_database_defaults_inside_data_dir(tmp_path: Path) -> None:
    settings = load_settings()
    assert settings.data_dir == tmp_path / "data"
    assert settings.database_path == tmp_path / "data" / "emberwatch.duckdb"


def test_settings_read_from_toml_file(tmp_path: Path) -> None:
    (tmp_path / "emberwatch.toml").write_text('port = 9001\nhost = "127.0.0.2"\n')
    settings = load_settings()
    assert settings.port == 9001
    assert settings.is_loopback


def test_settings_environment_beats_toml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "emberwatch.toml").write_text("port = 9001\n")
    monkeypatch.setenv("EMBERWATCH_PORT", "9002")
    assert load_settings().port == 9002


def test_settings_invalid_value_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "emberwatch.toml").write_text("port = 99999\n")
    with pytest.raises(ConfigError, match="port"):
        load_settings()


def test_settings_unknown_key_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "emberwatch.toml").write_text("prot = 80\n")
    with pytest.raises(ConfigError, match="prot"):
        load_settings()


def test_settings_public_host_needs_token() -> None:
    with pytest.raises(ConfigError, match="API token"):
        load_settings(host="0.0.0.0").check_serving()
    load_settings(host="0.0.0.0", api_token="s3cret").check_serving()
    load_settings(host="127.0.0.1").check_serving()
