"""An analyst's local places file: validated, merged into the gazetteer, and the index rebuilt when it changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from emberwatch.cli import app
from emberwatch.errors import GazetteerError
from emberwatch.geo import Geoparser, ensure_gazetteer, index_is_current
from emberwatch.geo.gazetteer import Gazetteer
from emberwatch.geo.local_places import LocalPlaceKind, load_local_places
from emberwatch.models import LocationPrecision
from emberwatch.settings import get_settings, load_settings

PLACES = """\
# places the GeoNames list of towns leaves out
- id: baghuz
  names: [Baghuz, al-Baghuz, Baghuz Fawqani]
  ar: [الباغوز, الباغوز فوقاني]
  country: SY
  lat: 34.47
  lon: 40.94
- id: tanf
  names: [al-Tanf]
  ar: [التنف]
  country: sy
  lat: 33.50
  lon: 38.66
  kind: site
  admin1: Homs
  source: a published map
- id: jazrah-field
  names: [Jazrah oil field]
  country: SY
  lat: 35.30
  lon: 40.00
  kind: region
- id: hasakah-nickname
  names: [Hasakah Citadel Town]
  alias_of: 173813                 # Al-Hasakah
"""


def _write(tmp_path: Path, text: str, name: str = "places.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def local_geoparser(tmp_path_factory: pytest.TempPathFactory) -> Geoparser:
    folder = tmp_path_factory.mktemp("local-places")
    places = _write(folder, PLACES)
    settings = load_settings(data_dir=folder, gazetteer_dir=folder / "gazetteer", local_places=places)
    ensure_gazetteer(settings)
    return Geoparser.load(settings)


def test_local_places_file_is_read_into_typed_records(tmp_path: Path) -> None:
    baghuz, tanf, field, alias = load_local_places(_write(tmp_path, PLACES))
    assert (baghuz.id, baghuz.names[0], baghuz.kind, baghuz.country) == (
        "baghuz",
        "Baghuz",
        LocalPlaceKind.settlement,
        "SY",
    )
    assert (tanf.country, tanf.admin1, tanf.source) == ("SY", "Homs", "a published map")  # code upper-cased
    assert field.kind is LocalPlaceKind.region and not field.is_point
    assert alias.is_alias and alias.alias_of == 173813 and alias.country is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "- {id: a, names: [A], country: XX, lat: 1, lon: 1}",
            "entry 1 (id 'a'): country: Value error, 'XX' is not an ISO",
        ),
        (
            "- {id: a, names: [A], country: SY, lat: 95, lon: 1}",
            "entry 1 (id 'a'): lat: Input should be less than or equal to 90",
        ),
        ("- {id: a, names: [الباغوز], country: SY, lat: 1, lon: 1}", "Arabic ones under `ar`"),
        ("- {id: a, names: [A], ar: [Baghuz], country: SY, lat: 1, lon: 1}", "`ar` takes names in Arabic script"),
        ("- {id: a, names: [], country: SY, lat: 1, lon: 1}", "names: give at least one English or transliterated"),
        ("- {id: a, alias_of: 173813}", "an alias (alias_of) needs at least one name under `names` or `ar`"),
        ("- {id: a, names: [A], country: SY, lat: 1}", "lon missing: give country, lat and lon, or alias_of"),
        ("- {id: a, names: [A], alias_of: 173813, lat: 1}", "an alias (alias_of) adds names to a gazetteer place"),
        (
            "- {id: a, names: [A], country: SY, lat: 1, lon: 1, kind: town}",
            "kind: Input should be 'settlement', 'camp', 'site' or 'region'",
        ),
        (
            "- {id: a, names: [A], country: SY, lat: 1, lon: 1, elevation: 3}",
            "elevation: Extra inputs are not permitted",
        ),
        (
            "- {id: a, names: [A], country: SY, lat: 1, lon: 1}\n- {id: a, names: [B], country: SY, lat: 2, lon: 2}",
            "entry 2 (id 'a'): the id 'a' is used twice",
        ),
        ("baghuz: {lat: 1}", "expected a list of places"),
        ("- just a name", "entry 1: expected a mapping"),
        ("- {id: a, names: [A", "not valid YAML"),
    ],
)
def test_local_places_file_errors_name_the_file_the_entry_and_the_field(
    tmp_path: Path, text: str, message: str
) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(GazetteerError) as info:
        load_local_places(path)
    assert str(path) in str(info.value) and message in str(info.value)


def test_local_places_missing_file_says_which_setting_to_fix(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="EMBERWATCH_LOCAL_PLACES"):
        load_local_places(tmp_path / "nowhere.yaml")


def test_local_places_resolve_in_english_and_arabic_with_the_nearest_towns_province(local_geoparser: Geoparser) -> None:
    english = {p.text: p for p in local_geoparser.geoparse("A U.S. airstrike hit Baghuz town in Syria.", "en")}
    baghuz = english["Baghuz"]
    assert (baghuz.name, baghuz.country_code, baghuz.admin1, baghuz.precision) == (
        "Baghuz", "SY", "Deir ez-Zor", LocationPrecision.exact,
    )  # fmt: skip
    assert (baghuz.lat, baghuz.lon, baghuz.geonames_id) == (34.47, 40.94, None)
    arabic = {p.text: p.name for p in local_geoparser.geoparse("اشتباكات في الباغوز فوقاني بريف دير الزور", "ar")}
    assert arabic["الباغوز فوقاني"] == "Baghuz"


def test_local_places_province_given_in_the_file_wins_over_the_nearest_town(local_geoparser: Geoparser) -> None:
    [tanf] = [
        p for p in local_geoparser.geoparse("Rebels at al-Tanf, Syria, were attacked.", "en") if p.text == "al-Tanf"
    ]
    assert (tanf.admin1, tanf.precision) == ("Homs", LocationPrecision.exact)


def test_local_places_region_resolves_as_part_of_a_country(local_geoparser: Geoparser) -> None:
    [field] = [
        p
        for p in local_geoparser.geoparse("IS retook the Jazrah oil field in Syria.", "en")
        if p.text == "Jazrah oil field"
    ]
    assert field.precision == LocationPrecision.part_of_country


def test_local_places_index_is_rebuilt_when_the_file_changes(local_geoparser: Geoparser, tmp_path: Path) -> None:
    directory = local_geoparser.gazetteer.directory
    meta = Gazetteer(directory).meta["local_places"]
    assert meta["places"] == 4
    original = Path(meta["path"])
    assert index_is_current(directory, original)
    assert not index_is_current(directory, None)  # built with a file: stale without it
    edited = _write(tmp_path, PLACES.replace("lat: 34.47", "lat: 34.48"))
    assert not index_is_current(directory, edited)


def test_local_places_unknown_province_is_a_clear_build_error(tmp_path: Path) -> None:
    places = _write(tmp_path, "- {id: a, names: [Qaryat Test], country: SY, lat: 35, lon: 40, admin1: Atlantis}")
    settings = load_settings(data_dir=tmp_path, gazetteer_dir=tmp_path / "gazetteer", local_places=places)
    with pytest.raises(
        GazetteerError, match=r"admin1 'Atlantis' is no province of SY in the gazetteer; use one of: .*Deir ez-Zor"
    ):
        ensure_gazetteer(settings)
    assert not (tmp_path / "gazetteer").exists()  # nothing half-built is left behind


def test_local_places_command_checks_and_lists_a_file(tmp_path: Path) -> None:
    runner = CliRunner()
    get_settings.cache_clear()
    result = runner.invoke(app, ["gazetteer", "places", str(_write(tmp_path, PLACES)), "-f", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "id,name,other_names,kind,country_code,lat,lon,alias_of"
    assert "tanf,al-Tanf,التنف,site,SY,33.5,38.66," in result.stdout
    assert "hasakah-nickname,Hasakah Citadel Town,,alias,,,,173813" in result.stdout
    bad = runner.invoke(app, ["gazetteer", "places", str(_write(tmp_path, "- {id: a}", "bad.yaml"))])
    assert isinstance(bad.exception, GazetteerError)  # the CLI's entry point prints it and exits with 6
    assert "bad.yaml -> entry 1 (id 'a')" in str(bad.exception)


def test_local_places_example_file_in_the_docs_is_valid() -> None:
    example = Path(__file__).resolve().parents[2] / "examples" / "local-places" / "places.yaml"
    places = load_local_places(example)
    assert [p.id for p in places] == ["baghuz", "al-tanf", "rukban"]
    assert all(p.country == "SY" and p.admin1 and p.source for p in places)


def test_local_places_alias_adds_a_name_to_a_gazetteer_place(local_geoparser: Geoparser) -> None:
    [place] = local_geoparser.geoparse("Clashes broke out in Hasakah Citadel Town, Syria.", "en")[:1]
    assert (place.text, place.name, place.geonames_id) == ("Hasakah Citadel Town", "Al-Hasakah", 173813)


def test_local_places_alias_of_an_unknown_id_is_a_clear_build_error(tmp_path: Path) -> None:
    places = _write(tmp_path, "- {id: nowhere, names: [Nowhere Town], alias_of: 999999999}")
    settings = load_settings(data_dir=tmp_path, gazetteer_dir=tmp_path / "gazetteer", local_places=places)
    with pytest.raises(GazetteerError, match=r"nowhere: alias_of 999999999 is no GeoNames id in the gazetteer"):
        ensure_gazetteer(settings)


@pytest.mark.parametrize(
    ("kurdish", "gazetteer_name"),
    [("Girê Spî", "Tall Abyad"), ("Serêkaniyê", "Ra's al ‘Ayn"), ("Efrîn", "‘Afrin"), ("Til Temir", "Tall Tamr")],
)
def test_shipped_aliases_give_kurdish_names_of_syrian_towns(
    geoparser: Geoparser, kurdish: str, gazetteer_name: str
) -> None:
    places = {p.text: p for p in geoparser.geoparse(f"Turkish drones struck {kurdish} in Syria.", "en")}
    assert places[kurdish].name == gazetteer_name and places[kurdish].country_code == "SY"


def test_local_places_file_that_is_not_utf8_says_so(tmp_path: Path) -> None:
    path = tmp_path / "places.yaml"
    path.write_bytes("- {id: a, names: [Caf\u00e9], country: FR, lat: 1, lon: 1}".encode("latin-1"))
    with pytest.raises(GazetteerError, match="not UTF-8 text"):
        load_local_places(path)
