"""Plant discrepancies in a story's plans, each one the tool's rules exist to find.

| rule | what is planted |
| --- | --- |
| agreement | one source states a money or count fact far from the others (no interval overlap) |
| conversion | an in-text conversion (`3 trillion yen (€25 billion)`) the rate of the day does not support |
| spelling | one source writes a person's surname another way (Berdymuhamedov for Berdimuhamedov) |
| arithmetic | the parts of a breakdown do not add up to its total; a range contradicts its stated length |
| timeline | one source dates the start of the agency's work to another year (`since 2006` vs 1993–2023) |

Each plant is checked against the intervals every other source gives the
fact, so it is detectable by the documented reading of figures, with a margin
for the rate band; a plant that cannot be made so is not made.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from decimal import Decimal

from bench import rates
from bench.story import Said, SourcePlan, Story
from bench.world import variant, variants
from bench.writing import Written, true_money

MARGIN = Decimal("0.03")  # beyond the tool's 1 % rate band and 2 % conversion tolerance
RULES = {"agreement": 35, "conversion": 15, "spelling": 20, "arithmetic": 15, "timeline": 15}


@dataclass
class Plant:
    """One planted discrepancy: the rule that should find it and the marks that show it."""

    rule: str
    source: int
    key: str  # the fact key, or the person's canonical surname
    tags: list[tuple[str, str]]
    note: str
    also: list[tuple[str, list[tuple[str, str]]]] = field(default_factory=list)  # (rule, tags) that may also fire


def plant(story: Story, count: int, rng: random.Random) -> list[Plant]:
    """Up to `count` plants in the story's source plans (fewer when no target is left)."""
    planted: list[Plant] = []
    for _ in range(count * 8):
        if len(planted) >= count:
            break
        rule = rng.choices(list(RULES), weights=list(RULES.values()))[0]
        made = _PLANTERS[rule](story, planted, rng)
        if made is not None:
            planted.append(made)
    return planted


def _free(planted: list[Plant], plan: SourcePlan, key: str) -> bool:
    return not any(p.source == plan.index and (p.key == key or p.tags and p.tags[0][1] == key) for p in planted)


def _stating(story: Story, key: str) -> list[SourcePlan]:
    return [plan for plan in story.sources if key in plan.said]


def _agreement(story: Story, planted: list[Plant], rng: random.Random) -> Plant | None:
    keys = [k for k, f in story.facts.items() if f.kind in ("money", "count") and not k.startswith("aid_")]
    candidates = []
    for key in keys:
        stating = _stating(story, key)
        wrong = sum(1 for p in planted if p.key == key)
        if len(stating) >= 3 and (wrong + 1) * 3 <= len(stating):
            candidates += [(plan, key) for plan in stating if _free(planted, plan, key)]
    if not candidates:
        return None
    plan, key = rng.choice(candidates)
    fact, said = story.facts[key], plan.said[key]
    for _ in range(20):
        factor = rng.choice((rng.uniform(0.3, 0.55), rng.uniform(1.8, 3.2)))
        wrong = _scaled(story, fact, said.written, plan, factor, rng)
        if wrong is not None and _apart(story, key, plan, wrong):
            plan.said[key] = Said(wrong, _rebracket(said.bracket, wrong, plan, rng))
            note = f"{key}: stated {wrong.text()!r} where the others give {said.written.text()!r} (x{factor:.2f})"
            return Plant("agreement", plan.index, key, [("fact", key)], note)
    return None


def _scaled(story: Story, fact, written: Written, plan: SourcePlan, factor: float, rng) -> Written | None:
    if fact.kind == "count":
        value = round(fact.value * factor)
        return Written(Decimal(value), "count", None, "digits", written.noun) if value >= 2 else None
    value = rates.convert(fact.value, fact.unit, written.unit, plan.date) * factor
    return true_money(value, written.unit, rng, kind=rng.choice(("exact", "approximate")))


def _rebracket(bracket: Written | None, main: Written, plan: SourcePlan, rng) -> Written | None:
    """A wrong figure keeps a right conversion of itself: the agreement plant is not also a conversion plant."""
    if bracket is None:
        return None
    return true_money(rates.convert(float(main.value), main.unit, bracket.unit, plan.date), bracket.unit, rng)


def _apart(story: Story, key: str, plan: SourcePlan, wrong: Written) -> bool:
    """True when the wrong figure's interval is clear of every other source's, rate band and margin included."""
    low, high = _normalised(story, wrong, plan)
    for other in _stating(story, key):
        if other is plan:
            continue
        other_low, other_high = _normalised(story, other.said[key].written, other)
        if not (high * (1 + MARGIN) < other_low or low > other_high * (1 + MARGIN)):
            return False
    return True


def _normalised(story: Story, written: Written, plan: SourcePlan) -> tuple[Decimal, Decimal]:
    low, high = written.interval()
    if written.unit not in ("count", "year") and written.unit != story.currency:
        rate = Decimal(str(rates.convert(1.0, written.unit, story.currency, plan.date)))
        low, high = low * rate * Decimal("0.99"), high * rate * Decimal("1.01")
    return low, high


