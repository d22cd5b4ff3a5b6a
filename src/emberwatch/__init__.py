"""emberwatch: event data and adaptation indicators for militant groups after territorial defeat."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from emberwatch.workspace import Workspace, open_workspace

try:
    __version__ = version("emberwatch")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"

# ``emberwatch.open()`` is the documented entry point (it shadows the builtin only in this namespace).
open = open_workspace

__all__ = ["Workspace", "__version__", "open"]
