"""Generate a realistic corpus of news stories with planted discrepancies, and its gold file.

    python -m bench.corpus --scenario archive --articles 1000 --seed 1 --out bench/out/archive-1000

Scenarios:
- `archive`: ten sources per story folder (10,000 articles -> 1,000 stories), as a newsroom archive.
- `story`: one story covered by every source (a major event: up to 1,000 sources).

Each story folder has a `story.toml` (`[story] name, date, currency`, and
`[[source]]` metadata) and its sources, `.txt` and `.md` (with front matter).
About 3 in 10 sources carry a planted discrepancy (`plant.py`), recorded in
`gold.json` with its exact spans. The same seed gives the same bytes; story
N of a corpus depends only on the seed, N and its number of sources, so a
larger corpus holds the smaller ones.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
from pathlib import Path

from bench.gold import GOLD_NAME, Gold, GoldItem, save
from bench.plant import Plant, plant
from bench.render import Page, article
from bench.story import SourcePlan, Story, new_story

SCENARIOS = ("archive", "story")
PER_STORY = 10
PLANT_RATE = 0.3
MARKER = "corpus.json"


def layout(scenario: str, articles: int, per_story: int = PER_STORY) -> list[int]:
    """Sources per story: `archive` splits the articles into stories of `per_story`; `story` is one story."""
    if scenario == "story":
        return [articles]
    stories, rest = divmod(articles, per_story)
    sizes = [per_story] * stories
    if rest:
        sizes.append(rest)
    return sizes or [articles]


def generate(
    out: Path, scenario: str, articles: int, seed: int, plant_rate: float = PLANT_RATE, per_story: int = PER_STORY
) -> Gold:
    """Write the corpus under `out` (replacing a corpus generated there before) and return its gold."""
    _clear(out)
    params = {"scenario": scenario, "articles": articles, "seed": seed, "plant_rate": plant_rate, "per_story": per_story}
    (out / MARKER).write_text(json.dumps(params, sort_keys=True) + "\n", "utf-8")  # first: a half-written corpus is ours too
    items: list[GoldItem] = []
    for number, sources in enumerate(layout(scenario, articles, per_story), 1):
        rng = random.Random(f"{seed}:{number}:{sources}")
        story = new_story(f"story-{number:04d}", sources, rng)
        plants = plant(story, max(1, round(plant_rate * sources)), rng)
        items += _write_story(out, story, plants, rng)
    gold = Gold(params, tuple(items))
    save(gold, out)
    return gold


def _clear(out: Path) -> None:
    """Make `out` an empty folder; refuse to empty a folder that is not a generated corpus."""
    if out.exists() and any(out.iterdir()):
        if not (out / MARKER).is_file():
            raise SystemExit(f"{out} exists and is not a generated corpus; not touching it")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)


def _write_story(out: Path, story: Story, plants: list[Plant], rng: random.Random) -> list[GoldItem]:
    folder = out / story.id
    folder.mkdir()
    pages = {}
    for plan in story.sources:
        page = article(story, plan, rng)
        text, shift = _with_front_matter(page, plan)
        (folder / plan.name).write_text(text, "utf-8", newline="")
        pages[plan.index] = (page, shift)
    (folder / "story.toml").write_text(_manifest(story), "utf-8")
    items = []
    for number, planted in enumerate(plants, 1):
        plan = story.sources[planted.source]
        page, shift = pages[planted.source]
        items += _gold_items(story, plan, planted, page, shift, f"{story.id}#{number}")
    return items


def _with_front_matter(page: Page, plan: SourcePlan) -> tuple[str, int]:
    """The file's text, and how far the front matter (of a Markdown source) shifts the page."""
    text = page.text()
    if not plan.markdown:
        return text, 0
    title = text.split("\n", 1)[0]
    fields = {"title": title, "outlet": plan.outlet, "published": plan.published}
    if plan.index % 2:
        lines = [f"{k} = {json.dumps(v, ensure_ascii=False) if isinstance(v, str) else v}" for k, v in fields.items() if v]
        prefix = "+++\n" + "\n".join(lines) + "\n+++\n# "
    else:
        lines = [f"{k}: {json.dumps(v, ensure_ascii=False) if isinstance(v, str) else v}" for k, v in fields.items() if v]
        prefix = "---\n" + "\n".join(lines) + "\n---\n# "
    return prefix + text, len(prefix)


def _manifest(story: Story) -> str:
    event = f"{story.donor.name} and {story.region}: {story.date:%B %Y}"
    lines = ["[story]", f"name = {json.dumps(event, ensure_ascii=False)}", f"date = {story.date.isoformat()}",
             f'currency = "{story.currency}"']  # fmt: skip
    for plan in story.sources:
        if plan.markdown or not (plan.outlet or plan.published):
            continue
        lines += ["", "[[source]]", f'file = "{plan.name}"']
        if plan.outlet:
            lines.append(f"outlet = {json.dumps(plan.outlet)}")
        if plan.published:
            lines.append(f"published = {plan.published.isoformat()}")
    return "\n".join(lines) + "\n"


def _gold_items(story: Story, plan: SourcePlan, planted: Plant, page: Page, shift: int, item_id: str) -> list[GoldItem]:
    source = f"{story.id}/{plan.name}"
    items = [_item(story, source, planted.rule, planted, _spans(planted, planted.tags, page, shift), item_id, True)]
    for number, (rule, tags) in enumerate(planted.also, 1):
        items.append(_item(story, source, rule, planted, _spans(planted, tags, page, shift), f"{item_id}.{number}", False))
    return items


def _item(story, source, rule, planted: Plant, spans, item_id: str, recall: bool) -> GoldItem:
    surface = spans[0][2]
    return GoldItem(item_id, story.id, rule, source, planted.key, tuple((s, e) for s, e, _ in spans), surface,
                    planted.note, recall)  # fmt: skip


def _spans(planted: Plant, tags, page: Page, shift: int) -> list[tuple[int, int, str]]:
    """Where the planted text was written: the marks with the plant's tags (for a name, its other spellings only)."""
    found = [
        (mark.start + shift, mark.end + shift, mark.text)
        for mark in page.marks
        if mark.tag in tags and not (planted.rule == "spelling" and mark.text == planted.key)
    ]
    if not found:
        raise AssertionError(f"plant {planted} was not written")
    return found


def main(argv: list[str] | None = None) -> None:
    """Command line: write a corpus and print what was planted."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scenario", choices=SCENARIOS, default="archive")
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--plant-rate", type=float, default=PLANT_RATE)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    out = args.out or Path("bench/out") / f"{args.scenario}-{args.articles}-s{args.seed}"
    gold = generate(out, args.scenario, args.articles, args.seed, args.plant_rate)
    by_rule: dict[str, int] = {}
    for item in gold.counted():
        by_rule[item.rule] = by_rule.get(item.rule, 0) + 1
    print(f"wrote {out}: {args.articles} articles, {len(gold.counted())} planted discrepancies {by_rule}")


if __name__ == "__main__":
    main()
