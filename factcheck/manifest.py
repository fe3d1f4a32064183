"""The story manifest: `story.toml` in a story folder.

    [story]
    name = "First Central Asia + Japan summit"
    date = 2025-12-20          # reference date for conversions
    currency = "USD"           # reporting currency

    [[source]]                 # optional: what the files do not say themselves
    file = "000_2a72b3ee8e917de2.txt"
    title = "..."
    outlet = "..."
    published = 2025-12-21

    [[fact]]                   # optional: facts declared by hand
    label = "..."
    kind = "money"
    words = ["invest", "five years"]
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

from babel import Locale, UnknownLocaleError
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from factcheck import tomlfile
from factcheck.models import ClaimKind, Role

MANIFEST_NAME = "story.toml"


def _day(value: object) -> object:
    """A date written with its time (`2025-12-21T09:30:00+09:00`, as blog engines write it) means its day.

    A number is no date (`published: 0` would be 1 January 1970 to pydantic).
    """
    if isinstance(value, (int, float)):
        raise ValueError("a date is written YYYY-MM-DD (or with its time, YYYY-MM-DDTHH:MM), not as a number")
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str) and len(value) > 10:
        try:
            return dt.datetime.fromisoformat(value).date()
        except ValueError:
            return value  # left for validation to refuse, with its line
    return value


Day = Annotated[dt.date, BeforeValidator(_day)]


def moment(value: object) -> dt.datetime | None:
    """The date-time a `published` value gives, when it gives a time of day (a bare date gives none)."""
    if isinstance(value, str) and len(value) > 10:
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError:
            return None
    return value if isinstance(value, dt.datetime) else None


def _language(value: object) -> object:
    """A BCP 47 tag whose language CLDR knows (`en`, `zh-Hant`, `pt_BR` as `pt-BR`): never read as English silently."""
    if not isinstance(value, str):
        return value
    tag = value.strip().replace("_", "-")
    try:
        Locale.parse(tag.split("-", 1)[0].lower())
    except (UnknownLocaleError, ValueError):
        raise ValueError(f"unknown language tag {value!r} (give a BCP 47 tag such as en, fr, zh-Hant, pt-BR)") from None
    return tag


Language = Annotated[str, BeforeValidator(_language)]


class _Table(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class StoryTable(_Table):
    """The [story] table."""

    name: str = Field(min_length=1)
    date: Day | None = None
    currency: str = Field(default="USD", pattern=r"^[A-Z]{3}$")


class SourceMeta(_Table):
    """What is known of a source beyond its text: from its [[source]] entry or its own front matter."""

    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: Day | None = None
    published_at: dt.datetime | None = Field(
        default=None, description="Set from `published` when it gives a time of day; not written by hand."
    )
    language: Language = "en"
    role: Role = Role.SOURCE

    @model_validator(mode="before")
    @classmethod
    def _keep_the_time(cls, data: object) -> object:
        # `published = 2023-02-06T11:59:22` dates conversions by its day and developing tolls by its hour.
        if isinstance(data, dict) and "published_at" not in data:
            at = moment(data.get("published", data.get("date")))
            if at is not None:
                data = {**data, "published_at": at}
        return data


class SourceEntry(SourceMeta):
    """A [[source]] entry: metadata for one file of the story folder."""

    file: str = Field(min_length=1, description="Path relative to the story folder.")


class DeclaredFact(_Table):
    """A [[fact]] entry: claims matching these conditions form one fact."""

    label: str = Field(min_length=1)
    kind: ClaimKind
    words: list[str] = Field(default_factory=list, description="Words that must all appear near the figure.")
    entities: list[str] = Field(default_factory=list, description="Entities that must all be in the sentence.")
    unit: str | None = Field(default=None, description="Only claims stated in this unit or currency.")


class StoryManifest(_Table):
    """The whole story.toml."""

    story: StoryTable
    source: list[SourceEntry] = Field(default_factory=list)
    fact: list[DeclaredFact] = Field(default_factory=list)


def load_manifest(path: Path) -> StoryManifest:
    """Read and validate a story.toml (ConfigError with file and line on any mistake)."""
    return tomlfile.load_model(path, StoryManifest)
