"""Pydantic schema of the codebook YAML files (see docs/codebook.md for every field).

Term lists use one convention everywhere: ``terms: {en: [...], ar: [...]}``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from emberwatch.codebook.indicators_schema import IndicatorDefinition

ID_PATTERN = r"^[a-z0-9][a-z0-9_\-]*$"


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Terms(Entry):
    """Words and phrases per language; matched case-insensitively on word boundaries."""

    en: list[str] = Field(default_factory=list, description="English terms.")
    ar: list[str] = Field(default_factory=list, description="Arabic terms.")

    @field_validator("en", "ar")
    @classmethod
    def _non_empty(cls, values: list[str]) -> list[str]:
        for i, value in enumerate(values):
            if not value.strip():
                raise ValueError(f"{i}: empty string")
        return values

    def for_language(self, language: str) -> list[str]:
        return list(getattr(self, language, []) or [])


class SubType(Entry):
    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=1)
    terms: Terms = Field(default_factory=Terms)
    gtd_attack_type: str | None = None
    acled_sub_event_type: str | None = None
    insurgent_tactic: bool | None = Field(default=None, description="Overrides the parent type's flag.")
    territorial_control: bool | None = None


class EventType(Entry):
    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=1)
    description: str = ""
    terms: Terms = Field(default_factory=Terms)
    gtd_attack_type: str | None = Field(default=None, description="GTD attacktype1_txt.")
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    insurgent_tactic: bool = Field(default=False, description="Ambush, IED, assassination, hit-and-run...")
    territorial_control: bool = Field(default=False, description="Claims of control or capture.")
    priority: int = Field(default=0, description="Higher wins when several types trigger in one sentence.")
    sub_types: list[SubType] = Field(default_factory=list)


class ActorType(StrEnum):
    jihadist_group = "jihadist_group"
    state_force = "state_force"
    non_state_armed_group = "non_state_armed_group"
    international_coalition = "international_coalition"
    militia = "militia"
    foreign_force = "foreign_force"
    rebel_group = "rebel_group"


# the kinds of actor that act for a state: armies, police, a coalition, foreign troops
STATE_KINDS = frozenset({ActorType.state_force, ActorType.international_coalition, ActorType.foreign_force})


class Actor(Entry):
    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=1)
    name_ar: str | None = None
    kind: ActorType
    parent: str | None = Field(default=None, description="Id of the parent actor (affiliate link).")
    country_codes: list[str] = Field(default_factory=list, description="ISO 3166 alpha-2 codes.")
    aliases: Terms = Field(default_factory=Terms)
    abbreviations: list[str] = Field(default_factory=list, description="Matched case-sensitively.")
    attributive: Terms = Field(
        default_factory=Terms,
        description=(
            "Modifiers that name the actor as the one who acted when they stand right before an event "
            "trigger ('a U.S. airstrike', 'coalition drone strikes', 'Russian air strikes'), or in Arabic "
            "right after it ('غارة جوية أمريكية'). English terms are matched with their exact case."
        ),
    )
    branch_of: Terms = Field(
        default_factory=Terms,
        description=(
            "For an affiliate (with a parent): its area as reports name the branch, from which the names "
            "\"the Islamic State's Yemen branch\", \"the Yemeni affiliate of ISIS\" (English area names) and "
            "\"الفرع اليمني لتنظيم الدولة\" (Arabic adjectives with the article) are made with every name of "
            "the parent."
        ),
    )
    valid_from: date | None = None
    valid_to: date | None = None

    @field_validator("abbreviations")
    @classmethod
    def _abbr(cls, values: list[str]) -> list[str]:
        for i, value in enumerate(values):
            if not value.strip():
                raise ValueError(f"{i}: empty string")
        return values


class DescriptionRole(StrEnum):
    perpetrator_individual = "perpetrator_individual"
    perpetrator_organization = "perpetrator_organization"


class Description(Entry):
    """Generic perpetrator descriptions ("gunmen", "a suicide bomber", "cell members")."""

    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=1)
    role: DescriptionRole = DescriptionRole.perpetrator_individual
    terms: Terms = Field(default_factory=Terms)


class Weapon(Entry):
    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=1)
    category: str = Field(min_length=1, description="firearms, explosives, incendiary, melee...")
    gtd_weapon_type: str | None = None
    terms: Terms = Field(default_factory=Terms)


class Target(Entry):
    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=1)
    human: bool = Field(default=False, description="True for people (victims), false for physical targets.")
    prominent: bool = Field(
        default=False,
        description="People killed for who they are (officials, tribal and religious leaders): an attack that "
        "kills one of them and no one else is a targeted killing (GTD's assassination).",
    )
    gtd_target_type: str | None = None
    terms: Terms = Field(default_factory=Terms)


class MechanismIndicator(Entry):
    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=1)
    terms: Terms = Field(default_factory=Terms)


class Mechanism(Entry):
    code: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=1)
    description: str = ""
    indicators: list[MechanismIndicator] = Field(default_factory=list)


class Cues(Entry):
    """Context words that qualify a trigger or a perpetrator mention."""

    claimed: Terms = Field(default_factory=Terms, description="Claim of responsibility.")
    attributed: Terms = Field(default_factory=Terms, description="Officials/reports attribute it.")
    suspected: Terms = Field(default_factory=Terms, description="Suspicion, belief, likelihood.")
    negation: Terms = Field(default_factory=Terms, description="The event did not happen.")
    hypothetical: Terms = Field(default_factory=Terms, description="Threats, plans, future events.")
    perpetrator_killed: Terms = Field(
        default_factory=Terms, description="Words marking dead/wounded as the attackers themselves."
    )
    anaphora: Terms = Field(
        default_factory=Terms, description="Phrases referring back to an event already reported (the attack)."
    )
    new_event: Terms = Field(
        default_factory=Terms, description="Phrases introducing another event (in a separate incident)."
    )
    denial: Terms = Field(
        default_factory=Terms,
        description='An actor denies a role ("denied involvement"): not the perpetrator.',
    )
    reporting: Terms = Field(
        default_factory=Terms,
        description="Reporting verbs: a person right before one is a source, not a victim.",
    )
    source: Terms = Field(
        default_factory=Terms,
        description='Nouns naming a source of the report ("an SDF source said", "an Iraqi army official told", '
        '"قال مصدر في قسد"): a force qualifying one near a reporting verb reports an attack, it did not carry it out.',
    )
    object_marker: Terms = Field(
        default_factory=Terms,
        description='Words right before an actor naming the harmed side ("against", "targeting", "ضد").',
    )
    agent_marker: Terms = Field(
        default_factory=Terms, description='Words right before an actor naming the agent ("by", "من قبل").'
    )
    harm_before: Terms = Field(
        default_factory=Terms,
        description='Harm words before an actor that make it a victim ("killing", "مقتل").',
    )
    cumulative: Terms = Field(
        default_factory=Terms,
        description='A casualty figure near one is a running total, not one incident\'s ("since", "so far").',
    )
    tally: Terms = Field(
        default_factory=Terms,
        description='Only with a figure of 1,000 or more: a reported tally ("had been killed", "estimated").',
    )
    period_end: Terms = Field(
        default_factory=Terms,
        description='Right before a date, it makes the sentence a tally up to that date ("by", "as of").',
    )
    follow_up: Terms = Field(
        default_factory=Terms,
        description='News after the event ("died of his injuries", "bringing the death toll to", "متأثرا '
        'بجروحه"): a lead dated only by its statement tells the event the next sentence dates.',
    )
    others: Terms = Field(
        default_factory=Terms,
        description='More victims of the event just told ("two other villagers", "three others", "قرويان آخران"): '
        "the next sentence of the paragraph with one and a casualty figure, naming no actor, joins that event.",
    )
    habitual: Terms = Field(
        default_factory=Terms,
        description='A pattern, not one incident ("regularly", "frequently", "several sweeps", "بشكل متكرر"): a '
        "sentence with one, no day or week of its own (a month or a year may frame the pattern) and no casualty "
        "figure gives no event.",
    )
    seizure: Terms = Field(
        default_factory=Terms,
        description='Weapons seized or found ("seized", "cache", "ضبط", "مخبأ"): a weapon noun in the same clause '
        "is not an attack trigger.",
    )
    aircraft: Terms = Field(
        default_factory=Terms,
        description='Words naming aircraft or the air ("warplanes", "جوية", "طائرات", "التحالف"): the Arabic word '
        'for a raid, "غارة", with none of them in its sentence and militants as its agent (or a force as its '
        "target) is a raid on the ground, not an air strike.",
    )
    back_matter: Terms = Field(
        default_factory=Terms,
        description='Whole titles of back-matter sections ("See also", "References", "المراجع"): the lines under '
        "such a heading list links and sources, and report no event. Compared with heading titles only, never "
        "matched in running text.",
    )


# nouns that name an affiliate by its area ("the Islamic State's Yemen branch", "الفرع اليمني لتنظيم الدولة")
BRANCH_NOUNS = ("branch", "affiliate", "province", "wing", "arm", "franchise", "offshoot", "chapter")
BRANCH_NOUNS_AR = ("الفرع",)
# parent aliases that are a group's members, not its name ("IS fighters"), make no branch name
_NOT_PARENT_NAME = frozenset({"militants", "fighters", "jihadists"})


class Codebook(BaseModel):
    """The whole validated codebook (one object per folder; see :func:`load_codebook`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    path: Path | None = Field(default=None, description="Folder it was read from (None: package data).")
    version: str = Field(description="Short hash of the YAML contents.")
    event_types: list[EventType] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    descriptions: list[Description] = Field(default_factory=list)
    weapons: list[Weapon] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    mechanisms: list[Mechanism] = Field(default_factory=list)
    cues: Cues = Field(default_factory=Cues)
    indicators: list[IndicatorDefinition] = Field(default_factory=list)

    def actor(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def event_type(self, type_id: str) -> EventType | None:
        return next((t for t in self.event_types if t.id == type_id), None)

    def mechanism_codes(self) -> list[str]:
        return [m.code for m in self.mechanisms]

    def term_lists(self) -> Iterator[tuple[Terms, str, str]]:
        """(terms, section, key) of the sections every language matches alike: event types and their
        sub-types (``type/sub``), descriptions, weapons, targets and mechanism indicators (``code/id``).
        Actors and cues are language-specific and left to each language's rules."""
        for et in self.event_types:
            yield et.terms, "event_types", et.id
            for sub in et.sub_types:
                yield sub.terms, "event_types", f"{et.id}/{sub.id}"
        for d in self.descriptions:
            yield d.terms, "descriptions", d.id
        for w in self.weapons:
            yield w.terms, "weapons", w.id
        for t in self.targets:
            yield t.terms, "targets", t.id
        for m in self.mechanisms:
            for ind in m.indicators:
                yield ind.terms, "mechanisms", f"{m.code}/{ind.id}"

    def actor_names(self, actor: Actor, language: str) -> list[str]:
        """The actor's aliases in ``language`` ("en" or "ar") and the branch names made from its `branch_of`
        areas and its parent's names (see :data:`BRANCH_NOUNS`)."""
        aliases = list(getattr(actor.aliases, language))
        parent = self.actor(actor.parent) if actor.parent else None
        areas = getattr(actor.branch_of, language)
        if parent is None or not areas:
            return aliases
        if language == "en":
            parents = [p for p in (parent.name, *parent.aliases.en, *parent.abbreviations)
                       if not set(p.lower().split()) & _NOT_PARENT_NAME]  # fmt: skip
            templates = ("{p}'s {a} {n}", "{p}’s {a} {n}", "{a} {n} of {p}", "{a} {n} of the {p}")
            made = [
                t.format(p=p, a=area, n=noun)
                for p in parents
                for area in areas
                for noun in BRANCH_NOUNS
                for t in templates
            ]
            # "Islamic State Somalia", "ISIS Sahel": the parent's name or a long abbreviation before the area
            # (not "IS": "the country most at risk is Somalia")
            short = [parent.name, *(a for a in parent.abbreviations if len(a) >= 3)]
            made += [f"{p} {area}" for p in short for area in areas]
        else:
            parents = [p for p in (parent.name_ar, *parent.aliases.ar) if p]
            # "الفرع اليمني لتنظيم الدولة", "الفرع الصومالي للدولة الإسلامية" (ل + ال is written لل)
            made = [
                f"{noun} {area} {'لل' + p[2:] if p.startswith('ال') else 'ل' + p}"
                for p in parents
                for area in areas
                for noun in BRANCH_NOUNS_AR
            ]
        return aliases + [m for m in made if m not in aliases]

    def ancestors(self, actor_id: str) -> list[str]:
        """Parent chain of an actor, nearest first (cycles are rejected by ``check_codebook``)."""
        by_id = {a.id: a for a in self.actors}
        chain: list[str] = []
        current = by_id.get(actor_id)
        while current is not None and current.parent and current.parent not in chain:
            chain.append(current.parent)
            current = by_id.get(current.parent)
        return chain
