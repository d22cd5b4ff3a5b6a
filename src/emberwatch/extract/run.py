"""Run extraction over JSON lines files and over the store (the two entry points of the stage)."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from pydantic import ValidationError

from emberwatch.errors import InputError
from emberwatch.extract.pipeline import ExtractResources, extract_document
from emberwatch.models import DocumentExtraction, ExtractInput, Language
from emberwatch.store.actors import sync_actors
from emberwatch.store.database import Store
from emberwatch.store.mentions import extracted_document_ids, save_extractions

log = logging.getLogger(__name__)

ProgressFn = Callable[[int, int], None]
Runner = Callable[[list[ExtractInput]], list[DocumentExtraction]]
BATCH = 200


@dataclass
class LineProblem:
    line: int
    message: str


@dataclass
class ExtractJsonlReport:
    documents: int = 0
    events: int = 0
    problems: list[LineProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class ExtractStoreReport:
    documents: int = 0
    events: int = 0
    skipped: int = 0
    extractor_version: str = ""


def read_inputs(lines: IO[str], report: ExtractJsonlReport) -> Iterator[ExtractInput]:
    """Validated input records; a bad line is recorded with its number and skipped."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield ExtractInput.model_validate_json(line)
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(p) for p in e['loc']) or 'line'}: {e['msg']}" for e in exc.errors()
            )
            report.problems.append(LineProblem(number, problems))
            log.debug("line %d skipped: %s", number, problems)


def extract_jsonl(
    source: Path, out: Path, resources: ExtractResources, progress: ProgressFn | None = None
) -> ExtractJsonlReport:
    """Extract every line of ``source`` into ``out`` (one DocumentExtraction per line, same order)."""
    if not source.is_file():
        raise InputError(f"Input file {source} not found; pass a JSON lines file with id and text fields.")
    report = ExtractJsonlReport()
    out.parent.mkdir(parents=True, exist_ok=True)
    with source.open(encoding="utf-8") as lines, out.open("w", encoding="utf-8") as sink:
        for inp in read_inputs(lines, report):
            result = extract_document(inp, resources)
            sink.write(json.dumps(result.model_dump(mode="json"), ensure_ascii=False) + "\n")
            report.documents += 1
            report.events += len(result.events)
            if progress is not None:
                progress(report.documents, 0)
    return report


def _pending(store: Store, version: str, force: bool) -> list[str]:
    ids = [r[0] for r in store.execute("SELECT id FROM documents ORDER BY id").fetchall()]
    if force:
        return ids
    done = extracted_document_ids(store, version)
    return [i for i in ids if i not in done]


def _inputs(store: Store, ids: list[str]) -> Iterator[ExtractInput]:
    rows = store.execute(
        "SELECT id, text, published, language, title FROM documents WHERE list_contains(?, id) ORDER BY id",
        [ids],
    ).fetchall()
    for doc_id, text, published, language, title in rows:
        lang = Language(language) if language in {"en", "ar"} else None
        yield ExtractInput(id=doc_id, text=text, published=published, language=lang, title=title)


def extract_store(
    store: Store,
    resources: ExtractResources,
    force: bool = False,
    progress: ProgressFn | None = None,
    runner: Runner | None = None,
    batch_size: int = BATCH,
) -> ExtractStoreReport:
    """Extract every document not yet extracted with this extractor version (all with ``force``).

    ``runner`` maps a batch of inputs to results; the default runs in this process, and
    :func:`emberwatch.distributed.dask_runner` runs the same pure function on a Dask cluster.
    Each batch is saved in one transaction, so an interrupted run keeps only whole batches.
    """
    version = resources.extractor_version
    sync_actors(store, resources.codebook)
    pending = _pending(store, version, force)
    report = ExtractStoreReport(skipped=store.count("documents") - len(pending), extractor_version=version)
    run = runner or (lambda inputs: [extract_document(inp, resources) for inp in inputs])
    for offset in range(0, len(pending), batch_size):
        inputs = list(_inputs(store, pending[offset : offset + batch_size]))
        batch = [(inp.id, result) for inp, result in zip(inputs, run(inputs), strict=True)]
        report.events += sum(len(result.events) for _, result in batch)
        save_extractions(store, batch, version)
        report.documents += len(batch)
        if progress is not None:
            progress(report.documents, len(pending))
    return report
