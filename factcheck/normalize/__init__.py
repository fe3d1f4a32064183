"""Put claims on one footing: currency at the right date, units, canonical names."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.models import Claim, Document, Entity, Story
from factcheck.normalize.fx import FxTable, RateRule
from factcheck.normalize.names import EntityRule, resolve_names
from factcheck.normalize.quantities import normalize_claims


@dataclass(frozen=True)
class Normalised:
    """A story's claims on one footing, its entities, and what the editor should be told."""

    claims: list[Claim]
    entities: list[Entity]
    warnings: list[str]


def normalize(
    story: Story,
    documents: Sequence[Document],
    claims: Sequence[Claim],
    rates: FxTable,
    entities: Sequence[EntityRule],
    date: dt.date | None = None,
) -> Normalised:
    """Money in the story's currency, measures in canonical units, names resolved and set on each claim's context.

    `date` is the reference date when neither a source nor the story gives one (`--date`).
    """
    sources = {document.source.id: document.source for document in documents}
    converted = normalize_claims(claims, story, sources, rates, date)
    names = resolve_names(documents, converted.claims, entities)
    return Normalised(names.claims, names.entities, converted.warnings)


__all__ = ["EntityRule", "FxTable", "Normalised", "RateRule", "normalize"]
