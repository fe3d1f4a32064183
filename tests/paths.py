"""Where the repository's own inputs are, for every test."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
RULES = ROOT / "factcheck" / "rules"
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"
