"""Places an analyst adds to the gazetteer: villages, camps, border crossings and oil fields that
GeoNames' list of populated places (cities of 500 people or more) leaves out.

The file is YAML, a list of places; the setting ``local_places`` (``EMBERWATCH_LOCAL_PLACES``) points
to it. The gazetteer index records the file's digest and is rebuilt when the file changes, so the
next extraction sees the new places (and stores re-extract, because the geoparser's version names
the index build)::

    - id: baghuz                     # your own identifier, unique in the file
      names: [Baghuz, al-Baghuz, Baghuz Fawqani]
      ar: [الباغوز, الباغوز فوقاني]
      country: SY                    # ISO 3166-1 alpha-2
      lat: 34.47                     # WGS84 degrees
      lon: 40.94
      kind: settlement               # settlement | camp | site | region (default settlement)
      admin1: Deir ez-Zor            # optional province, as `emberwatch gazetteer lookup` names it
      population: 0                  # optional; breaks ties with namesakes elsewhere
      geonames_id: null              # optional
      source: "coordinates read from a published map"   # optional, kept for your records

An entry may instead add names to a place the gazetteer has (a Kurdish or local name), by its
GeoNames id (``emberwatch gazetteer lookup NAME`` shows it)::

    - id: gire-spi
      names: [Girê Spî, Gire Spi]
      alias_of: 163750               # Tall Abyad

A settlement, camp or site resolves with precision 1 (an exact place) and takes the province and
district of the nearest town of its country in the gazetteer (within 50 km; only the province up to
150 km) unless ``admin1`` names its province (then only a district of that province); a region
resolves with precision 5 (part of a country), like the deserts and mountains of
``geo/data/regions.yaml``.
"""

from __future__ import annotations

import hashlib
from enum import StrEnum
from pathlib import Path

import pycountry
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator, model_validator

from emberwatch.errors import GazetteerError
from emberwatch.geo.folding import is_arabic

_DOCS = "see docs/geo.md, 'Local places'"


class LocalPlaceKind(StrEnum):
    """What a local place is: the first three are points (precision 1), a region is an area (5)."""

    settlement = "settlement"
    camp = "camp"
    site = "site"
    region = "region"


class LocalPlace(BaseModel):
    """One place of a local places file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1, description="Identifier, unique in the file.")
    names: list[str] = Field(
        default_factory=list,
        description="English or transliterated names; the first is shown. An alias may give Arabic names only.",
    )
    ar: list[str] = Field(default_factory=list, description="Arabic names.")
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2 country code.")
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    alias_of: int | None = Field(
        default=None, gt=0, description="GeoNames id of a gazetteer place these are other names of."
    )
    kind: LocalPlaceKind = LocalPlaceKind.settlement
    admin1: str | None = Field(
        default=None, description="Province, as the gazetteer names it; default: that of the nearest town."
    )
    population: int = Field(default=0, ge=0)
    geonames_id: int | None = Field(default=None, gt=0)
    source: str | None = None

    @model_validator(mode="after")
    def _a_place_or_an_alias(self) -> LocalPlace:
        if self.alias_of is not None:
            given = [f for f in ("country", "lat", "lon", "admin1", "geonames_id") if getattr(self, f) is not None]
            if given:
                raise ValueError(
                    f"an alias (alias_of) adds names to a gazetteer place and takes no {', '.join(given)}"
                )
            if not self.names and not self.ar:
                raise ValueError("an alias (alias_of) needs at least one name under `names` or `ar`")
            return self
        if not self.names:
            raise ValueError("names: give at least one English or transliterated name (the first is shown)")
        missing = [f for f in ("country", "lat", "lon") if getattr(self, f) is None]
        if missing:
            raise ValueError(f"{', '.join(missing)} missing: give country, lat and lon, or alias_of a GeoNames id")
        return self

    @field_validator("country")
    @classmethod
    def _known_country(cls, value: str | None) -> str | None:
        if value is None:
            return None
        code = value.strip().upper()
        if pycountry.countries.get(alpha_2=code) is None:
            raise ValueError(f"'{value}' is not an ISO 3166-1 alpha-2 country code (e.g. SY, IQ, NG)")
        return code

    @field_validator("names", "ar")
    @classmethod
    def _names_in_their_script(cls, value: list[str], info: ValidationInfo) -> list[str]:
        arabic = info.field_name == "ar"
        names = [name.strip() for name in value]
        for name in names:
            if not name or is_arabic(name) != arabic:
                raise ValueError(
                    f"{name!r}: `ar` takes names in Arabic script"
                    if arabic
                    else f"{name!r}: write English or transliterated names here, Arabic ones under `ar`"
                )
        return names

    @property
    def is_point(self) -> bool:
        return self.kind is not LocalPlaceKind.region

    @property
    def is_alias(self) -> bool:
        return self.alias_of is not None


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise GazetteerError(
            f"Cannot read the local places file {path}: {exc}. Fix the path in the setting local_places "
            "(EMBERWATCH_LOCAL_PLACES) or unset it."
        ) from exc


def file_digest(path: Path) -> str:
    """SHA-256 of the file's bytes: the index is rebuilt when it changes."""
    return hashlib.sha256(_read(path)).hexdigest()


def load_local_places(path: Path) -> list[LocalPlace]:
    """Read and validate a local places file; every problem names the file, the entry and the field."""
    try:
        data = yaml.safe_load(_read(path).decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise GazetteerError(f"{path}: not UTF-8 text ({exc}); save the file as UTF-8.") from exc
    except yaml.YAMLError as exc:
        raise GazetteerError(f"{path}: not valid YAML ({exc}); {_DOCS}.") from exc
    if data is None:
        return []
    if not isinstance(data, list):
        raise GazetteerError(f"{path}: expected a list of places (lines starting with '- '); {_DOCS}.")
    places: list[LocalPlace] = []
    seen: set[str] = set()
    for number, item in enumerate(data, start=1):
        label = f"entry {number}" + (f" (id {item.get('id')!r})" if isinstance(item, dict) and item.get("id") else "")
        if not isinstance(item, dict):
            raise GazetteerError(f"{path} -> {label}: expected a mapping with id, names, country, lat, lon; {_DOCS}.")
        try:
            place = LocalPlace.model_validate(item)
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(p) for p in err['loc']) or 'entry'}: {err['msg']}" for err in exc.errors()
            )
            raise GazetteerError(f"{path} -> {label}: {problems}. Fix the entry; {_DOCS}.") from exc
        if place.id in seen:
            raise GazetteerError(f"{path} -> {label}: the id {place.id!r} is used twice; ids must be unique.")
        seen.add(place.id)
        places.append(place)
    return places
