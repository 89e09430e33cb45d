"""The window's words for a divergence (``core.divergence``): its code rendered in the user's
language, for an exposed update (nothing was changed) and for a training run (the last good
weights were kept)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from .widgets import arg


def divergence_text(code: str, during: str = "training") -> str:
    """``during``: "update" (Apply update / Whole step) or "training" (Play, one epoch)."""
    what = {
        "non_finite": QCoreApplication.translate("Divergence", "the loss or a weight became infinite or NaN"),
        "parameters": QCoreApplication.translate("Divergence", "a weight grew beyond ±1,000,000"),
        "loss_exploded": QCoreApplication.translate("Divergence", "the loss exploded (to more than 1000 times its starting value)"),
        "loss_rose": QCoreApplication.translate("Divergence", "the loss rose above its starting value and stayed there for 10 epochs"),
    }.get(code)
    if what is None:
        what = QCoreApplication.translate("Divergence", "the loss or a weight became infinite or NaN")
    if during == "update":
        return arg(QCoreApplication.translate("Divergence", "This update diverges: %1. The parameters were "
                                              "not changed; try a smaller learning rate."), what)
    return arg(QCoreApplication.translate("Divergence", "Training diverged: %1. The last good weights were "
                                          "kept; try a smaller learning rate."), what)
