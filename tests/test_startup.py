"""Start-up: what a run does not need is neither imported nor built, and what is built lazily gives what the
eager build gave (the times themselves are measured by bench/startup.py, not here)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from tests.test_fx import ecb_file


def _imported_after(code: str) -> set[str]:
    """The top-level modules a fresh interpreter has imported after running `code`."""
    probe = f"{code}\nimport sys\nprint(' '.join(sorted({{name.split('.')[0] for name in sys.modules}})))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(done.stdout.split())


HEAVY = {"pint", "numpy", "cn2an", "kanjize", "simplemma", "currency_converter", "lingua", "jinja2", "pydantic"}


def test_the_version_imports_nothing_heavy():
    imported = _imported_after(
        "from click.testing import CliRunner\nfrom factcheck.cli import cli\n"
        "assert CliRunner().invoke(cli, ['--version']).exit_code == 0"
    )
    assert not imported & HEAVY


@pytest.mark.parametrize(
    "module, deferred",
    [
        ("factcheck.units", {"pint", "numpy"}),
        ("factcheck.extract.cjk", {"cn2an", "kanjize"}),
        ("factcheck.lemmas", {"simplemma"}),
        ("factcheck.normalize.fx", {"currency_converter", "pint"}),
        ("factcheck.language", {"lingua"}),
        ("factcheck.sources", {"yaml", "pathspec", "charset_normalizer", "lingua"}),
        ("factcheck.render.html", {"jinja2"}),
    ],
)
def test_a_module_imports_its_heavy_library_only_when_first_used(module, deferred):
    assert not _imported_after(f"import {module}") & deferred


def test_the_registry_is_built_once_on_first_use_with_every_currency():
    from factcheck import units

    registry = units.registry()
    assert registry is units.registry()
    assert units.currencies() <= set(dir(registry))
    assert {"USD", "JPY", "KZT", "UZS"} <= units.currencies()


def test_one_currency_s_history_is_what_the_whole_file_gives_it():
    from currency_converter import RateNotFoundError

    from factcheck.normalize.fx import ecb_history, ecb_rates

    whole = ecb_rates()
    days = sorted(dt.date.fromisoformat(day) for day in ecb_file())
    days = [days[0] - dt.timedelta(days=1), *days, days[-1] + dt.timedelta(days=3)]

    def rate(converter, currency, day):
        try:
            return converter.convert(1, currency, "EUR", date=day)
        except RateNotFoundError:
            return None

    for currency in sorted(whole.currencies - {"EUR"}):
        alone = ecb_history(currency)
        assert alone.bounds[currency] == whole.bounds[currency], currency
        assert [rate(alone, currency, day) for day in days] == [rate(whole, currency, day) for day in days], currency
    assert ecb_history("EUR") is whole
    assert ecb_history("XYZ") is None and ecb_history("") is None and ecb_history("Date") is None
