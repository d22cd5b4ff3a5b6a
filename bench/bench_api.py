"""REST API latency on 1,000,000 synthetic events, and the dashboard's load time in Chromium.

A temporary DuckDB file is filled in bulk with ``emberwatch.testing.synthetic_events``; ``emberwatch
serve`` runs in its own process (so client and server do not share a GIL) and each query is timed over
HTTP from here. Target: p95 < 100 ms for filtered event queries and aggregates.

Run alone: ``.venv/bin/python bench/bench_api.py [n_events]``.
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import IO, Any

import httpx

from emberwatch.codebook import load_codebook
from emberwatch.store import Store
from emberwatch.store.actors import sync_actors
from emberwatch.testing import load_events, synthetic_events

N_EVENTS = 1_000_000
REPEAT = 25
CHROMIUM = Path("/usr/bin/chromium")
REPO = Path(__file__).resolve().parents[1]

EVENT_QUERIES = {
    "country": {"country": "SY"},
    "date range": {"start": "2021-01-01", "end": "2021-03-31"},
    "type + country": {"event_type": "ambush", "country": "IQ"},
    "actor with affiliates": {"actor": "isis", "start": "2022-01-01", "end": "2022-01-31"},
    "bbox": {"bbox": "38,34,41,36"},
    "free text": {"q": "mayadin", "start": "2020-06-01", "end": "2020-06-30"},
    "mechanism + language": {"mechanism": "funding", "language": "ar"},
    "page 100, sort by killed": {"offset": 5000, "sort": "-killed"},
}
AGGREGATE_QUERIES = {
    "admin1 x month, one country-year": {"level": "admin1", "period": "month", "country": "SY",
                                         "start": "2022-01-01", "end": "2022-12-31"},
    "country x week, one quarter": {"level": "country", "period": "week", "start": "2021-01-01",
                                    "end": "2021-03-31"},
    "admin2 x month, one actor-month": {"level": "admin2", "period": "month", "actor": "isis-iraq",
                                        "start": "2023-05-01", "end": "2023-05-31"},
}  # fmt: skip
TIMELINE_QUERIES = {
    "timeline, all events by month": {"period": "month"},
    "timeline, one country by week": {"period": "week", "country": "IQ"},
}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def build_database(path: Path, n: int) -> float:
    """Fill ``path`` with ``n`` synthetic events; returns seconds taken."""
    started = time.perf_counter()
    with Store(path) as store:
        sync_actors(store, load_codebook())  # so actor filters expand affiliates as in real use
        for offset in range(0, n, 250_000):
            frame = synthetic_events(min(250_000, n - offset), seed=offset // 250_000 + 1)
            load_events(store, frame)
        store.execute("CHECKPOINT")
    return time.perf_counter() - started


def start_server(db: Path, port: int, log: IO[bytes]) -> subprocess.Popen[bytes]:
    env = {**os.environ, "EMBERWATCH_DATABASE": str(db), "EMBERWATCH_DATA_DIR": str(db.parent)}
    cmd = [sys.executable, "-m", "emberwatch", "serve", "--host", "127.0.0.1", "--port", str(port)]
    proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=log)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError(f"emberwatch serve did not start; see {log.name}")


def time_queries(client: httpx.Client, path: str, queries: dict[str, dict[str, Any]]) -> dict[str, list[float]]:
    """Milliseconds per request for each query, ``REPEAT`` times (after one warm-up call each)."""
    times: dict[str, list[float]] = {}
    for name, params in queries.items():
        client.get(path, params=params).raise_for_status()
        times[name] = []
        for _ in range(REPEAT):
            started = time.perf_counter()
            client.get(path, params=params).raise_for_status()
            times[name].append((time.perf_counter() - started) * 1000)
    return times


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def dashboard_load(url: str, runs: int = 3) -> list[float]:
    """Seconds from navigation until the map, list and timeline show the data (Chromium, headless)."""
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            started = time.perf_counter()
            page.goto(url)
            page.wait_for_selector("body[data-loaded]", timeout=120_000)
            page.wait_for_selector(".marker-cluster", timeout=120_000)
            times.append(time.perf_counter() - started)
            page.close()
        browser.close()
    return times


def _row(name: str, value: float, unit: str, notes: str) -> dict[str, Any]:
    return {"benchmark": name, "value": round(value, 2), "unit": unit, "notes": notes}


def run(n: int = N_EVENTS) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="ew-bench-api-") as tmp:
        db = Path(tmp) / "bench.duckdb"
        seconds = build_database(db, n)
        rows.append(_row("API: build synthetic database", seconds, "s", f"{n:,} events, bulk insert"))
        port = _free_port()
        log = (Path(tmp) / "server.log").open("wb")
        server = start_server(db, port, log)
        try:
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as client:
                for label, path, queries in (
                    ("filtered event pages (/api/events, 50 rows + total)", "/api/events", EVENT_QUERIES),
                    ("aggregates (/api/aggregates)", "/api/aggregates", AGGREGATE_QUERIES),
                    ("timeline (/api/events/timeline)", "/api/events/timeline", TIMELINE_QUERIES),
                ):
                    by_query = time_queries(client, path, queries)
                    times = [t for values in by_query.values() for t in values]
                    slowest = max(by_query, key=lambda q: statistics.median(by_query[q]))
                    notes = (
                        f"{len(queries)} queries x {REPEAT}, {n:,} events, target p95 < 100 ms; slowest: "
                        f"{slowest} (p50 {statistics.median(by_query[slowest]):.0f} ms); load average "
                        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
                    )
                    rows.append(_row(f"API p50: {label}", statistics.median(times), "ms", notes))
                    rows.append(_row(f"API p95: {label}", percentile(times, 95), "ms", notes))
            if CHROMIUM.exists() and (REPO / "src/emberwatch/web/static/dist/dashboard.js").exists():
                loads = dashboard_load(f"http://127.0.0.1:{port}/")
                rows.append(
                    _row("Dashboard load in Chromium (median of 3)", statistics.median(loads), "s",
                         f"{n:,} events; until list, timeline and up to 10,000 clustered points are shown")
                )  # fmt: skip
        except httpx.HTTPError as exc:
            raise RuntimeError(f"{exc}; server log:\n{(Path(tmp) / 'server.log').read_text()[-3000:]}") from exc
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:  # a slow request still running: do not wait for it
                server.kill()
                server.wait()
            log.close()
    return rows


if __name__ == "__main__":
    for row in run(int(sys.argv[1]) if len(sys.argv) > 1 else N_EVENTS):
        print(f"{row['benchmark']}: {row['value']} {row['unit']} ({row['notes']})")
