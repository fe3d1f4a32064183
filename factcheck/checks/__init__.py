"""The registry of checks.

A check is a small module that defines a `Check`: an id, a pydantic config model,
a default severity and one function `(story, config) -> findings`. Built-in
checks register here exactly as a plugin would; `rules/*.toml` enables,
configures and re-levels them by id.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from factcheck.models import Finding, Severity
from factcheck.checks.base import StoryFacts


class CheckConfig(BaseModel):
    """Options every check accepts; a check's own config model extends it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    enabled: bool = True
    severity: Severity | None = None


@dataclass(frozen=True)
class Check:
    """A registered check: what it finds, how it is configured, and the function that runs it."""

    id: str
    summary: str
    config: type[CheckConfig]
    severity: Severity
    run: Callable[[StoryFacts, CheckConfig], list[Finding]]


REGISTRY: dict[str, Check] = {}


def register(check: Check) -> Check:
    """Add a check to the registry (ids are unique)."""
    if check.id in REGISTRY:
        raise ValueError(f"check {check.id!r} registered twice")
    REGISTRY[check.id] = check
    return check


def run_checks(story: StoryFacts, configs: dict[str, CheckConfig]) -> list[Finding]:
    """Run every enabled check on one story; `configs` holds a config for every registered id."""
    findings: list[Finding] = []
    for check_id, check in sorted(REGISTRY.items()):
        config = configs[check_id]
        if config.enabled:
            findings.extend(check.run(story, config))
    return findings


def _load_builtins() -> None:
    # Imported for their register() side effect, in a fixed order.
    from factcheck.checks import agreement, arithmetic, conversion, dates, developing, headline, office, single_source, spelling, time_zones, timeline, weekday  # noqa: F401


_load_builtins()
