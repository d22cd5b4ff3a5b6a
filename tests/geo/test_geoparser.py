"""The public API: load, pickle for workers, lookup."""

from __future__ import annotations

import pickle
import time

from emberwatch.geo import Geoparser
from emberwatch.models import PlaceRef


def test_geoparser_pickles_and_reopens(geoparser: Geoparser) -> None:
    blob = pickle.dumps(geoparser)
    assert len(blob) < 1000
    clone = pickle.loads(blob)
    assert [p.country_code for p in clone.geoparse("Attack in Raqqa", "en")] == ["SY"]


def test_geoparser_load_uses_existing_index(geoparser: Geoparser) -> None:
    from emberwatch.settings import load_settings

    started = time.perf_counter()
    parser = Geoparser.load(load_settings(gazetteer_dir=geoparser.gazetteer.directory))
    assert time.perf_counter() - started < 30  # never rebuilds; the real figure is in bench/bench_geo.py
    assert parser.lookup("Mosul")[0].country_code == "IQ"


def test_geoparser_returns_placeref_records(geoparser: Geoparser) -> None:
    places = geoparser.geoparse("Gunmen attacked Kirkuk.", "en")
    assert all(isinstance(p, PlaceRef) for p in places)
    assert places[0].model_dump(mode="json")["precision"] == 1


def test_geoparser_arabic_name_known_only_in_latin_script_resolves_in_the_documents_country(
    geoparser: Geoparser,
) -> None:
    text = "الحسكة، سوريا - فككت قوات الأمن شبكة كانت تهرب عائلات من مخيم الهول مقابل المال."
    places = {p.text: p for p in geoparser.geoparse(text, "ar")}
    assert places["الهول"].name == "Al Hawl" and places["الهول"].country_code == "SY"
    nigeria = "هاجم مقاتلو التنظيم قاعدة عسكرية في مونغونو بولاية بورنو في نيجيريا."
    names = {p.text: p.name for p in geoparser.geoparse(nigeria, "ar")}
    assert names.get("مونغونو") == "Monguno" and names.get("بورنو") == "Borno"


def test_geoparser_skeleton_match_needs_a_country_in_the_document(geoparser: Geoparser) -> None:
    assert [p.text for p in geoparser.geoparse("فككت قوات الأمن شبكة في مخيم الهول.", "ar")] == []
