"""Readers for the MUC-4 data in ``../shared/data/muc4`` (processed GRIT/GTT JSON lines, raw keys)."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from emberwatch.errors import InputError

GRIT_ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
SPLITS = ("train", "dev")


def default_muc4_dir() -> Path:
    """``$EMBERWATCH_SHARED_DATA/muc4``, else ``../shared/data/muc4`` from the working directory."""
    return Path(os.environ.get("EMBERWATCH_SHARED_DATA", "../shared/data")) / "muc4"


@dataclass(frozen=True, slots=True)
class GoldEntity:
    """One gold role filler: its coreferent mentions, the first with its character offset."""

    mentions: tuple[str, ...]
    offset: int


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """A MUC-4 document with GRIT-style gold fillers pooled per role."""

    docid: str
    text: str
    roles: dict[str, tuple[GoldEntity, ...]]


@dataclass(frozen=True, slots=True)
class GoldTemplate:
    """A GTT template: the incident type and its fillers."""

    incident_type: str
    roles: dict[str, tuple[GoldEntity, ...]]


def _entities(raw: list[list[list[object]]]) -> tuple[GoldEntity, ...]:
    return tuple(
        GoldEntity(tuple(str(m[0]) for m in entity), int(entity[0][1]))  # type: ignore[call-overload]
        for entity in raw
        if entity
    )


def _lines(path: Path) -> list[dict[str, object]]:
    if not path.is_file():
        raise InputError(f"MUC-4 file not found: {path} (point --muc4-dir at ../shared/data/muc4)")
    try:
        return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: line {exc.lineno}: not JSON ({exc.msg})") from exc


def _check_split(split: str) -> None:
    if split not in SPLITS:
        raise InputError(f"unknown MUC-4 split {split!r}; choose one of: {', '.join(SPLITS)}")


def load_grit(muc4_dir: Path, split: str) -> list[GoldDocument]:
    """``processed_grit_ree/<split>.json`` as :class:`GoldDocument` records."""
    _check_split(split)
    docs = []
    for row in _lines(muc4_dir / "processed_grit_ree" / f"{split}.json"):
        extracts = row["extracts"]
        assert isinstance(extracts, dict)
        roles = {role: _entities(extracts.get(role, [])) for role in GRIT_ROLES}
        docs.append(GoldDocument(str(row["docid"]), str(row["doctext"]), roles))
    return docs


def load_gtt(muc4_dir: Path, split: str) -> dict[str, list[GoldTemplate]]:
    """``processed_gtt/<split>.json``: templates per document id."""
    _check_split(split)
    out: dict[str, list[GoldTemplate]] = {}
    for row in _lines(muc4_dir / "processed_gtt" / f"{split}.json"):
        templates = row["templates"]
        assert isinstance(templates, list)
        out[str(row["docid"])] = [
            GoldTemplate(
                str(t["incident_type"]), {role: _entities(t.get(role, [])) for role in GRIT_ROLES}
            )
            for t in templates
        ]
    return out
