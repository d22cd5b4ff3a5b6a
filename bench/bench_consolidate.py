"""Consolidation speed on synthetic multi-source incidents (no shared data needed).

``run()`` builds 2,000 incidents reported 1-4 times each (about 5,000 mentions over two years in
12 towns of Syria, Iraq, Libya and Egypt), stores them as extractions, and times a first
consolidation, a no-change re-run, and near-duplicate detection on 5,000 short documents.
"""

from __future__ import annotations

import random
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from emberwatch.consolidate import consolidate, mark_near_duplicates
from emberwatch.models import (
    Attribution,
    Count,
    DatePrecision,
    DateValue,
    Document,
    DocumentExtraction,
    ExtractedEvent,
    Language,
    LocationPrecision,
    Perpetrator,
    PlaceRef,
    Span,
)
from emberwatch.store import Store
from emberwatch.store.documents import insert_documents
from emberwatch.store.mentions import save_extractions
from emberwatch.testing import PLACES

TYPES = ["bombing", "ambush", "armed_assault", "assassination", "kidnapping", "arrest"]
WORDS = ["army", "patrol", "checkpoint", "town", "militants", "attack", "killed", "wounded", "said", "road"]


def _incidents(n: int, rng: random.Random) -> tuple[list[Document], list[tuple[str, DocumentExtraction]]]:
    docs: list[Document] = []
    items: list[tuple[str, DocumentExtraction]] = []
    for i in range(n):
        name, admin1, _, country, lat, lon, gid = rng.choice(PLACES)
        day = date(2020, 1, 1) + timedelta(days=rng.randrange(730))
        etype = rng.choice(TYPES)
        killed = rng.randrange(0, 12)
        for j in range(rng.randint(1, 4)):
            doc_id = f"b{i:05d}-{j}"
            text = " ".join(rng.choice(WORDS) for _ in range(60)) + f" {doc_id}"
            docs.append(
                Document(
                    id=doc_id,
                    source="bench",
                    published=day + timedelta(days=j),
                    text=text,
                    language=Language.en,
                    content_hash=doc_id,
                    ingested_at=datetime(2026, 1, 1),
                )
            )
            event = ExtractedEvent(
                event_type=etype,
                date=DateValue(value=day, precision=DatePrecision.day),
                place=PlaceRef(
                    text=name,
                    start=0,
                    end=len(name),
                    name=name,
                    country_code=country,
                    admin1=admin1,
                    lat=lat,
                    lon=lon,
                    geonames_id=gid,
                    precision=LocationPrecision.exact,
                ),
                perpetrator=Perpetrator(actor_id="isis", name="Islamic State", attribution=Attribution.claimed),
                killed=Count(low=killed + j % 2, best=killed + j % 2),
                confidence=0.8,
                evidence=Span(text=text[:20], start=0, end=20),
            )
            items.append((doc_id, DocumentExtraction(id=doc_id, language=Language.en, events=[event])))
    return docs, items


def run() -> list[dict]:
    rng = random.Random(7)
    docs, items = _incidents(2000, rng)
    rows = []
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "bench.duckdb") as store:
        insert_documents(store, docs)
        save_extractions(store, items, "bench")
        started = time.perf_counter()
        near = mark_near_duplicates(store)
        near_s = time.perf_counter() - started
        started = time.perf_counter()
        first = consolidate(store)
        first_s = time.perf_counter() - started
        started = time.perf_counter()
        again = consolidate(store)
        again_s = time.perf_counter() - started
    rows.append(
        {
            "benchmark": "near-duplicate detection (MinHash LSH, first run)",
            "value": round(len(docs) / near_s),
            "unit": "documents/s",
            "notes": f"{len(docs)} synthetic 60-word documents; {near.clusters} clusters",
        }
    )
    rows.append(
        {
            "benchmark": "consolidation, first run",
            "value": round(first.mentions / first_s),
            "unit": "mentions/s",
            "notes": f"{first.mentions} mentions -> {first.events} incidents "
            f"(2000 generated); includes near-duplicates and writes",
        }
    )
    rows.append(
        {
            "benchmark": "consolidation, no-change re-run",
            "value": round(again.mentions / again_s),
            "unit": "mentions/s",
            "notes": f"new {again.new_events}, changed {again.changed_events}",
        }
    )
    return rows


if __name__ == "__main__":
    for row in run():
        print(row)
