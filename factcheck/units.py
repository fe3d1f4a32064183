"""The one pint registry of the program.

Extraction uses it to read measures (`500 MW`, `1.155 million tons per year`)
and normalisation to convert them, so every stage shares one arithmetic.

Money has a place in the registry, so that a figure per tonne or per barrel
parses: every ISO 4217 code is a unit of one `[currency]` dimension whose size
is unknown (NaN), so a conversion between currencies through pint gives NaN,
never a silently wrong number. Money is converted by `factcheck.normalize.fx`,
whose rates are Decimals of their own day: a run whose sources hold money in
several currencies and no measure never builds this registry.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache, lru_cache
from typing import TYPE_CHECKING

# pint (0.3 s with the numpy it imports) and its registry (0.3 s more) are set up on the first conversion or
# unit read, not on import: a run whose sources hold no measure never pays for them.
if TYPE_CHECKING:
    import pint
    from pint.facets.plain import UnitDefinition

CURRENCY_BASE = "currency_reference"
"""The base unit of `[currency]`, of no known worth: money is converted by fx.py, not by pint."""

# Physical measures: one unit per dimension, so claims compare on one footing. "tons"
# in news text outside the US almost always means metric tonnes, so it is read as such
# (`short ton` and `long ton` keep their own meaning).
CANONICAL_UNITS = ("t", "t/yr", "km", "km**2", "m**3", "m**3/yr", "MW", "MWh", "km/h", "degC", "day", "kg/m**3")
# The pint time units that spans of time are read in (extract/durations.py), named alike by pint and CLDR.
DURATION_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute"})
_NEWS_WORDS = (
    (re.compile(r"\b(short|long)[\s_-]+tons?\b", re.IGNORECASE), r"\1_ton"),
    (re.compile(r"\bmetric[\s_-]+tons?\b", re.IGNORECASE), "tonne"),
    (re.compile(r"(?<![\w_])tons?\b", re.IGNORECASE), "tonne"),
)


@cache
def registry() -> pint.UnitRegistry:
    """The one pint registry, built on first use: pint's units, and every ISO 4217 code as a unit of
    `[currency]` worth NaN (money converts through fx.py's rates, never through pint)."""
    import pint

    ureg = pint.UnitRegistry(non_int_type=Decimal, autoconvert_offset_to_baseunit=True)
    ureg.define(f"{CURRENCY_BASE} = [currency]")
    for code in sorted(currencies()):
        ureg.define(_currency_unit(code, Decimal("NaN")))
    return ureg


def _currency_unit(code: str, worth: Decimal) -> UnitDefinition:
    # Built directly rather than parsed: pint's text parser reads numbers as float,
    # which cannot mix with this registry's Decimals.
    from pint.facets.plain import ScaleConverter, UnitDefinition
    from pint.util import UnitsContainer

    return UnitDefinition(code, None, (), ScaleConverter(worth), UnitsContainer({CURRENCY_BASE: 1}))


@cache
def currencies() -> frozenset[str]:
    """Every ISO 4217 code CLDR knows (babel's English currency names)."""
    from babel import Locale

    return frozenset(code for code in Locale.parse("en").currencies if re.fullmatch(r"[A-Z]{3}", code))


@cache
def _canonical() -> dict:
    """The canonical unit of each dimension that has one, by its pint dimensionality."""
    return {registry().parse_units(unit).dimensionality: unit for unit in CANONICAL_UNITS}


def parse_unit(text: str) -> pint.Unit | None:
    """The pint unit written as `text` (`MW`, `km`, `t/yr`, `tons per year`), or None if pint does not know it."""
    from pint.errors import DefinitionSyntaxError, UndefinedUnitError

    for pattern, replacement in _NEWS_WORDS:
        text = pattern.sub(replacement, text)
    try:
        return registry().parse_units(text)
    except (UndefinedUnitError, DefinitionSyntaxError, AttributeError, ValueError, TypeError):
        return None


@lru_cache(maxsize=1024)
def dimension_of(unit: str) -> str:
    """A unit's dimensionality as text (`[mass] / [time]`); money codes give `[currency]`."""
    if is_currency(unit):
        return "[currency]"  # without building the registry: a money claim asks this of every check
    parsed = parse_unit(unit)
    return str(parsed.dimensionality) if parsed is not None else ""


def is_currency(code: str) -> bool:
    """True for an ISO 4217 code the registry knows as money."""
    return code in currencies()


def canonical_unit(unit: pint.Unit) -> str:
    """The unit every measure of `unit`'s dimension is normalised to (tons per year -> `t/yr`).

    A dimension without a chosen unit keeps the unit as written (its short form):
    money per tonne and other compounds are compared through pint as they are.
    """
    return _canonical().get(unit.dimensionality) or format(unit, "~")


def convert(value: Decimal, unit: str | pint.Unit, target: str | pint.Unit) -> Decimal:
    """`value` in `unit` expressed in `target`."""
    return Decimal(registry().Quantity(Decimal(value), unit).to(target).magnitude)

