"""Fixtures for the web tests: a seeded DuckDB file, the app, a TestClient and a real uvicorn server."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pandas as pd
import pytest
import uvicorn
from fastapi.testclient import TestClient

from emberwatch.codebook import load_codebook
from emberwatch.consolidate.pipeline import consolidate
from emberwatch.models import (
    Attribution,
    Count,
    DatePrecision,
    DateValue,
    DocumentExtraction,
    ExtractedEvent,
    LocationPrecision,
    Perpetrator,
    PlaceRef,
    Span,
)
from emberwatch.settings import Settings
from emberwatch.store import Store
from emberwatch.store.actors import sync_actors
from emberwatch.store.mentions import save_extractions
from emberwatch.store.queries import document_event_ids
from emberwatch.testing import load_events, synthetic_events
from emberwatch.web import create_app

TOKEN = "test-token-0123456789"
N_SYNTHETIC = 240

EN_TEXT = (
    "Mosul, 3 March 2021. Gunmen from the Islamic State ambushed an army patrol near the village "
    "of Badush on Tuesday, killing four soldiers and wounding two, officials said.\n"
    "The group later claimed the attack through its news agency."
)
AR_TEXT = (
    "الموصل - قتل ثلاثة من عناصر الجيش العراقي في هجوم شنه مسلحو تنظيم الدولة على نقطة تفتيش "
    "في قضاء تلعفر مساء الاثنين، بحسب مصدر أمني."
)
XSS_TEXT = (
    'Raqqa report <script>window.__pwned = 1</script> says a bomb <img src=x onerror="window.__pwned=2;'
    "alert('xss')\"> exploded at a market in Raqqa, killing two people. "
    '<iframe src="javascript:window.__pwned=3"></iframe><b onmouseover=alert(1)>bold</b>'
)


@dataclass(frozen=True)
class HandEvent:
    """A document-backed event with evidence spans (field -> substring of the text)."""

    event_id: str
    document_id: str
    language: str
    text: str
    title: str
    event_type: str
    place: str
    country: str
    admin1: str
    lat: float
    lon: float
    day: date
    killed: int
    actor: str | None
    evidence: dict[str, str]


HAND_EVENTS = [
    HandEvent(
        "ev-en-ambush", "doc-en-1", "en", EN_TEXT, "Patrol ambushed near Badush", "ambush", "Badush", "IQ",
        "Nineveh", 36.39, 42.97, date(2021, 3, 2), 4, "isis-iraq",
        {"event": "ambushed an army patrol", "place": "Badush", "perpetrator": "Islamic State",
         "killed": "killing four soldiers"},
    ),
    HandEvent(
        "ev-ar-attack", "doc-ar-1", "ar", AR_TEXT, "هجوم على نقطة تفتيش في تلعفر", "armed_assault", "تلعفر",
        "IQ", "Nineveh", 36.37, 42.45, date(2021, 3, 8), 3, "isis",
        {"event": "هجوم شنه مسلحو", "place": "تلعفر", "perpetrator": "تنظيم الدولة", "killed": "قتل ثلاثة"},
    ),
    HandEvent(
        "ev-xss-bomb", "doc-xss-1", "en", XSS_TEXT, "<script>window.__pwned=4</script>Market bomb",
        "bombing", "<img src=x onerror=window.__pwned=5>Raqqa", "SY", "Ar-Raqqah", 35.95, 39.01,
        date(2021, 3, 5), 2, "isis-syria",
        {"event": "a bomb", "place": "Raqqa", "killed": "killing two people"},
    ),
]  # fmt: skip


def _span(text: str, piece: str) -> dict[str, object]:
    start = text.index(piece)
    return {"text": piece, "start": start, "end": start + len(piece)}


def _extracted(ev: HandEvent) -> ExtractedEvent:
    place = Span(**_span(ev.text, ev.evidence["place"]))  # type: ignore[arg-type]
    return ExtractedEvent(
        event_type=ev.event_type,
        date=DateValue(value=ev.day, precision=DatePrecision.day, end=ev.day),
        place=PlaceRef(
            text=place.text, start=place.start, end=place.end, name=ev.place, country_code=ev.country,
            admin1=ev.admin1, lat=ev.lat, lon=ev.lon, precision=LocationPrecision.exact,
        ),
        perpetrator=Perpetrator(
            actor_id=ev.actor, name=ev.evidence.get("perpetrator", "gunmen"), attribution=Attribution.claimed
        ),
        perpetrator_organizations=[
            Span(**_span(ev.text, ev.evidence["perpetrator"]))  # type: ignore[arg-type]
        ] if "perpetrator" in ev.evidence else [],
        victims=[Span(**_span(ev.text, ev.evidence["killed"]))],  # type: ignore[arg-type]
        killed=Count(low=ev.killed, best=ev.killed, high=ev.killed),
        confidence=0.9,
        evidence=Span(**_span(ev.text, ev.evidence["event"])),  # type: ignore[arg-type]
    )  # fmt: skip


def seed_hand_events(
    store: Store, settings: Settings | None = None, events: list[HandEvent] = HAND_EVENTS
) -> dict[str, str]:
    """Ingest-like documents and extraction results, consolidated into events; returns name -> event id."""
    now = datetime.now(UTC).replace(tzinfo=None)
    docs = [
        {"id": ev.document_id, "source": f"tests/{ev.document_id}.txt", "url": f"https://example.org/{i}",
         "title": ev.title, "published": ev.day, "language": ev.language, "text": ev.text,
         "content_hash": f"hash-{ev.document_id}", "ingested_at": now, "metadata": "{}",
         "near_duplicate_of": None}
        for i, ev in enumerate(events)
    ]  # fmt: skip
    with store.transaction() as conn:
        store.insert_df("documents", pd.DataFrame(docs), conn=conn)
    items = [
        (ev.document_id, DocumentExtraction(id=ev.document_id, language=ev.language, events=[_extracted(ev)]))
        for ev in events
    ]
    save_extractions(store, items, "web-tests")
    consolidate(store, settings)
    return {ev.event_id: document_event_ids(store, ev.document_id)[0] for ev in events}


def seed(store: Store, settings: Settings | None = None) -> dict[str, str]:
    """The web test database: three document-backed events (English, Arabic, XSS) plus synthetic ones.

    Returns the hand events' names (``ev-en-ambush``...) -> their event ids.
    """
    sync_actors(store, load_codebook())
    ids = seed_hand_events(store, settings)
    load_events(store, synthetic_events(N_SYNTHETIC, seed=11, origin="synthetic"))
    return ids


@dataclass
class Seeded:
    settings: Settings
    store: Store
    ids: dict[str, str]
    n_events: int = N_SYNTHETIC + len(HAND_EVENTS)


def _seeded(folder: Path, api_token: str | None = TOKEN) -> Seeded:
    settings = Settings(data_dir=folder, database=folder / "web.duckdb", api_token=api_token)
    store = Store(settings.database_path)
    return Seeded(settings, store, seed(store, settings))


@pytest.fixture(scope="module")
def seeded_ro(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seeded]:
    """A seeded database shared by a module's read-only tests (never write to it)."""
    seeded = _seeded(tmp_path_factory.mktemp("web-ro"))
    yield seeded
    seeded.store.close()


