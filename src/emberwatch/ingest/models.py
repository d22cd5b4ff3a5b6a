"""Typed records of the ingest stage: options, what readers produce, and the per-input report."""

from __future__ import annotations

import codecs
from datetime import date
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, computed_field, field_validator

from emberwatch.errors import InputError
from emberwatch.models import Language


class FieldMapping(BaseModel):
    """Which JSONL keys / CSV columns hold each document field (see docs/ingest.md)."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(default="text", description="Column with the article text (required).")
    title: str = Field(default="title", description="Column with the title.")
    date: str = Field(default="published", description="Column with the publication date.")
    id: str = Field(default="id", description="Column with the record's own id (kept as metadata).")
    url: str = Field(default="url", description="Column with the article URL.")
    language: str = Field(default="language", description="Column with an ISO language code.")
    source: str = Field(default="source", description="Column naming the outlet or dataset.")


class IngestOptions(BaseModel):
    """How ``ingest()`` reads its inputs; every field has a safe default."""

    model_config = ConfigDict(extra="forbid")

    allow_private: bool = Field(
        default=False,
        description="Fetch URLs on private, loopback, link-local or reserved addresses (off: SSRF guard).",
    )
    fields: FieldMapping = Field(default_factory=FieldMapping, description="JSONL/CSV column mapping.")
    published: date | None = Field(
        default=None, description="Publication date for documents that carry none."
    )
    language: Language | None = Field(
        default=None, description="Force this language instead of detecting it."
    )
    encoding: str | None = Field(
        default=None,
        description="Decode text inputs with this codec (e.g. cp1256) instead of requiring UTF-8.",
    )
    reader: str | None = Field(
        default=None, description="Use this reader for every file instead of choosing by extension."
    )
    batch_size: int = Field(default=500, ge=1, le=100_000, description="Documents per transaction.")

    @field_validator("encoding")
    @classmethod
    def _known_codec(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                codecs.lookup(value)
            except LookupError:
                raise ValueError(f"unknown encoding {value!r}; use a Python codec such as cp1256") from None
        return value


def options_from(**values: Any) -> IngestOptions:
    """Options from keyword arguments; ``text_field="body"`` etc. set the column mapping.

    Invalid values raise :class:`InputError` naming the option.
    """
    fields = {k.removesuffix("_field"): values.pop(k) for k in list(values) if k.endswith("_field")}
    try:
        if fields:
            values["fields"] = FieldMapping(**fields)
        return IngestOptions(**values)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'options'}: {e['msg']}" for e in exc.errors()
        )
        raise InputError(f"Invalid ingest options: {problems}") from exc


class RawRecord(BaseModel):
    """One document as a reader found it, before normalisation, hashing and language detection."""

    model_config = ConfigDict(extra="forbid")

    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    source: str | None = None
    language: Language | None = None
    location: str | None = Field(default=None, description="Where in the input, e.g. 'line 3'.")
    metadata: dict[str, str] = Field(default_factory=dict)
    warnings: list[str] = Field(default_factory=list)


class RecordProblem(BaseModel):
    """A part of an input (a JSONL line, a CSV row, a feed entry) that could not be read."""

    model_config = ConfigDict(extra="forbid")

    location: str
    reason: str


class InputStatus(StrEnum):
    added = "added"
    duplicate = "duplicate"
    failed = "failed"
    skipped = "skipped"


class InputResult(BaseModel):
    """What happened to one input (a file, a URL, or one bad line/row/entry inside an input)."""

    model_config = ConfigDict(extra="forbid")

    input: str = Field(description="File path or URL as discovered.")
    location: str | None = Field(default=None, description="Line/row/entry inside the input.")
    status: InputStatus
    reason: str | None = None
    document_ids: list[str] = Field(default_factory=list, description="Ids of documents added.")
    added: int = 0
    duplicates: int = 0
    warnings: list[str] = Field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{self.input} ({self.location})" if self.location else self.input


class IngestReport(BaseModel):
    """Per-input results of one ``ingest()`` call, with totals."""

    model_config = ConfigDict(extra="forbid")

    results: list[InputResult] = Field(default_factory=list)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def added(self) -> int:
        return sum(r.added for r in self.results)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def duplicates(self) -> int:
        return sum(r.duplicates for r in self.results)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def failed(self) -> int:
        return sum(r.status is InputStatus.failed for r in self.results)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def skipped(self) -> int:
        return sum(r.status is InputStatus.skipped for r in self.results)

    @property
    def ok(self) -> bool:
        """True when no input (or part of one) failed; skipped files do not count as failures."""
        return self.failed == 0

    @property
    def document_ids(self) -> list[str]:
        return [doc_id for r in self.results for doc_id in r.document_ids]

    @property
    def failures(self) -> list[InputResult]:
        """The failed results (whole inputs and single lines/rows/entries)."""
        return [r for r in self.results if r.status is InputStatus.failed]
