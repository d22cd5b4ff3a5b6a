"""Fixture builders shipped with the package, so tests and plugin authors can make realistic data.

``synthetic_events`` produces an ``events``-table frame with plausible ISIS-style incidents in Syria
and Iraq; ``load_events`` bulk-inserts it. Both are deterministic for a given seed.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import numpy as np
import pandas as pd

from emberwatch.store import Store
from emberwatch.store.queries import EVENT_COLUMNS

# (place, admin1, admin2, country, lat, lon, geonames_id)
PLACES: list[tuple[str, str, str, str, float, float, int]] = [
    ("Mayadin", "Deir ez-Zor", "Al Mayadin District", "SY", 35.0196, 40.4513, 166365),
    ("Deir ez-Zor", "Deir ez-Zor", "Deir ez-Zor District", "SY", 35.3359, 40.1408, 170794),
    ("Abu Kamal", "Deir ez-Zor", "Abu Kamal District", "SY", 34.4507, 40.9186, 174186),
    ("Hajin", "Deir ez-Zor", "Abu Kamal District", "SY", 34.6963, 40.8305, 171287),
    ("Raqqa", "Ar-Raqqah", "Ar-Raqqah District", "SY", 35.9528, 39.0079, 172955),
    ("Palmyra", "Homs", "Tadmur District", "SY", 34.5601, 38.2816, 170017),
    ("Mosul", "Nineveh", "Mosul District", "IQ", 36.335, 43.1189, 99072),
    ("Hawija", "Kirkuk", "Hawija District", "IQ", 35.3161, 43.7649, 95788),
    ("Tarmiyah", "Baghdad", "Tarmiyah District", "IQ", 33.6711, 44.3962, 388349),
    ("Tikrit", "Salah ad Din", "Tikrit District", "IQ", 34.6158, 43.6786, 89520),
    ("Sirte", "Surt", "Sirte District", "LY", 31.2089, 16.5887, 2210554),
    ("Rafah", "North Sinai", "Rafah", "EG", 31.2803, 34.2378, 361135),
]

EVENT_TYPES = ["armed_assault", "bombing", "ambush", "assassination", "kidnapping", "arrest"]
ACTORS = ["isis", "isis-syria", "isis-iraq", "isis-libya", "isis-sinai", None]
MECHANISMS = ["dispersed_operations", "social_ties", "redeployment", "funding", "sleeper_cells"]
LANGUAGES = ["en", "ar"]


def synthetic_events(
    n: int,
    seed: int = 0,
    start: date = date(2018, 1, 1),
    days: int = 6 * 365,
    **overrides: Any,
) -> pd.DataFrame:
    """``n`` events with every ``events`` column filled; ``overrides`` set a column to one value."""
    rng = np.random.default_rng(seed)
    place_idx = rng.integers(0, len(PLACES), n)
    places = [PLACES[i] for i in place_idx]
    jitter = rng.normal(0, 0.05, (n, 2))
    day_offsets = rng.integers(0, days, n)
    dates = pd.to_datetime(start) + pd.to_timedelta(day_offsets, unit="D")
    killed = rng.poisson(2.0, n)
    wounded = rng.poisson(3.0, n)
    now = datetime.now(UTC).replace(tzinfo=None)
    mech_choice = rng.integers(0, len(MECHANISMS) + 2, n)
    frame = pd.DataFrame(
        {
            "id": [f"ev-{seed}-{i:07d}" for i in range(n)],
            "origin": "extracted",
            "event_type": [EVENT_TYPES[i] for i in rng.integers(0, len(EVENT_TYPES), n)],
            "sub_type": None,
            "date": dates.date,
            "date_end": dates.date,
            "date_precision": 1,
            "place_name": [p[0] for p in places],
            "admin1": [p[1] for p in places],
            "admin2": [p[2] for p in places],
            "country_code": [p[3] for p in places],
            "lat": [p[4] for p in places] + jitter[:, 0],
            "lon": [p[5] for p in places] + jitter[:, 1],
            "geonames_id": [p[6] for p in places],
            "location_precision": 1,
            "perpetrator_id": [ACTORS[i] for i in rng.integers(0, len(ACTORS), n)],
            "perpetrator_mention": "Islamic State militants",
            "attribution": "claimed",
            "targets": [["checkpoint"]] * n,
            "victims": [["soldiers"]] * n,
            "weapons": [["firearms"]] * n,
            "killed_low": killed,
            "killed_best": killed,
            "killed_high": killed,
            "wounded_low": wounded,
            "wounded_best": wounded,
            "wounded_high": wounded,
            "mechanisms": [[MECHANISMS[c]] if c < len(MECHANISMS) else [] for c in mech_choice],
            "confidence": rng.uniform(0.4, 0.99, n).round(3),
            "language": [LANGUAGES[i] for i in rng.integers(0, 2, n)],
            "n_sources": rng.integers(1, 4, n),
            "review_status": "unreviewed",
            "summary": [f"Synthetic incident {i}" for i in range(n)],
            "created_at": now,
            "updated_at": now,
        }
    )
    for column, value in overrides.items():
        if column not in frame.columns:
            raise KeyError(f"unknown events column {column!r}; known: {', '.join(EVENT_COLUMNS)}")
        frame[column] = [value] * n
    return frame[EVENT_COLUMNS]


def event_row(**fields: Any) -> dict[str, Any]:
    """One hand-built event with sensible defaults (for known-answer tests)."""
    base = synthetic_events(1).iloc[0].to_dict()
    base["id"] = fields.pop("id", "ev-hand-0")
    base.update(fields)
    return base


def events_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Build an ``events`` frame from ``event_row`` dicts (or partial dicts)."""
    full = []
    for i, row in enumerate(rows):
        merged = event_row(id=row.get("id", f"ev-hand-{i}"))
        merged.update(row)
        if "date" in row and "date_end" not in row:
            merged["date_end"] = row["date"]
        full.append(merged)
    return pd.DataFrame(full)[EVENT_COLUMNS]


def load_events(store: Store, frame: pd.DataFrame) -> int:
    """Bulk-insert an events frame in one transaction."""
    with store.transaction() as conn:
        return store.insert_df("events", frame, conn=conn)


def days_ago(n: int, today: date | None = None) -> date:
    return (today or date.today()) - timedelta(days=n)
