"""Ingest throughput: the demo corpus (Markdown) and a synthetic JSONL export, into a fresh DuckDB file.

Run alone with ``.venv/bin/python bench/bench_ingest.py``.
"""

from __future__ import annotations

import csv
import json
import logging
import os
import tempfile
import time
from pathlib import Path

import defusedxml.ElementTree

from emberwatch.ingest import IngestOptions, ingest
from emberwatch.ingest.language import detect_language
from emberwatch.models import Language
from emberwatch.store import Store

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EMBERWATCH_SHARED_DATA", REPO.parent / "shared" / "data"))
CORPUS = REPO / "examples" / "demo-corpus"
N_SYNTHETIC = 20_000

EN = "Gunmen attacked a checkpoint near {place} on {day}, killing {n} soldiers, officials said. "
AR = "هاجم مسلحون حاجزاً قرب {place} يوم {day} وقتلوا {n} جنود بحسب مسؤولين. "
PLACES = ["Hawija", "Mayadin", "Rutba", "Tarmiyah", "Sabha", "الميادين", "الحويجة", "الرطبة"]


def _synthetic(path: Path) -> int:
    chars = 0
    with path.open("w", encoding="utf-8") as out:
        for i in range(N_SYNTHETIC):
            template = AR if i % 3 == 0 else EN
            text = " ".join(template.format(place=PLACES[(i + k) % 8], day=i, n=k) for k in range(6))
            chars += len(text)
            out.write(json.dumps({"id": i, "text": text, "published": "2022-03-01"}, ensure_ascii=False))
            out.write("\n")
    return chars


def _timed(inputs: list[str], folder: Path, name: str) -> tuple[float, int]:
    with Store(folder / f"{name}.duckdb") as store:
        started = time.perf_counter()
        report = ingest(store, inputs, IngestOptions(batch_size=500))
        elapsed = time.perf_counter() - started
    assert report.ok, report.failures
    return elapsed, report.added


def _language_rows() -> list[dict]:
    """Detection accuracy on English news (geoparsing corpora) and Arabic newswire sentences."""
    english = [
        el.text or ""
        for name in ("lgl.xml", "GeoVirus.xml")
        if (SHARED / "geoparsing" / name).is_file()
        for el in defusedxml.ElementTree.parse(SHARED / "geoparsing" / name).iter("text")
    ]
    arabic_csv = SHARED / "arabic-assault" / "assault_dev.csv"
    arabic = []
    if arabic_csv.is_file():
        with arabic_csv.open(encoding="utf-8") as handle:
            arabic = [row["text"] for row in csv.DictReader(handle)]
    rows = []
    for label, texts, expected in (("English news articles", english, Language.en),
                                   ("Arabic newswire sentences", arabic, Language.ar)):  # fmt: skip
        if not texts:
            continue
        started = time.perf_counter()
        correct = sum(detect_language(t) is expected for t in texts)
        elapsed = time.perf_counter() - started
        rows.append({
            "benchmark": f"language detection: {label}",
            "value": round(100 * correct / len(texts), 2),
            "unit": "% correct",
            "notes": f"{correct}/{len(texts)} in {elapsed:.2f} s (../shared/data)",
        })
    return rows


def run() -> list[dict]:
    logging.getLogger("emberwatch").setLevel(logging.WARNING)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus_s, corpus_docs = _timed([str(CORPUS)], folder, "corpus")
        export = folder / "export.jsonl"
        chars = _synthetic(export)
        jsonl_s, jsonl_docs = _timed([str(export)], folder, "jsonl")
        with Store(folder / "jsonl.duckdb") as store:
            started = time.perf_counter()
            again = ingest(store, [str(export)])
            reingest_s = time.perf_counter() - started
    assert again.added == 0
    return [
        {"benchmark": "ingest demo corpus (folder, Markdown)", "value": round(corpus_docs / corpus_s, 1),
         "unit": "docs/s", "notes": f"{corpus_docs} docs in {corpus_s:.2f} s, one process"},
        {"benchmark": "ingest JSONL export", "value": round(jsonl_docs / jsonl_s, 1), "unit": "docs/s",
         "notes": f"{jsonl_docs} synthetic docs ({chars / jsonl_docs:.0f} chars each, 1/3 Arabic) "
         f"in {jsonl_s:.2f} s, batches of 500"},
        {"benchmark": "re-ingest JSONL export (all duplicates)", "value": round(N_SYNTHETIC / reingest_s, 1),
         "unit": "docs/s", "notes": f"{N_SYNTHETIC} duplicates detected in {reingest_s:.2f} s"},
        *_language_rows(),
    ]  # fmt: skip


if __name__ == "__main__":
    for row in run():
        print(f"{row['benchmark']}: {row['value']} {row['unit']} ({row['notes']})")
