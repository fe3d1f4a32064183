import tomllib
from pathlib import Path

import pytest

from factcheck.config import load_rules
from factcheck.errors import ConfigError
from factcheck.tomlfile import locate
from tests.paths import RULES

CASES = tomllib.loads((Path(__file__).parent / "cases" / "config" / "bad_rules.toml").read_text())["case"]


def test_the_repository_rules_load():
    rules = load_rules(RULES)
    assert rules.qualifier_table.kind("more than") is not None
    assert "single_source" in rules.checks


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_bad_rules_file_names_file_line_and_problem(case, tmp_path):
    (tmp_path / "bad.toml").write_text(case["text"])
    with pytest.raises(ConfigError) as raised:
        load_rules(tmp_path)
    error = raised.value
    assert Path(error.path).name == "bad.toml"
    assert error.line == case["line"], error.format()
    assert case["message"] in error.message, error.format()
    assert error.exit_code == 2


def test_a_table_set_in_two_files_is_an_error(tmp_path):
    (tmp_path / "a.toml").write_text("[checks.single_source]\nenabled = true\n")
    (tmp_path / "b.toml").write_text("[checks.single_source]\nenabled = false\n")
    with pytest.raises(ConfigError, match="already set in a.toml"):
        load_rules(tmp_path)


def test_missing_rules_folder(tmp_path):
    with pytest.raises(ConfigError, match="rules folder not found"):
        load_rules(tmp_path / "nope")


def test_locate_finds_keys_inside_arrays_of_tables():
    text = '[[entity]]\nname = "A"\n\n[[entity]]\nname = "B"\nkind = "x"\n'
    assert locate(text, ("entity", 1, "kind")) == 6
    assert locate(text, ("entity", 0)) == 1
    assert locate(text, ("missing",)) == 1


def test_a_rules_file_saved_with_a_utf8_bom_reads_as_without(tmp_path):
    (tmp_path / "checks.toml").write_bytes("\ufeff[checks.agreement]\nerror_above = 0.1\n".encode("utf-8"))
    assert str(load_rules(tmp_path).check_config("agreement").error_above) == "0.1"
