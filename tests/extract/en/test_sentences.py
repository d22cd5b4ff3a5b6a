"""English sentence and paragraph segmentation."""

from __future__ import annotations

import pytest

from emberwatch.extract.en.sentences import paragraph_ids, split_sentences

TEXT = """== 2019 ==
* 16 January: A suicide bomber killed 4 people in Manbij. ISIS claimed it.
* 3 March – gunmen attacked a checkpoint.

MOSUL, Iraq -- Gen. Smith said 5 people died. the army said. U.S. forces left the area near the
river on Monday."""


def test_sentences_split_lists_headings_and_abbreviations() -> None:
    units = [TEXT[s.start : s.end] for s in split_sentences(TEXT)]
    assert units == [
        "== 2019 ==",
        "* 16 January: A suicide bomber killed 4 people in Manbij.",
        "ISIS claimed it.",
        "* 3 March – gunmen attacked a checkpoint.",
        "MOSUL, Iraq -- Gen. Smith said 5 people died.",
        "the army said.",
        "U.S. forces left the area near the\nriver on Monday.",
    ]


def test_sentences_paragraphs() -> None:
    sentences = split_sentences(TEXT)
    assert paragraph_ids(TEXT, sentences) == [0, 1, 1, 2, 3, 3, 3]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Rounds landed at around 8 p.m. The wounded were taken to hospitals.", 2),
        ("It began at 9 p.m. ET on Monday.", 1),  # a time zone follows
        ("He arrived at 9 a.m. on Monday. Then he left.", 2),
    ],
)
def test_sentences_time_of_day_ends_a_sentence_before_a_capital(text: str, count: int) -> None:
    assert len(split_sentences(text)) == count
