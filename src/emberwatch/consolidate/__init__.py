"""Consolidation: near-duplicate documents and multi-source incidents (see docs/consolidation.md).

``consolidate(store)`` turns the extracted mentions into incidents; ``mark_near_duplicates(store)``
flags wire copies. Both are idempotent.
"""

from emberwatch.consolidate.clustering import ClusterSettings, Constraints, cluster_mentions
from emberwatch.consolidate.near_duplicates import (
    NearDuplicateReport,
    NearDuplicateSettings,
    mark_near_duplicates,
)
from emberwatch.consolidate.pipeline import ConsolidationReport, consolidate

__all__ = [
    "ClusterSettings",
    "ConsolidationReport",
    "Constraints",
    "NearDuplicateReport",
    "NearDuplicateSettings",
    "cluster_mentions",
    "consolidate",
    "mark_near_duplicates",
]
