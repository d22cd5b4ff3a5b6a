"""Apply analyst reviews to the machine's values (used on every consolidation and review action).

Rules: edits are replayed in the order they were made (the latest edit of a field wins, even over
later machine values); the review status is set by the latest verify / reject / edit action.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from emberwatch.consolidate.records import EventRecord
from emberwatch.models import ReviewStatus
from emberwatch.store.reviews import ReviewRow

STATUS_OF_ACTION = {
    "verify": ReviewStatus.verified,
    "reject": ReviewStatus.rejected,
    "edit": ReviewStatus.edited,
}


def overrides_of(reviews: Iterable[ReviewRow]) -> dict[str, Any]:
    """Field -> value of the edits in force (latest edit of each field)."""
    values: dict[str, Any] = {}
    for review in reviews:
        if review.action == "edit" and review.field:
            values[review.field] = review.new_value
    return values


def effective_record(machine: EventRecord, reviews: list[ReviewRow]) -> EventRecord:
    """The event as analysts see it: machine values, then edits, status and timestamps."""
    status = ReviewStatus.unreviewed
    for review in reviews:
        status = STATUS_OF_ACTION.get(review.action, status)
    update: dict[str, Any] = dict(overrides_of(reviews))
    update["review_status"] = status
    if reviews:
        last = max(r.created_at for r in reviews)
        if machine.updated_at is None or last > machine.updated_at:
            update["updated_at"] = last
    data = machine.model_dump()
    data.update(update)
    return EventRecord.model_validate(data)
