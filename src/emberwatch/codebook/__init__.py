"""The codebook: event types, actors, descriptions, weapons, targets, mechanisms, cues, indicators."""

from __future__ import annotations

from emberwatch.codebook.loader import check_codebook, codebook_section, load_codebook
from emberwatch.codebook.schema import Codebook

__all__ = ["Codebook", "check_codebook", "codebook_section", "load_codebook"]
