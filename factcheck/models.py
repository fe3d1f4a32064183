"""The models every stage exchanges.

sources -> Document -> Claim -> (normalised) Claim -> Fact -> Finding -> Report.
All are frozen pydantic models; everything but `Document` is JSON-serialisable
and part of the published Report schema (`factcheck schema`). Numbers that were
written in a text are `Decimal`, so `3.7` stays `3.7`; they serialise as strings
to keep that exactness in JSON.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from decimal import Decimal
from enum import StrEnum
from functools import cached_property

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, computed_field, model_validator

from factcheck.offsets import OffsetMap

SCHEMA_VERSION = 1


def _plain(value: Decimal) -> Decimal:
    """Drop what arithmetic left behind (3.7 * 10**9 is 3700000000.0): whole numbers get no decimals."""
    if not value.is_finite() or value.adjusted() >= 28:
        return value  # too long to write out within Decimal's precision; keep the exponent form
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


Number = Annotated[Decimal, AfterValidator(_plain)]


class Frozen(BaseModel):
    """Base of the exchanged models: immutable, no unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Severity(StrEnum):
    """How much a finding matters to an editor."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Larger is more severe; used for sorting and `--fail-on` thresholds."""
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class Role(StrEnum):
    """Whether a text is one of the sources or the editor's own draft."""

    SOURCE = "source"
    DRAFT = "draft"


class ClaimKind(StrEnum):
    """What a claim states."""

    MONEY = "money"
    COUNT = "count"
    PERCENT = "percent"
    DATE = "date"
    YEAR = "year"
    DURATION = "duration"
    PHYSICAL = "physical"


class Story(Frozen):
    """One event covered by several sources; facts never span stories."""

    id: str = Field(description="The story folder, relative to where the run started ('.' for loose files).")
    name: str
    reference_date: dt.date | None = Field(
        default=None, description="Date used for currency conversion when a source has no date of its own."
    )
    currency: str = Field(default="USD", description="ISO 4217 code every money claim is converted to.")


class Source(Frozen):
    """One article (or the editor's draft) as loaded from disk."""

    id: str = Field(description="Stable id: the file path relative to its story, without extension.")
    story: str
    path: str = Field(description="Path of the file as given on the command line (POSIX separators).")
    title: str
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    published_at: dt.datetime | None = Field(
        default=None, description="Publication date and time, when the source gives a time (front matter `published`)."
    )
    language: str = "en"
    language_origin: Literal["given", "detected", "default"] = Field(
        default="given",
        description=(
            "Where `language` came from: 'given' in front matter, story.toml or the page's or document's own "
            "metadata; 'detected' from the text (lingua); 'default' English, when none was given and the text "
            "was too short or too mixed to tell."
        ),
    )
    role: Role = Role.SOURCE
    encoding: str = "utf-8"
    text: str = Field(default="", description="The original text, as decoded: what every span indexes.")


