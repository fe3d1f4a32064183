"""The whole flow: sources -> documents -> claims -> facts -> findings -> Report."""

from __future__ import annotations

import ctypes
import datetime as dt
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path
from typing import NamedTuple

from factcheck import __version__, keys
from factcheck.align import align
from factcheck.checks import REGISTRY, run_checks
from factcheck.checks.base import StoryFacts
from factcheck.config import Rules
from factcheck.extract import extract
from factcheck.models import Claim, Document, Finding, Report
from factcheck.normalize import FxTable, normalize
from factcheck.normalize.titles import read_titles
from factcheck.sources import STDIN, Corpus, LazyCorpus, LoadedStory, load, load_lazily


Progress = Callable[[int, int], None]


def run(
    paths: list[Path],
    rules: Rules,
    draft: Path | None = None,
    stamp: str | None = None,
    progress: Progress | None = None,
    date: dt.date | None = None,
    jobs: int = 1,
    follow_symlinks: bool = False,
    root: Path | None = None,
    claims_only: bool = False,
    ray: str | None = None,
) -> Report:
    """Read the sources under `paths` (and the draft) and report where they disagree.

    `jobs` above 1 analyses stories (or, for a corpus of few stories, extracts documents) in that many processes;
    the report is the same, byte for byte. `ray` analyses the stories on Ray instead: `ray_cluster.LOCAL` starts it
    here with `jobs` CPUs, an address joins that cluster (`ray_cluster.py`); the same bytes again.

    `date` is the reference date for sources that neither have one nor belong to a story that has one.

    `progress`, if given, is called with (documents done, documents in all) as the stories are analysed.

    `follow_symlinks` reads symbolic links that lead outside the folders given (see `sources.load`).

    `root` is the folder that source ids and paths are relative to (the project's; default: the parent of
    each path given).

    `claims_only` stops once each claim has its keys: the report then has no facts and no findings
    (`factcheck claims` prints nothing else, and alignment and the checks are most of a run).
    """
    corpus = load(
        paths,
        draft,
        max_file_bytes=rules.settings.max_file_bytes,
        max_total_bytes=rules.settings.max_total_bytes,
        follow_symlinks=follow_symlinks,
        root=root,
    )
    return run_corpus(
        corpus, rules, stamp=stamp, progress=progress, date=date, jobs=jobs, claims_only=claims_only, ray=ray
    )


def run_corpus(
    corpus: Corpus,
    rules: Rules,
    stamp: str | None = None,
    progress: Progress | None = None,
    date: dt.date | None = None,
    jobs: int = 1,
    claims_only: bool = False,
    ray: str | None = None,
) -> Report:
    """The report on sources already loaded: `run` once it has read the files, and the Python API
    (`factcheck.check`) for texts given in memory. The options mean what they mean for `run`."""
    analysed = _analysed(corpus.stories, rules, date, progress, jobs, claims_only, ray)
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


class StoryResult(NamedTuple):
    """One story analysed: its facts, its findings in report order, and its warnings (those of its own files that
    were skipped when read one story at a time, then those of its analysis)."""

    facts: StoryFacts
    findings: list[Finding]
    warnings: list[str]


@dataclass
class Stream:
    """An archive analysed story by story (`stream`): `ids` are every story's, in report order, known before any
    is analysed; `warnings`, what the walk skipped; `results(start)` analyses the stories from `ids[start]` on."""

    corpus: LazyCorpus | _Loaded
    rules: Rules
    date: dt.date | None = None
    progress: Progress | None = None
    jobs: int = 1
    ray: str | None = None

    @property
    def ids(self) -> list[str]:
        """Every story's id, in the order of the report (a story with no document readable has no result)."""
        return self.corpus.ids

    @property
    def warnings(self) -> list[str]:
        """The corpus's own warnings: what the walk skipped (with a draft or standard input, all reading's)."""
        return self.corpus.warnings

    def results(self, start: int = 0) -> Iterator[StoryResult]:
        """The stories from `ids[start]` on, analysed and yielded one by one in order: each is read only when
        its turn comes, so memory holds a few stories, never the archive."""
        indices = range(start, len(self.corpus.ids))
        files = self.corpus.files(start)
        if self.ray is not None:
            analysed = self._on_ray(indices)
        elif self.jobs <= 1 or files < PARALLEL_MIN_DOCUMENTS:
            analysed = (self._analyse(loaded, warnings) for loaded, warnings in self._read(indices))
        else:
            analysed = self._in_pool(indices)
        done = 0
        if self.progress is not None:
            self.progress(done, files)
        for result in analysed:
            done += len(result.facts.sources)
            if self.progress is not None:
                self.progress(min(done, files), files)
            yield result

    def _read(self, indices: range) -> Iterator[tuple[LoadedStory, list[str]]]:
        for index in indices:
            loaded, warnings = self.corpus.read(index)
            if loaded.documents:  # as `load` leaves out a story of no document
                yield loaded, warnings

    def _analyse(self, loaded: LoadedStory, warnings: list[str], pool: Executor | None = None) -> StoryResult:
        return _result(analyse(loaded, self.rules, self.date, pool), warnings)

    def _on_ray(self, indices: range) -> Iterator[StoryResult]:
        from factcheck.ray_cluster import analysed_on_ray

        on_ray = analysed_on_ray(self._read(indices), self.rules, self.date, False, self.ray, self.jobs)
        return (_result(analysed, warnings) for analysed, warnings in on_ray)

    def _in_pool(self, indices: range) -> Iterator[StoryResult]:
        """Stories over `jobs` processes, at most STREAM_AHEAD per process handed out ahead of the one being
        written, so the stories waiting are few whatever the archive's size; results still come in order."""
        initargs = (self.rules, self.date, os.getpid(), False)
        with ProcessPoolExecutor(max_workers=self.jobs, initializer=_start_worker, initargs=initargs) as pool:
            try:
                if len(indices) < 2 * self.jobs:  # few stories: share out each one's documents instead
                    yield from (self._analyse(loaded, warnings, pool) for loaded, warnings in self._read(indices))
                    return
                pending: deque = deque()
                for loaded, warnings in self._read(indices):
                    pending.append((pool.submit(_analyse_in_worker, loaded), warnings))
                    if len(pending) >= STREAM_AHEAD * self.jobs:
                        yield _collected(pending.popleft())
                while pending:
                    yield _collected(pending.popleft())
            finally:
                pool.shutdown(wait=True, cancel_futures=True)  # an interrupted run does not analyse what is queued


