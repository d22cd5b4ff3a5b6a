"""The library handle: ``emberwatch.open()`` returns a :class:`Workspace` for notebooks and scripts.

Every CLI command is a thin wrapper over a method here or over the stage function it calls.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

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

    # ------------------------------------------------------------------ reading

    def documents(self, **filters: Any) -> pd.DataFrame:
        """Documents as a DataFrame (filters: see :class:`DocumentFilter`)."""
        return query_documents(self.store, build_filter(DocumentFilter, **filters))

    def events(self, **filters: Any) -> pd.DataFrame:
        """Consolidated events, one row per event with an ``id`` column (filters: :class:`EventFilter`)."""
        return query_events(self.store, build_filter(EventFilter, **filters))


def open_workspace(path: str | Path | None = None, settings: Settings | None = None) -> Workspace:
    """Open (creating and migrating if needed) the database at ``path`` or the configured one."""
    if settings is None:
        settings = get_settings() if path is None else load_settings(database=Path(path))
    elif path is not None:
        settings = settings.model_copy(update={"database": Path(path)})
    return Workspace(Store(settings.database_path), settings)
