"""Expand the user's inputs (files, folders, URLs) into the list of inputs to read.

Folder walks are recursive and sorted. They ignore hidden files and folders, files named
``README*``, ``NOTICE*``, ``LICENSE*``, ``COPYING*`` or ``CHANGELOG*`` (documentation that ships
beside a corpus), and paths matching the glob patterns of any ``.emberwatchignore`` file in the
walked folders. Files with an extension no reader handles are reported as skipped. A file named
explicitly is always read.
"""

from __future__ import annotations

import fnmatch
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from emberwatch.ingest.fetch import is_url
from emberwatch.ingest.models import InputResult, InputStatus
from emberwatch.ingest.readers import known_extensions, reader_for_extension

log = logging.getLogger(__name__)

IGNORE_FILE = ".emberwatchignore"
DOC_FILE_PREFIXES = ("readme", "notice", "license", "licence", "copying", "changelog")


@dataclass(frozen=True)
class InputRef:
    """One file or URL to read; ``explicit`` when the user named it (not found in a folder walk)."""

    value: str
    is_url: bool
    explicit: bool


def discover(inputs: list[str], forced_reader: bool = False) -> tuple[list[InputRef], list[InputResult]]:
    """Inputs to read, plus results for inputs that were skipped or do not exist."""
    refs: list[InputRef] = []
    results: list[InputResult] = []
    for raw in inputs:
        if is_url(raw):
            refs.append(InputRef(raw, is_url=True, explicit=True))
            continue
        path = Path(raw).expanduser()
        if path.is_dir():
            walked, skipped = walk_folder(path, forced_reader)
            refs.extend(walked)
            results.extend(skipped)
        elif path.is_file():
            refs.append(InputRef(str(path), is_url=False, explicit=True))
        else:
            results.append(InputResult(
                input=raw, status=InputStatus.failed,
                reason=f"{raw}: no such file, folder or http(s) URL.",
            ))  # fmt: skip
    return refs, results


def walk_folder(root: Path, forced_reader: bool = False) -> tuple[list[InputRef], list[InputResult]]:
    """Every readable file under ``root`` (sorted), and a skipped result per unknown extension."""
    refs: list[InputRef] = []
    skipped: list[InputResult] = []
    patterns: list[tuple[Path, str]] = []
    for dirpath, dirnames, filenames in os.walk(root):
        folder = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        patterns.extend((folder, p) for p in _ignore_patterns(folder / IGNORE_FILE))
        dirnames[:] = [d for d in dirnames if not _ignored(folder / d, patterns)]
        for name in sorted(filenames):
            path = folder / name
            if _hidden_or_doc(name) or _ignored(path, patterns):
                log.debug("ignored %s", path)
                continue
            if forced_reader or reader_for_extension(path.suffix):
                refs.append(InputRef(str(path), is_url=False, explicit=False))
            else:
                skipped.append(InputResult(
                    input=str(path), status=InputStatus.skipped,
                    reason=f"no reader for extension {path.suffix or '(none)'!r}; "
                    f"known: {', '.join(known_extensions())}",
                ))  # fmt: skip
    return refs, skipped


def _hidden_or_doc(name: str) -> bool:
    lower = name.lower()
    return lower.startswith(".") or lower.startswith(DOC_FILE_PREFIXES)


def _ignore_patterns(path: Path) -> list[str]:
    if not path.is_file():
        return []
    lines = (line.strip() for line in path.read_text(encoding="utf-8", errors="replace").splitlines())
    return [line.rstrip("/") for line in lines if line and not line.startswith("#")]


def _ignored(path: Path, patterns: list[tuple[Path, str]]) -> bool:
    """True when ``path`` matches a pattern of an ``.emberwatchignore`` in one of its parent folders."""
    for base, pattern in patterns:
        try:
            relative = path.relative_to(base).as_posix()
        except ValueError:
            continue
        if fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(path.name, pattern):
            return True
    return False
