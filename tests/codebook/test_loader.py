"""The codebook loader and validator: readable problems, user folders, versions, the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from emberwatch.cli import app
from emberwatch.codebook import check_codebook, load_codebook
from emberwatch.errors import CodebookError

BROKEN_ACTORS = """\
- id: isis
  name: Islamic State
  kind: jihadist_group
- id: isis-sahel
  name: Islamic State Sahel Province
  kind: jihadist_group
  parent: isis
  aliases:
    en: [Sahel Province, ISGS fighters, Islamic State Sahel, ""]
- id: ghost-province
  name: Ghost Province
  kind: jihadist_group
  parent: nowhere
- id: copycat
  name: Copycat
  kind: militia
  aliases:
    en: [Islamic State]
  attributive:
    en: [coalition]
- id: other-coalition
  name: Other coalition
  kind: international_coalition
  attributive:
    en: [coalition]
- id: bad-kind
  name: Bad kind
  kind: army
"""


def test_loader_default_codebook_is_valid() -> None:
    assert check_codebook() == []
    codebook = load_codebook()
    assert {"isis", "iswap", "isis-sahel", "iskp", "sdf", "pmf"} <= {a.id for a in codebook.actors}
    assert codebook.mechanism_codes() == [
        "dispersed_operations",
        "social_ties",
        "redeployment",
        "funding",
        "sleeper_cells",
    ]
    assert "isis" in codebook.ancestors("isis-sahel")
    assert len(codebook.version) == 10


def test_loader_reports_readable_problems(tmp_path: Path) -> None:
    (tmp_path / "actors.yaml").write_text(BROKEN_ACTORS, encoding="utf-8")
    problems = check_codebook(tmp_path)
    assert "actors.yaml -> isis-sahel -> aliases -> en -> 3: empty string" in problems
    assert "actors.yaml -> ghost-province -> parent: unknown actor id 'nowhere'" in problems
    assert any(
        p.startswith("actors.yaml -> copycat -> aliases: 'islamic state' is also an alias") for p in problems
    )
    assert any(p.startswith("actors.yaml -> bad-kind -> kind: Input should be") for p in problems)
    assert "actors.yaml -> other-coalition -> attributive: 'coalition' is also attributive of 'copycat'" in problems
    with pytest.raises(CodebookError, match="problem"):
        load_codebook(tmp_path)


def test_loader_user_folder_overrides_files_and_changes_version(tmp_path: Path) -> None:
    (tmp_path / "actors.yaml").write_text(BROKEN_ACTORS.split("- id: isis-sahel")[0], encoding="utf-8")
    codebook = load_codebook(tmp_path)
    assert [a.id for a in codebook.actors] == ["isis"]
    assert codebook.event_types == load_codebook().event_types
    assert codebook.version != load_codebook().version


def test_loader_unknown_mechanism_in_indicators(tmp_path: Path) -> None:
    (tmp_path / "indicators.yaml").write_text(
        "- {id: n-attacks, mechanism: telepathy, name: Attacks, kind: count}\n", encoding="utf-8"
    )
    problems = check_codebook(tmp_path)
    assert any(
        "indicators.yaml -> n-attacks -> mechanism: unknown mechanism code 'telepathy'" in p for p in problems
    )


def test_loader_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    (tmp_path / "weapons.yaml").write_text("- id: gun\n  name: [unclosed\n", encoding="utf-8")
    assert any(p.startswith("weapons.yaml line") for p in check_codebook(tmp_path))


def test_loader_cli_check_exits_non_zero(tmp_path: Path) -> None:
    (tmp_path / "actors.yaml").write_text(BROKEN_ACTORS, encoding="utf-8")
    runner = CliRunner()
    bad = runner.invoke(app, ["codebook", "check", str(tmp_path)])
    assert bad.exit_code == 1
    assert "ghost-province -> parent" in bad.output
    good = runner.invoke(app, ["codebook", "check"])
    assert good.exit_code == 0, good.output


def test_loader_cli_show_lists_entries() -> None:
    result = CliRunner().invoke(app, ["codebook", "show", "mechanisms", "--format", "csv"])
    assert result.exit_code == 0
    assert "sleeper_cells" in result.output


def test_loader_indicator_selector_needs_known_event_types(tmp_path: Path) -> None:
    (tmp_path / "indicators.yaml").write_text(
        "- {id: n-bombs, mechanism: funding, name: Bombs, kind: count, select: {event_types: [bombng]}}\n",
        encoding="utf-8",
    )
    problems = check_codebook(tmp_path)
    assert any(p.startswith("indicators.yaml -> n-bombs -> select -> event_types: unknown event type 'bombng'")
               for p in problems)


def test_loader_branch_names_are_made_from_the_parent_names() -> None:
    codebook = load_codebook()
    yemen = codebook.actor("is-yemen")
    assert yemen is not None
    english = codebook.actor_names(yemen, "en")
    assert "Islamic State's Yemen branch" in english
    assert "Yemeni affiliate of ISIS" in english and "Yemen branch of the Islamic State" in english
    assert "الفرع اليمني لتنظيم الدولة الإسلامية" in codebook.actor_names(yemen, "ar")
    assert "الفرع اليمني للدولة الإسلامية" in codebook.actor_names(yemen, "ar")  # ل + ال is written لل
    # members of the parent make no branch name; an actor without a parent keeps its own aliases only
    assert not any("militants's" in name or "fighters's" in name for name in english)
    isis = codebook.actor("isis")
    assert isis is not None and codebook.actor_names(isis, "en") == isis.aliases.en
