"""The HTML report in a real browser: Debian's chromium, driven by Playwright.

Playwright cannot download its own browser here, so these tests use the system
chromium (`apt-get install chromium`). Without it they skip, unless
FACTCHECK_REQUIRE_BROWSER=1 (CI sets it), where a missing browser is a failure.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from factcheck.config import load_rules
from factcheck.models import Report
from factcheck.pipeline import run
from factcheck.render import render
from tests.paths import ROOT, RULES
from tests.test_html_fixture import quake_report, rich_report
from tests.test_html_render import hostile_report

CHROMIUM = Path(os.environ.get("FACTCHECK_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
SCREENSHOT = ROOT / "reports" / "screenshot.png"
# The visible text of a highlight, without its tooltip.
MARK_TEXT = "el => Array.from(el.childNodes).filter(n => !(n.classList && n.classList.contains('tip')))" \
            ".map(n => n.textContent).join('')"


def _missing() -> str | None:
    if importlib.util.find_spec("playwright") is None:
        return "playwright is not installed"
    if not CHROMIUM.exists():
        return f"no chromium at {CHROMIUM} (apt-get install chromium)"
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator:
    missing = _missing()
    if missing:
        if os.environ.get("FACTCHECK_REQUIRE_BROWSER") == "1":
            pytest.fail(f"FACTCHECK_REQUIRE_BROWSER=1 but {missing}")
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@dataclass
class Opened:
    """A report open in a tab, with everything the page complained about."""

    page: object
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def visible(self, selector: str) -> int:
        return self.page.locator(f"{selector}:visible").count()


@pytest.fixture
def open_report(browser, tmp_path) -> Iterator:
    contexts = []

    def opener(report: Report, fragment: str = "", **options) -> Opened:
        path = tmp_path / f"report-{len(contexts)}.html"
        path.write_text(render(report, "html"), encoding="utf-8")
        context = browser.new_context(viewport={"width": 1280, "height": 900}, **options)
        contexts.append(context)
        opened = Opened(context.new_page())
        opened.page.on("dialog", lambda dialog: (opened.dialogs.append(dialog.message), dialog.dismiss()))
        opened.page.on("console", lambda message: message.type == "error" and opened.errors.append(message.text))
        opened.page.on("pageerror", lambda error: opened.errors.append(str(error)))
        opened.page.goto(path.as_uri() + fragment)
        return opened

    yield opener
    for context in contexts:
        context.close()


def test_summary_counts_match_the_json_report(open_report, seeds_report):
    summary = json.loads(render(seeds_report, "json"))["summary"]
    page = open_report(seeds_report).page
    shown = {name: int(page.locator(f"#summary-{name}").inner_text()) for name in ("sources", "claims", "facts")}
    assert shown == {name: summary[name] for name in shown}
    for severity, count in summary["findings"].items():
        assert int(page.locator(f"#summary-{severity}").inner_text()) == count


def test_filter_by_severity(open_report, seeds_report):
    opened = open_report(seeds_report)
    counts = seeds_report.summary.findings
    assert counts["info"] > 5  # enough information to be folded
    assert opened.visible("li.finding") == counts["error"] + counts["warning"]  # information waits in its fold
    assert opened.page.locator("li.finding:not([hidden])").count() == sum(counts.values())
    opened.page.locator("#summary-info").click()  # showing only information opens the fold
    assert opened.visible("li.finding") == counts["info"] == opened.visible("li.finding.sev-info")
    opened.page.locator("input[name=severity][value=error]").check()
    opened.page.locator("input[name=severity][value=warning]").check()
    opened.page.locator("input[name=severity][value=info]").uncheck()
    assert opened.visible("li.finding") == counts["error"] + counts["warning"]
    assert opened.visible("li.finding.sev-info") == 0
    assert not opened.page.locator("#findings-folded").is_visible()  # no empty fold left behind
    opened.page.locator("#summary-error").click()  # the summary's tile shows errors only
    assert opened.visible("li.finding") == counts["error"] == opened.visible("li.finding.sev-error")
    assert f"{counts['error']} of {sum(counts.values())}" in opened.page.locator("#findings-shown").inner_text()
    assert opened.errors == []


def test_following_a_finding_link_shows_its_span_highlighted_in_the_source(open_report, seeds_report):
    finding = seeds_report.findings[0]
    cited = finding.claims[0]
    opened = open_report(seeds_report)
    page = opened.page
    page.locator(f"[id='finding-{finding.fingerprint}'] a.cite").first.click()
    target = page.locator(":target")
    assert target.evaluate("el => el.tagName") == "MARK"
    assert target.evaluate(MARK_TEXT) == cited.surface
    assert target.evaluate("el => el.closest('details').open")
    assert target.evaluate("el => document.activeElement === el")
    box, viewport = target.bounding_box(), page.viewport_size
    assert box and 0 <= box["y"] and box["y"] + box["height"] <= viewport["height"]
    tip = target.locator(".tip").first
    assert tip.is_visible()  # focus shows how the figure was read
    assert opened.errors == []


def test_rule_source_and_search_filters(open_report):
    opened = open_report(rich_report())
    page = opened.page
    page.locator("#filter-rule").select_option("spelling")
    assert opened.visible("li.finding") == 1
    page.locator("#filter-rule").select_option("")
    page.locator("#filter-source").select_option(label="Gazeta.uz")
    assert opened.visible("li.finding") == 5  # every finding that cites Gazeta.uz
    assert opened.visible("details.source") == 1
    page.locator("form.filters button[type=reset]").click()
    page.keyboard.press("/")  # the search box is a keystroke away
    assert page.evaluate("document.activeElement.id") == "search"
    page.keyboard.type("berdymuhamedov")
    assert opened.visible("li.finding") == 1 and opened.visible("tbody.entity") == 1
    page.keyboard.press("Escape")
    assert opened.visible("li.finding") == 6  # the single-source note is folded again
    assert page.locator("li.finding:not([hidden])").count() == 7
    assert opened.errors == []


def test_a_deep_link_opens_a_collapsed_fact(open_report):
    opened = open_report(rich_report(), "#fact-deals")
    card = opened.page.locator("#fact-deals")
    assert card.evaluate("el => el.open") and card.is_visible()
    assert opened.page.locator("#fact-target").evaluate("el => el.open")  # disputed: open from the start
    info = next(finding for finding in rich_report().findings if finding.severity.value == "info")
    opened.page.goto(opened.page.url.split("#")[0] + f"#finding-{info.fingerprint}")
    target = opened.page.locator(f"[id='finding-{info.fingerprint}']")
    assert target.is_visible() and target.evaluate("el => document.activeElement === el")


def test_information_is_folded_below_errors_and_warnings_and_opens(open_report, seeds_report):
    opened = open_report(seeds_report)
    page = opened.page
    counts = seeds_report.summary.findings
    folded = page.locator("#findings-folded")
    assert folded.is_visible() and not folded.evaluate("el => el.open")
    assert f"{counts['info']} information findings" in folded.locator(":scope > summary").inner_text()
    last = page.locator("#findings > ol.findings > li.finding").last.bounding_box()
    assert folded.bounding_box()["y"] > last["y"]  # below every error and warning
    folded.locator(":scope > summary").click()
    assert folded.evaluate("el => el.open")
    assert opened.visible("#findings-folded li.finding") == counts["info"]
    folded.locator(":scope > summary").click()
    assert opened.visible("#findings-folded li.finding") == 0
    info = next(finding for finding in seeds_report.findings if finding.severity.value == "info")
    page.goto(page.url.split("#")[0] + f"#finding-{info.fingerprint}")  # a deep link opens the fold
    target = page.locator(f"[id='finding-{info.fingerprint}']")
    assert target.is_visible() and folded.evaluate("el => el.open")
    assert opened.errors == []


def test_a_developing_count_is_drawn_over_time(open_report):
    opened = open_report(quake_report())
    page = opened.page
    card = page.locator("#fact-toll")
    assert card.evaluate("el => el.open")  # disputed: a later report fell below an earlier one
    chart = card.locator("figure.series svg")
    assert chart.is_visible()
    assert chart.evaluate("el => el.getAttribute('aria-labelledby').split(' ').every(id => document.getElementById(id))")
    moments = card.locator("g.moment")
    assert moments.count() == 4
    box = chart.bounding_box()
    centres = {}
    for index in range(moments.count()):
        dot = moments.nth(index).locator("circle.dot").bounding_box()
        assert box["x"] <= dot["x"] and dot["x"] + dot["width"] <= box["x"] + box["width"]
        assert box["y"] <= dot["y"] and dot["y"] + dot["height"] <= box["y"] + box["height"]
        centres[moments.nth(index).get_attribute("data-claim").split("/")[1].split("@")[0]] = dot
    assert centres["late"]["x"] < centres["wire"]["x"] < centres["daily"]["x"] < centres["monitor"]["x"]  # by as-of
    assert centres["late"]["y"] < centres["daily"]["y"] < centres["wire"]["y"] < centres["monitor"]["y"]  # by value
    ring = card.locator("g.moment.flag circle.ring")
    assert ring.count() == 1 and ring.is_visible()
    assert card.locator("g.moment.flag").get_attribute("data-claim").startswith("quake/monitor@")
    assert card.locator(".series-legend li").all_inner_texts() == ["1 The Wire", "2 Daily News", "3 The Monitor", "4 Late Edition"]
    assert page.locator("#fact-magnitude figure.chart:not(.series)").count() == 1  # facts that do not develop keep theirs
    guess = card.locator("td.sentence .keys .key.guess").first
    assert guess.is_visible() and "?" in guess.inner_text()
    assert opened.errors == []


def test_printing_opens_everything_and_hides_the_controls(open_report):
    opened = open_report(rich_report())
    page = opened.page
    page.emulate_media(media="print")
    assert not page.locator("form.filters").is_visible() and not page.locator("#search").is_visible()
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator("details:not([open])").count() == 0
    assert page.locator("details.source .text").first.is_visible()
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.locator("details.source[open]").count() == 0


def test_dark_scheme_is_dark_and_light_is_light(open_report):
    def background(scheme: str) -> list[int]:
        page = open_report(rich_report(), color_scheme=scheme).page
        rgb = page.evaluate("getComputedStyle(document.body).backgroundColor")
        return [int(part) for part in rgb[rgb.index("(") + 1 : -1].split(",")[:3]]
    assert sum(background("dark")) < 150 < 600 < sum(background("light"))


def _hostile_corpus(folder: Path) -> tuple[Path, Path]:
    """A story whose sources, manifest and rules file all carry script payloads."""
    story, rules = folder / "story", folder / "rules"
    story.mkdir()
    shutil.copytree(RULES, rules)
    with (rules / "entities.toml").open("a", encoding="utf-8") as entities:
        entities.write(
            '\n[[entity]]\nname = "<script>alert(\'entity\')</script>Zarafshon Holdings"\nkind = "organisation"\n'
            'aliases = ["Zarafshon Holdings"]\nvariants = ["Zarafshan Holdings"]\n'
        )
    (story / "story.toml").write_text(
        '[story]\nname = "<script>alert(\'story\')</script> summit"\ndate = 2025-12-20\ncurrency = "USD"\n\n'
        '[[source]]\nfile = "a.txt"\ntitle = "<img src=x onerror=alert(\'title\')>"\n'
        'outlet = "\\"><svg onload=alert(\'outlet\')>"\nurl = "javascript:alert(\'url\')"\n',
        encoding="utf-8",
    )
    (story / "a.txt").write_text(
        '<script>alert("a")</script> Japan will invest $20 billion in Central Asia, said Zarafshon Holdings. '
        "<img src=x onerror=alert(1)>\n\n<a href=\"javascript:alert(2)\">click</a> The deal is worth $3.7 billion.\n",
        encoding="utf-8",
    )
    (story / "b.txt").write_text(
        'Japan will invest $35 billion in Central Asia, Zarafshan Holdings said. '
        '<iframe srcdoc="<script>alert(3)</script>"></iframe>\n',
        encoding="utf-8",
    )
    return story, rules


@pytest.mark.parametrize("made_by", ["pipeline", "hand"])
def test_no_script_from_a_source_or_rules_file_runs(open_report, tmp_path, made_by):
    if made_by == "pipeline":
        story, rules = _hostile_corpus(tmp_path)
        report = run([story], load_rules(rules))
        assert any("svg onload" in finding.message for finding in report.findings)  # the payload reached a message
    else:
        report = hostile_report()
    opened = open_report(report)
    page = opened.page
    page.evaluate("document.querySelectorAll('details').forEach(details => { details.open = true; })")
    for mark in page.locator("mark").all():
        mark.hover()
        mark.focus()
    for link in page.locator("a.cite").all():
        link.click()
    page.locator("summary").first.click()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("script").count() == 1
    assert page.locator("img, iframe, a[href^='javascript']").count() == 0
    assert page.evaluate("Array.from(document.querySelectorAll('*')).some(el => "
                         "Array.from(el.attributes).some(a => a.name.startsWith('on')))") is False
    assert opened.dialogs == [] and opened.errors == []
    assert "<script>alert(" in page.locator("body").inner_text()  # shown to the editor as text


def test_full_page_screenshot_for_the_readme(open_report, seeds_report, tmp_path):
    page = open_report(seeds_report).page
    shot = page.screenshot(full_page=True, type="png")
    assert shot[:8] == b"\x89PNG\r\n\x1a\n" and len(shot) > 50_000
    if not SCREENSHOT.exists() or SCREENSHOT.read_bytes() != shot:
        SCREENSHOT.parent.mkdir(exist_ok=True)
        temporary = SCREENSHOT.with_suffix(".png.tmp")
        temporary.write_bytes(shot)
        temporary.replace(SCREENSHOT)  # never a half-written picture in the README
