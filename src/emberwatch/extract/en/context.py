"""English surface cues around an actor mention: is it the agent or the harmed side of the event?

Used by the language-independent event assembly (``emberwatch.extract.events``) with the English lists of
the codebook's ``object_marker``, ``agent_marker`` and ``harm_before`` cues (cues.yaml); other languages
use the same cue lists through the term matcher (``events._cue_marker``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

PASSIVE_MARKERS = (" was ", " were ", " been ", " being ")
# determiners and numbers between a marker and the actor name: "killed the five ISIS ..."
_DETERMINERS = re.compile(
    r"(?:\s+(?:the|a|an|its|their|his|her|\d+|[a-z]+ty|two|three|four|five|six|seven|eight|nine|ten))+$"
)
# "(SDF) were killed", "fighters were ambushed": the actor is the harmed side
_PASSIVE_HARM = re.compile(
    r"^\)?(?:\s*\([^)]{1,12}\))?\s*(?:[a-z-]+\s+){0,2}(?:were|was|have been|had been|are|is)\s+(?:\w+\s+)?"
    r"(?:killed|wounded|injured|attacked|targeted|ambushed|kidnapped|abducted|hit|struck|dead|assassinated"
    r"|executed|beheaded|gunned down|shot dead)\b"
)
WINDOW = 40
# "ISIL's deputy leader in Syria, Abu Ali al-Anbari, was killed by special forces": the group whose member was harmed
_POSSESSIVE_HARM = re.compile(
    r"^['’]s\s+(?:[\w-]+\s+){1,4}?(?:in\s+[\w-]+\s*)?(?:,[^,.;]{1,40},\s*)?(?:were|was|have been|had been)\s+"
    r"(?:\w+\s+)?(?:killed|wounded|injured|kidnapped|abducted|assassinated|executed|beheaded|gunned down|shot dead)\b"
)
POSSESSIVE_WINDOW = 100


def _before(text: str, start: int) -> str:
    return _DETERMINERS.sub("", text[max(0, start - 30) : start].lower().rstrip())


def _ends_with(before: str, words: Sequence[str]) -> bool:
    return any(before.endswith(" " + w) or before == w for w in words)


def marker_before(
    text: str, start: int, object_markers: Sequence[str], agent_markers: Sequence[str]
) -> Literal["object", "agent"] | None:
    """ "against ISIS" -> object; "carried out by ISIS" -> agent; otherwise None (markers lower-case).
    The longer marker wins: "blamed on ISIS" (agent) over "on ISIS" (object)."""
    before = _before(text, start)
    objects, agents = _longest_end(before, object_markers), _longest_end(before, agent_markers)
    if objects and objects >= agents:
        return "object"
    if agents:
        return "agent"
    return None


def _longest_end(before: str, words: Sequence[str]) -> int:
    """Length of the longest of ``words`` that ``before`` ends with (0 when none)."""
    return max((len(w) for w in words if before.endswith(" " + w) or before == w), default=0)


def harmed_after(text: str, end: int) -> bool:
    """The words after the mention say it was harmed ("... were killed")."""
    return (
        _PASSIVE_HARM.match(text[end : end + WINDOW].lower()) is not None
        or _POSSESSIVE_HARM.match(text[end : end + POSSESSIVE_WINDOW].lower()) is not None
    )


def harm_verb_before(text: str, start: int, harm_words: Sequence[str]) -> bool:
    """The mention is the object of a harm verb ("killing five ISIS militants")."""
    return _ends_with(_before(text, start), harm_words)


def passive_between(text: str, end: int, trigger_start: int) -> bool:
    """A passive construction between the mention and a later trigger ("SDF fighters were ambushed")."""
    between = text[end:trigger_start].lower()
    return len(between) < WINDOW and any(p in f" {between} " for p in PASSIVE_MARKERS)
