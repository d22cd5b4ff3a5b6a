"""Run extraction over JSON lines files and over the store (the two entry points of the stage)."""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from pydantic import ValidationError

from emberwatch.errors import InputError
from emberwatch.extract.pipeline import ExtractResources, extract_document
from emberwatch.geo.home import HOME_MIN_DOCUMENTS, Province, homes_by_document, outlet, provinces_named
from emberwatch.models import DocumentExtraction, ExtractInput, HomeArea, Language, LocationPrecision
from emberwatch.store.actors import sync_actors
from emberwatch.store.database import Store
from emberwatch.store.mentions import extracted_document_ids, located_provinces, save_extractions

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
    homes: int = 0  # extracted documents given their outlet's home area


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


def learn_source_homes(
    parsed: Iterable[tuple[str, str, frozenset[Province]]],
    known: Sequence[tuple[str, frozenset[Province]]] = (),
) -> dict[str, HomeArea]:
    """The home area of each report's outlet (:mod:`emberwatch.geo.home`), learnt from the provinces
    named in the outlet's other reports. ``parsed``: (id, outlet, provinces named) of the reports to
    give a home (:func:`provinces_of`); ``known``: (outlet, provinces named) of other reports of the
    collection whose places are already known (stored), which count as evidence too. Returns report
    id -> home area for the reports of ``parsed`` that have one."""
    items = list(parsed)  # ids and province names only: small whatever the texts
    homes = homes_by_document([*((name, provinces) for _id, name, provinces in items), *known])[: len(items)]
    found = {doc_id: home for (doc_id, _name, _p), home in zip(items, homes, strict=True) if home is not None}
    if found:
        log.info("source home areas for %d of %d reports", len(found), len(items))
    return found


def provinces_of(
    reports: Iterable[tuple[str, str, str]], resources: ExtractResources
) -> Iterator[tuple[str, str, frozenset[Province]]]:
    """(id, outlet, provinces named) of each (id, outlet, text), geoparsed one at a time without a home."""
    geoparser = resources.geoparser
    assert geoparser is not None
    for doc_id, name, text in reports:
        yield doc_id, name, provinces_named(geoparser.geoparse(text, Language.other, None))


def _outlet_of(inp: ExtractInput) -> str | None:
    """The outlet of a JSON lines input, None when the line names neither source nor url."""
    if not (inp.source or inp.url):
        return None
    return outlet(inp.source or "", inp.url)


def extract_jsonl(
    source: Path, out: Path, resources: ExtractResources, progress: ProgressFn | None = None
) -> ExtractJsonlReport:
    """Extract every line of ``source`` into ``out`` (one DocumentExtraction per line, same order).

    Lines that name their ``source`` or ``url`` and give no ``home`` get their outlet's home area
    learnt from the other lines of the same outlet (a first pass over the file)."""
    if not source.is_file():
        raise InputError(f"Input file {source} not found; pass a JSON lines file with id and text fields.")
    homes = _jsonl_homes(source, resources)
    report = ExtractJsonlReport()
    out.parent.mkdir(parents=True, exist_ok=True)
    with source.open(encoding="utf-8") as lines, out.open("w", encoding="utf-8") as sink:
        for inp in read_inputs(lines, report):
            if inp.id in homes and inp.home is None:
                inp = inp.model_copy(update={"home": homes[inp.id]})
            result = extract_document(inp, resources)
            sink.write(json.dumps(result.model_dump(mode="json"), ensure_ascii=False) + "\n")
            report.documents += 1
            report.events += len(result.events)
            if progress is not None:
                progress(report.documents, 0)
    return report


