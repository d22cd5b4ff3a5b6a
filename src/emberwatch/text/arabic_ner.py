"""Arabic place and organisation mentions with a CRF sequence labeller (python-crfsuite).

Tokens are the words of :func:`emberwatch.text.arabic.tokens` (clitics stay attached, as in running
text); labels are BIO over four coarse classes: ``place`` (ACE GPE and LOC), ``organisation``,
``person`` (people, nationalities, officials) and ``other`` (facilities, vehicles, works). Only
places and organisations are used downstream; the other two classes help the model tell a person
or a nationality from a place.

Features of a token (:func:`sentence_features`): its folded form, its clitic-split stem and the
proclitics removed (``وبالموصل`` -> ``ب`` + ``ال`` + ``موصل``), stem prefixes and suffixes, word shape,
the punctuation before it, the same for the words up to two either side, and lexicon features:

- gazetteer membership (:class:`NerLexicon`): does a reading of the token (whole, or without its
  proclitics, with or without the article), or the bigram it starts, name a country, province,
  district, city, region or continent, or is it a demonym; how populous the biggest such place is;
- organisation cues from :mod:`emberwatch.extract.ar.organisations`: head nouns (وزارة, حزب ...), name
  heads that are not part of the name (صحيفة, نادي ...), and the recogniser's own spans as B/I flags;
- :func:`emberwatch.text.arabic_common.is_common_word`, stem bigrams, and a "sports sentence" flag
  (general sports words) crossed with the gazetteer features: a country in a match report is a team;
- the story around the sentence: how many sports words the :data:`STORY_WINDOW` sentences either side
  hold (a bucket, also crossed with the gazetteer features), since a match report's sentences that
  name only the teams often have no sports word of their own; and whether the word's stem is inside an
  organisation-rule mention in those sentences (``نادي الوحدة`` there, ``الوحدة`` alone here);
- how common the word and its stem are in Arabic (``wordfreq`` Zipf value, rounded down): names of
  foreign clubs, papers and firms are rare words.

:meth:`ArabicNerModel.find` takes the sentences of its text as one story;
:meth:`ArabicNerModel.find_sentences` tags consecutive sentences given separately, and
:func:`train` reads its training sentences as consecutive sentences of running text.

A mention that starts with a proclitic token (``بالعراق``, ``ولبنان``) starts after the proclitics
when the rest is a known name (gazetteer, organisation lists) or carries the article; names that
begin with such a letter (``بغداد``, ``لبنان``) are kept whole when the whole token is known.

The model file (``models/arabic_ner.crfsuite``) is trained on the NewsFANE development half
(CC BY-SA 3.0, Alotaibi & Lee 2014) with ``emberwatch evaluate arabic --task ner --retrain``; its
feature weights hold words of that corpus.
"""

from __future__ import annotations

import logging
import math
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from emberwatch.errors import InputError
from emberwatch.text.arabic import Token, clitic_variants, fold, normalise, tokens
from emberwatch.text.arabic_common import is_common_word

if TYPE_CHECKING:
    from emberwatch.extract.ar.organisations import OrganisationRecogniser
    from emberwatch.geo.gazetteer import Gazetteer

log = logging.getLogger(__name__)

MODEL_PATH = Path(__file__).parent / "models" / "arabic_ner.crfsuite"
LABELS = ("place", "organisation", "person", "other")
_RETRAIN = "train it with `emberwatch evaluate arabic --task ner --retrain`"
_SENTENCE_END = re.compile(r"[.!?؟\n]+")
_LATIN = re.compile(r"[A-Za-z]")
_KIND_NAMES = ("city", "admin1", "admin2", "country", "region", "continent")
# sentences either side of a sentence that make its story context (:class:`StoryContext`)
STORY_WINDOW = 2


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class NerSpan:
    """A recognised mention: original character offsets, coarse class and the model's confidence.

    ``confidence`` is the mean marginal probability of the span's labels.
    """

    start: int
    end: int
    label: str
    text: str
    confidence: float


@dataclass(frozen=True)
class TrainingSentence:
    """Running text and its gold mentions as ``(start, end, label)`` character spans."""

    text: str
    spans: tuple[tuple[int, int, str], ...]


# --------------------------------------------------------------------------- lexicon features


