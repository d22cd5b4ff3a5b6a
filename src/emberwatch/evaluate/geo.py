"""Geoparsing evaluation on LGL and GeoVirus (``../shared/data/geoparsing``).

Metrics (as in Gritta et al., "A pragmatic guide to geoparsing evaluation"):

- recognition precision/recall/F1 on exact character spans;
- end to end: accuracy within 161 km (100 miles) and median error over the gold toponyms that were
  recognised with the exact span, plus the share of *all* gold toponyms found and resolved within
  161 km;
- resolution alone: the gold spans are given to :meth:`Geoparser.resolve_spans`; accuracy within
  161 km and median error over all gold toponyms with coordinates (unresolved = wrong, 20,000 km),
  and the accuracy on those resolved below country level (country reference points differ between
  gold standards by more than 161 km for large countries).

LGL also marks adjectives of nationality ("American", "Georgian") as toponyms; the geoparser keeps
them as country context and never returns them as places, so recall and F1 are also given with those
gold spans left out ("demonym gold excluded": spans the gazetteer knows only as demonyms).
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from defusedxml import ElementTree

from emberwatch.errors import InputError
from emberwatch.geo.folding import fold_key
from emberwatch.geo.gazetteer import DEMONYM, PlaceKind, distance_km
from emberwatch.geo.geoparser import Geoparser
from emberwatch.geo.home import homes_by_document, outlet, provinces_named
from emberwatch.models import HomeArea, Language, LocationPrecision, PlaceRef

ACCURACY_KM = 161.0
UNRESOLVED_KM = 20_000.0


class GeoCorpus(StrEnum):
    lgl = "lgl"
    geovirus = "geovirus"


CORPUS_FILES = {GeoCorpus.lgl: "lgl.xml", GeoCorpus.geovirus: "GeoVirus.xml"}


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True)
class GoldDocument:
    text: str
    toponyms: tuple[GoldToponym, ...]
    outlet: str = ""  # the publisher (host of the article's URL), for source home areas


@dataclass
class GeoScores:
    """Counts and errors accumulated over a corpus."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    gold_demonyms: int = 0  # gold spans that are adjectives of nationality ("American")
    e2e_errors: list[float] = field(default_factory=list)
    e2e_gold_with_coords: int = 0
    homes: int = 0  # documents given a source home area
    gold_errors: list[float] = field(default_factory=list)
    gold_errors_local: list[float] = field(default_factory=list)  # resolved below country level

    @property
    def precision(self) -> float:
        return 100.0 * self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return 100.0 * self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def recall_without_demonyms(self) -> float:
        gold = self.gold - self.gold_demonyms
        return 100.0 * self.matched / gold if gold else 0.0

    @property
    def f1_without_demonyms(self) -> float:
        p, r = self.precision, self.recall_without_demonyms
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class GeoReport:
    corpus: GeoCorpus
    documents: int
    seconds: float
    scores: GeoScores
    source_homes: bool = True

    def rows(self) -> list[tuple[str, str, str]]:
        """(metric, value, detail) rows for a table or Markdown."""
        s = self.scores
        e2e_hits = sum(e <= ACCURACY_KM for e in s.e2e_errors)
        gold_hits = sum(e <= ACCURACY_KM for e in s.gold_errors)
        local_hits = sum(e <= ACCURACY_KM for e in s.gold_errors_local)
        return [
            ("recognition precision", f"{s.precision:.1f}%", f"{s.matched}/{s.predicted} predicted spans"),
            ("recognition recall", f"{s.recall:.1f}%", f"{s.matched}/{s.gold} gold spans"),
            ("recognition F1", f"{s.f1:.1f}", "exact span match"),
            ("recognition recall, demonym gold excluded", f"{s.recall_without_demonyms:.1f}%",
             f"{s.matched}/{s.gold - s.gold_demonyms} gold spans ({s.gold_demonyms} demonyms left out)"),
            ("recognition F1, demonym gold excluded", f"{s.f1_without_demonyms:.1f}",
             "adjectives of nationality are country context, never places"),
            ("end to end: within 161 km", _pct(e2e_hits, len(s.e2e_errors)),
             f"{e2e_hits}/{len(s.e2e_errors)} recognised gold toponyms"),
            ("end to end: median error", _km(s.e2e_errors), "recognised gold toponyms"),
            ("end to end: all gold within 161 km", _pct(e2e_hits, s.e2e_gold_with_coords),
             f"{e2e_hits}/{s.e2e_gold_with_coords} gold toponyms with coordinates"),
            ("gold spans: within 161 km", _pct(gold_hits, len(s.gold_errors)),
             f"{gold_hits}/{len(s.gold_errors)} gold toponyms"),
            ("gold spans: median error", _km(s.gold_errors), "gold toponyms"),
            ("gold spans below country level: within 161 km", _pct(local_hits, len(s.gold_errors_local)),
             f"{local_hits}/{len(s.gold_errors_local)} resolved to a place, district, province or region"),
            ("documents with a source home area", f"{s.homes}/{self.documents}",
             "learnt from the outlet's other documents" if self.source_homes else "off (--no-source-homes)"),
        ]  # fmt: skip


