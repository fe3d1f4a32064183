"""arithmetic: parts that do not add up to their stated total, and ranges that contradict their length.

Three patterns of news copy:
- a total followed by its breakdown: `49 projects with a total value exceeding $427.4 million. Of this
  amount, $97.2 million was allocated to technical assistance and $330.2 million to grant aid.`
- a total broken down in its own sentence, in any language: `28 médailles dont 18 en or, 9 d'argent et
  10 de bronze`, `48 медалей: 18 золотых, 18 серебряных и 14 бронзовых`, `$5bn, of which $3bn …`. Such a
  list may leave parts out ("including 10 children"), so only parts that add up to more than the total
  are reported; a part's own breakdown inside the list is none of them (`180: 142 hospitalised, of whom 32
  discharged, 38 outpatients`).
- a total for several places and its parts place by place, anywhere in the source: `The death toll
  across Syria and Turkey rose to 36,217 on Monday. In Turkey, 31,643 people … In Syria, 4,614`. Only
  counts that can only grow (deaths, the injured, buildings destroyed), of one as-of day and scope, each
  place with one figure alone, and a sum within `near` of the total: a combined toll is a sum, a figure
  that far off is another count or another time.
- a duration with its range: `over the first 30 years of its activities (1993–2023)`.
- a percentage change with its before and after in one sentence: `rose 25 % from 40 to 46` (15 %), in
  any language the from-to words below cover (`passant de 40 à 46`, `de 40 a 46`, `von 40 auf 46`,
  `с 40 до 46`); when before and after are percentages and the change is their difference, the
  finding says it: percentage points written as per cent (`fell 8 per cent, from 20 % to 12 %`).
"""

from __future__ import annotations

import re
from decimal import Decimal

from pydantic import Field

from factcheck import figures
from factcheck.checks import Check, CheckConfig, register
from factcheck.checks.base import StoryFacts, claim_key, explain
from factcheck.models import Claim, ClaimKind, Finding, Interval, Severity

_TOTAL = re.compile(r"\b(?:total(?:ing|ling|led|ed)?|in all|altogether|combined|overall|sum)\b", re.IGNORECASE)
_BREAKDOWN = re.compile(r"^\W*(?:of (?:this|that|which|the total|these|those)|of it)\b", re.IGNORECASE)
# Right after a total (and the noun it counts, when the figure's span leaves it out: `48 медалей:`),
# the words that open its breakdown in the same sentence.
_OF_WHICH = (
    r"dont|of which|of whom|including|among them|among whom|de (?:los|las) cuales|entre (?:ellos|ellas)"
    r"|incluid[oa]s|di cui|tra cui|dos quais|das quais|darunter|davon|из (?:них|которых)|в том числе"
    r"|з (?:них|яких)|у тому числі|в тому числі|其中|うち"
)
_INLINE = re.compile(rf"(?:\s+[^\W\d]+)?\s*,?\s*(?:{_OF_WHICH}|[:：])\s*", re.IGNORECASE)
# Inside a list, the same words open a part's own breakdown: `142 hospitalised, of whom 32 discharged, 38 treated`
# lists 142 and 38; the 32 are some of the 142.
_NESTED = re.compile(rf"(?:^|\W)(?:{_OF_WHICH})(?:\W|$)", re.IGNORECASE)
_PART_GAP = 30  # characters between two parts of one list: " en or, ", " золотых, "
# "from X to Y" in the news languages: the word before X, and what stands between X and Y.
_FROM = re.compile(r"(?:\bfrom|\bde|\bdesde|\bvon|\bda|\bdal|\bс|\bот|\bpassant de|\bdu)\s*$", re.IGNORECASE)
_TO = re.compile(r"\s*(?:to|à|au|a|hasta|auf|zu|bis|para|до|на|al)\s*", re.IGNORECASE)
_CHANGES = frozenset({"growth", "decline"})
_NOT_A_LIST = re.compile(r"[;()\[\]]")


class ArithmeticConfig(CheckConfig):
    """How much slack sums and ranges get beyond the rounding of their figures."""

    tolerance: Decimal = Field(default=Decimal("0.005"), ge=0, description="Relative slack on a sum.")
    range_slack: int = Field(default=1, ge=0, description="Years a range may differ from its stated length.")
    near: Decimal = Field(
        default=Decimal("0.2"), ge=0, description="How far place-by-place parts may be from their total and still be its parts."
    )


def run(story: StoryFacts, config: ArithmeticConfig) -> list[Finding]:
    """Findings for broken sums and for ranges that contradict their stated length."""
    by_source: dict[str, list[Claim]] = {}
    for claim in story.claims:
        by_source.setdefault(claim.source, []).append(claim)
    findings = []
    for claims in by_source.values():
        ordered = sorted(claims, key=lambda c: c.span.start)
        findings.extend(_sums(story, ordered, config))
        findings.extend(_place_sums(story, ordered, config))
        findings.extend(_changes(story, ordered, config))
        findings.extend(_ranges(story, ordered, config))
    return findings


