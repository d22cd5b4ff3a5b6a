"""Commands ``consolidate``, ``review ...`` and ``evaluate consolidation``."""

from __future__ import annotations

import getpass
import os
from datetime import datetime
from pathlib import Path
from typing import Annotated

import pandas as pd
import typer
from rich.table import Table

from emberwatch.cli.app import app
from emberwatch.cli.common import OutputFormat, console, err_console, open_store, print_frame, settings_from
from emberwatch.cli.evaluate_cmds import evaluate_app
from emberwatch.errors import InputError

DbOption = Annotated[
    Path | None, typer.Option("--db", help="DuckDB file (default: the configured database).")
]
AuthorOption = Annotated[
    str | None, typer.Option("--author", help="Who makes the change (default: $USER).", show_default=False)
]
ReasonOption = Annotated[str, typer.Option("--reason", help="Why (kept in the audit trail).")]
FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")]


def _author(author: str | None) -> str:
    return author or os.environ.get("USER") or getpass.getuser()


@app.command()
def consolidate(db: DbOption = None) -> None:
    """Mark near-duplicate documents and merge event mentions into incidents (idempotent)."""
    from emberwatch.consolidate import consolidate as run

    settings = settings_from(db)
    with open_store(db) as store:
        report = run(store, settings, progress=lambda stage, *_: err_console.print(f"[dim]{stage}[/]"))
    console.print(
        f"{report.mentions} mentions -> {report.events} incidents ({report.multi_source_events} with several "
        f"sources); new {report.new_events}, changed {report.changed_events}, removed "
        f"{report.removed_events}; {report.near_duplicate_documents} near-duplicate documents; "
        f"{report.seconds:.1f} s"
    )


review_app = typer.Typer(
    help="Verify, reject, correct, merge and split events (with an audit trail).", no_args_is_help=True
)
app.add_typer(review_app, name="review")


@review_app.command("verify")
def review_verify(
    event_id: Annotated[str, typer.Argument(help="Event id.")],
    author: AuthorOption = None,
    reason: Annotated[str | None, typer.Option("--reason", help="Why (optional).")] = None,
    db: DbOption = None,
) -> None:
    """Mark an event as checked (also undoes a rejection)."""
    from emberwatch.review import verify

    with open_store(db) as store:
        record = verify(store, event_id, _author(author), reason)
    console.print(f"{record.id}: {record.review_status.value}")


@review_app.command("reject")
def review_reject(
    event_id: Annotated[str, typer.Argument(help="Event id.")],
    reason: ReasonOption,
    author: AuthorOption = None,
    db: DbOption = None,
) -> None:
    """Mark an event as not a real incident (hidden from listings, never deleted)."""
    from emberwatch.review import reject

    with open_store(db) as store:
        record = reject(store, event_id, _author(author), reason)
    console.print(f"{record.id}: {record.review_status.value}")


@review_app.command("edit")
def review_edit(
    event_id: Annotated[str, typer.Argument(help="Event id.")],
    field: Annotated[str, typer.Argument(help="Field to correct, e.g. killed_best, date, event_type.")],
    value: Annotated[str, typer.Argument(help="New value ('null' clears it; lists comma-separated).")],
    reason: ReasonOption,
    author: AuthorOption = None,
    db: DbOption = None,
) -> None:
    """Correct one field; the machine's value is kept in the event's history."""
    from emberwatch.review import edit

    settings = settings_from(db)
    with open_store(db) as store:
        record = edit(store, event_id, field, value, _author(author), reason, settings)
    console.print(f"{record.id}: {field} = {getattr(record, field)!r}")


@review_app.command("merge")
def review_merge(
    event_ids: Annotated[list[str], typer.Argument(help="Two or more event ids describing one incident.")],
    reason: ReasonOption,
    author: AuthorOption = None,
    db: DbOption = None,
) -> None:
    """Merge events into one (the oldest id is kept); later consolidations keep them together."""
    from emberwatch.review import merge

    settings = settings_from(db)
    with open_store(db) as store:
        kept = merge(store, event_ids, _author(author), reason, settings)
    console.print(f"merged into {kept}")


