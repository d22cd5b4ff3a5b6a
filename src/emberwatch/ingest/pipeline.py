"""The ingest stage: inputs -> readers -> normalised, deduplicated documents -> batched writes.

Documents are written in batches of ``IngestOptions.batch_size``, each in one transaction, so a
crash leaves only whole batches. A bad input (or a bad line/row/entry) becomes a failed result and
the run goes on; only unexpected errors (bugs) stop it.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from emberwatch.errors import EmberwatchError, InputError
from emberwatch.ingest.discover import InputRef, discover
from emberwatch.ingest.fetch import fetch
from emberwatch.ingest.language import detect_language
from emberwatch.ingest.models import (
    IngestOptions,
    IngestReport,
    InputResult,
    InputStatus,
    RawRecord,
    RecordProblem,
)
from emberwatch.ingest.readers import (
    FollowUrl,
    Payload,
    ReadContext,
    ReaderSpec,
    get_reader,
    known_extensions,
    reader_for_content_type,
    reader_for_extension,
)
from emberwatch.ingest.readers.feed import looks_like_feed
from emberwatch.ingest.text import content_hash, document_id, normalise_text
from emberwatch.models import Document
from emberwatch.settings import Settings, get_settings
from emberwatch.store import Store
from emberwatch.store.documents import existing_hashes, insert_documents

log = logging.getLogger(__name__)

ProgressCallback = Callable[[str, int, int], None]


def ingest(
    store: Store,
    inputs: list[str],
    options: IngestOptions | None = None,
    settings: Settings | None = None,
    progress: ProgressCallback | None = None,
) -> IngestReport:
    """Read files, folders (recursively), feeds, URL lists and URLs into the ``documents`` table.

    Exact duplicates (same normalised text) already stored or seen earlier in the run are counted,
    not stored again, so re-ingesting an input adds nothing. ``progress(stage, done, total)`` is
    called after each input.
    """
    options = options or IngestOptions()
    settings = settings or get_settings()
    if options.reader:
        get_reader(options.reader)
    ctx = ReadContext(options=options, settings=settings)
    queue, results = discover(inputs, forced_reader=options.reader is not None)
    writer = _BatchWriter(store, options.batch_size)
    visited: set[str] = set()
    done = 0
    while done < len(queue):
        ref = queue[done]
        done += 1
        results.extend(_ingest_one(ref, ctx, writer, queue, visited))
        if progress:
            progress("ingest", done, len(queue))
    writer.flush()
    for result in results:
        _settle_status(result)
    report = IngestReport(results=[r for r in results if not _is_empty_container(r)])
    log.info("ingest: %d added, %d duplicates, %d failed", report.added, report.duplicates, report.failed)
    return report


@dataclass
class _BatchWriter:
    """Collects new documents and writes them in all-or-nothing batches, deduplicating by hash."""

    store: Store
    batch_size: int
    seen: set[str] = field(default_factory=set)
    pending: list[tuple[Document, InputResult]] = field(default_factory=list)

    def add(self, doc: Document, result: InputResult) -> None:
        if doc.content_hash in self.seen:
            result.duplicates += 1
            return
        self.seen.add(doc.content_hash)
        self.pending.append((doc, result))
        if len(self.pending) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        stored = existing_hashes(self.store, (doc.content_hash for doc, _ in self.pending))
        new = [(doc, result) for doc, result in self.pending if doc.content_hash not in stored]
        insert_documents(self.store, [doc for doc, _ in new])
        for doc, result in self.pending:
            if doc.content_hash in stored:
                result.duplicates += 1
            else:
                result.added += 1
                result.document_ids.append(doc.id)
        log.info("stored a batch of %d documents (%d already present)", len(new), len(stored))
        self.pending = []


def _ingest_one(
    ref: InputRef, ctx: ReadContext, writer: _BatchWriter, queue: list[InputRef], visited: set[str]
) -> list[InputResult]:
    """Read one input; returns its result followed by results for its bad lines/rows/entries."""
    result = InputResult(input=ref.value, status=InputStatus.added)
    key = ref.value if ref.is_url else str(Path(ref.value).resolve())
    if key in visited:
        result.status, result.reason = InputStatus.duplicate, "named more than once in this run"
        return [result]
    visited.add(key)
    extra: list[InputResult] = []
    parts = 0
    try:
        payload, spec = _load(ref, ctx)
        for item in spec.read(payload, ctx):
            parts += 1
            if isinstance(item, RecordProblem):
                extra.append(_problem(ref, item))
            elif isinstance(item, FollowUrl):
                queue.append(InputRef(item.url, is_url=True, explicit=True))
            else:
                _add_record(item, payload, spec, ctx, writer, result, extra)
        if not parts:
            raise InputError(f"{ref.value}: no documents found in this input.")
    except EmberwatchError as exc:
        result.status, result.reason = InputStatus.failed, str(exc)
    return [result, *extra]


def _add_record(
    raw: RawRecord,
    payload: Payload,
    spec: ReaderSpec,
    ctx: ReadContext,
    writer: _BatchWriter,
    result: InputResult,
    extra: list[InputResult],
) -> None:
    result.warnings.extend(raw.warnings)
    try:
        doc = build_document(raw, payload, spec.name, ctx.options)
    except InputError as exc:
        if raw.location is None:
            raise
        extra.append(
            InputResult(input=payload.name, location=raw.location, status=InputStatus.failed, reason=str(exc))
        )
        return
    writer.add(doc, result)


def build_document(raw: RawRecord, payload: Payload, reader: str, options: IngestOptions) -> Document:
    """Normalise, hash and label one raw record: the document exactly as it will be stored."""
    text = normalise_text(raw.text)
    if not text:
        raise InputError(
            f"{payload.name}{_at(raw.location)}: no text left after extraction; nothing to ingest."
        )
    digest = content_hash(text)
    metadata = {**raw.metadata, "reader": reader}
    metadata["fetched_url" if payload.url else "path"] = payload.url or payload.name
    return Document(
        id=document_id(digest),
        source=raw.source or payload.name,
        url=raw.url,
        title=_clean_title(raw.title),
        published=raw.published or options.published,
        language=options.language or raw.language or detect_language(text),
        text=text,
        content_hash=digest,
        ingested_at=datetime.now(UTC).replace(tzinfo=None),
        metadata=metadata,
    )


def _load(ref: InputRef, ctx: ReadContext) -> tuple[Payload, ReaderSpec]:
    """The input's bytes and the reader for them."""
    if ref.is_url:
        page = fetch(ref.value, ctx.settings, allow_private=ctx.options.allow_private)
        payload = Payload(name=ref.value, data=page.data, url=page.url, content_type=page.content_type)
        return payload, _reader_for_page(payload, ctx.options.reader)
    path = Path(ref.value)
    spec = get_reader(ctx.options.reader) if ctx.options.reader else reader_for_extension(path.suffix)
    if spec is None:
        raise InputError(
            f"{path}: no reader for extension {path.suffix or '(none)'!r}. Known: "
            f"{', '.join(known_extensions())}; or choose one with --reader."
        )
    return Payload(name=str(path), data=_read_file(path, ctx.settings)), spec


