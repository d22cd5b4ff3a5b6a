"""Helpers shared by CLI commands: settings, opening the store, output formats."""

from __future__ import annotations

import enum
import sys
from pathlib import Path

import pandas as pd
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from emberwatch.settings import Settings, get_settings, load_settings
from emberwatch.store import Store

console = Console()
err_console = Console(stderr=True)


class OutputFormat(enum.StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


def settings_from(database: Path | None = None) -> Settings:
    if database is None:
        return get_settings()
    return load_settings(database=database)


def open_store(database: Path | None = None, read_only: bool = False) -> Store:
    settings = settings_from(database)
    return Store(settings.database_path, read_only=read_only)


def progress() -> Progress:
    """A Rich progress bar for long work (written to stderr so stdout stays clean)."""
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=False,
    )


def print_frame(frame: pd.DataFrame, fmt: OutputFormat, title: str | None = None) -> None:
    """Write a DataFrame to stdout as a Rich table, CSV or JSON lines."""
    if fmt is OutputFormat.csv:
        frame.to_csv(sys.stdout, index=False)
    elif fmt is OutputFormat.json:
        sys.stdout.write(frame.to_json(orient="records", lines=True, date_format="iso", force_ascii=False))
        sys.stdout.write("\n")
    else:
        table = Table(title=title, show_lines=False)
        for column in frame.columns:
            table.add_column(str(column), overflow="fold")
        for row in frame.itertuples(index=False):
            table.add_row(*("" if _is_missing(v) else str(v) for v in row))
        console.print(table)


def _is_missing(value: object) -> bool:
    try:
        return bool(pd.isna(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
