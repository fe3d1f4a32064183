"""Renderers: each turns the same Report into one output format.

Built-in formats register here the way a plugin would; the CLI picks one by name.
"""

from __future__ import annotations

from collections.abc import Callable

from factcheck.models import Report

Renderer = Callable[[Report], str]
RENDERERS: dict[str, Renderer] = {}


def register(name: str) -> Callable[[Renderer], Renderer]:
    """Decorator: make a renderer available as `--format name`."""

    def add(renderer: Renderer) -> Renderer:
        RENDERERS[name] = renderer
        return renderer

    return add


def render(report: Report, name: str) -> str:
    """The report in the named format."""
    return RENDERERS[name](report)


def _load_builtins() -> None:
    # Imported for their register() side effect.
    from factcheck.render import github, html, json, sarif, text  # noqa: F401


_load_builtins()
