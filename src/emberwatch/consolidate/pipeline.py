"""The consolidation stage: mentions -> incidents (``events`` + ``event_sources``), re-runnable.

``consolidate(store)`` marks near-duplicate documents, clusters the mentions of the latest
extraction of every document, keeps incident ids stable through the ``incident_members`` mapping,
records a new machine version of each incident whose values changed, replays analyst decisions
(merges and splits as must-link / cannot-link constraints, edits and statuses as overrides) and
rewrites the ``origin='extracted'`` events in one transaction. Events of other origins are untouched.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import duckdb
import pandas as pd

from emberwatch.codebook import load_codebook
from emberwatch.consolidate.clustering import ClusterSettings, Constraints, cluster_mentions
from emberwatch.consolidate.incidents import (
    SourceMention,
    assign_ids,
    build_incident,
    load_source_mentions,
    machine_hash,
    machine_json,
    record_to_row,
    source_rows,
)
from emberwatch.consolidate.near_duplicates import NearDuplicateSettings, mark_near_duplicates
from emberwatch.consolidate.overrides import effective_record
from emberwatch.consolidate.records import EventRecord
from emberwatch.consolidate.rules import Vocabulary
from emberwatch.errors import CodebookError
from emberwatch.settings import Settings, get_settings
from emberwatch.store import Store
from emberwatch.store.incidents import (
    add_versions,
    close_versions,
    current_versions,
    extracted_event_ids,
    incident_members,
    known_event_ids,
    versions_of,
    write_incidents,
)
from emberwatch.store.reviews import ReviewRow, load_reviews

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class ConsolidationReport:
    """What one consolidation run did."""

    mentions: int
    events: int
    multi_source_events: int
    new_events: int
    changed_events: int
    removed_events: int
    near_duplicate_documents: int
    constraints: int
    seconds: float


def now_utc() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def load_vocabulary(store: Store, settings: Settings | None = None) -> Vocabulary:
    """Type groups (compatibility table + the codebook's GTD mapping) and actor parent links."""
    parents: dict[str, str | None] = {
        str(a): (str(p) if p else None) for a, p in store.execute("SELECT id, parent_id FROM actors").fetchall()
    }
    gtd: dict[str, str] = {}
    try:
        codebook = load_codebook(settings.codebook if settings else None)
    except CodebookError as exc:
        log.warning("consolidation uses the compatibility table only: %s", exc)
    else:
        for etype in codebook.event_types:
            if etype.gtd_attack_type:
                gtd[etype.id] = etype.gtd_attack_type
            for sub in etype.sub_types:
                if sub.gtd_attack_type or etype.gtd_attack_type:
                    gtd[sub.id] = str(sub.gtd_attack_type or etype.gtd_attack_type)
        for actor in codebook.actors:
            parents.setdefault(actor.id, actor.parent)
    return Vocabulary.build(gtd_types=gtd, actor_parent=parents)


def load_constraints(store: Store) -> Constraints:
    """Analyst merges (must-link) and splits (cannot-link), replayed in the order they were made."""
    constraints = Constraints()
    for review in load_reviews(store, actions=["merge", "split"]):
        payload = review.payload
        if review.action == "merge" and "groups" in payload:
            constraints.add_must(payload["groups"].values())
        elif review.action == "split" and "remaining" in payload:
            constraints.add_must([payload["mention_ids"]])
            constraints.add_cannot(payload["mention_ids"], payload["remaining"])
    return constraints


def _reviews_by_event(store: Store, event_ids: list[str]) -> dict[str, list[ReviewRow]]:
    grouped: dict[str, list[ReviewRow]] = defaultdict(list)
    for review in load_reviews(store, event_ids=event_ids):
        grouped[review.event_id].append(review)
    return grouped


@dataclass
class _Materialised:
    events: list[dict[str, Any]]
    sources: list[dict[str, Any]]
    members: list[dict[str, Any]]
    versions: list[dict[str, Any]]
    closed: list[str]
    new: int
    changed: int


def materialise(
    store: Store,
    groups: dict[str, list[SourceMention]],
    vocab: Vocabulary,
    now: datetime,
    cause: str,
) -> _Materialised:
    """Machine records, new versions and effective (reviewed) rows for these incidents."""
    ids = list(groups)
    current = {row.event_id: row for row in current_versions(store, ids).itertuples(index=False)}
    first_seen = _first_seen(store, ids)
    reviews = _reviews_by_event(store, ids)
    out = _Materialised([], [], [], [], [], 0, 0)
    for event_id, mentions in groups.items():
        record = build_incident(event_id, mentions, vocab)
        digest = machine_hash(record)
        previous = current.get(event_id)
        if previous is not None and previous.record_hash == digest:
            machine_from = pd.Timestamp(previous.valid_from).to_pydatetime()
        else:
            machine_from = now
            version = 1 if previous is None else int(previous.version) + 1
            out.versions.append(
                {
                    "event_id": event_id,
                    "version": version,
                    "valid_from": now,
                    "valid_to": None,
                    "record_hash": digest,
                    "record": machine_json(record),
                    "cause": cause,
                }
            )
            if previous is None:
                out.new += 1
            else:
                out.changed += 1
                out.closed.append(event_id)
        created = first_seen.get(event_id, now)
        machine = EventRecord.model_validate(record_to_row(record, created, machine_from))
        out.events.append(effective_record(machine, reviews.get(event_id, [])).model_dump(mode="python"))
        out.sources.extend(source_rows(event_id, mentions))
        out.members.extend(
            {"mention_id": m.id, "event_id": event_id, "document_id": m.document_id, "assigned_at": now}
            for m in mentions
        )
    return out


def _first_seen(store: Store, event_ids: list[str]) -> dict[str, datetime]:
    if not event_ids:
        return {}
    rows = store.execute(
        "SELECT event_id, min(valid_from) FROM event_versions WHERE event_id IN "
        "(SELECT unnest($ids::VARCHAR[])) GROUP BY event_id",
        {"ids": event_ids},
    ).fetchall()
    return {r[0]: r[1] for r in rows}


def consolidate(
    store: Store,
    settings: Settings | None = None,
    progress: Progress | None = None,
    cluster_settings: ClusterSettings | None = None,
    near_duplicate_settings: NearDuplicateSettings | None = None,
) -> ConsolidationReport:
    """Rebuild the extracted incidents from the latest mentions (idempotent; see module docstring)."""
    started = time.perf_counter()
    settings = settings or get_settings()
    step = progress or (lambda _stage, _done, _total: None)
    step("near-duplicates", 0, 4)
    near = mark_near_duplicates(store, near_duplicate_settings)
    step("loading mentions", 1, 4)
    mentions = load_source_mentions(store)
    vocab = load_vocabulary(store, settings)
    constraints = load_constraints(store)
    step("clustering", 2, 4)
    by_id = {m.id: m for m in mentions}
    published = {m.document_id: m.published for m in mentions}
    clusters = cluster_mentions([m.point() for m in mentions], vocab, published, constraints, cluster_settings)
    previous = incident_members(store)
    prev_map = dict(zip(previous["mention_id"], previous["event_id"], strict=True))
    prev_docs: dict[str, set[str]] = defaultdict(set)
    for event_id, document_id in zip(previous["event_id"], previous["document_id"], strict=True):
        prev_docs[event_id].add(document_id)
    ids = assign_ids(clusters, prev_map, prev_docs, {m.id: m.document_id for m in mentions}, known_event_ids(store))
    step("writing incidents", 3, 4)
    now = now_utc()
    groups = {event_id: [by_id[m] for m in cluster] for event_id, cluster in zip(ids, clusters, strict=True)}
    result = materialise(store, groups, vocab, now, "consolidate")
    removed = sorted(extracted_event_ids(store) - set(groups))
    with store.transaction() as tx:
        _write(store, tx, result, removed, now, replace=None)
    step("done", 4, 4)
    report = ConsolidationReport(
        mentions=len(mentions),
        events=len(groups),
        multi_source_events=sum(1 for e in result.events if e["n_sources"] > 1),
        new_events=result.new,
        changed_events=result.changed,
        removed_events=len(removed),
        near_duplicate_documents=near.duplicates,
        constraints=len(constraints.must) + len(constraints.cannot),
        seconds=round(time.perf_counter() - started, 3),
    )
    log.info("consolidation: %s", report)
    return report


def _write(
    store: Store,
    tx: duckdb.DuckDBPyConnection,
    result: _Materialised,
    removed: list[str],
    now: datetime,
    replace: list[str] | None,
) -> None:
    close_versions(tx, result.closed + removed, now)
    add_versions(store, tx, result.versions)
    write_incidents(store, tx, result.events, result.sources, result.members, replace)


def rebuild_incidents(
    store: Store,
    tx: duckdb.DuckDBPyConnection,
    groups: dict[str, list[str]],
    removed: list[str],
    cause: str,
    now: datetime,
    settings: Settings | None = None,
) -> None:
    """Recompute some incidents from explicit mention lists (analyst merge/split), in ``tx``."""
    wanted = {m for members in groups.values() for m in members}
    docs = sorted(
        {
            r[0]
            for r in store.execute(
                "SELECT document_id FROM event_mentions WHERE id IN (SELECT unnest($ids::VARCHAR[]))",
                {"ids": sorted(wanted)},
            ).fetchall()
        }
    )
    by_id = {m.id: m for m in load_source_mentions(store, docs) if m.id in wanted}
    vocab = load_vocabulary(store, settings)
    mention_groups = {eid: [by_id[m] for m in sorted(ms) if m in by_id] for eid, ms in groups.items()}
    result = materialise(store, mention_groups, vocab, now, cause)
    _write(store, tx, result, removed, now, replace=list(groups) + removed)


def machine_history(store: Store, event_id: str) -> list[dict[str, Any]]:
    """Machine versions of an event as dicts (version, valid_from, valid_to, record, cause)."""
    frame = versions_of(store, event_id)
    return frame.to_dict(orient="records")
