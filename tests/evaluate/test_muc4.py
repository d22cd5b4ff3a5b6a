"""MUC-4 evaluation: GRIT scorer, raw-key parser, docs section writer and a CLI smoke test."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from emberwatch.cli import app
from emberwatch.evaluate.grit import GritScore, score_role
from emberwatch.evaluate.muc4 import update_docs_section
from emberwatch.evaluate.muc4_keys import parse_key_templates


@pytest.mark.parametrize(
    ("predicted", "gold", "p", "r"),
    [
        (["The Army", "rebels"], [["army", "the army"], ["guerrillas"]], 50.0, 50.0),
        (["army", "the  army"], [["army", "the army"]], 100.0, 100.0),
        ([], [["army"]], 0.0, 0.0),
        (["bomb", "Bomb ", "dynamite"], [["bomb"], ["dynamite"], ["rifle"], ["mortar"]], 100.0, 50.0),
    ],
)
def test_muc4_grit_score_role(predicted: list[str], gold: list[list[str]], p: float, r: float) -> None:
    score = score_role(predicted, gold)
    assert (score.precision, score.recall) == (p, r)


def test_muc4_grit_micro_average() -> None:
    scores = GritScore()
    scores.add_document({"PerpInd": ["gunmen"], "Weapon": ["bomb", "knife"]},
                        {"PerpInd": [["gunmen"]], "Weapon": [["bomb"]], "Victim": [["a judge"]]})  # fmt: skip
    micro = scores.micro
    assert (micro.correct, micro.predicted, micro.found, micro.gold) == (2, 3, 2, 3)
    assert round(micro.f1, 2) == 66.67


KEY = """0.  MESSAGE: ID                     TST9-MUC4-0001
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  - 14 MAR 90
3.  INCIDENT: LOCATION              NARNIA: NORTH (DEPARTMENT): CAIR PARAVEL (CITY)
4.  INCIDENT: TYPE                  BOMBING
18. HUM TGT: NAME                   "ALDO RAYE"
19. HUM TGT: DESCRIPTION            "FARMERS"
21. HUM TGT: NUMBER                 3: "FARMERS"
23. HUM TGT: EFFECT OF INCIDENT     DEATH: "FARMERS"
                                    DEATH: "ALDO RAYE"

0.  MESSAGE: ID                     TST9-MUC4-0002
1.  MESSAGE: TEMPLATE               *
2.  INCIDENT: DATE                  *
"""


def test_muc4_parse_key_templates() -> None:
    (template,) = parse_key_templates(KEY)
    assert template.docid == "TST9-MUC4-0001"
    assert template.dates == (date(1990, 3, 14),)
    assert (template.country, template.towns) == ("NARNIA", ("CAIR PARAVEL",))
    assert template.deaths == 4


def test_muc4_update_docs_section_keeps_other_sections(tmp_path: Path) -> None:
    path = tmp_path / "evaluation.md"
    path.write_text("# Evaluation\n\n## MUC-4\n\nold figures\n\n## Geoparsing\n\nkeep me\n", "utf-8")
    update_docs_section(path, "## MUC-4\n\nnew figures\n")
    text = path.read_text("utf-8")
    assert "new figures" in text and "old figures" not in text and "keep me" in text


@pytest.mark.shared_data
def test_muc4_cli_smoke(shared_data: Path) -> None:
    result = CliRunner().invoke(app, ["evaluate", "muc4", "--split", "dev", "--limit", "20", "--no-geo",
                                      "--muc4-dir", str(shared_data / "muc4")])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "micro" in result.output
