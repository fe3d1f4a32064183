"""The pieces the HTML page is built from: number formatting, the chart's scale, the highlighted text."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.models import ClaimKind, Conversion, Interval, Quantity
from factcheck import figures as fmt
from factcheck.render.chart import Point, Scale, chart, charts, consensus, nice_domain
from factcheck.render.highlight import Mark, Node, tree
from factcheck.render.series import Moment, TimeScale, drawable, series, time_domain, time_ticks


# Numbers as editors write them ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, unit, expected",
    [
        ("19100000000", "USD", "$19.1 billion"),
        ("3000000000000", "JPY", "¥3 trillion"),
        ("17900000000", "EUR", "€17.9 billion"),
        ("427400000", "USD", "$427.4 million"),
        ("12500", "USD", "$12,500"),
        ("5000000000", "KZT", "KZT\u00a05 billion"),
        ("-3700000000", "USD", "-$3.7 billion"),
        ("150", "count", "150"),
        ("2500000", "count", "2.5 million"),
        ("80", "percent", "80%"),
        ("3", "percentage_point", "3 percentage points"),
        ("500", "MW", "500 MW"),
        ("20251220", "date", "December 20, 2025"),
    ],
)
def test_amounts_read_like_an_editor_writes(value, unit, expected):
    assert fmt.amount(D(value), unit) == expected


def test_years_are_years_and_durations_are_durations():
    assert fmt.quantity(Quantity(value=D(2023), unit="year", interval=Interval(low=D(2023), high=D(2023))), kind=ClaimKind.YEAR) == "2023"
    assert fmt.quantity(Quantity(value=D(30), unit="year", interval=Interval(low=D(25), high=D(35))), kind=ClaimKind.DURATION) == "30 years"


def test_computed_values_are_rounded_stated_values_are_not():
    quantity = Quantity(value=D("19154999999.5"), unit="USD", interval=Interval(low=D(1), high=D(2)))
    assert fmt.quantity(quantity, computed=True) == "$19.2 billion"
    assert fmt.quantity(quantity.model_copy(update={"value": D("3.75e9")})) == "$3.75 billion"
    assert fmt.number(D("999999999"), significant=3) == "1 billion"  # not "1000 million"


@pytest.mark.parametrize(
    "low, high, unit, expected",
    [
        ("2350000000000", "3650000000000", "JPY", "¥2.35–3.65 trillion"),
        ("15000000000", "25000000000", "USD", "$15–25 billion"),
        ("108500000", "109500000", "USD", "$108.5–109.5 million"),
        ("999000000", "1200000000", "USD", "$999 million – $1.2 billion"),
        ("950", "1200", "USD", "$950–1,200"),
        ("1993", "2023", "year", "1993–2023"),
        ("450", "550", "MW", "450–550\u00a0MW"),
        ("20251201", "20251231", "date", "December 2025"),
        ("20251128", "20251203", "date", "Nov 28 – Dec 3, 2025"),
        ("7", "7", "count", "7"),
    ],
)
def test_intervals_say_the_symbol_and_the_word_once(low, high, unit, expected):
    spaced = fmt.interval(Interval(low=D(low), high=D(high)), unit)
    assert re.sub(r"\s", " ", spaced) == re.sub(r"\s", " ", expected)  # babel picks thin or no-break spaces


def test_a_range_claim_shows_both_ends():
    stated = Quantity(value=D(2e9), upper=D(3e9), unit="USD", interval=Interval(low=D(2e9), high=D(3e9)))
    assert fmt.quantity(stated) == "$2–3 billion"


def test_conversion_names_rate_source_date_and_band():
    used = Conversion(rate=D("0.0063851234"), rate_date=None, rate_source="ECB", origin="JPY", target="USD", band=D("0.01"))
    assert fmt.conversion(used) == "1 JPY = 0.006385 USD (ECB, ±1%)"


@pytest.mark.parametrize("unit", ["USD", "count", "percent", "MW", "year", "date"])
def test_numbers_beyond_decimal_precision_still_read(unit):
    huge = D("9" * 400)
    assert "E" in fmt.amount(huge, unit) or unit in ("year", "date")
    assert fmt.interval(Interval(low=huge, high=huge * 2), unit)
    assert fmt.axis_label(huge, unit)


def test_a_number_that_is_no_day_stays_a_number():
    assert fmt.day(D(20251340)) is None
    assert fmt.amount(D(20251340), "date") == "20251340"


# The chart's scale ----------------------------------------------------------------------------------------------------


def test_nice_domain_widens_to_round_steps():
    assert nice_domain(D("15e9"), D("225e9")) == (D(0), D("300e9"), D("100e9"))
    assert nice_domain(D("15e9"), D("195e9")) == (D(0), D("200e9"), D("50e9"))
    assert nice_domain(D(12), D(15)) == (D(12), D(15), D(1))
    low, high, step = nice_domain(D(7), D(7))
    assert low < 7 < high and step > 0


def test_scale_maps_the_domain_onto_the_plot_linearly():
    scale = Scale(D(0), D(200), 100, 500)
    assert (scale(D(0)), scale(D(100)), scale(D(200)), scale(D(50))) == (100.0, 300.0, 500.0, 200.0)


def point(key: str, low: str, high: str, value: str | None = None, unit: str = "USD") -> Point:
    return Point(key, key, unit, Interval(low=D(low), high=D(high)), D(value or low), key)


def test_the_outlier_is_the_interval_outside_what_most_share():
    drawn = chart([point("a", "15", "23"), point("b", "20", "21"), point("c", "15", "25"), point("d", "158", "225")])
    assert drawn.outliers == {"d"}
    assert drawn.band is not None and drawn.band[0] < drawn.band[1]
    assert [bar.low for bar in drawn.bars][:3] < [drawn.bars[3].low] * 3
    assert drawn.ticks[0].label == "$0" and all(t.x <= drawn.plot_right for t in drawn.ticks)


def test_no_outlier_without_a_majority():
    assert consensus([Interval(low=D(1), high=D(2)), Interval(low=D(5), high=D(6))]) is None
    assert consensus([Interval(low=D(1), high=D(2)), Interval(low=D(5), high=D(6)), Interval(low=D(9), high=D(10))]) is None


def test_one_axis_per_unit():
    drawn = charts([point("a", "1", "2"), point("b", "1", "2", unit="EUR"), point("c", "3", "4")])
    assert [c.unit for c in drawn] == ["USD", "EUR"] and [len(c.bars) for c in drawn] == [2, 1]


def test_dates_are_spaced_by_days():
    drawn = chart([point("a", "20251130", "20251130", unit="date"), point("b", "20251201", "20251201", unit="date"),
                   point("c", "20251231", "20251231", unit="date")])
    a, b, c = (bar.value for bar in drawn.bars)
    assert (b - a) * 30 == pytest.approx(c - b, rel=0.01)  # one day, then thirty


# The time chart of a developing count ----------------------------------------------------------------------------------


def moment(key: str, source: str, at: str, low: str, high: str | None = None, value: str | None = None,
           unit: str = "count", flag: str | None = None) -> Moment:
    return Moment(key, source, source.title(), unit, dt.datetime.fromisoformat(at), Interval(low=D(low), high=D(high or low)),
                  D(value or low), f"{source}: {low}", flag)


def test_later_figures_are_further_right_and_larger_ones_higher():
    drawn = series([moment("a", "wire", "2023-02-06T18:00", "1500"), moment("b", "daily", "2023-02-07T09:30", "2300", "3450"),
                    moment("c", "wire", "2023-02-08T12:00", "900", flag="error")])
    a, b, c = drawn.marks
    assert drawn.plot_left < a.x < b.x < c.x < drawn.plot_right
    assert drawn.plot_top <= b.y < a.y < c.y <= drawn.plot_bottom  # pixels grow downwards
    assert b.top < b.y == b.bottom  # the range rises from the figure (at least 2,300) to its top
    assert (b.x - a.x) / (c.x - b.x) == pytest.approx(15.5 / 26.5, rel=0.01)  # spaced by hours elapsed
    assert [(m.source, m.colour) for m in drawn.marks] == [(1, 0), (2, 1), (1, 0)]
    assert [entry.label for entry in drawn.legend] == ["Wire", "Daily"]
    assert drawn.flagged == {"c"} and drawn.flags == ("error",)
    assert [line.points.count(",") for line in drawn.lines] == [2]  # only the wire has two moments to join


def test_ticks_are_round_times_and_round_values():
    drawn = series([moment("a", "x", "2023-02-06T18:00", "1500"), moment("b", "y", "2023-02-08T12:00", "21000")])
    assert [tick.label for tick in drawn.x_ticks] == ["6 Feb 2023 12:00", "7 Feb", "12:00", "8 Feb", "12:00"]
    assert [tick.label for tick in drawn.y_ticks] == ["0", "5K", "10K", "15K", "20K", "25K"]
    xs, ys = [t.at for t in drawn.x_ticks], [t.at for t in drawn.y_ticks]
    assert xs == sorted(xs) and ys == sorted(ys, reverse=True)
    assert all(drawn.plot_left <= x <= drawn.plot_right for x in xs)


def test_equal_times_and_equal_values_never_divide_by_zero():
    at = dt.datetime(2023, 2, 7)
    start, end, step = time_domain(at, at)
    assert start <= at < end and step > 0
    assert TimeScale(at, at, 10, 20)(at) == 15.0
    flat = series([moment("a", "x", "2023-02-06T10:00", "7"), moment("b", "y", "2023-02-07T10:00", "7")])
    assert flat.marks[0].y == flat.marks[1].y and flat.plot_top < flat.marks[0].y < flat.plot_bottom
    same = series([moment("a", "x", "2023-02-06T10:00", "7"), moment("b", "y", "2023-02-06T10:00", "8")])
    assert same.marks[0].x == same.marks[1].x


def test_marks_in_one_spot_keep_their_numbers_apart():
    drawn = series([moment("a", "x", "2023-02-07", "1444"), moment("b", "y", "2023-02-07", "1445"),
                    moment("c", "z", "2023-02-09", "22000")])
    a, b, _ = drawn.marks
    assert (a.x, a.y) == (b.x, b.y) and b.number_x - a.number_x >= 10
    again = series([moment("a", "x", "2023-02-07", "1444"), moment("b", "x", "2023-02-07", "1445"),
                    moment("c", "z", "2023-02-09", "22000")])
    assert [m.numbered for m in again.marks] == [True, False, True]  # one source's number once per spot


def test_figures_beyond_decimal_precision_still_place():
    huge = "9" * 40
    drawn = series([moment("a", "x", "2023-02-06T10:00", huge), moment("b", "y", "2023-02-07T10:00", huge + "1")])
    assert all(drawn.plot_top <= m.y <= drawn.plot_bottom for m in drawn.marks)
    near = series([moment("a", "x", "2023-02-06", "1" + "0" * 30), moment("b", "y", "2023-02-07", "1" + "0" * 29 + "1")])
    assert all(drawn.plot_top <= m.y <= drawn.plot_bottom for m in near.marks)


def test_a_series_needs_two_moments_of_one_unit():
    assert not drawable([moment("a", "x", "2023-02-06", "1"), moment("b", "y", "2023-02-06", "2")])
    assert not drawable([moment("a", "x", "2023-02-06", "1"), moment("b", "y", "2023-02-07", "2", unit="USD")])
    assert drawable([moment("a", "x", "2023-02-06", "1"), moment("b", "y", "2023-02-07", "2")])


def test_weeks_of_coverage_get_few_ticks():
    start, end, step = time_domain(dt.datetime(2023, 2, 6), dt.datetime(2023, 3, 20, 15))
    ticks = time_ticks(start, end, step)
    assert 3 <= len(ticks) <= 6 and ticks[0][0] <= dt.datetime(2023, 2, 6) and ticks[-1][0] >= dt.datetime(2023, 3, 20, 15)
    long = time_domain(dt.datetime(2020, 1, 1), dt.datetime(2024, 1, 1))
    assert len(time_ticks(*long)) <= 6


def test_the_same_moments_give_the_same_chart():
    moments = [moment("a", "x", "2023-02-06T18:00", "1500"), moment("b", "y", "2023-02-07T09:30", "2300", "3450")]
    assert series(list(moments)) == series(list(moments))


# Highlighted text -----------------------------------------------------------------------------------------------------


def flatten(nodes: list[Node]) -> str:
    return "".join(node.text if node.mark is None else flatten(node.children) for node in nodes)


def starts(nodes: list[Node], at: int = 0, found: dict | None = None) -> dict[str, int]:
    found = {} if found is None else found
    for node in nodes:
        if node.mark is not None:
            found[node.mark.anchor] = at
            starts(node.children, at, found)
        at += len(flatten([node]))
    return found


def test_nested_and_identical_spans():
    nodes = tree("0123456789", [Mark(2, 6, "outer"), Mark(3, 4, "inner"), Mark(2, 6, "same", claims=("c",))])
    assert flatten(nodes) == "0123456789"
    outer = nodes[1].mark
    assert outer.anchor == "outer" and outer.claims == ("c",)
    assert starts(nodes) == {"outer": 2, "inner": 3}


@given(
    text=st.text(alphabet="ab<>&\"' \n", max_size=40),
    spans=st.lists(st.tuples(st.integers(0, 45), st.integers(0, 45)), max_size=8),
)
def test_the_text_survives_any_marks_and_marks_start_where_they_should(text, spans):
    marks = [Mark(start, end, f"m{start}-{end}") for start, end in spans]
    nodes = tree(text, marks)
    assert flatten(nodes) == text
    placed = starts(nodes)
    for mark in marks:
        if mark.anchor in placed and mark.start >= 0:
            assert placed[mark.anchor] >= mark.start  # cut only ever moves a start forward, never before its span
