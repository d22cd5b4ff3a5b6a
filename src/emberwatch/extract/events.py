"""Language-independent event assembly: triggers -> anchors -> merged events with roles and evidence.

Everything language-specific comes from the :class:`LanguageRules` object; everything here works on
offsets, codebook ids and term matches. See docs/extraction.md for the rules and the confidence formula.
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

from emberwatch.codebook.schema import STATE_KINDS, ActorType, Codebook
from emberwatch.extract.ar.casualties import VERB_TRIGGERS
from emberwatch.extract.dating import DocumentDates
from emberwatch.extract.en.context import harm_verb_before, harmed_after, marker_before, passive_between
from emberwatch.extract.en.sentences import heading_title, is_heading, paragraph_ids
from emberwatch.extract.language import DateContext, LanguageRules
from emberwatch.extract.types import (
    CountMention,
    EventAnchor,
    ResolvedDate,
    RoleFillers,
    Sentence,
    TermMatch,
    TextSpan,
)
from emberwatch.models import (
    ActorKind,
    ActorMention,
    Attribution,
    Count,
    DatePrecision,
    DocumentExtraction,
    ExtractedEvent,
    ExtractInput,
    Language,
    MechanismHit,
    Perpetrator,
    PlaceRef,
    Span,
)
from emberwatch.text.arabic import fold

if TYPE_CHECKING:
    from emberwatch.extract.pipeline import ExtractResources

NON_STATE = frozenset(
    {ActorType.jihadist_group, ActorType.non_state_armed_group, ActorType.rebel_group, ActorType.militia}
)
STATE_ACTION_TYPES = frozenset({"airstrike", "arrest"})
# attacks that the forces quoted as a report's source are seldom the authors of; in raids, clashes,
# shelling and captures the force that reports is often the one that acted ("SDF spokesman Mustafa Bali
# said the SDF's advance had slowed", "an Iraqi army officer said the 15th Division captured six villages")
SOURCE_REPORTED_TYPES = frozenset(
    {"bombing", "ambush", "assassination", "execution", "kidnapping", "arson", "robbery", "attack"}
)
SPECIFIC_BONUS = 1  # sub-type triggers outrank their parent type's generic triggers
LARGE_TOTAL = 1000  # a figure this large in a sentence with a `cumulative` or `tally` cue is a running total
CUMULATIVE_BEFORE = 60  # characters from a `cumulative` cue to a figure after it ("so far, 300 ...")
CUMULATIVE_AFTER = 50  # ... and from a figure to a cue after it in the same clause ("killed 500 since")
_CLAUSE_END = re.compile(r"[.;؛]")
_CLAUSE_BREAK = re.compile(r"[,;،؛]")


@dataclass(frozen=True)
class CodebookIndex:
    """Lookups derived once from the codebook (kept in ExtractResources)."""

    priority: dict[str, int]
    human_targets: frozenset[str]
    actor_kind: dict[str, ActorType]
    children: dict[str, frozenset[str]]
    object_markers: tuple[str, ...] = ()  # English side cues (cues.yaml), for extract.en.context
    agent_markers: tuple[str, ...] = ()
    harm_words: tuple[str, ...] = ()
    back_matter: frozenset[str] = frozenset()  # section titles (folded) that report no event
    source_nouns: frozenset[str] = frozenset()  # one-word `source` cues, lower-cased and folded
    # types that are no violence of their own (ACLED "Strategic developments": arrests, weapons seized)
    strategic: frozenset[str] = frozenset()
    prominent_targets: frozenset[str] = frozenset()  # people killed for who they are (targets.yaml `prominent`)
    combatant_targets: frozenset[str] = frozenset()  # soldiers and police: a side that also acts
    territorial: frozenset[str] = frozenset()  # types that claim or lose ground (event_types.yaml)

    @classmethod
    def build(cls, codebook: Codebook) -> CodebookIndex:
        priority: dict[str, int] = {}
        for et in codebook.event_types:
            priority[et.id] = et.priority
            for sub in et.sub_types:
                priority[f"{et.id}/{sub.id}"] = et.priority + SPECIFIC_BONUS
        children: dict[str, set[str]] = {}
        for actor in codebook.actors:
            for ancestor in codebook.ancestors(actor.id):
                children.setdefault(ancestor, set()).add(actor.id)
        return cls(
            priority=priority,
            human_targets=frozenset(t.id for t in codebook.targets if t.human),
            actor_kind={a.id: a.kind for a in codebook.actors},
            children={k: frozenset(v) for k, v in children.items()},
            object_markers=tuple(t.lower() for t in codebook.cues.object_marker.en),
            agent_markers=tuple(t.lower() for t in codebook.cues.agent_marker.en),
            harm_words=tuple(t.lower() for t in codebook.cues.harm_before.en),
            back_matter=frozenset(
                _title_key(t) for t in (*codebook.cues.back_matter.en, *codebook.cues.back_matter.ar)
            ),
            source_nouns=frozenset(
                fold(t.lower()) for t in (*codebook.cues.source.en, *codebook.cues.source.ar) if " " not in t
            ),
            strategic=frozenset(et.id for et in codebook.event_types if et.acled_event_type == STRATEGIC),
            prominent_targets=frozenset(t.id for t in codebook.targets if t.human and t.prominent),
            combatant_targets=frozenset(
                t.id for t in codebook.targets if t.human and t.gtd_target_type in COMBATANT_TARGET_TYPES
            ),
            territorial=frozenset(et.id for et in codebook.event_types if et.territorial_control),
        )


@dataclass
class _Group:
    """One event: its sentences (indices) and the trigger matches that support it."""

    primary: int
    sentences: list[int]
    triggers: list[TermMatch]
    key: str
    paragraph: int
    # the last sentence that goes on with the event without an event word of its own and is not part of it
    # ("About a dozen gunmen on motorcycles reached the village at around 11 p.m."): the next sentence still
    # comes right after the event ("A farmer who tried to stop them was shot dead, and two other men were wounded")
    bridged: int = -1

    @property
    def told_last(self) -> int:
        """The event's last sentence, or the bridging sentence after it."""
        return max(self.sentences[-1], self.bridged)

    @property
    def event_type(self) -> str:
        return self.key.split("/", 1)[0]

    @property
    def sub_type(self) -> str | None:
        return self.key.split("/", 1)[1] if "/" in self.key else None


@dataclass
class _Doc:
    """Per-document working state (local to one extract_document call)."""

    text: str
    sentences: list[Sentence]
    paragraphs: list[int]
    language: Language = Language.en
    headings: list[bool] = field(default_factory=list)  # sentence i is a heading line
    back_matter: list[bool] = field(default_factory=list)  # sentence i is under a "See also"-like heading
    images: list[tuple[int, int]] = field(default_factory=list)  # Markdown images (see IMAGE)
    by_section: dict[str, list[TermMatch]] = field(default_factory=dict)
    starts_by_section: dict[str, list[int]] = field(default_factory=dict)

    paragraph_bounds: dict[int, tuple[int, int]] = field(default_factory=dict)
    dates: DocumentDates | None = None
    count_cache: dict[int, list[CountMention]] = field(default_factory=dict)
    grouped: set[int] = field(default_factory=set)  # sentences that belong to an event (after grouping)
    sentence_starts: list[int] = field(default_factory=list)

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence holding ``offset`` (or the one before it)."""
        if len(self.sentence_starts) != len(self.sentences):
            self.sentence_starts = [s.start for s in self.sentences]
        return max(0, bisect.bisect_right(self.sentence_starts, offset) - 1)

    def in_range(self, section: str, start: int, end: int) -> list[TermMatch]:
        starts = self.starts_by_section.get(section)
        if not starts:
            return []
        lo = bisect.bisect_left(starts, start)
        hi = bisect.bisect_left(starts, end, lo)
        return self.by_section[section][lo:hi]

    def sentence_matches(self, section: str, indices: Iterable[int]) -> list[TermMatch]:
        out: list[TermMatch] = []
        for i in indices:
            s = self.sentences[i]
            out += self.in_range(section, s.start, s.end)
        return out

    def paragraph_range(self, paragraph: int) -> tuple[int, int]:
        if not self.paragraph_bounds:
            for sentence, p in zip(self.sentences, self.paragraphs, strict=True):
                first, _ = self.paragraph_bounds.get(p, (sentence.start, sentence.end))
                self.paragraph_bounds[p] = (first, sentence.end)
        return self.paragraph_bounds[paragraph]

    def casualties(self, rules: LanguageRules, i: int) -> list[CountMention]:
        """The casualty figures of sentence ``i`` (found once per document)."""
        if i not in self.count_cache:
            self.count_cache[i] = rules.casualties(self.text, self.sentences[i])
        return self.count_cache[i]

    def is_cumulative(self, i: int, count: CountMention) -> bool:
        """A running total rather than one incident's toll (docs/extraction.md, rule 6)."""
        sentence = self.sentences[i]
        if self._tally_date(i) and not any(c.key == "follow_up" for c in self.sentence_matches("cues", [i])):
            # (but the event's toll risen by then is its toll: "By Sunday the toll had climbed to 23")
            return True
        record_from = max(sentence.start, count.evidence.start - RECORD_REACH)
        if _RECORD_CLAUSE.search(self.text, record_from, count.evidence.start):
            return True  # "Daesh, which has killed several Taliban commanders": the group's record
        in_sentence = self.in_range("cues", sentence.start, sentence.end)
        large = (count.count.best or count.count.low or count.count.high or 0) >= LARGE_TOTAL
        if large and any(c.key in {"cumulative", "tally"} for c in in_sentence):
            return True  # "more than 10,000 militants" in a sentence with "since 2014" / "had been killed"
        own = self.own_date(i)
        if large and own is not None and own.precision >= DatePrecision.month:
            return True  # "killed as many as 6,000 civilians in 2017": a month's or a year's total
        for cue in (c for c in in_sentence if c.key == "cumulative"):
            if count.evidence.start <= cue.start and cue.end <= count.evidence.end:
                return True  # "قتل خلال الأشهر الأخيرة عدداً من قادة طالبان": the period inside the figure's words
            if cue.end <= count.evidence.start:
                between = self.text[cue.end : count.evidence.start]
                # (not over the day of the figure's own clause: "وهذا ثاني هجوم منذ مطلع الشهر، ففي التاسع من
                # كانون الثاني أصيب أربعة", the second attack since the start of the month: on January 9, four
                # were wounded)
                dated = (
                    own is not None
                    and own.precision == DatePrecision.day
                    and own.evidence is not None
                    and cue.end <= own.evidence.start < count.evidence.start
                    # (the day of a clause of its own, not the period's own end: "killed since 10 March")
                    and _CLAUSE_BREAK.search(self.text, cue.end, own.evidence.start) is not None
                )
                near = count.evidence.start - cue.end <= CUMULATIVE_BEFORE
                if near and not _CLAUSE_END.search(between) and not dated:
                    return True
            elif cue.start >= count.evidence.end:
                between = self.text[count.evidence.end : cue.start]
                if cue.start - count.evidence.end <= CUMULATIVE_AFTER and not _CLAUSE_BREAK.search(between):
                    return True
        return False

    def _tally_date(self, i: int) -> bool:
        """The sentence is dated "by/as of <date>": its figures are totals up to that date."""
        resolved = self.own_date(i)
        if resolved is None or resolved.evidence is None:
            return False
        start = resolved.evidence.start
        return any(
            c.key == "period_end" and not self.text[c.end : start].strip()
            for c in self.in_range("cues", max(0, start - 12), start)
        )

    def is_summary(self, rules: LanguageRules, i: int) -> bool:
        """Every casualty figure of the sentence is a running total: a summary statement, not an event."""
        counts = self.casualties(rules, i)
        return bool(counts) and all(self.is_cumulative(i, c) for c in counts)

    def own_date(self, i: int) -> ResolvedDate | None:
        """The date expression of sentence ``i`` (resolved once per document, in reading order)."""
        assert self.dates is not None
        return self.dates.own[i]


def extract_events(
    inp: ExtractInput, language: Language, rules: LanguageRules, resources: ExtractResources
) -> DocumentExtraction:
    text = inp.text
    index: CodebookIndex = resources.index
    matches = rules.match_terms(text, rules.normalize(text))
    sentences = rules.sentences(text)
    doc = _Doc(text, sentences, paragraph_ids(text, sentences), language)
    doc.headings = [is_heading(text, s) for s in sentences]
    doc.back_matter = back_matter_sentences(text, sentences, index.back_matter)
    doc.images = [m.span() for m in IMAGE.finditer(text)]
    for m in _without_negated_claims(matches):
        doc.by_section.setdefault(m.section, []).append(m)
    for section, items in doc.by_section.items():
        items.sort(key=lambda m: m.start)
        doc.starts_by_section[section] = [m.start for m in items]
    headings = _contexts(rules.date_headings(text), inp.published)
    doc.dates = DocumentDates.build(text, sentences, headings, inp.published, rules, doc.headings)
    groups = _group_triggers(doc, rules, index)
    doc.grouped = {i for g in groups for i in g.sentences}
    places = resources.geoparser.geoparse(text, language, inp.published, inp.home) if resources.geoparser else []
    places = _outside_actor_names(places, doc.by_section.get("actors", []))
    anchors = [_anchor(doc, g, language) for g in groups]
    fillers = _role_fillers(text, anchors, resources, language)
    events = []
    for group, anchor, roles in zip(groups, anchors, fillers, strict=True):
        codebook_roles = _codebook_roles(doc, group, index)
        combined = _combine(roles, codebook_roles)
        event = _build_event(doc, group, anchor, combined, codebook_roles, rules, resources, places)
        if _is_informative(event, group, index) and not doc.is_summary(rules, group.primary):
            events.append(event)
    return DocumentExtraction(
        id=inp.id,
        language=language,
        events=events,
        places=places,
        actors=_actor_mentions(doc, fillers),
        home=inp.home if resources.geoparser else None,
    )


def _outside_actor_names(places: list[PlaceRef], actors: list[TermMatch]) -> list[PlaceRef]:
    """Drop toponyms inside a codebook actor name: "West Africa" in "Islamic State West Africa
    Province", "سيناء" in "ولاية سيناء" name the group, not where an event happened."""
    if not places or not actors:
        return places
    spans = [(m.start, m.end) for m in actors]
    return [p for p in places if not any(start <= p.start and p.end <= end and (start, end) != (p.start, p.end)
                                         for start, end in spans)]  # fmt: skip


# ------------------------------------------------------------------------------------------ triggers


def _without_negated_claims(matches: list[TermMatch]) -> list[TermMatch]:
    """ "No group claimed responsibility": a claim cue overlapping or right after a negation is void."""
    negations = [m for m in matches if m.section == "cues" and m.key == "negation"]
    if not negations:
        return matches

    def negated(m: TermMatch) -> bool:
        return any(n.start <= m.start <= n.end + 12 or m.start <= n.start < m.end for n in negations)

    return [m for m in matches if not (m.section == "cues" and m.key == "claimed" and negated(m))]


