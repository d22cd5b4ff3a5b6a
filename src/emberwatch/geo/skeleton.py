"""Match an Arabic-script place name to a place that the gazetteer knows only in Latin script.

GeoNames gives Arabic names to most large places of the Arab world but to only about 60% of its
towns and villages (``الهول`` has no Arabic name; "Al Hawl" has). Arabic writes consonants and long
vowels; romanisations write short vowels too, and use digraphs for single Arabic letters. Both
sides are reduced to a *skeleton* over shared letter classes, with the article and ta marbuta
dropped:

- Arabic ``الهول`` -> ``hwl``; Latin "Al Hawl" -> ``hwl``;
- Arabic ``دير الزور`` -> ``dyr zwr``; Latin "Deir ez-Zor" -> ``dyr zwr``;
- Arabic ``البصيرة`` -> ``bsyr``; Latin "Al Busayrah" -> ``bsyr``.

Letters that romanisations merge share a class (``ح``/``ه`` = h, ``س``/``ص`` = s, ``ت``/``ط`` = t,
``د``/``ض``/``ذ`` = d, ``ق``/``ك`` = k, ``ث`` = t), ``ع`` and hamza vanish, and the long vowels
``و``/``ي`` may match a Latin short vowel (u, o / i, e). A name matches when the consonant skeletons
are equal and the full skeletons differ by at most one vowel letter. Skeletons of fewer than three
consonants must match exactly with a long vowel (``hwl``); shorter ones are never matched.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from emberwatch.geo.recognise import AR_APPOSITIVE_TOWN, ARABIC_NAMES
from emberwatch.text.arabic import Token, clitic_variants, fold, tokens

if TYPE_CHECKING:
    from emberwatch.geo.gazetteer import Gazetteer

# Countries whose towns Arabic-language reports name in Arabic script while GeoNames often lists them in
# Latin script only: the countries with Arabic place names (see recognise.ARABIC_NAMES), the rest of
# the Lake Chad basin and central Sahel, and the other theatres of the Islamic State's provinces (Central
# Africa, Mozambique, East Asia) and Indonesia, whose towns Arabic reports spell out ("مارانتاو" = Marantao).
SKELETON_COUNTRIES = ARABIC_NAMES | {"BF", "CM", "TD", "BJ", "CD", "UG", "MZ", "PH", "ID"}

_AR_CLASSES: dict[str, str] = {
    "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "K", "د": "d", "ذ": "d", "ر": "r", "ز": "z",
    "س": "s", "ش": "X", "ص": "s", "ض": "d", "ط": "t", "ظ": "d", "غ": "j", "ف": "f", "ق": "k", "ك": "k",
    "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "w", "ي": "y", "پ": "b", "چ": "X", "گ": "j", "ڤ": "f",
}  # fmt: skip
_AR_SILENT = set("اأإآءؤئعىة")  # vowels carriers, hamza, ayn, ta marbuta (after folding some are gone)

_LATIN_DIGRAPHS = (
    ("kh", "K"), ("gh", "j"), ("sh", "X"), ("ch", "X"), ("th", "t"), ("dh", "d"), ("ph", "f"),
    ("ou", "u"), ("oo", "u"), ("ee", "i"), ("aw", "w"), ("ay", "y"), ("ey", "y"), ("ai", "y"), ("ei", "y"),
)  # fmt: skip
_LATIN_CLASSES: dict[str, str] = {
    "b": "b", "p": "b", "t": "t", "j": "j", "g": "j", "h": "h", "d": "d", "r": "r", "z": "z", "s": "s",
    "f": "f", "v": "f", "q": "k", "k": "k", "c": "k", "l": "l", "m": "m", "n": "n", "w": "w", "y": "y",
    "i": "i", "e": "i", "u": "u", "o": "u", "a": "", "x": "ks",
}  # fmt: skip
# the article, assimilated or not, at the start of a word: "al-", "el ", "as-", "ad-Dawr", "ez-Zor"
_LATIN_ARTICLE = re.compile(r"\b(?:a|e)(?:l|t|th|d|dh|r|z|s|sh|n)[-\s]+(?=[a-z])")
_AR_ARTICLE = re.compile(r"(?:^|(?<=\s))ال(?=\S{2,})")
_VOWELS = frozenset("iuwy")
MIN_CONSONANTS = 3
UNWRITTEN_VOWELS = 2  # short vowels of a Latin name an Arabic spelling leaves out, at half a letter each
MAX_G_READINGS = 3  # letters ك/ق of a name read as g in turn (2**3 readings at most)


def _collapse(s: str) -> str:
    out: list[str] = []
    for ch in s:
        if not out or out[-1] != ch or ch == " ":
            out.append(ch)
    return "".join(out).strip()


def arabic_skeleton(text: str) -> str:
    """Letter-class skeleton of an Arabic-script name (``الهول`` -> ``hwl``)."""
    return _skeleton_of_folded(_AR_ARTICLE.sub("", fold(text)))


def arabic_skeletons(text: str) -> list[str]:
    """The skeleton of an Arabic-script name and its other readings, most usual first: ``تش`` as one
    sound, as in Chaman (``تشامان``), ``ض``/``ظ``/``ذ`` as z, as in Persian and Urdu names (``فيض آباد``,
    Fayzabad), and ``ك``/``ق`` written for a g, as in Persian and Sahel names (``لشكر كاه``, Lashkar Gah)."""
    folded = _AR_ARTICLE.sub("", fold(text))
    readings = [folded, folded.replace("تش", "چ")]
    if any(chr(ch) in folded for ch in _PERSIAN_Z):  # "فيض آباد" is Fayzabad: ض ظ ذ sound z in Persian and Urdu names
        readings += [reading.translate(_PERSIAN_Z) for reading in readings]
    for reading in list(readings):
        ks = [m.start() for m in re.finditer("[كق]", reading)][:MAX_G_READINGS]
        for chosen in sorted(
            (c for n in range(1, len(ks) + 1) for c in itertools.combinations(ks, n)), key=len
        ):
            readings.append("".join("گ" if i in chosen else ch for i, ch in enumerate(reading)))
    out: list[str] = []
    for reading in readings:
        skeleton = _skeleton_of_folded(reading)
        if skeleton and skeleton not in out:
            out.append(skeleton)
    return out


_PERSIAN_Z = str.maketrans({"ض": "ز", "ظ": "ز", "ذ": "ز"})


def _skeleton_of_folded(folded: str) -> str:
    out = []
    for ch in folded:
        if ch.isspace() or ch == "-":
            out.append(" ")
        elif ch in _AR_CLASSES:
            out.append(_AR_CLASSES[ch])
        elif ch in _AR_SILENT:
            continue
        else:
            return ""  # not a plain Arabic name (digits, Latin letters, ...)
    joined = re.sub(r"(?<=\S\S)h(?= |$)", "", "".join(out))  # ta marbuta, folded to ه: "الرقة"
    # a final h after a long a, as romanisations drop it ("كاه", Gah; the Latin side drops "ah"'s h)
    joined = re.sub(r"(?<=\S)h(?= |$)", "", joined) if folded.rstrip().endswith("اه") else joined
    return _collapse(re.sub(r" +", " ", joined))


def latin_skeleton(name: str) -> str:
    """Letter-class skeleton of a romanised name ("Deir ez-Zor" -> ``dyr zwr``)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    plain = re.sub(r"['`]", "", plain)
    plain = _LATIN_ARTICLE.sub("", plain)
    plain = re.sub(r"[^a-z]+", " ", plain)
    plain = re.sub(r"(?<=[aeiou])h\b", "", plain)  # ta marbuta: "Raqqah", "Busayrah"
    for digraph, cls in _LATIN_DIGRAPHS:
        plain = plain.replace(digraph, cls)
    out = [_LATIN_CLASSES.get(ch, ch if ch in " KGX" else "") for ch in plain]
    return _collapse(re.sub(r" +", " ", "".join(out)))


