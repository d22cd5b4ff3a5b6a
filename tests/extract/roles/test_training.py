"""Retraining end to end on a tiny hand-written MUC-4-style corpus (no shared data needed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from emberwatch.extract.roles import fill_roles, load_role_resources, trigger_anchors
from emberwatch.extract.roles.training import train_and_save

TEMPLATES = [
    ("gunmen attacked the {t} with a {w} in the town .", "gunmen"),
    ("a {w} exploded at the {t} and the police blamed the gunmen .", "gunmen"),
    ("the army reported that rebels burned the {t} using {w} yesterday .", "rebels"),
]
TARGETS = ["bank", "bridge", "bus", "school", "embassy", "pylon"]
WEAPONS = ["bomb", "grenade", "dynamite", "rifle", "mortar", "rocket"]


def _corpus(folder: Path) -> Path:
    lines = []
    for i in range(24):
        sentence, perp = TEMPLATES[i % 3]
        t, w = TARGETS[i % 6], WEAPONS[(i // 2) % 6]
        text = sentence.format(t=t, w=w) + " the weather was calm and the market opened ."
        extracts = {
            "PerpInd": [[[perp, text.index(perp)]]],
            "PerpOrg": [],
            "Target": [[[t, text.index(t)]]],
            "Victim": [],
            "Weapon": [[[w, text.index(w)]]],
        }
        lines.append(json.dumps({"docid": f"DOC-{i:04d}", "doctext": text, "extracts": extracts}))
    path = folder / "processed_grit_ree"
    path.mkdir(parents=True)
    (path / "train.json").write_text("\n".join(lines) + "\n", "utf-8")
    return folder


@pytest.mark.slow
def test_training_retrains_and_model_fills_roles(tmp_path: Path) -> None:
    model_path = train_and_save(_corpus(tmp_path / "muc4"), tmp_path / "roles.pkl", c=10.0, span_c=10.0, folds=2)
    resources = load_role_resources(model_path, with_codebook=False)
    text = "gunmen attacked the bank with a grenade in the town ."
    (fillers,) = fill_roles(text, trigger_anchors(text, resources), resources)
    assert [s.text for s in fillers.weapons] == ["grenade"]
    assert [s.text for s in fillers.targets] == ["bank"]
