"""The library handle: ``emberwatch.open()`` returns a :class:`Workspace` for notebooks and scripts.

Every CLI command is a thin wrapper over a method here or over the stage function it calls.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from emberwatch.settings import Settings, get_settings, load_settings
from emberwatch.store import Store
from emberwatch.store.queries import (
    DocumentFilter,
    EventFilter,
    build_filter,
    query_documents,
    query_events,
)

if TYPE_CHECKING:
    from emberwatch.analysis import Alert, AlertConfig, BacktestResult, WatchArea, WatchConfig, WatchSignal
    from emberwatch.consolidate import ConsolidationReport
    from emberwatch.distributed import DaskOptions
    from emberwatch.extract.run import ExtractStoreReport
    from emberwatch.imports.ucdp import ImportReport
    from emberwatch.ingest.models import IngestReport
    from emberwatch.review import EventDetail
    from emberwatch.review.session import Reviewer


class Workspace:
    """An open emberwatch database plus the settings it was opened with."""

    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.settings = settings

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ ingest

    def ingest(self, *inputs: str | Path, **options: Any) -> IngestReport:
        """Ingest files, folders, feeds, URL lists or URLs (options: :class:`IngestOptions`;
        ``text_field=...`` etc. set the JSONL/CSV column mapping)."""
        from emberwatch.ingest import ingest, options_from

        return ingest(self.store, [str(i) for i in inputs], options_from(**options), self.settings)

    # ------------------------------------------------------------------ extract

    def extract(
        self,
        force: bool = False,
        with_geo: bool = True,
        with_roles: bool = True,
        dask: DaskOptions | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> ExtractStoreReport:
        """Extract events from every document not yet extracted with the current extractor version.

        With ``dask`` the pure extraction function runs on a Dask cluster (a local one of
        ``dask.workers`` processes, or ``dask.scheduler``); results are saved here batch by batch.
        """
        from emberwatch.extract.pipeline import load_resources
        from emberwatch.extract.run import extract_store

        resources = load_resources(self.settings, with_geo=with_geo, with_roles=with_roles)
        if dask is None:
            return extract_store(self.store, resources, force=force, progress=progress)
        from dataclasses import replace

        from emberwatch.distributed import dask_client, dask_runner

        options = replace(dask, with_geo=with_geo, with_roles=with_roles)
        with dask_client(options) as client:
            runner = dask_runner(client, self.settings, options)
            batch = options.chunk_size * max(options.workers, 1) * 4
            return extract_store(
                self.store, resources, force=force, progress=progress, runner=runner, batch_size=batch
            )

    # ------------------------------------------------------------------ reading

    def documents(self, **filters: Any) -> pd.DataFrame:
        """Documents as a DataFrame (filters: see :class:`DocumentFilter`)."""
        return query_documents(self.store, build_filter(DocumentFilter, **filters))

    def events(self, **filters: Any) -> pd.DataFrame:
        """Consolidated events, one row per event with an ``id`` column (filters: :class:`EventFilter`)."""
        return query_events(self.store, build_filter(EventFilter, **filters))

    # ------------------------------------------------------------------ analysis

    def aggregate(
        self, level: str = "admin1", period: str = "month", h3_resolution: int = 5, **filters: Any
    ) -> pd.DataFrame:
        """Counts, killed and wounded by area x period (see :func:`emberwatch.analysis.aggregate`)."""
        from emberwatch.analysis import aggregate

        return aggregate(self.store, level, period, build_filter(EventFilter, **filters), h3_resolution)

    def indicators(
        self, ids: list[str] | None = None, level: str = "all", period: str = "month", **filters: Any
    ) -> pd.DataFrame:
        """Codebook indicator series with their evidence (:func:`emberwatch.analysis.indicator_table`)."""
        from emberwatch.analysis import indicator_table
        from emberwatch.codebook import load_codebook

        flt = build_filter(EventFilter, **filters)
        return indicator_table(self.store, level, period, flt, load_codebook(self.settings.codebook), ids)

    def watch_areas(self, path: str | Path | None = None) -> list[WatchArea]:
        """Watch areas from ``path`` or the ``watch_areas`` setting (empty list if neither is set)."""
        from emberwatch.analysis import load_watch_areas

        chosen = Path(path) if path is not None else self.settings.watch_areas
        return load_watch_areas(chosen) if chosen is not None else []

    def watch_signals(
        self, areas: str | Path | None = None, config: WatchConfig | None = None, **filters: Any
    ) -> list[WatchSignal]:
        """Return and spread signals (see :func:`emberwatch.analysis.watch_signals`)."""
        from emberwatch.analysis import watch_signals
        from emberwatch.codebook import load_codebook

        flt = build_filter(EventFilter, **filters)
        codebook = load_codebook(self.settings.codebook)
        return watch_signals(self.store, self.watch_areas(areas), config, flt, codebook)

    def alerts(
        self, areas: str | Path | None = None, config: AlertConfig | None = None, **filters: Any
    ) -> list[Alert]:
        """Current alerts with their rules and evidence (:func:`emberwatch.analysis.current_alerts`)."""
        from emberwatch.analysis import current_alerts
        from emberwatch.codebook import load_codebook

        flt = build_filter(EventFilter, **filters)
        codebook = load_codebook(self.settings.codebook)
        return current_alerts(self.store, codebook, self.watch_areas(areas), config, flt)

    def backtest(
        self, level: str = "admin1", period: str = "month", horizon: int = 1, **filters: Any
    ) -> BacktestResult:
        """Rolling-origin backtest of next-period counts against zero, no-change and average baselines."""
        from emberwatch.analysis import ForecastConfig, backtest

        flt = build_filter(EventFilter, **filters)
        return backtest(self.store, level, period, flt, ForecastConfig(horizon=horizon))

    def import_ucdp(self, path: str | Path, replace: bool = False) -> ImportReport:
        """Import a UCDP GED CSV into the events table (origin ``ucdp``)."""
        from emberwatch.codebook import load_codebook
        from emberwatch.imports.ucdp import import_ucdp

        return import_ucdp(self.store, Path(path), load_codebook(self.settings.codebook), replace=replace)

    def brief(
        self, out: str | Path, pdf: bool = False, areas: str | Path | None = None, **filters: Any
    ) -> Path:
        """Write an HTML (or PDF) brief for the events matching the filters; returns the file written."""
        from emberwatch.codebook import load_codebook
        from emberwatch.report.brief import BriefOptions, write_brief

        flt = build_filter(EventFilter, **filters)
        options = BriefOptions(filters=flt, watch_areas=self.watch_areas(areas))
        return write_brief(self.store, load_codebook(self.settings.codebook), Path(out), options, pdf=pdf)


    # ------------------------------------------------------------------ consolidation and review

    def consolidate(self) -> ConsolidationReport:
        """Mark near-duplicate documents and rebuild incidents from the extracted mentions."""
        from emberwatch.consolidate import consolidate

        return consolidate(self.store, self.settings)

    def event(self, event_id: str) -> EventDetail:
        """One event with its machine values, analyst overrides, sources, evidence and history."""
        from emberwatch.review import event_detail

        return event_detail(self.store, event_id)

    @property
    def review(self) -> Reviewer:
        """Analyst actions bound to this workspace: ``ws.review.verify(id, author=..., reason=...)``."""
        from emberwatch.review.session import Reviewer

        return Reviewer(self.store, self.settings)


def open_workspace(path: str | Path | None = None, settings: Settings | None = None) -> Workspace:
    """Open (creating and migrating if needed) the database at ``path`` or the configured one."""
    if settings is None:
        settings = get_settings() if path is None else load_settings(database=Path(path))
    elif path is not None:
        settings = settings.model_copy(update={"database": Path(path)})
    return Workspace(Store(settings.database_path), settings)
