"""The Typer application object that every ``emberwatch.cli.*`` module registers commands on."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="emberwatch",
    help="Event data on militant groups after territorial defeat: ingest reports, extract and "
    "geocode events, consolidate them, track adaptation indicators, and serve a dashboard.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
