"""A source's original text cut into plain and highlighted pieces.

The text is never turned into markup here: it is split at the marked spans into
a tree of plain strings and marks, and the template escapes every string as it
writes it. Nothing a source contains can therefore become a tag.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Mark:
    """A span of the text to highlight, and what it stands for."""

    start: int
    end: int
    anchor: str
    claims: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    cited: bool = False


@dataclass
class Node:
    """Either a run of plain text (`mark` is None) or a mark holding child nodes."""

    text: str = ""
    mark: Mark | None = None
    children: list[Node] = field(default_factory=list)


def merge(marks: list[Mark]) -> list[Mark]:
    """One mark per distinct span, carrying every claim and entity found there."""
    by_span: dict[tuple[int, int], Mark] = {}
    for mark in marks:
        known = by_span.get((mark.start, mark.end))
        if known is None:
            by_span[(mark.start, mark.end)] = mark
            continue
        by_span[(mark.start, mark.end)] = Mark(
            start=mark.start,
            end=mark.end,
            anchor=known.anchor,
            claims=tuple(dict.fromkeys(known.claims + mark.claims)),
            entities=tuple(dict.fromkeys(known.entities + mark.entities)),
            cited=known.cited or mark.cited,
        )
    return sorted(by_span.values(), key=lambda mark: (mark.start, -mark.end))


def tree(text: str, marks: list[Mark]) -> list[Node]:
    """The text as nodes: marks nest when one span lies inside another.

    A span that crosses the end of an enclosing one (which extraction should not
    produce) is cut at that end, so its start, where links land, stays right.
    """
    root = Node()
    stack: list[tuple[Node, int]] = [(root, len(text))]
    cursor = 0
    for mark in merge(marks):
        while len(stack) > 1 and mark.start >= stack[-1][1]:
            cursor = _close(text, stack, cursor)
        start, end = max(mark.start, cursor), min(mark.end, stack[-1][1])
        if start >= end:
            continue  # empty, out of the text, or swallowed by an earlier span
        _add_text(stack[-1][0], text[cursor:start])
        node = Node(mark=mark)
        stack[-1][0].children.append(node)
        stack.append((node, end))
        cursor = start
    while len(stack) > 1:
        cursor = _close(text, stack, cursor)
    _add_text(root, text[cursor:])
    return root.children


def _close(text: str, stack: list[tuple[Node, int]], cursor: int) -> int:
    node, end = stack.pop()
    _add_text(node, text[cursor:end])
    return end


def _add_text(node: Node, text: str) -> None:
    if text:
        node.children.append(Node(text=text))
