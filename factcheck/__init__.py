"""factcheck: find where articles about one event disagree on figures and names.

`factcheck.check(sources)` runs it from Python (see `factcheck.api`); importing the package itself stays
cheap (no pydantic, pint or babel) so that `factcheck --version` and tab completion start at once.
"""

import importlib

__version__ = "0.1.0"

# Where the README is published: SARIF links each check to its anchor there (`#check-<id>`).
HOMEPAGE = "https://factcheck.invalid/"
# Where docs/schemas/ is published: the `$id` of the JSON Schemas that `factcheck schema` prints.
SCHEMAS = HOMEPAGE + "docs/schemas/"

__all__ = ["HOMEPAGE", "SCHEMAS", "Text", "__version__", "check"]
_API = ("check", "Text")  # imported from factcheck.api at first use


def __getattr__(name: str):
    # PEP 562: `factcheck.check` imports the pipeline only when first used. By name (importlib), as the
    # package's front door: the stages that import `factcheck` for its version do not depend on the API.
    if name in _API:
        return getattr(importlib.import_module("factcheck.api"), name)
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
