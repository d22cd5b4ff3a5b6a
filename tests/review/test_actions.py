"""Analyst review: audit trail, overrides on read, merges/splits that survive re-runs, as-of."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from emberwatch.consolidate import consolidate
from emberwatch.consolidate.fixtures import FixturePlace, FixtureRecord, build_event, build_record, load_fixtures
from emberwatch.consolidate.pipeline import now_utc
from emberwatch.errors import InputError, NotFoundError
from emberwatch.review import (
    edit,
    event_as_of,
    event_detail,
    history,
    merge,
    reject,
    split,
    verify,
)
from emberwatch.store import Store
from emberwatch.store.mentions import save_extractions
from emberwatch.testing import event_row, events_frame, load_events

HAWIJA = FixturePlace(name="Hawija", country_code="IQ", admin1="Kirkuk", lat=35.3161, lon=43.7649, geonames_id=95788)
MAYADIN = FixturePlace(name="Mayadin", country_code="SY", admin1="Deir ez-Zor", lat=35.0196, lon=40.4513)


def _record(
    doc: str, text: str, when: date, place: FixturePlace, event_type: str = "ambush", killed: tuple = (None, None, None)
) -> FixtureRecord:
    event = build_event(
        text,
        text.split(".")[0],
        event_type,
        when=when,
        place_text=place.name,
        place=place,
        actor_id="isis",
        perpetrator="Islamic State",
        attribution="attributed",
        killed=killed,
    )
    return build_record(doc, text, [("g", event)], published=when, title=f"Report {doc}", source="test")


RECORDS = [
    _record(
        "h1",
        "Militants ambushed a patrol near Hawija, killing three. Officials blamed Islamic State.",
        date(2022, 5, 10),
        HAWIJA,
        killed=(3, 3, None),
    ),
    _record(
        "h2",
        "An ambush on an army patrol outside Hawija left three dead. Islamic State was blamed.",
        date(2022, 5, 10),
        HAWIJA,
        killed=(3, 3, None),
    ),
    _record(
        "m1",
        "Islamic State fighters ambushed a convoy in Mayadin. Two soldiers were killed.",
        date(2022, 5, 10),
        MAYADIN,
        killed=(2, 2, None),
    ),
]


@pytest.fixture
def loaded(store: Store) -> Store:
    load_fixtures(store, RECORDS)
    consolidate(store)
    return store


def _ids(store: Store) -> dict[str, str]:
    rows = store.execute("SELECT document_id, event_id FROM event_sources").fetchall()
    return dict(rows)


def _event(store: Store, event_id: str) -> dict:
    frame = store.query_df("SELECT * FROM events WHERE id = ?", [event_id])
    return frame.iloc[0].to_dict()


def test_actions_verify_reject_recorded_and_survive_rerun(loaded: Store) -> None:
    ids = _ids(loaded)
    hawija, mayadin = ids["h1"], ids["m1"]
    verify(loaded, hawija, author="ana", reason="two independent reports")
    reject(loaded, mayadin, author="ana", reason="duplicate of a 2021 report")
    consolidate(loaded)
    assert _event(loaded, hawija)["review_status"] == "verified"
    assert _event(loaded, mayadin)["review_status"] == "rejected"
    trail = history(loaded, mayadin)
    assert trail["action"].tolist() == ["created", "reject"]
    assert trail.iloc[-1]["author"] == "ana" and trail.iloc[-1]["reason"] == "duplicate of a 2021 report"


def test_actions_edit_overrides_machine_value_and_keeps_it(loaded: Store) -> None:
    hawija = _ids(loaded)["h1"]
    edit(loaded, hawija, "killed_high", 5, author="ana", reason="hospital source")
    edit(loaded, hawija, "killed_best", "4", author="ana", reason="hospital source")
    save_extractions(loaded, [(r.document.id, r.extraction) for r in RECORDS], "fixtures-2")
    consolidate(loaded)
    row = _event(loaded, hawija)
    assert (row["killed_best"], row["killed_high"], row["review_status"]) == (4, 5, "edited")
    detail = event_detail(loaded, hawija)
    assert detail.machine is not None and detail.machine.killed_best == 3
    assert detail.overrides == {"killed_high": 5, "killed_best": 4}
    assert {s.document_id for s in detail.sources} == {"h1", "h2"}
    source = next(s for s in detail.sources if s.document_id == "h1")
    assert source.title == "Report h1" and source.killed.best == 3
    place = next(e for e in source.evidence if e.field == "place")
    assert place.text == "Hawija" and "Hawija" in place.context


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("n_sources", "3", "cannot be edited"),
        ("date", "10/05/2022", "ISO date"),
        ("killed_best", "many", "killed_best"),
        ("killed_low", "-1", "0 or more"),
        ("event_type", "bombng", "Unknown event type 'bombng'"),
        ("attribution", "rumoured", "Unknown attribution"),
        ("location_precision", "9", "between 1 and 7"),
    ],
)
def test_actions_edit_rejects_bad_values(loaded: Store, field: str, value: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        edit(loaded, _ids(loaded)["h1"], field, value, author="ana", reason="typo")


def test_actions_edit_checks_count_order(loaded: Store) -> None:
    with pytest.raises(InputError, match="low <= best <= high"):
        edit(loaded, _ids(loaded)["h1"], "killed_low", 10, author="ana", reason="x")


def test_actions_reason_and_unknown_event(loaded: Store) -> None:
    with pytest.raises(InputError, match="reason"):
        reject(loaded, _ids(loaded)["h1"], author="ana", reason=" ")
    with pytest.raises(NotFoundError, match="No event with id 'ev_nope'"):
        verify(loaded, "ev_nope", author="ana")


def test_actions_merge_survives_rerun(loaded: Store) -> None:
    ids = _ids(loaded)
    kept = merge(loaded, [ids["m1"], ids["h1"]], author="ana", reason="same cell, misplaced report")
    assert kept in (ids["m1"], ids["h1"])
    gone = ids["m1"] if kept == ids["h1"] else ids["h1"]
    assert loaded.count("events") == 1 and _event(loaded, kept)["n_sources"] == 3
    with pytest.raises(NotFoundError, match=f"merged into '{kept}'"):
        event_detail(loaded, gone)
    consolidate(loaded)
    assert set(_ids(loaded).values()) == {kept}
    assert history(loaded, gone)["action"].tolist() == ["created", "merge", "removed"]


def test_actions_split_survives_rerun(loaded: Store) -> None:
    hawija = _ids(loaded)["h1"]
    mention_h2 = loaded.execute("SELECT mention_id FROM event_sources WHERE document_id = 'h2'").fetchone()[0]
    new_id = split(loaded, hawija, [mention_h2], author="ana", reason="h2 describes an earlier ambush")
    assert new_id != hawija and _ids(loaded) == {"h1": hawija, "h2": new_id, "m1": _ids(loaded)["m1"]}
    consolidate(loaded)
    assert _ids(loaded)["h2"] == new_id and _ids(loaded)["h1"] == hawija
    with pytest.raises(InputError, match="not sources"):
        split(loaded, hawija, ["m_missing"], author="ana", reason="x")


def test_actions_as_of_shows_past_state(loaded: Store) -> None:
    hawija = _ids(loaded)["h1"]
    before_edit = now_utc() + timedelta(microseconds=1)
    edit(loaded, hawija, "place_name", "Hawija district", author="ana", reason="wider area")
    assert event_as_of(loaded, hawija, before_edit).place_name == "Hawija"
    assert event_as_of(loaded, hawija, now_utc() + timedelta(seconds=1)).place_name == "Hawija district"
    with pytest.raises(NotFoundError, match="did not exist"):
        event_as_of(loaded, hawija, datetime(2000, 1, 1))


def test_actions_review_imported_event(store: Store) -> None:
    load_events(store, events_frame([event_row(id="ucdp-7", origin="ucdp", killed_best=2, killed_high=2)]))
    edit(store, "ucdp-7", "killed_best", 1, author="ana", reason="UCDP revised")
    consolidate(store)
    assert _event(store, "ucdp-7")["killed_best"] == 1
    assert event_detail(store, "ucdp-7").machine.killed_best == 2
    with pytest.raises(InputError, match="only extracted events"):
        merge(store, ["ucdp-7", "ucdp-7b"], author="ana", reason="x")


def test_actions_edit_survives_reextraction_with_new_mention_ids(loaded: Store) -> None:
    hawija = _ids(loaded)["h1"]
    edit(loaded, hawija, "weapons", "rifles, RPG", author="ana", reason="video evidence")
    shifted = []
    for record in RECORDS:
        event = record.extraction.events[0]
        evidence = event.evidence.model_copy(update={"end": event.evidence.end - 1, "text": event.evidence.text[:-1]})
        events = [event.model_copy(update={"evidence": evidence})]
        shifted.append((record.document.id, record.extraction.model_copy(update={"events": events})))
    save_extractions(loaded, shifted, "extractor-v2")
    consolidate(loaded)
    assert _ids(loaded)["h1"] == hawija
    assert list(_event(loaded, hawija)["weapons"]) == ["rifles", "RPG"]
