"""The Dask runner gives the same extractions as the in-process pipeline."""

from __future__ import annotations

import pytest

from emberwatch.distributed import DaskOptions, extract_distributed
from emberwatch.extract.pipeline import extract_document, load_resources
from emberwatch.models import ExtractInput
from emberwatch.settings import Settings

TEXTS = [
    "A car bomb killed at least 12 people at a market in Mosul on Tuesday, police said.",
    "Islamic State claimed an ambush that killed four soldiers near Palmyra.",
    "Gunmen kidnapped two truck drivers on the Baghdad-Kirkuk road and demanded a ransom.",
    "تبنى تنظيم داعش هجوما بعبوة ناسفة أسفر عن مقتل ثلاثة جنود قرب الميادين.",
    "Nothing happened here; the market reopened.",
]


@pytest.mark.slow
def test_runner_matches_in_process_extraction(settings: Settings) -> None:
    inputs = [ExtractInput(id=f"d{i}", text=t, published="2021-05-06") for i, t in enumerate(TEXTS)]
    options = DaskOptions(workers=2, chunk_size=2, with_geo=False, with_roles=False)
    distributed = extract_distributed(inputs, settings, options)
    local = load_resources(settings, with_geo=False, with_roles=False)
    expected = [extract_document(inp, local) for inp in inputs]
    assert [d.model_dump() for d in distributed] == [e.model_dump() for e in expected]
    assert any(d.events for d in distributed)