class Span(Frozen):
    """A range of characters of the ORIGINAL file: `original[start:end] == text`."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    line: int = Field(ge=1, description="1-based line of `start` in the original file.")
    column: int = Field(ge=1, description="1-based column (Unicode code points) of `start`.")


class Interval(Frozen):
    """The range of values a claim allows, both ends included."""

    low: Number
    high: Number

    def overlaps(self, other: Interval) -> bool:
        """True when the two intervals share at least one value."""
        return self.low <= other.high and other.low <= self.high

    def gap(self, other: Interval) -> Decimal:
        """Distance between the intervals (0 when they overlap)."""
        return max(Decimal(0), other.low - self.high, self.low - other.high)


class Quantity(Frozen):
    """A value with its unit and the interval it stands for."""

    value: Number = Field(
        description=(
            "The value as stated, scaled out (3 trillion -> 3000000000000). For a range, its lower end. "
            "For kind 'date', the day written as the number YYYYMMDD (20251220): ordered like the days, not for day arithmetic."
        )
    )
    unit: str = Field(
        description=(
            "By claim kind: money -> ISO 4217 code; count -> 'count'; percent -> 'percent' or "
            "'percentage_point'; year -> 'year' (value is the calendar year); date -> 'date' (value and "
            "interval are YYYYMMDD numbers; a month covers its first to last day); duration -> a pint time unit ('year', 'month', 'week', 'day', 'hour', "
            "'minute'; decades are 10 years); physical -> pint's canonical unit ('metric_ton / year')."
        )
    )
    interval: Interval
    precision: Number | None = Field(
        default=None, description="Place value of the last stated digit ($3.7 billion -> 100000000)."
    )
    upper: Number | None = Field(
        default=None,
        description="For a range (claim role 'range': `$2–3 billion`, `1993–2023`): the stated upper end.",
    )


class Conversion(Frozen):
    """How a value was converted to the reporting currency or unit."""

    rate: Number = Field(description="Units of `target` per unit of `origin`.")
    rate_date: dt.date | None = None
    rate_source: str
    origin: str
    target: str
    band: Decimal = Field(default=Decimal(0), description="Relative uncertainty added for the rate (0.01 = ±1 %).")


class Context(Frozen):
    """What surrounds a figure; alignment compares claims by it."""

    sentence: Span
    paragraph: int = Field(ge=0, description="Index of the paragraph in the source.")
    entities: tuple[str, ...] = Field(default=(), description="Canonical entities of the sentence, nearest first.")
    paragraph_entities: tuple[str, ...] = Field(
        default=(), description="Canonical entities of the paragraph outside the sentence ('his visit' needs them)."
    )
    words: tuple[str, ...] = Field(default=(), description="Content words around the figure, lower-case lemmas.")
    noun: str | None = Field(
        default=None,
        description=(
            "The counted noun as a lemma for counts ('agreement'); the pint unit for measures; for a duration "
            "used as an adjective ('five-year programme'), the noun it qualifies."
        ),
    )
    years: tuple[int, ...] = Field(default=(), description="Years named in the sentence (its time frame).")


class Key(Frozen):
    """One of the four keys that make two figures one fact, and what decided it."""

    value: str | None = Field(
        default=None,
        description=(
            "measure: an id of rules/measures.toml ('deaths'); subject: entity ids joined by '+'; scope: a scope id; "
            "as_of: an ISO date or date-time. None: unknown (measure), none found (scope), the story as a whole (subject)."
        ),
    )
    label: str | None = Field(default=None, description="The value as an editor reads it ('Deaths', 'Syria', '6 Feb 2023').")
    words: tuple[str, ...] = Field(default=(), description="The words that decided it, as written.")
    rule: str = Field(default="not decided", description="Which rule decided it ('cue right after the figure').")
    confidence: float = Field(default=0.0, ge=0, le=1, description="How sure the rule is; below 0.7 the key is a guess.")


class Keys(Frozen):
    """What a figure measures, about whom, in what scope, as of when: two claims are one fact only when these agree."""

    measure: Key = Key()
    subject: Key = Key()
    scope: Key = Key()
    as_of: Key = Key()


class Claim(Frozen):
    """One checkable figure as a source states it, and as it reads on a common footing."""

    id: str = Field(description="'<source id>@<start>': unique within a report, for links only.")
    source: str
    kind: ClaimKind
    span: Span
    stated: Quantity
    qualifier: str | None = Field(default=None, description="The qualifier word as written ('more than').")
    role: str | None = Field(
        default=None,
        description=(
            "'range' for a range of any kind (one claim; `stated.value` and `stated.upper` are its ends). "
            "Years and dates: the time word before them ('since', 'in', 'until', 'by', 'from', 'before', "
            "'after', 'established'). Durations: 'next', 'past', 'every', 'for', 'ago', 'age'."
        ),
    )
    normalized: Quantity | None = Field(default=None, description="In the story's reporting unit, when convertible.")
    conversion: Conversion | None = None
    confidence: float = Field(default=1.0, ge=0, le=1)
    notes: tuple[str, ...] = Field(default=(), description="Assumptions made while reading the figure.")
    restates: str | None = Field(default=None, description="Id of the claim this one restates in the same text.")
    context: Context
    keys: Keys = Field(default=Keys(), description="Measure, subject, scope and as-of, each with the words that decided it.")

    @property
    def surface(self) -> str:
        """The figure exactly as written in the original file."""
        return self.span.text


class Mention(Frozen):
    """One occurrence of a name in a source."""

    source: str
    span: Span


class Spelling(Frozen):
    """One way an entity is written, and where."""

    text: str
    count: int
    sources: tuple[str, ...]
    mentions: tuple[Mention, ...] = ()
    form: str = Field(
        default="variant",
        description="preferred (house style, else the majority), alias (listed in rules: short form, abbreviation, "
        "other script) or variant (another spelling of the name: what the spelling check is about).",
    )


class Entity(Frozen):
    """A person, organisation or place, with every spelling found for it."""

    id: str
    name: str = Field(description="The preferred spelling.")
    kind: str = Field(default="other", description="person, organisation, place, initiative or other.")
    spellings: tuple[Spelling, ...]
    authority: bool = Field(
        default=False, description="True when the preferred spelling comes from rules/entities.toml or CLDR's country names."
    )
    demonyms: tuple[Spelling, ...] = Field(
        default=(), description="Adjectives found that refer to it (Kazakh -> Kazakhstan): mentions, not spellings."
    )


class Fact(Frozen):
    """Claims from one or more sources that speak of the same thing."""

    id: str
    story: str
    label: str
    kind: ClaimKind
    claims: tuple[str, ...] = Field(description="Claim ids.")
    reasons: tuple[str, ...] = Field(default=(), description="Why the claims were grouped.")
    declared: bool = Field(default=False, description="True when declared by hand in story.toml.")
    measure: str | None = Field(default=None, description="The measure its claims share (rules/measures.toml), if known.")
    develops: bool = Field(
        default=False, description="Its measure changes as the story unfolds: compared within one as-of window, a series across."
    )
    cumulative: bool = Field(default=False, description="Its measure only grows: a later figure below an earlier one is a finding.")
    settles: bool = Field(
        default=False,
        description="Its measure comes to a final value (a vote share): a figure given after the sources agreed on one "
        "over two days is compared with it.",
    )
    generic: bool = Field(
        default=False,
        description="Its measure says how a quantity changed, not which (growth, decline): its figures may be changes of different quantities.",
    )


class CitedClaim(Frozen):
    """A claim as a finding cites it: enough to locate and show it."""

    claim: str
    source: str
    path: str
    start: int
    end: int
    line: int
    column: int
    surface: str

    @property
    def end_line(self) -> int:
        """1-based line of the span's last character."""
        return self.line + self.surface.count("\n")

    @property
    def end_column(self) -> int:
        """1-based column just past the span's last character (exclusive, as SARIF counts it)."""
        *before, last = self.surface.split("\n")
        return (1 if before else self.column) + len(last)


