"""Geoparsing: gazetteer build/load, toponym recognition (English, Arabic), resolution, event place.

Entry point for other stages: ``Geoparser.load(settings)`` then ``.geoparse(text, language)`` and
``.event_place(text, places, sentence, trigger)``.
"""

from emberwatch.geo.build import ProgressCallback, build_gazetteer
from emberwatch.geo.gazetteer import Gazetteer, Place, PlaceKind
from emberwatch.geo.geoparser import Geoparser, ensure_gazetteer, index_is_current

__all__ = [
    "Gazetteer",
    "Geoparser",
    "Place",
    "PlaceKind",
    "ProgressCallback",
    "build_gazetteer",
    "ensure_gazetteer",
    "index_is_current",
]
