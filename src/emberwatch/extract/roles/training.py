"""Train the role tagger on MUC-4 (``processed_grit_ree/train.json``).

Labels: every occurrence in the text of every gold mention string becomes that role (longer mentions
first); everything else is ``O``. The learned lexicon (gold mention strings per role) is a feature too;
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

from emberwatch.evaluate.muc4_data import GoldDocument, load_grit
from emberwatch.extract.roles.decode import assign, mentions
from emberwatch.extract.roles.features import FeatureSpace
from emberwatch.extract.roles.lexicon import CATEGORIES, Lexicon, builtin_lexicon, normalise_phrase
from emberwatch.extract.roles.model import LABELS, ROLES, RoleModel
from emberwatch.extract.roles.tokens import Tokens, tokenize

log = logging.getLogger(__name__)

ROLE_CATEGORY = dict(zip(ROLES, ("perpetrator", "organization", "target", "victim", "weapon"), strict=True))
assert set(ROLE_CATEGORY.values()) == set(CATEGORIES)


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


def _design(space: FeatureSpace, examples: list[Example]) -> tuple[sparse.csr_matrix, np.ndarray]:
    blocks = [space.encode(e.tokens, e.lex_codes, np.zeros(len(e.tokens), dtype=bool)) for e in examples]
    columns = np.concatenate(blocks)
    rows = np.repeat(np.arange(len(columns)), columns.shape[1])
    data = np.ones(columns.size, dtype=np.float32)
    matrix = sparse.csr_matrix((data, (rows, columns.ravel())), shape=(len(columns), space.size))
    return matrix, np.concatenate([e.labels for e in examples])


def fit(examples: list[Example], lexicon: Lexicon, c: float = 0.3, max_iter: int = 300) -> RoleModel:
    """Fit the tagger on prepared examples."""
    space = FeatureSpace.build(e.tokens.lower for e in examples)
    matrix, y = _design(space, examples)
    log.info("training role tagger: %d tokens x %d features", matrix.shape[0], matrix.shape[1])
    clf = LogisticRegression(C=c, max_iter=max_iter, tol=1e-3)
    clf.fit(matrix, y)
    weights = np.zeros((space.size, len(LABELS)), dtype=np.float32)
    weights[:, clf.classes_] = clf.coef_.T
    bias = np.full(len(LABELS), -30.0, dtype=np.float32)
    bias[clf.classes_] = clf.intercept_
    return RoleModel(space=space, weights=weights, bias=bias, lexicon=lexicon)


def train(muc4_dir: Path, c: float = 0.3) -> RoleModel:
    """Train on the MUC-4 train split (GRIT view) and return the model (not yet saved)."""
    docs = load_grit(muc4_dir, "train")
    lexicon, sources = gold_lexicon(docs)
    lexicon = lexicon.merged(builtin_lexicon())
    model = fit(build_examples(docs, lexicon, sources), lexicon, c=c)
    model.trained_on = f"MUC-4 train ({len(docs)} documents, GRIT view), C={c}"
    return model


def document_predictions(model: RoleModel, lexicon: Lexicon, text: str) -> dict[str, list[str]]:
    """Role -> predicted strings for a whole document (one pseudo-anchor; used for tuning)."""
    from emberwatch.extract.types import EventAnchor
    from emberwatch.models import Language

    tokens = tokenize(text)
    probs = model.probabilities(
        model.space.encode(tokens, lexicon.codes(tokens), np.zeros(len(tokens), dtype=bool))
    )
    anchor = EventAnchor(0, len(text), 0, 0, "attack", Language.en)
    (fillers,) = assign(mentions(tokens, probs, model.thresholds, model.extend), [anchor], text)
    from emberwatch.extract.roles.model import ROLE_FIELDS

    return {role: [s.text for s in getattr(fillers, ROLE_FIELDS[role])] for role in ROLES}


def train_and_save(muc4_dir: Path, out: Path | None = None, c: float = 0.3) -> Path:
    """Retrain on MUC-4 train and write the model (default: the committed package file)."""
    from emberwatch.extract.roles.model import default_model_path

    path = out or default_model_path()
    train(muc4_dir, c=c).save(path)
    return path
