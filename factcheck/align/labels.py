"""Readable names for facts, and the reasons their claims were grouped."""

from __future__ import annotations

from collections import Counter

from factcheck.align.frames import Feature, Frame
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
    """'Kazakhstan — agreement, signed (amount)': the main subject, the telling words, what is measured."""
    weights = _feature_weights(frames, idf)
    subjects = Counter(subject for item in frames for subject in item.subjects)
    entity = min(subjects, key=lambda s: (-subjects[s], s)) if subjects else None
    entity = entity or next((value for (kind, value), _ in weights.most_common() if kind == "e"), None)
    noun = next((value for (kind, value), _ in weights.most_common() if kind == "n"), None)
    spelled = _spelled(frames)
    named = {token for name in names.values() for token in name.lower().split()}
    words = [
        spelled.get(value, value)
        for (kind, value), _ in weights.most_common()
        if kind == "w" and value != noun and spelled.get(value, value) not in named | _NOT_A_TOPIC
    ][:3]
    subject = names.get(entity, entity) if entity else "the story"
    topic = ", ".join(([noun] if noun else []) + words) or "figure"
    return f"{subject} — {topic} ({_KIND_WORDS[frames[0].claim.kind]})"


def reasons(frames: list[Frame], idf: dict[Feature, float], names: dict[str, str], restated: bool) -> tuple[str, ...]:
    """Why these claims are one fact: what most of them share."""
    if len(frames) == 1:
        return ()
    shared = _shared_features(frames)
    entities = [names.get(value, value) for kind, value in shared if kind == "e"]
    spelled = _spelled(frames)
    words = [spelled.get(value, value) for kind, value in sorted(shared, key=lambda f: -idf.get(f, 0)) if kind in ("w", "n")][:6]
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
