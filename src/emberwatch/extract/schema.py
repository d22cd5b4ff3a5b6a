"""JSON Schema of one ``emberwatch extract`` output line (``docs/extract-output.schema.json``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from emberwatch.models import DocumentExtraction


def output_json_schema() -> dict[str, Any]:
    """The schema generated from :class:`DocumentExtraction` (serialisation mode)."""
    schema = DocumentExtraction.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "emberwatch extract output line"
    return schema


def write_output_schema(path: Path) -> None:
    path.write_text(json.dumps(output_json_schema(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
