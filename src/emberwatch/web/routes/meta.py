"""Health, actors and codebook endpoints."""

from __future__ import annotations

from fastapi import APIRouter

from emberwatch.codebook import load_codebook
from emberwatch.store.queries import perpetrator_counts
from emberwatch.web.deps import SettingsDep, StoreDep
from emberwatch.web.schemas import ActorOut, EventTypeOut, HealthOut, MechanismOut

router = APIRouter()


@router.get("/healthz", response_model=HealthOut, tags=["meta"])
def healthz(store: StoreDep, settings: SettingsDep) -> HealthOut:
    """Liveness plus what the server holds (counts, migrations, whether analyst actions are enabled)."""
    return HealthOut(
        status="ok",
        database=str(store.path),
        events=store.count("events"),
        documents=store.count("documents"),
        migrations=store.applied_migrations(),
        actions_enabled=bool(settings.api_token),
    )


@router.get("/api/actors", response_model=list[ActorOut], tags=["codebook"])
def actors(store: StoreDep, settings: SettingsDep) -> list[ActorOut]:
    """Codebook actors with their affiliates and the number of (non-rejected) events they perpetrated."""
    codebook = load_codebook(settings.codebook)
    counts = perpetrator_counts(store)
    by_actor = dict(zip(counts["perpetrator_id"], counts["events"], strict=True))
    children: dict[str, list[str]] = {}
    for actor in codebook.actors:
        if actor.parent:
            children.setdefault(actor.parent, []).append(actor.id)
    return [
        ActorOut(
            id=a.id,
            name=a.name,
            name_ar=a.name_ar,
            kind=a.kind.value,
            parent=a.parent,
            affiliates=children.get(a.id, []),
            events=int(by_actor.get(a.id, 0)),
        )
        for a in codebook.actors
    ]


@router.get("/api/codebook/event-types", response_model=list[EventTypeOut], tags=["codebook"])
def event_types(settings: SettingsDep) -> list[EventTypeOut]:
    """Event types with their GTD/ACLED mappings."""
    return [
        EventTypeOut(
            id=t.id,
            name=t.name,
            description=t.description,
            gtd_attack_type=t.gtd_attack_type,
            acled_event_type=t.acled_event_type,
            acled_sub_event_type=t.acled_sub_event_type,
            insurgent_tactic=t.insurgent_tactic,
            sub_types=[s.id for s in t.sub_types],
        )
        for t in load_codebook(settings.codebook).event_types
    ]


@router.get("/api/codebook/mechanisms", response_model=list[MechanismOut], tags=["codebook"])
def mechanisms(settings: SettingsDep) -> list[MechanismOut]:
    """The adaptation mechanisms coded on events."""
    return [
        MechanismOut(code=m.code, name=m.name, description=m.description)
        for m in load_codebook(settings.codebook).mechanisms
    ]
