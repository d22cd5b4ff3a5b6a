"""The ``actors`` table: codebook actors copied into the store so queries can expand affiliates."""

from __future__ import annotations

import pandas as pd

from emberwatch.codebook.schema import Codebook
from emberwatch.store.database import Store

ACTOR_COLUMNS = ["id", "name", "name_ar", "kind", "parent_id", "aliases"]


def actors_frame(codebook: Codebook) -> pd.DataFrame:
    rows = [
        {
            "id": a.id, "name": a.name, "name_ar": a.name_ar, "kind": a.kind.value, "parent_id": a.parent,
            "aliases": [*a.aliases.en, *a.aliases.ar, *a.abbreviations],
        }
        for a in codebook.actors
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=ACTOR_COLUMNS)


def sync_actors(store: Store, codebook: Codebook) -> int:
    """Replace the ``actors`` table with the codebook's actors (one transaction); returns the count."""
    frame = actors_frame(codebook)
    with store.transaction() as tx:
        tx.execute("DELETE FROM actors")
        store.insert_df("actors", frame, conn=tx)
    return len(frame)


def actor_descendants(store: Store, actor_ids: list[str]) -> list[str]:
    """The given actors and every affiliate below them (recursive over ``parent_id``)."""
    if not actor_ids:
        return []
    rows = store.execute(
        """
        WITH RECURSIVE tree(id) AS (
            SELECT id FROM actors WHERE list_contains(?, id)
            UNION
            SELECT a.id FROM actors a JOIN tree t ON a.parent_id = t.id
        )
        SELECT id FROM tree ORDER BY id
        """,
        [actor_ids],
    ).fetchall()
    found = [r[0] for r in rows]
    return sorted(set(found) | set(actor_ids))
