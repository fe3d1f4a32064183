"""A generated story: its event, its facts with their true values, and what each source says of them.

Every figure of a story comes from one of its facts, so sources disagree only
where a discrepancy is planted (`plant.py`). A source mentions a random
subset of the facts (`GROUPS`), each written its own way: rounded to suit
its qualifier, in the story's currencies converted at the source's own date,
sometimes with an in-text conversion in brackets.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from decimal import Decimal

from bench import rates, templates
from bench.world import DONORS, PARTNERS, Donor, Partner, Person, person
from bench.writing import Written, rounded, true_count, true_money

FIRST_DAY = dt.date(2012, 1, 2)
LAST_DAY = dt.date(2025, 12, 19)


@dataclass(frozen=True)
class Fact:
    """One checkable thing a story is about, with its true value."""

    key: str
    kind: str  # money, count, year, duration
    value: float
    unit: str  # currency code, 'count', 'year'
    noun: str = ""
    partner: str | None = None


@dataclass
class Said:
    """What one source writes for one fact: the figure, and maybe its in-text conversion."""

    written: Written
    bracket: Written | None = None


@dataclass
class SourcePlan:
    """One article to write: which groups of facts it covers and how it states each fact."""

    index: int
    name: str  # file name
    date: dt.date  # conversion date: its publication date, else the story's
    published: dt.date | None
    markdown: bool
    groups: list[str]
    title: str = ""
    lede: str = ""
    texts: dict[str, str] = field(default_factory=dict)  # group -> the template it is written with
    said: dict[str, Said] = field(default_factory=dict)
    spellings: dict[str, str] = field(default_factory=dict)  # canonical surname -> variant written
    variant_everywhere: bool = True
    escaped_dollars: bool = False
    outlet: str | None = None


@dataclass
class Story:
    """A story's world (who and where), its facts and its sources' plans."""

    id: str
    date: dt.date
    currency: str
    donor: Donor
    partners: list[Partner]
    region: str
    people: dict[str, Person]  # role -> person: 'donor_leader', 'leader:<partner>', 'analyst'
    horizon: int
    facts: dict[str, Fact] = field(default_factory=dict)
    sources: list[SourcePlan] = field(default_factory=list)


# Groups of facts a source may cover, how likely, and which facts each group states.
GROUPS: dict[str, tuple[float, tuple[str, ...]]] = {
    "pledge": (0.85, ("pledge",)),
    "agreements": (0.6, ("agreements", "agreements_worth")),
    "investment": (0.4, ("investment",)),
    "portfolio": (0.35, ("portfolio",)),
    "trade": (0.35, ("trade",)),
    "relations": (0.3, ("relations",)),
    "firms": (0.2, ("firms",)),
    "documents": (0.45, ("documents",)),
    "aid": (0.3, ("aid_years", "aid_start", "aid_end", "aid_projects", "aid_total", "aid_part_a", "aid_part_b")),
    "aid_since": (0.3, ("aid_since",)),
    "scholarships": (0.2, ("scholarships", "trained")),
}
PER_PARTNER = {"agreements", "investment", "portfolio", "trade", "relations", "firms"}
OUTLETS = ("Eurasia Review", "The Diplomat", "Asia Times", "Trend", "Kabar", "Daily News Wire", "Global Ledger",
           "Silk Road Briefing", "Regional Monitor", "Business Courier")  # fmt: skip


def new_story(story_id: str, sources: int, rng: random.Random) -> Story:
    """A story with its facts and `sources` source plans."""
    donor = rng.choice(DONORS)
    region = rng.choice(sorted({p.region for p in PARTNERS}))
    members = [p for p in PARTNERS if p.region == region]
    partners = rng.sample(members, k=min(len(members), rng.choice((1, 1, 2, 3))))
    if len(partners) == 1:
        region = partners[0].name
    date = FIRST_DAY + dt.timedelta(days=rng.randrange((min(LAST_DAY, rates.last_day()) - FIRST_DAY).days))
    taken: set[str] = set()
    people = {"donor_leader": person(donor.people, donor.leader_title, rng, taken)}
    for partner in partners:
        people[f"leader:{partner.name}"] = person(partner.people, "President", rng, taken)
    people["analyst"] = person(partners[0].people, "political scientist", rng, taken)
    story = Story(story_id, date, "EUR" if donor.currency == "EUR" and rng.random() < 0.5 else "USD",
                  donor, partners, region, people, rng.choice((3, 5, 5, 10)))  # fmt: skip
    story.facts = _facts(story, rng)
    story.sources = [_plan(story, index, rng) for index in range(sources)]
    return story


def _facts(story: Story, rng: random.Random) -> dict[str, Fact]:
    donor, year = story.donor, story.date.year
    pledge_usd = rng.choice((1, 2, 3, 5, 8, 10, 15, 20, 25, 30)) * 1e9
    native = rounded(rates.convert(pledge_usd, "USD", donor.currency, story.date), rng.choice((1, 2)), "exact")
    facts = [Fact("pledge", "money", float(native), donor.currency)]
    for partner in story.partners:
        p = partner.name
        facts += [
            Fact(f"agreements:{p}", "count", rng.randint(5, 150), "count", "agreements", p),
            Fact(f"agreements_worth:{p}", "money", _usd(rng, 0.3, 10, 3), "USD", partner=p),
            Fact(f"investment:{p}", "money", _usd(rng, 1, 20, 2), "USD", partner=p),
            Fact(f"portfolio:{p}", "money", _usd(rng, 1, 20, 2), "USD", partner=p),
            Fact(f"trade:{p}", "money", _usd(rng, 0.1, 40, 3), "USD", partner=p),
            Fact(f"relations:{p}", "year", rng.randint(1991, 1995), "year", partner=p),
            Fact(f"firms:{p}", "count", rng.randint(12, 300), "count", "firms", p),
        ]
    start = rng.randint(1990, year - 12)
    total = round(rng.uniform(50, 900), 1)
    part_a = round(total * rng.uniform(0.15, 0.4), 1)
    facts += [
        Fact("documents", "count", rng.randint(40, 300), "count", "documents"),
        Fact("aid_start", "year", start, "year"),
        Fact("aid_end", "year", year - 1, "year"),
        Fact("aid_years", "duration", year - 1 - start, "year"),
        Fact("aid_since", "year", start, "year"),
        Fact("aid_projects", "count", rng.randint(20, 200), "count", "projects"),
        Fact("aid_total", "money", total * 1e6, "USD"),
        Fact("aid_part_a", "money", part_a * 1e6, "USD"),
        Fact("aid_part_b", "money", round(total - part_a, 1) * 1e6, "USD"),
        Fact("scholarships", "count", rng.randint(10, 50), "count", "scholarships"),
        Fact("trained", "count", rng.randint(500, 5000), "count", "specialists"),
    ]
    return {fact.key: fact for fact in facts}


def _usd(rng: random.Random, low: float, high: float, digits: int) -> float:
    value = rng.uniform(low, high) * 1e9
    return float(f"{value:.{digits}g}")


def _plan(story: Story, index: int, rng: random.Random) -> SourcePlan:
    published = story.date + dt.timedelta(days=rng.randint(0, 2)) if rng.random() < 0.5 else None
    markdown = rng.random() < 0.2
    plan = SourcePlan(
        index=index,
        name=f"{index:03d}_{rng.getrandbits(64):016x}.{'md' if markdown else 'txt'}",
        date=published or story.date,
        published=published,
        markdown=markdown,
        groups=_groups(story, rng),
        escaped_dollars=rng.random() < 0.1,
        outlet=rng.choice(OUTLETS) if rng.random() < 0.5 else None,
    )
    plan.title = rng.choice([t for t in templates.TITLES if "pledge" in plan.groups or "{pledge}" not in t])
    plan.lede = rng.choice(templates.LEDES)
    for group in plan.groups:
        choices = templates.FACTS[group.partition(":")[0]]
        plan.texts[group] = rng.choice(choices)
        written = templates.slots(plan.texts[group])
        for key in facts_of(story, group):
            if key.partition(":")[0] in written:
                plan.said[key] = say(story, story.facts[key], plan.date, rng, with_bracket=group == "pledge")
    return plan


def _groups(story: Story, rng: random.Random) -> list[str]:
    chosen = []
    for group, (chance, _) in GROUPS.items():
        if group == "documents" and len(story.partners) == 1:
            continue  # the summit's documents and the bilateral agreements would be one thing: not a fair test
        targets = [f"{group}:{p.name}" for p in story.partners] if group in PER_PARTNER else [group]
        chosen += [target for target in targets if rng.random() < chance]
    if not chosen:
        chosen.append("pledge")
    rng.shuffle(chosen)
    return chosen


def facts_of(story: Story, group: str) -> list[str]:
    """The fact keys a group states (`agreements:Kazakhstan` -> its count and its worth)."""
    name, _, partner = group.partition(":")
    keys = GROUPS[name][1]
    return [f"{key}:{partner}" if partner else key for key in keys if (f"{key}:{partner}" if partner else key) in story.facts]


def say(story: Story, fact: Fact, day: dt.date, rng: random.Random, with_bracket: bool = False) -> Said:
    """How a source states a fact truthfully, at its own date's rates."""
    if fact.kind in ("year", "duration"):
        return Said(Written(Decimal(int(fact.value)), "year"))
    if fact.kind == "count":
        return Said(true_count(int(fact.value), fact.noun, rng))
    currency = _currency(story, fact, rng)
    precise = fact.key.startswith("aid_")
    kind = (rng.choice(("exact", "above")) if fact.key == "aid_total" else "exact") if precise else None
    written = true_money(rates.convert(fact.value, fact.unit, currency, day), currency, rng,
                         digits=4 if precise else None, kind=kind)  # fmt: skip
    bracket = None
    if with_bracket and rng.random() < 0.5:
        other = "USD" if currency != "USD" else ("EUR" if story.donor.currency in ("USD", "EUR") else story.donor.currency)
        bracket = true_money(rates.convert(float(written.value), currency, other, day), other, rng)
    return Said(written, bracket)


def _currency(story: Story, fact: Fact, rng: random.Random) -> str:
    if fact.key.startswith("aid_"):
        return "USD"
    if fact.key == "pledge":
        return rng.choice((story.donor.currency, story.donor.currency, "USD", "EUR"))
    return rng.choices(("USD", "EUR", story.donor.currency), weights=(8, 1, 1))[0]
