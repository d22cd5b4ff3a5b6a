"""The one settings object, read from ``emberwatch.toml`` and ``EMBERWATCH_*`` variables.

Precedence (highest first): explicit keyword arguments, environment variables, the TOML file
named by ``EMBERWATCH_CONFIG`` (default ``./emberwatch.toml``), defaults.
"""

from __future__ import annotations

import ipaddress
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir
from pydantic import Field, ValidationError, model_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from emberwatch.errors import ConfigError


def _config_file() -> Path:
    return Path(os.environ.get("EMBERWATCH_CONFIG", "emberwatch.toml"))


class Settings(BaseSettings):
    """Every knob emberwatch has, with defaults and help text (documented in docs/settings.md)."""

    model_config = SettingsConfigDict(env_prefix="EMBERWATCH_", extra="forbid")

    data_dir: Path = Field(
        default_factory=lambda: Path(user_data_dir("emberwatch", appauthor=False)),
        description="Folder for the database, the gazetteer index and other generated files.",
    )
    database: Path | None = Field(
        default=None,
        description="DuckDB file; default `<data_dir>/emberwatch.duckdb`.",
    )
    codebook: Path | None = Field(
        default=None,
        description="Folder of codebook YAML files; default the codebook shipped with the package.",
    )
    host: str = Field(default="127.0.0.1", description="Address `emberwatch serve` listens on.")
    port: int = Field(default=8000, ge=1, le=65535, description="Port `emberwatch serve` listens on.")
    api_token: str | None = Field(
        default=None,
        description="Bearer token that unlocks analyst actions in the API and dashboard. "
        "Required when serving on a non-loopback address.",
    )
    max_file_bytes: int = Field(
        default=20_000_000, ge=1, description="Inputs larger than this are refused at ingest."
    )
    http_timeout: float = Field(default=20.0, gt=0, description="Seconds before an HTTP fetch gives up.")
    http_max_bytes: int = Field(
        default=10_000_000, ge=1, description="Largest HTTP response body accepted at ingest."
    )
    http_max_redirects: int = Field(default=5, ge=0, description="Redirects followed per HTTP fetch.")
    region_of_interest: list[str] = Field(
        default_factory=list,
        description="ISO country codes that the geocoder prefers when a place name is ambiguous.",
    )
    source_homes: bool = Field(
        default=True,
        description="Learn the province each outlet usually covers from its other reports and use it "
        "to settle ambiguous place names (a local paper's 'Springfield'); see docs/geo.md.",
    )
    workers: int = Field(default=1, ge=1, description="Processes/Dask workers for extraction.")
    watch_areas: Path | None = Field(
        default=None,
        description="Watch-area file (GeoJSON or YAML place list) used for return alerts in the API "
        "and dashboard; none by default.",
    )
    gazetteer_dir: Path | None = Field(
        default=None,
        description="Folder of the gazetteer index built by `emberwatch gazetteer build`; "
        "default `<data_dir>/gazetteer`.",
    )
    local_places: Path | None = Field(
        default=None,
        description="YAML file of places the gazetteer lacks (villages, camps, border crossings), "
        "merged into the gazetteer index, which is rebuilt when the file changes; see docs/geo.md.",
    )

    @model_validator(mode="after")
    def _fill_paths(self) -> Settings:
        self.data_dir = self.data_dir.expanduser()
        if self.database is None:
            self.database = self.data_dir / "emberwatch.duckdb"
        if self.gazetteer_dir is None:
            self.gazetteer_dir = self.data_dir / "gazetteer"
        self.gazetteer_dir = self.gazetteer_dir.expanduser()
        if self.local_places is not None:
            self.local_places = self.local_places.expanduser()
        return self

    @property
    def database_path(self) -> Path:
        assert self.database is not None
        return self.database

    @property
    def is_loopback(self) -> bool:
        """True when ``host`` only accepts connections from this machine."""
        if self.host in {"localhost", ""}:
            return True
        try:
            return ipaddress.ip_address(self.host).is_loopback
        except ValueError:
            return False

    def check_serving(self) -> None:
        """Refuse unsafe serving: a non-loopback address needs an API token."""
        if not self.is_loopback and not self.api_token:
            raise ConfigError(
                f"Refusing to serve on {self.host}: a non-loopback address needs an API token. "
                "Set EMBERWATCH_API_TOKEN (or api_token in emberwatch.toml), or serve on 127.0.0.1."
            )

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml = TomlConfigSettingsSource(settings_cls, toml_file=_config_file())
        return (init_settings, env_settings, toml)


def load_settings(**overrides: Any) -> Settings:
    """Build settings, turning validation problems into a readable :class:`ConfigError`."""
    try:
        return Settings(**{k: v for k, v in overrides.items() if v is not None})
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
        )
        raise ConfigError(
            f"Invalid settings ({_config_file()} / EMBERWATCH_* variables): {problems}"
        ) from exc
    except (OSError, ValueError) as exc:
        raise ConfigError(f"Cannot read settings file {_config_file()}: {exc}") from exc


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings (cached); tests call ``get_settings.cache_clear()``."""
    return load_settings()