def _collected(submitted: tuple) -> StoryResult:
    future, warnings = submitted
    return _result(future.result(), warnings)


def _result(analysed: tuple[StoryFacts, list[Finding], list[str]], read_warnings: list[str]) -> StoryResult:
    facts, findings, warnings = analysed
    return StoryResult(facts, sorted(findings, key=_finding_order), [*read_warnings, *warnings])


class _Loaded:
    """A corpus loaded at once (with a draft or standard input, which `load_lazily` does not read), seen through
    the interface of `LazyCorpus`."""

    def __init__(self, corpus: Corpus) -> None:
        self.stories, self.warnings = corpus.stories, corpus.warnings
        self.ids = [loaded.story.id for loaded in corpus.stories]

    def files(self, start: int = 0) -> int:
        return sum(len(loaded.documents) for loaded in self.stories[start:])

    def read(self, index: int) -> tuple[LoadedStory, list[str]]:
        return self.stories[index], []


def stream(
    paths: list[Path],
    rules: Rules,
    draft: Path | None = None,
    progress: Progress | None = None,
    date: dt.date | None = None,
    jobs: int = 1,
    follow_symlinks: bool = False,
    root: Path | None = None,
    ray: str | None = None,
) -> Stream:
    """The stories under `paths`, ready to be analysed one by one (`Stream.results`); the options mean what they
    mean for `run`. Without a draft or standard input, only the walk happens now: each story's files are read
    when its turn comes. `progress` counts files (the total is known before they are read)."""
    limits = {"max_file_bytes": rules.settings.max_file_bytes, "max_total_bytes": rules.settings.max_total_bytes}
    if draft is None and not any(str(path) == STDIN for path in paths):
        corpus = load_lazily(paths, follow_symlinks=follow_symlinks, root=root, **limits)
    else:
        corpus = _Loaded(load(paths, draft, follow_symlinks=follow_symlinks, root=root, **limits))
    return Stream(corpus, rules, date, progress, jobs, ray)


def analyse(
    loaded: LoadedStory,
    rules: Rules,
    date: dt.date | None = None,
    pool: Executor | None = None,
    claims_only: bool = False,
) -> tuple[StoryFacts, list[Finding], list[str]]:
    """One story through extraction, normalisation, alignment and the checks; also returns its warnings.

    With a `pool` (started by `_analysed`), the documents are extracted in its processes; with
    `claims_only`, the story stops once its claims have their keys (no facts, no findings).
    """
    reference = loaded.story.reference_date or date
    if pool is None:
        claims = _extract_documents(loaded.documents, rules, reference)
    else:
        chunks = _chunks(loaded.documents, CHUNKS_PER_STORY)
        claims = [claim for part in pool.map(_extract_in_worker, chunks, repeat(reference)) for claim in part]
    rates = FxTable(rules.rates, rules.settings.rate_band)
    normalised = normalize(loaded.story, loaded.documents, claims, rates, rules.entities, date)
    sources = {document.source.id: document.source for document in loaded.documents}
    claims = keys.decide(loaded.story, sources, normalised.claims, normalised.entities, rules.vocabulary)
    languages = {source.id: source.language for source in sources.values()}
    facts, titles = (), ()
    if not claims_only:  # facts and titles are for the checks alone
        facts = align(loaded.story, claims, normalised.entities, loaded.declared, rules.vocabulary, languages)
        titles = read_titles(loaded.documents, rules.office_vocabulary)
    story = StoryFacts(
        story=loaded.story,
        sources=tuple(sources.values()),
        claims=tuple(claims),
        facts=tuple(facts),
        entities=tuple(normalised.entities),
        titles=titles,
        office_vocabulary=rules.office_vocabulary,
    )
    if claims_only:
        return story, [], normalised.warnings
    configs = {check_id: rules.check_config(check_id) for check_id in REGISTRY}
    return story, run_checks(story, configs), normalised.warnings


