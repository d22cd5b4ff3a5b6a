"""Hand-built event tables with known answers for the analysis tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import pytest

from emberwatch.codebook import Codebook, load_codebook
from emberwatch.store import Store
from emberwatch.store.actors import sync_actors
from emberwatch.testing import events_frame, load_events

MAYADIN = {"country_code": "SY", "admin1": "Deir ez-Zor", "admin2": "Al Mayadin District",
           "place_name": "Mayadin", "lat": 35.0196, "lon": 40.4513}  # fmt: skip
HAJIN = {"country_code": "SY", "admin1": "Deir ez-Zor", "admin2": "Abu Kamal District",
         "place_name": "Hajin", "lat": 34.6963, "lon": 40.8305}  # fmt: skip
MOSUL = {"country_code": "IQ", "admin1": "Nineveh", "admin2": "Mosul District",
         "place_name": "Mosul", "lat": 36.335, "lon": 43.1189}  # fmt: skip

BASE: dict[str, Any] = {
    "event_type": "armed_assault", "sub_type": None, **MAYADIN, "location_precision": 1,
    "date_precision": 1, "perpetrator_id": "isis", "mechanisms": [], "killed_low": 0, "killed_best": 0,
    "killed_high": 0, "wounded_low": 0, "wounded_best": 0, "wounded_high": 0, "n_sources": 1,
    "review_status": "unreviewed", "geonames_id": None,
}  # fmt: skip

AddEvents = Callable[..., pd.DataFrame]


def build(*rows: dict[str, Any]) -> pd.DataFrame:
    """An events frame with predictable defaults (Mayadin, ISIS, day precision, no casualties)."""
    return events_frame([{"id": f"e{i}", **BASE, **row} for i, row in enumerate(rows)])


@pytest.fixture
def codebook() -> Codebook:
    return load_codebook()


@pytest.fixture
def add_events(store: Store, codebook: Codebook) -> AddEvents:
    """Insert hand-built events (actors synced so actor filters include affiliates)."""
    sync_actors(store, codebook)

    def add(*rows: dict[str, Any]) -> pd.DataFrame:
        frame = build(*rows)
        load_events(store, frame)
        return frame

    return add
