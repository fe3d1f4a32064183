"""How many of the figures the real corpus's gold quotes the extractor reads, per language of their source.

    python -m bench.real_figures                    # the table, tuned events only
    python -m bench.real_figures --all --misses     # held-out events too, and every figure not read

Every `figure` of a `[[must]]` row of a numeric kind and every one of a `[[trap]]` row's `figures` that holds a
digit or a CJK numeral is looked up, verbatim, in each source of its row's `items`; it counts as read when some
claim of `factcheck claims` on the event overlaps it there. Times of day (`10:23 p.m.`, `午後5時47分`, `17h06`)
are counted apart: the tool reads them as the time a figure is true (its as-of), not as claims, so no check
compares them yet. This measures reading, not reading right: a figure read with a wrong value counts as read
(the extraction cases under tests/cases/extract hold the values).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from bench.real import DEFAULT_CORPUS, GOLD_NAME, NUMERIC_KINDS, RULES, Gold, event_folders, load_gold, occurrences
from bench.real import overlaps, source_stem
from factcheck.config import Rules, load_rules
from factcheck.pipeline import run

_NUMERAL = re.compile(r"\d|[一二三四五六七八九十百千万億亿兆]")
_TIME_OF_DAY = re.compile(
    r"\d{1,2}\s?[:hH]\s?\d{2}\b"  # 10:23, 17h06
    r"|\d{1,2}(?:[.:]\d{2})?\s?(?:a\.?m\.?|p\.?m\.?)(?!\w)"  # 4:10 am, 3.49 am, 10 a.m.
    r"|(?:pukul|saat|um|alle|às|las|vers|à)\s\d{1,2}[.:]\d{2}"  # pukul 10.05, saat 18.30
    r"|\d{1,2}[.:]\d{2}\s?(?:Uhr|WIB|GMT|UTC|horas|heures|ora)"
    r"|午[前後后]|\d{1,2}[時时点]\d|\d{1,2}\s?시",  # 午後5時47分, 18时24分, 8시쯤
    re.IGNORECASE,
)


_FRONT_MATTER = re.compile(r"(\+\+\+|---)\n.*?\n\1\n", re.DOTALL)


def body_start(text: str) -> int:
    """Where a source's text begins after its front matter: a figure of its `title` is read in the body's first
    line, which repeats it, or not at all."""
    found = _FRONT_MATTER.match(text)
    return found.end() if found else 0


def figures_of(gold: Gold) -> list[tuple[tuple[str, ...], str]]:
    """(items, figure) for every numeric figure the gold quotes."""
    rows = [(must.items, must.figure) for must in gold.must if must.kind in NUMERIC_KINDS]
    rows += [(trap.items, figure) for trap in gold.trap for figure in trap.figures]
    return [(items, figure) for items, figure in rows if _NUMERAL.search(figure)]


def read_figures(folder: Path, rules: Rules) -> list[tuple[str, str, str, bool]]:
    """(language, source stem, figure, read) for each figure of the event's gold, once per source."""
    report = run([folder], rules, claims_only=True)
    texts = {source_stem(source.id): source.text for source in report.sources}
    languages = {source_stem(source.id): source.language.split("-")[0] for source in report.sources}
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for claim in report.claims:
        spans[source_stem(claim.source)].append((claim.span.start, claim.span.end))
    found, seen = [], set()
    for items, figure in figures_of(load_gold(folder / GOLD_NAME)):
        for stem in items:
            text = texts.get(stem, "")
            body = body_start(text)
            places = [place for place in occurrences(text, figure) if place[0] >= body]
            if not places or (stem, figure) in seen:
                continue
            seen.add((stem, figure))
            read = any(overlaps(place, span) for place in places for span in spans[stem])
            found.append((languages.get(stem, "?"), stem, figure, read))
    return found


def main(argv: list[str] | None = None) -> int:
    """Print the share of the gold's figures read, per language (and, with --misses, each one not read)."""
    parser = argparse.ArgumentParser(prog="python -m bench.real_figures", description=__doc__.split("\n\n")[0])
    parser.add_argument("--all", action="store_true", help="held-out events too")
    parser.add_argument("--misses", action="store_true", help="list every figure not read")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    options = parser.parse_args(argv)
    rules = load_rules(RULES)
    total, read, times = Counter(), Counter(), Counter()
    misses = []
    for folder in event_folders(options.corpus, []):
        if load_gold(folder / GOLD_NAME).held_out and not options.all:
            continue
        for language, stem, figure, was_read in read_figures(folder, rules):
            if _TIME_OF_DAY.search(figure):
                times[language] += 1
                continue
            total[language] += 1
            read[language] += was_read
            if not was_read:
                misses.append(f"{language} {folder.name}/{stem}: {figure}")
    if options.misses:
        print("\n".join(sorted(misses)))
    print(f"{'language':10} {'read':>6} {'figures':>8} {'share':>6} {'times of day':>13}")
    for language, count in total.most_common():
        print(f"{language:10} {read[language]:6} {count:8} {read[language] / count:6.2f} {times[language]:13}")
    english = {"en"}
    others = [language for language in total if language not in english]
    other_read, other_total = sum(read[lang] for lang in others), sum(total[lang] for lang in others)
    print(f"{'not en':10} {other_read:6} {other_total:8} {other_read / max(other_total, 1):6.2f} "
          f"{sum(times[lang] for lang in others):13}")
    print(f"{'all':10} {sum(read.values()):6} {sum(total.values()):8} "
          f"{sum(read.values()) / max(sum(total.values()), 1):6.2f} {sum(times.values()):13}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
