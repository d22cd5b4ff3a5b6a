"""Arabic evaluations: ASSAULT sentence detection and place/organisation mention recognition.

``assault``: binary detection of attack events per sentence on the openeventdata Arabic ASSAULT
gold records (positive = label ``yes``; negative = ``easy no`` and ``difficult no``; ``ambiguous``
is left out). Two detectors are scored: the rule extractor ("does ``extract_document`` find an
attack or violence event in the sentence"), and a classifier (hashed TF-IDF of word 1-2-grams of the
clitic-split text and character 2-5-grams, logistic regression, threshold tuned by an inner CV)
estimated by stratified k-fold cross-validation on the same file. The
shipped model file (``models/arabic_assault.npz``: weights only, no text) is trained on the whole
development half; score it on the held-back half with ``--detector model``.

``ner``: span-level precision/recall/F1 by coarse class on NewsFANE (one token per line, BIO fine
classes). Places are the geoparser's Arabic toponyms, less one-word candidates that
:func:`emberwatch.text.arabic_common.is_common_word` flags and those inside an organisation name;
organisations come from :class:`emberwatch.extract.ar.organisations.OrganisationRecogniser` (detector
``rules``). The CRF of :mod:`emberwatch.text.arabic_ner` is scored by k-fold CV over contiguous blocks
of sentences with c1/c2 chosen inside the training folds (``cv``), as shipped (``model``), and as the
product uses it (``pipeline``: geoparser plus model places, model organisations plus the name-list
matches they miss). The model reads the sentences of the file as consecutive sentences of stories
(its story-context features look at the neighbouring sentences); the geoparser's model places see one
sentence at a time.
"""

from __future__ import annotations

import csv
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from emberwatch.errors import InputError
from emberwatch.extract.ar.organisations import OrganisationRecogniser
from emberwatch.models import DocumentExtraction, ExtractInput, Language, PlaceRef
from emberwatch.text import arabic_ner
from emberwatch.text.arabic import clitic_variants, fold, tokens

if TYPE_CHECKING:
    from emberwatch.extract.pipeline import ExtractResources
    from emberwatch.geo.gazetteer import Gazetteer

log = logging.getLogger(__name__)

MODEL_PATH = Path(__file__).parent / "models" / "arabic_assault.npz"
POSITIVE = {"yes"}
NEGATIVE = {"easy no", "difficult no"}
# event types that are not an attack on someone (security operations, control claims)
NON_ATTACK_TYPES = frozenset({"arrest", "territorial_control"})


# --------------------------------------------------------------------------- scores


