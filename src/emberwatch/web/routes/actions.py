"""Analyst actions on events (verify, reject, edit, merge, split), behind the bearer token.

Every action is recorded in the audit trail by :mod:`emberwatch.review.actions`; machine values are
never overwritten. The response carries the changed event(s) with their new history.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from emberwatch.review import actions as review
from emberwatch.web.deps import SettingsDep, StoreDep
from emberwatch.web.detail import load_event_detail
from emberwatch.web.schemas import ActionResult, EditIn, MergeIn, RejectIn, SplitIn, VerifyIn
from emberwatch.web.security import require_token

router = APIRouter(prefix="/api/events", tags=["analyst actions"])

Author = Annotated[str, Depends(require_token)]

AUTH_RESPONSES: dict[int | str, dict[str, str]] = {
    401: {"description": "No bearer token sent."},
    403: {"description": "Wrong token, or the server has no token (actions disabled)."},
}


def _result(store: StoreDep, *event_ids: str) -> ActionResult:
    return ActionResult(event_ids=list(event_ids), detail=load_event_detail(store, event_ids[0]))


@router.post("/{event_id}/verify", response_model=ActionResult, responses=AUTH_RESPONSES)
def verify(store: StoreDep, author: Author, event_id: str, body: VerifyIn | None = None) -> ActionResult:
    """Mark the event as checked (also undoes a rejection)."""
    review.verify(store, event_id, author, body.reason if body else None)
    return _result(store, event_id)


@router.post("/{event_id}/reject", response_model=ActionResult, responses=AUTH_RESPONSES)
def reject(store: StoreDep, author: Author, event_id: str, body: RejectIn) -> ActionResult:
    """Mark the event as not a real incident (hidden from listings, never deleted); a reason is required."""
    review.reject(store, event_id, author, body.reason)
    return _result(store, event_id)


@router.post("/{event_id}/edit", response_model=ActionResult, responses=AUTH_RESPONSES)
def edit(store: StoreDep, settings: SettingsDep, author: Author, event_id: str, body: EditIn) -> ActionResult:
    """Override one field; the machine value is kept and shown in the history."""
    review.edit(store, event_id, body.field, body.value, author, body.reason, settings)
    return _result(store, event_id)


@router.post("/{event_id}/merge", response_model=ActionResult, responses=AUTH_RESPONSES)
def merge(store: StoreDep, settings: SettingsDep, author: Author, event_id: str, body: MergeIn) -> ActionResult:
    """Merge other events into this incident; the oldest event's id is kept and returned first."""
    kept = review.merge(store, [event_id, *body.other_ids], author, body.reason, settings)
    return _result(store, kept)


@router.post("/{event_id}/split", response_model=ActionResult, responses=AUTH_RESPONSES)
def split(store: StoreDep, settings: SettingsDep, author: Author, event_id: str, body: SplitIn) -> ActionResult:
    """Move some of the event's mentions into a new event; returns the new event first."""
    new_id = review.split(store, event_id, body.mention_ids, author, body.reason, settings)
    return ActionResult(event_ids=[new_id, event_id], detail=load_event_detail(store, new_id))
