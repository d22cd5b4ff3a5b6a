"""``Workspace.review``: the review actions bound to one store and settings."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import pandas as pd

from emberwatch.consolidate.records import EventDetail, EventRecord
from emberwatch.review import actions, detail
from emberwatch.settings import Settings
from emberwatch.store import Store


class Reviewer:
    """Analyst actions on one workspace; each records who, when and why in ``reviews``."""

    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.settings = settings

    def verify(self, event_id: str, author: str, reason: str | None = None) -> EventRecord:
        return actions.verify(self.store, event_id, author, reason)

    def reject(self, event_id: str, author: str, reason: str) -> EventRecord:
        return actions.reject(self.store, event_id, author, reason)

    def edit(self, event_id: str, field: str, value: Any, author: str, reason: str) -> EventRecord:
        return actions.edit(self.store, event_id, field, value, author, reason, self.settings)

    def merge(self, event_ids: Sequence[str], author: str, reason: str) -> str:
        return actions.merge(self.store, event_ids, author, reason, self.settings)

    def split(self, event_id: str, mention_ids: Sequence[str], author: str, reason: str) -> str:
        return actions.split(self.store, event_id, mention_ids, author, reason, self.settings)

    def history(self, event_id: str) -> pd.DataFrame:
        return detail.history(self.store, event_id)

    def as_of(self, event_id: str, when: datetime) -> EventRecord:
        return detail.event_as_of(self.store, event_id, when)

    def detail(self, event_id: str) -> EventDetail:
        return detail.event_detail(self.store, event_id)
