"""Event exports (CSV, GeoJSON, Parquet) in emberwatch's own columns or ACLED/UCDP GED/GTD-compatible ones.

The column mappings are documented in docs/api.md ("Export column mappings"). Event types are mapped
through the codebook's ``acled_event_type``/``acled_sub_event_type``/``gtd_attack_type`` fields; a type
without a mapping keeps its codebook name (ACLED) or becomes ``Unknown`` (GTD), as GTD itself does.
"""

from __future__ import annotations

import io
import json
import logging
import math
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import IO, Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pycountry

from emberwatch.errors import CodebookError, InputError
from emberwatch.store.database import Store
from emberwatch.store.queries import EventFilter, event_source_names, query_events

log = logging.getLogger(__name__)


class ExportFormat(StrEnum):
    csv = "csv"
    geojson = "geojson"
    parquet = "parquet"


class ExportSchema(StrEnum):
    native = "native"
    acled = "acled"
    ucdp = "ucdp"
    gtd = "gtd"


MEDIA_TYPES = {
    ExportFormat.csv: "text/csv; charset=utf-8",
    ExportFormat.geojson: "application/geo+json",
    ExportFormat.parquet: "application/vnd.apache.parquet",
}

LIST_COLUMNS = ("targets", "victims", "weapons", "mechanisms")


@dataclass(frozen=True)
class TypeMapping:
    """How one codebook event type reads in the other datasets' vocabularies."""

    name: str
    acled_event_type: str | None
    acled_sub_event_type: str | None
    gtd_attack_type: str | None


def type_mappings(codebook_path: Path | None = None) -> dict[str, TypeMapping]:
    """Codebook event type id -> mapping; empty (types exported as they are) if the codebook is unusable."""
    from emberwatch.codebook import load_codebook

    try:
        codebook = load_codebook(codebook_path)
    except CodebookError as exc:
        log.warning("event types exported unmapped: %s", exc)
        return {}
    mappings: dict[str, TypeMapping] = {}
    for etype in codebook.event_types:
        mappings[etype.id] = TypeMapping(
            etype.name, etype.acled_event_type, etype.acled_sub_event_type, etype.gtd_attack_type
        )
        for sub in etype.sub_types:
            mappings[f"{etype.id}/{sub.id}"] = TypeMapping(
                sub.name,
                etype.acled_event_type,
                sub.acled_sub_event_type or etype.acled_sub_event_type,
                sub.gtd_attack_type or etype.gtd_attack_type,
            )
    return mappings


def actor_names(store: Store) -> dict[str, str]:
    """Actor id -> display name, from the ``actors`` table (filled from the codebook)."""
    frame = store.query_df("SELECT id, name FROM actors")
    return dict(zip(frame["id"], frame["name"], strict=True))


# --------------------------------------------------------------------------- column mappings


@dataclass
class _Context:
    frame: pd.DataFrame
    types: dict[str, TypeMapping]
    actors: dict[str, str]
    sources: pd.Series

    def type_field(self, field: str, fallback: Callable[[str], str | None]) -> pd.Series:
        def pick(etype: str, sub: Any) -> str | None:
            mapping = self.types.get(f"{etype}/{sub}") if isinstance(sub, str) else None
            mapping = mapping or self.types.get(etype)
            value = getattr(mapping, field) if mapping else None
            return value or fallback(etype)

        return pd.Series(
            [pick(t, s) for t, s in zip(self.frame["event_type"], self.frame["sub_type"], strict=True)],
            index=self.frame.index,
            dtype="object",
        )

    def type_name(self, etype: str) -> str:
        mapping = self.types.get(etype)
        return mapping.name if mapping else etype.replace("_", " ").capitalize()

    def actor(self) -> pd.Series:
        names = [self.actors.get(pid) if isinstance(pid, str) else None for pid in self.frame["perpetrator_id"]]
        return pd.Series(names, index=self.frame.index, dtype="object").fillna(self.frame["perpetrator_mention"])


def _country_name(code: Any) -> str | None:
    if not isinstance(code, str):
        return None
    country = pycountry.countries.get(alpha_2=code)
    return country.name if country else code


def _country_numeric(code: Any) -> int | None:
    country = pycountry.countries.get(alpha_2=code) if isinstance(code, str) else None
    return int(country.numeric) if country else None


def _joined(values: Any) -> str | None:
    if values is None or (isinstance(values, float) and math.isnan(values)):
        return None
    items = [str(v) for v in list(values)]
    return "; ".join(items) if items else None


def _int_or(series: pd.Series, default: int) -> pd.Series:
    return pd.to_numeric(series, errors="coerce").fillna(default).astype("int64")


