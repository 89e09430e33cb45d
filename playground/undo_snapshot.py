"""The undo history as data, so that a restored autosave brings back Undo and Redo too.

Every command on the Document's stack replaces one whole project state by another
(``ReplaceState`` and its kin, ``ApplyUpdate``), so the history is a chain of states
S0 → S1 → … → Sn with one text per step, the current index and the clean index (the state the
user's file holds). ``snapshot`` writes the newest steps of that chain as documents (the
loader's own format and rules), within ``MAX_STEPS`` and ``MAX_BYTES``; ``restore`` rebuilds
the stack from it: one generic ReplaceState per step, the clean state where it was, the
current state where it was. A history that cannot be read is left out: the document itself is
restored either way.
"""
from __future__ import annotations

import json

from core.errors import DocumentError, EngineError
from core.project_io import project_from_dict, project_to_dict

MAX_STEPS = 100
"""The newest steps kept (Qt's own undo limit is unlimited; an autosave need not be)."""
MAX_BYTES = 8_000_000
"""The history's share of an autosave file; older steps go first."""


def snapshot(doc) -> dict | None:
    """The undo chain of ``doc`` as JSON-ready data, or None if it has no steps to keep."""
    stack = doc.undo_stack
    commands = [stack.command(k) for k in range(stack.count())]
    if not commands or any(isinstance(getattr(c, "new", None), EngineError) or
                           not hasattr(c, "old") for c in commands):
        return None
    first = max(0, len(commands) - MAX_STEPS)
    if stack.index() < first:
        return None                         # undone past the steps kept: the document only
    kept = commands[first:]
    states = [project_to_dict(kept[0].old)] + [project_to_dict(c.new) for c in kept]
    texts = [c.text() for c in kept]
    index = stack.index() - first
    current = project_to_dict(doc.live_project())
    if 0 <= index < len(states):
        states[index] = current             # a live run's rows, the step position
    sizes = [len(json.dumps(s, ensure_ascii=False, allow_nan=False)) for s in states]
    while len(states) > 1 and sum(sizes) > MAX_BYTES and index > 0:
        states, texts, sizes, index, first = states[1:], texts[1:], sizes[1:], index - 1, first + 1
    if sum(sizes) > MAX_BYTES:
        return None
    clean = stack.cleanIndex() - first
    return {"states": states, "texts": texts, "index": index,
            "clean": clean if 0 <= clean < len(states) else -1}


def read(data) -> tuple[list, list[str], int, int]:
    """(projects, texts, index, clean) from ``snapshot``'s data, validated (DocumentError)."""
    if not isinstance(data, dict):
        raise DocumentError("undo", "expected an object")
    states, texts = data.get("states"), data.get("texts")
    if not isinstance(states, list) or not states or len(states) > MAX_STEPS + 1:
        raise DocumentError("undo.states", "expected a list of documents")
    if not isinstance(texts, list) or len(texts) != len(states) - 1 or \
            not all(isinstance(t, str) and len(t) <= 500 for t in texts):
        raise DocumentError("undo.texts", "expected one text per step")
    index, clean = data.get("index"), data.get("clean")
    for name, value, lo in (("index", index, 0), ("clean", clean, -1)):
        if isinstance(value, bool) or not isinstance(value, int) or not lo <= value < len(states):
            raise DocumentError(f"undo.{name}", "expected a step number")
    projects = []
    for k, state in enumerate(states):
        try:
            projects.append(project_from_dict(state))
        except DocumentError as exc:
            raise DocumentError(f"undo.states[{k}]", str(exc)) from None
    return projects, texts, index, clean


def restore(doc, projects, texts, index: int, clean: int, path: str | None) -> None:
    """Rebuild ``doc``'s stack: states[0] first, one ReplaceState per later state, then back
    to ``index``; the clean state where it was (-1: none of them is the file's)."""
    from .commands import ReplaceState
    doc.replace_project(projects[0], path)
    stack = doc.undo_stack
    for k in range(1, len(projects)):
        stack.push(ReplaceState(doc, projects[k], texts[k - 1]))
        if k == clean:
            stack.setClean()
    if clean == -1:
        stack.resetClean()
    stack.setIndex(index)
