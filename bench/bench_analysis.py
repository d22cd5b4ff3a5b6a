"""Analysis speed on synthetic events, and backtest scores on series with a known right answer.

``run()`` loads 100,000 synthetic events (six years, 12 towns; ``emberwatch.testing``) and times
aggregation by admin2 x week, all codebook indicators by country x month, current alerts with the
example watch areas, and a 24-origin backtest by admin1 x month. It also backtests two synthetic panels
whose answer is known: a constant series (no-change must be perfect) and independent Poisson(4) counts
(the historical average is the best point forecast; the model should match it).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from emberwatch.analysis import AlertConfig, aggregate, backtest, current_alerts, indicator_table, load_watch_areas
from emberwatch.analysis.backtest import backtest_panel
from emberwatch.analysis.forecast import ForecastConfig
from emberwatch.codebook import load_codebook
from emberwatch.store import Store
from emberwatch.store.actors import sync_actors
from emberwatch.testing import load_events, synthetic_events

N_EVENTS = 100_000
AREAS = Path(__file__).resolve().parents[1] / "examples" / "watch-areas" / "isis-lost-areas-2016-2019.yaml"


def _timed(name: str, fn, notes: str) -> tuple[dict, object]:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = fn()
    return {"benchmark": name, "value": round(time.perf_counter() - start, 3), "unit": "s", "notes": notes}, result


def _known_answer_rows() -> list[dict]:
    months = pd.date_range("2016-01-01", periods=48, freq="MS")
    constant = backtest_panel(pd.DataFrame(3, index=months, columns=list("abcde")))
    poisson = backtest_panel(pd.DataFrame(np.random.default_rng(7).poisson(4.0, (48, 25)), index=months))
    rows = []
    for label, result in (("constant series", constant), ("Poisson(4) series", poisson)):
        for model in ("negbin_glm", "no_change", "average"):
            rows.append({"benchmark": f"backtest MAE, {label}: {model}", "value": result.score(model).mae,
                         "unit": "events", "notes": "24 origins, horizon 1 month; " + result.verdict})  # fmt: skip
    return rows


def run() -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.duckdb")
        codebook = load_codebook()
        sync_actors(store, codebook)
        load_events(store, synthetic_events(N_EVENTS, seed=1))
        note = f"{N_EVENTS:,} synthetic events, 12 towns, 6 years"
        row, _ = _timed("aggregate admin2 x week", lambda: aggregate(store, "admin2", "week"), note)
        rows.append(row)
        row, _ = _timed(
            "all indicators, country x month",
            lambda: indicator_table(store, "country", "month", codebook=codebook),
            f"{len(codebook.indicators)} codebook indicators; {note}",
        )
        rows.append(row)
        areas = load_watch_areas(AREAS)
        row, _ = _timed(
            "current alerts (surge, return, spread, change point)",
            lambda: current_alerts(store, codebook, areas, AlertConfig()),
            f"{len(areas)} watch areas; {note}",
        )
        rows.append(row)
        row, _ = _timed(
            "backtest admin1 x month, 24 origins",
            lambda: backtest(store, "admin1", "month", config=ForecastConfig()),
            note,
        )
        rows.append(row)
        store.close()
    return rows + _known_answer_rows()


if __name__ == "__main__":
    for line in run():
        print(line)
