"""Extraction: every checkable figure of a document, as claims with exact spans.

Extractors read the cleaned text; every position they return is mapped back
through the document's offset map, so a claim's span indexes the original file.

The flow: numbers are found once (numbers.py); those inside names and codes
are dropped (codes.py); each kind proposes readings (dates, money,
percentages, measures, durations, years, counts) in order of precedence, and
a reading that overlaps one kept before loses (candidates.py); ranges written
with two units are joined (ranges.py); then each reading gets its qualifier,
interval and context.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal

from factcheck.extract.candidates import Candidate, Kept
from factcheck.extract.codes import reason_not_a_claim
from factcheck.extract.context import content_words, years
from factcheck.extract.counts import find_counts
from factcheck.extract.dates import find_dates, find_years
from factcheck.extract.days import find_days
from factcheck.extract.durations import find_durations
from factcheck.extract.physical import find_physical
from factcheck.extract.money import find_money
from factcheck.extract.numbers import Number, find_numbers
from factcheck.extract.percentages import find_percentages
from factcheck.extract.qualifiers import QualifierTable
from factcheck.extract.ranges import join_ranges
from factcheck.extract.sentences import Segments, segment
from factcheck.models import Claim, ClaimKind, Document, Interval, Span

_CONTEXT = 150  # characters either side of a figure (within its sentence) whose content words are kept
_FIXED_KINDS = (ClaimKind.DATE, ClaimKind.YEAR)  # calendar times: qualifiers do not move them
# Between a figure and a restatement of it in another currency or unit: `3 trillion yen (about $19 billion)`,
# `¥3tn, or about $19bn`, `100 miles – 160 km`, and the same "or" / "that is" of the other languages of
# the news (`US$ 69 bilhões, ou R$ 345 bilhões`, `7 milliards d'euros, soit 7,5 milliards de dollars`).
# A closing quote may come between: `“around 104 billion dollars” (97 million euros)`, or a stray full
# stop before the bracket: `US $14.4 billion. (₹1.4 trillion)`.
_OR_WORDS = (
    r"or|i\.e\.,?|ou|soit|ou\s+seja|o|o\s+sea|es\s+decir|oder|bzw\.|also|ossia|cioè|ovvero|или|то\s+есть|т\.\s?е\.|"
    r"yani|veya|أي|nghĩa\s+là|atau"
)
# Inside the bracket, a few words may say at which rate: `(당시 환율로 약 100조 원)`, `(at today's rate, $19bn)`.
_AT_RATE = r"(?:[^\W\d_]+[\s'’,]+){0,4}?\w*(?:rate|taux|cambio|câmbio|tasso|kurs|курс|kur|환율|汇率|匯率|レート|為替)\w*[\s,:]*"
_RESTATES = re.compile(
    rf"[\"”’»]?\s*(?:\.?\s*[(\[（](?:\s*{_AT_RATE})?|,?\s*(?:{_OR_WORDS})|,?\s*(?:equivalent|equal)\s+to|[—–])\s*",
    re.IGNORECASE,
)


def extract(
    document: Document, qualifiers: QualifierTable, dollar: str = "USD", reference: dt.date | None = None
) -> list[Claim]:
    """All claims of a document, in text order.

    `dollar` is what a bare `$` means; `reference` dates a day written without its year (`December 20`)
    when the source has no publication date of its own.
    """
    text = document.text
    segments = segment(text)
    chosen = join_ranges(text, _candidates(document, segments, dollar, reference))
    claims: list[Claim] = []
    previous: tuple[Candidate, Claim] | None = None
    sentences: dict[int, tuple[Span, tuple[int, ...]]] = {}  # sentence index -> its span and years, made once
    for candidate in chosen:
        fixed = candidate.kind in _FIXED_KINDS
        word, start = (None, candidate.start) if fixed else qualifiers.find(text, candidate.start, candidate.end)
        if word == "over" and candidate.kind is ClaimKind.DURATION and candidate.role != "ago":
            word, start = None, candidate.start  # "jobs over 10 years": a period, not "more than"
        restates = _restated(text, previous, candidate, start)
        claim = _claim(document, segments, sentences, candidate, word, qualifiers, restates)
        claims.append(claim)
        previous = (candidate, claim)
    return claims


def _candidates(document: Document, segments: Segments, dollar: str, reference: dt.date | None) -> list[Candidate]:
    """The readings that survive overlaps, in text order.

    Kinds are read in precedence order, each from the numbers no reading kept so far overlaps: every
    reading of a number covers the number, so one from a number already taken would lose anyway.
    """
    text = document.text
    language = document.source.language
    numbers = [number for number in find_numbers(text, language) if reason_not_a_claim(text, number, language) is None]

    def sentence(position: int) -> str:
        start, end = segments.sentence(position)
        return text[start:end]

    dates = find_dates(text, document.source.published or reference)
    kept = Kept()
    kept.add([*dates, *find_days(text, language, document.source.published, dates)])
    published = document.source.published
    finders: list[Callable[[list[Number]], list[Candidate]]] = [
        lambda free: find_money(text, free, sentence, dollar=dollar, language=language, published=published),
        lambda free: find_percentages(text, free),
        lambda free: find_physical(text, free, language),
        lambda free: find_durations(text, free),
        lambda free: find_years(text, free),
        lambda free: find_counts(text, free, language),
    ]  # in PRECEDENCE order, after the dates
    free = [number for number in numbers if kept.free(number.start, number.end)]
    for find in finders:
        if kept.add(find(free)):  # only new readings can take more numbers
            free = [number for number in free if kept.free(number.start, number.end)]
    return kept.in_text_order()


def _restated(text: str, previous: tuple[Candidate, Claim] | None, candidate: Candidate, start: int) -> str | None:
    """The id of the claim this one restates in another currency or unit, right after it, or in the same one
    written otherwise (`500 billion tenge (KZT 500 billion)`)."""
    if previous is None:
        return None
    earlier, claim = previous
    if earlier.kind is not candidate.kind or candidate.kind not in (ClaimKind.MONEY, ClaimKind.PHYSICAL):
        return None
    if earlier.unit == candidate.unit and earlier.value != candidate.value:
        return None
    if start < earlier.end or _a_rate(text, candidate):
        return None
    return claim.id if _RESTATES.fullmatch(text, earlier.end, start) else None


# One unit of a currency stated as its price in another: `(1달러당 145엔 기준)`, `(1 dollar = 155 yen)`,
# `(1 € = 1,08 $)`: the rate used, not the figure restated.
_PER_ONE = re.compile(r"\s*(?:당|=|＝|per|pour|por|je|за|に対し)", re.IGNORECASE)


def _a_rate(text: str, candidate: Candidate) -> bool:
    return candidate.value == 1 and _PER_ONE.match(text, candidate.end) is not None


def _claim(
    document: Document,
    segments: Segments,
    sentences: dict[int, tuple[Span, tuple[int, ...]]],
    candidate: Candidate,
    qualifier: str | None,
    qualifiers: QualifierTable,
    restates: str | None,
) -> Claim:
    span = document.span(candidate.start, candidate.end)
    # The nested models go in as dicts: pydantic validates them in one call, a fifth faster than building each.
    return Claim(
        id=f"{document.source.id}@{span.start}",
        source=document.source.id,
        kind=candidate.kind,
        span=span,
        stated={
            "value": candidate.value,
            "unit": candidate.unit,
            "interval": _interval(candidate, qualifier, qualifiers),
            "precision": candidate.precision,
            "upper": candidate.high,
        },
        qualifier=qualifier,
        role=candidate.role,
        confidence=candidate.confidence,
        notes=candidate.notes,
        restates=restates,
        context=_context(document, segments, sentences, candidate),
    )


def _interval(candidate: Candidate, qualifier: str | None, qualifiers: QualifierTable) -> Interval | dict[str, Decimal]:
    """The interval a reading stands for: fixed for calendar times, else from rounding and qualifier."""
    if candidate.interval is not None:
        return candidate.interval
    low, high = qualifiers.bounds(candidate.value, _rounding(candidate), qualifier)
    if candidate.high is not None:
        upper_low, upper_high = qualifiers.bounds(candidate.high, candidate.high_precision, qualifier)
        low, high = min(low, upper_low), max(high, upper_high)
    return {"low": low, "high": high}


def _rounding(candidate: Candidate) -> Decimal | None:
    """The candidate's rounding step; none for a count written to the unit, since "9 medals" means exactly nine."""
    if candidate.kind is ClaimKind.COUNT and candidate.precision == 1 and candidate.value == candidate.value.to_integral():
        return Decimal(0)
    return candidate.precision


def _context(
    document: Document, segments: Segments, sentences: dict[int, tuple[Span, tuple[int, ...]]], candidate: Candidate
) -> dict[str, object]:
    """The fields of the candidate's Context."""
    text = document.text
    index = segments.index(candidate.start)
    sentence_start, sentence_end = segments.starts[index], segments.ends[index]
    known = sentences.get(index)
    if known is None:  # the first figure of its sentence: the sentence's span and years serve its neighbours too
        known = sentences[index] = (document.span(sentence_start, sentence_end), years(text[sentence_start:sentence_end]))
    before = text[max(sentence_start, candidate.start - _CONTEXT) : candidate.start]
    after = text[candidate.end : min(sentence_end, candidate.end + _CONTEXT)]
    return {
        "sentence": known[0],
        "paragraph": segments.paragraphs[index],
        "words": content_words(before + " " + after),
        "noun": candidate.noun,
        "years": known[1],
    }
