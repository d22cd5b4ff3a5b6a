"""The dashboard in a real browser: Debian Chromium driven by Playwright against a real uvicorn server.

Skipped with a reason when /usr/bin/chromium or the built assets are missing (`make test` provides both).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from emberwatch.web.paths import dist_built

CHROMIUM = Path("/usr/bin/chromium")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium not installed (make browser-deps)"),
    pytest.mark.skipif(not dist_built(), reason="dashboard assets not built (make web)"),
]

playwright_api = pytest.importorskip("playwright.sync_api", reason="python playwright not installed")

WATCH_CSP = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__csp.push(e.violatedDirective + ' ' + e.blockedURI);
});
"""


@dataclass
class Recorder:
    """Everything the page did that a test may want to forbid."""

    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def foreign_requests(self) -> list[str]:
        return [u for u in self.requests if urlparse(u).hostname not in {"127.0.0.1", None}]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield chromium
        chromium.close()


def open_page(browser: Any, viewport: tuple[int, int] = (1280, 800)) -> tuple[Any, Recorder]:
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    page = context.new_page()
    rec = Recorder()
    page.on("request", lambda r: rec.requests.append(r.url))
    page.on("console", lambda m: rec.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: rec.page_errors.append(str(e)))

    def on_dialog(dialog: Any) -> None:
        rec.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.add_init_script(WATCH_CSP)
    return page, rec


def load_dashboard(page: Any, url: str, fragment: str = "") -> None:
    page.goto(f"{url}/{fragment}")
    page.wait_for_selector("body[data-loaded]", timeout=20_000)
    page.wait_for_function("() => document.querySelectorAll('.leaflet-overlay-pane path').length > 100", timeout=20_000)


def assert_clean(page: Any, rec: Recorder) -> None:
    page.wait_for_selector("body[data-panels]", state="attached", timeout=30_000)
    assert rec.foreign_requests() == []
    assert page.evaluate("window.__csp") == []
    assert rec.console_errors == []
    assert rec.page_errors == []


def test_dashboard_loads_offline_with_map_timeline_list(browser: Any, live_server: Any) -> None:
    page, rec = open_page(browser)
    load_dashboard(page, live_server.url)
    assert page.locator(".leaflet-overlay-pane path").count() > 100  # world-atlas countries
    assert page.locator(".leaflet-tile").count() == 0  # no tile server
    page.wait_for_selector(".marker-cluster, .ev-dot")
    assert page.locator("#timeline canvas").count() >= 1
    assert page.locator("#event-list .event-item").count() == 50
    assert "243" in page.locator("#pager .count").inner_text()
    page.wait_for_selector("#indicator-select option", state="attached")
    page.wait_for_selector("#alert-list li", state="attached")
    assert all(urlparse(u).hostname == "127.0.0.1" for u in rec.requests)
    assert_clean(page, rec)
    page.context.close()


def test_dashboard_filters_drive_list_and_map(browser: Any, live_server: Any) -> None:
    page, rec = open_page(browser)
    load_dashboard(page, live_server.url)
    page.wait_for_selector("select[name=country] option[value=LY]", state="attached")
    loaded = page.evaluate("document.body.dataset.loaded")
    page.select_option("select[name=country]", "LY")
    page.wait_for_function("(before) => document.body.dataset.loaded !== before", arg=loaded)
    places = page.locator("#event-list .ev-place").all_inner_texts()
    assert places and all(p.endswith(", LY") for p in places)
    note = page.locator("#map-note").inner_text()
    total = live_server.store.execute("SELECT count(*) FROM events WHERE country_code = 'LY'").fetchone()[0]
    assert note.startswith(f"{total} located")
    assert_clean(page, rec)
    page.context.close()


