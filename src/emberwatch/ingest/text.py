"""Bytes to clean text: binary/empty checks, UTF-8 (and Windows-1256 detection), NFC, hashing."""

from __future__ import annotations

import codecs
import hashlib
import unicodedata

from emberwatch.errors import InputError
from emberwatch.text.arabic import arabic_ratio

__all__ = ["arabic_ratio"]

_SNIFF_BYTES = 8192
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_CONTROL_OK = {"\n", "\r", "\t", "\f", "\v"}


def normalise_text(text: str) -> str:
    """NFC, ``\\r\\n``/``\\r`` to ``\\n``, outer whitespace stripped: the form that is stored and hashed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text).strip()


def content_hash(text: str) -> str:
    """Full sha256 of the normalised text (the ``content_hash`` column)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_id(text_hash: str) -> str:
    """Stable document id: the first 16 hex digits of the content hash."""
    return text_hash[:16]


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KB (after any UTF-16 BOM)."""
    head = data[:_SNIFF_BYTES]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and chr(b) not in _CONTROL_OK)
    return bool(head) and controls / len(head) > 0.05


def decode_text(data: bytes, name: str, encoding: str | None = None) -> str:
    """Decode a text input, refusing binary, empty, Windows-1256 and other non-UTF-8 bytes.

    ``encoding`` forces a codec (the user said what the file is). Otherwise a BOM is honoured and
    UTF-8 is required; Windows-1256 Arabic is recognised so the error can say how to convert it.
    """
    if not data.strip():
        raise InputError(f"{name}: empty file; nothing to ingest.")
    if looks_binary(data):
        raise InputError(
            f"{name}: binary file (NUL or control bytes), not text; give a .pdf/.html/.txt export instead."
        )
    if encoding:
        return _decode_with(data, name, encoding)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_with(data, name, codec)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if _is_cp1256_arabic(data):
            raise InputError(
                f"{name}: looks like Arabic in Windows-1256 (cp1256), not UTF-8. Convert it with "
                f"`iconv -f WINDOWS-1256 -t UTF-8 '{name}' > converted.txt`, or ingest with "
                "--encoding cp1256."
            ) from exc
        raise InputError(
            f"{name}: not valid UTF-8 (bad byte at offset {exc.start}). Convert it to UTF-8 "
            "(`iconv -f SOURCE-ENCODING -t UTF-8`) or pass --encoding."
        ) from exc


def _decode_with(data: bytes, name: str, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except LookupError as exc:
        raise InputError(f"Unknown encoding {encoding!r}; use a Python codec name such as cp1256.") from exc
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: cannot be decoded as {encoding} (bad byte at offset {exc.start})."
        ) from exc


def _is_cp1256_arabic(data: bytes) -> bool:
    """True when the bytes decode as cp1256 into mostly Arabic letters."""
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        return False
    return arabic_ratio(text) >= 0.5
