"""The default rules ship with the package: commands work from any folder, and a project's rules only say what differs."""

import shutil
import subprocess
import sys

from factcheck.config import DEFAULT_RULES, load_rules
from tests.paths import ROOT, SEEDS


def _factcheck(*args, cwd):
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *map(str, args)], cwd=cwd, capture_output=True, text=True, timeout=300
    )


def test_report_works_from_a_folder_outside_the_repository(tmp_path):
    story = tmp_path / "story"
    shutil.copytree(SEEDS, story)
    result = _factcheck("report", "story", "--format", "text", "-q", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Berdymuhamedov" in result.stdout  # the house spelling comes from the shipped entities


def test_the_default_rules_are_inside_the_package_and_declared_as_its_data():
    assert DEFAULT_RULES.parent == ROOT / "factcheck"
    assert sorted(path.name for path in DEFAULT_RULES.glob("*.toml")) == [
        "checks.toml", "entities.toml", "measures.toml", "offices.toml", "qualifiers.toml", "rates.toml"
    ]
    assert '"rules/*.toml"' in (ROOT / "pyproject.toml").read_text()


def test_a_project_checks_file_relevels_one_check_and_keeps_every_default_table(tmp_path):
    (tmp_path / "checks.toml").write_text('[checks.spelling]\nseverity = "info"\n')
    defaults, project = load_rules(), load_rules(tmp_path)
    assert str(project.check_config("spelling").severity) == "info"
    assert str(defaults.check_config("spelling").severity) != "info"
    assert {k: v for k, v in project.checks.items() if k != "spelling"} == {
        k: v for k, v in defaults.checks.items() if k != "spelling"
    }
    for table in ("entities", "rates", "measures", "scopes", "qualifiers", "settings", "qualifier_settings"):
        assert getattr(project, table) == getattr(defaults, table), table


def test_project_entities_and_rates_are_added_and_a_same_named_entity_replaced(tmp_path):
    (tmp_path / "entities.toml").write_text(
        '[[entity]]\nname = "Daily Planet"\nkind = "organisation"\n\n'
        '[[entity]]\nname = "Serdar Berdimuhamedov"\nkind = "person"\nvariants = ["Berdimukhamedov"]\n'
    )
    (tmp_path / "rates.toml").write_text(
        '[[rate]]\ncurrency = "KZT"\nrate = 500\ndate = 2020-01-01\nsource = "National Bank of Kazakhstan"\n'
    )
    defaults, project = load_rules(), load_rules(tmp_path)
    names = [entity.name for entity in project.entities]
    assert "Daily Planet" in names and names.count("Serdar Berdimuhamedov") == 1
    assert len(project.entities) == len(defaults.entities) + 1
    [serdar] = [entity for entity in project.entities if entity.name == "Serdar Berdimuhamedov"]
    assert serdar.variants == ["Berdimukhamedov"]
    assert len(project.rates) == len(defaults.rates) + 1


def test_the_default_folder_given_as_the_project_folder_is_read_once():
    assert load_rules(DEFAULT_RULES) == load_rules()


def test_a_bad_override_file_names_file_and_line_and_exits_2(tmp_path):
    rules = tmp_path / "myrules"
    rules.mkdir()
    (rules / "checks.toml").write_text('[checks.spelling]\nseverity = "info"\n\n[checks.nonsense]\nenabled = true\n')
    shutil.copytree(SEEDS, tmp_path / "story")
    result = _factcheck("report", "story", "--rules", "myrules", "--format", "text", "-q", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("factcheck: myrules/checks.toml:4: "), result.stderr
    assert "unknown check 'nonsense'" in result.stderr
