"""The JSON Schemas committed under docs/schemas/ are what `factcheck schema` prints, and describe real outputs.

When a model changes, regenerate them: `factcheck schema > docs/schemas/report.schema.json` and
`factcheck schema --baseline > docs/schemas/baseline.schema.json` (and `--jsonl > docs/schemas/report-line.schema.json`).
"""

import json

import jsonschema
import pytest
from click.testing import CliRunner

from factcheck import baseline, schema_id
from factcheck.cli import cli
from tests.paths import ROOT

COMMITTED = {
    "report.schema.json": ["schema"],
    "baseline.schema.json": ["schema", "--baseline"],
    "report-line.schema.json": ["schema", "--jsonl"],
}


def printed(args: list[str]) -> str:
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("name", sorted(COMMITTED))
def test_the_committed_schema_is_what_factcheck_schema_prints(name):
    committed = (ROOT / "docs" / "schemas" / name).read_text(encoding="utf-8")
    assert committed == printed(COMMITTED[name]), f"regenerate it: factcheck {' '.join(COMMITTED[name])} > docs/schemas/{name}"


@pytest.mark.parametrize("name", sorted(COMMITTED))
def test_each_schema_is_valid_and_its_id_is_where_it_is_committed(name):
    schema = json.loads(printed(COMMITTED[name]))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$id"] == schema_id(name)
    assert schema["$id"] == name or schema["$id"].endswith(f"/docs/schemas/{name}")


def test_a_baseline_file_validates_and_another_version_does_not(seeds_report):
    schema = json.loads(printed(COMMITTED["baseline.schema.json"]))
    validator = jsonschema.Draft202012Validator(schema)
    text = baseline.dumps(baseline.create(seeds_report.findings))
    validator.validate(json.loads(text))
    for wrong in ({"version": 2, "findings": []}, {"findings": []}, {"version": 1}):
        with pytest.raises(jsonschema.ValidationError):
            validator.validate(wrong)
