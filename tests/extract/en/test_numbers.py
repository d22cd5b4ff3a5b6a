"""English number phrases and casualty figures."""

from __future__ import annotations

import pytest

from emberwatch.extract.en.numbers import casualty_mentions, parse_number, tokenize, word_number
from emberwatch.extract.types import Sentence

ATTACKERS = frozenset({"attackers", "militants", "gunmen"})


@pytest.mark.parametrize(
    ("words", "value"),
    [("twenty-five", 25), ("two hundred", 200), ("one hundred and twelve", 112), ("three thousand", 3000)],
)
def test_numbers_word_number(words: str, value: int) -> None:
    assert word_number(words.split()) == value


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("at least 14", (14, 14, None)),
        ("more than 20", (21, 21, None)),
        ("up to 40", (None, 40, None)),
        ("about 30", (None, 30, None)),
        ("10 to 15", (10, 12, 15)),
        ("dozens of", (24, 36, 99)),
        ("a dozen", (12, 12, 12)),
        ("several", (3, 3, 9)),
        ("hundreds of", (200, 200, 999)),
        ("tens of thousands", (20000, 20000, 199999)),
        ("hundreds of thousands", (200000, 200000, 1999999)),
        ("1,200", (1200, 1200, 1200)),
    ],
)
def test_numbers_parse_number(phrase: str, expected: tuple[int | None, ...]) -> None:
    parsed = parse_number(tokenize(phrase), 0)
    assert parsed is not None
    low, best, high = expected
    assert (parsed.count.low, parsed.count.best) == (low, best)
    if phrase != "up to 40":
        assert parsed.count.high == high


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("THREE ATTACKERS WERE KILLED AND FIVE POLICEMEN DIED.", [("killed", 3, True), ("killed", 5, False)]),
        ("one of the gunmen was killed", [("killed", 1, True)]),
        ("the bomb killed 12 and wounded 30", [("killed", 12, False), ("wounded", 30, False)]),
        ("On 16 January a bomb killed 4 people", [("killed", 4, False)]),
        ("Dozens of soldiers were feared dead", [("killed", 36, False)]),
        ("On October 17, 2017, the day after the deaths of two leaders", [("killed", 2, False)]),  # not 2017
        ("the group offered US$4,000 for every soldier killed", []),  # money is not a head count
        ("a bomb killed 1,950 people", [("killed", 1950, False)]),
        # a time of day is no count
        ("the rounds landed at around 8 p.m. and the wounded were taken away", []),
        ("the blast at 10 o'clock killed three people", [("killed", 3, False)]),
        # a part of a figure already given is not added to it
        ("killing at least six people, four of them SDF fighters, and wounding 12",
         [("killed", 6, False), ("wounded", 12, False)]),
        # an active verb with its own object: the figure before it counts something else; the object is
        # one person named by a role
        ("militants abducted four construction workers and killed their driver", [("killed", 1, False)]),
        ("gunmen shot dead the mukhtar of a village", [("killed", 1, False)]),
        ("abducted nine fishermen and killed another near the town", [("killed", 1, False)]),
        ("gunmen killed another 20 people", [("killed", 20, False)]),
        # a figure before another fate is not the wounded after it
        ("two other suspects were arrested and one soldier was wounded", [("wounded", 1, False)]),
        ("two others escaped with machete wounds", [("wounded", 2, False)]),
        # a figure opening a passive clause of its own is not the object's ("and two soldiers were wounded")
        ("gunmen killed two soldiers and a civilian was wounded", [("killed", 2, False), ("wounded", 1, False)]),
        ("the attack killed five people and three others were wounded", [("killed", 5, False), ("wounded", 3, False)]),
        ("gunmen stormed the village, killed six civilians and wounded two",
         [("killed", 6, False), ("wounded", 2, False)]),
        # a hyphenated range
        ("the attack killed 5 and wounded 8-10 people", [("killed", 5, False), ("wounded", 9, False)]),
        # one more person after "and": "a civilian", "his bodyguard"; not "an hour later"
        ("a car bomb exploded, killing two soldiers and a civilian and wounding six people",
         [("killed", 3, False), ("wounded", 6, False)]),
        ("gunmen shot dead a businessman and his bodyguard outside a shop", [("killed", 2, False)]),
        ("militants killed three villagers and an hour later attacked a police post", [("killed", 3, False)]),
        # a span of time or distance counts nobody
        ("unidentified gunmen assassinated a village mukhtar three days ago", [("killed", 1, False)]),
        ("five people were killed 40 km south of the city", [("killed", 5, False)]),
        # one person in the passive: "a military court judge was gunned down", "another wounded", "his driver"
        ("a military court judge was gunned down outside his home", [("killed", 1, False)]),
        ("a soldier was killed and another wounded on Monday", [("killed", 1, False), ("wounded", 1, False)]),
        ("a tribal sheikh was killed by gunmen and his driver was wounded",
         [("killed", 1, False), ("wounded", 1, False)]),
        # figures of "people" broken down after a comma are the same people; a plain list adds up
        ("killing at least seven people, four policemen and three civilians, and wounding 19",
         [("killed", 7, False), ("wounded", 19, False)]),
        ("the blast killed three soldiers, two civilians and a child", [("killed", 6, False)]),
        ("three people, a child and two women, were killed when shells hit homes", [("killed", 3, False)]),
        # the definite person, a verb of dying, "shot dead" in the passive
        ("the village head was shot dead in front of his house", [("killed", 1, False)]),
        ("a soldier died and another was wounded", [("killed", 1, False), ("wounded", 1, False)]),
        ("a Taliban intelligence officer was shot dead in Kunduz", [("killed", 1, False)]),
        # the death toll's verb takes the figure; "the wounded" are people counted elsewhere
        ("the death toll from Monday's bombing rose to nine, after two of the wounded died in hospital",
         [("killed", 9, False)]),
        ("the death toll stood at 14", [("killed", 14, False)]),
        # "and her three children" are three, not one more and three; "a soldier and a civilian" are two
        ("a mortar shell hit a house, killing a woman and her three children", [("killed", 4, False)]),
        ("a soldier and a civilian were killed", [("killed", 2, False)]),
        ("the sheikh died on the spot", [("killed", 1, False)]),
        # the words after a figure that name the counted end at a clause word: the seven are no gunmen
        ("at least 21 civilians were killed and seven wounded when gunmen raided the village",
         [("killed", 21, False), ("wounded", 7, False)]),
        # a person and what the person is the role of, a relative clause, a participle phrase
        ("a judge of the regional military court was gunned down in Bosaso", [("killed", 1, False)]),
        ("the head of the village council was shot dead", [("killed", 1, False)]),
        ("the officer, who headed a department of the intelligence service in the province, was killed instantly",
         [("killed", 1, False)]),
        ("a child walking past was wounded by a stray bullet", [("wounded", 1, False)]),
        # the abducted are no more dead
        ("rebels killed four people and abducted at least fifteen others in fields near Oicha",
         [("killed", 4, False)]),
    ],
)
def test_numbers_casualty_mentions(text: str, expected: list[tuple[str, int, bool]]) -> None:
    found = casualty_mentions(text, Sentence(0, len(text)), ATTACKERS)
    assert [(m.kind, m.count.best, m.perpetrator) for m in found] == expected
    for m in found:
        assert text[m.evidence.start : m.evidence.end] == m.evidence.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the killing of" counts the people after it, as "the deaths of" does
        ("Police blamed the group for the killing of a trader who was shot dead.", [("killed", 1)]),
        ("Police blamed the group for the killing of two soldiers last week.", [("killed", 2)]),
        # a toll's verb far after its long subject, "has risen"
        ("The death toll from a car bomb that exploded near a security checkpoint in the eastern Syrian town of "
         "Albu Kamal on Saturday has risen to seven, including three members of the security forces.", [("killed", 7)]),
        # the speaker after "and a" is no one more person
        ("Mortar bombs killed five civilians and wounded 12 others, military sources and a local official said.",
         [("killed", 5), ("wounded", 12)]),
        # nor are "the two survivors" who told it (the man before his "who" clause is the one shot dead)
        ("A third man who tried to run was shot dead, the two survivors told police.", [("killed", 1)]),
        # what hit a person is no head count; a participle takes no figure before it
        ("He was hit by several bullets and died before reaching the health centre.", []),
        ("The group attacked several oil fields in early 2015, killing guards and foreign workers.", []),
        # a relative after a possessive, over a relative clause
        ("His nephew, who was walking with him, was wounded in the leg.", [("wounded", 1)]),
        # "the toll" on its own is the death toll; a road toll is no figure
        ("The toll rose to nine on Thursday after troops found two more bodies.", [("killed", 9), ("killed", 2)]),
        ("The toll climbed to 23 by Sunday.", [("killed", 23)]),
        ("He paid the toll at the bridge.", []),
        # "the dead", like "the wounded", are people counted before
        ("A regional official said several of the dead militants were foreigners.", []),
        ("The dead included three children.", []),
        # a person before a "who" clause without commas; the figure that opens its own passive clause
        ("A farmer who tried to stop them from entering his home was shot dead, and two other men were wounded.",
         [("killed", 1), ("wounded", 2)]),
        # "shot dead" with its object after it, not the gunman before it
        ("In April 2024, a gunman shot dead six worshippers at a Shia mosque.", [("killed", 6)]),
        ("A soldier was shot dead a day later.", [("killed", 1)]),
    ],
)
def test_numbers_killings_of_tolls_risen_and_speakers(text: str, expected: list[tuple[str, int]]) -> None:
    found = casualty_mentions(text, Sentence(0, len(text)), ATTACKERS)
    assert [(m.kind, m.count.best) for m in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "one of them a child" is part of the two
        ("Two civilians, one of them a child, were killed and four others wounded.", [("killed", 2), ("wounded", 4)]),
        # another act after the figure ends it: the homes are no dead
        ("Insurgents killed five civilians and burned at least 40 homes in a raid.", [("killed", 5)]),
        # "bringing the death toll from the attack to two"
        ("A bodyguard has died of his injuries, bringing the death toll from the attack to two.",
         [("killed", 1), ("killed", 2)]),
        # those who die come before "died": "and 11 other people" after it are no dead
        ("Two of the wounded died overnight, and 11 other people were still being treated.", []),
        # an age is no count
        ("A food vendor and a 12-year-old boy were killed.", [("killed", 2)]),
        # "and shot dead a guard": the guard, not the pylons before
        ("Militants blew up two electricity pylons and shot dead a guard near the town.", [("killed", 1)]),
    ],
)
def test_numbers_parts_other_acts_and_tolls_brought(text: str, expected: list[tuple[str, int]]) -> None:
    found = casualty_mentions(text, Sentence(0, len(text)), ATTACKERS)
    assert [(m.kind, m.count.best) for m in found] == expected


