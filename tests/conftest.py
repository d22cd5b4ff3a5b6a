"""Shared fixtures: isolated settings/data dir, a real DuckDB store, the shared data folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from emberwatch.settings import Settings, get_settings
from emberwatch.store import Store

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("EMBERWATCH_SHARED_DATA", REPO.parent / "shared" / "data"))


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test gets its own data dir and no user config file."""
    monkeypatch.setenv("EMBERWATCH_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("EMBERWATCH_CONFIG", str(tmp_path / "emberwatch.toml"))
    for var in ("EMBERWATCH_DATABASE", "EMBERWATCH_API_TOKEN", "EMBERWATCH_CODEBOOK", "EMBERWATCH_LOCAL_PLACES"):
        monkeypatch.delenv(var, raising=False)
    gazetteer_dir = os.environ.get("EMBERWATCH_TEST_GAZETTEER_DIR")
    if gazetteer_dir:
        monkeypatch.setenv("EMBERWATCH_GAZETTEER_DIR", gazetteer_dir)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture
def settings() -> Settings:
    return get_settings()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A real, migrated DuckDB file in the test's temporary folder."""
    db = Store(tmp_path / "test.duckdb")
    yield db
    db.close()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data``; tests that need it are skipped with a reason when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared data not found at {SHARED_DATA} (set EMBERWATCH_SHARED_DATA)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def extract_resources():  # type: ignore[no-untyped-def]
    """Extraction resources from the shipped codebook (codebook role fillers, no geoparser)."""
    from emberwatch.extract.pipeline import default_resources

    return default_resources()


@pytest.fixture(scope="session")
def geoparser(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """A ``Geoparser`` over a gazetteer index built once and reused (~30 s the first time).

    The index lives in ``$EMBERWATCH_TEST_GAZETTEER_DIR`` if set, else in pytest's cache folder
    (kept between runs, rebuilt when stale). Once this fixture has run, every later test's settings
    point ``gazetteer_dir`` at the same index.
    """
    import fcntl

    from emberwatch.geo import Geoparser, ensure_gazetteer
    from emberwatch.settings import load_settings

    configured = os.environ.get("EMBERWATCH_TEST_GAZETTEER_DIR")
    directory = Path(configured) if configured else request.config.cache.mkdir("emberwatch-gazetteer") / "index"
    directory.parent.mkdir(parents=True, exist_ok=True)
    geo_settings = load_settings(gazetteer_dir=directory, data_dir=directory.parent)
    with (directory.parent / ".build.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        ensure_gazetteer(geo_settings)
        fcntl.flock(lock, fcntl.LOCK_UN)
    os.environ["EMBERWATCH_TEST_GAZETTEER_DIR"] = str(directory)
    return Geoparser.load(geo_settings)
