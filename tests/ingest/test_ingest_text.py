"""Decoding, normalisation and hashing of input text."""

from __future__ import annotations

import codecs

import pytest

from emberwatch.errors import InputError
from emberwatch.ingest.text import content_hash, decode_text, document_id, looks_binary, normalise_text

ARABIC = "هاجم مسلحون من تنظيم داعش حاجزا للجيش قرب الميادين وقتلوا ثلاثة جنود."


def test_text_normalise_nfc_and_newlines() -> None:
    decomposed = "Cafe\u0301 report\r\nsecond line\rthird\n"
    assert normalise_text(decomposed) == "Café report\nsecond line\nthird"


def test_text_hash_is_stable_and_id_is_prefix() -> None:
    digest = content_hash("same text")
    assert digest == content_hash(normalise_text("same text\r\n"))
    assert len(digest) == 64 and document_id(digest) == digest[:16]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"plain text\n", "plain text\n"),
        (codecs.BOM_UTF8 + b"report", "report"),
        (codecs.BOM_UTF16_LE + "report".encode("utf-16-le"), "report"),
        (ARABIC.encode("utf-8"), ARABIC),
    ],
)
def test_text_decode_accepts_utf8_and_boms(data: bytes, expected: str) -> None:
    assert decode_text(data, "x.txt") == expected


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"  \n\t\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (ARABIC.encode("cp1256"), "iconv -f WINDOWS-1256 -t UTF-8"),
        ("Déjà vu à Paris, un rapport".encode("latin-1"), "not valid UTF-8"),
    ],
)
def test_text_decode_refuses_bad_bytes(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message) as info:
        decode_text(data, "bad/input.txt")
    assert "bad/input.txt" in str(info.value)


def test_text_decode_forced_cp1256_reads_arabic() -> None:
    assert decode_text(ARABIC.encode("cp1256"), "a.txt", encoding="cp1256") == ARABIC


def test_text_looks_binary_ignores_utf16_bom() -> None:
    assert not looks_binary(codecs.BOM_UTF16_LE + "abc".encode("utf-16-le"))
    assert looks_binary(b"abc\x00def")
