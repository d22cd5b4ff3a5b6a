"""Role filler: role tables on own sentences (lower, upper, mixed case), entities, offsets, pickling."""

from __future__ import annotations

import pickle

import pytest

from emberwatch.extract.roles import fill_roles, load_role_resources, trigger_anchors
from emberwatch.extract.roles.decode import Mention, assign, entities
from emberwatch.extract.roles.tokens import tokenize
from emberwatch.extract.types import EventAnchor
from emberwatch.models import Language


@pytest.fixture(scope="module")
def resources():
    return load_role_resources(with_codebook=False)


def _roles(text: str, resources) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for fillers in fill_roles(text, trigger_anchors(text, resources), resources):
        for name in ("perpetrator_individuals", "perpetrator_organizations", "targets", "victims", "weapons"):
            out.setdefault(name, []).extend(s.text for s in getattr(fillers, name))
    return out


@pytest.mark.parametrize(
    ("text", "role", "expected"),
    [
        ("urban guerrillas of the manuel rodriguez patriotic front set off a bomb at the bank branch.",
         "perpetrator_organizations", "manuel rodriguez patriotic front"),
        ("urban guerrillas of the manuel rodriguez patriotic front set off a bomb at the bank branch.",
         "weapons", "bomb"),
        ("urban guerrillas of the manuel rodriguez patriotic front set off a bomb at the bank branch.",
         "targets", "bank branch"),
        ("TERRORISTS DYNAMITED AN ELECTRIC POWER TOWER IN THE NORTH OF THE COUNTRY.", "targets", "POWER TOWER"),
        ("A SUICIDE BOMBER BLEW HIMSELF UP AT A CHECKPOINT, KILLING FIVE SOLDIERS.",
         "perpetrator_individuals", "SUICIDE BOMBER"),
        ("Islamic State militants detonated a car bomb at a market in the city, killing 20 civilians.",
         "perpetrator_individuals", "Islamic State militants"),
        ("Islamic State militants detonated a car bomb at a market in the city, killing 20 civilians.",
         "weapons", "car bomb"),
        ("Islamic State militants detonated a car bomb at a market in the city, killing 20 civilians.",
         "victims", "civilians"),
        ("Gunmen attacked a police checkpoint near the town, killing two policemen.", "targets", "checkpoint"),
    ],
)  # fmt: skip
def test_roles_assignment_table(resources, text: str, role: str, expected: str) -> None:
    assert expected in _roles(text, resources)[role]


def test_roles_offsets_round_trip(resources) -> None:
    text = "Islamic State militants detonated a car bomb at a market, killing 20 civilians and two soldiers."
    for fillers in fill_roles(text, trigger_anchors(text, resources), resources):
        for name in ("perpetrator_individuals", "targets", "victims", "weapons"):
            for span in getattr(fillers, name):
                assert text[span.start : span.end] == span.text


def test_roles_one_mention_per_entity() -> None:
    text = "the farabundo marti national liberation front (fmln) attacked. fmln units fled; it denied."
    long_start = text.index("farabundo")
    found = [
        Mention("PerpOrg", long_start, long_start + 41, text[long_start : long_start + 41],
                "farabundo marti national liberation front", 0.9),
        Mention("PerpOrg", text.index("fmln"), text.index("fmln") + 4, "fmln", "fmln", 0.8),
        Mention("PerpOrg", text.index("fmln u"), text.index("fmln u") + 4, "fmln", "fmln", 0.7),
    ]  # fmt: skip
    (fillers,) = assign(found, [EventAnchor(0, len(text), 53, 61, "attack", Language.en)], text)
    names = [s.text for s in fillers.perpetrator_organizations]
    assert names == ["farabundo marti national liberation front"]


def test_roles_perpetrator_and_victim_disjoint() -> None:
    found = [
        Mention("PerpInd", 0, 8, "soldiers", "soldiers", 0.9),
        Mention("Victim", 30, 38, "soldiers", "soldiers", 0.4),
        Mention("Victim", 40, 50, "two guards", "two guards", 0.6),
    ]
    roles = {(e.role, e.best.key) for e in entities(found, "x" * 60)}
    assert roles == {("PerpInd", "soldiers"), ("Victim", "two guards")}


def test_roles_assigns_mentions_to_nearest_anchor() -> None:
    text = "gunmen shot a judge. " + "x" * 20 + " later a bomb destroyed a bus."
    second = text.index("later")
    anchors = [EventAnchor(0, 20, 7, 11, "attack", Language.en),
               EventAnchor(second, len(text), second + 13, second + 22, "bombing", Language.en)]  # fmt: skip
    found = [Mention("PerpInd", 0, 6, "gunmen", "gunmen", 0.9),
             Mention("Target", text.index("bus"), text.index("bus") + 3, "bus", "bus", 0.9)]  # fmt: skip
    first, last = assign(found, anchors, text)
    assert [s.text for s in first.perpetrator_individuals] == ["gunmen"] and not first.targets
    assert [s.text for s in last.targets] == ["bus"] and not last.perpetrator_individuals


def test_roles_resources_picklable_and_no_anchor_means_no_fillers(resources) -> None:
    clone = pickle.loads(pickle.dumps(resources))
    assert fill_roles("a bomb exploded.", [], clone) == []


@pytest.mark.parametrize(
    ("text", "sentences"),
    [("Gen. Smith arrived. A bomb exploded!  Then quiet.", 3), ("one sentence without end", 1)],
)
def test_tokens_sentence_split(text: str, sentences: int) -> None:
    assert len(tokenize(text).sentence_bounds()) == sentences
