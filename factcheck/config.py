"""Rules: what is shared across stories, read from the TOML files of a rules folder.

The default rules ship inside the package (`factcheck/rules/`) and are always
read; a project's rules folder is read over them. Every `*.toml` file of a folder
may hold any of these tables; a folder's files are merged in file-name order, and
a table set twice in one folder is an error rather than a silent override:

    [settings]            run-wide settings (see `Settings`)
    [checks.<id>]         enable, re-level and configure a registered check
    [qualifiers]          how far qualifiers move an interval
    [[qualifier]]         qualifier words by kind and language
    [[entity]]            the names authority list
    [[rate]]              exchange rates the ECB does not publish
    [[measure]]           what figures count or measure, with cue words per language
    [[scope]]             words that make a figure another quantity of its measure
    [[office]]            offices written next to names, with cue words per language
    [[title_status]]      words that make a title not the office held now (former, then-, -elect, deputy)

Each stage owns the model of its own table; this module only assembles them and
turns every mistake into a ConfigError with the file and line.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cached_property
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, create_model

from factcheck import tomlfile
from factcheck.checks import REGISTRY, CheckConfig
from factcheck.errors import ConfigError
from factcheck.extract.qualifiers import QualifierRule, QualifierSettings, QualifierTable
from factcheck.keys import MeasureRule, ScopeRule, Vocabulary
from factcheck.normalize.fx import RateRule, rate_chain_problem
from factcheck.normalize.names import EntityRule
from factcheck.normalize.titles import OfficeRule, Offices, TitleStatusRule


class Settings(BaseModel):
    """Run-wide settings."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    dollar: str = Field(default="USD", pattern=r"^[A-Z]{3}$", description="What a bare '$' means.")
    rate_band: Decimal = Field(default=Decimal("0.01"), ge=0, lt=1, description="Uncertainty added by a conversion.")
    max_file_bytes: int = Field(default=20_000_000, gt=0)
    max_total_bytes: int = Field(default=2_000_000_000, gt=0)


class RulesFile(BaseModel):
    """The tables one rules file may hold."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    settings: Settings | None = None
    checks: dict[str, dict] = Field(default_factory=dict)
    qualifiers: QualifierSettings | None = None
    qualifier: list[QualifierRule] = Field(default_factory=list)
    entity: list[EntityRule] = Field(default_factory=list)
    rate: list[RateRule] = Field(default_factory=list)
    measure: list[MeasureRule] = Field(default_factory=list)
    scope: list[ScopeRule] = Field(default_factory=list)
    office: list[OfficeRule] = Field(default_factory=list)
    title_status: list[TitleStatusRule] = Field(default_factory=list)


class Rules(BaseModel):
    """All rules files of a folder, merged and validated."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    settings: Settings = Settings()
    checks: dict[str, CheckConfig] = Field(default_factory=dict)
    qualifier_settings: QualifierSettings = QualifierSettings()
    qualifiers: list[QualifierRule] = Field(default_factory=list)
    entities: list[EntityRule] = Field(default_factory=list)
    rates: list[RateRule] = Field(default_factory=list)
    measures: list[MeasureRule] = Field(default_factory=list)
    scopes: list[ScopeRule] = Field(default_factory=list)
    offices: list[OfficeRule] = Field(default_factory=list)
    title_statuses: list[TitleStatusRule] = Field(default_factory=list)
    files: list[str] = Field(default_factory=list, description="The files read, in order.")

    @property
    def qualifier_table(self) -> QualifierTable:
        """The qualifier words and settings as one lookup table."""
        return QualifierTable(self.qualifiers, self.qualifier_settings)

    @cached_property
    def vocabulary(self) -> Vocabulary:
        """The measures and scopes, with their cue patterns compiled on first use."""
        return Vocabulary(self.measures, self.scopes)

    @cached_property
    def office_vocabulary(self) -> Offices:
        """The offices and title statuses, with their cue patterns compiled on first use."""
        return Offices(self.offices, self.title_statuses)

    def check_config(self, check_id: str) -> CheckConfig:
        """The configuration of a check: from the rules files, else its defaults."""
        return self.checks.get(check_id) or REGISTRY[check_id].config()


DEFAULT_RULES = Path(__file__).resolve().parent / "rules"
_LISTS = ("qualifiers", "entities", "rates", "measures", "scopes", "offices", "title_statuses")


