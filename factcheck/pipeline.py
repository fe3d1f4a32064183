"""The whole flow: sources -> documents -> claims -> facts -> findings -> Report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

from factcheck import __version__
from factcheck.align import align
from factcheck.checks import REGISTRY, run_checks
from factcheck.checks.base import StoryFacts
from factcheck.config import Rules
from factcheck.extract import extract
from factcheck.models import Finding, Report
from factcheck.normalize import FxTable, normalize
from factcheck.sources import LoadedStory, load


Progress = Callable[[int, int], None]


def run(
    paths: list[Path],
    rules: Rules,
    draft: Path | None = None,
    stamp: str | None = None,
    progress: Progress | None = None,
    date: dt.date | None = None,
) -> Report:
    """Read the sources under `paths` (and the draft) and report where they disagree.

    `date` is the reference date for sources that neither have one nor belong to a story that has one.

    `progress`, if given, is called with (documents done, documents in all) as the stories are analysed.
    """
    corpus = load(
        paths,
        draft,
        max_file_bytes=rules.settings.max_file_bytes,
        max_total_bytes=rules.settings.max_total_bytes,
    )
    analysed = [analyse(loaded, rules, date) for loaded in _tracked(corpus.stories, progress)]
    findings = [finding for _, story_findings, _ in analysed for finding in story_findings]
    stories = [story for story, _, _ in analysed]
    return Report(
        tool_version=__version__,
        stamp=stamp,
        stories=tuple(story.story for story in stories),
        sources=tuple(source for story in stories for source in story.sources),
        claims=tuple(claim for story in stories for claim in story.claims),
        facts=tuple(fact for story in stories for fact in story.facts),
        entities=tuple(entity for story in stories for entity in story.entities),
        findings=tuple(sorted(findings, key=_finding_order)),
        warnings=tuple(corpus.warnings) + tuple(warning for _, _, warnings in analysed for warning in warnings),
    )


def analyse(loaded: LoadedStory, rules: Rules, date: dt.date | None = None) -> tuple[StoryFacts, list[Finding], list[str]]:
    """One story through extraction, normalisation, alignment and the checks; also returns its warnings."""
    qualifiers = rules.qualifier_table
    reference = loaded.story.reference_date or date
    claims = [
        claim
        for document in loaded.documents
        for claim in extract(document, qualifiers, dollar=rules.settings.dollar, reference=reference)
    ]
    rates = FxTable(rules.rates, rules.settings.rate_band)
    normalised = normalize(loaded.story, loaded.documents, claims, rates, rules.entities, date)
    facts = align(loaded.story, normalised.claims, declared=loaded.declared)
    story = StoryFacts(
        story=loaded.story,
        sources=tuple(document.source for document in loaded.documents),
        claims=tuple(normalised.claims),
        facts=tuple(facts),
        entities=tuple(normalised.entities),
    )
    configs = {check_id: rules.check_config(check_id) for check_id in REGISTRY}
    return story, run_checks(story, configs), normalised.warnings


def _tracked(stories: list[LoadedStory], progress: Progress | None) -> Iterator[LoadedStory]:
    """Yield the stories, telling `progress` how many documents are done before the first and after each."""
    total = sum(len(loaded.documents) for loaded in stories)
    done = 0
    for loaded in stories:
        if progress is not None:
            progress(done, total)
        yield loaded
        done += len(loaded.documents)
    if progress is not None:
        progress(done, total)


def _finding_order(finding: Finding) -> tuple:
    return (not finding.draft, -finding.severity.rank, finding.rule, finding.story, finding.message, finding.fingerprint)
