"""The names of the window's controls that a lesson or a classroom file may hide, lock or
highlight — Qt-free, so lesson and classroom files are validated without a window.

``playground/controls.py`` maps each name to the real widgets and actions (its docstring says
what each name covers); a test checks both lists are the same. A name is stable: files written by
teachers use it, so a name is never renamed or removed, only added.

Names are grouped by a prefix: the bare name is a whole area (a dock, a tab, a menu), a dotted
name one control in it (``step`` is the Step dock, ``step.forward`` its Forward button together
with the Step menu's item, the toolbar button and the F6 key).
"""
from __future__ import annotations

from .errors import EngineError
from .messages import Message

CONTROL_NAMES: tuple[str, ...] = (
    # the step-by-step view: the Step dock, its buttons (with their menu items, toolbar
    # buttons and keys) and the clicker's PageDown / PageUp
    "step", "step.forward", "step.backward", "step.update", "step.whole", "step.back",
    "step.reset", "step.reset_document", "step.clicker",
    # the other step docks
    "derivation", "inspector", "sample", "weights",
    # training: the Data, Training, Output and Loss docks and the training controls
    "data", "training", "training.play", "training.step_epoch", "training.reset",
    "training.reinit", "training.learning_rate", "training.speed", "training.batch_size",
    "training.optimizer", "training.regularization", "training.activation", "training.output",
    "training.init", "training.stop", "output", "loss",
    # the central tabs and the canvas
    "canvas", "canvas.edit", "graph_explorer", "digits",
    # whole menus, the toolbar and a few commands of their own
    "menu.file", "menu.edit", "menu.view", "menu.network", "menu.step", "menu.train",
    "menu.help", "toolbar", "file.open", "file.save", "file.examples", "edit.undo",
    "file.export_worksheet",
    "network.gradient_check", "view.layout", "view.language", "view.presentation",
)


class UnknownControlError(EngineError, ValueError):
    """A name that is not in CONTROL_NAMES (``name`` says which)."""

    def __init__(self, name: str):
        self.name = name
        super().__init__(Message("controls.unknown", "unknown control {name}; known controls: {names}",
                                 name=repr(name), names=", ".join(CONTROL_NAMES)))


def check_names(names) -> tuple[str, ...]:
    """``names`` as a tuple, each once, in order; UnknownControlError for the first unknown one
    (a name that is not a string is unknown too)."""
    out: list[str] = []
    for name in names:
        if not isinstance(name, str) or name not in CONTROL_NAMES:
            raise UnknownControlError(name if isinstance(name, str) else repr(name))
        if name not in out:
            out.append(name)
    return tuple(out)
