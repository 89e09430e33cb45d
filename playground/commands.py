"""Every edit is one QUndoCommand that calls a Document mutator (a drag is one step)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from core import Network


def tr(text: str) -> str:
    # lupdate files a bare tr("…") of a module in the empty context: look it up there
    return QCoreApplication.translate("", text)


_SET_VALUE_ID = 1001


class SetParameter(QUndoCommand):
    """Set one weight ("W", l, i, j) or bias ("b", l, i). Consecutive edits of the same
    parameter with the same ``merge_key`` (one drag, one spin-box session) merge into one step."""

    def __init__(self, doc, ref: tuple, value: float, merge_key=None, initiator=None):
        super().__init__()
        self.doc, self.ref, self.new = doc, tuple(ref), float(value)
        self.merge_key, self.initiator = merge_key, initiator
        layer = doc.network.layer(ref[1])
        self.old = float(layer.weights[ref[2], ref[3]] if ref[0] == "W" else layer.biases[ref[2]])
        name = (f"W{ref[1]}[{ref[2] + 1},{ref[3] + 1}]" if ref[0] == "W" else f"b{ref[1]}[{ref[2] + 1}]")
        self.setText(tr("Set %1").replace("%1", name))

    def _apply(self, value: float, initiator=None) -> None:
        if self.ref[0] == "W":
            self.doc.set_weight(*self.ref[1:], value, initiator=initiator)
        else:
            self.doc.set_bias(*self.ref[1:], value, initiator=initiator)

    def redo(self):
        self._apply(self.new, self.initiator)
        self.initiator = None     # later redos come from the undo stack, every view refreshes

    def undo(self):
        self._apply(self.old)

    def id(self):
        return _SET_VALUE_ID

    def mergeWith(self, other) -> bool:
        if (isinstance(other, SetParameter) and self.merge_key is not None
                and other.merge_key == self.merge_key and other.ref == self.ref):
            self.new = other.new
            return True
        return False


class ReplaceNetwork(QUndoCommand):
    """Structure edits (add/remove neuron or layer, activation, link mask): before/after copies."""

    def __init__(self, doc, new_net: Network, text: str):
        super().__init__(text)
        self.doc = doc
        self.old_net = doc.network.copy()
        self.old_x, self.old_y = doc.project.sample_x.copy(), doc.project.sample_y.copy()
        self.old_features = doc.project.features
        self.new_net = new_net.copy()

    def redo(self):
        self.doc.set_network(self.new_net)

    def undo(self):
        self.doc.project.features = self.old_features
        self.doc.set_network(self.old_net)
        self.doc.set_sample(self.old_x, self.old_y)


class SetSample(QUndoCommand):
    def __init__(self, doc, x, y, initiator=None):
        super().__init__(tr("Edit sample"))
        self.doc, self.initiator = doc, initiator
        self.old = (doc.project.sample_x.copy(), doc.project.sample_y.copy())
        self.new = (x, y)

    def redo(self):
        self.doc.set_sample(*self.new, initiator=self.initiator)
        self.initiator = None

    def undo(self):
        self.doc.set_sample(*self.old)


class SetSettings(QUndoCommand):
    """Loss, optimizer settings, batch size, …: ``fields`` maps Project attribute → new value."""

    def __init__(self, doc, text: str, initiator=None, **fields):
        super().__init__(text)
        self.doc, self.initiator = doc, initiator
        self.new = fields
        self.old = {k: getattr(doc.project, k) for k in fields}

    def redo(self):
        self.doc.set_settings(initiator=self.initiator, **self.new)
        self.initiator = None

    def undo(self):
        self.doc.set_settings(**self.old)


class SetParams(QUndoCommand):
    """Replace all weights and biases at once (a training run, a re-initialisation)."""

    def __init__(self, doc, old_params, new_params, text: str):
        super().__init__(text)
        self.doc, self.old, self.new = doc, old_params, new_params
        self._first = True

    def redo(self):
        self.doc.set_params(self.new)

    def undo(self):
        self.doc.set_params(self.old)


class ApplyUpdate(QUndoCommand):
    """Write the step cursor's gradient-descent update into the network."""

    def __init__(self, doc, cursor):
        super().__init__(tr("Apply update"))
        self.doc, self.cursor = doc, cursor
        self.old = cursor.network.get_params()
        self.new = cursor.update.params()

    def redo(self):
        self.doc._write_update(self.cursor, self.new)

    def undo(self):
        self.doc._unwrite_update(self.cursor, self.old)


class TrainingRun(QUndoCommand):
    """A whole training run (or a reset of the weights): parameters and history before/after."""

    def __init__(self, doc, old_params, new_params, old_history, new_history, text: str,
                 init_seed: int | None = None):
        super().__init__(text)
        self.doc = doc
        self.old, self.new = old_params, new_params
        self.old_history, self.new_history = old_history, new_history
        self.old_seed = doc.project.init_seed
        self.new_seed = init_seed if init_seed is not None else doc.project.init_seed

    def _apply(self, params, history, seed):
        self.doc.project.init_seed = seed
        self.doc.set_params(params)
        self.doc.set_history(history)

    def redo(self):
        self._apply(self.new, self.new_history, self.new_seed)

    def undo(self):
        self._apply(self.old, self.old_history, self.old_seed)
