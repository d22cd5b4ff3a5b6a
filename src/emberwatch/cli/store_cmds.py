"""Commands that read the store: ``documents``, ``events``, ``db``."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer

from emberwatch.cli.app import app
from emberwatch.cli.common import OutputFormat, console, open_store, print_frame
from emberwatch.store.queries import (
    DocumentFilter,
    EventFilter,
    build_filter,
    query_documents,
    query_events,
)

DbOption = Annotated[
    Path | None, typer.Option("--db", help="DuckDB file (default: the configured database).")
]
FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")]
LimitOption = Annotated[int, typer.Option(help="Maximum rows to print.")]


def _date(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


@app.command()
def documents(
    language: Annotated[list[str] | None, typer.Option(help="Language code (en, ar, other).")] = None,
    source: Annotated[str | None, typer.Option(help="Substring of the source path or URL.")] = None,
    search: Annotated[str | None, typer.Option("--search", "-q", help="Text contains.")] = None,
    start: Annotated[str | None, typer.Option(help="Published on or after YYYY-MM-DD.")] = None,
    end: Annotated[str | None, typer.Option(help="Published on or before YYYY-MM-DD.")] = None,
    limit: LimitOption = 50,
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """List ingested documents."""
    flt = build_filter(
        DocumentFilter, language=language, source=source, q=search, start=start, end=end, limit=limit
    )
    with open_store(db) as store:
        frame = query_documents(store, flt)
    print_frame(frame.drop(columns=["content_hash"]) if fmt is OutputFormat.table else frame, fmt, "documents")


@app.command()
def events(
    start: Annotated[str | None, typer.Option(help="On or after YYYY-MM-DD.")] = None,
    end: Annotated[str | None, typer.Option(help="On or before YYYY-MM-DD.")] = None,
    country: Annotated[list[str] | None, typer.Option(help="ISO country code, e.g. SY.")] = None,
    admin1: Annotated[list[str] | None, typer.Option(help="Province/governorate name.")] = None,
    actor: Annotated[list[str] | None, typer.Option(help="Actor id (affiliates included).")] = None,
    event_type: Annotated[list[str] | None, typer.Option("--type", help="Event type.")] = None,
    mechanism: Annotated[list[str] | None, typer.Option(help="Mechanism code.")] = None,
    language: Annotated[list[str] | None, typer.Option(help="Language of the sources.")] = None,
    search: Annotated[str | None, typer.Option("--search", "-q", help="Free text.")] = None,
    limit: LimitOption = 50,
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """List consolidated events (one row per incident)."""
    flt = build_filter(
        EventFilter, start=start, end=end, country=country, admin1=admin1, actor=actor,
        event_type=event_type, mechanism=mechanism, language=language, q=search, limit=limit,
    )  # fmt: skip
    with open_store(db) as store:
        frame = query_events(store, flt)
    if fmt is OutputFormat.table:
        frame = frame[
            ["id", "date", "event_type", "place_name", "country_code", "perpetrator_id",
             "killed_best", "wounded_best", "n_sources"]
        ]  # fmt: skip
    print_frame(frame, fmt, "events")


db_app = typer.Typer(help="Inspect and migrate the database.", no_args_is_help=True)
app.add_typer(db_app, name="db")


@db_app.command("info")
def db_info(db: DbOption = None) -> None:
    """Show the database path, applied migrations and row counts."""
    with open_store(db) as store:
        console.print(f"database: {store.path}")
        console.print(f"migrations: {', '.join(store.applied_migrations())}")
        for table in ("documents", "event_mentions", "events", "reviews"):
            console.print(f"{table}: {store.count(table)}")


@db_app.command("migrate")
def db_migrate(db: DbOption = None) -> None:
    """Apply pending migrations (opening the database does this too)."""
    with open_store(db) as store:
        console.print(f"up to date: {', '.join(store.applied_migrations())}")
