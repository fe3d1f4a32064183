"""Shared fixtures: the repository's paths and a report of the sample corpus, built once."""

from __future__ import annotations

import pytest

from factcheck.config import load_rules
from factcheck.models import Report
from factcheck.pipeline import run

from tests.paths import RULES, SEEDS


@pytest.fixture(scope="session")
def rules():
    """The repository's rules folder, loaded."""
    return load_rules(RULES)


@pytest.fixture(scope="session")
def seeds_report(rules) -> Report:
    """The report of the sample corpus."""
    return run([SEEDS], rules)
