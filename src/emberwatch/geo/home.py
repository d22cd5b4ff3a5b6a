"""The home area of a report's source: the province a local outlet usually writes about.

A local paper's "Springfield" is the Springfield of its own state, and a story that names no other
place gives the resolver nothing else to go by. The home area is learnt, without any labels, from
the places resolved in the source's *other* reports: the province that at least
:data:`HOME_MIN_SHARE` of them name, in at least :data:`HOME_MIN_DOCUMENTS` reports, and clearly
more often than any other province. A wire service or an encyclopaedia that covers many provinces
has no home area (no province reaches the share), so global sources are unaffected.

The resolver gives a candidate in the home province a bonus (``W_HOME`` in
:mod:`emberwatch.geo.resolve`) the size of one more place of the story in that province: the text's
own evidence (a named state, a neighbouring town, a dateline) still decides where it says something.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

from emberwatch.models import HomeArea, LocationPrecision, PlaceRef

HOME_MIN_DOCUMENTS = 2  # a home area needs a province named in at least this many other reports...
HOME_MIN_SHARE = 0.5  # ...which are at least this share of the source's other reports...
HOME_LEAD = 1.5  # ...and this many times as many as the next province


def learn_home(
    reports: Iterable[Sequence[PlaceRef]],
    min_documents: int = HOME_MIN_DOCUMENTS,
    min_share: float = HOME_MIN_SHARE,
) -> HomeArea | None:
    """The province most of ``reports`` (each the places resolved in one report of the source) name.

    Places resolved to a country or a larger area say nothing about a province and are ignored; a
    report counts once however often it names the province. None when no province is named in at
    least ``min_documents`` reports and ``min_share`` of them, or when the runner-up comes close
    (a source between two provinces has no single home).
    """
    counts: Counter[tuple[str, str]] = Counter()
    total = 0
    for places in reports:
        total += 1
        counts.update(
            {
                (p.country_code, p.admin1)
                for p in places
                if p.country_code and p.admin1 and p.precision <= LocationPrecision.admin1
            }
        )
    if not counts:
        return None
    ranked = counts.most_common(2)
    (country, admin1), documents = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if documents < min_documents or documents < min_share * total or documents < HOME_LEAD * runner_up:
        return None
    return HomeArea(country_code=country, admin1=admin1, documents=documents, of_documents=total)


def homes_by_document(reports: Sequence[tuple[str, Sequence[PlaceRef]]]) -> list[HomeArea | None]:
    """The home area of each report's outlet learnt from the outlet's *other* reports (leave one
    out: a report never vouches for itself). ``reports``: (outlet, places resolved without a home)
    per report, as :func:`outlet` names outlets."""
    by_outlet: dict[str, list[int]] = {}
    for i, (name, _places) in enumerate(reports):
        by_outlet.setdefault(name, []).append(i)
    homes: list[HomeArea | None] = []
    for i, (name, _places) in enumerate(reports):
        others = [reports[j][1] for j in by_outlet[name] if j != i]
        homes.append(learn_home(others) if len(others) >= HOME_MIN_DOCUMENTS else None)
    return homes


def outlet(source: str, url: str | None = None) -> str:
    """The outlet a report came from: the host of its URL ("www.thetowntalk.com" ->
    "thetowntalk.com"), else its source as given (a feed name, a dataset)."""
    for value in (url, source):
        if value and "://" in value:
            host = urlsplit(value).hostname or ""
            if host:
                return host.removeprefix("www.")
    return source
