"""The two prediction stages chained: token tagger -> candidate spans -> span classifier -> mentions."""

from __future__ import annotations

import numpy as np

from emberwatch.extract.roles.decode import Mention, select_spans
from emberwatch.extract.roles.features import context_codes
from emberwatch.extract.roles.lexicon import Lexicon
from emberwatch.extract.roles.model import RoleModel
from emberwatch.extract.roles.spans import candidates
from emberwatch.extract.roles.tokens import Tokens


def predict_mentions(
    model: RoleModel, lexicon: Lexicon, phrases: dict[str, int], tokens: Tokens, triggers: np.ndarray
) -> list[Mention]:
    """Role mentions of a tokenised text (``triggers`` marks event-trigger tokens).

    Stage 1 gives each token role probabilities; stage 2 scores candidate spans around probable tokens
    and keeps the best non-overlapping ones.
    """
    codes = lexicon.codes(tokens)
    looked_up = model.space.lookup(tokens.lower)
    context = context_codes(tokens, codes, triggers)
    probs = model.probabilities(model.space.encode(tokens, codes, triggers, looked_up, context))
    spans = candidates(tokens, probs)
    columns = model.span_encoder.encode(tokens, looked_up[:, 0], probs, codes, context, spans, phrases)
    return select_spans(tokens, spans, model.span_probabilities(columns), model.thresholds)
