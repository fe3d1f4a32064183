"""No pathological slowness: every hostile input of bench/adversarial.py, through cleaning, extraction
and the whole pipeline, takes time linear in its size.

Each stage runs on each input at two sizes, eight times apart, in a forked child that is killed when it
overruns (a catastrophic regular expression cannot be interrupted from Python); times are the child's CPU
seconds, so other work on the machine does not count. Linear work grows about 8x; the bound is a generous
20x (quadratic work grows 64x), plus a quarter second for timer noise. `bench/redos.py` runs the same
inputs up to 1 MB and reports seconds per MB.
"""

from __future__ import annotations

import sys

import pytest

from bench.adversarial import ADVERSARIAL, build
from bench.redos import measure

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="measures in forked children")

SIZES = {"clean": (16_384, 131_072), "extract": (1_024, 8_192), "pipeline": (1_024, 8_192)}
GROWTH = 20.0  # the sizes are 8x apart: linear work grows about 8x, quadratic 64x
NOISE = 0.25  # seconds
CEILING = 30.0  # seconds for one measurement, whatever the growth
ATTEMPTS = 2
# The pipeline (names, alignment, checks) runs on the inputs densest in figures and names, where work
# that grows with pairs of claims would show; bench/redos.py runs every input through it.
PIPELINE_INPUTS = {"dollar digit", "percent", "year ranges", "number words", "one long capital word", "seed articles"}

# Superlinear today, in modules others are writing: strict, so each turns into a failure once fixed.
KNOWN: dict[tuple[str, str], str] = {}


def _cases():
    for name in ADVERSARIAL:
        for stage in SIZES if name in PIPELINE_INPUTS else ("clean", "extract"):
            reason = KNOWN.get((name, stage))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            yield pytest.param(name, stage, id=f"{stage}-{name}", marks=marks)


@pytest.mark.parametrize("name, stage", _cases())
def test_hostile_input_takes_linear_time(name, stage):
    failures = []
    for _ in range(ATTEMPTS):  # one attempt within bounds is enough: a failed one may have met a busy machine
        failure = _growth_failure(name, stage)
        if failure is None:
            return
        failures.append(failure)
    pytest.fail("; ".join(failures))


def _growth_failure(name: str, stage: str) -> str | None:
    """None when the large input took less than GROWTH times the small one, else what happened."""
    small, large = SIZES[stage]
    status, first = measure(stage, build(ADVERSARIAL[name], small), CEILING)
    if status != "ok":
        return f"{stage} on {small} bytes of {name!r}: {status} {first}"
    limit = GROWTH * first + NOISE
    status, second = measure(stage, build(ADVERSARIAL[name], large), min(3 * limit, CEILING))  # wall clock
    if status != "ok":
        return f"{stage} on {large} bytes of {name!r}: {status} {second}"
    if second > limit:
        return f"{stage} on {large} bytes of {name!r}: {second:.2f} s, over {limit:.2f} s ({first:.3f} s at {small})"
    return None