@dataclass(frozen=True)
class Score:
    """Precision/recall/F1 from counts."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @classmethod
    def of(cls, predicted: Iterable[bool], gold: Iterable[bool]) -> Score:
        tp = fp = fn = 0
        for p, g in zip(predicted, gold, strict=True):
            tp += p and g
            fp += p and not g
            fn += g and not p
        return cls(tp, fp, fn)


# --------------------------------------------------------------------------- ASSAULT data


@dataclass(frozen=True)
class AssaultRecord:
    id: str
    label: str
    text: str
    accept: int | None = None  # annotators who said the sentence reports an ASSAULT (when the file has votes)
    total: int | None = None

    @property
    def positive(self) -> bool:
        return self.label in POSITIVE

    @property
    def vote_group(self) -> str:
        """The label, with ``difficult no`` split by whether half the annotators said yes (a tie)."""
        if self.label == "difficult no" and self.accept is not None and self.total:
            half = 2 * self.accept >= self.total
            return "difficult no, half said yes" if half else "difficult no, a minority said yes"
        return self.label


def load_assault(path: Path) -> list[AssaultRecord]:
    """Scored records of an ASSAULT CSV (columns ``id``, ``label``, ``text``, optional vote counts ``accept``
    and ``total``; ambiguous ones dropped)."""
    if not path.is_file():
        raise InputError(f"ASSAULT file not found: {path} (expected ../shared/data/arabic-assault/*.csv)")
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = {"id", "label", "text"} - set(reader.fieldnames or [])
        if missing:
            raise InputError(f"{path}: missing column(s) {sorted(missing)}; expected id, label, text")
        rows = [
            AssaultRecord(r["id"], r["label"].strip(), r["text"], _votes(r, "accept"), _votes(r, "total"))
            for r in reader
        ]
    unknown = {r.label for r in rows} - POSITIVE - NEGATIVE - {"ambiguous"}
    if unknown:
        raise InputError(f"{path}: unknown label(s) {sorted(unknown)}; expected yes, easy no, difficult no, ambiguous")
    return [r for r in rows if r.label != "ambiguous"]


def _votes(row: dict[str, str], column: str) -> int | None:
    value = (row.get(column) or "").strip()
    return int(value) if value.isdigit() else None


# --------------------------------------------------------------------------- detectors


def rule_detector(with_casualties: bool = False) -> Callable[[str], bool]:
    """True when the Arabic rule extractor finds an attack/violence event in the sentence.

    ``with_casualties``: the event must also carry a killed or wounded figure (an attack *report*
    rather than a mention of violence).
    """
    from emberwatch.extract.pipeline import default_resources, extract_document

    resources = default_resources()

    def detect(text: str) -> bool:
        out = extract_document(ExtractInput(id="s", text=text, language=Language.ar), resources)
        return any(
            e.event_type not in NON_ATTACK_TYPES
            and (not with_casualties or any(c.best or c.low for c in (e.killed, e.wounded)))
            for e in out.events
        )

    return detect


def stem_words(text: str) -> str:
    """Folded text with every token reduced to its clitic-split stem (``وبالميادين`` -> ``ميادين``)."""
    out = []
    for tok in tokens(text):
        variants = clitic_variants(tok.norm)
        out.append(variants[-1].stem if variants else tok.norm)
    return " ".join(out)


def _char_vectorizer(n_features: int):  # type: ignore[no-untyped-def]
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(
        analyzer="char_wb", ngram_range=(2, 5), n_features=n_features, alternate_sign=False, norm=None,
        preprocessor=fold,
    )  # fmt: skip


def _word_vectorizer(n_features: int):  # type: ignore[no-untyped-def]
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(
        analyzer="word", ngram_range=(1, 2), n_features=n_features, alternate_sign=False, norm=None,
        preprocessor=stem_words, token_pattern=r"\S+",
    )  # fmt: skip


def _tfidf_block(counts, idf: np.ndarray):  # type: ignore[no-untyped-def]
    """Sublinear TF x IDF, each row L2-normalised (as scikit-learn's TfidfTransformer)."""
    counts = counts.tocsr().astype(np.float64)
    counts.data = np.log(counts.data) + 1.0
    weighted = counts.multiply(idf.reshape(1, -1)).tocsr()
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return weighted.multiply((1.0 / norms).reshape(-1, 1)).tocsr()


def _best_threshold(probabilities: np.ndarray, labels: np.ndarray) -> float:
    """The probability cut that maximises F1 on held-out scores (midpoint to the next lower score)."""
    best_f1, best = -1.0, 0.5
    order = np.sort(np.unique(probabilities))[::-1]
    for k, cut in enumerate(order):
        predicted = probabilities >= cut
        tp = int((predicted & labels).sum())
        f1 = 2 * tp / (predicted.sum() + labels.sum()) if tp else 0.0
        if f1 > best_f1:
            lower = order[k + 1] if k + 1 < len(order) else 0.0
            best_f1, best = f1, float((cut + lower) / 2)
    return best


@dataclass
class AssaultClassifier:
    """Logistic regression over two hashed TF-IDF blocks of an Arabic sentence.

    - word unigrams and bigrams of the folded, clitic-split text (``وبالهجوم`` -> ``هجوم``);
    - character 2-5-grams (within words) of the folded text.

    Each block is L2-normalised; class weights are balanced; the decision threshold is chosen by an
    inner cross-validation on the training sentences only. Stored as plain arrays (two IDF vectors,
    weights, intercept, threshold): features are hashed, so no text of the training sentences is kept.
    """

    idf_char: np.ndarray
    idf_word: np.ndarray
    coef: np.ndarray
    intercept: float
    threshold: float = 0.5
    n_features: int = 2**17
    C: float = 3.0

    @classmethod
    def _counts(cls, texts: list[str], n_features: int):  # type: ignore[no-untyped-def]
        return _char_vectorizer(n_features).transform(texts), _word_vectorizer(n_features).transform(texts)

    @classmethod
    def fit(
        cls, texts: list[str], labels: list[bool], n_features: int = 2**17, C: float = 3.0, inner_folds: int = 3
    ) -> AssaultClassifier:
        """Train on ``texts``; with ``inner_folds`` >= 2 the threshold is tuned by CV inside ``texts``."""
        from scipy.sparse import hstack
        from sklearn.feature_extraction.text import TfidfTransformer
        from sklearn.linear_model import LogisticRegression

        chars, words = cls._counts(texts, n_features)
        idf_char = TfidfTransformer(sublinear_tf=True).fit(chars).idf_.astype(np.float32)
        idf_word = TfidfTransformer(sublinear_tf=True).fit(words).idf_.astype(np.float32)
        features = hstack([_tfidf_block(chars, idf_char), _tfidf_block(words, idf_word)]).tocsr()
        model = LogisticRegression(C=C, class_weight="balanced", max_iter=3000)
        model.fit(features, np.asarray(labels, dtype=int))
        threshold = 0.5
        y = np.asarray(labels, dtype=bool)
        if inner_folds >= 2 and min(y.sum(), (~y).sum()) >= inner_folds:
            held_out = np.zeros(len(texts))
            for train, test in _folds(list(y), inner_folds, seed=1):
                inner = cls.fit([texts[i] for i in train], [labels[i] for i in train], n_features, C, inner_folds=0)
                held_out[test] = inner.probabilities([texts[i] for i in test])
            threshold = _best_threshold(held_out, y)
        return cls(
            idf_char=idf_char, idf_word=idf_word, coef=model.coef_[0].astype(np.float32),
            intercept=float(model.intercept_[0]), threshold=threshold, n_features=n_features, C=C,
        )  # fmt: skip

    def probabilities(self, texts: list[str]) -> np.ndarray:
        chars, words = self._counts(texts, self.n_features)
        coef = self.coef.astype(np.float64)
        scores = (
            _tfidf_block(chars, self.idf_char) @ coef[: self.n_features]
            + _tfidf_block(words, self.idf_word) @ coef[self.n_features :]
            + self.intercept
        )
        return 1.0 / (1.0 + np.exp(-np.asarray(scores).ravel()))

    def predict(self, texts: list[str]) -> list[bool]:
        return [bool(p >= self.threshold) for p in self.probabilities(texts)]

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(
            path, idf_char=self.idf_char, idf_word=self.idf_word, coef=self.coef,
            intercept=np.float64(self.intercept), threshold=np.float64(self.threshold),
            n_features=np.int64(self.n_features), C=np.float64(self.C),
        )  # fmt: skip

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> AssaultClassifier:
        retrain = "train it with `emberwatch evaluate arabic --task assault --retrain`"
        if not path.is_file():
            raise InputError(f"ASSAULT model not found: {path}; {retrain}")
        with np.load(path) as data:
            if "idf_word" not in data:
                raise InputError(f"ASSAULT model {path} is from an older version (no word block); {retrain}")
            return cls(
                idf_char=data["idf_char"], idf_word=data["idf_word"], coef=data["coef"],
                intercept=float(data["intercept"]), threshold=float(data["threshold"]),
                n_features=int(data["n_features"]), C=float(data["C"]),
            )  # fmt: skip


def _folds(labels: list[bool], k: int, seed: int = 0) -> Iterator[tuple[list[int], list[int]]]:
    from sklearn.model_selection import StratifiedKFold

    splitter = StratifiedKFold(n_splits=k, shuffle=True, random_state=seed)
    for train, test in splitter.split(np.zeros(len(labels)), np.asarray(labels, dtype=int)):
        yield list(train), list(test)


def cross_validate(records: list[AssaultRecord], folds: int = 5) -> tuple[Score, list[Score]]:
    """Pooled and per-fold k-fold scores; each fold's model tunes its threshold on its training folds only."""
    predicted, per_fold = cross_validate_predictions(records, folds)
    return Score.of(predicted, [r.positive for r in records]), per_fold


def cross_validate_predictions(records: list[AssaultRecord], folds: int = 5) -> tuple[list[bool], list[Score]]:
    """Each record's prediction by the model of the fold that held it out, and the per-fold scores."""
    texts = [r.text for r in records]
    labels = [r.positive for r in records]
    predicted = [False] * len(records)
    per_fold = []
    for train, test in _folds(labels, folds):
        model = AssaultClassifier.fit([texts[i] for i in train], [labels[i] for i in train])
        fold_predicted = model.predict([texts[i] for i in test])
        for i, p in zip(test, fold_predicted, strict=True):
            predicted[i] = p
        per_fold.append(Score.of(fold_predicted, [labels[i] for i in test]))
    return predicted, per_fold


def predicted_by_group(records: list[AssaultRecord], predicted: list[bool]) -> dict[str, tuple[int, int]]:
    """``(predicted positive, sentences)`` per :attr:`AssaultRecord.vote_group`: where the errors sit."""
    out: dict[str, tuple[int, int]] = {}
    for record, p in zip(records, predicted, strict=True):
        hits, n = out.get(record.vote_group, (0, 0))
        out[record.vote_group] = (hits + p, n + 1)
    return dict(sorted(out.items()))


# --------------------------------------------------------------------------- ASSAULT report


@dataclass
class AssaultReport:
    data: Path
    sentences: int
    positives: int
    scores: dict[str, Score] = field(default_factory=dict)
    fold_scores: list[Score] = field(default_factory=list)  # per fold of the ``cv`` detector
    # ``cv`` detector: (predicted positive, sentences) per gold label / vote group
    fold_groups: dict[str, tuple[int, int]] = field(default_factory=dict)
    seconds: float = 0.0


def evaluate_assault(
    path: Path,
    detectors: Iterable[str] = ("rules", "rules-casualties", "cv"),
    folds: int = 5,
    model_path: Path = MODEL_PATH,
) -> AssaultReport:
    """Score detectors: ``rules``, ``rules-casualties``, ``cv`` (k-fold classifier), ``model`` (shipped)."""
    records = load_assault(path)
    gold = [r.positive for r in records]
    report = AssaultReport(path, len(records), sum(gold))
    started = time.perf_counter()
    for name in detectors:
        if name in ("rules", "rules-casualties"):
            detect = rule_detector(with_casualties=name == "rules-casualties")
            report.scores[name] = Score.of([detect(r.text) for r in records], gold)
        elif name == "cv":
            predicted, report.fold_scores = cross_validate_predictions(records, folds)
            report.scores[f"classifier ({folds}-fold CV)"] = Score.of(predicted, gold)
            report.fold_groups = predicted_by_group(records, predicted)
        elif name == "model":
            predicted = AssaultClassifier.load(model_path).predict([r.text for r in records])
            report.scores["classifier (shipped model)"] = Score.of(predicted, gold)
        else:
            raise InputError(f"unknown ASSAULT detector {name!r}; choose rules, rules-casualties, cv or model")
    report.seconds = time.perf_counter() - started
    return report


def train_assault_model(path: Path, out: Path = MODEL_PATH) -> AssaultClassifier:
    """Train the classifier on every scored record of ``path`` and save it to ``out``."""
    records = load_assault(path)
    model = AssaultClassifier.fit([r.text for r in records], [r.positive for r in records])
    model.save(out)
    log.info("saved ASSAULT model (%d sentences) to %s", len(records), out)
    return model


# --------------------------------------------------------------------------- NER (NewsFANE)

# NewsFANE fine classes follow the ACE hierarchy: places are its GPE and LOC subtypes, organisations its
# ORG subtypes. "Group" (nationalities: العرب, الأكراد) and "Police" (officials) are PER subtypes and
# "Land"/"Air"/"Water" are vehicles, so none of them is scored; facilities (Building-Grounds, Airport,
# Path, Subarea-Facility) are left out too.
PLACE_CLASSES = frozenset({
    "Nation", "Population-Center", "State-or-Province", "County-or-District", "GPE-Cluster", "Continent",
    "Water-Body", "Land-Region-Natural",
})  # fmt: skip
ORG_CLASSES = frozenset({
    "Government", "Non-Governmental", "Commercial", "Media", "Educational", "Sports", "Religious_ORG",
    "Entertainment", "Medical-Science",
})  # fmt: skip
_STRIP = "\u200e\u200f\ufeff\r"


def coarse_class(fine: str) -> str | None:
    """``place``, ``organisation`` or None for a NewsFANE fine class."""
    return "place" if fine in PLACE_CLASSES else "organisation" if fine in ORG_CLASSES else None


@dataclass(frozen=True)
class NerSentence:
    """One gold sentence: its tokens and its entity spans as ``(first, last + 1, fine class)``."""

    tokens: tuple[str, ...]
    spans: tuple[tuple[int, int, str], ...]

    def text_and_offsets(self) -> tuple[str, list[tuple[int, int]]]:
        """The sentence as running text and each token's character range in it.

        NewsFANE splits clitics into tokens of their own (``ب العراق``, ``وجود ها``); they are glued
        back (``بالعراق``, ``وجودها``) so recognisers see ordinary Arabic spelling.
        """
        offsets, pieces, pos = [], [], 0
        for i, tok in enumerate(self.tokens):
            glue = i > 0 and (self.tokens[i - 1] in _PROCLITIC_TOKENS or tok in _ENCLITIC_TOKENS)
            if i > 0 and not glue:
                pieces.append(" ")
                pos += 1
            offsets.append((pos, pos + len(tok)))
            pieces.append(tok)
            pos += len(tok)
        return "".join(pieces), offsets


_PROCLITIC_TOKENS = frozenset({"و", "ف", "ب", "ل", "ك"})
_ENCLITIC_TOKENS = frozenset({"ه", "ها", "هم", "هما", "هن", "ي", "نا", "كم"})


def load_newsfane(path: Path) -> list[NerSentence]:
    """Sentences of a NewsFANE file (``TOKEN<TAB>BIO-class``, an empty token between sentences)."""
    if not path.is_file():
        raise InputError(f"NewsFANE file not found: {path} (expected ../shared/data/arabic-ner/*.txt)")
    sentences: list[NerSentence] = []
    toks: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8", newline="\n") as fh:
        for n, raw in enumerate(fh, 1):
            line = raw.rstrip("\n")
            token, _, tag = line.partition("\t")
            token, tag = token.strip(_STRIP).strip(), tag.strip(_STRIP).strip()
            if not token:
                if toks:
                    sentences.append(_sentence(toks, tags))
                toks, tags = [], []
                continue
            if not tag or (tag != "O" and not tag.startswith(("B-", "I-"))):
                raise InputError(f"{path}:{n}: expected TOKEN<TAB>O|B-class|I-class, got {line!r}")
            toks.append(token)
            tags.append(tag)
    if toks:
        sentences.append(_sentence(toks, tags))
    return sentences


def _sentence(toks: list[str], tags: list[str]) -> NerSentence:
    spans: list[tuple[int, int, str]] = []
    start, label = None, None
    for i, tag in enumerate([*tags, "O"]):
        if label is not None and (tag == "O" or tag.startswith("B-") or tag[2:] != label):
            spans.append((start or 0, i, label))
            start, label = None, None
        if tag.startswith("B-") or (tag.startswith("I-") and label is None):
            start, label = i, tag[2:]
    return NerSentence(tuple(toks), tuple(spans))


def _token_span(offsets: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """Tokens ``[first, last + 1)`` covering the character span, or None if it covers none."""
    covered = [i for i, (s, e) in enumerate(offsets) if s < end and start < e]
    return (covered[0], covered[-1] + 1) if covered else None


# admin words before a name ("محافظة نينوى"): NewsFANE marks the name alone
_PLACE_HEADS = frozenset(fold(w) for w in ("محافظة", "ولاية", "مدينة", "بلدة", "قرية", "منطقة", "قضاء",
                                            "ناحية", "إقليم", "مقاطعة", "جمهورية", "مملكة", "دولة"))  # fmt: skip


@dataclass
class NerReport:
    """Scores keyed ``"<class> (<detector>)"``; fine-class recall and folds of the first detector/CV."""

    data: Path
    sentences: int
    scores: dict[str, Score] = field(default_factory=dict)
    by_fine_class: dict[str, tuple[int, int]] = field(default_factory=dict)  # class -> (found, gold)
    fold_scores: list[dict[str, Score]] = field(default_factory=list)  # per fold of the ``cv`` detector
    regularisation: list[tuple[float, float]] = field(default_factory=list)  # (c1, c2) chosen per fold
    seconds: float = 0.0


class PlaceRecogniser(Protocol):
    """What the NER evaluation needs from a geoparser."""

    def geoparse(self, text: str, language: Language) -> list[PlaceRef]: ...


def _predict(
    sentence: NerSentence,
    geoparser: PlaceRecogniser,
    orgs: OrganisationRecogniser,
    model_mentions: Sequence[arabic_ner.NerSpan] | None = None,
) -> set[tuple[int, int, str]]:
    text, offsets = sentence.text_and_offsets()
    predicted: set[tuple[int, int, str]] = set()
    org_spans = []
    for m in orgs.find(text, model_mentions):
        span = _token_span(offsets, m.start, m.end)
        if span:
            predicted.add((*span, "organisation"))
            org_spans.append(span)
    for place in geoparser.geoparse(text, Language.ar):
        span = _token_span(offsets, place.start, place.end)
        if span is None or any(span[0] < e and s < span[1] for s, e in org_spans):
            continue
        first, last = span
        if last - first > 1 and fold(sentence.tokens[first]) in _PLACE_HEADS:
            first += 1
        predicted.add((first, last, "place"))
    return predicted


NER_DETECTORS = ("rules", "cv", "model", "pipeline")
NER_MODEL_PATH = arabic_ner.MODEL_PATH
# (c1, c2) candidates of the CRF; the pair is chosen by an inner CV on the training sentences only
NER_GRID: tuple[tuple[float, float], ...] = ((0.05, 0.01), (0.2, 0.05))
_PERSON_CLASSES = frozenset({
    "Politician", "Athlete", "Artist", "Other_PER", "Group", "Police", "Religious_PER", "Scientist",
    "Businessperson", "Lawyer", "Engineer",
})  # fmt: skip


def model_class(fine: str) -> str:
    """The CRF's class of a NewsFANE fine class: place, organisation, person or other."""
    return coarse_class(fine) or ("person" if fine in _PERSON_CLASSES else "other")


def training_sentences(sentences: Iterable[NerSentence]) -> list[arabic_ner.TrainingSentence]:
    """NewsFANE sentences as running text with character spans of the CRF's classes."""
    out = []
    for sentence in sentences:
        text, offsets = sentence.text_and_offsets()
        spans = tuple((offsets[s][0], offsets[e - 1][1], model_class(f)) for s, e, f in sentence.spans)
        out.append(arabic_ner.TrainingSentence(text, spans))
    return out


def block_folds(n: int, k: int) -> list[range]:
    """``k`` contiguous blocks of ``range(n)`` (fixed: neighbouring sentences share a story)."""
    if k < 2 or k > n:
        raise InputError(f"cannot make {k} folds of {n} sentences; choose 2 <= folds <= {n}")
    bounds = [round(n * i / k) for i in range(k + 1)]
    return [range(bounds[i], bounds[i + 1]) for i in range(k)]


class _Counts:
    """TP/FP/FN per key over many sentences."""

    def __init__(self) -> None:
        self.counts: dict[str, list[int]] = {}

    def add(self, key: str, predicted: set[tuple[int, int]], gold: set[tuple[int, int]]) -> None:
        c = self.counts.setdefault(key, [0, 0, 0])
        c[0] += len(predicted & gold)
        c[1] += len(predicted - gold)
        c[2] += len(gold - predicted)

    def scores(self) -> dict[str, Score]:
        return {k: Score(*v) for k, v in self.counts.items()}


def _gold(sentence: NerSentence, cls: str) -> set[tuple[int, int]]:
    return {(s, e) for s, e, f in sentence.spans if coarse_class(f) == cls}


def _story_mentions(
    sentences: Sequence[NerSentence], model: arabic_ner.ArabicNerModel, labels: tuple[str, ...]
) -> list[list[arabic_ner.NerSpan]]:
    """The model's mentions of each sentence, the sentences read as one story (NewsFANE keeps
    a story's sentences together)."""
    return model.find_sentences([s.text_and_offsets()[0] for s in sentences], labels)


def _model_spans(sentence: NerSentence, found: Iterable[arabic_ner.NerSpan]) -> dict[str, set[tuple[int, int]]]:
    offsets = sentence.text_and_offsets()[1]
    out: dict[str, set[tuple[int, int]]] = {"place": set(), "organisation": set()}
    for span in found:
        tokens_span = _token_span(offsets, span.start, span.end)
        if tokens_span:
            out[span.label].add(tokens_span)
    return out


def choose_regularisation(
    train: list[arabic_ner.TrainingSentence],
    lexicon: arabic_ner.NerLexicon,
    work: Path,
    grid: Sequence[tuple[float, float]] = NER_GRID,
    inner_folds: int = 3,
) -> tuple[float, float]:
    """The (c1, c2) of ``grid`` with the best mean place/organisation F1 in a contiguous-block CV
    over ``train`` (character spans scored exactly)."""
    if len(grid) == 1:
        return grid[0]
    best, best_f1 = grid[0], -1.0
    for c1, c2 in grid:
        counts = _Counts()
        for block in block_folds(len(train), inner_folds):
            path = arabic_ner.train(
                [t for i, t in enumerate(train) if i not in block], lexicon, work / "inner.crfsuite", c1, c2
            )
            model = arabic_ner.ArabicNerModel(path, lexicon)
            story = model.find_sentences([train[i].text for i in block], ("place", "organisation"))
            for i, found in zip(block, story, strict=True):
                for cls in ("place", "organisation"):
                    gold = {(s, e) for s, e, c in train[i].spans if c == cls}
                    counts.add(cls, {(m.start, m.end) for m in found if m.label == cls}, gold)
        f1 = sum(sc.f1 for sc in counts.scores().values()) / 2
        log.info("NER c1=%s c2=%s: inner mean F1 %.3f", c1, c2, f1)
        if f1 > best_f1:
            best, best_f1 = (c1, c2), f1
    return best


def train_ner_model(
    path: Path,
    out: Path = NER_MODEL_PATH,
    gazetteer: Gazetteer | None = None,
    grid: Sequence[tuple[float, float]] = NER_GRID,
) -> tuple[float, float]:
    """Train the CRF on every sentence of the NewsFANE file ``path`` (c1/c2 chosen by 3-fold CV)."""
    import tempfile

    from emberwatch.codebook import load_codebook

    lexicon = arabic_ner.NerLexicon(gazetteer, OrganisationRecogniser(load_codebook(None)))
    train = training_sentences(load_newsfane(path))
    with tempfile.TemporaryDirectory() as work:
        c1, c2 = choose_regularisation(train, lexicon, Path(work), grid)
    arabic_ner.train(train, lexicon, out, c1, c2)
    log.info("saved Arabic NER model (c1=%s, c2=%s) to %s", c1, c2, out)
    return c1, c2


def _geoparser_with(geoparser: PlaceRecogniser, model_path: Path | None) -> PlaceRecogniser:
    """The same geoparser with another Arabic mention model (None: gazetteer matching only)."""
    from emberwatch.geo import Geoparser

    if isinstance(geoparser, Geoparser):
        return Geoparser(geoparser.gazetteer, tuple(geoparser.region_of_interest), model_path)
    return geoparser  # a test double


def _score_rules(
    sentences: list[NerSentence], geoparser: PlaceRecogniser, recogniser: OrganisationRecogniser, name: str,
    counts: _Counts, fine: dict[str, list[int]] | None = None, model: arabic_ner.ArabicNerModel | None = None,
) -> None:  # fmt: skip
    """Score the geoparser's places and ``recogniser``'s organisations; with ``model``, its organisation
    mentions are found with the story context of the neighbouring sentences (the geoparser's model
    places see one sentence at a time)."""
    story = _story_mentions(sentences, model, ("organisation",)) if model is not None else None
    for n, sentence in enumerate(sentences):
        predicted = _predict(sentence, geoparser, recogniser, story[n] if story is not None else None)
        for cls in ("place", "organisation"):
            counts.add(f"{cls} ({name})", {(s, e) for s, e, c in predicted if c == cls}, _gold(sentence, cls))
        if fine is not None:
            for s, e, f in sentence.spans:
                if c := coarse_class(f):
                    found = fine.setdefault(f, [0, 0])
                    found[0] += (s, e, c) in predicted
                    found[1] += 1


def _score_model(
    sentences: Sequence[NerSentence], model: arabic_ner.ArabicNerModel, name: str, counts: _Counts
) -> None:
    for sentence, mentions in zip(sentences, _story_mentions(sentences, model, ("place", "organisation")), strict=True):
        found = _model_spans(sentence, mentions)
        for cls in ("place", "organisation"):
            counts.add(f"{cls} ({name})", found[cls], _gold(sentence, cls))


def cross_validate_ner(
    sentences: list[NerSentence],
    geoparser: PlaceRecogniser,
    folds: int = 5,
    grid: Sequence[tuple[float, float]] = NER_GRID,
) -> tuple[dict[str, Score], list[dict[str, Score]], list[tuple[float, float]]]:
    """Contiguous-block k-fold CV of the CRF: pooled scores, per-fold scores and the (c1, c2) each
    fold chose by an inner CV on its training blocks. Each fold scores the model's own spans
    (``cv``) and the product use (``cv pipeline``: the geoparser with the fold's model, the
    organisation rules with the fold's model)."""
    import tempfile

    from emberwatch.codebook import load_codebook

    codebook = load_codebook(None)
    gazetteer = getattr(geoparser, "gazetteer", None)
    lexicon = arabic_ner.NerLexicon(gazetteer, OrganisationRecogniser(codebook))
    data = training_sentences(sentences)
    pooled, per_fold, chosen = _Counts(), [], []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for k, block in enumerate(block_folds(len(sentences), folds)):
            train = [t for i, t in enumerate(data) if i not in block]
            c1, c2 = choose_regularisation(train, lexicon, work, grid)
            path = arabic_ner.train(train, lexicon, work / f"fold{k}.crfsuite", c1, c2)
            model = arabic_ner.ArabicNerModel(path, lexicon)
            test = [sentences[i] for i in block]
            fold_counts = _Counts()
            _score_model(test, model, "cv", fold_counts)
            product = OrganisationRecogniser(codebook, model=model)
            _score_rules(test, _geoparser_with(geoparser, path), product, "cv pipeline", fold_counts, model=model)
            for key, c in fold_counts.counts.items():
                total = pooled.counts.setdefault(key, [0, 0, 0])
                for j in range(3):
                    total[j] += c[j]
            per_fold.append(fold_counts.scores())
            chosen.append((c1, c2))
            log.info("NER fold %d (c1=%s, c2=%s): %s", k, c1, c2, per_fold[-1])
    return pooled.scores(), per_fold, chosen


def evaluate_ner(
    path: Path,
    geoparser: PlaceRecogniser | None = None,
    recogniser: OrganisationRecogniser | None = None,
    detectors: Iterable[str] = ("rules",),
    folds: int = 5,
    model_path: Path = NER_MODEL_PATH,
    grid: Sequence[tuple[float, float]] = NER_GRID,
) -> NerReport:
    """Span-level P/R/F1 for places and organisations (exact token boundaries, coarse class).

    Detectors: ``rules`` (gazetteer geoparser without the model, organisation rules), ``cv``
    (k-fold CRF, contiguous blocks, c1/c2 chosen inside the training folds), ``model`` (the shipped
    CRF's spans) and ``pipeline`` (the geoparser with the shipped model, organisation rules plus
    the model). ``model`` and ``pipeline`` are optimistic on the development half it was trained on.
    """
    from emberwatch.codebook import load_codebook

    if geoparser is None:
        from emberwatch.geo import Geoparser

        geoparser = Geoparser.load()
    codebook = load_codebook(None)
    recogniser = recogniser or OrganisationRecogniser(codebook)
    sentences = load_newsfane(path)
    report = NerReport(path, len(sentences))
    started = time.perf_counter()
    counts = _Counts()
    fine: dict[str, list[int]] = {}
    for name in detectors:
        by_fine = None if fine else fine  # fine-class recall of the first rules/pipeline detector
        if name == "rules":
            _score_rules(sentences, _geoparser_with(geoparser, None), recogniser, name, counts, by_fine)
        elif name in ("model", "pipeline"):
            model = arabic_ner.load_model(getattr(geoparser, "gazetteer", None), path=model_path)
            if name == "model":
                _score_model(sentences, model, name, counts)
            else:
                product = OrganisationRecogniser(codebook, model=model)
                _score_rules(sentences, _geoparser_with(geoparser, model_path), product, name, counts, by_fine, model)
        elif name == "cv":
            pooled, report.fold_scores, report.regularisation = cross_validate_ner(sentences, geoparser, folds, grid)
            for key, score in pooled.items():
                counts.counts[key.replace("(cv", f"({folds}-fold cv")] = [score.tp, score.fp, score.fn]
        else:
            raise InputError(f"unknown NER detector {name!r}; choose {', '.join(NER_DETECTORS)}")
    report.seconds = time.perf_counter() - started
    report.scores = counts.scores()
    report.by_fine_class = {f: (v[0], v[1]) for f, v in sorted(fine.items(), key=lambda kv: -kv[1][1])}
    return report


# --------------------------------------------------------------------------- defaults and Markdown


def shared_data_dir() -> Path:
    """``$EMBERWATCH_SHARED_DATA``, else ``../shared/data`` from the working directory."""
    return Path(os.environ.get("EMBERWATCH_SHARED_DATA", "../shared/data"))


def default_data(task: str) -> Path:
    """The gold file of ``task``: the dev files under the shared data folder, the demo corpus for pairs."""
    if task == "parallel":
        return Path("examples/demo-corpus/reports")
    files = {"assault": "arabic-assault/assault_dev.csv", "ner": "arabic-ner/newsfane_dev.txt"}
    if task not in files:
        raise InputError(f"unknown Arabic evaluation task {task!r}; choose assault, ner or parallel")
    return shared_data_dir() / files[task]


def _row(name: str, s: Score) -> str:
    return f"| {name} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {s.tp} / {s.fp} / {s.fn} |"


def assault_markdown(report: AssaultReport, command: str) -> str:
    lines = [
        f"ASSAULT sentence detection on `{report.data.name}`: {report.sentences} sentences "
        f"({report.positives} positive; ambiguous ones left out), `{command}` ({report.seconds:.0f} s).",
        "",
        "| detector | precision | recall | F1 | TP / FP / FN |",
        "|---|---|---|---|---|",
        *(_row(name, s) for name, s in report.scores.items()),
    ]
    if report.fold_scores:
        lines += ["", "Classifier per fold (P / R / F1): " + "; ".join(
            f"{s.precision:.3f} / {s.recall:.3f} / {s.f1:.3f}" for s in report.fold_scores
        ) + f"; mean F1 {sum(s.f1 for s in report.fold_scores) / len(report.fold_scores):.3f}."]  # fmt: skip
    if report.fold_groups:
        lines += ["", "Classifier's positive calls by gold label (annotator votes): " + "; ".join(
            f"{group} {hits}/{n}" for group, (hits, n) in report.fold_groups.items()
        ) + "."]  # fmt: skip
    return "\n".join(lines) + "\n"


def ner_markdown(report: NerReport, command: str) -> str:
    lines = [
        f"Mention recognition on `{report.data.name}`: {report.sentences} sentences, exact token spans, "
        f"`{command}` ({report.seconds:.0f} s).",
        "",
        "| class | precision | recall | F1 | TP / FP / FN |",
        "|---|---|---|---|---|",
        *(_row(name, s) for name, s in report.scores.items()),
    ]
    if report.by_fine_class:
        lines += ["", "Recall by fine class (first rules/pipeline detector): " + ", ".join(
            f"{f} {found}/{gold}" for f, (found, gold) in report.by_fine_class.items()
        )]  # fmt: skip
    for k, (fold_scores, (c1, c2)) in enumerate(zip(report.fold_scores, report.regularisation, strict=True)):
        lines += ["", f"Fold {k + 1} (c1 = {c1}, c2 = {c2}), P / R / F1: " + "; ".join(
            f"{name} {s.precision:.3f} / {s.recall:.3f} / {s.f1:.3f}" for name, s in fold_scores.items()
        )]  # fmt: skip
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- parallel reports

PARALLEL_FIELDS = ("event types", "lead type", "lead date", "lead killed", "lead wounded", "lead perpetrator",
                   "lead place")  # fmt: skip


@dataclass(frozen=True)
class ParallelRow:
    """Which fields an Arabic report and its English original agree on."""

    name: str
    arabic_events: int
    english_events: int
    agree: dict[str, bool]


def _lead_fields(doc: DocumentExtraction) -> dict[str, object]:
    events = doc.events
    lead = events[0] if events else None
    return {
        "event types": sorted({e.event_type for e in events}),
        "lead type": lead and (lead.event_type, lead.sub_type),
        "lead date": lead and (lead.date.value, lead.date.precision),
        "lead killed": lead and lead.killed.best,
        "lead wounded": lead and lead.wounded.best,
        "lead perpetrator": lead and lead.perpetrator and lead.perpetrator.actor_id,
        "lead place": lead and lead.place and lead.place.geonames_id,
    }


def extract_report(path: Path, resources: ExtractResources) -> DocumentExtraction:
    """Extract one Markdown report with YAML front matter (language detected from the text)."""

    from emberwatch.extract.pipeline import extract_document

    post = _load_report(path)
    inp = ExtractInput.model_validate({"id": path.name, "text": post.content, "published": post.get("published")})
    return extract_document(inp, resources)


def _load_report(path: Path) -> Any:
    """A report's front matter and text; a front matter YAML cannot parse is an :class:`InputError` naming the
    file and the line (a title with a colon must be quoted)."""
    import frontmatter
    import yaml

    try:
        return frontmatter.load(path)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        raise InputError(
            f"{path}:{where} front matter is not valid YAML ({getattr(exc, 'problem', exc)}); quote a value that "
            'holds a colon, e.g. title: "..."'
        ) from exc


def parallel_agreement(reports: Path, resources: ExtractResources | None = None) -> list[ParallelRow]:
    """Compare each ``ar/*.md`` report that declares ``translation_of`` with its English original."""

    from emberwatch.extract.pipeline import default_resources

    resources = resources or default_resources()
    rows = []
    for path in sorted((reports / "ar").glob("*.md")):
        original = _load_report(path).get("translation_of")
        if not original:
            continue  # written in Arabic, no English original
        english = reports / str(original)
        if not english.is_file():
            log.warning("%s: translation_of %s does not exist", path.name, original)
            continue
        ar, en = extract_report(path, resources), extract_report(english, resources)
        a, e = _lead_fields(ar), _lead_fields(en)
        rows.append(ParallelRow(path.name, len(ar.events), len(en.events), {f: a[f] == e[f] for f in a}))
    return rows


def parallel_markdown(rows: list[ParallelRow], command: str, reports: Path | None = None) -> str:
    lines = [
        f"Translation pairs in `{reports or default_data('parallel')}` ({len(rows)}), `{command}`: share of pairs "
        "whose Arabic and English "
        "reports agree on each field (the lead event is the first event of the report).",
        "",
        "| field | agreement |",
        "|---|---|",
    ]
    for f in PARALLEL_FIELDS:
        n = sum(r.agree[f] for r in rows)
        lines.append(f"| {f} | {n}/{len(rows)} |")
    return "\n".join(lines) + "\n"
