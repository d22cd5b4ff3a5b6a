"""Security: headers and CSP on every response, the bearer token, untrusted text never parsed as HTML."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from emberwatch.web import create_app
from emberwatch.web.security import CONTENT_SECURITY_POLICY

REPO = Path(__file__).resolve().parents[2]
TEMPLATES = REPO / "src" / "emberwatch" / "web" / "templates"
FRONTEND = REPO / "frontend" / "src"


@pytest.mark.parametrize("path", ["/healthz", "/api/events", "/nothing", "/openapi.json", "/api/export.csv"])
def test_security_headers_on_every_response(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["x-frame-options"] == "DENY"


def test_security_csp_is_strict() -> None:
    directives = dict(d.strip().split(" ", 1) for d in CONTENT_SECURITY_POLICY.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["connect-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["base-uri"] == "'none'"
    assert "unsafe" not in CONTENT_SECURITY_POLICY


@pytest.mark.parametrize("action", ["verify", "reject", "edit", "merge", "split"])
def test_security_actions_need_a_token(client: TestClient, seeded_ro: Any, action: str) -> None:
    event_id = seeded_ro.ids["ev-en-ambush"]
    response = client.post(f"/api/events/{event_id}/{action}", json={"reason": "x"})
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.json()["error"]["type"] == "AuthError"
    assert "Authorization: Bearer" in response.json()["error"]["message"]


def test_security_wrong_token_is_403(client: TestClient, seeded_ro: Any) -> None:
    response = client.post(
        f"/api/events/{seeded_ro.ids['ev-en-ambush']}/verify",
        json={},
        headers={"Authorization": "Bearer not-the-token"},
    )
    assert response.status_code == 403
    assert "wrong" in response.json()["error"]["message"]


def test_security_server_without_token_refuses_actions(seeded_ro: Any) -> None:
    settings = seeded_ro.settings.model_copy(update={"api_token": None})
    with TestClient(create_app(settings, seeded_ro.store)) as local:
        assert local.get("/healthz").json()["actions_enabled"] is False
        response = local.post(
            f"/api/events/{seeded_ro.ids['ev-en-ambush']}/verify", json={}, headers={"Authorization": "Bearer x"}
        )
    assert response.status_code == 403
    assert "EMBERWATCH_API_TOKEN" in response.json()["error"]["message"]


def test_security_injection_in_filters_is_data(client: TestClient, seeded_ro: Any) -> None:
    before = client.get("/healthz").json()["events"]
    for value in ("x' OR '1'='1", "'); DROP TABLE events; --", "%' --"):
        body = client.get("/api/events", params={"q": value, "country": value, "admin1": value}).json()
        assert body["total"] == 0
    assert client.get("/healthz").json()["events"] == before


def test_security_templates_have_no_inline_script_or_style() -> None:
    for template in TEMPLATES.glob("*.html"):
        html = template.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), template.name
        assert "<style" not in html, template.name
        assert not re.search(r"\sstyle=", html), template.name
        assert not re.search(r"\son[a-z]+=", html), template.name
        assert "http://" not in html and "https://" not in html, template.name


def test_security_frontend_never_parses_strings_as_html() -> None:
    sources = list(FRONTEND.glob("*.js"))
    assert sources, "frontend/src is missing"
    for source in sources:
        code = source.read_text(encoding="utf-8")
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
            assert sink not in code, f"{source.name} uses {sink}"
