"""JSON lines and store entry points, the output schema and evidence round-trips."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, date, datetime
from pathlib import Path

import jsonschema
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from emberwatch.cli import app
from emberwatch.extract.pipeline import ALGORITHM_VERSION, ExtractResources, extract_document
from emberwatch.extract.run import extract_jsonl, extract_store
from emberwatch.extract.schema import output_json_schema
from emberwatch.geo import Geoparser
from emberwatch.models import DocumentExtraction, ExtractInput
from emberwatch.store import Store

REPO = Path(__file__).resolve().parents[2]
LINES = [
    {
        "id": "a",
        "text": "Gunmen killed three soldiers at a checkpoint near Raqqa on Monday.",
        "published": "2021-03-03",
    },
    {"id": 5},
    "not json",
    {"id": "b", "text": "ISIS CLAIMED A CAR BOMB THAT KILLED 12 PEOPLE IN THE DESERT.", "language": "en"},
]


def _write_input(path: Path) -> None:
    path.write_text(
        "\n".join(line if isinstance(line, str) else json.dumps(line) for line in LINES) + "\n",
        encoding="utf-8",
    )


def _spans(result: DocumentExtraction) -> list[tuple[str, int, int]]:
    out = [(p.text, p.start, p.end) for p in result.places] + [
        (a.text, a.start, a.end) for a in result.actors
    ]
    for event in result.events:
        spans = [
            event.evidence,
            *event.perpetrator_organizations,
            *event.perpetrator_individuals,
            *event.targets,
            *event.victims,
            *event.weapons,
            *(m.evidence for m in event.mechanisms),
        ]
        out += [(s.text, s.start, s.end) for s in spans]
    return out


def test_run_jsonl_skips_bad_lines_and_matches_schema(
    tmp_path: Path, extract_resources: ExtractResources
) -> None:
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write_input(source)
    report = extract_jsonl(source, out, extract_resources)
    assert (report.documents, [p.line for p in report.problems]) == (2, [2, 3])
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    schema = output_json_schema()
    for row in rows:
        jsonschema.validate(row, schema)
    assert [r["id"] for r in rows] == ["a", "b"]
    assert rows[1]["events"][0]["perpetrator"]["actor_id"] == "isis"


def test_run_schema_file_is_current() -> None:
    on_disk = json.loads((REPO / "docs" / "extract-output.schema.json").read_text(encoding="utf-8"))
    assert on_disk == output_json_schema()


def test_run_cli_reports_bad_lines_and_exits_non_zero(tmp_path: Path) -> None:
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write_input(source)
    result = CliRunner().invoke(app, ["extract", str(source), "--out", str(out), "--no-geo", "--no-roles"])
    assert result.exit_code == 1
    assert "line 2 skipped" in result.output and "line 3 skipped" in result.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


def _add_documents(store: Store) -> None:
    frame = pd.DataFrame([
        {"id": "d1", "source": "test", "language": "en", "published": date(2020, 5, 1),
         "text": "A roadside bomb killed two Iraqi soldiers in Tarmiyah. ISIS claimed the attack.",
         "content_hash": "h1", "ingested_at": datetime.now(UTC)},
        {"id": "d2", "source": "test", "language": "en", "published": date(2020, 5, 2),
         "text": "Nothing happened here.", "content_hash": "h2", "ingested_at": datetime.now(UTC)},
    ])  # fmt: skip
    with store.transaction() as tx:
        store.insert_df("documents", frame, conn=tx)


def test_run_store_extracts_once_per_version(store: Store, extract_resources: ExtractResources) -> None:
    _add_documents(store)
    first = extract_store(store, extract_resources)
    assert (first.documents, first.events, first.skipped) == (2, 1, 0)
    assert store.count("event_mentions") == 1
    assert store.count("actors") == len(extract_resources.codebook.actors)
    again = extract_store(store, extract_resources)
    assert (again.documents, again.skipped) == (0, 2)
    forced = extract_store(store, extract_resources, force=True)
    assert forced.documents == 2 and store.count("event_mentions") == 1
    row = store.execute("SELECT perpetrator_id, extractor_version FROM event_mentions").fetchone()
    assert row == ("isis", extract_resources.extractor_version)


VOCABULARY = (
    "ISIS al-Shabaab gunmen a suicide bomber killed 12 at least dozens soldiers civilians wounded on "
    "Tuesday 16 January 2019 claimed responsibility attack ambushed IED car bomb checkpoint desert ransom "
    ". , * == ### é İ ﬁ داعش قتل ثلاثة جنود هجوم انتحاري تبنى يوم الثلاثاء الرقة"
)
WORDS = st.sampled_from([*VOCABULARY.split(), "\n", "\n\n", "\u0640", "\u064e"])



@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(WORDS, min_size=1, max_size=60))
def test_run_evidence_round_trips(extract_resources: ExtractResources, words: list[str]) -> None:
    text = " ".join(words)
    result = extract_document(ExtractInput(id="p", text=text, published=date(2020, 1, 1)), extract_resources)
    for span_text, start, end in _spans(result):
        assert text[start:end] == span_text


def test_run_workspace_extract(tmp_path: Path) -> None:
    import emberwatch

    with emberwatch.open(tmp_path / "ws.duckdb") as ws:
        _add_documents(ws.store)
        report = ws.extract(with_geo=False, with_roles=False)
        assert (report.documents, report.events) == (2, 1)
        assert report.extractor_version.startswith(f"{ALGORITHM_VERSION}+")


def test_run_extractor_version_names_the_geoparser(extract_resources: ExtractResources, geoparser: Geoparser) -> None:
    """New geoparser rules or a rebuilt gazetteer change the version, so stored documents are re-extracted."""
    with_geo = dataclasses.replace(extract_resources, geoparser=geoparser)
    assert with_geo.extractor_version.endswith(f"-geo+{extract_resources.codebook.version}+{geoparser.version}")


LOCAL_PAPER = [
    ("m1", "A fire destroyed a barn in Worcester, Massachusetts, on Monday."),
    ("m2", "Boston police in Massachusetts arrested two men on Tuesday."),
    ("m3", "Lowell, Massachusetts, opened a new library on Wednesday."),
    ("m4", "Gunmen killed two men in Springfield on Thursday."),
]


def _add_local_paper(store: Store, only: tuple[str, ...] = ()) -> None:
    """The four reports of LOCAL_PAPER (or those of ``only``), all from masslive.com."""
    frame = pd.DataFrame([
        {"id": doc_id, "source": "The Republican", "url": f"https://www.masslive.com/news/{doc_id}",
         "language": "en", "published": date(2020, 5, 1), "text": text, "content_hash": doc_id,
         "ingested_at": datetime.now(UTC)}
        for doc_id, text in LOCAL_PAPER
        if not only or doc_id in only
    ])  # fmt: skip
    with store.transaction() as tx:
        store.insert_df("documents", frame, conn=tx)


def _springfield_state(store: Store) -> str:
    row = store.execute(
        "SELECT json_extract_string(record, '$.place.admin1') FROM event_mentions WHERE document_id = 'm4'"
    ).fetchone()
    assert row is not None
    return str(row[0])


def test_run_store_places_a_local_papers_names_in_its_home_province(
    store: Store, extract_resources: ExtractResources, geoparser: Geoparser
) -> None:
    _add_local_paper(store)
    resources = dataclasses.replace(extract_resources, geoparser=geoparser)
    report = extract_store(store, resources)
    assert report.homes == 4  # each learnt from the three other reports of masslive.com
    assert _springfield_state(store) == "Massachusetts"
    homes = store.execute("SELECT DISTINCT home_admin1, home_country FROM document_extractions").fetchall()
    assert homes == [("Massachusetts", "US")]


def test_run_store_source_homes_can_be_turned_off(
    store: Store, extract_resources: ExtractResources, geoparser: Geoparser
) -> None:
    _add_local_paper(store)
    resources = dataclasses.replace(extract_resources, geoparser=geoparser, source_homes=False)
    report = extract_store(store, resources)
    assert report.homes == 0
    assert _springfield_state(store) != "Massachusetts"
    assert store.execute("SELECT count(home_admin1) FROM document_extractions").fetchone() == (0,)
    assert "geo-nohomes" in resources.extractor_version


def test_run_jsonl_learns_homes_from_lines_of_the_same_outlet(
    tmp_path: Path, extract_resources: ExtractResources, geoparser: Geoparser
) -> None:
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    lines = [{"id": i, "text": t, "url": f"https://www.masslive.com/{i}"} for i, t in LOCAL_PAPER]
    lines.append({"id": "given", "text": LOCAL_PAPER[3][1], "home": {"country_code": "US", "admin1": "Illinois"}})
    source.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    resources = dataclasses.replace(extract_resources, geoparser=geoparser)
    assert extract_jsonl(source, out, resources).ok
    results = {r["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert results["m4"]["events"][0]["place"]["admin1"] == "Massachusetts"
    assert results["m4"]["home"]["admin1"] == "Massachusetts" and results["m4"]["home"]["of_documents"] == 3
    assert results["given"]["events"][0]["place"]["admin1"] == "Illinois"


def test_run_store_learns_a_home_from_reports_extracted_earlier(
    store: Store, extract_resources: ExtractResources, geoparser: Geoparser
) -> None:
    resources = dataclasses.replace(extract_resources, geoparser=geoparser)
    _add_local_paper(store, only=("m1", "m2", "m3"))
    assert extract_store(store, resources).documents == 3
    _add_local_paper(store, only=("m4",))
    report = extract_store(store, resources)
    assert (report.documents, report.homes) == (1, 1)  # the three stored reports' places are the evidence
    assert _springfield_state(store) == "Massachusetts"


def test_run_store_reports_extracted_without_the_geoparser_get_homes_when_geoparsed(
    store: Store, extract_resources: ExtractResources, geoparser: Geoparser
) -> None:
    _add_local_paper(store)
    assert extract_store(store, extract_resources).homes == 0  # no geoparser, no places, no homes
    resources = dataclasses.replace(extract_resources, geoparser=geoparser)
    report = extract_store(store, resources)  # a new extractor version: all four again, with places
    assert (report.documents, report.homes) == (4, 4)
