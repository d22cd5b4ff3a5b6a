"""The trained role tagger: feature space, weight table, decision thresholds and learned lexicon.

The model tags every token with one of ``LABELS`` (``O`` or a role); runs of tokens with the same role
become candidate fillers. It is a multinomial logistic regression stored as a weight table (see
``features.py``), saved with joblib next to this module (``model/roles.pkl``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import joblib
import numpy as np

from emberwatch.errors import ConfigError
from emberwatch.extract.roles.features import FeatureSpace
from emberwatch.extract.roles.lexicon import Lexicon

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
DEFAULT_THRESHOLDS = {"PerpInd": 0.4, "PerpOrg": 0.4, "Target": 0.3, "Victim": 0.5, "Weapon": 0.4}
DEFAULT_EXTEND = {"PerpInd": 0.2, "PerpOrg": 0.2, "Target": 1.0, "Victim": 0.2, "Weapon": 1.0}
FORMAT_VERSION = 1


@dataclass
class RoleModel:
    """Weights ``(n_features, n_labels)`` and per-role probability thresholds."""

    space: FeatureSpace
    weights: np.ndarray
    bias: np.ndarray
    lexicon: Lexicon
    # A run of tokens starts where a role's probability passes ``thresholds`` and grows over
    # neighbours whose probability of that role passes ``extend`` (tuned by 3-fold CV on MUC-4 train).
    thresholds: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_THRESHOLDS))
    extend: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_EXTEND))
    trained_on: str = ""
    format_version: int = FORMAT_VERSION

    def probabilities(self, columns: np.ndarray) -> np.ndarray:
        """Softmax label probabilities, shape ``(n_tokens, len(LABELS))``."""
        if not len(columns):
            return np.zeros((0, len(LABELS)), dtype=np.float32)
        scores = self.weights[columns].sum(axis=1) + self.bias
        scores -= scores.max(axis=1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=1, keepdims=True)
        return scores

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        joblib.dump(self, path, compress=3)


def default_model_path() -> Path:
    return Path(str(resources.files("emberwatch.extract.roles").joinpath("model", MODEL_FILE)))


def load_model(path: Path | None = None) -> RoleModel:
    """Load the committed model (or ``path``); raise ConfigError naming the file when unusable."""
    path = path or default_model_path()
    if not path.is_file():
        raise ConfigError(
            f"role-filler model not found at {path}; retrain it with `emberwatch train roles`"
        )
    model = joblib.load(path)
    if not isinstance(model, RoleModel) or model.format_version != FORMAT_VERSION:
        raise ConfigError(
            f"role-filler model {path} has an old or unknown format; retrain it with `emberwatch train roles`"
        )
    return model