class Finding(Frozen):
    """A rule's result: something an editor should look at."""

    rule: str
    severity: Severity
    message: str
    fingerprint: str = Field(description="Content hash: rule, fact, sources and values; never offsets or lines.")
    identity: str = Field(description="Content hash of what the finding is about (rule, fact, sources), not values.")
    story: str
    fact: str | None = None
    claims: tuple[CitedClaim, ...] = ()
    expected: str | None = None
    observed: str | None = None
    trail: tuple[str, ...] = Field(default=(), description="The explanation: stated -> parsed -> ... -> rule.")
    draft: bool = Field(default=False, description="True when the finding involves the --draft source.")


class Summary(Frozen):
    """Counts shown at the top of every report."""

    stories: int
    sources: int
    claims: int
    facts: int
    findings: dict[str, int]


class BaselineState(StrEnum):
    """Where a finding stands against the baseline of accepted findings (`factcheck check`)."""

    NEW = "new"
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    FIXED = "fixed"


class BaselineEntry(Frozen):
    """A finding recorded as accepted in a baseline file: what it said, and why it is accepted."""

    fingerprint: str
    identity: str
    rule: str
    severity: Severity
    message: str
    justification: str | None = Field(default=None, description="Why an editor accepted it (written by hand).")


class Judgement(Frozen):
    """One finding of a run set against the baseline."""

    fingerprint: str = Field(description="The finding's fingerprint.")
    state: BaselineState = Field(description="new, changed (accepted before with other values) or unchanged.")
    accepted: BaselineEntry | None = Field(default=None, description="The baseline entry it matches, if any.")
    fails: bool = Field(default=False, description="True when it fails the check: new or changed, at or above fail_on.")


