"""English extraction rules (sentences, codebook terms, casualties, dates, cues)."""

from __future__ import annotations

from emberwatch.codebook.schema import Codebook
from emberwatch.extract.en.rules import EnglishRules


def build_rules(codebook: Codebook) -> EnglishRules:
    """The English :class:`~emberwatch.extract.language.LanguageRules` for ``codebook``."""
    return EnglishRules(codebook)


__all__ = ["EnglishRules", "build_rules"]
