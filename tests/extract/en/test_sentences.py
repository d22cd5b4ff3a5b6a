"""English sentence and paragraph segmentation."""

from __future__ import annotations

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
