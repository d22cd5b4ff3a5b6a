"""Geo fixtures: the gazetteer behind the session ``geoparser`` fixture (see tests/conftest.py)."""

from __future__ import annotations

import pytest

from emberwatch.geo import Gazetteer, Geoparser


@pytest.fixture(scope="session")
def gazetteer(geoparser: Geoparser) -> Gazetteer:
    return geoparser.gazetteer
