"""English number phrases and casualty figures ("at least 14 soldiers were killed").

Vague quantities follow one stated rule (docs/extraction.md): a dozen = 12; several = 3 (high 9);
a few = 2..5, best 3; dozens = 24..99, best 36; scores = 40..99, best 60; hundreds = 200..999, best 200;
"at least N" low = best = N; "more than N" low = best = N + 1; "up to N" / "nearly N" best = high = N;
"N to M" low N, high M, best the rounded-down mean. Summed phrases ("two soldiers and three civilians")
add their figures; counts after "including" / "among them" are parts of a total and are not added.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from emberwatch.extract.types import CountMention, Sentence, TextSpan
from emberwatch.models import Count

UNITS = {
    "zero": 0, "no": 0, "one": 1, "a": 1, "an": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "both": 2, "couple": 2, "pair": 2,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1000}
VAGUE = {
    "dozen": Count(low=12, best=12, high=12),
    "several": Count(low=3, best=3, high=9),
    "few": Count(low=2, best=3, high=5),
    "dozens": Count(low=24, best=36, high=99),
    "scores": Count(low=40, best=60, high=99),
    "hundreds": Count(low=200, best=200, high=999),
    "thousands": Count(low=2000, best=2000, high=9999),
    "number": Count(low=2, best=3, high=None),
}
_MULTIPLES = {"tens": 20, "hundreds": 200}
LOWER = (
    "at least",
    "more than",
    "over",
    "no fewer than",
    "no less than",
    "upwards of",
    "in excess of",
    "above",
)
UPPER = ("up to", "as many as", "nearly", "almost", "close to", "under", "fewer than", "less than")
APPROX = ("about", "around", "some", "approximately", "roughly", "an estimated", "estimated")

# first word -> modifier phrases starting with it (longest first), and the kind of each phrase
_MODIFIER_KIND = {
    tuple(phrase.split()): kind
    for group, kind in ((LOWER, "low"), (UPPER, "up"), (APPROX, "approx"))
    for phrase in group
}
_MODIFIERS: dict[str, list[tuple[str, ...]]] = {}
for _parts in sorted(_MODIFIER_KIND, key=len, reverse=True):
    _MODIFIERS.setdefault(_parts[0], []).append(_parts)

KILLED = frozenset(
    [
        "killed",
        "killing",
        "kill",
        "kills",
        "dead",
        "died",
        "die",
        "dies",
        "death",
        "deaths",
        "fatalities",
        "fatality",
        "slain",
        "lives",
        "massacred",
        "executed",
        "beheaded",
        "murdered",
        "assassinated",
        "perished",
        "bodies",
        "gunned",  # "a judge was gunned down"
    ]
)
WOUNDED = frozenset(
    ["wounded", "wounding", "injured", "injuring", "injuries", "hurt", "wounds", "injury", "casualties"]
)
_PASSIVE_GAP = frozenset(
    {
        "feared", "reported", "confirmed", "believed", "found", "left", "were", "was", "have", "has",
        "had", "been", "are", "is", "reportedly", "later", "also", "shot",  # "was shot dead"
    }
)  # fmt: skip
_SUBSET = frozenset({"including", "among", "of"})
_CLAUSE_WORDS = frozenset({"when", "as", "after", "while", "before", "in", "on", "at", "during"})
_AUXILIARIES = frozenset({"were", "was", "been", "are", "is", "be"})
_MONTH_WORDS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
_STOP = frozenset(
    [
        "and",
        "or",
        "were",
        "was",
        "have",
        "has",
        "had",
        "been",
        "are",
        "is",
        "in",
        "on",
        "at",
        "after",
        "when",
        "by",
        "the",
        "of",
        "others",
    ]
)

_KEYWORDS = re.compile(
    r"\b(?:" + "|".join(sorted(KILLED | WOUNDED | {"toll", "burns"}, key=len, reverse=True)) + r")\b", re.IGNORECASE
)
_CURRENCY = frozenset("$€£¥")
_WORD = re.compile(r"\d[\d,]*(?:\.\d+)?(?:[-–]\d[\d,]*)?|[A-Za-z]+(?:[-'][A-Za-z]+)*")  # "8-10": a range


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    lower: str
    start: int
    end: int


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Words and numbers with offsets (punctuation dropped)."""
    end = len(text) if end is None else end
    return [
        Token(m.group(), m.group().lower(), m.start(), m.end())
        for m in _WORD.finditer(text, start, end)
        # an amount of money ("a bounty of US$4,000 for every soldier killed") is not a head count
        if not (m.start() > 0 and text[m.start() - 1] in _CURRENCY and m.group()[0].isdigit())
    ]


def word_number(words: list[str]) -> int | None:
    """Value of spelled-out number words ("twenty-five", "two hundred") or None."""
    total = current = 0
    seen = False
    for word in words:
        for part in word.split("-"):
            if part in UNITS and part not in {"a", "an", "no"}:
                current += UNITS[part]
            elif part in SCALES:
                current = max(current, 1) * SCALES[part]
                if SCALES[part] >= 1000:
                    total += current
                    current = 0
            elif part == "and" and seen:
                continue
            else:
                return None
            seen = True
    return total + current if seen else None


