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


Province = tuple[str, str]  # (country code, admin1 name)


def provinces_named(places: Iterable[PlaceRef]) -> frozenset[Province]:
    """The provinces a report's places lie in; places resolved to a country or a larger area say
    nothing about a province and are left out."""
    return frozenset(
        (p.country_code, p.admin1)
        for p in places
        if p.country_code and p.admin1 and p.precision <= LocationPrecision.admin1
    )


def learn_home(
    reports: Iterable[Sequence[PlaceRef]],
    min_documents: int = HOME_MIN_DOCUMENTS,
    min_share: float = HOME_MIN_SHARE,
) -> HomeArea | None:
    """The province most of ``reports`` (each the places resolved in one report of the source) name.

    A report counts once however often it names the province. None when no province is named in at
    least ``min_documents`` reports and ``min_share`` of them, or when the runner-up comes close
    (a source between two provinces has no single home).
    """
    counts: Counter[Province] = Counter()
    total = 0
    for places in reports:
        total += 1
        counts.update(provinces_named(places))
    return _decide(counts.most_common(), frozenset(), total, min_documents, min_share)


def homes_by_document(reports: Sequence[tuple[str, frozenset[Province]]]) -> list[HomeArea | None]:
    """The home area of each report's outlet learnt from the outlet's *other* reports (leave one
    out: a report never vouches for itself). ``reports``: (outlet, :func:`provinces_named` of its
    places resolved without a home) per report, outlets named as :func:`outlet` names them.
    Linear in the number of reports: each outlet's counts are taken once and the report's own
    provinces subtracted."""
    counts: dict[str, Counter[Province]] = {}
    sizes: Counter[str] = Counter()
    for name, provinces in reports:
        counts.setdefault(name, Counter()).update(provinces)
        sizes[name] += 1
    ranked = {name: c.most_common() for name, c in counts.items()}
    homes: list[HomeArea | None] = []
    for name, provinces in reports:
        others = sizes[name] - 1
        homes.append(_decide(ranked[name], provinces, others) if others >= HOME_MIN_DOCUMENTS else None)
    return homes


def _decide(
    ranked: list[tuple[Province, int]],
    leave_out: frozenset[Province],
    total: int,
    min_documents: int = HOME_MIN_DOCUMENTS,
    min_share: float = HOME_MIN_SHARE,
) -> HomeArea | None:
    """The home among provinces ``ranked`` by report count (most first), with one report naming
    ``leave_out`` taken away; ``total``: the number of reports left."""
    best: Province | None = None
    documents = second = 0
    for province, n in ranked:
        if n <= second:
            break  # counts only fall from here: nothing left can change the top two
        n -= province in leave_out
        if n > documents:
            best, documents, second = province, n, documents
        elif n > second:
            second = n
    if best is None or documents < min_documents or documents < min_share * total:
        return None
    if documents < HOME_LEAD * second:
        return None
    return HomeArea(country_code=best[0], admin1=best[1], documents=documents, of_documents=total)


def outlet(source: str, url: str | None = None) -> str:
    """The outlet a report came from: the host of its URL ("www.thetowntalk.com" ->
    "thetowntalk.com"), else its source as given (a feed name, a dataset)."""
    for value in (url, source):
        if value and "://" in value:
            host = urlsplit(value).hostname or ""
            if host:
                return host.removeprefix("www.")
    return source
