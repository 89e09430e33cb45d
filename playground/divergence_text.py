"""The window's words for a divergence (``core.divergence``): its code rendered in the user's
language, for an exposed update (nothing was changed) and for a training run (the last good
weights were kept)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("Divergence", text)


def divergence_text(code: str, during: str = "training") -> str:
    """``during``: "update" (Apply update / Whole step) or "training" (Play, one epoch)."""
    what = {
        "non_finite": _t("the loss or a weight became infinite or NaN"),
        "parameters": _t("a weight grew beyond ±1,000,000"),
        "loss_exploded": _t("the loss exploded (to more than 1000 times its starting value)"),
        "loss_rose": _t("the loss rose above its starting value and stayed there for 10 epochs"),
    }.get(code)
    if what is None:
        what = _t("the loss or a weight became infinite or NaN")
    if during == "update":
        return _t("This update diverges: %1. The parameters were not changed; "
                  "try a smaller learning rate.").replace("%1", what)
    return _t("Training diverged: %1. The last good weights were kept; "
              "try a smaller learning rate.").replace("%1", what)
