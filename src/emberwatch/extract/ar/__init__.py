"""Arabic extraction rules (sentences, codebook terms with clitics, casualties, dates, cues)."""

from __future__ import annotations

from emberwatch.codebook.schema import Codebook
from emberwatch.extract.ar.rules import ArabicRules


def build_rules(codebook: Codebook) -> ArabicRules:
    """The Arabic :class:`~emberwatch.extract.language.LanguageRules` for ``codebook``."""
    return ArabicRules(codebook)


__all__ = ["ArabicRules", "build_rules"]
