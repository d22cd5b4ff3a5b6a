"""``emberwatch evaluate arabic``: ASSAULT detection and place/organisation recognition in Arabic."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from emberwatch.cli.common import console
from emberwatch.cli.evaluate_cmds import evaluate_app


@evaluate_app.command("arabic")
def evaluate_arabic_cmd(
    task: Annotated[
        str,
        typer.Option(
            help="assault (sentence event detection), ner (places, organisations) or parallel "
            "(Arabic/English demo-corpus pairs)."
        ),
    ],
    data: Annotated[
        Path | None,
        typer.Option(help="Gold file (default: the dev file under $EMBERWATCH_SHARED_DATA or ../shared/data)."),
    ] = None,
    detector: Annotated[
        list[str] | None,
        typer.Option(
            help="ASSAULT detectors: rules, rules-casualties, cv (k-fold classifier), model (shipped file); "
            "default all but model. NER: rules, cv (k-fold CRF), model (shipped CRF), pipeline (geoparser and "
            "organisation rules with the CRF); default rules. Repeatable."
        ),
    ] = None,
    folds: Annotated[int, typer.Option(help="Cross-validation folds for the cv detector.")] = 5,
    retrain: Annotated[
        bool, typer.Option("--retrain", help="Train the ASSAULT classifier or NER CRF on DATA, save it to --model.")
    ] = False,
    model: Annotated[Path | None, typer.Option(help="ASSAULT or NER model file (default: the shipped one).")] = None,
    markdown: Annotated[bool, typer.Option("--markdown", help="Print a Markdown table instead.")] = False,
) -> None:
    """Precision/recall/F1 of the Arabic rules on ASSAULT and NewsFANE; agreement of translation pairs."""
    from emberwatch.evaluate import arabic

    path = data or arabic.default_data(task)
    model_path = model or arabic.MODEL_PATH
    command = f"emberwatch evaluate arabic --task {task}"
    if task == "assault" and retrain:
        arabic.train_assault_model(path, model_path)
        console.print(f"saved {model_path}")
        return
    if task == "assault":
        detectors = detector or ["rules", "rules-casualties", "cv"]
        report = arabic.evaluate_assault(path, detectors, folds, model_path)
        command += "".join(f" --detector {d}" for d in detectors) if detector else ""
        text = arabic.assault_markdown(report, command)
        scores = report.scores
    elif task == "parallel":
        from emberwatch.extract.pipeline import load_resources
        from emberwatch.settings import get_settings

        rows = arabic.parallel_agreement(path, load_resources(get_settings(), with_roles=False))
        command += f" --data {data}" if data else ""
        typer.echo(arabic.parallel_markdown(rows, command, path))
        return
    else:
        from emberwatch.cli.geo_cmds import load_geoparser

        ner_model = model or arabic.NER_MODEL_PATH
        if retrain:
            c1, c2 = arabic.train_ner_model(path, ner_model, load_geoparser().gazetteer)
            console.print(f"saved {ner_model} (c1={c1}, c2={c2})")
            return
        ner = arabic.evaluate_ner(
            path, load_geoparser(), detectors=detector or ["rules"], folds=folds, model_path=ner_model
        )
        command += "".join(f" --detector {d}" for d in detector or [])
        text, scores = arabic.ner_markdown(ner, command), ner.scores
    if markdown:
        typer.echo(text)
        return
    table = Table(title=f"Arabic {task}: {path.name}")
    for column in ("", "precision", "recall", "F1", "TP / FP / FN"):
        table.add_column(column, justify="left" if not column else "right")
    for name, s in scores.items():
        table.add_row(name, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", f"{s.tp} / {s.fp} / {s.fn}")
    console.print(table)
