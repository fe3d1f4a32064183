"""The dot-and-bar picture of a fact: each source's interval on one axis.

Pure geometry: points in, pixel positions and tick labels out; the template
draws them as inline SVG. Only values of one unit share an axis, so a fact whose
claims could not all be normalised gets one chart per unit.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from factcheck.models import Interval
from factcheck.figures import axis_label, day, shorten

WIDTH = 640
LABEL_WIDTH = 200
RIGHT_MARGIN = 24
ROW_HEIGHT = 26
TOP = 10
AXIS_HEIGHT = 30
_LABEL_CHARS = 24
_NOTE_CHARS = 28
_NOTE_ROOM = 90  # pixels beside a bar below which its note would run into the labels
_STEPS = (Decimal(1), Decimal(2), Decimal(5), Decimal(10))


@dataclass(frozen=True)
class Point:
    """One claim to draw: its source, interval and value in `unit`."""

    key: str
    label: str
    unit: str
    interval: Interval
    value: Decimal
    description: str
    calendar: bool = False
    note: str = ""


@dataclass(frozen=True)
class Bar:
    """A point placed on the chart: x positions in pixels, y of its row."""

    key: str
    label: str
    full_label: str
    description: str
    y: int
    low: float
    high: float
    value: float
    outlier: bool
    note: str = ""
    note_x: float = 0.0
    note_anchor: str = "start"


@dataclass(frozen=True)
class Tick:
    """A gridline of the axis and its label."""

    x: float
    label: str


@dataclass(frozen=True)
class Chart:
    """One axis: the bars of every point in one unit."""

    unit: str
    width: int
    height: int
    axis_y: int
    plot_left: int
    plot_right: int
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    band: tuple[float, float] | None = None

    @property
    def outliers(self) -> frozenset[str]:
        """Keys of the points outside the range most points share."""
        return frozenset(bar.key for bar in self.bars if bar.outlier)


@dataclass(frozen=True)
class Scale:
    """A linear map from values in [low, high] to pixels in [left, right]."""

    low: Decimal
    high: Decimal
    left: int
    right: int

    def __call__(self, value: Decimal) -> float:
        """The x position of `value`, to a tenth of a pixel so output is stable."""
        width = self.high - self.low
        if width == 0:  # ends past Decimal's 28 digits round together: draw everything in the middle
            return round((self.left + self.right) / 2, 1)
        share = (value - self.low) / width
        return round(float(self.left + share * (self.right - self.left)), 1)


def charts(points: list[Point]) -> list[Chart]:
    """One chart per unit (calendar years apart from durations), in the order units first appear."""
    axes = list(dict.fromkeys((point.unit, point.calendar) for point in points))
    return [chart([point for point in points if (point.unit, point.calendar) == axis]) for axis in axes]


def chart(points: list[Point]) -> Chart:
    """Lay out points of one unit on a shared axis with round-numbered ticks."""
    points = [_on_axis(point) for point in points]
    unit = points[0].unit
    low, high, step = nice_domain(
        min(min(p.interval.low, p.value) for p in points), max(max(p.interval.high, p.value) for p in points)
    )
    scale = Scale(low, high, LABEL_WIDTH, WIDTH - RIGHT_MARGIN)
    shared = consensus([point.interval for point in points])
    bars = tuple(
        _bar(point, scale, TOP + index * ROW_HEIGHT, shared is not None and not point.interval.overlaps(shared))
        for index, point in enumerate(points)
    )
    axis_y = TOP + len(points) * ROW_HEIGHT
    calendar = points[0].calendar
    ticks = tuple(Tick(scale(v), axis_label(v, unit, calendar=calendar)) for v in _tick_values(low, high, step))
    band = (scale(shared.low), scale(shared.high)) if shared is not None else None
    return Chart(unit, WIDTH, axis_y + AXIS_HEIGHT, axis_y, scale.left, scale.right, bars, ticks, band)


def consensus(intervals: list[Interval]) -> Interval | None:
    """The range that more than half of the intervals share, if any: where most sources agree.

    Found at the interval end covered by the most intervals (the lowest such end
    on a tie). With two sources, or no majority, there is no consensus to show.
    """
    if len(intervals) < 3:
        return None
    ends = sorted({end for interval in intervals for end in (interval.low, interval.high)})
    best = max(ends, key=lambda end: sum(1 for i in intervals if i.low <= end <= i.high))
    covering = [interval for interval in intervals if interval.low <= best <= interval.high]
    if len(covering) * 2 <= len(intervals):
        return None
    return Interval(low=max(i.low for i in covering), high=min(i.high for i in covering))


def nice_domain(low: Decimal, high: Decimal, ticks: int = 4) -> tuple[Decimal, Decimal, Decimal]:
    """Widen [low, high] to multiples of a round step (1, 2 or 5 times a power of ten)."""
    if high == low:
        spread = abs(low) / 10 or Decimal(1)
        low, high = low - spread, high + spread
    raw = (high - low) / ticks
    power = Decimal(1).scaleb(raw.adjusted())
    step = next(multiple * power for multiple in _STEPS if multiple * power >= raw)
    start = (low / step).to_integral_value(ROUND_FLOOR) * step
    end = (high / step).to_integral_value(ROUND_CEILING) * step
    return start, end, step


def _on_axis(point: Point) -> Point:
    """Dates (YYYYMMDD numbers) become day ordinals, so the axis is even in time."""
    if point.unit != "date":
        return point
    days = [day(value) for value in (point.interval.low, point.interval.high, point.value)]
    if any(found is None for found in days):
        return point
    low, high, value = (Decimal(found.toordinal()) for found in days)
    return replace(point, interval=Interval(low=low, high=high), value=value)


def _tick_values(low: Decimal, high: Decimal, step: Decimal) -> list[Decimal]:
    count = int((high - low) / step)
    return [low + step * index for index in range(count + 1)]


def _bar(point: Point, scale: Scale, y: int, outlier: bool) -> Bar:
    low, high = scale(point.interval.low), scale(point.interval.high)
    # The figure as written goes beside its bar, on the side with more room (if either has enough).
    room_right = scale.right - high > low - scale.left
    roomy = max(scale.right - high, low - scale.left) >= _NOTE_ROOM
    return Bar(
        key=point.key,
        label=shorten(point.label, _LABEL_CHARS),
        full_label=point.label,
        description=point.description,
        y=y,
        low=low,
        high=high,
        value=scale(point.value),
        outlier=outlier,
        note=shorten(point.note, _NOTE_CHARS) if roomy else "",
        note_x=round(high + 8, 1) if room_right else round(low - 8, 1),
        note_anchor="start" if room_right else "end",
    )
