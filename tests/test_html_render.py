"""The HTML renderer without a browser: escaping, determinism, deep links, the page's structure."""

from __future__ import annotations

import base64
import hashlib
import re
from html import unescape
from html.parser import HTMLParser

from decimal import Decimal

import pytest

from factcheck.models import Finding, Interval, Key, Keys, Report, Severity
from factcheck.render import render
from factcheck.figures import shorten
from factcheck.render.html import KeyView, anchor, fact_anchor, key_views, safe_url, sentence_parts, span_anchor
from tests.test_html_fixture import quake_report, rich_report

PAYLOADS = (
    '<script>window.__pwned = 1; alert(1)</script>',
    '<img src=x onerror="window.__pwned = 2; alert(2)">',
    'javascript:alert(3)',
    '"><svg onload=alert(4)>',
    "'><iframe srcdoc='<script>alert(5)</script>'></iframe>",
    '</textarea></style></script><b onmouseover=alert(6)>x</b>',
    '{{ 7 * 7 }}{% raw %}',
)
HOSTILE = " ".join(PAYLOADS)


class Page(HTMLParser):
    """What a browser would build from the page: tags, their attributes, and ids."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    def ids(self) -> list[str]:
        return [attrs["id"] for _, attrs in self.tags if attrs.get("id")]

    def hrefs(self) -> list[str]:
        return [attrs["href"] for _, attrs in self.tags if attrs.get("href")]


def hostile_report() -> Report:
    """The fixture with a payload in every string that comes from a source, a rules file or a check."""
    report = rich_report()
    sources = tuple(
        source.model_copy(update={"title": HOSTILE, "outlet": HOSTILE, "url": "javascript:alert(3)", "text": source.text + HOSTILE})
        for source in report.sources
    )
    claims = tuple(claim.model_copy(update={"notes": (HOSTILE,), "qualifier": HOSTILE}) for claim in report.claims)
    facts = tuple(fact.model_copy(update={"label": HOSTILE, "reasons": (HOSTILE,)}) for fact in report.facts)
    entities = tuple(
        entity.model_copy(update={"name": HOSTILE, "kind": HOSTILE, "spellings": tuple(
            spelling.model_copy(update={"text": HOSTILE}) for spelling in entity.spellings
        )})
        for entity in report.entities
    )
    findings = tuple(
        finding.model_copy(update={"message": HOSTILE, "trail": (HOSTILE,), "expected": HOSTILE, "observed": HOSTILE,
                                   "rule": HOSTILE})
        for finding in report.findings
    )
    stories = tuple(story.model_copy(update={"name": HOSTILE}) for story in report.stories)
    return report.model_copy(update={
        "sources": sources, "claims": claims, "facts": facts, "entities": entities, "findings": findings,
        "stories": stories, "warnings": (HOSTILE,), "stamp": HOSTILE,
    })


@pytest.fixture(scope="module")
def rich_html() -> str:
    return render(rich_report(), "html")


# Escaping -------------------------------------------------------------------------------------------------------------


def test_no_payload_becomes_markup():
    html = render(hostile_report(), "html")
    page = Page(html)
    tags = [tag for tag, _ in page.tags]
    assert tags.count("script") == 1
    assert not {"img", "iframe", "textarea"} & set(tags)
    assert tags.count("svg") == html.count('<svg viewBox="0 0 ')
    assert [(tag, name) for tag, attrs in page.tags for name in attrs if name.startswith("on")] == []
    assert [href for href in page.hrefs() if not href.startswith("#")] == []  # the javascript: URLs stay text
    text = "".join(page.text)
    for payload in PAYLOADS:
        assert payload in text  # shown, as text an editor can read


def test_payloads_are_escaped_in_attributes_and_text():
    html = render(hostile_report(), "html")
    assert "<script>window.__pwned" not in html
    assert "&lt;script&gt;window.__pwned" in html
    assert 'onerror="window' not in html
    assert "{{ 7 * 7 }}{% raw %}" in html  # data is never read as a template


def test_the_page_allows_only_its_own_script_and_style():
    html = render(rich_report(), "html")
    policy = unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1))
    script = re.search(r"<script>(.*?)</script>", html, re.S).group(1)
    style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    for name, body in (("script-src", script), ("style-src", style)):
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"{name} 'sha256-{digest}'" in policy
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy


def test_nothing_is_loaded_from_the_network(rich_html):
    page = Page(rich_html)
    assert not [attrs for tag, attrs in page.tags if attrs.get("src")]
    assert not [tag for tag, _ in page.tags if tag == "link"]
    assert "url(" not in rich_html and "@import" not in rich_html


def test_only_plain_web_urls_become_links():
    assert safe_url("https://example.org/a") == "https://example.org/a"
    assert safe_url("HTTP://example.org") == "HTTP://example.org"
    for url in ("javascript:alert(1)", " javascript:alert(1)", "data:text/html,<b>", "vbscript:x", "//evil", None, ""):
        assert safe_url(url) is None


def test_a_figure_beyond_decimal_precision_renders():
    report = rich_report()
    huge = Decimal("9" * 400)
    first = report.claims[0]
    stated = first.stated.model_copy(update={"value": huge, "interval": Interval(low=huge, high=huge * 2)})
    claims = (first.model_copy(update={"stated": stated, "normalized": None}),) + report.claims[1:]
    html = render(report.model_copy(update={"claims": claims}), "html")
    assert "¥1E400" in html and "¥1E400–2E400" in html  # stated value, and its range


# Determinism and stamps -----------------------------------------------------------------------------------------------


def test_same_report_same_bytes(rich_html):
    assert render(rich_report(), "html") == rich_html


def test_a_report_read_back_from_json_renders_the_same_bytes(rich_html):
    again = Report.model_validate_json(render(rich_report(), "json"))
    assert render(again, "html") == rich_html


def test_no_time_in_the_page_unless_stamped(rich_html):
    assert 'id="stamp"' not in rich_html
    assert not re.search(r"20\d\d-\d\d-\d\dT\d\d:\d\d", rich_html)
    stamped = render(rich_report().model_copy(update={"stamp": "2026-01-02T03:04:05+00:00"}), "html")
    assert '<time id="stamp">2026-01-02T03:04:05+00:00</time>' in stamped


# Deep links -----------------------------------------------------------------------------------------------------------


def test_ids_are_unique_and_every_link_lands(rich_html):
    page = Page(rich_html)
    ids = page.ids()
    assert len(ids) == len(set(ids))
    missing = [href for href in page.hrefs() if href.startswith("#") and href[1:] not in set(ids)]
    assert missing == []


def test_findings_and_facts_have_stable_deep_links(rich_html):
    report = rich_report()
    ids = set(Page(rich_html).ids())
    for finding in report.findings:
        assert f"finding-{finding.fingerprint}" in ids
    for fact in report.facts:
        assert fact_anchor(fact.id) in ids
    assert fact_anchor("fact-d9074c637f23") == "fact-d9074c637f23"
    assert fact_anchor("target") == "fact-target"


def test_deep_links_do_not_move_when_unrelated_text_moves():
    report = rich_report()
    moved = report.model_copy(update={"sources": tuple(
        source.model_copy(update={"text": source.text + "\nAn unrelated line at the end."}) for source in report.sources
    )})
    def links(html):
        return sorted(i for i in Page(html).ids() if i.startswith(("finding-", "fact-")))
    assert links(render(report, "html")) == links(render(moved, "html"))


def test_anchor_is_injective_and_html_safe():
    raw = ["seeds/a@1", "seeds_a@1", "seeds/a_1", "x y", "é", "a-b.c"]
    made = [anchor("span", value) for value in raw]
    assert len(set(made)) == len(raw)
    assert all(re.fullmatch(r"[A-Za-z0-9._~-]+", value) for value in made)
    assert span_anchor("s/a", 1, 5) != span_anchor("s/a", 1, 6)


def test_duplicate_fingerprints_still_get_distinct_ids():
    report = rich_report()
    twice = report.model_copy(update={"findings": report.findings + report.findings[:1]})
    ids = Page(render(twice, "html")).ids()
    assert len(ids) == len(set(ids))


# What the page shows --------------------------------------------------------------------------------------------------


def _count(html: str, name: str) -> int:
    return int(re.search(rf'id="summary-{name}" data-count="(\d+)"', html).group(1))


@pytest.mark.parametrize("which", ["rich", "seeds"])
def test_summary_counts_are_the_reports(which, request):
    report = rich_report() if which == "rich" else request.getfixturevalue("seeds_report")
    html = render(report, "html")
    summary = report.summary
    assert [_count(html, n) for n in ("sources", "claims", "facts")] == [summary.sources, summary.claims, summary.facts]
    for severity in Severity:
        assert _count(html, severity.value) == summary.findings[severity.value]


def test_findings_come_draft_first_then_by_severity(rich_html):
    order = re.findall(r'<li class="finding sev-(\w+)( in-draft)?"', rich_html)
    assert order[0] == ("error", " in-draft")
    ranks = [Severity(severity).rank for severity, draft in order if not draft]
    assert ranks == sorted(ranks, reverse=True)
    assert 'id="draft-summary"' in rich_html


def test_every_finding_shows_its_trail_values_and_links(rich_html):
    for finding in rich_report().findings:
        block = rich_html.split(f'id="finding-{finding.fingerprint}"', 1)[1].split("data-item=", 2)[1]
        text = unescape(block)
        for shown in (finding.message, *finding.trail, finding.expected or "", finding.observed or ""):
            assert shown in text
        for cited in finding.claims:
            assert f'href="#{span_anchor(cited.source, cited.start, cited.end)}"' in block


def test_disputed_facts_are_open_and_corroborated_ones_closed(rich_html):
    def opening(fact_id: str) -> str:
        return re.search(rf'<details class="fact[^>]*id="{fact_anchor(fact_id)}"[^>]*>', rich_html).group(0)
    assert opening("fact-target").endswith(" open>")
    assert "status-disputed" in opening("fact-target")
    assert "status-corroborated" in opening("fact-deals") and not opening("fact-deals").endswith(" open>")


def test_fact_cards_read_like_an_editor_writes(rich_html):
    for text in ("¥3 trillion", "€17.9 billion", "$20 billion", "$19.2 billion", "¥2.35–3.65 trillion", "30 years",
                 "1 JPY = 0.006385 USD (ECB, Dec 19, 2025, ±1%)", "500 MW"):
        assert text in rich_html, text


def test_a_fact_in_two_units_gets_one_axis_per_unit(rich_html):
    card = rich_html.split(f'id="{fact_anchor("fact-plant")}"', 1)[1].split("</details>", 1)[0]
    assert card.count("<svg") == 2 and "different units" in card


def test_sentence_highlights_the_figure_inside_its_sentence():
    claim = rich_report().claims[0]
    before, figure, after = sentence_parts(claim)
    assert figure == claim.surface and before + figure + after == claim.context.sentence.text
    moved = claim.model_copy(update={"span": claim.span.model_copy(update={"start": 0, "end": 3})})
    assert sentence_parts(moved) == (claim.context.sentence.text, "", "")


def test_source_text_is_shown_whole_with_every_claim_marked(rich_html):
    for source in rich_report().sources:
        section = rich_html.split(f'id="{anchor("source", source.id)}"', 1)[1].split("</details>", 1)[0]
        body = re.sub(r'<span class="tip" role="tooltip".*?</span>(?=</mark>)', "", section.split('<div class="text"', 1)[1], flags=re.S)
        assert "".join(Page(body.split(">", 1)[1].split("</div>", 1)[0]).text) == source.text
    for claim in rich_report().claims:
        assert f'<mark id="{span_anchor(claim.source, claim.span.start, claim.span.end)}"' in rich_html


def test_names_section_lists_every_spelling_and_marks_the_preferred(rich_html):
    names = rich_html.split('id="names"', 1)[1].split("</section>", 1)[0]
    assert "Berdymuhamedov" in names and 'class="preferred"' in names and "house style" in names
    assert names.index("Berdimuhamedov") < names.index("Berdymuhamedov</span> <span class=\"form variant\">")
    assert "Takaichi" not in names  # one spelling: nothing to look at


def test_shorten_cuts_at_a_word():
    assert shorten("The solar plexus of the East: Japan and Central Asia", 30) == "The solar plexus of the East…"
    assert shorten("short", 30) == "short"
    assert shorten("Supercalifragilisticexpialidocious", 10) == "Supercali…"


def test_seeds_report_renders_every_section(seeds_report):
    html = render(seeds_report, "html")
    for section in ("summary", "findings", "facts", "names", "sources"):
        assert f'<section id="{section}"' in html
    assert html.count('<details class="source') == len(seeds_report.sources)


# Developing counts, keys and folded information -----------------------------------------------------------------------


def _card(html: str, fact_id: str) -> str:
    return html.split(f'id="{fact_anchor(fact_id)}"', 1)[1].split("</details>", 1)[0]


@pytest.fixture(scope="module")
def quake_html() -> str:
    return render(quake_report(), "html")


def test_a_developing_fact_gets_a_time_chart_and_others_keep_the_value_chart(quake_html):
    toll, magnitude = _card(quake_html, "fact-toll"), _card(quake_html, "fact-magnitude")
    assert toll.count("<svg") == 1 and '<figure class="chart series">' in toll
    assert toll.count('<g class="moment') == 4 and toll.count('class="ring"') == 1
    assert 'class="moment s2 flag sev-error" data-claim="quake/monitor@' in toll  # the figure the finding is about
    assert "The Monitor, as of 08 Feb 2023 12:00: 900 deaths → 900 (flagged by a finding: error)" in unescape(toll)
    assert '<tr class="outlier">' in toll and toll.count('class="outlier"') == 1
    assert '<figure class="chart">' in magnitude and "series" not in magnitude


def test_a_developing_fact_of_one_moment_keeps_the_value_chart():
    report = quake_report()
    same_day = tuple(
        claim.model_copy(update={"keys": claim.keys.model_copy(update={"as_of": report.claims[0].keys.as_of})})
        for claim in report.claims
    )
    card = _card(render(report.model_copy(update={"claims": same_day}), "html"), "fact-toll")
    assert '<figure class="chart">' in card and "series" not in card


def test_undated_claims_are_counted_not_drawn():
    report = quake_report()
    undated = tuple(
        claim.model_copy(update={"keys": claim.keys.model_copy(update={"as_of": Key()})}) if claim.source == "quake/late" else claim
        for claim in report.claims
    )
    card = _card(render(report.model_copy(update={"claims": undated}), "html"), "fact-toll")
    assert card.count('<g class="moment') == 3 and "1 claim has no known time and is not drawn." in card


def test_every_claim_shows_what_it_was_compared_as(quake_html):
    toll = unescape(_card(quake_html, "fact-toll"))
    assert "Compared as" in toll
    for shown in ("Deaths", '<q class="key-words">killed</q>', "Türkiye", '<q class="key-words">Turkey</q>', "the story as a whole", "07 Feb 2023 09:30", "06 Feb 2023"):
        assert shown in toll, shown
    guesses = re.findall(r'<span class="key key-(\w+) guess" title="([^"]*)"', _card(quake_html, "fact-toll"))
    assert sorted(name for name, _ in guesses) == ["as_of", "measure", "subject"]  # killed 0.6, the story 0.5, story date 0.3
    assert any("the nearest cue of the sentence, confidence 0.60; a guess (sure from 0.8)" in unescape(t) for _, t in guesses)
    assert "key-scope" not in toll  # no scope word: nothing to say


def test_a_key_is_a_guess_below_its_own_threshold():
    assert KeyView("measure", "measure", "Deaths", (), "r", 0.75).guess
    assert not KeyView("subject", "about", "Syria", (), "r", 0.75).guess
    assert not KeyView("measure", "measure", "Deaths", (), "r", 0.8).guess and KeyView("as_of", "as of", "x", (), "r", 0.69).guess


def test_source_tooltips_show_the_keys(quake_html):
    mark = quake_html.split('<mark id="' + span_anchor("quake/daily", 9, 21) + '"', 1)[1].split("</mark>", 1)[0]
    assert 'class="tip-row tip-keys"' in mark and "killed" in mark and "(a guess)" in mark


def test_claims_without_keys_show_none(rich_html):
    body = rich_html.split("</style>", 1)[1]
    assert 'class="key ' not in body and 'tip-keys' not in body
    assert key_views(rich_report().claims[0]) == ()


def test_key_words_and_labels_are_escaped():
    report = quake_report()
    hostile = Key(value="x", label=HOSTILE, words=(HOSTILE,), rule=HOSTILE, confidence=0.1)
    claims = tuple(claim.model_copy(update={"keys": Keys(measure=hostile, subject=hostile, scope=hostile, as_of=claim.keys.as_of)})
                   for claim in report.claims)
    html = render(report.model_copy(update={"claims": claims}), "html")
    page = Page(html)
    assert [tag for tag, _ in page.tags].count("script") == 1
    assert [(tag, name) for tag, attrs in page.tags for name in attrs if name.startswith("on")] == []
    assert "&lt;script&gt;window.__pwned" in html and "<script>window.__pwned" not in html


def test_the_quake_page_is_deterministic_and_its_links_land(quake_html):
    assert render(quake_report(), "html") == quake_html
    assert render(Report.model_validate_json(render(quake_report(), "json")), "html") == quake_html
    page = Page(quake_html)
    ids = page.ids()
    assert len(ids) == len(set(ids))
    assert [href for href in page.hrefs() if href.startswith("#") and href[1:] not in set(ids)] == []


def _info(report: Report, count: int, rule: str = "agreement", draft: bool = False) -> Report:
    extra = tuple(
        Finding(rule=rule, severity=Severity.INFO, message=f"note {index}", fingerprint=f"extra-{rule}-{index}",
                identity=f"extra-{rule}-{index}", story=report.stories[0].id, draft=draft)
        for index in range(count)
    )
    return report.model_copy(update={"findings": report.findings + extra})


def _listed(html: str) -> tuple[list[str], list[str]]:
    """Fingerprints of the findings shown in full, and of those in the folded block."""
    findings = html.split('id="findings"', 1)[1].split("</section>", 1)[0]
    shown, _, folded = findings.partition('id="findings-folded"')
    pattern = r'<li class="finding[^"]*" id="finding-([^"]+)"'
    return re.findall(pattern, shown), re.findall(pattern, folded)


def test_single_source_information_is_folded_and_errors_stay_first(rich_html):
    shown, folded = _listed(rich_html)
    report = rich_report()
    single = [f.fingerprint for f in report.findings if f.rule == "single_source"]
    assert folded == single and not set(single) & set(shown)
    assert "timeline" in {f.rule for f in report.findings if f.fingerprint in shown}  # a handful of other information stays
    assert "1 information finding, folded" in rich_html and "(1 single_source)" in rich_html


def test_more_than_a_handful_of_information_is_folded_whole():
    report = _info(rich_report(), 5)  # six information findings with the timeline note, besides the single-source one
    shown, folded = _listed(render(report, "html"))
    severities = {f.fingerprint: f.severity for f in report.findings}
    assert all(severities[f] is Severity.INFO for f in folded) and len(folded) == 7
    assert all(severities[f] is not Severity.INFO for f in shown)
    assert "(5 agreement, 1 single_source, 1 timeline)" in render(report, "html")


def test_a_handful_of_information_stays_and_the_drafts_is_never_folded():
    report = rich_report()
    few = report.model_copy(update={"findings": tuple(f for f in report.findings if f.rule != "single_source")})
    html = render(few, "html")
    assert 'id="findings-folded"' not in html
    drafted = _info(report, 8, rule="timeline", draft=True)
    shown, _ = _listed(render(drafted, "html"))
    assert all(f"extra-timeline-{index}" in shown for index in range(8))
