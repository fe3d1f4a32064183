"""The time chart of a developing fact: each claim's figure at its as-of moment.

A death toll rises as the story unfolds, so its figures belong on a time axis, not
side by side: x is when the figure was true (the claim's as-of), y its value on the
common footing, a vertical bar the range it allows. Pure geometry like `chart.py`:
points in, pixel positions and tick labels out; the template draws them as inline
SVG. Values stay Decimal and times whole seconds until the last step, so the same
claims always give the same pixels.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal

from factcheck.figures import axis_label, interval
from factcheck.models import Finding, Interval, Severity
from factcheck.render.chart import Point, Scale, nice_domain

WIDTH = 640
HEIGHT = 240
LEFT = 76  # room for the value labels
RIGHT = 28
TOP = 12
BOTTOM = 34  # room for the time labels
INSET = 12  # pixels between the plot's edge and the first or last moment
PALETTE = 8  # colours of sources (CSS classes s0…s7); the number beside each mark tells them apart beyond
_HOUR = 3600
_DAY = 24 * _HOUR
_TIME_STEPS = (_HOUR, 2 * _HOUR, 3 * _HOUR, 6 * _HOUR, 12 * _HOUR, _DAY, 2 * _DAY, 7 * _DAY, 14 * _DAY, 28 * _DAY)
_TIME_TICKS = 5  # at most this many steps across the axis
_NEAR = 10  # pixels: marks closer than this in both directions share a spot
_EPOCH = dt.datetime(2000, 1, 3)  # a Monday at midnight: weekly ticks fall on Mondays, daily ones at midnight


@dataclass(frozen=True)
class Moment:
    """One claim to draw: its source, when its figure was true, and its value."""

    key: str
    source: str
    label: str
    unit: str
    at: dt.datetime
    interval: Interval
    value: Decimal
    description: str
    flag: str | None = None  # the severity of the finding about this claim, if any

    @classmethod
    def of(cls, point: Point, source: str, at: dt.datetime, when: str, flag: Severity | None) -> Moment:
        """A claim of the value chart placed at its as-of `at` (`when` as an editor reads it)."""
        description = f"{point.label}, as of {when}: {point.note} → {interval(point.interval, point.unit)}"
        if flag is not None:
            description += f" (flagged by a finding: {flag.value})"
        return cls(point.key, source, point.label, point.unit, at, point.interval, point.value, description,
                   flag.value if flag is not None else None)


@dataclass(frozen=True)
class Mark:
    """A moment placed on the chart: x of its time, y of its value and of its range's ends."""

    key: str
    x: float
    y: float
    top: float
    bottom: float
    source: int  # the source's number in the legend, from 1
    colour: int
    description: str
    flag: str | None
    number_x: float = 0.0  # where the source's number goes: beside the mark, further out when marks coincide
    numbered: bool = True  # False when the same source's number already stands at this spot


@dataclass(frozen=True)
class Line:
    """One source's figures joined in time order (only sources with two moments or more)."""

    colour: int
    points: str


@dataclass(frozen=True)
class Tick:
    """A gridline and its label: at a time (x) or a value (y)."""

    at: float
    label: str


@dataclass(frozen=True)
class LegendEntry:
    """A source, its number beside the marks and its colour."""

    number: int
    label: str
    colour: int


@dataclass(frozen=True)
class SeriesChart:
    """A developing fact over time: marks, the lines between a source's marks, ticks on both axes."""

    unit: str
    width: int
    height: int
    plot_left: int
    plot_right: int
    plot_top: int
    plot_bottom: int
    marks: tuple[Mark, ...]
    lines: tuple[Line, ...]
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    legend: tuple[LegendEntry, ...]

    @property
    def flagged(self) -> frozenset[str]:
        """Keys of the claims a finding is about."""
        return frozenset(mark.key for mark in self.marks if mark.flag is not None)

    @property
    def flags(self) -> tuple[str, ...]:
        """The severities of the findings marked on the chart, most severe first, for the legend."""
        return tuple(severity for severity in ("error", "warning", "info") if any(m.flag == severity for m in self.marks))


def drawable(moments: list[Moment]) -> bool:
    """True when there is a series to see: one unit, and at least two distinct moments."""
    return len({m.at for m in moments}) >= 2 and len({m.unit for m in moments}) == 1


def flagged(findings: Iterable[Finding], ignore: frozenset[str] = frozenset()) -> dict[str, Severity]:
    """The claims the findings are about (the first each cites), with the worst severity found on each.

    Rules in `ignore` are about no claim in particular (a single-source note cites every claim of its fact).
    """
    flags: dict[str, Severity] = {}
    for finding in findings:
        if finding.rule in ignore or not finding.claims:
            continue
        claim = finding.claims[0].claim
        if claim not in flags or finding.severity.rank > flags[claim].rank:
            flags[claim] = finding.severity
    return flags