def consonants(skeleton: str) -> str:
    """The skeleton without vowel letters (the key both scripts agree on)."""
    return "".join(ch for ch in skeleton if ch not in _VOWELS)


def _vowel_distance(arabic: str, latin: str, unwritten: int = 0) -> int:
    """Vowel letters present on one side only, given equal consonant skeletons (-1 if they differ), in
    half letters: each counts 2, except the first ``unwritten`` Latin vowels between two consonants the
    Arabic writes with none, which count 1 (Arabic leaves short vowels out: ``جلب`` is Jilib)."""
    if consonants(arabic) != consonants(latin):
        return -1

    def chunks(s: str) -> list[str]:
        return re.split(r"[^iuwy]", s)

    distance = 0
    for a, b in zip(chunks(arabic), chunks(latin), strict=True):
        a_set = {"i" if c in "iy" else "u" for c in a}
        b_set = {"i" if c in "iy" else "u" for c in b}
        if not a_set and len(b_set) == 1 and unwritten > 0:
            unwritten -= 1
            distance += 1
            continue
        distance += 2 * len(a_set ^ b_set)
    return distance


def _long_enough(key: str, skeleton: str) -> bool:
    return len(key) >= MIN_CONSONANTS or (len(key) == MIN_CONSONANTS - 1 and len(skeleton.replace(" ", "")) > len(key))


