"""Text utilities shared by the language-specific stages (Arabic normalisation, offset mapping)."""

from emberwatch.text.arabic import (
    NormalisedText,
    TermMatch,
    TermMatcher,
    Token,
    clitic_variants,
    fold,
    normalise,
    tokens,
)
from emberwatch.text.arabic_common import is_common_word
from emberwatch.text.offsets import OffsetMap

__all__ = [
    "NormalisedText",
    "OffsetMap",
    "TermMatch",
    "TermMatcher",
    "Token",
    "clitic_variants",
    "fold",
    "is_common_word",
    "normalise",
    "tokens",
]
