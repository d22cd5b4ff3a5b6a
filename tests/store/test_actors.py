"""Codebook actors in the store: sync and affiliate expansion."""

from __future__ import annotations

from emberwatch.codebook import load_codebook
from emberwatch.store import Store
from emberwatch.store.actors import actor_descendants, sync_actors


def test_actors_sync_replaces_the_table(store: Store) -> None:
    codebook = load_codebook()
    assert sync_actors(store, codebook) == len(codebook.actors)
    assert sync_actors(store, codebook) == len(codebook.actors)
    assert store.count("actors") == len(codebook.actors)
    row = store.execute("SELECT name, kind, parent_id FROM actors WHERE id = 'iswap'").fetchone()
    assert row == ("Islamic State West Africa Province", "jihadist_group", "isis")


def test_actors_descendants_include_provinces(store: Store) -> None:
    sync_actors(store, load_codebook())
    found = actor_descendants(store, ["isis"])
    assert {"isis", "iswap", "iskp", "isis-sahel", "isis-syria"} <= set(found)
    assert "al-shabaab" not in found
    assert actor_descendants(store, ["sdf"]) == ["asayish", "sdf", "ypg"]
    assert actor_descendants(store, []) == []
