"""Read, validate and cache the codebook: package data by default, or a user folder.

A user folder (``settings.codebook``) overrides the shipped codebook file by file: files it does not
contain are read from the package. Problems are reported as readable paths such as
``actors.yaml -> isis-sahel -> aliases -> en -> 3: empty string``.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, get_args

import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError

from emberwatch.codebook.indicators_schema import IndicatorDefinition
from emberwatch.codebook.schema import (
    Actor,
    Codebook,
    Cues,
    Description,
    EventType,
    Mechanism,
    Target,
    Weapon,
)
from emberwatch.errors import CodebookError

DEFAULT_PACKAGE = "emberwatch.codebook"

# file name -> (Codebook field, type of its content, required)
SECTIONS: dict[str, tuple[str, Any, bool]] = {
    "event_types.yaml": ("event_types", list[EventType], True),
    "actors.yaml": ("actors", list[Actor], True),
    "descriptions.yaml": ("descriptions", list[Description], True),
    "weapons.yaml": ("weapons", list[Weapon], True),
    "targets.yaml": ("targets", list[Target], True),
    "mechanisms.yaml": ("mechanisms", list[Mechanism], True),
    "cues.yaml": ("cues", Cues, True),
    "indicators.yaml": ("indicators", list[IndicatorDefinition], False),
}


@dataclass(frozen=True)
class _Source:
    name: str
    text: str | None  # None: file absent


def _read_sources(path: Path | None) -> list[_Source]:
    if path is not None and not path.is_dir():
        raise CodebookError(
            f"Codebook folder {path} does not exist or is not a folder. Point EMBERWATCH_CODEBOOK "
            "(or `codebook` in emberwatch.toml) at a folder of codebook YAML files, or unset it."
        )
    default = resources.files(DEFAULT_PACKAGE) / "default"
    sources = []
    for name in SECTIONS:
        user_file = path / name if path is not None else None
        if user_file is not None and user_file.is_file():
            sources.append(_Source(name, user_file.read_text(encoding="utf-8")))
        elif (default / name).is_file():
            sources.append(_Source(name, (default / name).read_text(encoding="utf-8")))
        else:
            sources.append(_Source(name, None))
    return sources


def _entry_label(data: Any, index: int | str) -> str:
    """Name a list item by its id/code when it has one, else by its index."""
    if isinstance(index, int) and isinstance(data, list) and 0 <= index < len(data):
        item = data[index]
        if isinstance(item, dict):
            for key in ("id", "code"):
                if isinstance(item.get(key), str):
                    return str(item[key])
    return str(index)


def _format_error(name: str, data: Any, loc: tuple[Any, ...], msg: str) -> str:
    parts = [name]
    node = data
    for i, key in enumerate(loc):
        parts.append(
            _entry_label(node, key) if i == 0 or (isinstance(key, int) and key != loc[-1]) else str(key)
        )
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            node = None
    message = msg.removeprefix("Value error, ")
    if message.split(":", 1)[0].isdigit():
        return " -> ".join(parts) + " -> " + message
    return " -> ".join(parts) + ": " + message


def _parse(sources: list[_Source]) -> tuple[dict[str, Any], list[str]]:
    values: dict[str, Any] = {}
    problems: list[str] = []
    for source in sources:
        field_name, kind, required = SECTIONS[source.name]
        if source.text is None:
            if required:
                problems.append(f"{source.name}: file missing (copy it from the default codebook)")
            continue
        try:
            data = yaml.safe_load(source.text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" line {mark.line + 1}" if mark is not None else ""
            problems.append(f"{source.name}{where}: invalid YAML ({getattr(exc, 'problem', exc)})")
            continue
        if data is None:
            data = {} if kind is Cues else []
        if isinstance(data, list) and kind is not Cues:
            # entry by entry, so valid entries are still cross-checked when others are broken
            item_kind = TypeAdapter(get_args(kind)[0])
            values[field_name] = []
            for i, item in enumerate(data):
                try:
                    values[field_name].append(item_kind.validate_python(item))
                except ValidationError as exc:
                    problems += [
                        _format_error(source.name, data, (i, *err["loc"]), err["msg"]) for err in exc.errors()
                    ]
            continue
        try:
            values[field_name] = TypeAdapter(kind).validate_python(data)
        except ValidationError as exc:
            for err in exc.errors():
                problems.append(_format_error(source.name, data, tuple(err["loc"]), err["msg"]))
    return values, problems


def _cross_check(values: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    for field_name, key in (
        ("event_types", "id"), ("actors", "id"), ("descriptions", "id"), ("weapons", "id"),
        ("targets", "id"), ("mechanisms", "code"), ("indicators", "id"),
    ):  # fmt: skip
        file_name = next(n for n, (f, _, _) in SECTIONS.items() if f == field_name)
        counts = Counter(getattr(entry, key) for entry in values.get(field_name, []))
        problems += [f"{file_name} -> {k}: duplicate {key}" for k, n in counts.items() if n > 1]
    actors: list[Actor] = values.get("actors", [])
    ids = {a.id for a in actors}
    problems += _check_actor_links(actors, ids)
    problems += _check_aliases(actors)
    codes = {m.code for m in values.get("mechanisms", [])}
    for indicator in values.get("indicators", []):
        if indicator.mechanism not in codes:
            problems.append(
                f"indicators.yaml -> {indicator.id} -> mechanism: unknown mechanism code "
                f"'{indicator.mechanism}' (known: {', '.join(sorted(codes))})"
            )
    problems += _check_indicator_selectors(values)
    for event_type in values.get("event_types", []):
        sub_counts = Counter(s.id for s in event_type.sub_types)
        problems += [
            f"event_types.yaml -> {event_type.id} -> sub_types -> {k}: duplicate id"
            for k, n in sub_counts.items() if n > 1
        ]  # fmt: skip
    return problems


def _check_indicator_selectors(values: dict[str, Any]) -> list[str]:
    """Event types and sub-types named in indicator selectors must exist in event_types.yaml."""
    types = {t.id for t in values.get("event_types", [])}
    subs = {s.id for t in values.get("event_types", []) for s in t.sub_types}
    problems = []
    for indicator in values.get("indicators", []):
        for field_name in ("select", "against"):
            selector = getattr(indicator, field_name, None)
            for name in getattr(selector, "event_types", []) or []:
                if name not in types:
                    problems.append(f"indicators.yaml -> {indicator.id} -> {field_name} -> event_types: unknown "
                                    f"event type '{name}' (known: {', '.join(sorted(types))})")
            for name in getattr(selector, "sub_types", []) or []:
                if name not in subs:
                    problems.append(f"indicators.yaml -> {indicator.id} -> {field_name} -> sub_types: unknown "
                                    f"sub-type '{name}' (known: {', '.join(sorted(subs))})")
    return problems


def _check_actor_links(actors: list[Actor], ids: set[str]) -> list[str]:
    problems = []
    parents = {a.id: a.parent for a in actors}
    for actor in actors:
        if actor.parent is not None and actor.parent not in ids:
            problems.append(f"actors.yaml -> {actor.id} -> parent: unknown actor id '{actor.parent}'")
        if actor.valid_from and actor.valid_to and actor.valid_from > actor.valid_to:
            problems.append(f"actors.yaml -> {actor.id} -> valid_to: before valid_from")
        seen = {actor.id}
        current = actor.parent
        while current is not None and current in parents:
            if current in seen:
                problems.append(f"actors.yaml -> {actor.id} -> parent: cycle through '{current}'")
                break
            seen.add(current)
            current = parents[current]
    return problems


def _check_aliases(actors: list[Actor]) -> list[str]:
    owner: dict[str, str] = {}
    attributive_owner: dict[str, str] = {}
    problems = []
    for actor in actors:
        names = [actor.name, *actor.aliases.en, *actor.aliases.ar]
        for name in dict.fromkeys(n.strip().casefold() for n in names):
            other = owner.setdefault(name, actor.id)
            if other != actor.id:
                problems.append(
                    f"actors.yaml -> {actor.id} -> aliases: '{name}' is also an alias of '{other}'"
                )
        for term in dict.fromkeys([*actor.attributive.en, *actor.attributive.ar]):
            other = attributive_owner.setdefault(term, actor.id)
            if other != actor.id:
                problems.append(f"actors.yaml -> {actor.id} -> attributive: '{term}' is also attributive of '{other}'")
        abbreviations = Counter(actor.abbreviations)
        problems += [
            f"actors.yaml -> {actor.id} -> abbreviations: duplicate '{a}'"
            for a, n in abbreviations.items()
            if n > 1
        ]
    return problems


def _version(sources: list[_Source]) -> str:
    digest = hashlib.sha256()
    for source in sources:
        digest.update(source.name.encode())
        digest.update(b"\0")
        digest.update((source.text or "").encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()[:10]


def check_codebook(path: Path | None = None) -> list[str]:
    """Every problem in the codebook at ``path`` (default: the shipped one), as readable lines."""
    values, problems = _parse(_read_sources(path))
    return problems + _cross_check(values)


def _signature(path: Path | None) -> tuple[tuple[str, int, int], ...]:
    if path is None or not path.is_dir():
        return ()
    stats = []
    for name in SECTIONS:
        file = path / name
        if file.is_file():
            st = file.stat()
            stats.append((name, st.st_mtime_ns, st.st_size))
    return tuple(stats)


@lru_cache(maxsize=16)
def _load_cached(path: Path | None, signature: tuple[tuple[str, int, int], ...]) -> Codebook:
    sources = _read_sources(path)
    values, problems = _parse(sources)
    problems += _cross_check(values)
    if problems:
        where = path if path is not None else "the default codebook"
        listing = "\n  ".join(problems[:20])
        more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
        raise CodebookError(
            f"Codebook {where} has {len(problems)} problem(s); fix them (see "
            f"`emberwatch codebook check`):\n  {listing}{more}"
        )
    return Codebook(path=path, version=_version(sources), **values)


def load_codebook(path: Path | None = None) -> Codebook:
    """The validated codebook at ``path`` (a folder) or the shipped one; cached per path and mtime."""
    resolved = path.expanduser().resolve() if path is not None else None
    return _load_cached(resolved, _signature(resolved))


def codebook_section(codebook: Codebook, section: str) -> list[BaseModel]:
    """Entries of one section by name (``actors``, ``event_types``...), for listing."""
    names = [f for f, _, _ in SECTIONS.values() if f != "cues"]
    if section not in names:
        raise CodebookError(f"Unknown codebook section '{section}'. Known: {', '.join(names)}")
    return list(getattr(codebook, section))
