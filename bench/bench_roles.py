"""Role filler cost: documents per CPU-second of ``fill_roles`` on MUC-4 dev texts (or synthetic reports
when ../shared is absent), next to spaCy's blank English tokenizer on the same texts.

Run alone with ``.venv/bin/python bench/bench_roles.py``.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MUC4 = Path(os.environ.get("EMBERWATCH_SHARED_DATA", REPO.parent / "shared" / "data")) / "muc4"
SYNTHETIC = (
    "Islamic State militants attacked an army checkpoint near the town late on Tuesday, killing four "
    "soldiers and wounding two civilians, security sources said. A roadside bomb struck a vehicle carrying "
    "members of the security forces in a separate incident, killing one fighter. "
)


def _texts() -> tuple[list[str], str]:
    if (MUC4 / "processed_grit_ree" / "dev.json").is_file():
        from emberwatch.evaluate.muc4_data import load_grit

        return [d.text for d in load_grit(MUC4, "dev")], "MUC-4 dev (200 documents)"
    return [SYNTHETIC * (2 + i % 5) for i in range(200)], "200 synthetic English reports"


def _cpu_seconds(fn) -> float:  # type: ignore[no-untyped-def]
    started = time.process_time()
    fn()
    return time.process_time() - started


def run() -> list[dict]:
    import spacy

    from emberwatch.extract.roles import fill_roles, load_role_resources, trigger_anchors

    texts, label = _texts()
    resources = load_role_resources()
    anchors = [trigger_anchors(text, resources) for text in texts]
    roles = _cpu_seconds(lambda: [fill_roles(t, a, resources) for t, a in zip(texts, anchors, strict=True)])
    nlp = spacy.blank("en")
    tokenizer = _cpu_seconds(lambda: [nlp.tokenizer(t) for t in texts])
    return [
        {"benchmark": "role filler (fill_roles)", "value": round(len(texts) / roles, 1),
         "unit": "documents/CPU-second", "notes": f"{label}, anchors from its trigger list"},
        {"benchmark": "spaCy blank English tokenizer", "value": round(len(texts) / tokenizer, 1),
         "unit": "documents/CPU-second", "notes": f"{label}, same texts"},
    ]  # fmt: skip


if __name__ == "__main__":
    for row in run():
        print(row)