class NerLexicon:
    """Gazetteer and organisation-list lookups for token features (memoised per folded form)."""

    def __init__(self, gazetteer: Gazetteer | None, organisations: OrganisationRecogniser | None = None) -> None:
        from emberwatch.extract.ar.organisations import DEFINITE_HEADS, HEADS, OUTER_HEADS

        self.gazetteer = gazetteer
        self.organisations = organisations
        self.heads = HEADS
        self.definite_heads = DEFINITE_HEADS
        self.outer_heads = OUTER_HEADS
        self.generic = _generic_place_nouns()
        self._cache: dict[str, tuple[str, ...]] = {}
        self._lock = threading.Lock()

    def place_features(self, key: str) -> tuple[str, ...]:
        """Kinds of the places named ``key`` (folded), demonym flag and a population bucket."""
        if self.gazetteer is None:
            return ()
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        from emberwatch.geo.folding import fold_key
        from emberwatch.geo.gazetteer import DEMONYM

        gz = self.gazetteer
        index = gz.key_index(fold_key(key))
        out: tuple[str, ...] = ()
        if index is not None and not gz.is_stop_word(index):
            postings = gz.postings(index)
            names = [p for p in postings if not p.flags & DEMONYM]
            feats = {"demonym"} if len(names) < len(postings) else set()
            population = 0
            for p in names:
                feats.add(_KIND_NAMES[int(gz.kind[p.place])])
                population = max(population, int(gz.population[p.place]))
            if names:
                feats.add(f"pop{min(7, int(math.log10(population + 1)))}")
                feats.add("common" if gz.zipf(index) >= 4.0 or gz.is_common_arabic(key) else "rare")
            out = tuple(sorted(feats))
        with self._lock:
            if len(self._cache) > 200_000:
                self._cache.clear()
            self._cache[key] = out
        return out

    def known(self, key: str) -> bool:
        """The folded ``key`` names a place (not only a demonym) or an organisation of the lists."""
        feats = self.place_features(key)
        return any(f in _KIND_NAMES for f in feats) or key in _org_names()

    def is_head(self, stem: str) -> bool:
        """An organisation head noun or a generic place noun (``وزارة``, ``صحيفة``, ``مدينة``)."""
        return stem in self.heads or stem in self.outer_heads or stem in self.generic


@lru_cache(maxsize=1)
def _generic_place_nouns() -> frozenset[str]:
    from emberwatch.geo.recognise import load_cues

    return frozenset(w for w in load_cues().ar_generic if " " not in w)


# words of sports reports: a country or town named in them is often a team (ACE ORG, Sports)
_SPORT_WORDS: frozenset[str] = frozenset(fold(w) for w in (
    "مباراة", "مباريات", "منتخب", "المنتخب", "دوري", "الدوري", "كأس", "بطولة", "البطولة", "هدف", "أهداف",
    "الأهداف", "تعادل", "فاز", "فوز", "خسر", "هزيمة", "لاعب", "اللاعب", "لاعبين", "مدرب", "المدرب", "ملعب",
    "الملعب", "كرة", "القدم", "التصفيات", "نهائي", "النهائي", "الشوط", "المجموعة", "نادي", "النادي",
    "فريق", "الفريق", "تأهل", "بطل", "الأولمبية", "مونديال", "المونديال",
))  # fmt: skip


@lru_cache(maxsize=1)
def _org_names() -> frozenset[str]:
    from emberwatch.extract.ar.organisations import NAMES
    from emberwatch.text.arabic import fold

    return frozenset(fold(n).split()[0] for n in NAMES)


def sport_words(toks: Sequence[Token]) -> int:
    """How many of ``toks`` are general sports words (مباراة, منتخب, تعادل ...)."""
    return sum(1 for t in toks if t.norm in _SPORT_WORDS or _stem(t.norm)[2] in _SPORT_WORDS)


@dataclass(frozen=True)
class StoryContext:
    """What the :data:`STORY_WINDOW` sentences either side of a sentence (same story) tell about it.

    ``sport_words``: how many general sports words they hold; ``organisation_stems``: stems of the
    words that the organisation rules put inside a mention there (a club or paper named with its head
    noun once is often named alone in the next sentences).
    """

    sport_words: int = 0
    organisation_stems: frozenset[str] = frozenset()


