"""The Report as JSON, and the JSON Schema it follows."""

from __future__ import annotations

import json

from factcheck import schema_id
from factcheck.models import Report
from factcheck.render import register


@register("json")
def render(report: Report) -> str:
    """The whole Report as indented JSON (Decimals as strings, so no digit is lost)."""
    return report.model_dump_json(indent=2) + "\n"


def schema() -> str:
    """The JSON Schema of the Report, as printed by `factcheck schema`."""
    document = Report.model_json_schema(mode="serialization")
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    document["$id"] = schema_id("report.schema.json")  # committed as docs/schemas/report.schema.json
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
