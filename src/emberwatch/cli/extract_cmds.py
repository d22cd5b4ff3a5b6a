"""Commands ``extract`` and ``codebook check`` / ``codebook show``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import pandas as pd
import typer

from emberwatch.cli.app import app
from emberwatch.cli.common import (
    OutputFormat,
    console,
    err_console,
    print_frame,
    progress,
    settings_from,
)
from emberwatch.codebook import check_codebook, codebook_section, load_codebook
from emberwatch.distributed import DaskOptions
from emberwatch.extract.pipeline import load_resources
from emberwatch.extract.run import extract_jsonl
from emberwatch.workspace import open_workspace


@app.command()
def extract(
    source: Annotated[
        Path | None,
        typer.Argument(
            help="JSON lines input ({id, text, published?, language?, title?, source?, url?, home?}). "
            "Without it, extract the documents in the store."
        ),
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="JSON lines output (required with INPUT).")
    ] = None,
    force: Annotated[
        bool, typer.Option(help="Re-extract documents already extracted with this version.")
    ] = False,
    no_geo: Annotated[bool, typer.Option("--no-geo", help="Skip geocoding (no places).")] = False,
    no_roles: Annotated[
        bool, typer.Option("--no-roles", help="Codebook role fillers only (skip the trained role filler).")
    ] = False,
    db: Annotated[
        Path | None, typer.Option("--db", help="DuckDB file (default: the configured database).")
    ] = None,
    dask_workers: Annotated[
        int, typer.Option(help="Run extraction on a local Dask cluster of N worker processes (0: in process).")
    ] = 0,
    scheduler: Annotated[
        str | None, typer.Option(help="Address of a running Dask scheduler, e.g. tcp://10.0.0.5:8786.")
    ] = None,
) -> None:
    """Extract events from a JSON lines file (no store) or from every not-yet-extracted stored document."""
    settings = settings_from(db)
    if source is not None:
        if out is None:
            raise typer.BadParameter("--out is required with an INPUT file", param_hint="--out")
        resources = load_resources(settings, with_geo=not no_geo, with_roles=not no_roles)
        report = extract_jsonl(source, out, resources)
        for problem in report.problems:
            err_console.print(f"[yellow]line {problem.line} skipped:[/] {problem.message}", highlight=False)
        console.print(f"{report.documents} documents, {report.events} events -> {out}")
        raise typer.Exit(0 if report.ok else 1)
    dask = DaskOptions(scheduler=scheduler, workers=dask_workers) if dask_workers or scheduler else None
    with open_workspace(settings=settings) as ws, progress() as bar:
        task = bar.add_task("extracting", total=None)
        result = ws.extract(
            force=force,
            with_geo=not no_geo,
            with_roles=not no_roles,
            dask=dask,
            progress=lambda done, total: bar.update(task, completed=done, total=total),
        )
    console.print(
        f"{result.documents} documents extracted ({result.skipped} up to date), "
        f"{result.events} events, extractor {result.extractor_version}"
        + (f"; {result.homes} placed with their outlet's home province" if result.homes else "")
    )


# nested or long fields left out of the table view (shown with --format json)
_NESTED_COLUMNS = {"terms", "aliases", "sub_types", "indicators", "params", "description", "select", "against"}

codebook_app = typer.Typer(help="Validate and list the codebook.", no_args_is_help=True)
app.add_typer(codebook_app, name="codebook")


@codebook_app.command("check")
def codebook_check(
    path: Annotated[
        Path | None, typer.Argument(help="Codebook folder (default: the configured one).")
    ] = None,
) -> None:
    """Print every problem in the codebook; exit non-zero if there is any."""
    folder = path if path is not None else settings_from().codebook
    problems = check_codebook(folder)
    for problem in problems:
        console.print(problem, highlight=False, soft_wrap=True)
    if problems:
        err_console.print(f"[bold red]{len(problems)} problem(s)[/] in {folder or 'the default codebook'}")
        raise typer.Exit(1)
    console.print(f"codebook OK ({folder or 'default'}, version {load_codebook(folder).version})")


@codebook_app.command("show")
def codebook_show(
    section: Annotated[
        str,
        typer.Argument(help="actors, event_types, descriptions, weapons, targets, mechanisms or indicators."),
    ] = "actors",
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.table,
) -> None:
    """List the entries of one codebook section."""
    entries = codebook_section(load_codebook(settings_from().codebook), section)
    frame = pd.DataFrame([e.model_dump(mode="json") for e in entries])
    if fmt is OutputFormat.table and not frame.empty:
        frame = frame[[c for c in frame.columns if c not in _NESTED_COLUMNS]]
    print_frame(frame, fmt, section)
