"""Train the role filler on MUC-4 (``processed_grit_ree/train.json``).

Stage 1 (token tagger) labels: every occurrence in the text of every gold mention string becomes that
role (longer mentions first); everything else is ``O``. Stage 2 (span classifier) is trained on
candidate spans whose token probabilities come from taggers trained on the other folds (so they look
like probabilities on unseen text); a span is a role when it spells a gold mention of that role.

The learned lexicon (gold mention strings per role) is a feature too;
while training, a document only sees lexicon phrases that some *other* document contributed, so the
weight learned for lexicon membership is honest about unseen text.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression

from emberwatch.evaluate.grit import GritScore
from emberwatch.evaluate.muc4_data import GoldDocument, load_grit
from emberwatch.extract.roles.decode import assign
from emberwatch.extract.roles.features import FeatureSpace, context_codes
from emberwatch.extract.roles.lexicon import Lexicon, builtin_lexicon, normalise_phrase
from emberwatch.extract.roles.model import (
    LABELS,
    ROLE_FIELDS,
    ROLES,
    RoleModel,
    default_model_path,
    softmax_scores,
)
from emberwatch.extract.roles.predict import predict_mentions
from emberwatch.extract.roles.spans import SpanEncoder, candidates, phrase_bits
from emberwatch.extract.roles.tokens import Tokens, tokenize
from emberwatch.extract.types import EventAnchor
from emberwatch.models import Language

log = logging.getLogger(__name__)

ROLE_CATEGORY = dict(zip(ROLES, ("perpetrator", "organization", "target", "victim", "weapon"), strict=True))


@dataclass(frozen=True, slots=True)
class Example:
    """One training document: tokens, token labels and the lexicon codes it may see."""

    doc: GoldDocument
    tokens: Tokens
    labels: np.ndarray
    lex_codes: np.ndarray


def token_labels(doc: GoldDocument, tokens: Tokens) -> np.ndarray:
    """Role label per token (index into ``LABELS``) from every occurrence of every gold mention."""
    labels = np.zeros(len(tokens), dtype=np.int64)
    items = [
        (mention, LABELS.index(role))
        for role, ents in doc.roles.items()
        for entity in ents
        for mention in entity.mentions
    ]
    text = doc.text.lower()
    for mention, label in sorted(items, key=lambda item: -len(item[0])):
        for match in re.finditer(rf"(?<!\w){re.escape(mention.lower())}(?!\w)", text):
            first = int(np.searchsorted(tokens.starts, match.start()))
            last = int(np.searchsorted(tokens.ends, match.end()))
            if first <= last < len(tokens) and not labels[first : last + 1].any():
                labels[first : last + 1] = label
    return labels


def gold_lexicon(docs: list[GoldDocument]) -> tuple[Lexicon, dict[str, set[str]]]:
    """Gold mention strings per lexicon category, and for each phrase the documents it came from."""
    lexicon = Lexicon()
    sources: dict[str, set[str]] = defaultdict(set)
    for doc in docs:
        for role, ents in doc.roles.items():
            phrases = [m for entity in ents for m in entity.mentions]
            lexicon.add(ROLE_CATEGORY[role], phrases)
            for phrase in phrases:
                sources[normalise_phrase(phrase)].add(doc.docid)
    return lexicon, sources


def build_examples(docs: list[GoldDocument], lexicon: Lexicon, sources: dict[str, set[str]]) -> list[Example]:
    """Tokenise and label documents; lexicon codes leave out phrases only this document contributed."""
    examples = []
    for doc in docs:
        tokens = tokenize(doc.text)
        own = {p for p, s in sources.items() if s == {doc.docid}}
        if own:
            reduced = Lexicon({c: items - own for c, items in lexicon.phrases.items()})
            codes = reduced.codes(tokens)
        else:
            codes = lexicon.codes(tokens)
        examples.append(Example(doc, tokens, token_labels(doc, tokens), codes))
    return examples


def fit_tagger(examples: list[Example], c: float = 0.3, max_iter: int = 300) -> TokenTagger:
    """Fit the token tagger (stage 1) on prepared examples."""
    space = FeatureSpace.build(e.tokens.lower for e in examples)
    blocks = [space.encode(e.tokens, e.lex_codes, np.zeros(len(e.tokens), dtype=bool)) for e in examples]
    weights, bias = _fit_table(np.concatenate(blocks), np.concatenate([e.labels for e in examples]),
                               space.size, c, max_iter)  # fmt: skip
    return TokenTagger(space, weights, bias)


def _fit_table(
    columns: np.ndarray, y: np.ndarray, n_features: int, c: float, max_iter: int
) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression on one-hot columns -> (weight table, bias).

    The table is stored as float16 (half the file size; scores are summed in float32).
    """
    rows = np.repeat(np.arange(len(columns)), columns.shape[1])
    data = np.ones(columns.size, dtype=np.float32)
    matrix = sparse.csr_matrix((data, (rows, columns.ravel())), shape=(len(columns), n_features))
    log.info("fitting %d rows x %d features", matrix.shape[0], matrix.shape[1])
    clf = LogisticRegression(C=c, max_iter=max_iter, tol=1e-3)
    clf.fit(matrix, y)
    weights = np.zeros((n_features, len(LABELS)), dtype=np.float32)
    weights[:, clf.classes_] = clf.coef_.T
    bias = np.full(len(LABELS), -30.0, dtype=np.float32)
    bias[clf.classes_] = clf.intercept_
    return weights.astype(np.float16), bias


