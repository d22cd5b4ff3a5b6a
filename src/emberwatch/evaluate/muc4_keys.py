"""Parser for the raw MUC-4 answer keys (25-slot templates) and the datelines of the raw texts.

Only what the evaluation scores is kept: incident dates, location (country and town) and the number of
people killed. Slot syntax: ``*`` not applicable, ``-`` no filler, ``?`` uncertain, ``/`` alternatives,
quoted strings are text spans; continuation lines are indented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from emberwatch.errors import InputError

_SLOT = re.compile(r"^(\d+)\.\s+[A-Z][A-Z :]*?[A-Z](?:\s{2,}(.*))?$")
_DATE = re.compile(r"\b(\d{1,2}) ([A-Z]{3}) (\d{2})\b")
_QUOTED = re.compile(r'"([^"]*)"')
_DOCID = re.compile(r"^((?:DEV|TST\d)-MUC\d-\d{4})\b", re.MULTILINE)
TOWN_KINDS = frozenset({"CITY", "TOWN", "VILLAGE"})
KEY_FILES = {
    "train": ("dev", "key-dev-*.muc4"),
    "dev": ("tst*", "key-tst*"),
}
TEXT_FILES = {"train": ("dev", "dev-muc3-*"), "dev": ("tst*", "tst*-muc*")}


@dataclass(frozen=True, slots=True)
class KeyTemplate:
    """The scored facts of one answer-key template."""

    docid: str
    dates: tuple[date, ...] = ()
    country: str | None = None
    towns: tuple[str, ...] = ()
    deaths: int | None = None
    slots: dict[int, list[str]] = field(default_factory=dict, repr=False, compare=False)


def parse_date(text: str) -> list[date]:
    """Every ``DD MON YY`` date in a slot value (``30 DEC 89``)."""
    out = []
    for day, month, year in _DATE.findall(text):
        try:
            out.append(datetime.strptime(f"{day} {month.title()} {year}", "%d %b %y").date())
        except ValueError:
            continue
    return out


def _slots(block: str) -> dict[int, list[str]]:
    slots: dict[int, list[str]] = {}
    current: int | None = None
    for line in block.splitlines():
        match = _SLOT.match(line)
        if match:
            current = int(match.group(1))
            slots[current] = [match.group(2).strip()] if match.group(2) else []
        elif current is not None and line.strip() and not line.startswith(";"):
            slots[current].append(line.strip())
    return slots


def _location(values: list[str]) -> tuple[str | None, tuple[str, ...]]:
    value = " ".join(values).strip()
    if not value or value in {"*", "-"}:
        return None, ()
    towns = []
    country = None
    for alternative in value.split("/"):
        cleaned = alternative.strip().lstrip("?").strip()
        if cleaned.startswith("(") and cleaned.endswith(")"):
            cleaned = cleaned[1:-1]
        parts = [p.strip() for p in cleaned.split(":")]
        country = country or parts[0] or None
        for part in parts[1:]:
            kind = re.search(r"\(([A-Z ]+)\)\s*$", part)
            if kind and kind.group(1) in TOWN_KINDS:
                towns.append(part[: kind.start()].strip())
    return country, tuple(towns)


def _deaths(slots: dict[int, list[str]]) -> int | None:
    """People killed: sum of the NUMBER of every human target whose EFFECT is DEATH."""
    effects = slots.get(23, [])
    dead = [q for line in effects if line.startswith("DEATH") for q in _QUOTED.findall(line)[:1]]
    if not dead:
        return 0 if effects and effects[0] not in {"*", "-"} else None
    numbers: dict[str, str] = {}
    for line in slots.get(21, []):
        head, _, rest = line.partition(":")
        for quoted in _QUOTED.findall(rest):
            numbers.setdefault(quoted, head.strip())
    names = {q for line in slots.get(18, []) for q in _QUOTED.findall(line)}
    total = 0
    for victim in dead:
        number = numbers.get(victim, "1" if victim in names else "")
        if not number.isdigit():
            return None
        total += int(number)
    return total


def parse_key_templates(text: str) -> list[KeyTemplate]:
    """All templates of a key file; documents without a relevant incident (``*``) are skipped."""
    out = []
    for block in re.split(r"\n(?=0\.\s+MESSAGE: ID)", text):
        slots = _slots(block)
        if 0 not in slots or not slots[0]:
            continue
        docid = slots[0][0].split()[0]
        if slots.get(1, ["*"])[0].strip() == "*":
            continue
        country, towns = _location(slots.get(3, []))
        out.append(
            KeyTemplate(
                docid=docid,
                dates=tuple(parse_date(" ".join(slots.get(2, [])))),
                country=country,
                towns=towns,
                deaths=_deaths(slots),
                slots=slots,
            )
        )
    return out


def _files(muc4_dir: Path, pattern: tuple[str, str]) -> list[Path]:
    folder, name = pattern
    files = sorted(muc4_dir.joinpath("raw", "CORPORA").glob(f"{folder}/{name}"))
    if not files:
        raise InputError(f"no MUC-4 raw files {folder}/{name} under {muc4_dir / 'raw' / 'CORPORA'}")
    return files


def load_keys(muc4_dir: Path, split: str) -> dict[str, list[KeyTemplate]]:
    """Key templates per document id for ``split`` (train: raw dev keys; dev: TST1 + TST2 keys)."""
    out: dict[str, list[KeyTemplate]] = {}
    for path in _files(muc4_dir, KEY_FILES[split]):
        for template in parse_key_templates(path.read_text("latin-1")):
            out.setdefault(template.docid, []).append(template)
    return out


def load_datelines(muc4_dir: Path, split: str) -> dict[str, date]:
    """The date in each raw text's dateline (``SAN SALVADOR, 4 JAN 90 -- [TEXT] ...``)."""
    out: dict[str, date] = {}
    for path in _files(muc4_dir, TEXT_FILES[split]):
        text = path.read_text("latin-1")
        starts = [(m.group(1), m.end()) for m in _DOCID.finditer(text)]
        for docid, end in starts:
            header = text[end : end + 300].split("[TEXT]")[0]
            dates = parse_date(header)
            if dates:
                out[docid] = dates[0]
    return out