def _pct(hits: int, total: int) -> str:
    return f"{100.0 * hits / total:.1f}%" if total else "n/a"


def _km(errors: list[float]) -> str:
    return f"{statistics.median(errors):.0f} km" if errors else "n/a"


# ---------------------------------------------------------------------- corpora


def _float(node: object | None) -> float | None:
    text = getattr(node, "text", None)
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return None


def read_corpus(path: Path, corpus: GeoCorpus) -> list[GoldDocument]:
    """Parse an LGL or GeoVirus XML file (with defusedxml)."""
    try:
        root = ElementTree.parse(path).getroot()
    except (OSError, ElementTree.ParseError) as exc:
        raise InputError(f"Cannot read the {corpus} corpus {path}: {exc}") from exc
    documents = []
    for article in root.iter("article"):
        text = article.findtext("text") or ""
        gold = []
        nodes = article.iter("toponym") if corpus is GeoCorpus.lgl else article.iter("location")
        for node in nodes:
            start, end = int(node.findtext("start") or 0), int(node.findtext("end") or 0)
            if corpus is GeoCorpus.lgl:
                tag = node.find("gaztag")
                lat = _float(tag.find("lat")) if tag is not None else None
                lon = _float(tag.find("lon")) if tag is not None else None
            else:
                lat, lon = _float(node.find("lat")), _float(node.find("lon"))
                start, end = _align(text, node.findtext("name") or "", start, end)
            gold.append(GoldToponym(start, end, text[start:end], lat, lon))
        documents.append(GoldDocument(text, tuple(gold), _outlet(article, corpus)))
    return documents


def _outlet(article: object, corpus: GeoCorpus) -> str:
    """The publisher of a corpus article: LGL's ``domain`` (else its ``feedid``), else the host of the
    article's ``url`` (GeoVirus: ``source``), else the corpus itself."""
    find = article.findtext  # type: ignore[attr-defined]
    domain = (find("domain") or "").strip()
    if domain:
        return domain.removeprefix("www.")
    url = find("url") or find("source")
    if url:
        return outlet(str(corpus), url)
    feed = (find("feedid") or "").strip()
    return f"{corpus} feed {feed}" if feed else str(corpus)


def _align(text: str, name: str, start: int, end: int) -> tuple[int, int]:
    """GeoVirus offsets are mostly shifted by one character: use the occurrence of the name nearest
    to the given offsets."""
    if not name or text[start:end] == name:
        return start, end
    best = None
    position = text.find(name)
    while position >= 0:
        if best is None or abs(position - start) < abs(best - start):
            best = position
        position = text.find(name, position + 1)
    return (best, best + len(name)) if best is not None else (start, end)


def default_corpus_path(corpus: GeoCorpus, shared_data: Path | None = None) -> Path:
    import os

    base = shared_data or Path(
        os.environ.get("EMBERWATCH_SHARED_DATA", Path(__file__).resolve().parents[3].parent / "shared" / "data")
    )
    return base / "geoparsing" / CORPUS_FILES[corpus]


# ---------------------------------------------------------------------- scoring


def _error(ref: PlaceRef | None, gold: GoldToponym) -> float:
    if ref is None or ref.lat is None or ref.lon is None:
        return UNRESOLVED_KM
    assert gold.lat is not None and gold.lon is not None
    return distance_km(ref.lat, ref.lon, gold.lat, gold.lon)


