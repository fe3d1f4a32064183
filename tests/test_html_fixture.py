"""A hand-built Report holding every kind of content the HTML report shows.

The pipeline of the sample corpus produces only some kinds of findings; this
fixture has them all: findings of several rules and severities with trails and
several cited spans (one of them a name mention, not a claim), facts with
normalised intervals and conversions, a fact in two units that cannot share an
axis, a corroborated fact, entities with several spellings, a draft and a
warning. The tests at the bottom keep the fixture honest (every span indexes
its source's text), so the renderer's tests can trust it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from factcheck.models import (
    CitedClaim,
    Claim,
    ClaimKind,
    Context,
    Conversion,
    Entity,
    Fact,
    Finding,
    Interval,
    Key,
    Keys,
    Mention,
    Quantity,
    Report,
    Role,
    Severity,
    Source,
    Span,
    Spelling,
    Story,
)

STORY = "summit"
TEXTS = {
    "kyodo": (
        "Tokyo summit\n\n"
        "Japan will invest about 3 trillion yen (€17.9 billion) in Central Asia over five years, "
        "Prime Minister Sanae Takaichi said.\n"
        "Turkmen President Serdar Berdimuhamedov signed 12 agreements worth $3.7 billion.\n"
        "A new plant will add 500 MW.\n"
    ),
    "gazeta": (
        "Japan pledged $20 billion for the region.\n\n"
        "Berdymuhamedov and the other leaders signed 15 agreements worth $3.7 billion. "
        "Ties have grown for 30 years (1993–2023).\n"
        "The plant will add 0.5 GW.\n"
    ),
    "alojapan": "More than $19 billion will flow to the region, the ministry said. Relations date back to 2006.\n",
    "draft": "Japan promised 30 trillion yen to Central Asia. Berdymuhamedov attended.\n",
}
TITLES = {
    "kyodo": ("Japan to invest 3 trillion yen in Central Asia", "Kyodo"),
    "gazeta": ("Leaders sign agreements in Tokyo", "Gazeta.uz"),
    "alojapan": ("The first summit of Central Asian and Japanese leaders", "AloJapan.com"),
    "draft": ("Our summit story", None),
}
USD_PER_JPY = Decimal("0.006385")
USD_PER_EUR = Decimal("1.1710")


def source_id(name: str) -> str:
    return f"{STORY}/{name}"


def span_of(name: str, text: str, occurrence: int = 0) -> Span:
    """The Span of the `occurrence`-th `text` in source `name`, with its line and column."""
    original = TEXTS[name]
    start = -1
    for _ in range(occurrence + 1):
        start = original.index(text, start + 1)
    line = original.count("\n", 0, start) + 1
    column = start - (original.rfind("\n", 0, start) + 1) + 1
    return Span(start=start, end=start + len(text), text=text, line=line, column=column)


def sentence_of(name: str, surface: str) -> Span:
    """The sentence (up to '.', '!' or a line end) around the first `surface` in source `name`."""
    original = TEXTS[name]
    at = original.index(surface)
    start = max(original.rfind(". ", 0, at) + 2 if original.rfind(". ", 0, at) != -1 else 0, original.rfind("\n", 0, at) + 1)
    end = min(stop for stop in (original.find(". ", at) + 1, original.find(".\n", at) + 1, len(original)) if stop > 0)
    return span_of(name, original[start:end])


def quantity(value: str, unit: str, low: str, high: str, precision: str | None = None) -> Quantity:
    return Quantity(
        value=Decimal(value),
        unit=unit,
        interval=Interval(low=Decimal(low), high=Decimal(high)),
        precision=Decimal(precision) if precision else None,
    )


def claim(name: str, surface: str, kind: ClaimKind, stated: Quantity, **extra) -> Claim:
    span = span_of(name, surface)
    return Claim(
        id=f"{source_id(name)}@{span.start}",
        source=source_id(name),
        kind=kind,
        span=span,
        stated=stated,
        context=Context(sentence=sentence_of(name, surface), paragraph=0),
        **extra,
    )


def converted(value: str, low: str, high: str, origin: str, rate: Decimal) -> dict:
    """The `normalized` and `conversion` fields of a claim converted to USD."""
    return {
        "normalized": quantity(value, "USD", low, high),
        "conversion": Conversion(
            rate=rate, rate_date=dt.date(2025, 12, 19), rate_source="ECB", origin=origin, target="USD",
            band=Decimal("0.01"),
        ),
    }


def claims() -> dict[str, Claim]:
    """Every claim of the fixture, by a short name."""
    money, count = ClaimKind.MONEY, ClaimKind.COUNT
    return {
        "yen": claim(
            "kyodo", "3 trillion yen", money, quantity("3000000000000", "JPY", "2350000000000", "3650000000000", "1000000000000"),
            qualifier="about", notes=("'yen' read as JPY",),
            **converted("19155000000", "15004750000", "23305250000", "JPY", USD_PER_JPY),
        ),
        "euro": claim(
            "kyodo", "€17.9 billion", money, quantity("17900000000", "EUR", "17850000000", "17950000000", "100000000"),
            restates=f"{source_id('kyodo')}@{span_of('kyodo', '3 trillion yen').start}",
            **converted("20960900000", "20693000000", "21229000000", "EUR", USD_PER_EUR),
        ),
        "twenty": claim(
            "gazeta", "$20 billion", money, quantity("20000000000", "USD", "15000000000", "25000000000", "10000000000"),
            notes=("a bare '$' read as USD",), normalized=quantity("20000000000", "USD", "15000000000", "25000000000"),
        ),
        "nineteen": claim(
            "alojapan", "More than $19 billion", money, quantity("19000000000", "USD", "18500000000", "28500000000"),
            qualifier="More than", normalized=quantity("19000000000", "USD", "18500000000", "28500000000"),
        ),
        "draft_yen": claim(
            "draft", "30 trillion yen", money, quantity("30000000000000", "JPY", "25000000000000", "35000000000000"),
            **converted("191550000000", "157972500000", "225127500000", "JPY", USD_PER_JPY),
        ),
        "twelve": claim("kyodo", "12 agreements", count, quantity("12", "count", "12", "12", "1")),
        "fifteen": claim("gazeta", "15 agreements", count, quantity("15", "count", "15", "15", "1")),
        "deal_kyodo": claim(
            "kyodo", "$3.7 billion", money, quantity("3700000000", "USD", "3650000000", "3750000000", "100000000"),
            normalized=quantity("3700000000", "USD", "3650000000", "3750000000"),
        ),
        "deal_gazeta": claim(
            "gazeta", "$3.7 billion", money, quantity("3700000000", "USD", "3650000000", "3750000000", "100000000"),
            normalized=quantity("3700000000", "USD", "3650000000", "3750000000"),
        ),
        "megawatt": claim("kyodo", "500 MW", ClaimKind.PHYSICAL, quantity("500", "MW", "450", "550", "100")),
        "gigawatt": claim("gazeta", "0.5 GW", ClaimKind.PHYSICAL, quantity("0.5", "GW", "0.45", "0.55", "0.1")),
        "years": claim("gazeta", "30 years", ClaimKind.DURATION, quantity("30", "year", "25", "35", "10")),
        "since": claim("alojapan", "2006", ClaimKind.YEAR, quantity("2006", "year", "2006", "2006"), role="since"),
    }


def facts(by_name: dict[str, Claim]) -> dict[str, Fact]:
    """The facts, by a short name."""
    def fact(fact_id: str, label: str, kind: ClaimKind, names: list[str], **extra) -> Fact:
        return Fact(id=fact_id, story=STORY, label=label, kind=kind, claims=tuple(by_name[n].id for n in names), **extra)

    return {
        "target": fact(
            "fact-target", "Japan's five-year investment in Central Asia", ClaimKind.MONEY,
            ["yen", "euro", "twenty", "nineteen", "draft_yen"], reasons=("invest", "Central Asia", "five-year")),
        "agreements": fact("fact-agreements", "agreements signed", ClaimKind.COUNT, ["twelve", "fifteen"]),
        "deals": fact("fact-deals", "value of the agreements", ClaimKind.MONEY, ["deal_kyodo", "deal_gazeta"]),
        "plant": fact("fact-plant", "capacity of the new plant", ClaimKind.PHYSICAL, ["megawatt", "gigawatt"]),
        "ties": fact("fact-ties", "how long ties have grown", ClaimKind.DURATION, ["years", "since"], declared=True),
    }


def cite(c: Claim, path: str | None = None) -> CitedClaim:
    name = c.source.split("/", 1)[1]
    return CitedClaim(
        claim=c.id, source=c.source, path=path or f"{STORY}/{name}.txt", start=c.span.start, end=c.span.end,
        line=c.span.line, column=c.span.column, surface=c.surface,
    )


def finding(rule: str, severity: Severity, message: str, cited: list[CitedClaim], **extra) -> Finding:
    return Finding(
        rule=rule, severity=severity, message=message, fingerprint=f"{rule}-{len(message):04d}{cited[0].start:05d}",
        identity=f"id-{rule}-{cited[0].start}", story=STORY, claims=tuple(cited), **extra,
    )


def findings(c: dict[str, Claim]) -> list[Finding]:
    """One or more findings of every rule the product has."""
    mention = span_of("gazeta", "Berdymuhamedov")
    spelled = CitedClaim(
        claim="entity-berdimuhamedov@gazeta", source=source_id("gazeta"), path=f"{STORY}/gazeta.txt",
        start=mention.start, end=mention.end, line=mention.line, column=mention.column, surface=mention.text,
    )
    return [
        finding("single_source", Severity.INFO, "Only Kyodo gives the capacity of the new plant in MW.", [cite(c["megawatt"])],
                fact="fact-plant", observed="500 MW"),
        finding("agreement", Severity.ERROR, "Your draft says 30 trillion yen ($192 billion); the sources say about $19–21 billion.",
                [cite(c["draft_yen"]), cite(c["yen"]), cite(c["twenty"])], fact="fact-target", draft=True,
                expected="$15–25 billion", observed="$158–225 billion",
                trail=("stated: 30 trillion yen", "parsed: 30000000000000 JPY", "rate: 1 JPY = 0.006385 USD (ECB, 2025-12-19)",
                       "normalised: $158–225 billion", "no overlap with $18.5–23.3 billion (the other sources)")),
        finding("conversion", Severity.WARNING, "Kyodo converts 3 trillion yen to €17.9 billion; the ECB rate gives €16.4 billion.",
                [cite(c["yen"]), cite(c["euro"])], fact="fact-target", expected="€16.2–16.6 billion", observed="€17.9 billion",
                trail=("3 trillion yen → $19.16 billion", "$19.16 billion → €16.36 billion at 1.171 USD/EUR", "off by 9.4 % (band 1 %)")),
        finding("agreement", Severity.WARNING, "Kyodo counts 12 agreements; Gazeta.uz counts 15.", [cite(c["twelve"]), cite(c["fifteen"])],
                fact="fact-agreements", expected="12", observed="15", trail=("12 ≠ 15 (counts are exact)",)),
        finding("spelling", Severity.WARNING, "Berdimuhamedov is spelled Berdymuhamedov in Gazeta.uz and your draft.", [spelled],
                expected="Berdimuhamedov", observed="Berdymuhamedov", trail=("house style: Berdimuhamedov (rules/entities.toml)",)),
        finding("arithmetic", Severity.WARNING, "30 years does not match 1993–2023 (exactly 30 years); the stated range fits.",
                [cite(c["years"])], fact="fact-ties", trail=("2023 − 1993 = 30",)),
        finding("timeline", Severity.INFO, "AloJapan.com dates the ties from 2006; Gazeta.uz from 1993.",
                [cite(c["since"]), cite(c["years"])], fact="fact-ties", trail=("since 2006 vs 1993–2023",)),
    ]


def entities() -> tuple[Entity, ...]:
    spellings = (
        Spelling(text="Berdimuhamedov", count=1, sources=(source_id("kyodo"),), form="preferred",
                 mentions=(Mention(source=source_id("kyodo"), span=span_of("kyodo", "Berdimuhamedov")),)),
        Spelling(text="Berdymuhamedov", count=2, sources=(source_id("gazeta"), source_id("draft")), form="variant",
                 mentions=(Mention(source=source_id("gazeta"), span=span_of("gazeta", "Berdymuhamedov")),
                           Mention(source=source_id("draft"), span=span_of("draft", "Berdymuhamedov")))),
    )
    takaichi = (Spelling(text="Sanae Takaichi", count=1, sources=(source_id("kyodo"),),
                         mentions=(Mention(source=source_id("kyodo"), span=span_of("kyodo", "Sanae Takaichi")),)),)
    return (
        Entity(id="entity-berdimuhamedov", name="Berdimuhamedov", kind="person", spellings=spellings, authority=True),
        Entity(id="entity-takaichi", name="Sanae Takaichi", kind="person", spellings=takaichi),
    )


def sources() -> tuple[Source, ...]:
    def source(name: str) -> Source:
        title, outlet = TITLES[name]
        return Source(
            id=source_id(name), story=STORY, path=f"{STORY}/{name}.txt", title=title, outlet=outlet,
            url=f"https://example.org/{name}" if outlet else None, published=dt.date(2025, 12, 21) if outlet else None,
            role=Role.DRAFT if name == "draft" else Role.SOURCE, text=TEXTS[name],
        )

    return tuple(source(name) for name in TEXTS)


def rich_report() -> Report:
    """The full fixture: every kind of finding, fact, name and source the page shows."""
    by_name = claims()
    return Report(
        tool_version="0.0-test",
        stories=(Story(id=STORY, name="Central Asia + Japan summit (fixture)", reference_date=dt.date(2025, 12, 20)),),
        sources=sources(),
        claims=tuple(by_name.values()),
        facts=tuple(facts(by_name).values()),
        entities=entities(),
        findings=tuple(findings(by_name)),
        warnings=("summit/notes.pdf: skipped, not a text file",),
    )


def test_every_span_of_the_fixture_indexes_its_source():
    report = rich_report()
    texts = {source.id: source.text for source in report.sources}
    spans = [(c.source, c.span) for c in report.claims] + [(c.source, c.context.sentence) for c in report.claims]
    spans += [(m.source, m.span) for e in report.entities for s in e.spellings for m in s.mentions]
    for source, span in spans:
        assert texts[source][span.start : span.end] == span.text
    for finding in report.findings:
        for cited in finding.claims:
            assert texts[cited.source][cited.start : cited.end] == cited.surface


def test_the_fixture_has_every_kind_of_content():
    report = rich_report()
    assert {f.rule for f in report.findings} >= {"agreement", "conversion", "spelling", "arithmetic", "timeline", "single_source"}
    assert {f.severity for f in report.findings} == set(Severity)
    assert any(f.draft for f in report.findings) and any(s.role is Role.DRAFT for s in report.sources)
    assert any(c.conversion for c in report.claims) and any(len(e.spellings) > 1 for e in report.entities)


# A developing story: a death toll reported at several times -----------------------------------------------------------

QUAKE = "quake"
QUAKE_TEXTS = {
    "wire": "The toll rose to 1,500 deaths by 6 pm, officials said. The quake had a magnitude of 7.8.\n",
    "daily": "At least 2,300 people were killed in Turkey, the ministry said.\n",
    "monitor": "Only 900 deaths have been confirmed in Turkey. The quake measured 7.7.\n",
    "late": "More than 20,000 people died in Turkey.\n",
}
QUAKE_PUBLISHED = {
    "wire": dt.datetime(2023, 2, 6, 18, 0),
    "daily": dt.datetime(2023, 2, 7, 9, 30),
    "monitor": dt.datetime(2023, 2, 8, 12, 0),
    "late": None,  # no date of its own: its as-of falls back to the story's date, a guess
}


def quake_span(name: str, text: str) -> Span:
    original = QUAKE_TEXTS[name]
    start = original.index(text)
    return Span(start=start, end=start + len(text), text=text, line=1, column=start + 1)


def quake_key(value: str | None, label: str | None, words: tuple[str, ...], rule: str, confidence: float) -> Key:
    return Key(value=value, label=label, words=words, rule=rule, confidence=confidence)


def quake_claim(name: str, surface: str, value: str, low: str, high: str, *, measure: Key, subject: Key,
                kind: ClaimKind = ClaimKind.COUNT, unit: str = "count") -> Claim:
    span = quake_span(name, surface)
    original = QUAKE_TEXTS[name]
    sentence_start = original.rfind(". ", 0, span.start) + 2 if original.rfind(". ", 0, span.start) != -1 else 0
    sentence_end = original.index(".", span.end) + 1
    published = QUAKE_PUBLISHED[name]
    as_of = (quake_key(published.isoformat(timespec="minutes"), f"{published:%d %b %Y %H:%M}", (),
                       "the source's publication date and time", 0.9)
             if published else quake_key("2023-02-06", "06 Feb 2023", (), "the story's date (the source has none)", 0.3))
    return Claim(
        id=f"{QUAKE}/{name}@{span.start}", source=f"{QUAKE}/{name}", kind=kind, span=span,
        stated=quantity(value, unit, low, high), normalized=quantity(value, unit, low, high),
        context=Context(sentence=quake_span(name, original[sentence_start:sentence_end]), paragraph=0),
        keys=Keys(measure=measure, subject=subject, as_of=as_of,
                  scope=quake_key(None, None, (), "no scope word next to the figure", 0.8)),
    )


def quake_claims() -> dict[str, Claim]:
    deaths = quake_key("deaths", "Deaths", ("deaths",), "the word right after the figure", 0.9)
    killed = quake_key("deaths", "Deaths", ("killed",), "the nearest cue of the sentence", 0.6)  # a guess
    died = quake_key("deaths", "Deaths", ("died",), "the word right after the figure", 0.9)
    turkey = quake_key("turkey", "Türkiye", ("Turkey",), "the nearest name of the sentence", 0.8)
    story = quake_key(None, "the story as a whole", (), "no name in or before its sentence", 0.5)
    magnitude = quake_key("quake_magnitude", "Earthquake magnitude", ("magnitude",), "the word governing the figure", 0.85)
    return {
        "wire": quake_claim("wire", "1,500 deaths", "1500", "1500", "1500", measure=deaths, subject=story),
        "daily": quake_claim("daily", "2,300 people", "2300", "2300", "3450", measure=killed, subject=turkey),
        "monitor": quake_claim("monitor", "900 deaths", "900", "900", "900", measure=deaths, subject=turkey),
        "late": quake_claim("late", "20,000 people", "20000", "20000", "30000", measure=died, subject=turkey),
        "wire_magnitude": quake_claim("wire", "7.8", "7.8", "7.75", "7.85", measure=magnitude, subject=story,
                                      kind=ClaimKind.PHYSICAL, unit="dimensionless"),
        "monitor_magnitude": quake_claim("monitor", "7.7", "7.7", "7.65", "7.75", measure=magnitude, subject=story,
                                         kind=ClaimKind.PHYSICAL, unit="dimensionless"),
    }


def quake_report() -> Report:
    """A toll that rises over three days, one report below an earlier one, and a magnitude that does not develop."""
    by_name = quake_claims()
    toll = Fact(id="fact-toll", story=QUAKE, label="Deaths — Türkiye", kind=ClaimKind.COUNT, measure="deaths",
                develops=True, cumulative=True, claims=tuple(by_name[n].id for n in ("wire", "daily", "monitor", "late")))
    magnitude = Fact(id="fact-magnitude", story=QUAKE, label="Earthquake magnitude", kind=ClaimKind.PHYSICAL,
                     measure="quake_magnitude", claims=(by_name["wire_magnitude"].id, by_name["monitor_magnitude"].id))

    def quake_cite(c: Claim) -> CitedClaim:
        return CitedClaim(claim=c.id, source=c.source, path=f"{c.source}.md", start=c.span.start, end=c.span.end,
                          line=1, column=c.span.column, surface=c.surface)

    def quake_finding(rule: str, severity: Severity, message: str, cited: list[Claim], fact: str) -> Finding:
        return Finding(rule=rule, severity=severity, message=message, fingerprint=f"{rule}-{cited[0].id}",
                       identity=f"id-{rule}-{cited[0].id}", story=QUAKE, fact=fact,
                       claims=tuple(quake_cite(c) for c in cited), trail=(f"rule: {rule}",))

    found = (
        quake_finding("developing", Severity.ERROR, "The Monitor gives 900 deaths as of 08 Feb, below the 2,300 of 07 Feb.",
                      [by_name["monitor"], by_name["daily"]], "fact-toll"),
        quake_finding("agreement", Severity.INFO, "The Wire says 7.8; the Monitor 7.7.",
                      [by_name["wire_magnitude"], by_name["monitor_magnitude"]], "fact-magnitude"),
    )
    outlets = {"wire": "The Wire", "daily": "Daily News", "monitor": "The Monitor", "late": "Late Edition"}
    return Report(
        tool_version="0.0-test",
        stories=(Story(id=QUAKE, name="Earthquake (fixture)", reference_date=dt.date(2023, 2, 6)),),
        sources=tuple(
            Source(id=f"{QUAKE}/{name}", story=QUAKE, path=f"{QUAKE}/{name}.md", title=f"{outlets[name]} story",
                   outlet=outlets[name], published=QUAKE_PUBLISHED[name].date() if QUAKE_PUBLISHED[name] else None,
                   published_at=QUAKE_PUBLISHED[name], text=text)
            for name, text in QUAKE_TEXTS.items()
        ),
        claims=tuple(by_name.values()),
        facts=(toll, magnitude),
        entities=(),
        findings=found,
    )


def test_every_span_of_the_quake_fixture_indexes_its_source():
    report = quake_report()
    texts = {source.id: source.text for source in report.sources}
    for claim in report.claims:
        assert texts[claim.source][claim.span.start : claim.span.end] == claim.surface
        assert texts[claim.source][claim.context.sentence.start : claim.context.sentence.end] == claim.context.sentence.text
        assert claim.surface in claim.context.sentence.text
