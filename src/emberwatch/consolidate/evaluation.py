"""Score consolidation: pairwise and B-cubed precision/recall/F1 of "same incident" decisions.

Two gold sets:

- the project's fixtures (``examples/consolidation-fixtures``): hand-written reports of the same
  incidents with different wording, numbers and dates, plus look-alike distinct incidents, each
  with ready-made extractions and gold incident labels (independent of the extractor);
- the MUC-4 DEV answer keys: each key template becomes a mention (type, date, location,
  perpetrator organisation), and templates of *different* messages are gold-same when their dates
  overlap, their locations agree and they share a specific target or victim filler. Targets are
  not used by the consolidator, so the score measures how well type/date/place/perpetrator rules
  recover incidents that the keys confirm by their targets.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pycountry
from pydantic import Field

from emberwatch.consolidate.fixtures import read_fixtures
from emberwatch.consolidate.pipeline import consolidate
from emberwatch.errors import InputError
from emberwatch.models import (
    Attribution,
    Count,
    DatePrecision,
    DateValue,
    Document,
    DocumentExtraction,
    ExtractedEvent,
    ExtractInput,
    Language,
    LocationPrecision,
    Perpetrator,
    PlaceRef,
    Span,
)
from emberwatch.settings import Settings
from emberwatch.store import Store
from emberwatch.store.documents import insert_documents
from emberwatch.store.mentions import mention_id, save_extractions

DEFAULT_FIXTURES = Path("examples/consolidation-fixtures")


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, precision: float, recall: float) -> PRF:
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(round(precision, 4), round(recall, 4), round(f1, 4))


@dataclass(frozen=True)
class ConsolidationScore:
    name: str
    mentions: int
    gold_clusters: int
    predicted_clusters: int
    pairwise: PRF
    bcubed: PRF


def _pairs(labels: dict[str, str]) -> set[tuple[str, str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for item, label in labels.items():
        groups[label].append(item)
    return {tuple(sorted(p)) for g in groups.values() for p in itertools.combinations(g, 2)}  # type: ignore[misc]


def pairwise(gold: dict[str, str], predicted: dict[str, str]) -> PRF:
    """Precision/recall of the mention pairs put in one incident (1.0 when there are none)."""
    g, p = _pairs(gold), _pairs(predicted)
    correct = len(g & p)
    return PRF.of(correct / len(p) if p else 1.0, correct / len(g) if g else 1.0)


def bcubed(gold: dict[str, str], predicted: dict[str, str]) -> PRF:
    """B-cubed precision/recall averaged over mentions."""
    gold_sets: dict[str, set[str]] = defaultdict(set)
    pred_sets: dict[str, set[str]] = defaultdict(set)
    for item in gold:
        gold_sets[gold[item]].add(item)
        pred_sets[predicted[item]].add(item)
    precision = recall = 0.0
    for item in gold:
        g, p = gold_sets[gold[item]], pred_sets[predicted[item]]
        overlap = len(g & p)
        precision += overlap / len(p)
        recall += overlap / len(g)
    n = len(gold) or 1
    return PRF.of(precision / n, recall / n)


def score(name: str, gold: dict[str, str], predicted: dict[str, str]) -> ConsolidationScore:
    missing = set(gold) - set(predicted)
    predicted = {**{m: f"unassigned:{m}" for m in missing}, **predicted}
    predicted = {m: predicted[m] for m in gold}
    return ConsolidationScore(
        name=name,
        mentions=len(gold),
        gold_clusters=len(set(gold.values())),
        predicted_clusters=len(set(predicted.values())),
        pairwise=pairwise(gold, predicted),
        bcubed=bcubed(gold, predicted),
    )


def _predicted(store: Store) -> dict[str, str]:
    return dict(store.execute("SELECT mention_id, event_id FROM event_sources").fetchall())


def _scratch_store(folder: str) -> Store:
    return Store(Path(folder) / "consolidation-eval.duckdb")


def evaluate_fixtures(path: Path = DEFAULT_FIXTURES, settings: Settings | None = None) -> ConsolidationScore:
    """Consolidate the fixture extractions in a scratch database and score against the gold labels."""
    from emberwatch.consolidate.fixtures import load_fixtures

    records = read_fixtures(path)
    gold = {
        mention_id(r.document.id, i, event): label
        for r in records
        for i, (event, label) in enumerate(zip(r.extraction.events, r.gold, strict=True))
    }
    with tempfile.TemporaryDirectory() as folder, _scratch_store(folder) as store:
        load_fixtures(store, records)
        consolidate(store, settings)
        return score(f"fixtures ({len(records)} reports)", gold, _predicted(store))


# --------------------------------------------------------------------------- end to end


class GoldReport(ExtractInput):
    """A line of ``reports.jsonl``: an ``emberwatch extract`` input plus its gold incidents."""

    source: str = "fixture"
    gold_incidents: list[str] = Field(default_factory=list)


def read_reports(path: Path) -> list[GoldReport]:
    if path.is_dir():
        path = path / "reports.jsonl"
    if not path.is_file():
        raise InputError(f"Consolidation reports not found at {path}; pass --fixtures FOLDER.")
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [GoldReport.model_validate_json(line) for line in lines]


def evaluate_end_to_end(path: Path = DEFAULT_FIXTURES, settings: Settings | None = None) -> ConsolidationScore:
    """Extract the raw fixture reports with the real extractor, consolidate, and score per document.

    Items are the reports about exactly one gold incident; a report's predicted incident is the
    incident of its most confident mention (a report with no mention is its own singleton).
    """
    from emberwatch.extract.pipeline import extract_document, load_resources
    from emberwatch.settings import get_settings

    settings = settings or get_settings()
    reports = read_reports(path)
    resources = load_resources(settings)
    docs = [
        Document(
            id=r.id,
            source=r.source,
            title=r.title,
            published=r.published,
            language=r.language or Language.en,
            text=r.text,
            content_hash=hashlib.sha256(r.text.encode("utf-8")).hexdigest(),
            ingested_at=datetime(2026, 1, 1),
        )
        for r in reports
    ]
    items = [(r.id, extract_document(r, resources)) for r in reports]
    with tempfile.TemporaryDirectory() as folder, _scratch_store(folder) as store:
        insert_documents(store, docs)
        save_extractions(store, items, "end-to-end")
        consolidate(store, settings)
        rows = store.execute(
            "SELECT m.document_id, s.event_id FROM event_mentions m JOIN event_sources s ON s.mention_id = m.id "
            "ORDER BY m.document_id, m.confidence DESC, m.idx"
        ).fetchall()
    first: dict[str, str] = {}
    for document_id, event_id in rows:
        first.setdefault(document_id, event_id)
    gold = {r.id: r.gold_incidents[0] for r in reports if len(r.gold_incidents) == 1}
    predicted = {doc: first.get(doc, f"none:{doc}") for doc in gold}
    return score(f"fixtures end to end ({len(gold)} single-incident reports)", gold, predicted)


# --------------------------------------------------------------------------- MUC-4 keys

MUC_TYPES = {
    "ATTACK": "attack",
    "BOMBING": "bombing",
    "ARSON": "arson",
    "MURDER": "assassination",
    "KIDNAPPING": "kidnapping",
    "ROBBERY": "robbery",
    "HIJACKING": "hijacking",
    "FORCED WORK STOPPAGE": "forced_work_stoppage",
}
_QUOTED = re.compile(r'"([^"]*)"')
_KIND = re.compile(r"\(([A-Z ]+)\)\s*$")


def _country_code(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return str(pycountry.countries.lookup(name.title()).alpha_2)
    except LookupError:
        return name[:2].upper()


def _fillers(values: list[str]) -> list[str]:
    return [q.strip() for line in values for q in _QUOTED.findall(line) if q.strip()]


def _place(slots: dict[int, list[str]]) -> tuple[str | None, str | None, int]:
    """(admin1, place name, location precision) from ``COUNTRY: DEPT (DEPARTMENT): TOWN (CITY)``."""
    value = " ".join(slots.get(3, [])).split("/")[0].strip().lstrip("?").strip()
    if value.startswith("(") and value.endswith(")"):
        value = value[1:-1]
    parts = [p.strip() for p in value.split(":") if p.strip()]
    admin1 = name = None
    precision = int(LocationPrecision.country)
    for part in parts[1:]:
        kind = _KIND.search(part)
        label = part[: kind.start()].strip() if kind else part
        if kind and kind.group(1) in {"DEPARTMENT", "PROVINCE", "STATE"}:
            admin1, name, precision = label, label, int(LocationPrecision.admin1)
        else:
            name, precision = label, int(LocationPrecision.exact)
    return admin1, name, precision


def _muc_event(template: object) -> tuple[ExtractedEvent, list[str]]:
    slots: dict[int, list[str]] = template.slots  # type: ignore[attr-defined]
    kind = " ".join(slots.get(4, ["ATTACK"])).split("/")[0].strip().lstrip("?").strip()
    dates: tuple[date, ...] = template.dates  # type: ignore[attr-defined]
    value = dates[0] if dates else None
    end = dates[-1] if len(dates) > 1 and dates[-1] > dates[0] else None
    admin1, name, precision = _place(slots)
    country = _country_code(template.country)  # type: ignore[attr-defined]
    orgs = [min(alt.split("/"), key=len).strip().strip('"') for alt in _fillers(slots.get(10, []))]
    perp = Perpetrator(actor_id=orgs[0].lower(), name=orgs[0], attribution=Attribution.attributed) if orgs else None
    event = ExtractedEvent(
        event_type=MUC_TYPES.get(kind, kind.lower().replace(" ", "_")),
        date=DateValue(value=value, precision=DatePrecision.day if value else None, end=end),
        place=PlaceRef(
            text=name or "",
            start=0,
            end=0,
            name=name,
            country_code=country,
            admin1=admin1,
            precision=LocationPrecision(precision),
        )
        if country
        else None,
        perpetrator=perp,
        killed=Count(best=template.deaths),  # type: ignore[attr-defined]
        confidence=1.0,
        evidence=Span(text="", start=0, end=0),
    )
    targets = _fillers(slots.get(12, [])) + _fillers(slots.get(18, []))
    targets += [d for d in _fillers(slots.get(19, [])) if len(d.split()) >= 3]
    return event, [t.upper() for t in targets]


def _with_roles(event: ExtractedEvent, slots: dict[int, list[str]]) -> ExtractedEvent:
    """The key's physical targets and human targets as the mention's targets and victims."""
    phys = [Span(text=t, start=0, end=0) for t in _fillers(slots.get(12, []))]
    hum = [Span(text=t, start=0, end=0) for t in _fillers(slots.get(18, [])) + _fillers(slots.get(19, []))]
    return event.model_copy(update={"targets": phys, "victims": hum})


def _same_incident(a: tuple[ExtractedEvent, list[str], str], b: tuple[ExtractedEvent, list[str], str]) -> bool:
    (ea, ta, da), (eb, tb, db) = a, b
    if da == db or not set(ta) & set(tb):
        return False
    if not (ea.date.value and eb.date.value):
        return False
    a_end, b_end = ea.date.end or ea.date.value, eb.date.end or eb.date.value
    if a_end < eb.date.value or b_end < ea.date.value:
        return False
    pa, pb = ea.place, eb.place
    if pa is None or pb is None or pa.country_code != pb.country_code:
        return False
    na, nb = (pa.name or "").upper(), (pb.name or "").upper()
    return not na or not nb or na in nb or nb in na


def muc4_gold(
    keys: dict[str, list[object]],
) -> tuple[list[tuple[str, DocumentExtraction]], dict[str, str]]:
    """Extractions (one per message, one event per template) and gold labels per mention id."""
    items: list[tuple[str, DocumentExtraction]] = []
    mentions: list[tuple[str, tuple[ExtractedEvent, list[str], str]]] = []
    for docid in sorted(keys):
        events = [_muc_event(t) for t in keys[docid]]
        events = [(_with_roles(e, t.slots), targets) for (e, targets), t in zip(events, keys[docid], strict=True)]  # type: ignore[attr-defined]
        extraction = DocumentExtraction(id=docid, language=Language.en, events=[e for e, _ in events])
        items.append((docid, extraction))
        for i, (event, targets) in enumerate(events):
            mentions.append((mention_id(docid, i, event), (event, targets, docid)))
    parent = {m: m for m, _ in mentions}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    by_date: dict[int, list[int]] = defaultdict(list)
    for i, (_, (event, _, _)) in enumerate(mentions):
        if event.date.value:
            by_date[event.date.value.toordinal() // 31].append(i)
    for bucket in by_date.values():
        for i, j in itertools.combinations(bucket, 2):
            if _same_incident(mentions[i][1], mentions[j][1]):
                parent[find(mentions[i][0])] = find(mentions[j][0])
    return items, {m: find(m) for m, _ in mentions}


def evaluate_muc4_keys(muc4_dir: Path | None = None, settings: Settings | None = None) -> ConsolidationScore:
    """Consolidate the MUC-4 DEV key templates as mentions and score against target-confirmed incidents."""
    from emberwatch.evaluate.muc4_data import default_muc4_dir
    from emberwatch.evaluate.muc4_keys import load_datelines, load_keys

    folder_in = muc4_dir or default_muc4_dir()
    keys = load_keys(folder_in, "train")
    datelines = load_datelines(folder_in, "train")
    items, gold = muc4_gold(keys)  # type: ignore[arg-type]
    with tempfile.TemporaryDirectory() as folder, _scratch_store(folder) as store:
        docs = [
            Document(
                id=docid,
                source="muc4-dev-keys",
                published=datelines.get(docid),
                language=Language.en,
                text=docid,
                content_hash=f"muc4:{docid}",
                ingested_at=datetime(2026, 1, 1),
            )
            for docid, _ in items
        ]
        insert_documents(store, docs)
        save_extractions(store, items, "muc4-keys")
        consolidate(store, settings)
        return score(f"MUC-4 DEV keys ({len(items)} messages)", gold, _predicted(store))


def summarise(scores: Iterable[ConsolidationScore]) -> str:
    """A Markdown table of scores (for docs/evaluation.md)."""
    lines = [
        "| data | mentions | gold incidents | predicted | pairwise P | R | F1 | B³ P | R | F1 |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for s in scores:
        p, b = s.pairwise, s.bcubed
        lines.append(
            f"| {s.name} | {s.mentions} | {s.gold_clusters} | {s.predicted_clusters} | {p.precision:.3f} | "
            f"{p.recall:.3f} | {p.f1:.3f} | {b.precision:.3f} | {b.recall:.3f} | {b.f1:.3f} |"
        )
    return "\n".join(lines)
