"""Documents per CPU-second of ``extract_document`` next to bare spaCy English tokenisation.

Texts: the MUC-4 dev documents (when ../shared/data exists) and the demo corpus. Both timings use
process CPU time on the same texts in the same run; the geoparser is left out. Two variants: codebook
role fillers only (the extractor's own rules) and with the trained role filler (what the CLI runs).
Run: ``.venv/bin/python bench/run.py bench_extract``.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path

import frontmatter
import spacy

from emberwatch.extract.pipeline import ExtractResources, default_resources, extract_document, load_resources
from emberwatch.models import ExtractInput
from emberwatch.settings import load_settings

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
    return [frontmatter.loads(p.read_text(encoding="utf-8")).content for p in files]


def _cpu(work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(REPEATS):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def measure(name: str, texts: list[str], resources: ExtractResources, label: str) -> list[dict[str, object]]:
    tokenizer = spacy.blank("en").tokenizer
    inputs = [ExtractInput(id=str(i), text=t) for i, t in enumerate(texts)]
    extract_document(inputs[0], resources)  # warm-up
    extract_s = _cpu(lambda: [extract_document(i, resources) for i in inputs])
    token_s = _cpu(lambda: [tokenizer(t) for t in texts])
    n = len(texts)
    chars = sum(len(t) for t in texts)
    notes = f"{n} docs, {chars / n:.0f} chars/doc avg, best of {REPEATS}, {label}, no geoparser"
    return [
        {"benchmark": f"extract_document {name} ({label})", "value": round(n / extract_s, 1),
         "unit": "docs/CPU-s", "notes": notes},
        {"benchmark": f"spaCy blank-en tokenizer {name}", "value": round(n / token_s, 1),
         "unit": "docs/CPU-s", "notes": notes},
        {"benchmark": f"extract / tokenize CPU ratio {name} ({label})", "value": round(extract_s / token_s, 2),
         "unit": "x", "notes": "target <= 3"},
    ]  # fmt: skip


def run() -> list[dict[str, object]]:
    """Codebook role fillers, then the trained role filler (``emberwatch.extract.roles``) as in the CLI."""
    variants = [
        ("codebook roles", default_resources()),
        ("trained roles", load_resources(load_settings(), with_geo=False, with_roles=True)),
    ]
    rows: list[dict[str, object]] = []
    for name, texts in (("MUC-4 dev", muc4_dev()), ("demo corpus", demo_corpus())):
        for label, resources in variants:
            if texts:
                seen = {row["benchmark"] for row in rows}
                rows += [row for row in measure(name, texts, resources, label) if row["benchmark"] not in seen]
    return rows


if __name__ == "__main__":
    for row in run():
        print(row)
