"""The shared term matcher: word boundaries, longest match per section, terms with a gap."""

from __future__ import annotations

import pytest

from emberwatch.extract.language import NormalizedText
from emberwatch.extract.matching import TermMatcher

TERMS = [
    ("set … on fire", "event_types", "arson"),
    ("set … ablaze", "event_types", "arson"),
    ("car bomb", "weapons", "vbied"),
]
MATCHER = TermMatcher(TERMS, str.lower)


def _hits(text: str) -> list[tuple[str, str]]:
    return [(m.key, m.text) for m in MATCHER.match(text, NormalizedText(text.lower()))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one to three words stand for the gap; the hit is the part after it, the gap stays free
        ("Gunmen set the well on fire.", [("arson", "on fire")]),
        ("Militants set several village houses ablaze.", [("arson", "ablaze")]),
        ("THE TERRORISTS SET THE BUS ON FIRE.", [("arson", "ON FIRE")]),
        # no gap, too long a gap, a clause break, or a phrasal verb of its own: no hit
        ("They set on fire the houses.", []),
        ("They set the old abandoned grain depot on fire.", []),
        ("They set up checkpoints on fire roads.", []),
        ("The mortar set, on fire, nothing.", []),
        ("A car bomb exploded.", [("vbied", "car bomb")]),
    ],
)
def test_matching_terms_with_a_gap(text: str, expected: list[tuple[str, str]]) -> None:
    assert _hits(text) == expected