def _jsonl_homes(source: Path, resources: ExtractResources) -> dict[str, HomeArea]:
    """Home areas for the lines of ``source`` that name their outlet and give no home: one pass
    counts the outlets, a second geoparses the lines of outlets with more than
    :data:`HOME_MIN_DOCUMENTS` lines (streamed: only ids and province names are kept)."""
    if resources.geoparser is None or not resources.source_homes:
        return {}
    sizes: Counter[str] = Counter()
    with source.open(encoding="utf-8") as lines:
        for inp in read_inputs(lines, ExtractJsonlReport()):
            name = _outlet_of(inp)
            if name is not None and inp.home is None:
                sizes[name] += 1
    if not any(n > HOME_MIN_DOCUMENTS for n in sizes.values()):
        return {}
    with source.open(encoding="utf-8") as lines:
        local = (
            (inp.id, name, inp.text)
            for inp in read_inputs(lines, ExtractJsonlReport())
            if inp.home is None and (name := _outlet_of(inp)) is not None and sizes[name] > HOME_MIN_DOCUMENTS
        )
        return learn_source_homes(provinces_of(local, resources))


def _pending(store: Store, version: str, force: bool) -> list[str]:
    ids = [r[0] for r in store.execute("SELECT id FROM documents ORDER BY id").fetchall()]
    if force:
        return ids
    done = extracted_document_ids(store, version)
    return [i for i in ids if i not in done]


def _inputs(store: Store, ids: list[str], homes: dict[str, HomeArea]) -> Iterator[ExtractInput]:
    rows = store.execute(
        "SELECT id, text, published, language, title, source, url FROM documents "
        "WHERE list_contains(?, id) ORDER BY id",
        [ids],
    ).fetchall()
    for doc_id, text, published, language, title, source, url in rows:
        lang = Language(language) if language in {"en", "ar"} else None
        yield ExtractInput(
            id=doc_id,
            text=text,
            published=published,
            language=lang,
            title=title,
            source=source,
            url=url,
            home=homes.get(doc_id),
        )


def _store_homes(store: Store, pending: list[str], resources: ExtractResources) -> dict[str, HomeArea]:
    """Home areas for the pending documents, learnt from all stored documents of their outlets: the
    pending ones are geoparsed, the others give the places stored by their last extraction with the
    geoparser (documents extracted without it are left out)."""
    if not pending or resources.geoparser is None or not resources.source_homes:
        return {}
    rows = store.execute("SELECT id, source, url FROM documents").fetchall()
    outlets = {doc_id: outlet(source or "", url) for doc_id, source, url in rows}
    todo = set(pending)
    wanted = {outlets[i] for i in todo if i in outlets}
    sizes = Counter(name for name in outlets.values() if name in wanted)
    members = [i for i, name in outlets.items() if sizes[name] > HOME_MIN_DOCUMENTS]
    if not members:
        return {}
    to_parse = sorted(i for i in members if i in todo)
    done = sorted(i for i in members if i not in todo)
    known = located_provinces(store, done, LocationPrecision.admin1) if done else {}
    evidence = [(outlets[i], provinces) for i, provinces in known.items()]
    return learn_source_homes(provinces_of(_texts(store, to_parse, outlets), resources), evidence)


def _texts(store: Store, ids: list[str], outlets: dict[str, str]) -> Iterator[tuple[str, str, str]]:
    """(id, outlet, text) of the documents ``ids``, read :data:`BATCH` at a time."""
    for offset in range(0, len(ids), BATCH):
        batch = ids[offset : offset + BATCH]
        rows = store.execute("SELECT id, text FROM documents WHERE list_contains(?, id)", [batch]).fetchall()
        for doc_id, text in rows:
            yield doc_id, outlets[doc_id], text


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
    homes = _store_homes(store, pending, resources)
    report.homes = sum(i in homes for i in pending)
    run = runner or (lambda inputs: [extract_document(inp, resources) for inp in inputs])
    for offset in range(0, len(pending), batch_size):
        inputs = list(_inputs(store, pending[offset : offset + batch_size], homes))
        batch = [(inp.id, result) for inp, result in zip(inputs, run(inputs), strict=True)]
        report.events += sum(len(result.events) for _, result in batch)
        save_extractions(store, batch, version)
        report.documents += len(batch)
        if progress is not None:
            progress(report.documents, len(pending))
    return report
