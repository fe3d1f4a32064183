"""The gold file of a generated corpus: every planted discrepancy and where it is written.

`gold.json` sits at the corpus root (the tool reads only .txt and .md files, so
it is not taken for a source). Each item names the rule that should fire, the
source (path from the corpus root) and the exact character spans of the planted
text. Items with `recall: false` are rules that may rightly fire on the same
plant as well (a broken sum's changed part also disagrees with other sources);
they excuse such findings without being counted as misses.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

GOLD_NAME = "gold.json"


@dataclass(frozen=True)
class GoldItem:
    """One planted discrepancy (or a rule that may also fire on it)."""

    id: str
    story: str
    rule: str
    source: str
    key: str
    spans: tuple[tuple[int, int], ...]
    surface: str
    note: str
    recall: bool = True


@dataclass(frozen=True)
class Gold:
    """A corpus's parameters and its planted discrepancies."""

    corpus: dict
    items: tuple[GoldItem, ...]

    def counted(self) -> list[GoldItem]:
        """The items recall is measured on."""
        return [item for item in self.items if item.recall]


def save(gold: Gold, root: Path) -> None:
    """Write gold.json, deterministically (sorted keys, fixed layout)."""
    payload = {"corpus": gold.corpus, "items": [asdict(item) for item in gold.items]}
    (root / GOLD_NAME).write_text(json.dumps(payload, indent=1, ensure_ascii=False, sort_keys=True) + "\n", "utf-8")


def load(root: Path) -> Gold:
    """Read a corpus's gold.json."""
    payload = json.loads((root / GOLD_NAME).read_text("utf-8"))
    items = tuple(
        GoldItem(**{**item, "spans": tuple(tuple(span) for span in item["spans"])}) for item in payload["items"]
    )
    return Gold(payload["corpus"], items)