def _read_file(path: Path, settings: Settings) -> bytes:
    try:
        size = path.stat().st_size
        if size > settings.max_file_bytes:
            raise InputError(
                f"{path}: {size} bytes, over the max_file_bytes limit of {settings.max_file_bytes}; "
                "split the file or raise EMBERWATCH_MAX_FILE_BYTES."
            )
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read file ({exc.strerror or exc}).") from exc


def _reader_for_page(payload: Payload, forced: str | None) -> ReaderSpec:
    """Forced reader, else the reader for the Content-Type, the URL's extension, or sniffed bytes."""
    if forced:
        return get_reader(forced)
    by_type = reader_for_content_type(payload.content_type or "")
    if by_type is not None and by_type.name != "text":
        return by_type
    by_extension = reader_for_extension(Path(payload.url or "").suffix) if payload.url else None
    if by_extension is not None:
        return by_extension
    head = payload.data[:2048].lstrip().lower()
    if head.startswith(b"%pdf"):
        return get_reader("pdf")
    if looks_like_feed(payload.data) and b"<html" not in head:
        return get_reader("feed")
    if b"<html" in head or head.startswith(b"<!doctype html"):
        return get_reader("html")
    return by_type or get_reader("text")


def _problem(ref: InputRef, problem: RecordProblem) -> InputResult:
    return InputResult(
        input=ref.value, location=problem.location, status=InputStatus.failed, reason=problem.reason
    )


def _settle_status(result: InputResult) -> None:
    """Final status of a result once every batch is written."""
    if result.status is InputStatus.added and not result.added and result.duplicates:
        result.status = InputStatus.duplicate


def _is_empty_container(result: InputResult) -> bool:
    """A JSONL/feed/URL-list input that stored nothing: its parts are reported on their own rows."""
    return result.status is InputStatus.added and not result.added and not result.duplicates


def _clean_title(title: str | None) -> str | None:
    if not title:
        return None
    cleaned = " ".join(unicodedata.normalize("NFC", title).split())
    return cleaned or None


def _at(location: str | None) -> str:
    return f" ({location})" if location else ""
