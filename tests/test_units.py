"""The one pint registry: measures of several dimensions, and currencies in the same arithmetic."""

from __future__ import annotations

from decimal import Decimal

import pytest

from factcheck import units


@pytest.mark.parametrize(
    "written, value, canonical, expected",
    [
        ("tons per year", "1.155e6", "t/yr", "1.155e6"),  # news "tons" are metric tonnes
        ("metric_ton / year", "1.155e6", "t/yr", "1.155e6"),
        ("short tons", "1000", "t", "907.18474"),
        ("GW", "2.5", "MW", "2500"),
        ("kWh", "1500", "MWh", "1.5"),
        ("miles", "100", "km", "160.9344"),
        ("hectares", "250", "km**2", "2.5"),
        ("oil_barrel / day", "1", "m**3/yr", "58.07010947"),  # 42 US gallons a day, Julian years
        ("km/h", "36", "km/h", "36"),
    ],
)
def test_measures_go_to_one_unit_per_dimension(written, value, canonical, expected):
    unit = units.parse_unit(written)
    assert unit is not None
    assert units.canonical_unit(unit) == canonical
    converted = units.convert(Decimal(value), unit, canonical)
    assert abs(converted - Decimal(expected)) <= Decimal(expected) * Decimal("1e-8")


def test_offset_temperatures_convert():
    assert units.convert(Decimal(212), "degF", "degC") == pytest.approx(Decimal(100))


def test_unknown_units_are_none_not_errors():
    assert units.parse_unit("widgets per fortnightly") is None
    assert units.dimension_of("nonsense") == ""


def test_money_is_one_dimension_and_needs_a_rate():
    assert units.dimension_of("USD") == units.dimension_of("KZT") == "[currency]"
    assert units.is_currency("UZS") and not units.is_currency("XYZ")
    # Through pint a currency's worth is unknown (fx.py converts money): NaN, never a silently wrong number.
    assert units.convert(Decimal(1), "JPY", "USD").is_nan()
