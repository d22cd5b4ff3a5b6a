"""Import a UCDP GED CSV into the ``events`` table (``origin = 'ucdp'``), next to extracted events.

Column mapping (also in docs/analysis.md):

| events column | from UCDP GED |
|---|---|
| id | ``ucdp-<id>`` (stable: re-importing skips rows already there unless ``replace``) |
| event_type | ``type_of_violence`` 1 (state-based), 2 (non-state) -> ``armed_clash``; 3 -> ``attack`` |
| date, date_end, date_precision | ``date_start``, ``date_end``, ``date_prec`` (same 1-5 scale) |
| place_name | ``where_coordinates`` |
| admin1, admin2 | ``adm_1``, ``adm_2`` without a trailing "governorate/province/district/..." word |
| country_code | ``country`` -> ISO 3166 alpha-2 (pycountry, plus names UCDP spells its own way) |
| lat, lon, location_precision | ``latitude``, ``longitude``, ``where_prec`` (same 1-7 scale) |
| perpetrator_id, perpetrator_mention | see below; the mention is the UCDP side name |
| attribution | ``attributed`` for one-sided violence, else ``unknown`` (UCDP does not code who started) |
| killed_low/best/high | ``low``, ``best``, ``high`` (wounded: not in GED, left empty) |
| confidence | ``event_clarity`` 1 -> 1.0, 2 (unclear) -> 0.5 |
| n_sources | ``number_of_sources`` (at least 1) |
| summary | "UCDP <violence type>: <dyad_name>. <where_description>" |

Perpetrator: for one-sided violence, ``side_a``. Otherwise the first side that resolves to a codebook
actor (``side_b`` first for state-based conflicts, whose ``side_a`` is a government; ``side_a`` first for
non-state conflicts); when neither resolves, the mention is the non-government side and the id is empty.
Sides resolve by exact, case-insensitive match on a codebook actor's name, aliases or abbreviations
(plus ``extra_aliases``, e.g. ``{"IS": "isis"}``).
"""

from __future__ import annotations

import logging
import math
import re
from datetime import UTC, date, datetime
from pathlib import Path

import pandas as pd
import pycountry
from pydantic import BaseModel, Field

from emberwatch.codebook import Codebook
from emberwatch.errors import InputError
from emberwatch.store import Store
from emberwatch.store.analysis import actor_names, existing_event_ids, insert_imported_events
from emberwatch.store.queries import EVENT_COLUMNS

log = logging.getLogger(__name__)

ORIGIN = "ucdp"
REQUIRED_COLUMNS = ["id", "type_of_violence", "side_a", "side_b", "date_start", "date_end", "date_prec",
                    "where_prec", "latitude", "longitude", "country", "best"]  # fmt: skip
VIOLENCE = {1: ("state-based conflict", "armed_clash"), 2: ("non-state conflict", "armed_clash"),
            3: ("one-sided violence", "attack")}  # fmt: skip
COUNTRY_NAMES = {
    "bosnia-herzegovina": "BA", "dr congo": "CD", "ivory coast": "CI", "macedonia, fyr": "MK",
    "turkey": "TR", "russia": "RU", "kosovo": "XK", "kingdom of eswatini": "SZ", "congo": "CG",
    "cambodia": "KH", "laos": "LA", "iran": "IR", "syria": "SY", "south vietnam": "VN", "vietnam": "VN",
    "serbia": "RS", "yemen": "YE", "zimbabwe": "ZW", "madagascar": "MG", "myanmar": "MM",
}  # fmt: skip
# UCDP spellings that differ from the default codebook's aliases (used when the actor id exists).
UCDP_ALIASES = {"taleban": "taliban", "is": "isis", "al-shabaab": "al-shabaab", "aqim": "aqim"}
_ADMIN_SUFFIX = re.compile(
    r"\s+(governorate|province|district|region|state|county|municipality|department|prefecture|division)$",
    re.I,
)


class ImportProblem(BaseModel):
    row: int = Field(description="1-based data row (the header is not counted).")
    field: str
    message: str
    skipped: bool = Field(description="True if the row was not imported.")


