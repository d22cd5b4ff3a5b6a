"""The reader registry: each reader turns one input's bytes into raw records, chosen by name."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from emberwatch.errors import InputError
from emberwatch.ingest.models import IngestOptions, RawRecord, RecordProblem
from emberwatch.settings import Settings


@dataclass(frozen=True)
class Payload:
    """The bytes of one input plus where they came from."""

    name: str
    data: bytes
    url: str | None = None
    content_type: str | None = None


@dataclass(frozen=True)
class FollowUrl:
    """A reader found a URL that should be fetched and ingested as its own input (URL lists)."""

    url: str
    location: str


@dataclass(frozen=True)
class ReadContext:
    options: IngestOptions
    settings: Settings


ReaderItem = RawRecord | RecordProblem | FollowUrl
ReaderFunc = Callable[[Payload, ReadContext], Iterator[ReaderItem]]


@dataclass(frozen=True)
class ReaderSpec:
    name: str
    extensions: tuple[str, ...]
    content_types: tuple[str, ...]
    read: ReaderFunc
    description: str


READERS: dict[str, ReaderSpec] = {}


def register(
    name: str, extensions: tuple[str, ...], content_types: tuple[str, ...] = ()
) -> Callable[[ReaderFunc], ReaderFunc]:
    """Register ``func`` as the reader ``name`` for these file extensions and HTTP content types."""

    def decorator(func: ReaderFunc) -> ReaderFunc:
        doc = (func.__doc__ or "").strip().splitlines()
        READERS[name] = ReaderSpec(name, extensions, content_types, func, doc[0] if doc else name)
        return func

    return decorator


def get_reader(name: str) -> ReaderSpec:
    try:
        return READERS[name]
    except KeyError:
        raise InputError(f"Unknown reader {name!r}. Known readers: {', '.join(sorted(READERS))}.") from None


def reader_for_extension(suffix: str) -> ReaderSpec | None:
    suffix = suffix.lower()
    return next((spec for spec in READERS.values() if suffix in spec.extensions), None)


def reader_for_content_type(content_type: str) -> ReaderSpec | None:
    return next((spec for spec in READERS.values() if content_type in spec.content_types), None)


def known_extensions() -> list[str]:
    return sorted(ext for spec in READERS.values() for ext in spec.extensions)
