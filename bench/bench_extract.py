"""Documents per CPU-second of ``extract_document`` next to bare spaCy English tokenisation.

Texts: the MUC-4 dev documents (when ../shared/data exists) and the demo corpus. Both timings use
process CPU time on the same texts in the same run; the geoparser and the trained role filler are
left out so the figure is the extractor's own (codebook roles).
Run: ``.venv/bin/python bench/run.py bench_extract``.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path

import spacy

from emberwatch.extract.pipeline import default_resources, extract_document
from emberwatch.models import ExtractInput

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EMBERWATCH_SHARED_DATA", REPO.parent / "shared" / "data"))
REPEATS = 3


def muc4_dev() -> list[str]:
    path = SHARED / "muc4" / "processed_grit_ree" / "dev.json"
    if not path.is_file():
        return []
    return [
        json.loads(line)["doctext"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def demo_corpus() -> list[str]:
    root = REPO / "examples" / "demo-corpus"
    files = sorted(
        p for p in root.rglob("*") if p.suffix in {".md", ".txt"} and p.name not in {"README.md", "NOTICE.md"}
    )
    return [p.read_text(encoding="utf-8") for p in files]


def _cpu(work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(REPEATS):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def measure(name: str, texts: list[str]) -> list[dict[str, object]]:
    resources = default_resources()
    tokenizer = spacy.blank("en").tokenizer
    inputs = [ExtractInput(id=str(i), text=t) for i, t in enumerate(texts)]
    extract_document(inputs[0], resources)  # warm-up
    extract_s = _cpu(lambda: [extract_document(i, resources) for i in inputs])
    token_s = _cpu(lambda: [tokenizer(t) for t in texts])
    n = len(texts)
    chars = sum(len(t) for t in texts)
    notes = f"{n} docs, {chars / n:.0f} chars/doc avg, best of {REPEATS}, codebook roles, no geoparser"
    return [
        {
            "benchmark": f"extract_document {name}",
            "value": round(n / extract_s, 1),
            "unit": "docs/CPU-s",
            "notes": notes,
        },
        {
            "benchmark": f"spaCy blank-en tokenizer {name}",
            "value": round(n / token_s, 1),
            "unit": "docs/CPU-s",
            "notes": notes,
        },
        {
            "benchmark": f"extract / tokenize CPU ratio {name}",
            "value": round(extract_s / token_s, 2),
            "unit": "x",
            "notes": "target <= 3",
        },
    ]


def run() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for name, texts in (("MUC-4 dev", muc4_dev()), ("demo corpus", demo_corpus())):
        if texts:
            rows += measure(name, texts)
    return rows


if __name__ == "__main__":
    for row in run():
        print(row)
