"""The names authority list (rules/entities.toml) as a lookup from folded word sequences to entities."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from factcheck.normalize import inflection
from factcheck.normalize.folding import word_key, words


class EntityRule(BaseModel):
    """One entry of the names authority list (rules/entities.toml)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(min_length=1, description="The house-style spelling.")
    kind: str = Field(default="other", pattern=r"^(person|organisation|place|initiative|event|other)$")
    aliases: list[str] = Field(
        default_factory=list, description="Other names that are not misspellings: short forms, abbreviations, other scripts."
    )
    variants: list[str] = Field(
        default_factory=list, description="Known other spellings of the name: resolved to it, flagged by the spelling check."
    )
    demonyms: list[str] = Field(default_factory=list, description="Adjectives that refer to it (Kazakh).")


class Form(StrEnum):
    """How a written name relates to its entity."""

    PREFERRED = "preferred"
    ALIAS = "alias"
    VARIANT = "variant"
    DEMONYM = "demonym"


@dataclass(frozen=True)
class Entry:
    """One way of writing an authority entity, folded."""

    entity: int
    form: Form
    words: tuple[str, ...]
    text: str
    exact_case: bool
    written: tuple[tuple[str, Form], ...] = ()
    lowered: tuple[str, ...] = ()  # the words as written, lower-cased: what Cyrillic case forms are matched on

    def form_of(self, text: str) -> Form:
        """How `text` relates to the entity: the form it is listed under, else a variant (`TURKMENISTAN`)."""
        if self.form is Form.DEMONYM:
            return Form.DEMONYM
        letters = _letters(text)
        found = next((form for listed, form in self.written if _letters(listed) == letters), None)
        if found is None and word_key(text) != self.words and self.declines(_lowered(text)):
            found = next(form for _, form in self.written)  # a case form (`Китая`) is the form it declines
        return found or Form.VARIANT

    def declines(self, lowered: tuple[str, ...]) -> bool:
        """True when the lower-cased words `lowered` are this entry's, each as written or in a case form."""
        return len(lowered) == len(self.lowered) and all(map(inflection.inflects, lowered, self.lowered))


class Authority:
    """Every name, alias, variant and demonym of the authority list, by its first folded word."""

    def __init__(self, rules: Sequence[EntityRule]):
        self.rules = tuple(rules)
        self.by_first: dict[str, list[Entry]] = {}
        self.by_base: dict[str, list[Entry]] = {}  # Cyrillic entries by their first word's base: its case forms
        for index, rule in enumerate(self.rules):
            for entry in _entries(index, rule):
                self.by_first.setdefault(entry.words[0], []).append(entry)
                if (stem := inflection.base(entry.lowered[0])) is not None:
                    self.by_base.setdefault(stem, []).append(entry)
        for entries in (*self.by_first.values(), *self.by_base.values()):
            entries.sort(key=_longest_first)

    def candidates(self, first_word: str, written: str = "") -> list[Entry]:
        """Entries starting with this folded word or, in Cyrillic, one the `written` word is a case form of."""
        exact = self.by_first.get(first_word, [])
        lowered = written.lower()
        declined = [
            entry
            for stem in inflection.bases_of(lowered)
            for entry in self.by_base.get(stem, ())
            if entry not in exact and inflection.inflects(lowered, entry.lowered[0])
        ]
        return sorted([*exact, *declined], key=_longest_first) if declined else exact

    def spellings(self) -> list[Entry]:
        """Every entry that writes a name (not demonyms), for fuzzy matching of unlisted spellings."""
        return [entry for entries in self.by_first.values() for entry in entries if entry.form != Form.DEMONYM]


def _longest_first(entry: Entry) -> tuple:
    return (-len(entry.words), entry.form != Form.PREFERRED, entry.text)


def _entries(index: int, rule: EntityRule) -> list[Entry]:
    written = [(rule.name, Form.PREFERRED)]
    written += [(alias, Form.ALIAS) for alias in rule.aliases]
    written += [(variant, Form.VARIANT) for variant in rule.variants]
    written += [(demonym, Form.DEMONYM) for demonym in rule.demonyms]
    written += [(_plural(demonym), Form.DEMONYM) for demonym in rule.demonyms if not demonym.endswith("s")]
    by_words: dict[tuple[str, ...], list[tuple[str, Form]]] = {}
    for text, form in written:
        key = word_key(text)
        if key:
            by_words.setdefault(key, []).append((text, form))
    # The first way a name is written decides its form; the others are kept for `form_of`.
    return [
        Entry(index, forms[0][1], key, forms[0][0], _is_acronym(forms[0][0]), tuple(forms), _lowered(forms[0][0]))
        for key, forms in by_words.items()
    ]


def _lowered(text: str) -> tuple[str, ...]:
    """The words of a name as `tokens` splits them, as written but lower-cased (not transliterated)."""
    return tuple(word.lower() for word in words(text))


def _letters(text: str) -> str:
    """The letters of a name as written, case kept: `Central Asia + Japan` and `Central Asia plus Japan` agree."""
    return re.sub(r"[\W_]+", "", text.replace("+", "plus"))


def _plural(demonym: str) -> str:
    return demonym + "s"


def _is_acronym(text: str) -> bool:
    """Short all-capital names (`US`, `UN`, `EU`) match only as written: `us` is a pronoun."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) <= 4 and all(ch.isupper() for ch in letters)
