"""Build incidents (``events`` rows) from clusters of mentions, with stable ids and versions.

Field rules (docs/consolidation.md):

- sources are grouped into *independent source groups*: a document and its wire copies
  (``near_duplicate_of``) form one group; every document is still listed as a source;
- casualties per group: low = min of the low values, best = max of the best values (later figures
  in one report are usually updates), high = max of the high/best values; across groups:
  low = min, best = median (lower median) of the groups' best values, high = max;
- date, place: from the most precise mention (ties: the most common value, then the earliest);
- type: the most common among independent groups (ties: highest confidence); perpetrator: the most
  specific known actor (an affiliate over its parent); attribution: claimed > attributed > suspected;
- confidence = 1 - prod(1 - c) over groups (best mention per group), capped at 0.99.
"""

from __future__ import annotations

import hashlib
import json
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import pandas as pd

from emberwatch.consolidate.records import MACHINE_EXCLUDE, EventRecord, FieldEvidence
from emberwatch.consolidate.rules import MentionPoint, Vocabulary, date_window, place_key, target_words
from emberwatch.models import Count, ExtractedEvent, Span
from emberwatch.store import Store
from emberwatch.store.mentions import mentions_frame

ATTRIBUTION_RANK = {"claimed": 3, "attributed": 2, "suspected": 1, "unknown": 0}


@dataclass(slots=True)
class SourceMention:
    """One mention with what consolidation needs from its document."""

    id: str
    document_id: str
    source_group: str
    published: date | None
    language: str
    extractor_version: str
    event: ExtractedEvent

    def point(self) -> MentionPoint:
        ev = self.event
        lo, hi = date_window(ev.date.value, ev.date.end, ev.date.precision)
        place = ev.place
        return MentionPoint(
            id=self.id,
            document_id=self.document_id,
            source_group=self.source_group,
            event_type=ev.event_type,
            lo=lo,
            hi=hi,
            date_precision=int(ev.date.precision) if ev.date.precision else None,
            lat=place.lat if place else None,
            lon=place.lon if place else None,
            country=place.country_code.upper() if place and place.country_code else None,
            admin1=place.admin1 if place else None,
            place_key=place_key(place.name or place.text) if place else None,
            location_precision=int(place.precision) if place else 7,
            perpetrator=ev.perpetrator.actor_id if ev.perpetrator else None,
            killed=ev.killed.best if ev.killed.best is not None else ev.killed.low,
            confidence=ev.confidence,
            targets=target_words(s.text for s in (*ev.targets, *ev.victims)),
        )


def _nullable(value: Any) -> Any:
    return None if value is None or (not isinstance(value, list | tuple) and pd.isna(value)) else value


def load_source_mentions(store: Store, document_ids: list[str] | None = None) -> list[SourceMention]:
    """Mentions of the latest extractor version per document, with their source group."""
    frame = mentions_frame(store, document_ids=document_ids, with_document=True)
    out = []
    for row in frame.itertuples(index=False):
        published = _nullable(row.doc_published)
        canonical = _nullable(row.doc_near_duplicate_of)
        out.append(
            SourceMention(
                id=str(row.id),
                document_id=str(row.document_id),
                source_group=str(canonical or row.document_id),
                published=pd.Timestamp(published).date() if published is not None else None,
                language=str(_nullable(row.language) or "other"),
                extractor_version=str(row.extractor_version),
                event=ExtractedEvent.model_validate_json(row.record),
            )
        )
    return out


# --------------------------------------------------------------------------- field rules


def _group_count(counts: list[Count]) -> Count:
    lows = [c.low if c.low is not None else c.best for c in counts]
    bests = [c.best if c.best is not None else c.low for c in counts]
    highs = [v for c in counts for v in (c.high, c.best, c.low) if v is not None]
    lows_k = [v for v in lows if v is not None]
    bests_k = [v for v in bests if v is not None]
    return Count(
        low=min(lows_k) if lows_k else None,
        best=max(bests_k) if bests_k else None,
        high=max(highs) if highs else None,
    )


def combine_counts(groups: Iterable[list[Count]]) -> Count:
    """Low/best/high across independent source groups (rule in the module docstring)."""
    per_group = [_group_count(g) for g in groups]
    per_group = [c for c in per_group if c.best is not None or c.low is not None or c.high is not None]
    if not per_group:
        return Count()
    lows = [c.low for c in per_group if c.low is not None]
    bests = [c.best for c in per_group if c.best is not None]
    highs = [c.high for c in per_group if c.high is not None]
    low = min(lows) if lows else None
    best = statistics.median_low(bests) if bests else None
    high = max(highs) if highs else None
    if best is not None and high is not None and high < best:
        high = best
    return Count(low=low, best=best, high=high)


def _most_common(values: list[Any]) -> Any:
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    top = max(counts.values())
    return sorted((v for v, c in counts.items() if c == top), key=str)[0]


def _unique_texts(spans: Iterable[Span]) -> list[str]:
    seen: dict[str, str] = {}
    for span in spans:
        key = " ".join(span.text.lower().split())
        if key and key not in seen:
            seen[key] = span.text.strip()
    return list(seen.values())


