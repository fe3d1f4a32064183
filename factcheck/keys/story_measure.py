"""The measure a story is about, for its figures that no cue names: `die FDP 9,3 %` in an election story.

Copy that has named the share of the vote once lists the rest bare (`Die Grünen erreichen 10,5 %, die FDP 9,3 %
und die Linke 4,9 %`, `Sheinbaum obtuvo 57,8% de los votos contra 28,57% para Xóchitl Gálvez`), and the one cue
is too far from the later figures to govern them. When several sources give a measure surely, the story is about
it: a figure of its kinds that no cue governs, whose clause names one of the measure's subjects (a candidate or a
party), takes it. Only measures marked `uncued` in rules/measures.toml do, and only as a guess, so that such a
figure can make a warning but never an error: a bare percentage beside a candidate's name is most often his
share, not always.
"""

from __future__ import annotations

from collections.abc import Iterable

from factcheck.keys.vocabulary import MeasureRule, Vocabulary
from factcheck.models import Claim, Key, Keys

MIN_SOURCES = 3  # sources that must give the measure surely before the story is about it
GUESS = 0.6  # below the measure's SURE: a warning at most


def story_measures(
    claims: Iterable[Claim], keys: dict[str, Keys], vocabulary: Vocabulary, sure: float
) -> list[MeasureRule]:
    """The `uncued` measures that at least MIN_SOURCES sources of the story give with a measure key of at least
    `sure` confidence."""
    sources: dict[str, set[str]] = {}
    for claim in claims:
        measure = keys[claim.id].measure
        rule = vocabulary.measures.get(measure.value or "")
        if rule is not None and rule.uncued and measure.confidence >= sure:
            sources.setdefault(rule.id, set()).add(claim.source)
    return [vocabulary.measures[rule_id] for rule_id, found in sorted(sources.items()) if len(found) >= MIN_SOURCES]


def takes(claim: Claim, keys: Keys, rule: MeasureRule) -> bool:
    """True when a claim may take the story's measure: of its kinds, with no measure of its own."""
    return keys.measure.value is None and claim.kind in rule.kinds


def with_story_measure(keys: Keys, rule: MeasureRule, subject: Key) -> Keys:
    """The keys of a figure that takes the story's measure, with the subject its clause names."""
    measure = Key(
        value=rule.id,
        label=rule.label,
        words=subject.words,
        rule=f"the story's measure: no cue governs it, and its clause names {subject.label}",
        confidence=GUESS,
    )
    return keys.model_copy(update={"measure": measure, "subject": subject})