Unit = tuple[str, Sequence[Token]]  # a text and the tokens of one of its sentences (offsets in the text)


def story_contexts(
    sentences: Sequence[Sequence[Unit]], lexicon: NerLexicon, window: int = STORY_WINDOW
) -> list[StoryContext]:
    """The :class:`StoryContext` of each of ``sentences``, consecutive sentences of one story (each
    given as its sentence-split units)."""
    return _story(sentences, lexicon, window)[0]


def _story(
    sentences: Sequence[Sequence[Unit]], lexicon: NerLexicon, window: int = STORY_WINDOW
) -> tuple[list[StoryContext], list[list[list[str]]]]:
    """Story contexts and the organisation-rule flags of every unit (reused by the features)."""
    flags = [[_organisation_flags(text, toks, lexicon) for text, toks in units] for units in sentences]
    sport = [sum(sport_words(toks) for _, toks in units) for units in sentences]
    stems: list[frozenset[str]] = []
    for units, unit_flags in zip(sentences, flags, strict=True):
        found: set[str] = set()
        for (_, toks), fl in zip(units, unit_flags, strict=True):
            found.update(stem for t, f in zip(toks, fl, strict=True) if f and len(stem := _stem(t.norm)[2]) > 2)
        stems.append(frozenset(found))
    out = []
    for i in range(len(sentences)):
        near = [k for k in range(max(0, i - window), min(len(sentences), i + window + 1)) if k != i]
        out.append(StoryContext(sum(sport[k] for k in near), frozenset().union(*(stems[k] for k in near))))
    return out, flags


def _count_bucket(n: int) -> str:
    return "0" if n == 0 else "1" if n == 1 else "2" if n <= 3 else "4"


@lru_cache(maxsize=200_000)
def _zipf(word: str) -> int:
    """Zipf frequency of an Arabic word in ``wordfreq``'s lists, rounded down (0: unknown)."""
    from wordfreq import zipf_frequency

    return int(zipf_frequency(word, "ar"))


def _readings(norm: str) -> list[tuple[str, str]]:
    """``(prefix, form)`` readings of a folded token: whole, and without proclitics (article kept)."""
    out = [("", norm)]
    for split in clitic_variants(norm):
        if split.prefix:
            out.append((split.prefix, ("ال" if split.has_article else "") + split.stem))
    return list(dict.fromkeys(out))


def _stem(norm: str) -> tuple[str, bool, str]:
    """(proclitics, article, stem) of the most split reading."""
    variants = clitic_variants(norm)
    if not variants:
        return "", False, norm
    v = variants[-1]
    return v.prefix, v.has_article, v.stem


def _shape(tok: Token) -> str:
    if tok.norm.isdigit():
        return "digit"
    if _LATIN.search(tok.norm):
        return "latin"
    return "len" + str(min(len(tok.norm), 8))


def _word_features(tok: Token, lexicon: NerLexicon) -> dict[str, str | bool]:
    norm = tok.norm
    prefix, article, stem = _stem(norm)
    f: dict[str, str | bool] = {
        "w": norm,
        "stem": stem,
        "pre": prefix + ("+ال" if article else ""),
        "s2": stem[-2:],
        "s3": stem[-3:],
        "p2": stem[:2],
        "p3": stem[:3],
        "shape": _shape(tok),
        "zipf": str(_zipf(norm)),
        "zipfstem": str(_zipf(stem)),
    }
    if is_common_word(norm):
        f["commonw"] = True
    gz: set[str] = set()
    for pre, form in _readings(norm):
        for feat in lexicon.place_features(form):
            gz.add(("split:" if pre else "") + feat)
    for feat in gz:
        f["gz:" + feat] = True
    if stem in lexicon.heads:
        f["orghead"] = "def" if article else "indef"
        if stem in lexicon.definite_heads:
            f["orghead_def_ok"] = True
    if stem in lexicon.outer_heads:
        f["orgouter"] = True
    return f


