"""Short texts: does `factcheck.language`'s cheap route name the language lingua's full high accuracy names?

A text under 120 characters is weighed in lingua's high-accuracy mode among the four languages its
low-accuracy mode ranks first, and English (`language._detect_short`), not among every language detected:
that loads five models for five languages instead of five for every language of the text's script. This draws short
lines (sentences and lines under 120 characters) from the real coverage (`tests/data/real/*/*.md`, front
matter left out), adds the tests' texts, and compares the route with high accuracy among all of
`language.DETECTED` at the same minimum distance. Deterministic: the lines are drawn with a fixed seed.

    python -m bench.language_short [--lines 800] [--seed 1]

Prints the count of lines where the two differ, split into "two different languages" (a wrong reading) and
"a language against none" (a close call decided one way or the other), and each difference.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

from lingua import IsoCode639_1, LanguageDetectorBuilder

from factcheck.language import _MINIMUM_DISTANCE, _SHORT, DETECTED, _detect_short

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "data" / "real"
# The texts tests/test_language.py detects or refuses, and the one-line article bench/startup.py reads.
TEST_TEXTS = [
    "3 trillion yen", "Tokyo, Dec 20", "", "12 345", "$5", "The summit drew 5,000 visitors on 3 March 2024.",
    "Le bilan dépasse 2 000 morts.", "Le bilan dépasse 2 000 morts, selon les autorités locales.",
    "Погибли более 2000 человек, сообщили в МЧС.",
    "Más de 75 millones de dólares fueron destinados a la reconstrucción.",
    "Der Schaden beträgt nach Angaben der Regierung 3,7 Milliarden Euro.",
    "日本は中央アジアに5兆円を投資する。", "中国经济去年增长5.2%，国内生产总值约126万亿元。",
    "사망자는 100명을 넘었다고 당국이 밝혔다.",
    "Japan is prepared to invest about 3 trillion yen in projects across Central Asia.",
]  # fmt: skip
_FRONT_MATTER = ("url", "outlet", "title", "published", "language", "+++", "---", "#")
_SENTENCE_END = re.compile(r"(?<=[.!?。])\s*")


def short_lines(count: int, seed: int = 1) -> list[str]:
    """`count` distinct short lines and sentences of the real coverage, drawn with `seed`."""
    found = set()
    for path in sorted(REAL.glob("*/*.md")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line.startswith(_FRONT_MATTER):
                continue
            for piece in [line, *_SENTENCE_END.split(line)]:
                if 3 <= len(piece.strip()) < _SHORT:
                    found.add(piece.strip())
    lines = sorted(found)
    random.Random(seed).shuffle(lines)
    return lines[:count]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=800, help="short lines drawn from the real coverage (default 800)")
    parser.add_argument("--seed", type=int, default=1, help="which draw (default 1)")
    options = parser.parse_args()
    codes = [getattr(IsoCode639_1, code.upper()) for code in DETECTED]
    builder = LanguageDetectorBuilder.from_iso_codes_639_1(*codes)
    full = builder.with_minimum_relative_distance(_MINIMUM_DISTANCE).build()
    texts = TEST_TEXTS + short_lines(options.lines, options.seed)
    wrong, undecided = [], []
    for text in texts:
        found = full.detect_language_of(text)
        expected = None if found is None else found.iso_code_639_1.name.lower()
        got = _detect_short(text)
        if got != expected:
            (undecided if None in (got, expected) else wrong).append((text, expected, got))
    print(f"{len(texts)} short texts ({len(TEST_TEXTS)} from the tests): {len(wrong)} read as two different languages, "
          f"{len(undecided)} a language against none")
    for text, expected, got in wrong + undecided:
        print(f"  full high accuracy {expected or 'none':4}  route {got or 'none':4}  {text!r}")


if __name__ == "__main__":
    main()
