"""``emberwatch evaluate``: score the pipeline against gold data (MUC-4, geoparsing, Arabic...)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from emberwatch.cli.app import app
from emberwatch.cli.common import console

if TYPE_CHECKING:
    from emberwatch.evaluate.muc4 import Muc4Report

evaluate_app = typer.Typer(help="Score the extractor against gold data sets.", no_args_is_help=True)
app.add_typer(evaluate_app, name="evaluate")


@evaluate_app.command("muc4")
def evaluate_muc4_cmd(
    split: Annotated[str, typer.Option(help="dev (TST1+TST2) or train (DEV-MUC3).")] = "dev",
    limit: Annotated[int | None, typer.Option(help="Score only the first N documents.")] = None,
    muc4_dir: Annotated[
        Path | None, typer.Option(help="MUC-4 folder (default: $EMBERWATCH_SHARED_DATA/muc4).")
    ] = None,
    roles_only: Annotated[
        bool, typer.Option("--roles-only", help="Only the role filler, on its trigger sentences.")
    ] = False,
    no_geo: Annotated[
        bool, typer.Option("--no-geo", help="Skip geocoding (faster; country/town are not scored).")
    ] = False,
    write_docs: Annotated[
        bool, typer.Option("--write-docs", help="Write the figures to docs/evaluation.md.")
    ] = False,
    docs_path: Annotated[Path, typer.Option(help="Evaluation file to update.")] = Path("docs/evaluation.md"),
) -> None:
    """Role-filler P/R/F1 (GRIT scoring), incident type, date, location and deaths on MUC-4."""
    from emberwatch.evaluate.muc4 import evaluate_muc4, report_markdown, update_docs_section
    from emberwatch.evaluate.muc4_data import default_muc4_dir

    report = evaluate_muc4(muc4_dir or default_muc4_dir(), split, limit, roles_only, with_geo=not no_geo)
    console.print(_table(report))
    if write_docs:
        command = f"emberwatch evaluate muc4 --split {split}" + (" --roles-only" if roles_only else "")
        command += f" --limit {limit}" if limit else ""
        command += " --no-geo" if no_geo else ""
        update_docs_section(docs_path, report_markdown(report, command))
        console.print(f"updated {docs_path}")


def _table(report: Muc4Report) -> Table:
    table = Table(title=f"MUC-4 {report.split} ({report.mode}, {report.documents} documents, "
                  f"{report.seconds:.1f} s)")  # fmt: skip
    for column in ("metric", "precision", "recall", "F1 / accuracy", "counts"):
        table.add_column(column, justify="left" if column == "metric" else "right")
    for name, s in [*report.roles.roles.items(), ("micro", report.roles.micro)]:
        table.add_row(name, f"{s.precision:.1f}", f"{s.recall:.1f}", f"{s.f1:.1f}",
                      f"{s.correct}/{s.predicted} pred, {s.found}/{s.gold} gold")  # fmt: skip
    for name, acc in report.checks.items():
        table.add_row(name, "", "", f"{acc.percent:.1f}", f"{acc.correct}/{acc.total}")
    return table


@evaluate_app.command("geo")
def evaluate_geo_cmd(
    corpus: Annotated[str, typer.Option(help="Gold corpus: lgl (local news) or geovirus (WikiNews).")] = "lgl",
    limit: Annotated[int | None, typer.Option(help="Score only the first N documents.")] = None,
    path: Annotated[
        Path | None,
        typer.Option(help="Corpus XML file (default: $EMBERWATCH_SHARED_DATA/geoparsing/<corpus file>)."),
    ] = None,
    markdown: Annotated[bool, typer.Option("--markdown", help="Print a Markdown table instead.")] = False,
    source_homes: Annotated[
        bool,
        typer.Option(
            "--source-homes/--no-source-homes",
            help="Give each document the home province of its outlet, learnt from the outlet's other "
            "documents (as `emberwatch extract` does over a store).",
        ),
    ] = True,
) -> None:
    """Toponym recognition P/R/F1 and resolution accuracy within 161 km on LGL or GeoVirus."""
    from emberwatch.cli.geo_cmds import load_geoparser
    from emberwatch.errors import InputError
    from emberwatch.evaluate.geo import GeoCorpus, evaluate_geo, report_markdown

    try:
        gold = GeoCorpus(corpus)
    except ValueError as exc:
        raise InputError(f"Unknown corpus '{corpus}'. Known: lgl, geovirus.") from exc
    report = evaluate_geo(load_geoparser(), gold, path, limit, source_homes)
    command = f"emberwatch evaluate geo --corpus {corpus}" + (f" --limit {limit}" if limit else "")
    command += "" if source_homes else " --no-source-homes"
    if markdown:
        typer.echo(report_markdown(report, command), nl=False)
        return
    table = Table(title=f"{corpus}: {report.documents} documents, {report.seconds:.1f} s")
    for column in ("metric", "value", "detail"):
        table.add_column(column)
    for row in report.rows():
        table.add_row(*row)
    console.print(table)