class Comparison(Frozen):
    """A run's findings against a baseline of accepted ones: what `factcheck check` decides on."""

    baseline: str = Field(description="Path of the baseline file, as given.")
    fail_on: Severity = Field(description="Lowest severity at which a new or changed finding fails the check.")
    findings: tuple[Judgement, ...] = Field(default=(), description="One per distinct fingerprint, in report order.")
    fixed: tuple[BaselineEntry, ...] = Field(default=(), description="Accepted entries that no finding matches any more.")

    def by_fingerprint(self) -> dict[str, Judgement]:
        """The judgements keyed by the fingerprint of the finding they judge."""
        return {judgement.fingerprint: judgement for judgement in self.findings}

    def counts(self) -> dict[str, int]:
        """How many findings are in each state, fixed entries included."""
        counted = {state.value: 0 for state in BaselineState}
        for judgement in self.findings:
            counted[judgement.state.value] += 1
        counted[BaselineState.FIXED.value] = len(self.fixed)
        return counted


class InSourceAcceptance(Frozen):
    """A finding accepted by a comment in a source, `<!-- factcheck: accept <rule or fingerprint> "reason" -->`
    (see factcheck.accept): counted as a baseline entry with the comment's reason as its justification."""

    fingerprint: str = Field(description="The fingerprint of the finding accepted.")
    target: str = Field(description="What the comment names: a rule id (its findings citing this file) or a fingerprint.")
    path: str = Field(description="The file holding the comment, as the report names sources.")
    line: int = Field(ge=1, description="1-based line of the comment in that file.")
    justification: str = Field(description="The reason the comment gives.")


class Report(Frozen):
    """Everything one run found; every renderer reads only this."""

    schema_version: int = SCHEMA_VERSION
    tool_version: str
    stamp: str | None = Field(default=None, description="Generation time, only when asked for (--stamp).")
    stories: tuple[Story, ...]
    sources: tuple[Source, ...]
    claims: tuple[Claim, ...]
    facts: tuple[Fact, ...]
    entities: tuple[Entity, ...]
    findings: tuple[Finding, ...]
    warnings: tuple[str, ...] = Field(default=(), description="Inputs skipped or read with assumptions.")
    accepted: tuple[InSourceAcceptance, ...] = Field(
        default=(), description="Findings accepted by a `factcheck: accept` comment in a source, one per finding."
    )
    baseline: Comparison | None = Field(
        default=None, description="Set by `factcheck check`: the findings against the accepted baseline."
    )

    @model_validator(mode="before")
    @classmethod
    def _derived_summary_is_not_input(cls, data: object) -> object:
        # `summary` is computed from the rest; a report read back from JSON carries it.
        if isinstance(data, dict):
            return {key: value for key, value in data.items() if key != "summary"}
        return data

    @computed_field
    @property
    def summary(self) -> Summary:
        """Counts of everything in the report, findings by severity."""
        by_severity = {s.value: 0 for s in Severity}
        for finding in self.findings:
            by_severity[finding.severity.value] += 1
        return Summary(
            stories=len(self.stories),
            sources=len(self.sources),
            claims=len(self.claims),
            facts=len(self.facts),
            findings=by_severity,
        )


class Document(BaseModel):
    """A loaded source: its original text, the cleaned text stages read, and the map between them.

    Not part of the Report: documents live only while claims are extracted.
    """

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    source: Source
    original: str
    text: str = Field(description="Cleaned text that extractors read.")
    offsets: OffsetMap

    def span(self, clean_start: int, clean_end: int) -> Span:
        """The Span of the original file behind cleaned text [clean_start, clean_end)."""
        start, end = self.offsets.span(clean_start, clean_end)
        return self.original_span(start, end)

    def original_span(self, start: int, end: int) -> Span:
        """A Span of the original file from original offsets, with its line and column."""
        return span_in(self.original, self._line_starts, start, end)

    @cached_property
    def _line_starts(self) -> list[int]:
        return line_starts(self.original)


def line_starts(text: str) -> list[int]:
    """The offset where each line of `text` starts: what `span_in` looks lines up in."""
    starts = [0]
    newline = text.find("\n")
    while newline != -1:
        starts.append(newline + 1)
        newline = text.find("\n", newline + 1)
    return starts


def span_in(text: str, starts: list[int], start: int, end: int) -> Span:
    """The Span of text[start:end], its line and column found in `starts` (`line_starts(text)`)."""
    line = bisect_right(starts, start)
    return Span(start=start, end=end, text=text[start:end], line=line, column=start - starts[line - 1] + 1)
