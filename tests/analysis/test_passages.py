"""Evidence passages and quotes read from the consolidation stage's JSON."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd

from emberwatch.analysis.passages import event_quotes, mechanism_passages
from emberwatch.store import Store

from .conftest import AddEvents

SENTENCE = {"text": "Militants stormed the village at night.", "start": 120, "end": 159}
MECH = {"code": "sleeper_cells", "evidence": {"text": "a sleeper cell hiding in the town", "start": 10, "end": 43}}


def _sources(store: Store, rows: list[dict]) -> None:
    with store.transaction() as conn:
        store.insert_df("event_sources", pd.DataFrame(rows), conn=conn)


def test_passages_quotes_from_field_evidence_and_records(store: Store, add_events: AddEvents) -> None:
    add_events({"date": date(2020, 1, 1)}, {"date": date(2020, 1, 2)})
    with store.transaction() as conn:
        mention = {"id": "m1", "document_id": "d2", "extractor_version": "t", "idx": 0, "event_type": "attack",
                   "record": json.dumps({"evidence": {"text": "الهجوم وقع فجراً", "start": 0, "end": 15},
                                         "mechanisms": [MECH]})}  # fmt: skip
        store.insert_df("event_mentions", pd.DataFrame([mention]), conn=conn)
    _sources(store, [
        {"event_id": "e0", "mention_id": "m0", "document_id": "d1",
         "evidence": json.dumps({"fields": {"event": [SENTENCE], "mechanisms": [MECH["evidence"]]}})},
        {"event_id": "e1", "mention_id": "m1", "document_id": "d2", "evidence": json.dumps({"fields": {}})},
    ])  # fmt: skip
    quotes = event_quotes(store, ["e0", "e1", "missing"])
    assert [q.text for q in quotes["e0"]] == [SENTENCE["text"]]
    assert quotes["e0"][0].ref == "d1:120-159" and not quotes["e0"][0].is_arabic
    assert quotes["e1"][0].is_arabic
    assert "missing" not in quotes
    (passage,) = mechanism_passages(store, ["e0", "e1"], ["sleeper_cells"])  # only coded hits count
    assert (passage.event_id, passage.mechanism, passage.ref) == ("e1", "sleeper_cells", "d2:10-43")
    assert mechanism_passages(store, ["e0", "e1"], ["funding"]) == []
    assert mechanism_passages(store, [], None) == []
