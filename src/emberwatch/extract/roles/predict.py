"""The two prediction stages chained: token tagger -> candidate spans -> span classifier -> mentions."""

from __future__ import annotations

import numpy as np

from emberwatch.extract.roles.decode import Mention, select_spans
from emberwatch.extract.roles.features import context_codes
from emberwatch.extract.roles.lexicon import Lexicon
from emberwatch.extract.roles.model import RoleModel
from emberwatch.extract.roles.spans import candidates
from emberwatch.extract.roles.tokens import Tokens


def token_probabilities(
    model: RoleModel, tokens: Tokens, codes: np.ndarray, triggers: np.ndarray
) -> np.ndarray:
    """Stage 1: label probabilities of every token."""
    return model.probabilities(model.space.encode(tokens, codes, triggers))


def span_mentions(
    model: RoleModel,
    tokens: Tokens,
    probs: np.ndarray,
    codes: np.ndarray,
    triggers: np.ndarray,
    phrases: dict[str, int],
) -> list[Mention]:
    """Stage 2: score candidate spans around probable tokens and keep the best non-overlapping ones."""
    spans = candidates(tokens, probs)
    context = context_codes(tokens, codes, triggers)
    columns = model.span_encoder.encode(tokens, probs, codes, context, spans, phrases)
    return select_spans(tokens, spans, model.span_probabilities(columns), model.thresholds)


def predict_mentions(
    model: RoleModel, lexicon: Lexicon, phrases: dict[str, int], tokens: Tokens, triggers: np.ndarray
) -> list[Mention]:
    """Role mentions of a tokenised text (``triggers`` marks event-trigger tokens)."""
    codes = lexicon.codes(tokens)
    probs = token_probabilities(model, tokens, codes, triggers)
    return span_mentions(model, tokens, probs, codes, triggers, phrases)
