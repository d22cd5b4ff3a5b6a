"""Role filler: perpetrator individuals/organisations, targets, victims and weapons of each event.

A token tagger and a span classifier trained on MUC-4 (see ``training.py`` and docs/roles.md), combined
with lexicons from the codebook, the MUC-4 gold fillers and a short built-in list. Use::

    resources = load_role_resources()
    fillers = fill_roles(text, anchors, resources)   # one RoleFillers per anchor, same order

``fill_roles`` is a pure function of its arguments; ``RoleResources`` is immutable in use and picklable,
so it can be shipped to worker processes.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from emberwatch.extract.roles.decode import assign, lexicon_mentions
from emberwatch.extract.roles.features import TRIGGER_BIT
from emberwatch.extract.roles.lexicon import Lexicon, builtin_lexicon, codebook_lexicon
from emberwatch.extract.roles.model import ROLE_FIELDS, ROLES, RoleModel, load_model
from emberwatch.extract.roles.predict import predict_mentions
from emberwatch.extract.roles.spans import phrase_bits
from emberwatch.extract.roles.tokens import Tokens, tokenize
from emberwatch.extract.types import EventAnchor, RoleFillers
from emberwatch.models import Language

if TYPE_CHECKING:
    from emberwatch.codebook import Codebook


@dataclass(frozen=True)
class RoleResources:
    """The trained tagger, the merged lexicon (model + codebook + built-in terms) and the rule lexicon
    (codebook + built-in only) that fills roles the tagger left empty in trigger sentences."""

    model: RoleModel
    lexicon: Lexicon
    rule_lexicon: Lexicon
    phrases: dict[str, int]


def load_role_resources(
    model_path: Path | None = None, with_codebook: bool = True, codebook: Codebook | None = None
) -> RoleResources:
    """Load the committed model (or ``model_path``) and merge its lexicon with the built-in terms and
    the codebook (``codebook``, else the configured one; none when ``with_codebook`` is false)."""
    model = load_model(model_path)
    rules = builtin_lexicon()
    if with_codebook:
        rules = rules.merged(codebook_lexicon(codebook))
    lexicon = model.lexicon.merged(rules)
    return RoleResources(model=model, lexicon=lexicon, rule_lexicon=rules, phrases=phrase_bits(lexicon))


def _trigger_mask(tokens: Tokens, anchors: list[EventAnchor]) -> np.ndarray:
    mask = np.zeros(len(tokens), dtype=bool)
    for anchor in anchors:
        mask |= (tokens.starts < anchor.trigger_end) & (tokens.ends > anchor.trigger_start)
    return mask


def trigger_anchors(text: str, resources: RoleResources) -> list[EventAnchor]:
    """One anchor per sentence holding a trigger word of the role filler's own lexicon.

    The extraction pipeline finds anchors with the codebook; this is for evaluating or using the role
    filler on its own (``emberwatch evaluate muc4 --roles-only``).
    """
    tokens = tokenize(text)
    codes = resources.lexicon.codes(tokens)
    anchors: list[EventAnchor] = []
    seen: set[int] = set()
    for index in np.flatnonzero(codes & TRIGGER_BIT):
        sentence = int(tokens.sentence[index])
        if sentence in seen:
            continue
        seen.add(sentence)
        in_sentence = np.flatnonzero(tokens.sentence == sentence)
        anchors.append(
            EventAnchor(
                sentence_start=int(tokens.starts[in_sentence[0]]),
                sentence_end=int(tokens.ends[in_sentence[-1]]),
                trigger_start=int(tokens.starts[index]),
                trigger_end=int(tokens.ends[index]),
                event_type="attack",
                language=Language.en,
            )
        )
    return anchors


@functools.lru_cache(maxsize=1)
def default_role_resources() -> RoleResources:
    """The committed model with the default lexicons, loaded once per process (read-only after)."""
    return load_role_resources()


_BY_CODEBOOK: dict[str, RoleResources] = {}


def _for_codebook(codebook: Codebook) -> RoleResources:
    """Resources with ``codebook``'s lexicon, built once per codebook version (read-only after)."""
    cached = _BY_CODEBOOK.get(codebook.version)
    if cached is None:
        cached = _BY_CODEBOOK[codebook.version] = load_role_resources(codebook=codebook)
    return cached


def _resolve(resources: object) -> RoleResources:
    """``resources``; else from the pipeline's ``ExtractResources`` (``extra["roles"]`` or its codebook);
    else the default."""
    if isinstance(resources, RoleResources):
        return resources
    extra = getattr(resources, "extra", None)
    if isinstance(extra, Mapping) and isinstance(extra.get("roles"), RoleResources):
        return extra["roles"]
    codebook = getattr(resources, "codebook", None)
    if codebook is not None and isinstance(getattr(codebook, "version", None), str):
        return _for_codebook(codebook)
    return default_role_resources()


def fill_roles(
    text: str, anchors: list[EventAnchor], resources: RoleResources | object | None = None
) -> list[RoleFillers]:
    """Role fillers for each event anchor of ``text`` (one :class:`RoleFillers` per anchor).

    ``resources`` is a :class:`RoleResources`; the pipeline may also pass its ``ExtractResources``
    (then ``extra["roles"]`` is used when present, else the default resources).
    """
    if not anchors:
        return []
    resources = _resolve(resources)
    tokens = tokenize(text)
    found = predict_mentions(
        resources.model, resources.lexicon, resources.phrases, tokens, _trigger_mask(tokens, anchors)
    )
    if tokens.mixed_case:  # present-day news; wire-style text (MUC-4) is left to the tagger alone
        found += lexicon_mentions(tokens, resources.rule_lexicon.matches(tokens), found, anchors)
    return assign(found, anchors, text)


__all__ = [
    "ROLES",
    "ROLE_FIELDS",
    "RoleFillers",
    "RoleResources",
    "default_role_resources",
    "fill_roles",
    "load_role_resources",
    "trigger_anchors",
]
