"""factcheck: find where articles about one event disagree on figures and names.

`factcheck.check(sources)` runs it from Python (see `factcheck.api`); importing the package itself stays
cheap (no pydantic, pint or babel) so that `factcheck --version` and tab completion start at once.
"""

import importlib

__version__ = "0.1.0"

# The labels of pyproject.toml's [project.urls] that name where the README is published (core metadata keeps
# the label as written, so its common spellings are all read).
HOMEPAGE_LABELS = ("homepage", "home-page", "home")

__all__ = ["Text", "__version__", "check", "homepage", "schema_id"]
_API = ("check", "Text")  # imported from factcheck.api at first use


def homepage() -> str | None:
    """Where the README is published, ending in `/`: the `Homepage` of pyproject.toml's [project.urls], as the
    installed package's metadata gives it; None when none is declared (or the package is not installed).

    One place for the address: whoever publishes factcheck sets it once, in pyproject.toml. SARIF links each
    check to its anchor there (`#check-<id>`) and the JSON Schemas' `$id` lies beneath it; without it both are
    left out or relative rather than pointing at a made-up host.
    """
    from importlib import metadata  # read only by the outputs that link to it: start-up stays cheap

    try:
        declared = metadata.metadata("factcheck").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return None
    for entry in declared:
        label, _, url = entry.partition(",")
        if label.strip().lower() in HOMEPAGE_LABELS and url.strip():
            return url.strip().rstrip("/") + "/"
    return None


def schema_id(name: str) -> str:
    """The `$id` of the committed schema `docs/schemas/<name>`: its address under the homepage when one is
    declared, else the relative reference `<name>`, which resolves against wherever the file is read from
    (JSON Schema 2020-12 takes any URI-reference; a relative one needs no host)."""
    home = homepage()
    return f"{home}docs/schemas/{name}" if home else name


def __getattr__(name: str):
    # PEP 562: `factcheck.check` imports the pipeline only when first used. By name (importlib), as the
    # package's front door: the stages that import `factcheck` for its version do not depend on the API.
    if name in _API:
        return getattr(importlib.import_module("factcheck.api"), name)
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