def breakdowns(claims: list[Claim]) -> list[tuple[Claim, list[Claim]]]:
    """(total, parts) pairs: a total, then two or more figures of its unit in a sentence that breaks it down."""
    found = []
    for position, total in enumerate(claims):
        if total.kind not in (ClaimKind.MONEY, ClaimKind.COUNT) or not _TOTAL.search(total.context.sentence.text):
            continue
        parts = _parts_after(total, claims[position + 1 :])
        if len(parts) >= 2:
            found.append((total, parts))
    return found


def inline_breakdowns(claims: list[Claim]) -> list[tuple[Claim, list[Claim]]]:
    """(total, parts) pairs: a total, a word that opens its breakdown, then two or more figures of its unit."""
    found = []
    for position, total in enumerate(claims):
        sentence = total.context.sentence
        opened = _INLINE.match(sentence.text, total.span.end - sentence.start)
        if total.kind not in (ClaimKind.MONEY, ClaimKind.COUNT) or opened is None:
            continue
        parts = _listed(total, claims[position + 1 :], opened.end())
        if len(parts) >= 2:
            found.append((total, parts))
    return found


def _listed(total: Claim, later: list[Claim], cursor: int) -> list[Claim]:
    """The figures of the total's unit that follow one another from `cursor` on, as a list writes them."""
    sentence = total.context.sentence
    parts = []
    for claim in later:
        gap = sentence.text[cursor : claim.span.start - sentence.start]
        if claim.context.sentence.start != sentence.start or claim.kind is not total.kind:
            break
        if claim.stated.unit != total.stated.unit or len(gap) > _PART_GAP or _NOT_A_LIST.search(gap):
            break
        if not (parts and _NESTED.search(gap)):
            parts.append(claim)
        cursor = claim.span.end - sentence.start
    return parts


def _parts_after(total: Claim, later: list[Claim]) -> list[Claim]:
    """Claims of the next sentence, if it opens with 'Of this amount' (or the same sentence's 'of which')."""
    for claim in later:
        sentence = claim.context.sentence
        if claim.context.paragraph != total.context.paragraph or sentence.start > total.context.sentence.end + 400:
            return []
        if sentence.start != total.context.sentence.start and _BREAKDOWN.search(sentence.text):
            return [c for c in later if c.context.sentence.start == sentence.start and c.stated.unit == total.stated.unit]
    return []


def _sums(story: StoryFacts, claims: list[Claim], config: ArithmeticConfig) -> list[Finding]:
    findings = []
    listed = [(total, parts, True) for total, parts in breakdowns(claims)]
    listed += [(total, parts, False) for total, parts in inline_breakdowns(claims)]
    for total, parts, complete in listed:
        if _far_apart(total, parts):
            continue
        low = sum((p.stated.interval.low for p in parts), Decimal(0))
        high = sum((p.stated.interval.high for p in parts), Decimal(0))
        stated = _at_parts_precision(total, parts)
        slack = abs(total.stated.value) * config.tolerance
        if low - slack <= stated.high and (stated.low <= high + slack or not complete):
            continue
        findings.append(_sum_finding(story, total, parts, Interval(low=low, high=high), config))
    return findings


def _far_apart(total: Claim, parts: list[Claim]) -> bool:
    """True when the parts add up to more than twice the total: no breakdown of it (`カテゴリー1:風速 33~44` is a
    scale, not 1 = 33 + 44). A slip changes a digit (`430.2` for `330.2`), not the size of the whole."""
    return sum((p.stated.value for p in parts), Decimal(0)) > 2 * total.stated.value


def _at_parts_precision(total: Claim, parts: list[Claim]) -> Interval:
    """The total's interval, rounded no coarser than its parts: a total of €40 million broken down into
    €25 million and €12 million is forty to the million, as its parts are, so 37 does not make it."""
    finest = min((p.stated.precision for p in parts if p.stated.precision), default=None)
    stated = total.stated
    if total.qualifier or finest is None or stated.precision is None or finest >= stated.precision:
        return stated.interval
    if stated.value % finest:
        return stated.interval  # the total is not written to the parts' step
    return Interval(low=stated.value - finest / 2, high=stated.value + finest / 2)