@dataclass
class SkeletonIndex:
    """Places by consonant skeleton of their Latin names; built from (entry, latin name) pairs."""

    by_consonants: dict[str, list[tuple[int, str]]] = field(default_factory=lambda: defaultdict(list))
    # names of one or two consonants (Ayorou ``yuru``, Biu ``biu``): matched only with their vowels exact, and
    # only where the text puts the name in a province (see :meth:`lookup_short`)
    short: dict[str, list[tuple[int, str]]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def build(cls, names: Iterable[tuple[int, str]]) -> SkeletonIndex:
        index = cls()
        seen: set[tuple[int, str]] = set()
        for entry, name in names:
            skeleton = latin_skeleton(name)
            key = consonants(skeleton).replace(" ", "")
            if not key or (entry, skeleton) in seen:
                continue
            seen.add((entry, skeleton))
            (index.by_consonants if _long_enough(key, skeleton) else index.short)[key].append((entry, skeleton))
        return index

    @classmethod
    def from_gazetteer(cls, gazetteer: Gazetteer, countries: Iterable[str] = SKELETON_COUNTRIES) -> SkeletonIndex:
        """Index the Latin-script names (not demonyms) of every place in ``countries``."""
        from emberwatch.geo.gazetteer import ARABIC, DEMONYM

        codes = np.array([gazetteer.country_code(i) for i in range(len(gazetteer.geonameid))])
        keep = np.isin(codes, sorted(set(countries)))
        entries, flags = np.asarray(gazetteer.post_entry), np.asarray(gazetteer.post_flags)
        chosen = np.flatnonzero(keep[entries] & ((flags & (ARABIC | DEMONYM)) == 0))
        keys = np.searchsorted(np.asarray(gazetteer.key_ptr), chosen, side="right") - 1
        texts = gazetteer.key_text
        return cls.build(
            (int(entries[i]), texts[k].decode("utf-8", "ignore")) for i, k in zip(chosen, keys, strict=True)
        )

    def lookup(self, arabic_name: str, max_vowel_distance: int = 1) -> list[int]:
        """Entries whose Latin name has the skeleton of ``arabic_name`` (best first, no duplicates);
        the other readings of its letters (:func:`arabic_skeletons`) only when the usual one finds none."""
        for skeleton in arabic_skeletons(arabic_name):
            found = self.lookup_skeleton(skeleton, max_vowel_distance, unwritten=UNWRITTEN_VOWELS)
            if found:
                return found
        return []

    def lookup_short(self, arabic_name: str) -> list[int]:
        """Entries whose Latin name has exactly the skeleton of a short ``arabic_name`` (one or two
        consonants, vowels included: ``أيورو`` = Ayorou), which :meth:`lookup` refuses as too
        ambiguous; for a name the text puts in a province, whose places the caller keeps."""
        found: list[int] = []
        for skeleton in arabic_skeletons(arabic_name):
            key = consonants(skeleton).replace(" ", "")
            if _long_enough(key, skeleton):
                continue  # long enough for lookup()
            # (a name with no vowel letter but alef, "أبالا", matches a Latin name with only a / e between its
            # consonants, Abala: the province the text puts it in is the check)
            flat = skeleton.replace(" ", "")
            for entry, latin in self.short.get(key, ()):
                if _vowel_distance(flat, latin.replace(" ", "")) == 0 and entry not in found:
                    found.append(entry)
            if found:
                break
        return found

    def lookup_latin(self, name: str, max_vowel_distance: int = 1) -> list[int]:
        """Entries whose Latin name is another romanisation of ``name`` ("Jindires" -> Jindayris,
        "Tel Kayf" -> Tallkayf), best first, no duplicates."""
        return self.lookup_skeleton(latin_skeleton(name), max_vowel_distance)

    def lookup_skeleton(self, skeleton: str, max_vowel_distance: int = 1, unwritten: int = 0) -> list[int]:
        """Entries whose Latin name has ``skeleton`` (consonants equal, vowels within the distance; up
        to ``unwritten`` short vowels the skeleton's Arabic leaves out cost half a letter each, so that
        two of them pass where one other vowel letter does)."""
        key = consonants(skeleton).replace(" ", "")
        if not _long_enough(key, skeleton):
            return []
        allowed = 2 * max_vowel_distance if len(key) >= MIN_CONSONANTS else 0
        scored: dict[int, int] = {}
        for entry, latin in self.by_consonants.get(key, ()):
            distance = _vowel_distance(skeleton.replace(" ", ""), latin.replace(" ", ""), unwritten)
            if 0 <= distance <= allowed:
                scored[entry] = min(distance, scored.get(entry, distance))
        return sorted(scored, key=lambda e: (scored[e], e))


# head nouns that make the next word a place name: "مخيم الهول", "قرية الشحيل", "بولاية بورنو"
_HEAD_NOUNS = frozenset(fold(w) for w in (
    "مدينة", "بلدة", "قرية", "مخيم", "ناحية", "قضاء", "محافظة", "ولاية", "منطقة", "حي", "بلدات", "قرى", "مقاطعة",
    "مديرية", "إقليم",
    "مدينتي", "بلدتي", "قريتي", "واحة", "جزيرة", "جزر",
))  # fmt: skip


# "قرب ديكوا" (near Dikwa), "جنوب أيورو" (south of Ayorou): a locative before a foreign name the
# gazetteer has no Arabic spelling of; only a word without the article that is no common word
_LOCATIVES = frozenset(fold(w) for w in ("قرب", "بالقرب", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي",
                                        "غربي", "ضواحي", "أطراف", "خارج"))  # fmt: skip


# landform words that begin a name ("وادي حوران", Wadi Horan; "جبل حمرين") and are no place on their own
_LANDFORMS = frozenset(fold(w) for w in ("وادي", "جبل", "جبال", "سهل", "تلال", "صحراء", "بادية"))


def is_landform(word: str) -> bool:
    """Whether ``word`` (one Arabic word, clitics allowed) is a landform word such as ``وادي`` or ``جبل``."""
    words = word.split()
    return len(words) == 1 and _has_stem(fold(words[0]), _LANDFORMS)


def is_head_noun(token: str) -> bool:
    """Whether the (normalised) Arabic token is a settlement or unit head noun, clitics allowed
    ("لبلدة", "وقرية")."""
    return _has_stem(token, _HEAD_NOUNS)


def _has_stem(token: str, stems: frozenset[str]) -> bool:
    return any(split.stem in stems and not split.has_article for split in clitic_variants(token))


def _second_name_word(text: str, first: Token, second: Token) -> bool:
    """``second`` may continue a foreign name begun by ``first`` ("مالام فاتوري", Malam Fatori; "بولي خمري",
    Pul-e Khumri): written right after it, with no article, and no everyday word ("بوسط", "شمالي", "يوم")."""
    from emberwatch.text.arabic_common import is_common_word

    return (
        not text[first.end : second.start].strip()
        and not second.norm.startswith("ال")
        and len(second.norm) >= 3
        and not is_head_noun(second.norm)
        and not _has_stem(second.norm, _LANDFORMS | _LOCATIVES)
        and not is_common_word(second.norm)
    )


def cued_name_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the one or two words after an Arabic head noun (``قرية الشحيل``, ``بولاية بورنو``,
    ``بلدة مالام فاتوري``): the longer reading first, then the single word, for each head noun in
    ``text``."""
    toks = tokens(text)
    spans: list[tuple[int, int]] = []
    for i, tok in enumerate(toks[:-1]):
        if not is_head_noun(tok.norm):
            continue
        nxt = toks[i + 1]
        if text[tok.end : nxt.start].strip():
            continue  # punctuation between: "قرية، ..."
        if is_head_noun(nxt.norm) or _has_stem(nxt.norm, _LANDFORMS):
            continue  # "منطقة وادي حوران": a second head noun or a landform is no name (وادي is not El Oued)
        if i + 2 < len(toks) and text[nxt.end : toks[i + 2].start].strip() in ("", "-") and (
            toks[i + 2].norm.startswith("ال") or toks[i + 2].norm == nxt.norm
        ):
            spans.append((nxt.start, toks[i + 2].end))  # "دير الزور", "رأس العين", "بلدة غوروم غوروم"
        elif i + 2 < len(toks) and not nxt.norm.startswith("ال") and _second_name_word(text, nxt, toks[i + 2]):
            spans.append((nxt.start, toks[i + 2].end))  # "بلدة مالام فاتوري" (Malam Fatori)
        spans.append((nxt.start, nxt.end))
    return spans


def locative_name_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the one word after an Arabic locative (``قرب ديكوا``, ``بالقرب من أيورو``, ``جنوب
    أيورو``) that has no article and is no common word: a foreign name the gazetteer may know only in
    Latin letters; a doubled name (``قرب غوروم غوروم``) is read whole first. (A word the text then calls a
    town: :func:`appositive_name_spans`.)"""
    from emberwatch.text.arabic_common import is_common_word

    toks = tokens(text)
    spans: list[tuple[int, int]] = []
    for i, tok in enumerate(toks[:-1]):
        if not _has_stem(tok.norm, _LOCATIVES):
            continue
        k = i + 2 if toks[i + 1].norm == "من" and i + 2 < len(toks) else i + 1  # "بالقرب من"
        name = toks[k]
        if (
            not text[tok.end : name.start].replace("من", "").strip()
            and not name.norm.startswith("ال")
            and len(name.norm) >= 3
            and not is_common_word(name.norm)
        ):
            again = toks[k + 1] if k + 1 < len(toks) else None
            if again is not None and again.norm == name.norm and text[name.end : again.start].strip() in ("", "-"):
                spans.append((name.start, again.end))  # a doubled name: "قرب غوروم غوروم" (Gorom-Gorom)
            elif again is not None and _second_name_word(text, name, again):
                spans.append((name.start, again.end))  # "قرب مالام فاتوري"
            spans.append((name.start, name.end))
    return spans


def appositive_name_spans(text: str) -> list[tuple[int, int]]:
    """Spans of a word the text then calls a town ("غامبورو، وهي بلدة تقع في ولاية بورنو", "لاسقوري، البلدة
    الواقعة على ساحل خليج عدن"), without the article and no common word: as sure a place as one after a head
    noun."""
    from emberwatch.text.arabic_common import is_common_word

    return [
        (name.start, name.end)
        for name in tokens(text)[:-2]
        if AR_APPOSITIVE_TOWN.match(text, name.end)
        and not name.norm.startswith("ال")
        and len(name.norm) >= 3
        and not is_common_word(name.norm)
    ]



# "the village of X", "the towns of X and Y": a settlement the text introduces by name
_LATIN_HEAD = re.compile(
    r"\b(?:village|town|city|hamlet|settlement|oasis|province|governorate|countryside"
    r"|(villages|towns|cities|hamlets|settlements|oases|provinces|governorates))\s+of\s+"
)
_ARTICLE_WORD = r"(?:[Aa][lnrsdtz]|[Ee]l|[Aa]sh|[Aa]th|[Aa]dh)[-‐]"
_NAME_WORD = rf"(?:{_ARTICLE_WORD})?[A-Z][\w'’‘ʿʾ-]*"
_LATIN_NAME = re.compile(rf"{_NAME_WORD}(?:[ ](?:{_NAME_WORD}|{_ARTICLE_WORD}\w[\w'’‘-]*)){{0,2}}")
_LIST_JOIN = re.compile(r",?\s+and\s+|,\s*")


_UNIT_AFTER = re.compile(rf"({_NAME_WORD}(?:[ ]{_NAME_WORD})?)[ ](?:Governorate|Province)\b")
# no capitalised word after a name, but a unit word: "the Deir Ezzor Military Council" is a group
NOT_IN_A_LONGER_NAME = r"(?!\s+(?!Governorate|Province)[A-Z])"
# Arabic generic words that begin settlement names ("Tal Saman", "Ayn Issa", "Bir Said", "Khirbet
# Ghazaleh"): the word and the name after it are a place name in their own right. Not "Abu", "Umm" or
# "Sheikh", which begin people's names too.
_PLACE_WORD = (
    r"(?:Tal|Tall|Tell|Tel|Ayn|Ain|Ein|Ras|Deir|Dayr|Bir|Khirbet|Khirbat|Hammam|Kafr|Kfar|Beit|Bayt|Jisr"
    r"|Marj|Qasr|Wadi|Jabal|Jebel|Mazraat)"
)
_PREFIXED = re.compile(
    rf"(?<![\w'’‘-]){_PLACE_WORD}[ -](?:{_ARTICLE_WORD})?[A-Z][\w'’‘]*(?:[ ]{_ARTICLE_WORD}\w[\w'’‘]*)?"
    rf"(?![\w'’‘-]){NOT_IN_A_LONGER_NAME}"
)


def cued_latin_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the place names a Latin-script text introduces with a head noun: "the village of
    Al-Kubar", "the town of Hammam al-Alil", "the villages of Tokhar and Hoshariyeh", "the
    countryside of Deir Ezzor", "Deir Ezzor Governorate", and names that begin with an Arabic place
    word ("Tal Saman", "Ayn Issa", "Bir Said", "Jabal al-Baghouz"). Names are one to three capitalised words
    (inner articles allowed: "Qualib al-Thor"); after a plural head noun the list that follows is
    read too. Trailing dashes and quotes are not part of a name."""
    spans: list[tuple[int, int]] = [m.span(1) for m in _UNIT_AFTER.finditer(text)]
    spans.extend(m.span() for m in _PREFIXED.finditer(text))
    for head in _LATIN_HEAD.finditer(text):
        at, plural = head.end(), bool(head.group(1))
        while True:
            name = _LATIN_NAME.match(text, at)
            if name is None:
                break
            end = name.end()
            while end > name.start() and text[end - 1] in "-‐'’‘":
                end -= 1
            spans.append((name.start(), end))
            join = _LIST_JOIN.match(text, end) if plural else None
            if join is None:
                break
            at = join.end()
    return sorted(set(spans))
