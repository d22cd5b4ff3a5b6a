"""Analysis commands: aggregate, indicators, watch, alerts, backtest, import ucdp, brief."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated

import pandas as pd
import typer

from emberwatch.analysis import (
    AlertConfig,
    AlertRule,
    ChangePointConfig,
    ForecastConfig,
    Level,
    Period,
    SurgeRule,
    WatchConfig,
    aggregate,
    areas_geojson,
    backtest,
    current_alerts,
    indicator_table,
    load_watch_areas,
    watch_signals,
)
from emberwatch.analysis.indicators import indicator_trends
from emberwatch.cli.app import app
from emberwatch.cli.common import OutputFormat, console, open_store, print_frame, settings_from
from emberwatch.codebook import load_codebook
from emberwatch.codebook.indicators_schema import SpatialUnit
from emberwatch.imports.ucdp import import_ucdp
from emberwatch.report.brief import BriefOptions, write_brief
from emberwatch.store.queries import EventFilter, build_filter

DbOption = Annotated[Path | None, typer.Option("--db", help="DuckDB file (default: the configured database).")]
FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")]
LevelOption = Annotated[Level, typer.Option(help="Spatial level: all, country, admin1, admin2 or h3.")]
PeriodOption = Annotated[Period, typer.Option(help="Period: week (from Monday), month or year.")]
StartOption = Annotated[str | None, typer.Option(help="Events on or after YYYY-MM-DD.")]
EndOption = Annotated[str | None, typer.Option(help="Events on or before YYYY-MM-DD.")]
CountryOption = Annotated[list[str] | None, typer.Option(help="ISO country code, e.g. SY (repeatable).")]
Admin1Option = Annotated[list[str] | None, typer.Option(help="Province/governorate name (repeatable).")]
ActorOption = Annotated[list[str] | None, typer.Option(help="Actor id, affiliates included (repeatable).")]
TypeOption = Annotated[list[str] | None, typer.Option("--type", help="Event type id (repeatable).")]
MechanismOption = Annotated[list[str] | None, typer.Option(help="Mechanism code (repeatable).")]
AreasOption = Annotated[
    Path | None,
    typer.Option("--areas", help="Watch-area file (.geojson or .yaml); default the `watch_areas` setting."),
]


def _filters(
    start: str | None = None,
    end: str | None = None,
    country: list[str] | None = None,
    admin1: list[str] | None = None,
    actor: list[str] | None = None,
    event_type: list[str] | None = None,
    mechanism: list[str] | None = None,
) -> EventFilter:
    return build_filter(
        EventFilter,
        start=start,
        end=end,
        country=country,
        admin1=admin1,
        actor=actor,
        event_type=event_type,
        mechanism=mechanism,
    )


def _short_ids(frame: pd.DataFrame, column: str = "event_ids", keep: int = 5) -> pd.DataFrame:
    def shorten(ids: list[str]) -> str:
        more = f" +{len(ids) - keep}" if len(ids) > keep else ""
        return ", ".join(ids[:keep]) + more

    return frame.assign(**{column: frame[column].map(shorten)})


def _emit(frame: pd.DataFrame, fmt: OutputFormat, title: str) -> None:
    """Print a frame; in CSV, list cells (event ids, passage refs) become ``a;b;c``."""
    if fmt is OutputFormat.csv:
        frame = frame.assign(
            **{c: frame[c].map(lambda v: ";".join(map(str, v)) if isinstance(v, list) else v)
               for c in frame.columns if frame[c].map(lambda v: isinstance(v, list)).any()}
        )  # fmt: skip
    print_frame(frame, fmt, title)


def _watch_areas(path: Path | None, db: Path | None) -> list:
    chosen = path if path is not None else settings_from(db).watch_areas
    return load_watch_areas(chosen) if chosen is not None else []


@app.command("aggregate")
def aggregate_cmd(
    level: LevelOption = Level.admin1,
    period: PeriodOption = Period.month,
    h3_resolution: Annotated[int, typer.Option(help="H3 resolution for --level h3.")] = 5,
    start: StartOption = None,
    end: EndOption = None,
    country: CountryOption = None,
    admin1: Admin1Option = None,
    actor: ActorOption = None,
    event_type: TypeOption = None,
    mechanism: MechanismOption = None,
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """Counts, killed and wounded by area x period (imprecise_events: dates spanning several periods)."""
    flt = _filters(start, end, country, admin1, actor, event_type, mechanism)
    with open_store(db) as store:
        frame = aggregate(store, level, period, flt, h3_resolution)
    _emit(_short_ids(frame) if fmt is OutputFormat.table else frame, fmt, f"events by {level} x {period}")


@app.command("indicators")
def indicators_cmd(
    ids: Annotated[list[str] | None, typer.Argument(help="Indicator ids (default: all in the codebook).")] = None,
    level: LevelOption = Level.all,
    period: PeriodOption = Period.month,
    trend: Annotated[int, typer.Option(help="Show the last N periods side by side (0: long table).")] = 0,
    start: StartOption = None,
    end: EndOption = None,
    country: CountryOption = None,
    admin1: Admin1Option = None,
    actor: ActorOption = None,
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """Mechanism indicator series from the codebook, with the events and passages behind each value."""
    flt = _filters(start, end, country, admin1, actor)
    with open_store(db) as store:
        frame = indicator_table(store, level, period, flt, load_codebook(settings_from(db).codebook), ids)
    if trend:
        _emit(indicator_trends(frame, trend), fmt, f"indicators, last {trend} {period.value}s")
        return
    if fmt is OutputFormat.table:
        frame = _short_ids(_short_ids(frame), "passage_refs", 3)
    _emit(frame, fmt, "indicators")


@app.command("watch")
def watch_cmd(
    areas: AreasOption = None,
    quiet_months: Annotated[int, typer.Option(help="Quiet months before activity counts as a return.")] = 6,
    spread_months: Annotated[int, typer.Option(help="Months without events before a unit counts as new.")] = 6,
    spread_unit: Annotated[
        SpatialUnit, typer.Option(help="Unit for spread signals: admin2 or h3.")
    ] = SpatialUnit.admin2,
    spread: Annotated[bool, typer.Option(help="Also list spread signals.")] = True,
    since: Annotated[str | None, typer.Option(help="Only signals starting on or after YYYY-MM-DD.")] = None,
    actor: ActorOption = None,
    country: CountryOption = None,
    geojson_out: Annotated[
        Path | None, typer.Option(help="Also write the watch areas as GeoJSON polygons here.")
    ] = None,
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """Return signals in watch areas (lost territory) and spread signals, with their evidence events."""
    watch_areas = _watch_areas(areas, db)
    if geojson_out is not None:
        geojson_out.write_text(json.dumps(areas_geojson(watch_areas), ensure_ascii=False) + "\n", encoding="utf-8")
    config = WatchConfig(
        quiet_months=quiet_months,
        spread_months=spread_months,
        spread_unit=spread_unit,
        since=date.fromisoformat(since) if since else None,
    )
    with open_store(db) as store:
        signals = watch_signals(
            store,
            watch_areas,
            config,
            _filters(actor=actor, country=country),
            load_codebook(settings_from(db).codebook),
            include_spread=spread,
        )
    frame = pd.DataFrame([s.model_dump(exclude={"rule"}) for s in signals])
    if frame.empty:
        console.print("No signals.")
        return
    if fmt is OutputFormat.table:
        columns = ["kind", "area", "started", "ended", "quiet_days", "n_events", "event_ids"]
        frame = _short_ids(frame[columns].astype({"kind": str}), keep=3)
    _emit(frame, fmt, "watch signals")


@app.command("alerts")
def alerts_cmd(
    areas: AreasOption = None,
    as_of: Annotated[str | None, typer.Option(help="Reference date YYYY-MM-DD (default: latest event).")] = None,
    lookback_days: Annotated[int, typer.Option(help="Signals starting this many days before as-of are current.")] = 90,
    rule: Annotated[list[AlertRule] | None, typer.Option(help="Rules to run (repeatable; default all).")] = None,
    surge_period: Annotated[Period, typer.Option(help="Surge rule period.")] = Period.week,
    surge_ratio: Annotated[float, typer.Option(help="Surge: count >= ratio x baseline average.")] = 2.0,
    surge_min: Annotated[int, typer.Option(help="Surge: at least this many events.")] = 3,
    baseline_periods: Annotated[int, typer.Option(help="Surge: previous periods averaged.")] = 4,
    quiet_months: Annotated[int, typer.Option(help="Return/spread: quiet months required.")] = 6,
    penalty_factor: Annotated[
        float, typer.Option(help="Change points: PELT penalty = factor x sigma^2 x ln(n).")
    ] = 2.0,
    actor: ActorOption = None,
    country: CountryOption = None,
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """Current alerts: each with its rule, window, baseline and current figures, and evidence events."""
    config = AlertConfig(
        as_of=date.fromisoformat(as_of) if as_of else None,
        lookback_days=lookback_days,
        rules=rule or list(AlertRule),
        watch=WatchConfig(quiet_months=quiet_months, spread_months=quiet_months),
        changepoint=ChangePointConfig(penalty_factor=penalty_factor),
        surge=SurgeRule(
            period=surge_period, ratio=surge_ratio, min_events=surge_min, baseline_periods=baseline_periods
        ),
    )
    with open_store(db) as store:
        alerts = current_alerts(
            store,
            load_codebook(settings_from(db).codebook),
            _watch_areas(areas, db),
            config,
            _filters(actor=actor, country=country),
        )
    frame = pd.DataFrame([a.model_dump(exclude={"generated_at"}) for a in alerts])
    if frame.empty:
        console.print("No current alerts.")
        return
    if fmt is OutputFormat.table:
        frame = _short_ids(
            frame[
                [
                    "rule_id",
                    "area",
                    "window_start",
                    "window_end",
                    "baseline",
                    "current",
                    "summary",
                    "event_ids",
                ]
            ]
        )
    _emit(frame, fmt, "alerts")


@app.command("backtest")
def backtest_cmd(
    level: LevelOption = Level.admin1,
    period: PeriodOption = Period.month,
    horizon: Annotated[int, typer.Option(help="Periods ahead to forecast.")] = 1,
    min_train: Annotated[int, typer.Option(help="Periods observed before the first origin.")] = 12,
    max_origins: Annotated[int, typer.Option(help="Most recent origins scored.")] = 24,
    start: StartOption = None,
    end: EndOption = None,
    country: CountryOption = None,
    actor: ActorOption = None,
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """Rolling-origin backtest of next-period counts: model vs zero, no-change and average baselines."""
    config = ForecastConfig(horizon=horizon, min_train_periods=min_train, max_origins=max_origins)
    with open_store(db) as store:
        result = backtest(store, level, period, _filters(start, end, country, actor=actor), config)
    title = (
        f"backtest: {result.n_areas} {level.value} areas, {result.n_origins} origins "
        f"{result.first_origin}..{result.last_origin}, horizon {horizon} {period.value}"
    )
    _emit(result.frame(), fmt, title)
    if fmt is OutputFormat.table:
        console.print(result.verdict)
        for note in result.notes:
            console.print(f"note: {note}")


import_app = typer.Typer(help="Import event datasets into the events table.", no_args_is_help=True)
app.add_typer(import_app, name="import")


@import_app.command("ucdp")
def import_ucdp_cmd(
    path: Annotated[Path, typer.Argument(help="UCDP GED CSV file.")],
    replace: Annotated[bool, typer.Option(help="Update events already imported (same UCDP id).")] = False,
    alias: Annotated[list[str] | None, typer.Option(help="Extra side-name mapping NAME=ACTOR_ID (repeatable).")] = None,
    db: DbOption = None,
) -> None:
    """Import a UCDP GED CSV as events with origin 'ucdp'; bad rows are listed and skipped."""
    extra = dict(a.split("=", 1) for a in alias or [] if "=" in a)
    with open_store(db) as store:
        report = import_ucdp(store, path, load_codebook(settings_from(db).codebook), extra, replace=replace)
    console.print(
        f"{report.path}: {report.rows} rows, {report.imported} imported, "
        f"{report.already_present} already present, {report.skipped} skipped"
    )
    for problem in report.problems[:50]:
        action = "skipped" if problem.skipped else "imported"
        console.print(f"  row {problem.row} ({action}): {problem.field}: {problem.message}", highlight=False)


@app.command("brief")
def brief_cmd(
    out: Annotated[Path, typer.Option("--out", "-o", help="Output file (.html; with --pdf a .pdf beside it).")],
    pdf: Annotated[bool, typer.Option(help="Also print to PDF with headless Chromium.")] = False,
    title: Annotated[str, typer.Option(help="Title of the brief.")] = "emberwatch brief",
    areas: AreasOption = None,
    start: StartOption = None,
    end: EndOption = None,
    country: CountryOption = None,
    admin1: Admin1Option = None,
    actor: ActorOption = None,
    max_events: Annotated[int, typer.Option(help="Recent events listed with their evidence.")] = 15,
    db: DbOption = None,
) -> None:
    """Write a self-contained HTML (optionally PDF) brief: figures, charts, indicators, alerts, evidence."""
    options = BriefOptions(
        title=title,
        filters=_filters(start, end, country, admin1, actor),
        watch_areas=_watch_areas(areas, db),
        max_events=max_events,
    )
    with open_store(db) as store:
        written = write_brief(store, load_codebook(settings_from(db).codebook), out, options, pdf=pdf)
    console.print(f"brief written to {written}")
