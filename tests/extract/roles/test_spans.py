"""Span stage and lexicon: candidate spans, best-first non-overlapping selection, phrase matching."""

from __future__ import annotations

import numpy as np
import pytest

from emberwatch.extract.roles.decode import select_spans
from emberwatch.extract.roles.lexicon import Lexicon
from emberwatch.extract.roles.model import LABELS, ROLES
from emberwatch.extract.roles.spans import MAX_LEN, candidates
from emberwatch.extract.roles.tokens import tokenize


def _probs(n: int, hot: dict[int, int]) -> np.ndarray:
    probs = np.zeros((n, len(LABELS)))
    probs[:, 0] = 1.0
    for index, label in hot.items():
        probs[index] = 0.0
        probs[index, label] = 1.0
    return probs


def test_spans_candidates_stay_in_sentence_and_skip_punctuation() -> None:
    tokens = tokenize("the rebels, armed men. police came")
    spans = candidates(tokens, _probs(len(tokens), {1: 1}))  # "rebels"
    texts = {" ".join(tokens.lower[i:j]) for i, j in spans}
    assert texts == {"the rebels", "rebels"}
    assert all(j - i <= MAX_LEN for i, j in spans)


def test_spans_select_best_first_without_overlap() -> None:
    tokens = tokenize("the salvadoran air force bombed a bridge")
    spans = [(1, 4), (2, 4), (6, 7)]
    probs = np.zeros((3, len(LABELS)))
    probs[0, LABELS.index("PerpOrg")] = 0.7
    probs[1, LABELS.index("PerpOrg")] = 0.6
    probs[2, LABELS.index("Target")] = 0.1
    found = select_spans(tokens, spans, probs, dict.fromkeys(ROLES, 0.15))
    assert [(m.role, m.text) for m in found] == [("PerpOrg", "salvadoran air force")]


def test_lexicon_codes_mark_multiword_phrases_case_insensitively() -> None:
    lexicon = Lexicon()
    lexicon.add("weapon", ["car bomb"])
    lexicon.add("organization", ["Islamic State"])
    tokens = tokenize("ISLAMIC STATE fighters drove a Car Bomb")
    codes = lexicon.codes(tokens)
    assert codes[0] and codes[1] and not codes[2]
    assert codes[5] and codes[6] and codes[5] != codes[0]


@pytest.mark.parametrize(
    ("text", "span", "role", "expected"),
    [
        ("Gunmen seized Khalifa Haftar near Ghadwa on Monday.", (2, 6), "Victim", ["Khalifa Haftar"]),
        ("Gunmen attacked a post south of Sabha on Monday.", (4, 7), "Target", []),
        ("DEIR EZ-ZOR: Gunmen killed a trader in the town.", (0, 2), "Victim", []),
        ("DEIR EZ-ZOR: Gunmen killed a trader in the town.", (3, 4), "PerpInd", ["Gunmen"]),
        ("the fmln attacked the las canas bridge near apopa.", (4, 7), "Target", ["las canas bridge"]),
    ],
)
def test_spans_select_drops_place_phrases_and_capitalised_datelines(
    text: str, span: tuple[int, int], role: str, expected: list[str]
) -> None:
    tokens = tokenize(text)
    probs = np.zeros((1, len(LABELS)))
    probs[0, LABELS.index(role)] = 0.9
    found = select_spans(tokens, [span], probs, dict.fromkeys(ROLES, 0.15))
    assert [m.text for m in found] == expected