def _best(frame: pd.DataFrame, prefix: str) -> pd.Series:
    return frame[f"{prefix}_best"].fillna(frame[f"{prefix}_low"])


def _dates(frame: pd.DataFrame) -> pd.Series:
    return pd.to_datetime(frame["date"], errors="coerce")


def _acled(ctx: _Context) -> pd.DataFrame:
    f = ctx.frame
    dates = _dates(f)
    # ACLED time_precision: 1 day, 2 week/range, 3 month or vaguer.
    time_prec = f["date_precision"].map({1: 1, 2: 2, 3: 2, 4: 3, 5: 3})
    # ACLED geo_precision: 1 town/exact, 2 near/part of a district, 3 province or vaguer.
    geo_prec = f["location_precision"].map({1: 1, 2: 2, 3: 2, 4: 3, 5: 3, 6: 3, 7: 3})
    return pd.DataFrame(
        {
            "event_id_cnty": f["id"],
            "event_date": dates.dt.strftime("%Y-%m-%d"),
            "year": dates.dt.year.astype("Int64"),
            "time_precision": time_prec.astype("Int64"),
            "event_type": ctx.type_field("acled_event_type", ctx.type_name),
            "sub_event_type": ctx.type_field("acled_sub_event_type", ctx.type_name),
            "actor1": ctx.actor(),
            "actor2": f["targets"].map(_joined),
            "iso": f["country_code"].map(_country_numeric).astype("Int64"),
            "country": f["country_code"].map(_country_name),
            "admin1": f["admin1"],
            "admin2": f["admin2"],
            "location": f["place_name"],
            "latitude": f["lat"],
            "longitude": f["lon"],
            "geo_precision": geo_prec.astype("Int64"),
            "source": ctx.sources,
            "notes": f["summary"],
            "fatalities": _int_or(_best(f, "killed"), 0),
            "tags": f["mechanisms"].map(_joined),
        }
    )


def _ucdp(ctx: _Context) -> pd.DataFrame:
    f = ctx.frame
    start = _dates(f)
    end = pd.to_datetime(f["date_end"], errors="coerce").fillna(start)
    best = _best(f, "killed")
    return pd.DataFrame(
        {
            "id": f["id"],
            "year": start.dt.year.astype("Int64"),
            "side_a": ctx.actor(),
            "side_b": f["victims"].map(_joined).fillna(f["targets"].map(_joined)),
            "source_article": ctx.sources,
            "where_coordinates": f["place_name"],
            "where_prec": f["location_precision"].astype("Int64"),
            "adm_1": f["admin1"],
            "adm_2": f["admin2"],
            "latitude": f["lat"],
            "longitude": f["lon"],
            "country": f["country_code"].map(_country_name),
            "date_start": start.dt.strftime("%Y-%m-%d"),
            "date_end": end.dt.strftime("%Y-%m-%d"),
            "date_prec": f["date_precision"].astype("Int64"),
            "best": _int_or(best, 0),
            "low": _int_or(f["killed_low"].fillna(best), 0),
            "high": _int_or(f["killed_high"].fillna(best), 0),
            "number_of_sources": f["n_sources"].astype("Int64"),
        }
    )


def _gtd(ctx: _Context) -> pd.DataFrame:
    f = ctx.frame
    dates = _dates(f)
    precision = f["date_precision"]
    # GTD writes 0 for an unknown day or month.
    iday = dates.dt.day.where(precision.isin([1, 2, 3]), 0)
    imonth = dates.dt.month.where(precision.isin([1, 2, 3, 4]), 0)
    # GTD specificity: 1 exact place ... 4 province-level, 5 unknown or vaguer.
    specificity = f["location_precision"].map({1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 5, 7: 5})
    return pd.DataFrame(
        {
            "eventid": f["id"],
            "iyear": dates.dt.year.astype("Int64"),
            "imonth": imonth.astype("Int64"),
            "iday": iday.astype("Int64"),
            "approxdate": f["date_precision"].map(lambda p: None if p == 1 else "approximate"),
            "country_txt": f["country_code"].map(_country_name),
            "provstate": f["admin1"],
            "city": f["place_name"],
            "latitude": f["lat"],
            "longitude": f["lon"],
            "specificity": specificity.astype("Int64"),
            "summary": f["summary"],
            "attacktype1_txt": ctx.type_field("gtd_attack_type", lambda _t: "Unknown"),
            "target1": f["targets"].map(_joined),
            "gname": ctx.actor().fillna("Unknown"),
            "claimed": (f["attribution"] == "claimed").astype("int64"),
            "weapdetail": f["weapons"].map(_joined),
            "nkill": pd.to_numeric(_best(f, "killed"), errors="coerce").astype("Int64"),
            "nwound": pd.to_numeric(_best(f, "wounded"), errors="coerce").astype("Int64"),
            "scite1": ctx.sources,
            "dbsource": "emberwatch",
        }
    )


