"""Gazetteer and geocoding commands: ``gazetteer build``, ``gazetteer lookup``, ``geocode``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import pandas as pd
import typer

from emberwatch.cli.app import app
from emberwatch.cli.common import OutputFormat, console, print_frame, progress
from emberwatch.errors import InputError
from emberwatch.models import HomeArea, Language, PlaceRef
from emberwatch.settings import get_settings

if TYPE_CHECKING:
    from emberwatch.geo import Geoparser

gazetteer_app = typer.Typer(help="Build and query the offline gazetteer.", no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")

FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")]


def _with_progress(task: Callable[[Callable[[str, int, int], None]], object]) -> object:
    with progress() as bar:
        task_id = bar.add_task("gazetteer", total=None)

        def report(stage: str, done: int, total: int) -> None:
            bar.update(task_id, description=f"gazetteer: {stage}", completed=done, total=total)

        return task(report)


def load_geoparser() -> Geoparser:
    """Open the geoparser, building the gazetteer first (with a progress bar) if needed."""
    from emberwatch.geo import Geoparser, index_is_current

    settings = get_settings()
    assert settings.gazetteer_dir is not None
    if index_is_current(settings.gazetteer_dir, settings.local_places):
        return Geoparser.load(settings)
    parser = _with_progress(lambda report: Geoparser.load(settings, progress=report))
    assert isinstance(parser, Geoparser)
    return parser


def _frame(places: list[PlaceRef]) -> pd.DataFrame:
    columns = list(PlaceRef.model_fields)
    frame = pd.DataFrame([p.model_dump(mode="json") for p in places], columns=columns)
    return frame.astype({"geonames_id": "Int64"})


@gazetteer_app.command("build")
def gazetteer_build(
    force: Annotated[bool, typer.Option("--force", help="Rebuild even if a current index exists.")] = False,
) -> None:
    """Build the gazetteer index from the installed GeoNames packages into the gazetteer folder."""
    from emberwatch.geo import ensure_gazetteer

    settings = get_settings()
    directory = _with_progress(lambda report: ensure_gazetteer(settings, report, force=force))
    console.print(f"gazetteer index: {directory}")
    if settings.local_places is not None:
        console.print(f"local places: {settings.local_places}")


@gazetteer_app.command("places")
def gazetteer_places(
    path: Annotated[
        Path | None,
        typer.Argument(help="Local places file (YAML); default: the setting local_places."),
    ] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Check a local places file (places the gazetteer lacks) and list its places."""
    from emberwatch.geo.local_places import load_local_places

    settings = get_settings()
    path = path or settings.local_places
    if path is None:
        raise InputError(
            "No local places file: give its path, or set local_places (EMBERWATCH_LOCAL_PLACES) to a YAML "
            "list of places; see docs/geo.md, 'Local places'."
        )
    places = load_local_places(path)
    frame = pd.DataFrame(
        [
            {
                "id": p.id, "name": [*p.names, *p.ar][0], "other_names": "; ".join([*p.names, *p.ar][1:]),
                "kind": "alias" if p.is_alias else p.kind.value, "country_code": p.country, "lat": p.lat,
                "lon": p.lon, "alias_of": p.alias_of,
            }
            for p in places
        ],
        columns=["id", "name", "other_names", "kind", "country_code", "lat", "lon", "alias_of"],
    )  # fmt: skip
    print_frame(frame.astype({"alias_of": "Int64"}), fmt, f"local places: {path}")


@gazetteer_app.command("lookup")
def gazetteer_lookup(
    name: Annotated[str, typer.Argument(help="Place name, English or Arabic (matched after folding).")],
    limit: Annotated[int, typer.Option(help="Maximum entries to show.")] = 20,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """List the gazetteer entries with exactly this name, most populous first."""
    places = load_geoparser().lookup(name)[:limit]
    print_frame(_frame(places).drop(columns=["text", "start", "end"]), fmt, f"gazetteer: {name}")


@app.command("geocode")
def geocode(
    text: Annotated[str, typer.Argument(help="Text to geoparse (English or Arabic).")],
    language: Annotated[Language, typer.Option(help="Language of the text.")] = Language.en,
    home: Annotated[
        str | None,
        typer.Option(
            help="Home province of the text's source, 'PROVINCE, CC' (e.g. 'Massachusetts, US'): "
            "ambiguous names lean to it, as for a local paper's reports."
        ),
    ] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Find and resolve every place name in TEXT."""
    geoparser = load_geoparser()
    area = parse_home(geoparser, home) if home else None
    places = geoparser.geoparse(text, language, home=area)
    print_frame(_frame(places), fmt, "places")


def parse_home(geoparser: Geoparser, value: str) -> HomeArea:
    """'Massachusetts, US' -> the HomeArea, checked against the gazetteer's provinces."""
    name, _, code = value.rpartition(",")
    name, code = name.strip(), code.strip().upper()
    if not name or len(code) != 2:
        raise InputError(f"--home '{value}': write the province and its ISO country code, e.g. 'Massachusetts, US'.")
    if geoparser.gazetteer.admin1_index(code, name) is None:
        raise InputError(
            f"--home '{value}': no province called '{name}' in {code}. The gazetteer's province names are "
            f"the admin1 column of `emberwatch gazetteer lookup \"{name}\"`."
        )
    return HomeArea(country_code=code, admin1=name)
