"""Consolidation end to end on hand-built extractions (independent of the extractor)."""

from __future__ import annotations

from datetime import date

import pandas as pd

from emberwatch.consolidate import consolidate
from emberwatch.consolidate.fixtures import FixturePlace, FixtureRecord, build_event, build_record, load_fixtures
from emberwatch.store import Store
from emberwatch.store.mentions import save_extractions
from emberwatch.testing import event_row, events_frame, load_events

TIKRIT = FixturePlace(
    name="Tikrit",
    country_code="IQ",
    admin1="Salah ad Din",
    admin2="Tikrit District",
    lat=34.6158,
    lon=43.6786,
    geonames_id=89520,
)
BAIJI = FixturePlace(
    name="Baiji", country_code="IQ", admin1="Salah ad Din", lat=34.9292, lon=43.4930, geonames_id=99446
)
MOSUL = FixturePlace(name="Mosul", country_code="IQ", admin1="Nineveh", lat=36.335, lon=43.1189, geonames_id=99072)
SALAH_AD_DIN = FixturePlace(
    name="Salah ad Din", country_code="IQ", admin1="Salah ad Din", lat=34.5, lon=43.5, precision=4
)

WIRE = (
    "TIKRIT, March 2 (Wire) - A car bomb exploded at an army checkpoint on the southern edge of Tikrit on "
    "Tuesday, killing four soldiers and wounding seven, security sources said. Islamic State claimed the "
    "attack in a statement on its Amaq agency."
)
WIRE_COPY = WIRE.replace("(Wire)", "(Wire via Daily Gazette)") + " The checkpoint reopened on Wednesday."


def _bombing(doc: str, text: str, evidence: str, published: date, killed=(4, 4, None), language="en", when=None, **kw):
    event = build_event(
        text,
        evidence,
        "bombing",
        when=when or date(2021, 3, 2),
        place_text=kw.pop("place_text", "Tikrit"),
        place=kw.pop("place", TIKRIT),
        actor_id=kw.pop("actor_id", "isis"),
        perpetrator=kw.pop("perpetrator", "Islamic State"),
        attribution="claimed",
        killed=killed,
        **kw,
    )
    return build_record(doc, text, [("tikrit-bomb", event)], published=published, language=language)


def wire_copies() -> list[FixtureRecord]:
    return [
        _bombing("wire-1", WIRE, "A car bomb exploded", date(2021, 3, 2)),
        _bombing("wire-2", WIRE_COPY, "A car bomb exploded", date(2021, 3, 3)),
    ]


ARABIC = (
    "تكريت - انفجرت سيارة مفخخة عند حاجز للجيش في الطرف الجنوبي من مدينة تكريت يوم الثلاثاء، ما أسفر عن مقتل "
    "ستة جنود وإصابة سبعة آخرين. وتبنى تنظيم الدولة الإسلامية الهجوم."
)
LOCAL = (
    "At least five soldiers died when an explosives-laden car blew up near a checkpoint in Tikrit, a local "
    "official told our reporter on Wednesday. The official blamed Daesh."
)


def translated_and_conflicting() -> list[FixtureRecord]:
    return [
        _bombing("wire-1", WIRE, "A car bomb exploded", date(2021, 3, 2)),
        _bombing(
            "ar-1",
            ARABIC,
            "انفجرت سيارة مفخخة",
            date(2021, 3, 2),
            killed=(6, 6, None),
            language="ar",
            place_text="تكريت",
            perpetrator="تنظيم الدولة الإسلامية",
        ),
        _bombing(
            "local-1",
            LOCAL,
            "an explosives-laden car blew up",
            date(2021, 3, 3),
            killed=(5, 5, None),
            perpetrator="Daesh",
        ),
    ]


def _events(store: Store) -> pd.DataFrame:
    return store.query_df("SELECT * FROM events WHERE origin = 'extracted' ORDER BY id")


def test_pipeline_wire_copies_one_incident_one_independent_source(store: Store) -> None:
    load_fixtures(store, wire_copies())
    report = consolidate(store)
    docs = store.execute("SELECT id, near_duplicate_of FROM documents ORDER BY id").fetchall()
    assert docs == [("wire-1", None), ("wire-2", "wire-1")]
    assert report.events == 1 and report.near_duplicate_documents == 1
    event = _events(store).iloc[0]
    assert (event["n_sources"], event["n_independent_sources"]) == (2, 1)
    assert (event["killed_low"], event["killed_best"], event["killed_high"]) == (4, 4, 4)
    assert store.count("event_sources") == 2


def test_pipeline_arabic_and_english_reports_merge_with_count_range(store: Store) -> None:
    load_fixtures(store, translated_and_conflicting())
    consolidate(store)
    events = _events(store)
    assert len(events) == 1
    event = events.iloc[0]
    assert event["n_sources"] == 3 and event["n_independent_sources"] == 3
    assert (event["killed_low"], event["killed_best"], event["killed_high"]) == (4, 5, 6)
    assert event["place_name"] == "Tikrit" and event["country_code"] == "IQ"
    assert event["perpetrator_id"] == "isis" and event["attribution"] == "claimed"
    assert "Bombing in Tikrit, IQ on 2021-03-02" in event["summary"] and "(3 sources)" in event["summary"]


