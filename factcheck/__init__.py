"""factcheck: find where articles about one event disagree on figures and names."""

__version__ = "0.1.0"

# Where the README is published: SARIF links each check to its anchor there (`#check-<id>`).
HOMEPAGE = "https://factcheck.invalid/"
# Where docs/schemas/ is published: the `$id` of the JSON Schemas that `factcheck schema` prints.
SCHEMAS = HOMEPAGE + "docs/schemas/"
