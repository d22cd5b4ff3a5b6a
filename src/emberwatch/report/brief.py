"""Generated briefs: one self-contained HTML file (charts inline, no external assets), optionally PDF.

A brief holds summary figures, a timeline chart, the top areas, indicator trends, current alerts with
their evidence and a short list of recent events with evidence quotes (Arabic quotes right-to-left).
Every value goes through Jinja autoescaping; charts are matplotlib SVGs embedded as base64 data URIs.
"""

from __future__ import annotations

import base64
import io
import logging
import shutil
import subprocess
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd
from jinja2 import Environment, PackageLoader, select_autoescape
from pydantic import BaseModel, ConfigDict, Field

from emberwatch.analysis.aggregates import aggregate_frame, count_panel
from emberwatch.analysis.alerts import Alert, AlertConfig, current_alerts
from emberwatch.analysis.common import Level, Period
from emberwatch.analysis.indicators import indicator_table
from emberwatch.analysis.passages import Passage, event_quotes
from emberwatch.analysis.watch_areas import WatchArea
from emberwatch.codebook import Codebook
from emberwatch.errors import ConfigError, InputError
from emberwatch.store import Store
from emberwatch.store.analysis import analysis_events
from emberwatch.store.queries import EventFilter

log = logging.getLogger(__name__)

DEFAULT_INDICATORS = [
    "insurgent_tactics_share", "attack_admin2_units", "attack_standard_distance", "new_attack_areas",
    "funding_events", "sleeper_cell_events", "social_ties_events",
]  # fmt: skip
CHROMIUM_CANDIDATES = ["chromium", "chromium-browser", "google-chrome", "/usr/bin/chromium"]


class BriefOptions(BaseModel):
    """What goes into a brief."""

    model_config = ConfigDict(arbitrary_types_allowed=True, extra="forbid")

    title: str = Field(default="emberwatch brief", max_length=200)
    filters: EventFilter = Field(default_factory=EventFilter)
    watch_areas: list[WatchArea] = Field(default_factory=list)
    alerts: AlertConfig = Field(default_factory=AlertConfig)
    level: Level = Level.admin1
    period: Period = Period.month
    top_areas: int = Field(default=10, ge=1, le=100)
    max_events: int = Field(default=15, ge=0, le=500)
    indicator_ids: list[str] = Field(default_factory=lambda: list(DEFAULT_INDICATORS))


class Figure(BaseModel):
    label: str
    value: str


class AreaRow(BaseModel):
    area: str
    events: int
    killed: int
    wounded: int


class IndicatorTrend(BaseModel):
    id: str
    name: str
    mechanism: str
    description: str
    latest_period: date | None
    latest: str
    previous: str
    chart: str = Field(description="data: URI of the SVG chart")
    event_ids: list[str]


class EventLine(BaseModel):
    id: str
    date: date | None
    event_type: str
    place: str
    perpetrator: str
    killed: str
    sources: int
    summary: str | None
    quotes: list[Passage]


class AlertBlock(BaseModel):
    alert: Alert
    events: list[EventLine]


class BriefData(BaseModel):
    title: str
    generated_at: datetime
    scope: str
    figures: list[Figure]
    timeline: str | None
    top_areas: list[AreaRow]
    indicators: list[IndicatorTrend]
    alerts: list[AlertBlock]
    events: list[EventLine]


# --------------------------------------------------------------------------- charts


def _svg_uri(fig: object) -> str:
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight")  # type: ignore[attr-defined]
    plt.close(fig)  # type: ignore[arg-type]
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _pyplot():  # type: ignore[no-untyped-def]
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams["svg.hashsalt"] = "emberwatch"  # deterministic ids in the SVG
    plt.rcParams["svg.fonttype"] = "none"  # text stays text: smaller, faster, and any script renders
    return plt


def timeline_chart(series: pd.Series, period: Period) -> str:
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(8, 2.6))
    width = {Period.week: 5, Period.month: 25, Period.year: 300}[period]
    ax.bar(series.index, series.to_numpy(), width=width, color="#b5441b")
    ax.set_ylabel(f"events per {period.value}")
    ax.spines[["top", "right"]].set_visible(False)
    fig.autofmt_xdate()
    return _svg_uri(fig)


