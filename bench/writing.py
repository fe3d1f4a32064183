"""How newsrooms write a figure, and what interval a careful reader gives it.

A `Written` figure is a stated value (already rounded the way the qualifier
demands: `more than` rounds down, `nearly` and `up to` round up), a unit, a
qualifier word and a form (`$3.7 billion`, `USD 19bn`, `19 billion USD`,
`3 trillion yen`, `three trillion yen`). `interval` is the reading the tool
documents (README, "Meaning of a figure"): half a unit of the last stated digit,
widened by the qualifier. The generator uses it to keep every unplanted figure
true and every planted one detectably wrong.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, replace
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Decimal

QUALIFIERS = {
    "approximate": ("about", "approximately", "around", "some", "roughly", "an estimated"),
    "above": ("more than", "over", "exceeding", "in excess of", "upwards of"),
    "nearly": ("nearly", "almost", "just under"),
    "below": ("up to",),
    "exact": (),
}
_KIND_OF = {word: kind for kind, words in QUALIFIERS.items() for word in words}
_ROUNDING = {"above": ROUND_FLOOR, "nearly": ROUND_CEILING, "below": ROUND_CEILING}
_SCALES = ((Decimal(10) ** 12, "trillion", "tn"), (Decimal(10) ** 9, "billion", "bn"), (Decimal(10) ** 6, "million", "m"))
_WORDS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen " \
         "seventeen eighteen nineteen twenty".split()  # fmt: skip


@dataclass(frozen=True)
class Currency:
    """How one currency is written: symbols before the amount, names after it."""

    code: str
    symbols: tuple[str, ...]
    names: tuple[str, ...]
    indian: bool = False  # also written in crore


CURRENCIES = {
    c.code: c
    for c in (
        Currency("USD", ("$", "US$"), ("dollars", "US dollars")),
        Currency("EUR", ("€",), ("euros",)),
        Currency("JPY", ("¥",), ("yen",)),
        Currency("GBP", ("£",), ("pounds", "pounds sterling")),
        Currency("CNY", (), ("yuan",)),
        Currency("KRW", ("₩",), ("South Korean won",)),
        Currency("INR", ("Rs", "₹"), ("rupees",), indian=True),
        Currency("CHF", (), ("Swiss francs",)),
        Currency("TRY", ("₺",), ("Turkish lira",)),
    )
}
_FORMS = ("symbol", "symbol", "symbol", "abbreviated", "iso_before", "iso_after", "name", "name")


@dataclass(frozen=True)
class Written:
    """One figure as a source writes it."""

    value: Decimal  # the stated value, scaled out
    unit: str  # ISO code, or 'count' / 'year'
    qualifier: str | None = None
    form: str = "digits"
    noun: str = ""  # for counts: what is counted ('bilateral agreements')

    @property
    def kind(self) -> str:
        """The qualifier's kind: approximate, above, nearly, below or exact."""
        return _KIND_OF.get(self.qualifier or "", "exact")

    def text(self) -> str:
        """The figure with its qualifier, as it appears in the article."""
        body = self.money_text() if self.unit in CURRENCIES else self.count_text()
        return f"{self.qualifier} {body}" if self.qualifier else body

    def count_text(self) -> str:
        """A count with its noun, or a year as written."""
        if self.unit == "year":
            return str(int(self.value))
        number = _WORDS[int(self.value)] if self.form == "words" else f"{int(self.value):,}"
        return f"{number} {self.noun}".strip()

    def money_text(self) -> str:
        """An amount of money in the figure's form."""
        currency = CURRENCIES[self.unit]
        mantissa, scale, short = _scaled(self.value)
        number = _plain(mantissa)
        if self.form == "words":
            return f"{_WORDS[int(mantissa)]} {scale} {currency.names[0]}"
        if self.form == "crore":
            return f"Rs {_plain(self.value / Decimal(10) ** 7)} crore"
        if self.form == "symbol" and currency.symbols:
            return f"{currency.symbols[0]}{number} {scale}".strip()
        if self.form == "symbol_us":
            return f"US${number} {scale}".strip()
        if self.form == "abbreviated" and currency.symbols:
            return f"{currency.symbols[0]}{number}{short}"
        if self.form == "iso_before":
            return f"{currency.code} {number}{short}" if short and short != "m" else f"{currency.code} {number} {scale}".strip()
        if self.form == "iso_after":
            return f"{number} {scale} {currency.code}".replace("  ", " ")
        return f"{number} {scale} {currency.names[-1] if self.form == 'name_long' else currency.names[0]}".replace("  ", " ")

    def precision(self) -> Decimal:
        """Place value of the last stated digit (trailing zeros of a whole number are not significant)."""
        mantissa, scale, _ = _scaled(self.value) if self.unit in CURRENCIES else (self.value, "", "")
        factor = self.value / mantissa if mantissa else Decimal(1)
        return _digit_place(mantissa) * factor

    def interval(self, strict: bool = False) -> tuple[Decimal, Decimal]:
        """The values the figure allows, as the tool's README reads it (rules/qualifiers.toml).

        `strict` is a little narrower than the tool's reading, to check that an unplanted figure is true;
        otherwise a little wider, to check that a planted one is clear of every other.
        """
        if self.unit == "year":
            return self.value, self.value
        half = self.precision() / 2 * (Decimal("0.98") if strict else Decimal("1.02"))
        low, high = self.value - half, self.value + half
        spread, nearly, cap, floor = _STRICT if strict else _LOOSE
        if self.kind == "approximate":
            return low * (1 - spread), high * (1 + spread)
        if self.kind == "above":
            return self.value, self.value * cap
        if self.kind == "nearly":
            return self.value * nearly, self.value
        if self.kind == "below":
            return self.value * floor, self.value
        return low, high