@pytest.fixture(scope="module")
def client(seeded_ro: Seeded) -> Iterator[TestClient]:
    """TestClient over the shared read-only database."""
    with TestClient(create_app(seeded_ro.settings, seeded_ro.store)) as test_client:
        yield test_client


@pytest.fixture
def seeded_rw(tmp_path: Path) -> Iterator[Seeded]:
    """A fresh seeded database for tests that change it (analyst actions)."""
    seeded = _seeded(tmp_path / "web-rw")
    yield seeded
    seeded.store.close()


@pytest.fixture
def rw_client(seeded_rw: Seeded) -> Iterator[TestClient]:
    with TestClient(create_app(seeded_rw.settings, seeded_rw.store)) as test_client:
        yield test_client


@pytest.fixture
def auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class LiveServer:
    url: str
    store: Store
    settings: Settings
    ids: dict[str, str]


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A real uvicorn server on 127.0.0.1 (background thread) over a seeded DuckDB file."""
    seeded = _seeded(tmp_path_factory.mktemp("live"))
    port = free_port()
    app = create_app(seeded.settings, seeded.store)
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start for the browser tests")
        time.sleep(0.05)
    yield LiveServer(f"http://127.0.0.1:{port}", seeded.store, seeded.settings, seeded.ids)
    server.should_exit = True
    thread.join(timeout=10)
    seeded.store.close()