def indicator_chart(frame: pd.DataFrame, name: str) -> str:
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(4, 1.8))
    ax.plot(pd.to_datetime(frame["period"]), frame["value"], color="#1b5fb5", marker=".", linewidth=1.2)
    ax.set_title(name, fontsize=9)
    ax.tick_params(labelsize=7)
    ax.spines[["top", "right"]].set_visible(False)
    fig.autofmt_xdate()
    return _svg_uri(fig)


# --------------------------------------------------------------------------- data


def _fmt(value: float) -> str:
    if pd.isna(value):
        return "n/a"
    return f"{value:.2f}" if value != int(value) else f"{int(value)}"


def _scope(flt: EventFilter) -> str:
    parts = []
    for name in ("country", "admin1", "admin2", "actor", "event_type", "mechanism", "language"):
        values = getattr(flt, name)
        if values:
            parts.append(f"{name}: {', '.join(values)}")
    if flt.start or flt.end:
        parts.append(f"dates: {flt.start or '...'} to {flt.end or '...'}")
    return "; ".join(parts) or "all events"


def _event_lines(events: pd.DataFrame, quotes: dict[str, list[Passage]]) -> list[EventLine]:
    lines = []
    for row in events.itertuples(index=False):
        place = ", ".join(str(v) for v in (row.place_name, row.admin1, row.country_code) if isinstance(v, str))
        killed = row.killed_best if not pd.isna(row.killed_best) else row.killed_low
        lines.append(
            EventLine(
                id=row.id,
                date=row.date if not pd.isna(row.date) else None,
                event_type=row.event_type,
                place=place or "unknown place",
                perpetrator=row.perpetrator_id if isinstance(row.perpetrator_id, str) else "unknown",
                killed="" if pd.isna(killed) else str(int(killed)),
                sources=int(row.n_sources),
                summary=row.summary if isinstance(row.summary, str) else None,
                quotes=quotes.get(row.id, []),
            )
        )
    return lines


def _figures(events: pd.DataFrame) -> list[Figure]:
    dated = events[events["date"].notna()]
    killed = events["killed_best"].fillna(events["killed_low"]).fillna(0).sum()
    wounded = events["wounded_best"].fillna(events["wounded_low"]).fillna(0).sum()
    first, last = (
        (pd.Timestamp(dated["date"].min()).date(), pd.Timestamp(dated["date"].max()).date())
        if len(dated)
        else (None, None)
    )
    span = f"{first} to {last}" if first else "no dated events"
    return [
        Figure(label="Events", value=str(len(events))),
        Figure(label="Killed (best estimates)", value=str(int(killed))),
        Figure(label="Wounded (best estimates)", value=str(int(wounded))),
        Figure(label="Countries", value=str(events["country_code"].dropna().nunique())),
        Figure(label="Period covered", value=span),
        Figure(label="Sources behind the events", value=str(int(events["n_sources"].fillna(0).sum()))),
    ]


def _indicator_trends(store: Store, codebook: Codebook, options: BriefOptions) -> list[IndicatorTrend]:
    known = {i.id: i for i in codebook.indicators}
    missing = [i for i in options.indicator_ids if i not in known]
    if missing:
        log.warning("brief: indicator(s) %s not in the codebook; skipped", ", ".join(missing))
    ids = [i for i in options.indicator_ids if i in known]
    if not ids:
        return []
    table = indicator_table(store, Level.all, options.period, options.filters, codebook, ids)
    trends = []
    for indicator_id in ids:
        series = table[table["indicator"] == indicator_id]
        if series.empty:
            continue
        definition = known[indicator_id]
        values = series["value"].tolist()
        trends.append(
            IndicatorTrend(
                id=definition.id,
                name=definition.name,
                mechanism=definition.mechanism,
                description=definition.description,
                latest_period=series["period"].iloc[-1],
                latest=_fmt(values[-1]),
                previous=_fmt(values[-2]) if len(values) > 1 else "n/a",
                chart=indicator_chart(series, definition.name),
                event_ids=[e for ids in series["event_ids"].iloc[-3:] for e in ids][:20],
            )
        )
    return trends