@dataclass(frozen=True, slots=True)
class NumberPhrase:
    count: Count
    start: int  # token index of the first token
    end: int  # token index after the last token


def parse_number(tokens: list[Token], i: int) -> NumberPhrase | None:
    """A number phrase starting at token ``i`` (modifiers, digits, words, ranges, vague amounts)."""
    n = len(tokens)
    modifier = None
    j = i
    for parts in _MODIFIERS.get(tokens[i].lower, ()) if i < n else ():
        if tuple(t.lower for t in tokens[i : i + len(parts)]) == parts:
            modifier, j = (_MODIFIER_KIND[parts], " ".join(parts)), i + len(parts)
            break
    base = _bare_number(tokens, j)
    if base is None:
        return None
    value, k = base
    if k + 1 < n and tokens[k].lower in {"to", "or", "and"} and modifier is None:
        upper = _bare_number(tokens, k + 1)
        if upper is not None and isinstance(value, int) and isinstance(upper[0], int) and upper[0] > value:
            return NumberPhrase(Count(low=value, best=(value + upper[0]) // 2, high=upper[0]), i, upper[1])
    if isinstance(value, Count):
        return NumberPhrase(value, i, k)
    if modifier is None:
        return NumberPhrase(Count(low=value, best=value, high=value), i, k)
    if modifier[0] == "low":
        bump = 1 if modifier[1] in {"more than", "over", "upwards of", "in excess of", "above"} else 0
        return NumberPhrase(Count(low=value + bump, best=value + bump), i, k)
    if modifier[0] == "up":
        return NumberPhrase(Count(best=value, high=value), i, k)
    return NumberPhrase(Count(best=value), i, k)


_RANGE = re.compile(r"(\d[\d,]*)[-–](\d[\d,]*)")


def _bare_number(tokens: list[Token], j: int) -> tuple[int | Count, int] | None:
    if j >= len(tokens):
        return None
    tok = tokens[j]
    if tok.lower[0].isdigit() and (bounds := _RANGE.fullmatch(tok.lower.rstrip(","))):
        low, high = (int(b.replace(",", "")) for b in bounds.groups())
        if (1900 <= low <= 2100 and 1900 <= high <= 2100) or high <= low:
            return None  # years ("2014-2017") or no range
        return Count(low=low, best=(low + high) // 2, high=high), j + 1
    if tok.lower[0].isdigit():
        raw = tok.lower.rstrip(",")  # "2017," at the end of a date
        if len(raw) == 4 and raw.isdigit() and 1900 <= int(raw) <= 2100:
            return None  # a year ("On October 17, 2017, the day after the deaths of ..."), not a figure
        try:
            return int(float(tok.lower.replace(",", ""))), j + 1
        except ValueError:
            return None
    if (
        tok.lower in {"a", "an"}
        and j + 1 < len(tokens)
        and tokens[j + 1].lower in {"dozen", "few", "number", "couple"}
    ):
        nxt = tokens[j + 1].lower
        if nxt == "couple":
            return 2, j + 2
        return VAGUE[nxt], (
            j + 3 if nxt == "number" and j + 2 < len(tokens) and tokens[j + 2].lower == "of" else j + 2
        )
    if (
        tok.lower in _MULTIPLES
        and j + 2 < len(tokens)
        and tokens[j + 1].lower == "of"
        and tokens[j + 2].lower in {"thousands", "millions"}
    ):
        scale = 1000 if tokens[j + 2].lower == "thousands" else 1_000_000
        low = _MULTIPLES[tok.lower] * scale
        return Count(low=low, best=low, high=low * 10 - 1), j + 3  # "tens of thousands", "hundreds of thousands"
    if tok.lower in VAGUE and tok.lower not in {"few", "number"}:
        k = j + 1
        if k < len(tokens) and tokens[k].lower == "of":
            k += 1
        return VAGUE[tok.lower], k
    k = j
    while (
        k < len(tokens)
        and k - j < 5
        and (
            (
                any(p in UNITS or p in SCALES for p in tokens[k].lower.split("-"))
                and tokens[k].lower not in {"a", "an", "no"}
            )
            or (tokens[k].lower == "and" and k > j and k + 1 < len(tokens) and tokens[k - 1].lower in SCALES)
        )
    ):
        k += 1
    if k > j:
        value = word_number([t.lower for t in tokens[j:k]])
        if value is not None:
            return value, k
    return None


def _add(a: Count, b: Count) -> Count:
    def plus(x: int | None, y: int | None) -> int | None:
        return None if x is None or y is None else x + y

    best_a = a.best if a.best is not None else a.low
    best_b = b.best if b.best is not None else b.low
    return Count(low=plus(a.low, b.low), best=plus(best_a, best_b), high=plus(a.high, b.high))


def casualty_mentions(text: str, sentence: Sentence, perpetrator_words: frozenset[str]) -> list[CountMention]:
    """Killed/wounded figures of one sentence; figures about the attackers are flagged ``perpetrator``."""
    if not _KEYWORDS.search(text, sentence.start, sentence.end):
        return []
    tokens = tokenize(text, sentence.start, sentence.end)
    out: list[CountMention] = []
    used: set[int] = set()
    for idx, tok in enumerate(tokens):
        kind = "killed" if tok.lower in KILLED else "wounded" if tok.lower in WOUNDED else None
        if kind is None and tok.lower == "toll" and idx > 0 and tokens[idx - 1].lower == "the":
            kind = "killed"  # "The toll rose to nine": a toll of its own is the death toll
        suffered = _suffered_before(tokens, idx)
        if kind is None and tok.lower == "burns" and suffered is not None:
            kind = "wounded"  # "a woman suffered burns"
        if kind is None:
            continue
        if (kind == "wounded" or tok.lower == "dead") and idx > 0 and tokens[idx - 1].lower == "the":
            # "the wounded", "the dead" are people counted elsewhere ("two of the wounded died in hospital",
            # "several of the dead militants were foreigners")
            continue
        toll = _death_toll(tokens, idx, used)
        if toll is not None:
            found = [toll]  # "the death toll from Monday's bombing rose to nine"
        elif kind == "wounded" and suffered is not None:
            found = _numbers_before(tokens, suffered, used, text)  # "a woman suffered serious injuries"
        elif (idx > 0 and tokens[idx - 1].lower in _AUXILIARIES) or tok.lower == "gunned":
            found = _numbers_before(tokens, idx, used, text)  # ("gunned down by 19 bullets" counts no 19 people)
        elif _has_own_object(tokens, idx):
            found = _numbers_after(tokens, idx, used)  # "abducted four workers and killed their driver"
        elif _prefers_after(tokens, idx):
            # (a participle takes no figure before it: "attacked several oil fields in early 2015, killing guards")
            found = _numbers_after(tokens, idx, used)
            if not found and not tok.lower.endswith("ing"):
                found = _numbers_before(tokens, idx, used, text)
        elif tok.lower in _DYING:
            found = _numbers_before(tokens, idx, used, text)  # those who die come before ("..., and 11 other people")
        else:
            found = _numbers_before(tokens, idx, used, text) or _numbers_after(tokens, idx, used)
        if not found:
            continue
        used.update(range(found[0].start, found[0].end))
        found = _without_breakdown(text, tokens, found)
        for phrase, perpetrator in _group(tokens, found, perpetrator_words):
            first, last = tokens[phrase[0].start], tokens[max(phrase[-1].end - 1, phrase[0].start)]
            noun = phrase[-1].end
            if (
                noun < len(tokens)
                and noun != idx
                and tokens[noun].lower.isalpha()
                and tokens[noun].lower not in _STOP
                and not text[last.end : tokens[noun].start].strip()
            ):
                last = tokens[noun]
            span_start, span_end = min(first.start, tok.start), max(last.end, tok.end)
            total = phrase[0].count
            for extra in phrase[1:]:
                total = _add(total, extra.count)
            out.append(CountMention(kind, total, TextSpan.of(text, span_start, span_end), perpetrator))
    return out


_DYING = frozenset({"died", "dies", "perished"})
# verbs whose subject bears the wounds after them ("a woman suffered burns", "two guards sustained injuries")
_SUFFER = frozenset({"suffered", "sustained", "suffers", "sustains"})
SUFFER_REACH = 3  # words from the verb to its wounds ("suffered serious head injuries")


def _suffered_before(tokens: list[Token], idx: int) -> int | None:
    """Index of a verb of suffering at most :data:`SUFFER_REACH` words before the wounds at ``idx``, or None."""
    for k in range(idx - 1, max(-1, idx - 1 - SUFFER_REACH), -1):
        if tokens[k].lower in _SUFFER:
            return k
    return None
_TOLL_VERBS = frozenset({"rose", "risen", "rises", "climbed", "climbs", "increased", "reached", "reaches", "jumped",
                         "hit", "stood", "stands", "is", "was"})  # fmt: skip
_RUNNING = frozenset({"since", "so", "this", "overall", "total"})  # a toll over a period, not one event's
_TOLL_RAISERS = frozenset({"bringing", "brings", "brought", "raising", "raises", "raised", "taking", "takes"})
TOLL_REACH = 30  # words between "death toll" and its verb ("the death toll from a suicide bombing on Friday at a
# religious gathering in Mastung, in Pakistan's southwestern Balochistan province, rose to 14"; "The death toll
# from a car bomb that exploded near a security checkpoint in the eastern Syrian town of Albu Kamal on Saturday
# has risen to seven")


def _death_toll(tokens: list[Token], idx: int, used: set[int]) -> NumberPhrase | None:
    """ "the death toll (from Monday's bombing) rose to nine", "the toll rose to nine": the figure after
    the toll's verb."""
    if tokens[idx].lower == "toll" and idx > 0 and tokens[idx - 1].lower == "the":
        idx -= 1  # "the toll": read as "the death toll", from the article
    elif tokens[idx].lower != "death" or idx + 1 >= len(tokens) or tokens[idx + 1].lower != "toll":
        return None
    if idx >= 2 and tokens[idx - 2].lower in _TOLL_RAISERS and tokens[idx - 1].lower == "the":
        # "bringing the death toll (from the attack) to two": the figure after "to"
        for k in range(idx + 2, min(len(tokens) - 1, idx + 2 + TOLL_REACH)):
            if tokens[k].lower in _RUNNING:
                return None  # "bringing the death toll since January to 300": a running total
            if tokens[k].lower == "to" and k + 1 not in used:
                phrase = parse_number(tokens, k + 1)
                if phrase is not None and not _is_date_number(tokens, phrase):
                    return phrase
        return None
    for k in range(idx + 2, min(len(tokens), idx + 2 + TOLL_REACH)):
        if tokens[k].lower in _TOLL_VERBS:
            j = k + 2 if k + 1 < len(tokens) and tokens[k + 1].lower in {"to", "at"} else k + 1
            phrase = parse_number(tokens, j) if j < len(tokens) and j not in used else None
            if phrase is not None and not _is_date_number(tokens, phrase):
                return phrase
            # a verb of the toll's own modifier ("the death toll from the bombing, which was claimed by IS, rose
            # to nine"): the toll's verb comes later
    return None


def _without_breakdown(text: str, tokens: list[Token], found: list[NumberPhrase]) -> list[NumberPhrase]:
    """ "killing at least seven people, four policemen and three civilians", "three people, a child and two
    women, were killed": figures after a comma that add up to no more than a first figure of "people" break it
    down; they are not more people ("three soldiers, two civilians and a child" are six)."""
    noun = found[0].end
    if (
        len(found) < 2
        or noun >= len(tokens)
        or tokens[noun].lower not in {"people", "persons", "individuals", "victims"}
        or "," not in text[tokens[noun].end : tokens[found[1].start].start]
    ):
        return found
    first, rest = found[0].count.best, [p.count.best for p in found[1:]]
    return found[:1] if first is not None and None not in rest and sum(r for r in rest if r) <= first else found


def _is_age(text: str, tokens: list[Token], phrase: NumberPhrase) -> bool:
    """A bare figure set off by commas right after a name ("rodriguez porth, 65, was killed"): the person's age."""
    if phrase.end - phrase.start != 1 or phrase.start == 0 or phrase.end >= len(tokens):
        return False
    figure, previous, following = tokens[phrase.start], tokens[phrase.start - 1], tokens[phrase.end]
    return (
        figure.lower.rstrip(",").isdigit()
        and "," in text[previous.end - 1 : figure.start]
        and "," in text[figure.end - 1 : following.start]
        and previous.lower.rstrip(",") not in KILLED | WOUNDED
    )


def _numbers_before(tokens: list[Token], idx: int, used: set[int], text: str = "") -> list[NumberPhrase]:
    """ "five soldiers and two civilians were killed": number phrases left of the keyword."""
    j = idx - 1
    while j >= 0 and tokens[j].lower in _PASSIVE_GAP:
        j -= 1
    if j > 0 and text and "," in text[tokens[j].end : tokens[j + 1].start]:
        j = _before_relative(text, tokens, j)  # "The officer, who headed a department ..., was killed"
    elif j > 0 and text:
        j = _before_person_relative(text, tokens, j)  # "A farmer who tried to stop them ... was shot dead"
    phrases: list[NumberPhrase] = []
    k = max(0, j - 12)
    # "Two other suspects were arrested and one soldier was wounded": figures before another fate are not the
    # wounded when a figure follows that fate ("hundreds were abducted and killed" are the same people)
    fates = [x for x in range(k, j + 1) if tokens[x].lower in _OTHER_FATES]
    if fates and any(parse_number(tokens, x) is not None for x in range(fates[-1] + 1, j + 1)):
        k = fates[-1] + 1
    i = k
    while i <= j:
        if i in used:
            i += 1
            continue
        phrase = parse_number(tokens, i)
        if phrase is not None and i > 0 and tokens[i - 1].lower == "no":
            i = phrase.end  # "No one else was hurt": nobody
            continue
        if phrase is not None and text and _is_age(text, tokens, phrase):
            i = phrase.end  # "pablo pelaez gonzales, 45, a former mayor of medellin, was murdered": an age
            continue
        if phrase is None and tokens[i].lower in {"a", "an"} and i < j:
            phrase = NumberPhrase(Count(low=1, best=1, high=1), i, i + 1)
        if phrase is None and i == j and tokens[i].lower == "another":
            phrase = NumberPhrase(Count(low=1, best=1, high=1), i, i + 1)  # "a soldier was killed and another wounded"
        if phrase is None and tokens[i].lower in {"his", "her"} and 0 < j - i <= 2 and tokens[j].lower in _PERSON_ROLES:
            phrase = NumberPhrase(Count(low=1, best=1, high=1), i, i + 1)  # "and his driver was wounded"
        if (
            phrase is None
            and tokens[i].lower == "the"
            and 0 < j - i <= 2
            and tokens[j].lower in _PERSON_ROLES
            and (idx - j > 1 or tokens[idx].lower in _DYING)
        ):
            # "the village head was shot dead", "the sheikh died on the spot"
            phrase = NumberPhrase(Count(low=1, best=1, high=1), i, i + 1)
        if phrase is None and tokens[i].lower == "the" and _role_of(tokens, i + 1, j) and idx - j > 1:
            phrase = NumberPhrase(Count(low=1, best=1, high=1), i, i + 1)  # "the head of the council was shot"
        if phrase is not None and _is_date_number(tokens, phrase):
            i = phrase.end
            continue
        if phrase is not None and phrase.end <= j + 1 and j + 1 - phrase.end <= 10:
            if any(tokens[x].lower in _SUBSET for x in range(max(0, phrase.start - 2), phrase.start)):
                # "three civilians, including a woman and her daughter, were wounded": the whole apposition is
                # part of the three
                i = _apposition_end(text, tokens, phrase.end, j)
                continue
            if phrases and _subset_after(tokens, phrase):
                # "Two civilians, one of them a child, were killed": a part of the two, counted by no other figure
                i = phrase.end + 2
                if i + 1 < len(tokens) and tokens[i].lower in {"a", "an"}:
                    i += 2
                used.update(range(phrase.start, i))
                continue
            # "a soldier was killed", "a military court judge was gunned down"; not "a bomb ... killed", nor
            # "a controlled area, which have later killed"
            near = j + 1 - phrase.end <= 2 or (j + 1 - phrase.end == 3 and tokens[j].lower in _PERSON_ROLES)
            # "a judge of the regional military court was gunned down": a role and what it is the role of
            near = near or (tokens[phrase.start].lower in {"a", "an"} and _role_of(tokens, phrase.end, j))
            # "a child walking past was wounded": a person and a participle phrase
            near = near or (tokens[phrase.start].lower in {"a", "an"} and _with_participle(tokens, phrase.end, j))
            # "a soldier and a civilian were killed": an "a"-phrase joined by "and" to the next one
            near = near or any(
                tokens[x].lower == "and" and tokens[x + 1].lower in {"a", "an"}
                for x in range(phrase.end, min(phrase.end + 3, j))
            )
            # ("a soldier died": a verb of dying has the dead as its subject, no auxiliary needed)
            dying = tokens[idx].lower in _DYING | _SUFFER and idx - j == 1
            if tokens[phrase.start].lower in {"a", "an"} and not (near and (idx - j > 1 or dying)):
                i = phrase.end
                continue
            phrases.append(phrase)
            used.update(range(phrase.start, phrase.end))
            i = phrase.end
        else:
            i += 1
    if (
        phrases
        and tokens[phrases[-1].end : j + 1]
        and any(t.lower in KILLED | WOUNDED for t in tokens[phrases[-1].end : j + 1])
    ):
        return []
    return phrases


def _apposition_end(text: str, tokens: list[Token], start: int, last: int) -> int:
    """The first token after the comma that closes an apposition opened before ``start`` ("including a woman
    and her daughter, were"), or ``start`` when no comma closes it by ``last``."""
    if text:
        for x in range(start, min(last + 2, len(tokens))):
            if "," in text[tokens[x - 1].end : tokens[x].start]:
                return x
    return start


def _numbers_after(tokens: list[Token], idx: int, used: set[int]) -> list[NumberPhrase]:
    """ "killing at least 10 people", "left 3 dead": number phrases right of the keyword."""
    phrases: list[NumberPhrase] = []
    i = idx + 1
    if (
        tokens[idx].lower in {"death", "deaths", "bodies", "lives", "killing", "killings"}
        and i < len(tokens)
        and tokens[i].lower == "of"
    ):
        i += 1  # "the deaths of 18 fighters", "the bodies of three shepherds", "the killing of a trader"
    first = i  # where the figure's words start
    limit = min(len(tokens), idx + 12)
    while i < limit:
        phrase = parse_number(tokens, i) if i not in used else None
        if phrase is None and i == first and tokens[i].lower in {"a", "an"}:
            phrase = NumberPhrase(Count(low=1, best=1, high=1), i, i + 1)
        if phrase is None and i == first and tokens[i].lower == "another" and _ends_object(tokens, i + 1):
            phrase = NumberPhrase(Count(low=1, best=1, high=1), i, i + 1)  # "abducted nine and killed another"
        if phrase is None and i == first and _one_named_person(tokens, i):
            phrase = NumberPhrase(Count(low=1, best=1, high=1), i, i + 2)  # "shot dead the mukhtar of a village"
        if phrase is not None and _is_date_number(tokens, phrase):
            phrase = None
        if phrases and phrase is not None and _subset_after(tokens, phrase):
            break  # "killing at least six people, four of them soldiers": part of the six, not more
        if phrases and phrase is not None and tokens[phrase.start].lower in {"both", "all"}:
            break  # "the bodies of the two men, both in their thirties": the same two
        if phrase is not None and _speakers(tokens, phrase):
            break  # "was shot dead, the two survivors told police": who said it, not more dead
        one_more = _one_more(tokens, i, phrases)
        if phrase is None and one_more:
            phrase = NumberPhrase(Count(low=1, best=1, high=1), i, i + 1)  # "... and his bodyguard"
        if phrase is not None and _own_casualty_clause(tokens, phrase):
            # "killed nine militants and two soldiers were wounded": the two are the wounded; so are those of "was
            # shot dead, and two other men were wounded"
            break
        if phrase is not None and (tokens[phrase.start].lower not in {"a", "an"} or i == first or one_more):
            phrases.append(phrase)
            used.update(range(phrase.start, phrase.end))
            i = phrase.end
            continue
        word = tokens[i].lower
        if word == "of" and len(phrases) == 1 and tokens[phrases[0].start].lower in {"a", "an"}:
            # "shot dead a local commander of Syria's General Security forces and one of his companions": over what
            # the one person is a member of, to his companions
            companion = _companion_after(tokens, i)
            if companion is not None:
                i, limit = companion, max(limit, min(len(tokens), companion + 4))
                continue
        if (
            word in KILLED
            or word in WOUNDED
            or word in _SUBSET
            or word in _OTHER_FATES  # "killed four people and abducted at least fifteen others"
            or word in {"in", "on", "at", "after", "when"}
            # another act after the figure: "killed five civilians and burned at least 40 homes"
            or (phrases and tokens[i - 1].lower == "and" and (word.endswith("ed") or word in _OTHER_ACTS))
        ):
            break
        if phrases and word not in {"and", "or"} and i - phrases[-1].end > 3:
            break
        if not phrases and i - idx > 3:
            break
        i += 1
    return phrases


COMPANION_REACH = 8  # words from "of" after one person to "and one of his ..." ("a commander of the X forces and")
_POSSESSIVES = frozenset({"his", "her", "their"})


def _companion_after(tokens: list[Token], i: int) -> int | None:
    """Index of the figure of "and one of his companions" / "and his driver" within :data:`COMPANION_REACH` words
    after the "of" at ``i`` that follows one person ("a commander of the security forces and ..."), or None."""
    for x in range(i + 1, min(len(tokens) - 2, i + 1 + COMPANION_REACH)):
        word = tokens[x].lower
        if word in KILLED | WOUNDED | _OTHER_FATES or word in {"in", "on", "at", "after", "when", "who", "which"}:
            return None
        if word != "and":
            continue
        nxt = tokens[x + 1].lower
        phrase = parse_number(tokens, x + 1)
        if nxt in _POSSESSIVES and tokens[x + 2].lower in _PERSON_ROLES:
            noun = x + 2  # "and his driver"
        elif (
            phrase is not None
            and phrase.end + 2 < len(tokens)
            and tokens[phrase.end].lower == "of"
            and tokens[phrase.end + 1].lower in _POSSESSIVES
        ):
            noun = phrase.end + 2  # "and one of his companions", "and two of her children"
        else:
            return None
        # (not the subject of a clause of its own: "and two of his sons were abducted")
        return None if noun + 1 < len(tokens) and tokens[noun + 1].lower in _AUXILIARIES else x + 1
    return None
    return None


# irregular past tenses of acts other than killing ("killed two guards and set 40 homes on fire")
_OTHER_ACTS = frozenset({"set", "burnt", "blew", "stole", "took", "razed", "drove", "fled", "left", "made"})

# what else befalls people in a report: a figure before one of these counts them, not the dead or wounded after
_OTHER_FATES = frozenset({"arrested", "captured", "detained", "abducted", "kidnapped", "freed", "rescued",
                          "released", "missing", "displaced"})  # fmt: skip

# "killing two soldiers and a civilian", "shot dead a businessman and his bodyguard": one more person
SPEAKER_REACH = 5  # tokens after "and a" where a reporting verb makes the person the speaker
_SAID = frozenset({"said", "says", "told", "reported", "added", "stated", "confirmed"})
_ONE_MORE = frozenset({"a", "an", "his", "her"})
_NOT_ONE_PERSON = frozenset({"half", "number", "few", "lot", "handful", "dozen", "score", "total", "further",
                             "own", "day", "week", "month", "year", "hour", "time", "second"})  # fmt: skip


def _speakers(tokens: list[Token], phrase: NumberPhrase) -> bool:
    """ "the two survivors told police": a definite figure whose noun is the subject of a reporting verb."""
    return (
        phrase.start > 0
        and tokens[phrase.start - 1].lower == "the"
        and phrase.end + 1 < len(tokens)
        and tokens[phrase.end + 1].lower in _SAID
    )


def _one_more(tokens: list[Token], i: int, phrases: list[NumberPhrase]) -> bool:
    """ "and a civilian" / "and his driver" after a figure already read: one person more."""
    return (
        bool(phrases)
        and i + 1 < len(tokens)
        # not the speaker of the sentence ("wounding 12 others, military sources and a local government official
        # said")
        and not any(t.lower in _SAID for t in tokens[i + 1 : i + 1 + SPEAKER_REACH])
        and tokens[i - 1].lower == "and"
        and tokens[i].lower in _ONE_MORE
        and tokens[i + 1].lower.isalpha()
        and parse_number(tokens, i + 1) is None  # "and her three children" are three, counted as such
        and tokens[i + 1].lower not in _NOT_ONE_PERSON
        and tokens[i + 1].lower not in KILLED | WOUNDED
        # (nor the subject of a clause of its own: "killed two people and a soldier suffered injuries")
        and not (i + 2 < len(tokens) and tokens[i + 2].lower in _AUXILIARIES | _SUFFER | _DYING)
    )


# one person named by a role: "killed the mayor", "shot dead the mukhtar", "assassinated his deputy"
_PERSON_ROLES = frozenset({
    "mukhtar", "mayor", "governor", "leader", "commander", "chief", "head", "imam", "sheikh", "judge", "officer",
    "soldier", "policeman", "driver", "owner", "journalist", "businessman", "trader", "official", "deputy",
    "candidate", "director", "doctor", "teacher", "headman", "elder", "cleric", "priest", "pastor", "son",
    "brother", "father", "mother", "wife", "husband", "bodyguard", "guard", "shepherd", "farmer", "councillor",
    "councilor", "lawmaker", "spokesman", "prosecutor", "chairman", "emir", "wali", "preacher", "member",
    "boy", "girl", "child", "man", "woman", "vendor", "worker", "student", "daughter", "passer-by", "villager",
    "nephew", "niece", "cousin", "uncle", "sister", "grandson", "granddaughter", "companion", "escort",
    "relative", "neighbour", "neighbor", "friend", "colleague",
})  # fmt: skip


RELATIVE_REACH = 25  # tokens of a relative clause between a noun and its verb ("the officer, who ..., was")
_PEOPLE = _PERSON_ROLES | frozenset({"child", "boy", "girl", "woman", "man", "civilian", "passer-by", "passerby",
                                     "resident", "villager", "worker", "student", "pedestrian"})  # fmt: skip


def _before_relative(text: str, tokens: list[Token], last: int) -> int:
    """The noun before a relative clause whose last word is ``last`` ("the officer, who headed ..., was
    killed"), or ``last`` itself when no ", who" / ", which" opens within :data:`RELATIVE_REACH` tokens."""
    for k in range(last, max(0, last - RELATIVE_REACH), -1):
        if tokens[k].lower in {"who", "which"} and "," in text[tokens[k - 1].end : tokens[k].start]:
            return k - 1
        if tokens[k].lower in KILLED | WOUNDED or ";" in text[tokens[k - 1].end : tokens[k].start]:
            break
    return last


def _before_person_relative(text: str, tokens: list[Token], last: int) -> int:
    """The person noun before a "who" clause without commas whose last word is ``last`` ("a farmer who tried to
    stop them from entering his home was shot dead"), or ``last``."""
    for k in range(last, max(0, last - RELATIVE_REACH), -1):
        if tokens[k].lower == "who" and tokens[k - 1].lower in _PEOPLE:
            return k - 1
        if tokens[k].lower in KILLED | WOUNDED or any(c in text[tokens[k - 1].end : tokens[k].start] for c in ",;"):
            break
    return last


def _with_participle(tokens: list[Token], start: int, j: int) -> bool:
    """Tokens ``start``..``j`` are a person noun and a short participle phrase ("child walking past")."""
    return (
        start + 1 <= j <= start + 3
        and tokens[start].lower in _PEOPLE
        and tokens[start + 1].lower.endswith("ing")
        and all(t.lower.isalpha() for t in tokens[start + 1 : j + 1])
    )


ROLE_OF_REACH = 7  # words from a person noun to the end of its "of" phrase ("a judge of the ... court")
_NOT_IN_ROLE_OF = frozenset({"who", "whom", "which", "that", "and", "or", "but", "when", "as", "after", "before"})


def _role_of(tokens: list[Token], start: int, j: int) -> bool:
    """Tokens ``start``..``j`` are a person noun and an "of" phrase ("judge of the regional military court",
    "head of the village council"): plain words, no punctuation, clause word or casualty word in between."""
    if not (start + 1 < j <= start + ROLE_OF_REACH) or tokens[start].lower not in _PERSON_ROLES:
        return False
    if tokens[start + 1].lower != "of":
        return False
    return all(
        t.lower.isalpha() and t.lower not in _NOT_IN_ROLE_OF and t.lower not in KILLED | WOUNDED | _AUXILIARIES
        for t in tokens[start + 2 : j + 1]
    )


def _ends_object(tokens: list[Token], i: int) -> bool:
    """Nothing but a person noun, if anything, between ``i`` and the end of the clause ("killed another.",
    "killed another fisherman near ...", not "killed another 20")."""
    if i >= len(tokens):
        return True
    word = tokens[i].lower
    if not word.isalpha():
        return not any(ch.isdigit() for ch in word)
    if word in _STOP or word in _PERSON_ROLES:
        return True
    return i + 1 >= len(tokens) or not tokens[i + 1].lower.isalpha() or tokens[i + 1].lower in _STOP


def _one_named_person(tokens: list[Token], i: int) -> bool:
    """ "the mukhtar", "his deputy" right after a killing word: one person."""
    return (
        i + 1 < len(tokens)
        and tokens[i].lower in {"the", "his", "her", "its", "their"}
        and tokens[i + 1].lower in _PERSON_ROLES
    )


def _own_casualty_clause(tokens: list[Token], phrase: NumberPhrase) -> bool:
    """The figure opens a passive clause of its own: "two soldiers were wounded", "three others died"."""
    for k in range(phrase.end, min(phrase.end + 4, len(tokens))):
        word = tokens[k].lower
        if word in _AUXILIARIES and k + 1 < len(tokens) and tokens[k + 1].lower in KILLED | WOUNDED:
            return True
        if word in {"died", "perished"}:
            return True
        if not word.isalpha():
            return False
    return False


def _subset_after(tokens: list[Token], phrase: NumberPhrase) -> bool:
    """ "four of them", "two of whom": a part of a figure already given."""
    words = [t.lower for t in tokens[phrase.end : phrase.end + 2]]
    return len(words) == 2 and words[0] == "of" and words[1] in {"them", "whom", "those", "these"}


def _is_date_number(tokens: list[Token], phrase: NumberPhrase) -> bool:
    """ "16 January", "March 3": a day of a month; "8 p.m.", "10 o'clock": a time of day; "a 12-year-old": an
    age. Not counts."""
    after = tokens[phrase.end].lower if phrase.end < len(tokens) else ""
    before = tokens[phrase.start - 1].lower if phrase.start > 0 else ""
    if after.rstrip(".") in _MONTH_WORDS or before.rstrip(".") in _MONTH_WORDS:
        return True
    following = tokens[phrase.end + 1].lower if phrase.end + 1 < len(tokens) else ""
    if after.startswith("year-old") or (after in {"years", "year"} and following == "old") or before == "aged":
        return True  # an age: "a 12-year-old boy", "aged 12", "12 years old"
    return after in _TIME_WORDS or after in _SPAN_UNITS or (after in {"a", "p"} and following == "m")


_TIME_WORDS = frozenset({"am", "pm", "o'clock", "gmt", "utc", "hrs"})
# "three days ago", "two weeks later", "40 km south": a span of time or distance counts nobody
_SPAN_UNITS = frozenset({"minutes", "hours", "days", "weeks", "months", "years", "decades", "km", "kilometres",
                         "kilometers", "miles", "metres", "meters",
                         # what hit a person, not people ("He was hit by several bullets and died")
                         "bullets", "rounds", "shots", "times"})  # fmt: skip


_DETERMINERS = frozenset({"their", "his", "her", "its", "the", "a", "an", "one", "another", "two", "three"})


def _has_own_object(tokens: list[Token], idx: int) -> bool:
    """An active past-tense harm verb right after "and" whose object follows it ("and killed their driver",
    "and wounded the mayor"): the figures before it count something else ("abducted four workers")."""
    if idx > 1 and tokens[idx - 1].lower == "shot" and tokens[idx - 2].lower == "and" and tokens[idx].lower == "dead":
        # "blew up two pylons and shot dead a guard": the guard, not the pylons
        return idx + 1 < len(tokens) and tokens[idx + 1].lower in _DETERMINERS
    return (
        idx > 0
        and tokens[idx - 1].lower == "and"
        and tokens[idx].lower.endswith("ed")
        and idx + 1 < len(tokens)
        and tokens[idx + 1].lower in _DETERMINERS
    )


def _prefers_after(tokens: list[Token], idx: int) -> bool:
    """Active verbs take their count after them: "killing 10", "killed three soldiers"."""
    word = tokens[idx].lower
    if word.endswith("ing"):
        return True
    if idx > 0 and parse_number(tokens, idx - 1) is not None:
        return False  # "nine bodies and 15 wounded, several of them ...": a noun after its figure
    # ("a gunman shot dead six worshippers": "shot dead" with its object after it)
    active = word in {"killed", "wounded", "injured", "left"} or (
        word == "dead"
        and idx > 1
        and tokens[idx - 1].lower in {"shot", "gunned"}
        and tokens[idx - 2].lower not in _AUXILIARIES  # (not "was shot dead a day later")
    )
    return (
        active
        and idx + 1 < len(tokens)
        and (parse_number(tokens, idx + 1) is not None or tokens[idx + 1].lower in {"a", "an"})
    )


def _group(
    tokens: list[Token], phrases: list[NumberPhrase], perpetrator_words: frozenset[str]
) -> list[tuple[list[NumberPhrase], bool]]:
    """Split phrases into victims and attackers by the noun that follows each number."""
    victims: list[NumberPhrase] = []
    attackers: list[NumberPhrase] = []
    for phrase in phrases:
        k = phrase.end
        while k < len(tokens) and tokens[k].lower in {"of", "the", "them", "its", "their", "suspected"}:
            k += 1
        window = tokens[k : k + 3]
        # the words that name what was counted end at a casualty word or a clause word ("seven wounded when
        # gunmen raided": the seven are no gunmen)
        cut = next((n for n, t in enumerate(window) if t.lower in KILLED | WOUNDED | _CLAUSE_WORDS), len(window))
        window = window[:cut]
        nouns = " ".join(t.lower for t in window)
        following = {t.lower for t in window}  # "five ISIS militants", "two Islamic State fighters"
        is_perp = bool(following & perpetrator_words) or any(
            nouns.startswith(w + " ") or nouns == w for w in perpetrator_words if " " in w
        )
        (attackers if is_perp else victims).append(phrase)
    groups: list[tuple[list[NumberPhrase], bool]] = []
    if victims:
        groups.append((victims, False))
    if attackers:
        groups.append((attackers, True))
    return groups