def _best_date(mentions: list[SourceMention]) -> tuple[date | None, date | None, int | None]:
    dated = [m.event.date for m in mentions if m.event.date.value is not None]
    if not dated:
        return None, None, None
    best_precision = min(int(d.precision or 1) for d in dated)
    candidates = [d for d in dated if int(d.precision or 1) == best_precision]
    value = _most_common([d.value for d in candidates])
    ends = [d.end for d in candidates if d.value == value and d.end is not None]
    return value, (min(ends) if ends else None), best_precision


def _best_place(mentions: list[SourceMention]) -> Any:
    places = [m.event.place for m in mentions if m.event.place is not None]
    if not places:
        return None
    best = min(int(p.precision) for p in places)
    candidates = [p for p in places if int(p.precision) == best]
    key = _most_common([p.geonames_id or p.name or p.text for p in candidates])
    return next(p for p in candidates if (p.geonames_id or p.name or p.text) == key)


def _perpetrator(
    mentions: list[SourceMention], vocab: Vocabulary, language: str | None
) -> tuple[str | None, str | None, str | None]:
    """Most specific known actor, strongest attribution, and a mention in the incident's language."""
    perps = [(m.event.perpetrator, m.language) for m in mentions if m.event.perpetrator is not None]
    if not perps:
        return None, None, None
    known = [(p, lang) for p, lang in perps if p.actor_id]
    if known:
        actor = max(sorted({p.actor_id for p, _ in known if p.actor_id}), key=vocab.specificity)
        chosen = [(p, lang) for p, lang in known if p.actor_id == actor]
    else:
        actor, chosen = None, perps
    attribution = max((p.attribution.value for p, _ in perps), key=lambda a: ATTRIBUTION_RANK.get(a, 0))
    best = max(
        chosen, key=lambda x: (x[1] == language, ATTRIBUTION_RANK.get(x[0].attribution.value, 0), len(x[0].name))
    )
    return actor, best[0].name, attribution


def _summary(record: dict[str, Any]) -> str:
    """A one-line description: what, where, when; casualties; perpetrator; number of sources."""
    what = str(record["event_type"]).replace("_", " ").capitalize()
    where = record.get("place_name") or record.get("admin1") or record.get("country_code") or "unknown place"
    if record.get("country_code") and where != record["country_code"]:
        where = f"{where}, {record['country_code']}"
    when = record["date"].isoformat() if record.get("date") else "undated"
    details = []
    killed = _range_text(record.get("killed_low"), record.get("killed_best"), record.get("killed_high"))
    wounded = _range_text(record.get("wounded_low"), record.get("wounded_best"), record.get("wounded_high"))
    if killed:
        details.append(f"{killed} killed")
    if wounded:
        details.append(f"{wounded} wounded")
    if record.get("perpetrator_mention"):
        verb = {"claimed": "claimed by", "attributed": "attributed to", "suspected": "suspected perpetrator"}.get(
            record.get("attribution") or "", "by"
        )
        details.append(f"{verb} {record['perpetrator_mention']}")
    n = record["n_sources"]
    text = f"{what} in {where} on {when}"
    if details:
        text += ": " + ", ".join(details)
    return f"{text} ({n} source{'s' if n != 1 else ''})"


def _range_text(low: int | None, best: int | None, high: int | None) -> str:
    if best is None and low is None:
        return ""
    lo = low if low is not None else best
    hi = high if high is not None else best
    if lo is not None and hi is not None and lo != hi:
        return f"{lo}-{hi}"
    return str(best if best is not None else lo)


def build_incident(event_id: str, mentions: list[SourceMention], vocab: Vocabulary) -> dict[str, Any]:
    """The machine's ``events`` row for one cluster of mentions (no review status or timestamps)."""
    groups: dict[str, list[SourceMention]] = defaultdict(list)
    for m in mentions:
        groups[m.source_group].append(m)
    type_votes = Counter(_most_common([m.event.event_type for m in g]) for g in groups.values())
    top = max(type_votes.values())
    tied = sorted(t for t, c in type_votes.items() if c == top)
    event_type = max(tied, key=lambda t: max(m.event.confidence for m in mentions if m.event.event_type == t))
    sub_type = _most_common([m.event.sub_type for m in mentions if m.event.event_type == event_type])
    value, end, precision = _best_date(mentions)
    place = _best_place(mentions)
    language = _most_common([m.language for m in mentions])
    actor, perp_mention, attribution = _perpetrator(mentions, vocab, language)
    killed = combine_counts([[m.event.killed for m in g] for g in groups.values()])
    wounded = combine_counts([[m.event.wounded for m in g] for g in groups.values()])
    confidence = 1.0
    for g in groups.values():
        confidence *= 1.0 - max(m.event.confidence for m in g)
    record: dict[str, Any] = {
        "id": event_id,
        "origin": "extracted",
        "event_type": event_type,
        "sub_type": sub_type,
        "date": value,
        "date_end": end,
        "date_precision": precision,
        "place_name": (place.name or place.text) if place else None,
        "admin1": place.admin1 if place else None,
        "admin2": place.admin2 if place else None,
        "country_code": place.country_code.upper() if place and place.country_code else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "geonames_id": place.geonames_id if place else None,
        "location_precision": int(place.precision) if place else 7,
        "perpetrator_id": actor,
        "perpetrator_mention": perp_mention,
        "attribution": attribution,
        "targets": _unique_texts(s for m in mentions for s in m.event.targets),
        "victims": _unique_texts(s for m in mentions for s in m.event.victims),
        "weapons": _unique_texts(s for m in mentions for s in m.event.weapons),
        "killed_low": killed.low,
        "killed_best": killed.best,
        "killed_high": killed.high,
        "wounded_low": wounded.low,
        "wounded_best": wounded.best,
        "wounded_high": wounded.high,
        "mechanisms": sorted({h.code for m in mentions for h in m.event.mechanisms}),
        "confidence": round(min(0.99, 1.0 - confidence), 4),
        "language": language,
        "n_sources": len({m.document_id for m in mentions}),
        "n_independent_sources": len(groups),
    }
    record["summary"] = _summary(record)
    return record


