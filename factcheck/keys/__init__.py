"""The keys of a claim: what its figure measures, about whom, in what scope, as of when.

Two figures are one fact only when these four agree, so they are decided before
alignment, each by a short ordered list of rules that keeps the words which decided it
(`Claim.keys`): the measure from the cue governing the figure (measure.py, nearest.py),
the subject from the nearest name (subject.py), the scope from a word right beside the
figure (scope.py), the as-of from an anchor in the text or the source's date (as_of.py).
"""

from __future__ import annotations

from collections import defaultdict

from factcheck.keys import age
from factcheck.keys.as_of import PUBLICATION_RULES, as_of_key, opening_day
from factcheck.keys.measure import by_unit, figure_span, governing_measure, key_of
from factcheck.keys.scope import scope_key
from factcheck.keys.story_measure import story_measures, takes, with_story_measure
from factcheck.keys.subject import EVENT, Placed, Subjects
from factcheck.keys.vocabulary import MeasureRule, ScopeRule, Vocabulary, outside_names
from factcheck.models import Claim, ClaimKind, Entity, Keys, Source, Story

__all__ = ["SURE", "SURE_CUE", "MeasureRule", "ScopeRule", "Subjects", "Vocabulary", "decide"]

SURE = {"measure": 0.8, "subject": 0.7, "scope": 0.7, "as_of": 0.7}  # below these a key is a guess
SURE_CUE = 0.85  # a measure from the cue next to the figure, not one across its clause

# Figures a cue is never taken across: "37 dead, 120 injured". Dates and years sit in any clause.
_BLOCKING = (ClaimKind.MONEY, ClaimKind.COUNT, ClaimKind.PERCENT, ClaimKind.PHYSICAL)


def decide(
    story: Story, sources: dict[str, Source], claims: list[Claim], entities: list[Entity], vocabulary: Vocabulary
) -> list[Claim]:
    """Every claim with its keys decided, in the order given."""
    subjects = Subjects(entities, claims)
    names = {entity.id: entity.name for entity in entities}
    decided: dict[str, Keys] = {}
    for members in _by_sentence(claims).values():
        source = sources[members[0].source]
        decided.update(_sentence_keys(members, source, story, subjects, names, vocabulary))
    themes = story_measures(claims, decided, vocabulary, SURE["measure"])
    if themes:
        decided.update(_story_measure_keys(claims, decided, themes, subjects, names))
    partners = {claim.id: claim.restates for claim in claims if claim.restates}
    partners.update({first: restater for restater, first in list(partners.items())})
    return [_with_keys(claim, _restated(claim, decided, partners)) for claim in claims]


def _with_keys(claim: Claim, keys: Keys) -> Claim:
    update: dict = {"keys": keys}
    if keys.measure.value == age.AGE:
        update["normalized"] = age.in_years(claim)
    return claim.model_copy(update=update)


def _sentence_keys(
    members: list[Claim], source: Source, story: Story, subjects: Subjects, names: dict[str, str], vocabulary: Vocabulary
) -> dict[str, Keys]:
    text = members[0].context.sentence.text
    measure_hits = outside_names(
        text, vocabulary.measure_cues.find(text, source.language), source.language, vocabulary.event_measures
    )
    scope_hits = vocabulary.scope_cues.find(text, source.language)
    scope_verbs = vocabulary.sentence_scope_cues.find(text, source.language)
    spans = {claim.id: figure_span(claim) for claim in members}
    sentence = members[0].context.sentence
    persons = subjects.persons_in(source.id, sentence.start, sentence.start + len(sentence.text))
    keys = {}
    changes_of: dict[str, tuple[int, int]] = {}
    for claim in members:
        person = age.person_of(claim, persons)
        if person is not None:
            keys[claim.id] = _age_keys(claim, person, scope_hits, source, story, vocabulary)
            continue
        others = [spans[other.id] for other in members if other.kind in _BLOCKING and not _same_figure(claim, other)]
        changes = tuple(spans[other.id] for other in members if other.kind is ClaimKind.PERCENT and other.id != claim.id)
        cue = governing_measure(claim, measure_hits, others, vocabulary, changes)
        measure = by_unit(claim, vocabulary) or key_of(cue, vocabulary)
        if cue is not None and cue.via is not None:
            changes_of[claim.id] = cue.via
        rule = vocabulary.measures.get(measure.value or "")
        offset = claim.context.sentence.start
        absolute = tuple((start + offset, end + offset) for start, end in others)
        keys[claim.id] = Keys(
            measure=measure,
            subject=_subject(claim, rule, subjects, names, absolute),
            scope=scope_key(claim, scope_hits, others, vocabulary, cue.hit if cue else None, scope_verbs),
            as_of=as_of_key(claim, source, story),
        )
    keys = _dated_by_opening_day(members, keys, source)
    return _levels_of_changes(keys, changes_of, {span: claim_id for claim_id, span in spans.items()})