def _extract_documents(documents: list[Document], rules: Rules, reference: dt.date | None) -> list[Claim]:
    qualifiers, dollar = rules.qualifier_table, rules.settings.dollar
    return [claim for document in documents for claim in extract(document, qualifiers, dollar=dollar, reference=reference)]


# Parallel runs. Workers get the rules once (pool initializer) and are handed whole stories when there are
# enough of them to share out, else chunks of one story's documents for extraction. Results come back in
# input order (`Executor.map`), so the report does not depend on `jobs`. A worker dies with the run: a parent
# killed outright (`kill -9`, the OOM killer) cannot stop its pool, so each worker watches for it itself.
PARALLEL_MIN_DOCUMENTS = 40  # below this a process pool costs more than it saves
CHUNKS_PER_STORY = 16  # a big story's documents go out in this many pieces: enough to balance two to eight cores
STREAM_AHEAD = 4  # stories per process handed out ahead when streaming: keeps every process busy, and memory flat
_WORKER: dict = {}


def _analysed(
    stories: list[LoadedStory],
    rules: Rules,
    date: dt.date | None,
    progress: Progress | None,
    jobs: int,
    claims_only: bool = False,
    ray: str | None = None,
) -> list[tuple[StoryFacts, list[Finding], list[str]]]:
    """Every story analysed, in order: in this process, over `jobs` processes for a corpus worth it, or on Ray."""
    if ray is not None:
        from factcheck.ray_cluster import analysed_on_ray

        on_ray = analysed_on_ray(((loaded, None) for loaded in stories), rules, date, claims_only, ray, jobs)
        return list(_tracked_results(stories, (analysed for analysed, _ in on_ray), progress))
    documents = sum(len(loaded.documents) for loaded in stories)
    if jobs <= 1 or documents < PARALLEL_MIN_DOCUMENTS:
        return [analyse(loaded, rules, date, claims_only=claims_only) for loaded in _tracked(stories, progress)]
    initargs = (rules, date, os.getpid(), claims_only)
    with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=initargs) as pool:
        if len(stories) < 2 * jobs:
            return [analyse(loaded, rules, date, pool, claims_only) for loaded in _tracked(stories, progress)]
        results = pool.map(_analyse_in_worker, stories, chunksize=max(1, len(stories) // (jobs * 8)))
        return list(_tracked_results(stories, results, progress))


def _start_worker(rules: Rules, date: dt.date | None, parent: int, claims_only: bool = False) -> None:
    # A worker inherits the command's handlers, which raise to stop the command; a Ctrl-C or a SIGTERM to the
    # process group then printed a worker's traceback. The parent stops the run: a worker just ends, silently.
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, signal.SIG_DFL)
    _WORKER.update(rules=rules, date=date, claims_only=claims_only)
    _die_with(parent)


PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
ORPHAN_POLL_SECONDS = 0.5


def _die_with(parent: int) -> None:
    """End this worker process when `parent` ends, however it ends.

    On Linux the kernel sends SIGKILL at the parent's death (`prctl(PR_SET_PDEATHSIG)`); elsewhere a
    thread notices the worker has been handed to another parent. Either way, a parent that died before
    this ran is caught by the check that follows.
    """
    if not (sys.platform.startswith("linux") and _death_signal(signal.SIGKILL)):
        threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()
    if os.getppid() != parent:
        os._exit(1)


def _death_signal(number: int) -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, number, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False  # no prctl here: the watching thread does the job


def _exit_when_orphaned(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(ORPHAN_POLL_SECONDS)
    os._exit(1)


def _analyse_in_worker(loaded: LoadedStory) -> tuple[StoryFacts, list[Finding], list[str]]:
    return analyse(loaded, _WORKER["rules"], _WORKER["date"], claims_only=_WORKER["claims_only"])


def _extract_in_worker(documents: list[Document], reference: dt.date | None) -> list[Claim]:
    return _extract_documents(documents, _WORKER["rules"], reference)


def _chunks(items: list, count: int) -> list[list]:
    """`items` in at most `count` consecutive runs of near-equal length."""
    size = max(1, -(-len(items) // max(1, count)))
    return [items[start : start + size] for start in range(0, len(items), size)]


def _tracked_results(stories: list[LoadedStory], results: Iterator, progress: Progress | None) -> Iterator:
    """Yield results as they arrive, telling `progress` how many documents are done after each story."""
    total, done = sum(len(loaded.documents) for loaded in stories), 0
    if progress is not None:
        progress(done, total)
    for loaded, result in zip(stories, results):
        yield result
        done += len(loaded.documents)
        if progress is not None:
            progress(done, total)


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
