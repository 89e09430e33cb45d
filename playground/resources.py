"""Bundled files (examples, translations, icons), read with importlib.resources so they work
from a source tree, an installed wheel and a frozen installer alike."""
from __future__ import annotations

import json
import re
from importlib import resources

from core import Project, load_project_text


DEFAULT_EXAMPLE = "worked_example_2_2_1_relu.json"
"""The first seed's worked example: what the window opens on at first start (File ▸ New starts a small blank network)."""


def example_names() -> list[str]:
    """File names of every bundled example document: the default first, then by name."""
    folder = resources.files("resources") / "examples"
    return sorted((p.name for p in folder.iterdir() if p.name.endswith(".json")),
                  key=lambda name: (name != DEFAULT_EXAMPLE, name))


_HEADS: dict[str, dict] = {}
_NETWORK_KEY = re.compile(rb'[{,]\s*"network"\s*:')


def example_head(name: str) -> dict:
    """An example's title, description and translations (what File ▸ Examples shows), read
    from the file's head: the menu needs neither the network nor the data (one example is
    3.5 MB). A file whose head does not parse this way is loaded whole."""
    if name not in _HEADS:
        data = (resources.files("resources") / "examples" / name).read_bytes()
        head = None
        match = _NETWORK_KEY.search(data)
        if match is not None:
            try:
                head = json.loads(data[:match.start()] + b"}")
            except ValueError:
                head = None
        if not isinstance(head, dict) or not isinstance(head.get("title"), str):
            p = load_project_text(data)        # EngineError for a bad file, as before
            head = {"title": p.title, "description": p.description,
                    "translations": p.translations}
        _HEADS[name] = head
    return _HEADS[name]


def example_texts(name: str, language: str) -> tuple[str, str]:
    """``Project.text`` of an example's title and description, from its head."""
    head = example_head(name)
    texts = head.get("translations")
    texts = texts.get(language, {}) if isinstance(texts, dict) else {}
    texts = texts if isinstance(texts, dict) else {}
    return (texts.get("title") or head.get("title") or "",
            texts.get("description") or head.get("description") or "")


def load_example(name: str) -> Project:
    data = (resources.files("resources") / "examples" / name).read_bytes()
    return load_project_text(data)


def read_resource(*parts: str) -> bytes:
    node = resources.files("resources")
    for part in parts:
        node = node / part
    return node.read_bytes()
