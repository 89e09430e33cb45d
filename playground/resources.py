"""Bundled files (examples, translations, icons), read with importlib.resources so they work
from a source tree, an installed wheel and a frozen installer alike."""
from __future__ import annotations

from importlib import resources

from core import Project, load_project_text


DEFAULT_EXAMPLE = "worked_example_2_2_1_relu.json"
"""The first seed's worked example: what the window opens on at first start (File ▸ New starts a small blank network)."""


def example_names() -> list[str]:
    """File names of every bundled example document: the default first, then by name."""
    folder = resources.files("resources") / "examples"
    return sorted((p.name for p in folder.iterdir() if p.name.endswith(".json")),
                  key=lambda name: (name != DEFAULT_EXAMPLE, name))


def load_example(name: str) -> Project:
    data = (resources.files("resources") / "examples" / name).read_bytes()
    return load_project_text(data)


def read_resource(*parts: str) -> bytes:
    node = resources.files("resources")
    for part in parts:
        node = node / part
    return node.read_bytes()