def load_rules(folder: Path | None = None) -> Rules:
    """The shipped default rules, extended or overridden table by table by a project's rules folder.

    A project's `[settings]`, `[qualifiers]` or `[checks.<id>]` replaces the default table of that name;
    its entities, rates, measures, scopes and qualifier rows are added, replacing a default row with the
    same identity (an entity's name, a rate's currency, base and date, a measure's or scope's id).
    """
    layers = [DEFAULT_RULES]
    if folder is not None:
        if not folder.is_dir():
            raise ConfigError("rules folder not found (pass --rules DIR)", path=folder)
        if folder.resolve() != DEFAULT_RULES:
            layers.append(folder)
    merged: dict = {"checks": {}, "files": [], **{key: {} for key in _LISTS}}
    rate_origins: dict = {}  # each rate's file, its text and its index there
    for layer in layers:
        _read_layer(layer, merged, rate_origins)
    rates = list(merged["rates"].values())
    _check_rate_chains(rates, list(rate_origins.values()))
    return Rules(**{**merged, **{key: list(merged[key].values()) for key in _LISTS}, "rates": rates})


def _read_layer(folder: Path, merged: dict, rate_origins: dict) -> None:
    """Merge every *.toml file of one rules folder into `merged`, over what earlier folders set."""
    set_in: dict[str, Path] = {}
    for path in sorted(folder.glob("*.toml")):
        text = tomlfile.read_text(path)
        rules_file = tomlfile.validate(tomlfile.parse(text, path), RulesFile, text, path)
        for key, table in (("settings", rules_file.settings), ("qualifier_settings", rules_file.qualifiers)):
            if table is not None:
                _set_once(set_in, key, path)
                merged[key] = table
        for check_id, options in rules_file.checks.items():
            _set_once(set_in, f"checks.{check_id}", path)
            merged["checks"][check_id] = _check_config(check_id, options, text, path)
        for key, rows in (("qualifiers", rules_file.qualifier), ("entities", rules_file.entity),
                          ("measures", rules_file.measure), ("scopes", rules_file.scope),
                          ("offices", rules_file.office), ("title_statuses", rules_file.title_status)):
            merged[key].update((_identity(row), row) for row in rows)
        for index, rate in enumerate(rules_file.rate):
            merged["rates"][_identity(rate)] = rate
            rate_origins[_identity(rate)] = (path, text, index)
        merged["files"].append(path.as_posix())


def _identity(row: BaseModel) -> tuple:
    """What makes a row of a list table the same row in another rules folder."""
    if isinstance(row, EntityRule):
        return ("entity", row.name)
    if isinstance(row, RateRule):
        return ("rate", row.currency, row.base, row.date)
    if isinstance(row, (MeasureRule, ScopeRule, OfficeRule)):
        return (type(row).__name__, row.id)
    return ("row", row.model_dump_json())


def _check_rate_chains(rates: list[RateRule], origins: list[tuple[Path, str, int]]) -> None:
    """Rates of several files may value each other in a circle, which no single file shows: name the first."""
    problem = rate_chain_problem(rates)
    if problem is not None:
        path, text, index = origins[problem[0]]
        line = tomlfile.locate(text, ("rate", index))
        raise ConfigError(f"rate[{index}]: {problem[1]}", path=path, line=line)


def _set_once(set_in: dict[str, Path], key: str, path: Path) -> None:
    """A table may be set in one file only: a second one is an error, not a silent override."""
    if key in set_in:
        raise ConfigError(f"[{key}] is already set in {set_in[key].name}", path=path)
    set_in[key] = path


def _check_config(check_id: str, options: dict, text: str, path: Path) -> CheckConfig:
    if check_id not in REGISTRY:
        known = ", ".join(sorted(REGISTRY))
        line = tomlfile.locate(text, ("checks", check_id))
        raise ConfigError(f"unknown check {check_id!r} (known checks: {known})", path=path, line=line)
    shaped = tomlfile.validate({"checks": {check_id: options}}, _file_shape(check_id), text, path)
    return getattr(shaped.checks, check_id)


def _file_shape(check_id: str) -> type[BaseModel]:
    """A model shaped like the file ({checks: {id: options}}) so error locations match its lines."""
    inner = create_model(
        f"Checks_{check_id}", __config__=ConfigDict(extra="forbid"), **{check_id: (REGISTRY[check_id].config, ...)}
    )
    return create_model(f"Rules_{check_id}", checks=(inner, ...))