class ImportReport(BaseModel):
    path: str
    rows: int
    imported: int
    already_present: int
    problems: list[ImportProblem] = Field(default_factory=list)

    @property
    def skipped(self) -> int:
        return len({p.row for p in self.problems if p.skipped})


def actor_lookup(
    store: Store, codebook: Codebook | None, extra: dict[str, str] | None = None
) -> dict[str, str]:
    """Casefolded actor name/alias/abbreviation -> actor id, from the codebook and the store's actors."""
    lookup: dict[str, str] = {}
    for row in actor_names(store).itertuples(index=False):
        for name in [row.name, row.name_ar, *(list(row.aliases) if row.aliases is not None else [])]:
            if isinstance(name, str) and name.strip():
                lookup.setdefault(name.strip().casefold(), row.id)
    if codebook is not None:
        for actor in codebook.actors:
            names = [actor.name, actor.name_ar, *actor.aliases.en, *actor.aliases.ar, *actor.abbreviations]
            for name in names:
                if name:
                    lookup.setdefault(name.strip().casefold(), actor.id)
    known = set(lookup.values())
    for name, actor_id in UCDP_ALIASES.items():
        if actor_id in known:
            lookup.setdefault(name, actor_id)
    for name, actor_id in (extra or {}).items():
        lookup[name.strip().casefold()] = actor_id
    return lookup


def country_code(name: str) -> str | None:
    """ISO alpha-2 code of a UCDP country name ("DR Congo (Zaire)" -> "CD"), or None."""
    base = re.sub(r"\s*\(.*\)\s*$", "", name).strip()
    if base.casefold() in COUNTRY_NAMES:
        return COUNTRY_NAMES[base.casefold()]
    try:
        return str(pycountry.countries.lookup(base).alpha_2)
    except LookupError:
        pass
    try:
        return str(pycountry.countries.search_fuzzy(base)[0].alpha_2)
    except LookupError:
        return None


def _admin(value: str) -> str | None:
    value = value.strip()
    return _ADMIN_SUFFIX.sub("", value) or None if value else None


def _number(value: str) -> float | None:
    value = value.strip()
    if not value:
        return None
    number = float(value)
    if math.isnan(number):
        return None
    return number


def _int(value: str) -> int | None:
    number = _number(value)
    return None if number is None else round(number)


def _perpetrator(row: dict[str, str], violence: int, lookup: dict[str, str]) -> tuple[str | None, str, str]:
    side_a, side_b = row["side_a"].strip(), row["side_b"].strip()
    if violence == 3:
        return lookup.get(side_a.casefold()), side_a, "attributed"
    order = [side_b, side_a] if violence == 1 else [side_a, side_b]
    for side in order:
        if side and side.casefold() in lookup:
            return lookup[side.casefold()], side, "unknown"
    return None, order[0], "unknown"


