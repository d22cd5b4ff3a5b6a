"""Tokeniser flags and offsets, vocabulary lookup of unknown words, float16 model files."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from emberwatch.extract.roles.features import OOV, FeatureSpace, _shape
from emberwatch.extract.roles.model import load_model
from emberwatch.extract.roles.tokens import tokenize


@pytest.mark.parametrize(
    ("text", "mixed", "capitalised"),
    [
        ("GUNMEN ATTACKED THE MAYOR'S OFFICE IN THE TOWN.", False, 0),
        ("gunmen attacked the mayor's office in the town.", False, 0),
        ("Gunmen attacked the Mayor's office in Sirte.", True, 3),
    ],
)
def test_tokens_case_flags_and_offsets(text: str, mixed: bool, capitalised: int) -> None:
    tokens = tokenize(text)
    assert tokens.mixed_case is mixed
    assert int(tokens.capitalised.sum()) == capitalised
    assert tokens.lower == [text[s:e].lower() for s, e in zip(tokens.starts, tokens.ends, strict=True)]


def test_tokens_empty_text() -> None:
    tokens = tokenize("   ")
    assert len(tokens) == 0 and tokens.lower == []


def test_tokens_lookup_unknown_words_keep_suffix_and_shape() -> None:
    space = FeatureSpace.build([["the", "the", "bombing", "bombing", "shooting", "shooting", "killing"]] * 2)
    rows = space.lookup(["the", "zzbombing", "1989", "the"])
    assert rows[0, 0] == rows[3, 0] != OOV
    assert rows[1, 0] == OOV and rows[1, 1] == space.suffixes["ing"] and rows[1, 2] == _shape("zzbombing")
    assert rows[2, 0] == OOV and rows[2, 2] == _shape("1989")


def test_model_saved_float16_loaded_float32(tmp_path: Path) -> None:
    model = load_model()
    path = tmp_path / "roles.pkl"
    model.save(path)
    again = load_model(path)
    assert again.weights.dtype == np.float32 and again.span_weights.dtype == np.float32
    assert np.array_equal(again.weights, model.weights)
    assert again.thresholds == model.thresholds