def test_dashboard_event_panel_highlights_evidence(browser: Any, live_server: Any) -> None:
    page, rec = open_page(browser)
    load_dashboard(page, live_server.url)
    loaded = page.evaluate("document.body.dataset.loaded")
    page.fill("input[name=q]", "Badush")
    page.press("input[name=q]", "Enter")
    page.wait_for_function("(before) => document.body.dataset.loaded !== before", arg=loaded)
    page.click("#event-list .event-item")
    page.wait_for_selector("#event-panel .source-text mark.evidence")
    marks = page.locator("#event-panel mark.evidence").all_inner_texts()
    assert "Badush" in marks and "Islamic State" in marks
    assert "exact place" in page.locator("#event-panel .fields").inner_text()
    assert "claimed responsibility" in page.locator("#event-panel .fields").inner_text()
    assert_clean(page, rec)
    page.context.close()


def test_dashboard_arabic_event_is_right_to_left(browser: Any, live_server: Any) -> None:
    page, rec = open_page(browser)
    load_dashboard(page, live_server.url, f"#event={live_server.ids['ev-ar-attack']}")
    text = page.wait_for_selector("#event-panel .source-text")
    assert text.get_attribute("lang") == "ar"
    assert page.evaluate("getComputedStyle(document.querySelector('#event-panel .source-text')).direction") == "rtl"
    assert "تلعفر" in page.locator("#event-panel mark.evidence").all_inner_texts()
    assert_clean(page, rec)
    page.context.close()


def test_dashboard_untrusted_text_never_executes(browser: Any, live_server: Any) -> None:
    page, rec = open_page(browser)
    load_dashboard(page, live_server.url, f"#event={live_server.ids['ev-xss-bomb']}")
    page.wait_for_selector("#event-panel .source-text")
    page.wait_for_timeout(300)  # give any injected handler (img onerror) the chance to run
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert rec.dialogs == []
    source = page.locator("#event-panel .source-text").inner_text()
    assert "<script>window.__pwned = 1</script>" in source
    assert page.locator("#event-panel img, #event-panel iframe, #event-panel script, #event-list img").count() == 0
    assert "<img src=x onerror=window.__pwned=5>Raqqa" in page.locator("#event-panel h2").inner_text()
    assert_clean(page, rec)
    page.context.close()


def test_dashboard_usable_on_a_narrow_screen(browser: Any, live_server: Any) -> None:
    page, rec = open_page(browser, viewport=(390, 844))
    load_dashboard(page, live_server.url)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    box = page.locator("#map").bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 200
    page.click("#event-list .event-item")
    panel = page.wait_for_selector("#event-panel .fields")
    assert panel.bounding_box()["width"] <= 390
    assert_clean(page, rec)
    page.context.close()


def test_dashboard_analyst_verifies_with_token(browser: Any, live_server: Any) -> None:
    page, rec = open_page(browser)
    event_id = live_server.ids["ev-en-ambush"]
    load_dashboard(page, live_server.url, f"#event={event_id}")
    page.wait_for_selector("#event-panel .fields")
    assert page.locator("#event-panel .actions").count() == 0  # read-only without a token
    page.fill("#token", live_server.settings.api_token)
    page.fill("#analyst", "رنا")
    page.click("#token-form button[type=submit]")
    page.wait_for_selector("#event-panel .actions")
    page.fill("#event-panel input[name=reason]", "checked against a second report")
    page.click("#event-panel button.act-verify")
    page.wait_for_selector("#event-panel .history li:has-text('verify')")
    assert "رنا" in page.locator("#event-panel .history").inner_text()
    assert "verified" in page.locator("#event-panel .fields").inner_text()
    assert_clean(page, rec)
    page.context.close()


def test_dashboard_api_docs_render_offline(browser: Any, live_server: Any) -> None:
    page, rec = open_page(browser)
    page.goto(f"{live_server.url}/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=20_000)
    assert page.locator(".swagger-ui .opblock").count() > 10
    assert rec.foreign_requests() == []
    assert page.evaluate("window.__csp") == []
    page.context.close()
