"""Exports of the filtered events: ``/api/export.csv``, ``.geojson`` and ``.parquet``."""

from __future__ import annotations

import io
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from emberwatch.report.exports import MEDIA_TYPES, ExportFormat, ExportSchema, export_events
from emberwatch.web.deps import EventFilterDep, SettingsDep, StoreDep

router = APIRouter(prefix="/api", tags=["exports"])

SchemaParam = Annotated[
    ExportSchema, Query(description="Column set: native, acled, ucdp (GED) or gtd. See docs/api.md.")
]


def _export(
    store: StoreDep, settings: SettingsDep, flt: EventFilterDep, fmt: ExportFormat, schema: ExportSchema
) -> Response:
    buffer = io.BytesIO()
    export_events(store, flt, fmt, schema, buffer, codebook_path=settings.codebook)
    name = f"emberwatch-events-{schema.value}.{fmt.value}"
    return Response(
        buffer.getvalue(),
        media_type=MEDIA_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/export.csv", response_class=Response, responses={200: {"content": {"text/csv": {}}}})
def export_csv(
    store: StoreDep, settings: SettingsDep, flt: EventFilterDep, schema: SchemaParam = ExportSchema.native
) -> Response:
    """The filtered events as CSV (lists joined with '; ')."""
    return _export(store, settings, flt, ExportFormat.csv, schema)


@router.get("/export.geojson", response_class=Response, responses={200: {"content": {"application/geo+json": {}}}})
def export_geojson(
    store: StoreDep, settings: SettingsDep, flt: EventFilterDep, schema: SchemaParam = ExportSchema.native
) -> Response:
    """The filtered events as a GeoJSON FeatureCollection (unlocated events have a null geometry)."""
    return _export(store, settings, flt, ExportFormat.geojson, schema)


@router.get(
    "/export.parquet",
    response_class=Response,
    responses={200: {"content": {"application/vnd.apache.parquet": {}}}},
)
def export_parquet(
    store: StoreDep, settings: SettingsDep, flt: EventFilterDep, schema: SchemaParam = ExportSchema.native
) -> Response:
    """The filtered events as Parquet (lists kept as list columns)."""
    return _export(store, settings, flt, ExportFormat.parquet, schema)
