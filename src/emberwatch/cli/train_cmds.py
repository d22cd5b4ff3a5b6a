"""``emberwatch train``: retrain the components learned from shared data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from emberwatch.cli.app import app
from emberwatch.cli.common import console

train_app = typer.Typer(help="Retrain the learned extraction components.", no_args_is_help=True)
app.add_typer(train_app, name="train")


@train_app.command("roles")
def train_roles(
    muc4_dir: Annotated[Path | None, typer.Option(help="MUC-4 folder (default: $EMBERWATCH_SHARED_DATA/muc4).")] = None,
    out: Annotated[
        Path | None, typer.Option(help="Where to write the model (default: the packaged roles.pkl).")
    ] = None,
    c: Annotated[float, typer.Option("--c", help="Inverse L2 regularisation of the token tagger.")] = 0.3,
    span_c: Annotated[float, typer.Option("--span-c", help="Inverse L2 regularisation of the span classifier.")] = 1.0,
    cross_validate: Annotated[
        bool, typer.Option("--cross-validate", help="Only print 3-fold cross-validation scores (slow).")
    ] = False,
) -> None:
    """Retrain the role filler on MUC-4 train and save it (or cross-validate it)."""
    from emberwatch.evaluate.muc4_data import default_muc4_dir
    from emberwatch.extract.roles import training

    folder = muc4_dir or default_muc4_dir()
    if cross_validate:
        with console.status("3-fold cross-validation on MUC-4 train"):
            score = training.cross_validate(folder, c=c, span_c=span_c)
        for name, s in [*score.roles.items(), ("micro", score.micro)]:
            console.print(f"{name:8s} P {s.precision:5.1f}  R {s.recall:5.1f}  F1 {s.f1:5.1f}")
        return
    with console.status("training the role filler on MUC-4 train"):
        path = training.train_and_save(folder, out, c=c, span_c=span_c)
    console.print(f"role filler model written to {path}")