def _convert(
    row: dict[str, str], number: int, lookup: dict[str, str], problems: list[ImportProblem]
) -> dict | None:
    def bad(field: str, message: str, skipped: bool = True) -> None:
        problems.append(ImportProblem(row=number, field=field, message=message, skipped=skipped))

    try:
        ucdp_id = _int(row["id"])
        violence = _int(row["type_of_violence"])
        start = date.fromisoformat(row["date_start"].strip()[:10])
        end = date.fromisoformat(row["date_end"].strip()[:10]) if row["date_end"].strip() else start
        date_prec, where_prec = _int(row["date_prec"]), _int(row["where_prec"])
        lat, lon = _number(row["latitude"]), _number(row["longitude"])
        low, best, high = _int(row.get("low", "")), _int(row["best"]), _int(row.get("high", ""))
    except ValueError as exc:
        bad("row", f"unreadable value ({exc})")
        return None
    checks = [
        ("id", ucdp_id is not None, "missing"),
        ("type_of_violence", violence in VIOLENCE, f"must be 1, 2 or 3, got {row['type_of_violence']!r}"),
        ("date_prec", date_prec in range(1, 6), f"must be 1-5, got {row['date_prec']!r}"),
        ("where_prec", where_prec in range(1, 8), f"must be 1-7, got {row['where_prec']!r}"),
        ("latitude", lat is None or -90 <= lat <= 90, f"out of range: {lat}"),
        ("longitude", lon is None or -180 <= lon <= 180, f"out of range: {lon}"),
        ("date_end", end >= start, f"{end} is before date_start {start}"),
    ]  # fmt: skip
    failed = [(field, message) for field, ok, message in checks if not ok]
    for field, message in failed:
        bad(field, message)
    if failed:
        return None
    assert violence is not None
    iso = country_code(row["country"]) if row["country"].strip() else None
    if iso is None:
        bad("country", f"unknown country {row['country']!r}; imported without a country code", skipped=False)
    actor_id, mention, attribution = _perpetrator(row, violence, lookup)
    clarity = _int(row.get("event_clarity", ""))
    label, event_type = VIOLENCE[violence]
    where = row.get("where_description", "").strip()
    return {
        "id": f"ucdp-{ucdp_id}", "origin": ORIGIN, "event_type": event_type, "sub_type": None,
        "date": start, "date_end": end, "date_precision": date_prec,
        "place_name": row.get("where_coordinates", "").strip() or None,
        "admin1": _admin(row.get("adm_1", "")), "admin2": _admin(row.get("adm_2", "")),
        "country_code": iso, "lat": lat, "lon": lon, "geonames_id": None, "location_precision": where_prec,
        "perpetrator_id": actor_id, "perpetrator_mention": mention or None, "attribution": attribution,
        "targets": [], "victims": [], "weapons": [],
        "killed_low": low, "killed_best": best, "killed_high": high,
        "wounded_low": None, "wounded_best": None, "wounded_high": None,
        "mechanisms": [], "confidence": 0.5 if clarity == 2 else 1.0, "language": None,
        "n_sources": max(_int(row.get("number_of_sources", "")) or 1, 1), "review_status": "unreviewed",
        "summary": f"UCDP {label}: {row.get('dyad_name', '').strip()}." + (f" {where}" if where else ""),
    }  # fmt: skip


def read_ucdp_csv(path: Path) -> list[dict[str, str]]:
    """Rows of a UCDP GED CSV as strings (raises InputError if it is not one)."""
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (OSError, UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise InputError(f"Cannot read UCDP CSV {path}: {exc}") from exc
    missing = [c for c in REQUIRED_COLUMNS if c not in frame.columns]
    if missing:
        raise InputError(
            f"{path} is not a UCDP GED CSV: missing column(s) {', '.join(missing)} "
            "(export the GED with its standard column names)."
        )
    return frame.to_dict("records")


def import_ucdp(
    store: Store,
    path: Path,
    codebook: Codebook | None = None,
    extra_aliases: dict[str, str] | None = None,
    replace: bool = False,
) -> ImportReport:
    """Import a UCDP GED CSV; bad rows are reported in the result and the rest of the batch goes in."""
    path = Path(path)
    rows = read_ucdp_csv(path)
    lookup = actor_lookup(store, codebook, extra_aliases)
    problems: list[ImportProblem] = []
    converted = [r for i, row in enumerate(rows, 1) if (r := _convert(row, i, lookup, problems)) is not None]
    frame = pd.DataFrame(
        converted, columns=[c for c in EVENT_COLUMNS if c not in ("created_at", "updated_at")]
    )
    frame = frame.drop_duplicates("id", keep="last")
    already = existing_event_ids(store, list(frame["id"]))
    if not replace:
        frame = frame[~frame["id"].isin(already)]
    now = datetime.now(UTC).replace(tzinfo=None)
    frame = frame.assign(created_at=now, updated_at=now)
    frame["date"] = pd.to_datetime(frame["date"]).dt.date
    frame["date_end"] = pd.to_datetime(frame["date_end"]).dt.date
    imported = insert_imported_events(store, frame, replace=replace)
    log.info("UCDP import %s: %d rows, %d imported, %d problems", path, len(rows), imported, len(problems))
    return ImportReport(
        path=str(path), rows=len(rows), imported=imported,
        already_present=0 if replace else len(already), problems=problems,
    )  # fmt: skip
