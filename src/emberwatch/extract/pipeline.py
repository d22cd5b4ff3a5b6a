"""The extraction stage: ``extract_document(ExtractInput, ExtractResources) -> DocumentExtraction``.

``extract_document`` is a pure function of the document and the resources (codebook, language rules,
optional geoparser and role filler): no global state, so it runs unchanged on many workers. The
resources object is built once (:func:`load_resources`) and holds every compiled matcher.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from emberwatch.codebook import Codebook, load_codebook
from emberwatch.errors import GazetteerError
from emberwatch.extract.events import CodebookIndex, extract_events
from emberwatch.extract.language import RULES_FACTORIES, LanguageRules, detect_language
from emberwatch.extract.types import EventAnchor, RoleFillers
from emberwatch.models import DocumentExtraction, ExtractInput, HomeArea, Language, PlaceRef

if TYPE_CHECKING:
    from emberwatch.settings import Settings

log = logging.getLogger(__name__)

ALGORITHM_VERSION = "rules-44"  # bump when extraction rules change what they find


class Geoparser(Protocol):
    """What the extraction stage needs from ``emberwatch.geo.Geoparser``."""

    @property
    def version(self) -> str:
        """Rules and index version: part of the extractor version, so a change re-extracts."""
        ...

    def geoparse(
        self, text: str, language: Language, published: date | None, home: HomeArea | None = None
    ) -> list[PlaceRef]: ...

    def event_place(
        self, text: str, places: list[PlaceRef], sentence: tuple[int, int], trigger: tuple[int, int]
    ) -> PlaceRef | None: ...


RoleFillerFn = Callable[[str, list[EventAnchor], Any], list[RoleFillers]]


@dataclass(frozen=True)
class ExtractResources:
    """Everything ``extract_document`` reads besides the document; built once, shared read-only."""

    codebook: Codebook
    rules: Mapping[Language, LanguageRules]
    geoparser: Geoparser | None = None
    role_filler: RoleFillerFn | None = None
    # the languages the role filler was trained for: the shipped tagger learnt English (MUC-4) and tags
    # Arabic as noise ("يوم الثلاثاء عندما استهدفت" as a victim), so other languages take their role
    # fillers from the codebook terms only
    role_languages: frozenset[Language] = frozenset({Language.en, Language.other})
    algorithm_version: str = ALGORITHM_VERSION
    # learn each outlet's home province from its other reports (emberwatch.geo.home; runners only)
    source_homes: bool = True
    extra: Mapping[str, Any] = field(default_factory=dict)  # e.g. {"roles": RoleResources}
    index: CodebookIndex = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", CodebookIndex.build(self.codebook))

    @property
    def extractor_version(self) -> str:
        """``{algorithm}[-roles][-geo]+{codebook hash}[+{geoparser version}]``: a change of any part
        (new rules, an edited codebook, new geoparser rules or a rebuilt gazetteer) means re-extraction."""
        parts = [self.algorithm_version]
        if self.role_filler is not None:
            parts.append("roles")
        if self.geoparser is not None:
            parts.append("geo" if self.source_homes else "geo-nohomes")
        version = f"{'-'.join(parts)}+{self.codebook.version}"
        return f"{version}+{self.geoparser.version}" if self.geoparser is not None else version

    def rules_for(self, language: Language) -> LanguageRules | None:
        if language in self.rules:
            return self.rules[language]
        return self.rules.get(Language.en) if language is Language.other else None


def build_rules(codebook: Codebook) -> dict[Language, LanguageRules]:
    """Rules of every language whose module is installed (Arabic may be absent in a partial build)."""
    rules: dict[Language, LanguageRules] = {}
    for language, target in RULES_FACTORIES.items():
        module_name, func_name = target.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name is not None and module_name.startswith(exc.name):
                log.warning("no extraction rules for %s (%s missing)", language.value, module_name)
                continue
            raise
        rules[language] = getattr(module, func_name)(codebook)
    return rules


def _default_role_filler() -> RoleFillerFn:
    """The trained role filler of ``emberwatch.extract.roles`` (see docs/roles.md)."""
    from emberwatch.extract.roles import fill_roles

    return fill_roles


def _load_geoparser(settings: Settings) -> Geoparser | None:
    """``emberwatch.geo.Geoparser.load(settings)`` (builds the gazetteer index on first use)."""
    from emberwatch.geo import Geoparser as GeoGeoparser

    try:
        return GeoGeoparser.load(settings)
    except GazetteerError as exc:
        log.warning("no geocoding (%s); events get no places", exc)
        return None


def load_resources(settings: Settings, with_geo: bool = True, with_roles: bool = True) -> ExtractResources:
    """Codebook (``settings.codebook``), rules for every language, geoparser and role filler."""
    codebook = load_codebook(settings.codebook)
    return ExtractResources(
        codebook=codebook,
        rules=build_rules(codebook),
        geoparser=_load_geoparser(settings) if with_geo else None,
        role_filler=_default_role_filler() if with_roles else None,
        source_homes=settings.source_homes,
    )


def default_resources() -> ExtractResources:
    """Resources from the shipped codebook, without geoparser (tests, notebooks, benchmarks)."""
    codebook = load_codebook(None)
    return ExtractResources(codebook=codebook, rules=build_rules(codebook), role_filler=None)


def extract_document(inp: ExtractInput, resources: ExtractResources) -> DocumentExtraction:
    """Events, places and actor mentions of one document (pure; offsets index ``inp.text``)."""
    language = inp.language or detect_language(inp.text)
    rules = resources.rules_for(language)
    if rules is None or not inp.text.strip():
        return DocumentExtraction(id=inp.id, language=language)
    return extract_events(inp, language, rules, resources)


def __getattr__(name: str) -> str:
    if name == "EXTRACTOR_VERSION":
        return f"{ALGORITHM_VERSION}+{load_codebook(None).version}"
    raise AttributeError(name)