# (approximate spread, nearly floor, `more than` cap, `up to` floor): the tool's are 5 %, 0.9, 1.5 and 0.5
_STRICT = (Decimal("0.04"), Decimal("0.91"), Decimal("1.45"), Decimal("0.55"))
_LOOSE = (Decimal("0.06"), Decimal("0.89"), Decimal("1.55"), Decimal("0.45"))


def _scaled(value: Decimal) -> tuple[Decimal, str, str]:
    for size, word, short in _SCALES:
        if abs(value) >= size:
            return value / size, word, short
    return value, "", ""


def _plain(number: Decimal) -> str:
    text = format(number.normalize(), "f")
    return text if "." in text or len(text) < 4 else f"{int(text):,}"


def _digit_place(number: Decimal) -> Decimal:
    """10 ** (place of the last non-zero stated digit): 3.7 -> 0.1, 20 -> 10, 3 -> 1."""
    normal = number.normalize()
    return Decimal(1).scaleb(normal.as_tuple().exponent) if normal else Decimal(1)


def rounded(value: float | Decimal, digits: int, kind: str) -> Decimal:
    """`value` to `digits` significant digits, rounded the way the qualifier's kind needs to stay true."""
    value = Decimal(str(value))
    if value == 0:
        return value
    exponent = math.floor(math.log10(abs(value))) - digits + 1
    quantum = Decimal(1).scaleb(exponent)
    return value.quantize(quantum, rounding=_ROUNDING.get(kind, ROUND_HALF_EVEN)).normalize()


def qualifier(kind: str, rng: random.Random) -> str | None:
    """A qualifier word of a kind (None for exact)."""
    words = QUALIFIERS[kind]
    return rng.choice(words) if words else None


def true_money(value: float, currency: str, rng: random.Random, digits: int | None = None, kind: str | None = None,
               forms: tuple[str, ...] = _FORMS) -> Written:  # fmt: skip
    """A money figure that a reader would accept for `value`: rounded to suit its qualifier."""
    kind = kind or rng.choice(("exact", "exact", "approximate", "above", "nearly"))
    digits = digits or rng.choice((2, 2, 3))
    stated = rounded(value, digits, kind)
    written = Written(stated, currency, qualifier(kind, rng), _form(currency, rng, forms, stated))
    if not contains(written, value):  # e.g. `nearly` with too few digits: state it plainly
        written = replace(written, value=rounded(value, 3, "exact"), qualifier=None)
        written = replace(written, form=_form(currency, rng, forms, written.value))
    return written


_COUNT_QUALIFIERS = {"approximate": ("about", "around", "some", "roughly"), "above": ("more than", "over")}


def true_count(value: int, noun: str, rng: random.Random) -> Written:
    """A count a reader would accept for `value` (`more than 60 agreements`, `63 agreements`, `nine agreements`)."""
    if value <= 20 and rng.random() < 0.5:
        return Written(Decimal(value), "count", None, "words", noun)
    kind = rng.choice(("exact", "approximate", "above", "above"))
    digits = rng.choice((1, 2)) if value >= 20 else 2
    word = rng.choice(_COUNT_QUALIFIERS[kind]) if kind in _COUNT_QUALIFIERS else None
    written = Written(rounded(value, digits, kind), "count", word, "digits", noun)
    return written if contains(written, value) else Written(Decimal(value), "count", None, "digits", noun)


def _form(currency: str, rng: random.Random, forms: tuple[str, ...], stated: Decimal) -> str:
    form = rng.choice(forms)
    mantissa = _scaled(stated)[0]
    if form == "name" and mantissa == int(mantissa) and mantissa <= 20 and rng.random() < 0.25:
        return "words"
    if currency == "INR" and stated >= Decimal(10) ** 7 and rng.random() < 0.5:
        return "crore"
    if form == "symbol" and currency == "USD" and rng.random() < 0.15:
        return "symbol_us"
    return form


def contains(written: Written, value: float | Decimal) -> bool:
    """True when the written figure's interval holds `value`, read a little narrower than the tool reads it."""
    low, high = written.interval(strict=True)
    return low <= Decimal(str(value)) <= high
