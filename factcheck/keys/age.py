"""A person's age: `Prabowo Subianto, 78,`, `José Mynor López, de 35 años`, `Mr Lee (33)`, `a 33-year-old`.

News copy gives a named person's age in a few fixed shapes, in every language: the figure set off by a
comma or a bracket right after the name, or an `N-year-old` right before it. Only those shapes are read:
a figure beside a name is not an age otherwise (`Lai, 40 %`, `Tokyo, 25 March`), and an age with no name
beside it (`the winner is 65`) has no subject to compare it with. An age is a whole number of years, the
same quantity whether it is written `35`, `35 años` or `35-year-old`; it does not develop within a story.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from factcheck.extract.tries import trie
from factcheck.keys.nearest import AFTER
from factcheck.keys.subject import SENTENCE_SUBJECT, Placed
from factcheck.models import Claim, ClaimKind, Interval, Key, Quantity

AGE = "age"
OLDEST = 120
# Words that say "aged" between a name and its age: nothing need set the age off after them
# (`لي البالغ من العمر 32 عامًا وكوان …`).
_AGED = (
    "aged", "âgé de", "âgée de", "âgés de", "âgées de", "im alter von", "edad de", "berusia",
    "البالغ من العمر", "البالغة من العمر",
)
# Words that may stand there but say nothing by themselves (`, de 35 años,`): the age must be set off after them too.
_OF = ("de", "di", "com", "age")
# Age words that CLDR's units of duration do not give (they are not the word for a year there): `62 tuổi`,
# `24세`, `39歳`, `33岁`, `35 yaşında`. A duration in years (`35 años`, `32 عامًا`) is read by extraction.
_AGE_WORDS = (
    "tuổi", "세", "살", "歳", "才", "岁", "周岁", "yaşında", "yaşındaki", "tahun",
    "de ani", "ani", "éves", "ετών", "χρονών", "l.", "let", "lat",
)


_SAID_AGED = re.compile(rf"\s*[,،(（]?\s*(?:{trie(list(_AGED), ignorecase=True)})\s+", re.IGNORECASE)
# Chinese, Japanese and Korean copy put a title between the name and its bracketed age: `ハメネイ師(84)`,
# `宮本元気機長(39)`, `이모씨(33)`.
_TITLE = r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3]{0,3}(?=[(（])"
_SET_OFF = re.compile(rf"\s*(?:{_TITLE})?[,،(（]\s*(?:(?:{trie(list(_OF), ignorecase=True)})\s+)?", re.IGNORECASE)
_CLOSE = re.compile(rf"\s*(?:{trie(list(_AGE_WORDS))})?\s*(?:[,،;)）.]|$)")
_SCORE = re.compile(r"\b\d{1,2}\s?[:–-]\s?\d{1,2}\b")
_APPOSITION = re.compile(r"\s*,\s*an?\s+", re.IGNORECASE)
# The adjective an age makes before a name, in the languages that write one (`a 33-year-old`, `der 61-Jährige`,
# `70-letni Pezeszkian`, `il 64enne Lai`, `de 29-jarige`, `70 yaşındaki`): written against the figure, after a
# hyphen or after a space.
_YEAR_OLD_WORDS = (
    r"years?[‐-]old", r"jährige[rnms]?", r"летн(?:ий|яя|его|ей|ему|им|ие|их)", r"річн(?:ий|а|ого|ої|ому|им|і|их)",
    r"letni(?:a|ego|ej|emu|m|ch|e)?", r"letnią", r"let(?:ý|á|ého|é|ou|ém)", r"ročn(?:ý|á|ého|ej|ú|ém)",
    r"enne", r"jarige", r"årig[ae]", r"vuotias", r"χρονος", r"χρονη", r"yaşındaki",
)
_YEAR_OLD = re.compile(rf"(?:[‐-]|\s)?(?:{'|'.join(_YEAR_OLD_WORDS)})\b", re.IGNORECASE)
# Between an `N-year-old` and the name it comes before: a title or a role, one word (`der 61-Jährige Parteichef Keir
# Starmer`, `25-летний Фаридуни`).
_TO_NAME = re.compile(r"\s{1,2}(?:[^\W\d_]+\s{1,2})?")


def person_of(claim: Claim, names: Sequence[Placed]) -> Placed | None:
    """The person whose age `claim` gives, by the shapes above, or None when it is no age of a named person.

    `names` are the mentions of persons in the claim's sentence, in text order (positions in the source).
    """
    if not _may_be_age(claim):
        return None
    text, offset = claim.context.sentence.text, claim.context.sentence.start
    start = claim.span.start - offset
    end = start + len(claim.span.text)
    before = next((name for name in reversed(names) if name.end - offset <= start), None)
    gap = text[before.end - offset : start] if before is not None else None
    stop = _adjective_end(claim.span.text, text, end)
    if stop is not None:  # `26-year-old Dorlian`, `25-летний Фаридуни`, `Mirzoyev, a 33-year-old citizen`
        after = next((name for name in names if name.start - offset >= stop), None)
        if after is not None and _TO_NAME.fullmatch(text[stop : after.start - offset]):
            return after
        return before if gap is not None and _APPOSITION.fullmatch(gap) else None
    if before is None or _SCORE.search(text[: before.start - offset].rsplit(";", 1)[-1][-12:]):
        return None  # `2:1 – Oyarzabal, 86`: a goal's minute after the score it made
    opened = text[: before.start - offset].rstrip()[-1:] in ("(", "（")
    if _SAID_AGED.fullmatch(gap) or (_SET_OFF.fullmatch(gap) and _closes(gap, text, end, opened)):
        return before
    return None


def _closes(gap: str, text: str, end: int, opened: bool) -> bool:
    """True when the age set off after a name ends there: a bracket it opened closes (`Mr Lee (33)`, not
    `Oyarzabal (86. minute)`), and a comma's age ends its clause (`Prabowo Subianto, 78,`, `(… Lamine Yamal, de 16
    anos)`) unless the name and its figure are all a bracket holds, `opened` right before the name (`Morata
    (Oyarzabal, 68)`: a line-up's substitution and its minute)."""
    found = _CLOSE.match(text, end)
    if found is None:
        return False
    closed = found.group().strip()[-1:] in (")", "）")
    if "(" in gap or "（" in gap:
        return closed
    return not (opened and closed)


def _adjective_end(figure: str, text: str, end: int) -> int | None:
    """Where the `N-year-old` the figure is part of ends (its suffix may lie outside it: `25-летний`), or None."""
    if _YEAR_OLD.search(figure):
        return end
    following = _YEAR_OLD.match(text, end)
    return following.end() if following else None


def _may_be_age(claim: Claim) -> bool:
    """A whole number of a person's years: a count with nothing counted, or a duration in years."""
    value = claim.stated.value
    if value != value.to_integral_value() or not 0 < value <= OLDEST or claim.qualifier:
        return False
    if claim.kind is ClaimKind.COUNT:
        return claim.context.noun is None and claim.stated.unit == "count"
    return claim.kind is ClaimKind.DURATION and claim.stated.unit == "year" and claim.role in (None, "age")


def measure_key(name: Placed) -> Key:
    """The measure key of an age."""
    return Key(value=AGE, label="Age", words=(name.text,), rule="a figure set off right beside a name", confidence=AFTER)


def subject_key(name: Placed) -> Key:
    """The subject key of an age: the person named beside it."""
    return Key(value=name.entity, label=name.text, words=(name.text,), rule="the name the age is set off beside",
               confidence=SENTENCE_SUBJECT)


def in_years(claim: Claim) -> Quantity:
    """An age as the whole number of years it states: `35`, `35 años` and `35-year-old` are one reading."""
    years = claim.stated.value
    return Quantity(value=years, unit="year", interval=Interval(low=years, high=years), precision=Decimal(1))
