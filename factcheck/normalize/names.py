"""Names: proper-name mentions resolved to canonical entities."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class EntityRule(BaseModel):
    """One entry of the names authority list (rules/entities.toml)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(min_length=1, description="The house-style spelling.")
    kind: str = Field(default="other", pattern=r"^(person|organisation|place|initiative|other)$")
    aliases: list[str] = Field(default_factory=list, description="Other spellings, abbreviations, other scripts.")
    demonyms: list[str] = Field(default_factory=list, description="Adjectives that refer to it (Kazakh).")