def sentence_features(
    text: str,
    toks: Sequence[Token],
    lexicon: NerLexicon,
    story: StoryContext | None = None,
    org_flags: Sequence[str] | None = None,
) -> list[list[str]]:
    """CRFsuite attribute lists, one per token of ``text``; ``story``: what the neighbouring
    sentences of the same story tell (:func:`story_contexts`; none when omitted); ``org_flags``: the
    organisation rules' B/I flags of ``toks`` when already computed."""
    words = [_word_features(t, lexicon) for t in toks]
    gaps = [text[toks[i - 1].end : toks[i].start].strip() if i else "BOS" for i in range(len(toks))]
    bigram_gz: list[tuple[str, ...]] = []
    for i, tok in enumerate(toks):
        feats: set[str] = set()
        if i + 1 < len(toks) and not gaps[i + 1]:
            nxt = toks[i + 1].norm
            for _, form in _readings(tok.norm):
                feats.update(lexicon.place_features(form + " " + nxt))
        bigram_gz.append(tuple(sorted(feats)))
    if org_flags is None:
        org_flags = _organisation_flags(text, toks, lexicon)
    story = story or StoryContext()
    sport = sport_words(toks) > 0
    story_sport = _count_bucket(story.sport_words)
    out: list[list[str]] = []
    n = len(toks)
    for i in range(n):
        attrs = ["bias"]
        for offset in (-2, -1, 0, 1, 2):
            k = i + offset
            tag = f"{offset:+d}" if offset else "0"
            if not 0 <= k < n:
                attrs.append(f"{tag}:pad")
                continue
            wf = words[k]
            near_gz = [x for x in wf if x.startswith("gz:")] if abs(offset) == 1 else []
            keys = list(wf) if offset == 0 else ["w", "stem", "pre", "shape", "orghead", "orgouter", *near_gz]
            for key in keys:
                if key not in wf:
                    continue
                value = wf[key]
                attrs.append(f"{tag}:{key}" if value is True else f"{tag}:{key}={value}")
        attrs.append(f"gap={gaps[i] or '_'}")
        if i + 1 < n:
            attrs.append(f"gapnext={gaps[i + 1] or '_'}")
        if i == 0:
            attrs.append("BOS")
        if i == n - 1:
            attrs.append("EOS")
        attrs.extend(f"bigz:{x}" for x in bigram_gz[i])
        if i and bigram_gz[i - 1]:
            attrs.extend(f"-1:bigz:{x}" for x in bigram_gz[i - 1])
        if org_flags[i]:
            attrs.append(f"orgrule={org_flags[i]}")
        if i + 1 < n and org_flags[i + 1]:
            attrs.append(f"+1:orgrule={org_flags[i + 1]}")
        if sport:
            attrs.append("sport")
            attrs.extend([f"sport&{a}" for a in attrs if a.startswith("0:gz:")])
        attrs.append(f"sportctx={story_sport}")
        if story_sport != "0":
            attrs.extend([f"sportctx&{a}" for a in attrs if a.startswith("0:gz:")])
        if words[i]["stem"] in story.organisation_stems:
            attrs.append("storyorg")
        if i:
            attrs.append(f"stem-1|0={words[i - 1]['stem']}|{words[i]['stem']}")
        if i + 1 < n:
            attrs.append(f"stem0|+1={words[i]['stem']}|{words[i + 1]['stem']}")
        if words[i]["stem"] in _org_names() or toks[i].norm in _org_names():
            attrs.append("orgname")
        out.append(attrs)
    return out


def _organisation_flags(text: str, toks: Sequence[Token], lexicon: NerLexicon) -> list[str]:
    flags = [""] * len(toks)
    if lexicon.organisations is None or not toks:
        return flags
    first = toks[0].start  # only the sentence's own text: ``text`` may be a whole document
    for m in lexicon.organisations.find_rules(text[first : toks[-1].end]):
        start, end = m.start + first, m.end + first
        inside = [i for i, t in enumerate(toks) if t.start < end and start < t.end]
        for n, i in enumerate(inside):
            flags[i] = "B" if n == 0 else "I"
    return flags


# --------------------------------------------------------------------------- sentences


def sentence_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of the sentences of ``text`` (split after . ! ? ؟ and line breaks)."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if text[start : m.end()].strip():
            out.append((start, m.end()))
        start = m.end()
    if text[start:].strip():
        out.append((start, len(text)))
    return out


