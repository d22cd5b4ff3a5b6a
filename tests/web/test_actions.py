"""Analyst actions through the API: verify, reject, edit, merge, split, with the audit trail."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient


def test_actions_verify_records_author_and_status(rw_client: TestClient, seeded_rw: Any, auth: dict) -> None:
    event_id = seeded_rw.ids["ev-en-ambush"]
    response = rw_client.post(
        f"/api/events/{event_id}/verify", json={"reason": "matches a second report"},
        headers={**auth, "X-Analyst": "%D8%B1%D9%86%D8%A7"},  # "رنا", percent-encoded
    )  # fmt: skip
    assert response.status_code == 200
    detail = response.json()["detail"]
    assert detail["event"]["review_status"] == "verified"
    last = detail["history"][-1]
    assert (last["action"], last["author"], last["reason"]) == ("verify", "رنا", "matches a second report")


def test_actions_reject_hides_the_event_and_needs_a_reason(rw_client: TestClient, seeded_rw: Any, auth: dict) -> None:
    event_id = seeded_rw.ids["ev-xss-bomb"]
    missing = rw_client.post(f"/api/events/{event_id}/reject", json={}, headers=auth)
    assert missing.status_code == 422 and "reason" in missing.json()["error"]["message"]
    assert rw_client.post(f"/api/events/{event_id}/reject", json={"reason": "a drill"}, headers=auth).status_code == 200
    listed = rw_client.get("/api/events", params={"limit": 1000}).json()
    assert event_id not in {e["id"] for e in listed["items"]}
    shown = rw_client.get("/api/events", params={"include_rejected": True, "limit": 1000}).json()
    assert event_id in {e["id"] for e in shown["items"]}


def test_actions_edit_keeps_machine_value(rw_client: TestClient, seeded_rw: Any, auth: dict) -> None:
    event_id = seeded_rw.ids["ev-ar-attack"]
    body = {"field": "admin2", "value": "Tal Afar District", "reason": "district named in a later report"}
    response = rw_client.post(f"/api/events/{event_id}/edit", json=body, headers=auth)
    assert response.status_code == 200
    detail = response.json()["detail"]
    assert detail["event"]["admin2"] == "Tal Afar District"
    assert detail["machine"]["admin2"] is None
    assert detail["overrides"] == {"admin2": "Tal Afar District"}


def test_actions_edit_bad_value_says_what_to_fix(rw_client: TestClient, seeded_rw: Any, auth: dict) -> None:
    event_id = seeded_rw.ids["ev-ar-attack"]
    body = {"field": "event_type", "value": "bombng", "reason": "typo test"}
    response = rw_client.post(f"/api/events/{event_id}/edit", json=body, headers=auth)
    assert response.status_code == 422
    assert "Known:" in response.json()["error"]["message"]


def test_actions_merge_then_split(rw_client: TestClient, seeded_rw: Any, auth: dict) -> None:
    first, second = seeded_rw.ids["ev-en-ambush"], seeded_rw.ids["ev-xss-bomb"]
    merged = rw_client.post(
        f"/api/events/{first}/merge", json={"other_ids": [second], "reason": "same incident"}, headers=auth
    )
    assert merged.status_code == 200
    kept = merged.json()["event_ids"][0]
    detail = merged.json()["detail"]
    assert len(detail["sources"]) == 2
    mention = detail["sources"][0]["mention_id"]
    split = rw_client.post(
        f"/api/events/{kept}/split", json={"mention_ids": [mention], "reason": "two incidents"}, headers=auth
    )
    assert split.status_code == 200
    new_id, old_id = split.json()["event_ids"]
    assert old_id == kept and new_id != kept
    assert len(rw_client.get(f"/api/events/{kept}").json()["sources"]) == 1


def test_actions_unknown_event_is_404(rw_client: TestClient, auth: dict) -> None:
    response = rw_client.post("/api/events/nope/verify", json={}, headers=auth)
    assert response.status_code == 404