def field_evidence(event: ExtractedEvent) -> FieldEvidence:
    """The spans of one mention that support each event field."""
    ev = event.evidence
    fields: dict[str, list[Span]] = {"event": [ev], "event_type": [ev], "date": [ev]}
    if event.place is not None:
        fields["place"] = [Span(text=event.place.text, start=event.place.start, end=event.place.end)]
    perps = event.perpetrator_organizations + event.perpetrator_individuals
    if perps:
        fields["perpetrator"] = perps
    for name in ("targets", "victims", "weapons"):
        spans = getattr(event, name)
        if spans:
            fields[name] = list(spans)
    if event.killed.best is not None or event.killed.low is not None:
        fields["killed"] = [ev]
    if event.wounded.best is not None or event.wounded.low is not None:
        fields["wounded"] = [ev]
    if event.mechanisms:
        fields["mechanisms"] = [h.evidence for h in event.mechanisms]
    return FieldEvidence(fields=fields)


def source_rows(event_id: str, mentions: list[SourceMention]) -> list[dict[str, Any]]:
    return [
        {
            "event_id": event_id,
            "mention_id": m.id,
            "document_id": m.document_id,
            "evidence": field_evidence(m.event).model_dump_json(),
        }
        for m in mentions
    ]


def machine_hash(record: dict[str, Any]) -> str:
    data = {k: v for k, v in record.items() if k not in MACHINE_EXCLUDE}
    text = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def machine_json(record: dict[str, Any]) -> str:
    data = {k: v for k, v in record.items() if k not in MACHINE_EXCLUDE}
    return EventRecord.model_validate(data).model_dump_json(exclude=set(MACHINE_EXCLUDE))


# --------------------------------------------------------------------------- stable ids


def new_event_id(cluster: list[str], taken: set[str]) -> str:
    """``ev_`` + hash of the smallest mention id; a suffix counter avoids reusing a retired id."""
    seed = min(cluster)
    for attempt in range(1000):
        key = seed if attempt == 0 else f"{seed}#{attempt}"
        candidate = "ev_" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
        if candidate not in taken:
            return candidate
    raise RuntimeError(f"cannot find a free event id for cluster starting with {seed}")


def assign_ids(
    clusters: list[list[str]],
    previous: dict[str, str],
    previous_docs: dict[str, set[str]],
    documents_of: dict[str, str],
    taken: set[str],
) -> list[str]:
    """An id per cluster: keep the previous id most of its mentions had (greedy, largest vote first).

    A cluster none of whose mentions is known (e.g. a re-extraction changed every mention id of the
    documents) inherits the id of a vanished incident that had the same documents.
    """
    ids: list[str | None] = [None] * len(clusters)
    votes = []
    for i, cluster in enumerate(clusters):
        for old, n in Counter(previous[m] for m in cluster if m in previous).items():
            votes.append((-n, old, i))
    used: set[str] = set()
    for _, old, i in sorted(votes):
        if ids[i] is None and old not in used:
            ids[i] = old
            used.add(old)
    vanished = set(previous.values()) - {prev for m, prev in previous.items() if m in documents_of}
    for i, cluster in enumerate(clusters):
        if ids[i] is not None or any(m in previous for m in cluster):
            continue
        docs = {documents_of[m] for m in cluster}
        overlap = sorted(
            ((len(docs & previous_docs.get(old, set())), old) for old in vanished if old not in used),
            key=lambda x: (-x[0], x[1]),
        )
        if overlap and overlap[0][0] > 0:
            ids[i] = overlap[0][1]
            used.add(overlap[0][1])
    reserved = taken | used
    for i, cluster in enumerate(clusters):
        if ids[i] is None:
            ids[i] = new_event_id(cluster, reserved)
            reserved.add(ids[i])  # type: ignore[arg-type]
    return [str(x) for x in ids]


def record_to_row(record: dict[str, Any], created_at: datetime, updated_at: datetime) -> dict[str, Any]:
    row = dict(record)
    row.setdefault("review_status", "unreviewed")
    row["created_at"], row["updated_at"] = created_at, updated_at
    return row
