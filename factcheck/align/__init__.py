"""Alignment: group the claims of one story into facts.

Declared facts (story.toml `[[fact]]`) take their claims first. The rest are
compared by their frames (entities, words around the figure, counted noun, time
frame) within one dimension and clustered; see `frames.py` and `cluster.py`.
"""

from __future__ import annotations

import hashlib

from factcheck.align.clustering import cluster
from factcheck.align.frames import Frame, frame, inverse_frequencies, period, words_of
from factcheck.align.keyed import join_by_keys
from factcheck.align.labels import label, reasons
from factcheck.keys import Subjects, Vocabulary
from factcheck.keys.subject import EVENT
from factcheck.manifest import DeclaredFact
from factcheck.models import Claim, ClaimKind, Entity, Fact, Story
from factcheck.keys.age import AGE
from factcheck.scripts import primary


def align(
    story: Story,
    claims: list[Claim],
    entities: list[Entity] | tuple[Entity, ...] = (),
    declared: list[DeclaredFact] = (),
    vocabulary: Vocabulary | None = None,
    languages: dict[str, str] | None = None,
) -> list[Fact]:
    """Facts of one story: declared ones first, then automatic groups; every claim in exactly one fact.

    Claims whose keys (measure, subject, scope) differ never share a fact; `vocabulary` says which
    measures develop over time, for the checks, and lets claims of sure and equal keys join across the
    `languages` of their sources (source id -> BCP 47 tag), where words cannot tie them (keyed.py).
    """
    names = {entity.id: entity.name for entity in entities}
    facts, remaining = _declared_facts(story, claims, declared, names)
    subjects = Subjects(entities, claims)
    periods = _periods(claims)
    spans = _figure_spans(claims)
    spoken = {source: primary(tag) for source, tag in (languages or {}).items()}
    frames = []
    for claim in remaining:
        sentence = (claim.source, claim.context.sentence.start)
        others = tuple(span for span in spans.get(sentence, ()) if span != (claim.span.start, claim.span.end))
        masked = others + subjects.names_in(claim.source, claim.context.sentence.start, claim.context.sentence.end)
        scope = vocabulary.distinct_scope(claim.keys.scope.value, claim.kind) if vocabulary else claim.keys.scope.value
        keyed = bool(vocabulary and vocabulary.specific(claim.keys.measure.value))
        # The event a date names is the dates check's key; dates still align by their words, as before.
        measured = claim.keys.subject != EVENT
        language = spoken.get(claim.source, "en")
        frames.append(
            frame(claim, _subjects(claim, subjects), periods.get(sentence, ()), masked, scope, keyed, measured, language)
        )
    idf = inverse_frequencies(frames)
    index = {claim.id: position for position, claim in enumerate(remaining)}
    must_link = [(index[c.restates], index[c.id]) for c in remaining if c.restates in index]
    join = (lambda found, merge: join_by_keys(found, frames, vocabulary, spoken, merge)) if vocabulary else None
    for group in cluster(frames, idf, must_link, join):
        members = [frames[i] for i in sorted(group.members, key=lambda i: _claim_order(frames[i].claim))]
        facts.append(_fact(story, members, idf, names, group.restated, vocabulary))
    return _unique_ids(sorted(facts, key=lambda fact: (fact.kind.value, fact.label, fact.claims)))


def _subjects(claim: Claim, subjects: Subjects) -> frozenset[str]:
    """The subject its keys decided; found here for claims that come without keys, and for a date of an event."""
    decided = claim.keys.subject
    if decided.confidence == 0 or decided == EVENT:
        return subjects.of(claim)
    return frozenset(decided.value.split("+")) if decided.value else frozenset()


def _figure_spans(claims: list[Claim]) -> dict[tuple[str, int], list[tuple[int, int]]]:
    """The spans of the money figures of every sentence: their currency words ("USD", "yen") are not context.

    Counts stay: "60 bilateral agreements worth $3.7 billion" says what the money is.
    """
    spans: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for claim in claims:
        entry = spans.setdefault((claim.source, claim.context.sentence.start), [])
        if claim.kind is ClaimKind.MONEY:
            entry.append((claim.span.start, claim.span.end))
    return spans


def _periods(claims: list[Claim]) -> dict[tuple[str, int], tuple[str, ...]]:
    """The durations stated in each sentence: the time frame of its other figures."""
    found: dict[tuple[str, int], tuple[str, ...]] = {}
    for claim in claims:
        if claim.kind is ClaimKind.DURATION and claim.keys.measure.value != AGE:  # a man of 33 is no period
            key = (claim.source, claim.context.sentence.start)
            found[key] = (*found.get(key, ()), period(claim))
    return found


def _declared_facts(
    story: Story, claims: list[Claim], declared: list[DeclaredFact], names: dict[str, str]
) -> tuple[list[Fact], list[Claim]]:
    facts, taken = [], set()
    for rule in declared:
        members = [c for c in claims if c.id not in taken and _matches(c, rule, names)]
        taken.update(c.id for c in members)
        if members:
            facts.append(
                Fact(
                    id=_fact_id(story, rule.label),
                    story=story.id,
                    label=rule.label,
                    kind=rule.kind,
                    claims=tuple(c.id for c in sorted(members, key=_claim_order)),
                    reasons=("declared in story.toml",),
                    declared=True,
                )
            )
    return facts, [c for c in claims if c.id not in taken]


def _matches(claim: Claim, rule: DeclaredFact, names: dict[str, str]) -> bool:
    if claim.kind is not rule.kind or (rule.unit and claim.stated.unit != rule.unit):
        return False
    sentence_words = words_of(claim.context.sentence.text)
    if not all(words_of(phrase) <= sentence_words for phrase in rule.words):
        return False
    present = {value.lower() for e in claim.context.entities for value in (e, names.get(e, e))}
    return all(entity.lower() in present for entity in rule.entities)


def _fact(
    story: Story, members: list[Frame], idf, names: dict[str, str], restated: bool, vocabulary: Vocabulary | None
) -> Fact:
    text = label(members, idf, names)
    measure = next((item.claim.keys.measure.value for item in members if item.claim.keys.measure.value), None)
    rule = vocabulary.measures.get(measure) if vocabulary and measure else None
    return Fact(
        id=_fact_id(story, text),
        story=story.id,
        label=text,
        kind=members[0].claim.kind,
        claims=tuple(item.claim.id for item in members),
        reasons=reasons(members, idf, names, restated),
        measure=measure,
        develops=bool(rule and rule.develops),
        cumulative=bool(rule and rule.cumulative),
        settles=bool(rule and rule.settles),
        generic=bool(rule and rule.generic),
    )


def _fact_id(story: Story, text: str) -> str:
    """Built from the story and the label, not from offsets, so deep links survive edits elsewhere."""
    return "fact-" + hashlib.sha256(f"{story.id}|{text}".encode()).hexdigest()[:12]


def _unique_ids(facts: list[Fact]) -> list[Fact]:
    seen: dict[str, int] = {}
    unique = []
    for fact in facts:
        count = seen.get(fact.id, 0)
        seen[fact.id] = count + 1
        unique.append(fact if count == 0 else fact.model_copy(update={"id": f"{fact.id}-{count + 1}"}))
    return unique


def _claim_order(claim: Claim) -> tuple:
    return (claim.source, claim.span.start)
