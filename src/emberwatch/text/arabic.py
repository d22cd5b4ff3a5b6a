"""Arabic normalisation, tokenisation and clitic-aware term matching that keep original offsets.

``normalise(text)`` folds the spelling variation that Arabic news text shows for the same word and
returns the folded string together with an :class:`~emberwatch.text.offsets.OffsetMap`, so every span
found in the folded text maps back to exact offsets in the original text. ``fold(text)`` gives the same
string without the map (for dictionary keys); ``fold(t) == normalise(t).text`` always holds.

Rules (one source character becomes zero, one or several folded characters):

- alef with hamza or madda and alef wasla (أ إ آ ٱ, and wavy-hamza alefs ٲ ٳ ٵ) -> ا
- ta marbuta ة -> ه; alef maqsura ى -> ي
- hamza on a seat: ؤ -> و and ئ -> ي (the seat letter is kept, the hamza dropped, so both
  spellings of a word with a seated hamza fold the same way as its unhamzated spelling; a lone ء stays)
- Persian/Urdu look-alikes ک ی -> ك ي
- harakat, tanwin, shadda, sukun, superscript alef, Quranic marks and tatweel ـ are removed
- bidi controls and zero-width characters (U+061C, U+200B-U+200F, U+202A-U+202E, U+2066-U+2069,
  U+FEFF) are removed
- Arabic-Indic (٠-٩) and Eastern Arabic-Indic (۰-۹) digits -> ASCII digits
- presentation forms (U+FB50-U+FDFF, U+FE70-U+FEFC) are expanded with NFKC first (ﻻ -> لا)

A removed harakah or tatweel is attached to the letter before it, so the original span of a folded
word includes its trailing vowel marks; removed bidi/zero-width characters are attached to nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from emberwatch.text.offsets import OffsetMap

# --------------------------------------------------------------------------- character table

_LETTER_MAP: dict[str, str] = {
    "\u0623": "ا",  # أ
    "\u0625": "ا",  # إ
    "\u0622": "ا",  # آ
    "\u0671": "ا",  # ٱ alef wasla
    "\u0672": "ا",
    "\u0673": "ا",
    "\u0675": "ا",
    "\u0629": "ه",  # ة -> ه
    "\u0649": "ي",  # ى -> ي
    "\u0624": "و",  # ؤ -> و
    "\u0626": "ي",  # ئ -> ي
    "\u06a9": "ك",  # Persian keheh
    "\u06cc": "ي",  # Farsi yeh
}

_MARKS: set[int] = {
    *range(0x064B, 0x0660),  # harakat, tanwin, shadda, sukun, hamza above/below marks
    0x0670,  # superscript alef
    *range(0x0610, 0x061B),  # honorific / Quranic signs
    *range(0x06D6, 0x06DD),
    *range(0x06DF, 0x06E5),
    *range(0x06E7, 0x06E9),
    *range(0x06EA, 0x06EE),
    0x0640,  # tatweel
}

_FORMAT: set[int] = {
    0x061C,  # Arabic letter mark
    *range(0x200B, 0x2010),  # zero-width space/non-joiner/joiner, LRM, RLM
    *range(0x202A, 0x202F),  # embeddings and overrides
    *range(0x2066, 0x206A),  # isolates
    0xFEFF,  # zero-width no-break space / BOM
}

_DIGITS: dict[int, str] = {
    **{0x0660 + i: str(i) for i in range(10)},
    **{0x06F0 + i: str(i) for i in range(10)},
}

_PRESENTATION_RANGES = (range(0xFB50, 0xFE00), range(0xFE70, 0xFEFD))


def _fold_plain(s: str) -> str:
    out = []
    for ch in s:
        cp = ord(ch)
        if cp in _MARKS or cp in _FORMAT:
            continue
        out.append(_DIGITS.get(cp) or _LETTER_MAP.get(ch, ch))
    return "".join(out)


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {cp: "" for cp in _MARKS | _FORMAT}
    table.update(_DIGITS)
    table.update({ord(k): v for k, v in _LETTER_MAP.items()})
    for block in _PRESENTATION_RANGES:
        for cp in block:
            ch = chr(cp)
            if unicodedata.category(ch) == "Cn":
                continue
            expanded = _fold_plain(unicodedata.normalize("NFKC", ch))
            if expanded != ch:
                table[cp] = expanded
    return table


_TABLE: dict[int, str] = _build_table()
_REMOVED = "".join(chr(cp) for cp in sorted(_MARKS | _FORMAT))


_LETTER = re.compile(r"[^\W\d_]")
_ARABIC_BLOCKS = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_ARABIC_LETTER = re.compile(rf"(?=[^\W\d_])[{_ARABIC_BLOCKS}]")


def arabic_ratio(text: str) -> float:
    """Share of letters (not digits, marks or punctuation) that are in the Arabic script blocks."""
    letters = len(_LETTER.findall(text))
    return len(_ARABIC_LETTER.findall(text)) / letters if letters else 0.0


# quotation marks that may stand between the words of a codebook term ('تنظيم "الدولة الإسلامية"')
_TERM_QUOTES = "\"“”«»'‘’"


def fold(text: str) -> str:
    """Normalised text without an offset map (fast; for dictionary keys and lookups)."""
    return text.translate(_TABLE)


# --------------------------------------------------------------------------- normalise with offsets


@dataclass(frozen=True)
class NormalisedText:
    """A folded string, the original it came from, and the map between them."""

    text: str
    original: str
    offsets: OffsetMap = field(repr=False)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` offsets of the normalised span ``[start, end)``."""
        return self.offsets.to_original(start, end)

    def original_text(self, start: int, end: int) -> str:
        """The original text under the normalised span ``[start, end)``."""
        s, e = self.to_original(start, end)
        return self.original[s:e]


