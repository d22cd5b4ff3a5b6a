"""Command-line interface: thin commands over the library (see docs/cli.md)."""

from __future__ import annotations

import importlib
import sys

from emberwatch.cli.app import app
from emberwatch.cli.common import err_console
from emberwatch.errors import EmberwatchError

# Each module registers its commands on ``app`` when imported.
COMMAND_MODULES = [
    "emberwatch.cli.store_cmds",
    "emberwatch.cli.extract_cmds",
    "emberwatch.cli.ingest_cmds",
    "emberwatch.cli.web_cmds",
    "emberwatch.cli.evaluate_cmds",
    "emberwatch.cli.consolidate_cmds",
    "emberwatch.cli.geo_cmds",
    "emberwatch.cli.train_cmds",
    "emberwatch.cli.analysis_cmds",
    "emberwatch.cli.demo_cmds",
    "emberwatch.cli.arabic_cmds",
]

for _module in COMMAND_MODULES:
    importlib.import_module(_module)


def main() -> None:
    """Console-script entry point: library errors become one line on stderr and an exit code."""
    try:
        app()
    except EmberwatchError as exc:
        err_console.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
        sys.exit(exc.exit_code)


__all__ = ["app", "main"]
