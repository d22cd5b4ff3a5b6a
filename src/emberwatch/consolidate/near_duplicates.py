"""Near-duplicate documents (wire copies, republished reports) with MinHash LSH.

Text is normalised (Arabic folded, lower-cased, punctuation dropped, digits in ASCII) and cut into
word 5-shingles; documents whose estimated Jaccard similarity reaches ``threshold`` are linked and
the linked groups become clusters. The canonical copy of a cluster is its earliest document
(published date, then ingestion time, then id); the others get ``documents.near_duplicate_of`` set to
it. Signatures are stored, so a re-run only hashes new or changed documents (and skips clustering
when there are none and no canonical copy was deleted); re-running on the same documents changes
nothing.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd
from datasketch import MinHash, MinHashLSH

from emberwatch.store import Store
from emberwatch.store.incidents import (
    document_order,
    document_texts,
    load_minhashes,
    near_duplicate_state,
    save_minhashes,
    set_near_duplicates,
)
from emberwatch.text.arabic import fold

log = logging.getLogger(__name__)

SHINGLE_WORDS = 5
SCHEME = "affine64"  # datasketch permutation scheme; signatures are stored as uint64
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class NearDuplicateSettings:
    threshold: float = 0.6
    num_perm: int = 128
    shingle_words: int = SHINGLE_WORDS


@dataclass(frozen=True)
class NearDuplicateReport:
    documents: int
    hashed: int
    clusters: int
    duplicates: int
    changed: int


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Word ``size``-shingles of the normalised text (the whole text when it is shorter)."""
    words = _WORD.findall(fold(text).lower())
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> Any:
    """The permutation parameters, computed once (they dominate the cost of a new MinHash)."""
    return MinHash(num_perm=num_perm, seed=1, scheme=SCHEME).permutations


def _minhash(num_perm: int, hashvalues: np.ndarray | None = None) -> MinHash:
    return MinHash(
        num_perm=num_perm, seed=1, scheme=SCHEME, permutations=_permutations(num_perm), hashvalues=hashvalues
    )


def signature(text: str, settings: NearDuplicateSettings) -> np.ndarray:
    mh = _minhash(settings.num_perm)
    mh.update_batch([s.encode("utf-8") for s in shingles(text, settings.shingle_words)])
    return np.asarray(mh.hashvalues, dtype=np.uint64)


def _canonical_order(order: pd.DataFrame) -> dict[str, tuple[object, ...]]:
    keys: dict[str, tuple[object, ...]] = {}
    for row in order.itertuples(index=False):
        published = row.published if pd.notna(row.published) else pd.Timestamp.max
        ingested = row.ingested_at if pd.notna(row.ingested_at) else pd.Timestamp.max
        keys[str(row.id)] = (pd.Timestamp(published), pd.Timestamp(ingested), str(row.id))
    return keys


def cluster_signatures(signatures: dict[str, np.ndarray], settings: NearDuplicateSettings) -> list[list[str]]:
    """Groups (size >= 2) of documents whose signatures are at least ``threshold`` similar."""
    lsh = MinHashLSH(threshold=settings.threshold, num_perm=settings.num_perm)
    hashes: dict[str, MinHash] = {}
    for doc_id in sorted(signatures):
        mh = _minhash(settings.num_perm, signatures[doc_id])
        hashes[doc_id] = mh
        lsh.insert(doc_id, mh)
    parent = {d: d for d in hashes}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for doc_id, mh in hashes.items():
        for other in lsh.query(mh):
            if other != doc_id and mh.jaccard(hashes[other]) >= settings.threshold:
                a, b = find(doc_id), find(other)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    groups: dict[str, list[str]] = {}
    for doc_id in hashes:
        groups.setdefault(find(doc_id), []).append(doc_id)
    return [sorted(g) for g in groups.values() if len(g) > 1]


def mark_near_duplicates(
    store: Store,
    settings: NearDuplicateSettings | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> NearDuplicateReport:
    """Hash new documents, cluster all of them and set ``documents.near_duplicate_of``."""
    settings = settings or NearDuplicateSettings()
    fresh = document_texts(store, exclude_hashed=True)
    computed: list[tuple[str, str, np.ndarray]] = []
    for i, row in enumerate(fresh.itertuples(index=False), start=1):
        computed.append((str(row.id), str(row.content_hash), signature(str(row.text), settings)))
        if progress and i % 500 == 0:
            progress(i, len(fresh))
    clusters, copies, dangling = near_duplicate_state(store)
    if not computed and not dangling:
        log.info("near-duplicates: no new documents; %d clusters, %d copies", clusters, copies)
        return NearDuplicateReport(
            documents=store.count("documents"), hashed=0, clusters=clusters, duplicates=copies, changed=0
        )
    with store.transaction() as tx:
        save_minhashes(store, computed, settings.num_perm, tx)
    signatures = load_minhashes(store, settings.num_perm)
    groups = cluster_signatures(signatures, settings)
    order = document_order(store)
    rank = _canonical_order(order)
    canonical: dict[str, str | None] = {str(d): None for d in order["id"]}
    for group in groups:
        head = min(group, key=lambda d: rank[d])
        for doc_id in group:
            canonical[doc_id] = None if doc_id == head else head
    with store.transaction() as tx:
        changed = set_near_duplicates(store, canonical, tx)
    duplicates = sum(1 for v in canonical.values() if v is not None)
    log.info("near-duplicates: %d clusters, %d copies, %d changed", len(groups), duplicates, changed)
    return NearDuplicateReport(
        documents=len(order),
        hashed=len(computed),
        clusters=len(groups),
        duplicates=duplicates,
        changed=changed,
    )
