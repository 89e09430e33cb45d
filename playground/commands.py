"""Undo steps. Every edit is a ``ReplaceState``: the whole project before and after (projects
are never modified in place, so keeping both costs only what changed). Redo and undo each hand
one state to ``Document.apply`` — one validated state, one notification.

The named commands below only build the new state with ``core.session`` and give the step its
text; consecutive edits with the same ``merge_key`` (one drag, one spin-box session, one slider)
merge into one step. A training run is one ``ReplaceState`` too.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from core import Network, session
from core.errors import EngineError


def tr(text: str) -> str:
    # lupdate files a bare tr("…") of a module in the empty context: look it up there
    return QCoreApplication.translate("", text)


_REPLACE_ID = 1001


class ReplaceState(QUndoCommand):
    """Replace the project by ``new`` (a state made by ``core.session``). A ``new`` that is an
    EngineError (the edit was refused) makes the push report it on ``doc.error`` and leave the
    stack as it was (``DocumentUndoStack.push``), Redo steps included."""

    def __init__(self, doc, new, text: str, merge_key=None, initiator=None, refs: tuple = ()):
        super().__init__(text)
        self.doc, self.merge_key, self.initiator, self.refs = doc, merge_key, initiator, tuple(refs)
        self.old, self.new = doc.project, new

    @property
    def refused(self) -> EngineError | None:
        """Why the edit cannot be made (the stack then reports it and keeps its history)."""
        return self.new if isinstance(self.new, EngineError) else None

    def redo(self):
        if self.refused is not None:                # reported; a stack other than the
            self.setObsolete(True)                  # Document's drops it after this redo
            self.doc.error.emit(str(self.refused))
            return
        self.doc.apply(self.new, initiator=self.initiator, refs=self.refs)
        self.initiator = None     # later redos come from the undo stack: every view refreshes

    def undo(self):
        self.doc.apply(self.old, refs=self.refs)

    def id(self):
        return _REPLACE_ID

    def mergeWith(self, other) -> bool:
        if (self.merge_key is None or getattr(other, "merge_key", None) != self.merge_key
                or isinstance(other.new, EngineError)):
            return False
        self.new = other.new
        return True


def _attempt(edit, *args, **kw):
    """The new state, or the EngineError that refused it (reported when pushed)."""
    try:
        return edit(*args, **kw)
    except EngineError as exc:
        return exc


class SetParameter(ReplaceState):
    """Set one weight ("W", l, i, j) or bias ("b", l, i). Consecutive edits of the same
    parameter with the same ``merge_key`` (one drag, one spin-box session) merge into one step."""

    def __init__(self, doc, ref: tuple, value: float, merge_key=None, initiator=None):
        ref = tuple(ref)
        name = (f"W{ref[1]}[{ref[2] + 1},{ref[3] + 1}]" if ref[0] == "W" else f"b{ref[1]}[{ref[2] + 1}]")
        super().__init__(doc, _attempt(session.set_parameter, doc.project, ref, value),
                         tr("Set %1").replace("%1", name),
                         merge_key=None if merge_key is None else (merge_key, ref),
                         initiator=initiator, refs=(ref,))
        self.ref = ref


class ReplaceNetwork(ReplaceState):
    """Structure edits (add/remove neuron or layer, activation, link mask): the new network;
    the sample follows its sizes."""

    def __init__(self, doc, new_net: Network, text: str):
        super().__init__(doc, _attempt(session.set_network, doc.project, new_net), text)


class SetSample(ReplaceState):
    def __init__(self, doc, x, y, initiator=None):
        super().__init__(doc, _attempt(session.set_sample, doc.project, x, y), tr("Edit sample"),
                         initiator=initiator)


class SetSettings(ReplaceState):
    """Loss, optimizer settings, batch size, …: ``fields`` maps Project attribute → new value,
    validated as the loader would (a loss that cannot pair with the output is refused)."""

    def __init__(self, doc, text: str, initiator=None, merge_key=None, **fields):
        super().__init__(doc, _attempt(session.set_settings, doc.project, **fields), text,
                         merge_key=merge_key, initiator=initiator)
        self.fields = fields


class ApplyUpdate(QUndoCommand):
    """Write the step cursor's gradient-descent update into the network (the step view then
    shows the update stage; undo goes back to the stage before it)."""

    def __init__(self, doc, cursor):
        super().__init__(tr("Apply update"))
        self.doc, self.cursor = doc, cursor
        self.old = doc.project
        self.new = session.set_params(doc.project, cursor.update.params())

    def redo(self):
        self.doc.apply(self.new, cursor=self.cursor, position=len(self.cursor.stages) - 1,
                       applied=True)

    def undo(self):
        self.doc.apply(self.old, cursor=self.cursor, position=len(self.cursor.stages) - 2)


class TrainingRun(ReplaceState):
    """A whole training run (or a reset of the weights): parameters, history and init seed."""

    def __init__(self, doc, old_project, new_params, new_history, text: str,
                 init_seed: int | None = None):
        super().__init__(doc, session.trained(old_project, new_params, new_history, init_seed), text)
        self.old = old_project
