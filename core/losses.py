"""Loss functions, each one record holding the per-sample value beside its gradient.

The reported loss of a batch is the mean of the per-sample values. It never includes
the regularization penalty (that is shown separately where it applies).

* ``half_squared_error``: L = ½·Σ_i (a_i − y_i)²,  ∂L/∂a = a − y. Works with any output.
* ``binary_cross_entropy``: L = −Σ_i [y_i ln a_i + (1 − y_i) ln(1 − a_i)], needs a sigmoid
  output; fused with it, δ = ∂L/∂z = a − y.
* ``softmax_cross_entropy``: L = −Σ_i y_i ln a_i with a = softmax(z) and one-hot y;
  fused, δ = a − y.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from .errors import EngineError

Array = np.ndarray

# log() is evaluated at a clipped into [EPS, 1 − EPS] so a saturated output gives a large
# finite loss instead of inf.
EPS = 1e-15


@dataclass(frozen=True)
class Loss:
    name: str
    value: Callable[[Array, Array], Array]
    """Per-sample loss, shape (batch,), from outputs a and targets y, shape (batch, n)."""
    grad: Callable[[Array, Array], Array]
    """∂L/∂a for each sample, shape (batch, n)."""
    formula: str
    gradient_formula: str
    requires_activation: str | None = None
    """The output activation this loss is defined with (None: any)."""

    def output_delta(self, activation, z: Array, a: Array, y: Array) -> Array:
        """δ = ∂L/∂z at the output layer. Uses the fused a − y where the pairing allows."""
        if self.requires_activation is not None and activation.name == self.requires_activation:
            return a - y
        return activation.delta(z, a, self.grad(a, y))


def _bce(a: Array, y: Array) -> Array:
    ac = np.clip(a, EPS, 1.0 - EPS)
    return -np.sum(y * np.log(ac) + (1.0 - y) * np.log(1.0 - ac), axis=-1)


def _bce_grad(a: Array, y: Array) -> Array:
    ac = np.clip(a, EPS, 1.0 - EPS)
    return (ac - y) / (ac * (1.0 - ac))


def _sce(a: Array, y: Array) -> Array:
    return -np.sum(y * np.log(np.clip(a, EPS, None)), axis=-1)


def _sce_grad(a: Array, y: Array) -> Array:
    return -y / np.clip(a, EPS, None)


LOSSES: dict[str, Loss] = {
    loss.name: loss
    for loss in (
        Loss("half_squared_error",
             lambda a, y: 0.5 * np.sum((a - y) ** 2, axis=-1),
             lambda a, y: a - y,
             "½·Σ(a − y)²", "a − y"),
        Loss("binary_cross_entropy", _bce, _bce_grad,
             "−Σ[y·ln a + (1 − y)·ln(1 − a)]", "(a − y) / (a·(1 − a))",
             requires_activation="sigmoid"),
        Loss("softmax_cross_entropy", _sce, _sce_grad,
             "−Σ y·ln a", "−y / a",
             requires_activation="softmax"),
    )
}

LOSS_NAMES: tuple[str, ...] = tuple(LOSSES)


def get_loss(name: str) -> Loss:
    try:
        return LOSSES[name]
    except KeyError:
        raise EngineError(
            f"unknown loss {name!r} (expected one of: {', '.join(LOSSES)})") from None


def check_pairing(loss: Loss, output_activation: str) -> None:
    """Raise if the loss is used with an output activation it is not defined for."""
    if loss.requires_activation and output_activation != loss.requires_activation:
        raise EngineError(
            f"loss {loss.name} needs a {loss.requires_activation} output layer, "
            f"not {output_activation}")
    if output_activation == "softmax" and loss.name == "binary_cross_entropy":
        raise EngineError("binary_cross_entropy cannot be used with a softmax output")