def place_breakdowns(story: StoryFacts, claims: list[Claim]) -> list[tuple[Claim, list[Claim]]]:
    """(total, parts): a count of several places and, for each of them, the one count the source gives alone."""
    keyed = [claim for claim in claims if _growing_count(story, claim)]
    found = []
    for total in keyed:
        places = _places(total)
        if len(places) < 2:
            continue
        same = [c for c in keyed if _one_quantity(c, total) and len(_places(c)) == 1 and _places(c) <= places]
        by_place = {place: {c.stated.value: c for c in same if _places(c) == {place}} for place in places}
        if all(len(values) == 1 for values in by_place.values()):
            parts = sorted((next(iter(values.values())) for values in by_place.values()), key=lambda c: c.span.start)
            found.append((total, parts))
    return found


def _growing_count(story: StoryFacts, claim: Claim) -> bool:
    fact = story.fact_by_id.get(story.fact_of(claim.id) or "")
    return claim.kind is ClaimKind.COUNT and claim.keys.measure.value is not None and bool(fact and fact.cumulative)


def _places(claim: Claim) -> set[str]:
    return set(claim.keys.subject.value.split("+")) if claim.keys.subject.value else set()


def _one_quantity(claim: Claim, total: Claim) -> bool:
    """Same measure and scope, true on the same day."""
    keys, other = claim.keys, total.keys
    return (keys.measure.value, keys.scope.value, keys.as_of.value and keys.as_of.value[:10]) == (
        other.measure.value, other.scope.value, other.as_of.value and other.as_of.value[:10])


def _place_sums(story: StoryFacts, claims: list[Claim], config: ArithmeticConfig) -> list[Finding]:
    findings = []
    for total, parts in place_breakdowns(story, claims):
        value = sum((p.stated.value for p in parts), Decimal(0))
        stated = total.stated
        if any(p.stated.value >= stated.value for p in parts) or abs(value - stated.value) > stated.value * config.near:
            continue  # a part as large as the total, or a sum far from it: not its breakdown
        low = sum((p.stated.interval.low for p in parts), Decimal(0))
        high = sum((p.stated.interval.high for p in parts), Decimal(0))
        if not Interval(low=low, high=high).overlaps(total.stated.interval):
            findings.append(_sum_finding(story, total, parts, Interval(low=low, high=high), config))
    return findings


def _sum_finding(story: StoryFacts, total: Claim, parts: list[Claim], added: Interval, config: ArithmeticConfig) -> Finding:
    """Parts and total are compared as stated: a breakdown is written in one unit."""
    unit = total.stated.unit
    value = sum((p.stated.value for p in parts), Decimal(0))
    listed = " + ".join(p.surface for p in parts)
    digits = max(4, len(str(int(abs(value))))) if value == value.to_integral() else 4  # 36,257, not 36,260
    message = (
        f"{story.name_of(total.source)}: the parts ({listed} = {figures.amount(value, unit, significant=digits)}) do not add up to the "
        f"total of {total.surface} ({figures.change(value, total.stated.value)})."
    )
    claims = [total, *parts]
    return story.finding(
        CHECK.id,
        config.severity or CHECK.severity,
        message,
        claims=claims,
        identity=("sum", claim_key(total)),
        values=[c.surface for c in claims],
        fact=story.fact_of(total.id),
        expected=total.surface,
        observed=figures.interval(added, unit),
        trail=[explain(c, story) for c in claims]
        + [f"sum of the parts: {figures.interval(added, unit)}; it must reach the total's interval"],
    )


def stated_changes(claims: list[Claim]) -> list[tuple[Claim, Claim, Claim]]:
    """(change, before, after): a percentage of growth or decline and the "from X to Y" of its sentence."""
    by_sentence: dict[int, list[Claim]] = {}
    for claim in claims:
        by_sentence.setdefault(claim.context.sentence.start, []).append(claim)
    found = []
    for members in by_sentence.values():
        changes = [c for c in members if c.kind is ClaimKind.PERCENT and c.stated.unit == "percent" and c.keys.measure.value in _CHANGES]
        pairs = [(x, y) for x, y in zip(members, members[1:]) if _from_to(x, y)]
        if len(changes) == 1 and len(pairs) == 1:
            found.append((changes[0], *pairs[0]))
    return found


def _from_to(before: Claim, after: Claim) -> bool:
    if before.kind is not after.kind or before.stated.unit != after.stated.unit or before.kind is ClaimKind.DATE:
        return False
    sentence = before.context.sentence
    text = sentence.text
    start, end = before.span.start - sentence.start, after.span.start - sentence.start
    return bool(_TO.fullmatch(text, start + len(before.span.text), end) and _FROM.search(text[max(0, start - 16) : start]))


def _changes(story: StoryFacts, claims: list[Claim], config: ArithmeticConfig) -> list[Finding]:
    findings = []
    for change, before, after in stated_changes(claims):
        low, high = _relative_change(before.stated.interval, after.stated.interval)
        if low is None:
            continue
        magnitude, actual = _magnitude(change.stated.interval.low, change.stated.interval.high), _magnitude(low, high)
        slack = magnitude.high * config.tolerance
        if magnitude.low - slack <= actual.high and actual.low <= magnitude.high + slack:
            continue
        findings.append(_change_finding(story, change, before, after, actual, config))
    return findings