def build_brief(store: Store, codebook: Codebook, options: BriefOptions | None = None) -> BriefData:
    """Collect everything a brief shows (no rendering)."""
    options = options or BriefOptions()
    events = analysis_events(store, options.filters)
    if events.empty:
        raise InputError(f"No events match the brief's filters ({_scope(options.filters)}); widen them.")
    agg = aggregate_frame(events, options.level, options.period)
    totals = aggregate_frame(events, Level.all, options.period)
    panel = count_panel(totals, options.period)
    timeline = timeline_chart(panel["all"], options.period) if not panel.empty else None
    by_area = agg.groupby("area")[["events", "killed", "wounded"]].sum().sort_values("events", ascending=False)
    top = [
        AreaRow(area=str(a), **{k: int(v) for k, v in row.items()})
        for a, row in by_area.head(options.top_areas).iterrows()
    ]
    alerts = current_alerts(store, codebook, options.watch_areas, options.alerts, options.filters)
    recent = events.sort_values("date", ascending=False, na_position="last").head(options.max_events)
    alert_ids = [i for alert in alerts for i in alert.event_ids[:3]]
    quotes = event_quotes(store, list(dict.fromkeys([*recent["id"], *alert_ids])))
    by_id = events.set_index("id", drop=False)
    blocks = [
        AlertBlock(alert=a, events=_event_lines(by_id.loc[[i for i in a.event_ids[:3] if i in by_id.index]], quotes))
        for a in alerts
    ]
    return BriefData(
        title=options.title, generated_at=datetime.now(UTC), scope=_scope(options.filters),
        figures=_figures(events), timeline=timeline, top_areas=top,
        indicators=_indicator_trends(store, codebook, options), alerts=blocks,
        events=_event_lines(recent, quotes),
    )  # fmt: skip


# --------------------------------------------------------------------------- output


def _source_label(passage: Passage) -> str:
    host = urlparse(passage.url).hostname if passage.url else None
    parts = [p for p in (passage.title, host, str(passage.published) if passage.published else None) if p]
    return " · ".join(parts) or (passage.document_id or "")


def _id_list(ids: list[str], keep: int = 8) -> str:
    more = f" and {len(ids) - keep} more" if len(ids) > keep else ""
    return ", ".join(ids[:keep]) + more


def render_html(data: BriefData) -> str:
    """The brief as one self-contained HTML page (autoescaped)."""
    env = Environment(
        loader=PackageLoader("emberwatch.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["source_label"] = _source_label
    env.filters["id_list"] = _id_list
    return env.get_template("brief.html.j2").render(brief=data)


def find_chromium() -> str | None:
    for candidate in CHROMIUM_CANDIDATES:
        found = shutil.which(candidate)
        if found:
            return found
    return None


def html_to_pdf(html: Path, pdf: Path, timeout: float = 120.0) -> Path:
    """Print an HTML file to PDF with headless Chromium (no network access is needed)."""
    chromium = find_chromium()
    if chromium is None:
        raise ConfigError(
            "PDF briefs need Chromium, which was not found (looked for: "
            f"{', '.join(CHROMIUM_CANDIDATES)}). Install the Debian package `chromium`, or write HTML "
            "only (leave out --pdf) and print it from a browser."
        )
    with tempfile.TemporaryDirectory(prefix="emberwatch-chromium-") as profile:
        command = [
            chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--no-pdf-header-footer", f"--user-data-dir={profile}", f"--print-to-pdf={pdf}",
            html.resolve().as_uri(),
        ]  # fmt: skip
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired as exc:
            raise ConfigError(f"Chromium did not finish printing {html} within {timeout:.0f} s.") from exc
    if result.returncode != 0 or not pdf.is_file():
        raise ConfigError(f"Chromium could not print {html} to PDF: {result.stderr.strip()[-400:]}")
    return pdf


def write_brief(
    store: Store, codebook: Codebook, out: Path, options: BriefOptions | None = None, pdf: bool = False
) -> Path:
    """Write the brief to ``out`` (HTML; with ``pdf`` the PDF goes to ``out`` with a .pdf suffix)."""
    html = render_html(build_brief(store, codebook, options))
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if not pdf:
        out.write_text(html, encoding="utf-8")
        return out
    html_path = out.with_suffix(".html")
    html_path.write_text(html, encoding="utf-8")
    return html_to_pdf(html_path, out.with_suffix(".pdf"))