def bio_labels(toks: Sequence[Token], spans: Iterable[tuple[int, int, str]]) -> list[str]:
    """BIO labels of ``toks`` for character ``spans`` (a span starting inside a token labels it B)."""
    labels = ["O"] * len(toks)
    for start, end, label in sorted(spans):
        inside = [i for i, t in enumerate(toks) if t.start < end and start < t.end]
        if not inside or any(labels[i] != "O" for i in inside):
            continue
        labels[inside[0]] = f"B-{label}"
        for i in inside[1:]:
            labels[i] = f"I-{label}"
    return labels


def mention_start(tok: Token, lexicon: NerLexicon) -> int:
    """Original offset where a mention starting at ``tok`` begins, after any proclitics.

    The whole token wins when it is a known name or head noun (``بغداد``, ``لبنان``, ``وزارة``);
    otherwise the least split reading whose rest is known or a head noun, or that carries the article
    (``بالعراق`` -> ``العراق``, ``لوزارة`` -> ``وزارة``); else a leading و/ف before a word of four
    letters or more is the conjunction.
    """
    norm = tok.norm
    whole = norm[2:] if norm.startswith("ال") else norm
    if lexicon.known(norm) or lexicon.is_head(whole):
        return tok.start
    readings = [r for r in _readings(norm) if r[0]]
    best = None
    for prefix, form in sorted(readings, key=lambda r: len(r[0])):
        bare = form[2:] if form.startswith("ال") else form
        if lexicon.known(form) or lexicon.known(bare) or lexicon.is_head(bare):
            best = prefix
            break
    if best is None:
        with_article = [p for p, form in readings if form.startswith("ال")]
        best = max(with_article, key=len) if with_article else ""
    if not best and norm[:1] in ("و", "ف") and len(norm) >= 5:
        best = norm[0]  # "وسورية": a conjunction before an unknown name
    if not best:
        return tok.start
    # the token's folded text starts at norm_start; map the prefix end back to the original
    nt = normalise(tok.text)
    return tok.start + nt.to_original(len(best), len(best))[0]


# --------------------------------------------------------------------------- the model


class ArabicNerModel:
    """A trained CRF and the lexicon its features need; :meth:`find` tags running text."""

    def __init__(self, path: Path, lexicon: NerLexicon) -> None:
        try:
            import pycrfsuite
        except ImportError as exc:
            raise InputError(
                "The Arabic NER model needs python-crfsuite: `pip install python-crfsuite==0.9.12`."
            ) from exc
        if not path.is_file():
            raise InputError(f"Arabic NER model not found: {path}; {_RETRAIN}")
        self.path = path
        self.lexicon = lexicon
        self._tagger = pycrfsuite.Tagger()
        try:
            self._tagger.open(str(path))
        except (OSError, ValueError) as exc:
            raise InputError(f"Arabic NER model {path} cannot be read ({exc}); {_RETRAIN}") from exc
        self._lock = threading.Lock()

    def find(self, text: str, labels: Iterable[str] = LABELS) -> list[NerSpan]:
        """Mentions of the classes in ``labels`` in ``text``, in text order (its sentences are one story)."""
        wanted = set(labels)
        units = [[(text, toks)] for toks in _sentence_tokens(text)]
        story, flags = _story(units, self.lexicon)
        out: list[NerSpan] = []
        for [(_, toks)], context, [unit_flags] in zip(units, story, flags, strict=True):
            out.extend(s for s in self._tag(text, toks, context, unit_flags) if s.label in wanted)
        return out

    def find_sentences(self, texts: Sequence[str], labels: Iterable[str] = LABELS) -> list[list[NerSpan]]:
        """Mentions in each of ``texts``, consecutive sentences of one story (offsets within each text)."""
        wanted = set(labels)
        units = [[(text, toks) for toks in _sentence_tokens(text)] for text in texts]
        story, flags = _story(units, self.lexicon)
        out: list[list[NerSpan]] = []
        for u, context, unit_flags in zip(units, story, flags, strict=True):
            found: list[NerSpan] = []
            for (text, toks), fl in zip(u, unit_flags, strict=True):
                found.extend(s for s in self._tag(text, toks, context, fl) if s.label in wanted)
            out.append(found)
        return out

    def _tag(
        self, text: str, toks: Sequence[Token], story: StoryContext | None = None, flags: Sequence[str] | None = None
    ) -> list[NerSpan]:
        xseq = sentence_features(text, toks, self.lexicon, story, flags)
        with self._lock:
            tags = self._tagger.tag(xseq)
            probs = [self._tagger.marginal(t, i) for i, t in enumerate(tags)]
        return _spans(text, toks, tags, probs, self.lexicon)