def _conversion(story: Story, planted: list[Plant], rng: random.Random) -> Plant | None:
    candidates = [p for p in _stating(story, "pledge") if p.said["pledge"].bracket is not None and _free(planted, p, "pledge")]
    if not candidates:
        return None
    plan = rng.choice(candidates)
    said = plan.said["pledge"]
    expected = rates.convert(float(said.written.value), said.written.unit, said.bracket.unit, plan.date)
    for _ in range(20):
        factor = rng.choice((rng.uniform(0.7, 0.88), rng.uniform(1.12, 1.4)))
        wrong = true_money(expected * factor, said.bracket.unit, rng, kind=rng.choice(("exact", "approximate", "above")))
        low, high = wrong.interval()
        slack = Decimal(str(expected)) * (Decimal("0.02") + MARGIN)
        if not low - slack <= Decimal(str(expected)) <= high + slack:
            plan.said["pledge"] = Said(said.written, wrong)
            note = f"converts {said.written.text()!r} to {wrong.text()!r}; the rate of {plan.date} gives {expected:.4g}"
            return Plant("conversion", plan.index, "pledge", [("bracket", "pledge")], note)
    return None


def _spelling(story: Story, planted: list[Plant], rng: random.Random) -> Plant | None:
    people = [p for role, p in sorted(story.people.items()) if role != "analyst" and variants(p.surname, p.pool)]
    candidates = []
    for who in people:
        wrong = sum(1 for plan in story.sources if who.surname in plan.spellings)
        if (wrong + 1) * 4 <= len(story.sources):
            candidates += [(plan, who) for plan in story.sources if who.surname not in plan.spellings]
    if not candidates:
        return None
    plan, who = rng.choice(candidates)
    spelled = variant(who.surname, who.pool, rng)
    plan.spellings[who.surname] = spelled
    plan.variant_everywhere = rng.random() < 0.7
    return Plant("spelling", plan.index, who.surname, [("person", who.surname)], f"{spelled!r} for {who.surname!r}")


def _arithmetic(story: Story, planted: list[Plant], rng: random.Random) -> Plant | None:
    return (_broken_sum if rng.random() < 0.5 else _broken_range)(story, planted, rng)


def _broken_sum(story: Story, planted: list[Plant], rng: random.Random) -> Plant | None:
    candidates = [p for p in _stating(story, "aid_part_a") if _free(planted, p, "aid_total")]
    if not candidates:
        return None
    plan = rng.choice(candidates)
    part = rng.choice(("aid_part_a", "aid_part_b"))
    other = "aid_part_b" if part == "aid_part_a" else "aid_part_a"
    total, kept, changed = plan.said["aid_total"].written, plan.said[other].written, plan.said[part].written
    for _ in range(20):
        factor = rng.uniform(0.5, 0.85) if total.kind == "above" or rng.random() < 0.5 else rng.uniform(1.15, 1.6)
        wrong = replace(changed, value=(changed.value * Decimal(str(factor))).quantize(Decimal("1E5")))
        if _sum_misses(total, [kept, wrong]):
            plan.said[part] = Said(wrong)
            note = f"parts {kept.text()!r} + {wrong.text()!r} against a total of {total.text()!r}"
            tags = [("fact", "aid_total"), ("fact", part)]
            return Plant("arithmetic", plan.index, "aid_total", tags, note, also=[("agreement", [("fact", part)])])
    return None


def _sum_misses(total: Written, parts: list[Written]) -> bool:
    low = sum(p.interval()[0] for p in parts)
    high = sum(p.interval()[1] for p in parts)
    total_low, total_high = total.interval()
    slack = total.value * (Decimal("0.005") + MARGIN)
    return high + slack < total_low or low - slack > total_high


def _broken_range(story: Story, planted: list[Plant], rng: random.Random) -> Plant | None:
    candidates = [p for p in _stating(story, "aid_end") if _free(planted, p, "aid_years")]
    if not candidates:
        return None
    plan = rng.choice(candidates)
    start, end = int(plan.said["aid_start"].written.value), int(plan.said["aid_end"].written.value)
    wrong = end - rng.randint(3, 6)
    if wrong <= start + 1:
        return None
    plan.said["aid_end"] = Said(Written(Decimal(wrong), "year"))
    note = f"{plan.said['aid_years'].written.text()} years for {start}\u2013{wrong}"
    return Plant("arithmetic", plan.index, "aid_years", [("fact", "aid_years"), ("fact", "aid_end")], note)


def _timeline(story: Story, planted: list[Plant], rng: random.Random) -> Plant | None:
    stating = _stating(story, "aid_since")
    starts = len(stating) + len(_stating(story, "aid_start"))
    wrong_now = sum(1 for p in planted if p.key == "aid_since")
    if starts < 3 or (wrong_now + 1) * 3 > starts:
        return None
    candidates = [p for p in stating if _free(planted, p, "aid_since")]
    if not candidates:
        return None
    plan = rng.choice(candidates)
    start = int(story.facts["aid_since"].value)
    wrong = min(start + rng.randint(4, 12), story.date.year - 1)
    if wrong == start:
        return None
    plan.said["aid_since"] = Said(Written(Decimal(wrong), "year"))
    return Plant("timeline", plan.index, "aid_since", [("fact", "aid_since")], f"since {wrong} where the work began in {start}")


_PLANTERS = {
    "agreement": _agreement,
    "conversion": _conversion,
    "spelling": _spelling,
    "arithmetic": _arithmetic,
    "timeline": _timeline,
}
