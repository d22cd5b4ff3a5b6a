"""Commands of the web and export area: ``serve`` and ``export``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from emberwatch.cli.app import app
from emberwatch.cli.common import console, open_store, settings_from
from emberwatch.report.exports import ExportFormat, ExportSchema, export_events
from emberwatch.settings import load_settings
from emberwatch.store.queries import EventFilter, build_filter

DbOption = Annotated[Path | None, typer.Option("--db", help="DuckDB file (default: the configured database).")]


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Address to listen on (default from settings: 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on (default from settings: 8000).")] = None,
    db: DbOption = None,
) -> None:
    """Serve the REST API (/api, docs at /docs) and the dashboard (/). Needs a token off loopback."""
    from emberwatch.web.server import serve as run_server

    settings = load_settings(database=db, host=host, port=port)
    settings.check_serving()
    console.print(f"emberwatch on http://{settings.host}:{settings.port} (database {settings.database_path})")
    run_server(settings)


@app.command()
def export(
    out: Annotated[Path, typer.Option("--out", "-o", help="File to write.")],
    fmt: Annotated[ExportFormat, typer.Option("--format", help="csv, geojson or parquet.")] = ExportFormat.csv,
    schema: Annotated[
        ExportSchema, typer.Option(help="Columns: native, acled, ucdp (GED) or gtd (see docs/api.md).")
    ] = ExportSchema.native,
    start: Annotated[str | None, typer.Option(help="On or after YYYY-MM-DD.")] = None,
    end: Annotated[str | None, typer.Option(help="On or before YYYY-MM-DD.")] = None,
    country: Annotated[list[str] | None, typer.Option(help="ISO country code, e.g. SY.")] = None,
    admin1: Annotated[list[str] | None, typer.Option(help="Province/governorate name.")] = None,
    actor: Annotated[list[str] | None, typer.Option(help="Actor id (affiliates included).")] = None,
    event_type: Annotated[list[str] | None, typer.Option("--type", help="Event type.")] = None,
    mechanism: Annotated[list[str] | None, typer.Option(help="Mechanism code.")] = None,
    language: Annotated[list[str] | None, typer.Option(help="Language of the sources.")] = None,
    search: Annotated[str | None, typer.Option("--search", "-q", help="Free text.")] = None,
    db: DbOption = None,
) -> None:
    """Export the filtered events as CSV, GeoJSON or Parquet, in emberwatch, ACLED, UCDP or GTD columns."""
    flt = build_filter(
        EventFilter, start=start, end=end, country=country, admin1=admin1, actor=actor,
        event_type=event_type, mechanism=mechanism, language=language, q=search,
    )  # fmt: skip
    with open_store(db) as store:
        n = export_events(store, flt, fmt, schema, out, codebook_path=settings_from(db).codebook)
    console.print(f"wrote {n} events to {out} ({fmt.value}, {schema.value} columns)")
