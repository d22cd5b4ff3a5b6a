"""Briefs: self-contained HTML with charts, RTL Arabic evidence, escaped values; PDF via Chromium."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import pytest

from emberwatch.analysis.watch_areas import WatchArea
from emberwatch.codebook import load_codebook
from emberwatch.errors import InputError
from emberwatch.report.brief import BriefOptions, build_brief, find_chromium, render_html, write_brief
from emberwatch.store import Store
from emberwatch.store.queries import EventFilter
from emberwatch.testing import events_frame, load_events, synthetic_events

ARABIC_QUOTE = "هاجم مسلحون حاجزاً للجيش قرب البلدة وقتلوا جنديين"
RAQQA = WatchArea(id="raqqa", name="Raqqa", actor="isis", lost_on=date(2017, 10, 17), lat=35.9528, lon=39.0079,
                  radius_km=15)  # fmt: skip


@pytest.fixture
def brief_store(store: Store) -> Store:
    """Synthetic history plus a return to Raqqa with English and Arabic evidence, and a hostile summary."""
    history = synthetic_events(120, seed=11, start=date(2019, 1, 1), days=700)
    history = history[history["place_name"] != "Raqqa"]
    burst = date(2020, 12, 7)
    returns = events_frame([
        {"id": f"raqqa-{k}", "date": burst + timedelta(days=k), "place_name": "Raqqa", "admin1": "Ar-Raqqah",
         "admin2": "Ar-Raqqah District", "country_code": "SY", "lat": 35.95, "lon": 39.01, "location_precision": 1,
         "date_precision": 1, "perpetrator_id": "isis", "event_type": "ambush", "review_status": "unreviewed",
         "summary": "<script>alert('x')</script> ambush" if k == 0 else "ambush near Raqqa"}
        for k in range(3)
    ])  # fmt: skip
    load_events(store, pd.concat([history, returns], ignore_index=True))
    sources = [
        {"event_id": "raqqa-0", "mention_id": "m-ar", "document_id": "doc-ar",
         "evidence": json.dumps({"evidence": {"text": ARABIC_QUOTE, "start": 0, "end": len(ARABIC_QUOTE)}})},
        {"event_id": "raqqa-1", "mention_id": "m-en", "document_id": "doc-en",
         "evidence": json.dumps({"evidence": {"text": "Gunmen ambushed a patrol <b>east</b> of the city.",
                                              "start": 5, "end": 52}})},
    ]  # fmt: skip
    with store.transaction() as conn:
        store.insert_df("event_sources", pd.DataFrame(sources), conn=conn)
    return store


def test_brief_html_is_self_contained_and_escaped(brief_store: Store) -> None:
    options = BriefOptions(title="Test <brief>", watch_areas=[RAQQA], max_events=5)
    html = render_html(build_brief(brief_store, load_codebook(), options))
    assert "<title>Test &lt;brief&gt;</title>" in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>east</b>" not in html and "&lt;b&gt;east&lt;/b&gt;" in html
    references = re.findall(r'(?:src|href)\s*=\s*"([^"]*)"', html)
    assert references and all(ref.startswith("data:image/svg+xml;base64,") for ref in references)
    assert not re.search(r"url\(|@import|<link|<script", html)
    arabic = re.search(r'<blockquote class="quote" ([^>]*)>' + ARABIC_QUOTE, html)
    assert arabic is not None and 'lang="ar"' in arabic.group(1) and 'dir="rtl"' in arabic.group(1)
    assert '<blockquote class="quote" dir="auto">Gunmen ambushed' in html
    assert "Renewed activity in Raqqa" in html  # the return alert, with its evidence
    for section in ("summary", "areas", "indicators", "alerts", "events"):
        assert f'<section id="{section}">' in html
    assert "Share of insurgent-style tactics" in html


def test_brief_refuses_an_empty_selection(brief_store: Store) -> None:
    options = BriefOptions(filters=EventFilter(country=["NZ"]))
    with pytest.raises(InputError, match="No events match"):
        build_brief(brief_store, load_codebook(), options)


@pytest.mark.slow
def test_brief_pdf_with_chromium(brief_store: Store, tmp_path: Path) -> None:
    if find_chromium() is None:
        pytest.skip("Chromium is not installed (Debian package `chromium`)")
    out = write_brief(brief_store, load_codebook(), tmp_path / "brief.pdf", BriefOptions(max_events=3), pdf=True)
    assert out.suffix == ".pdf" and out.read_bytes().startswith(b"%PDF")
    assert (tmp_path / "brief.html").is_file()
