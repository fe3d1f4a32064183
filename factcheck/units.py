"""The one pint registry of the program.

Extraction uses it to read measures (`500 MW`, `1.155 million tons per year`)
and normalisation to convert them, so every stage shares one arithmetic. Money
joins it in `factcheck.normalize.fx`, which defines currencies as units of a
`[currency]` dimension; physical measures use pint's own definitions.
"""

from __future__ import annotations

from decimal import Decimal

import pint

UREG = pint.UnitRegistry(non_int_type=Decimal, autoconvert_offset_to_baseunit=True)
Quantity = UREG.Quantity


def parse_unit(text: str) -> pint.Unit | None:
    """The pint unit written as `text` (`MW`, `km`, `t/yr`), or None if pint does not know it."""
    try:
        return UREG.parse_units(text)
    except (pint.errors.UndefinedUnitError, pint.errors.DefinitionSyntaxError, AttributeError, ValueError, TypeError):
        return None


def dimension_of(unit: str) -> str:
    """A unit's dimensionality as text (`[mass] / [time]`); money codes give `[currency]`."""
    parsed = parse_unit(unit)
    return str(parsed.dimensionality) if parsed is not None else ""