@dataclass(frozen=True)
class TokenTagger:
    space: FeatureSpace
    weights: np.ndarray
    bias: np.ndarray

    def probabilities(self, tokens: Tokens, codes: np.ndarray) -> np.ndarray:
        columns = self.space.encode(tokens, codes, np.zeros(len(tokens), dtype=bool))
        return softmax_scores(self.weights, self.bias, columns)


def span_labels(doc: GoldDocument, tokens: Tokens, spans: list[tuple[int, int]]) -> np.ndarray:
    """Label of each candidate span: the role whose gold mention it spells, else ``O``."""
    gold: dict[str, int] = {}
    for role in ROLES:
        for entity in doc.roles[role]:
            for mention in entity.mentions:
                gold.setdefault(normalise_phrase(mention), LABELS.index(role))
    return np.array([gold.get(" ".join(tokens.lower[i:j]), 0) for i, j in spans], dtype=np.int64)


def span_training_data(
    docs: list[GoldDocument], space: FeatureSpace, encoder: SpanEncoder, folds: int, c: float
) -> tuple[np.ndarray, np.ndarray]:
    """Span features and labels, with token probabilities from taggers that did not see the document.

    Word ids come from ``space`` (the final tagger's vocabulary), as they will at prediction time.
    """
    columns, labels = [], []
    for k in range(folds):
        train_docs = [d for i, d in enumerate(docs) if i % folds != k]
        lexicon, sources = gold_lexicon(train_docs)
        lexicon = lexicon.merged(builtin_lexicon())
        tagger = fit_tagger(build_examples(train_docs, lexicon, sources), c=c)
        phrases = phrase_bits(lexicon)
        for doc in (d for i, d in enumerate(docs) if i % folds == k):
            tokens = tokenize(doc.text)
            codes = lexicon.codes(tokens)
            probs = tagger.probabilities(tokens, codes)
            spans = candidates(tokens, probs)
            if not spans:
                continue
            context = context_codes(tokens, codes, np.zeros(len(tokens), dtype=bool))
            ids = space.lookup(tokens.lower)[:, 0]
            columns.append(encoder.encode(tokens, ids, probs, codes, context, spans, phrases))
            labels.append(span_labels(doc, tokens, spans))
    return np.concatenate(columns), np.concatenate(labels)


def train(muc4_dir: Path, c: float = 0.3, span_c: float = 1.0, folds: int = 3) -> RoleModel:
    """Train both stages on the MUC-4 train split (GRIT view); the model is returned, not saved."""
    return train_on(load_grit(muc4_dir, "train"), c, span_c, folds)


def cross_validate(muc4_dir: Path, folds: int = 3, c: float = 0.3, span_c: float = 1.0) -> GritScore:
    """GRIT scores of ``folds``-fold cross-validation on MUC-4 train (whole documents, roles only)."""
    docs = load_grit(muc4_dir, "train")
    score = GritScore()
    for k in range(folds):
        model = train_on([d for i, d in enumerate(docs) if i % folds != k], c, span_c, folds)
        lexicon = model.lexicon
        for doc in (d for i, d in enumerate(docs) if i % folds == k):
            gold = {role: [e.mentions for e in doc.roles[role]] for role in ROLES}
            score.add_document(document_predictions(model, lexicon, doc.text), gold)
    return score


def train_on(docs: list[GoldDocument], c: float = 0.3, span_c: float = 1.0, folds: int = 3) -> RoleModel:
    """Train both stages on GRIT-style documents."""
    lexicon, sources = gold_lexicon(docs)
    lexicon = lexicon.merged(builtin_lexicon())
    tagger = fit_tagger(build_examples(docs, lexicon, sources), c=c)
    encoder = SpanEncoder()
    span_columns, span_y = span_training_data(docs, tagger.space, encoder, folds, c)
    span_weights, span_bias = _fit_table(span_columns, span_y, encoder.n_buckets, span_c, 300)
    return RoleModel(
        space=tagger.space,
        weights=tagger.weights,
        bias=tagger.bias,
        span_encoder=encoder,
        span_weights=span_weights,
        span_bias=span_bias,
        lexicon=lexicon,
        trained_on=f"MUC-4 train ({len(docs)} documents, GRIT view), C={c}, span C={span_c}",
    )


def document_predictions(model: RoleModel, lexicon: Lexicon, text: str) -> dict[str, list[str]]:
    """Role -> predicted strings for a whole document (one pseudo-anchor; used for tuning)."""
    tokens = tokenize(text)
    found = predict_mentions(model, lexicon, phrase_bits(lexicon), tokens, np.zeros(len(tokens), dtype=bool))
    anchor = EventAnchor(0, len(text), 0, 0, "attack", Language.en)
    (fillers,) = assign(found, [anchor], text)
    return {role: [s.text for s in getattr(fillers, ROLE_FIELDS[role])] for role in ROLES}


def train_and_save(
    muc4_dir: Path, out: Path | None = None, c: float = 0.3, span_c: float = 1.0, folds: int = 3
) -> Path:
    """Retrain on MUC-4 train and write the model (default: the committed package file)."""
    path = out or default_model_path()
    train(muc4_dir, c=c, span_c=span_c, folds=folds).save(path)
    return path