def _report(
    doc: str,
    text: str,
    when: date,
    precision: int = 1,
    event_type: str = "bombing",
    place=TIKRIT,
    place_text: str = "Tikrit",
    gold: str = "x",
    published: date | None = None,
    killed=(None, None, None),
    actor_id: str | None = None,
) -> FixtureRecord:
    event = build_event(
        text,
        text.split(",")[0],
        event_type,
        when=when,
        precision=precision,
        place_text=place_text,
        place=place,
        actor_id=actor_id,
        perpetrator="militants" if actor_id is None else "Islamic State",
        killed=killed,
    )
    return build_record(doc, text, [(gold, event)], published=published or when)


def test_pipeline_date_precision_windows(store: Store) -> None:
    records = [
        _report("d1", "A bombing hit Tikrit market, police said", date(2021, 3, 2), gold="a"),
        _report("d2", "Tikrit market bombing last week, residents recall", date(2021, 3, 1), precision=3, gold="a"),
        _report("d3", "Another bombing in Tikrit, days later", date(2021, 3, 6), gold="b"),
    ]
    load_fixtures(store, records)
    consolidate(store)
    sources = store.query_df("SELECT event_id, document_id FROM event_sources ORDER BY document_id")
    by_doc = sources.set_index("document_id")["event_id"].to_dict()
    assert by_doc["d1"] == by_doc["d2"]
    assert by_doc["d3"] != by_doc["d1"]


def test_pipeline_lookalike_incidents_stay_apart(store: Store) -> None:
    records = [
        _report("a1", "A bombing at the Tikrit checkpoint, police said", date(2021, 3, 2), gold="a"),
        _report("a2", "Bombing near Tikrit checkpoint kills soldiers", date(2021, 3, 2), gold="a"),
        _report("b1", "Gunmen kidnapped a shepherd near Tikrit", date(2021, 3, 2), event_type="kidnapping", gold="b"),
        _report(
            "c1",
            "A bombing hit a market in Mosul, sources said",
            date(2021, 3, 2),
            place=MOSUL,
            place_text="Mosul",
            gold="c",
        ),
        _report("d1", "A bombing in Tikrit, on Thursday", date(2021, 3, 4), gold="d"),
        _report(
            "e1", "A bombing struck Baiji, police said", date(2021, 3, 2), place=BAIJI, place_text="Baiji", gold="e"
        ),
    ]
    load_fixtures(store, records)
    consolidate(store)
    sources = store.query_df("SELECT event_id, document_id FROM event_sources")
    by_doc = sources.set_index("document_id")["event_id"].to_dict()
    assert by_doc["a1"] == by_doc["a2"]
    assert len({by_doc[d] for d in ("a1", "b1", "c1", "d1", "e1")}) == 5


def test_pipeline_vague_mention_does_not_chain_two_incidents(store: Store) -> None:
    records = [
        _report("p1", "A bombing in Tikrit, early in March", date(2021, 3, 2), gold="a"),
        _report("p2", "A bombing in Tikrit, a week later", date(2021, 3, 9), gold="b"),
        _report(
            "v1",
            "Bombings in Salah ad Din, this month",
            date(2021, 3, 1),
            precision=4,
            place=SALAH_AD_DIN,
            place_text="Salah ad Din",
            gold="a",
        ),
    ]
    load_fixtures(store, records)
    consolidate(store)
    by_doc = store.query_df("SELECT event_id, document_id FROM event_sources").set_index("document_id")["event_id"]
    assert by_doc["p1"] != by_doc["p2"]
    assert store.count("events") == 2


def test_pipeline_rerun_changes_no_ids_or_counts(store: Store) -> None:
    records = [
        *translated_and_conflicting(),
        _report(
            "m1", "A bombing hit a market in Mosul, sources said", date(2021, 3, 2), place=MOSUL, place_text="Mosul"
        ),
    ]
    load_fixtures(store, records)
    consolidate(store)
    before = _events(store)
    versions = store.count("event_versions")
    save_extractions(store, [(r.document.id, r.extraction) for r in records], "fixtures-2")
    report = consolidate(store)
    after = _events(store)
    assert before["id"].tolist() == after["id"].tolist()
    assert before["n_sources"].tolist() == after["n_sources"].tolist()
    pd.testing.assert_frame_equal(before, after)
    assert (report.new_events, report.changed_events, report.removed_events) == (0, 0, 0)
    assert store.count("event_versions") == versions


def test_pipeline_ids_survive_new_sources(store: Store) -> None:
    records = translated_and_conflicting()
    load_fixtures(store, records[:1])
    consolidate(store)
    first_id = _events(store)["id"].iloc[0]
    load_fixtures(store, records)
    report = consolidate(store)
    events = _events(store)
    assert events["id"].tolist() == [first_id]
    assert events["n_sources"].iloc[0] == 3 and report.changed_events == 1
    assert store.count("event_versions") == 2


def test_pipeline_leaves_other_origins_alone(store: Store) -> None:
    load_events(store, events_frame([event_row(id="ucdp-1", origin="ucdp")]))
    load_fixtures(store, wire_copies())
    consolidate(store)
    consolidate(store)
    origins = store.query_df("SELECT id, origin FROM events ORDER BY origin")
    assert origins["origin"].tolist() == ["extracted", "ucdp"]


def test_pipeline_removed_documents_remove_incidents(store: Store) -> None:
    load_fixtures(
        store,
        [
            *wire_copies(),
            _report(
                "m1", "A bombing hit a market in Mosul, sources said", date(2021, 3, 2), place=MOSUL, place_text="Mosul"
            ),
        ],
    )
    consolidate(store)
    assert store.count("events") == 2
    with store.transaction() as tx:
        tx.execute("DELETE FROM event_mentions WHERE document_id = 'm1'")
    report = consolidate(store)
    assert report.removed_events == 1 and store.count("events") == 1