def _story_measure_keys(
    claims: list[Claim], decided: dict[str, Keys], themes: list[MeasureRule], subjects: Subjects, names: dict[str, str]
) -> dict[str, Keys]:
    """The figures no cue governs that take the measure the story is about, when their clause names its subject."""
    found = {}
    for members in _by_sentence(claims).values():
        for claim in members:
            rule = next((theme for theme in themes if takes(claim, decided[claim.id], theme)), None)
            if rule is None:
                continue
            others = tuple(
                (other.span.start, other.span.start + len(other.span.text))
                for other in members
                if other.kind in _BLOCKING and not _same_figure(claim, other)
            )
            subject = _subject(claim, rule, subjects, names, others)
            if subject.confidence >= SURE["subject"]:
                found[claim.id] = with_story_measure(decided[claim.id], rule, subject)
    return found


def _dated_by_opening_day(members: list[Claim], keys: dict[str, Keys], source: Source) -> dict[str, Keys]:
    """The figures dated only by their publication take the day that opens their sentence (`On 3 December, …`);
    dates keep their own."""
    opening = opening_day(members, source)
    if opening is None:
        return keys
    dates = {claim.id for claim in members if claim.kind is ClaimKind.DATE}
    return {
        claim_id: key.model_copy(update={"as_of": opening})
        if claim_id not in dates and key.as_of.rule in PUBLICATION_RULES else key
        for claim_id, key in keys.items()
    }


def _subject(
    claim: Claim, rule: MeasureRule | None, subjects: Subjects, names: dict[str, str], others: tuple[tuple[int, int], ...]
) -> Key:
    """The subject as the measure's `subject` mode asks: the event, a contender, a place, or anyone."""
    mode = rule.subject if rule is not None else "any"
    if mode == "event":
        return EVENT
    if mode == "contender":
        return subjects.contender(claim, names, others)
    return subjects.key(claim, mode == "place", names, others)


def _levels_of_changes(
    keys: dict[str, Keys], changes_of: dict[str, tuple[int, int]], at: dict[tuple[int, int], str]
) -> dict[str, Keys]:
    """A level reached after a change is about what the change is about: `Toyota's operating profit rose 96.4% to
    5.32 trillion yen, the highest ever for a Japanese company` is Toyota's, the name before the change decides."""
    for level, span in changes_of.items():
        change = keys.get(at.get(span, ""))
        if change is not None and change.subject.value is not None:
            keys[level] = keys[level].model_copy(update={"subject": change.subject})
    return keys


def _age_keys(claim: Claim, person: Placed, scope_hits, source: Source, story: Story, vocabulary: Vocabulary) -> Keys:
    """The keys of a person's age: its shape decides the measure and the subject, not the words around it."""
    return Keys(
        measure=age.measure_key(person),
        subject=age.subject_key(person),
        scope=scope_key(claim, scope_hits, [], vocabulary, None),
        as_of=as_of_key(claim, source, story),
    )


def _same_figure(claim: Claim, other: Claim) -> bool:
    """One figure and its restatement in brackets: neither hides the other's cue words."""
    return other.id == claim.id or other.restates == claim.id or claim.restates == other.id


def _restated(claim: Claim, decided: dict[str, Keys], partners: dict[str, str]) -> Keys:
    """A figure and its restatement (`3 trillion yen (about $19 billion)`) are one quantity: one measure, one scope."""
    own = decided[claim.id]
    partner = decided.get(partners.get(claim.id, ""))
    if partner is None or own.measure.value is not None or partner.measure.value is None:
        return own
    return own.model_copy(update={"measure": partner.measure, "scope": partner.scope})


def _by_sentence(claims: list[Claim]) -> dict[tuple[str, int], list[Claim]]:
    grouped: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    for claim in claims:
        grouped[(claim.source, claim.context.sentence.start)].append(claim)
    return grouped
