"""One exception hierarchy for emberwatch.

Every message names the file/field at fault and says how to fix it. The CLI turns these into a
one-line error and a non-zero exit; the web app maps them to JSON errors.
"""

from __future__ import annotations


class EmberwatchError(Exception):
    """Base class for every error emberwatch raises on purpose."""

    exit_code = 1


class ConfigError(EmberwatchError):
    """A setting or a settings file is invalid."""

    exit_code = 2


class InputError(EmberwatchError):
    """An input file, URL, record or argument cannot be used."""

    exit_code = 3


class CodebookError(EmberwatchError):
    """The codebook YAML is missing, malformed or fails validation."""

    exit_code = 4


class StoreError(EmberwatchError):
    """The database cannot be opened, migrated or written."""

    exit_code = 5


class GazetteerError(EmberwatchError):
    """The gazetteer index cannot be built or loaded."""

    exit_code = 6


class NotFoundError(EmberwatchError):
    """A requested record (event, document, area...) does not exist."""

    exit_code = 7
