"""The HTML report: one self-contained page an editor browses (inline CSS, SVG and script; no network).

This module turns the Report into what the page shows (findings in order, fact
cards, names, highlighted sources) and hands it to the templates. Every string
from a source or a rules file reaches the page through Jinja's autoescape; the
page also forbids any script but its own with a Content-Security-Policy.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache, cached_property
from typing import TYPE_CHECKING

from markupsafe import Markup

from factcheck.checks.confidence import SURE
from factcheck.keys.as_of import moment
from factcheck.models import Claim, CitedClaim, Entity, Fact, Finding, Key, Report, Role, Severity, Source
from factcheck import figures as fmt
from factcheck.render import register
from factcheck.render.chart import Chart, Point, charts
from factcheck.render.highlight import Mark, Node, tree
from factcheck.render.series import Moment, SeriesChart, drawable, flagged, series

if TYPE_CHECKING:
    from jinja2 import Environment


@cache
def _environment() -> Environment:
    """The templates' Jinja environment, built on the first HTML page: a JSON, SARIF or text run never imports Jinja."""
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    environment = Environment(
        loader=PackageLoader("factcheck.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters.update(
        stated=lambda claim: fmt.quantity(claim.stated, kind=claim.kind),
        stated_range=lambda claim: fmt.interval(claim.stated.interval, claim.stated.unit, kind=claim.kind),
        normalized=lambda claim: fmt.quantity(claim.normalized, kind=claim.kind, computed=True),
        normalized_range=lambda claim: fmt.interval(claim.normalized.interval, claim.normalized.unit, kind=claim.kind),
        conversion=fmt.conversion,
        source_anchor=lambda source_id: anchor("source", source_id),
        entity_anchor=lambda entity_id: anchor("entity", entity_id),
        fact_anchor=lambda fact_id: fact_anchor(fact_id),
        keys_shown=lambda claim: key_views(claim),
    )
    return environment


SEVERITIES = tuple(sorted(Severity, key=lambda severity: -severity.rank))
LABEL_CHARS = 34
HANDFUL = 5  # more information findings than this are folded, so errors and warnings stay on the first screen
FOLDED_RULES = frozenset({"single_source"})  # information that is always folded: it says a figure has one source
_KEY_HEADINGS = {"measure": "measure", "subject": "about", "scope": "scope", "as_of": "as of"}
_KEY_UNKNOWN = {"measure": "unknown", "subject": "the story as a whole", "scope": None, "as_of": "unknown"}
_SAFE_URL = re.compile(r"^https?://", re.IGNORECASE)


def anchor(kind: str, raw: str) -> str:
    """An HTML id for `raw` under `kind`: letters, digits, '.', '_' and '-' kept, anything else escaped.

    Injective (every other character becomes `~<hex>~`, and `~` is escaped too),
    so two different ids never collide; stable, since it depends on `raw` alone;
    and safe in a URL fragment.
    """
    return f"{kind}-" + re.sub(r"[^A-Za-z0-9._-]", lambda match: f"~{ord(match.group()):x}~", raw)


def fact_anchor(fact_id: str) -> str:
    """`fact-<id>`; ids that already read `fact-…` (alignment's own) are not prefixed twice."""
    return anchor("fact", fact_id.removeprefix("fact-"))


def span_anchor(source_id: str, start: int, end: int) -> str:
    """The id of a highlighted span in the source view."""
    return anchor("span", f"{source_id}:{start}-{end}")


@dataclass(frozen=True)
class Cite:
    """A cited span as a finding links to it."""

    cited: CitedClaim
    label: str
    href: str


@dataclass(frozen=True)
class FindingView:
    """A finding and where its links go."""

    finding: Finding
    anchor: str
    cites: tuple[Cite, ...]
    sources: tuple[str, ...]
    fact: Fact | None


@dataclass(frozen=True)
class KeyView:
    """One key of a claim as the report shows it: what it says, the words that decided it, and whether it is a guess."""

    name: str
    heading: str
    label: str
    words: tuple[str, ...]
    rule: str
    confidence: float

    @property
    def guess(self) -> bool:
        """True below the confidence at which severity treats the key as sure (0.8 for the measure, 0.7 for the rest)."""
        return self.confidence < SURE[self.name]

    @property
    def title(self) -> str:
        """How the key was decided, for the hover text."""
        sure = f"; a guess (sure from {SURE[self.name]:.1f})" if self.guess else ""
        return f"{self.heading}: {self.rule}, confidence {self.confidence:.2f}{sure}"


@dataclass(frozen=True)
class Row:
    """One claim of a fact card."""

    claim: Claim
    label: str
    href: str
    sentence: tuple[str, str, str]
    outlier: bool
    keys: tuple[KeyView, ...] = ()


@dataclass(frozen=True)
class FactCard:
    """A fact with its claims, its findings and its chart."""

    fact: Fact
    anchor: str
    rows: tuple[Row, ...]
    charts: tuple[Chart, ...]
    findings: tuple[FindingView, ...]
    worst: Severity | None
    sources: tuple[str, ...]
    series: SeriesChart | None = None
    undated: int = 0

    @property
    def status(self) -> str:
        """What an editor should make of the fact, in a word or two."""
        if self.worst is not None and self.worst is not Severity.INFO:
            return "disputed"
        if len(self.sources) > 1:
            return "corroborated"
        return "one source"

    @property
    def open(self) -> bool:
        """Cards with something to look at start open; corroborated and informational ones start closed."""
        return self.status == "disputed"


@dataclass(frozen=True)
class SpellingView:
    """One spelling of an entity, with a link per source that uses it."""

    text: str
    count: int
    form: str
    places: tuple[tuple[str, str], ...]

    @property
    def preferred(self) -> bool:
        """True for the spelling reports print (house style, else the majority)."""
        return self.form == "preferred"


@dataclass(frozen=True)
class SourceView:
    """A source's full text, cut into highlighted pieces."""

    source: Source
    anchor: str
    label: str
    nodes: list[Node]
    claims: int


@dataclass(frozen=True)
class DraftView:
    """The editor's draft (`--draft`) and what was found in it."""

    sources: tuple[Source, ...]
    findings: tuple[FindingView, ...]
    counts: dict[str, int]


class Page:
    """Everything the templates show, computed once from the Report."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.claims = {claim.id: claim for claim in report.claims}
        self.sources = {source.id: source for source in report.sources}
        self.facts = {fact.id: fact for fact in report.facts}
        self.entities = {entity.id: entity for entity in report.entities}

    def label(self, source_id: str) -> str:
        """A source's short readable name: its outlet, else its title cut to a few words, else its id."""
        source = self.sources.get(source_id)
        if source is None:
            return source_id
        if source.role is Role.DRAFT:
            return "Your draft"
        return source.outlet or fmt.shorten(source.title, LABEL_CHARS) or source.id

    @cached_property
    def findings(self) -> list[FindingView]:
        """The draft's findings first, then by severity; ties keep the report's order."""
        ordered = sorted(self.report.findings, key=lambda finding: (not finding.draft, -finding.severity.rank))
        seen: dict[str, int] = defaultdict(int)
        views = []
        for finding in ordered:
            seen[finding.fingerprint] += 1
            suffix = "" if seen[finding.fingerprint] == 1 else f"-{seen[finding.fingerprint]}"
            views.append(self._finding_view(finding, anchor("finding", finding.fingerprint) + suffix))
        return views

    def _finding_view(self, finding: Finding, finding_anchor: str) -> FindingView:
        cites = tuple(
            Cite(cited, self.label(cited.source), "#" + span_anchor(cited.source, cited.start, cited.end))
            for cited in finding.claims
        )
        sources = tuple(dict.fromkeys(anchor("source", cited.source) for cited in finding.claims))
        return FindingView(finding, finding_anchor, cites, sources, self.facts.get(finding.fact or ""))

    @cached_property
    def shown_findings(self) -> list[FindingView]:
        """The findings listed in full: every error and warning, the draft's, and information when it is little."""
        return [view for view in self.findings if not self._folds(view)]

    @cached_property
    def folded_findings(self) -> list[FindingView]:
        """Information folded away: single-source notes always, all of it when there is more than a handful."""
        return [view for view in self.findings if self._folds(view)]

    @cached_property
    def folded_rules(self) -> list[tuple[str, int]]:
        """Each rule of the folded findings, with how many: what the folded block holds."""
        return sorted(Counter(view.finding.rule for view in self.folded_findings).items())

    def _folds(self, view: FindingView) -> bool:
        finding = view.finding
        if finding.draft or finding.severity is not Severity.INFO:
            return False
        return finding.rule in FOLDED_RULES or self._information > HANDFUL

    @cached_property
    def _information(self) -> int:
        return sum(1 for finding in self.report.findings if finding.severity is Severity.INFO and not finding.draft)

    @cached_property
    def cards(self) -> list[FactCard]:
        """Every fact: disputed ones first, then the rest in the report's order."""
        by_fact: dict[str, list[FindingView]] = defaultdict(list)
        for view in self.findings:
            if view.finding.fact is not None:
                by_fact[view.finding.fact].append(view)
        cards = [self._card(fact, tuple(by_fact.get(fact.id, ()))) for fact in self.report.facts]
        return sorted(cards, key=lambda card: -(card.worst.rank if card.worst else 0))

    def _card(self, fact: Fact, findings: tuple[FindingView, ...]) -> FactCard:
        claims = [self.claims[claim_id] for claim_id in fact.claims if claim_id in self.claims]
        timeline = self._series(fact, claims, findings)
        if timeline is not None:
            drawn: tuple[Chart, ...] = ()
            outliers = frozenset(mark.key for mark in timeline.marks if mark.flag in ("error", "warning"))
        else:
            drawn = tuple(charts([self._point(claim) for claim in claims])) if claims else ()
            outliers = frozenset().union(*(chart.outliers for chart in drawn))
        rows = tuple(self._row(claim, claim.id in outliers) for claim in claims)
        worst = max((view.finding.severity for view in findings), key=lambda severity: severity.rank, default=None)
        sources = tuple(dict.fromkeys(claim.source for claim in claims))
        undated = len(claims) - len(timeline.marks) if timeline is not None else 0
        return FactCard(fact, fact_anchor(fact.id), rows, drawn, findings, worst, sources, timeline, undated)

    def _series(self, fact: Fact, claims: list[Claim], findings: tuple[FindingView, ...]) -> SeriesChart | None:
        """The time chart of a developing fact whose claims give two moments or more; else None."""
        if not fact.develops:
            return None
        flags = flagged([view.finding for view in findings], ignore=FOLDED_RULES)
        moments = [self._moment(claim, flags.get(claim.id)) for claim in claims]
        dated = [found for found in moments if found is not None]
        return series(dated) if drawable(dated) else None

    def _moment(self, claim: Claim, flag: Severity | None) -> Moment | None:
        """A claim on the time chart at its as-of, on the same footing as the value chart; None when undated."""
        at = moment(claim.keys.as_of)
        if at is None:
            return None
        return Moment.of(self._point(claim), claim.source, at, claim.keys.as_of.label or at.isoformat(), flag)

    def _row(self, claim: Claim, outlier: bool) -> Row:
        href = "#" + span_anchor(claim.source, claim.span.start, claim.span.end)
        return Row(claim, self.label(claim.source), href, sentence_parts(claim), outlier, key_views(claim))

    def _point(self, claim: Claim) -> Point:
        """A claim on the fact's chart: normalised when it could be, else as stated."""
        quantity = claim.normalized or claim.stated
        shown = fmt.interval(quantity.interval, quantity.unit, kind=claim.kind)
        label = self.label(claim.source)
        calendar = fmt.is_calendar(quantity.unit, claim.kind)
        description = f"{label}: {claim.surface} → {shown}"
        return Point(claim.id, label, quantity.unit, quantity.interval, quantity.value, description, calendar, claim.surface)

    @cached_property
    def names(self) -> list[tuple[Entity, tuple[SpellingView, ...]]]:
        """Entities written more than one way, with each spelling's sources; misspelt ones first."""
        several = [(entity, self._spellings(entity)) for entity in self.report.entities if len(entity.spellings) > 1]
        return sorted(several, key=lambda pair: not any(view.form == "variant" for view in pair[1]))

    def _spellings(self, entity: Entity) -> tuple[SpellingView, ...]:
        views = []
        for spelling in entity.spellings:
            first_mention = {}
            for mention in spelling.mentions:
                first_mention.setdefault(mention.source, span_anchor(mention.source, mention.span.start, mention.span.end))
            places = tuple(
                (self.label(source), "#" + first_mention.get(source, anchor("source", source)))
                for source in spelling.sources
            )
            form = "preferred" if spelling.text == entity.name else spelling.form
            views.append(SpellingView(spelling.text, spelling.count, form, places))
        order = {"preferred": 0, "variant": 1}
        return tuple(sorted(views, key=lambda view: (order.get(view.form, 2), -view.count)))  # ties keep report order

    @cached_property
    def source_views(self) -> list[SourceView]:
        """Every source's text with its claims, name mentions and cited spans highlighted; the draft first."""
        marks = self._marks()
        counts = Counter(claim.source for claim in self.report.claims)
        ordered = sorted(self.report.sources, key=lambda source: source.role is not Role.DRAFT)
        return [
            SourceView(
                source,
                anchor("source", source.id),
                self.label(source.id),
                tree(source.text, marks[source.id]),
                counts[source.id],
            )
            for source in ordered
        ]

    def _marks(self) -> dict[str, list[Mark]]:
        marks: dict[str, list[Mark]] = defaultdict(list)
        for claim in self.report.claims:
            span = claim.span
            marks[claim.source].append(Mark(span.start, span.end, span_anchor(claim.source, span.start, span.end), claims=(claim.id,)))
        for entity, _ in self.names:  # only names spelled several ways: the others need no second look
            for spelling in entity.spellings:
                for mention in spelling.mentions:
                    span = mention.span
                    marks[mention.source].append(
                        Mark(span.start, span.end, span_anchor(mention.source, span.start, span.end), entities=(entity.id,))
                    )
        for finding in self.report.findings:
            for cited in finding.claims:
                spot = span_anchor(cited.source, cited.start, cited.end)
                marks[cited.source].append(Mark(cited.start, cited.end, spot, cited=True))
        return marks

    @cached_property
    def rules(self) -> list[tuple[str, int]]:
        """Each rule that has findings, with how many."""
        counts: dict[str, int] = defaultdict(int)
        for finding in self.report.findings:
            counts[finding.rule] += 1
        return sorted(counts.items())

    @cached_property
    def draft(self) -> DraftView | None:
        """The draft and its findings by severity, when a draft was given."""
        drafts = tuple(source for source in self.report.sources if source.role is Role.DRAFT)
        if not drafts:
            return None
        findings = tuple(view for view in self.findings if view.finding.draft)
        counts = Counter(view.finding.severity.value for view in findings)
        return DraftView(drafts, findings, {severity.value: counts[severity.value] for severity in SEVERITIES})


def key_views(claim: Claim) -> tuple[KeyView, ...]:
    """The claim's keys as shown: measure, subject, scope (when one was found) and as-of; none when never decided."""
    keys = claim.keys
    pairs: list[tuple[str, Key]] = [("measure", keys.measure), ("subject", keys.subject), ("scope", keys.scope), ("as_of", keys.as_of)]
    if all(key.rule == Key().rule for _, key in pairs):
        return ()  # a report made before keys existed, or by hand: nothing was compared by them
    views = []
    for name, key in pairs:
        label = key.label or key.value or _KEY_UNKNOWN[name]
        if label is None:
            continue  # no scope word: the usual case, not worth a line
        views.append(KeyView(name, _KEY_HEADINGS[name], label, key.words, key.rule, key.confidence))
    return tuple(views)


def sentence_parts(claim: Claim) -> tuple[str, str, str]:
    """The claim's sentence as (before, figure, after), or the whole sentence when the figure is not inside it."""
    sentence = claim.context.sentence
    start = claim.span.start - sentence.start
    end = claim.span.end - sentence.start
    if 0 <= start <= end <= len(sentence.text) and sentence.text[start:end] == claim.surface:
        return sentence.text[:start], claim.surface, sentence.text[end:]
    return sentence.text, "", ""


def safe_url(url: str | None) -> str | None:
    """The URL if it is plain http(s), else None: a source's `javascript:` URL must never become a link."""
    return url if url and _SAFE_URL.match(url) else None


def _asset(name: str) -> tuple[Markup, str]:
    """A static file of the templates folder, to inline as is, and its CSP hash."""
    environment = _environment()
    text = environment.loader.get_source(environment, name)[0]
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return Markup(text), f"'sha256-{digest}'"


@register("html")
def render(report: Report) -> str:
    """The report as one self-contained HTML page."""
    style, style_hash = _asset("report.css")
    script, script_hash = _asset("report.js")
    policy = (
        f"default-src 'none'; style-src {style_hash}; script-src {script_hash}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    return _environment().get_template("report.html").render(
        report=report,
        page=Page(report),
        severities=SEVERITIES,
        style=style,
        script=script,
        policy=policy,
        safe_url=safe_url,
    )
