"""The trained role filler: token tagger, span classifier, decision thresholds and learned lexicon.

Stage 1 gives every token a probability for each of ``LABELS`` (``O`` or a role); stage 2 scores
candidate spans around probable tokens (``spans.py``). Both are multinomial logistic regressions
stored as weight tables (prediction is a gather and a sum), saved with joblib next to this module
(``model/roles.pkl``).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import joblib
import numpy as np

from emberwatch.errors import ConfigError
from emberwatch.extract.roles.features import FeatureSpace
from emberwatch.extract.roles.lexicon import Lexicon
from emberwatch.extract.roles.spans import SpanEncoder

# Role names as used by MUC-4/GRIT, in label order (label 0 is "no role").
ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
LABELS = ("O", *ROLES)
# RoleFillers field for each role.
ROLE_FIELDS = {
    "PerpInd": "perpetrator_individuals",
    "PerpOrg": "perpetrator_organizations",
    "Target": "targets",
    "Victim": "victims",
    "Weapon": "weapons",
}
MODEL_FILE = "roles.pkl"
# Span probability a role needs to be kept, per role, from the pooled 3-fold cross-validation predictions
# on MUC-4 train: lowering PerpInd and Weapon gains 0.8 micro F1 (38.5 -> 39.3); the other roles'
# best values moved F1 by less than 0.5 and keep 0.15.
DEFAULT_THRESHOLDS = {"PerpInd": 0.1, "PerpOrg": 0.15, "Target": 0.15, "Victim": 0.15, "Weapon": 0.08}
FORMAT_VERSION = 2


@dataclass
class RoleModel:
    """Token weights ``(n_features, n_labels)``, span weights ``(n_buckets, n_labels)``, thresholds."""

    space: FeatureSpace
    weights: np.ndarray
    bias: np.ndarray
    span_encoder: SpanEncoder
    span_weights: np.ndarray
    span_bias: np.ndarray
    lexicon: Lexicon
    thresholds: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_THRESHOLDS))
    trained_on: str = ""
    format_version: int = FORMAT_VERSION

    def probabilities(self, columns: np.ndarray) -> np.ndarray:
        """Token label probabilities, shape ``(n_tokens, len(LABELS))``."""
        return softmax_scores(self.weights, self.bias, columns)

    def span_probabilities(self, columns: np.ndarray) -> np.ndarray:
        """Span label probabilities, shape ``(n_spans, len(LABELS))``."""
        return softmax_scores(self.span_weights, self.span_bias, columns)

    def save(self, path: Path) -> None:
        """Write the model with float16 weight tables (half the file size)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        stored = dataclasses.replace(
            self, weights=self.weights.astype(np.float16), span_weights=self.span_weights.astype(np.float16)
        )
        joblib.dump(stored, path, compress=3)


def softmax_scores(weights: np.ndarray, bias: np.ndarray, columns: np.ndarray) -> np.ndarray:
    """Softmax over ``sum(weights[columns]) + bias`` per row of column indices."""
    if not len(columns):
        return np.zeros((0, len(LABELS)), dtype=np.float32)
    # slot by slot (cheaper than one 3-d gather and a sum); float16 tables add into float32 scores
    scores = weights[columns[:, 0]] + bias
    for slot in range(1, columns.shape[1]):
        scores += weights[columns[:, slot]]
    scores -= scores.max(axis=1, keepdims=True)
    np.exp(scores, out=scores)
    scores /= scores.sum(axis=1, keepdims=True)
    return scores


def default_model_path() -> Path:
    return Path(str(resources.files("emberwatch.extract.roles").joinpath("model", MODEL_FILE)))


def load_model(path: Path | None = None) -> RoleModel:
    """Load the committed model (or ``path``); raise ConfigError naming the file when unusable."""
    path = path or default_model_path()
    if not path.is_file():
        raise ConfigError(f"role-filler model not found at {path}; retrain it with `emberwatch train roles`")
    model = joblib.load(path)
    if not isinstance(model, RoleModel) or model.format_version != FORMAT_VERSION:
        raise ConfigError(
            f"role-filler model {path} has an old or unknown format; retrain it with `emberwatch train roles`"
        )
    # float16 on disk, float32 in memory: gathering and summing float32 rows is about 30% faster
    model.weights = model.weights.astype(np.float32)
    model.span_weights = model.span_weights.astype(np.float32)
    return model
