"""``emberwatch demo``: run every pipeline stage on the bundled demo corpus and summarise it.

The demo corpus lives in ``examples/demo-corpus`` (Wikipedia articles on ISIS after 2017 plus short
illustrative English and Arabic reports) and the example watch areas in ``examples/watch-areas``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pandas as pd
from pydantic import BaseModel, ConfigDict

from emberwatch.analysis import Alert
from emberwatch.errors import InputError
from emberwatch.workspace import Workspace

log = logging.getLogger(__name__)

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = REPO_ROOT / "examples" / "demo-corpus"
DEFAULT_WATCH_AREAS = REPO_ROOT / "examples" / "watch-areas" / "isis-lost-areas-2016-2019.geojson"

Step = Callable[[str], None]


class DemoSummary(BaseModel):
    """What the demo did, for the printed summary."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    corpus: Path
    database: Path
    documents_added: int
    documents_total: int
    documents_by_language: dict[str, int]
    ingest_failures: list[str]
    mentions: int
    events: int
    events_with_place: int
    places: int
    top_areas: pd.DataFrame
    indicator_trends: pd.DataFrame
    alerts: list[str]


def find_watch_areas(corpus: Path) -> Path | None:
    """The example watch-area file shipped beside the corpus, if present."""
    candidates = [DEFAULT_WATCH_AREAS, *sorted((corpus.parent / "watch-areas").glob("*.geojson"))]
    return next((c for c in candidates if c.is_file()), None)


def run_demo(ws: Workspace, corpus: Path = DEFAULT_CORPUS, step: Step | None = None) -> DemoSummary:
    """Ingest the corpus, extract and geocode, consolidate, analyse; return the summary."""
    say = step or (lambda message: log.info(message))
    if not corpus.is_dir():
        raise InputError(
            f"Demo corpus not found at {corpus}. Run the demo from a checkout of emberwatch "
            "(the corpus lives in examples/demo-corpus) or pass --corpus PATH."
        )
    say(f"Ingesting {corpus}")
    report = ws.ingest(corpus)
    say("Extracting and geocoding events")
    ws.extract()
    say("Consolidating incidents")
    ws.consolidate()
    say("Computing indicators and alerts")
    alerts = ws.alerts()
    return DemoSummary(
        corpus=corpus,
        database=ws.store.path,
        documents_added=report.added,
        documents_total=ws.store.count("documents"),
        documents_by_language=_by_language(ws),
        ingest_failures=[f.label for f in report.failures],
        mentions=ws.store.count("event_mentions"),
        events=ws.store.count("events"),
        events_with_place=_count(ws, "SELECT count(*) FROM events WHERE lat IS NOT NULL"),
        places=_count(ws, "SELECT count(DISTINCT geonames_id) FROM document_places WHERE geonames_id IS NOT NULL"),
        top_areas=_top_areas(ws),
        indicator_trends=_indicator_trends(ws),
        alerts=[alert_line(a) for a in alerts],
    )


def alert_line(alert: Alert) -> str:
    """One readable line per alert: what fired, where, the window and how many events are behind it."""
    return (
        f"[{alert.rule_id.value}] {alert.area}: {alert.summary} "
        f"({alert.window_start}..{alert.window_end}; {len(alert.event_ids)} events behind it)"
    )


def _count(ws: Workspace, sql: str) -> int:
    row = ws.store.execute(sql).fetchone()
    return int(row[0]) if row else 0


def _by_language(ws: Workspace) -> dict[str, int]:
    rows = ws.store.execute("SELECT language, count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC").fetchall()
    return {str(lang): int(n) for lang, n in rows}


def _top_areas(ws: Workspace, n: int = 8) -> pd.DataFrame:
    return ws.store.query_df(
        "SELECT country_code AS country, coalesce(admin1, '(unknown)') AS admin1, count(*) AS events, "
        "sum(coalesce(killed_best, 0)) AS killed, sum(coalesce(wounded_best, 0)) AS wounded "
        "FROM events WHERE review_status <> 'rejected' AND country_code IS NOT NULL "
        "GROUP BY 1, 2 ORDER BY events DESC, killed DESC LIMIT $n",
        {"n": n},
    )


def _indicator_trends(ws: Workspace, years: int = 3) -> pd.DataFrame:
    """Each codebook indicator over the last ``years`` calendar years, all areas together."""
    from emberwatch.analysis.indicators import indicator_trends

    return indicator_trends(ws.indicators(level="all", period="year"), last=years)