@review_app.command("split")
def review_split(
    event_id: Annotated[str, typer.Argument(help="Event id.")],
    mention_ids: Annotated[list[str], typer.Argument(help="Mention ids to move to a new event.")],
    reason: ReasonOption,
    author: AuthorOption = None,
    db: DbOption = None,
) -> None:
    """Move some mentions of an event into a new event; later consolidations keep them apart."""
    from emberwatch.review import split

    settings = settings_from(db)
    with open_store(db) as store:
        new_id = split(store, event_id, mention_ids, _author(author), reason, settings)
    console.print(f"new event {new_id}")


@review_app.command("history")
def review_history(
    event_id: Annotated[str, typer.Argument(help="Event id.")],
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """Every machine and analyst change to an event, oldest first."""
    from emberwatch.review import history

    with open_store(db) as store:
        frame = history(store, event_id)
    print_frame(frame, fmt, f"history of {event_id}")


@review_app.command("show")
def review_show(
    event_id: Annotated[str, typer.Argument(help="Event id.")],
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Show the event as it was then (ISO date/time, UTC).")
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the full detail as JSON.")] = False,
    db: DbOption = None,
) -> None:
    """An event's fields, sources and evidence (or its state at --as-of)."""
    from emberwatch.review import event_as_of, event_detail

    with open_store(db) as store:
        if as_of is not None:
            record = event_as_of(store, event_id, _when(as_of))
            console.print_json(record.model_dump_json())
            return
        detail = event_detail(store, event_id)
    if json_out:
        console.print_json(detail.model_dump_json())
        return
    fields = {k: v for k, v in detail.event.model_dump().items() if v not in (None, [], "")}
    print_frame(
        pd.DataFrame({"field": list(fields), "value": [str(v) for v in fields.values()]}),
        OutputFormat.table,
        detail.event.summary,
    )
    rows = [
        {
            "mention": s.mention_id,
            "document": s.document_id,
            "published": s.published,
            "language": s.language,
            "title": s.title,
            "killed": s.killed.best,
            "copy of": s.near_duplicate_of,
            "evidence": next((e.text for e in s.evidence if e.field == "event"), ""),
        }
        for s in detail.sources
    ]
    print_frame(pd.DataFrame(rows), OutputFormat.table, "sources")


def _when(value: str) -> datetime:
    try:
        return datetime.fromisoformat(value)
    except ValueError as exc:
        raise InputError(
            f"--as-of must be an ISO date or date-time such as 2026-05-01T12:00, got {value!r}."
        ) from exc


@evaluate_app.command("consolidation")
def evaluate_consolidation_cmd(
    fixtures: Annotated[
        Path | None, typer.Option("--fixtures", help="Score on the hand-written fixtures (folder or JSONL).")
    ] = None,
    muc4: Annotated[bool, typer.Option("--muc4", help="Score on the MUC-4 DEV key templates.")] = False,
    end_to_end: Annotated[
        bool, typer.Option("--end-to-end", help="Also extract the fixtures' raw reports with the extractor.")
    ] = False,
    muc4_dir: Annotated[Path | None, typer.Option(help="MUC-4 folder (default: the shared data).")] = None,
) -> None:
    """Pairwise and B-cubed precision/recall/F1 of "same incident" decisions."""
    from emberwatch.consolidate.evaluation import (
        DEFAULT_FIXTURES,
        evaluate_end_to_end,
        evaluate_fixtures,
        evaluate_muc4_keys,
    )

    results = []
    if muc4:
        results.append(evaluate_muc4_keys(muc4_dir))
    if fixtures is not None or not muc4:
        results.append(evaluate_fixtures(fixtures or DEFAULT_FIXTURES))
    if end_to_end:
        results.append(evaluate_end_to_end(fixtures or DEFAULT_FIXTURES))
    table = Table(title="consolidation")
    for column in ("data", "mentions", "gold", "predicted", "pairwise P", "R", "F1", "B3 P", "R", "F1"):
        table.add_column(column, justify="left" if column == "data" else "right")
    for r in results:
        table.add_row(
            r.name,
            str(r.mentions),
            str(r.gold_clusters),
            str(r.predicted_clusters),
            *(
                f"{v:.3f}"
                for v in (
                    r.pairwise.precision,
                    r.pairwise.recall,
                    r.pairwise.f1,
                    r.bcubed.precision,
                    r.bcubed.recall,
                    r.bcubed.f1,
                )
            ),
        )
    console.print(table)
