"""Extraction throughput: MB of article text per second on one core.

Builds a large corpus (default 8 MB) of news-like articles from the sample corpus's
sentences (`seeds/`), with every digit re-drawn from a seeded generator so the
figures vary, currencies, units and dates rotate, and no two articles are alike.
Then times `factcheck.extract.extract` alone (loading and cleaning are done
before the clock starts) in one process, which uses one core.

    python3 bench/extract_throughput.py [--mb 8] [--seed 7] [--repeat 3]

Prints one line per run and the best, as MB/s (10^6 characters of text per CPU second of
this one process) and claims per second.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
import tomllib
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.cleaning import clean  # noqa: E402
from factcheck.config import load_rules  # noqa: E402
from factcheck.extract import extract  # noqa: E402
from factcheck.models import Document, Source  # noqa: E402

_EXTRA = [
    "Exports rose {p}% to ${m} billion in {y}, the ministry said on {month} {d}.",
    "The {n}-year plan foresees {c} new factories and {k} km of railways by {y}.",
    "About {c} people attended, up from nearly {c2} in {y2}, organisers said.",
    "The company reported revenue of €{m} million ({m2} million US dollars) for {month} {y}.",
    "A {mw} MW solar plant covering {k} hectares will open within {c3} months.",
    "Inflation slowed to {p} per cent, while wages grew by {p2} percentage points between {y2} and {y}.",
    "The fund, established in {y2}, holds ¥{m}tn (about ${m2}bn) in assets.",
    "Officials from {c3} countries signed {c} agreements worth more than {m} billion tenge.",
]
_TEMPLATED = 3  # templated sentences per 40 seed sentences: about the figure density of the seeds (~2,500 claims/MB)
_MONTHS = "January February March April May June July August September October November December".split()


def corpus(megabytes: float, seed: int) -> list[str]:
    """Articles of about 6 KB each until the corpus holds `megabytes` million characters."""
    rng = random.Random(seed)
    sentences = [s for path in sorted((ROOT / "seeds").glob("*.txt")) for s in _sentences(path.read_text("utf-8"))]
    articles, size = [], 0
    while size < megabytes * 1_000_000:
        picked = rng.sample(sentences, 40) + [_fill(rng.choice(_EXTRA), rng) for _ in range(_TEMPLATED)]
        rng.shuffle(picked)
        article = "\n".join(re.sub(r"\d", lambda _: str(rng.randint(0, 9)), s) for s in picked)
        articles.append(article)
        size += len(article)
    return articles


def real_corpus(language: str, megabytes: float, seed: int) -> list[str]:
    """Articles of 40 quotations each, drawn from the real coverage in `language`, until `megabytes` million characters."""
    paragraphs = real_quotations().get(language)
    if not paragraphs:
        raise SystemExit(f"no quotations in language {language!r} under tests/data/real")
    rng = random.Random(seed)
    articles, size = [], 0
    while size < megabytes * 1_000_000:
        picked = [rng.choice(paragraphs) for _ in range(40)]
        article = "\n\n".join(re.sub("[0-9]", lambda _: str(rng.randint(0, 9)), p) for p in picked)
        articles.append(article)
        size += len(article)
    return articles


def real_quotations() -> dict[str, list[str]]:
    """Base language tag -> the paragraphs of every real source in it, in a fixed order."""
    grouped: dict[str, list[str]] = defaultdict(list)
    for path in sorted((ROOT / "tests" / "data" / "real").glob("*/*.md")):
        _, front, body = path.read_text("utf-8").split("+++\n", 2)
        language = tomllib.loads(front).get("language", "en").replace("_", "-").split("-")[0].lower()
        grouped[language] += [p.strip() for p in body.split("\n\n") if p.strip()]
    return grouped


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", text) if len(s.strip()) > 20]


def _fill(template: str, rng: random.Random) -> str:
    values = {
        "p": rng.randint(1, 99), "p2": rng.randint(1, 9), "m": round(rng.uniform(1, 900), 1), "m2": rng.randint(2, 90),
        "y": rng.randint(1990, 2030), "y2": rng.randint(1950, 1989), "d": rng.randint(1, 28), "n": rng.randint(2, 10),
        "c": rng.randint(2, 5000), "c2": rng.randint(2, 900), "c3": rng.randint(2, 60), "k": f"{rng.randint(1, 99)},{rng.randint(100, 999)}",
        "mw": rng.randint(10, 2000), "month": rng.choice(_MONTHS),
    }  # fmt: skip
    return template.format(**values)


def documents(articles: list[str], language: str = "en") -> list[Document]:
    """Cleaned documents, as the loader makes them."""
    docs = []
    for index, article in enumerate(articles):
        text, offsets = clean(article)
        path = f"bench/{index:05d}.txt"
        source = Source(id=f"bench/{index:05d}", story="bench", path=path, title="bench", language=language)
        docs.append(Document(source=source, original=article, text=text, offsets=offsets))
    return docs


def measure(docs: list[Document], rules) -> tuple[float, float, int]:
    """(CPU seconds, wall seconds, claims) to extract every document once.

    CPU time of this process is what one core spends, whatever else the machine runs; wall time is shown
    beside it, and the two agree on an idle machine.
    """
    qualifiers = rules.qualifier_table
    cpu, wall = time.process_time(), time.perf_counter()
    claims = sum(len(extract(doc, qualifiers, reference=None)) for doc in docs)
    return time.process_time() - cpu, time.perf_counter() - wall, claims


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=None, help="corpus size in millions of characters (8 for en, 1 otherwise)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--language", nargs="+", default=["en"], help="base language tags: en, ru, zh, ja, fr, es, de, …")
    args = parser.parse_args()
    rules = load_rules(ROOT / "rules")
    summary = [run_language(language, args, rules) for language in args.language]
    for line in summary:
        print(line)


def run_language(language: str, args: argparse.Namespace, rules) -> str:
    """Time `args.repeat` runs over the corpus of one language; its summary line."""
    megabytes = args.mb if args.mb is not None else (8.0 if language == "en" else 1.0)
    articles = corpus(megabytes, args.seed) if language == "en" else real_corpus(language, megabytes, args.seed)
    docs = documents(articles, language)
    size = sum(len(doc.text) for doc in docs) / 1_000_000
    extract(docs[0], rules.qualifier_table)  # warm the caches (CLDR tables, compiled patterns) before timing
    rates = []
    for run in range(args.repeat):
        seconds, wall, claims = measure(docs, rules)
        rates.append(size / seconds)
        print(f"{language} run {run + 1}: {size:.1f} MB, {len(docs)} articles, {claims} claims ({claims / size:,.0f} per MB) "
              f"in {seconds:.2f} s CPU ({wall:.2f} s wall): {rates[-1]:.2f} MB/s, {claims / seconds:,.0f} claims/s")  # fmt: skip
    return f"{language}: median {statistics.median(rates):.2f} MB/s per core, best {max(rates):.2f} ({args.repeat} runs)"


if __name__ == "__main__":
    main()
