"""UCDP GED CSV import: column mapping, actor lookup, bad rows, idempotence."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from emberwatch.codebook import Codebook, load_codebook
from emberwatch.errors import InputError
from emberwatch.imports.ucdp import country_code, import_ucdp
from emberwatch.store import Store

HEADER = [
    "id",
    "relid",
    "year",
    "active_year",
    "code_status",
    "type_of_violence",
    "conflict_dset_id",
    "conflict_new_id",
    "conflict_name",
    "dyad_dset_id",
    "dyad_new_id",
    "dyad_name",
    "side_a_dset_id",
    "side_a_new_id",
    "side_a",
    "side_b_dset_id",
    "side_b_new_id",
    "side_b",
    "number_of_sources",
    "source_article",
    "source_office",
    "source_date",
    "source_headline",
    "source_original",
    "where_prec",
    "where_coordinates",
    "where_description",
    "adm_1",
    "adm_2",
    "latitude",
    "longitude",
    "geom_wkt",
    "priogrid_gid",
    "country",
    "country_id",
    "region",
    "event_clarity",
    "date_prec",
    "date_start",
    "date_end",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "best",
    "high",
    "low",
    "gwnoa",
    "gwnob",
]


def _row(**values: str) -> dict[str, str]:
    base = dict.fromkeys(HEADER, "")
    base.update(
        id="9000001.0", type_of_violence="3.0", side_a="IS", side_b="Civilians", dyad_name="IS - Civilians",
        where_prec="1.0", where_coordinates="Test village", where_description="near the test village",
        adm_1="Deir ez-Zor governorate", adm_2="Al Mayadin district", latitude="35.01", longitude="40.45",
        country="Syria", event_clarity="1.0", date_prec="1.0", date_start="2019-05-02", date_end="2019-05-02",
        best="4.0", high="6.0", low="3.0", number_of_sources="-1.0",
    )  # fmt: skip
    base.update(values)
    return base


def _write(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=HEADER)
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture
def codebook() -> Codebook:
    return load_codebook()


def test_ucdp_maps_columns_and_actors(store: Store, tmp_path: Path, codebook: Codebook) -> None:
    rows = [
        _row(),
        _row(id="9000002.0", type_of_violence="1.0", side_a="Government of Iraq", side_b="IS",
             dyad_name="Government of Iraq - IS", country="Iraq", adm_1="Nineveh province", adm_2="",
             date_prec="4.0", date_start="2018-03-01", date_end="2018-03-31", where_prec="4.0", event_clarity="2.0",
             best="0.0", low="0.0", high="2.0", number_of_sources="3.0"),
        _row(id="9000003.0", type_of_violence="2.0", side_a="Fictional Front", side_b="Other Fictional Group",
             country="DR Congo (Zaire)"),
    ]  # fmt: skip
    report = import_ucdp(store, _write(tmp_path / "ged.csv", rows), codebook)
    assert (report.rows, report.imported, report.skipped, report.problems) == (3, 3, 0, [])
    events = store.query_df("SELECT * FROM events ORDER BY id").set_index("id")
    one_sided = events.loc["ucdp-9000001"]
    assert (one_sided.origin, one_sided.event_type, one_sided.perpetrator_id, one_sided.attribution) == (
        "ucdp", "attack", "isis", "attributed")  # fmt: skip
    assert (one_sided.admin1, one_sided.admin2, one_sided.country_code) == ("Deir ez-Zor", "Al Mayadin", "SY")
    assert (one_sided.killed_low, one_sided.killed_best, one_sided.killed_high) == (3, 4, 6)
    assert (one_sided.location_precision, one_sided.date_precision, one_sided.n_sources) == (1, 1, 1)
    assert one_sided.summary == "UCDP one-sided violence: IS - Civilians. near the test village"
    state = events.loc["ucdp-9000002"]
    assert (state.event_type, state.perpetrator_id, state.perpetrator_mention, state.attribution) == (
        "armed_clash", "isis", "IS", "unknown")  # fmt: skip
    assert (str(state.date)[:10], str(state.date_end)[:10], state.date_precision) == ("2018-03-01", "2018-03-31", 4)
    assert (state.confidence, state.n_sources, pd.isna(state.admin2)) == (0.5, 3, True)
    other = events.loc["ucdp-9000003"]
    assert (pd.isna(other.perpetrator_id), other.perpetrator_mention, other.country_code) == (
        True,
        "Fictional Front",
        "CD",
    )


def test_ucdp_bad_rows_are_reported_and_the_batch_continues(store: Store, tmp_path: Path) -> None:
    rows = [
        _row(id="1.0"),
        _row(id="2.0", date_prec="9.0"),
        _row(id="3.0", date_start="not a date"),
        _row(id="4.0", latitude="123.0"),
        _row(id="5.0", country="Atlantis"),
        _row(id="6.0", type_of_violence="7.0"),
    ]
    report = import_ucdp(store, _write(tmp_path / "ged.csv", rows), None, {"IS": "isis"})
    assert report.imported == 2
    assert report.skipped == 4
    by_row = {p.row: p for p in report.problems}
    assert (by_row[2].field, by_row[2].skipped) == ("date_prec", True)
    assert by_row[3].field == "row" and "not a date" in by_row[3].message
    assert by_row[4].field == "latitude"
    assert (by_row[5].field, by_row[5].skipped) == ("country", False)
    assert by_row[6].field == "type_of_violence"
    assert store.query_df("SELECT country_code FROM events WHERE id = 'ucdp-5'")["country_code"].isna().all()


def test_ucdp_reimport_changes_nothing_unless_replace(store: Store, tmp_path: Path) -> None:
    path = _write(tmp_path / "ged.csv", [_row(), _row(id="9000002.0")])
    assert import_ucdp(store, path).imported == 2
    again = import_ucdp(store, path)
    assert (again.imported, again.already_present) == (0, 2)
    _write(path, [_row(best="10.0")])
    assert import_ucdp(store, path, replace=True).imported == 1
    assert store.query_df("SELECT killed_best FROM events WHERE id = 'ucdp-9000001'")["killed_best"].tolist() == [10]
    assert store.count("events") == 2


def test_ucdp_refuses_files_that_are_not_ged(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("a,b\n1,2\n")
    with pytest.raises(InputError, match="missing column"):
        import_ucdp(store, path)
    with pytest.raises(InputError, match="Cannot read"):
        import_ucdp(store, tmp_path / "absent.csv")


@pytest.mark.parametrize(
    ("name", "code"),
    [("Syria", "SY"), ("Iraq", "IQ"), ("DR Congo (Zaire)", "CD"), ("Russia (Soviet Union)", "RU"),
     ("Bosnia-Herzegovina", "BA"), ("Yemen (North Yemen)", "YE"), ("Turkey", "TR"), ("Atlantis", None)],
)  # fmt: skip
def test_ucdp_country_names_to_iso(name: str, code: str | None) -> None:
    assert country_code(name) == code


@pytest.mark.shared_data
def test_ucdp_imports_the_shared_sample(store: Store, shared_data: Path, codebook: Codebook) -> None:
    report = import_ucdp(store, shared_data / "ucdp-ged-sample" / "ucdpged.csv", codebook)
    assert report.imported == report.rows == 1000
    assert report.problems == []
    isis = store.query_df("SELECT count(*) AS n FROM events WHERE perpetrator_id = 'isis'")["n"].iloc[0]
    assert isis >= 57  # every event with IS as a side resolves to the codebook actor
    assert store.query_df("SELECT count(*) AS n FROM events WHERE country_code IS NULL")["n"].iloc[0] == 0