def _native(ctx: _Context) -> pd.DataFrame:
    frame = ctx.frame.copy()
    for column in ("date", "date_end"):  # calendar dates, not midnight timestamps
        frame[column] = pd.to_datetime(frame[column], errors="coerce").dt.date.astype("object")
        frame[column] = frame[column].where(frame[column].notna(), None)
    frame["sources"] = ctx.sources
    return frame


_MAPPERS: dict[ExportSchema, Callable[[_Context], pd.DataFrame]] = {
    ExportSchema.native: _native,
    ExportSchema.acled: _acled,
    ExportSchema.ucdp: _ucdp,
    ExportSchema.gtd: _gtd,
}

_COORDS = {
    ExportSchema.native: ("lon", "lat"),
    ExportSchema.acled: ("longitude", "latitude"),
    ExportSchema.ucdp: ("longitude", "latitude"),
    ExportSchema.gtd: ("longitude", "latitude"),
}


def export_frame(
    store: Store,
    filters: EventFilter | None = None,
    schema: ExportSchema | str = ExportSchema.native,
    codebook_path: Path | None = None,
) -> pd.DataFrame:
    """The events matching ``filters`` with the columns of ``schema`` (one row per event)."""
    chosen: ExportSchema = _choice(ExportSchema, schema, "schema")
    events = query_events(store, filters or EventFilter())
    sources = event_source_names(store, events["id"].tolist()) if len(events) else None
    by_event = dict(zip(sources["event_id"], sources["sources"], strict=True)) if sources is not None else {}
    ctx = _Context(
        frame=events,
        types=type_mappings(codebook_path),
        actors=actor_names(store),
        sources=events["id"].map(by_event).astype("object"),
    )
    return _MAPPERS[chosen](ctx).reset_index(drop=True)


def export_events(
    store: Store,
    filters: EventFilter | None,
    fmt: ExportFormat | str,
    schema: ExportSchema | str,
    out: Path | IO[bytes],
    codebook_path: Path | None = None,
) -> int:
    """Write the matching events to ``out`` (a path or a binary stream); returns the number of events."""
    chosen_fmt: ExportFormat = _choice(ExportFormat, fmt, "format")
    chosen_schema: ExportSchema = _choice(ExportSchema, schema, "schema")
    frame = export_frame(store, filters, chosen_schema, codebook_path)
    if isinstance(out, Path):
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            with out.open("wb") as handle:
                _write(frame, chosen_fmt, chosen_schema, handle)
        except OSError as exc:
            raise InputError(f"Cannot write export to {out}: {exc}. Choose a writable path.") from exc
    else:
        _write(frame, chosen_fmt, chosen_schema, out)
    return len(frame)


def _write(frame: pd.DataFrame, fmt: ExportFormat, schema: ExportSchema, out: IO[bytes]) -> None:
    if fmt is ExportFormat.csv:
        text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
        _flat(frame).to_csv(text, index=False)
        text.detach()
    elif fmt is ExportFormat.geojson:
        out.write(json.dumps(to_geojson(frame, *_COORDS[schema]), ensure_ascii=False).encode("utf-8"))
    else:
        pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), out)


def _flat(frame: pd.DataFrame) -> pd.DataFrame:
    """Lists become ``a; b`` strings so CSV cells stay readable."""
    flat = frame.copy()
    for column in LIST_COLUMNS:
        if column in flat.columns:
            flat[column] = flat[column].map(_joined)
    return flat


def _json_value(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "tolist"):
        return value.tolist()
    if hasattr(value, "item"):
        return value.item()
    return value


def to_geojson(frame: pd.DataFrame, lon: str, lat: str) -> dict[str, Any]:
    """A GeoJSON FeatureCollection; events without coordinates get ``"geometry": null`` (RFC 7946)."""
    features = []
    for record in frame.to_dict(orient="records"):
        props = {key: _json_value(value) for key, value in record.items()}
        x, y = props.get(lon), props.get(lat)
        geometry = {"type": "Point", "coordinates": [x, y]} if x is not None and y is not None else None
        features.append({"type": "Feature", "geometry": geometry, "properties": props})
    return {"type": "FeatureCollection", "features": features}


def _choice(enum: type[StrEnum], value: Any, what: str) -> Any:
    try:
        return enum(value)
    except ValueError:
        known = ", ".join(e.value for e in enum)
        raise InputError(f"Unknown export {what} '{value}'. Choose one of: {known}.") from None