def _magnitude(low: Decimal, high: Decimal) -> Interval:
    """The sizes an interval's values have, whatever their sign: "fell 8 %" and "−8 %" alike."""
    if low <= 0 <= high:
        return Interval(low=Decimal(0), high=max(-low, high))
    return Interval(low=min(abs(low), abs(high)), high=max(abs(low), abs(high)))


def _relative_change(before: Interval, after: Interval) -> tuple[Decimal | None, Decimal | None]:
    """The lowest and highest change in per cent from any value of `before` to any of `after`."""
    if before.low <= 0:
        return None, None
    corners = [(a - b) / b * 100 for b in (before.low, before.high) for a in (after.low, after.high)]
    return min(corners), max(corners)


def _change_finding(
    story: StoryFacts, change: Claim, before: Claim, after: Claim, actual: Interval, config: ArithmeticConfig
) -> Finding:
    middle = abs(after.stated.value - before.stated.value) / before.stated.value * 100  # of the figures as written
    points = None
    if before.kind is ClaimKind.PERCENT:
        points = abs(after.stated.value - before.stated.value)
    written_as_points = points is not None and change.stated.interval.low <= points <= change.stated.interval.high
    message = (
        f"{story.name_of(change.source)}: from {before.surface} to {after.surface} is a change of "
        f"{figures.amount(middle, 'percent', significant=3)}, not {change.surface}"
        + (f": {change.surface} is the difference in percentage points." if written_as_points else ".")
    )
    claims = [change, before, after]
    return story.finding(
        CHECK.id,
        config.severity or CHECK.severity,
        message,
        claims=claims,
        identity=("change", claim_key(change)),
        values=[c.surface for c in claims],
        fact=story.fact_of(change.id),
        expected=figures.amount(middle, "percent", significant=3),
        observed=change.surface,
        trail=[explain(c, story) for c in claims]
        + [f"({after.surface} − {before.surface}) / {before.surface}: {figures.interval(actual, 'percent')} in magnitude"],
    )


def _ranges(story: StoryFacts, claims: list[Claim], config: ArithmeticConfig) -> list[Finding]:
    findings = []
    for duration, span in _duration_ranges(claims):
        length = span.stated.interval.high - span.stated.interval.low
        years = duration.stated.value
        if any(abs(years - candidate) <= config.range_slack for candidate in (length, length + 1)):
            continue
        findings.append(_range_finding(story, duration, span, length, config))
    return findings


def _duration_ranges(claims: list[Claim]) -> list[tuple[Claim, Claim]]:
    """A duration in years and a year range in the same sentence, the range within a few words after it and in
    the same clause: `the first 30 years of its activities (1993–2023)`, not `the first repeat in 19 years, as the
    Patriots managed that feat in 2003-2004` (the range is another clause's, and the wait ran from its end)."""
    pairs = []
    for duration in claims:
        if duration.kind is not ClaimKind.DURATION or duration.stated.unit != "year":
            continue
        for other in claims:
            if (
                other.kind is ClaimKind.YEAR
                and other.role == "range"
                and other.context.sentence.start == duration.context.sentence.start
                and 0 <= other.span.start - duration.span.end <= 60
                and not _CLAUSE_BREAK.search(_between(duration, other))
            ):
                pairs.append((duration, other))
                break
    return pairs


_CLAUSE_BREAK = re.compile(r"[,;:،，；：]")


def _between(first: Claim, second: Claim) -> str:
    """The text of their sentence between two claims of it."""
    sentence = first.context.sentence
    return sentence.text[first.span.end - sentence.start : second.span.start - sentence.start]


def _range_finding(story: StoryFacts, duration: Claim, span: Claim, length: Decimal, config: ArithmeticConfig) -> Finding:
    message = (
        f"{story.name_of(duration.source)} speaks of {duration.surface} for {span.surface}, "
        f"which is {length} year{'' if length == 1 else 's'}."
    )
    return story.finding(
        CHECK.id,
        config.severity or Severity.WARNING,
        message,
        claims=[duration, span],
        identity=("range", claim_key(duration)),
        values=(duration.surface, span.surface),
        fact=story.fact_of(duration.id),
        expected=f"{length} years",
        observed=duration.surface,
        trail=[
            explain(duration, story),
            explain(span, story),
            f"{span.stated.interval.high} − {span.stated.interval.low} = {length} years",
        ],
    )


CHECK = register(
    Check(
        id="arithmetic",
        summary="Parts that do not add up to their stated total; a range that contradicts its stated length.",
        config=ArithmeticConfig,
        severity=Severity.ERROR,
        run=run,
    )
)
