"""Undo steps of the Digits workspace: build a digit model (steps 1–2) as one step.

A fit is one ``TrainingRun`` step (``playground.commands``); building a new model replaces
the network, the data set, the loss and optimizer settings, the sample and the history at
once, and undo brings the whole previous document state back.
"""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication

from core import session

from ..commands import ReplaceState, _attempt

FIELDS = ("dataset", "features", "digits", "loss", "optimizer", "batch_size", "history",
          "max_epochs", "target_loss", "init_seed", "training_seed", "precision")


def tr(text: str) -> str:
    return QCoreApplication.translate("DigitsCommands", text)


class BuildDigitModel(ReplaceState):
    """Replace the document's model by a digit project's (network, data, settings, sample):
    one validated state, one undo step, one change."""

    def __init__(self, doc, project, text: str | None = None):
        # a preset brings its own title and description (the old ones described another
        # network); a network built from step 1 has none and keeps the document's
        texts = ("title", "description", "translations") if project.title else ()
        new = replace(doc.project, network=project.network.copy(),
                      sample_x=project.sample_x.copy(), sample_y=project.sample_y.copy(),
                      **{k: getattr(project, k) for k in FIELDS + texts})
        super().__init__(doc, _attempt(session.checked, new), text or tr("Build digit network"))