def _group_triggers(doc: _Doc, rules: LanguageRules, index: CodebookIndex) -> list[_Group]:
    """One candidate per sentence (best trigger), then merge follow-up sentences of the same event."""
    groups: list[_Group] = []
    for i, sentence in enumerate(doc.sentences):
        words = sentence_words(doc, i)
        if doc.headings[i] or doc.back_matter[i] or len(words) < MIN_WORDS.get(doc.language, 4) or is_title(words):
            continue
        cues = doc.in_range("cues", sentence.start, sentence.end)  # is_negated looks inside the sentence
        triggers = [
            t for t in doc.in_range("event_types", sentence.start, sentence.end)
            if not rules.is_negated(doc.text, sentence, TextSpan(t.start, t.end, t.text), cues)
            and not _seized_weapon(doc, t, cues)
            and not _inside_weapon_name(doc, t)
            and not _armament(doc, t)
            and not _RECORD_CLAUSE.search(doc.text, max(sentence.start, t.start - RECORD_REACH), t.start)
            and not any(start <= t.start < end for start, end in doc.images)
        ]  # fmt: skip
        triggers = [_as_abduction(doc, index, sentence, _captured_ground(doc, t)) for t in triggers]
        sentence_cues = {c.key for c in doc.sentence_matches("cues", [i])}
        trend = False  # a sentence whose event words tell a pattern: no event, and no detail of the one before
        if triggers and "habitual" in sentence_cues and _is_habitual(doc, rules, i) and _in_pattern(doc, i, triggers):
            triggers, trend = [], True  # "Its cells regularly target army convoys": a pattern, not an incident
        plural = [t for t in triggers if _plural_generic(doc, index, t)]
        if (
            plural
            and all(t in plural or (groups and _inside_anaphor(doc, i, t)) for t in triggers)
            and _is_habitual(doc, rules, i)
        ):
            # "Attacks on SDF positions have increased since December 2024": a trend, not an incident; so is "ويأتي
            # الهجوم ضمن سلسلة هجمات شنها التنظيم منذ ..." (the attack is the latest in a series since ...)
            triggers, trend = [], True
        # "blamed Daesh cells for the attack, saying the sheikh had received threats in recent months": when every
        # event word refers back, a "new event" cue belongs to something else the sentence tells
        # (a sentence with no event words of its own starts no event either: "blamed Daesh, which has killed
        # several commanders in recent months")
        if triggers and groups and _ranks_event(doc, rules, i):
            continue  # "It was the second attack in the area this month": the event told, ranked among others
        referring_only = all(_inside_anaphor(doc, i, t) for t in triggers)
        _name_from_anaphor(doc, index, groups, i, triggers)
        follow_up = bool(groups) and _follow_up_lead(doc, groups[-1])
        continues = _continues_previous(
            doc,
            rules,
            groups,
            i,
            sentence_cues - {"new_event"} if referring_only else sentence_cues,
            generic=bool(groups) and index.priority.get(groups[-1].key, 0) == 0,
            follow_up=follow_up,
        )
        if not continues and _claims_previous(doc, groups, i, triggers, sentence_cues):
            continues = True  # "X claimed the raid the next day": the claim's date, not a new event
        if not continues and _refers_back(doc, rules, index, groups, i, triggers, sentence_cues):
            groups[-1].sentences.append(i)  # "... said the killing bore the hallmarks of ISIS cells", paragraphs on
            continue
        own_day = doc.own_date(i)
        if (
            groups
            and triggers
            and referring_only
            and not continues
            # (with a day of its own too when they name only the event's people: "وتجمّع ذوو المخطوفين يوم الأربعاء
            # أمام مكتب المسؤول", relatives of the abducted gathered on Wednesday)
            and (
                own_day is None
                or own_day.precision >= DatePrecision.month
                or all(_names_the_people(doc, i, t) for t in triggers)
            )
            and not doc.casualties(rules, i)
        ):
            # only event words that name an event told before, far from it, with no day or toll of their own ("The
            # governor visited the wounded and promised that those responsible for the attack would be brought to
            # justice", paragraphs after the bombing; "وقال الجيش إن القتلى ينتمون إلى جماعة ... احتلت مراوي عام
            # 2017", the dead belonged to a group that occupied Marawi in 2017): no event of their own
            continue
        if not triggers:
            if continues and (
                "claimed" in sentence_cues
                # (not a pattern's words: "suicide bombings by women have more often been associated with JAS")
                or ("anaphora" in sentence_cues and not trend)
                or "follow_up" in sentence_cues
                or _blames_someone(doc, i)
                or _more_victims(doc, rules, groups[-1], i, sentence_cues)  # "وأضاف أن أربعة أشخاص آخرين أُصيبوا"
                or _wounded_told_after(doc, rules, groups[-1], i)
                or _bodies_found(doc, i)  # "The bodies of the two men were found yesterday by relatives"
            ):
                # "No group has claimed the bombing, but the officer blamed Daesh"; "فقال إن العبوة زرعتها خلايا
                # تابعة لتنظيم الدولة" (said the device was planted by IS cells): about the event before
                groups[-1].sentences.append(i)
            elif (
                continues
                and groups[-1].told_last == i - 1
                and (doc.paragraphs[i] == doc.paragraphs[i - 1] or groups[-1].sentences == [i - 1])
            ):
                groups[-1].bridged = i
            continue
        best = _raid_before_demolition(triggers, max(triggers, key=lambda t: (index.priority.get(t.key, 0), -t.start)))
        best = _killing_in_village_raid(doc, index, triggers, best)
        best = _execution_over_shooting(triggers, best)
        best = _killing_in_property_attack(triggers, best)
        best = _village_raid(doc, triggers, best, sentence.end)
        triggers = [best if (t.start, t.end) == (best.start, best.end) else t for t in triggers]
        same_type = [t for t in triggers if t.key.split("/")[0] == best.key.split("/")[0]]
        generic_only = all(index.priority.get(t.key, 0) == 0 for t in triggers)
        # (not the force the report is according to: "..., according to a statement from the Popular Mobilisation
        # command", "وبحسب بيان صادر عن قيادة عمليات الحشد الشعبي، كانت الدورية ...")
        own_actor = any(not _according_to(doc, a) for a in doc.sentence_matches("actors", [i]))
        claimed = _claimed_attack(groups, index, i) if generic_only and "claimed" in sentence_cues else None
        if claimed is not None and "new_event" not in sentence_cues:
            # a claim told after an arrest that followed the attack: "Police said on Thursday that they had detained
            # two people ... In a statement carried by its Amaq news agency on Wednesday night, IS said its fighters
            # had killed 'an apostate official'": the attack's claim, not the arrest's or an event of its own
            claimed.sentences.append(i)
            continue
        if continues and (
            "claimed" in sentence_cues
            # (a target named again joins only a sentence with no actor of its own: "The vehicle, a white station
            # wagon, had been parked near the gate", not "The SDF ... arrested a man accused of preparing the car")
            or ("anaphora" in sentence_cues and (not own_actor or _names_event_again(doc, i)))
            or ("follow_up" in sentence_cues and not own_actor)  # "His bodyguard died in hospital on Sunday"
            # (not an attack with a day and a toll of its own: "وبحسب قسد، تقف الخلية وراء هجوم استهدف يوم الأحد حاجزا
            # لها ... وأسفر عن مقتل اثنين من مقاتليها", the cell was behind an attack on Sunday that killed two)
            or (generic_only and not own_actor and not _new_attack_toll(doc, rules, i, triggers))
            or (follow_up and not own_actor)  # the follow-up lead's event, told with its day
            or (not own_actor and _more_victims(doc, rules, groups[-1], i, sentence_cues))
            or (not own_actor and _same_victim(doc, index, groups[-1], i, triggers))
            or (not own_actor and all(_quoted(doc, i, t) for t in triggers))
            or (not own_actor and all(_fires_at_attacker(doc, t) for t in triggers))
            or _explains_blame(doc, rules, index, i, triggers)
            or (not own_actor and _restates_toll(doc, rules, groups[-1], i))
            or (not own_actor and _same_kind_detail(doc, rules, index, groups[-1], i, triggers))
            or (not own_actor and _how_it_was_done(doc, groups[-1], i, triggers))
            or (not own_actor and _told_in_lead(doc, rules, index, groups[-1], i, triggers))
            or (not own_actor and generic_only and _bodies_found(doc, i))
            or (not own_actor and _pronoun_subject(doc, i, groups[-1]) and _goes_on(index, groups[-1], triggers))
        ):
            # (a sentence that names only an event told before the last one is about that event: "وأعلن تنظيم ولاية
            # سيناء مسؤوليته عن عملية الخطف" after the bodies of two of the abducted were found)
            previous = _named_earlier_group(doc, index, groups, i, triggers) or groups[-1]
            previous.sentences.append(i)
            previous.triggers += same_type
            # "the attack ... began with a roadside bomb"; not "the attackers ... seized weapons" (looting)
            violent = [t for t in triggers if t.key.split("/")[0] not in index.strategic]
            upgrade = max(violent, key=lambda t: (index.priority.get(t.key, 0), -t.start), default=None)
            if upgrade is not None and _names_earlier_event(doc, groups, i, upgrade):
                upgrade = None  # "the explosion was heard several kilometres away": the bombing told first
            if upgrade is not None and index.priority.get(previous.key, 0) == 0 < index.priority.get(upgrade.key, 0):
                previous.key = upgrade.key
                previous.triggers += [t for t in triggers if t.key == upgrade.key and t not in same_type]
            continue
        own = [t for t in triggers if not _inside_anaphor(doc, i, t)]
        violent = [t for t in own if index.priority.get(t.key, 0) > 0 and t.key.split("/")[0] not in index.strategic]
        if not violent and not continues and own and len(own) < len(triggers):
            # a new event next to an anaphor, introduced in generic words ("The raid followed a similar attack last
            # month"): an attack, not the anaphor's raid (as "ويأتي الهجوم بعد هجوم مماثل"); not "those wounded in
            # the clashes", "the bomb attack" (the anaphor's own event)
            new_cues = [c for c in doc.sentence_matches("cues", [i]) if c.key == "new_event"]
            cue_ends = [c.end for c in new_cues]
            violent = [
                t
                for t in own
                if t.key.split("/")[0] not in index.strategic
                and (
                    _INTRODUCED.search(doc.text, max(0, t.start - INTRODUCED_REACH), t.start)
                    # "وجاء القصف بعد يومين من هجوم على قاعدة" (two days after an attack on a base)
                    or any(0 <= t.start - end <= 2 for end in cue_ends)
                    # "على هجوم آخر في المنطقة" (another attack in the area): the event word inside the cue
                    or any(c.start <= t.start and t.end <= c.end for c in new_cues)
                    # "The shelling came three days after ISWAP fighters attacked a base": the clause after the cue
                    or any(
                        0 <= t.start - end <= NEW_EVENT_CLAUSE and not _CLAUSE_GAP.search(doc.text, end, t.start)
                        for end in cue_ends
                    )
                )
            ]
        if violent and len(own) < len(triggers):
            # a new event in a sentence that also names the one before ("وتأتي عملية الخطف في أعقاب سلسلة من
            # الهجمات، إذ اقتحم مسلحون في 23 يناير قاعدة"): its type comes from its own specific words, not the
            # anaphor's (but "those wounded in the clashes" are the clashes' wounded: generic words do not count,
            # nor does an arrest: "an arrest warrant in the assassination of ..." reports the assassination)
            best = max(violent, key=lambda t: (index.priority.get(t.key, 0), -t.start))
            same_type = [t for t in own if t.key.split("/")[0] == best.key.split("/")[0]]
        group = _Group(i, [i], same_type, best.key, doc.paragraphs[i])
        if (
            groups
            # (or gunfire heard: '"Then we heard the shots."', a resident's words on the executions told before)
            # (or a burning told: '"They burned everything: the millet, the beds, the seeds for next season"')
            and (generic_only or all(t.key in (ARMED_ASSAULT, "arson") for t in triggers))
            and _opens_quoted(doc, i)
            and all(_quoted(doc, i, t) for t in triggers)
            and doc.own_date(i) is None
            and not doc.casualties(rules, i)
        ):
            continue  # a mourner's words far after the event ('"They killed him because people listened to him."')
        if continues and not own_actor and _restates_weapon(doc, rules, groups[-1], triggers, i, index):
            # "وسقطت أربع قذائف على الأقل بين المنازل": the same shelling (its trigger stays the event's own)
            groups[-1].sentences.append(i)
            continue
        detail = not own_actor
        if continues and _same_paragraph_compatible(doc, groups[-1], group, index, detail):
            previous = groups[-1]
            previous.sentences.append(i)
            previous.triggers += same_type
            if index.priority.get(best.key, 0) > index.priority.get(previous.key, 0):
                previous.key = best.key
            continue
        groups.append(group)
    return groups


# "blew up" with an object: a demolition, the end of a raid when an assault word comes first ("stormed a pumping
# station, killed three employees and blew up its pumps", "اقتحموا ... وفجّروا مضخاتها")
# (folding drops the shadda: "فجّروا" is "فجروا")
_DEMOLITION = frozenset(fold(w) for w in ("blew up", "blown up", "blowing up", "فجروا", "فجرت"))


# a village, town or camp as the object of a raid ("stormed a farming village", "اقتحم مسلحون ... قرية زراعية")
# (the first place word after the raid word: not "stormed the house of the mukhtar of a village")
_RAIDED_PLACE = re.compile(
    r"\b(?:(?P<settlement>villages?|towns?|city|hamlets?|camps?|settlements?)|houses?|homes?|office|compound|"
    r"headquarters|mosque|church|school)\b"
    r"|(?<![\w])(?:ال)?(?:(?P<ar_settlement>قرية|قرى|بلدة|مدينة|مخيم)|منزل|بيت|مقر|مكتب|مسجد|مدرسة|كنيسة)",
    re.IGNORECASE,
)


def _killing_in_village_raid(doc: _Doc, index: CodebookIndex, triggers: list[TermMatch], best: TermMatch) -> TermMatch:
    """A shooting death told after a raid on a village ("stormed a farming village ..., shooting dead one man and
    setting fire to seven houses", "اقتحم مسلحون قرية زراعية فقتلوا رجلا بالرصاص وأضرموا النار"): a victim of
    the raid, not a targeted killing; the sentence's other words give the event's type."""
    if best.key != "assassination":
        return best
    raids = [
        t
        for t in triggers
        if t.key == "armed_assault" and t.end <= best.start and _raids_settlement(doc.text, t.end, best.start)
    ]
    if not raids:
        return best
    others = [t for t in triggers if t.key != "assassination" and t.start != best.start]
    return max(others, key=lambda t: (index.priority.get(t.key, 0), -t.start))


def _raids_settlement(text: str, start: int, end: int) -> bool:
    found = _first_place(text, start, end)
    return found is not None and bool(found.group("settlement") or found.group("ar_settlement"))


