"""Join clusters whose keys are sure and the same: what the words of two languages cannot show.

The words around a figure tie `Germany pledged $100 million` to `Germany, also at $100 million`, but
not to `Deutschland wird sich mit 100 Millionen Euro beteiligen`: the two share no word. Their keys
do: one specific measure decided by the cue right beside the figure, one subject, alone, named in its own
sentence, one scope, one day for a measure that develops. Clusters whose every member carries the
same such keys are one fact, when they are written in different languages. A cluster with a member
whose keys are guessed keeps to its words.
"""

from __future__ import annotations

from collections.abc import Callable

from factcheck.align.clustering import Cluster
from factcheck.align.frames import Frame
from factcheck.keys import SURE, SURE_CUE, Vocabulary
from factcheck.keys.as_of import moment, named_period
from factcheck.keys.subject import SENTENCE_SUBJECT

Signature = tuple


def signature(item: Frame, vocabulary: Vocabulary) -> Signature | None:
    """The keys that make a claim one fact with any other claim carrying them; None when one is a guess."""
    keys = item.claim.keys
    measure = vocabulary.measures.get(keys.measure.value or "")
    if measure is None or measure.generic or keys.measure.confidence < SURE_CUE:
        return None
    if keys.subject.value is None or "+" in keys.subject.value or keys.subject.confidence < SENTENCE_SUBJECT:
        return None  # two names beside a figure ("aid to Türkiye and Syria") leave open which is its subject
    if keys.as_of.confidence < SURE["as_of"] or keys.scope.confidence < SURE["scope"]:
        return None
    day = None
    if measure.develops:
        at = moment(keys.as_of)
        if at is None:
            return None  # a developing count of no known day is comparable with none
        day = at.date()
    return (item.dimension, item.role, measure.id, keys.subject.value, item.scope, day, named_period(keys.as_of))


def join_by_keys(
    clusters: list[Cluster],
    frames: list[Frame],
    vocabulary: Vocabulary,
    languages: dict[str, str],
    merge: Callable[[int, int], None],
) -> None:
    """Merge, through `merge(keep, other)` on indices of `clusters`, the clusters of one sure signature.

    Only clusters of different languages (`languages`: source id -> language) are joined: two figures
    in one language were compared by their words already, and words that part them ("humanitarian aid"
    and "grants") say more than keys that are the same; a person's age joins in any language. Larger
    clusters take smaller ones; two clusters
    holding figures of one sentence are never joined.
    """
    by_signature: dict[Signature, list[int]] = {}
    for index, found in enumerate(clusters):
        signatures = {signature(frames[member], vocabulary) for member in found.members}
        if len(signatures) == 1 and None not in signatures:
            by_signature.setdefault(signatures.pop(), []).append(index)
    for (_, _, measure, *_), indices in by_signature.items():
        # A person's age is about nobody else: the words around it ("compartió su viaje") say nothing of it.
        any_language = vocabulary.measures[measure].subject == "person"
        ordered = sorted(indices, key=lambda i: (-len(clusters[i].members), min(clusters[i].members)))
        kept: list[tuple[int, set[str]]] = []
        for index in ordered:
            spoken = {languages.get(frames[member].claim.source, "") for member in clusters[index].members}
            into = next(
                (other for other in kept if _apart(clusters[other[0]], clusters[index], other[1], spoken, any_language)),
                None,
            )
            if into is None:
                kept.append((index, spoken))
            else:
                merge(into[0], index)
                into[1].update(spoken)


def _apart(kept: Cluster, other: Cluster, kept_languages: set[str], languages: set[str], any_language: bool) -> bool:
    """True when the clusters share no sentence and no language (unless `any_language`): only then do keys say
    what words could not."""
    return not kept.sentences & other.sentences and (any_language or not kept_languages & languages)
