"""Readable names for facts, and the reasons their claims were grouped."""

from __future__ import annotations

from collections import Counter

from factcheck.align.frames import Feature, Frame
from factcheck.lemmas import function_word
from factcheck.models import ClaimKind

# Words that help tell claims apart but say nothing of what a fact is about: reporting verbs, fillers.
_NOT_A_TOPIC = frozenset(
    """said say noted note added told stated according reported announced though although alone also already
    currently still even just higher lower since key role country countries side sides amount figure year
    month next last recent whole entire overall following""".split()
)

_KIND_WORDS = {
    ClaimKind.MONEY: "amount",
    ClaimKind.COUNT: "number",
    ClaimKind.PERCENT: "share",
    ClaimKind.YEAR: "date",
    ClaimKind.DATE: "date",
    ClaimKind.DURATION: "duration",
    ClaimKind.PHYSICAL: "physical",
}


def label(frames: list[Frame], idf: dict[Feature, float], names: dict[str, str]) -> str:
    """What an editor reads: 'Deaths — Syria', 'Investment — Kazakhstan — over 5 years'.

    From the claims' keys when their measure is known: the measure, the subject most of them name, the scope,
    the time frame their sentences state. Otherwise the main subject and the telling words around the figures:
    'Kazakhstan — agreement, signed (amount)'.
    """
    keyed = _keyed_label(frames)
    if keyed is not None:
        return keyed
    weights = _feature_weights(frames, idf)
    subjects = Counter(subject for item in frames for subject in item.subjects)
    entity = min(subjects, key=lambda s: (-subjects[s], s)) if subjects else None
    entity = entity or next((value for (kind, value), _ in weights.most_common() if kind == "e"), None)
    noun = next((value for (kind, value), _ in weights.most_common() if kind == "n"), None)
    spelled = _spelled(frames)
    named = {token for name in names.values() for token in name.lower().split()}
    languages = sorted({item.language for item in frames})
    words = [
        spelled.get(value, value)
        for (kind, value), _ in weights.most_common()
        if kind == "w" and value != noun and _a_topic(spelled.get(value, value), named, languages)
    ][:3]
    subject = names.get(entity, entity) if entity else "the story"
    topic = ", ".join(([noun] if noun else []) + words) or "figure"
    return f"{subject} — {topic} ({_KIND_WORDS[frames[0].claim.kind]})"


def _a_topic(word: str, named: set[str], languages: list[str]) -> bool:
    """True for a word that may say what a fact is about: no name, no filler, no function word of its languages."""
    return word not in named and word not in _NOT_A_TOPIC and not _function_word(word, languages)


def _function_word(word: str, languages: list[str]) -> bool:
    return any(function_word(word, language) for language in languages)


def _keyed_label(frames: list[Frame]) -> str | None:
    measures = Counter(item.claim.keys.measure.label for item in frames if item.claim.keys.measure.label)
    if not measures:
        return None
    parts = [_most_common(measures)]
    subjects = Counter(item.claim.keys.subject.label for item in frames if item.claim.keys.subject.value)
    parts.append(_most_common(subjects) if subjects else "the story as a whole")
    scopes = Counter(item.claim.keys.scope.label for item in frames if item.claim.keys.scope.label)
    if scopes:
        parts.append(_most_common(scopes))
    periods = Counter(value for item in frames for kind, value in item.features if kind == "t")
    if periods:
        amount, unit = _most_common(periods).split(" ", 1)
        parts.append(f"over {amount} {unit}{'' if amount == '1' else 's'}")
    return " — ".join(parts)


def _most_common(counts: Counter) -> str:
    """The most frequent value, the first in order on a tie (so labels do not depend on claim order)."""
    return min(counts, key=lambda value: (-counts[value], value))


def reasons(frames: list[Frame], idf: dict[Feature, float], names: dict[str, str], restated: bool) -> tuple[str, ...]:
    """Why these claims are one fact: what most of them share."""
    if len(frames) == 1:
        return ()
    shared = _shared_features(frames)
    entities = [names.get(value, value) for kind, value in shared if kind == "e"]
    spelled = _spelled(frames)
    languages = sorted({item.language for item in frames})
    words = [
        spelled.get(value, value)
        for kind, value in sorted(shared, key=lambda f: -idf.get(f, 0))
        if kind in ("w", "n") and not _function_word(spelled.get(value, value), languages)
    ][:6]
    years = [value for kind, value in shared if kind == "y"]
    found = []
    if restated:
        found.append("one figure restates another in brackets")
    if entities:
        found.append("shared entities: " + ", ".join(sorted(entities)))
    if words:
        found.append("shared words: " + ", ".join(words))
    if years:
        found.append("same time frame: " + ", ".join(sorted(years)))
    return tuple(found)


def _spelled(frames: list[Frame]) -> dict[str, str]:
    """Each stem as the claims write it (the first spelling met)."""
    found: dict[str, str] = {}
    for item in frames:
        for stem, word in item.spelled:
            found.setdefault(stem, word)
    return found


def _feature_weights(frames: list[Frame], idf: dict[Feature, float]) -> Counter:
    weights: Counter = Counter()
    for item in frames:
        for feature, weight in item.features.items():
            weights[feature] += weight * idf.get(feature, 0.0)
    return Counter(dict(sorted(weights.items(), key=lambda pair: (-pair[1], pair[0]))))


def _shared_features(frames: list[Frame]) -> list[Feature]:
    """Features found in at least half the claims (and in two at least)."""
    counts: Counter = Counter()
    for item in frames:
        counts.update(item.features.keys())
    needed = max(2, (len(frames) + 1) // 2)
    return sorted(feature for feature, count in counts.items() if count >= needed)