def _first_place(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first :data:`_RAIDED_PLACE` word starting before ``end``, read whole ("campaign" is no "camp")."""
    return _starting_before(_RAIDED_PLACE, text, start, end)


READ_ON = 20  # characters past a search's end that a match starting before it may read


def _starting_before(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    """The first match of ``pattern`` that starts in ``[start, end)``, its words and look-aheads read past ``end``
    (a search bounded at ``end`` would take "camp" of "campaign", and "but " before "have" for a new clause)."""
    found = pattern.search(text, start, min(len(text), end + READ_ON))
    return found if found is not None and found.start() < end else None


_PROPERTY_CRIMES = frozenset({"arson", "robbery"})


def _killing_in_property_attack(triggers: list[TermMatch], best: TermMatch) -> TermMatch:
    """A shooting death told after an arson or a robbery in its sentence ("Gunmen set fire to wheat fields ...,
    shooting dead a farmer who tried to stop them", "أضرم مسلحون النار في حقول قمح ... وقتلوا بالرصاص مزارعا حاول
    منعهم"): a victim of that attack, not a targeted killing."""
    if best.key != "assassination":
        return best
    return next((t for t in triggers if t.key in _PROPERTY_CRIMES and t.end <= best.start), best)


def _village_raid(doc: _Doc, triggers: list[TermMatch], best: TermMatch, end: int) -> TermMatch:
    """An attack on a village: a raid. Homes burned in a raid told before them in their sentence ("killed at least nine
    people in a raid on a fishing village ..., burning homes and boats", "في هجوم على قرية للصيادين ... وأضرموا النار
    في منازل") are the raid; so is a village attacked ("هاجم مسلحون ... قرية تقع شرقي ميناكا، فقتلوا 21 مدنيا", as
    "raided a village"), whatever the sentence's other words. ``end``: the end of the trigger's sentence."""
    if best.key not in ("arson", ATTACK):
        return best
    for t in triggers:
        # (before the arson; anywhere when the best word is a generic one: "ويأتي الهجوم بعد هجوم مماثل ..., ففي 27
        # أيار/مايو هاجم مسلحون ... مخيما لرعاة نازحين", attacked a camp of displaced herders)
        if (best.key != ATTACK and t.start > best.start) or t.key not in (ARMED_ASSAULT, ATTACK):
            continue
        if t.key == ATTACK and fold(t.text.lower()).removeprefix("و") not in _ATTACK_VERBS:
            continue  # (not a casualty word: "was wounded and managed to return to the town")
        stop = best.start if t.end <= best.start else min(end, t.end + RAID_OBJECT_REACH)
        start = t.start if t.key == ARMED_ASSAULT else t.end
        place = _first_place(doc.text, start, stop)
        # (the village attacked, not one the attacked place is near: "attacked a guard post at an oil field near
        # the southern town of Ubari")
        if place is None:
            continue
        between = doc.text[t.end : place.start()].split()
        if between == ["على"]:
            between = []  # "هجوم على البلدة": the object of the attack (as "an attack on the town")
        words_before = between[-LOCATIVE_WORDS:]
        if any(_LOCATIVE.fullmatch(w.strip(",،")) for w in words_before):
            continue
        if place.group("settlement") or place.group("ar_settlement"):
            return t if t.key == ARMED_ASSAULT else TermMatch(t.section, ARMED_ASSAULT, t.start, t.end, t.text)
    return best


RAID_OBJECT_REACH = 80  # characters after "attacked" where the village it attacked is looked for
_ATTACK_VERBS = frozenset(
    fold(w) for w in ("attacked", "attack", "attacks", "attacking", "هاجم", "هاجموا", "هاجمت", "هجوم", "هجوما", "هجمات")
)
LOCATIVE_WORDS = 3  # words before the village where a preposition makes it a place near the object, not the object
_LOCATIVE = re.compile(
    r"(?:at|near|outside|in|of|from|to|north|south|east|west|outskirts|edge)"
    r"|(?:في|قرب|بالقرب|عند|على|أطراف|ضواحي|مشارف|شمال|جنوب|شرق|غرب|شرقي|غربي|شمالي|جنوبي)",
    re.IGNORECASE,
)


def _execution_over_shooting(triggers: list[TermMatch], best: TermMatch) -> TermMatch:
    """A targeted killing told with an execution's words in its sentence is the execution ("shot dead two men
    yesterday in front of a crowd ... after a 'verdict'", as "أعدم مسلحون ... رميا بالرصاص رجلين"): the shooting is
    how it was done."""
    if best.key != "assassination":
        return best
    return next((t for t in triggers if t.key.split("/")[0] == "execution"), best)


def _raid_before_demolition(triggers: list[TermMatch], best: TermMatch) -> TermMatch:
    """An armed assault told before a demolition in its sentence is the event (the raid), not a bombing."""
    if best.key != "bombing" or fold(best.text.lower()).removeprefix("و") not in _DEMOLITION:
        return best
    raids = [t for t in triggers if t.key == "armed_assault" and t.end <= best.start]
    return raids[0] if raids else best


# an event word introduced as a new one: "a similar attack", "another raid", "an attack"
_INTRODUCED = re.compile(r"\b(?:an?|another)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
INTRODUCED_REACH = 60  # characters before an event word where its article and one adjective are looked for
NEW_EVENT_CLAUSE = 40  # characters from a "new event" cue to the event word of the clause it opens
_CLAUSE_GAP = re.compile(r"[,;:،؛]|\b(?:and|but|which|that)\b")


def _names_event_again(doc: _Doc, i: int) -> bool:
    """Sentence ``i`` has an anaphor of the event or its people ("the attack", "the gunmen"), not only of a
    target ("the car", "the convoy": a target's words inside the anaphor)."""
    sentence = doc.sentences[i]
    targets = doc.in_range("targets", sentence.start, sentence.end)
    return any(
        c.key == "anaphora" and not any(c.start <= t.start and t.end <= c.end for t in targets)
        for c in doc.in_range("cues", sentence.start, sentence.end)
    )


# the event just told, ranked among others: "It was the second IS-K attack in the province in less than three weeks",
# "It was the deadliest attack in the province in more than a year", "وهذا ثاني هجوم يستهدف القوات في المنطقة",
# "والتفجير هو ثاني هجوم دامٍ في محيط غات خلال شهر", "ويُعد هذا الاغتيال ثاني هجوم تشهده المنطقة"
_RANKING = re.compile(
    r"[\s\"“«]*(?:(?:It|This|That)\s+(?:was|is|marked)\s+the\s+(?:second|third|fourth|fifth|sixth|latest|deadliest"
    r"|worst|biggest|largest|first)\b"
    r"|و?(?:يعد\s+|يُعد\s+|تعد\s+|تُعد\s+)?(?:هذا|هذه|ال\S+)\s+(?:ال\S+\s+)?(?:هو\s+|هي\s+)?(?:ثاني|ثالث|رابع|خامس"
    r"|سادس|أعنف|أكبر|أحدث|أول)\s+(?:هجوم|تفجير|اعتداء))",
    re.IGNORECASE,
)


def _ranks_event(doc: _Doc, rules: LanguageRules, i: int) -> bool:
    """Sentence ``i`` ranks the event just told among others (:data:`_RANKING`) and tells nothing dated or counted of
    its own: no event (a sentence that goes on with the earlier event it compares, "وهذا ثاني هجوم ..., إذ انفجرت في
    27 آب عبوة", keeps it)."""
    own = doc.own_date(i)
    if (own is not None and own.precision is DatePrecision.day) or doc.casualties(rules, i):
        return False
    return _RANKING.match(doc.text, doc.sentences[i].start) is not None


def _inside_anaphor(doc: _Doc, i: int, trigger: TermMatch) -> bool:
    """The trigger is part of an anaphor of sentence ``i`` ("the kidnapping", "عملية الخطف")."""
    sentence = doc.sentences[i]
    return any(
        c.key == "anaphora" and c.start <= trigger.start and trigger.end <= c.end
        for c in doc.in_range("cues", sentence.start, sentence.end)
    )


# anaphors that name an event's people, not the event ("the abducted", "the wounded", "المخطوفين", "الجرحى")
_PEOPLE_ANAPHOR = re.compile(
    r"(?:the|those)\s+(?:\w+\s+)?(?:dead|wounded|injured|victims|casualties|abducted|kidnapped|hostages|captives|"
    r"killed|taken)"
    r"|[وفبل]?(?:ال|لل)(?:قتلى|قتيلين|قتيلان|جرحى|جريحين|جريحان|مصابين|ضحايا|مخطوفين|مخطوفون|مختطفين|مختطفون|رهائن)",
    re.IGNORECASE,
)


def _names_the_people(doc: _Doc, i: int, trigger: TermMatch) -> bool:
    """The trigger lies in an anaphor of sentence ``i`` that names the people an event took or harmed."""
    sentence = doc.sentences[i]
    return any(
        c.key == "anaphora"
        and c.start <= trigger.start
        and trigger.end <= c.end
        and _PEOPLE_ANAPHOR.fullmatch(doc.text[c.start : c.end]) is not None
        for c in doc.in_range("cues", sentence.start, sentence.end)
    )


def _named_earlier_group(
    doc: _Doc, index: CodebookIndex, groups: list[_Group], i: int, triggers: list[TermMatch]
) -> _Group | None:
    """The latest event before the last one that sentence ``i`` names by anaphors alone, of a specific type the
    last one is not ("عملية الخطف" after a kidnapping, then a killing), or None."""
    if not triggers or not all(_inside_anaphor(doc, i, t) for t in triggers):
        return None
    kinds = {t.key.split("/")[0] for t in triggers if index.priority.get(t.key, 0) > 0}
    if not kinds or groups[-1].event_type in kinds:
        return None
    return next((g for g in reversed(groups[:-1]) if g.event_type in kinds), None)


def _names_earlier_event(doc: _Doc, groups: list[_Group], i: int, trigger: TermMatch) -> bool:
    """The trigger is an anaphor of sentence ``i`` naming the type of an event told before the last one."""
    kind = trigger.key.split("/")[0]
    return _inside_anaphor(doc, i, trigger) and any(g.event_type == kind for g in groups[:-1])


def _name_from_anaphor(
    doc: _Doc, index: CodebookIndex, groups: list[_Group], i: int, triggers: list[TermMatch]
) -> None:
    """An event told in generic words takes the type a later anaphor names it by, within
    :data:`REFER_BACK_SENTENCES` ("قتل مسلحون قياديا محليا ... وجاءت عملية الاغتيال بعد أقل من أسبوعين على هجوم آخر",
    gunmen killed a local commander ... the assassination came less than two weeks after another attack)."""
    if not groups or index.priority.get(groups[-1].key, 0) > 0 or groups[-1].sentences[-1] < i - REFER_BACK_SENTENCES:
        return
    named = [
        t for t in triggers
        if _inside_anaphor(doc, i, t)
        and index.priority.get(t.key, 0) > 0
        and t.key.split("/")[0] not in index.strategic
        and t.key.split("/")[0] not in STATE_ACTION_TYPES
    ]  # fmt: skip
    # (not the type of an event told before it, which the anaphor names again: "القصف" after a shelling)
    if len({t.key for t in named}) == 1 and not any(g.event_type == named[0].key.split("/")[0] for g in groups):
        groups[-1].key = named[0].key  # (its words stay those of its own sentences)


# a sentence that opens on a pronoun goes on about the people of the sentence before ("They went from house to
# house, killing people ... before setting fire to at least 15 homes"; not "They (were) also / later ...",
# which adds another), as does an Arabic one that opens on "then" ("ثم انتقلوا من منزل إلى منزل، فأحرقوا الأكواخ")
_PRONOUN_OPENING = re.compile(r"[\s\"“‘']*(?:They|He|She)\s+(?!(?:\w+\s+)?(?:also|later)\b)")
# ... and so does one whose reporting verb goes on about "them" ("وأضاف أنهم أحرقوا الأكشاك", he added that they burned
# the stalls)
_THEN_OPENING = re.compile(
    r"[\s\"“«]*(?:ثم\s|و?(?:أضاف|أضافت|قال|قالت|أوضح|أوضحت|أفاد|أفادت|ذكر|ذكرت|تابع|تابعت)\s+(?:ب?أن|إن)هم\s)"
)


def _goes_on(index: CodebookIndex, previous: _Group, triggers: list[TermMatch]) -> bool:
    """None of the sentence's event words is a strategic development, and they are of the event's own type or
    none is a state action: "They went from house to house ... setting fire to homes" goes on with a raid; "They
    captured three villages" or "They were all arrested" is another event."""
    kind = previous.key.split("/")[0]
    types = {t.key.split("/")[0] for t in triggers}
    if types & index.strategic:
        return False
    return kind in types or not types & STATE_ACTION_TYPES


def _pronoun_subject(doc: _Doc, i: int, previous: _Group) -> bool:
    """Sentence ``i`` opens on a third-person pronoun (Arabic: on "ثم") right after the event's last
    sentence: more of it."""
    opening = _THEN_OPENING if doc.language is Language.ar else _PRONOUN_OPENING
    return previous.told_last == i - 1 and opening.match(doc.text, doc.sentences[i].start) is not None


def _more_victims(doc: _Doc, rules: LanguageRules, previous: _Group, i: int, sentence_cues: set[str]) -> bool:
    """Sentence ``i`` comes right after the previous event's last sentence, in its paragraph, with an `others`
    cue and a casualty figure: "Two other villagers were wounded by gunfire as they fled" adds victims to the
    raid told before it, whatever its trigger; so does one that opens the paragraph after a one-sentence lead (wire
    copy goes on with the lead there: "Gunmen abducted nine farmers ...", then "Two other villagers were wounded by
    gunfire as they tried to flee")."""
    if "others" not in sentence_cues or previous.told_last != i - 1:
        return False
    lead = previous.sentences == [previous.sentences[0]] and all(doc.headings[k] for k in range(previous.sentences[0]))
    if doc.paragraphs[i] != doc.paragraphs[i - 1] and not lead:
        return False
    # the cue must belong to a casualty figure ("two other villagers were wounded", "قرويان آخران"), not to
    # others of another fate ("two rebels were killed and four others arrested")
    others = [c for c in doc.sentence_matches("cues", [i]) if c.key == "others"]
    return any(
        c.start >= m.evidence.start - OTHERS_REACH and c.end <= m.evidence.end + OTHERS_REACH
        for m in doc.casualties(rules, i)
        for c in others
    )


def _wounded_told_after(doc: _Doc, rules: LanguageRules, previous: _Group, i: int) -> bool:
    """Sentence ``i``, with no event word, actor or day of its own, right after the event's last sentence in its
    paragraph, counts only wounded people: the event's ("The toll rose to 13 on Sunday ... Six people were being
    treated for gunshot and machete wounds at a hospital in Bushenyi")."""
    if previous.told_last != i - 1 or doc.paragraphs[i] != doc.paragraphs[i - 1] or doc.own_date(i) is not None:
        return False
    if doc.sentence_matches("actors", [i]):
        return False
    counts = doc.casualties(rules, i)
    return bool(counts) and all(c.kind == "wounded" and not c.perpetrator for c in counts)


def _restates_toll(doc: _Doc, rules: LanguageRules, previous: _Group, i: int) -> bool:
    """Every casualty figure of sentence ``i`` repeats one of the event before it ("killing a farmer and
    wounding two others ... One farmer was shot dead and two men were wounded"): its toll told again."""
    mentions = doc.casualties(rules, i)
    own = {(c.kind, c.count.best) for c in mentions}
    before = {(c.kind, c.count.best) for k in previous.sentences for c in doc.casualties(rules, k)}
    if not own or not own <= before:
        return False
    # one small figure may repeat by chance ("two rebels have been killed ... In addition, two EPL rebels have
    # been killed in clashes"): a toll of two kinds, or one of at least RESTATED_TOLL, is told again; so is
    # one the article says is known ("The two militants were killed in an exchange of fire")
    return (
        len(own) > 1
        or all((best or 0) >= RESTATED_TOLL for _, best in own)
        or all(
            doc.text[max(0, c.evidence.start - 4) : c.evidence.start].lower() == "the "
            and _CARDINAL.match(c.evidence.text) is not None
            for c in mentions
        )
    )


# a figure in words or digits, not an ordinal ("the two militants", not "the 1st infantry brigade")
_CARDINAL = re.compile(r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)\b", re.IGNORECASE)


RESTATED_TOLL = 3  # the smallest single figure whose repetition tells the same event again


_OPENING_QUOTES = "“«"
_CLOSING_QUOTES = "”»"


def _explains_blame(doc: _Doc, rules: LanguageRules, index: CodebookIndex, i: int, triggers: list[TermMatch]) -> bool:
    """Sentence ``i`` blames someone before its only event words, words of ground lost or won or definite ones, and has
    no day or toll of its own: they tell why ("وحمّل وزير الأمن تنظيم الدولة المسؤولية، قائلا إن مقاتليه يحاولون استعادة
    مواقعهم بعد طردهم من قواعدهم", blamed IS, saying its fighters were trying to regain ground after being
    driven from their bases): the blame of the event before, not an event of its own."""
    blames = [c for c in doc.sentence_matches("cues", [i]) if c.key == "attributed"]
    return (
        bool(blames)
        # (or words of the event named again: "blamed ISWAP and said troops had searched the area from which the
        # bombs were fired")
        and all(t.key.split("/")[0] in index.territorial or _is_definite(doc, t) for t in triggers)
        and all(min(c.end for c in blames) <= t.start for t in triggers)
        and doc.own_date(i) is None
        and not doc.casualties(rules, i)
    )


# the object of a shooting word that is the attacker told before: a pronoun or the attacker's noun
_AT_ATTACKER = {
    Language.en: re.compile(
        r"\s+(?:on|at|with)\s+(?:him|them|the\s+(?:attacker|bomber|assailant|gunman|gunmen|intruder)s?)\b",
        re.IGNORECASE,
    ),
    Language.ar: re.compile(
        r"\s*(?:عليه|عليها|عليهم|عليهما|معه|معهم|معهما|(?:ب?اتجاه|تجاه|نحو)(?:ه|ها|هم|هما))(?![\w\u064b-\u0652])"
    ),
}
_SHOOTING = ("fire", "shot", "shoot", "النار", "النيران")


def _fires_at_attacker(doc: _Doc, trigger: TermMatch) -> bool:
    """A shooting word aimed at the attacker just told ("Guards opened fire on him when he tried to push past
    them", "أطلقوا النار عليه"), or fire exchanged with them ("Troops ... exchanged fire with them", "تبادلت معهم
    إطلاق النار"): the defenders' fire during that event, not a new attack."""
    if trigger.key not in (ARMED_ASSAULT, "armed_clash") or not any(w in trigger.text.lower() for w in _SHOOTING):
        return False
    return _AT_ATTACKER[doc.language].match(doc.text, trigger.end) is not None


def _quoted(doc: _Doc, i: int, trigger: TermMatch) -> bool:
    """The trigger is inside a quotation opened in its paragraph: a witness or an official telling the event
    before ('"They burned everything: the millet, the rice, the fodder for the animals.', 'قال المسؤول: "أحرقوا
    كل شيء"'), a detail of it rather than a new one."""
    start, _ = doc.paragraph_range(doc.paragraphs[i])
    return _in_quotes(doc.text, start, trigger.start)


_SAID_COLON_QUOTE = re.compile(r":\s*[\"“«]")


def _opens_quoted(doc: _Doc, i: int) -> bool:
    """Sentence ``i`` is quoted speech from its start: it opens with a quotation mark, or inside a quotation
    opened before it in its paragraph ('"He was a man of peace," one mourner said. "They killed him ..."'), not
    narration that quotes ('Ordonez denied ...: "on Saturday, when Aureliano was killed, I was ..."')."""
    start = doc.sentences[i].start
    head = doc.text[start : start + 3].lstrip()
    if head[:1] in _OPENING_QUOTES or head[:1] == '"':
        return True
    if _SAID_COLON_QUOTE.search(doc.text, start, doc.sentences[i].end):
        return True  # 'وقال المسؤول: "إنه الأسلوب نفسه ..."' (the official said: "...")
    paragraph_start, _ = doc.paragraph_range(doc.paragraphs[i])
    return _in_quotes(doc.text, paragraph_start, start)


# a settlement the event happened in, named again: "raided a village ... surrounded the village", "قرية ... القرية"
_SETTLEMENTS = {"en": ("village", "hamlet", "camp"), "ar": ("قرية", "مخيم")}
# per language, (named again, named before) patterns of each settlement noun, compiled once
_SETTLEMENT_PATTERNS: dict[Language, list[tuple[re.Pattern[str], re.Pattern[str]]]] = {
    Language.en: [
        (re.compile(rf"\b[Tt]he {noun}\b"), re.compile(rf"\ban? {noun}\b", re.IGNORECASE))
        for noun in _SETTLEMENTS["en"]
    ],
    Language.ar: [
        (re.compile(rf"(?<!\w)[وفب]?(?:ال|لل){stem}(?!\w)"), re.compile(rf"(?<!\w)[وفب]?{stem}ا?(?!\w)"))
        # a final ta marbuta may be written ه ("القريه"); "مخيم" has none, and its accusative "مخيماً" an alif
        for stem in (noun[:-1] + "[ةه]" if noun.endswith("ة") else noun for noun in _SETTLEMENTS["ar"])
    ],
}


def _same_settlement(doc: _Doc, previous: _Group, i: int) -> bool:
    sentence = doc.sentences[i]
    first, last = doc.sentences[previous.sentences[0]].start, doc.sentences[previous.sentences[-1]].end
    patterns = _SETTLEMENT_PATTERNS[Language.ar if doc.language is Language.ar else Language.en]
    return any(
        again.search(doc.text, sentence.start, sentence.end) and before.search(doc.text, first, last)
        for again, before in patterns
    )


# a person named again by a plain word: "the man", "the victim", "الرجل", "الضحية"
_THE_VICTIM = re.compile(
    r"\b[Tt]he (?:man|woman|boy|girl|victim|victims)(?:'s)?\b|(?<!\w)[وف]?(?:ال|لل)(?:رجل|ضحية|ضحايا)(?!\w)"
)
_AR_DEFINITE = re.compile(r"^[وف]?(?:ال|لل|بال|كال)")
# "أحد المزارعين" (one of the farmers), "بعض السكان": a part of a group, not someone already named
_AR_PARTITIVE = frozenset(fold(w) for w in ("أحد", "إحدى", "بعض", "عدد", "من"))


def _is_definite(doc: _Doc, term: TermMatch) -> bool:
    """ "the judge", "القاضي", "وللمختار": a noun the reader already knows, not "a judge" / "قاضٍ"."""
    if doc.language is Language.ar:
        word_start = doc.text.rfind(" ", 0, term.start) + 1
        previous = doc.text[max(0, word_start - 12) : word_start].split()
        if previous and fold(previous[-1]).removeprefix("و") in _AR_PARTITIVE:
            return False
        return bool(_AR_DEFINITE.match(fold(doc.text[word_start : term.end])))
    return _EN_DEFINITE.search(doc.text, max(0, term.start - 40), term.start) is not None


# "the " right before a noun or its modifiers ("the patrol", "the three-vehicle patrol", "the armoured convoy"), not
# a noun inside another's phrase ("the attack on a patrol")
_EN_DEFINITE = re.compile(
    r"\bthe\s+(?:(?!(?:a|an|of|on|in|at|to|and|or|with|by|for|from|as)\b)[\w'’-]+\s+){0,2}\Z", re.IGNORECASE
)


def _same_victim(doc: _Doc, index: CodebookIndex, previous: _Group, i: int, triggers: list[TermMatch]) -> bool:
    """Sentence ``i`` tells the event before it again through its victim or target, named as one the reader
    knows ("Gunmen shot dead the head of a village ... The mukhtar was standing outside his house when two men
    opened fire on him"; "أطلق مسلحان النار على القاضي"): a detail of that event, in the next paragraph too. An
    arrest is not ("Police arrested the judge's killers" is an event of its own), nor are soldiers and police
    named again (a side that acts on its own)."""
    violent = [t for t in triggers if index.priority.get(t.key, 0) > 0 and t.key.split("/")[0] not in index.strategic]
    if any(t.key.split("/")[0] in index.strategic for t in triggers) and not violent:
        return False  # (but "rounded up men in the square and shot them, then torched huts" is the raid told)
    sentence = doc.sentences[i]
    if _THE_VICTIM.search(doc.text, sentence.start, sentence.end) and any(
        t.key in index.human_targets and t.key not in index.combatant_targets
        for t in doc.sentence_matches("targets", previous.sentences)
    ):
        return True  # "shot dead a businessman ... Two gunmen walked into the man's shop and fired at him"
    if _same_settlement(doc, previous, i):
        return True
    # (not soldiers or police: "the Belloso battalion called for air support" tells what the force did next)
    own_reporting = [
        c for c in doc.in_range("cues", sentence.start, sentence.end) if c.key in {"reporting", "attributed"}
    ]
    known = [
        t for t in doc.in_range("targets", sentence.start, sentence.end)
        if t.key not in index.combatant_targets and _is_definite(doc, t) and not _is_speaker(doc, t, own_reporting)
    ]  # fmt: skip  ("وقال المسؤول", the official said: a source, not the victim)
    if not known:
        return False
    reporting = [c for c in doc.sentence_matches("cues", previous.sentences) if c.key in {"reporting", "attributed"}]
    earlier = [t for t in doc.sentence_matches("targets", previous.sentences) if not _is_speaker(doc, t, reporting)]
    # a prominent person by any name of the same kind ("the head of a village" ... "the mukhtar"); others by the
    # same word ("a supply convoy" ... "the convoy", not "armoured vehicles" ... "the helicopters"; "civilians"
    # ... "the civilian population" is no such word)
    return any(
        t.key == e.key and (t.key in index.prominent_targets or _term_core(doc, t) == _term_core(doc, e))
        for t in known
        for e in earlier
    )


_AR_PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل")


def _term_core(doc: _Doc, term: TermMatch) -> str:
    """A target's head word without case, article or clitics ("The convoy" / "convoy", "a military base" /
    "the base": "base"; "القافلة" / "لقافلة", "قاعدة عسكرية" / "القاعدة": "قاعدة"); the head comes last in English
    and first in Arabic."""
    words = fold(term.text.lower()).split()
    if not words:
        return ""
    if doc.language is Language.ar:
        core = words[0]
        for prefix in _AR_PREFIXES:
            if core.startswith(prefix) and len(core) - len(prefix) >= 3:
                return core[len(prefix) :]
        return core
    return words[-1]


ARREST, ABDUCTION, ARMED_ASSAULT, ATTACK = "arrest", "kidnapping", "armed_assault", "attack"
TERRITORIAL = "territorial_control"


# "captured a fourth" / "captured another" ends the person's phrase: "and captured a fourth in an operation", not
# "captured another village" (ground taken)
_CAPTURED_PERSON_END = re.compile(
    r"\s*(?:[,.;:)]|$)|\s+(?:in|and|during|near|on|at|after|before|alive|while|who|when)\b"
)
_CAPTURED_ORDINAL = re.compile(r"captured\s+(?:a\s+(?:second|third|fourth|fifth)|another)$", re.IGNORECASE)


def _captured_ground(doc: _Doc, trigger: TermMatch) -> TermMatch:
    """An arrest trigger "captured a second / another ..." followed by a noun is ground taken ("the SDF captured
    another village"): territorial control."""
    if trigger.key != ARREST or not _CAPTURED_ORDINAL.match(trigger.text):
        return trigger
    if _CAPTURED_PERSON_END.match(doc.text, trigger.end):
        return trigger
    return TermMatch(trigger.section, TERRITORIAL, trigger.start, trigger.end, trigger.text)


def _as_abduction(doc: _Doc, index: CodebookIndex, sentence: Sentence, trigger: TermMatch) -> TermMatch:
    """People that militants round up or detain are abducted, not arrested: "Armed men arrived by boat at a fishing
    camp ... and rounded up the fishermen", "IS fighters detained 20 villagers", "احتجز مسلحون عشرة مدنيين". The trigger
    is a verb ("rounded up", "detained"; not "a raid on a hideout", "اعتقال") whose subject is a perpetrator
    description ("armed men", "militants", "مسلحون") or a jihadist group: in English the sentence's first group,
    before the verb, not the object of an earlier event word ("troops killed four Islamic State militants and
    arrested seven suspects") and with no passive ("Two militants were detained"); in Arabic the group right after
    the verb (verb-subject order), unless the verb carries its own subject ("احتجزوا")."""
    if trigger.key != ARREST:
        return trigger
    if doc.language is Language.ar:
        verb = fold(trigger.text)
        if " " in verb or not verb.startswith(_AR_ARREST_VERBS) or verb.endswith("وا"):
            return trigger
        after = [
            m
            for section in ("actors", "descriptions")
            for m in doc.in_range(section, trigger.end, trigger.end + 3)
            if not doc.text[trigger.end : m.start].strip()
        ]
        subject = after[0] if after else None
    else:
        if not trigger.text.split()[0].endswith("ed") or _PASSIVE_BEFORE.search(
            doc.text, max(sentence.start, trigger.start - 20), trigger.start
        ):
            return trigger
        before = [
            m
            for section in ("actors", "descriptions")
            for m in doc.in_range(section, sentence.start, trigger.start)
            if m.end <= trigger.start
        ]
        subject = min(before, key=lambda m: (m.start, m.section != "actors")) if before else None
        if subject is not None and (
            passive_between(doc.text, subject.end, trigger.start)
            or doc.in_range("event_types", sentence.start, subject.start)
            or harm_verb_before(doc.text, subject.start, index.harm_words)
        ):
            subject = None
    if subject is None:
        return trigger
    if subject.section != "descriptions" and index.actor_kind.get(subject.key) is not ActorType.jihadist_group:
        return trigger
    return TermMatch(trigger.section, ABDUCTION, trigger.start, trigger.end, trigger.text)


# Arabic arrest verbs in the perfect, whose subject may follow them ("اعتقل", "احتجز", "أوقف"; not the nouns)
_AR_ARREST_VERBS = tuple(fold(w) for w in ("اعتقل", "احتجز", "أوقف", "ألقى", "أسر"))
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|be|being|is|are)\s+(?:\w+\s+)?$")


_AR_PLURAL = re.compile(r"ات(?:ها|هم|هما|ه)?$")


# a vague large number right before event words ("hundreds of assassinations", "dozens of attacks", "عشرات
# الاغتيالات", "مئات عمليات الاغتيال")
_MANY_BEFORE = re.compile(
    r"\b(?:hundreds|dozens|thousands|scores|numerous|countless)\s+(?:of\s+)?$"
    r"|(?<![\u0621-\u064a])(?:مئات|عشرات|آلاف)\s+(?:من\s+)?(?:ال)?(?:عمليات\s+)?$",
    re.IGNORECASE,
)
MANY_REACH = 24  # characters before the event word where :data:`_MANY_BEFORE` is read
_MANY_AFTER = re.compile(r"\s+(?:[\u0621-\u064a]+\s+)?(?:عديدة|كثيرة|متعددة)(?![\u0621-\u064a])")


def _plural_word(doc: _Doc, trigger: TermMatch) -> bool:
    """An event word in the plural of any type ("kidnappings", "attacks", "هجمات", "اغتيالات")."""
    core = _term_core(doc, trigger)
    if doc.language is Language.ar:
        return _AR_PLURAL.search(core) is not None
    return core.endswith("s") and not core.endswith("ss")


def _plural_generic(doc: _Doc, index: CodebookIndex, trigger: TermMatch) -> bool:
    """A generic event word in the plural ("attacks", "killings", "هجمات", "اعتداءات"): with no day and no casualty
    figure in its sentence it tells a trend or a record ("Jolo has suffered some of the deadliest attacks", "IS-K
    has claimed attacks on Taliban officials since 2021"), not one incident."""
    if _MANY_BEFORE.search(doc.text, max(0, trigger.start - MANY_REACH), trigger.start) or _MANY_AFTER.match(
        doc.text, trigger.end
    ):
        # "Hundreds of assassinations were recorded", "عشرات الاغتيالات", "غارات جوية عديدة" (numerous air strikes):
        # counted events of any type
        return True
    # "هجمات", "هجماتها" (its attacks), "اعتداءاتهم"
    return index.priority.get(trigger.key, 0) == 0 and _plural_word(doc, trigger)


# a clause with a subject of its own that turns against the one before: "... since Houthi drone strikes in October
# 2022, but crude from Shabwa is still pumped", "منذ الهجمات التي شنها الحوثيون ... إلا أن الخام ... لا يزال يُضخ"
# (not a verb that goes on with the same subject: "Car bombs have been a favourite weapon ..., but have been rare")
_CONTRAST = re.compile(
    r"\b(?:but|however|although|though|whereas)\s+(?!(?:have|has|had|is|are|was|were|also|still|not|remain)\b)"
    r"|(?<![\u0621-\u064a])(?:إلا أن|لكن|ولكن|غير أن|بيد أن)",
    re.IGNORECASE,
)


def _in_pattern(doc: _Doc, i: int, triggers: list[TermMatch]) -> bool:
    """Some event word of sentence ``i`` shares its clause with a `habitual` cue: no contrast (:data:`_CONTRAST`)
    stands between them, and the cue does not open a clause joined after dated ones (:data:`_JOINED_CLAUSE`)."""
    cues = [c for c in doc.sentence_matches("cues", [i]) if c.key == "habitual"]
    dated = doc.own_date(i) is not None
    return any(
        _starting_before(_CONTRAST, doc.text, min(c.end, t.end), max(c.start, t.start)) is None
        # (nor a clause of its own joined after dated event words: "شهدت تونس أعنف الهجمات سنة 2015، حين قتل مسلحون
        # سياحا في متحف، ولا تزال البلاد تخضع لحالة الطوارئ", when gunmen killed tourists at a museum in 2015, and
        # the country still lives under an emergency)
        and not (dated and c.start > t.end and _JOINED_CLAUSE.search(doc.text, t.end, c.start + 1))
        for c in cues
        for t in triggers
    )


_JOINED_CLAUSE = re.compile(r"[،,]\s*(?:و|and\s)", re.IGNORECASE)


def _is_habitual(doc: _Doc, rules: LanguageRules, i: int) -> bool:
    """Sentence ``i`` has a `habitual` cue ("regularly", "بشكل متكرر", "several sweeps"), no day or week of its
    own (a month or a year, "this year", still frames a pattern) and no casualty figure: it describes what a
    group or a force does, not something that happened."""
    own = doc.own_date(i)
    return (own is None or own.precision >= DatePrecision.month) and not doc.casualties(rules, i)


_ATTACK_NOUNS = frozenset(fold(w) for w in ("attack", "هجوم", "هجوما", "اعتداء"))


def _new_attack_toll(doc: _Doc, rules: LanguageRules, i: int, triggers: list[TermMatch]) -> bool:
    """Sentence ``i`` has a casualty figure of its own and a day of its own or an attack told as a new one ("an
    attack", "هجوم" without the article)."""
    if not doc.casualties(rules, i):
        return False
    own = doc.own_date(i)
    if own is not None and own.precision < DatePrecision.month:
        return True
    return any(fold(t.text.lower()) in _ATTACK_NOUNS and not _is_definite(doc, t) for t in triggers)


# bodies found ("residents found the bodies of two of the workers", "وعثر سكان على جثتي اثنين من العمال")
_BODIES_FOUND = re.compile(
    r"\b(?:found|discovered|recovered)\b[^.;]{0,40}?\bbod(?:y|ies)\b"
    r"|\bbod(?:y|ies)\b[^.;]{0,60}?\b(?:was|were|had been|have been)\s+(?:found|discovered|recovered)\b"
    r"|(?<![\u0621-\u064a])[وف]?(?:عثر|عثرت|عثروا|العثور|انتشال|انتشلت)(?![\u0621-\u064a])[^.؛]{0,40}?جث(?:ة|ث|تي|مان)",
    re.IGNORECASE,
)


# bodies of people the report has named: "the bodies of the two men", "bodies of two of the workers", "جثتيهما",
# "جثتي اثنين من العمال", "جثة الرهينة"
_KNOWN_BODIES = re.compile(
    r"\bbod(?:y|ies)\s+of\s+(?:the|his|her|their|(?:\w+\s+)?of\s+the)\b"
    r"|(?<![\u0621-\u064a])[وفبل]?(?:جثت(?:ه|ها|هما|يهما|يه|هم)|جثث(?:هم|هما|هن)|جثمان(?:ه|ها))(?![\u0621-\u064a])"
    r"|(?<![\u0621-\u064a])[وفبل]?جث(?:ة|ث|تي)\s+(?:\S+\s+من\s+)?ال",
    re.IGNORECASE,
)


def _bodies_found(doc: _Doc, i: int) -> bool:
    """Sentence ``i`` tells the bodies of people named before found: told after an event, later than it, of the
    people it took (with generic words of harm only: "وقد أصيبا بطلقات نارية في الرأس", shot in the head), not an
    event of its own (but "the bodies of three more unidentified Guatemalans were found" are other dead)."""
    sentence = doc.sentences[i]
    return (
        _BODIES_FOUND.search(doc.text, sentence.start, sentence.end) is not None
        and _KNOWN_BODIES.search(doc.text, sentence.start, sentence.end) is not None
    )


def _told_in_lead(
    doc: _Doc, rules: LanguageRules, index: CodebookIndex, previous: _Group, i: int, triggers: list[TermMatch]
) -> bool:
    """Sentence ``i``, at most two sentences after the event's last one and with no day of its own, names only
    acts its first sentence told too ("Gunmen stopped a bus, shot dead its driver and abducted 11 passengers ... A
    union gave a different figure, saying 13 passengers had been abducted"): that event's, not another."""
    if not triggers or previous.told_last < i - 2 or doc.own_date(i) is not None:
        return False
    if any(doc.own_date(k) is not None for k in range(previous.told_last + 1, i)):
        return False  # ("By 6 December, ISIL was in control of less than 10 houses" between: another day's news)
    if any(c.key == "cumulative" for c in doc.sentence_matches("cues", [i])):
        return False  # "ومنذ ذلك الحين شنوا هجمات على بلدات ... وخطفوا سكانا": what they have done since, no detail
    first = doc.sentences[previous.primary]
    # (acts the first sentence tells, not a pattern it lists: "a wave of kidnappings, killings, and dynamite attacks")
    cues = doc.in_range("cues", first.start, first.end)
    named = {
        t.key.split("/")[0]
        for t in doc.in_range("event_types", first.start, first.end)
        if not _plural_word(doc, t) and not rules.is_negated(doc.text, first, TextSpan(t.start, t.end, t.text), cues)
    }
    civilians = [
        t for t in doc.sentence_matches("targets", [i])
        if t.key in index.human_targets and t.key not in index.combatant_targets
    ]  # fmt: skip
    if ATTACK in named and civilians:
        # (an attack told first, then the gunfire on its civilians: "Residents who tried to flee towards the hills were
        # shot", "السكان الذين حاولوا الفرار نحو التلال أُطلق عليهم الرصاص"; not troops' fire told after a rebel attack)
        named.add(ARMED_ASSAULT)
    return all(t.key.split("/")[0] in named for t in triggers)


def _how_it_was_done(doc: _Doc, previous: _Group, i: int, triggers: list[TermMatch]) -> bool:
    """Sentence ``i``, right after a targeted killing or an ambush, tells the gunfire of that event, with no day or
    on the event's own day ("Gunmen shot dead a local commander ... on the night of Saturday to Sunday. The commander
    ... was leaving a relative's house at around 11:30 p.m. on Saturday when gunmen in a car ... opened fire"; "نصب
    مسلحون كمينا لدوريتهم ... وقال ضابط إن الدورية كانت تسير على ساتر ترابي حين تعرضت لإطلاق نار"): how it was
    done."""
    if previous.told_last != i - 1 or previous.event_type not in _GUNFIRE_EVENTS:
        return False
    if not triggers or any(t.key != ARMED_ASSAULT for t in triggers):
        return False
    own = doc.own_date(i)
    if own is None:
        return True
    dated = [d for d in (doc.own_date(k) for k in previous.sentences) if d is not None and not d.reported]
    return (
        own.precision is DatePrecision.day
        and bool(dated)
        and dated[0].precision is DatePrecision.day
        and dated[0].value == own.value
    )


_GUNFIRE_EVENTS = frozenset({"assassination", "ambush"})  # events whose gunfire a next sentence may tell


def _same_kind_detail(
    doc: _Doc, rules: LanguageRules, index: CodebookIndex, previous: _Group, i: int, triggers: list[TermMatch]
) -> bool:
    """Sentence ``i``, right after the event's last sentence, tells an event of the event's own kind with nothing of
    its own: no day, no toll (and, as the caller checks, no actor): how it happened ("A car bomb exploded at a
    checkpoint ... The driver of a pickup truck ignored orders to stop and blew up his vehicle next to the guard
    post"), not another one."""
    # (over a sentence of the paragraph with no event words: "National Guard units ... surrounded a shelter dug into
    # a hillside before dawn, the statement said. The men inside refused to surrender and opened fire.")
    between = (
        previous.told_last == i - 2
        and doc.paragraphs[i - 1] == doc.paragraphs[i]
        and doc.own_date(i - 1) is None  # (not "By 4 September, troops were within three kilometers of the city.")
        and not doc.in_range("event_types", doc.sentences[i - 1].start, doc.sentences[i - 1].end)
    )
    if (previous.told_last != i - 1 and not between) or doc.own_date(i) is not None or doc.casualties(rules, i):
        return False
    specific = [t for t in triggers if index.priority.get(t.key, 0) > 0]
    kind = previous.key.split("/")[0]
    # (the suspects' gunfire is part of a security operation: "... surrounded a shelter dug into a hillside before dawn.
    # The men inside refused to surrender and opened fire.")
    kinds = (kind, ARMED_ASSAULT) if kind in STATE_ACTION_TYPES else (kind,)
    return bool(specific) and all(t.key.split("/")[0] in kinds for t in specific)


def _restates_weapon(
    doc: _Doc, rules: LanguageRules, previous: _Group, triggers: list[TermMatch], i: int, index: CodebookIndex
) -> bool:
    """Sentence ``i`` names only the weapon of the event just before it, of the same type, with no figure
    of its own ("At least four shells landed among the houses" after a shelling): a detail of that event,
    even in the next paragraph. Generic words ("the dead", "القتيلين") do not count as other triggers."""
    weapons = doc.in_range("weapons", doc.sentences[i].start, doc.sentences[i].end)
    specific = [t for t in triggers if index.priority.get(t.key, 0) > 0]
    before = {w.key for w in doc.sentence_matches("weapons", previous.sentences)}

    def own_weapon(t: TermMatch) -> bool:
        # the event's own weapon named again, definite ("ألقى القنبلة", "hurled the grenade", after "جراء إلقاء قنبلة
        # يدوية", "when a grenade was thrown")
        return any(w.key in before and w.start < t.end and t.start < w.end and _is_definite(doc, w) for w in weapons)

    return (
        bool(specific)
        and all(any(w.start <= t.start and t.end <= w.end for w in weapons) or own_weapon(t) for t in specific)
        and all(t.key.split("/")[0] == previous.key.split("/")[0] or own_weapon(t) for t in specific)
        and not doc.casualties(rules, i)
    )


# a relative clause that tells an actor's record ("Daesh, which has killed several Taliban commanders", "the
# group, which has carried out"): the group's past, not an incident of the report
# (not a passive: "two U.S. citizens, who had been kidnapped by guerrillas", is the event)
RECORD_REACH = 140  # characters before an event word where the relative clause of a record is looked for
# (also over an "and" that goes on with the record: "AQAP, which has long been active in the mountains around Habban
# and has attacked oil facilities in the province before"; Arabic "وسبق أن هاجم منشآت نفطية", and has attacked before)
_RECORD_CLAUSE = re.compile(
    r",\s*(?:which|who)\s+(?:has|have|had)\s+(?!been\b)(?:[^,.;:]{0,80}?\s+and\s+(?:has|have|had)\s+)?(?:\w+\s+){0,2}$"
    r"|(?<![\u0621-\u064a])و?سبق\s+(?:(?:له|لها|لهم)\s+)?أن\s+$",
    re.IGNORECASE,
)


THROWN_REACH = 25  # characters from a verb of throwing to the weapon thrown
_THROWN = re.compile(r"(?:^|\s)(?:و|ف|ب)?(?:ألق|القى|القوا|إلقاء|القاء|رمى|رموا|رمت|قذف)\S*\s+(?:\S+\s+)?$")


def _inside_weapon_name(doc: _Doc, trigger: TermMatch) -> bool:
    """The trigger is a word of a longer weapon name that is no trigger itself: "قنابل" in "بالرشاشات والقنابل
    اليدوية" (with machine guns and hand grenades) names the weapon, as "hand grenades" does in English."""
    weapons = doc.in_range("weapons", max(0, trigger.start - 40), trigger.end)
    size = trigger.end - trigger.start
    longer = [w for w in weapons if w.start <= trigger.start and trigger.end <= w.end and w.end - w.start > size]
    if not longer or _THROWN.search(doc.text[max(0, trigger.start - THROWN_REACH) : trigger.start]):
        return False  # "ألقى مسلحون قنبلة يدوية على مقهى" (threw a hand grenade): a bombing, as in English
    triggers = doc.in_range("event_types", max(0, trigger.start - 40), trigger.end + 40)
    return not any(t.start <= w.start and w.end <= t.end for w in longer for t in triggers)


ARMAMENT_REACH = 60  # characters from "armed with" to the last weapon of its list
# what attackers carried: "armed with", "equipped with", "المسلحين ببنادق" (armed with rifles), "مدججين بـ",
# "المزودين برشاشات" (equipped with machine guns)
_ARMED_WITH = re.compile(
    r"\b(?:armed|equipped)\s+with\s|(?<!\S)[وف]?(?:ال)?(?:مسلح|مدجج|مزود)(?:ين|ون|ان|ة)?\s+(?=ب)"
    # the weapons gunfire came from ("came under fire from machine guns and rocket-propelled grenades", "تعرضت
    # لإطلاق نار من رشاشات وقذائف صاروخية")
    r"|\b(?:fire|gunfire)\s+(?:from|with)\s|(?<!\S)[وفل]?(?:ال)?نار\s+(?:من\s+|(?=ب))",
    re.IGNORECASE,
)
_LIST_GAP = re.compile(r"(?:\s|,|،|\band\b|\bor\b|(?<!\S)[وب]|(?<!\S)أو(?!\S))*", re.IGNORECASE)


def _armament(doc: _Doc, trigger: TermMatch) -> bool:
    """A weapon trigger in the list of what attackers were armed with ("The attackers, armed with rifles and
    rocket-propelled grenades, approached the checkpoint", "المهاجمين، المسلحين ببنادق وقذائف صاروخية"): their
    arms, not an act of their own (the act is told by its verb: "opened fire", "فتحوا النار")."""
    weapons = doc.in_range("weapons", max(0, trigger.start - ARMAMENT_REACH), trigger.end)
    if not any(w.start <= trigger.start and trigger.end <= w.end for w in weapons):
        return False
    cues = list(_ARMED_WITH.finditer(doc.text, max(0, trigger.start - ARMAMENT_REACH), trigger.start))
    if not cues:
        return False
    # between the cue and the trigger only other weapons of the list and list words ("rifles and", "ببنادق و")
    position = cues[-1].end()
    listed = sorted((w for w in weapons if position <= w.start and w.end <= trigger.start), key=lambda w: w.start)
    for weapon in listed:
        if not _LIST_GAP.fullmatch(doc.text, position, weapon.start):
            return False
        position = weapon.end
    return bool(_LIST_GAP.fullmatch(doc.text, position, trigger.start))


SEIZURE_BEFORE = 100  # characters from a `seizure` cue to a weapon noun after it in the same clause
SEIZURE_AFTER = 40  # ... and from a weapon noun to a cue after it ("rockets and rifles were seized")


def _seized_weapon(doc: _Doc, trigger: TermMatch, cues: list[TermMatch]) -> bool:
    """A weapon noun used as a trigger ("rockets", "قذائف", "حزام ناسف") in a clause about weapons seized,
    found or stored (the codebook's `seizure` cues) names no attack: "police seized rockets and rifles". The
    weapon must be the whole trigger: "opened fire" holds the incendiary "fire" and stays an attack ("the
    attackers opened fire on the checkpoint and seized weapons")."""
    if not any(w.start <= trigger.start and trigger.end <= w.end for w in doc.in_range("weapons", 0, trigger.end)):
        return False
    for cue in (c for c in cues if c.key == "seizure"):
        if cue.end <= trigger.start:
            gap = doc.text[cue.end : trigger.start]
            if trigger.start - cue.end <= SEIZURE_BEFORE and not _CLAUSE_END.search(gap):
                return True
        elif cue.start >= trigger.end:
            gap = doc.text[trigger.end : cue.start]
            if cue.start - trigger.end <= SEIZURE_AFTER and not _CLAUSE_BREAK.search(gap):
                return True
    return False


DENIAL_REACH = 60  # characters from an actor to a denial cue after it, in the same sentence
# an Arabic verb of denial right before its subject, and what it denies after the subject ("ونفت حركة طالبان
# باكستان أي تورط لها", the Pakistani Taliban denied any involvement)
_DENIAL_VERB_AR = re.compile(r"(?:^|\s)[وف]?(?:نفت|نفى|نفي|تنفي|ينفي|تبرأت|تبرأ)\s+$")
_DENIED_AR = re.compile(r"تورط|مسؤولي|صل[ةه]|علاق[ةه]|دور")
ATTRIBUTION_REACH = 80  # characters around an actor where the rules look for suspicion cues
OTHERS_REACH = 12  # characters around a casualty figure's evidence where an `others` cue counts for it
STRATEGIC = "Strategic developments"
COMBATANT_TARGET_TYPES = frozenset({"Military", "Police"})  # the ACLED event type of arrests and weapons seized
# shorter units (titles, link lists) are not event reports; Arabic writes in fewer words what English says
# in four ("وأُصيب مزارع واحد" = "One farmer was wounded")
MIN_WORDS: dict[Language, int] = {Language.en: 4, Language.ar: 3}
# A Markdown image, its caption and its file name ("![Coalition airstrike on ISIL position in Kobane](...)"):
# an illustration of the story, undated and often of another day or place, not a report of an event
IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
FOLLOW_UP_SENTENCES = 3  # how far a claim/anaphor may follow the event it refers to
SUSPICION_REACH = 30  # characters from a suspicion cue to the actor it names, in a later sentence
REFER_BACK_SENTENCES = 6  # how far a sentence whose only event words are anaphors may follow its event


_TITLE_JUNK = re.compile(r"\[[^\]]*\]|[^\w\s]", re.UNICODE)


def _title_key(title: str) -> str:
    """A heading title as compared with the back-matter list: folded (Arabic letter forms, case), without
    punctuation or bracketed tails ("References[1]", "انظر أيضًا:")."""
    return " ".join(fold(_TITLE_JUNK.sub(" ", title)).lower().split())


def back_matter_sentences(text: str, sentences: Sequence[Sentence], titles: frozenset[str]) -> list[bool]:
    """Whether each sentence lies in a back-matter section: under a heading whose whole title is one of
    ``titles`` ("See also", "References", "External links"), up to the next heading of the same or a higher
    level. Such sections list linked articles and sources ("* 2019 U.S. airstrike in Baghuz"), not events."""
    out: list[bool] = []
    level = 0  # level of the open back-matter heading, 0 when none is open
    for sentence in sentences:
        heading = heading_title(text, sentence)
        if heading is not None and (level == 0 or heading[0] <= level):
            level = heading[0] if _title_key(heading[1]) in titles else 0
        out.append(level > 0)
    return out


def sentence_words(doc: _Doc, i: int) -> list[str]:
    """The words of sentence ``i``; lone bullets and dashes ("*", "•", "–") are not words."""
    sentence = doc.sentences[i]
    return [w for w in doc.text[sentence.start : sentence.end].split() if len(w) > 1 or w.isalnum()]


TITLE_FUNCTION_WORDS = frozenset({"a", "an", "and", "at", "de", "for", "in", "of", "on", "the", "to", "vs"})


def is_title(words: list[str]) -> bool:
    """A link-list entry or a title ("Battle of Aleppo (2012–2016)", "2017 al-Jinah airstrike"): every
    word capitalised, a number or a function word, and no sentence end. Text without lower-case letters
    (wire style, Arabic) is never a title."""
    if not any(ch.islower() for w in words for ch in w) or words[-1].endswith((".", "!", "?")):
        return False
    for word in words:
        core = word.strip("()[]\"'*,:;").removeprefix("al-")
        if core and not (core[0].isupper() or not core[0].isalpha() or core.lower() in TITLE_FUNCTION_WORDS):
            return False
    return True


_LIST_ITEM = re.compile(r"[*\-•–+]\s|\d{1,3}[.)]\s")


def _follow_up_lead(doc: _Doc, group: _Group) -> bool:
    """The group is one sentence of news after its event (a `follow_up` cue: "A bodyguard wounded in the
    assassination of a senior officer has died of his injuries, bringing the death toll from the attack to two,
    officials said on Monday"), dated by its statement at most: the next sentences tell the event itself."""
    if len(group.sentences) != 1:
        return False
    i = group.sentences[0]
    own = doc.own_date(i)
    return (own is None or own.reported) and any(c.key == "follow_up" for c in doc.sentence_matches("cues", [i]))


REPORTED_AFTER_DAYS = 7  # days a statement may come after the event it reports and that a sentence then dates


def _continues_previous(
    doc: _Doc,
    rules: LanguageRules,
    groups: list[_Group],
    i: int,
    sentence_cues: set[str],
    generic: bool = False,
    follow_up: bool = False,
) -> bool:
    """Sentence ``i`` may continue the previous event: close after it, no "separate/another" cue, not a
    new dated item of a list or timeline, and no date of its own that differs from the event's (a claim
    may be dated later than the attack)."""
    if not groups or groups[-1].sentences[-1] < i - FOLLOW_UP_SENTENCES or "new_event" in sentence_cues:
        return False
    if _is_heading_between(doc, groups[-1].sentences[-1], i):
        return False
    own = doc.own_date(i)
    new_paragraph = doc.paragraphs[i] != doc.paragraphs[groups[-1].sentences[-1]]
    if own is not None and new_paragraph and _LIST_ITEM.match(doc.text, doc.sentences[i].start):
        return False  # a new dated item of a timeline ("* 12 April – ...") is a new entry
    if own is None:
        return True
    if own.reported and not follow_up:
        # (a statement's day says nothing of the event's: "وأوضحت الوزارة، في بيان تُلي يوم الأحد، أن"), but a toll
        # a statement gives in a paragraph of its own is another event's ("According to a statement on 4 July ..., 200
        # Turkmens were reportedly held and killed by the militants in Tal Afar two months ago")
        told_again = bool({"claimed", "anaphora"} & sentence_cues)  # "IS claimed the attack ..., saying it killed four"
        return told_again or not (new_paragraph and doc.casualties(rules, i))
    previous = [doc.own_date(k) for k in groups[-1].sentences]
    dated = [d for d in previous if d is not None]
    if follow_up and not own.reported and (not dated or own.value <= dated[0].value):
        return True  # "... has died of his injuries, officials said on Monday. The officer was shot dead on Wednesday"
    if (
        dated
        and all(d.reported for d in dated)
        and "anaphora" in sentence_cues
        and own.precision is DatePrecision.day
        and 0 <= (dated[0].value - own.value).days <= REPORTED_AFTER_DAYS
    ):
        # the event's own day, told after the day of the statement that reported it: "the interior ministry said on
        # Monday. The operation, carried out on August 3, targeted a farmhouse"
        return True
    dated = [d for d in dated if not d.reported] or dated  # the event's own day before a statement's
    if (
        not dated
        and not new_paragraph
        and groups[-1].sentences[-1] == i - 1
        and own.precision is DatePrecision.day
        and _DEMONSTRATIVE.search(doc.text, doc.sentences[i].start, doc.sentences[i].end) is not None
    ):
        # an event told without its day, then "Three firefighters were wounded in that attack, last Tuesday": the
        # next sentence names it again with its day, pointing back ("that attack", "ذلك الهجوم"; not a month or a
        # year: "The ADF has killed thousands ... In June 2023, fighters of the group attacked a secondary school" is
        # an event of its own; nor "the killing of six ... on 16 November", nor "four police officers were wounded
        # last night when urban commandos attacked them" after "two peasants were killed when they set off a mine")
        return True
    if (
        not dated
        and groups[-1].sentences[-1] == i - 1
        and own.precision is DatePrecision.day
        and "anaphora" in sentence_cues
        and "claimed" not in sentence_cues
        and not doc.in_range("event_types", doc.sentences[i].start, doc.sentences[i].end)
    ):
        # an event told without its day, then its people named again with the day: "The attackers arrived on the night
        # of May 11 to 12, shortly before midnight, and went from house to house"
        return True
    if "claimed" in sentence_cues or "follow_up" in sentence_cues or _bodies_found(doc, i):
        # a claim, or a death of the wounded, may be dated later than the attack, never before it: "On February 27, two
        # militiamen were killed by a roadside bomb ..., an attack later claimed by IS" is an earlier event
        return not dated or (own.end or own.value) >= dated[0].value
    if dated and _narrows(dated[0], own) and not new_paragraph and len(groups[-1].sentences) == 1 and generic:
        # "The raid followed a similar attack last month. On May 27, gunmen attacked a camp ...": the day of the
        # event only named before in generic words, told in the next sentence (one event, as "ففي 27 أيار/مايو"
        # in one sentence); not "In late January, forces recaptured Diyala. On 21 January ... Mosul offensive"
        return groups[-1].sentences[-1] == i - 1 and not any(doc.casualties(rules, k) for k in groups[-1].sentences)
    return bool(dated) and dated[0].value == own.value


def _narrows(coarse: ResolvedDate, fine: ResolvedDate) -> bool:
    """``fine`` is a day (or a few days) inside the week, month or year ``coarse`` stands for."""
    return (
        coarse.precision >= DatePrecision.week
        and fine.precision < coarse.precision
        and coarse.end is not None
        and coarse.value <= fine.value <= coarse.end
    )


def _claimed_attack(groups: list[_Group], index: CodebookIndex, i: int) -> _Group | None:
    """The attack a claim in sentence ``i`` is about when the event told last is a state action after it (an arrest, an
    air strike): the last attack before that action, at most :data:`REFER_BACK_SENTENCES` before the claim."""
    if not groups or groups[-1].event_type not in STATE_ACTION_TYPES:
        return None
    for group in reversed(groups[:-1]):
        kind = group.event_type
        if kind in STATE_ACTION_TYPES or kind in index.strategic or kind in index.territorial:
            continue
        return group if group.sentences[-1] >= i - REFER_BACK_SENTENCES else None
    return None


def _claims_previous(doc: _Doc, groups: list[_Group], i: int, triggers: list[TermMatch], cues: set[str]) -> bool:
    """A claim sentence whose every trigger is an anaphor ("claimed the raid", "تبنى ... الهجوم") claims the
    event before it, even when a cue such as "the next day" would otherwise start a new event. Words of what the
    claim says ("تبنى التنظيم الهجوم ... قائلا إن مقاتليه قتلوا خمسة مسيحيين وأحرقوا منازلهم", saying its
    fighters had killed five Christians and burned their homes) tell that event too; such a claim reaches back
    over a witness's quotation (:data:`REFER_BACK_SENTENCES`)."""
    if "claimed" not in cues or not triggers or not groups or groups[-1].sentences[-1] < i - REFER_BACK_SENTENCES:
        return False
    if _is_heading_between(doc, groups[-1].sentences[-1], i):
        return False
    if all(_inside_anaphor(doc, i, t) for t in triggers):
        return groups[-1].sentences[-1] >= i - FOLLOW_UP_SENTENCES
    anaphors = [t for t in triggers if _inside_anaphor(doc, i, t)]
    saying = _CLAIM_SAYS.search(doc.text, doc.sentences[i].start, doc.sentences[i].end)
    return (
        bool(anaphors)
        and saying is not None
        and all(t in anaphors or t.start >= saying.end() for t in triggers)
        and not doc.sentence_matches("actors", range(groups[-1].sentences[-1] + 1, i))
    )


# what a claim goes on to say: "saying (that)", "قائلا إن", "مؤكدا أن", "وقال فيه إن"
_CLAIM_SAYS = re.compile(
    r"\b(?:saying|adding)\b|(?<!\S)(?:قائلا|قائلاً|قائلة|قائلةً|مؤكدا|مؤكداً|مضيفا|مضيفاً|زاعما|زاعماً|مدعيا|مدعياً"
    r"|قال فيه|قالت فيه)(?!\S)",
    re.IGNORECASE,
)


def _refers_back(
    doc: _Doc,
    rules: LanguageRules,
    index: CodebookIndex,
    groups: list[_Group],
    i: int,
    triggers: list[TermMatch],
    cues: set[str],
) -> bool:
    """A sentence a few paragraphs on whose only event words refer back ("a security official said the killing
    bore the hallmarks of ISIS cells", "وقال مسؤول إن الاغتيال يحمل بصمات داعش"), with no date or figure of its
    own, is about the event before it, not a new one."""
    if not triggers or not groups or groups[-1].sentences[-1] < i - REFER_BACK_SENTENCES or "new_event" in cues:
        return False
    if _is_heading_between(doc, groups[-1].sentences[-1], i):
        return False
    own = doc.own_date(i)
    if own is not None and not _later_period(own, [doc.own_date(k) for k in groups[-1].sentences]):
        return False
    referring = [t for t in triggers if _inside_anaphor(doc, i, t)]
    if not referring:
        return False
    # (a figure inside an anaphor is the event's, told again: "The two wounded guards were flown to a hospital")
    anaphors = [c for c in doc.sentence_matches("cues", [i]) if c.key == "anaphora"]
    if any(
        not any(a.start <= c.evidence.start and c.evidence.end <= a.end for a in anaphors)
        for c in doc.casualties(rules, i)
    ):
        return False
    # the other event words may only be unspecific ("التي استهدفت مراراً مخاتير القرى", which has targeted)
    return all(t in referring or index.priority.get(t.key, 0) == 0 for t in triggers)


def _opens_with_verb(evidence: str) -> bool:
    """A casualty figure's words open with a verb of killing or wounding ("قتلت", "اغتال"), not a noun ("مقتل
    عناصر قسد الأربعة": the four SDF members' deaths, whose actor is the harmed side)."""
    first = evidence.split()[0] if evidence.split() else ""
    return fold(first).removeprefix("و").removeprefix("ف") in VERB_TRIGGERS


# an event word pointing back: "that attack", "those attacks", "ذلك الهجوم", "تلك الهجمات"
_DEMONSTRATIVE = re.compile(
    r"\b(?:that|those)\s+(?:attacks?|bombings?|blasts?|explosions?|ambush|raids?|assaults?|shelling|killings?|"
    r"kidnappings?)\b|(?<!\S)[وف]?(?:ذلك|تلك)\s+ال\S+",
    re.IGNORECASE,
)


def _later_period(own: ResolvedDate, previous: list[ResolvedDate | None]) -> bool:
    """``own`` is the event's own day ("وقال سكان إن أصوات الاشتباكات كانت تُسمع يوم الأحد", the clashes heard on
    Sunday, the day of the assault) or a week or longer that begins after it: when news of the event came
    ("Officials released details of the attack only this week"), not another event's date."""
    dated = [d for d in previous if d is not None and not d.reported]
    if not dated:
        return False
    same_day = own.precision is DatePrecision.day and own.value == dated[0].value
    return same_day or (own.precision >= DatePrecision.week and own.value > dated[0].value)


def _is_heading_between(doc: _Doc, first: int, last: int) -> bool:
    return any(doc.headings[k] for k in range(first + 1, last))


def _same_paragraph_compatible(
    doc: _Doc, previous: _Group, group: _Group, index: CodebookIndex, detail: bool = False
) -> bool:
    """Same paragraph and the same type, or one of the two only has the generic type. The paragraph is the
    event's first one, or, for a ``detail`` (a sentence that names no actor of its own), the one the event's
    last sentence, just before, goes on in ("The bomber ... walked into the tent", then "Guards tried to stop him,
    but he detonated the charge as they approached")."""
    last = previous.sentences[-1]
    goes_on = detail and last == group.primary - 1 and doc.paragraphs[last] == group.paragraph
    if previous.paragraph != group.paragraph and not goes_on:
        return False
    generic = index.priority.get(group.key, 0) == 0 or index.priority.get(previous.key, 0) == 0
    return previous.event_type == group.event_type or generic


def _anchor(doc: _Doc, group: _Group, language: Language) -> EventAnchor:
    first, last = doc.sentences[group.sentences[0]], doc.sentences[group.sentences[-1]]
    trigger = next((t for t in group.triggers if t.key == group.key), group.triggers[0])
    return EventAnchor(first.start, last.end, trigger.start, trigger.end, group.event_type, language, group.sub_type)


def _role_fillers(
    text: str, anchors: list[EventAnchor], resources: ExtractResources, language: Language
) -> list[RoleFillers | None]:
    """The role filler's spans per anchor; None (codebook terms only) without a role filler for
    ``language``."""
    if resources.role_filler is None or not anchors or language not in resources.role_languages:
        return [None] * len(anchors)
    filled = resources.role_filler(text, anchors, resources)
    if len(filled) != len(anchors):
        raise ValueError(f"role filler returned {len(filled)} results for {len(anchors)} anchors")
    return list(filled)


# ------------------------------------------------------------------------------------------ roles


def unique_spans(spans: Iterable[Span]) -> list[Span]:
    """Each participant once: drop mentions whose text is contained in a longer kept mention."""
    spans = list(spans)
    if len(spans) < 2:
        return spans
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (-len(s.text), s.start)):
        folded = " ".join(span.text.casefold().split())
        if not any(folded in " ".join(k.text.casefold().split()) for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


def _span(m: TermMatch | TextSpan) -> Span:
    # offsets and text come from the matcher (non-negative, text[start:end]): no validation needed
    return Span.model_construct(text=m.text, start=m.start, end=m.end)


def _overlaps(m: TermMatch, others: Sequence[TermMatch]) -> bool:
    return any(m.start < o.end and o.start < m.end for o in others)


def _inside_longer(m: TermMatch, others: Sequence[TermMatch]) -> bool:
    """ "fire" inside the trigger "opened fire" is not a weapon mention of its own."""
    return any(o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start for o in others)


def _is_speaker(doc: _Doc, term: TermMatch, reporting: list[TermMatch]) -> bool:
    """ "a local official said", "according to residents", "أفاد مسؤول محلي", "بحسب مسؤولين": a source
    of the report, not a victim. (A reporting verb right before the noun makes it the speaker in Arabic
    only, whose verbs come first: "said civilians were killed" names victims.)"""
    for cue in reporting:
        if 0 <= cue.start - term.end <= 12 and cue.text.lower() != "according to":
            return True
        if cue.text.lower() == "according to" and 0 <= term.start - cue.end <= 25:
            return True
        if doc.language is Language.ar and 0 <= term.start - cue.end <= 2:
            return True
    return False


def _codebook_roles(doc: _Doc, group: _Group, index: CodebookIndex) -> RoleFillers:
    """Role fillers from codebook terms in the event's sentences."""
    idx = group.sentences
    weapons = doc.sentence_matches("weapons", idx)
    descriptions = doc.sentence_matches("descriptions", idx)
    triggers = doc.sentence_matches("event_types", idx)
    actors = doc.sentence_matches("actors", idx)
    cues = doc.sentence_matches("cues", idx)
    descriptions = [d for d in descriptions if not _overlaps(d, actors)]
    blockers = [*weapons, *descriptions, *actors, *cues]
    targets = [t for t in doc.sentence_matches("targets", idx) if not _overlaps(t, blockers)]
    roles = RoleFillers()
    roles.weapons = unique_spans(_span(w) for w in weapons if not _inside_longer(w, triggers))
    roles.perpetrator_individuals = unique_spans(_span(d) for d in descriptions if d.key != "death-squad")
    roles.perpetrator_organizations = unique_spans(_span(d) for d in descriptions if d.key == "death-squad")
    reporting = [c for c in cues if c.key in {"reporting", "attributed"}]
    roles.victims = unique_spans(
        _span(t) for t in targets if t.key in index.human_targets and not _is_speaker(doc, t, reporting)
    )
    roles.targets = unique_spans(
        _span(t) for t in targets if t.key not in index.human_targets and not _overlaps(t, triggers)
    )
    return roles


def _combine(model: RoleFillers | None, codebook: RoleFillers) -> RoleFillers:
    """The trained role filler's spans when it ran (it already uses the codebook terms as features and
    lexicon; adding raw codebook spans lowered micro F1 on the MUC-4 train split from 59.0 to 40.7),
    else the codebook role fillers."""
    return codebook if model is None else model


# ------------------------------------------------------------------------------------------ perpetrator


def _actor_score(
    doc: _Doc, actor: TermMatch, trigger: TermMatch, group: _Group, index: CodebookIndex, rules: LanguageRules
) -> int:
    """How likely an actor mention is the perpetrator; a mention scoring under 2 is not one."""
    kind = index.actor_kind.get(actor.key)
    # arrests and air strikes are done by forces that hold territory; attacks by non-state groups
    state_action = group.event_type in STATE_ACTION_TYPES
    preferred = kind is not ActorType.jihadist_group if state_action else kind in NON_STATE
    # a group that claims an air strike made it ("ISWAP claimed the attack, saying it had used drones")
    claimer = state_action and kind is ActorType.jihadist_group and _claims_in_sentence(doc, actor)
    preferred = preferred or claimer
    score = 2 if preferred else 0
    marker: str | None = marker_before(doc.text, actor.start, index.object_markers, index.agent_markers)
    marker = marker or _cue_marker(doc, actor)
    if marker is None and _owns_target(doc, actor, index):
        marker = "object"  # "a checkpoint of the SDF", "حاجزا لـ\"قسد\"": the side whose post was hit
    if marker is None and _among_victims(doc, actor, rules):
        marker = "object"  # "لقي ثلاثة من مقاتلي البيشمركة حتفهم" (three Peshmerga fighters met their death)
    elif marker == "object" and _subject_of_figure(doc, actor, rules):
        marker = "agent"  # "قتلت شرطة مكافحة الإرهاب الباكستانية ... ثلاثة" (the police killed three)
    if marker == "object":
        score -= 3
    elif marker == "agent":
        score += 1
    if harmed_after(doc.text, actor.end):
        score -= 3
    if any(
        c.key == "denial"
        and 0 <= c.start - actor.end <= DENIAL_REACH
        and not _CLAUSE_END.search(doc.text, actor.end, c.start)
        for c in doc.in_range("cues", actor.end, actor.end + DENIAL_REACH + 1)
    ):
        # "the Taliban denied involvement"; "أصدرت جماعة نصرة الإسلام والمسلمين المنافسة، المرتبطة بتنظيم القاعدة،
        # بيانا نفت فيه" (issued a statement denying), the verb after the group's description
        score -= 4
    elif _denies_first(doc, actor):
        score -= 4  # "ونفت حركة طالبان باكستان أي تورط لها": the verb of denial first
    # "an Iraqi army official said a bomb exploded", "قال مصدر في قسد إن ...": a group's spokesman may
    # claim, and the coalition's reports its own strikes ("coalition spokesman ... said the strikes")
    source = kind not in (ActorType.jihadist_group, ActorType.international_coalition)
    if source and _reported_type(doc, group) and (_source_of_report(doc, actor, index) or _according_to(doc, actor)):
        score -= 3
    if source and not state_action and _announces(doc, actor):
        score -= 2  # "أعلنت وزارة الداخلية أن مسلحين نصبوا كمينا": the body that tells of the attack
    if _blames(doc, actor):
        score -= 3  # "The SDF blamed Daesh cells", "وحمّلت قسد خلايا داعش المسؤولية": the accuser
    elif marker is None and not state_action and _blamed(doc, actor):
        score += 1  # "officials blamed the Islamic State", "accused ISWAP of": the accused
    if actor.start < trigger.start:
        score += -2 if passive_between(doc.text, actor.end, trigger.start) else 1
    elif (
        doc.language is Language.ar
        and marker is None
        and not doc.text[trigger.end : actor.start].strip()
        and not fold(trigger.text).endswith("وا")
    ):
        # the subject right after its verb ("داهم الجيش النيجري معسكرا"), as an English one before it; not after a
        # verb that carries its own subject ("وأحرقوا القاعدة", they burned the base: the object)
        score += 1
    if preferred and marker != "object" and (claimer or (not state_action and _claims_in_sentence(doc, actor))):
        score += 1  # "ISKP claimed responsibility": a claim outweighs a mention ("the dead included Taliban")
    return score


def _among_victims(doc: _Doc, actor: TermMatch, rules: LanguageRules) -> bool:
    """The actor names the people a casualty figure of its sentence counts, after the figure ("مقتل ثلاثة من عناصر
    الجيش", "killing three Peshmerga fighters"), not the attackers (``perpetrator`` figures are the attackers'),
    nor the subject between the figure's verb and the figure (see :func:`_subject_of_figure`)."""
    i = doc.sentence_at(actor.start)
    return any(
        not c.perpetrator
        and (
            (
                c.evidence.start <= actor.start
                and actor.end <= c.evidence.end
                and rules.has_number(doc.text[c.evidence.start : actor.start])
            )
            or _in_victims_body(doc, actor, c)
        )
        for c in doc.casualties(rules, i)
    )


VICTIM_BODY_WORDS = 3  # words from the victim's noun to the body it served in ("مسؤولا رفيعا في استخبارات")
_AR_IN_BODY = frozenset(fold(w) for w in ("في", "من", "لدى"))


def _in_victims_body(doc: _Doc, actor: TermMatch, count: CountMention) -> bool:
    """Arabic: the actor is the body the counted victim served in, right after him ("قتل مسلحان ... مسؤولا رفيعا
    في استخبارات حركة طالبان", gunmen killed a senior official in the Taliban's intelligence), not the attackers:
    a short gap without a comma, with "في" / "من" / "لدى" and no trigger or cue of its own."""
    if doc.language is not Language.ar or count.evidence.end > actor.start:
        return False
    gap = doc.text[count.evidence.end : actor.start]
    words = gap.split()
    if not words or len(words) > VICTIM_BODY_WORDS or _GAP_BREAK.search(gap):
        return False
    if not _AR_IN_BODY & {fold(w) for w in words}:
        return False
    return not any(
        m.start >= count.evidence.end and m.end <= actor.start
        for section in ("event_types", "cues")
        for m in doc.in_range(section, count.evidence.end, actor.start)
    )


def _subject_of_figure(doc: _Doc, actor: TermMatch, rules: LanguageRules) -> bool:
    """The actor stands between the verb a casualty figure hangs on and the figure: the verb's subject, verb
    first ("قتلت شرطة مكافحة الإرهاب قبيل فجر الخميس ثلاثة مسلحين", "قتل مقاتلون من تنظيم ولاية غرب أفريقيا تسعة
    مزارعين"), not its object."""
    i = doc.sentence_at(actor.start)
    return doc.language is Language.ar and any(
        c.evidence.start < actor.start
        and actor.end < c.evidence.end
        and _opens_with_verb(c.evidence.text)
        and not rules.has_number(doc.text[c.evidence.start : actor.start])
        and rules.has_number(doc.text[actor.end : c.evidence.end])
        for c in doc.casualties(rules, i)
    )


OWNER_GAP = 25  # characters between a target noun and the actor that owns it
# (a country's possessive between: "a patrol of Iraq's Popular Mobilisation Forces")
_EN_OWNER_LINK = re.compile(r"\s+(?:of|belonging\s+to)\s+(?:the\s+|[\w-]+['’]s\s+)?", re.IGNORECASE)
_AR_OWNER_LINK = re.compile(r"\s+(?:(?:تابع|تابعا|تابعة|التابع|التابعة)\s+)?(?:لـ?\s*[\"“«]?\s*)?")


def _owns_target(doc: _Doc, actor: TermMatch, index: CodebookIndex) -> bool:
    """The actor owns the facility or vehicle named right before it ("a checkpoint of the SDF", "a base
    belonging to the army", "حاجزا لقسد", "مقرا تابعا للجيش"): the side attacked, not the attacker."""
    word_start = doc.text.rfind(" ", 0, actor.start) + 1
    clitic = doc.text[word_start : actor.start] if doc.language is Language.ar else ""
    head = word_start if clitic else actor.start
    for target in doc.in_range("targets", max(0, head - OWNER_GAP - 30), head):
        if target.key in index.human_targets or target.end > head or head - target.end > OWNER_GAP:
            continue
        gap = doc.text[target.end : head]
        if doc.language is Language.ar:
            # the preposition ل is written on the name ("لقسد", "للجيش") or apart ("لـ\"قسد\"")
            owned = bool(_AR_OWNER_LINK.fullmatch(gap)) and (fold(clitic).rstrip("\"“«") in {"ل", "لل"} or "ل" in gap)
        else:
            owned = bool(_EN_OWNER_LINK.fullmatch(gap))
        if owned:
            return True
    return False


def _reported_type(doc: _Doc, group: _Group) -> bool:
    """An event the force quoted as its source seldom carried out: a type of :data:`SOURCE_REPORTED_TYPES`, or
    an armed assault the text gives to described attackers ("masked assailants fired at the sheikh's car, an SDF
    spokesman said"), not one the reporting force may have made ("SDF fighters stormed the village")."""
    if group.event_type in SOURCE_REPORTED_TYPES:
        return True
    if group.event_type != "armed_assault":
        return False
    actors = doc.sentence_matches("actors", group.sentences)
    descriptions = doc.sentence_matches("descriptions", group.sentences)
    # (not the members of a named group: "wives or children of ISIL fighters")
    return any(
        d.key != "death-squad"
        and not _overlaps(d, actors)
        and not any(a.end <= d.start and not doc.text[a.end : d.start].strip() for a in actors)
        for d in descriptions
    )


ACCORDING_REACH = 30  # characters from "according to" / "بحسب" to the actor it names
_ACCORDING_FOLDED = frozenset(fold(w) for w in ("according to", "بحسب", "وفقا ل", "نقلا عن"))


def _full_name(doc: _Doc, actor: TermMatch) -> TermMatch:
    """The full name an alias in brackets stands for ("the Syrian Democratic Forces (SDF)": the short name stands
    where the full one does), else the actor."""
    alias_of = [a for a in doc.in_range("actors", max(0, actor.start - 80), actor.start)
                if a.end < actor.start and _ALIAS_GAP.fullmatch(doc.text, a.end, actor.start)]  # fmt: skip
    return alias_of[-1] if alias_of else actor


def _according_to(doc: _Doc, actor: TermMatch) -> bool:
    """The actor is whom the report is "according to" ("according to the Kurdish-led Syrian Democratic Forces",
    "بحسب قوات سوريا الديمقراطية"), in the same clause: the source of the report."""
    actor = _full_name(doc, actor)
    for cue in doc.in_range("cues", max(0, actor.start - ACCORDING_REACH - 15), actor.start):
        if cue.key != "reporting" or fold(cue.text.lower()) not in _ACCORDING_FOLDED or cue.end > actor.start:
            continue
        gap = doc.text[cue.end : actor.start]
        if actor.start - cue.end <= ACCORDING_REACH and not _GAP_BREAK.search(gap):
            return True
    return False


def _claims_in_sentence(doc: _Doc, actor: TermMatch) -> bool:
    """The actor makes a claim of responsibility in its sentence: of the sentence's actors it is the one
    nearest a `claimed` cue ("The Islamic State claimed the killing ..., describing the victim as an official of
    the PKK militia, the term the group uses for the SDF": the group, not the SDF). A statement alone is no
    claim ("the SDF said in a statement", "وأوضحت قسد في بيان")."""
    i = doc.sentence_at(actor.start)
    claims = [
        c for c in doc.sentence_matches("cues", [i]) if c.key == "claimed" and fold(c.text.lower()) not in _STATEMENTS
    ]
    actors = [*doc.sentence_matches("actors", [i]), actor]  # (the actor may be a group's common noun)

    def distance(a: TermMatch, c: TermMatch) -> int:
        return max(c.start - a.end, a.start - c.end, 0)

    return any(min(distance(a, c) for a in actors) == distance(actor, c) for c in claims)


# cues of the `claimed` section that only say a statement was issued, by whoever: no claim by themselves
_STATEMENTS = frozenset(fold(p) for p in ("in a statement", "a statement released", "في بيان"))


SOURCE_GAP = 25  # characters between a `source` noun and the actor it qualifies
REPORT_REACH = 40  # characters between that phrase and its reporting verb
# "a spokesman for the SDF", "an official in the Iraqi army", "مصدر في قسد", "المتحدث باسم الجيش", "مصدر بقسد",
# "متحدث باسم إدارة طالبان" (a spokesman for the Taliban administration)
_SOURCE_LINK = re.compile(
    r"\s+(?:(?:of|for|from|in|with|at|within)\s+(?:the\s+)?|(?:في|من|باسم|لدى)\s+"
    r"(?:(?:إدارة|حكومة|قيادة|سلطات|وزارة|مجلس)\s+)?|ب)?[\"“«]?",
    re.IGNORECASE,
)


def _source_of_report(doc: _Doc, actor: TermMatch, index: CodebookIndex) -> bool:
    """The actor qualifies a `source` noun ("an SDF source", "Iraqi army officials", "a spokesman for
    the SDF", "مصدر في قسد") with a reporting verb within :data:`REPORT_REACH` characters of the phrase:
    the force reports the event ("... said a bomb exploded"), whoever carried it out."""
    window = doc.in_range("cues", max(0, actor.start - SOURCE_GAP - 20), actor.end + SOURCE_GAP)
    # (an `attributed` phrase holding the noun, "قال مسؤول", "officials said", is kept over it as the longer)
    for noun in (c for c in window if c.key == "source" or (c.key == "attributed" and _names_source(doc, c, index))):
        if noun.start >= actor.end:  # "an SDF source", "SDF spokesman Mustafa Bali"
            gap = doc.text[actor.end : noun.start]
            linked = len(gap.split()) <= 1 and not _GAP_BREAK.search(gap) and noun.start - actor.end <= SOURCE_GAP
        elif noun.end <= actor.start:
            linked = bool(_SOURCE_LINK.fullmatch(doc.text[noun.end : actor.start]))
        else:
            linked = False
        if not linked:
            continue
        lo, hi = min(noun.start, actor.start), max(noun.end, actor.end)
        nearby = doc.in_range("cues", max(0, lo - REPORT_REACH - 20), hi + REPORT_REACH + 1)
        # (the verb may start inside the phrase: "a spokesman for the Iraqi army said" holds "army said")
        if noun.key == "attributed" or any(
            c.key in ("reporting", "attributed")
            and (0 <= lo - c.end <= REPORT_REACH or (c.end > hi and c.start - hi <= REPORT_REACH))
            for c in nearby
        ):
            return True
    return False


ANNOUNCER_REACH = 3  # words from the announcing body to "أن" / "إن" ("أعلنت وزارة الداخلية التونسية أن")
_AR_THAT = frozenset(fold(w) for w in ("أن", "إن", "بأن", "أنه", "أنها", "إنه", "إنها"))


_ALIAS_AFTER = re.compile(r"\A\s*\([^()]{1,40}\)")
_AR_RELATIVE = frozenset(fold(w) for w in ("التي", "الذي", "الذين", "اللتين", "اللذين"))
RELATIVE_REACH = 4  # more words when a relative clause describes the announcing body


def _announces(doc: _Doc, actor: TermMatch) -> bool:
    """Arabic: the actor is the subject of a reporting verb right before it that introduces what happened ("أعلنت
    وزارة الداخلية التونسية أن مسلحين نصبوا كمينا", the interior ministry announced that gunmen laid an
    ambush): the body that tells of the event, not its perpetrator."""
    if doc.language is not Language.ar:
        return False
    actor = _full_name(doc, actor)
    verb = next((c for c in doc.in_range("cues", max(0, actor.start - 12), actor.start)
                 if c.key == "reporting" and c.end <= actor.start and not doc.text[c.end : actor.start].strip()),
                None)  # fmt: skip
    if verb is None:
        return False
    # (over the body's short name and a relative clause that describes it: "أعلنت قوات سوريا الديموقراطية (قسد) التي
    # يقودها الأكراد الخميس أن مسلحين خطفوا", the Kurdish-led SDF announced on Thursday that gunmen abducted)
    following = _ALIAS_AFTER.sub("", doc.text[actor.end : actor.end + 100], count=1).split()
    reach = ANNOUNCER_REACH + (RELATIVE_REACH if following and fold(following[0]) in _AR_RELATIVE else 0)
    after = following[:reach]
    for word in after:
        if fold(word.strip("،,")) in _AR_THAT:
            return True
        if _GAP_BREAK.search(word):
            return False
    return False


# verbs of blaming (`attributed` cues); their subject is the accuser, not the perpetrator
_BLAME_VERBS = frozenset(fold(w) for w in ("blamed", "blames", "accused", "accuses", "حمل", "حملت", "اتهم", "اتهمت"))
# between the accuser and its verb: "The SDF blamed", "Taliban officials blamed", "the army has also blamed"
_BLAME_GAP = re.compile(r"\s*(?:[a-z]+\s+)?(?:(?:has|have|had|also|on \w+)\s+)*", re.IGNORECASE)
# between an Arabic blame verb and the accuser: nothing, or a source noun with its link ("مسؤولون في طالبان")
_BLAME_GAP_AR = re.compile(r"\s*(?:\S+\s+(?:في|من|باسم|لدى)\s+)?")


def _is_blame(doc: _Doc, cue: TermMatch) -> bool:
    """An `attributed` cue that is a verb of blaming ("blamed", "accused", "حمّل", "اتهم")."""
    return cue.key == "attributed" and fold(doc.text[cue.start : cue.end].lower()) in _BLAME_VERBS


def _denies_first(doc: _Doc, actor: TermMatch) -> bool:
    """Arabic, verb first: the actor is the subject of a verb of denial right before it, and what it denies
    follows in the same clause ("ونفت حركة طالبان باكستان أي تورط لها")."""
    if doc.language is not Language.ar or not _DENIAL_VERB_AR.search(doc.text, max(0, actor.start - 12), actor.start):
        return False
    denied = _DENIED_AR.search(doc.text, actor.end, actor.end + DENIAL_REACH)
    return denied is not None and not _CLAUSE_END.search(doc.text, actor.end, denied.start())


def _blames(doc: _Doc, actor: TermMatch) -> bool:
    """The actor is the subject of a blame verb: right before it ("The SDF blamed ...", "officials of the
    army accused ...") or, Arabic verb first, right after it ("وحمّلت قوات سوريا الديمقراطية خلايا داعش")."""
    for cue in doc.in_range("cues", max(0, actor.start - 30), actor.end + 30):
        if not _is_blame(doc, cue):
            continue
        if cue.start >= actor.end and _BLAME_GAP.fullmatch(doc.text[actor.end : cue.start]):
            return True
        if cue.end <= actor.start and doc.language is not Language.en and _BLAME_GAP_AR.fullmatch(
            doc.text[cue.end : actor.start]
        ):
            return True
    return False


def _blames_someone(doc: _Doc, i: int) -> bool:
    """Sentence ``i`` blames or suspects an actor ("the officer blamed remnants of Daesh", "حمّل الجيش داعش
    المسؤولية", "قالت مصادر أمنية إنها تشتبه في وقوف ولاية الساحل وراءه", said they suspected the IS Sahel
    Province): a suspicion cue must stand just before the actor it names."""
    cues = doc.sentence_matches("cues", [i])
    actors = doc.sentence_matches("actors", [i])
    if any(_is_blame(doc, c) for c in cues) and actors:
        return True
    return any(
        c.key == "suspected"
        and 0 <= a.start - c.end <= SUSPICION_REACH
        and not _MEMBERSHIP.search(doc.text, c.end, a.start)
        for c in cues
        for a in actors
    )


# "suspected members of the Islamic State", "المشتبه في انتمائهم إلى التنظيم": people described, no suspicion
# of who carried out the event
_MEMBERSHIP = re.compile(r"\bmembers?\b|\bbelong|انتما", re.IGNORECASE)


def _blamed(doc: _Doc, actor: TermMatch) -> bool:
    """The actor is the object of a blame verb ("blamed the Islamic State", "accused ISWAP of")."""
    return any(
        _is_blame(doc, cue) and _BLAMED_GAP.fullmatch(doc.text[cue.end : actor.start])
        for cue in doc.in_range("cues", max(0, actor.start - 30), actor.start)
    )


# between a blame verb and the accused: a quote, "the", "remnants of" ('blamed "remnants of Daesh"'), in Arabic the
# speaker's one or two words ("واتهم شيوخ عشائر التنظيم", tribal elders accused the organisation)
# ('blamed "cells of the Daesh terrorist organisation"'; "وحمّل المتحدث خلايا تنظيم داعش", "واتهمت قسد \"خلايا تنظيم
# داعش\"": the speaker between, Arabic putting the subject after its verb)
_BLAMED_GAP = re.compile(
    r"\s*(?:(?!(?:في|من|لدى|عن)\s)[\u0621-\u0652\u0640]+\s+){0,2}[\"“'«]?\s*(?:the\s+)?"
    r"(?:(?:remnants|cells|members|fighters|militants|elements)\s+of\s+(?:the\s+)?|(?:خلايا|عناصر|فلول|بقايا)\s+)?",
    re.IGNORECASE,
)


def _names_source(doc: _Doc, cue: TermMatch, index: CodebookIndex) -> bool:
    """An `attributed` phrase that holds a `source` noun ("officials said", "قال مسؤول")."""
    return any(fold(word.lower()) in index.source_nouns for word in doc.text[cue.start : cue.end].split())


SIDE_CUES = {"object_marker": "object", "harm_before": "object", "agent_marker": "agent"}
SIDE_GAP_WORDS = 8  # words between a side cue and the actor it marks (languages other than English)
_ALIAS_GAP = re.compile(r"\s*\(\s*")
_GAP_BREAK = re.compile(r"[,.;:!?()،؛؟\n]")


def _clause_before(doc: _Doc, actor: TermMatch) -> tuple[int, int]:
    """The stretch before an actor mention where a side cue still applies to it (same clause, a few words,
    no trigger or agent marker in between)."""
    start = max(0, actor.start - 80)
    cut = None
    for brk in _GAP_BREAK.finditer(doc.text, start, actor.start):
        cut = brk.end()
    start = cut if cut is not None else start
    words = doc.text[start : actor.start].split()
    if len(words) > SIDE_GAP_WORDS:
        start = doc.text.rfind(words[-SIDE_GAP_WORDS], start, actor.start)
    harm = {(c.start, c.end) for c in doc.in_range("cues", start, actor.start) if c.key == "harm_before"}
    for m in doc.in_range("event_types", start, actor.start):
        if (m.start, m.end) not in harm:  # "قتل" is both a trigger and a harm cue
            start = max(start, m.end)
    return start, actor.start


# what may stand between a harm verb and the actor that is its subject: nothing, or the nominative
# construct plural of a fighter noun ("مسلحو", "مقاتلو"; the genitive "مسلحي" follows a noun: the harmed)
_SUBJECT_GAP = frozenset({"", *(fold(w) for w in (
    "مسلحو", "مقاتلو", "انتحاريو", "متمردو", "متشددو", "مسلحو تنظيم", "مقاتلو تنظيم", "مسلحو جماعة",
    "مقاتلو جماعة", "متمردو جماعة", "مسلحو حركة", "مقاتلو حركة",
    # "خطف مسلحون من تنظيم \"ولاية غرب أفريقيا\" 14 مزارعاً" (militants of the group abducted 14 farmers)
    "مسلحون من", "مسلحون من تنظيم", "مسلحون من جماعة", "مقاتلون من", "مقاتلون من تنظيم", "مقاتلون من جماعة",
))})  # fmt: skip
# (not "عناصر", nominative and genitive alike: "مقتل عناصر قسد" are the harmed)
# "قتل مسلحون يُشتبه في انتمائهم إلى تنظيم الدولة": the attackers' group, named in a clause on the subject
_SUSPECTED_SUBJECT = re.compile(
    fold(
        r"^(?:مسلح|مقاتل|متمرد|متشدد|مهاجم)(?:ون|ين)\s+(?:مجهول(?:ون|ين)\s+)?(?:يشتبه|يعتقد|يرجح)\s+(?:في\s+)?"
        r"(?:انتمائهم|أنهم)\s+(?:إلى|الى|من)$"
    )
)


def _cue_marker(doc: _Doc, actor: TermMatch) -> str | None:
    """Perpetrator vs harmed side from the codebook's `object_marker`/`harm_before`/`agent_marker` cues of
    the language ("ضد قسد", "مقتل أربعة من قسد", "من قبل التنظيم"); English uses the adjacent-word rules of
    ``extract.en.context`` instead, so this only looks at other languages."""
    if doc.language is Language.en:
        return None
    previous = doc.in_range("actors", max(0, actor.start - 60), actor.start)
    if previous and _ALIAS_GAP.fullmatch(doc.text[previous[-1].end : actor.start]):
        return _cue_marker(doc, previous[-1])  # "قوات سوريا الديمقراطية (قسد)": the alias shares the side
    start, end = _clause_before(doc, actor)
    cues = [
        c
        for c in doc.in_range("cues", start, end)
        if c.key in SIDE_CUES
        and c.end <= end
        # a harm verb right before the actor has it as subject ("قتل التنظيم ..."), also over the nominative
        # construct of a fighter noun ("خطف مسلحو تنظيم الدولة ..."); the harmed side comes after a number
        # or a noun ("قتل خمسة من قسد", "اغتيال قيادي في قسد", "مقتل مسلحي التنظيم")
        and not (
            c.key == "harm_before"
            and (
                fold(doc.text[c.end : end].strip(" \"“”«»")) in _SUBJECT_GAP
                or _SUSPECTED_SUBJECT.match(fold(doc.text[c.end : end].strip(" \"“”«»")))
            )
        )
    ]
    if any(c.key == "agent_marker" for c in cues):
        return "agent"  # "ضد ... من قبل X": the nearest agent marker names X the agent
    return "object" if cues else None


def _victim_actors(doc: _Doc, group: _Group, perpetrator_id: str | None, index: CodebookIndex) -> list[Span]:
    """Actors named as the harmed side ("fighters of the SDF were killed") in a sentence with casualties."""
    out = []
    for i in group.sentences:
        for actor in doc.sentence_matches("actors", [i]):
            if actor.key == perpetrator_id:
                continue
            if (
                harmed_after(doc.text, actor.end)
                or harm_verb_before(doc.text, actor.start, index.harm_words)
                or (
                    _cue_marker(doc, actor) == "object"
                    and any(c.key == "harm_before" for c in doc.in_range("cues", *_clause_before(doc, actor)))
                )
            ):
                out.append(_span(actor))
    return out


def _perpetrator(
    doc: _Doc, group: _Group, rules: LanguageRules, codebook_roles: RoleFillers, index: CodebookIndex
) -> tuple[Perpetrator | None, list[Span]]:
    trigger = next((t for t in group.triggers if t.key == group.key), group.triggers[0])
    named = _attributive(doc, trigger)
    if named is not None:  # "a U.S. airstrike", "coalition drone strikes", "غارة جوية أمريكية"
        return Perpetrator(actor_id=named.key, name=named.text, attribution=Attribution.attributed), []
    candidates = [(a, i) for i in group.sentences for a in doc.sentence_matches("actors", [i])]
    all_scored = [(_actor_score(doc, a, trigger, group, index, rules), a, i) for a, i in candidates]
    scored = [s for s in all_scored if s[0] >= 2]
    if not scored:
        claim = _claim_elsewhere(doc, group, index)
        scored = [(2, claim[0], claim[1])] if claim is not None else []
    if not scored:
        # an actor in subject position that is not the usual kind (a state force attacking)
        scored = [s for s in all_scored if s[0] >= 1]
    kind = group.event_type.split("/")[0]
    attack = kind not in index.strategic and kind not in index.territorial
    if not scored and attack:
        # the group named by a common noun in the event's sentences ("اتهم شيوخ عشائر التنظيم بالوقوف وراء عملية
        # القتل", elders accused the organisation; "officials blamed the group"): the jihadist group last named
        # (a generic "attack" is no event through such a mention alone, unless it names the attackers, "هاجم عشرات من
        # مسلحي التنظيم مدينة بن قردان": not "صمدت في وجه التنظيم طوال هجومه عام 2014", held out against the
        # organisation throughout its offensive; and the group is seldom the side that took ground: "The military
        # declared the city liberated")
        anaphors = [(a, i) for i in group.sentences for a in _group_anaphors(doc, i, index)]
        if index.priority.get(group.key, 0) == 0:  # a generic attack: only the group's members as its attackers
            anaphors = [(a, i) for a, i in anaphors if _names_members(doc, a)]
        scored = [
            s for s in ((_actor_score(doc, a, trigger, group, index, rules), a, i) for a, i in anaphors) if s[0] >= 2
        ]
    if not scored:
        if group.event_type not in STATE_ACTION_TYPES and (
            codebook_roles.perpetrator_individuals or codebook_roles.perpetrator_organizations
        ):
            first = (codebook_roles.perpetrator_organizations or codebook_roles.perpetrator_individuals)[0]
            return Perpetrator(actor_id=None, name=first.text, attribution=Attribution.unknown), []
        return None, []
    # (of two actors scoring alike in an attack, the one that claims: "Local officials initially blamed al-Shabaab,
    # but the Islamic State group claimed responsibility"; not in a strategic development, where a group's claim
    # is news of the front: "ISIL's Amaq News Agency meanwhile claimed the SDF had withdrawn from the dam")

    def claims(actor: TermMatch) -> bool:
        jihadist = index.actor_kind.get(actor.key) is ActorType.jihadist_group
        return attack and jihadist and _claims_in_sentence(doc, actor)

    _, best, sentence_idx = max(scored, key=lambda s: (s[0], claims(s[1]), -abs(s[1].start - trigger.start)))
    actor_id = _most_specific(doc, group, best.key, index, sentence_idx)
    mentions = [a for a, _ in candidates if a.key == actor_id] or [best]
    if all(a.key != actor_id for a, _ in candidates):
        mentions = [a for a in doc.in_range("actors", *_group_range(doc, group)) if a.key == actor_id] or [best]
    name = max(mentions, key=lambda a: len(a.text))
    sentence = doc.sentences[sentence_idx]
    # the rules look at claim cues in the sentence and suspicion cues near the actor
    reach = (min(sentence.start, best.start - ATTRIBUTION_REACH), max(sentence.end, best.end + ATTRIBUTION_REACH))
    cues = doc.in_range("cues", *reach)
    attribution = rules.attribution(doc.text, sentence, TextSpan(best.start, best.end, best.text), cues)
    if attribution is not Attribution.claimed and _claimed_in_group(doc, group, actor_id, index):
        attribution = Attribution.claimed
    return (
        Perpetrator(actor_id=actor_id, name=name.text, attribution=attribution),
        unique_spans(_span(m) for m in mentions),
    )


# words that may stand between an attributive actor word and the trigger it qualifies ("a U.S. drone
# strike", "Russian air strikes", "غارة جوية أمريكية", "قصف مدفعي تركي")
_ATTRIBUTIVE_GAP = re.compile(
    r"\s*(?:(?:air|drone|aerial|military|naval|artillery|rocket|missile|precision|helicopter|unmanned|"
    r"جوية|الجوية|جوي|الجوي|مدفعي|المدفعي|مدفعية|المدفعية|صاروخية|الصاروخية|بطائرة|بطائرات|مسيرة|المسيرة)\s+)?",
)


def _attributive(doc: _Doc, trigger: TermMatch) -> TermMatch | None:
    """An actor named by a modifier of the event's trigger: before it in English ("a U.S. airstrike",
    "coalition drone strikes"), after it in Arabic ("غارة جوية أمريكية"), at most one word such as "drone"
    or "جوية" between and nothing else. Such a modifier says who acted, whatever the sentence's other
    actors ("a US airstrike destroyed a facility used as a headquarters by ISIL")."""
    window = doc.in_range("attributive", max(0, trigger.start - 40), trigger.start)
    before = [a for a in window if a.end <= trigger.start]
    for attr in sorted(before, key=lambda a: -a.end):
        if doc.language is not Language.ar and _ATTRIBUTIVE_GAP.fullmatch(doc.text, attr.end, trigger.start):
            return attr
    if doc.language is Language.ar:
        after = [a for a in doc.in_range("attributive", trigger.end, trigger.end + 40) if a.start >= trigger.end]
        for attr in sorted(after, key=lambda a: a.start):
            if _ATTRIBUTIVE_GAP.fullmatch(doc.text, trigger.end, attr.start):
                return attr
    return None


def _claimed_in_group(doc: _Doc, group: _Group, actor_id: str, index: CodebookIndex) -> bool:
    """A claim sentence of the event names this actor (or its parent) or no other non-state actor."""
    related = {actor_id, *doc_ancestors(index, actor_id)}
    for i in group.sentences:
        if not any(c.key == "claimed" for c in doc.sentence_matches("cues", [i])):
            continue
        others = [a.key for a in doc.sentence_matches("actors", [i]) if index.actor_kind.get(a.key) in NON_STATE]
        if not others or any(o in related or actor_id in index.children.get(o, ()) for o in others):
            return True
    return False


def doc_ancestors(index: CodebookIndex, actor_id: str) -> list[str]:
    return [parent for parent, kids in index.children.items() if actor_id in kids]


def _group_range(doc: _Doc, group: _Group) -> tuple[int, int]:
    """From the start of the event's first paragraph to the end of its last one."""
    first = doc.paragraph_range(doc.paragraphs[group.sentences[0]])
    last = doc.paragraph_range(doc.paragraphs[group.sentences[-1]])
    return first[0], last[1]


def _most_specific(doc: _Doc, group: _Group, actor_id: str, index: CodebookIndex, sentence: int) -> str:
    """Prefer a province/affiliate of the chosen actor named in the same paragraph; a unit of a state force
    only in the actor's own sentence ("the Joint Operations Command said F-16s killed seven militants ... Troops
    from the Counter-Terrorism Service searched the area": the strikes are not the service's)."""
    children = index.children.get(actor_id)
    if not children:
        return actor_id
    if index.actor_kind.get(actor_id) in NON_STATE:
        in_paragraph = doc.in_range("actors", *_group_range(doc, group))
    else:
        in_paragraph = doc.sentence_matches("actors", [sentence])
    specific = [a.key for a in in_paragraph if a.key in children]
    return specific[0] if specific else actor_id


# a jihadist group named again by a common noun: "the group", "the militant group", "التنظيم", "للتنظيم", "الجماعة"
_GROUP_ANAPHOR = {
    Language.en: re.compile(
        r"\bthe\s+(?:(?:same|militant|jihadist|extremist|insurgent|armed)\s+)?group\b(?!['’]s\s+(?:leader|founder))",
        re.IGNORECASE,
    ),
    Language.ar: re.compile(r"(?<![\u0621-\u064a])[وفب]?(?:ال|لل)(?:تنظيم|جماعة)(?![\u0621-\u064a])"),
}


# the group's members named through it: "مسلحي التنظيم", "عناصر التنظيم", "fighters of the group", "the group's
# fighters"
_MEMBERS_BEFORE = re.compile(
    r"(?:(?:fighters|militants|members|cells|remnants)\s+of\s+|(?<![\u0621-\u064a])و?(?:مسلحو|مسلحي|عناصر|مقاتلو|مقاتلي"
    r"|أفراد|خلايا|خلية|فلول|بقايا)\s+)\Z",
    re.IGNORECASE,
)
_MEMBERS_AFTER = re.compile(r"['’]s\s+(?:fighters|militants|members|cells|gunmen)\b", re.IGNORECASE)


def _names_members(doc: _Doc, anaphor: TermMatch) -> bool:
    return bool(
        _MEMBERS_BEFORE.search(doc.text, max(0, anaphor.start - 20), anaphor.start)
        or _MEMBERS_AFTER.match(doc.text, anaphor.end)
    )


BRANCH_REACH = 60  # characters from a branch's name to the parent named as what it belongs to


def _group_anaphors(doc: _Doc, i: int, index: CodebookIndex) -> list[TermMatch]:
    """The common nouns of sentence ``i`` that name a jihadist group again (:data:`_GROUP_ANAPHOR`, not inside an
    actor's name: "تنظيم الدولة"), each as a mention of the jihadist group last named before it in the text."""
    pattern = _GROUP_ANAPHOR.get(doc.language)
    if pattern is None:
        return []
    sentence = doc.sentences[i]
    actors = doc.by_section.get("actors", [])
    found = []
    for m in pattern.finditer(doc.text, sentence.start, sentence.end):
        if doc.in_range("actors", m.start(), m.end()):
            continue
        before = bisect.bisect_left(doc.starts_by_section.get("actors", []), m.start())
        jihadist = (
            a for a in reversed(actors[:before])
            if a.end <= m.start() and index.actor_kind.get(a.key) is ActorType.jihadist_group
        )  # fmt: skip
        parent = next(jihadist, None)
        if parent is None:
            continue
        # the branch over the parent it is described by ("ولاية غرب أفريقيا التابعة لتنظيم الدولة الإسلامية ...
        # مقاتلو التنظيم")
        children = index.children.get(parent.key, ())
        branches = [
            a.key for a in doc.in_range("actors", max(0, parent.start - BRANCH_REACH - 80), parent.start)
            if a.key in children and 0 <= parent.start - a.end <= BRANCH_REACH
        ]  # fmt: skip
        found.append(TermMatch("actors", branches[-1] if branches else parent.key, m.start(), m.end(), m.group()))
    return found


CLAIM_SENTENCES = 6
CLAIM_PARAGRAPHS = 2


def _claim_elsewhere(doc: _Doc, group: _Group, index: CodebookIndex) -> tuple[TermMatch, int] | None:
    """ "X claimed responsibility" in one of the next :data:`CLAIM_SENTENCES` sentences, at most
    :data:`CLAIM_PARAGRAPHS` paragraphs after the event's last one, before any other event's sentence (wire copy
    tells the attack, how it went and a witness's words, then who claimed or was blamed)."""
    last = group.sentences[-1]
    # (also a sentence between the event's own ones: "قُتل شرطي ... وقالت الشرطة إنه يُشتبه في انتماء الانتحاري إلى
    # جماعة أنصار الدولة ... وقال المتحدث إن عناصر من وحدة مكافحة الإرهاب أُرسلوا إلى بيما")
    between = [i for i in range(group.sentences[0] + 1, last) if i not in group.sentences]
    for i in [*between, *range(last + 1, min(len(doc.sentences), last + 1 + CLAIM_SENTENCES))]:
        if i > last and (
            doc.paragraphs[i] > doc.paragraphs[last] + CLAIM_PARAGRAPHS
            or doc.headings[i]
            or _is_heading_between(doc, last, i)
        ):
            break
        if i in doc.grouped:
            if i < last:
                continue
            break  # another event's sentence: "On May 24, a roadside bomb ... IS claimed that attack"
        cues = doc.sentence_matches("cues", [i])
        claims = [c for c in cues if c.key in {"claimed", "attributed"}]
        suspicions = [c for c in cues if c.key == "suspected"]
        if not claims and not suspicions:
            continue
        actors = [
            a
            for a in doc.sentence_matches("actors", [i])
            if index.actor_kind.get(a.key) in NON_STATE and not _blames(doc, a)  # "Taliban officials blamed ISKP"
        ]
        if not claims and not any(c.key == "anaphora" for c in cues):
            # a suspicion names the group it is about ("Police suspect JAD", "وتشتبه الشرطة في جماعة ..."), not
            # "the province ... is believed to finance the group's branches" (يُعتقد أنها تؤدي دوراً في تمويل)
            actors = [a for a in actors if any(0 <= a.start - c.end <= SUSPICION_REACH for c in suspicions)]
        if actors:
            # "the Islamic State's Libya Province claimed ...": the province, whatever the word order
            named = {a.key for a in actors}
            specific = [a for a in actors if not index.children.get(a.key, frozenset()) & named]
            return (specific or actors)[0], i
    return None


# ------------------------------------------------------------------------------------------ fields


def _contexts(headings: list[tuple[int, DateContext]], published: date | None) -> list[tuple[int, DateContext]]:
    return [(o, DateContext(published, c.dateline, c.heading_year, c.heading_month)) for o, c in headings]


def _is_informative(event: ExtractedEvent, group: _Group, index: CodebookIndex) -> bool:
    """A sentence with only the generic "attack" trigger is an event only if it says something about it
    (a perpetrator, casualties, victims, targets or weapons)."""
    if any(index.priority.get(t.key, 0) > 0 for t in group.triggers):
        return True
    has_actor = event.perpetrator is not None
    has_harm = event.killed.best is not None or event.killed.low is not None or event.wounded.best is not None
    return has_actor or has_harm or bool(event.victims or event.targets or event.weapons)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


FORCE_SUBJECT_GAP = 3  # words between a force named as subject and its kill verb ("Philippine army troops killed")


def _killed_by_force(doc: _Doc, count: CountMention, index: CodebookIndex) -> bool:
    """The figure's kill verb has a state force, coalition or foreign force as subject: right before it in
    English ("Philippine troops killed six militants"), inside the figure's words after the verb in Arabic
    ("قتلت القوات الفلبينية ستة مسلحين")."""
    ev = count.evidence
    for actor in doc.in_range("actors", max(0, ev.start - 60), ev.end):
        if index.actor_kind.get(actor.key) not in STATE_KINDS:
            continue
        if doc.language is Language.ar and ev.start <= actor.start and actor.end <= ev.end:
            return True
        if actor.end <= ev.start:
            gap = doc.text[actor.end : ev.start]
            if len(gap.split()) <= FORCE_SUBJECT_GAP and not _GAP_BREAK.search(gap):
                return True
    return False


def _is_state_side(group: _Group, perpetrator: Perpetrator | None, index: CodebookIndex) -> bool:
    """The event was carried out by a state force, coalition or foreign force (or is an air strike/arrest)."""
    if perpetrator is not None and perpetrator.actor_id is not None:
        return index.actor_kind.get(perpetrator.actor_id) not in NON_STATE
    return group.event_type in STATE_ACTION_TYPES


# an attack or shooting that kills one prominent person and no one else is a targeted killing, whether the
# report says "assassinated" or "killed" ("Gunmen killed a tribal elder at his home" / "اغتال مسلحون شيخ عشيرة")
_UNSPECIFIC_KILLINGS = frozenset({"attack", "armed_assault"})
_MORE_PEOPLE = re.compile(
    r"\b(?:as well as|along with|together with)\b|(?:إلى جانب|فضلا عن|بالإضافة إلى)", re.IGNORECASE
)
TARGETED_KILLING = "assassination"
MASS_KILLING = 5  # dead from which a shooting is an armed assault, not a targeted killing


def _targeted_killing(doc: _Doc, group: _Group, counts: list[CountMention], index: CodebookIndex) -> bool:
    """The event's only death figure is one person named by a prominent role (targets.yaml `prominent`), killed
    by attackers the event's sentences describe ("gunmen", "مسلحون"), with no "others" killed beside them
    (not "killing a tribal sheikh ... as well as three others"; not "an ISIL legislator was killed during
    clearing operations")."""
    if TARGETED_KILLING not in index.priority:
        return False
    killed = [c for c in counts if c.kind == "killed" and not c.perpetrator]
    # (one person, told once or again: "قتل مسلحون وجيهاً ... فأردياه قتيلاً", killed a notable ... shot him dead)
    if not killed or any(c.count.best != 1 for c in killed):
        return False
    if not doc.sentence_matches("descriptions", group.sentences):
        return False
    targets = doc.sentence_matches("targets", group.sentences)
    for figure in (c.evidence for c in killed):
        own = next(i for i in group.sentences if doc.sentences[i].start <= figure.start < doc.sentences[i].end)
        if any(c.key == "others" for c in doc.sentence_matches("cues", [own])):
            return False
        if _MORE_PEOPLE.search(doc.text, figure.end, doc.sentences[own].end):
            return False  # "killed the mayor of the small town, as well as two peasants"
    # the person is inside a figure ("killed a tribal elder") or its object before it in the same clause
    # ("أردوا مختار قرية قرب بلدة مندلي ... قتيلاً", shot the mukhtar of a village ... dead)
    return any(
        t.key in index.prominent_targets
        and (
            (t.start < figure.end and figure.start < t.end)
            or (t.end <= figure.start and not _CLAUSE_BREAK.search(doc.text, t.end, figure.start)
                and doc.sentence_at(figure.start) == doc.sentence_at(t.start))
        )
        for figure in (c.evidence for c in killed)
        for t in targets
    )  # fmt: skip


def _without_claimed_tolls(doc: _Doc, counts: list[CountMention]) -> list[CountMention]:
    """A toll the claim gives ("claimed the attack ..., saying its fighters had killed 12", "قائلة إن مقاتليها قتلوا
    12") gives way to the toll officials or others give, of the same kind; it stands when it is the only one."""

    def claimed(c: CountMention) -> bool:
        i = doc.sentence_at(c.evidence.start)
        if _in_quotes(doc.text, doc.sentences[i].start, c.evidence.end):
            return True  # 'and killed "more than 20"': a figure quoted from a statement
        if not any(m.key == "claimed" for m in doc.sentence_matches("cues", [i])):
            return False
        saying = _CLAIM_SAYS.search(doc.text, doc.sentences[i].start, c.evidence.start)
        return saying is not None

    flags = [claimed(c) for c in counts]
    kinds = {c.kind for c, f in zip(counts, flags, strict=True) if not f}
    return [c for c, f in zip(counts, flags, strict=True) if not f or c.kind not in kinds]


def _in_quotes(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` ends inside a quotation opened in it (curly or guillemet quotes counted by kind, straight
    ones by parity)."""
    before = text[start:end]
    opened = sum(before.count(q) for q in _OPENING_QUOTES) - sum(before.count(q) for q in _CLOSING_QUOTES)
    return opened > 0 or before.count('"') % 2 == 1


def _casualties(mentions: list[CountMention], kind: str, state_side: bool) -> Count:
    """The largest figure of the event; deaths of attackers are left out unless the event was carried
    out by a state force or coalition (then the "militants killed" are its victims)."""
    best: Count = Count()
    for m in mentions:
        if m.kind != kind or (m.perpetrator and not state_side):
            continue
        value = m.count
        if (value.best or value.low or 0) > (best.best or best.low or 0):
            best = value
    return best


def _mechanisms(doc: _Doc, group: _Group) -> list[MechanismHit]:
    start, end = _group_range(doc, group)
    hits: dict[str, MechanismHit] = {}
    for m in doc.in_range("mechanisms", start, end):
        code = m.key.split("/", 1)[0]
        hits.setdefault(code, MechanismHit(code=code, evidence=_span(m)))
    return list(hits.values())


def _confidence(event: ExtractedEvent, specific: bool, n_triggers: int, explicit_date: bool) -> float:
    """0.3 base + 0.15 specific trigger + 0.15 perpetrator + 0.1 each for explicit date, place,
    casualties/victims/targets and corroborating triggers; at most 0.95."""
    score = 0.3
    score += 0.15 if specific else 0.0
    score += 0.15 if event.perpetrator and event.perpetrator.actor_id else 0.05 if event.perpetrator else 0.0
    score += 0.1 if explicit_date else 0.0
    score += 0.1 if event.place is not None else 0.0
    has_harm = event.killed.best is not None or event.wounded.best is not None or event.victims or event.targets
    score += 0.1 if has_harm else 0.0
    score += 0.1 if n_triggers > 1 else 0.0
    return round(min(score, 0.95), 3)


def _build_event(
    doc: _Doc,
    group: _Group,
    anchor: EventAnchor,
    roles: RoleFillers,
    codebook_roles: RoleFillers,
    rules: LanguageRules,
    resources: ExtractResources,
    places: list[PlaceRef],
) -> ExtractedEvent:
    index: CodebookIndex = resources.index
    perpetrator, org_mentions = _perpetrator(doc, group, rules, codebook_roles, index)
    counts = [c for i in group.sentences for c in doc.casualties(rules, i) if not doc.is_cumulative(i, c)]
    # "Philippine troops killed six militants", "قتلت القوات الفلبينية ستة مسلحين": the force's dead enemies
    counts = [replace(c, perpetrator=False) if c.perpetrator and _killed_by_force(doc, c, index) else c for c in counts]
    counts = _without_claimed_tolls(doc, counts)
    assert doc.dates is not None
    date_value, explicit = doc.dates.event_date(group.sentences, doc.paragraphs)
    sentence = doc.sentences[group.primary]
    place = None
    if resources.geoparser is not None and places:
        place = resources.geoparser.event_place(doc.text, places, *_place_search(doc, group, anchor, places, index))
    organizations = unique_spans([*org_mentions, *roles.perpetrator_organizations])
    state_side = _is_state_side(group, perpetrator, index)
    individuals, victims = list(roles.perpetrator_individuals), list(roles.victims)
    if state_side:  # the "militants" of a raid or air strike are its victims, not its perpetrators
        individuals, victims = [], [*victims, *individuals]
    victims += _victim_actors(doc, group, perpetrator.actor_id if perpetrator else None, index)
    victims = [v for v in victims if not _names_a_place(doc.text, v, places)]
    individuals = [v for v in individuals if not _names_a_place(doc.text, v, places)]
    event_type, sub_type = group.event_type, group.sub_type
    if event_type in _UNSPECIFIC_KILLINGS and _targeted_killing(doc, group, counts, index):
        event_type, sub_type = TARGETED_KILLING, None
    killed = _casualties(counts, "killed", state_side)
    if event_type == TARGETED_KILLING and killed.best is not None and killed.best >= MASS_KILLING:
        # "38 tourists were shot dead on a beach": a massacre, not a targeted killing of a few people
        event_type, sub_type = ARMED_ASSAULT, None
    event = ExtractedEvent(
        event_type=event_type,
        sub_type=sub_type,
        date=date_value,
        place=place,
        perpetrator=perpetrator,
        perpetrator_organizations=organizations,
        perpetrator_individuals=unique_spans(individuals),
        targets=unique_spans(roles.targets),
        victims=unique_spans(victims),
        weapons=unique_spans(roles.weapons),
        killed=killed,
        wounded=_casualties(counts, "wounded", state_side),
        mechanisms=_mechanisms(doc, group),
        confidence=0.0,
        evidence=Span(text=doc.text[sentence.start : sentence.end], start=sentence.start, end=sentence.end),
    )
    specific = index.priority.get(group.key, 0) > 0
    return event.model_copy(update={"confidence": _confidence(event, specific, len(group.triggers), explicit)})


# words that may frame a toponym in a span that still names only the place ("northwest Deir ez-Zor",
# "the town of Hajin", "Deir ez-Zor Governorate")
_PLACE_FRAME = re.compile(
    r"(?:\s|[,.'’-]|\b(?:the|of|city|town|village|province|governorate|district|region|area|countryside"
    r"|(?:north|south)-?(?:east|west)?(?:ern)?|(?:east|west)(?:ern)?|central|rural)\b)*",
    re.IGNORECASE,
)


def _names_a_place(text: str, span: Span, places: list[PlaceRef]) -> bool:
    """Whether a victim or perpetrator span names only a place the geoparser found in it ("Baghuz
    Fawqani", "Saudi Arabia", "northwest Deir ez-Zor"), or lies inside one (the "sheikh" of the town of
    Sheikh Zuweid, "الشيخ" in "الشيخ زويد"): a person or a group is no toponym."""
    for place in places:
        if place.start <= span.start and span.end <= place.end:
            return True
        if span.start <= place.start and place.end <= span.end:
            before, after = text[span.start : place.start], text[place.end : span.end]
            if _PLACE_FRAME.fullmatch(before) and _PLACE_FRAME.fullmatch(after):
                return True
    return False


def _trigger_span(doc: _Doc, group: _Group, anchor: EventAnchor, index: CodebookIndex) -> tuple[int, int]:
    """The event's main trigger, widened to the generic harm words before it in its clause ("killed",
    "wounded", "attack"): a place is near the event when it is near them ("Gunmen killed three guards at an
    oil well near al-Busayrah ..., then set the well on fire": the arson's place is al-Busayrah, next to
    "killed"). Not across a specific trigger of another event ("the SDF captured two villages ..., while
    the Russian Air Force conducted airstrikes"), nor to an event named after a place ("the Paris attacks")."""
    start, end = anchor.trigger_start, anchor.trigger_end
    own = (doc.sentences[i] for i in group.sentences)
    sentence = next((s for s in own if s.start <= start < s.end), None)
    if sentence is None:
        return start, end
    family = anchor.event_type
    for t in reversed(doc.in_range("event_types", sentence.start, start)):
        if t.key.split("/")[0] == family and not _NAMED_EVENT.search(doc.text, max(0, t.start - 30), t.start):
            start = t.start  # "militants bombed a power tower in Datu Piang ..., and a second bomb planted"
            continue
        if index.priority.get(t.key, 0) > 0 or _NAMED_EVENT.search(doc.text, max(0, t.start - 30), t.start):
            break
        start = t.start
    return start, end


# "the November 2015 Paris attacks", "Paris-style attacks": a capitalised name right before a generic noun
_NAMED_EVENT = re.compile(r"[A-Z][\w'’.-]*[ -]$")


def _place_search(
    doc: _Doc, group: _Group, anchor: EventAnchor, places: list[PlaceRef], index: CodebookIndex
) -> tuple[tuple[int, int], tuple[int, int]]:
    """The span where the event's place is looked for and the trigger span it should be near. When the event's
    type comes from a later sentence that tells a detail ("... exchanged fire with rocket-propelled grenades on
    the road linking Arish to central Sinai") and its first sentence names a place, the first sentence and its
    own first trigger are searched: the lead sentence says where the event happened."""
    primary = doc.sentences[group.primary]
    if not primary.start <= anchor.trigger_start < primary.end:
        own = [t for t in group.triggers if primary.start <= t.start < primary.end]
        named = any(primary.start <= p.start < primary.end and p.lat is not None for p in places)
        if own and named:
            first = min(own, key=lambda t: t.start)
            return (primary.start, primary.end), (first.start, first.end)
    return _place_span(doc, group, anchor, places), _trigger_span(doc, group, anchor, index)


def _place_span(doc: _Doc, group: _Group, anchor: EventAnchor, places: list[PlaceRef]) -> tuple[int, int]:
    """Where the event's place is looked for: the group's sentences up to the one that gives the
    event (its primary sentence or its trigger's, whichever is later). The later sentences of the
    group, which often add another incident ("An attack near Tal Afar was repelled"), only when the
    first ones name no place."""
    trigger = next(
        (i for i in group.sentences if doc.sentences[i].start <= anchor.trigger_start < doc.sentences[i].end),
        group.primary,
    )
    end = doc.sentences[max(group.primary, trigger)].end
    if end < anchor.sentence_end and any(anchor.sentence_start <= p.start < end and p.lat is not None for p in places):
        return anchor.sentence_start, end
    return anchor.sentence_start, anchor.sentence_end


def _actor_mentions(doc: _Doc, fillers: list[RoleFillers | None]) -> list[ActorMention]:
    mentions = [
        ActorMention(text=m.text, start=m.start, end=m.end, actor_id=m.key, kind=ActorKind.organization)
        for m in doc.by_section.get("actors", [])
    ]
    descriptions = doc.by_section.get("descriptions", [])
    mentions += [
        ActorMention(text=m.text, start=m.start, end=m.end, actor_id=None, kind=ActorKind.group_description)
        for m in descriptions
    ]
    taken = {(m.start, m.end) for m in mentions}
    for roles in fillers:
        for span in roles.perpetrator_individuals if roles else []:
            if (span.start, span.end) not in taken and not any(
                d.start <= span.start and span.end <= d.end for d in descriptions
            ):
                taken.add((span.start, span.end))
                mentions.append(
                    ActorMention(text=span.text, start=span.start, end=span.end, actor_id=None, kind=ActorKind.person)
                )
    return sorted(mentions, key=lambda m: (m.start, m.end))
