"""The HTML report: one self-contained page (inline CSS, no network)."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from factcheck.models import Report
from factcheck.render import register

_ENVIRONMENT = Environment(
    loader=PackageLoader("factcheck.render", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    keep_trailing_newline=True,
    trim_blocks=True,
    lstrip_blocks=True,
)


@register("html")
def render(report: Report) -> str:
    """The report as one HTML page."""
    claims_by_source: dict[str, list] = {}
    for claim in report.claims:
        claims_by_source.setdefault(claim.source, []).append(claim)
    return _ENVIRONMENT.get_template("report.html").render(report=report, claims_by_source=claims_by_source)
