"""Arabic text throughput: normalisation with offsets, clitic-aware codebook matching, full extraction.

Run alone with ``.venv/bin/python bench/bench_arabic.py``.
"""

from __future__ import annotations

import time
from pathlib import Path

import frontmatter

from emberwatch.codebook import load_codebook
from emberwatch.extract.ar import build_rules
from emberwatch.extract.pipeline import default_resources, extract_document
from emberwatch.models import ExtractInput, Language
from emberwatch.text.arabic import fold, normalise

REPO = Path(__file__).resolve().parents[1]
REPORTS = REPO / "examples" / "demo-corpus" / "reports" / "ar"
SAMPLE = (
    "دير الزور، سوريا - قُتل ما لا يقل عن أربعة مقاتلين من قوات سوريا الديمقراطية (قسد) وأصيب اثنان "
    "آخران يوم الثلاثاء عندما نصب مسلحون كميناً لدوريتهم، وتبنّى تنظيم الدولة الإسلامية الهجوم عبر وكالة "
    "أعماق. "
)


def _texts() -> list[str]:
    texts = [frontmatter.load(p).content for p in sorted(REPORTS.glob("*.md"))]
    return texts or [SAMPLE * 20]


def _rate(fn, items: list[str], min_seconds: float = 1.0) -> float:  # type: ignore[no-untyped-def]
    """Items per second of ``fn`` over ``items``, repeated for at least ``min_seconds``."""
    done, started = 0, time.perf_counter()
    while True:
        for item in items:
            fn(item)
        done += len(items)
        elapsed = time.perf_counter() - started
        if elapsed >= min_seconds:
            return done / elapsed


def run() -> list[dict]:
    texts = _texts()
    chars = sum(len(t) for t in texts) / len(texts)
    rules = build_rules(load_codebook(None))
    resources = default_resources()
    docs = [ExtractInput(id=str(i), text=t, language=Language.ar) for i, t in enumerate(texts)]
    note = f"{len(texts)} Arabic demo reports, {chars:.0f} characters each on average"
    return [
        {"benchmark": "arabic fold (no offsets)", "value": _rate(fold, texts) * chars / 1e6,
         "unit": "M chars/s", "notes": note},
        {"benchmark": "arabic normalise with offset map", "value": _rate(normalise, texts) * chars / 1e6,
         "unit": "M chars/s", "notes": note},
        {"benchmark": "arabic codebook matching (clitic-aware)", "value": _rate(rules.match_terms, texts),
         "unit": "docs/s", "notes": note + f"; {len(rules.matcher)} terms"},
        {"benchmark": "arabic extract_document (no geo, no role model)",
         "value": _rate(lambda d: extract_document(d, resources), docs),  # type: ignore[arg-type]
         "unit": "docs/s", "notes": note},
        *_geo_rows(texts, docs, note),
    ]  # fmt: skip


def _geo_rows(texts: list[str], docs: list[ExtractInput], note: str) -> list[dict]:
    """Geoparsing Arabic with and without the mention model (needs a built gazetteer)."""
    from dataclasses import replace

    from emberwatch.errors import EmberwatchError
    from emberwatch.geo import Geoparser

    try:
        with_model = Geoparser.load()
    except EmberwatchError as exc:
        print(f"skipping Arabic geoparsing rows: {exc}")
        return []
    without = Geoparser(with_model.gazetteer, with_model.region_of_interest, arabic_ner=None)
    with_model.geoparse(texts[0], Language.ar)  # load the mention model and the skeleton index
    resources = replace(default_resources(), geoparser=with_model)
    return [
        {"benchmark": "arabic geoparse, gazetteer matcher only", "unit": "docs/s", "notes": note,
         "value": _rate(lambda t: without.geoparse(t, Language.ar), texts)},
        {"benchmark": "arabic geoparse with the mention model and skeleton names", "unit": "docs/s",
         "notes": note, "value": _rate(lambda t: with_model.geoparse(t, Language.ar), texts)},
        {"benchmark": "arabic extract_document with geoparser (no role model)", "unit": "docs/s", "notes": note,
         "value": _rate(lambda d: extract_document(d, resources), docs)},  # type: ignore[arg-type]
    ]  # fmt: skip


if __name__ == "__main__":
    for row in run():
        print(f"{row['benchmark']}: {row['value']:.2f} {row['unit']} ({row['notes']})")
