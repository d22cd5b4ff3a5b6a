"""Docs that tests keep honest: CLI and settings references, README set-up commands."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import typer

from emberwatch.cli import app
from emberwatch.cli.reference import _walk, cli_reference, settings_reference

DOCS = Path(__file__).resolve().parents[1] / "docs"
README = Path(__file__).resolve().parents[1] / "README.md"


def _commands() -> list[tuple[list[str], Any]]:
    return _walk(typer.main.get_command(app), ["emberwatch"])


@pytest.mark.parametrize(("path", "command"), _commands(), ids=lambda v: " ".join(v) if isinstance(v, list) else "")
def test_docs_every_command_has_help(path: list[str], command: Any) -> None:
    assert (command.help or "").strip(), f"{' '.join(path)} has no help text"
    for param in command.params:
        if param.param_type_name == "option" and param.name != "help":
            assert param.help, f"{' '.join(path)} option {param.opts} has no help text"


def test_docs_cli_reference_is_current() -> None:
    committed = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert committed == cli_reference(), (
        "docs/cli.md is stale: run `.venv/bin/python -m emberwatch.cli.reference > docs/cli.md`"
    )


def test_docs_settings_reference_is_current() -> None:
    committed = (DOCS / "settings.md").read_text(encoding="utf-8")
    assert committed == settings_reference(), (
        "docs/settings.md is stale: run `.venv/bin/python -m emberwatch.cli.reference settings > docs/settings.md`"
    )


def test_docs_readme_opens_with_the_two_setup_commands() -> None:
    lines = [line.strip() for line in README.read_text(encoding="utf-8").splitlines()]
    commands = [line for line in lines[:40] if line.startswith("make ")]
    assert commands[:2] == ["make demo", "make test"]
