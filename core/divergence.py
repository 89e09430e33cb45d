"""When has training diverged? What a teacher would call divergence, as one rule for every path
(Play, one epoch, Whole step / Apply update, the command line).

A run has diverged when, at a check:

* ``non_finite``   the loss or a parameter is NaN or ±∞;
* ``parameters``   a parameter's size exceeds ``PARAMETER_LIMIT`` (1e6: far beyond any
                   weight a lesson needs, and where float64 products soon overflow);
* ``loss_exploded`` the loss exceeds ``EXPLODE_FACTOR`` × its starting value + 1;
* ``loss_rose``    the loss has stayed above ``RISE_FACTOR`` × its starting value
                   (+ ``RISE_MARGIN``) for ``RISE_EPOCHS`` epochs in a row: a learning rate
                   so large that the network ends worse than untrained (saturated tanh,
                   sigmoid or softmax outputs) without ever producing an infinite number.

The watch remembers the last good parameters (those of the last check that was not on the
way up), so a diverged run hands back the state before things went wrong.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

PARAMETER_LIMIT = 1e6
EXPLODE_FACTOR = 1e3
RISE_FACTOR = 1.02
RISE_MARGIN = 1e-3
RISE_EPOCHS = 10.0

REASONS = ("non_finite", "parameters", "loss_exploded", "loss_rose")


@dataclass(frozen=True)
class Divergence:
    """Why a run diverged, with the numbers a message needs (code + parameters, no text)."""

    code: str
    start_loss: float
    loss: float
    epoch: float

    def message(self) -> str:
        """English, for the command line (the window renders the code in its language)."""
        what = {
            "non_finite": "the loss or a weight became infinite or NaN",
            "parameters": f"a weight grew beyond ±{PARAMETER_LIMIT:g}",
            "loss_exploded": f"the loss exploded from {self.start_loss:.6g} to {self.loss:.6g}",
            "loss_rose": (f"the loss rose from {self.start_loss:.6g} to {self.loss:.6g} and stayed "
                          f"there for {RISE_EPOCHS:g} epochs"),
        }[self.code]
        return (f"training diverged: {what}; the last good weights were kept — "
                f"try a smaller learning rate")


def parameters_ok(theta: np.ndarray) -> bool:
    """Finite and within ±PARAMETER_LIMIT."""
    with np.errstate(invalid="ignore"):
        return bool(np.all(np.abs(theta) <= PARAMETER_LIMIT))   # NaN compares False


def check_step(loss_before: float, loss_after: float, theta: np.ndarray) -> str | None:
    """The rule for one exposed update (Apply update / Whole step): the code, or None."""
    if not (np.isfinite(loss_after) and np.all(np.isfinite(theta))):
        return "non_finite"
    if not parameters_ok(theta):
        return "parameters"
    if loss_after > EXPLODE_FACTOR * loss_before + 1.0:
        return "loss_exploded"
    return None


class DivergenceWatch:
    """Follows one run's train loss; ``check`` says whether it has diverged."""

    def __init__(self, start_loss: float, theta: np.ndarray):
        self.start_loss = float(start_loss) if np.isfinite(start_loss) else np.inf
        self.good = theta.copy()
        self._rising_since: float | None = None

    def check(self, loss: float, theta: np.ndarray, epoch: float) -> Divergence | None:
        code = check_step(self.start_loss, loss, theta)
        if code is None and loss > RISE_FACTOR * self.start_loss + RISE_MARGIN:
            if self._rising_since is None:
                self._rising_since = epoch
            elif epoch - self._rising_since >= RISE_EPOCHS:
                code = "loss_rose"
        elif code is None:
            self._rising_since = None
            self.good[...] = theta
        if code is None:
            return None
        return Divergence(code, self.start_loss, float(loss), float(epoch))
