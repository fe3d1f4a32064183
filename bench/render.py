"""Write one source's article from its plan, and record where every figure and name landed.

The text is built piece by piece, so each figure's and each person's exact
characters are known (`Marks`): the gold file points at them. The mess of
copied text (escaped dollars, words split over a page break, bullets, odd
spaces) is added only outside marked figures, so the marks stay exact.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field, replace

from bench import templates
from bench.story import GROUPS, SourcePlan, Story, say
from bench.templates import SLOT as _SLOT
from bench.world import Partner
_PEOPLE_SLOTS = {"DL": ("donor_leader", "full"), "DLs": ("donor_leader", "surname"), "DLt": ("donor_leader", "titled"),
                 "AN": ("analyst", "full"), "ANs": ("analyst", "surname")}  # fmt: skip
_MONTHS = "January February March April May June July August September October November December".split()


@dataclass
class Mark:
    """Where something the gold file may point at was written: [start, end) of the file's text."""

    start: int
    end: int
    tag: tuple[str, str]  # ('fact', key), ('bracket', key) or ('person', canonical surname)
    text: str


@dataclass
class Page:
    """An article being written: its pieces and its marks."""

    pieces: list[str] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    length: int = 0

    def add(self, text: str) -> None:
        """Append plain text."""
        self.pieces.append(text)
        self.length += len(text)

    def mark(self, text: str, tag: tuple[str, str]) -> None:
        """Append text the gold file may point at."""
        self.marks.append(Mark(self.length, self.length + len(text), tag, text))
        self.add(text)

    def text(self) -> str:
        """The article so far."""
        return "".join(self.pieces)


def article(story: Story, plan: SourcePlan, rng: random.Random) -> Page:
    """The whole text of one source."""
    page = Page()
    writer = _Writer(story, plan, page, rng)
    partner = story.partners[plan.index % len(story.partners)]
    writer.sentence(plan.title, partner)
    page.add("\n")
    writer.paragraph([plan.lede], partner)
    background = rng.sample(templates.BACKGROUND, k=rng.randint(1, 3))
    filler = rng.sample(templates.FILLER, k=len(templates.FILLER))  # each filler sentence once per article
    for group in plan.groups:
        writer.paragraph([plan.texts[group]], _partner_of(story, group, partner))
        if rng.random() < 0.8 and len(filler) >= 5:
            writer.paragraph([filler.pop() for _ in range(rng.randint(2, 5))], partner)
        if background and rng.random() < 0.4:
            writer.paragraph([background.pop()], partner)
    for paragraph in background:
        writer.paragraph([paragraph], partner)
    if rng.random() < 0.3:
        writer.bullets(partner)
    writer.ensure_people(partner)
    writer.paragraph([rng.choice(templates.CLOSINGS)], partner)
    if plan.outlet and rng.random() < 0.5:
        page.add(plan.outlet)
    return page


def _partner_of(story: Story, group: str, default: Partner) -> Partner:
    """The partner a group speaks of: its own for per-partner facts, the first for the agency's work."""
    name = group.partition(":")[2]
    if name:
        return next(p for p in story.partners if p.name == name)
    return story.partners[0] if group.startswith(("aid", "scholarships")) else default


_FIGURE_NAMES = {key for _, keys in GROUPS.values() for key in keys}


