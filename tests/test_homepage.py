"""The project's address is declared once, in pyproject.toml's [project.urls], and read from the installed
package's metadata: SARIF's links and the schemas' `$id` follow it, and are left out or relative without it."""

import json
from importlib import metadata

import pytest

import factcheck
from factcheck.render import render


class _Metadata:
    def __init__(self, urls):
        self.urls = urls

    def get_all(self, name):
        assert name == "Project-URL"
        return self.urls


@pytest.mark.parametrize(
    ("declared", "expected"),
    [
        pytest.param(["Homepage, https://news.example.org/factcheck"], "https://news.example.org/factcheck/", id="homepage"),
        pytest.param(["Source, https://git.example.org/f", "homepage, https://e.example.org/f/"], "https://e.example.org/f/",
                     id="lower-case-label-after-another"),
        pytest.param(["Source, https://git.example.org/f"], None, id="no-homepage-label"),
        pytest.param(None, None, id="no-urls"),
        pytest.param(["Homepage, "], None, id="empty-url"),
    ],
)
def test_the_homepage_is_the_declared_homepage_url(monkeypatch, declared, expected):
    monkeypatch.setattr(metadata, "metadata", lambda name: _Metadata(declared))
    assert factcheck.homepage() == expected


def test_without_the_installed_package_there_is_no_homepage(monkeypatch):
    def missing(name):
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "metadata", missing)
    assert factcheck.homepage() is None


def test_this_checkout_declares_no_made_up_address():
    # pyproject.toml leaves [project.urls] for the publisher to fill; nothing may point at a placeholder host.
    home = factcheck.homepage()
    assert home is None or ".invalid" not in home


@pytest.mark.parametrize(
    ("home", "expected"),
    [(None, "report.schema.json"), ("https://n.example.org/f/", "https://n.example.org/f/docs/schemas/report.schema.json")],
)
def test_the_schema_id_is_relative_without_a_homepage_and_under_it_with_one(monkeypatch, home, expected):
    monkeypatch.setattr(factcheck, "homepage", lambda: home)
    assert factcheck.schema_id("report.schema.json") == expected


def test_sarif_leaves_out_its_links_when_no_homepage_is_declared(seeds_report, monkeypatch):
    monkeypatch.setattr("factcheck.render.sarif.homepage", lambda: None)
    driver = json.loads(render(seeds_report, "sarif"))["runs"][0]["tool"]["driver"]
    assert "informationUri" not in driver
    assert driver["rules"] and all("helpUri" not in rule for rule in driver["rules"])
