"""The GRIT role-filler scorer (Du et al. 2021) for document-level extraction.

Per role and document: predicted strings are normalised (case, whitespace) and de-duplicated; a gold
entity is found when any predicted string equals one of its mentions (each gold entity counts once);
a prediction is correct when it equals a mention of some gold entity. Precision = correct predictions /
predictions, recall = found gold entities / gold entities; the micro average pools the five roles.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field


def normalise(text: str) -> str:
    return " ".join(text.lower().split())


@dataclass
class RoleScore:
    """Counts for one role (or the micro average) and the derived P/R/F1 in percent."""

    correct: int = 0
    predicted: int = 0
    found: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return 100.0 * self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return 100.0 * self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: RoleScore) -> None:
        self.correct += other.correct
        self.predicted += other.predicted
        self.found += other.found
        self.gold += other.gold


def score_role(predicted: Iterable[str], gold: Sequence[Sequence[str]]) -> RoleScore:
    """Score one role of one document: ``gold`` is a list of entities, each a list of mentions."""
    preds = {normalise(p) for p in predicted if normalise(p)}
    gold_sets = [{normalise(m) for m in entity} for entity in gold]
    all_gold = set().union(*gold_sets) if gold_sets else set()
    return RoleScore(
        correct=len(preds & all_gold),
        predicted=len(preds),
        found=sum(1 for mentions in gold_sets if mentions & preds),
        gold=len(gold_sets),
    )


@dataclass
class GritScore:
    """Per-role scores and their micro average."""

    roles: dict[str, RoleScore] = field(default_factory=dict)

    @property
    def micro(self) -> RoleScore:
        total = RoleScore()
        for score in self.roles.values():
            total.add(score)
        return total

    def add_document(
        self, predicted: Mapping[str, Iterable[str]], gold: Mapping[str, Sequence[Sequence[str]]]
    ) -> None:
        for role in gold:
            self.roles.setdefault(role, RoleScore()).add(score_role(predicted.get(role, ()), gold[role]))
