"""Run extraction on a case's text (tests/cases/extract/*.toml) and compare with what the case expects.

A case is `text`, optional `reference` (a date), `published` (the source's publication date), `dollar`
and `language`, and `expect`: every claim the
text must yield, in order, each as `{kind, surface}` plus any of `value`, `unit`, `upper`, `low`, `high`,
`qualifier`, `role`, `noun`, `restates` (true when it restates the claim before it), `confidence_max`
and `note` (words one of its notes must contain); the string "none" expects no value. `expect = []` says the text holds no claim at all.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from factcheck.cleaning import clean
from factcheck.config import Rules
from factcheck.extract import extract
from factcheck.models import Claim, Document, Source

_NUMBERS = ("value", "upper", "low", "high")


def document(text: str, language: str = "en", published: dt.date | None = None) -> Document:
    """A Document of `text` as the loader would make it (cleaned, with its offset map)."""
    cleaned, offsets = clean(text)
    source = Source(id="case", story="story", path="case.txt", title="case", language=language, published=published)
    return Document(source=source, original=text, text=cleaned, offsets=offsets)


def run_case(case: dict, rules: Rules) -> list[Claim]:
    """The claims extraction finds in a case's text."""
    reference = case.get("reference", dt.date(2025, 12, 20))
    reference = None if reference == "none" else reference
    doc = document(case["text"], case.get("language", "en"), case.get("published"))
    return extract(doc, rules.qualifier_table, dollar=case.get("dollar", "USD"), reference=reference)


def mismatches(claim: Claim, wanted: dict, previous: Claim | None) -> list[str]:
    """What differs between a claim and what the case expects of it (empty when it matches)."""
    found = _fields(claim, previous)
    problems = []
    for key, value in wanted.items():
        have = found.get(key)
        value = None if value == "none" else value
        if key in _NUMBERS and value is not None:
            ok = have is not None and Decimal(str(value)) == have
        elif key == "confidence_max":
            ok = claim.confidence <= value
        elif key == "note":
            ok = any(value in note for note in claim.notes)
        else:
            ok = have == value
        if not ok:
            problems.append(f"{key}: expected {value!r}, found {have!r}")
    return problems


def _fields(claim: Claim, previous: Claim | None) -> dict:
    return {
        "kind": claim.kind.value,
        "surface": claim.surface,
        "value": claim.stated.value,
        "unit": claim.stated.unit,
        "upper": claim.stated.upper,
        "low": claim.stated.interval.low,
        "high": claim.stated.interval.high,
        "qualifier": claim.qualifier,
        "role": claim.role,
        "noun": claim.context.noun,
        "restates": previous is not None and claim.restates == previous.id,
        "confidence_max": claim.confidence,
        "note": claim.notes,
    }