def _demonym(geoparser: Geoparser, text: str) -> bool:
    """The gazetteer knows ``text`` as an adjective of nationality ("Georgian", "Americans") and
    not as a country's name."""
    gazetteer = geoparser.gazetteer
    index = gazetteer.key_index(fold_key(text))
    if index is None:
        return False
    postings = gazetteer.postings(index)
    return any(p.flags & DEMONYM for p in postings) and not any(
        int(gazetteer.kind[p.place]) == PlaceKind.country for p in postings if p.flags & ~DEMONYM
    )


def score_document(
    geoparser: Geoparser,
    document: GoldDocument,
    scores: GeoScores,
    home: HomeArea | None = None,
    predicted: list[PlaceRef] | None = None,
) -> None:
    """Add one document's recognition, end-to-end and gold-span results to ``scores``
    (``predicted``: the document's places found without a home area, reused when it has none)."""
    if predicted is None or home is not None:
        predicted = geoparser.geoparse(document.text, Language.en, home=home)
    by_span = {(p.start, p.end): p for p in predicted}
    gold_spans = {(g.start, g.end) for g in document.toponyms}
    scores.gold += len(gold_spans)
    scores.predicted += len(by_span)
    scores.matched += len(gold_spans & by_span.keys())
    scores.gold_demonyms += sum(
        _demonym(geoparser, document.text[start:end]) for start, end in gold_spans - by_span.keys()
    )
    for gold in document.toponyms:
        if gold.lat is None:
            continue
        scores.e2e_gold_with_coords += 1
        if (gold.start, gold.end) in by_span:
            scores.e2e_errors.append(_error(by_span[(gold.start, gold.end)], gold))
    with_coords = [g for g in document.toponyms if g.lat is not None]
    ordered = sorted(with_coords, key=lambda g: g.start)
    resolved = geoparser.resolve_spans(document.text, [(g.start, g.end) for g in ordered], Language.en, home=home)
    for ref, gold in zip(resolved, ordered, strict=True):
        error = _error(ref, gold)
        scores.gold_errors.append(error)
        if ref.lat is not None and ref.precision <= LocationPrecision.part_of_country:
            scores.gold_errors_local.append(error)


def evaluate_geo(
    geoparser: Geoparser,
    corpus: GeoCorpus,
    path: Path | None = None,
    limit: int | None = None,
    source_homes: bool = True,
) -> GeoReport:
    """Score ``geoparser`` on the first ``limit`` documents of ``corpus``.

    With ``source_homes`` each document gets the home area of its outlet learnt, without gold
    labels, from the places found in the outlet's other scored documents
    (:func:`emberwatch.geo.home.homes_by_document`), as ``emberwatch extract`` does over a store."""
    path = path or default_corpus_path(corpus)
    if not path.is_file():
        raise InputError(
            f"Geoparsing corpus not found: {path}. Set EMBERWATCH_SHARED_DATA to the folder holding "
            "geoparsing/lgl.xml and geoparsing/GeoVirus.xml."
        )
    documents = read_corpus(path, corpus)[:limit] if limit else read_corpus(path, corpus)
    scores = GeoScores()
    started = time.perf_counter()
    first = [geoparser.geoparse(d.text, Language.en) for d in documents]
    homes: list[HomeArea | None] = [None] * len(documents)
    if source_homes:
        homes = homes_by_document([(d.outlet, provinces_named(p)) for d, p in zip(documents, first, strict=True)])
    for document, home, predicted in zip(documents, homes, first, strict=True):
        score_document(geoparser, document, scores, home, predicted)
    scores.homes = sum(h is not None for h in homes)
    return GeoReport(corpus, len(documents), time.perf_counter() - started, scores, source_homes)


def report_markdown(report: GeoReport, command: str) -> str:
    """A Markdown table of the report, with the command that reproduced it."""
    lines = [
        f"`{command}` ({report.documents} documents, {report.seconds:.1f} s):",
        "",
        "| metric | value | detail |",
        "|---|---|---|",
    ]
    lines += [f"| {m} | {v} | {d} |" for m, v, d in report.rows()]
    return "\n".join(lines) + "\n"
