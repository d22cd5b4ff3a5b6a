"""``emberwatch ingest``: read files, folders, feeds, URL lists and URLs into the database."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from emberwatch.cli.app import app
from emberwatch.cli.common import console, err_console, progress, settings_from
from emberwatch.errors import InputError
from emberwatch.ingest import IngestReport, InputStatus, ingest, options_from
from emberwatch.models import Language
from emberwatch.store import Store

ROW_LIMIT = 50
_STATUS_STYLE = {
    InputStatus.added: "green",
    InputStatus.duplicate: "yellow",
    InputStatus.failed: "bold red",
    InputStatus.skipped: "dim",
}


@app.command("ingest")
def ingest_command(
    inputs: Annotated[
        list[str], typer.Argument(help="Files, folders (read recursively), feed files, URL lists or URLs.")
    ],
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Allow fetching private/loopback/link-local addresses.")
    ] = False,
    text_field: Annotated[str, typer.Option(help="JSONL/CSV column with the text.")] = "text",
    title_field: Annotated[str, typer.Option(help="JSONL/CSV column with the title.")] = "title",
    date_field: Annotated[str, typer.Option(help="JSONL/CSV column with the date.")] = "published",
    id_field: Annotated[str, typer.Option(help="JSONL/CSV column with the record id.")] = "id",
    url_field: Annotated[str, typer.Option(help="JSONL/CSV column with the URL.")] = "url",
    language_field: Annotated[str, typer.Option(help="JSONL/CSV column with the language.")] = "language",
    source_field: Annotated[str, typer.Option(help="JSONL/CSV column with the outlet.")] = "source",
    published: Annotated[str | None, typer.Option(help="YYYY-MM-DD for documents without a publication date.")] = None,
    language: Annotated[Language | None, typer.Option(help="Force the language instead of detecting it.")] = None,
    encoding: Annotated[str | None, typer.Option(help="Decode text files with this codec, e.g. cp1256.")] = None,
    reader: Annotated[
        str | None, typer.Option(help="Force a reader: text, markdown, html, pdf, jsonl, csv, feed, urllist.")
    ] = None,
    batch_size: Annotated[int, typer.Option(help="Documents written per transaction.")] = 500,
    show_all: Annotated[
        bool,
        typer.Option("--all", help=f"List every input; by default only problems when over {ROW_LIMIT} inputs."),
    ] = False,
    db: Annotated[Path | None, typer.Option("--db", help="DuckDB file (default: the configured one).")] = None,
) -> None:
    """Ingest reports; prints a summary table and exits non-zero (3) if any input failed."""
    options = options_from(
        allow_private=allow_private, published=_iso_date(published), language=language,
        encoding=encoding, reader=reader, batch_size=batch_size, text_field=text_field,
        title_field=title_field, date_field=date_field, id_field=id_field, url_field=url_field,
        language_field=language_field, source_field=source_field,
    )  # fmt: skip
    settings = settings_from(db)
    with Store(settings.database_path) as store, progress() as bar:
        task = bar.add_task("ingest", total=None)
        report = ingest(
            store,
            inputs,
            options,
            settings,
            lambda _s, done, total: bar.update(task, completed=done, total=total),
        )
    print_report(report, show_all)
    if not report.ok:
        raise typer.Exit(code=InputError.exit_code)


def print_report(report: IngestReport, show_all: bool = False) -> None:
    """Per-input rows (added/duplicate/failed/skipped) and a totals line; long runs list only problems."""
    rows = report.results
    hidden = 0
    if not show_all and len(rows) > ROW_LIMIT:
        rows = [r for r in rows if r.status in (InputStatus.failed, InputStatus.skipped) or r.warnings]
        hidden = len(report.results) - len(rows)
    table = Table(title="ingest summary", show_lines=False)
    for column in ("input", "status", "added", "duplicates", "reason"):
        table.add_column(column, overflow="fold")
    for result in rows:
        style = _STATUS_STYLE[result.status]
        reason = result.reason or "; ".join(result.warnings)
        table.add_row(result.label, f"[{style}]{result.status.value}[/]", str(result.added),
                      str(result.duplicates), reason)  # fmt: skip
    table.add_section()
    note = f"{report.failed} failed, {report.skipped} skipped"
    if hidden:
        note += f"; {hidden} added/duplicate inputs not listed (--all lists them)"
    table.add_row("total", "", str(report.added), str(report.duplicates), note)
    console.print(table)
    if not report.ok:
        err_console.print(f"[bold red]{report.failed} input(s) failed[/]; see the reasons above.")


def _iso_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise InputError(f"--published {value!r}: expected a date as YYYY-MM-DD.") from exc