def _sentence_tokens(text: str) -> list[list[Token]]:
    """Tokens of each sentence of ``text`` (offsets in ``text``); sentences without words are left out."""
    out = []
    for start, end in sentence_ranges(text):
        toks = tokens(text[start:end])
        if toks:
            out.append([Token(t.norm, t.text, t.start + start, t.end + start, t.norm_start, t.norm_end) for t in toks])
    return out


def _spans(text: str, toks: Sequence[Token], tags: list[str], probs: list[float], lexicon: NerLexicon) -> list[NerSpan]:
    out = []
    i = 0
    while i < len(tags):
        if tags[i] == "O":
            i += 1
            continue
        label = tags[i][2:]
        j = i + 1
        while j < len(tags) and tags[j] == f"I-{label}" and not _starts_conjoined(toks[j], lexicon):
            j += 1
        start = mention_start(toks[i], lexicon)
        end = toks[j - 1].end
        confidence = sum(probs[i:j]) / (j - i)
        out.append(NerSpan(start, end, label, text[start:end], confidence))
        i = j
    return out


def _starts_conjoined(tok: Token, lexicon: NerLexicon) -> bool:
    """``وصندوق``, ``وفرنسا`` inside a predicted span: "and" + a head noun or a known name starts a
    second mention (``البنك الدولي وصندوق النقد الدولي`` is two organisations)."""
    norm = tok.norm
    if norm[:1] != "و" or lexicon.known(norm):
        return False
    rest = norm[1:]
    bare = rest[2:] if rest.startswith("ال") else rest
    return lexicon.is_head(bare) or lexicon.known(rest)


def train(
    sentences: Sequence[TrainingSentence],
    lexicon: NerLexicon,
    out: Path,
    c1: float = 0.1,
    c2: float = 0.05,
    max_iterations: int = 150,
) -> Path:
    """Train a CRF on ``sentences`` and write it to ``out`` (L-BFGS with L1 ``c1`` and L2 ``c2``).

    ``sentences`` are read as consecutive sentences of running text: each one's story context comes
    from its neighbours in the sequence (:func:`story_contexts`).
    """
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    units = [[(s.text, tokens(s.text))] for s in sentences]
    story, flags = _story(units, lexicon)
    for s, [(_, toks)], context, [unit_flags] in zip(sentences, units, story, flags, strict=True):
        if toks:
            trainer.append(sentence_features(s.text, toks, lexicon, context, unit_flags), bio_labels(toks, s.spans))
    trainer.set_params({
        "c1": c1, "c2": c2, "max_iterations": max_iterations, "feature.possible_transitions": True,
        "feature.minfreq": 1,
    })  # fmt: skip
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    log.info("saved Arabic NER model (%d sentences) to %s", len(sentences), out)
    return out


_MODELS: dict[tuple[Path, int, int], ArabicNerModel] = {}
_MODELS_LOCK = threading.Lock()


def load_model(
    gazetteer: Gazetteer | None, organisations: OrganisationRecogniser | None = None, path: Path = MODEL_PATH
) -> ArabicNerModel:
    """The model at ``path`` with a lexicon over ``gazetteer`` (loaded once per path and gazetteer)."""
    key = (path, path.stat().st_mtime_ns if path.is_file() else 0, id(gazetteer))
    with _MODELS_LOCK:
        model = _MODELS.get(key)
        if model is None:
            if organisations is None:
                from emberwatch.extract.ar.organisations import OrganisationRecogniser

                organisations = OrganisationRecogniser(_codebook())
            model = ArabicNerModel(path, NerLexicon(gazetteer, organisations))
            _MODELS[key] = model
        return model


def _codebook():  # type: ignore[no-untyped-def]
    from emberwatch.codebook import load_codebook

    return load_codebook(None)
