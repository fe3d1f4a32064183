"""Extraction: every checkable figure of a document, as claims with exact spans.

Extractors read the cleaned text; every position they return is mapped back
through the document's offset map, so a claim's span indexes the original file.
"""

from __future__ import annotations

import re

from factcheck.extract.context import content_words, years
from factcheck.extract.money import MoneyMatch, find_money
from factcheck.extract.qualifiers import QualifierTable
from factcheck.extract.sentences import Segments, segment
from factcheck.models import Claim, ClaimKind, Context, Document, Quantity

_WINDOW = 40  # characters before a figure searched for its qualifier


def extract(document: Document, qualifiers: QualifierTable, dollar: str = "USD") -> list[Claim]:
    """All claims of a document, in text order."""
    text = document.text
    segments = segment(text)
    claims: list[Claim] = []
    qualifier_pattern = _qualifier_pattern(tuple(qualifiers.words))
    previous_end = None
    for money in find_money(text, dollar=dollar, language=document.source.language):
        word, start = _qualifier(text, money.start, qualifier_pattern)
        restates = claims[-1].id if claims and _in_brackets_after(text, previous_end, start) else None
        claims.append(_money_claim(document, segments, money, word, qualifiers, restates))
        previous_end = money.end
    return claims


def _in_brackets_after(text: str, previous_end: int | None, start: int) -> bool:
    """True for a figure in brackets right after another: `3 trillion yen (more than $19 billion)`."""
    return previous_end is not None and re.fullmatch(r"\s*\(\s*", text[previous_end:start]) is not None


def _money_claim(
    document: Document,
    segments: Segments,
    money: MoneyMatch,
    qualifier: str | None,
    qualifiers: QualifierTable,
    restates: str | None,
) -> Claim:
    span = document.span(money.start, money.end)
    interval = qualifiers.interval(money.value, money.precision, qualifier)
    return Claim(
        id=f"{document.source.id}@{span.start}",
        source=document.source.id,
        kind=ClaimKind.MONEY,
        span=span,
        stated=Quantity(value=money.value, unit=money.currency, interval=interval, precision=money.precision),
        qualifier=qualifier,
        notes=money.notes,
        restates=restates,
        context=_context(document, segments, money.start, money.end),
    )


def _context(document: Document, segments: Segments, start: int, end: int) -> Context:
    text = document.text
    sentence_start, sentence_end = segments.sentence(start)
    return Context(
        sentence=document.span(sentence_start, sentence_end),
        paragraph=segments.paragraph(start),
        words=content_words(text[sentence_start:start] + " " + text[end:sentence_end]),
        years=years(text[sentence_start:sentence_end]),
    )


def _qualifier_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in words) or r"(?!)"
    return re.compile(rf"\b(?P<word>{alternatives})\s+(?:the\s+|an?\s+)?$", re.IGNORECASE)


def _qualifier(text: str, start: int, pattern: re.Pattern[str]) -> tuple[str | None, int]:
    """The qualifier word right before a figure (`about`, `more than`), and where it starts."""
    window_start = max(0, start - _WINDOW)
    found = pattern.search(text, window_start, start)
    if found is None:
        return None, start
    return " ".join(found.group("word").lower().split()), found.start()

