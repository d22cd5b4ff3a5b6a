"""Arabic spellings of towns that GeoNames knows only in Latin letters (Sahel, Lake Chad, Somalia,
Mozambique, Uganda, Afghanistan, Pakistan, the Philippines), read in two sentence frames: after a head
noun ("بلدة X في <province> في <country>") and bare ("في X في <province> في <country>").

The table (``examples/arabic-town-names/towns.tsv``) records which frames resolve today; a row marked
``no`` is an expected failure, so a change that fixes or breaks one shows here (``pytest -rx`` lists them).
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from pathlib import Path

import pytest

from emberwatch.geo import Geoparser

TABLE = Path(__file__).resolve().parents[2] / "examples" / "arabic-town-names" / "towns.tsv"
WITHIN_KM = 30

COUNTRIES_AR = {
    "NG": "نيجيريا", "NE": "النيجر", "ML": "مالي", "BF": "بوركينا فاسو", "TD": "تشاد", "CM": "الكاميرون",
    "SO": "الصومال", "MZ": "موزمبيق", "CD": "الكونغو الديمقراطية", "UG": "أوغندا", "AF": "أفغانستان",
    "PK": "باكستان", "PH": "الفلبين",
}  # fmt: skip
LEAD = "قتل خمسة جنود يوم الثلاثاء في هجوم شنه مسلحون"
FRAMES = {
    "head": LEAD + " على بلدة {town} في {region} في {country}، حسبما أفاد مسؤولون.",
    "bare": LEAD + " في {town} في {region} في {country}، حسبما أفاد مسؤولون.",
}


@dataclass(frozen=True)
class TownRow:
    country: str
    latin: str
    arabic: str
    region: str
    head: bool
    bare: bool


def load_rows(path: Path = TABLE) -> list[TownRow]:
    with path.open(encoding="utf-8") as handle:
        return [
            TownRow(r["country"], r["latin"], r["arabic"], r["region"], r["head"] == "yes", r["bare"] == "yes")
            for r in csv.DictReader(handle, delimiter="\t")
        ]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = math.radians
    a = math.sin(r(lat2 - lat1) / 2) ** 2 + math.cos(r(lat1)) * math.cos(r(lat2)) * math.sin(r(lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


def resolves(geoparser: Geoparser, row: TownRow, frame: str) -> bool:
    """The town's own mention resolves within :data:`WITHIN_KM` of the gazetteer's town of that Latin name."""
    towns = [p for p in geoparser.lookup(row.latin) if p.country_code == row.country and int(p.precision) <= 2]
    assert towns, f"{row.latin} ({row.country}) is not a town in the gazetteer: fix {TABLE.name}"
    text = FRAMES[frame].format(town=row.arabic, region=row.region, country=COUNTRIES_AR[row.country])
    first = text.index(row.arabic)
    return any(
        p.start <= first < p.end and p.lat is not None and p.lon is not None
        and any(_km(p.lat, p.lon, t.lat, t.lon) <= WITHIN_KM for t in towns if t.lat is not None and t.lon is not None)  # type: ignore[arg-type]
        for p in geoparser.geoparse(text, "ar")
    )  # fmt: skip


def _cases() -> list[object]:
    cases = []
    for row in load_rows():
        for frame in FRAMES:
            expected = getattr(row, frame)
            marks = () if expected else (pytest.mark.xfail(strict=True, reason="not resolved yet"),)
            cases.append(pytest.param(row, frame, id=f"{row.latin}-{frame}", marks=marks))
    return cases


@pytest.mark.parametrize(("row", "frame"), _cases())
def test_arabic_spelling_of_a_latin_only_town_resolves(geoparser: Geoparser, row: TownRow, frame: str) -> None:
    assert resolves(geoparser, row, frame)
