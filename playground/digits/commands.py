"""Undo steps of the Digits workspace: build a digit model (steps 1–2) as one step.

A fit is one ``TrainingRun`` step (``playground.commands``); building a new model replaces
the network, the data set, the loss and optimizer settings, the sample and the history at
once, and undo brings the whole previous document state back.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

FIELDS = ("dataset", "features", "digits", "loss", "optimizer", "batch_size", "history",
          "max_epochs", "target_loss", "init_seed", "training_seed")


def tr(text: str) -> str:
    return QCoreApplication.translate("DigitsCommands", text)


def _state(p) -> dict:
    st = {k: getattr(p, k) for k in FIELDS}
    st.update(network=p.network.copy(), x=p.sample_x.copy(), y=p.sample_y.copy())
    return st


class BuildDigitModel(QUndoCommand):
    """Replace the document's model by a digit project's (network, data, settings, sample)."""

    def __init__(self, doc, project, text: str | None = None):
        super().__init__(text or tr("Build digit network"))
        self.doc = doc
        self.old, self.new = _state(doc.project), _state(project)

    def _apply(self, st: dict) -> None:
        doc, p = self.doc, self.doc.project
        for k in FIELDS:
            setattr(p, k, st[k])
        doc.set_network(st["network"])          # the sample is resized with it …
        doc.set_sample(st["x"], st["y"])        # … then set exactly
        p.features = st["features"]
        doc.set_dataset(st["dataset"])
        doc.set_settings()
        doc.set_history(st["history"])

    def redo(self):
        self._apply(self.new)

    def undo(self):
        self._apply(self.old)
