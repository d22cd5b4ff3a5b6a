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
    muc4_dir: Annotated[
        Path | None, typer.Option(help="MUC-4 folder (default: $EMBERWATCH_SHARED_DATA/muc4).")
    ] = None,
    out: Annotated[
        Path | None, typer.Option(help="Where to write the model (default: the packaged roles.pkl).")
    ] = None,
    c: Annotated[float, typer.Option("--c", help="Inverse L2 regularisation strength.")] = 0.3,
) -> None:
    """Retrain the role filler on MUC-4 train and save it."""
    from emberwatch.evaluate.muc4_data import default_muc4_dir
    from emberwatch.extract.roles.training import train_and_save

    with console.status("training the role filler on MUC-4 train"):
        path = train_and_save(muc4_dir or default_muc4_dir(), out, c=c)
    console.print(f"role filler model written to {path}")
