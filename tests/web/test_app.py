"""REST API over a real DuckDB file: every endpoint, filters, pagination, validation errors, pages."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pandas as pd
import pytest
from fastapi.testclient import TestClient

from emberwatch.store.queries import EVENT_COLUMNS, EventFilter, query_events


@pytest.fixture(scope="module")
def all_events(seeded_ro: Any) -> pd.DataFrame:
    """Every non-rejected event, to check filtered answers against plain pandas."""
    return query_events(seeded_ro.store, EventFilter(), EVENT_COLUMNS)


def test_app_healthz_reports_counts(client: TestClient, seeded_ro: Any) -> None:
    body = client.get("/healthz").json()
    assert body["status"] == "ok"
    assert body["events"] == seeded_ro.n_events
    assert body["documents"] == 3
    assert body["actions_enabled"] is True


def test_app_events_page_shape_and_total(client: TestClient, seeded_ro: Any) -> None:
    body = client.get("/api/events", params={"limit": 7}).json()
    assert set(body) == {"total", "limit", "offset", "items"}
    assert body["total"] == seeded_ro.n_events
    assert len(body["items"]) == 7
    item = body["items"][0]
    assert {"killed", "wounded", "date_precision_text", "location_precision_text"} <= set(item)
    assert item["killed"].keys() == {"low", "best", "high"}


def test_app_events_pagination_covers_every_event_once(client: TestClient, seeded_ro: Any) -> None:
    seen: list[str] = []
    offset = 0
    while True:
        body = client.get("/api/events", params={"limit": 100, "offset": offset}).json()
        seen += [e["id"] for e in body["items"]]
        if not body["items"]:
            break
        offset += 100
    assert len(seen) == len(set(seen)) == seeded_ro.n_events


@pytest.mark.parametrize(
    ("sort", "key", "reverse"),
    [
        ("-date", lambda e: e["date"], True),
        ("date", lambda e: e["date"], False),
        ("-killed", lambda e: e["killed"]["best"], True),
        ("-n_sources", lambda e: e["n_sources"], True),
    ],
)
def test_app_events_sort_orders(client: TestClient, sort: str, key: object, reverse: bool) -> None:
    items = client.get("/api/events", params={"limit": 60, "sort": sort}).json()["items"]
    values = [key(e) for e in items]  # type: ignore[operator]
    assert values == sorted(values, reverse=reverse)


def _expected(frame: pd.DataFrame, name: str) -> pd.Series:
    dates = pd.to_datetime(frame["date"])
    return {
        "country": frame["country_code"].isin(["SY", "LY"]),
        "admin1": frame["admin1"] == "Nineveh",
        "event_type": frame["event_type"].isin(["ambush", "bombing"]),
        "language": frame["language"] == "ar",
        "mechanism": frame["mechanisms"].map(lambda m: "funding" in list(m)),
        "q": frame["place_name"].str.lower().str.contains("hawija", na=False)
        | frame["summary"].str.lower().str.contains("hawija", na=False),
        "dates": (dates >= "2020-01-01") & (dates <= "2020-06-30"),
        "bbox": frame["lon"].between(38, 41) & frame["lat"].between(34, 36.5),
        "actor": frame["perpetrator_id"].isin(["isis-iraq"]),
    }[name]


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("country", {"country": "sy,LY"}),
        ("admin1", {"admin1": "Nineveh"}),
        ("event_type", {"event_type": ["ambush", "bombing"]}),
        ("language", {"language": "ar"}),
        ("mechanism", {"mechanism": "funding"}),
        ("q", {"q": "Hawija"}),
        ("dates", {"start": "2020-01-01", "end": "2020-06-30"}),
        ("bbox", {"bbox": "38,34,41,36.5"}),
        ("actor", {"actor": "isis-iraq"}),
    ],
)
def test_app_events_filters_match_pandas(
    client: TestClient, all_events: pd.DataFrame, name: str, params: dict[str, object]
) -> None:
    body = client.get("/api/events", params={**params, "limit": 1000}).json()
    expected = set(all_events.loc[_expected(all_events, name), "id"])
    assert expected, "the seed must contain matching events"
    assert body["total"] == len(expected)
    assert {e["id"] for e in body["items"]} == expected


def test_app_events_actor_filter_includes_affiliates(client: TestClient, all_events: pd.DataFrame) -> None:
    parent = client.get("/api/events", params={"actor": "isis", "limit": 1}).json()["total"]
    children = all_events["perpetrator_id"].isin(["isis", "isis-syria", "isis-iraq", "isis-libya", "isis-sinai"])
    assert parent == int(children.sum())


@pytest.mark.parametrize(
    ("params", "fragment"),
    [
        ({"limit": 5000}, "limit"),
        ({"offset": -1}, "offset"),
        ({"bbox": "1,2,3"}, "bbox"),
        ({"bbox": "10,50,0,40"}, "bbox"),
        ({"start": "2021-05-01", "end": "2021-01-01"}, "swap them"),
        ({"start": "yesterday"}, "start"),
        ({"language": "fr"}, "language 'fr' is not one of"),
        ({"review_status": "approved"}, "review_status"),
        ({"sort": "name"}, "sort"),
        ({"q": "x" * 201}, "q"),
    ],
)
def test_app_events_invalid_filters_are_422_json(client: TestClient, params: dict, fragment: str) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["type"] == "InputError"
    assert fragment in error["message"]


def test_app_event_detail_has_sources_evidence_and_history(client: TestClient, seeded_ro: Any) -> None:
    body = client.get(f"/api/events/{seeded_ro.ids['ev-en-ambush']}").json()
    assert body["event"]["event_type"] == "ambush"
    assert body["event"]["attribution_text"] == "the group claimed responsibility"
    (source,) = body["sources"]
    assert source["document_id"] == "doc-en-1"
    fields = {e["field"] for e in source["evidence"]}
    assert {"event", "place", "perpetrator"} <= fields
    for span in source["evidence"]:
        assert source["text"][span["start"] : span["end"]] == span["text"]
    assert body["history"][0]["action"] == "created"


def test_app_event_detail_unknown_is_404_json(client: TestClient) -> None:
    response = client.get("/api/events/no-such-event")
    assert response.status_code == 404
    assert response.json()["error"]["type"] == "NotFoundError"


def test_app_points_timeline_and_facets(client: TestClient, all_events: pd.DataFrame) -> None:
    points = client.get("/api/events/points", params={"country": "IQ", "limit": 10}).json()
    assert points["total"] == int((all_events["country_code"] == "IQ").sum())
    assert points["truncated"] is True and len(points["rows"]) == 10
    assert len(points["rows"][0]) == 6
    weekly = client.get("/api/events/timeline", params={"period": "week"}).json()
    assert sum(r["events"] for r in weekly) == len(all_events)
    assert all(date.fromisoformat(r["period"]).weekday() == 0 for r in weekly)
    facets = client.get("/api/events/facets", params={"country": "SY"}).json()
    assert [f["value"] for f in facets["country_code"]] == ["SY"]
    assert {"mechanism", "event_type", "language"} <= set(facets)


def test_app_documents_list_and_detail(client: TestClient, seeded_ro: Any) -> None:
    page = client.get("/api/documents", params={"language": "ar"}).json()
    assert page["total"] == 1 and page["items"][0]["id"] == "doc-ar-1"
    assert "text" not in page["items"][0]
    doc = client.get("/api/documents/doc-ar-1").json()
    assert doc["text"].startswith("الموصل")
    assert doc["event_ids"] == [seeded_ro.ids["ev-ar-attack"]]
    assert client.get("/api/documents/nope").status_code == 404


def test_app_aggregates_sum_to_filtered_total(client: TestClient, all_events: pd.DataFrame) -> None:
    rows = client.get("/api/aggregates", params={"level": "country", "period": "month", "country": "SY"}).json()
    assert {r["area"] for r in rows} == {"SY"}
    assert sum(r["events"] for r in rows) == int((all_events["country_code"] == "SY").sum())
    assert client.get("/api/aggregates", params={"level": "district"}).status_code == 422


def test_app_indicators_definitions_and_series(client: TestClient) -> None:
    definitions = client.get("/api/indicators/definitions").json()
    assert definitions, "the shipped codebook defines indicators"
    first = definitions[0]["id"]
    series = client.get("/api/indicators", params={"indicator": first, "country": "IQ"}).json()
    assert series and {r["indicator"] for r in series} == {first}
    response = client.get("/api/indicators", params={"indicator": "no_such_indicator"})
    assert response.status_code == 422
    assert "Known:" in response.json()["error"]["message"]


@pytest.mark.parametrize("params", [{}, {"q": "Badush"}])
def test_app_alerts_state_rule_and_evidence(client: TestClient, params: dict[str, str]) -> None:
    response = client.get("/api/alerts", params=params)
    assert response.status_code == 200, response.text
    alerts = response.json()
    assert isinstance(alerts, list)
    for alert in alerts:
        assert alert["rule"] and alert["summary"]
        assert alert["window_start"] <= alert["window_end"]


def test_app_watch_areas_from_settings_file(seeded_ro: Any, tmp_path: object) -> None:
    from pathlib import Path

    from emberwatch.web import create_app

    area_file = Path(str(tmp_path)) / "areas.yaml"
    area_file.write_text(
        "areas:\n  - name: Mosul\n    lat: 36.34\n    lon: 43.13\n    radius_km: 40\n"
        "    lost_on: 2017-07-10\n    actor: isis\n",
        encoding="utf-8",
    )
    settings = seeded_ro.settings.model_copy(update={"watch_areas": area_file})
    with TestClient(create_app(settings, seeded_ro.store)) as local:
        body = local.get("/api/watch-areas").json()
    assert body["source"] == str(area_file)
    (feature,) = body["areas"]["features"]
    assert feature["properties"]["name"] == "Mosul"
    assert feature["geometry"]["type"] == "Polygon"
    assert all(s["kind"] == "return" for s in body["signals"])


def test_app_actors_and_event_types(client: TestClient) -> None:
    actors = {a["id"]: a for a in client.get("/api/actors").json()}
    assert "isis-iraq" in actors["isis"]["affiliates"]
    assert actors["isis-iraq"]["events"] > 0
    types = {t["id"]: t for t in client.get("/api/codebook/event-types").json()}
    assert types["bombing"]["gtd_attack_type"] == "Bombing/Explosion"


def test_app_openapi_lists_every_endpoint(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/events", "/api/events/{event_id}", "/api/documents", "/api/documents/{document_id}",
        "/api/aggregates", "/api/indicators", "/api/watch-areas", "/api/alerts", "/api/export.csv",
        "/api/export.geojson", "/api/export.parquet", "/api/actors", "/api/codebook/event-types",
        "/api/events/{event_id}/verify", "/api/events/{event_id}/reject", "/api/events/{event_id}/edit",
        "/api/events/{event_id}/merge", "/api/events/{event_id}/split", "/healthz",
    ):  # fmt: skip
        assert path in paths, path


def test_app_unknown_paths_json_for_api_html_elsewhere(client: TestClient) -> None:
    api = client.get("/api/nothing-here")
    assert api.status_code == 404 and api.json()["error"]["type"] == "HTTPError"
    page = client.get("/nothing-here")
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert "Nothing at /nothing-here" in page.text


def test_app_error_page_escapes_the_path(client: TestClient) -> None:
    page = client.get("/<script>alert(1)</script>")
    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;" in page.text


def test_app_dashboard_and_docs_use_only_local_assets(client: TestClient) -> None:
    from emberwatch.web.paths import dist_built

    if not dist_built():
        pytest.skip("dashboard not built: run `make web`")
    for path in ("/", "/docs"):
        page = client.get(path)
        assert page.status_code == 200
        urls = re.findall(r'(?:src|href)="([^"]+)"', page.text)
        assert urls and all(u.startswith("/") for u in urls), urls
    assert client.get("/static/dist/dashboard.js").status_code == 200
    assert client.get("/static/dist/swagger/swagger-ui-bundle.js").status_code == 200


def test_app_dashboard_explains_missing_build(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("emberwatch.web.routes.pages.dist_built", lambda: False)
    page = client.get("/")
    assert page.status_code == 503
    assert "make web" in page.text


def test_app_unexpected_error_is_json_without_details(seeded_ro: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from emberwatch.web import create_app

    def broken(store: object) -> None:
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr("emberwatch.web.routes.meta.perpetrator_counts", broken)
    with TestClient(create_app(seeded_ro.settings, seeded_ro.store), raise_server_exceptions=False) as local:
        response = local.get("/api/actors")
    assert response.status_code == 500
    error = response.json()["error"]
    assert error["type"] == "InternalError" and "secret" not in error["message"]
    assert "content-security-policy" in response.headers


def test_app_alerts_rule_selection(client: TestClient) -> None:
    quick = client.get("/api/alerts", params=[("rule", "surge"), ("rule", "spread")]).json()
    assert {a["rule_id"] for a in quick} <= {"surge", "spread"}
    response = client.get("/api/alerts", params={"rule": "bogus"})
    assert response.status_code == 422
    assert "rule" in response.json()["error"]["message"]