def series(moments: list[Moment]) -> SeriesChart:
    """Lay out moments of one unit: time across, value up, round ticks on both axes."""
    unit = moments[0].unit
    start, end, step = time_domain(min(m.at for m in moments), max(m.at for m in moments))
    when = TimeScale(start, end, LEFT + INSET, WIDTH - RIGHT - INSET)
    low, high, value_step = nice_domain(
        min(min(m.interval.low, m.value) for m in moments), max(max(m.interval.high, m.value) for m in moments)
    )
    level = Scale(low, high, HEIGHT - BOTTOM, TOP)  # pixels grow downwards: the low end is at the bottom
    numbers = {source: index for index, source in enumerate(dict.fromkeys(m.source for m in moments), start=1)}
    marks = _spread(tuple(_mark(m, when, level, numbers[m.source]) for m in moments))
    return SeriesChart(
        unit=unit,
        width=WIDTH,
        height=HEIGHT,
        plot_left=LEFT,
        plot_right=WIDTH - RIGHT,
        plot_top=TOP,
        plot_bottom=HEIGHT - BOTTOM,
        marks=marks,
        lines=_lines(marks),
        x_ticks=tuple(Tick(when(at), label) for at, label in time_ticks(start, end, step)),
        y_ticks=tuple(Tick(level(v), axis_label(v, unit)) for v in _values(low, high, value_step)),
        legend=tuple(
            LegendEntry(number, next(m.label for m in moments if m.source == source), _colour(number))
            for source, number in numbers.items()
        ),
    )


@dataclass(frozen=True)
class TimeScale:
    """A linear map from times in [start, end] to pixels in [left, right], exact in whole seconds."""

    start: dt.datetime
    end: dt.datetime
    left: int
    right: int

    def __call__(self, at: dt.datetime) -> float:
        """The x position of `at`, to a tenth of a pixel."""
        span = _seconds(self.end - self.start)
        if span == 0:
            return round((self.left + self.right) / 2, 1)
        share = Decimal(_seconds(at - self.start)) / Decimal(span)
        return round(float(self.left + share * (self.right - self.left)), 1)


def time_domain(first: dt.datetime, last: dt.datetime) -> tuple[dt.datetime, dt.datetime, int]:
    """Widen [first, last] to whole steps (hours, days, weeks) with at most a few steps across.

    Equal times get one step around them, so the scale never divides by zero.
    """
    span = _seconds(last - first)
    step = next((s for s in _TIME_STEPS if span <= s * _TIME_TICKS), _TIME_STEPS[-1])
    while span > step * _TIME_TICKS:  # months of coverage: keep doubling, so ticks stay few
        step *= 2
    start = _floor(first, step)
    end = _floor(last, step)
    if end < last or end == start:
        end += dt.timedelta(seconds=step)
    return start, end, step


def time_ticks(start: dt.datetime, end: dt.datetime, step: int) -> list[tuple[dt.datetime, str]]:
    """Every step from start to end, labelled: the day at midnight (with the year on the first), else the hour."""
    count = _seconds(end - start) // step
    ticks = []
    for index in range(count + 1):
        at = start + dt.timedelta(seconds=step * index)
        ticks.append((at, _time_label(at, first=index == 0)))
    return ticks


def _time_label(at: dt.datetime, *, first: bool) -> str:
    day = f"{at.day} {at:%b}" + (f" {at.year}" if first else "")
    if at.hour == 0 and at.minute == 0:
        return day
    return f"{day} {at:%H:%M}" if first else f"{at:%H:%M}"


def _floor(at: dt.datetime, step: int) -> dt.datetime:
    offset = _seconds(at - _EPOCH)
    return _EPOCH + dt.timedelta(seconds=offset - offset % step)


def _seconds(delta: dt.timedelta) -> int:
    return delta.days * _DAY + delta.seconds  # the as-of keys carry no fractions of a second worth drawing


def _values(low: Decimal, high: Decimal, step: Decimal) -> list[Decimal]:
    return [low + step * index for index in range(int((high - low) / step) + 1)]


def _colour(number: int) -> int:
    return (number - 1) % PALETTE


def _mark(moment: Moment, when: TimeScale, level: Scale, number: int) -> Mark:
    return Mark(
        key=moment.key,
        x=when(moment.at),
        y=level(moment.value),
        top=level(moment.interval.high),
        bottom=level(moment.interval.low),
        source=number,
        colour=_colour(number),
        description=moment.description,
        flag=moment.flag,
    )


def _spread(marks: tuple[Mark, ...]) -> tuple[Mark, ...]:
    """Numbers of marks drawn on top of each other side by side, so every source's number stays readable."""
    placed: list[Mark] = []
    for mark in marks:
        near = [other for other in placed if abs(other.x - mark.x) < _NEAR and abs(other.y - mark.y) < _NEAR]
        same = next((other for other in near if other.source == mark.source and other.numbered), None)
        if same is not None:
            placed.append(replace(mark, number_x=same.number_x, numbered=False))
            continue
        shown = sum(1 for other in near if other.numbered)
        placed.append(replace(mark, number_x=round(mark.x + 8 + _NEAR * shown, 1)))
    return tuple(placed)


def _lines(marks: tuple[Mark, ...]) -> tuple[Line, ...]:
    lines = []
    for number in dict.fromkeys(mark.source for mark in marks):
        own = sorted((mark for mark in marks if mark.source == number), key=lambda mark: (mark.x, mark.y))
        if len({mark.x for mark in own}) > 1:
            lines.append(Line(own[0].colour, " ".join(f"{mark.x},{mark.y}" for mark in own)))
    return tuple(lines)

