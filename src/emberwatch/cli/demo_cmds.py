"""``emberwatch demo``: the whole pipeline on the bundled corpus, then the dashboard."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from emberwatch.cli.app import app
from emberwatch.cli.common import OutputFormat, console, print_frame
from emberwatch.demo import DEFAULT_CORPUS, DemoSummary, find_watch_areas, run_demo
from emberwatch.settings import load_settings
from emberwatch.workspace import open_workspace


@app.command()
def demo(
    serve: Annotated[bool, typer.Option("--serve/--no-serve", help="Serve the dashboard afterwards.")] = True,
    corpus: Annotated[
        Path | None,
        typer.Option(help="Folder of reports to use as the demo corpus (default: examples/demo-corpus)."),
    ] = None,
    db: Annotated[Path | None, typer.Option("--db", help="DuckDB file (default: the configured database).")] = None,
    host: Annotated[str | None, typer.Option(help="Address to serve on (default 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(help="Port to serve on (default 8000).")] = None,
) -> None:
    """Ingest the demo corpus, extract, geocode and consolidate events, print a summary, serve the dashboard."""
    settings = load_settings(database=db, host=host, port=port)
    corpus = corpus or DEFAULT_CORPUS
    areas = settings.watch_areas or find_watch_areas(corpus)
    settings = settings.model_copy(update={"watch_areas": areas})
    with open_workspace(settings=settings) as ws:
        summary = run_demo(ws, corpus, step=lambda msg: console.print(f"[bold cyan]>[/] {msg}"))
    show_summary(summary)
    if serve:
        from emberwatch.web.server import serve as run_server

        console.print(
            f"\n[bold green]Dashboard:[/] http://{settings.host}:{settings.port}/   "
            f"API docs: http://{settings.host}:{settings.port}/docs   (Ctrl-C to stop)"
        )
        run_server(settings)


def show_summary(summary: DemoSummary) -> None:
    table = Table(title="emberwatch demo", show_header=False)
    languages = ", ".join(f"{k}: {v}" for k, v in summary.documents_by_language.items())
    for label, value in [
        ("database", str(summary.database)),
        ("documents", f"{summary.documents_total} ({languages}); {summary.documents_added} added this run"),
        ("ingest failures", str(len(summary.ingest_failures))),
        ("event mentions extracted", str(summary.mentions)),
        ("incidents after consolidation", str(summary.events)),
        ("incidents on the map", str(summary.events_with_place)),
        ("distinct places geocoded", str(summary.places)),
    ]:
        table.add_row(label, value)
    console.print(table)
    for failure in summary.ingest_failures:
        console.print(f"[yellow]failed:[/] {escape(failure)}")
    if not summary.top_areas.empty:
        print_frame(summary.top_areas, OutputFormat.table, "top areas")
    if not summary.indicator_trends.empty:
        print_frame(summary.indicator_trends, OutputFormat.table, "indicator trends (latest two years)")
    console.print(f"[bold]alerts ({len(summary.alerts)}):[/]")
    for line in summary.alerts[:15]:
        console.print(f"  - {escape(line)}")