def test_numbers_range_keeps_its_bounds_and_years_are_no_range() -> None:
    found = casualty_mentions("it killed 65–70 soldiers", Sentence(0, 24), ATTACKERS)
    assert [(m.count.low, m.count.best, m.count.high) for m in found] == [(65, 67, 70)]
    text = "between 2014-2017, 300 were killed"
    assert [m.count.best for m in casualty_mentions(text, Sentence(0, len(text)), ATTACKERS)] == [300]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "No one else was hurt": nobody, not one more wounded
        ("No one else was hurt.", []),
        ("A policeman was killed in the blast and no one else was injured.", [("killed", 1)]),
    ],
)
def test_numbers_no_one_else_is_nobody(text: str, expected: list[tuple[str, int]]) -> None:
    found = casualty_mentions(text, Sentence(0, len(text)), ATTACKERS)
    assert [(m.kind, m.count.best) for m in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # twenty-third session: an apposition after "including" is part of the figure, to its closing comma
        ("Two soldiers and three civilians, including a woman and her daughter, were wounded.", [("wounded", 5)]),
        # wounds suffered: the subject is the wounded ("a woman suffered burns")
        ("A guard was beaten, and a woman suffered burns while trying to rescue her livestock.", [("wounded", 1)]),
        ("The bomb killed two people and a soldier suffered minor injuries.", [("killed", 2), ("wounded", 1)]),
        # one person, what he belonged to, then "and one of his companions": two dead
        ("Gunmen shot dead a local commander of the General Security forces and one of his companions.",
         [("killed", 2)]),
        # ... but not companions in a clause of their own (guard: passes on rules-43 too)
        ("Gunmen shot dead a member of the local council and two of his sons were abducted.", [("killed", 1)]),
        # a figure before the casualty noun, an apposition after it: "15 wounded, several of them ..."
        ("The hospital had received nine bodies and 15 wounded, several of them in a serious condition.",
         [("killed", 9), ("wounded", 15)]),
    ],
)
def test_numbers_appositions_wounds_suffered_and_companions(text: str, expected: list[tuple[str, int]]) -> None:
    found = casualty_mentions(text, Sentence(0, len(text)), ATTACKERS)
    assert [(m.kind, m.count.best) for m in found] == expected
