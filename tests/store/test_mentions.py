"""Persisting extraction results: one transaction, stale rows replaced, stable mention ids."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest

from emberwatch.models import (
    ActorKind,
    ActorMention,
    Attribution,
    Count,
    DatePrecision,
    DateValue,
    DocumentExtraction,
    ExtractedEvent,
    HomeArea,
    Language,
    LocationPrecision,
    MechanismHit,
    Perpetrator,
    PlaceRef,
    Span,
)
from emberwatch.store import Store
from emberwatch.store.mentions import (
    document_actors_frame,
    document_places_frame,
    located_provinces,
    mention_events,
    mention_id,
    mentions_frame,
    save_extractions,
)


def _event(event_type: str = "bombing", start: int = 0, killed: int | None = 4) -> ExtractedEvent:
    return ExtractedEvent(
        event_type=event_type,
        date=DateValue(value=date(2021, 3, 2), precision=DatePrecision.day),
        place=PlaceRef(
            text="Tikrit",
            start=30,
            end=36,
            name="Tikrit",
            country_code="IQ",
            admin1="Salah ad Din",
            lat=34.6,
            lon=43.68,
            geonames_id=89570,
            precision=LocationPrecision.exact,
        ),
        perpetrator=Perpetrator(actor_id="isis", name="Islamic State", attribution=Attribution.claimed),
        killed=Count(low=killed, best=killed),
        wounded=Count(low=2, best=3, high=5),
        mechanisms=[MechanismHit(code="sleeper_cells", evidence=Span(text="cell", start=50, end=54))],
        confidence=0.8,
        evidence=Span(text="A bomb killed four", start=start, end=start + 18),
    )


def _doc(doc_id: str, n_events: int = 2) -> DocumentExtraction:
    return DocumentExtraction(
        id=doc_id,
        language=Language.en,
        events=[_event(start=i * 100) for i in range(n_events)],
        places=[PlaceRef(text="Tikrit", start=30, end=36, name="Tikrit", precision=LocationPrecision.exact)],
        actors=[
            ActorMention(text="Islamic State", start=60, end=73, actor_id="isis", kind=ActorKind.organization)
        ],
    )


def test_mentions_save_flattens_events(store: Store) -> None:
    written = save_extractions(store, [("d1", _doc("d1")), ("d2", _doc("d2", 1))], "v1")
    assert written == 3
    frame = mentions_frame(store)
    assert list(frame["document_id"]) == ["d1", "d1", "d2"]
    row = frame.iloc[0]
    assert row["event_type"] == "bombing"
    assert row["date"].date() == date(2021, 3, 2) and row["date_precision"] == 1
    assert row["country_code"] == "IQ" and row["location_precision"] == 1
    assert row["perpetrator_id"] == "isis" and row["attribution"] == "claimed"
    assert (row["killed_low"], row["killed_best"], row["wounded_high"]) == (4, 4, 5)
    assert list(row["mechanisms"]) == ["sleeper_cells"]
    assert json.loads(row["record"])["evidence"]["text"] == "A bomb killed four"
    assert len(document_places_frame(store, ["d1"])) == 1
    assert document_actors_frame(store)["actor_id"].tolist() == ["isis", "isis"]


def test_mentions_resave_replaces_old_versions(store: Store) -> None:
    save_extractions(store, [("d1", _doc("d1", 3))], "v1")
    save_extractions(store, [("d1", _doc("d1", 1))], "v2")
    assert store.count("event_mentions") == 1
    assert store.count("document_places") == 1
    versions = store.execute("SELECT extractor_version FROM document_extractions").fetchall()
    assert versions == [("v2",)]


def test_mentions_ids_are_stable(store: Store) -> None:
    save_extractions(store, [("d1", _doc("d1"))], "v1")
    first = mentions_frame(store)["id"].tolist()
    save_extractions(store, [("d1", _doc("d1"))], "v1")
    assert mentions_frame(store)["id"].tolist() == first
    assert first[0] == mention_id("d1", 0, _event(start=0))
    assert len(set(first)) == 2


def test_mentions_record_roundtrip(store: Store) -> None:
    save_extractions(store, [("d1", _doc("d1", 1))], "v1")
    mid = mentions_frame(store)["id"].iloc[0]
    assert mention_events(store, [mid])[mid] == _event(start=0)


def test_mentions_failed_save_leaves_old_rows(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    save_extractions(store, [("d1", _doc("d1"))], "v1")

    def broken(*args: object, **kwargs: object) -> int:
        raise RuntimeError("disk full")

    monkeypatch.setattr(store, "insert_df", broken)
    with pytest.raises(RuntimeError):
        save_extractions(store, [("d1", _doc("d1", 1))], "v2")
    assert store.count("event_mentions") == 2


def test_mentions_event_without_place_or_date(store: Store) -> None:
    bare = ExtractedEvent(event_type="kidnapping", confidence=0.5, evidence=Span(text="x", start=0, end=1))
    doc = DocumentExtraction(id="d9", language=Language.ar, events=[bare])
    save_extractions(store, [("d9", doc)], "v1")
    row = mentions_frame(store, document_ids=["d9"], with_document=True).iloc[0]
    assert row["language"] == "ar"
    assert pd.isna(row["place_name"]) and pd.isna(row["date"]) and pd.isna(row["killed_best"])
    assert row["doc_published"] is None or pd.isna(row["doc_published"])


def _located(doc_id: str, *places: tuple[str, str, LocationPrecision]) -> DocumentExtraction:
    refs = [
        PlaceRef(text=a, start=0, end=len(a), name=a, country_code=c, admin1=a, precision=p) for a, c, p in places
    ]
    return DocumentExtraction(id=doc_id, language=Language.en, places=refs)


def test_mentions_located_provinces_of_geoparsed_extractions_only(store: Store) -> None:
    exact, country = LocationPrecision.exact, LocationPrecision.country
    save_extractions(store, [("geo", _located("geo", ("Nineveh", "IQ", exact), ("Iraq", "IQ", country)))], "r-geo+x")
    save_extractions(store, [("empty", _located("empty"))], "r-geo+x")
    save_extractions(store, [("nogeo", _located("nogeo", ("Anbar", "IQ", exact)))], "r+x")
    found = located_provinces(store, ["geo", "empty", "nogeo", "missing"], LocationPrecision.admin1)
    assert found == {"geo": frozenset({("IQ", "Nineveh")}), "empty": frozenset()}


def test_mentions_extraction_records_the_home_it_used(store: Store) -> None:
    doc = _located("d1").model_copy(update={"home": HomeArea(country_code="US", admin1="Ohio")})
    save_extractions(store, [("d1", doc), ("d2", _located("d2"))], "v1")
    rows = store.execute("SELECT document_id, home_admin1, home_country FROM document_extractions ORDER BY 1")
    assert rows.fetchall() == [("d1", "Ohio", "US"), ("d2", None, None)]


def test_mentions_documents_show_the_home_of_their_latest_extraction(store: Store) -> None:
    from datetime import UTC, datetime

    from emberwatch.store.queries import DocumentFilter, query_documents

    frame = pd.DataFrame([
        {"id": d, "source": "paper", "language": "en", "text": "x", "content_hash": d, "ingested_at": datetime.now(UTC)}
        for d in ("d1", "d2")
    ])  # fmt: skip
    with store.transaction() as tx:
        store.insert_df("documents", frame, conn=tx)
    doc = _located("d1").model_copy(update={"home": HomeArea(country_code="US", admin1="Ohio")})
    save_extractions(store, [("d1", doc), ("d2", _located("d2"))], "v1")
    rows = query_documents(store, DocumentFilter()).set_index("id")
    assert (rows.loc["d1", "home_admin1"], rows.loc["d1", "home_country"]) == ("Ohio", "US")
    assert pd.isna(rows.loc["d2", "home_admin1"])