def normalise(text: str) -> NormalisedText:
    """Fold ``text`` (see the module docstring for the rules) and keep a character offset map."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    group_from = -1  # first output index produced by the last kept source character
    attach = False  # may a removed mark extend the last kept character?
    for i, ch in enumerate(text):
        cp = ord(ch)
        rep = _TABLE.get(cp, ch)
        if rep == "":
            if attach and cp in _MARKS:
                for k in range(group_from, len(out)):
                    ends[k] = i + 1
            else:
                attach = False
            continue
        group_from = len(out)
        for piece in rep:
            out.append(piece)
            starts.append(i)
            ends.append(i + 1)
        attach = True
    return NormalisedText("".join(out), text, OffsetMap(starts, ends, len(text)))


# --------------------------------------------------------------------------- tokens

# letters and digits make separate tokens, so "و٥" (and five) is "و" + "5"
_WORD = re.compile(r"[^\W\d_]+|\d+")


@dataclass(frozen=True)
class Token:
    """A word: its folded form and its offsets in both the folded and the original text."""

    norm: str
    text: str
    start: int
    end: int
    norm_start: int
    norm_end: int


def tokens(text: str | NormalisedText) -> list[Token]:
    """Words (runs of letters, or of digits) of ``text`` with original and normalised offsets."""
    nt = text if isinstance(text, NormalisedText) else normalise(text)
    found = []
    for m in _WORD.finditer(nt.text):
        s, e = nt.to_original(m.start(), m.end())
        found.append(Token(m.group(), nt.original[s:e], s, e, m.start(), m.end()))
    return found


# --------------------------------------------------------------------------- clitics

CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")
ARTICLE = "ال"
MIN_STEM = 2
# Suffixes a word of a term may carry when the matcher allows them (folded forms): pronouns, sound
# plurals and duals, nisba endings, accusative alef.
SUFFIXES = ("ه", "ها", "هم", "هما", "هن", "ين", "ان", "ات", "ون", "يه", "يين", "يون", "ا", "ي")
_TA_SUFFIXES = ("ه", "ها", "هم", "ين", "ان", "ي", "هما")


@dataclass(frozen=True)
class CliticSplit:
    """One reading of a folded token: proclitics, an optional article, and the stem.

    ``stem_offset`` is where the word (article included when written) starts inside the token;
    for ``لل`` (``ل`` + ``ال`` with the article's alef elided) it is the second lam.
    """

    prefix: str
    has_article: bool
    stem: str
    stem_offset: int


@lru_cache(maxsize=65536)
def clitic_variants(token: str) -> tuple[CliticSplit, ...]:
    """Every reading of ``token`` (folded) as [و|ف][ب|ل|ك][ال]stem, the unsplit reading first.

    Readings whose stem would be shorter than two letters are dropped, so ``بل`` is never ``ب`` + ``ل``.
    """
    token = fold(token)
    out: list[CliticSplit] = []
    conj_options = [""] + ([token[0]] if token[:1] in CONJUNCTIONS else [])
    for conj in conj_options:
        rest = token[len(conj) :]
        prep_options = [""] + ([rest[0]] if rest[:1] in PREPOSITIONS else [])
        for prep in prep_options:
            body = rest[len(prep) :]
            prefix = conj + prep
            offset = len(prefix)
            if len(body) >= MIN_STEM:
                out.append(CliticSplit(prefix, False, body, offset))
            if body.startswith(ARTICLE) and len(body) - 2 >= MIN_STEM:
                out.append(CliticSplit(prefix, True, body[2:], offset))
            elif prep == "ل" and body.startswith("ل") and len(body) - 1 >= MIN_STEM:
                out.append(CliticSplit(prefix, True, body[1:], offset))
    return tuple(dict.fromkeys(out))


def _term_head(word: str) -> tuple[bool, str]:
    """(article required, stem) for the first word of a folded term."""
    if word.startswith(ARTICLE) and len(word) - 2 >= MIN_STEM:
        return True, word[2:]
    return False, word


def _ends_with_ta_marbuta(original: str) -> bool:
    """True when the original word ends in ة (ignoring trailing harakat): its final ه is no pronoun."""
    return original.rstrip(_REMOVED).endswith("\u0629")


def _suffix_match(token: str, word: str, ta_marbuta: bool = False) -> bool:
    """``token`` is ``word`` plus an allowed suffix; a folded ة is never the pronoun ه (سيطرة ≠ سيطر+ه)."""
    if token == word:
        return True
    rest = token[len(word) :]
    if token.startswith(word) and rest in SUFFIXES and not (ta_marbuta and rest.endswith("ه")):
        return True
    if word.endswith("ه"):
        if token == word[:-1] + "ات":
            return True  # sound feminine plural: مداهمة -> مداهمات
        stem = word[:-1] + "ت"
        return token.startswith(stem) and token[len(stem) :] in _TA_SUFFIXES
    return False


# --------------------------------------------------------------------------- term matcher


@dataclass(frozen=True)
class TermMatch:
    """A codebook term found in a text.

    ``start``/``end`` are original offsets of the matched words without the proclitics
    (و ف ب ل ك) but with the article when it is written: ``وبالميادين`` -> ``الميادين``.
    ``token_start``/``token_end`` cover the whole tokens, proclitics included.
    """

    key: str
    term: str
    start: int
    end: int
    token_start: int
    token_end: int
    prefix: str
    text: str


@dataclass(frozen=True)
class _Term:
    key: str
    term: str
    words: tuple[str, ...]
    needs_article: bool
    suffixes: bool


class TermMatcher:
    """Find many Arabic terms in text, allowing proclitics (و ف ب ل ك, combined) and the article ال.

    A term without the article matches a token with or without it (``ميادين`` finds ``وبالميادين``); a
    term written with the article needs it in the text, as ``لل`` or ``ال`` (``الدولة`` does not match
    ``دولة``). Words after the first must follow as written, separated by whitespace only; with
    ``suffixes=True`` every word may carry an attached pronoun or a sound plural/dual ending
    (``عبوة ناسفة`` then finds ``بعبوتين ناسفتين``). When the text adds the article to the first word
    of a term written without it, the following words may carry it too (``خلايا نائمة`` finds
    ``الخلايا النائمة``).
    """

    def __init__(self, terms: Iterable[tuple[str, str]] = (), *, suffixes: bool = False) -> None:
        self._by_stem: dict[str, list[_Term]] = {}
        self._suffixes = suffixes
        self._suffix_stems: dict[str, list[_Term]] = {}
        for term, key in terms:
            self.add(term, key)

    def add(self, term: str, key: str, *, suffixes: bool | None = None) -> None:
        """Register ``term`` (any spelling; it is folded) under ``key``."""
        words = tuple(w.group() for w in _WORD.finditer(fold(term)))
        if not words:
            raise ValueError(f"term {term!r} has no letters or digits")
        needs_article, stem = _term_head(words[0])
        entry = _Term(key, term, words, needs_article, self._suffixes if suffixes is None else suffixes)
        self._by_stem.setdefault(stem, []).append(entry)
        if entry.suffixes:
            self._suffix_stems.setdefault(stem[:2], []).append(entry)

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_stem.values())

    def find_all(self, text: str | NormalisedText) -> list[TermMatch]:
        """Every match, overlapping ones included, in text order."""
        nt = text if isinstance(text, NormalisedText) else normalise(text)
        toks = tokens(nt)
        found: list[TermMatch] = []
        for i, tok in enumerate(toks):
            for split in clitic_variants(tok.norm):
                for entry in self._candidates(split, _ends_with_ta_marbuta(tok.text)):
                    if entry.needs_article and not split.has_article:
                        continue
                    match = self._extend(nt, toks, i, split, entry)
                    if match is not None:
                        found.append(match)
        found = list({(m.key, m.start, m.end): m for m in found}.values())
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        return found

    def find(self, text: str | NormalisedText) -> list[TermMatch]:
        """Longest leftmost non-overlapping matches (one per span; ties keep the first key added)."""
        chosen: list[TermMatch] = []
        last_end = -1
        for m in self.find_all(text):
            if m.start >= last_end:
                chosen.append(m)
                last_end = m.end
        return chosen

    def _candidates(self, split: CliticSplit, ta_marbuta: bool) -> Iterator[_Term]:
        yield from self._by_stem.get(split.stem, ())
        for entry in self._suffix_stems.get(split.stem[:2], ()):
            stem = entry.words[0][2:] if entry.needs_article else entry.words[0]
            if split.stem != stem and _suffix_match(split.stem, stem, ta_marbuta):
                yield entry

    def _extend(
        self, nt: NormalisedText, toks: list[Token], i: int, split: CliticSplit, entry: _Term
    ) -> TermMatch | None:
        last = i + len(entry.words) - 1
        if last >= len(toks):
            return None
        for k in range(1, len(entry.words)):
            prev, tok = toks[i + k - 1], toks[i + k]
            # (quotation marks may stand between the words: 'جماعة "دولة إسلامية"', a name quoted)
            if nt.text[prev.norm_end : tok.norm_start].strip().strip(_TERM_QUOTES):
                return None
            word = entry.words[k]
            # adjectives agree in definiteness: "خلايا نائمة" also finds "الخلايا النائمة"
            agree = split.has_article and not entry.needs_article and tok.norm[:2] == ARTICLE
            forms = [tok.norm, tok.norm[2:]] if agree else [tok.norm]
            ta = _ends_with_ta_marbuta(tok.text)
            if not any(_suffix_match(f, word, ta) if entry.suffixes else f == word for f in forms):
                return None
        first = toks[i]
        start, _ = nt.to_original(first.norm_start + split.stem_offset, first.norm_end)
        end = toks[last].end
        return TermMatch(
            key=entry.key,
            term=entry.term,
            start=start,
            end=end,
            token_start=first.start,
            token_end=end,
            prefix=split.prefix,
            text=nt.original[start:end],
        )