class _Writer:
    """Fills templates for one source: entities as plain text, figures and people as marks."""

    def __init__(self, story: Story, plan: SourcePlan, page: Page, rng: random.Random):
        self.story, self.plan, self.page, self.rng = story, plan, page, rng
        self.hyphenated = rng.random() < 0.25  # one word split over a page break, as copied PDFs have

    def paragraph(self, sentences: list[str], partner) -> None:
        """Write sentences as one paragraph, ended by one or two line breaks (both are found in copied text)."""
        for index, sentence in enumerate(sentences):
            if index:
                self.page.add(" ")
            self.sentence(sentence, partner)
        self.page.add("\n\n" if self.rng.random() < 0.5 else "\n")

    def bullets(self, partner) -> None:
        """A bulleted list of proposals, as the seed articles have (`▪️ a network of technology parks;`)."""
        self.sentence("{PLt} proposed the development and establishment of:", partner)
        for proposal in self.rng.sample(templates.PROPOSALS, k=3):
            self.page.add("\n\u25aa\ufe0f ")
            self.sentence(proposal, partner)
        self.page.add("\n")

    def ensure_people(self, partner) -> None:
        """A planted spelling must be written somewhere: add a sentence naming the person if none did."""
        for surname in self.plan.spellings:
            while not any(m.tag == ("person", surname) and m.text != surname for m in self.page.marks):
                role = next(r for r, p in self.story.people.items() if p.surname == surname)
                slot = "{DLt}" if role == "donor_leader" else "{AN}" if role == "analyst" else "{PLt}"
                who = next((p for p in self.story.partners if role == f"leader:{p.name}"), partner)
                self.paragraph([f"{slot} called the talks a turning point for the region."], who)

    def sentence(self, template: str, partner) -> None:
        """Fill a template: entities as text at once, then figures and names as marks."""
        text = _SLOT.sub(lambda m: self._plain(m, partner), template)
        position = 0
        for slot in _SLOT.finditer(text):
            self._text(text[position : slot.start()])
            self._slot(slot, partner)
            position = slot.end()
        self._text(text[position:])

    def _text(self, text: str) -> None:
        if self.hyphenated and len(text) > 80:
            words = [m for m in re.finditer(r"\b[a-z]{8,}\b", text)]
            if words:
                word = words[len(words) // 2]
                cut = word.start() + 2
                self.page.add(text[:cut] + "-\n\n" + text[cut:])
                self.hyphenated = False
                return
        self.page.add(text)

    def _plain(self, match: re.Match, partner) -> str:
        """Entity slots become text at once; figure and person slots are kept for `_slot`."""
        name = match.group(2)
        if name in _FIGURE_NAMES or name in _PEOPLE_SLOTS or name.startswith(("PL", "DL", "AN")):
            return match.group(0)
        value = _entities(self.story, partner)[name]
        return value[:1].upper() + value[1:] if match.group(1) else value

    def _slot(self, match: re.Match, partner) -> None:
        caps, name, noun = match.groups()
        if name in _FIGURE_NAMES:
            self._figure(name, partner, caps == "^", noun)
        else:
            self._person(name, partner)

    def _figure(self, name: str, partner, capitalise: bool, noun: str | None) -> None:
        key = name if name in self.story.facts else f"{name}:{partner.name}"
        said = self.plan.said.get(key) or self._late(key)
        if noun is not None:
            noun = _SLOT.sub(lambda m: _entities(self.story, partner)[m.group(2)], noun)
        written = replace(said.written, noun=noun) if noun is not None else said.written
        text = written.text()
        if capitalise:
            text = text[:1].upper() + text[1:]
        if self.plan.escaped_dollars and "$" in text and not text.startswith("$"):
            text = text.replace("$", "\\$")
        elif self.plan.escaped_dollars and text.startswith("$"):
            self.page.add("\\")
        self.page.mark(text, ("fact", key))
        if said.bracket is not None:
            self.page.add(" (")
            self.page.mark(said.bracket.text(), ("bracket", key))
            self.page.add(")")

    def _late(self, key: str):
        """A fact a template names beyond those planned (the pledge in a title): stated truthfully."""
        self.plan.said[key] = say(self.story, self.story.facts[key], self.plan.date, self.rng)
        return self.plan.said[key]

    def _person(self, name: str, partner) -> None:
        role, form = _PEOPLE_SLOTS.get(name, (None, None))
        if role is None:  # PL, PLs, PLt, PLposs, PLtposs, ANt
            role = "analyst" if name.startswith("AN") else f"leader:{partner.name}"
            form = {"PL": "full", "PLs": "surname", "PLt": "titled", "PLposs": "possessive", "PLtposs": "titled_possessive",
                    "ANt": "title"}[name]  # fmt: skip
        who = self.story.people[role]
        if form == "title":
            self.page.add(who.title)
            return
        spelled = self.plan.spellings.get(who.surname, who.surname)
        if spelled != who.surname and not self.plan.variant_everywhere and self._first_mention(who.surname):
            spelled = who.surname  # a source that slips once: the first mention is right
        if form.startswith("titled"):
            # a partner's leader is introduced with the country (`Kazakh President ...`), as news copy does
            country = f"{partner.adjective} " if role.startswith("leader:") else ""
            self.page.add(f"{country}{who.title} ")
        if form in ("full", "titled", "titled_possessive", "possessive"):
            self.page.add(f"{who.first} ")
        self.page.mark(spelled, ("person", who.surname))
        if form.endswith("possessive"):
            self.page.add("\u2019s")

    def _first_mention(self, surname: str) -> bool:
        return not any(m.tag == ("person", surname) for m in self.page.marks)


def _entities(story: Story, partner) -> dict[str, str]:
    donor = story.donor
    single = len(story.partners) == 1
    date = story.date
    return {
        "D": donor.name, "Dadj": donor.adjective, "Dposs": _possessive(donor.name), "city": donor.capital,
        "P": partner.name, "Padj": partner.adjective, "Pposs": _possessive(partner.name), "Pcity": partner.capital,
        "R": story.region, "Radj": partner.adjective if single else _region_adjective(story.region),
        "A": donor.agency, "Aposs": _possessive(donor.agency), "exports": partner.exports,
        "companies": ", ".join(donor.companies[:4]) + f", and {donor.companies[4]}",
        "partners": _listed([p.name for p in story.partners]),
        "event": f"the first {story.region.removeprefix('the ')} + {donor.name} summit" if not single else
                 f"the {donor.name}\u2013{partner.name} business forum",
        "date": f"{_MONTHS[date.month - 1]} {date.day}", "N": _number_word(story.horizon),
        "last_year": str(date.year - 1),
    }  # fmt: skip


def _possessive(name: str) -> str:
    return f"{name}\u2019" if name.endswith("s") else f"{name}\u2019s"


def _region_adjective(region: str) -> str:
    words = {"Central Asia": "Central Asian", "the South Caucasus": "South Caucasian", "East Africa": "East African",
             "North Africa": "North African", "Southeast Asia": "Southeast Asian", "the Andean region": "Andean",
             "Northeast Asia": "Northeast Asian"}  # fmt: skip
    return words.get(region, region)


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" and {names[-1]}"


def _number_word(number: int) -> str:
    return {3: "three", 5: "five", 10: "ten"}.get(number, str(number))
