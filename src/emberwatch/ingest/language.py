"""English / Arabic / other: the Arabic-script share of letters, confirmed by pycld2.

The script share alone would call Persian, Urdu or Kurdish (Sorani) "Arabic", so for Arabic-script
text pycld2 must not name one of those; for Latin text pycld2 must say English.
"""

from __future__ import annotations

import logging
import re

import pycld2

from emberwatch.ingest.text import arabic_ratio
from emberwatch.models import Language

log = logging.getLogger(__name__)

ARABIC_SCRIPT_SHARE = 0.3
SCRIPT_SAMPLE_CHARS = 3000
_OTHER_ARABIC_SCRIPT = {"fa", "ur", "ps", "ku", "ckb", "sd", "ug"}
_CODES = {"en": Language.en, "ar": Language.ar}
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def detect_language(text: str) -> Language:
    """Detect the document language: script share over the first 3,000 characters, pycld2 over 20,000."""
    sample = text[:20_000]
    code = _cld2(sample)
    if arabic_ratio(text[:SCRIPT_SAMPLE_CHARS]) >= ARABIC_SCRIPT_SHARE:
        return Language.other if code in _OTHER_ARABIC_SCRIPT else Language.ar
    return Language.en if code == "en" else Language.other


def parse_language(value: str | None) -> Language | None:
    """A declared language code (``en``, ``en-GB``, ``ar``, ``arabic``...) or None if not en/ar."""
    if not value:
        return None
    code = value.strip().lower().replace("_", "-").split("-")[0]
    aliases = {"english": "en", "eng": "en", "arabic": "ar", "ara": "ar", "عربي": "ar", "العربية": "ar"}
    code = aliases.get(code, code)
    return _CODES.get(code, Language.other)


def _cld2(text: str) -> str | None:
    # pycld2 rejects C0/C1 control characters and lone surrogates as "invalid UTF-8".
    clean = _CONTROLS.sub(" ", text).encode("utf-8", "ignore").decode("utf-8")
    try:
        reliable, _, details = pycld2.detect(clean)
    except pycld2.error as exc:
        log.debug("pycld2 could not read the text: %s", exc)
        return None
    code = details[0][1]
    if code == "un":
        return None
    # Short texts are often "unreliable" but still right about the top language.
    return code if reliable or details[0][2] >= 50 else None
